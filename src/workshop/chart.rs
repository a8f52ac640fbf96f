//! What is on a group's flip-chart page, decided once for the notes board and every export: a
//! section per category (the session's, in order, then any category a note names that the
//! session does not list — only a hand-edited file has those — then notes with no category),
//! each with its already-using and could-enhance notes, then the commitments. A note the export
//! prints is therefore always on a board page where it can be seen, edited or moved.

use super::note::Note;
use super::session::Session;
use super::step::Prompt;
use std::collections::HashMap;

/// How a heading for notes with no category reads (hand-edited files only).
pub const NO_CATEGORY: &str = "(no category)";

/// One category heading of the flip charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading<'a> {
    /// One of the session's categories.
    Listed(&'a str),
    /// A category name a note has that the session does not list (hand-edited file).
    Unlisted(&'a str),
    /// A non-commitment note with no category at all (hand-edited file).
    None,
}

impl<'a> Heading<'a> {
    /// The category name, if the heading has one.
    pub fn name(self) -> Option<&'a str> {
        match self {
            Heading::Listed(name) | Heading::Unlisted(name) => Some(name),
            Heading::None => None,
        }
    }
}

/// A session's category headings in page order, with each note's place among them.
#[derive(Debug, Clone)]
pub struct Headings<'a> {
    list: Vec<Heading<'a>>,
    /// Position in `list` by category name (`None` for no category). Linear to build and to
    /// look up, so a deck of thousands of categories costs no more per note than one.
    index: HashMap<Option<&'a str>, usize>,
}

impl<'a> Headings<'a> {
    /// The headings of `session`: its own categories, then those only its notes name, in the
    /// order they were first written.
    pub fn of(session: &'a Session) -> Headings<'a> {
        let mut headings = Headings {
            list: Vec::with_capacity(session.categories.len()),
            index: HashMap::with_capacity(session.categories.len()),
        };
        for name in &session.categories {
            headings.add(Some(name), Heading::Listed(name));
        }
        for note in &session.notes {
            if note.placement.prompt == Prompt::Commitment {
                continue;
            }
            let name = note.placement.category.as_deref();
            let heading = name.map_or(Heading::None, Heading::Unlisted);
            headings.add(name, heading);
        }
        headings
    }

    fn add(&mut self, name: Option<&'a str>, heading: Heading<'a>) {
        let next = self.list.len();
        if *self.index.entry(name).or_insert(next) == next {
            self.list.push(heading);
        }
    }

    /// All headings in page order.
    pub fn all(&self) -> &[Heading<'a>] {
        &self.list
    }

    /// How many headings there are.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether there are none (a session always has at least one category).
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The heading at `i`.
    pub fn get(&self, i: usize) -> Option<Heading<'a>> {
        self.list.get(i).copied()
    }

    /// Which heading a note goes under; `None` for a commitment, which has its own section.
    pub fn of_note(&self, note: &Note) -> Option<usize> {
        if note.placement.prompt == Prompt::Commitment {
            return None;
        }
        self.index.get(&note.placement.category.as_deref()).copied()
    }
}

/// The list within a heading a prompt's notes go to: already using first, then could enhance;
/// `None` for commitments.
pub fn list_of(prompt: Prompt) -> Option<usize> {
    match prompt {
        Prompt::Already => Some(0),
        Prompt::Enhance => Some(1),
        Prompt::Commitment => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::note::Placement;
    use crate::workshop::session::tests::{T0, session};

    fn note(s: &mut Session, category: Option<&str>, prompt: Prompt) {
        let id = s.next_note_id;
        s.next_note_id += 1;
        s.notes.push(Note {
            id,
            text: format!("note {id}"),
            placement: Placement {
                group: 1,
                category: category.map(str::to_string),
                prompt,
            },
            initials: None,
            from_phone: false,
            visibility: Default::default(),
            created: T0,
        });
    }

    #[test]
    fn unlisted_categories_follow_the_sessions_own_in_the_order_first_written() {
        let mut s = session();
        note(&mut s, Some("Cooking"), Prompt::Already);
        note(&mut s, Some("Teaming"), Prompt::Enhance);
        note(&mut s, None, Prompt::Enhance);
        note(&mut s, Some("Cooking"), Prompt::Enhance);
        note(&mut s, Some("Ignored for commitments"), Prompt::Commitment);
        let h = Headings::of(&s);
        let listed = s.categories.len();
        assert_eq!(h.len(), listed + 2);
        assert_eq!(h.get(3), Some(Heading::Listed("Teaming")));
        assert_eq!(h.get(listed), Some(Heading::Unlisted("Cooking")));
        assert_eq!(h.get(listed + 1), Some(Heading::None));
        let places: Vec<Option<usize>> = s.notes.iter().map(|n| h.of_note(n)).collect();
        assert_eq!(
            places,
            [Some(listed), Some(3), Some(listed + 1), Some(listed), None]
        );
    }
}
