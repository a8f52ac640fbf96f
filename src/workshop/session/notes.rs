//! A session's notes as a whole: where a new note goes, finding notes by id or placement,
//! and the checks a note's place and text must pass.

use super::{EditError, MAX_NOTE_CHARS, Session};
use crate::workshop::note::{Note, NoteId, Placement};
use crate::workshop::step::Prompt;
use crate::workshop::text::sanitize;

impl Session {
    /// The default placement for a note typed now by `group`: its current category and the
    /// current step's prompt.
    pub fn placement_now(&self, group: u32) -> Placement {
        self.placement(group, Prompt::for_step(self.step().kind))
    }

    /// Where a note typed now by `group` for `prompt` goes: a commitment has no category; any
    /// other prompt goes to the category the group works this round, or the first category
    /// between rounds (the commitment step, the wrap-up). The one rule for the app's scribe
    /// input and `cpm-workshop add`.
    pub fn placement(&self, group: u32, prompt: Prompt) -> Placement {
        let category = match prompt {
            Prompt::Commitment => None,
            Prompt::Already | Prompt::Enhance => self
                .category_for(group)
                .or_else(|| self.categories.first().map(String::as_str))
                .map(str::to_string),
        };
        Placement {
            group,
            category,
            prompt,
        }
    }

    /// A live note by id.
    pub fn note(&self, id: NoteId) -> Option<&Note> {
        self.notes.iter().find(|n| n.id == id)
    }

    /// Live notes on a placement, in the order they were written.
    pub fn notes_at<'a>(&'a self, placement: &'a Placement) -> impl Iterator<Item = &'a Note> {
        self.notes.iter().filter(move |n| &n.placement == placement)
    }

    /// The commitment notes, in order.
    pub fn commitments(&self) -> impl Iterator<Item = &Note> {
        self.notes
            .iter()
            .filter(|n| n.placement.prompt == Prompt::Commitment)
    }

    /// Checks a placement against this session's groups and categories, normalising the
    /// category name to the session's own spelling.
    pub fn validate_placement(&self, mut placement: Placement) -> Result<Placement, EditError> {
        let groups = self.groups.len() as u32;
        if placement.group == 0 || placement.group > groups {
            return Err(EditError::NoSuchGroup(placement.group, groups));
        }
        placement.category = match (placement.category.take(), placement.prompt) {
            (_, Prompt::Commitment) => None,
            (None, p) => return Err(EditError::CategoryNeeded(p.id())),
            (Some(name), _) => Some(
                self.find_category(&name)
                    .ok_or(EditError::NoSuchCategory(name))?
                    .to_string(),
            ),
        };
        Ok(placement)
    }

    /// Finds a category by name, ignoring case.
    pub fn find_category(&self, name: &str) -> Option<&str> {
        let name = name.trim();
        self.categories
            .iter()
            .find(|c| c.eq_ignore_ascii_case(name) || c.to_lowercase() == name.to_lowercase())
            .map(String::as_str)
    }

    /// Cleans note text and checks it is worth keeping.
    pub fn clean_text(text: &str) -> Result<String, EditError> {
        let clean = sanitize(text);
        if clean.is_empty() {
            return Err(EditError::Empty);
        }
        let chars = clean.chars().count();
        if chars > MAX_NOTE_CHARS {
            return Err(EditError::TooLong(chars));
        }
        Ok(clean)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{T0, session};
    use super::*;

    #[test]
    fn placement_follows_rotation_and_step_prompt() {
        let mut s = session();
        s.go_to(5 + 3, T0); // round 1, brainstorm enhance
        let p = s.placement_now(2);
        assert_eq!(p.category.as_deref(), Some("Assessment"));
        assert_eq!(p.prompt, Prompt::Enhance);
        s.go_to(30, T0);
        assert_eq!(s.placement_now(2).category, None);
        assert_eq!(s.placement_now(2).prompt, Prompt::Commitment);
    }

    #[test]
    fn a_category_prompt_between_rounds_goes_to_the_first_category() {
        let mut s = session();
        s.go_to(5 + 3, T0); // round 1: group 2 is at Assessment
        assert_eq!(
            s.placement(2, Prompt::Already).category.as_deref(),
            Some("Assessment")
        );
        assert_eq!(s.placement(2, Prompt::Commitment).category, None);
        s.go_to(30, T0); // the commitment step has no round
        let p = s.placement(2, Prompt::Enhance);
        assert_eq!(p.category.as_deref(), Some("Foundational"));
        assert_eq!(p.prompt, Prompt::Enhance);
        assert_eq!(
            s.validate_placement(p.clone()),
            Ok(p),
            "a placement it makes is valid"
        );
    }

    #[test]
    fn validates_placements() {
        let s = session();
        let p = |g, c: Option<&str>, prompt| Placement {
            group: g,
            category: c.map(String::from),
            prompt,
        };
        assert_eq!(
            s.validate_placement(p(1, Some("teaming"), Prompt::Already))
                .unwrap()
                .category
                .as_deref(),
            Some("Teaming")
        );
        assert_eq!(
            s.validate_placement(p(5, Some("Teaming"), Prompt::Already)),
            Err(EditError::NoSuchGroup(5, 4))
        );
        assert!(matches!(
            s.validate_placement(p(1, Some("Cooking"), Prompt::Already)),
            Err(EditError::NoSuchCategory(_))
        ));
        assert!(
            s.validate_placement(p(1, Some("Teaming"), Prompt::Commitment))
                .unwrap()
                .category
                .is_none()
        );
    }

    #[test]
    fn clean_text_refuses_empty_and_huge() {
        assert_eq!(Session::clean_text("\u{1b}[2J  "), Err(EditError::Empty));
        assert!(Session::clean_text(&"x".repeat(10_000)).is_ok());
        assert!(matches!(
            Session::clean_text(&"x".repeat(MAX_NOTE_CHARS + 1)),
            Err(EditError::TooLong(_))
        ));
    }
}
