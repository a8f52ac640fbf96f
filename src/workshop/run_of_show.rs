//! The run of show: every step of a sticky-note workshop with its planned start and length, and
//! how far the room runs behind or ahead of that plan. Pure: `now` is passed in.

use super::plan::PlanStep;
use super::session::Session;
use time::OffsetDateTime;

/// Slips shorter than this read as on time: a minute either way is not worth a trainer's glance.
pub const ON_TIME_SECONDS: i64 = 60;

/// One step of the run of show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShowStep {
    /// Index in the run order ([`Session::plan`]).
    pub position: usize,
    pub step: PlanStep,
    /// Planned length in seconds; `None` for an untimed step (it adds nothing to the plan).
    pub planned: Option<u32>,
    /// Planned seconds from the start of the workshop to the start of this step.
    pub starts_after: u32,
}

/// Every step with its planned start, in run order.
pub fn steps(session: &Session) -> Vec<ShowStep> {
    let mut at = 0u32;
    session
        .plan()
        .into_iter()
        .enumerate()
        .map(|(position, step)| {
            let planned = session.durations.for_step(step.kind);
            let row = ShowStep {
                position,
                step,
                planned,
                starts_after: at,
            };
            at = at.saturating_add(planned.unwrap_or(0));
            row
        })
        .collect()
}

/// Where the room stands against the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slip {
    /// Not begun: no timer started and no step changed yet.
    NotStarted,
    /// Within a minute of the plan.
    OnTime,
    /// Behind the plan by this many whole minutes (rounded to the nearest).
    Behind(u64),
    /// Ahead of the plan by this many whole minutes (rounded to the nearest).
    Ahead(u64),
}

impl std::fmt::Display for Slip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Slip::NotStarted => f.write_str("not started"),
            Slip::OnTime => f.write_str("on time"),
            Slip::Behind(m) => write!(f, "{m} min behind"),
            Slip::Ahead(m) => write!(f, "{m} min ahead"),
        }
    }
}

/// The whole show at one instant: planned total, actual elapsed and the slip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Planned seconds for the whole workshop (the same sum the set-up shows).
    pub planned_total: u32,
    /// Seconds since the room began; `None` before it has.
    pub elapsed: Option<u64>,
    /// Seconds the plan expected to have passed by now: the steps before this one, and this
    /// step's time so far up to its planned length.
    pub expected: u64,
    pub slip: Slip,
}

/// How the workshop runs against its plan at `now`.
///
/// Time in a step beyond its planned length (overtime, a paused discussion, an untimed step)
/// is time the plan did not have, so it counts as behind; moving on early counts as ahead.
pub fn progress(session: &Session, now: OffsetDateTime) -> Progress {
    let show = steps(session);
    let planned_total = show
        .last()
        .map_or(0, |s| s.starts_after.saturating_add(s.planned.unwrap_or(0)));
    let here = show.get(session.position.min(show.len().saturating_sub(1)));
    let in_step = u64::try_from(session.timer.elapsed_ms(now) / 1000).unwrap_or(0);
    let expected = here.map_or(0, |s| {
        u64::from(s.starts_after) + in_step.min(u64::from(s.planned.unwrap_or(0)))
    });
    let elapsed = session
        .started
        .map(|t| u64::try_from((now - t).whole_seconds()).unwrap_or(0));
    let slip = match elapsed {
        None => Slip::NotStarted,
        Some(actual) => {
            let diff = i64::try_from(actual).unwrap_or(i64::MAX)
                - i64::try_from(expected).unwrap_or(i64::MAX);
            let minutes = (diff.unsigned_abs() + 30) / 60;
            if diff.abs() < ON_TIME_SECONDS {
                Slip::OnTime
            } else if diff > 0 {
                Slip::Behind(minutes)
            } else {
                Slip::Ahead(minutes)
            }
        }
    };
    Progress {
        planned_total,
        elapsed,
        expected,
        slip,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::StepKind;
    use crate::workshop::session::tests::{T0, session};

    fn at(s: i64) -> OffsetDateTime {
        T0 + time::Duration::seconds(s)
    }

    #[test]
    fn steps_carry_planned_starts_that_add_up_to_the_set_up_total() {
        let s = session();
        let show = steps(&s);
        assert_eq!(show.len(), s.plan().len());
        // Read is untimed, brainstorm 2:00, share 3:00.
        assert_eq!(show[0].planned, None);
        assert_eq!(show[1].starts_after, 0);
        assert_eq!(show[2].starts_after, 120);
        assert_eq!(
            show[5].starts_after, 600,
            "second round starts after 10 min"
        );
        assert_eq!(show[30].step.kind, StepKind::Commitment);
        let p = progress(&s, T0);
        assert_eq!(p.planned_total, s.durations.whole(s.categories.len()));
        assert_eq!(p.slip, Slip::NotStarted);
        assert_eq!(p.elapsed, None);
    }

    #[test]
    fn overtime_and_a_long_read_put_the_room_behind() {
        let mut s = session();
        // Reading takes 4 minutes (untimed, so unplanned), then the brainstorm runs 3 over.
        s.next_step(at(0));
        s.started = Some(at(-240));
        s.toggle_timer(at(0));
        let p = progress(&s, at(300));
        assert_eq!(p.elapsed, Some(540));
        assert_eq!(
            p.expected, 120,
            "a step counts no more than its planned length"
        );
        assert_eq!(p.slip, Slip::Behind(7));
        assert_eq!(p.slip.to_string(), "7 min behind");
    }

    #[test]
    fn moving_on_early_puts_the_room_ahead() {
        let mut s = session();
        s.toggle_timer(at(0));
        s.next_step(at(10)); // brainstorm, planned from 0:00
        s.next_step(at(40)); // share after 30 s of a 2-minute brainstorm: planned from 2:00
        s.next_step(at(70)); // brainstorm enhance after 30 s of share: planned from 5:00
        let p = progress(&s, at(70));
        assert_eq!(p.expected, 300);
        assert_eq!(p.slip, Slip::Ahead(4), "{p:?}");
        assert_eq!(p.slip.to_string(), "4 min ahead");
    }

    #[test]
    fn within_a_minute_is_on_time_and_the_first_start_is_kept() {
        let mut s = session();
        s.toggle_timer(at(0));
        s.toggle_timer(at(20));
        s.toggle_timer(at(30));
        assert_eq!(s.started, Some(at(0)), "a later start does not move it");
        s.next_step(at(40));
        s.toggle_timer(at(40));
        let p = progress(&s, at(130));
        assert_eq!(p.elapsed, Some(130));
        assert_eq!(p.expected, 90);
        assert_eq!(p.slip, Slip::OnTime);
        // A paused timer keeps the plan where it was while the clock runs on.
        s.toggle_timer(at(130));
        assert_eq!(progress(&s, at(400)).slip, Slip::Behind(5));
    }

    #[test]
    fn a_clock_set_back_never_underflows() {
        let mut s = session();
        s.toggle_timer(at(100));
        let p = progress(&s, at(0));
        assert_eq!(p.elapsed, Some(0));
        assert_eq!(p.slip, Slip::OnTime);
    }
}
