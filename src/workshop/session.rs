//! A workshop session: everything the room produced and where the facilitator stands.

use super::moderation::Moderation;
use super::note::{DeletedNote, Note, NoteId, Placement};
use super::plan::{Mode, PlanStep, category_for, plan, plan_len, step_at};
use super::rounds::RoundsState;
use super::session_id::SessionId;
use super::snapshot::SnapshotState;
use super::step::{Prompt, StepKind};
use super::text::{sanitize, sanitize_line};
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

    /// The whole run order.
    pub fn plan(&self) -> Vec<PlanStep> {
        plan(self.categories.len())
    }

    /// The step the facilitator is on (a position past the end, from a hand-edited file, is the
    /// wrap-up). Computed from the position, not by building the plan: views ask often.
    pub fn step(&self) -> PlanStep {
        let categories = self.categories.len();
        let last = plan_len(categories) - 1;
        step_at(categories, self.position.min(last)).unwrap_or(PlanStep {
            kind: StepKind::WrapUp,
            round: None,
        })
    }

    /// The category (index) that `group` (1-based) works in the current round, if it is a round.
    pub fn category_index_for(&self, group: u32) -> Option<usize> {
        let round = self.step().round?;
        Some(category_for(
            self.mode,
            group.saturating_sub(1) as usize,
            round,
            self.categories.len(),
        ))
    }

    /// The category name that `group` works now, if any.
    pub fn category_for(&self, group: u32) -> Option<&str> {
        self.category_index_for(group)
            .and_then(|i| self.categories.get(i))
            .map(String::as_str)
    }

    /// Moves to the next step, resetting the timer to that step's length; false at the end.
    pub fn next_step(&mut self, now: OffsetDateTime) -> bool {
        self.go_to(self.position + 1, now)
    }

    /// Moves back one step; false at the start.
    pub fn previous_step(&mut self, now: OffsetDateTime) -> bool {
        match self.position.checked_sub(1) {
            Some(p) => self.go_to(p, now),
            None => false,
        }
    }

    /// Jumps to a position in the run order, resetting the timer; false if out of range.
    pub fn go_to(&mut self, position: usize, now: OffsetDateTime) -> bool {
        if position >= plan_len(self.categories.len()) || position == self.position {
            return false;
        }
        self.mark_started(now);
        self.position = position;
        self.reset_timer();
        self.updated = now;
        true
    }

    /// Starts, pauses or resumes the step's timer (the facilitator's `Space`); the first start
    /// marks when the room began.
    pub fn toggle_timer(&mut self, now: OffsetDateTime) {
        self.mark_started(now);
        self.timer.toggle(now);
    }

    /// Records `now` as when the room began, unless it began earlier.
    pub fn mark_started(&mut self, now: OffsetDateTime) {
        if self.started.is_none() {
            self.started = Some(now);
        }
    }

    fn reset_timer(&mut self) {
        self.timer = Timer::new(self.durations.for_step(self.step().kind));
    }

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
    fn steps_reset_the_timer_to_the_step_length() {
        let mut s = session();
        assert!(s.next_step(T0));
        assert_eq!(s.step().kind, StepKind::BrainstormAlready);
        assert_eq!(s.timer.length_ms, Some(120_000));
        assert!(s.next_step(T0));
        assert_eq!(s.timer.length_ms, Some(180_000));
        assert!(s.previous_step(T0));
        assert_eq!(s.timer.length_ms, Some(120_000));
        s.go_to(30, T0);
        assert_eq!(s.step().kind, StepKind::Commitment);
        assert!(s.next_step(T0));
        assert!(!s.next_step(T0), "no step after wrap-up");
        assert!(!s.go_to(99, T0));
    }

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
