//! How a change from the command line (`add`, `vote`) reaches a session: written by this process
//! when no app has the session open, handed to the app that has it open otherwise.
//!
//! Either way the change is one [`Command`] applied by [`command::apply`]. While another process
//! holds the session's lock, this one never writes the session file: it posts the command in the
//! session's inbox and waits for the owner's answer, which comes only once the change is on disk.
//! If the owner goes away meanwhile (quits, or is killed) this process takes the lock and applies
//! what waits in the inbox itself, its own command included, each exactly once.

use crate::content::SnapshotActivity;
use crate::store::{Inbox, Store, StoreError};
use crate::workshop::command::{self, Answer, Command, CommandKind, Outcome};
use crate::workshop::{Session, SessionId};
use anyhow::{Result, bail};
use std::time::{Duration, Instant};
use time::OffsetDateTime;

/// How long a command waits for the owner's answer by default (`--wait`).
pub const DEFAULT_WAIT: Duration = Duration::from_secs(5);
/// How often the answer file is looked for.
const ANSWER_CHECK: Duration = Duration::from_millis(50);
/// How often the owner's lock is tried, to notice an owner that has gone.
const OWNER_CHECK: Duration = Duration::from_millis(250);
/// The least extra time given to an owner that took the command when the wait ran out.
const TAKEN_GRACE: Duration = Duration::from_secs(5);

/// Applies `change` to session `id` and returns what it did: directly if no process has the
/// session open, else through the owner, waiting up to `wait` for it to answer.
pub fn send(
    store: &Store,
    id: &SessionId,
    change: CommandKind,
    activity: &SnapshotActivity,
    wait: Duration,
    now: OffsetDateTime,
) -> Result<Outcome> {
    send_prepared(store, id, change, activity, &|_| {}, wait, now)
}

/// [`send`], with `prepare` run on the session as loaded whenever this process applies commands
/// itself (e.g. to give a rounds session without a record one from the trainer's script, as the
/// app does when it opens the session). What `prepare` does is saved only with an applied change.
pub fn send_prepared(
    store: &Store,
    id: &SessionId,
    change: CommandKind,
    activity: &SnapshotActivity,
    prepare: &dyn Fn(&mut Session),
    wait: Duration,
    now: OffsetDateTime,
) -> Result<Outcome> {
    let command = Command::new(Inbox::new_command_id(), change);
    let owner = Owner {
        store,
        id,
        activity,
        prepare,
        now,
    };
    match store.lock(id) {
        Ok(_lock) => {
            let mine = owner.apply(Some(&command))?;
            outcome(mine.unwrap_or(Answer::Ok(Outcome::AlreadyApplied)))
        }
        Err(StoreError::Locked { other, .. }) => hand_over(&owner, &command, wait, &other),
        Err(e) => Err(e.into()),
    }
}

/// What this process needs to apply commands to session `id` itself.
struct Owner<'a> {
    store: &'a Store,
    id: &'a SessionId,
    activity: &'a SnapshotActivity,
    prepare: &'a dyn Fn(&mut Session),
    now: OffsetDateTime,
}

impl Owner<'_> {
    /// With session `id`'s lock held: applies every command waiting in its inbox (left by an owner
    /// that went away), then `own`, saves once, and answers the inbox; returns `own`'s answer.
    fn apply(&self, own: Option<&Command>) -> Result<Option<Answer>> {
        let Owner {
            store,
            id,
            activity,
            prepare,
            now,
        } = *self;
        let inbox = store.inbox(id);
        let mut session = store.load(id)?;
        prepare(&mut session);
        let mut changed = false;
        let mut run = |c: &Command| {
            let result = command::apply(&mut session, c, activity, now);
            changed |= result.is_ok();
            Answer::from(result)
        };
        let answers = inbox.drain(&mut run);
        let mine = own.map(run);
        if changed {
            store.save(&session)?;
        }
        // An answer that cannot be written leaves its command taken; the next applier finds it
        // recorded in the session and answers it then, without applying it again.
        let _ = inbox.answer_all(&answers);
        Ok(mine)
    }
}

/// Posts `command` to the owner of the session (`holder` describes it) and waits for its answer;
/// if the owner goes away, applies it as `me`.
fn hand_over(me: &Owner, command: &Command, wait: Duration, holder: &str) -> Result<Outcome> {
    let (store, id) = (me.store, me.id);
    let inbox = store.inbox(id);
    inbox.post(command)?;
    let mut deadline = Instant::now() + wait;
    let mut owner_checked = Instant::now();
    let mut taken_late = false;
    loop {
        if let Some(answer) = inbox.take_answer(&command.id)? {
            return outcome(answer);
        }
        if owner_checked.elapsed() >= OWNER_CHECK {
            owner_checked = Instant::now();
            if let Ok(_lock) = store.lock(id) {
                // The owner has gone: our command waits in the inbox, maybe taken by it.
                me.apply(None)?;
                if let Some(answer) = inbox.take_answer(&command.id)? {
                    return outcome(answer);
                }
            }
        }
        if Instant::now() >= deadline {
            if taken_late {
                bail!(
                    "the cpm-workshop that has session {id} open ({holder}) took the command but has not said it is saved, after {}; \
                     it is not lost: it stays in {} and is applied once, by that app when it can save or by whichever cpm-workshop next opens the session — check the session before sending it again",
                    seconds(wait + wait.max(TAKEN_GRACE)),
                    inbox.dir().display()
                );
            }
            if inbox.withdraw(&command.id)? {
                bail!(
                    "no answer within {} from the cpm-workshop that has session {id} open ({holder}), so the command was withdrawn and nothing was added to {}; \
                     is that app frozen or suspended? Try again there, or with a longer --wait",
                    seconds(wait),
                    store.session_path(id).display()
                );
            }
            // Taken just now: its answer is on its way.
            taken_late = true;
            deadline = Instant::now() + wait.max(TAKEN_GRACE);
        }
        std::thread::sleep(ANSWER_CHECK);
    }
}

/// The outcome of an answer, or its refusal as an error.
fn outcome(answer: Answer) -> Result<Outcome> {
    match answer {
        Answer::Ok(outcome) => Ok(outcome),
        Answer::Error(message) => bail!("{message}"),
    }
}

/// What an outcome did, as the command line prints it for a vote and the app's status line
/// repeats it.
pub fn describe(outcome: &Outcome) -> String {
    use crate::export::rounds::hands_label;
    use crate::export::snapshot::votes_label;
    match outcome {
        Outcome::Added { count, place } => format!(
            "Added {count} note{} at {place}.",
            if *count == 1 { "" } else { "s" }
        ),
        Outcome::Voted {
            count,
            stage,
            dimension,
            counts,
            total,
        } => format!(
            "Recorded {} for {stage:?} on {dimension}: {} ({} in all).",
            votes_label(*count),
            per_stage(counts),
            votes_label(*total)
        ),
        Outcome::Hands {
            count,
            mark,
            item,
            counts,
            total,
        } => format!(
            "Recorded {} for {mark:?} on {item}: {} ({} in all).",
            hands_label(*count),
            per_stage(counts),
            hands_label(*total)
        ),
        Outcome::PhoneVoted {
            stage,
            dimension,
            replaced,
            counts,
            total,
        } => format!(
            "{} {stage:?} on {dimension}: {} ({} in all).",
            if *replaced {
                "changed its vote to"
            } else {
                "voted"
            },
            per_stage(counts),
            votes_label(*total)
        ),
        Outcome::PhoneDotted {
            note,
            added,
            dots,
            left,
        } => format!(
            "{} note {note}, which has {} in all ({left} left on that phone).",
            if *added {
                "a dot on"
            } else {
                "a dot taken back from"
            },
            crate::export::snapshot::dots_label(*dots)
        ),
        Outcome::Edited { note } => format!("Edited note {note}."),
        Outcome::Deleted { note } => format!("Moved note {note} to the trash."),
        Outcome::AlreadyApplied => ALREADY_APPLIED.to_string(),
    }
}

/// A tally's counts, stage by stage: "2 · 0 · 1".
fn per_stage(counts: &[u32]) -> String {
    counts
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Said when a command turns out to have been saved by an owner that stopped before answering.
pub const ALREADY_APPLIED: &str =
    "It was saved already, by the app that took it before it stopped; nothing was added twice.";

/// "5 s" or "2.5 s".
fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0} s")
    } else {
        format!("{s:.1} s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::Prompt;
    use crate::workshop::session::tests::{T0, session, sid};

    fn setup() -> (tempfile::TempDir, Store, SnapshotActivity) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().to_path_buf()).unwrap();
        store.create(&session()).unwrap();
        (dir, store, crate::content::embedded::snapshot())
    }

    fn note(text: &str) -> CommandKind {
        CommandKind::AddNotes {
            texts: vec![text.into()],
            group: 1,
            category: Some("Teaming".into()),
            prompt: Prompt::Already,
            initials: None,
            from_phone: false,
        }
    }

    #[test]
    fn a_phones_vote_and_dot_are_said_as_what_the_phone_did() {
        let voted = Outcome::PhoneVoted {
            stage: "making progress".into(),
            dimension: "Workforce Development".into(),
            replaced: true,
            counts: vec![2, 1, 0],
            total: 3,
        };
        assert_eq!(
            describe(&voted),
            "changed its vote to \"making progress\" on Workforce Development: 2 · 1 · 0 (3 votes in all)."
        );
        let dotted = Outcome::PhoneDotted {
            note: 4,
            added: false,
            dots: 1,
            left: 2,
        };
        assert_eq!(
            describe(&dotted),
            "a dot taken back from note 4, which has 1 dot in all (2 left on that phone)."
        );
    }

    #[test]
    fn without_an_owner_the_command_is_applied_here_after_what_was_left_waiting() {
        let (_d, store, activity) = setup();
        // Left by a sender whose owner died before taking it.
        let left = Command::new(Inbox::new_command_id(), note("left"));
        store.inbox(&sid("s1")).post(&left).unwrap();
        let out = send(
            &store,
            &sid("s1"),
            note("mine"),
            &activity,
            DEFAULT_WAIT,
            T0,
        )
        .unwrap();
        assert!(matches!(out, Outcome::Added { count: 1, .. }), "{out:?}");
        let s = store.load(&sid("s1")).unwrap();
        let texts: Vec<_> = s.notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["left", "mine"]);
        // The leftover's sender, if still waiting, gets its answer.
        assert!(matches!(
            store.inbox(&sid("s1")).take_answer(&left.id).unwrap(),
            Some(Answer::Ok(Outcome::Added { .. }))
        ));
    }

    #[test]
    fn a_refusal_is_an_error_and_changes_nothing() {
        let (_d, store, activity) = setup();
        let before = store.load(&sid("s1")).unwrap();
        let err = send(
            &store,
            &sid("s1"),
            note("\u{1b}[2J"),
            &activity,
            DEFAULT_WAIT,
            T0,
        )
        .unwrap_err();
        assert!(err.to_string().contains("empty"), "{err}");
        assert_eq!(store.load(&sid("s1")).unwrap(), before);
    }

    #[test]
    fn a_session_without_a_record_is_prepared_with_the_senders_script_and_kept_only_if_applied() {
        use crate::workshop::{Activity, Durations, Mode, SessionSpec};
        let (_d, store, activity) = setup();
        let mut script = crate::content::embedded::values();
        script.marks = vec!["Yes".into(), "Somewhat".into(), "No".into()];
        let spec = SessionSpec {
            name: "Vals".into(),
            activity: Activity::Values,
            deck: "values".into(),
            categories: script.item_texts(),
            groups: 2,
            group_names: Vec::new(),
            mode: Mode::Together,
            durations: Durations::default(),
            role: None,
        };
        store
            .create(&Session::new(sid("v1"), spec, T0).unwrap())
            .unwrap();
        let prepare = |s: &mut Session| {
            s.rounds_mut(&script);
        };
        let hands = |mark| CommandKind::RoundHands {
            item: 2,
            mark,
            count: 1,
        };
        let send = |change| {
            send_prepared(
                &store,
                &sid("v1"),
                change,
                &activity,
                &prepare,
                DEFAULT_WAIT,
                T0,
            )
        };
        let err = send(hands(4)).unwrap_err().to_string();
        assert!(err.contains("1 Yes, 2 Somewhat, 3 No"), "{err}");
        assert_eq!(
            store.load(&sid("v1")).unwrap().rounds,
            None,
            "nothing saved"
        );
        // Mark 3 exists only in the sender's script, not the built-in one.
        let out = send(hands(3)).unwrap();
        assert!(
            matches!(out, Outcome::Hands { ref mark, .. } if mark == "No"),
            "{out:?}"
        );
        let saved = store.load(&sid("v1")).unwrap().rounds.unwrap();
        assert_eq!(saved.marks, ["Yes", "Somewhat", "No"]);
        assert_eq!(saved.tally(1).counts, [0, 0, 1]);
    }

    #[test]
    fn with_a_silent_owner_the_command_is_withdrawn_and_nothing_is_added() {
        let (_d, store, activity) = setup();
        let _owner = store.lock(&sid("s1")).unwrap();
        // The lock is per open file, so this process's second try is refused like another's.
        let err = send(
            &store,
            &sid("s1"),
            note("x"),
            &activity,
            Duration::from_millis(200),
            T0,
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("withdrawn") && err.contains("nothing was added"),
            "{err}"
        );
        assert!(err.contains("s1.json"), "{err}");
        assert!(store.inbox(&sid("s1")).waiting().is_empty());
        assert!(store.load(&sid("s1")).unwrap().notes.is_empty());
    }

    /// Sends `text` from another thread while this one plays the owner; returns the sender and
    /// its command as it waits in the inbox.
    fn send_in_background(
        store: &Store,
        activity: &SnapshotActivity,
        text: &str,
        wait: Duration,
    ) -> (
        std::thread::JoinHandle<Result<Outcome>>,
        crate::store::Waiting,
    ) {
        let worker = {
            let (store, activity, change) = (store.clone(), activity.clone(), note(text));
            std::thread::spawn(move || send(&store, &sid("s1"), change, &activity, wait, T0))
        };
        let waiting = loop {
            if let Some(w) = store.inbox(&sid("s1")).waiting().pop() {
                break w;
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        (worker, waiting)
    }

    #[test]
    fn an_owner_that_answers_after_the_wait_ran_out_is_waited_for() {
        let (_d, store, activity) = setup();
        let owner = store.lock(&sid("s1")).unwrap();
        let inbox = store.inbox(&sid("s1"));
        let (worker, waiting) =
            send_in_background(&store, &activity, "late", Duration::from_millis(100));
        // Taken at once, answered only after the sender's wait ran out.
        let (id, cmd) = inbox.take(&waiting).unwrap().unwrap();
        std::thread::sleep(Duration::from_millis(300));
        let mut s = store.load(&sid("s1")).unwrap();
        let answer = Answer::from(command::apply(&mut s, &cmd.unwrap(), &activity, T0));
        store.save(&s).unwrap();
        inbox.answer(&id, &answer).unwrap();
        let out = worker.join().unwrap().unwrap();
        assert!(matches!(out, Outcome::Added { count: 1, .. }), "{out:?}");
        drop(owner);
    }

    #[test]
    fn when_the_owner_goes_away_the_sender_applies_its_command_once() {
        let (_d, store, activity) = setup();
        let owner = store.lock(&sid("s1")).unwrap();
        let inbox = store.inbox(&sid("s1"));
        let (worker, waiting) =
            send_in_background(&store, &activity, "once", Duration::from_secs(20));
        // The owner took it, applied and saved it, then died before answering.
        let (_, cmd) = inbox.take(&waiting).unwrap().unwrap();
        let mut s = store.load(&sid("s1")).unwrap();
        command::apply(&mut s, &cmd.unwrap(), &activity, T0).unwrap();
        store.save(&s).unwrap();
        drop(owner);
        let out = worker.join().unwrap().unwrap();
        assert_eq!(out, Outcome::AlreadyApplied);
        assert_eq!(
            store.load(&sid("s1")).unwrap().notes.len(),
            1,
            "never twice"
        );
        assert!(inbox.waiting().is_empty());
    }
}
