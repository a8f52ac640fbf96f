//! The timer keys, the same on every activity's screens: `Space` starts or pauses the step's
//! timer, `+` and `-` nudge it. What they do to the timer is the domain's rule
//! ([`Session::command_timer`](crate::workshop::Session::command_timer)); here they become that
//! call, the bell's memory and a save.

use crate::ui::app::Outcome;
use crate::ui::keymap::Action;
use crate::ui::open_session::OpenSession;
use crate::workshop::TimerCommand;
use time::OffsetDateTime;

/// The timer command a key asks for, if it is a timer key.
pub fn timer_command(action: &Action) -> Option<TimerCommand> {
    match action {
        Action::ToggleTimer => Some(TimerCommand::StartPause),
        Action::AddTime => Some(TimerCommand::MoreTime),
        Action::RemoveTime => Some(TimerCommand::LessTime),
        _ => None,
    }
}

impl OpenSession {
    /// Handles `action` if it is a timer key (the same on every activity's screens); false
    /// when it is not one, for the screen to handle.
    pub(crate) fn timer_key(
        &mut self,
        action: &Action,
        now: OffsetDateTime,
        out: &mut Outcome,
    ) -> bool {
        let Some(command) = timer_command(action) else {
            return false;
        };
        self.command_timer(command, now, out);
        true
    }

    /// Applies a timer key's command at `now`: a deadline pushed back ahead lets the bell ring
    /// again when it comes; the change is saved.
    fn command_timer(&mut self, command: TimerCommand, now: OffsetDateTime, out: &mut Outcome) {
        if self.session.command_timer(command, now).rings_again {
            self.rang_at = None;
        }
        out.changed();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::app::StatusChange;
    use crate::ui::sticky::{Board, View};
    use crate::workshop::session::tests::{T0, session};
    use crate::workshop::{Face, History, RunState, Timer};

    fn at(s: i64) -> OffsetDateTime {
        T0 + time::Duration::seconds(s)
    }

    /// A sticky-note session whose one-minute countdown started at T0 and rang at its deadline.
    fn rung() -> OpenSession {
        let mut session = session();
        session.timer = Timer::new(Some(60));
        session.toggle_timer(T0);
        OpenSession {
            rang_at: Some(session.position),
            session,
            deck: None,
            history: History::default(),
            view: View::Run,
            group: 1,
            content_scroll: 0,
            board: Board::default(),
            entry: None,
            draft: None,
            blank: false,
            pane: Default::default(),
        }
    }

    #[test]
    fn space_plus_and_minus_are_the_timer_keys() {
        assert_eq!(
            timer_command(&Action::ToggleTimer),
            Some(TimerCommand::StartPause)
        );
        assert_eq!(
            timer_command(&Action::AddTime),
            Some(TimerCommand::MoreTime)
        );
        assert_eq!(
            timer_command(&Action::RemoveTime),
            Some(TimerCommand::LessTime)
        );
        assert_eq!(timer_command(&Action::NextStep), None);
        assert_eq!(timer_command(&Action::Vote(1)), None);
    }

    #[test]
    fn any_other_key_is_left_to_the_screen() {
        let mut w = rung();
        let before = w.session.clone();
        let mut out = Outcome::default();
        assert!(!w.timer_key(&Action::NextStep, at(70), &mut out));
        assert_eq!(w.session, before);
        assert!(!out.save);
        assert_eq!(w.rang_at, Some(w.session.position));
    }

    #[test]
    fn more_time_after_the_bell_rang_arms_it_again_and_saves_quietly() {
        let mut w = rung();
        let mut out = Outcome::default();
        assert!(w.timer_key(&Action::AddTime, at(70), &mut out));
        assert_eq!(w.rang_at, None, "the bell rings at the new deadline");
        assert_eq!(w.session.timer.reading(at(70)).face, Face::Remaining(20));
        assert_eq!(w.session.updated, at(70));
        assert!(out.save);
        assert_eq!(out.status, StatusChange::Keep, "the timer itself shows it");
        assert!(out.overlay.is_none());
    }

    #[test]
    fn pausing_after_the_bell_rang_does_not_ring_it_again() {
        let mut w = rung();
        let mut out = Outcome::default();
        assert!(w.timer_key(&Action::ToggleTimer, at(70), &mut out));
        assert_eq!(w.session.timer.state(), RunState::Paused);
        assert_eq!(w.rang_at, Some(w.session.position));
        assert!(out.save);
    }

    #[test]
    fn more_time_still_over_the_deadline_keeps_the_bell_quiet() {
        let mut w = rung();
        let mut out = Outcome::default();
        assert!(w.timer_key(&Action::AddTime, at(120), &mut out));
        assert_eq!(w.session.timer.reading(at(120)).face, Face::Overtime(30));
        assert_eq!(w.rang_at, Some(w.session.position));
    }
}
