//! Every key, listed once. `action_for` turns a key press into an [`Action`] for the screen in
//! front of the trainer; the help overlay and the hint bar are generated from [`BINDINGS`].

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::InputRequest;

/// Which set of keys is live: the screen or overlay that has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Home,
    Setup,
    Run,
    Board,
    Rotation,
    /// The scribe's note input.
    Entry,
    /// A one-line text prompt (edit a note, rename a session).
    TextPrompt,
    /// Choosing where to move a note.
    Move,
    Confirm,
    Export,
    Help,
    Blank,
    /// Snapshot warm-up: the intro and the summary.
    SnapshotPage,
    /// Snapshot warm-up: a dimension's page or its "Where are we now?" tally.
    SnapshotDimension,
    /// Snapshot warm-up: the analysis columns (notes under the headings).
    SnapshotAnalysis,
    /// Snapshot warm-up: dot voting on the opportunities.
    SnapshotDots,
    /// Snapshot warm-up: the priorities for local planning.
    SnapshotPriorities,
    /// Snapshot warm-up: the scribe's note input.
    SnapshotEntry,
    /// Snapshot warm-up: editing a note or a priority.
    SnapshotEdit,
    /// The window is too small to draw in: only quitting works.
    TooSmall,
}

/// What a key asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    Close,
    Yes,
    No,
    ToggleTimer,
    AddTime,
    RemoveTime,
    NextStep,
    PreviousStep,
    AddNotes,
    ChooseGroup(u32),
    NextGroup,
    Undo,
    Redo,
    ShowRun,
    ShowBoard,
    ShowRotation,
    ToggleBlank,
    ToggleBoardView,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Submit,
    EditNote,
    MoveNote,
    DeleteNote,
    /// Drop the open session's deleted notes for good (after a confirmation).
    DropDeletedNotes,
    Export,
    /// Paste the behaviors of the category being read, when it has none.
    FillCategory,
    Rename,
    Duplicate,
    Delete,
    CyclePrompt,
    ToggleInitials,
    Insert(char),
    Line(InputRequest),
    Paste(String),
    /// One vote for stage N (1-based) of the Snapshot scale.
    Vote(u32),
    AddDot,
    RemoveDot,
    MorePeople,
    FewerPeople,
    MoreDots,
    FewerDots,
    MorePriorities,
    FewerPriorities,
    /// Move the selected item left / right / up / down (a note between headings, a priority
    /// in the list, the heading in the note input).
    ShiftLeft,
    ShiftRight,
    ShiftUp,
    ShiftDown,
    /// Take the priorities from the dot vote again.
    Retake,
    /// Hand the terminal back to the shell until `fg` (Unix job control).
    Suspend,
    /// Draw the whole screen again.
    Redraw,
}

/// A key as written in the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    /// `1`–`9`: choose a group.
    Digits,
}

/// One line of the keymap: where it applies, the key, what it does.
#[derive(Debug, Clone)]
pub struct Binding {
    pub contexts: &'static [Context],
    pub key: Key,
    pub action: Action,
    /// What the help overlay says.
    pub help: &'static str,
    /// The short word in the hint bar, if it earns a place there.
    pub hint: Option<&'static str>,
}

use Context as C;

const RUNNING: &[Context] = &[C::Run, C::Board, C::Rotation];
const LISTS: &[Context] = &[C::Home, C::Board, C::Move, C::Export, C::Setup, C::Help];
const TYPING: &[Context] = &[
    C::Entry,
    C::TextPrompt,
    C::Setup,
    C::SnapshotEntry,
    C::SnapshotEdit,
];
/// Every Snapshot page (not its inputs).
const SNAP_PAGES: &[Context] = &[
    C::SnapshotPage,
    C::SnapshotDimension,
    C::SnapshotAnalysis,
    C::SnapshotDots,
    C::SnapshotPriorities,
];
/// Snapshot pages where `+`/`-` nudge the page timer (on dot voting they are dots).
const SNAP_NUDGE: &[Context] = &[C::SnapshotPage, C::SnapshotDimension, C::SnapshotAnalysis];
/// Snapshot pages with an undo history (on a dimension, `u` takes back a vote instead).
const SNAP_UNDO: &[Context] = &[C::SnapshotAnalysis, C::SnapshotDots, C::SnapshotPriorities];
/// Snapshot pages with a list to move through.
const SNAP_LISTS: &[Context] = &[C::SnapshotAnalysis, C::SnapshotDots, C::SnapshotPriorities];
/// Snapshot pages that scroll.
const SNAP_SCROLL: &[Context] = &[C::SnapshotPage, C::SnapshotDimension];
/// Everything in the Snapshot warm-up, inputs included.
const SNAP_ALL: &[Context] = &[
    C::SnapshotPage,
    C::SnapshotDimension,
    C::SnapshotAnalysis,
    C::SnapshotDots,
    C::SnapshotPriorities,
    C::SnapshotEntry,
    C::SnapshotEdit,
];

/// Every context: keys that belong to the terminal rather than to a screen.
const EVERYWHERE: &[Context] = &[
    C::Home,
    C::Setup,
    C::Run,
    C::Board,
    C::Rotation,
    C::Entry,
    C::TextPrompt,
    C::Move,
    C::Confirm,
    C::Export,
    C::Help,
    C::Blank,
    C::SnapshotPage,
    C::SnapshotDimension,
    C::SnapshotAnalysis,
    C::SnapshotDots,
    C::SnapshotPriorities,
    C::SnapshotEntry,
    C::SnapshotEdit,
];

macro_rules! bind {
    ($ctx:expr, $key:expr, $action:expr, $help:expr) => {
        Binding {
            contexts: $ctx,
            key: $key,
            action: $action,
            help: $help,
            hint: None,
        }
    };
    ($ctx:expr, $key:expr, $action:expr, $help:expr, $hint:expr) => {
        Binding {
            contexts: $ctx,
            key: $key,
            action: $action,
            help: $help,
            hint: Some($hint),
        }
    };
}

/// The whole keymap, in the order the help lists it.
pub static BINDINGS: &[Binding] = &[
    // Running a workshop.
    bind!(
        RUNNING,
        Key::Char(' '),
        Action::ToggleTimer,
        "start / pause / resume the timer",
        "timer"
    ),
    bind!(
        RUNNING,
        Key::Char('+'),
        Action::AddTime,
        "add 30 seconds",
        "+30s"
    ),
    bind!(RUNNING, Key::Char('='), Action::AddTime, "add 30 seconds"),
    bind!(
        RUNNING,
        Key::Char('-'),
        Action::RemoveTime,
        "remove 30 seconds",
        "-30s"
    ),
    bind!(
        RUNNING,
        Key::Char('n'),
        Action::NextStep,
        "next step (asks while a countdown still runs)",
        "next"
    ),
    bind!(
        RUNNING,
        Key::Char('p'),
        Action::PreviousStep,
        "previous step",
        "prev"
    ),
    bind!(
        RUNNING,
        Key::Char('a'),
        Action::AddNotes,
        "add notes (scribe)",
        "notes"
    ),
    bind!(
        RUNNING,
        Key::Digits,
        Action::ChooseGroup(1),
        "choose group 1–9",
        "group"
    ),
    bind!(
        RUNNING,
        Key::Char('g'),
        Action::NextGroup,
        "next group (reaches groups 10–12)"
    ),
    bind!(
        &[C::Run, C::Board, C::Rotation, C::Home],
        Key::Char('u'),
        Action::Undo,
        "undo",
        "undo"
    ),
    bind!(RUNNING, Key::Ctrl('r'), Action::Redo, "redo"),
    bind!(
        &[C::Run, C::Rotation],
        Key::Char('b'),
        Action::ShowBoard,
        "notes board (flip-chart pages)",
        "board"
    ),
    bind!(
        &[C::Board, C::Rotation],
        Key::Char('v'),
        Action::ShowRun,
        "back to the run view",
        "run view"
    ),
    bind!(
        &[C::Run, C::Board],
        Key::Char('r'),
        Action::ShowRotation,
        "rotation overview",
        "rotation"
    ),
    bind!(
        RUNNING,
        Key::Char('.'),
        Action::ToggleBlank,
        "blank the screen while you talk"
    ),
    bind!(
        &[C::Blank],
        Key::Char('.'),
        Action::ToggleBlank,
        "show the screen again"
    ),
    bind!(
        RUNNING,
        Key::Char('x'),
        Action::Export,
        "export notes",
        "export"
    ),
    bind!(
        &[C::Run],
        Key::Char('f'),
        Action::FillCategory,
        "fill an empty card: paste its behaviors (Read step)"
    ),
    bind!(
        &[C::Run],
        Key::Code(KeyCode::Down),
        Action::Down,
        "scroll the content down"
    ),
    bind!(
        &[C::Run],
        Key::Code(KeyCode::Up),
        Action::Up,
        "scroll the content up"
    ),
    bind!(
        &[C::Run],
        Key::Code(KeyCode::PageDown),
        Action::PageDown,
        "scroll the content a page down"
    ),
    bind!(
        &[C::Run],
        Key::Code(KeyCode::PageUp),
        Action::PageUp,
        "scroll the content a page up"
    ),
    // The notes board.
    bind!(
        &[C::Board],
        Key::Char('c'),
        Action::ToggleBoardView,
        "switch group page / one category across groups",
        "by group/category"
    ),
    bind!(
        &[C::Board],
        Key::Char('e'),
        Action::EditNote,
        "edit the selected note",
        "edit"
    ),
    bind!(
        &[C::Board],
        Key::Code(KeyCode::Enter),
        Action::EditNote,
        "edit the selected note"
    ),
    bind!(
        &[C::Board],
        Key::Char('m'),
        Action::MoveNote,
        "move the selected note",
        "move"
    ),
    bind!(
        &[C::Board],
        Key::Char('d'),
        Action::DeleteNote,
        "delete the selected note (u undoes)",
        "delete"
    ),
    bind!(
        &[C::Board],
        Key::Code(KeyCode::Delete),
        Action::DeleteNote,
        "delete the selected note"
    ),
    bind!(
        &[C::Board, C::SnapshotAnalysis],
        Key::Char('D'),
        Action::DropDeletedNotes,
        "drop this session's deleted notes for good (asks first)"
    ),
    bind!(
        &[C::Board, C::Move],
        Key::Code(KeyCode::Left),
        Action::Left,
        "previous group / category"
    ),
    bind!(
        &[C::Board, C::Move],
        Key::Code(KeyCode::Right),
        Action::Right,
        "next group / category"
    ),
    // Lists.
    bind!(LISTS, Key::Code(KeyCode::Up), Action::Up, "move up"),
    bind!(LISTS, Key::Code(KeyCode::Down), Action::Down, "move down"),
    bind!(
        &[C::Home, C::Board, C::Help],
        Key::Code(KeyCode::PageUp),
        Action::PageUp,
        "page up"
    ),
    bind!(
        &[C::Home, C::Board, C::Help],
        Key::Code(KeyCode::PageDown),
        Action::PageDown,
        "page down"
    ),
    bind!(
        &[C::Home, C::Export, C::Move],
        Key::Code(KeyCode::Enter),
        Action::Submit,
        "open / choose",
        "open"
    ),
    // Home.
    bind!(
        &[C::Home],
        Key::Char('r'),
        Action::Rename,
        "rename the selected session",
        "rename"
    ),
    bind!(
        &[C::Home],
        Key::Char('c'),
        Action::Duplicate,
        "copy the selected session's set-up as a new workshop",
        "copy"
    ),
    bind!(
        &[C::Home],
        Key::Char('d'),
        Action::Delete,
        "delete the selected session (to the trash; u restores)",
        "delete"
    ),
    // Set-up.
    bind!(
        &[C::Setup],
        Key::Code(KeyCode::Tab),
        Action::Down,
        "next field"
    ),
    bind!(
        &[C::Setup],
        Key::Code(KeyCode::BackTab),
        Action::Up,
        "previous field"
    ),
    bind!(
        &[C::Setup],
        Key::Code(KeyCode::Left),
        Action::Left,
        "previous choice / cursor left"
    ),
    bind!(
        &[C::Setup],
        Key::Code(KeyCode::Right),
        Action::Right,
        "next choice / cursor right"
    ),
    bind!(
        &[C::Setup],
        Key::Code(KeyCode::Enter),
        Action::Submit,
        "start the workshop",
        "start"
    ),
    // Typing.
    bind!(
        &[C::Entry, C::TextPrompt],
        Key::Code(KeyCode::Enter),
        Action::Submit,
        "save",
        "save"
    ),
    bind!(
        &[C::Entry],
        Key::Code(KeyCode::Tab),
        Action::CyclePrompt,
        "change the prompt (already / enhance / commitment)",
        "prompt"
    ),
    bind!(
        &[C::Move],
        Key::Code(KeyCode::Tab),
        Action::CyclePrompt,
        "change the prompt"
    ),
    bind!(
        &[C::Entry],
        Key::Ctrl('t'),
        Action::ToggleInitials,
        "type the author's initials / back to the note",
        "initials"
    ),
    bind!(
        &[C::Entry],
        Key::Code(KeyCode::Up),
        Action::Up,
        "previous group"
    ),
    bind!(
        &[C::Entry],
        Key::Code(KeyCode::Down),
        Action::Down,
        "next group"
    ),
    // Anywhere.
    bind!(&[C::Confirm], Key::Char('y'), Action::Yes, "yes", "yes"),
    bind!(&[C::Confirm], Key::Char('n'), Action::No, "no", "no"),
    bind!(
        &[
            C::Home,
            C::Run,
            C::Board,
            C::Rotation,
            C::Move,
            C::Export,
            C::Setup
        ],
        Key::Char('?'),
        Action::Help,
        "this help",
        "help"
    ),
    bind!(&[C::Help], Key::Char('?'), Action::Close, "close the help"),
    bind!(
        &[C::Home, C::Run, C::Board, C::Rotation, C::TooSmall],
        Key::Char('q'),
        Action::Quit,
        "quit (asks while a timer runs; notes are already saved)",
        "quit"
    ),
    bind!(
        &[
            C::Home,
            C::Setup,
            C::Run,
            C::Board,
            C::Rotation,
            C::Entry,
            C::TextPrompt,
            C::Move,
            C::Confirm,
            C::Export,
            C::Help,
            C::Blank
        ],
        Key::Code(KeyCode::Esc),
        Action::Close,
        "close / back (leaving the workshop asks first)",
        "back"
    ),
    bind!(
        &[
            C::Home,
            C::Setup,
            C::Run,
            C::Board,
            C::Rotation,
            C::Entry,
            C::TextPrompt,
            C::Move,
            C::Confirm,
            C::Export,
            C::Help,
            C::Blank,
            C::TooSmall
        ],
        Key::Ctrl('c'),
        Action::Quit,
        "quit (asks while a timer runs; Ctrl-c again quits)"
    ),
    // The Snapshot warm-up.
    bind!(
        &[C::SnapshotDimension],
        Key::Digits,
        Action::Vote(1),
        "add one vote to that stage of the scale (1 = the first stage)",
        "vote"
    ),
    bind!(
        &[C::SnapshotDimension],
        Key::Char('u'),
        Action::Undo,
        "take back the last vote on this dimension",
        "take back"
    ),
    bind!(
        &[C::SnapshotDots],
        Key::Char('+'),
        Action::AddDot,
        "one more dot on the selected opportunity",
        "+dot"
    ),
    bind!(
        &[C::SnapshotDots],
        Key::Char('='),
        Action::AddDot,
        "one more dot on the selected opportunity"
    ),
    bind!(
        &[C::SnapshotDots],
        Key::Char('-'),
        Action::RemoveDot,
        "one dot fewer on the selected opportunity",
        "-dot"
    ),
    bind!(
        &[C::SnapshotAnalysis],
        Key::Char('<'),
        Action::ShiftLeft,
        "move the selected note to the heading on the left",
        "move ◀"
    ),
    bind!(
        &[C::SnapshotAnalysis],
        Key::Char('>'),
        Action::ShiftRight,
        "move the selected note to the heading on the right",
        "move ▶"
    ),
    bind!(
        &[C::SnapshotAnalysis],
        Key::Char('m'),
        Action::ShiftRight,
        "move the selected note to the next heading"
    ),
    bind!(
        &[C::SnapshotPriorities],
        Key::Char('['),
        Action::ShiftUp,
        "move the selected priority up",
        "up"
    ),
    bind!(
        &[C::SnapshotPriorities],
        Key::Char(']'),
        Action::ShiftDown,
        "move the selected priority down",
        "down"
    ),
    bind!(
        &[C::SnapshotAnalysis, C::SnapshotPriorities],
        Key::Char('e'),
        Action::EditNote,
        "edit the selected note / priority",
        "edit"
    ),
    bind!(
        &[C::SnapshotAnalysis, C::SnapshotPriorities],
        Key::Code(KeyCode::Enter),
        Action::EditNote,
        "edit the selected note / priority"
    ),
    bind!(
        &[C::SnapshotAnalysis],
        Key::Char('d'),
        Action::DeleteNote,
        "delete the selected note (u undoes)",
        "delete"
    ),
    bind!(
        &[C::SnapshotAnalysis],
        Key::Code(KeyCode::Delete),
        Action::DeleteNote,
        "delete the selected note"
    ),
    bind!(
        SNAP_UNDO,
        Key::Char('u'),
        Action::Undo,
        "undo the last change to notes, dots or priorities",
        "undo"
    ),
    bind!(SNAP_UNDO, Key::Ctrl('r'), Action::Redo, "redo"),
    bind!(
        &[C::SnapshotPriorities],
        Key::Char('r'),
        Action::Retake,
        "take the priorities from the dot vote again (drops edits; u undoes)",
        "retake"
    ),
    bind!(
        SNAP_PAGES,
        Key::Char('a'),
        Action::AddNotes,
        "add notes (scribe); Tab picks the heading",
        "notes"
    ),
    bind!(
        SNAP_PAGES,
        Key::Char('n'),
        Action::NextStep,
        "next page",
        "next"
    ),
    bind!(
        SNAP_PAGES,
        Key::Char('p'),
        Action::PreviousStep,
        "previous page",
        "prev"
    ),
    bind!(
        SNAP_PAGES,
        Key::Char(' '),
        Action::ToggleTimer,
        "start / pause / resume the page timer",
        "timer"
    ),
    bind!(
        SNAP_NUDGE,
        Key::Char('+'),
        Action::AddTime,
        "add 30 seconds to the page timer",
        "+30s"
    ),
    bind!(
        SNAP_NUDGE,
        Key::Char('='),
        Action::AddTime,
        "add 30 seconds to the page timer"
    ),
    bind!(
        SNAP_NUDGE,
        Key::Char('-'),
        Action::RemoveTime,
        "take 30 seconds off the page timer",
        "-30s"
    ),
    bind!(
        &[C::SnapshotDots],
        Key::Char('>'),
        Action::MorePeople,
        "one more person in the room"
    ),
    bind!(
        &[C::SnapshotDots],
        Key::Char('<'),
        Action::FewerPeople,
        "one person fewer in the room"
    ),
    bind!(
        &[C::SnapshotDots],
        Key::Char(']'),
        Action::MoreDots,
        "one more dot per person"
    ),
    bind!(
        &[C::SnapshotDots],
        Key::Char('['),
        Action::FewerDots,
        "one dot fewer per person"
    ),
    bind!(
        &[C::SnapshotPriorities],
        Key::Char('>'),
        Action::MorePriorities,
        "one more priority"
    ),
    bind!(
        &[C::SnapshotPriorities],
        Key::Char('<'),
        Action::FewerPriorities,
        "one priority fewer"
    ),
    bind!(
        &[C::SnapshotAnalysis],
        Key::Code(KeyCode::Left),
        Action::Left,
        "previous heading column"
    ),
    bind!(
        &[C::SnapshotAnalysis],
        Key::Code(KeyCode::Right),
        Action::Right,
        "next heading column"
    ),
    bind!(
        SNAP_LISTS,
        Key::Code(KeyCode::Up),
        Action::Up,
        "previous item"
    ),
    bind!(
        SNAP_LISTS,
        Key::Code(KeyCode::Down),
        Action::Down,
        "next item"
    ),
    bind!(SNAP_SCROLL, Key::Code(KeyCode::Up), Action::Up, "scroll up"),
    bind!(
        SNAP_SCROLL,
        Key::Code(KeyCode::Down),
        Action::Down,
        "scroll down"
    ),
    bind!(
        SNAP_SCROLL,
        Key::Code(KeyCode::PageUp),
        Action::PageUp,
        "scroll a page up"
    ),
    bind!(
        SNAP_SCROLL,
        Key::Code(KeyCode::PageDown),
        Action::PageDown,
        "scroll a page down"
    ),
    bind!(
        SNAP_PAGES,
        Key::Char('x'),
        Action::Export,
        "export (summary text, JSON)",
        "export"
    ),
    bind!(
        SNAP_PAGES,
        Key::Char('.'),
        Action::ToggleBlank,
        "blank the screen while you talk"
    ),
    bind!(
        &[C::SnapshotEntry, C::SnapshotEdit],
        Key::Code(KeyCode::Enter),
        Action::Submit,
        "save",
        "save"
    ),
    bind!(
        &[C::SnapshotEntry],
        Key::Code(KeyCode::Tab),
        Action::CyclePrompt,
        "next heading (strengths / opportunities / feasibility)",
        "heading"
    ),
    bind!(
        &[C::SnapshotEntry],
        Key::Code(KeyCode::BackTab),
        Action::ShiftLeft,
        "previous heading"
    ),
    bind!(
        &[C::SnapshotEntry],
        Key::Code(KeyCode::Up),
        Action::Up,
        "previous dimension",
        "dimension"
    ),
    bind!(
        &[C::SnapshotEntry],
        Key::Code(KeyCode::Down),
        Action::Down,
        "next dimension"
    ),
    bind!(
        SNAP_PAGES,
        Key::Char('?'),
        Action::Help,
        "this help",
        "help"
    ),
    bind!(
        SNAP_PAGES,
        Key::Char('q'),
        Action::Quit,
        "quit (everything is already saved)",
        "quit"
    ),
    bind!(
        SNAP_ALL,
        Key::Code(KeyCode::Esc),
        Action::Close,
        "close / back (leaving the workshop asks first)",
        "back"
    ),
    bind!(SNAP_ALL, Key::Ctrl('c'), Action::Quit, "quit"),
    // The terminal, on every screen.
    #[cfg(unix)]
    bind!(
        EVERYWHERE,
        Key::Ctrl('z'),
        Action::Suspend,
        "suspend to the shell (fg brings the app back)"
    ),
    bind!(
        EVERYWHERE,
        Key::Ctrl('l'),
        Action::Redraw,
        "draw the whole screen again"
    ),
];

/// The action for a key event in a context, or `None` if the key means nothing there.
/// Only presses count: Windows also reports releases, which must not act twice.
pub fn action_for(context: Context, event: &KeyEvent) -> Option<Action> {
    if event.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    for b in BINDINGS.iter().filter(|b| b.contexts.contains(&context)) {
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
    BINDINGS
        .iter()
        .filter(move |b| b.contexts.contains(&context))
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

/// How a key is written for people: `Space`, `Ctrl-r`, `Esc`, `1-9`.
pub fn key_label(key: Key) -> String {
    match key {
        Key::Char(' ') => "Space".into(),
        Key::Char(c) => c.to_string(),
        Key::Ctrl(c) => format!("Ctrl-{c}"),
        Key::Digits => "1-9".into(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventState;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn contract_keys_on_the_run_view() {
        let cases = [
            (' ', Action::ToggleTimer),
            ('+', Action::AddTime),
            ('-', Action::RemoveTime),
            ('n', Action::NextStep),
            ('p', Action::PreviousStep),
            ('a', Action::AddNotes),
            ('3', Action::ChooseGroup(3)),
            ('u', Action::Undo),
            ('q', Action::Quit),
            ('?', Action::Help),
        ];
        for (c, action) in cases {
            assert_eq!(
                action_for(Context::Run, &press(KeyCode::Char(c))),
                Some(action),
                "{c}"
            );
        }
        let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Context::Run, &ctrl_r), Some(Action::Redo));
        assert_eq!(
            action_for(Context::Run, &press(KeyCode::Esc)),
            Some(Action::Close)
        );
    }

    #[test]
    fn releases_are_ignored() {
        let mut release = press(KeyCode::Char('n'));
        release.kind = KeyEventKind::Release;
        release.state = KeyEventState::NONE;
        assert_eq!(action_for(Context::Run, &release), None);
    }

    #[test]
    fn typing_contexts_insert_letters_that_are_commands_elsewhere() {
        for c in ['n', 'q', 'a', '1', ' ', '?', 'é', '家'] {
            assert_eq!(
                action_for(Context::Entry, &press(KeyCode::Char(c))),
                Some(Action::Insert(c))
            );
        }
        assert_eq!(
            action_for(Context::Entry, &press(KeyCode::Enter)),
            Some(Action::Submit)
        );
        assert_eq!(
            action_for(Context::Entry, &press(KeyCode::Tab)),
            Some(Action::CyclePrompt)
        );
        let ctrl_left = KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL);
        assert_eq!(
            action_for(Context::Entry, &ctrl_left),
            Some(Action::Line(InputRequest::GoToPrevWord))
        );
    }

    #[test]
    fn every_context_has_a_way_out_and_hints() {
        for ctx in [
            Context::Home,
            Context::Setup,
            Context::Run,
            Context::Board,
            Context::Rotation,
            Context::Entry,
            Context::TextPrompt,
            Context::Move,
            Context::Confirm,
            Context::Export,
            Context::Help,
            Context::Blank,
        ] {
            assert_eq!(
                action_for(ctx, &press(KeyCode::Esc)),
                Some(Action::Close),
                "{ctx:?}"
            );
        }
        let run: Vec<String> = hints_for(Context::Run)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert!(run.contains(&"Space".to_string()) && run.contains(&"?".to_string()));
    }
}
