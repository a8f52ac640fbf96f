//! Every key, listed once. `action_for` turns a key press into an [`Action`] for the screen in
//! front of the trainer; the help overlay and the hint bar are generated from the same lists
//! ([`all_bindings`]), one file per part of the app.

mod action;
mod binding;
mod context;
mod contexts;
mod general_keys;
mod moderation_keys;
mod plan_keys;
mod presenter_keys;
mod rounds_keys;
mod snapshot_keys;
mod sticky_keys;
#[cfg(test)]
mod tests;

pub use action::Action;
pub use binding::{Binding, Key};
pub use context::Context;

use Context as C;
use contexts::TYPING;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::InputRequest;

/// The whole keymap, in the order the help lists it.
pub fn all_bindings() -> impl Iterator<Item = &'static Binding> {
    [
        sticky_keys::STICKY,
        general_keys::GENERAL,
        snapshot_keys::SNAPSHOT,
        plan_keys::PLAN,
        rounds_keys::ROUNDS,
        moderation_keys::MODERATION,
        // After the screens' own keys, so the hint bar keeps those first where room is short.
        presenter_keys::PRESENTER,
        general_keys::TERMINAL,
    ]
    .into_iter()
    .flatten()
}

/// The action for a key event in a context, or `None` if the key means nothing there.
/// Only presses count: Windows also reports releases, which must not act twice.
pub fn action_for(context: Context, event: &KeyEvent) -> Option<Action> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    for b in all_bindings().filter(|b| b.contexts.contains(&context)) {
        let hit = match (b.key, event.code) {
            (Key::Char(k), KeyCode::Char(c)) => !ctrl && !alt && k == c,
            (Key::Ctrl(k), KeyCode::Char(c)) => ctrl && k.eq_ignore_ascii_case(&c),
            (Key::Code(k), code) => !ctrl && k == code,
            (Key::Digits, KeyCode::Char(c @ '1'..='9')) => {
                if !ctrl && !alt {
                    let n = c as u32 - '0' as u32;
                    return Some(match b.action {
                        Action::Vote(_) => Action::Vote(n),
                        _ => Action::ChooseGroup(n),
                    });
                }
                false
            }
            _ => false,
        };
        if hit {
            return Some(b.action.clone());
        }
    }
    if TYPING.contains(&context) {
        return line_edit(event, ctrl, alt);
    }
    None
}

/// The usual line-editing keys, for any text field.
fn line_edit(event: &KeyEvent, ctrl: bool, alt: bool) -> Option<Action> {
    use InputRequest as R;
    let word = ctrl || alt;
    let req = match event.code {
        KeyCode::Char(c) if !ctrl && !alt => return Some(Action::Insert(c)),
        KeyCode::Char('a') if ctrl => R::GoToStart,
        KeyCode::Char('e') if ctrl => R::GoToEnd,
        KeyCode::Char('u') if ctrl => R::DeleteLine,
        KeyCode::Char('k') if ctrl => R::DeleteTillEnd,
        KeyCode::Char('w') if ctrl => R::DeletePrevWord,
        KeyCode::Char('b') if alt => R::GoToPrevWord,
        KeyCode::Char('f') if alt => R::GoToNextWord,
        KeyCode::Char('d') if alt => R::DeleteNextWord,
        KeyCode::Left if word => R::GoToPrevWord,
        KeyCode::Right if word => R::GoToNextWord,
        KeyCode::Left => R::GoToPrevChar,
        KeyCode::Right => R::GoToNextChar,
        KeyCode::Home => R::GoToStart,
        KeyCode::End => R::GoToEnd,
        KeyCode::Backspace if word => R::DeletePrevWord,
        KeyCode::Backspace => R::DeletePrevChar,
        KeyCode::Delete if word => R::DeleteNextWord,
        KeyCode::Delete => R::DeleteNextChar,
        _ => return None,
    };
    Some(Action::Line(req))
}

/// The bindings live in a context, for the help overlay.
pub fn bindings_for(context: Context) -> impl Iterator<Item = &'static Binding> {
    all_bindings().filter(move |b| b.contexts.contains(&context))
}

/// `(key, what it does)` for the help overlay: each thing once, in keymap order.
pub fn help_lines(context: Context) -> Vec<(String, &'static str)> {
    let mut seen = Vec::new();
    let mut lines = Vec::new();
    for b in bindings_for(context) {
        if !seen.contains(&b.help) {
            seen.push(b.help);
            lines.push((key_label(b.key), b.help));
        }
    }
    lines
}

/// `(key, word)` pairs for the hint bar, the keys used most on that screen first (a narrow
/// window keeps those): help, then [`hint_rank`]'s order, then the keymap's.
pub fn hints_for(context: Context) -> Vec<(String, &'static str)> {
    let mut hinted: Vec<(usize, &Binding)> = bindings_for(context)
        .filter(|b| b.hint.is_some())
        .enumerate()
        .collect();
    hinted.sort_by_key(|(i, b)| (hint_rank(context, &b.action).unwrap_or(usize::MAX), *i));
    hinted
        .into_iter()
        .filter_map(|(_, b)| b.hint.map(|h| (key_label(b.key), h)))
        .collect()
}

/// Where an action's hint goes on a screen's bar, most used first; `None` keeps the keymap's
/// order after the ranked ones. A scribe needs `a`, `b` and `x` more than `+` and `-`.
fn hint_rank(context: Context, action: &Action) -> Option<usize> {
    use Action as A;
    let order: &[A] = match context {
        C::Run | C::Rotation => &[
            A::Help,
            A::AddNotes,
            A::NextStep,
            A::ToggleTimer,
            A::ShowBoard,
            A::ShowRun,
            A::Export,
            A::PreviousStep,
            A::ShowRotation,
            A::ChooseGroup(1),
        ],
        C::Board => &[
            A::Help,
            A::AddNotes,
            A::EditNote,
            A::MoveNote,
            A::DeleteNote,
            A::ShowRun,
            A::ToggleBoardView,
            A::Undo,
            A::Export,
        ],
        C::Entry | C::SnapshotEntry => &[A::Submit, A::Close, A::CyclePrompt, A::Up],
        C::SnapshotPlan => &[
            A::Help,
            A::EditNote,
            A::Up,
            A::NextStep,
            A::PreviousStep,
            A::DeleteNote,
            A::Undo,
        ],
        C::SnapshotPlanInput => &[A::Submit, A::CyclePrompt, A::Close],
        C::Presenter | C::RoomView => &[
            A::Help,
            A::NextStep,
            A::ToggleTimer,
            A::Jump,
            A::ShowPresenter,
            A::ShowRoom,
        ],
        C::SnapshotPage | C::SnapshotDimension => &[
            A::Help,
            A::Vote(1),
            A::AddNotes,
            A::NextStep,
            A::PreviousStep,
            A::Undo,
            A::ToggleTimer,
        ],
        C::SnapshotAnalysis | C::SnapshotDots | C::SnapshotPriorities => &[
            A::Help,
            A::AddNotes,
            A::NextStep,
            A::PreviousStep,
            A::EditNote,
            A::AddDot,
            A::RemoveDot,
            A::ShiftLeft,
            A::ShiftRight,
            A::ShiftUp,
            A::ShiftDown,
        ],
        _ => &[A::Help],
    };
    order.iter().position(|a| a == action)
}

/// How the digit keys are written in help and the hint bar (which narrows it to the digits in use).
pub const DIGITS_LABEL: &str = "1-9";

/// How a key is written for people: `Space`, `Ctrl-r`, `Esc`, `1-9`.
pub fn key_label(key: Key) -> String {
    match key {
        Key::Char(' ') => "Space".into(),
        Key::Char(c) => c.to_string(),
        Key::Ctrl(c) => format!("Ctrl-{c}"),
        Key::Digits => DIGITS_LABEL.into(),
        Key::Code(code) => match code {
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Delete => "Del".into(),
            other => format!("{other:?}"),
        },
    }
}
