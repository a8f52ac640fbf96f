//! The planning pages' own state: which row is selected and the scribe's input for one
//! decision. What a row is and which edit a finished input makes are decided here, without
//! drawing, so the page and its keys agree.

use crate::content::PlanStepId;
use crate::workshop::PlanEdit;
use crate::workshop::snapshot::Priority;
use crate::workshop::snapshot::plan::{DraftPlan, PlanError, PriorityKey, date_text, parse_date};
use tui_input::Input;

/// One selectable row of a planning page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanRow {
    /// The planning horizon (its page has only this row).
    Horizon,
    /// A priority (index into the priorities); on the actions page, Enter adds a step to it.
    Priority(usize),
    /// An action step: the priority's index and the step's.
    Action(usize, usize),
}

/// The rows of a planning page, top to bottom.
pub fn rows(step: PlanStepId, priorities: &[Priority], plan: &DraftPlan) -> Vec<PlanRow> {
    match step {
        PlanStepId::Horizon => vec![PlanRow::Horizon],
        PlanStepId::Actions => priorities
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                let steps = plan.for_priority(p).map_or(0, |pp| pp.actions.len());
                std::iter::once(PlanRow::Priority(i))
                    .chain((0..steps).map(move |a| PlanRow::Action(i, a)))
            })
            .collect(),
        _ => (0..priorities.len()).map(PlanRow::Priority).collect(),
    }
}

/// The fields of an action step's input, in Tab order.
pub const ACTION_FIELDS: usize = 3;

/// The scribe's input for one decision: one field, or three for an action step (what, who,
/// by when).
#[derive(Debug, Clone)]
pub struct PlanInput {
    pub step: PlanStepId,
    /// The priority it is for (none for the horizon).
    pub priority: Option<PriorityKey>,
    /// The priority's number as listed, for the box's title.
    pub number: Option<usize>,
    /// The action step being edited; `None` adds one.
    pub action: Option<usize>,
    pub fields: Vec<Input>,
    /// The field with the cursor.
    pub field: usize,
}

impl PlanInput {
    /// An input for `row` of `step`'s page, filled with what is recorded there now.
    pub fn open(
        step: PlanStepId,
        row: PlanRow,
        priorities: &[Priority],
        plan: &DraftPlan,
    ) -> Option<PlanInput> {
        let (index, action) = match row {
            PlanRow::Horizon => {
                let text = plan.horizon.clone().unwrap_or_default();
                return Some(PlanInput {
                    step: PlanStepId::Horizon,
                    priority: None,
                    number: None,
                    action: None,
                    fields: vec![Input::new(text)],
                    field: 0,
                });
            }
            PlanRow::Priority(i) => (i, None),
            PlanRow::Action(i, a) => (i, Some(a)),
        };
        let priority = priorities.get(index)?;
        let recorded = plan.for_priority(priority);
        let fields = match step {
            PlanStepId::Horizon => return None,
            PlanStepId::Success => vec![recorded.and_then(|p| p.success.clone())],
            PlanStepId::Support => vec![recorded.and_then(|p| p.support.clone())],
            PlanStepId::Monitor => vec![recorded.and_then(|p| p.monitor).map(date_text)],
            PlanStepId::Actions => {
                let step = action.and_then(|a| recorded?.actions.get(a));
                vec![
                    step.map(|s| s.text.clone()),
                    step.and_then(|s| s.who.clone()),
                    step.and_then(|s| s.by).map(date_text),
                ]
            }
        };
        Some(PlanInput {
            step,
            priority: Some(PriorityKey::of(priority)),
            number: Some(index + 1),
            action,
            fields: fields
                .into_iter()
                .map(|f| Input::new(f.unwrap_or_default()))
                .collect(),
            field: 0,
        })
    }

    /// The field with the cursor.
    pub fn current(&mut self) -> Option<&mut Input> {
        self.fields.get_mut(self.field)
    }

    /// Moves the cursor to the next field, round to the first.
    pub fn next_field(&mut self) {
        self.field = (self.field + 1) % self.fields.len().max(1);
    }

    /// The field whose date is wrong, when the edit was refused for a date.
    pub fn date_field(&self) -> usize {
        if self.step == PlanStepId::Actions {
            ACTION_FIELDS - 1
        } else {
            0
        }
    }

    /// The edit this input makes, or why it cannot (a date that is not one).
    pub fn edit(&self) -> Result<PlanEdit, PlanError> {
        let value = |i: usize| self.fields.get(i).map_or("", |f| f.value()).to_string();
        let priority = || self.priority.clone().ok_or(PlanError::NoPriorities);
        let optional_date = |text: String| {
            if text.trim().is_empty() {
                Ok(None)
            } else {
                parse_date(&text).map(Some)
            }
        };
        Ok(match self.step {
            PlanStepId::Horizon => PlanEdit::Horizon { text: value(0) },
            PlanStepId::Success => PlanEdit::Success {
                priority: priority()?,
                text: value(0),
            },
            PlanStepId::Support => PlanEdit::Support {
                priority: priority()?,
                text: value(0),
            },
            PlanStepId::Monitor => PlanEdit::Monitor {
                priority: priority()?,
                date: parse_date(&value(0))?,
            },
            PlanStepId::Actions => {
                let who = Some(value(1));
                let by = optional_date(value(2))?;
                match self.action {
                    Some(index) => PlanEdit::EditAction {
                        priority: priority()?,
                        index,
                        text: value(0),
                        who,
                        by,
                    },
                    None => PlanEdit::AddAction {
                        priority: priority()?,
                        text: value(0),
                        who,
                        by,
                    },
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn priorities() -> Vec<Priority> {
        ["Coaching", "Dashboards"]
            .iter()
            .enumerate()
            .map(|(i, t)| Priority {
                note: Some(i as u64 + 1),
                text: (*t).into(),
            })
            .collect()
    }

    #[test]
    fn the_actions_page_lists_each_priority_then_its_steps() {
        let ps = priorities();
        let mut plan = DraftPlan::default();
        let now = datetime!(2026-11-23 09:00 UTC);
        for text in ["a", "b"] {
            let edit = PlanEdit::AddAction {
                priority: PriorityKey::Note(2),
                text: text.into(),
                who: None,
                by: None,
            };
            plan.apply(edit, &ps, now).unwrap();
        }
        assert_eq!(
            rows(PlanStepId::Actions, &ps, &plan),
            [
                PlanRow::Priority(0),
                PlanRow::Priority(1),
                PlanRow::Action(1, 0),
                PlanRow::Action(1, 1)
            ]
        );
        assert_eq!(rows(PlanStepId::Horizon, &ps, &plan), [PlanRow::Horizon]);
        assert_eq!(rows(PlanStepId::Success, &[], &plan), []);

        let input = PlanInput::open(PlanStepId::Actions, PlanRow::Action(1, 1), &ps, &plan)
            .expect("an input");
        assert_eq!(input.fields.len(), ACTION_FIELDS);
        assert_eq!(input.fields[0].value(), "b");
        assert!(matches!(
            input.edit(),
            Ok(PlanEdit::EditAction { index: 1, .. })
        ));
    }

    #[test]
    fn a_bad_date_in_the_input_is_refused_with_its_reason() {
        let ps = priorities();
        let plan = DraftPlan::default();
        let mut input =
            PlanInput::open(PlanStepId::Monitor, PlanRow::Priority(0), &ps, &plan).unwrap();
        input.fields[0] = Input::new("2027-02-30".into());
        assert_eq!(
            input.edit().unwrap_err().to_string(),
            "“2027-02-30” is not a date: February 2027 has 28 days"
        );
        let mut input =
            PlanInput::open(PlanStepId::Actions, PlanRow::Priority(0), &ps, &plan).unwrap();
        input.fields[0] = Input::new("Invite partners".into());
        assert!(matches!(
            input.edit(),
            Ok(PlanEdit::AddAction { by: None, .. })
        ));
        input.fields[2] = Input::new("soon".into());
        assert!(matches!(input.edit(), Err(PlanError::NotADate { .. })));
        assert_eq!(input.date_field(), 2);
    }
}
