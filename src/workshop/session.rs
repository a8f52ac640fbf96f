//! A workshop session: everything the room produced and where the facilitator stands.

mod notes;
mod steps;

use super::moderation::Moderation;
use super::note::{DeletedNote, Note, NoteId};
use super::plan::Mode;
use super::rounds::RoundsState;
use super::session_id::SessionId;
use super::snapshot::SnapshotState;
use super::step::StepKind;
use super::text::sanitize_line;
use super::timer::Timer;
use crate::content::Role;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The session file format this build writes and understands.
pub const SCHEMA_VERSION: u32 = 1;

/// Fewest and most groups a workshop can have.
pub const GROUPS_RANGE: std::ops::RangeInclusive<u32> = 2..=12;

/// Longest note text accepted, in characters; a longer paste is refused with a message rather than
/// silently cut (10,000 characters fit).
pub const MAX_NOTE_CHARS: usize = 20_000;

/// Which activity a session runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Activity {
    /// The sticky-note behavior activity (CPM Overview).
    Sticky,
    /// The Snapshot warm-up (CPM Implementation Planning Guide).
    Snapshot,
    /// Discussion rounds on the CPM Overview's "Questions for Discussion".
    Discussion,
    /// A values check on the CPM Overview's "Values of CPM: We Believe…".
    Values,
}

impl Activity {
    /// The word used on the command line and in files.
    pub fn id(self) -> &'static str {
        match self {
            Activity::Sticky => "sticky",
            Activity::Snapshot => "snapshot",
            Activity::Discussion => "discussion",
            Activity::Values => "values",
        }
    }

    /// How a trainer would name it.
    pub fn label(self) -> &'static str {
        match self {
            Activity::Sticky => "Sticky-note behaviors",
            Activity::Snapshot => "Snapshot warm-up",
            Activity::Discussion => "Discussion rounds",
            Activity::Values => "Values check",
        }
    }
}

/// A table of 3–6 people; numbered from 1, optionally named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub number: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Group {
    /// "Group 3" or "Group 3 (Redwoods)".
    pub fn label(&self) -> String {
        match &self.name {
            Some(name) => format!("Group {} ({name})", self.number),
            None => format!("Group {}", self.number),
        }
    }
}

/// Step lengths in seconds, adjustable per session; `read` is untimed unless set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Durations {
    #[serde(default)]
    pub read: Option<u32>,
    pub brainstorm: u32,
    pub share: u32,
    pub commitment: u32,
}

impl Default for Durations {
    /// The CPM Overview's timings: brainstorm 1–2 min, share 2–3 min, commitment "a minute or two".
    fn default() -> Self {
        Durations {
            read: None,
            brainstorm: 120,
            share: 180,
            commitment: 120,
        }
    }
}

impl Durations {
    /// The planned length of one category's round in seconds: read (when timed), two
    /// brainstorms and two shares.
    pub fn per_category(&self) -> u32 {
        self.read
            .unwrap_or(0)
            .saturating_add(self.brainstorm.saturating_mul(2))
            .saturating_add(self.share.saturating_mul(2))
    }

    /// The planned length of the whole activity in seconds: every category's round, then the
    /// commitment (the wrap-up is untimed).
    pub fn whole(&self, categories: usize) -> u32 {
        let categories = u32::try_from(categories).unwrap_or(u32::MAX);
        self.per_category()
            .saturating_mul(categories)
            .saturating_add(self.commitment)
    }

    /// The countdown length for a kind of step, or `None` if it is untimed.
    pub fn for_step(&self, kind: StepKind) -> Option<u32> {
        match kind {
            StepKind::Read => self.read,
            StepKind::BrainstormAlready | StepKind::BrainstormEnhance => Some(self.brainstorm),
            StepKind::ShareAlready | StepKind::ShareEnhance => Some(self.share),
            StepKind::Commitment => Some(self.commitment),
            StepKind::WrapUp => None,
        }
    }
}

/// What a new session is made from.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionSpec {
    pub name: String,
    pub activity: Activity,
    pub deck: String,
    pub categories: Vec<String>,
    pub groups: u32,
    pub group_names: Vec<String>,
    pub mode: Mode,
    pub durations: Durations,
    pub role: Option<Role>,
}

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("the note is empty once control characters are removed")]
    Empty,
    #[error("the note is {0} characters long; the most is {MAX_NOTE_CHARS}")]
    TooLong(usize),
    #[error("there is no group {0} (this workshop has groups 1 to {1})")]
    NoSuchGroup(u32, u32),
    #[error("there is no category {0:?} in this workshop")]
    NoSuchCategory(String),
    #[error("a {0} note needs a category")]
    CategoryNeeded(&'static str),
    #[error("no note {0}")]
    NoSuchNote(NoteId),
    #[error(
        "the number of groups must be from {min} to {max}, not {0}",
        min = GROUPS_RANGE.start(),
        max = GROUPS_RANGE.end()
    )]
    GroupCount(u32),
    #[error("a workshop needs at least one category")]
    NoCategories,
    #[error(
        "a session needs a name, and {0:?} is empty once spaces and control characters are removed"
    )]
    NoName(String),
}

/// The name a new session gets when none is given, in the app's form and on the command line
/// alike: "Workshop 2026-11-23" (the date in `now`'s own offset).
pub fn default_name(now: OffsetDateTime) -> String {
    format!(
        "Workshop {:04}-{:02}-{:02}",
        now.year(),
        u8::from(now.month()),
        now.day()
    )
}

/// The name a copy of session `name` gets unless one is given: "Tuesday cohort (copy)".
pub fn copy_name(name: &str) -> String {
    format!("{name} (copy)")
}

/// A session name as typed, cleaned to one line; refused when nothing is left of it (empty,
/// only spaces, only escape codes).
pub fn session_name(typed: &str) -> Result<String, EditError> {
    let name = sanitize_line(typed);
    if name.is_empty() {
        return Err(EditError::NoName(typed.to_string()));
    }
    Ok(name)
}

/// A whole workshop session: set-up, position, timer and every note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub schema_version: u32,
    #[serde(deserialize_with = "SessionId::lenient")]
    pub id: SessionId,
    pub name: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated: OffsetDateTime,
    pub activity: Activity,
    pub deck: String,
    /// The deck's category names when the session was made, so the plan never shifts under it.
    pub categories: Vec<String>,
    pub groups: Vec<Group>,
    pub mode: Mode,
    pub durations: Durations,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Index into the run order ([`Session::plan`]).
    pub position: usize,
    pub timer: Timer,
    pub notes: Vec<Note>,
    #[serde(default)]
    pub trash: Vec<DeletedNote>,
    pub next_note_id: NoteId,
    /// The Snapshot warm-up's votes, notes, dots, priorities and page (Snapshot sessions only;
    /// absent in older files, which load with `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot: Option<SnapshotState>,
    /// When the room began: the first timer start or step change, so the run of show can say
    /// how far behind or ahead of plan the workshop runs (absent until then, and in older files).
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub started: Option<OffsetDateTime>,
    /// The record of a rounds activity (discussion rounds, values check): its items, steps,
    /// notes by group and show of hands (those sessions only; absent in older files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounds: Option<RoundsState>,
    /// Ids of the latest commands applied on behalf of other processes (newest last, at most
    /// [`super::command::APPLIED_KEPT`]), saved with the change they made, so a command found
    /// again after its applier was killed is never applied twice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applied_commands: Vec<String>,
    /// Whether phones' notes reach the room's screen at once or wait for the trainer (absent
    /// in older files: at once).
    #[serde(default, skip_serializing_if = "Moderation::is_default")]
    pub moderation: Moderation,
}

impl Session {
    /// A fresh session at the first step, timer ready.
    pub fn new(
        id: SessionId,
        spec: SessionSpec,
        now: OffsetDateTime,
    ) -> Result<Session, EditError> {
        if !GROUPS_RANGE.contains(&spec.groups) {
            return Err(EditError::GroupCount(spec.groups));
        }
        if spec.categories.is_empty() {
            return Err(EditError::NoCategories);
        }
        let name = session_name(&spec.name)?;
        let groups = (1..=spec.groups)
            .map(|number| Group {
                number,
                name: spec
                    .group_names
                    .get(number as usize - 1)
                    .map(|n| sanitize_line(n))
                    .filter(|n| !n.is_empty()),
            })
            .collect();
        let mut session = Session {
            schema_version: SCHEMA_VERSION,
            id,
            name,
            created: now,
            updated: now,
            activity: spec.activity,
            deck: spec.deck,
            categories: spec.categories,
            groups,
            mode: spec.mode,
            durations: spec.durations,
            role: spec.role,
            position: 0,
            timer: Timer::new(None),
            notes: Vec::new(),
            trash: Vec::new(),
            next_note_id: 1,
            snapshot: None,
            started: None,
            rounds: None,
            applied_commands: Vec::new(),
            moderation: Moderation::default(),
        };
        session.reset_timer();
        Ok(session)
    }

    /// The same set-up (deck, groups, mode, times) with no notes, for the next workshop.
    pub fn as_template(&self, id: SessionId, name: String, now: OffsetDateTime) -> Session {
        let mut copy = Session {
            id,
            name: sanitize_line(&name),
            created: now,
            updated: now,
            position: 0,
            notes: Vec::new(),
            trash: Vec::new(),
            next_note_id: 1,
            snapshot: self.snapshot.as_ref().map(SnapshotState::as_template),
            started: None,
            rounds: self.rounds.as_ref().map(RoundsState::as_template),
            applied_commands: Vec::new(),
            ..self.clone()
        };
        copy.reset_timer();
        copy
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use time::macros::datetime;

    pub const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

    /// A session id written in a test.
    pub fn sid(id: &str) -> SessionId {
        SessionId::parse(id).unwrap()
    }

    #[test]
    fn planned_time_counts_every_timed_step_then_the_commitment() {
        let d = Durations::default();
        assert_eq!(d.per_category(), 2 * 120 + 2 * 180);
        assert_eq!(d.whole(6), 6 * 600 + 120);
        let timed_read = Durations {
            read: Some(60),
            ..d
        };
        assert_eq!(timed_read.per_category(), 660);
        let huge = Durations {
            read: Some(u32::MAX),
            ..d
        };
        assert_eq!(huge.whole(usize::MAX), u32::MAX, "saturates, never wraps");
    }

    pub fn spec() -> SessionSpec {
        SessionSpec {
            name: "Tuesday cohort".into(),
            activity: Activity::Sticky,
            deck: "practice".into(),
            categories: [
                "Foundational",
                "Engagement",
                "Assessment",
                "Teaming",
                "Service Planning & Delivery",
                "Transition",
            ]
            .map(String::from)
            .to_vec(),
            groups: 4,
            group_names: vec!["Redwoods".into()],
            mode: Mode::Rotation,
            durations: Durations::default(),
            role: None,
        }
    }

    pub fn session() -> Session {
        Session::new(sid("s1"), spec(), T0).unwrap()
    }

    #[test]
    fn new_session_starts_at_first_read_step() {
        let s = session();
        assert_eq!(s.step().kind, StepKind::Read);
        assert_eq!(s.groups.len(), 4);
        assert_eq!(s.groups[0].label(), "Group 1 (Redwoods)");
        assert_eq!(s.groups[1].label(), "Group 2");
        assert_eq!(s.timer.length_ms, None);
    }

    #[test]
    fn the_default_name_is_the_date_in_the_sessions_own_offset() {
        let late = time::macros::datetime!(2026-11-23 23:30:00 -08:00);
        assert_eq!(default_name(late), "Workshop 2026-11-23");
        assert_eq!(default_name(T0), "Workshop 2026-11-23");
    }

    #[test]
    fn refuses_bad_group_counts() {
        let mut sp = spec();
        sp.groups = 13;
        assert_eq!(
            Session::new(sid("x"), sp, T0).unwrap_err(),
            EditError::GroupCount(13)
        );
    }

    #[test]
    fn template_keeps_setup_and_drops_notes() {
        let mut s = session();
        s.next_note_id = 9;
        s.position = 4;
        let t = s.as_template(sid("s2"), "Copy".into(), T0);
        assert_eq!(t.groups, s.groups);
        assert_eq!(t.position, 0);
        assert!(t.notes.is_empty());
        assert_eq!(t.next_note_id, 1);
    }
}
