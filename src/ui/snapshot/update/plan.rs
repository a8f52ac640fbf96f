//! Keys on the planning pages: choose a row, open the input for it, save it as one
//! [`PlanEdit`](crate::workshop::PlanEdit) through the undo history, delete an action step.

use super::super::plan::{PlanInput, PlanRow, rows};
use super::sentence;
use crate::content::{PlanStepId, SnapshotActivity};
use crate::ui::app::Outcome;
use crate::ui::input_view::{edit_input, insert_str};
use crate::ui::keymap::Action;
use crate::ui::snapshot::SnapshotScreen;
use crate::workshop::text::quote;
use crate::workshop::{PlanEdit, PlanError, SnapshotError};
use time::OffsetDateTime;

impl SnapshotScreen {
    /// The rows of the planning page for `step`.
    pub(crate) fn plan_rows(&self, step: PlanStepId) -> Vec<PlanRow> {
        let st = self.state();
        rows(step, &st.priorities(), &st.plan)
    }

    /// A key on the planning page for `step`.
    pub(super) fn update_plan(
        &mut self,
        activity: &SnapshotActivity,
        step: PlanStepId,
        action: Action,
        now: OffsetDateTime,
        out: &mut Outcome,
    ) {
        let rows = self.plan_rows(step);
        match action {
            Action::Up => self.plan_selected = self.plan_selected.saturating_sub(1),
            Action::Down => {
                self.plan_selected = (self.plan_selected + 1).min(rows.len().saturating_sub(1));
            }
            Action::EditNote => {
                let Some(&row) = rows.get(self.plan_selected) else {
                    out.say("No priorities yet: the plan is made for the priorities (p goes back to them).");
                    return;
                };
                // On the actions page a priority's row adds a step; a step's row edits it.
                let st = self.state();
                self.plan_input = PlanInput::open(step, row, &st.priorities(), &st.plan);
            }
            Action::DeleteNote => match rows.get(self.plan_selected) {
                Some(&PlanRow::Action(p, a)) => {
                    let Ok(priority) = self.state().priority_key(p + 1) else {
                        return;
                    };
                    let edit = PlanEdit::RemoveAction { priority, index: a };
                    if self.plan_change(activity, edit, now, out) {
                        out.say("Action step deleted. u undoes.");
                        self.clamp_plan_selection(step);
                    }
                }
                _ => out.say("d deletes the selected action step (on the actions page)."),
            },
            _ => self.update_scroll(action),
        }
    }

    /// A key while the scribe types a decision.
    pub(super) fn update_plan_input(
        &mut self,
        activity: &SnapshotActivity,
        action: Action,
        now: OffsetDateTime,
        out: &mut Outcome,
    ) {
        let Some(input) = self.plan_input.as_mut() else {
            return;
        };
        match action {
            Action::Close => self.plan_input = None,
            Action::CyclePrompt | Action::Down => input.next_field(),
            Action::Up => {
                let n = input.fields.len().max(1);
                input.field = (input.field + n - 1) % n;
            }
            Action::Submit => {
                let edit = match input.edit() {
                    Ok(edit) => edit,
                    Err(e) => {
                        if matches!(e, PlanError::NotADate { .. }) {
                            input.field = input.date_field();
                        }
                        out.fail(sentence(&e));
                        return;
                    }
                };
                let step = input.step;
                let what = describe(&edit);
                if self.plan_change(activity, edit, now, out) {
                    self.plan_input = None;
                    self.clamp_plan_selection(step);
                    out.say(format!("Saved {what}. u undoes."));
                }
            }
            Action::Paste(text) => {
                if let Some(field) = input.current() {
                    insert_str(field, &text.replace(['\r', '\n'], " "));
                }
            }
            other => {
                if let Some(field) = input.current() {
                    edit_input(field, other);
                }
            }
        }
    }

    /// Applies a plan edit through the undo history; whether it was saved.
    fn plan_change(
        &mut self,
        activity: &SnapshotActivity,
        edit: PlanEdit,
        now: OffsetDateTime,
        out: &mut Outcome,
    ) -> bool {
        let what = describe(&edit);
        self.change(activity, now, out, what, |s| {
            s.apply_plan(edit, now).map_err(SnapshotError::from)
        })
        .is_some()
    }

    /// Keeps the planning page's selection on a row that exists.
    pub(crate) fn clamp_plan_selection(&mut self, step: PlanStepId) {
        let count = self.plan_rows(step).len();
        self.plan_selected = self.plan_selected.min(count.saturating_sub(1));
    }
}

/// What an edit changed, for "Saved …" and "Undone: …".
fn describe(edit: &PlanEdit) -> String {
    match edit {
        PlanEdit::AddAction { text, .. } | PlanEdit::EditAction { text, .. } => {
            format!("{} {}", edit.describe(), quote(text))
        }
        _ => edit.describe().to_string(),
    }
}
