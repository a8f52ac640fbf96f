//! The steps of the sticky-note activity and where a session stands in them.

use serde::{Deserialize, Serialize};

pub use crate::content::StepKind;

/// Which question a note answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Prompt {
    /// Ways we already use these behaviors.
    Already,
    /// Ways we might enhance the use of these behaviors.
    Enhance,
    /// One area each person will work on over the next few weeks.
    Commitment,
}

impl Prompt {
    /// The prompt a note typed during a step of `kind` belongs to by default.
    pub fn for_step(kind: StepKind) -> Prompt {
        match kind {
            StepKind::BrainstormEnhance | StepKind::ShareEnhance => Prompt::Enhance,
            StepKind::Commitment | StepKind::WrapUp => Prompt::Commitment,
            _ => Prompt::Already,
        }
    }

    /// Every prompt, in the order the activity reaches them.
    pub const ALL: [Prompt; 3] = [Prompt::Already, Prompt::Enhance, Prompt::Commitment];

    /// The word used on the command line and in files.
    pub fn id(self) -> &'static str {
        match self {
            Prompt::Already => "already",
            Prompt::Enhance => "enhance",
            Prompt::Commitment => "commitment",
        }
    }

    /// The heading trainers see ("Already using", "Could enhance", "Commitments").
    pub fn label(self) -> &'static str {
        match self {
            Prompt::Already => "Already using",
            Prompt::Enhance => "Could enhance",
            Prompt::Commitment => "Commitment",
        }
    }

    /// Reads the command-line word.
    pub fn parse(word: &str) -> Option<Prompt> {
        Prompt::ALL
            .into_iter()
            .find(|p| p.id().eq_ignore_ascii_case(word.trim()))
    }

    /// The next prompt in the cycle, for the scribe's `Tab`.
    pub fn next(self) -> Prompt {
        match self {
            Prompt::Already => Prompt::Enhance,
            Prompt::Enhance => Prompt::Commitment,
            Prompt::Commitment => Prompt::Already,
        }
    }
}
