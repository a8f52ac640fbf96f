//! The scribe's note input: typing, pasting, and adding notes where the step puts them.

use crate::ui::app::{App, DRAFT_KEPT, Effect, Overlay};
use crate::ui::cycle::{Way, cycle_u32};
use crate::ui::input_view::{edit_input, insert_str, pasted_lines};
use crate::ui::keymap::Action;
use crate::ui::open_session::OpenSession;
use crate::workshop::{Change, Placement, Prompt};
use time::OffsetDateTime;
use tui_input::Input;

impl App {
    pub(super) fn update_entry(&mut self, action: Action, now: OffsetDateTime) -> Vec<Effect> {
        let Some(w) = self.open_session_mut() else {
            return Vec::new();
        };
        let groups = w.session.groups.len() as u32;
        let step_prompt = Prompt::for_step(w.session.step().kind);
        let Some(entry) = w.entry.as_mut() else {
            return Vec::new();
        };
        match action {
            Action::Close => {
                let entry = w.entry.take();
                if let Some(e) = entry.filter(|e| !e.input.value().trim().is_empty()) {
                    w.draft = Some(e);
                    self.say(DRAFT_KEPT);
                }
            }
            Action::CyclePrompt => {
                entry.prompt = Some(entry.prompt.unwrap_or(step_prompt).next());
            }
            Action::ToggleInitials => entry.on_initials = !entry.on_initials,
            Action::Up => w.group = cycle_u32(w.group, groups, Way::Back),
            Action::Down => w.group = cycle_u32(w.group, groups, Way::Forward),
            Action::Submit => {
                let text = entry.input.value().to_string();
                if text.trim().is_empty() {
                    self.say("Type a note, then Enter. Esc closes the input.");
                    return Vec::new();
                }
                return self.add_notes(&[text], now);
            }
            Action::Paste(text) => return self.paste(&text, now),
            other => {
                let input = if entry.on_initials {
                    &mut entry.initials
                } else {
                    &mut entry.input
                };
                edit_input(input, other);
                // The last "Saved …" is old news once the next note is being typed.
                self.status = None;
            }
        }
        Vec::new()
    }

    /// A paste: one line goes into the input; several become notes after the trainer says yes.
    pub(super) fn paste(&mut self, text: &str, now: OffsetDateTime) -> Vec<Effect> {
        let lines = pasted_lines(text);
        let Some(w) = self.open_session_mut() else {
            return Vec::new();
        };
        let entry = w
            .entry
            .get_or_insert_with(|| w.draft.take().unwrap_or_default());
        match lines.len() {
            0 => Vec::new(),
            1 => {
                let input = if entry.on_initials {
                    &mut entry.initials
                } else {
                    &mut entry.input
                };
                insert_str(input, &lines[0]);
                let _ = now;
                Vec::new()
            }
            _ => {
                self.overlay = Some(Overlay::ConfirmPaste(lines));
                Vec::new()
            }
        }
    }

    /// Adds notes for the chosen group at the entry's prompt; keeps the input open.
    pub(crate) fn add_notes(&mut self, texts: &[String], now: OffsetDateTime) -> Vec<Effect> {
        let Some(w) = self.open_session_mut() else {
            return Vec::new();
        };
        let entry = w.entry.clone().unwrap_or_default();
        let placement = entry_placement(w);
        let initials = entry.initials.value().trim().to_string();
        let initials = (!initials.is_empty()).then_some(initials.as_str());
        let (mut changes, mut refused) = (Vec::new(), Vec::new());
        for text in texts {
            match w
                .session_mut()
                .add_note(text, placement.clone(), initials, now)
            {
                Ok(change) => changes.push(change),
                Err(e) => refused.push(e.to_string()),
            }
        }
        let added = changes.len();
        // A paste is one step back with u, however many notes it made.
        match changes.len() {
            0 => {}
            1 => w.history.record(changes.remove(0)),
            _ => w.history.record(Change::Batch(changes)),
        }
        if let Some(e) = w.entry.as_mut() {
            e.saved += added;
            if refused.is_empty() {
                e.input = Input::default();
                e.initials = Input::default();
                e.on_initials = false;
            }
        }
        let where_ = format!(
            "{} · {} · {}",
            crate::ui::views::group_label(&w.session, placement.group),
            placement.category.as_deref().unwrap_or("Commitments"),
            placement.prompt.label()
        );
        if refused.is_empty() {
            self.say(format!(
                "Saved {} to {where_}.",
                crate::words::count(added, "note", "notes")
            ));
        } else {
            self.fail(format!("Saved {added}; not saved: {}.", refused.join("; ")));
        }
        if added > 0 {
            self.save_effect()
        } else {
            Vec::new()
        }
    }
}

/// Where the scribe's next note goes: the chosen group's place in this step, at the prompt
/// the entry has chosen (a commitment has no category; a category prompt needs one).
pub fn entry_placement(w: &OpenSession) -> Placement {
    w.session.placement(w.group, entry_prompt(w))
}

/// The prompt the scribe's next note goes to.
pub fn entry_prompt(w: &OpenSession) -> Prompt {
    w.entry
        .as_ref()
        .and_then(|e| e.prompt)
        .unwrap_or_else(|| Prompt::for_step(w.session.step().kind))
}
