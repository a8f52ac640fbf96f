//! Keys on a running sticky-note session: timer, steps, groups, views, the board's notes.

use super::board::{board_notes, selected_note};
use super::{BoardPage, View};
use crate::content::Library;
use crate::ui::app::{
    App, Effect, MoveRow, MoveTarget, Outcome, Overlay, PAGE, Screen, TextPurpose,
};
use crate::ui::cycle::{Way, cycle, cycle_u32};
use crate::ui::fill_category::start_fill;
use crate::ui::keymap::{Action, Context};
use crate::ui::open_session::OpenSession;
use crate::workshop::Change;
use crate::workshop::chart::Headings;
use std::sync::Arc;
use time::OffsetDateTime;
use tui_input::Input;

/// Applies one action to the sticky-note screen at `now`; returns what the loop must do.
pub fn update(app: &mut App, action: Action, now: OffsetDateTime) -> Vec<Effect> {
    let context = app.context();
    // The run view's text stops at its end: the pane never scrolls to empty, and ↑ acts at
    // once after a scroll to the end.
    let scroll_limit = match (&app.screen, app.window) {
        (Screen::Sticky(w), Some((width, height)))
            if context == Context::Run
                && matches!(
                    action,
                    Action::Up | Action::Down | Action::PageUp | Action::PageDown
                ) =>
        {
            crate::ui::views::content_scroll_limit(app, w, width, height)
        }
        _ => u16::MAX,
    };
    let Screen::Sticky(w) = &mut app.screen else {
        return Vec::new();
    };
    let keys = Keys {
        context,
        scroll_limit,
    };
    let out = w.apply(&app.library, action, now, keys);
    app.carry_out(out)
}

/// What the screen's keys depend on beyond the open session.
#[derive(Debug, Clone, Copy)]
struct Keys {
    context: Context,
    /// Furthest the run view's text scrolls.
    scroll_limit: u16,
}

impl OpenSession {
    fn apply(
        &mut self,
        library: &Library,
        action: Action,
        now: OffsetDateTime,
        keys: Keys,
    ) -> Outcome {
        let mut out = Outcome::default();
        if self.blank {
            if matches!(action, Action::ToggleBlank | Action::Close) {
                self.blank = false;
            }
        } else if self.entry.is_some() {
            self.update_entry(action, now, &mut out);
        } else if !self.timer_key(&action, now, &mut out) {
            self.update_page(library, action, now, keys, &mut out);
        }
        out
    }

    fn update_page(
        &mut self,
        library: &Library,
        action: Action,
        now: OffsetDateTime,
        keys: Keys,
        out: &mut Outcome,
    ) {
        let context = keys.context;
        let groups = self.session.groups.len() as u32;
        match action {
            Action::NextStep | Action::PreviousStep | Action::JumpTo(_) => {
                let moved = match action {
                    Action::NextStep => self.session_mut().next_step(now),
                    Action::PreviousStep => self.session_mut().previous_step(now),
                    Action::JumpTo(p) => self.session_mut().go_to(p, now),
                    _ => false,
                };
                if moved {
                    self.content_scroll = 0;
                    self.rang_at = None;
                    out.changed();
                    return;
                }
                out.say(match action {
                    Action::NextStep => "This is the last step: the wrap-up.",
                    Action::PreviousStep => "This is the first step.",
                    _ => "That is the step on show.",
                });
            }
            Action::ChooseGroup(g) => {
                if g <= groups {
                    self.group = g;
                    self.board.selected = 0;
                } else {
                    out.fail(format!(
                        "There is no group {g}; this workshop has {groups}."
                    ));
                }
            }
            Action::NextGroup => {
                self.group = cycle_u32(self.group, groups, Way::Forward);
                self.board.selected = 0;
            }
            Action::AddNotes => {
                let draft = self.draft.take();
                let restored = draft.is_some();
                self.entry = Some(draft.unwrap_or_default());
                if restored {
                    // "Draft kept" has done its job once the draft is back.
                    out.clear_status();
                }
            }
            Action::Undo | Action::Redo => {
                let done = if action == Action::Undo {
                    self.history.undo(Arc::make_mut(&mut self.session), now)
                } else {
                    self.history.redo(Arc::make_mut(&mut self.session), now)
                }
                .map(Change::summary);
                if let Some(what) = done {
                    out.say(format!("{}: {what}.", action.undo_word()));
                    out.changed();
                    return;
                }
                out.say("Nothing to undo or redo.");
            }
            Action::ShowRun => self.view = View::Run,
            Action::ShowBoard => self.view = View::Board,
            Action::ShowRotation => self.view = View::Rotation,
            Action::ToggleBlank => self.blank = true,
            Action::ToggleBoardView => {
                self.board.page = match self.board.page {
                    BoardPage::Category(_) => BoardPage::Group,
                    BoardPage::Group => BoardPage::Category(
                        self.session.category_index_for(self.group).unwrap_or(0),
                    ),
                };
                self.board.selected = 0;
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown
                if context == Context::Run =>
            {
                let at = self.content_scroll.min(keys.scroll_limit);
                self.content_scroll = match action {
                    Action::Up => at.saturating_sub(1),
                    Action::Down => at.saturating_add(1),
                    Action::PageUp => at.saturating_sub(PAGE),
                    _ => at.saturating_add(PAGE),
                }
                .min(keys.scroll_limit);
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let n = board_notes(self).len();
                let step = if matches!(action, Action::PageUp | Action::PageDown) {
                    PAGE as usize
                } else {
                    1
                };
                self.board.selected = if matches!(action, Action::Up | Action::PageUp) {
                    self.board.selected.saturating_sub(step)
                } else {
                    (self.board.selected + step).min(n.saturating_sub(1))
                };
            }
            Action::Left | Action::Right => {
                let way = Way::forward_if(action == Action::Right);
                match self.board.page {
                    BoardPage::Category(shown) => {
                        let headings = Headings::of(&self.session).len();
                        self.board.page = BoardPage::Category(cycle(shown, headings, way));
                    }
                    BoardPage::Group => self.group = cycle_u32(self.group, groups, way),
                }
                self.board.selected = 0;
            }
            Action::EditNote => {
                if let Some(note) = selected_note(self).and_then(|id| self.session.note(id)) {
                    out.open(Overlay::Text {
                        purpose: TextPurpose::EditNote(note.id),
                        input: Input::new(note.text.clone()),
                    });
                }
            }
            Action::MoveNote => {
                if let Some(note) = selected_note(self).and_then(|id| self.session.note(id)) {
                    let p = &note.placement;
                    let category = p
                        .category
                        .as_deref()
                        .and_then(|c| self.session.categories.iter().position(|x| x == c))
                        .unwrap_or(0);
                    out.open(Overlay::Move(MoveTarget {
                        note: note.id,
                        group: p.group,
                        category,
                        prompt: p.prompt,
                        row: MoveRow::Group,
                    }));
                }
            }
            Action::DeleteNote => {
                if let Some(id) = selected_note(self) {
                    match self.session_mut().delete_note(id, now) {
                        Ok(change) => {
                            self.history.record(change);
                            let n = board_notes(self).len();
                            self.board.selected = self.board.selected.min(n.saturating_sub(1));
                            out.say("Note deleted. u brings it back.");
                            out.changed();
                        }
                        Err(e) => out.fail(e.to_string()),
                    }
                }
            }
            Action::Export => out.open(Overlay::Export { selected: 0 }),
            Action::FillCategory if context == Context::Run => start_fill(self, library, out),
            Action::Help => out.open(Overlay::Help(context)),
            Action::Close => {
                if self.view != View::Run {
                    self.view = View::Run;
                } else {
                    // The session list must never reach the projector by accident.
                    out.open(Overlay::ConfirmLeave);
                }
            }
            Action::Paste(text) => self.paste(&text, out),
            _ => {}
        }
    }
}
