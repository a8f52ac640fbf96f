//! Keys on a running sticky-note session: timer, steps, groups, views, the board's notes.

use super::board::{board_notes, selected_note};
use super::{BoardPage, View};
use crate::ui::app::{App, Effect, MoveRow, MoveTarget, Overlay, PAGE, Screen, TextPurpose};
use crate::ui::cycle::{Way, cycle, cycle_u32};
use crate::ui::keymap::{Action, Context};
use crate::workshop::Change;
use crate::workshop::chart::Headings;
use crate::workshop::timer::NUDGE_SECONDS;
use std::sync::Arc;
use time::OffsetDateTime;
use tui_input::Input;

impl App {
    pub(crate) fn update_sticky(&mut self, action: Action, now: OffsetDateTime) -> Vec<Effect> {
        let context = self.context();
        let Some(w) = self.open_session_mut() else {
            return Vec::new();
        };
        if w.blank {
            if matches!(action, Action::ToggleBlank | Action::Close) {
                w.blank = false;
            }
            return Vec::new();
        }
        if w.entry.is_some() {
            return self.update_entry(action, now);
        }
        let groups = w.session.groups.len() as u32;
        match action {
            Action::ToggleTimer => {
                w.session_mut().toggle_timer(now);
                w.session_mut().updated = now;
                return self.save_effect();
            }
            Action::AddTime | Action::RemoveTime => {
                let secs = if action == Action::AddTime {
                    NUDGE_SECONDS
                } else {
                    -NUDGE_SECONDS
                };
                w.session_mut().timer.nudge(secs, now);
                w.session_mut().updated = now;
                // A countdown pushed back above zero may ring again at its new deadline.
                if !w.session.timer.reading(now).is_over() {
                    w.rang_at = None;
                }
                return self.save_effect();
            }
            Action::NextStep | Action::PreviousStep | Action::JumpTo(_) => {
                let moved = match action {
                    Action::NextStep => w.session_mut().next_step(now),
                    Action::PreviousStep => w.session_mut().previous_step(now),
                    Action::JumpTo(p) => w.session_mut().go_to(p, now),
                    _ => false,
                };
                if moved {
                    w.content_scroll = 0;
                    w.rang_at = None;
                    return self.save_effect();
                }
                self.say(match action {
                    Action::NextStep => "This is the last step: the wrap-up.",
                    Action::PreviousStep => "This is the first step.",
                    _ => "That is the step on show.",
                });
            }
            Action::ChooseGroup(g) => {
                if g <= groups {
                    w.group = g;
                    w.board.selected = 0;
                } else {
                    self.fail(format!(
                        "There is no group {g}; this workshop has {groups}."
                    ));
                }
            }
            Action::NextGroup => {
                w.group = cycle_u32(w.group, groups, Way::Forward);
                w.board.selected = 0;
            }
            Action::AddNotes => {
                let draft = w.draft.take();
                let restored = draft.is_some();
                w.entry = Some(draft.unwrap_or_default());
                if restored {
                    // "Draft kept" has done its job once the draft is back.
                    self.status = None;
                }
            }
            Action::Undo | Action::Redo => {
                let done = if action == Action::Undo {
                    w.history.undo(Arc::make_mut(&mut w.session), now)
                } else {
                    w.history.redo(Arc::make_mut(&mut w.session), now)
                }
                .map(Change::summary);
                if let Some(what) = done {
                    let word = if action == Action::Undo {
                        "Undone"
                    } else {
                        "Redone"
                    };
                    self.say(format!("{word}: {what}."));
                    return self.save_effect();
                }
                self.say("Nothing to undo or redo.");
            }
            Action::ShowRun => w.view = View::Run,
            Action::ShowBoard => w.view = View::Board,
            Action::ShowRotation => w.view = View::Rotation,
            Action::ToggleBlank => w.blank = true,
            Action::ToggleBoardView => {
                w.board.page = match w.board.page {
                    BoardPage::Category(_) => BoardPage::Group,
                    BoardPage::Group => {
                        BoardPage::Category(w.session.category_index_for(w.group).unwrap_or(0))
                    }
                };
                w.board.selected = 0;
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown
                if context == Context::Run =>
            {
                // Stops at the end of the text: the pane never scrolls to empty, and ↑ acts at
                // once after a scroll to the end.
                let limit = match (&self.screen, self.window) {
                    (Screen::Sticky(w), Some((width, height))) => {
                        crate::ui::views::content_scroll_limit(self, w, width, height)
                    }
                    _ => u16::MAX,
                };
                if let Some(w) = self.open_session_mut() {
                    let at = w.content_scroll.min(limit);
                    w.content_scroll = match action {
                        Action::Up => at.saturating_sub(1),
                        Action::Down => at.saturating_add(1),
                        Action::PageUp => at.saturating_sub(PAGE),
                        _ => at.saturating_add(PAGE),
                    }
                    .min(limit);
                }
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let n = board_notes(w).len();
                let step = if matches!(action, Action::PageUp | Action::PageDown) {
                    PAGE as usize
                } else {
                    1
                };
                w.board.selected = if matches!(action, Action::Up | Action::PageUp) {
                    w.board.selected.saturating_sub(step)
                } else {
                    (w.board.selected + step).min(n.saturating_sub(1))
                };
            }
            Action::Left | Action::Right => {
                let way = Way::forward_if(action == Action::Right);
                match w.board.page {
                    BoardPage::Category(shown) => {
                        let headings = Headings::of(&w.session).len();
                        w.board.page = BoardPage::Category(cycle(shown, headings, way));
                    }
                    BoardPage::Group => w.group = cycle_u32(w.group, groups, way),
                }
                w.board.selected = 0;
            }
            Action::EditNote => {
                if let Some(note) = selected_note(w).and_then(|id| w.session.note(id)) {
                    self.overlay = Some(Overlay::Text {
                        purpose: TextPurpose::EditNote(note.id),
                        input: Input::new(note.text.clone()),
                    });
                }
            }
            Action::MoveNote => {
                if let Some(note) = selected_note(w).and_then(|id| w.session.note(id)) {
                    let p = &note.placement;
                    let category = p
                        .category
                        .as_deref()
                        .and_then(|c| w.session.categories.iter().position(|x| x == c))
                        .unwrap_or(0);
                    self.overlay = Some(Overlay::Move(MoveTarget {
                        note: note.id,
                        group: p.group,
                        category,
                        prompt: p.prompt,
                        row: MoveRow::Group,
                    }));
                }
            }
            Action::DeleteNote => {
                if let Some(id) = selected_note(w) {
                    match w.session_mut().delete_note(id, now) {
                        Ok(change) => {
                            w.history.record(change);
                            let n = board_notes(w).len();
                            w.board.selected = w.board.selected.min(n.saturating_sub(1));
                            self.say("Note deleted. u brings it back.");
                            return self.save_effect();
                        }
                        Err(e) => self.fail(e.to_string()),
                    }
                }
            }
            Action::Export => self.overlay = Some(Overlay::Export { selected: 0 }),
            Action::FillCategory if context == Context::Run => return self.start_fill(),
            Action::Help => self.overlay = Some(Overlay::Help(context)),
            Action::Close => {
                if w.view != View::Run {
                    w.view = View::Run;
                } else {
                    // The session list must never reach the projector by accident.
                    self.overlay = Some(Overlay::ConfirmLeave);
                }
            }
            Action::Paste(text) => return self.paste(&text, now),
            _ => {}
        }
        Vec::new()
    }
}
