//! The bottom line: a message, and whether what is on screen is on disk.

/// A short message at the bottom of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Whether what is on screen is on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Pending,
    /// The last save failed; the session stays in memory and is retried on the next change.
    Failed(String),
}
