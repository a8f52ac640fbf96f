//! Votes and dots from phones in the room: one stage per phone and dimension (a second vote
//! replaces the first) and each phone's dots, never more than the room's dots per person. They
//! are kept apart from the trainer's counts, which they add to, so the trainer's take-back and
//! undo never touch a phone's choice and a phone can only change its own.

use super::*;

/// A phone's stage on a dimension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneVote {
    /// The phone's anonymous key in this record (the room's name for it, never its cookie).
    pub phone: String,
    /// Index into [`SnapshotState::dimensions`].
    pub dimension: usize,
    /// Index into [`SnapshotState::scale`].
    pub stage: usize,
}

/// The dots one phone put on one opportunity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneDots {
    /// The phone's anonymous key, as in [`PhoneVote::phone`].
    pub phone: String,
    pub note: SnapshotNoteId,
    pub dots: u32,
}

impl SnapshotState {
    /// The dimension the room places itself on now: the one on screen (its page or its tally).
    pub fn voting_dimension(&self) -> Option<usize> {
        match self.page(&[]) {
            SnapshotPage::Dimension(d) | SnapshotPage::Tally(d) => Some(d),
            _ => None,
        }
    }

    /// Whether the dot vote is on screen.
    pub fn dot_vote_open(&self) -> bool {
        self.page(&[]) == SnapshotPage::Dots
    }

    /// The stage `phone` chose on `dimension`, if it voted there.
    pub fn phone_stage(&self, phone: &str, dimension: usize) -> Option<usize> {
        self.phone_votes
            .iter()
            .find(|v| v.phone == phone && v.dimension == dimension)
            .map(|v| v.stage)
    }

    /// Records `phone`'s stage on `dimension`, replacing its earlier vote there; returns the
    /// stage it replaced.
    pub fn phone_vote(
        &mut self,
        phone: &str,
        dimension: usize,
        stage: usize,
    ) -> Result<Option<usize>, SnapshotError> {
        self.check_dimension(dimension)?;
        self.check_stage(stage)?;
        match self
            .phone_votes
            .iter_mut()
            .find(|v| v.phone == phone && v.dimension == dimension)
        {
            Some(v) => Ok(Some(std::mem::replace(&mut v.stage, stage))),
            None => {
                self.phone_votes.push(PhoneVote {
                    phone: phone.to_string(),
                    dimension,
                    stage,
                });
                Ok(None)
            }
        }
    }

    /// The phones' votes on `dimension`, per stage.
    pub fn phone_counts(&self, dimension: usize) -> Vec<u32> {
        let mut counts = vec![0u32; self.scale.len()];
        for v in self.phone_votes.iter().filter(|v| v.dimension == dimension) {
            if let Some(c) = counts.get_mut(v.stage) {
                *c = c.saturating_add(1);
            }
        }
        counts
    }

    /// Every dot on `note`: the trainer's count and the phones'.
    pub fn dots_on(&self, note: &SnapshotNote) -> u32 {
        note.dots.saturating_add(self.phone_dots_on(note.id))
    }

    /// The dots phones put on `note`.
    pub fn phone_dots_on(&self, note: SnapshotNoteId) -> u32 {
        self.phone_dots
            .iter()
            .filter(|d| d.note == note)
            .fold(0u32, |a, d| a.saturating_add(d.dots))
    }

    /// The dots `phone` put on `note`.
    pub fn phone_dots_mine(&self, phone: &str, note: SnapshotNoteId) -> u32 {
        self.phone_dots
            .iter()
            .find(|d| d.phone == phone && d.note == note)
            .map_or(0, |d| d.dots)
    }

    /// Refuses a note that is gone or not under the opportunities.
    fn check_opportunity(&self, id: SnapshotNoteId) -> Result<(), SnapshotError> {
        match self.note(id) {
            None => Err(SnapshotError::NoSuchNote(id)),
            Some(n) if n.heading != HeadingId::Opportunities => {
                Err(SnapshotError::NotAnOpportunity)
            }
            Some(_) => Ok(()),
        }
    }

    /// Whether `id` is a note under the opportunities, where dots count.
    fn is_opportunity(&self, id: SnapshotNoteId) -> bool {
        self.note(id)
            .is_some_and(|n| n.heading == HeadingId::Opportunities)
    }

    /// The dots phones placed on opportunities (dots on a note deleted or moved away do not
    /// count, as the trainer's do not).
    pub fn phone_dots_placed(&self) -> u32 {
        self.phone_dots
            .iter()
            .filter(|d| self.is_opportunity(d.note))
            .fold(0u32, |a, d| a.saturating_add(d.dots))
    }

    /// The dots `phone` has placed on opportunities.
    pub fn phone_dots_spent(&self, phone: &str) -> u32 {
        self.phone_dots
            .iter()
            .filter(|d| d.phone == phone && self.is_opportunity(d.note))
            .fold(0u32, |a, d| a.saturating_add(d.dots))
    }

    /// The dots `phone` may still place.
    pub fn phone_dots_left(&self, phone: &str) -> u32 {
        self.dots_per_person
            .saturating_sub(self.phone_dots_spent(phone))
    }

    /// One of `phone`'s dots on an opportunity, refused once it has placed its dots per
    /// person; returns the dots now on the note, everyone's.
    pub fn phone_add_dot(
        &mut self,
        phone: &str,
        note: SnapshotNoteId,
    ) -> Result<u32, SnapshotError> {
        self.check_opportunity(note)?;
        if self.phone_dots_left(phone) == 0 {
            return Err(SnapshotError::PhoneNoDotsLeft(self.dots_per_person));
        }
        match self
            .phone_dots
            .iter_mut()
            .find(|d| d.phone == phone && d.note == note)
        {
            Some(d) => d.dots = d.dots.saturating_add(1),
            None => self.phone_dots.push(PhoneDots {
                phone: phone.to_string(),
                note,
                dots: 1,
            }),
        }
        Ok(self.note(note).map_or(0, |n| self.dots_on(n)))
    }

    /// Takes one of `phone`'s dots back from an opportunity; returns the dots now on the note,
    /// everyone's.
    pub fn phone_remove_dot(
        &mut self,
        phone: &str,
        note: SnapshotNoteId,
    ) -> Result<u32, SnapshotError> {
        self.check_opportunity(note)?;
        let Some(i) = self
            .phone_dots
            .iter()
            .position(|d| d.phone == phone && d.note == note && d.dots > 0)
        else {
            return Err(SnapshotError::PhoneNoDot);
        };
        self.phone_dots[i].dots -= 1;
        if self.phone_dots[i].dots == 0 {
            self.phone_dots.remove(i);
        }
        Ok(self.note(note).map_or(0, |n| self.dots_on(n)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::snapshot::tests::state;
    use time::macros::datetime;

    const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

    #[test]
    fn a_phones_second_vote_replaces_its_first_and_the_tally_adds_the_show_of_hands() {
        let mut s = state();
        s.vote(0, 0, 2).unwrap();
        assert_eq!(s.phone_vote("a", 0, 1), Ok(None));
        assert_eq!(s.phone_vote("b", 0, 1), Ok(None));
        assert_eq!(s.tally(0).counts, [2, 2, 0]);
        assert_eq!(s.phone_vote("a", 0, 2), Ok(Some(1)), "changed, not added");
        assert_eq!(s.tally(0).counts, [2, 1, 1]);
        assert_eq!(s.tally(0).total, 4);
        assert_eq!(s.tally(0).percents, [50, 25, 25]);
        assert_eq!(s.phone_counts(0), [0, 1, 1]);
        assert_eq!(s.phone_stage("a", 0), Some(2));
        assert_eq!(s.phone_stage("a", 1), None, "one vote per dimension");
        s.phone_vote("a", 1, 0).unwrap();
        assert_eq!(s.tally(1).counts, [1, 0, 0]);
        assert_eq!(s.room(), 4, "phones count among the people in the room");
        // The trainer's take-back takes back the trainer's votes, never a phone's.
        s.take_back_vote(0).unwrap();
        s.take_back_vote(0).unwrap();
        assert_eq!(s.tally(0).counts, [0, 1, 1]);
        assert_eq!(
            s.take_back_vote(0),
            Err(SnapshotError::NoVotes("Organization and Leadership".into()))
        );
        assert!(matches!(
            s.phone_vote("a", 0, 3),
            Err(SnapshotError::NoSuchStage(4, 3, _))
        ));
        assert_eq!(
            s.phone_vote("a", 5, 0),
            Err(SnapshotError::NoSuchDimension(6, 2))
        );
        assert_eq!(
            s.phone_stage("a", 0),
            Some(2),
            "a refused vote changes nothing"
        );
    }

    #[test]
    fn each_phone_spends_at_most_its_dots_and_can_take_one_back() {
        let mut s = state(); // 3 dots per person
        let a = s.add_note("x", 0, HeadingId::Opportunities, T0).unwrap();
        let b = s.add_note("y", 1, HeadingId::Opportunities, T0).unwrap();
        let strength = s.add_note("z", 0, HeadingId::Strengths, T0).unwrap();
        assert_eq!(s.phone_add_dot("p", a), Ok(1));
        assert_eq!(s.phone_add_dot("p", a), Ok(2));
        assert_eq!(s.phone_add_dot("p", b), Ok(1));
        assert_eq!(s.phone_dots_left("p"), 0);
        assert_eq!(
            s.phone_add_dot("p", b),
            Err(SnapshotError::PhoneNoDotsLeft(3))
        );
        assert_eq!(s.phone_add_dot("q", b), Ok(2), "another phone has its own");
        assert_eq!(
            s.phone_add_dot("q", strength),
            Err(SnapshotError::NotAnOpportunity)
        );
        assert_eq!(s.phone_add_dot("q", 99), Err(SnapshotError::NoSuchNote(99)));
        assert_eq!(s.phone_remove_dot("q", a), Err(SnapshotError::PhoneNoDot));
        assert_eq!(s.phone_remove_dot("p", a), Ok(1));
        assert_eq!(s.phone_dots_mine("p", a), 1);
        assert_eq!(
            s.phone_add_dot("p", b),
            Ok(3),
            "the dot taken back is spent again"
        );
        assert_eq!(s.phone_dots_placed(), 4);
    }

    #[test]
    fn the_dot_vote_adds_the_trainers_dots_and_the_phones() {
        let mut s = state();
        s.set_room_size(Some(2)).unwrap();
        let a = s.add_note("x", 0, HeadingId::Opportunities, T0).unwrap();
        let b = s.add_note("y", 0, HeadingId::Opportunities, T0).unwrap();
        s.add_dot(a).unwrap();
        s.phone_add_dot("p", b).unwrap();
        s.phone_add_dot("p", b).unwrap();
        assert_eq!(s.dots_on(s.note(a).unwrap()), 1);
        assert_eq!(s.dots_on(s.note(b).unwrap()), 2);
        assert_eq!(s.dots_placed(), 3);
        assert_eq!(s.dots_left(), Some(3));
        let ranking = s.ranking();
        assert_eq!((ranking[0].id, ranking[0].dots), (b, 2));
        assert_eq!((ranking[1].id, ranking[1].dots), (a, 1));
        assert_eq!(s.ranked_priorities()[0].note, Some(b));
        // The trainer takes back the trainer's dots only.
        assert_eq!(s.remove_dot(b), Err(SnapshotError::NoDots));
        // A note moved away from the opportunities gives its phones their dots back.
        s.move_note(b, 0, HeadingId::Strengths).unwrap();
        assert_eq!(s.phone_dots_left("p"), 3);
        assert_eq!(s.dots_placed(), 1);
    }

    #[test]
    fn undo_keeps_the_phones_choices() {
        let mut s = state();
        let mut h = SnapshotHistory::default();
        let a = h
            .apply(&mut s, "adding", |s| {
                s.add_note("x", 0, HeadingId::Opportunities, T0)
            })
            .unwrap();
        h.apply(&mut s, "the edit", |s| s.edit_note(a, "x2"))
            .unwrap();
        s.phone_vote("p", 0, 1).unwrap();
        s.phone_add_dot("p", a).unwrap();
        h.undo(&mut s);
        assert_eq!(s.notes[0].text, "x");
        assert_eq!(s.phone_stage("p", 0), Some(1));
        assert_eq!(s.phone_dots_mine("p", a), 1);
    }

    #[test]
    fn a_file_from_before_phones_voted_opens_and_one_after_keeps_their_choices() {
        let mut s = state();
        let old = serde_json::to_value(&s).unwrap();
        assert!(old.get("phone_votes").is_none() && old.get("phone_dots").is_none());
        let back: SnapshotState = serde_json::from_value(old).unwrap();
        assert!(back.phone_votes.is_empty() && back.phone_dots.is_empty());

        let a = s.add_note("x", 0, HeadingId::Opportunities, T0).unwrap();
        s.phone_vote("p", 1, 2).unwrap();
        s.phone_add_dot("p", a).unwrap();
        let back: SnapshotState =
            serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
        assert_eq!(back.tally(1).counts, [0, 0, 1]);
    }

    #[test]
    fn phones_vote_on_the_dimension_on_screen_and_dot_only_on_the_dot_vote() {
        let mut s = state();
        assert_eq!(s.voting_dimension(), None);
        s.set_page(SnapshotPage::Dimension(1));
        assert_eq!(s.voting_dimension(), Some(1));
        s.set_page(SnapshotPage::Tally(0));
        assert_eq!(s.voting_dimension(), Some(0));
        assert!(!s.dot_vote_open());
        s.set_page(SnapshotPage::Dots);
        assert!(s.dot_vote_open());
        assert_eq!(s.voting_dimension(), None);
    }
}
