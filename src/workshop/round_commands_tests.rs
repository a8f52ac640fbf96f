//! Tests of the rounds activities' commands: applied once, through the one apply path, and
//! refused (nothing changed) with the numbers that exist.

use super::super::command::{Command, CommandKind, Outcome, apply};
use super::*;
use crate::content::embedded;
use crate::workshop::session::tests::{T0, sid};
use crate::workshop::{Durations, Mode, SessionSpec};
use time::Duration;

/// A rounds session of `activity` with `groups` groups, its record made as `new` makes it.
fn rounds_session(activity: Activity, groups: u32) -> Session {
    let script = match activity {
        Activity::Values => embedded::values(),
        _ => embedded::discussion(),
    };
    let spec = SessionSpec {
        name: "Forum".into(),
        activity,
        deck: activity.id().into(),
        categories: script.item_texts(),
        groups,
        group_names: Vec::new(),
        mode: Mode::Together,
        durations: Durations::default(),
        role: None,
    };
    let mut s = Session::new(sid("r1"), spec, T0).unwrap();
    s.rounds = Some(RoundsState::for_session(&s, &script));
    s
}

fn notes(id: &str, activity: Activity, texts: &[&str], item: u32, group: u32) -> Command {
    Command::new(
        id.into(),
        CommandKind::AddRoundNotes {
            texts: texts.iter().map(|t| t.to_string()).collect(),
            activity,
            item,
            group,
        },
    )
}

fn hands(id: &str, item: u32, mark: u32, count: u32) -> Command {
    Command::new(id.into(), CommandKind::RoundHands { item, mark, count })
}

fn snapshot() -> crate::content::SnapshotActivity {
    embedded::snapshot()
}

/// Applies `c`, expects a refusal, checks nothing changed, and returns the message.
fn refused(s: &mut Session, c: &Command) -> String {
    let before = s.clone();
    let err = apply(s, c, &snapshot(), T0).unwrap_err().to_string();
    assert_eq!(*s, before, "nothing changed for {c:?}");
    err
}

#[test]
fn notes_land_under_their_question_and_group_once() {
    let mut s = rounds_session(Activity::Discussion, 3);
    let later = T0 + Duration::minutes(4);
    let c = notes(
        "c1",
        Activity::Discussion,
        &["Family voice\u{1b}[31m", "? Who pays?"],
        2,
        3,
    );
    let applied = apply(&mut s, &c, &snapshot(), later).unwrap();
    assert_eq!(
        applied.outcome,
        Outcome::Added {
            count: 2,
            place: "question 2, group 3".into()
        }
    );
    let state = s.rounds.as_ref().unwrap();
    let on_2: Vec<_> = state
        .notes_on(1)
        .iter()
        .map(|n| (n.group, n.text.clone(), n.follow_up))
        .collect();
    assert_eq!(
        on_2,
        [
            (3, "Family voice".to_string(), false),
            (3, "Who pays?".to_string(), true)
        ]
    );
    assert_eq!(s.updated, later);
    assert_eq!(s.applied_commands, ["c1"]);
    // Found again (its applier stopped before tidying up): not added twice.
    let again = apply(&mut s, &c, &snapshot(), later).unwrap();
    assert_eq!(again.outcome, Outcome::AlreadyApplied);
    assert_eq!(s.rounds.as_ref().unwrap().notes.len(), 2);
}

#[test]
fn a_note_out_of_range_or_for_the_other_activity_is_refused_with_what_exists() {
    let mut s = rounds_session(Activity::Discussion, 3);
    let d = Activity::Discussion;
    assert_eq!(
        refused(&mut s, &notes("a", d, &["x"], 5, 1)),
        "there is no question 5; this session has questions 1 to 4"
    );
    assert_eq!(
        refused(&mut s, &notes("b", d, &["x"], 0, 1)),
        "there is no question 0; this session has questions 1 to 4"
    );
    assert_eq!(
        refused(&mut s, &notes("c", d, &["x"], 1, 4)),
        "there is no group 4 (this workshop has groups 1 to 3)"
    );
    assert!(refused(&mut s, &notes("d", d, &["ok", "\u{1b}[2J"], 1, 1)).contains("empty"));
    assert_eq!(
        refused(&mut s, &notes("e", d, &[], 1, 1)),
        "there is no note to add"
    );
    let err = refused(&mut s, &notes("f", Activity::Values, &["x"], 1, 1));
    assert_eq!(
        err,
        "\"Forum\" is a Discussion rounds session, not a values check: add notes with --group N --question K"
    );
    let err = refused(&mut s, &hands("g", 1, 1, 1));
    assert!(err.contains("not a values check"), "{err}");
}

#[test]
fn hands_are_counted_once_per_mark_with_the_tally_after_them() {
    let mut s = rounds_session(Activity::Values, 4);
    let applied = apply(&mut s, &hands("h1", 7, 1, 9), &snapshot(), T0).unwrap();
    assert_eq!(
        applied.outcome,
        Outcome::Hands {
            count: 9,
            mark: "Lived every day".into(),
            item: "Families Can Grow & Change".into(),
            counts: vec![9, 0],
            total: 9
        }
    );
    apply(&mut s, &hands("h2", 7, 2, 3), &snapshot(), T0).unwrap();
    let again = apply(&mut s, &hands("h1", 7, 1, 9), &snapshot(), T0).unwrap();
    assert_eq!(again.outcome, Outcome::AlreadyApplied);
    assert_eq!(s.rounds.as_ref().unwrap().tally(6).counts, [9, 3]);
}

#[test]
fn hands_out_of_range_are_refused_with_the_values_and_marks_that_exist() {
    let mut s = rounds_session(Activity::Values, 4);
    assert_eq!(
        refused(&mut s, &hands("a", 12, 1, 1)),
        "there is no value 12; this session has values 1 to 11"
    );
    assert_eq!(
        refused(&mut s, &hands("b", 0, 1, 1)),
        "there is no value 0; this session has values 1 to 11"
    );
    let marks = "the marks are 1 Lived every day, 2 Needs strengthening";
    assert_eq!(
        refused(&mut s, &hands("c", 1, 3, 1)),
        format!("there is no mark 3; {marks}")
    );
    assert_eq!(
        refused(&mut s, &hands("d", 1, 0, 1)),
        format!("there is no mark 0; {marks}")
    );
    assert!(refused(&mut s, &hands("e", 1, 1, 0)).contains("from 1 to"));
    let err = refused(&mut s, &notes("f", Activity::Discussion, &["x"], 1, 1));
    assert!(
        err.contains("not a discussion session") && err.contains("--value K"),
        "{err}"
    );
}

#[test]
fn a_session_file_without_a_record_gets_the_built_in_one() {
    let mut s = rounds_session(Activity::Values, 2);
    s.rounds = None;
    apply(
        &mut s,
        &notes("n", Activity::Values, &["why"], 3, 2),
        &snapshot(),
        T0,
    )
    .unwrap();
    let state = s.rounds.as_ref().unwrap();
    assert_eq!(state.item_word, "value");
    assert_eq!(state.notes_on(2)[0].text, "why");
}

#[test]
fn the_commands_travel_as_json_unchanged() {
    for c in [
        notes("n", Activity::Values, &["a", "b"], 3, 2),
        hands("h", 1, 2, 5),
    ] {
        let text = serde_json::to_string(&c).unwrap();
        let back: Command = serde_json::from_str(&text).unwrap();
        assert_eq!(back, c, "{text}");
    }
}
