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

    /// The groups this scope shows, in order.
    pub fn groups<'a>(&self, session: &'a Session) -> Vec<&'a crate::workshop::Group> {
        session
            .groups
            .iter()
            .filter(|g| !matches!(self, Scope::Group(n) if g.number != *n))
            .collect()
    }
}
