//! Where a session stands in its run of steps: the current step and the category each group
//! works, moving between steps (each resets the timer to its length), and when the room began.

use super::Session;
use crate::workshop::plan::{PlanStep, category_for, plan, plan_len, step_at};
use crate::workshop::step::StepKind;
use crate::workshop::timer::Timer;
use time::OffsetDateTime;

impl Session {
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

    pub(super) fn reset_timer(&mut self) {
        self.timer = Timer::new(self.durations.for_step(self.step().kind));
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{T0, session};
    use super::*;

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
}
