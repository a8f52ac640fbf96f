//! Overlays: what is drawn over the screen and has the keyboard (help, questions, prompts, the
//! move and export menus), and how keys act on them.

use super::{App, Effect, Outcome, Screen};
use crate::ui::cycle::{Way, cycle, cycle_u32};
use crate::ui::export_menu::export_choices;
use crate::ui::fill_category::FillPreview;
use crate::ui::input_view::edit_input;
use crate::ui::keymap::{Action, Context};
use crate::workshop::{History, NoteId, Placement, Prompt, SessionId};
use time::OffsetDateTime;
use tui_input::Input;

/// What a one-line text prompt is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextPurpose {
    EditNote(NoteId),
    Rename(SessionId),
}

/// Where a note is being moved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveTarget {
    pub note: NoteId,
    pub group: u32,
    pub category: usize,
    pub prompt: Prompt,
    /// Which row ←/→ changes.
    pub row: MoveRow,
}

/// A row of the move menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveRow {
    Group,
    Category,
    Prompt,
}

impl MoveRow {
    /// The rows top to bottom.
    pub const ALL: [MoveRow; 3] = [MoveRow::Group, MoveRow::Category, MoveRow::Prompt];

    /// The row above or below, wrapping around.
    pub fn step(self, way: Way) -> MoveRow {
        let at = MoveRow::ALL.iter().position(|r| *r == self).unwrap_or(0);
        MoveRow::ALL[cycle(at, MoveRow::ALL.len(), way)]
    }
}

/// Something drawn over the screen that has the keyboard.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help(Context),
    /// Asks before quitting while a timer runs; `back` is the overlay it covered, shown again
    /// on "no".
    ConfirmQuit {
        back: Option<Box<Overlay>>,
    },
    /// Quitting while saves fail: save again and quit, export the session elsewhere, or quit
    /// anyway; `back` is the overlay it covered, shown again on "no".
    Unsaved {
        back: Option<Box<Overlay>>,
    },
    /// Asks before closing the open session for the session list, which the room would see.
    ConfirmLeave,
    /// Asks before `n` / `p` leave a step whose countdown is still running: the new step
    /// starts its own timer.
    ConfirmStep {
        forward: bool,
    },
    ConfirmDelete {
        id: SessionId,
        name: String,
    },
    /// Drop the open session's `count` deleted notes for good?
    ConfirmDropDeleted {
        count: usize,
    },
    ConfirmPaste(Vec<String>),
    /// Waits for a pasted block of `category`'s behaviors; `problem` says why the last paste
    /// could not be used.
    FillPaste {
        category: String,
        problem: Option<String>,
    },
    /// What a paste fills a category with; yes saves the deck in the user content folder.
    ConfirmFill(Box<FillPreview>),
    Text {
        purpose: TextPurpose,
        input: Input,
    },
    Move(MoveTarget),
    Export {
        selected: usize,
    },
    /// The jump picker; `selected` indexes its list of steps (or pages).
    Jump {
        selected: usize,
    },
    /// The room for phones: join link, code, QR code, phones connected (Esc hides it; the
    /// room stays open).
    Room,
    /// Phones' notes held off the projector; `selected` indexes [`Session::queue`].
    ///
    /// [`Session::queue`]: crate::workshop::Session::queue
    Queue {
        selected: usize,
    },
}

impl App {
    pub(crate) fn update_overlay(&mut self, action: Action, now: OffsetDateTime) -> Vec<Effect> {
        let Some(overlay) = self.overlay.take() else {
            return Vec::new();
        };
        match (overlay, action) {
            (Overlay::Jump { selected }, action) => self.update_jump(selected, action, now),
            (Overlay::Queue { selected }, action) => self.update_queue(selected, action, now),
            (Overlay::Help(_), Action::Close | Action::Help) => {
                self.help_scroll = 0;
                Vec::new()
            }
            (Overlay::Help(ctx), action) => {
                self.scroll_help(ctx, &action);
                self.overlay = Some(Overlay::Help(ctx));
                Vec::new()
            }
            (Overlay::ConfirmQuit { .. }, Action::Yes) => vec![Effect::Quit],
            (Overlay::ConfirmQuit { back }, Action::No | Action::Close) => {
                self.overlay = back.map(|b| *b);
                Vec::new()
            }
            (Overlay::Unsaved { .. }, Action::Yes) => vec![Effect::Quit],
            (Overlay::Unsaved { back }, Action::RetrySave) => {
                self.overlay = Some(Overlay::Unsaved { back });
                self.say("Saving again…");
                vec![Effect::SaveThenQuit]
            }
            (Overlay::Unsaved { back }, Action::Export) => {
                self.overlay = Some(Overlay::Unsaved { back });
                vec![Effect::ExportSession]
            }
            (Overlay::Unsaved { back }, Action::No | Action::Close) => {
                self.overlay = back.map(|b| *b);
                Vec::new()
            }
            (o @ Overlay::Unsaved { .. }, _) => {
                self.overlay = Some(o);
                Vec::new()
            }
            (Overlay::ConfirmLeave, Action::Yes) => {
                vec![Effect::CloseSession, Effect::RefreshList]
            }
            (Overlay::ConfirmStep { forward }, Action::Yes) => {
                let step = if forward {
                    Action::NextStep
                } else {
                    Action::PreviousStep
                };
                self.update_screen(step, now)
            }
            (Overlay::ConfirmDelete { id, name }, Action::Yes) => {
                if let Screen::Home(home) = &mut self.screen {
                    home.last_deleted = Some(id.clone());
                }
                self.say(format!(
                    "Moved {name:?} to the trash. Press u to bring it back."
                ));
                vec![Effect::Delete { id }, Effect::RefreshList]
            }
            (Overlay::ConfirmDropDeleted { .. }, Action::Yes) => self.drop_deleted(now),
            (Overlay::ConfirmPaste(lines), Action::Yes) => {
                let mut out = Outcome::default();
                if let Some(w) = self.open_session_mut() {
                    w.add_notes(&lines, now, &mut out);
                }
                self.carry_out(out)
            }
            (Overlay::ConfirmPaste(lines), Action::No | Action::Close) => {
                self.say(format!("Paste of {} lines discarded.", lines.len()));
                Vec::new()
            }
            (Overlay::FillPaste { category, .. }, Action::Paste(text)) => {
                self.fill_pasted(category, &text)
            }
            (Overlay::FillPaste { category, .. }, Action::No | Action::Close) => {
                self.say(format!("Nothing pasted for {category}."));
                Vec::new()
            }
            (Overlay::ConfirmFill(preview), Action::Yes) => vec![Effect::SaveDeck(preview)],
            (Overlay::ConfirmFill(preview), Action::No | Action::Close) => {
                self.say(format!(
                    "Paste for {} discarded; nothing saved.",
                    preview.category
                ));
                Vec::new()
            }
            (
                Overlay::ConfirmLeave
                | Overlay::ConfirmStep { .. }
                | Overlay::ConfirmDelete { .. }
                | Overlay::ConfirmDropDeleted { .. },
                Action::No | Action::Close,
            ) => Vec::new(),
            (
                o @ (Overlay::ConfirmQuit { .. }
                | Overlay::ConfirmLeave
                | Overlay::ConfirmStep { .. }
                | Overlay::ConfirmDelete { .. }
                | Overlay::ConfirmDropDeleted { .. }
                | Overlay::ConfirmPaste(_)
                | Overlay::FillPaste { .. }
                | Overlay::ConfirmFill(_)),
                _,
            ) => {
                self.overlay = Some(o);
                Vec::new()
            }
            (Overlay::Text { .. }, Action::Close) => Vec::new(),
            (Overlay::Text { purpose, input }, Action::Submit) => {
                self.finish_text(purpose, input.value(), now)
            }
            (Overlay::Text { purpose, mut input }, action) => {
                edit_input(&mut input, action);
                self.overlay = Some(Overlay::Text { purpose, input });
                Vec::new()
            }
            (Overlay::Move(_), Action::Close) => Vec::new(),
            (Overlay::Move(target), Action::Submit) => self.finish_move(target, now),
            (Overlay::Move(mut target), action) => {
                let groups = self
                    .open_session()
                    .map_or(1, |w| w.session.groups.len() as u32);
                let cats = self
                    .open_session()
                    .map_or(1, |w| w.session.categories.len().max(1));
                match action {
                    Action::Up => target.row = target.row.step(Way::Back),
                    Action::Down => target.row = target.row.step(Way::Forward),
                    Action::CyclePrompt => target.prompt = target.prompt.next(),
                    Action::Left | Action::Right => {
                        let way = Way::forward_if(action == Action::Right);
                        match target.row {
                            MoveRow::Group => target.group = cycle_u32(target.group, groups, way),
                            MoveRow::Category => {
                                target.category = cycle(target.category, cats, way);
                            }
                            MoveRow::Prompt => {
                                target.prompt = match way {
                                    Way::Forward => target.prompt.next(),
                                    Way::Back => target.prompt.next().next(),
                                }
                            }
                        }
                    }
                    _ => {}
                }
                self.overlay = Some(Overlay::Move(target));
                Vec::new()
            }
            (Overlay::Export { .. } | Overlay::Room, Action::Close) => Vec::new(),
            (Overlay::Room, _) => {
                self.overlay = Some(Overlay::Room);
                Vec::new()
            }
            (Overlay::Export { selected }, action) => {
                let choices = self
                    .open_session()
                    .map(|w| export_choices(&w.session))
                    .unwrap_or_default();
                match action {
                    Action::Submit => {
                        if let Some(c) = choices.get(selected) {
                            return vec![Effect::Export {
                                format: c.format,
                                scopes: c.scopes.clone(),
                                bom: c.bom,
                            }];
                        }
                        Vec::new()
                    }
                    Action::Up | Action::Down => {
                        let n = choices.len().max(1);
                        let way = Way::forward_if(action == Action::Down);
                        let selected = cycle(selected, n, way);
                        self.overlay = Some(Overlay::Export { selected });
                        Vec::new()
                    }
                    Action::Help => {
                        self.overlay = Some(Overlay::Help(Context::Export));
                        Vec::new()
                    }
                    _ => {
                        self.overlay = Some(Overlay::Export { selected });
                        Vec::new()
                    }
                }
            }
        }
    }

    /// Scrolls the help, stopping where its last line is on screen.
    fn scroll_help(&mut self, ctx: Context, action: &Action) {
        let lines = crate::ui::keymap::help_lines(ctx).len();
        let rows = self.window.map_or(lines, |(_, h)| {
            crate::ui::views::help_rows(h, self.status.is_some()).max(1)
        });
        let last = u16::try_from(lines.saturating_sub(rows)).unwrap_or(u16::MAX);
        let s = self.help_scroll.min(last);
        self.help_scroll = match action {
            Action::Up => s.saturating_sub(1),
            Action::Down => s.saturating_add(1),
            Action::PageUp => s.saturating_sub(rows as u16),
            Action::PageDown => s.saturating_add(rows as u16),
            _ => s,
        }
        .min(last);
    }

    fn finish_text(
        &mut self,
        purpose: TextPurpose,
        value: &str,
        now: OffsetDateTime,
    ) -> Vec<Effect> {
        match purpose {
            TextPurpose::Rename(id) => {
                let name = crate::workshop::text::sanitize_line(value);
                if name.is_empty() {
                    self.fail("A session needs a name; nothing was changed.");
                    return Vec::new();
                }
                vec![Effect::Rename { id, name }, Effect::RefreshList]
            }
            TextPurpose::EditNote(id) => {
                let Some(w) = self.open_session_mut() else {
                    return Vec::new();
                };
                match w.session.edit_note(id, value, now) {
                    Ok(change) => {
                        w.history.record(change);
                        self.say("Note changed. u undoes.");
                        self.save_effect()
                    }
                    Err(e) => {
                        let input = Input::new(value.to_string());
                        self.overlay = Some(Overlay::Text {
                            purpose: TextPurpose::EditNote(id),
                            input,
                        });
                        self.fail(format!("Not saved: {e}."));
                        Vec::new()
                    }
                }
            }
        }
    }

    fn finish_move(&mut self, target: MoveTarget, now: OffsetDateTime) -> Vec<Effect> {
        let Some(w) = self.open_session_mut() else {
            return Vec::new();
        };
        let placement = Placement {
            group: target.group,
            category: w.session.categories.get(target.category).cloned(),
            prompt: target.prompt,
        };
        match w.session.move_note(target.note, placement, now) {
            Ok(change) => {
                w.history.record(change);
                self.say("Note moved. u undoes.");
                self.save_effect()
            }
            Err(e) => {
                self.fail(format!("Not moved: {e}."));
                Vec::new()
            }
        }
    }

    /// Asks before dropping the open session's deleted notes, or says there are none.
    pub(crate) fn ask_drop_deleted(&mut self) {
        let Some(w) = self.open_session() else {
            return;
        };
        match w.session.deleted_note_count() {
            0 => self.say("This session keeps no deleted notes."),
            count => self.overlay = Some(Overlay::ConfirmDropDeleted { count }),
        }
    }

    /// Drops the open session's deleted notes for good, with every undo step that could bring
    /// one back, and has the loop save and then remove the backup that still holds them.
    pub(crate) fn drop_deleted(&mut self, now: OffsetDateTime) -> Vec<Effect> {
        match &mut self.screen {
            Screen::Snapshot(s) => s.history = Default::default(),
            Screen::Sticky(w) => w.history = History::default(),
            _ => {}
        }
        let Some(w) = self.open_session_mut() else {
            return Vec::new();
        };
        let dropped = w.session.drop_deleted_notes(now);
        let id = w.session.id.clone();
        self.say(format!(
            "Dropped {} for good, with the backup copy; undo starts afresh.",
            crate::words::count(dropped, "deleted note", "deleted notes")
        ));
        let mut effects = self.save_effect();
        effects.push(Effect::DropBackup { id });
        effects
    }
}
