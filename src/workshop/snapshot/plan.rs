//! The draft CPM Implementation Plan a Snapshot session continues into (CPM Implementation
//! Planning Guide, Part 2): a planning horizon for the whole plan and, for each priority, what
//! changes the team wants to see, the action steps (who, by when), the target date for monitoring
//! progress and what will support the progress.
//!
//! A priority's plan is keyed by the priority's identity (the opportunity it came from), never by
//! its place in the list: the priorities can be reordered, reworded or retaken after planning has
//! begun. A plan whose priority is no longer on the list is kept and reported as set aside
//! ([`DraftPlan::set_aside`]); it comes back if its priority does.
//!
//! Pure: no I/O, no clock. Every change is one [`PlanEdit`] applied by [`DraftPlan::apply`], so a
//! key, a command line and (later) a co-scribe make the same change.

use super::{Priority, SnapshotNoteId, SnapshotState};
use crate::workshop::session::MAX_NOTE_CHARS;
use crate::workshop::text::sanitize;
use serde::{Deserialize, Serialize};
use time::{Date, Month, OffsetDateTime};

/// Most action steps one priority may hold (a plan, not a project tracker).
pub const MAX_ACTIONS: usize = 100;

/// Which priority a plan belongs to: the opportunity it came from, or, for a priority that came
/// from none, its wording.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PriorityKey {
    Note(SnapshotNoteId),
    Text(String),
}

impl PriorityKey {
    /// The key of a priority.
    pub fn of(priority: &Priority) -> PriorityKey {
        match priority.note {
            Some(id) => PriorityKey::Note(id),
            None => PriorityKey::Text(priority.text.clone()),
        }
    }

    /// Whether this key names `priority`.
    pub fn names(&self, priority: &Priority) -> bool {
        match self {
            PriorityKey::Note(id) => priority.note == Some(*id),
            PriorityKey::Text(text) => priority.note.is_none() && priority.text == *text,
        }
    }
}

/// One action step: what is done, by whom, by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionStep {
    pub text: String,
    /// The responsible leader or team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_date")]
    pub by: Option<Date>,
}

/// The plan for one priority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityPlan {
    pub key: PriorityKey,
    /// The priority's wording when this plan last changed, shown if the priority leaves the list.
    pub priority: String,
    /// What changes we want to see.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionStep>,
    /// The target date for monitoring progress.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_date")]
    pub monitor: Option<Date>,
    /// What will support our progress.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<String>,
}

impl PriorityPlan {
    fn new(priority: &Priority) -> PriorityPlan {
        PriorityPlan {
            key: PriorityKey::of(priority),
            priority: priority.text.clone(),
            success: None,
            actions: Vec::new(),
            monitor: None,
            support: None,
        }
    }

    /// Whether nothing has been decided for this priority yet.
    pub fn is_empty(&self) -> bool {
        self.success.is_none()
            && self.actions.is_empty()
            && self.monitor.is_none()
            && self.support.is_none()
    }
}

/// The draft plan of a Snapshot session. Sessions saved before planning existed load with an
/// empty one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftPlan {
    /// The planning horizon, in the team's words ("12 months").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon: Option<String>,
    /// One entry per priority planned for, in the order planning reached them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub priorities: Vec<PriorityPlan>,
}

/// One change to the draft plan: what the scribe's keys, the `plan` command and a co-scribe send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "edit")]
pub enum PlanEdit {
    /// Sets the planning horizon.
    Horizon { text: String },
    /// Sets what changes we want to see for a priority.
    Success { priority: PriorityKey, text: String },
    /// Adds an action step to a priority.
    AddAction {
        priority: PriorityKey,
        text: String,
        #[serde(default)]
        who: Option<String>,
        #[serde(default, with = "opt_date")]
        by: Option<Date>,
    },
    /// Replaces an action step (0-based `index`).
    EditAction {
        priority: PriorityKey,
        index: usize,
        text: String,
        #[serde(default)]
        who: Option<String>,
        #[serde(default, with = "opt_date")]
        by: Option<Date>,
    },
    /// Removes an action step (0-based `index`).
    RemoveAction { priority: PriorityKey, index: usize },
    /// Sets the target date for monitoring progress.
    Monitor {
        priority: PriorityKey,
        #[serde(with = "date_text")]
        date: Date,
    },
    /// Sets what will support our progress.
    Support { priority: PriorityKey, text: String },
}

impl PlanEdit {
    /// What the edit changes, in words for "Undone: …" and status lines.
    pub fn describe(&self) -> &'static str {
        match self {
            PlanEdit::Horizon { .. } => "the planning horizon",
            PlanEdit::Success { .. } => "what changes we want to see",
            PlanEdit::AddAction { .. } => "adding an action step",
            PlanEdit::EditAction { .. } => "editing an action step",
            PlanEdit::RemoveAction { .. } => "removing an action step",
            PlanEdit::Monitor { .. } => "the target date for monitoring progress",
            PlanEdit::Support { .. } => "what will support our progress",
        }
    }

    fn priority(&self) -> Option<&PriorityKey> {
        match self {
            PlanEdit::Horizon { .. } => None,
            PlanEdit::Success { priority, .. }
            | PlanEdit::AddAction { priority, .. }
            | PlanEdit::EditAction { priority, .. }
            | PlanEdit::RemoveAction { priority, .. }
            | PlanEdit::Monitor { priority, .. }
            | PlanEdit::Support { priority, .. } => Some(priority),
        }
    }
}

/// Why a plan change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error(
        "there are no priorities to plan for yet: the opportunities with the most dots become the priorities"
    )]
    NoPriorities,
    #[error("there is no priority {number}; this Snapshot has priorities 1 to {count}")]
    NoSuchPriority { number: usize, count: usize },
    #[error(
        "“{0}” is no longer one of the priorities; its plan is kept, set aside, and comes back if the priority does"
    )]
    NotAPriority(String),
    #[error("the {0} is empty once spaces and control characters are removed")]
    Empty(&'static str),
    #[error("the {0} is {1} characters long; the most is {MAX_NOTE_CHARS}")]
    TooLong(&'static str, usize),
    #[error("“{text}” is not a date: {why}")]
    NotADate { text: String, why: String },
    #[error("{date} is before today ({today}); a plan's dates are ahead of it")]
    Past { date: Date, today: Date },
    #[error("there is no action step {number}; this priority has {count}")]
    NoSuchAction { number: usize, count: usize },
    #[error("a priority holds at most {MAX_ACTIONS} action steps")]
    TooManyActions,
}

/// The key of priority `number` (1-based, as people count) among `priorities`.
pub fn priority_key(priorities: &[Priority], number: usize) -> Result<PriorityKey, PlanError> {
    if priorities.is_empty() {
        return Err(PlanError::NoPriorities);
    }
    number
        .checked_sub(1)
        .and_then(|i| priorities.get(i))
        .map(PriorityKey::of)
        .ok_or(PlanError::NoSuchPriority {
            number,
            count: priorities.len(),
        })
}

/// Reads a date written `YYYY-MM-DD`; the error says what is wrong with it.
pub fn parse_date(text: &str) -> Result<Date, PlanError> {
    let shown = sanitize(text);
    let fail = |why: String| PlanError::NotADate {
        text: shown.clone(),
        why,
    };
    let shape = || fail("write it as YYYY-MM-DD, e.g. 2027-06-30".to_string());
    let trimmed = text.trim();
    let parts: Vec<&str> = trimmed.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(shape());
    };
    let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(y, 4) || !(digits(m, 2) || digits(m, 1)) || !(digits(d, 2) || digits(d, 1)) {
        return Err(shape());
    }
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>())
    else {
        return Err(shape());
    };
    let Ok(month) = Month::try_from(month) else {
        return Err(fail(format!(
            "there is no month {month}; months are 1 to 12"
        )));
    };
    let days = month.length(year);
    if day == 0 || day > days {
        return Err(fail(format!("{month} {year} has {days} days")));
    }
    Date::from_calendar_date(year, month, day).map_err(|e| fail(e.to_string()))
}

impl DraftPlan {
    /// Whether nothing has been planned.
    pub fn is_empty(&self) -> bool {
        self.horizon.is_none() && self.priorities.iter().all(PriorityPlan::is_empty)
    }

    /// The plan for a priority, if one was started.
    pub fn for_priority(&self, priority: &Priority) -> Option<&PriorityPlan> {
        self.priorities.iter().find(|p| p.key.names(priority))
    }

    /// Plans with something in them whose priority is no longer among `priorities` (the
    /// priorities were retaken, reordered out or cut short): kept, never dropped silently.
    pub fn set_aside<'a>(&'a self, priorities: &[Priority]) -> Vec<&'a PriorityPlan> {
        self.priorities
            .iter()
            .filter(|p| !p.is_empty() && !priorities.iter().any(|q| p.key.names(q)))
            .collect()
    }

    /// Applies one edit against the current `priorities`; `now` is the day dates are checked
    /// against (a plan's dates lie ahead). A refused edit changes nothing.
    pub fn apply(
        &mut self,
        edit: PlanEdit,
        priorities: &[Priority],
        now: OffsetDateTime,
    ) -> Result<(), PlanError> {
        let today = now.date();
        let mut next = self.clone();
        let entry = match edit.priority() {
            Some(key) => Some(next.entry_index(key, priorities)?),
            None => None,
        };
        let plan = entry.map(|i| &mut next.priorities[i]);
        match (edit, plan) {
            (PlanEdit::Horizon { text }, _) => {
                next.horizon = Some(clean("planning horizon", &text)?);
            }
            (PlanEdit::Success { text, .. }, Some(plan)) => {
                plan.success = Some(clean("change we want to see", &text)?);
            }
            (PlanEdit::Support { text, .. }, Some(plan)) => {
                plan.support = Some(clean("support", &text)?);
            }
            (PlanEdit::Monitor { date, .. }, Some(plan)) => {
                plan.monitor = Some(ahead(date, today)?);
            }
            (PlanEdit::AddAction { text, who, by, .. }, Some(plan)) => {
                if plan.actions.len() >= MAX_ACTIONS {
                    return Err(PlanError::TooManyActions);
                }
                plan.actions.push(action(&text, who, by, today)?);
            }
            (
                PlanEdit::EditAction {
                    index,
                    text,
                    who,
                    by,
                    ..
                },
                Some(plan),
            ) => {
                let count = plan.actions.len();
                let step = action(&text, who, by, today)?;
                let slot = plan.actions.get_mut(index).ok_or(PlanError::NoSuchAction {
                    number: index + 1,
                    count,
                })?;
                *slot = step;
            }
            (PlanEdit::RemoveAction { index, .. }, Some(plan)) => {
                if index >= plan.actions.len() {
                    return Err(PlanError::NoSuchAction {
                        number: index + 1,
                        count: plan.actions.len(),
                    });
                }
                plan.actions.remove(index);
            }
            // Every edit but the horizon names a priority, so its entry was found above.
            (_, None) => return Err(PlanError::NoPriorities),
        }
        next.priorities.retain(|p| !p.is_empty());
        *self = next;
        Ok(())
    }

    /// The index of the plan for the priority `key` names, started if new; refused when `key`
    /// names no current priority. Brings the stored wording up to date.
    fn entry_index(
        &mut self,
        key: &PriorityKey,
        priorities: &[Priority],
    ) -> Result<usize, PlanError> {
        let Some(priority) = priorities.iter().find(|p| key.names(p)) else {
            let text = match key {
                PriorityKey::Text(text) => text.clone(),
                PriorityKey::Note(_) => self
                    .priorities
                    .iter()
                    .find(|p| p.key == *key)
                    .map_or_else(|| "that priority".to_string(), |p| p.priority.clone()),
            };
            return Err(if priorities.is_empty() {
                PlanError::NoPriorities
            } else {
                PlanError::NotAPriority(text)
            });
        };
        match self.priorities.iter().position(|p| p.key == *key) {
            Some(i) => {
                self.priorities[i].priority.clone_from(&priority.text);
                Ok(i)
            }
            None => {
                self.priorities.push(PriorityPlan::new(priority));
                Ok(self.priorities.len() - 1)
            }
        }
    }
}

impl SnapshotState {
    /// Applies one plan edit against the current priorities (see [`DraftPlan::apply`]).
    pub fn apply_plan(&mut self, edit: PlanEdit, now: OffsetDateTime) -> Result<(), PlanError> {
        let priorities = self.priorities();
        self.plan.apply(edit, &priorities, now)
    }

    /// The key of priority `number` (1-based) as the list stands now.
    pub fn priority_key(&self, number: usize) -> Result<PriorityKey, PlanError> {
        priority_key(&self.priorities(), number)
    }
}

fn clean(what: &'static str, text: &str) -> Result<String, PlanError> {
    let text = sanitize(text);
    if text.is_empty() {
        return Err(PlanError::Empty(what));
    }
    let chars = text.chars().count();
    if chars > MAX_NOTE_CHARS {
        return Err(PlanError::TooLong(what, chars));
    }
    Ok(text)
}

fn ahead(date: Date, today: Date) -> Result<Date, PlanError> {
    if date < today {
        Err(PlanError::Past { date, today })
    } else {
        Ok(date)
    }
}

fn action(
    text: &str,
    who: Option<String>,
    by: Option<Date>,
    today: Date,
) -> Result<ActionStep, PlanError> {
    let text = clean("action step", text)?;
    // An empty "who" means nobody named yet, not an error.
    let who = who
        .map(|w| sanitize(&w))
        .filter(|w| !w.is_empty())
        .map(|w| clean("responsible leader or team", &w))
        .transpose()?;
    let by = by.map(|d| ahead(d, today)).transpose()?;
    Ok(ActionStep { text, who, by })
}

/// A date as `YYYY-MM-DD` in files and messages.
pub fn date_text(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// Dates in the session file as `YYYY-MM-DD`.
mod date_text {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::date_text(*date))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_date(&text).map_err(serde::de::Error::custom)
    }
}

/// Optional dates in the session file as `YYYY-MM-DD`.
mod opt_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => s.serialize_str(&super::date_text(*date)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|text| super::parse_date(&text).map_err(serde::de::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
