//! Tests of the domain commands: applying each kind, exactly once, and refusals.

use super::*;
use crate::workshop::session::tests::{T0, session, sid};
use crate::workshop::snapshot::SnapshotState;
use time::Duration;

fn activity() -> SnapshotActivity {
    crate::content::embedded::snapshot()
}

fn snapshot_session() -> Session {
    let spec = SnapshotState::session_spec("Leaders", &activity());
    Session::new(sid("s2"), spec, T0).unwrap()
}

fn add(id: &str, texts: &[&str], group: u32, category: Option<&str>) -> Command {
    Command::new(
        id.into(),
        CommandKind::AddNotes {
            texts: texts.iter().map(|t| t.to_string()).collect(),
            group,
            category: category.map(String::from),
            prompt: Prompt::Already,
            initials: Some(" JR\u{1b}[2J ".into()),
            from_phone: false,
        },
    )
}

#[test]
fn adds_notes_cleaned_at_the_groups_category_now() {
    let mut s = session();
    s.go_to(5, T0); // round 1: rotation puts group 2 at Assessment
    let later = T0 + Duration::minutes(3);
    let applied = apply(
        &mut s,
        &add("c1", &["one\u{1b}[31m", "two"], 2, None),
        &activity(),
        later,
    )
    .unwrap();
    assert_eq!(
        applied.outcome,
        Outcome::Added {
            count: 2,
            place: "Group 2 · Assessment · Already using".into()
        }
    );
    assert_eq!(applied.changes.len(), 2);
    let texts: Vec<_> = s.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, ["one", "two"]);
    assert_eq!(s.notes[0].initials.as_deref(), Some("JR"));
    assert_eq!(s.updated, later);
    assert_eq!(s.applied_commands, ["c1"]);
}

#[test]
fn a_refused_note_leaves_the_whole_batch_unadded() {
    let mut s = session();
    let before = s.clone();
    let err = apply(
        &mut s,
        &add("c1", &["fine", "\u{1b}[2J "], 1, Some("Teaming")),
        &activity(),
        T0,
    )
    .unwrap_err();
    assert_eq!(err, CommandError::Edit(EditError::Empty));
    assert_eq!(s, before, "nothing added, id not recorded");
    let err = apply(
        &mut s,
        &add("c2", &["x"], 9, Some("Teaming")),
        &activity(),
        T0,
    );
    assert_eq!(
        err.unwrap_err().to_string(),
        EditError::NoSuchGroup(9, 4).to_string()
    );
    assert_eq!(
        apply(&mut s, &add("c3", &[], 1, Some("Teaming")), &activity(), T0),
        Err(CommandError::NoNotes)
    );
    assert_eq!(s, before);
}

#[test]
fn a_command_applied_before_is_never_applied_twice() {
    let mut s = session();
    let c = add("c1", &["once"], 1, Some("Teaming"));
    apply(&mut s, &c, &activity(), T0).unwrap();
    // As if the applier died after saving: the same command, found again, after reloading.
    let mut reloaded: Session = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    let again = apply(&mut reloaded, &c, &activity(), T0).unwrap();
    assert_eq!(again.outcome, Outcome::AlreadyApplied);
    assert_eq!(reloaded.notes.len(), 1);
}

#[test]
fn the_applied_list_keeps_only_the_newest_ids() {
    let mut s = session();
    for n in 0..APPLIED_KEPT + 5 {
        apply(
            &mut s,
            &add(&format!("c{n}"), &["x"], 1, Some("Teaming")),
            &activity(),
            T0,
        )
        .unwrap();
    }
    assert_eq!(s.applied_commands.len(), APPLIED_KEPT);
    assert_eq!(s.applied_commands[0], "c5");
    assert!(was_applied(&s, &format!("c{}", APPLIED_KEPT + 4)));
    assert!(!was_applied(&s, "c4"));
}

#[test]
fn snapshot_notes_and_votes_go_to_the_snapshot_record() {
    let mut s = snapshot_session();
    let note = Command::new(
        "n1".into(),
        CommandKind::AddSnapshotNotes {
            texts: vec!["Data\u{7} team".into()],
            dimension: 2,
            heading: HeadingId::Opportunities,
        },
    );
    let out = apply(&mut s, &note, &activity(), T0).unwrap().outcome;
    let Outcome::Added { count: 1, place } = out else {
        panic!("{out:?}")
    };
    assert!(place.starts_with("Using Data"), "{place}");
    let state = s.snapshot.as_ref().unwrap();
    assert_eq!(state.notes[0].text, "Data team");
    let vote = |id: &str, stage| {
        Command::new(
            id.into(),
            CommandKind::Vote {
                dimension: 0,
                stage,
                count: 2,
            },
        )
    };
    apply(&mut s, &vote("v1", 1), &activity(), T0).unwrap();
    let out = apply(&mut s, &vote("v2", 2), &activity(), T0)
        .unwrap()
        .outcome;
    assert_eq!(
        out,
        Outcome::Voted {
            count: 2,
            stage: "well underway".into(),
            dimension: "Organization and Leadership".into(),
            counts: vec![0, 2, 2],
            total: 4,
        }
    );
    let err = apply(&mut s, &vote("v3", 7), &activity(), T0).unwrap_err();
    assert!(matches!(
        err,
        CommandError::Snapshot(SnapshotError::NoSuchStage(8, 3, _))
    ));
    assert_eq!(s.snapshot.as_ref().unwrap().tally(0).total, 4);
}

#[test]
fn commands_for_the_other_activity_are_refused_by_name() {
    let mut sticky = session();
    let vote = Command::new(
        "v".into(),
        CommandKind::Vote {
            dimension: 0,
            stage: 0,
            count: 1,
        },
    );
    let err = apply(&mut sticky, &vote, &activity(), T0).unwrap_err();
    assert!(
        err.to_string()
            .contains("\"Tuesday cohort\" is a Sticky-note"),
        "{err}"
    );
    let mut snap = snapshot_session();
    let err = apply(&mut snap, &add("a", &["x"], 1, None), &activity(), T0).unwrap_err();
    assert!(err.to_string().contains("--dimension N --heading"), "{err}");
    assert!(snap.applied_commands.is_empty());
}

#[test]
fn a_note_is_edited_or_deleted_only_at_the_step_it_was_added() {
    let mut s = session();
    s.go_to(1, T0);
    apply(
        &mut s,
        &add("a", &["first"], 1, Some("Teaming")),
        &activity(),
        T0,
    )
    .unwrap();
    let id = s.notes[0].id;
    let edit = |cid: &str, at| {
        Command::new(
            cid.into(),
            CommandKind::EditNote {
                note: id,
                text: "second <b>".into(),
                at,
            },
        )
    };
    let out = apply(&mut s, &edit("e1", 1), &activity(), T0).unwrap();
    assert_eq!(out.outcome, Outcome::Edited { note: id });
    assert_eq!(s.notes[0].text, "second <b>");
    s.go_to(2, T0);
    assert_eq!(
        apply(&mut s, &edit("e2", 1), &activity(), T0),
        Err(CommandError::MovedOn)
    );
    let delete = |cid: &str, at| Command::new(cid.into(), CommandKind::DeleteNote { note: id, at });
    assert_eq!(
        apply(&mut s, &delete("d1", 1), &activity(), T0),
        Err(CommandError::MovedOn)
    );
    let out = apply(&mut s, &delete("d2", 2), &activity(), T0).unwrap();
    assert_eq!(out.outcome, Outcome::Deleted { note: id });
    assert!(s.notes.is_empty());
    assert_eq!(s.trash.len(), 1);
    assert!(apply(&mut s, &delete("d3", 2), &activity(), T0).is_err());
}

fn from_phone(id: &str, text: &str) -> Command {
    let mut c = add(id, &[text], 1, Some("Teaming"));
    if let CommandKind::AddNotes { from_phone, .. } = &mut c.change {
        *from_phone = true;
    }
    c
}

#[test]
fn a_phones_note_waits_for_the_trainer_only_while_they_hold_phones_notes() {
    use crate::workshop::{Moderation, Visibility};
    let mut s = session();
    apply(&mut s, &from_phone("p1", "at once"), &activity(), T0).unwrap();
    apply(
        &mut s,
        &add("c1", &["scribe"], 1, Some("Teaming")),
        &activity(),
        T0,
    )
    .unwrap();
    s.moderation = Moderation::Queue;
    let applied = apply(&mut s, &from_phone("p2", "held"), &activity(), T0).unwrap();
    apply(
        &mut s,
        &add("c2", &["scribe, held?"], 1, Some("Teaming")),
        &activity(),
        T0,
    )
    .unwrap();
    let marks: Vec<_> = s
        .notes
        .iter()
        .map(|n| (n.from_phone, n.visibility))
        .collect();
    assert_eq!(
        marks,
        [
            (true, Visibility::Shown),
            (false, Visibility::Shown),
            (true, Visibility::Waiting),
            (false, Visibility::Shown),
        ],
        "only phones' notes are held"
    );
    // Undo and redo bring back the note as it arrived, still waiting.
    let mut h = crate::workshop::History::default();
    h.record(applied.changes[0].clone());
    h.undo(&mut s, T0);
    assert_eq!(s.notes.len(), 3);
    h.redo(&mut s, T0);
    assert_eq!(s.notes[3].visibility, Visibility::Waiting);
    assert_eq!(s.notes[3].text, "held");
}

#[test]
fn a_phones_edit_to_an_approved_note_goes_back_to_the_queue() {
    use crate::workshop::{Moderation, Visibility};
    let mut s = session();
    s.moderation = Moderation::Queue;
    apply(&mut s, &from_phone("p1", "fine"), &activity(), T0).unwrap();
    let id = s.notes[0].id;
    s.approve_note(id, T0).unwrap();
    let edit = Command::new(
        "e1".into(),
        CommandKind::EditNote {
            note: id,
            text: "not fine".into(),
            at: s.position,
        },
    );
    let applied = apply(&mut s, &edit, &activity(), T0).unwrap();
    assert_eq!(s.notes[0].visibility, Visibility::Waiting);
    assert_eq!(
        applied.changes.len(),
        2,
        "the edit and the hold, undone together"
    );
    s.moderation = Moderation::ShowAtOnce;
    s.approve_note(id, T0).unwrap();
    let edit = Command::new(
        "e2".into(),
        CommandKind::EditNote {
            note: id,
            text: "fine again".into(),
            at: s.position,
        },
    );
    apply(&mut s, &edit, &activity(), T0).unwrap();
    assert!(s.notes[0].is_shown(), "shown at once means edits too");
}

#[test]
fn a_phones_vote_and_dots_count_once_and_only_while_on_screen() {
    use crate::workshop::snapshot::SnapshotPage;
    let mut s = snapshot_session();
    let phone_vote = |id: &str, dimension, stage| {
        Command::new(
            id.into(),
            CommandKind::PhoneVote {
                phone: "p1".into(),
                dimension,
                stage,
            },
        )
    };
    let err = apply(&mut s, &phone_vote("v0", 0, 1), &activity(), T0).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the trainer has moved on: Organization and Leadership is not being voted on now"
    );
    s.snapshot_mut(&activity()).set_page(SnapshotPage::Tally(0));
    apply(&mut s, &phone_vote("v1", 0, 1), &activity(), T0).unwrap();
    let out = apply(&mut s, &phone_vote("v2", 0, 2), &activity(), T0)
        .unwrap()
        .outcome;
    assert_eq!(
        out,
        Outcome::PhoneVoted {
            stage: "well underway".into(),
            dimension: "Organization and Leadership".into(),
            replaced: true,
            counts: vec![0, 0, 1],
            total: 1,
        }
    );
    let again = apply(&mut s, &phone_vote("v1", 0, 1), &activity(), T0).unwrap();
    assert_eq!(again.outcome, Outcome::AlreadyApplied);
    assert_eq!(s.snapshot.as_ref().unwrap().tally(0).counts, [0, 0, 1]);

    let add_note = Command::new(
        "n".into(),
        CommandKind::AddSnapshotNotes {
            texts: vec!["Peer mentors".into()],
            dimension: 1,
            heading: HeadingId::Opportunities,
        },
    );
    apply(&mut s, &add_note, &activity(), T0).unwrap();
    let note = s.snapshot.as_ref().unwrap().notes[0].id;
    let dot = |id: &str, add| {
        Command::new(
            id.into(),
            CommandKind::PhoneDot {
                phone: "p1".into(),
                note,
                add,
            },
        )
    };
    assert!(matches!(
        apply(&mut s, &dot("d0", true), &activity(), T0),
        Err(CommandError::Snapshot(SnapshotError::NotOnScreen(_)))
    ));
    s.snapshot_mut(&activity()).set_page(SnapshotPage::Dots);
    assert!(matches!(
        apply(&mut s, &phone_vote("v3", 0, 0), &activity(), T0),
        Err(CommandError::Snapshot(SnapshotError::NotOnScreen(_)))
    ));
    let per = s.snapshot.as_ref().unwrap().dots_per_person;
    for n in 0..per {
        apply(&mut s, &dot(&format!("d{}", n + 1), true), &activity(), T0).unwrap();
    }
    assert_eq!(
        apply(&mut s, &dot("over", true), &activity(), T0),
        Err(CommandError::Snapshot(SnapshotError::PhoneNoDotsLeft(per)))
    );
    let out = apply(&mut s, &dot("back", false), &activity(), T0)
        .unwrap()
        .outcome;
    assert_eq!(
        out,
        Outcome::PhoneDotted {
            note,
            added: false,
            dots: per - 1,
            left: 1,
        }
    );
    assert_eq!(
        apply(&mut s, &dot("d1", true), &activity(), T0)
            .unwrap()
            .outcome,
        Outcome::AlreadyApplied
    );
    let st = s.snapshot.as_ref().unwrap();
    assert_eq!(st.dots_on(&st.notes[0]), per - 1);
}

#[test]
fn commands_and_answers_survive_json() {
    let c = add("c1", &["é 😀"], 1, None);
    let back: Command = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
    assert_eq!(back, c);
    let a = Answer::Ok(Outcome::AlreadyApplied);
    let back: Answer = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
    assert_eq!(back, a);
}
