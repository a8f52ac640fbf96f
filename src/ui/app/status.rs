//! The bottom line: a message, and whether what is on screen is on disk.

/// A short message at the bottom of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub tone: Tone,
}

/// Whether a message reports something done or something that went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    /// Drawn in the error colour with a "!" in front (the meaning is never only in colour).
    Error,
}

impl Status {
    /// A message saying what was done.
    pub fn info(text: impl Into<String>) -> Status {
        Status {
            text: text.into(),
            tone: Tone::Info,
        }
    }

    /// A message saying what went wrong.
    pub fn error(text: impl Into<String>) -> Status {
        Status {
            text: text.into(),
            tone: Tone::Error,
        }
    }

    /// Whether it reports a failure.
    pub fn is_error(&self) -> bool {
        self.tone == Tone::Error
    }
}

use crate::store::StoreError;

/// Whether what is on screen is on disk.
#[derive(Debug, Clone)]
pub enum SaveState {
    Saved,
    Pending,
    /// The last save failed; the session stays in memory and is retried on the next change.
    /// Typed, so the app can say which trouble it is ([`StoreError::trouble`]).
    Failed(StoreError),
}

impl PartialEq for SaveState {
    /// Failures are equal when they say the same (an I/O error has no equality of its own).
    fn eq(&self, other: &SaveState) -> bool {
        match (self, other) {
            (SaveState::Saved, SaveState::Saved) | (SaveState::Pending, SaveState::Pending) => true,
            (SaveState::Failed(a), SaveState::Failed(b)) => a.to_string() == b.to_string(),
            _ => false,
        }
    }
}

impl SaveState {
    /// How the help and questions speak of saving: never "already saved" when it is not.
    pub fn words(&self) -> &'static str {
        match self {
            SaveState::Saved => "Every change is saved",
            SaveState::Pending => "The last change is being saved",
            SaveState::Failed(_) => "Saving is failing: the last changes are NOT on disk",
        }
    }
}
