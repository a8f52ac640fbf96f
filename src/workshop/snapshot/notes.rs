//! Notes under the Scoring and Analysis headings, and the dots on the opportunities.

use super::*;
use crate::workshop::session::Session;
use time::OffsetDateTime;

impl SnapshotState {
    /// A live note by id.
    pub fn note(&self, id: SnapshotNoteId) -> Option<&SnapshotNote> {
        self.notes.iter().find(|n| n.id == id)
    }

    fn note_mut(&mut self, id: SnapshotNoteId) -> Result<&mut SnapshotNote, SnapshotError> {
        self.notes
            .iter_mut()
            .find(|n| n.id == id)
            .ok_or(SnapshotError::NoSuchNote(id))
    }

    /// The notes for a dimension under a heading, in the order written.
    pub fn notes_under(
        &self,
        dimension: usize,
        heading: HeadingId,
    ) -> impl Iterator<Item = &SnapshotNote> {
        self.notes
            .iter()
            .filter(move |n| n.dimension == dimension && n.heading == heading)
    }

    /// Adds a note (text cleaned and checked); returns its id.
    pub fn add_note(
        &mut self,
        text: &str,
        dimension: usize,
        heading: HeadingId,
        now: OffsetDateTime,
    ) -> Result<SnapshotNoteId, SnapshotError> {
        self.check_dimension(dimension)?;
        let text = Session::clean_text(text)?;
        let id = self.next_note_id;
        self.next_note_id += 1;
        self.notes.push(SnapshotNote {
            id,
            text,
            dimension,
            heading,
            dots: 0,
            created: now,
        });
        Ok(id)
    }

    /// Replaces a note's text.
    pub fn edit_note(&mut self, id: SnapshotNoteId, text: &str) -> Result<(), SnapshotError> {
        let text = Session::clean_text(text)?;
        self.note_mut(id)?.text = text;
        Ok(())
    }

    /// Puts a note under another heading and/or dimension. Its dots stay with it, but only
    /// count while it is an opportunity.
    pub fn move_note(
        &mut self,
        id: SnapshotNoteId,
        dimension: usize,
        heading: HeadingId,
    ) -> Result<(), SnapshotError> {
        self.check_dimension(dimension)?;
        let note = self.note_mut(id)?;
        note.dimension = dimension;
        note.heading = heading;
        Ok(())
    }

    /// Moves a note to the trash, where it stays restorable.
    pub fn delete_note(&mut self, id: SnapshotNoteId) -> Result<(), SnapshotError> {
        let i = self
            .notes
            .iter()
            .position(|n| n.id == id)
            .ok_or(SnapshotError::NoSuchNote(id))?;
        let note = self.notes.remove(i);
        self.trash.push(note);
        Ok(())
    }

    // ---- dots --------------------------------------------------------------------------

    /// Dots placed on opportunities, the trainer's and the phones'.
    pub fn dots_placed(&self) -> u32 {
        self.notes
            .iter()
            .filter(|n| n.heading == HeadingId::Opportunities)
            .fold(0u32, |a, n| a.saturating_add(self.dots_on(n)))
    }

    /// The room's dots (people × dots per person), or `None` while the room size is unknown.
    pub fn dots_total(&self) -> Option<u32> {
        let room = self.room();
        (room > 0).then(|| room.saturating_mul(self.dots_per_person))
    }

    /// Dots not yet placed (negative if more were placed than the room has), if known.
    pub fn dots_left(&self) -> Option<i64> {
        self.dots_total()
            .map(|t| i64::from(t) - i64::from(self.dots_placed()))
    }

    /// One more dot on an opportunity; refused when the room has none left.
    pub fn add_dot(&mut self, id: SnapshotNoteId) -> Result<u32, SnapshotError> {
        let left = self.dots_left();
        let (people, per) = (self.room(), self.dots_per_person);
        let note = self.note_mut(id)?;
        if note.heading != HeadingId::Opportunities {
            return Err(SnapshotError::NotAnOpportunity);
        }
        if left.is_some_and(|l| l <= 0) {
            return Err(SnapshotError::NoDotsLeft {
                people,
                per,
                total: people.saturating_mul(per),
            });
        }
        note.dots = note.dots.saturating_add(1);
        Ok(note.dots)
    }

    /// One of the trainer's dots fewer on an opportunity (phones take back their own).
    pub fn remove_dot(&mut self, id: SnapshotNoteId) -> Result<u32, SnapshotError> {
        let note = self.note_mut(id)?;
        if note.heading != HeadingId::Opportunities {
            return Err(SnapshotError::NotAnOpportunity);
        }
        if note.dots == 0 {
            return Err(SnapshotError::NoDots);
        }
        note.dots -= 1;
        Ok(note.dots)
    }

    /// Sets the trainer's dots on an opportunity outright (the command line, a recount); the
    /// phones' dots still add to them.
    pub fn set_dots(&mut self, id: SnapshotNoteId, dots: u32) -> Result<(), SnapshotError> {
        let note = self.note_mut(id)?;
        if note.heading != HeadingId::Opportunities {
            return Err(SnapshotError::NotAnOpportunity);
        }
        note.dots = dots;
        Ok(())
    }

    /// Sets the dots each person gets.
    pub fn set_dots_per_person(&mut self, n: u32) -> Result<(), SnapshotError> {
        check_setting("dots per person", n, 1)?;
        self.dots_per_person = n;
        Ok(())
    }

    /// Sets the room size; `None` goes back to the largest show of hands.
    pub fn set_room_size(&mut self, n: Option<u32>) -> Result<(), SnapshotError> {
        if let Some(n) = n {
            check_setting("the room size", n, 1)?;
        }
        self.room_size = n;
        Ok(())
    }
}
