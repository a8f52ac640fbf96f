//! The app as the owner of its open session: a few times a second it looks in the session's
//! inbox, applies what co-scribes sent from other terminals (`cpm-workshop add`, `vote`) through
//! the same [`command::apply`] the command line uses, shows it, saves, and answers each sender
//! once the save is on disk.
//!
//! Undo: a co-scribe's notes go on the app's undo stack like the scribe's own, so `u` takes back
//! the newest change whoever made it; the status line says where each one came from when it
//! arrives, so the trainer knows what `u` would take back. Votes are not on the undo stack (as in
//! the app, a show of hands has its own take-back).

use super::app::{App, Screen};
use super::{FLUSH_TIMEOUT, Loop};
use crate::handoff;
use crate::store::LEFTOVER_AGE;
use crate::workshop::command::{self, Answer, Applied, Command, CommandKind, Outcome};
use crate::workshop::text::quote;
use crate::workshop::{Change, Session, SessionId};
use std::time::{Duration, Instant};
use time::OffsetDateTime;

/// How often the inbox is looked at while a session is open: a co-scribe's note is on screen
/// well within a second, and an idle app wakes five times a second for one folder read.
pub const INBOX_POLL: Duration = Duration::from_millis(200);
/// How often answers and temporary files that nobody came back for are removed.
const TIDY_EVERY: Duration = Duration::from_secs(60);

/// The loop's record of the inbox.
#[derive(Debug, Default)]
pub struct InboxWatch {
    last: Option<Instant>,
    tidied: Option<Instant>,
    /// Applied in memory, answered once the saver has them on disk (into the inbox of the
    /// session they were for, even if it was closed meanwhile); nothing more is taken from an
    /// inbox until then.
    unanswered: Vec<(SessionId, Vec<(String, Answer)>)>,
}

impl InboxWatch {
    /// Whether answers are owed, to be given even after their session was closed.
    pub fn owes_answers(&self) -> bool {
        !self.unanswered.is_empty()
    }

    /// How long until the inbox should be looked at again.
    pub fn due_in(&self) -> Duration {
        self.last
            .map_or(Duration::ZERO, |t| INBOX_POLL.saturating_sub(t.elapsed()))
    }
}

impl Loop {
    /// Applies what waits in the open session's inbox (when it is time to look), saves, and
    /// answers the senders once the save is on disk.
    pub(super) fn poll_inbox(&mut self, app: &mut App) {
        if !self.inbox.due_in().is_zero() {
            return;
        }
        self.inbox.last = Some(Instant::now());
        if !self.inbox.unanswered.is_empty() {
            // Blocks until the save is on disk (a few milliseconds; a failed save is retried at
            // each pass, and the senders wait, or give up and say so).
            if self.saver.flush(FLUSH_TIMEOUT).is_err() {
                return;
            }
            for (session, answers) in std::mem::take(&mut self.inbox.unanswered) {
                let _ = self.store.inbox(&session).answer_all(&answers);
            }
        }
        let Some(id) = self.lock.as_ref().map(|l| l.id().clone()) else {
            return;
        };
        let inbox = self.store.inbox(&id);
        if self.inbox.tidied.is_none_or(|t| t.elapsed() >= TIDY_EVERY) {
            self.inbox.tidied = Some(Instant::now());
            inbox.remove_leftovers(LEFTOVER_AGE);
        }
        let now = self.now();
        let answers = inbox.drain(|c| apply_in_app(app, &id, c, now));
        if answers.is_empty() {
            return;
        }
        let changed = answers
            .iter()
            .any(|(_, a)| matches!(a, Answer::Ok(o) if *o != Outcome::AlreadyApplied));
        if changed {
            self.perform(app, super::app::Effect::Save);
        }
        // Answered at the next pass, right after the frame that shows the change is drawn (the
        // saver writes meanwhile): the senders are told only what is on disk.
        self.inbox.unanswered.push((id, answers));
        self.inbox.last = None;
    }
}

/// Applies a co-scribe's command to the open session `id`, puts its notes on the undo stack and
/// says on the status line where they came from.
fn apply_in_app(app: &mut App, id: &SessionId, c: &Command, now: OffsetDateTime) -> Answer {
    match apply_from(app, id, c, now, "another terminal") {
        Ok(applied) => Answer::Ok(applied.outcome),
        Err(message) => Answer::Error(message),
    }
}

/// Applies a command from `source` ("another terminal", "a phone") to the open session `id`,
/// puts its note changes on the undo stack and says on the status line where they came from.
pub(super) fn apply_from(
    app: &mut App,
    id: &SessionId,
    c: &Command,
    now: OffsetDateTime,
    source: &str,
) -> Result<Applied, String> {
    let activity = &app.library.snapshot;
    let result = match &mut app.screen {
        Screen::Sticky(w) if w.session.id == *id => {
            let result = command::apply(w.session_mut(), c, activity, now);
            if let Ok(applied) = &result {
                let mut changes = applied.changes.clone();
                match changes.len() {
                    0 => {}
                    1 => w.history.record(changes.remove(0)),
                    _ => w.history.record(Change::Batch(changes)),
                }
            }
            result
        }
        Screen::Snapshot(s) if s.open.session.id == *id => {
            let session = s.open.session_mut();
            let before = session.snapshot.clone();
            let result = command::apply(session, c, activity, now);
            // Notes go on the Snapshot undo stack as one step: the record before and after.
            if let (Ok(_), CommandKind::AddSnapshotNotes { texts, .. }, Some(before)) =
                (&result, &c.change, before)
                && let Some(after) = session.snapshot.replace(before)
                && let Some(state) = session.snapshot.as_mut()
            {
                let _ = s
                    .history
                    .apply(state, adding(texts, source), |state| -> Result<(), _> {
                        *state = after;
                        Ok(())
                    });
            }
            result
        }
        // The rounds screens draw from the session, so a note or hands show at once.
        Screen::Rounds(r) if r.open.session.id == *id => r.apply_command(c, activity, now),
        _ => return Err(format!("session {id} is not open in the app any more")),
    };
    let applied = result.map_err(|e| e.to_string())?;
    {
        let outcome = &applied.outcome;
        match outcome {
            Outcome::Added { count, place } => {
                let what = match &c.change {
                    CommandKind::AddNotes { texts, .. }
                    | CommandKind::AddSnapshotNotes { texts, .. }
                    | CommandKind::AddRoundNotes { texts, .. }
                        if *count == 1 =>
                    {
                        quoted(&texts[0])
                    }
                    _ => format!("{count} notes"),
                };
                // A rounds note has no undo: the trainer selects it and deletes it, like their own.
                let take_back = match c.change {
                    CommandKind::AddRoundNotes { .. } => {
                        "To remove it, select it on its page and press d"
                    }
                    _ => "u takes it back",
                };
                app.say(format!(
                    "Added from {source}: {what} ({place}). {take_back}."
                ));
            }
            Outcome::Voted { .. }
            | Outcome::Hands { .. }
            | Outcome::PhoneVoted { .. }
            | Outcome::PhoneDotted { .. }
            | Outcome::Edited { .. }
            | Outcome::Deleted { .. } => {
                app.say(format!("From {source}: {}", handoff::describe(outcome)));
            }
            Outcome::AlreadyApplied => {}
        }
    }
    Ok(applied)
}

/// "adding “…”" or "adding 3 notes" (for "Undone: …").
fn adding(texts: &[String], source: &str) -> String {
    match texts {
        [one] => format!("adding {} from {source}", quoted(one)),
        _ => format!("adding {} notes from {source}", texts.len()),
    }
}

/// The start of a note as the status line quotes it, cleaned like the note itself.
fn quoted(text: &str) -> String {
    quote(&Session::clean_text(text).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;
    use crate::ui::keymap::Action;
    use crate::ui::theme::{Theme, ThemeName};
    use crate::workshop::session::tests::{T0, session, sid};
    use crate::workshop::snapshot::SnapshotState;
    use crate::workshop::{HeadingId, Prompt};

    fn app_with(session: Session) -> App {
        let mut app = App::new(
            Library::shipped(),
            Theme::new(ThemeName::HighContrast),
            Vec::new(),
        );
        app.opened(session);
        app
    }

    fn status(app: &App) -> String {
        app.status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }

    #[test]
    fn a_co_scribes_note_is_shown_and_undone_like_the_scribes_own() {
        let mut app = app_with(session());
        let c = Command::new(
            "c1".into(),
            CommandKind::AddNotes {
                texts: vec!["From the back row".into()],
                group: 2,
                category: Some("Teaming".into()),
                prompt: Prompt::Already,
                initials: None,
                from_phone: false,
            },
        );
        let answer = apply_in_app(&mut app, &sid("s1"), &c, T0);
        assert!(matches!(
            answer,
            Answer::Ok(Outcome::Added { count: 1, .. })
        ));
        assert_eq!(
            status(&app),
            "Added from another terminal: “From the back row” (Group 2 · Teaming · Already using). u takes it back."
        );
        assert!(app.dirty);
        app.update(Action::Undo, T0);
        assert!(app.open_session().unwrap().session.notes.is_empty());
        assert_eq!(status(&app), "Undone: adding “From the back row”.");
        app.update(Action::Redo, T0);
        assert_eq!(app.open_session().unwrap().session.notes.len(), 1);
        // The same command again (its file found after a kill) changes nothing.
        let again = apply_in_app(&mut app, &sid("s1"), &c, T0);
        assert_eq!(again, Answer::Ok(Outcome::AlreadyApplied));
        assert_eq!(app.open_session().unwrap().session.notes.len(), 1);
    }

    #[test]
    fn a_co_scribes_snapshot_note_is_one_undo_step_and_votes_are_not_undone() {
        let activity = Library::shipped().snapshot;
        let spec = SnapshotState::session_spec("Leaders", &activity);
        let mut app = app_with(Session::new(sid("s2"), spec, T0).unwrap());
        let note = Command::new(
            "n1".into(),
            CommandKind::AddSnapshotNotes {
                texts: vec!["Mentors".into()],
                dimension: 1,
                heading: HeadingId::Strengths,
            },
        );
        let vote = Command::new(
            "v1".into(),
            CommandKind::Vote {
                dimension: 0,
                stage: 1,
                count: 4,
            },
        );
        apply_in_app(&mut app, &sid("s2"), &note, T0);
        apply_in_app(&mut app, &sid("s2"), &vote, T0);
        assert!(status(&app).starts_with("From another terminal: Recorded 4 votes"));
        let state = |app: &App| {
            app.open_session()
                .unwrap()
                .session
                .snapshot
                .clone()
                .unwrap()
        };
        assert_eq!(state(&app).notes.len(), 1);
        app.update(Action::Undo, T0);
        assert!(state(&app).notes.is_empty(), "{}", status(&app));
        assert_eq!(
            status(&app),
            "Undone: adding “Mentors” from another terminal."
        );
        assert_eq!(state(&app).tally(0).total, 4, "the show of hands stays");
    }

    #[test]
    fn a_co_scribes_rounds_note_shows_on_the_page_and_the_trainers_choice_stays_selected() {
        use crate::workshop::rounds::RoundsState;
        use crate::workshop::{Activity, Durations, Mode, SessionSpec};
        let script = crate::content::embedded::discussion();
        let spec = SessionSpec {
            name: "Forum".into(),
            activity: Activity::Discussion,
            deck: "discussion".into(),
            categories: script.item_texts(),
            groups: 3,
            group_names: Vec::new(),
            mode: Mode::Together,
            durations: Durations::default(),
            role: None,
        };
        let mut session = Session::new(sid("r1"), spec, T0).unwrap();
        let mut state = RoundsState::for_session(&session, &script);
        state.add_note(0, 3, 3, "Mine", T0).unwrap();
        state.page = 1; // question 1, talk
        session.rounds = Some(state);
        let mut app = app_with(session);
        let chosen = |app: &App| match &app.screen {
            Screen::Rounds(r) => (r.selected_note(), r.page_notes().len()),
            _ => panic!("not the rounds screen"),
        };
        assert_eq!(chosen(&app), (Some(1), 1));
        let c = Command::new(
            "r".into(),
            CommandKind::AddRoundNotes {
                texts: vec!["From group one".into()],
                activity: Activity::Discussion,
                item: 1,
                group: 1,
            },
        );
        let answer = apply_in_app(&mut app, &sid("r1"), &c, T0);
        assert!(matches!(
            answer,
            Answer::Ok(Outcome::Added { count: 1, .. })
        ));
        // Group 1's note comes first on the page; `d` would still delete the trainer's choice.
        assert_eq!(chosen(&app), (Some(1), 2));
        assert_eq!(
            status(&app),
            "Added from another terminal: “From group one” (question 1, group 1). To remove it, select it on its page and press d."
        );
        assert!(app.dirty);
        let refused = apply_in_app(
            &mut app,
            &sid("r1"),
            &Command::new(
                "h".into(),
                CommandKind::RoundHands {
                    item: 1,
                    mark: 1,
                    count: 1,
                },
            ),
            T0,
        );
        assert!(matches!(refused, Answer::Error(m) if m.contains("not a values check")));
    }

    #[test]
    fn a_command_for_a_session_that_is_not_open_is_refused() {
        let mut app = app_with(session());
        let c = Command::new(
            "c1".into(),
            CommandKind::Vote {
                dimension: 0,
                stage: 0,
                count: 1,
            },
        );
        let answer = apply_in_app(&mut app, &sid("other"), &c, T0);
        assert!(matches!(answer, Answer::Error(m) if m.contains("not open")));
    }
}
