//! What the facilitator asks of the step's timer, and what came of it: one rule for every
//! activity (sticky notes, the Snapshot, the rounds), however the request arrives.

use super::session::Session;
use super::timer::{NUDGE_SECONDS, RunState};
use time::OffsetDateTime;

/// A request to the step's timer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimerCommand {
    /// Start, pause or resume; the first start marks when the room began.
    StartPause,
    /// [`NUDGE_SECONDS`] more on the countdown (an untimed step becomes a countdown).
    MoreTime,
    /// [`NUDGE_SECONDS`] less on the countdown, never below zero.
    LessTime,
}

/// What a timer command did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimerChange {
    /// Whether the timer now runs, is paused or has not started.
    pub state: RunState,
    /// A nudge left the deadline ahead (or the step untimed): time is not up, so the bell rings
    /// again when the new deadline comes, even if it rang at the old one.
    pub rings_again: bool,
}

impl Session {
    /// Applies a timer command at `now` and marks the session changed.
    pub fn command_timer(&mut self, command: TimerCommand, now: OffsetDateTime) -> TimerChange {
        match command {
            TimerCommand::StartPause => self.toggle_timer(now),
            TimerCommand::MoreTime => self.timer.nudge(NUDGE_SECONDS, now),
            TimerCommand::LessTime => self.timer.nudge(-NUDGE_SECONDS, now),
        }
        self.updated = now;
        let reading = self.timer.reading(now);
        TimerChange {
            state: reading.state,
            rings_again: command != TimerCommand::StartPause && !reading.is_over(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::session::tests::{T0, session};
    use crate::workshop::timer::{Face, Timer};

    fn at(s: i64) -> OffsetDateTime {
        T0 + time::Duration::seconds(s)
    }

    /// A session whose one-minute countdown started at T0.
    fn running_minute() -> Session {
        let mut s = session();
        s.timer = Timer::new(Some(60));
        s.command_timer(TimerCommand::StartPause, T0);
        s
    }

    #[test]
    fn start_pause_toggles_marks_the_start_once_and_the_change() {
        let mut s = session();
        s.timer = Timer::new(Some(60));
        let started = s.command_timer(TimerCommand::StartPause, at(5));
        assert_eq!(started.state, RunState::Running);
        assert!(!started.rings_again, "starting never re-arms the bell");
        assert_eq!((s.started, s.updated), (Some(at(5)), at(5)));
        let paused = s.command_timer(TimerCommand::StartPause, at(20));
        assert_eq!(paused.state, RunState::Paused);
        assert_eq!(s.timer.reading(at(90)).face, Face::Remaining(45));
        s.command_timer(TimerCommand::StartPause, at(90));
        assert_eq!(
            s.started,
            Some(at(5)),
            "a later start does not move the room's start"
        );
        assert_eq!(s.updated, at(90));
    }

    #[test]
    fn more_time_after_the_deadline_is_a_new_deadline_and_the_bell_rings_again() {
        let mut s = running_minute();
        // 10 s over: 30 s more leaves 20 s.
        let change = s.command_timer(TimerCommand::MoreTime, at(70));
        assert!(change.rings_again);
        assert_eq!(change.state, RunState::Running);
        assert_eq!(s.timer.reading(at(70)).face, Face::Remaining(20));
        assert_eq!(s.updated, at(70));
    }

    #[test]
    fn more_time_that_leaves_the_countdown_over_does_not_ring_again() {
        let mut s = running_minute();
        // 45 s over: 30 s more is still 15 s over.
        let change = s.command_timer(TimerCommand::MoreTime, at(105));
        assert!(!change.rings_again);
        assert_eq!(s.timer.reading(at(105)).face, Face::Overtime(15));
    }

    #[test]
    fn less_time_stops_at_zero_and_then_time_is_up() {
        let mut s = running_minute();
        let change = s.command_timer(TimerCommand::LessTime, at(10));
        assert!(change.rings_again, "20 s are left");
        assert_eq!(s.timer.reading(at(10)).face, Face::Remaining(20));
        let change = s.command_timer(TimerCommand::LessTime, at(10));
        assert!(!change.rings_again, "the deadline has passed");
        assert_eq!(s.timer.length_ms, Some(0));
    }

    #[test]
    fn more_time_on_an_untimed_step_makes_a_countdown_from_now() {
        let mut s = session();
        assert_eq!(s.timer.length_ms, None);
        s.command_timer(TimerCommand::StartPause, T0);
        assert!(s.command_timer(TimerCommand::LessTime, at(65)).rings_again);
        assert_eq!(
            s.timer.length_ms, None,
            "nothing to take from an untimed step"
        );
        s.command_timer(TimerCommand::MoreTime, at(65));
        assert_eq!(s.timer.reading(at(65)).face, Face::Remaining(30));
    }
}
