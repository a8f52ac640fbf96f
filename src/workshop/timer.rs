//! A step timer built on deadlines, not ticks: elapsed time is what the clock says, so a slow
//! frame, a restart or a suspended laptop never stretches a round. `now` is always passed in.

use serde::{Deserialize, Serialize};
use std::time::Duration;
use time::OffsetDateTime;

/// How much one `+`/`-` press changes a timer.
pub const NUDGE_SECONDS: i64 = 30;

/// The most a timer counts or is set to: 24 hours. A round left running over a weekend stops
/// counting here, and a file holding more was not written by this app.
pub const MAX_TIMER_MS: i64 = 24 * 60 * 60 * 1000;

/// Remaining fraction below which the timer warns that time is nearly up.
pub const WARN_FRACTION: f64 = 0.2;

/// A countdown (or, for untimed steps, a stopwatch) that can be paused, nudged and overrun.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timer {
    /// Countdown length in milliseconds; `None` for an untimed step that only counts up.
    pub length_ms: Option<i64>,
    /// Time banked before the current run (everything while paused is not counted).
    pub banked_ms: i64,
    /// When the current run started; `None` while idle or paused.
    #[serde(with = "time::serde::rfc3339::option", default)]
    pub running_since: Option<OffsetDateTime>,
}

/// What the timer shows at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// Counting down: whole seconds left, rounded up (2:00 at the start, 0:00 at the deadline).
    Remaining(u64),
    /// Past the deadline: whole seconds over.
    Overtime(u64),
    /// An untimed step: whole seconds since it started.
    Elapsed(u64),
}

/// Whether the timer is moving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunState {
    /// Never started in this step.
    Ready,
    Running,
    Paused,
}

/// Everything a view needs to draw the timer at one instant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    pub face: Face,
    pub state: RunState,
    /// Share of the countdown still left (1.0 at the start, 0.0 at or past the deadline).
    pub fraction_left: Option<f64>,
}

impl Reading {
    /// True in the last [`WARN_FRACTION`] of a countdown, before the deadline.
    pub fn is_warning(&self) -> bool {
        matches!(self.face, Face::Remaining(s) if s > 0)
            && self.fraction_left.is_some_and(|f| f <= WARN_FRACTION)
    }

    /// True at or past the deadline of a countdown.
    pub fn is_over(&self) -> bool {
        matches!(self.face, Face::Overtime(_) | Face::Remaining(0))
    }
}

impl Timer {
    /// A timer for a step of `seconds` (or an untimed one), not yet started.
    pub fn new(seconds: Option<u32>) -> Timer {
        Timer {
            length_ms: seconds.map(|s| i64::from(s) * 1000),
            banked_ms: 0,
            running_since: None,
        }
    }

    /// Milliseconds counted so far, at most [`MAX_TIMER_MS`]; a clock that went backwards
    /// counts as no time.
    pub fn elapsed_ms(&self, now: OffsetDateTime) -> i64 {
        let run = self.running_since.map_or(0, |since| {
            let d = now - since;
            d.whole_milliseconds().clamp(0, i128::from(MAX_TIMER_MS)) as i64
        });
        self.banked_ms.saturating_add(run).min(MAX_TIMER_MS)
    }

    /// Whether it is idle, running or paused.
    pub fn state(&self) -> RunState {
        match (self.running_since, self.banked_ms) {
            (Some(_), _) => RunState::Running,
            (None, 0) => RunState::Ready,
            (None, _) => RunState::Paused,
        }
    }

    /// Starts, pauses or resumes: the facilitator's `Space`.
    pub fn toggle(&mut self, now: OffsetDateTime) {
        if self.running_since.is_some() {
            self.pause(now);
        } else {
            self.running_since = Some(now);
        }
    }

    /// Stops counting, keeping what was counted.
    pub fn pause(&mut self, now: OffsetDateTime) {
        if self.running_since.is_some() {
            self.banked_ms = self.elapsed_ms(now);
            self.running_since = None;
        }
    }

    /// Adds (or with a negative number removes) seconds from the countdown; never below zero.
    /// On an untimed step, `+` turns it into a countdown that many seconds from now.
    pub fn nudge(&mut self, seconds: i64, now: OffsetDateTime) {
        let delta = seconds.saturating_mul(1000);
        self.length_ms = Some(match self.length_ms {
            Some(len) => len.saturating_add(delta).clamp(0, MAX_TIMER_MS),
            None if delta > 0 => self.elapsed_ms(now).saturating_add(delta).min(MAX_TIMER_MS),
            None => return,
        });
    }

    /// What to show at `now`.
    pub fn reading(&self, now: OffsetDateTime) -> Reading {
        let elapsed = self.elapsed_ms(now);
        let (face, fraction_left) = match self.length_ms {
            None => (Face::Elapsed((elapsed / 1000) as u64), None),
            Some(len) if elapsed <= len => {
                let left = len - elapsed;
                let fraction = if len == 0 {
                    0.0
                } else {
                    left as f64 / len as f64
                };
                (Face::Remaining(div_ceil(left, 1000) as u64), Some(fraction))
            }
            Some(len) => (Face::Overtime(((elapsed - len) / 1000) as u64), Some(0.0)),
        };
        Reading {
            face,
            state: self.state(),
            fraction_left,
        }
    }

    /// How long until what the timer shows next changes; `None` while it is not running.
    /// The event loop sleeps exactly this long, so an idle screen costs no CPU.
    pub fn next_change(&self, now: OffsetDateTime) -> Option<Duration> {
        self.running_since?;
        let elapsed = self.elapsed_ms(now);
        let ms = match self.length_ms {
            // Counting down, the face changes each time the remaining time crosses a second.
            Some(len) if elapsed < len => {
                let r = (len - elapsed) % 1000;
                if r == 0 { 1000 } else { r }
            }
            Some(len) => 1000 - (elapsed - len) % 1000,
            None => 1000 - elapsed % 1000,
        };
        Some(Duration::from_millis(ms as u64))
    }
}

fn div_ceil(a: i64, b: i64) -> i64 {
    (a + b - 1) / b
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

    fn secs(s: i64) -> OffsetDateTime {
        T0 + time::Duration::seconds(s)
    }

    #[test]
    fn counts_down_from_deadline() {
        let mut t = Timer::new(Some(120));
        assert_eq!(t.reading(T0).face, Face::Remaining(120));
        assert_eq!(t.state(), RunState::Ready);
        t.toggle(T0);
        assert_eq!(t.reading(secs(1)).face, Face::Remaining(119));
        assert_eq!(
            t.reading(T0 + time::Duration::milliseconds(300)).face,
            Face::Remaining(120)
        );
        assert_eq!(t.reading(secs(120)).face, Face::Remaining(0));
        assert!(t.reading(secs(120)).is_over());
    }

    #[test]
    fn pause_for_40s_then_resume_leaves_remaining_unchanged() {
        let mut t = Timer::new(Some(120));
        t.toggle(T0);
        t.toggle(secs(30));
        assert_eq!(t.state(), RunState::Paused);
        let before = t.reading(secs(30)).face;
        assert_eq!(t.reading(secs(70)).face, before);
        t.toggle(secs(70));
        assert_eq!(t.reading(secs(70)).face, Face::Remaining(90));
        assert_eq!(t.reading(secs(80)).face, Face::Remaining(80));
    }

    #[test]
    fn overtime_counts_elapsed_past_deadline() {
        let mut t = Timer::new(Some(60));
        t.toggle(T0);
        assert_eq!(t.reading(secs(72)).face, Face::Overtime(12));
        assert!(t.reading(secs(72)).is_over());
        assert!(!t.reading(secs(72)).is_warning());
    }

    #[test]
    fn nudges_add_and_remove_thirty_seconds_never_below_zero() {
        let mut t = Timer::new(Some(60));
        t.nudge(NUDGE_SECONDS, T0);
        assert_eq!(t.reading(T0).face, Face::Remaining(90));
        for _ in 0..5 {
            t.nudge(-NUDGE_SECONDS, T0);
        }
        assert_eq!(t.length_ms, Some(0));
        assert_eq!(t.reading(T0).face, Face::Remaining(0));
    }

    #[test]
    fn warns_in_last_fifth() {
        let mut t = Timer::new(Some(100));
        t.toggle(T0);
        assert!(!t.reading(secs(79)).is_warning());
        assert!(t.reading(secs(81)).is_warning());
    }

    #[test]
    fn untimed_step_counts_up_and_plus_makes_a_countdown() {
        let mut t = Timer::new(None);
        t.toggle(T0);
        assert_eq!(t.reading(secs(65)).face, Face::Elapsed(65));
        t.nudge(-NUDGE_SECONDS, secs(65));
        assert_eq!(t.length_ms, None);
        t.nudge(NUDGE_SECONDS, secs(65));
        assert_eq!(t.reading(secs(65)).face, Face::Remaining(30));
    }

    #[test]
    fn counts_and_nudges_stop_at_the_limit_so_a_saved_timer_always_loads() {
        let mut t = Timer::new(Some(60));
        t.toggle(T0);
        t.pause(T0 + time::Duration::days(3));
        assert_eq!(t.banked_ms, MAX_TIMER_MS);
        let mut t = Timer::new(Some(3600));
        for _ in 0..10_000 {
            t.nudge(NUDGE_SECONDS, T0);
        }
        assert_eq!(t.length_ms, Some(MAX_TIMER_MS));
    }

    #[test]
    fn clock_going_backwards_counts_nothing() {
        let mut t = Timer::new(Some(60));
        t.toggle(secs(10));
        assert_eq!(t.reading(T0).face, Face::Remaining(60));
    }

    #[test]
    fn next_change_is_time_to_next_visible_second() {
        let mut t = Timer::new(Some(10));
        assert_eq!(t.next_change(T0), None);
        t.toggle(T0);
        let at = T0 + time::Duration::milliseconds(250);
        assert_eq!(t.next_change(at), Some(Duration::from_millis(750)));
        assert_eq!(t.next_change(secs(12)), Some(Duration::from_millis(1000)));
    }

    #[test]
    fn survives_serde_round_trip_while_running() {
        let mut t = Timer::new(Some(120));
        t.toggle(T0);
        let json = serde_json::to_string(&t).unwrap();
        let back: Timer = serde_json::from_str(&json).unwrap();
        assert_eq!(back.reading(secs(50)).face, Face::Remaining(70));
    }
}
