//! A sticky note: one line (or a few) of text on a group's flip-chart page.

use super::moderation::Visibility;
use super::step::Prompt;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Identifies a note within its session; never reused.
pub type NoteId = u64;

/// Where a note is posted: which group's page, which category, which prompt.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Placement {
    /// 1-based group number.
    pub group: u32,
    /// Category name; `None` for commitments, which belong to no category.
    pub category: Option<String>,
    pub prompt: Prompt,
}

/// One sticky note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: NoteId,
    pub text: String,
    #[serde(flatten)]
    pub placement: Placement,
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
    /// Author's initials, when the scribe typed them (commitments mostly).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initials: Option<String>,
    /// Whether a participant's phone sent it (the trainer moderates only those).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_phone: bool,
    /// Whether the room's screen may show it ([`Visibility::Shown`] unless a phone's note
    /// waits in the trainer's queue or was hidden).
    #[serde(default, skip_serializing_if = "Visibility::is_shown")]
    pub visibility: Visibility,
}

/// A deleted note, kept so it can be restored until the session itself is deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeletedNote {
    pub note: Note,
    #[serde(with = "time::serde::rfc3339")]
    pub deleted: OffsetDateTime,
}
