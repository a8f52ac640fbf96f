//! What the room sees of phones' notes: the trainer's choice. Phones' notes are shown on the
//! projector at once (the default), or held in a queue where the trainer shows or hides each.
//! Notes typed by the scribe or a co-trainer are the trainer's own and always shown.
//!
//! Only the projection is moderated: a waiting or hidden note is still the group's note, on the
//! console, on the board and in every export (deleting a note is how a trainer removes one).

use super::edits::Change;
use super::note::{Note, NoteId};
use super::session::{EditError, Session};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// How phones' notes reach the room's screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Moderation {
    /// Every note is on the projector as soon as it is saved.
    #[default]
    ShowAtOnce,
    /// A phone's note waits until the trainer shows it (or hides it).
    Queue,
}

impl Moderation {
    /// Whether this is the default (older files have no setting).
    pub fn is_default(&self) -> bool {
        *self == Moderation::ShowAtOnce
    }

    /// The other mode, for the trainer's key.
    pub fn toggled(self) -> Moderation {
        match self {
            Moderation::ShowAtOnce => Moderation::Queue,
            Moderation::Queue => Moderation::ShowAtOnce,
        }
    }

    /// How the console names it.
    pub fn label(self) -> &'static str {
        match self {
            Moderation::ShowAtOnce => "show phones' notes at once",
            Moderation::Queue => "hold phones' notes for approval",
        }
    }
}

/// Whether the room may see a note.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// On the projector (every note in files written before moderation existed).
    #[default]
    Shown,
    /// A phone's note the trainer has not looked at yet.
    Waiting,
    /// A phone's note the trainer chose not to project.
    Hidden,
}

impl Visibility {
    /// Whether this is the default, [`Visibility::Shown`] (then files leave it out).
    pub fn is_shown(&self) -> bool {
        *self == Visibility::Shown
    }

    /// The mark the console puts on a note in this state; none for a shown note.
    pub fn mark(self) -> Option<&'static str> {
        match self {
            Visibility::Shown => None,
            Visibility::Waiting => Some("waiting"),
            Visibility::Hidden => Some("hidden"),
        }
    }
}

impl Note {
    /// Whether the room's screen may show this note.
    pub fn is_shown(&self) -> bool {
        self.visibility.is_shown()
    }

    /// The note's text as the console shows it: a note the room does not see says so in
    /// words first ("[waiting] …"), so the mark never depends on colour.
    pub fn console_text(&self) -> String {
        match self.visibility.mark() {
            Some(mark) => format!("[{mark}] {}", self.text),
            None => self.text.clone(),
        }
    }
}

impl Session {
    /// Switches how phones' notes reach the room; notes already waiting keep waiting (they are
    /// shown only when the trainer says so). Returns the new mode.
    pub fn toggle_moderation(&mut self, now: OffsetDateTime) -> Moderation {
        self.moderation = self.moderation.toggled();
        self.updated = now;
        self.moderation
    }

    /// What a note from a phone starts as under the session's mode.
    pub fn arriving(&self) -> Visibility {
        match self.moderation {
            Moderation::ShowAtOnce => Visibility::Shown,
            Moderation::Queue => Visibility::Waiting,
        }
    }

    /// Phones' notes not on the room's screen: the waiting ones first (oldest first, as they
    /// arrived), then the hidden ones, so a hidden note can still be shown later.
    pub fn queue(&self) -> Vec<&Note> {
        let of = |v: Visibility| self.notes.iter().filter(move |n| n.visibility == v);
        of(Visibility::Waiting)
            .chain(of(Visibility::Hidden))
            .collect()
    }

    /// How many phones' notes wait for the trainer.
    pub fn waiting_count(&self) -> usize {
        self.notes
            .iter()
            .filter(|n| n.visibility == Visibility::Waiting)
            .count()
    }

    /// Puts a phone's note on the room's screen.
    pub fn approve_note(&mut self, id: NoteId, now: OffsetDateTime) -> Result<Change, EditError> {
        self.set_visibility(id, Visibility::Shown, now)
    }

    /// Keeps a note off the room's screen (it stays the group's note everywhere else).
    pub fn hide_note(&mut self, id: NoteId, now: OffsetDateTime) -> Result<Change, EditError> {
        self.set_visibility(id, Visibility::Hidden, now)
    }

    /// Shows every waiting note as one change (hidden ones stay hidden); `None` when none waits.
    pub fn approve_all(&mut self, now: OffsetDateTime) -> Option<Change> {
        let waiting: Vec<NoteId> = self
            .notes
            .iter()
            .filter(|n| n.visibility == Visibility::Waiting)
            .map(|n| n.id)
            .collect();
        let changes: Vec<Change> = waiting
            .into_iter()
            .filter_map(|id| self.approve_note(id, now).ok())
            .collect();
        (!changes.is_empty()).then_some(Change::Batch(changes))
    }

    /// Sets a note's visibility (used by undo and redo as well).
    pub(super) fn set_visibility(
        &mut self,
        id: NoteId,
        to: Visibility,
        now: OffsetDateTime,
    ) -> Result<Change, EditError> {
        let note = self
            .notes
            .iter_mut()
            .find(|n| n.id == id)
            .ok_or(EditError::NoSuchNote(id))?;
        let before = std::mem::replace(&mut note.visibility, to);
        self.updated = now;
        Ok(Change::Visibility {
            id,
            before,
            after: to,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::History;
    use crate::workshop::note::Placement;
    use crate::workshop::session::tests::{T0, session};
    use crate::workshop::step::Prompt;

    fn with_notes(visibilities: &[Visibility]) -> Session {
        let mut s = session();
        for (i, v) in visibilities.iter().enumerate() {
            let place = Placement {
                group: 1,
                category: Some("Teaming".into()),
                prompt: Prompt::Already,
            };
            s.add_note(&format!("n{i}"), place, None, T0).unwrap();
            let last = s.notes.len() - 1;
            s.notes[last].from_phone = true;
            s.notes[last].visibility = *v;
        }
        s
    }

    #[test]
    fn the_mode_decides_how_a_phones_note_arrives_and_waiting_notes_outlive_a_switch() {
        let mut s = with_notes(&[Visibility::Waiting]);
        assert_eq!(s.moderation, Moderation::ShowAtOnce);
        assert_eq!(s.arriving(), Visibility::Shown);
        let later = T0 + time::Duration::minutes(1);
        assert_eq!(s.toggle_moderation(later), Moderation::Queue);
        assert_eq!(s.updated, later);
        assert_eq!(s.arriving(), Visibility::Waiting);
        assert_eq!(s.toggle_moderation(later), Moderation::ShowAtOnce);
        assert_eq!(s.waiting_count(), 1, "switching back shows nothing unseen");
    }

    #[test]
    fn the_console_marks_in_words_what_the_room_does_not_see() {
        use Visibility::*;
        let s = with_notes(&[Shown, Waiting, Hidden]);
        let texts: Vec<String> = s.notes.iter().map(Note::console_text).collect();
        assert_eq!(texts, ["n0", "[waiting] n1", "[hidden] n2"]);
    }

    #[test]
    fn the_queue_lists_waiting_notes_first_then_hidden_ones() {
        use Visibility::*;
        let s = with_notes(&[Hidden, Waiting, Shown, Waiting]);
        let ids: Vec<NoteId> = s.queue().iter().map(|n| n.id).collect();
        assert_eq!(ids, [2, 4, 1]);
        assert_eq!(s.waiting_count(), 2);
    }

    #[test]
    fn approve_and_hide_change_only_that_note_and_undo_puts_it_back() {
        use Visibility::*;
        let mut s = with_notes(&[Waiting, Waiting]);
        let mut h = History::default();
        h.record(s.approve_note(1, T0).unwrap());
        h.record(s.hide_note(2, T0).unwrap());
        assert!(s.notes[0].is_shown());
        assert_eq!(s.notes[1].visibility, Hidden);
        h.undo(&mut s, T0);
        assert_eq!(s.notes[1].visibility, Waiting);
        h.undo(&mut s, T0);
        assert_eq!(s.notes[0].visibility, Waiting);
        h.redo(&mut s, T0);
        assert!(s.notes[0].is_shown());
        assert_eq!(s.approve_note(9, T0), Err(EditError::NoSuchNote(9)));
    }

    #[test]
    fn approve_all_shows_every_waiting_note_as_one_undo_step_and_leaves_hidden_ones() {
        use Visibility::*;
        let mut s = with_notes(&[Waiting, Hidden, Waiting, Shown]);
        let mut h = History::default();
        let change = s.approve_all(T0).unwrap();
        assert!(
            matches!(&change, Change::Batch(c) if c.len() == 2),
            "{change:?}"
        );
        h.record(change);
        let states: Vec<_> = s.notes.iter().map(|n| n.visibility).collect();
        assert_eq!(states, [Shown, Hidden, Shown, Shown]);
        h.undo(&mut s, T0);
        let states: Vec<_> = s.notes.iter().map(|n| n.visibility).collect();
        assert_eq!(states, [Waiting, Hidden, Waiting, Shown]);
        h.redo(&mut s, T0);
        assert_eq!(s.approve_all(T0), None, "nothing left waiting");
    }

    #[test]
    fn older_files_load_with_every_note_shown_and_defaults_stay_out_of_files() {
        let s = with_notes(&[Visibility::Shown]);
        let mut json: serde_json::Value = serde_json::to_value(&s).unwrap();
        assert!(json.get("moderation").is_none(), "{json}");
        let note = &mut json["notes"][0];
        assert!(note.get("visibility").is_none(), "{note}");
        assert_eq!(note["from_phone"], true);
        note.as_object_mut().unwrap().remove("from_phone");
        let old: Session = serde_json::from_value(json).unwrap();
        assert!(old.notes[0].is_shown() && !old.notes[0].from_phone);
        assert_eq!(old.moderation, Moderation::ShowAtOnce);
        let mut queued = with_notes(&[Visibility::Waiting]);
        queued.moderation = Moderation::Queue;
        let text = serde_json::to_string(&queued).unwrap();
        assert!(text.contains("\"moderation\":\"queue\""), "{text}");
        assert!(text.contains("\"visibility\":\"waiting\""), "{text}");
        let back: Session = serde_json::from_str(&text).unwrap();
        assert_eq!(back, queued);
    }
}
