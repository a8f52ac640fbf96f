//! Keys while the scribe types on the Snapshot: the note input (a note under a heading for a
//! dimension) and the one-line edit of a note or a priority.

use super::super::{EditTarget, NoteEntry, Page, SnapshotScreen};
use super::heading_title;
use crate::content::SnapshotActivity;
use crate::ui::app::{Outcome, keep_draft};
use crate::ui::input_view::{edit_input, insert_str, note_input_key};
use crate::ui::keymap::Action;
use crate::workshop::HeadingId;
use crate::workshop::text::quote;
use time::OffsetDateTime;
use tui_input::Input;

impl SnapshotScreen {
    pub(super) fn open_entry(&mut self) {
        if let Some(draft) = self.draft.take() {
            self.entry = Some(draft);
            return;
        }
        let page = self.page();
        let selected_dimension =
            |id: Option<u64>| id.and_then(|id| self.state().note(id)).map(|n| n.dimension);
        let dimension = match page {
            Page::Dimension(d) | Page::Tally(d) => Some(d),
            Page::Analysis => selected_dimension(self.selected_note()),
            Page::Dots => selected_dimension(self.opportunities().get(self.dot_selected).copied()),
            _ => None,
        }
        .unwrap_or(0);
        // The guide's first heading, except where a page is about another one.
        let heading = match page {
            Page::Analysis => self.column,
            Page::Dots | Page::Priorities => HeadingId::Opportunities,
            _ => HeadingId::Strengths,
        };
        self.entry = Some(NoteEntry {
            input: Input::default(),
            dimension,
            heading,
            saved: 0,
        });
    }

    pub(super) fn update_entry(
        &mut self,
        activity: &SnapshotActivity,
        action: Action,
        now: OffsetDateTime,
        out: &mut Outcome,
    ) {
        let dimensions = self.state().dimensions.len().max(1);
        let Some(entry) = self.entry.as_mut() else {
            return;
        };
        match action {
            Action::Close => {
                keep_draft(self.entry.take(), |e| e.input.value(), &mut self.draft, out);
            }
            Action::CyclePrompt => entry.heading = entry.heading.next(),
            Action::ShiftLeft => entry.heading = entry.heading.previous(),
            Action::Up => entry.dimension = (entry.dimension + dimensions - 1) % dimensions,
            Action::Down => entry.dimension = (entry.dimension + 1) % dimensions,
            other => match note_input_key(&mut entry.input, other) {
                Some(texts) if texts.is_empty() => {
                    out.say("Type a note, then Enter. Esc closes the input.");
                }
                Some(texts) => self.add_notes(activity, &texts, now, out),
                None => {}
            },
        }
    }

    /// Adds notes at the entry's dimension and heading (one undo step); keeps the input open.
    fn add_notes(
        &mut self,
        activity: &SnapshotActivity,
        texts: &[String],
        now: OffsetDateTime,
        out: &mut Outcome,
    ) {
        let Some(entry) = self.entry.clone() else {
            return;
        };
        let what = match texts {
            [one] => format!("adding {}", quote(one)),
            _ => format!("adding {} notes", texts.len()),
        };
        let added = self.change(activity, now, out, what, |s| {
            for text in texts {
                s.add_note(text, entry.dimension, entry.heading, now)?;
            }
            Ok(texts.len())
        });
        let Some(added) = added else {
            return;
        };
        if let Some(e) = self.entry.as_mut() {
            e.saved += added;
            e.input = Input::default();
        }
        out.say(format!(
            "Saved {} to {} · {}. Tab changes the heading, ↑↓ the dimension.",
            crate::words::count(added, "note", "notes"),
            self.state().dimension_name(entry.dimension),
            heading_title(activity, entry.heading)
        ));
    }

    pub(super) fn update_edit(
        &mut self,
        activity: &SnapshotActivity,
        action: Action,
        now: OffsetDateTime,
        out: &mut Outcome,
    ) {
        let Some(edit) = self.edit.as_mut() else {
            return;
        };
        match action {
            Action::Close => self.edit = None,
            Action::Submit => {
                let text = edit.input.value().to_string();
                let target = edit.target;
                let what = match target {
                    EditTarget::Note(_) => format!("the edit to {}", quote(&text)),
                    EditTarget::Priority(i) => format!("the edit to priority {}", i + 1),
                };
                let done = self.change(activity, now, out, what, |s| match target {
                    EditTarget::Note(id) => s.edit_note(id, &text),
                    EditTarget::Priority(i) => s.edit_priority(i, &text),
                });
                if done.is_some() {
                    self.edit = None;
                    out.say(match target {
                        EditTarget::Note(_) => "Note changed. u undoes.",
                        EditTarget::Priority(_) => {
                            "Priority changed. u undoes; r takes them from the dots again."
                        }
                    });
                }
            }
            Action::Paste(text) => insert_str(&mut edit.input, &text),
            other => edit_input(&mut edit.input, other),
        }
    }
}
