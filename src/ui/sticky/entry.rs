//! The scribe's note input: typing, pasting, and adding notes where the step puts them.

use crate::ui::app::{Outcome, Overlay, keep_draft};
use crate::ui::cycle::{Way, cycle_u32};
use crate::ui::input_view::{edit_input, insert_str, pasted_lines};
use crate::ui::keymap::Action;
use crate::ui::open_session::OpenSession;
use crate::workshop::{Change, Placement, Prompt};
use time::OffsetDateTime;
use tui_input::Input;

impl OpenSession {
    /// A key while the scribe types a note.
    pub(super) fn update_entry(&mut self, action: Action, now: OffsetDateTime, out: &mut Outcome) {
        let groups = self.session.groups.len() as u32;
        let step_prompt = Prompt::for_step(self.session.step().kind);
        let Some(entry) = self.entry.as_mut() else {
            return;
        };
        match action {
            Action::Close => {
                keep_draft(self.entry.take(), |e| e.input.value(), &mut self.draft, out);
            }
            Action::CyclePrompt => {
                entry.prompt = Some(entry.prompt.unwrap_or(step_prompt).next());
            }
            Action::ToggleInitials => entry.on_initials = !entry.on_initials,
            Action::Up => self.group = cycle_u32(self.group, groups, Way::Back),
            Action::Down => self.group = cycle_u32(self.group, groups, Way::Forward),
            Action::Submit => {
                let text = entry.input.value().to_string();
                if text.trim().is_empty() {
                    out.say("Type a note, then Enter. Esc closes the input.");
                    return;
                }
                self.add_notes(&[text], now, out);
            }
            Action::Paste(text) => self.paste(&text, out),
            other => {
                let input = if entry.on_initials {
                    &mut entry.initials
                } else {
                    &mut entry.input
                };
                edit_input(input, other);
                // The last "Saved …" is old news once the next note is being typed.
                out.clear_status();
            }
        }
    }

    /// A paste: one line goes into the input; several become notes after the trainer says yes.
    pub(super) fn paste(&mut self, text: &str, out: &mut Outcome) {
        let lines = pasted_lines(text);
        let entry = self
            .entry
            .get_or_insert_with(|| self.draft.take().unwrap_or_default());
        match lines.len() {
            0 => {}
            1 => {
                let input = if entry.on_initials {
                    &mut entry.initials
                } else {
                    &mut entry.input
                };
                insert_str(input, &lines[0]);
            }
            _ => out.open(Overlay::ConfirmPaste(lines)),
        }
    }

    /// Adds notes for the chosen group at the entry's prompt; keeps the input open.
    pub(crate) fn add_notes(&mut self, texts: &[String], now: OffsetDateTime, out: &mut Outcome) {
        let entry = self.entry.clone().unwrap_or_default();
        let placement = entry_placement(self);
        let initials = entry.initials.value().trim().to_string();
        let initials = (!initials.is_empty()).then_some(initials.as_str());
        let (mut changes, mut refused) = (Vec::new(), Vec::new());
        for text in texts {
            match self
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
            1 => self.history.record(changes.remove(0)),
            _ => self.history.record(Change::Batch(changes)),
        }
        if let Some(e) = self.entry.as_mut() {
            e.saved += added;
            if refused.is_empty() {
                e.input = Input::default();
                e.initials = Input::default();
                e.on_initials = false;
            }
        }
        let where_ = format!(
            "{} · {} · {}",
            crate::ui::views::group_label(&self.session, placement.group),
            placement.category.as_deref().unwrap_or("Commitments"),
            placement.prompt.label()
        );
        if refused.is_empty() {
            out.say(format!(
                "Saved {} to {where_}.",
                crate::words::count(added, "note", "notes")
            ));
        } else {
            out.fail(format!("Saved {added}; not saved: {}.", refused.join("; ")));
        }
        if added > 0 {
            out.changed();
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
