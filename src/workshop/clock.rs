//! The time the app runs on. The system clock can jump (an NTP correction, a laptop waking, a
//! trainer fixing the date); a running round must not jump with it. While a timer runs, time
//! moves by a monotonic clock from the moment the wall clock was last trusted; otherwise it is the
//! wall clock, so notes carry real times and a timer still running in a saved file is carried
//! across a restart by wall time. Pure: both clocks' readings are passed in.

use std::time::Duration;
use time::OffsetDateTime;

/// Wall time that follows a monotonic clock while a timer runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SteadyClock {
    /// The wall time last trusted, and the monotonic reading taken with it.
    anchor: Option<(OffsetDateTime, Duration)>,
}

impl SteadyClock {
    /// A clock that trusts the first wall time it is given.
    pub fn new() -> SteadyClock {
        SteadyClock::default()
    }

    /// The time now. `wall` is what the system clock says, `monotonic` a reading of a clock that
    /// never goes back (time since any fixed point, e.g. since the process started), `timing`
    /// whether a timer is running. While `timing`, the answer is the last trusted wall time plus
    /// the monotonic time since; otherwise the wall time, which becomes the trusted one.
    pub fn now(
        &mut self,
        wall: OffsetDateTime,
        monotonic: Duration,
        timing: bool,
    ) -> OffsetDateTime {
        match self.anchor {
            Some((trusted, at)) if timing => trusted + monotonic.saturating_sub(at),
            _ => {
                self.anchor = Some((wall, monotonic));
                wall
            }
        }
    }
}

/// `2026-11-23 09:32` in the time's own offset.
pub fn short_time(t: time::OffsetDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::{Face, Timer};
    use time::macros::datetime;

    const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

    /// A running 2:00 round in which the wall clock jumps by `jump` after 30 s, read at 60 s by
    /// the monotonic clock, then paused there.
    fn round_with_jump(jump: time::Duration) -> (Face, Timer) {
        let mut clock = SteadyClock::new();
        let mut timer = Timer::new(Some(120));
        let secs = Duration::from_secs;
        timer.toggle(clock.now(T0, secs(0), false));
        let running = true;
        let _ = clock.now(T0 + time::Duration::seconds(30), secs(30), running);
        let wall_at_60 = T0 + time::Duration::seconds(60) + jump;
        let face = timer.reading(clock.now(wall_at_60, secs(60), running)).face;
        timer.pause(clock.now(wall_at_60, secs(60), running));
        (face, timer)
    }

    /// Found by issue 11 (and since fixed): under libfaketime, moving the clock back 10 minutes
    /// in a running 2:00 round froze it at 2:00, and pausing then lost all elapsed time.
    #[test]
    fn the_wall_clock_going_back_mid_round_changes_nothing() {
        let (face, timer) = round_with_jump(time::Duration::minutes(-10));
        assert_eq!(face, Face::Remaining(60));
        assert_eq!(timer.banked_ms, 60_000);
    }

    /// Found by issue 11 (and since fixed): moving the clock forward jumped to "8:11 over".
    #[test]
    fn the_wall_clock_going_forward_mid_round_changes_nothing() {
        let (face, timer) = round_with_jump(time::Duration::minutes(10));
        assert_eq!(face, Face::Remaining(60));
        assert_eq!(timer.banked_ms, 60_000);
    }

    #[test]
    fn with_no_timer_running_it_is_the_wall_clock() {
        let mut clock = SteadyClock::new();
        let later = T0 + time::Duration::hours(3);
        assert_eq!(clock.now(T0, Duration::ZERO, false), T0);
        // A laptop that slept three hours: the monotonic clock saw one second.
        assert_eq!(clock.now(later, Duration::from_secs(1), false), later);
        // A round started now runs from the wall time trusted last.
        assert_eq!(
            clock.now(
                later + time::Duration::hours(5),
                Duration::from_secs(11),
                true
            ),
            later + time::Duration::seconds(10)
        );
    }

    #[test]
    fn a_timer_carried_across_a_restart_counts_by_wall_time() {
        // Started before the restart (saved with its wall start), read by a fresh clock.
        let mut timer = Timer::new(Some(120));
        timer.toggle(T0);
        let mut clock = SteadyClock::new();
        let now = clock.now(T0 + time::Duration::seconds(45), Duration::ZERO, true);
        assert_eq!(timer.reading(now).face, Face::Remaining(75));
    }
}
