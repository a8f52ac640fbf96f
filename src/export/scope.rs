//! Which part of a session an export covers.

use crate::workshop::{Note, Prompt, Session};

/// The part of a session an export covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Scope {
    /// Every group, every category, both prompts and the commitments.
    #[default]
    All,
    /// One group's flip-chart page (1-based group number).
    Group(u32),
    /// One category across all groups.
    Category(String),
    /// The commitment notes only.
    Commitments,
}

impl Scope {
    /// Whether a note belongs in this scope.
    pub fn includes(&self, note: &Note) -> bool {
        match self {
            Scope::All => true,
            Scope::Group(g) => note.placement.group == *g,
            Scope::Category(c) => note.placement.category.as_deref() == Some(c.as_str()),
            Scope::Commitments => note.placement.prompt == Prompt::Commitment,
        }
    }

    /// The part of an export's file name that says what it covers: "room", "group-2", the
    /// category, "commitments".
    pub fn file_part(&self, session: &Session) -> String {
        match self {
            Scope::All => "room".to_string(),
            Scope::Group(g) => format!("group-{g}"),
            Scope::Category(c) => c.clone(),
            // A rounds session's take-away list is its worries and questions to follow up.
            Scope::Commitments if session.rounds.is_some() => "follow-ups".to_string(),
            Scope::Commitments => "commitments".to_string(),
        }
    }

    /// The groups this scope shows, in order.
    pub fn groups<'a>(&self, session: &'a Session) -> Vec<&'a crate::workshop::Group> {
        session
            .groups
            .iter()
            .filter(|g| !matches!(self, Scope::Group(n) if g.number != *n))
            .collect()
    }
}

#[cfg(test)]
mod file_part_tests {
    use super::*;

    #[test]
    fn each_scope_names_its_file_part() {
        let s = crate::workshop::session::tests::session();
        assert_eq!(Scope::All.file_part(&s), "room");
        assert_eq!(Scope::Group(2).file_part(&s), "group-2");
        assert_eq!(Scope::Category("Teaming".into()).file_part(&s), "Teaming");
        assert_eq!(Scope::Commitments.file_part(&s), "commitments");
    }
}
