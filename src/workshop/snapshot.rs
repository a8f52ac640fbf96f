//! The Snapshot warm-up's record (CPM Implementation Planning Guide): the room's show of hands per dimension, notes under
//! the Scoring and Analysis headings, dots on the opportunities and the priorities they become.
//!
//! Pure: no I/O, no terminal, no clock (`now` is passed in). Dimensions and stages are 0-based
//! indexes here and 1-based in every message a person reads. Votes are kept as a log, so the last
//! vote on a dimension can be taken back even after a restart; everything else is undone with
//! [`SnapshotHistory`], which keeps earlier copies of the (small) state.

use super::session::{EditError, Session};
use crate::content::SnapshotActivity;
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
    /// The page the facilitator is on (an index into the Snapshot screens' page list).
    #[serde(default)]
    pub page: usize,
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
    #[error("there is no priority {0}")]
    NoSuchPriority(usize),
    #[error("{0} must be from {1} to {2}")]
    OutOfRange(&'static str, u32, u32),
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
            page: 0,
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

    /// Adds `count` votes for `stage` on `dimension`.
    pub fn vote(
        &mut self,
        dimension: usize,
        stage: usize,
        count: u32,
    ) -> Result<(), SnapshotError> {
        self.check_dimension(dimension)?;
        self.check_stage(stage)?;
        if count == 0 || count > MAX_VOTES_AT_ONCE {
            return Err(SnapshotError::VoteCount(count));
        }
        match self.votes.last_mut() {
            Some(last) if last.dimension == dimension && last.stage == stage => {
                last.count = last.count.saturating_add(count);
            }
            _ => self.votes.push(Vote {
                dimension,
                stage,
                count,
            }),
        }
        Ok(())
    }

    /// Takes back the last vote entered on `dimension`; returns the stage it was for.
    pub fn take_back_vote(&mut self, dimension: usize) -> Result<usize, SnapshotError> {
        self.check_dimension(dimension)?;
        let Some(i) = self.votes.iter().rposition(|v| v.dimension == dimension) else {
            return Err(SnapshotError::NoVotes(
                self.dimension_name(dimension).to_string(),
            ));
        };
        let stage = self.votes[i].stage;
        self.votes[i].count -= 1;
        if self.votes[i].count == 0 {
            self.votes.remove(i);
        }
        Ok(stage)
    }

    /// The votes on a dimension, per stage, with percentages adding to 100.
    pub fn tally(&self, dimension: usize) -> Tally {
        let mut counts = vec![0u32; self.scale.len()];
        for v in self.votes.iter().filter(|v| v.dimension == dimension) {
            if let Some(c) = counts.get_mut(v.stage) {
                *c = c.saturating_add(v.count);
            }
        }
        let total = counts.iter().fold(0u32, |a, &c| a.saturating_add(c));
        let percents = percentages(&counts);
        Tally {
            counts,
            total,
            percents,
        }
    }

    /// People in the room: the facilitator's number, else the largest show of hands on any
    /// dimension (0 while nobody has voted).
    pub fn room(&self) -> u32 {
        self.room_size.unwrap_or_else(|| {
            (0..self.dimensions.len())
                .map(|d| self.tally(d).total)
                .max()
                .unwrap_or(0)
        })
    }

    // ---- notes -------------------------------------------------------------------------

    /// A live note by id.
    pub fn note(&self, id: SnapshotNoteId) -> Option<&SnapshotNote> {
        self.notes.iter().find(|n| n.id == id)
    }

    fn note_mut(&mut self, id: SnapshotNoteId) -> Result<&mut SnapshotNote, SnapshotError> {
        self.notes
            .iter_mut()
            .find(|n| n.id == id)
            .ok_or(SnapshotError::NoSuchNote(id))
    }

    /// The notes for a dimension under a heading, in the order written.
    pub fn notes_under(
        &self,
        dimension: usize,
        heading: HeadingId,
    ) -> impl Iterator<Item = &SnapshotNote> {
        self.notes
            .iter()
            .filter(move |n| n.dimension == dimension && n.heading == heading)
    }

    /// Adds a note (text cleaned and checked); returns its id.
    pub fn add_note(
        &mut self,
        text: &str,
        dimension: usize,
        heading: HeadingId,
        now: OffsetDateTime,
    ) -> Result<SnapshotNoteId, SnapshotError> {
        self.check_dimension(dimension)?;
        let text = Session::clean_text(text)?;
        let id = self.next_note_id;
        self.next_note_id += 1;
        self.notes.push(SnapshotNote {
            id,
            text,
            dimension,
            heading,
            dots: 0,
            created: now,
        });
        Ok(id)
    }

    /// Replaces a note's text.
    pub fn edit_note(&mut self, id: SnapshotNoteId, text: &str) -> Result<(), SnapshotError> {
        let text = Session::clean_text(text)?;
        self.note_mut(id)?.text = text;
        Ok(())
    }

    /// Puts a note under another heading and/or dimension. Its dots stay with it, but only
    /// count while it is an opportunity.
    pub fn move_note(
        &mut self,
        id: SnapshotNoteId,
        dimension: usize,
        heading: HeadingId,
    ) -> Result<(), SnapshotError> {
        self.check_dimension(dimension)?;
        let note = self.note_mut(id)?;
        note.dimension = dimension;
        note.heading = heading;
        Ok(())
    }

    /// Moves a note to the trash, where it stays restorable.
    pub fn delete_note(&mut self, id: SnapshotNoteId) -> Result<(), SnapshotError> {
        let i = self
            .notes
            .iter()
            .position(|n| n.id == id)
            .ok_or(SnapshotError::NoSuchNote(id))?;
        let note = self.notes.remove(i);
        self.trash.push(note);
        Ok(())
    }

    // ---- dots --------------------------------------------------------------------------

    /// Dots placed on opportunities.
    pub fn dots_placed(&self) -> u32 {
        self.notes
            .iter()
            .filter(|n| n.heading == HeadingId::Opportunities)
            .fold(0u32, |a, n| a.saturating_add(n.dots))
    }

    /// The room's dots (people × dots per person), or `None` while the room size is unknown.
    pub fn dots_total(&self) -> Option<u32> {
        let room = self.room();
        (room > 0).then(|| room.saturating_mul(self.dots_per_person))
    }

    /// Dots not yet placed (negative if more were placed than the room has), if known.
    pub fn dots_left(&self) -> Option<i64> {
        self.dots_total()
            .map(|t| i64::from(t) - i64::from(self.dots_placed()))
    }

    /// One more dot on an opportunity; refused when the room has none left.
    pub fn add_dot(&mut self, id: SnapshotNoteId) -> Result<u32, SnapshotError> {
        let left = self.dots_left();
        let (people, per) = (self.room(), self.dots_per_person);
        let note = self.note_mut(id)?;
        if note.heading != HeadingId::Opportunities {
            return Err(SnapshotError::NotAnOpportunity);
        }
        if left.is_some_and(|l| l <= 0) {
            return Err(SnapshotError::NoDotsLeft {
                people,
                per,
                total: people.saturating_mul(per),
            });
        }
        note.dots = note.dots.saturating_add(1);
        Ok(note.dots)
    }

    /// One dot fewer on an opportunity.
    pub fn remove_dot(&mut self, id: SnapshotNoteId) -> Result<u32, SnapshotError> {
        let note = self.note_mut(id)?;
        if note.heading != HeadingId::Opportunities {
            return Err(SnapshotError::NotAnOpportunity);
        }
        if note.dots == 0 {
            return Err(SnapshotError::NoDots);
        }
        note.dots -= 1;
        Ok(note.dots)
    }

    /// Sets the dots on an opportunity outright (the command line, a recount).
    pub fn set_dots(&mut self, id: SnapshotNoteId, dots: u32) -> Result<(), SnapshotError> {
        let note = self.note_mut(id)?;
        if note.heading != HeadingId::Opportunities {
            return Err(SnapshotError::NotAnOpportunity);
        }
        note.dots = dots;
        Ok(())
    }

    /// Sets the dots each person gets.
    pub fn set_dots_per_person(&mut self, n: u32) -> Result<(), SnapshotError> {
        check_setting("dots per person", n, 1)?;
        self.dots_per_person = n;
        Ok(())
    }

    /// Sets the room size; `None` goes back to the largest show of hands.
    pub fn set_room_size(&mut self, n: Option<u32>) -> Result<(), SnapshotError> {
        if let Some(n) = n {
            check_setting("the room size", n, 1)?;
        }
        self.room_size = n;
        Ok(())
    }

    /// The opportunities from most dots to fewest. Ties keep the order the notes were written
    /// ([`TIE_RULE`]); tied items share a rank.
    pub fn ranking(&self) -> Vec<Ranked> {
        let mut ops: Vec<&SnapshotNote> = self
            .notes
            .iter()
            .filter(|n| n.heading == HeadingId::Opportunities)
            .collect();
        ops.sort_by_key(|n| n.id);
        ops.sort_by_key(|n| std::cmp::Reverse(n.dots));
        let mut out: Vec<Ranked> = Vec::with_capacity(ops.len());
        for (i, n) in ops.iter().enumerate() {
            let rank = match out.last() {
                Some(prev) if prev.dots == n.dots => prev.rank,
                _ => i + 1,
            };
            let tied = ops.iter().filter(|o| o.dots == n.dots).count() > 1;
            out.push(Ranked {
                id: n.id,
                dots: n.dots,
                rank,
                tied,
            });
        }
        out
    }

    /// When the last place among the priorities is tied with opportunities left out, the tie.
    pub fn cutoff_tie(&self) -> Option<CutoffTie> {
        let ranking = self.ranking();
        let n = self.priority_count as usize;
        let last_in = ranking.get(n.checked_sub(1)?)?;
        let first_out = ranking.get(n)?;
        if last_in.dots != first_out.dots || last_in.dots == 0 {
            return None;
        }
        let dots = last_in.dots;
        let (inside, outside): (Vec<_>, Vec<_>) = ranking
            .iter()
            .enumerate()
            .filter(|(_, r)| r.dots == dots)
            .partition(|(i, _)| *i < n);
        Some(CutoffTie {
            dots,
            inside: inside.into_iter().map(|(_, r)| r.id).collect(),
            outside: outside.into_iter().map(|(_, r)| r.id).collect(),
        })
    }

    // ---- priorities --------------------------------------------------------------------

    /// The top opportunities with at least one dot, as many as `priority_count`.
    pub fn ranked_priorities(&self) -> Vec<Priority> {
        self.ranking()
            .into_iter()
            .filter(|r| r.dots > 0)
            .take(self.priority_count as usize)
            .filter_map(|r| {
                self.note(r.id).map(|n| Priority {
                    note: Some(n.id),
                    text: n.text.clone(),
                })
            })
            .collect()
    }

    /// The priorities: the facilitator's, once fixed, else the dot vote's top ones.
    pub fn priorities(&self) -> Vec<Priority> {
        match &self.priorities {
            Some(fixed) => fixed.clone(),
            None => self.ranked_priorities(),
        }
    }

    /// Whether the facilitator has fixed the priorities (they no longer follow the dots).
    pub fn priorities_fixed(&self) -> bool {
        self.priorities.is_some()
    }

    fn fixed_priorities(&mut self) -> &mut Vec<Priority> {
        let current = self.priorities();
        self.priorities.get_or_insert(current)
    }

    /// Rewords a priority (fixing the list).
    pub fn edit_priority(&mut self, index: usize, text: &str) -> Result<(), SnapshotError> {
        let text = Session::clean_text(text)?;
        let list = self.fixed_priorities();
        let p = list
            .get_mut(index)
            .ok_or(SnapshotError::NoSuchPriority(index + 1))?;
        p.text = text;
        Ok(())
    }

    /// Moves a priority one place up or down (fixing the list); returns its new index.
    pub fn move_priority(&mut self, index: usize, up: bool) -> Result<usize, SnapshotError> {
        let len = self.priorities().len();
        if index >= len {
            return Err(SnapshotError::NoSuchPriority(index + 1));
        }
        let to = if up {
            index.saturating_sub(1)
        } else {
            (index + 1).min(len - 1)
        };
        self.fixed_priorities().swap(index, to);
        Ok(to)
    }

    /// Drops the facilitator's changes: the priorities follow the dot vote again.
    pub fn retake_priorities(&mut self) {
        self.priorities = None;
    }

    /// Sets how many opportunities become priorities. A fixed list is cut short, or topped up
    /// with the next-ranked opportunities that have dots.
    pub fn set_priority_count(&mut self, n: u32) -> Result<(), SnapshotError> {
        check_setting("the number of priorities", n, 1)?;
        self.priority_count = n;
        let ranked: Vec<Priority> = self
            .ranking()
            .into_iter()
            .filter(|r| r.dots > 0)
            .filter_map(|r| {
                self.note(r.id).map(|note| Priority {
                    note: Some(note.id),
                    text: note.text.clone(),
                })
            })
            .collect();
        if let Some(list) = &mut self.priorities {
            list.truncate(n as usize);
            for p in ranked {
                if list.len() >= n as usize {
                    break;
                }
                if !list.iter().any(|q| q.note.is_some() && q.note == p.note) {
                    list.push(p);
                }
            }
        }
        Ok(())
    }
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

/// Undo and redo for the Snapshot record: earlier copies of it (it is small), at most
/// [`HISTORY_LIMIT`]. Neither the page the facilitator is on nor the votes are undone here:
/// votes have their own take-back ([`SnapshotState::take_back_vote`]), so undoing a note never
/// loses a show of hands entered after it. Each step keeps what the change did, in words, so
/// "Undone: …" can say what it took back.
#[derive(Debug, Clone, Default)]
pub struct SnapshotHistory {
    undo: Vec<(SnapshotState, String)>,
    redo: Vec<(SnapshotState, String)>,
}

impl SnapshotHistory {
    /// Runs `change` on `state`; if it succeeds, the state before it can be brought back.
    /// `what` names the change for the undo message ("adding 3 notes").
    pub fn apply<T>(
        &mut self,
        state: &mut SnapshotState,
        what: impl Into<String>,
        change: impl FnOnce(&mut SnapshotState) -> Result<T, SnapshotError>,
    ) -> Result<T, SnapshotError> {
        let before = state.clone();
        let out = change(state)?;
        if *state != before {
            self.undo.push((before, what.into()));
            if self.undo.len() > HISTORY_LIMIT {
                self.undo.remove(0);
            }
            self.redo.clear();
        }
        Ok(out)
    }

    /// Brings back the state before the last change; what that change was, or `None` when there
    /// is nothing to undo.
    pub fn undo(&mut self, state: &mut SnapshotState) -> Option<&str> {
        let (before, what) = self.undo.pop()?;
        let after = swap_keeping_page_and_votes(state, before);
        self.redo.push((after, what));
        self.redo.last().map(|(_, what)| what.as_str())
    }

    /// Makes the last undone change again; what it was, or `None` when there is nothing to redo.
    pub fn redo(&mut self, state: &mut SnapshotState) -> Option<&str> {
        let (after, what) = self.redo.pop()?;
        let before = swap_keeping_page_and_votes(state, after);
        self.undo.push((before, what));
        self.undo.last().map(|(_, what)| what.as_str())
    }

    /// Whether anything can be undone.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
}

/// Puts `to` in place of `state` but keeps the page and the votes as they are now; returns the
/// state it replaced.
fn swap_keeping_page_and_votes(state: &mut SnapshotState, mut to: SnapshotState) -> SnapshotState {
    to.page = state.page;
    to.votes.clone_from(&state.votes);
    std::mem::replace(state, to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

    fn state() -> SnapshotState {
        SnapshotState::new(
            ["Organization and Leadership", "Workforce Development"]
                .map(String::from)
                .to_vec(),
            ["just getting started", "making progress", "well underway"]
                .map(String::from)
                .to_vec(),
            3,
            3,
        )
    }

    #[test]
    fn percentages_add_to_100_by_largest_remainder() {
        assert_eq!(percentages(&[1, 1, 1]), [34, 33, 33]);
        assert_eq!(percentages(&[2, 1, 0]), [67, 33, 0]);
        assert_eq!(percentages(&[0, 0, 0]), [0, 0, 0]);
        assert_eq!(percentages(&[]), Vec::<u32>::new());
        assert_eq!(percentages(&[1, 2, 4]), [14, 29, 57]);
    }

    #[test]
    fn votes_merge_and_take_back_the_last_on_a_dimension() {
        let mut s = state();
        s.vote(0, 1, 1).unwrap();
        s.vote(0, 1, 1).unwrap();
        s.vote(1, 2, 1).unwrap();
        assert_eq!(s.votes.len(), 2);
        assert_eq!(s.tally(0).counts, [0, 2, 0]);
        assert_eq!(s.take_back_vote(0), Ok(1));
        assert_eq!(s.tally(0).counts, [0, 1, 0]);
        assert_eq!(s.tally(1).counts, [0, 0, 1]);
        assert!(matches!(
            s.vote(0, 3, 1),
            Err(SnapshotError::NoSuchStage(4, 3, _))
        ));
        assert_eq!(s.vote(2, 0, 1), Err(SnapshotError::NoSuchDimension(3, 2)));
        assert_eq!(s.vote(0, 0, 0), Err(SnapshotError::VoteCount(0)));
    }

    #[test]
    fn room_defaults_to_the_largest_show_of_hands() {
        let mut s = state();
        assert_eq!(s.room(), 0);
        assert_eq!(s.dots_total(), None);
        s.vote(0, 0, 5).unwrap();
        s.vote(1, 0, 7).unwrap();
        assert_eq!(s.room(), 7);
        assert_eq!(s.dots_total(), Some(21));
        s.set_room_size(Some(10)).unwrap();
        assert_eq!(s.dots_total(), Some(30));
    }

    #[test]
    fn dots_only_on_opportunities_and_never_past_the_room() {
        let mut s = state();
        s.set_room_size(Some(1)).unwrap();
        let a = s.add_note("x", 0, HeadingId::Opportunities, T0).unwrap();
        let b = s.add_note("y", 0, HeadingId::Strengths, T0).unwrap();
        assert_eq!(s.add_dot(b), Err(SnapshotError::NotAnOpportunity));
        for _ in 0..3 {
            s.add_dot(a).unwrap();
        }
        assert!(matches!(
            s.add_dot(a),
            Err(SnapshotError::NoDotsLeft { total: 3, .. })
        ));
        assert_eq!(s.dots_left(), Some(0));
        assert_eq!(s.remove_dot(a), Ok(2));
    }

    #[test]
    fn history_undoes_notes_but_not_the_page() {
        let mut s = state();
        let mut h = SnapshotHistory::default();
        let id = h
            .apply(&mut s, "adding a note", |s| {
                s.add_note("teh", 1, HeadingId::Strengths, T0)
            })
            .unwrap();
        h.apply(&mut s, "the edit", |s| s.edit_note(id, "the"))
            .unwrap();
        s.page = 5;
        s.vote(0, 2, 4).unwrap();
        assert_eq!(h.undo(&mut s), Some("the edit"));
        assert_eq!(s.notes[0].text, "teh");
        assert_eq!(s.page, 5);
        assert_eq!(
            s.tally(0).total,
            4,
            "votes entered after a note survive its undo"
        );
        assert_eq!(h.redo(&mut s), Some("the edit"));
        assert_eq!(s.notes[0].text, "the");
        assert!(
            h.apply(&mut s, "a blank edit", |s| s.edit_note(id, "  "))
                .is_err()
        );
        assert_eq!(s.notes[0].text, "the", "a refused change changes nothing");
    }
}
