//! The Snapshot warm-up's record (CPM Implementation Planning Guide): the room's show of hands per dimension, notes under
//! the Scoring and Analysis headings, dots on the opportunities and the priorities they become.
//!
//! Pure: no I/O, no terminal, no clock (`now` is passed in). Dimensions and stages are 0-based
//! indexes here and 1-based in every message a person reads. Votes are kept as a log, so the last
//! vote on a dimension can be taken back even after a restart; everything else is undone with
//! [`SnapshotHistory`], which keeps earlier copies of the (small) state.

mod history;
mod notes;
pub mod page;
mod phone_votes;
pub mod plan;
mod priorities;
#[cfg(test)]
mod tests;
mod votes;

pub use history::SnapshotHistory;
pub use page::{SavedPage, SnapshotPage, pages};
pub use phone_votes::{PhoneDots, PhoneVote};

use super::session::{EditError, Session};
use crate::content::SnapshotActivity;
use plan::DraftPlan;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Identifies a Snapshot note within its session; never reused.
pub type SnapshotNoteId = u64;

/// Most votes one command may add at once (a room, not a stadium).
pub const MAX_VOTES_AT_ONCE: u32 = 1_000;
/// Largest room size, dots per person and number of priorities the facilitator can set.
pub const MAX_SETTING: u32 = 999;
/// Undo steps kept in memory.
pub const HISTORY_LIMIT: usize = 200;
/// How ties in the dot vote are settled, said wherever a ranking is shown.
pub const TIE_RULE: &str = "Ties keep the order the notes were written.";

/// The Scoring and Analysis headings a note can sit under (CPM Implementation Planning Guide). The fourth heading,
/// Setting Priorities for Local Planning, holds the priorities, not notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HeadingId {
    Strengths,
    Opportunities,
    Feasibility,
}

impl HeadingId {
    /// The note headings in the guide's order.
    pub const ALL: [HeadingId; 3] = [
        HeadingId::Strengths,
        HeadingId::Opportunities,
        HeadingId::Feasibility,
    ];

    /// The id used in files, on the command line and in the activity file's `headings`.
    pub fn id(self) -> &'static str {
        match self {
            HeadingId::Strengths => "strengths",
            HeadingId::Opportunities => "opportunities",
            HeadingId::Feasibility => "feasibility",
        }
    }

    /// Position in [`HeadingId::ALL`].
    pub fn index(self) -> usize {
        match self {
            HeadingId::Strengths => 0,
            HeadingId::Opportunities => 1,
            HeadingId::Feasibility => 2,
        }
    }

    /// The next heading, wrapping round (what `Tab` does).
    pub fn next(self) -> HeadingId {
        HeadingId::ALL[(self.index() + 1) % 3]
    }

    /// The previous heading, wrapping round.
    pub fn previous(self) -> HeadingId {
        HeadingId::ALL[(self.index() + 2) % 3]
    }

    /// Reads an id (`strengths`, `opportunities`, `feasibility`), ignoring case.
    pub fn parse(text: &str) -> Option<HeadingId> {
        let text = text.trim();
        HeadingId::ALL
            .into_iter()
            .find(|h| h.id().eq_ignore_ascii_case(text))
    }
}

/// Votes for one stage of the scale on one dimension. Consecutive votes for the same stage are
/// kept as one entry with a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    /// Index into [`SnapshotState::dimensions`].
    pub dimension: usize,
    /// Index into [`SnapshotState::scale`].
    pub stage: usize,
    pub count: u32,
}

/// A note typed under a heading for a dimension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotNote {
    pub id: SnapshotNoteId,
    pub text: String,
    /// Index into [`SnapshotState::dimensions`].
    pub dimension: usize,
    pub heading: HeadingId,
    /// Dots the room put on it (only opportunities are dot-voted).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub dots: u32,
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// One of the priorities for local planning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Priority {
    /// The opportunity it came from, if it came from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<SnapshotNoteId>,
    pub text: String,
}

/// Everything the Snapshot warm-up records, kept in the session file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotState {
    /// The dimension names when the session was made, so the record never shifts under it.
    pub dimensions: Vec<String>,
    /// The stages the room places itself on, lowest first (from the activity file).
    pub scale: Vec<String>,
    /// Every vote in the order entered.
    #[serde(default)]
    pub votes: Vec<Vote>,
    #[serde(default)]
    pub notes: Vec<SnapshotNote>,
    /// Deleted notes, restorable.
    #[serde(default)]
    pub trash: Vec<SnapshotNote>,
    pub next_note_id: SnapshotNoteId,
    pub dots_per_person: u32,
    /// People in the room, when the facilitator set it; otherwise the largest show of hands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_size: Option<u32>,
    /// How many top opportunities become priorities.
    pub priority_count: u32,
    /// Priorities the facilitator fixed (edited or reordered); `None` follows the dot vote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priorities: Option<Vec<Priority>>,
    /// The page the facilitator is on ([`SnapshotState::page`] reads it; older files hold a
    /// position in the page list).
    #[serde(default)]
    pub page: SavedPage,
    /// The draft Implementation Plan for the priorities (the guide's Part 2).
    #[serde(default, skip_serializing_if = "DraftPlan::is_empty")]
    pub plan: DraftPlan,
    /// Each phone's stage per dimension (at most one per phone and dimension), counted in the
    /// tally beside the show of hands in [`SnapshotState::votes`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phone_votes: Vec<PhoneVote>,
    /// The dots each phone put on each opportunity, counted beside the trainer's
    /// [`SnapshotNote::dots`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phone_dots: Vec<PhoneDots>,
}

/// One dimension's votes: a count and a percentage per stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub counts: Vec<u32>,
    pub total: u32,
    /// Whole percentages adding up to exactly 100 (or all 0 with no votes).
    pub percents: Vec<u32>,
}

/// An opportunity's place in the dot vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranked {
    pub id: SnapshotNoteId,
    pub dots: u32,
    /// 1-based; tied items share a rank ("1, 2, 2, 4").
    pub rank: usize,
    /// Whether another opportunity has the same number of dots.
    pub tied: bool,
}

/// A tie across the cut-off for priorities: some tied opportunities are in, some are out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CutoffTie {
    pub dots: u32,
    pub inside: Vec<SnapshotNoteId>,
    pub outside: Vec<SnapshotNoteId>,
}

/// Why a Snapshot change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SnapshotError {
    #[error("there is no dimension {0}; this Snapshot has dimensions 1 to {1}")]
    NoSuchDimension(usize, usize),
    #[error("there is no stage {0}; the scale has stages 1 to {1}: {2}")]
    NoSuchStage(usize, usize, String),
    #[error("the number of votes must be from 1 to {MAX_VOTES_AT_ONCE}, not {0}")]
    VoteCount(u32),
    #[error("there are no votes to take back on {0}")]
    NoVotes(String),
    #[error(transparent)]
    Text(#[from] EditError),
    #[error("no note {0}")]
    NoSuchNote(SnapshotNoteId),
    #[error("only opportunities are dot-voted; move the note under opportunities first")]
    NotAnOpportunity,
    #[error(
        "no dots left: {people} people × {per} dots = {total}, all placed; if more people voted, raise the room size"
    )]
    NoDotsLeft { people: u32, per: u32, total: u32 },
    #[error("this opportunity has no dots to take off")]
    NoDots,
    #[error("this phone has placed all its {0} dots; take one back to move it")]
    PhoneNoDotsLeft(u32),
    #[error("this phone has no dot on that opportunity")]
    PhoneNoDot,
    #[error("the trainer has moved on: {0} is not being voted on now")]
    NotOnScreen(String),
    #[error("there is no priority {0}")]
    NoSuchPriority(usize),
    #[error("{0} must be from {1} to {2}")]
    OutOfRange(&'static str, u32, u32),
    #[error(transparent)]
    Plan(#[from] plan::PlanError),
}

/// Percentages of `counts` that add up to exactly 100 after rounding, by the largest-remainder
/// method: every share is rounded down, then the points still missing go to the largest
/// remainders (the earlier stage first when remainders are equal). All zeros when nothing was
/// counted.
pub fn percentages(counts: &[u32]) -> Vec<u32> {
    let total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
    if total == 0 {
        return vec![0; counts.len()];
    }
    let mut out: Vec<u32> = counts
        .iter()
        .map(|&c| (u64::from(c) * 100 / total) as u32)
        .collect();
    let mut remainders: Vec<(u64, usize)> = counts
        .iter()
        .enumerate()
        .map(|(i, &c)| (u64::from(c) * 100 % total, i))
        .collect();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let missing = 100 - out.iter().sum::<u32>() as usize;
    for &(_, i) in remainders.iter().take(missing) {
        out[i] += 1;
    }
    out
}

impl SnapshotState {
    /// A fresh record for these dimensions and this scale, with the activity's defaults.
    pub fn new(
        dimensions: Vec<String>,
        scale: Vec<String>,
        dots_per_person: u32,
        priority_count: u32,
    ) -> SnapshotState {
        SnapshotState {
            dimensions,
            scale,
            votes: Vec::new(),
            notes: Vec::new(),
            trash: Vec::new(),
            next_note_id: 1,
            dots_per_person: dots_per_person.clamp(1, MAX_SETTING),
            room_size: None,
            priority_count: priority_count.clamp(1, MAX_SETTING),
            priorities: None,
            page: SavedPage::default(),
            plan: DraftPlan::default(),
            phone_votes: Vec::new(),
            phone_dots: Vec::new(),
        }
    }

    /// A fresh record for a session: its dimensions (the session's categories) and the
    /// activity's scale, dots per person and number of priorities.
    pub fn for_session(session: &Session, activity: &SnapshotActivity) -> SnapshotState {
        let dimensions = if session.categories.is_empty() {
            activity.dimensions.iter().map(|d| d.name.clone()).collect()
        } else {
            session.categories.clone()
        };
        SnapshotState::new(
            dimensions,
            activity.scale.clone(),
            activity.dots_per_person,
            activity.priorities,
        )
    }

    /// What a new Snapshot warm-up session is made from: its dimensions are the session's
    /// categories (groups and step times are unused, kept at their defaults).
    pub fn session_spec(name: &str, activity: &SnapshotActivity) -> crate::workshop::SessionSpec {
        crate::workshop::SessionSpec {
            name: name.to_string(),
            activity: crate::workshop::Activity::Snapshot,
            deck: "snapshot".to_string(),
            categories: activity.dimensions.iter().map(|d| d.name.clone()).collect(),
            groups: 4,
            group_names: Vec::new(),
            mode: crate::workshop::Mode::Together,
            durations: crate::workshop::Durations::default(),
            role: None,
        }
    }

    /// The session's record, or a fresh one if nothing has been recorded yet.
    pub fn of<'a>(
        session: &'a Session,
        activity: &SnapshotActivity,
    ) -> std::borrow::Cow<'a, SnapshotState> {
        match &session.snapshot {
            Some(s) => std::borrow::Cow::Borrowed(s),
            None => std::borrow::Cow::Owned(SnapshotState::for_session(session, activity)),
        }
    }

    /// The same dimensions, scale and settings with nothing recorded, for the next workshop.
    pub fn as_template(&self) -> SnapshotState {
        let mut fresh = SnapshotState::new(
            self.dimensions.clone(),
            self.scale.clone(),
            self.dots_per_person,
            self.priority_count,
        );
        fresh.room_size = self.room_size;
        fresh
    }

    /// The dimension's name, or "" for an index out of range.
    pub fn dimension_name(&self, dimension: usize) -> &str {
        self.dimensions.get(dimension).map_or("", String::as_str)
    }

    fn check_dimension(&self, dimension: usize) -> Result<(), SnapshotError> {
        if dimension < self.dimensions.len() {
            Ok(())
        } else {
            Err(SnapshotError::NoSuchDimension(
                dimension + 1,
                self.dimensions.len(),
            ))
        }
    }

    fn check_stage(&self, stage: usize) -> Result<(), SnapshotError> {
        if stage < self.scale.len() {
            Ok(())
        } else {
            let stages = self
                .scale
                .iter()
                .enumerate()
                .map(|(i, s)| format!("{} {s}", i + 1))
                .collect::<Vec<_>>()
                .join(", ");
            Err(SnapshotError::NoSuchStage(
                stage + 1,
                self.scale.len(),
                stages,
            ))
        }
    }

    // ---- votes -------------------------------------------------------------------------
}

fn check_setting(what: &'static str, n: u32, min: u32) -> Result<(), SnapshotError> {
    if (min..=MAX_SETTING).contains(&n) {
        Ok(())
    } else {
        Err(SnapshotError::OutOfRange(what, min, MAX_SETTING))
    }
}

impl Session {
    /// The Snapshot record, created from the activity's scale and defaults if the session has
    /// none yet (a new session, or one saved before this record existed).
    pub fn snapshot_mut(&mut self, activity: &SnapshotActivity) -> &mut SnapshotState {
        if self.snapshot.is_none() {
            self.snapshot = Some(SnapshotState::for_session(self, activity));
        }
        self.snapshot
            .get_or_insert_with(|| SnapshotState::new(Vec::new(), Vec::new(), 1, 1))
    }
}
