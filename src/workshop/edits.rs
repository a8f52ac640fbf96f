//! Changes to a session's notes, each recorded as a [`Change`] that can be undone and redone.

use super::moderation::Visibility;
use super::note::{DeletedNote, Note, NoteId, Placement};
use super::session::{EditError, Session};
use time::OffsetDateTime;

/// A change that was made, with what is needed to reverse it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Added(Note),
    Edited {
        id: NoteId,
        before: String,
        after: String,
    },
    Moved {
        id: NoteId,
        from: Placement,
        to: Placement,
    },
    /// A note moved to the trash from position `index` in the note list.
    Deleted {
        note: Note,
        index: usize,
    },
    /// A phone's note shown on or kept off the room's screen.
    Visibility {
        id: NoteId,
        before: Visibility,
        after: Visibility,
    },
    /// Several changes made as one (a pasted block of notes): undone and redone together.
    Batch(Vec<Change>),
}

impl Change {
    /// What the change did, for "Undone: …" and "Redone: …".
    pub fn summary(&self) -> String {
        use super::text::quote;
        match self {
            Change::Added(note) => format!("adding {}", quote(&note.text)),
            Change::Edited { after, .. } => format!("the edit to {}", quote(after)),
            Change::Moved { .. } => "moving a note".to_string(),
            Change::Deleted { note, .. } => format!("deleting {}", quote(&note.text)),
            Change::Visibility { after, .. } => match after {
                Visibility::Shown => "showing a phone's note".to_string(),
                Visibility::Waiting => "putting a phone's note back in the queue".to_string(),
                Visibility::Hidden => "hiding a phone's note".to_string(),
            },
            Change::Batch(changes) if changes.iter().all(|c| matches!(c, Change::Added(_))) => {
                format!("adding {} pasted notes", changes.len())
            }
            Change::Batch(changes)
                if changes
                    .iter()
                    .all(|c| matches!(c, Change::Visibility { .. })) =>
            {
                format!("showing {} phones' notes", changes.len())
            }
            Change::Batch(changes) => format!("{} changes", changes.len()),
        }
    }
}

impl Session {
    /// Adds a note (text cleaned, placement checked) and returns the change.
    pub fn add_note(
        &mut self,
        text: &str,
        placement: Placement,
        initials: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<Change, EditError> {
        let text = Session::clean_text(text)?;
        let placement = self.validate_placement(placement)?;
        let initials = initials
            .map(super::text::sanitize_line)
            .filter(|i| !i.is_empty());
        let note = Note {
            id: self.next_note_id,
            text,
            placement,
            created: now,
            initials,
            from_phone: false,
            visibility: Visibility::Shown,
        };
        self.next_note_id += 1;
        self.notes.push(note.clone());
        self.updated = now;
        Ok(Change::Added(note))
    }

    /// Replaces a note's text.
    pub fn edit_note(
        &mut self,
        id: NoteId,
        text: &str,
        now: OffsetDateTime,
    ) -> Result<Change, EditError> {
        let after = Session::clean_text(text)?;
        let note = self.note_mut(id)?;
        let before = std::mem::replace(&mut note.text, after.clone());
        self.updated = now;
        Ok(Change::Edited { id, before, after })
    }

    /// Moves a note to another group, category or prompt.
    pub fn move_note(
        &mut self,
        id: NoteId,
        to: Placement,
        now: OffsetDateTime,
    ) -> Result<Change, EditError> {
        let to = self.validate_placement(to)?;
        let note = self.note_mut(id)?;
        let from = std::mem::replace(&mut note.placement, to.clone());
        self.updated = now;
        Ok(Change::Moved { id, from, to })
    }

    /// Moves a note to the trash, where it stays restorable.
    pub fn delete_note(&mut self, id: NoteId, now: OffsetDateTime) -> Result<Change, EditError> {
        let index = self
            .notes
            .iter()
            .position(|n| n.id == id)
            .ok_or(EditError::NoSuchNote(id))?;
        let note = self.notes.remove(index);
        self.trash.push(DeletedNote {
            note: note.clone(),
            deleted: now,
        });
        self.updated = now;
        Ok(Change::Deleted { note, index })
    }

    /// Brings a note back from the trash, at the end of its page.
    pub fn restore_note(&mut self, id: NoteId, now: OffsetDateTime) -> Result<(), EditError> {
        let index = self
            .trash
            .iter()
            .position(|d| d.note.id == id)
            .ok_or(EditError::NoSuchNote(id))?;
        let note = self.trash.remove(index).note;
        self.notes.push(note);
        self.updated = now;
        Ok(())
    }

    /// How many deleted notes the session still keeps (its own and its Snapshot record's).
    pub fn deleted_note_count(&self) -> usize {
        self.trash.len()
            + self.snapshot.as_ref().map_or(0, |s| s.trash.len())
            + self.rounds.as_ref().map_or(0, |r| r.trash.len())
    }

    /// Drops every deleted note for good (they can no longer be restored, and leave the JSON
    /// export); returns how many. The caller must also forget any undo history that holds them.
    pub fn drop_deleted_notes(&mut self, now: OffsetDateTime) -> usize {
        let n = self.deleted_note_count();
        self.trash.clear();
        if let Some(snapshot) = &mut self.snapshot {
            snapshot.trash.clear();
        }
        if let Some(rounds) = &mut self.rounds {
            rounds.trash.clear();
        }
        if n > 0 {
            self.updated = now;
        }
        n
    }

    /// Reverses a change.
    pub fn revert(&mut self, change: &Change, now: OffsetDateTime) {
        match change {
            Change::Added(note) => self.notes.retain(|n| n.id != note.id),
            Change::Edited { id, before, .. } => {
                if let Ok(n) = self.note_mut(*id) {
                    n.text = before.clone();
                }
            }
            Change::Moved { id, from, .. } => {
                if let Ok(n) = self.note_mut(*id) {
                    n.placement = from.clone();
                }
            }
            Change::Visibility { id, before, .. } => {
                let _ = self.set_visibility(*id, *before, now);
            }
            Change::Deleted { note, index } => {
                self.trash.retain(|d| d.note.id != note.id);
                let at = (*index).min(self.notes.len());
                self.notes.insert(at, note.clone());
            }
            Change::Batch(changes) => {
                for c in changes.iter().rev() {
                    self.revert(c, now);
                }
            }
        }
        self.updated = now;
    }

    /// Makes a reverted change again.
    pub fn reapply(&mut self, change: &Change, now: OffsetDateTime) {
        match change {
            Change::Added(note) => {
                if self.note(note.id).is_none() {
                    self.notes.push(note.clone());
                }
            }
            Change::Edited { id, after, .. } => {
                if let Ok(n) = self.note_mut(*id) {
                    n.text = after.clone();
                }
            }
            Change::Moved { id, to, .. } => {
                if let Ok(n) = self.note_mut(*id) {
                    n.placement = to.clone();
                }
            }
            Change::Visibility { id, after, .. } => {
                let _ = self.set_visibility(*id, *after, now);
            }
            Change::Deleted { note, .. } => {
                let _ = self.delete_note(note.id, now);
            }
            Change::Batch(changes) => {
                for c in changes {
                    self.reapply(c, now);
                }
            }
        }
        self.updated = now;
    }

    fn note_mut(&mut self, id: NoteId) -> Result<&mut Note, EditError> {
        self.notes
            .iter_mut()
            .find(|n| n.id == id)
            .ok_or(EditError::NoSuchNote(id))
    }
}

/// Undo and redo stacks for one editing session (kept in memory; the trash outlives them).
#[derive(Debug, Default, Clone)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl History {
    /// Records a change just made; clears what could be redone.
    pub fn record(&mut self, change: Change) {
        self.undo.push(change);
        self.redo.clear();
    }

    /// Undoes the last change; returns it, or `None` when there is nothing to undo.
    pub fn undo(&mut self, session: &mut Session, now: OffsetDateTime) -> Option<&Change> {
        let change = self.undo.pop()?;
        session.revert(&change, now);
        self.redo.push(change);
        self.redo.last()
    }

    /// Redoes the last undone change.
    pub fn redo(&mut self, session: &mut Session, now: OffsetDateTime) -> Option<&Change> {
        let change = self.redo.pop()?;
        session.reapply(&change, now);
        self.undo.push(change);
        self.undo.last()
    }
}

#[cfg(test)]
mod tests {
    use super::super::session::tests::{T0, session};
    use super::super::step::Prompt;
    use super::*;

    fn at(group: u32, category: &str, prompt: Prompt) -> Placement {
        Placement {
            group,
            category: Some(category.into()),
            prompt,
        }
    }

    #[test]
    fn add_cleans_text_and_assigns_increasing_ids() {
        let mut s = session();
        let c1 = s
            .add_note(
                "We ask families \u{1b}[31mfirst 😀",
                at(1, "Engagement", Prompt::Already),
                None,
                T0,
            )
            .unwrap();
        let Change::Added(n1) = c1 else {
            panic!("expected Added")
        };
        assert_eq!(n1.text, "We ask families first 😀");
        s.add_note(
            "家族会議",
            at(2, "Teaming", Prompt::Enhance),
            Some(" JR "),
            T0,
        )
        .unwrap();
        assert_eq!(s.notes[1].id, 2);
        assert_eq!(s.notes[1].initials.as_deref(), Some("JR"));
    }

    #[test]
    fn undo_after_move_restores_the_note_to_its_page() {
        let mut s = session();
        let mut h = History::default();
        h.record(
            s.add_note("note", at(1, "Engagement", Prompt::Already), None, T0)
                .unwrap(),
        );
        h.record(
            s.move_note(1, at(3, "Transition", Prompt::Enhance), T0)
                .unwrap(),
        );
        assert_eq!(s.notes[0].placement, at(3, "Transition", Prompt::Enhance));
        h.undo(&mut s, T0);
        assert_eq!(s.notes[0].placement, at(1, "Engagement", Prompt::Already));
        h.redo(&mut s, T0);
        assert_eq!(s.notes[0].placement, at(3, "Transition", Prompt::Enhance));
    }

    #[test]
    fn dropping_deleted_notes_empties_the_trash_for_good() {
        let mut s = session();
        let place = || at(1, "Engagement", Prompt::Already);
        s.add_note("keep", place(), None, T0).unwrap();
        s.add_note("drop", place(), None, T0).unwrap();
        let b = s.notes[1].id;
        s.delete_note(b, T0).unwrap();
        assert_eq!(s.deleted_note_count(), 1);
        let later = T0 + time::Duration::minutes(1);
        assert_eq!(s.drop_deleted_notes(later), 1);
        assert_eq!(s.deleted_note_count(), 0);
        assert_eq!(s.updated, later);
        assert!(s.restore_note(b, later).is_err());
        assert_eq!(s.notes.len(), 1);
        assert_eq!(s.drop_deleted_notes(later), 0);
    }

    #[test]
    fn delete_goes_to_trash_and_undo_puts_it_back_in_place() {
        let mut s = session();
        let mut h = History::default();
        for t in ["a", "b", "c"] {
            h.record(
                s.add_note(t, at(1, "Teaming", Prompt::Already), None, T0)
                    .unwrap(),
            );
        }
        h.record(s.delete_note(2, T0).unwrap());
        assert_eq!(s.trash.len(), 1);
        assert_eq!(s.notes.len(), 2);
        h.undo(&mut s, T0);
        assert!(s.trash.is_empty());
        assert_eq!(
            s.notes.iter().map(|n| n.text.as_str()).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        h.redo(&mut s, T0);
        assert_eq!(s.trash.len(), 1);
        s.restore_note(2, T0).unwrap();
        assert_eq!(s.notes.len(), 3);
    }

    #[test]
    fn edit_undo_redo() {
        let mut s = session();
        let mut h = History::default();
        h.record(
            s.add_note("teh", at(1, "Teaming", Prompt::Already), None, T0)
                .unwrap(),
        );
        h.record(s.edit_note(1, "the", T0).unwrap());
        h.undo(&mut s, T0);
        assert_eq!(s.notes[0].text, "teh");
        assert!(h.redo(&mut s, T0).is_some());
        assert_eq!(s.notes[0].text, "the");
        assert_eq!(s.edit_note(1, "  ", T0), Err(EditError::Empty));
    }

    #[test]
    fn undo_of_add_removes_and_new_change_clears_redo() {
        let mut s = session();
        let mut h = History::default();
        h.record(
            s.add_note("x", at(1, "Teaming", Prompt::Already), None, T0)
                .unwrap(),
        );
        h.undo(&mut s, T0);
        assert!(s.notes.is_empty());
        h.record(
            s.add_note("y", at(1, "Teaming", Prompt::Already), None, T0)
                .unwrap(),
        );
        assert!(h.redo(&mut s, T0).is_none(), "a new change clears redo");
        assert!(h.undo(&mut s, T0).is_some());
        assert!(h.undo(&mut s, T0).is_none());
    }

    #[test]
    fn edits_on_missing_notes_are_refused() {
        let mut s = session();
        assert_eq!(s.edit_note(7, "x", T0), Err(EditError::NoSuchNote(7)));
        assert_eq!(s.delete_note(7, T0), Err(EditError::NoSuchNote(7)));
        assert!(
            s.move_note(7, at(1, "Teaming", Prompt::Already), T0)
                .is_err()
        );
    }
}
