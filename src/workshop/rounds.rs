//! The record of a round-based activity (discussion rounds, values check): the items, the steps
//! each goes through, the notes each group made on each item, and the show of hands per mark.
//!
//! Pure: no I/O, no terminal, no clock (`now` is passed in). Items and marks are 0-based here
//! and 1-based in every message a person reads; groups are 1-based everywhere, as in the rest of
//! the session. The script's texts are copied in when the session is made, so an edited script
//! never changes a workshop already run, and exports need nothing but the session.

use super::session::{Durations, EditError, Session};
use super::snapshot::{Tally, percentages};
use crate::content::{RoundStepKind, RoundsActivity};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Identifies a note of a rounds activity within its session; never reused.
pub type RoundNoteId = u64;

/// What a note or an item starts with to mark it as a worry or question to follow up.
pub const FOLLOW_UP_MARK: char = '?';

/// Most hands one command may add at once.
pub const MAX_HANDS_AT_ONCE: u32 = 1_000;

/// One item of the activity: a question, a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundItem {
    pub text: String,
    /// Every note under it is to be followed up (the worries and questions about CPM).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub follow_up: bool,
}

impl RoundItem {
    /// An item as a trainer typed it (set-up, deck file): a leading `?` marks it for follow-up.
    pub fn typed(text: &str) -> RoundItem {
        let (text, follow_up) = split_follow_up(text);
        RoundItem {
            text: text.to_string(),
            follow_up,
        }
    }
}

/// One step each item goes through, copied from the script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundStep {
    pub kind: RoundStepKind,
    pub label: String,
    pub instruction: String,
    /// The countdown's length; `None` for an untimed step.
    #[serde(default)]
    pub seconds: Option<u32>,
}

/// A note a group made on an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundNote {
    pub id: RoundNoteId,
    /// Index into [`RoundsState::items`].
    pub item: usize,
    /// 1-based group number.
    pub group: u32,
    pub text: String,
    /// Typed with a leading `?`: a worry or question to follow up.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub follow_up: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
}

/// Hands (or dots) for one mark on one item; consecutive counts for the same pair are kept as
/// one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hands {
    pub item: usize,
    pub mark: usize,
    pub count: u32,
}

/// One page of a rounds activity, in the order `n` walks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundPage {
    /// The activity's title, source and intro.
    Intro,
    /// One step of one item.
    Step { item: usize, step: usize },
    /// Every item with its marks and notes.
    Summary,
}

/// Why a change to a rounds activity was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoundsError {
    #[error("there is no {word} {0}; this session has {word}s 1 to {1}", word = .2)]
    NoSuchItem(usize, usize, String),
    #[error("there is no group {0} (this workshop has groups 1 to {1})")]
    NoSuchGroup(u32, u32),
    #[error("there is no mark {0}; the marks are {1}")]
    NoSuchMark(usize, String),
    #[error("this activity has no marks to count")]
    NoMarks,
    #[error("the number of hands must be from 1 to {MAX_HANDS_AT_ONCE}, not {0}")]
    HandCount(u32),
    #[error("there are no hands to take back on {0:?}")]
    NoHands(String),
    #[error("no note {0}")]
    NoSuchNote(RoundNoteId),
    #[error(transparent)]
    Text(#[from] EditError),
}

/// Everything a rounds activity records, kept in the session file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundsState {
    pub title: String,
    pub source: String,
    /// What an item is called ("question", "value").
    pub item_word: String,
    #[serde(default)]
    pub intro: Vec<String>,
    pub items: Vec<RoundItem>,
    pub steps: Vec<RoundStep>,
    #[serde(default)]
    pub marks: Vec<String>,
    #[serde(default)]
    pub notes: Vec<RoundNote>,
    /// Deleted notes, restorable.
    #[serde(default)]
    pub trash: Vec<RoundNote>,
    pub next_note_id: RoundNoteId,
    /// Every show of hands in the order entered.
    #[serde(default)]
    pub hands: Vec<Hands>,
    /// Index into [`RoundsState::pages`].
    #[serde(default)]
    pub page: usize,
}

/// `text` without a leading follow-up mark, and whether it had one.
pub fn split_follow_up(text: &str) -> (&str, bool) {
    let trimmed = text.trim_start();
    match trimmed.strip_prefix(FOLLOW_UP_MARK) {
        Some(rest) => (rest.trim_start(), true),
        None => (text, false),
    }
}

impl RoundsState {
    /// A fresh record from a script; `items`, when given, replaces the script's own (each
    /// read with [`RoundItem::typed`]).
    pub fn new(activity: &RoundsActivity, items: Option<&[String]>) -> RoundsState {
        let items = match items {
            Some(typed) => typed.iter().map(|t| RoundItem::typed(t)).collect(),
            None => activity
                .items
                .iter()
                .map(|i| RoundItem {
                    text: i.text.clone(),
                    follow_up: i.follow_up,
                })
                .collect(),
        };
        RoundsState {
            title: activity.title.clone(),
            source: activity.source.clone(),
            item_word: activity.item_word.clone(),
            intro: activity.intro.clone(),
            items,
            steps: activity
                .steps
                .iter()
                .map(|s| RoundStep {
                    kind: s.kind,
                    label: s.label.clone(),
                    instruction: s.instruction.clone(),
                    seconds: s.default_seconds,
                })
                .collect(),
            marks: activity.marks.clone(),
            notes: Vec::new(),
            trash: Vec::new(),
            next_note_id: 1,
            hands: Vec::new(),
            page: 0,
        }
    }

    /// The same items, steps and marks with nothing recorded, for the next workshop.
    pub fn as_template(&self) -> RoundsState {
        RoundsState {
            notes: Vec::new(),
            trash: Vec::new(),
            next_note_id: 1,
            hands: Vec::new(),
            page: 0,
            ..self.clone()
        }
    }

    /// Sets the countdown of every step of `kind` (the set-up's times).
    pub fn set_seconds(&mut self, kind: RoundStepKind, seconds: Option<u32>) {
        for step in self.steps.iter_mut().filter(|s| s.kind == kind) {
            step.seconds = seconds;
        }
    }

    /// Every page: the intro, each step of each item, the summary.
    pub fn pages(&self) -> Vec<RoundPage> {
        let mut pages = vec![RoundPage::Intro];
        for item in 0..self.items.len() {
            pages.extend((0..self.steps.len()).map(|step| RoundPage::Step { item, step }));
        }
        pages.push(RoundPage::Summary);
        pages
    }

    /// The page the facilitator is on.
    pub fn current_page(&self) -> RoundPage {
        let pages = self.pages();
        pages[self.page.min(pages.len() - 1)]
    }

    /// Moves `delta` pages, stopping at either end; returns whether the page changed.
    pub fn turn(&mut self, delta: isize) -> bool {
        let last = self.pages().len() - 1;
        self.go_to(self.page.min(last).saturating_add_signed(delta))
    }

    /// Goes to page `to` (0-based among [`Self::pages`]; past the end, the summary), as the
    /// trainer's jump does; returns whether the page changed.
    pub fn go_to(&mut self, to: usize) -> bool {
        let last = self.pages().len() - 1;
        let (now, to) = (self.page.min(last), to.min(last));
        self.page = to;
        to != now
    }

    /// The step a page shows, if it is a step page.
    pub fn step_of(&self, page: RoundPage) -> Option<&RoundStep> {
        match page {
            RoundPage::Step { step, .. } => self.steps.get(step),
            _ => None,
        }
    }

    /// The countdown length for a page: its step's, or none.
    pub fn seconds_for(&self, page: RoundPage) -> Option<u32> {
        self.step_of(page).and_then(|s| s.seconds)
    }

    /// The item a page is about, if any.
    pub fn item_of(page: RoundPage) -> Option<usize> {
        match page {
            RoundPage::Step { item, .. } => Some(item),
            _ => None,
        }
    }

    /// The item's text, or "" for an index out of range.
    pub fn item_text(&self, item: usize) -> &str {
        self.items.get(item).map_or("", |i| i.text.as_str())
    }

    /// Checks a 0-based item index.
    pub fn check_item(&self, item: usize) -> Result<(), RoundsError> {
        if item < self.items.len() {
            Ok(())
        } else {
            Err(RoundsError::NoSuchItem(
                item.saturating_add(1),
                self.items.len(),
                self.item_word.clone(),
            ))
        }
    }

    fn check_mark(&self, mark: usize) -> Result<(), RoundsError> {
        if self.marks.is_empty() {
            return Err(RoundsError::NoMarks);
        }
        if mark < self.marks.len() {
            return Ok(());
        }
        let marks = self
            .marks
            .iter()
            .enumerate()
            .map(|(i, m)| format!("{} {m}", i + 1))
            .collect::<Vec<_>>()
            .join(", ");
        Err(RoundsError::NoSuchMark(mark.saturating_add(1), marks))
    }

    // ---- notes -------------------------------------------------------------------------

    /// Adds a note by `group` (1-based, of `groups`) on `item`; a leading `?` marks it for
    /// follow-up. Returns the new note's id.
    pub fn add_note(
        &mut self,
        item: usize,
        group: u32,
        groups: u32,
        text: &str,
        now: OffsetDateTime,
    ) -> Result<RoundNoteId, RoundsError> {
        self.check_item(item)?;
        if group == 0 || group > groups {
            return Err(RoundsError::NoSuchGroup(group, groups));
        }
        let (text, follow_up) = split_follow_up(text);
        let text = Session::clean_text(text)?;
        let id = self.next_note_id;
        self.next_note_id += 1;
        self.notes.push(RoundNote {
            id,
            item,
            group,
            text,
            follow_up,
            created: now,
        });
        Ok(id)
    }

    /// A live note by id.
    pub fn note(&self, id: RoundNoteId) -> Option<&RoundNote> {
        self.notes.iter().find(|n| n.id == id)
    }

    /// Moves a note to the trash (restorable).
    pub fn delete_note(&mut self, id: RoundNoteId) -> Result<RoundNote, RoundsError> {
        let at = self
            .notes
            .iter()
            .position(|n| n.id == id)
            .ok_or(RoundsError::NoSuchNote(id))?;
        let note = self.notes.remove(at);
        self.trash.push(note.clone());
        Ok(note)
    }

    /// Marks or unmarks a note for follow-up; returns the new setting.
    pub fn toggle_follow_up(&mut self, id: RoundNoteId) -> Result<bool, RoundsError> {
        let note = self
            .notes
            .iter_mut()
            .find(|n| n.id == id)
            .ok_or(RoundsError::NoSuchNote(id))?;
        note.follow_up = !note.follow_up;
        Ok(note.follow_up)
    }

    /// The notes on an item, by group then as written.
    pub fn notes_on(&self, item: usize) -> Vec<&RoundNote> {
        let mut notes: Vec<&RoundNote> = self.notes.iter().filter(|n| n.item == item).collect();
        notes.sort_by_key(|n| (n.group, n.id));
        notes
    }

    /// Whether a note is a worry or question to follow up: marked itself, or under an item
    /// that is.
    pub fn is_follow_up(&self, note: &RoundNote) -> bool {
        note.follow_up || self.items.get(note.item).is_some_and(|i| i.follow_up)
    }

    /// The notes to follow up, by item, then group, then as written.
    pub fn follow_ups(&self) -> Vec<&RoundNote> {
        (0..self.items.len())
            .flat_map(|i| self.notes_on(i))
            .filter(|n| self.is_follow_up(n))
            .collect()
    }

    // ---- hands -------------------------------------------------------------------------

    /// Adds `count` hands (or dots) for `mark` on `item`.
    pub fn add_hands(&mut self, item: usize, mark: usize, count: u32) -> Result<(), RoundsError> {
        self.check_item(item)?;
        self.check_mark(mark)?;
        if count == 0 || count > MAX_HANDS_AT_ONCE {
            return Err(RoundsError::HandCount(count));
        }
        match self.hands.last_mut() {
            Some(last) if last.item == item && last.mark == mark => {
                last.count = last.count.saturating_add(count);
            }
            _ => self.hands.push(Hands { item, mark, count }),
        }
        Ok(())
    }

    /// Takes back the last hand entered on `item`; returns the mark it was for.
    pub fn take_back_hand(&mut self, item: usize) -> Result<usize, RoundsError> {
        self.check_item(item)?;
        let Some(i) = self.hands.iter().rposition(|h| h.item == item) else {
            return Err(RoundsError::NoHands(self.item_text(item).to_string()));
        };
        let mark = self.hands[i].mark;
        self.hands[i].count -= 1;
        if self.hands[i].count == 0 {
            self.hands.remove(i);
        }
        Ok(mark)
    }

    /// The hands on an item, per mark, with percentages adding to 100.
    pub fn tally(&self, item: usize) -> Tally {
        let mut counts = vec![0u32; self.marks.len()];
        for h in self.hands.iter().filter(|h| h.item == item) {
            if let Some(c) = counts.get_mut(h.mark) {
                *c = c.saturating_add(h.count);
            }
        }
        let total = counts.iter().fold(0u32, |a, &c| a.saturating_add(c));
        Tally {
            percents: percentages(&counts),
            counts,
            total,
        }
    }

    /// Whether the activity has a show of hands at all.
    pub fn has_marks(&self) -> bool {
        !self.marks.is_empty() && self.steps.iter().any(|s| s.kind == RoundStepKind::Mark)
    }
}

/// The set-up's times for a rounds script: the first talk step's length as the brainstorm
/// time and the first share step's as the share time (the script's defaults where it has none).
pub fn durations_for(activity: &RoundsActivity) -> Durations {
    let first = |kind| {
        activity
            .steps
            .iter()
            .find(|s| s.kind == kind)
            .and_then(|s| s.default_seconds)
    };
    let defaults = Durations::default();
    Durations {
        read: None,
        brainstorm: first(RoundStepKind::Discuss).unwrap_or(defaults.brainstorm),
        share: first(RoundStepKind::Share).unwrap_or(defaults.share),
        commitment: defaults.commitment,
    }
}

impl RoundsState {
    /// A fresh record for a session: its items are the session's categories (a category the
    /// script lists keeps the script's follow-up mark; any other is read with
    /// [`RoundItem::typed`]) and its talk and share steps take the session's times.
    pub fn for_session(session: &Session, activity: &RoundsActivity) -> RoundsState {
        let mut state = RoundsState::new(activity, None);
        if !session.categories.is_empty() {
            state.items = session
                .categories
                .iter()
                .map(|c| {
                    activity.items.iter().find(|i| i.text == *c).map_or_else(
                        || RoundItem::typed(c),
                        |i| RoundItem {
                            text: i.text.clone(),
                            follow_up: i.follow_up,
                        },
                    )
                })
                .collect();
        }
        state.set_seconds(RoundStepKind::Discuss, Some(session.durations.brainstorm));
        state.set_seconds(RoundStepKind::Share, Some(session.durations.share));
        state
    }

    /// The session's record, or a fresh one if nothing has been recorded yet.
    pub fn of<'a>(
        session: &'a Session,
        activity: &RoundsActivity,
    ) -> std::borrow::Cow<'a, RoundsState> {
        match &session.rounds {
            Some(s) => std::borrow::Cow::Borrowed(s),
            None => std::borrow::Cow::Owned(RoundsState::for_session(session, activity)),
        }
    }
}

impl Session {
    /// The rounds record, created from the script if the session has none yet.
    pub fn rounds_mut(&mut self, activity: &RoundsActivity) -> &mut RoundsState {
        let fresh = match self.rounds {
            Some(_) => None,
            None => Some(RoundsState::for_session(self, activity)),
        };
        self.rounds
            .get_or_insert_with(|| fresh.unwrap_or_else(|| RoundsState::new(activity, None)))
    }

    /// Adds a note to a rounds session by 1-based item and group numbers, as a person types
    /// them; returns the new note's id.
    pub fn add_round_note(
        &mut self,
        activity: &RoundsActivity,
        item: u32,
        group: u32,
        text: &str,
        now: OffsetDateTime,
    ) -> Result<RoundNoteId, RoundsError> {
        let groups = self.groups.len() as u32;
        let state = self.rounds_mut(activity);
        let index = (item as usize).checked_sub(1).ok_or_else(|| {
            RoundsError::NoSuchItem(0, state.items.len(), state.item_word.clone())
        })?;
        let id = state.add_note(index, group, groups, text, now)?;
        self.updated = now;
        Ok(id)
    }
}

#[cfg(test)]
#[path = "rounds_tests.rs"]
mod tests;
