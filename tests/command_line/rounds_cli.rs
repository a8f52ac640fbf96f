//! The discussion rounds and the values check from the command line: `new --activity
//! discussion|values`, `add --group N --question K` / `--value K`, `vote --value K --mark M`,
//! with a clear error (and nothing saved) for a number out of range or an option that does not
//! fit the session's activity.

use crate::support;
use support::cli::{cmd, run_ok};

/// Runs `args`, expects exit code 1, and returns standard error.
fn fails(store: &std::path::Path, args: &[&str]) -> String {
    let out = cmd(store).args(args).output().expect("the binary starts");
    assert_eq!(out.status.code(), Some(1), "{args:?} should fail");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn export(store: &std::path::Path, id: &str, format: &str) -> String {
    run_ok(store, &["export", id, "--format", format])
}

#[test]
fn notes_go_to_a_question_and_a_group_and_come_out_per_question() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = run_ok(
        store,
        &["new", "--activity", "discussion", "--name", "Forum"],
    );
    let said = run_ok(
        store,
        &[
            "add",
            &id,
            "--group",
            "2",
            "--question",
            "1",
            "Family voice first",
        ],
    );
    assert!(said.contains("question 1"), "{said}");
    run_ok(
        store,
        &[
            "add",
            &id,
            "--group",
            "1",
            "--question",
            "2",
            "? Who pays for coaching?",
        ],
    );
    run_ok(
        store,
        &["add", &id, "--group", "3", "--question", "3", "Caseloads"],
    );
    let csv = export(store, &id, "csv");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("Session,Date,Question number,Question,Group,Group name,Text,Follow up,Created")
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 3);
    assert!(rows[0].contains(",1,What have you heard about the Core Practice Model that you value?,2,,Family voice first,,"));
    assert!(rows[1].contains(",Who pays for coaching?,yes,"));
    assert!(rows[2].contains(",Do you have any worries about CPM?,3,,Caseloads,yes,"));
    let follow = run_ok(store, &["export", &id, "--format", "txt", "--follow-ups"]);
    assert!(follow.contains("Question 2 · Group 1: Who pays for coaching?"));
    assert!(!follow.contains("Family voice first"));
}

#[test]
fn a_question_or_group_out_of_range_is_refused_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = run_ok(store, &["new", "--activity", "discussion", "--groups", "3"]);
    let err = fails(store, &["add", &id, "--group", "1", "--question", "5", "x"]);
    assert!(
        err.contains("there is no question 5; this session has questions 1 to 4"),
        "{err}"
    );
    let err = fails(store, &["add", &id, "--group", "1", "--question", "0", "x"]);
    assert!(err.contains("there is no question 0"), "{err}");
    let err = fails(store, &["add", &id, "--group", "4", "--question", "1", "x"]);
    assert!(
        err.contains("there is no group 4 (this workshop has groups 1 to 3)"),
        "{err}"
    );
    let err = fails(
        store,
        &["add", &id, "--group", "1", "--question", "1", "\u{1b}[2J"],
    );
    assert!(err.contains("empty"), "{err}");
    let csv = export(store, &id, "csv");
    assert_eq!(csv.lines().count(), 1, "only the header: {csv}");
}

#[test]
fn options_that_do_not_fit_the_activity_say_what_to_use() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let sticky = run_ok(store, &["new", "--name", "Sticky"]);
    let err = fails(
        store,
        &["add", &sticky, "--group", "1", "--question", "1", "x"],
    );
    assert!(err.contains("not a discussion"), "{err}");
    let talk = run_ok(
        store,
        &["new", "--activity", "discussion", "--name", "Talk"],
    );
    let err = fails(
        store,
        &["add", &talk, "--group", "1", "--prompt", "already", "x"],
    );
    assert!(err.contains("--question"), "{err}");
    let err = fails(store, &["add", &talk, "--group", "1", "--value", "1", "x"]);
    assert!(err.contains("--question"), "{err}");
    let err = fails(store, &["vote", &talk, "--value", "1", "--mark", "1"]);
    assert!(err.contains("not a values check"), "{err}");
}

#[test]
fn questions_can_be_given_at_set_up_or_taken_from_a_deck_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let id = run_ok(
        &store,
        &[
            "new",
            "--activity",
            "discussion",
            "--question",
            "What worked?",
            "--question",
            "? What worries you?",
        ],
    );
    let txt = export(&store, &id, "txt");
    assert!(txt.contains("Question 1. What worked?"));
    assert!(txt.contains("Question 2. What worries you?"));
    assert!(!txt.contains("Question 3."));
    run_ok(
        &store,
        &["add", &id, "--group", "1", "--question", "2", "Time"],
    );
    let csv = export(&store, &id, "csv");
    assert!(csv.contains(",What worries you?,1,,Time,yes,"), "{csv}");

    let content = dir.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(
        content.join("forum.md"),
        "# Forum questions\nsource: our own\n## Questions\n1. What surprised you?\n2. What will you try?\n",
    )
    .unwrap();
    let content_arg = content.to_str().unwrap();
    let id = run_ok(
        &store,
        &[
            "--content",
            content_arg,
            "new",
            "--activity",
            "discussion",
            "--deck",
            "forum",
        ],
    );
    let txt = export(&store, &id, "txt");
    assert!(txt.contains("Question 2. What will you try?"), "{txt}");
    let err = fails(
        &store,
        &["new", "--activity", "discussion", "--deck", "nope"],
    );
    assert!(err.contains("no deck \"nope\""), "{err}");
}

#[test]
fn values_take_a_show_of_hands_per_mark_and_notes_on_why() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = run_ok(store, &["new", "--activity", "values", "--name", "Values"]);
    let said = run_ok(
        store,
        &["vote", &id, "--value", "7", "--mark", "1", "--count", "9"],
    );
    assert!(said.contains("Families Can Grow & Change"), "{said}");
    run_ok(
        store,
        &["vote", &id, "--value", "7", "--mark", "2", "--count", "3"],
    );
    run_ok(
        store,
        &[
            "add",
            &id,
            "--group",
            "2",
            "--value",
            "7",
            "Reunification is up",
        ],
    );
    let err = fails(store, &["vote", &id, "--value", "12", "--mark", "1"]);
    assert!(
        err.contains("there is no value 12; this session has values 1 to 11"),
        "{err}"
    );
    let err = fails(store, &["vote", &id, "--value", "1", "--mark", "3"]);
    assert!(
        err.contains("there is no mark 3; the marks are 1 Lived every day, 2 Needs strengthening"),
        "{err}"
    );
    let err = fails(store, &["add", &id, "--group", "1", "--question", "1", "x"]);
    assert!(err.contains("--value"), "{err}");
    let txt = export(store, &id, "txt");
    let at = txt.find("Value 7. Families Can Grow & Change").unwrap();
    assert!(txt[at..].contains("Show of hands (12 hands)"));
    assert!(txt[at..].contains("    9   75%"));
    assert!(txt[at..].contains("  - Reunification is up"));
}

/// With no app open, `add … -` writes each batch of lines itself under the session's lock; a
/// question out of range is refused before any line is read, so nothing is half-added.
#[test]
fn notes_from_standard_input_go_to_their_question_and_a_bad_number_is_refused_first() {
    use predicates::prelude::*;
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = run_ok(
        store,
        &["new", "--activity", "discussion", "--name", "Forum"],
    );
    cmd(store)
        .args(["add", &id, "--group", "2", "--question", "3", "-"])
        .write_stdin(b"One\n\x1b[2J\nTwo\n".to_vec())
        .assert()
        .failure()
        .stdout(predicate::str::contains(format!(
            "Saved 2 notes to \"Forum\" ({id}): question 3, group 2."
        )))
        .stderr(predicate::str::contains("line 2: not saved"));
    cmd(store)
        .args(["add", &id, "--group", "2", "--question", "7", "-"])
        .write_stdin(b"Lost\n".to_vec())
        .assert()
        .failure()
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(
            "there is no question 7; this session has questions 1 to 4",
        ));
    let csv = export(store, &id, "csv");
    let texts: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(texts.len(), 2, "{csv}");
    assert!(texts[0].contains(",Do you have any worries about CPM?,2,,One,yes,"));
    assert!(texts[1].contains(",2,,Two,yes,"));
}
