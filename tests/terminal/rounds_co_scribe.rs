//! Co-scribes in the rounds activities: while the app has a discussion rounds or values check
//! session open (in a pseudo-terminal), `cpm-workshop add … --question K` / `--value K` and
//! `vote --value K --mark M` from another process are handed to the app, which shows them at
//! once and saves them; the command exits 0 only once they are on disk. A number out of range is
//! refused with the numbers that exist, and nothing reaches the screen or the file.
#![cfg(unix)]

use crate::support;

use std::path::Path;
use std::process::Output;
use std::time::Duration;
use support::cli::{cmd, run_ok};
use support::pty::Pty;

const WAIT: Duration = Duration::from_secs(15);

/// The app open on session `id`, showing `shows`.
fn open_app(store: &Path, id: &str, shows: &str) -> Pty {
    let s = store.to_str().unwrap();
    let pty = Pty::spawn(&["open", id], &[("CPM_WORKSHOP_STORE", s)], 120, 36);
    pty.wait_for(shows, WAIT).unwrap_or_else(|e| panic!("{e}"));
    pty
}

fn run(store: &Path, args: &[&str]) -> Output {
    cmd(store).args(args).output().unwrap()
}

fn stdout_ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn stderr_failed(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    String::from_utf8_lossy(&out.stderr).to_string()
}

/// The session's rounds record as on disk right now.
fn rounds_on_disk(store: &Path, id: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(store.join(format!("{id}.json"))).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["rounds"].clone()
}

#[test]
fn a_discussion_note_from_another_terminal_shows_at_once_and_is_saved_by_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = run_ok(
        store,
        &[
            "new",
            "--activity",
            "discussion",
            "--name",
            "Forum",
            "--groups",
            "3",
        ],
    );
    let mut app = open_app(store, &id, "Questions for Discussion");
    app.keys("n");
    app.wait_for("Question 1 of 4", WAIT).unwrap();

    let out = run(
        store,
        &[
            "add",
            &id,
            "--group",
            "2",
            "--question",
            "1",
            "From the back \u{1b}[31mrow",
        ],
    );
    assert_eq!(
        stdout_ok(&out),
        format!("Saved 1 note to \"Forum\" ({id}): question 1, group 2.")
    );
    // On disk when the command says so (the app saved it; it holds the session meanwhile).
    let notes = rounds_on_disk(store, &id)["notes"].clone();
    assert_eq!(notes[0]["text"], "From the back row");
    assert_eq!(notes[0]["group"], 2);
    assert_eq!(notes[0]["item"], 0);
    app.wait_for("Added from another terminal: “From the back row”", WAIT)
        .unwrap();
    app.wait_for("▶ From the back row", WAIT).unwrap();

    // Refused by the app with what exists; nothing added anywhere.
    let err = stderr_failed(&run(
        store,
        &["add", &id, "--group", "4", "--question", "1", "Lost"],
    ));
    assert!(
        err.contains("there is no group 4 (this workshop has groups 1 to 3)"),
        "{err}"
    );
    let err = stderr_failed(&run(
        store,
        &["add", &id, "--group", "1", "--question", "9", "Lost"],
    ));
    assert!(
        err.contains("there is no question 9; this session has questions 1 to 4"),
        "{err}"
    );
    assert_eq!(
        rounds_on_disk(store, &id)["notes"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    app.keys("q");
    assert_eq!(app.wait_exit(WAIT), Some(0));
    assert!(!app.screen().contains("Lost"));
    let notes = rounds_on_disk(store, &id)["notes"].clone();
    assert_eq!(notes.as_array().unwrap().len(), 1, "{notes}");
}

#[test]
fn a_show_of_hands_from_another_terminal_shows_on_the_values_page_and_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = run_ok(store, &["new", "--activity", "values", "--name", "Vals"]);
    let mut app = open_app(store, &id, "Values check");
    app.keys("n");
    app.wait_for("Value 1 of 11", WAIT).unwrap();

    let out = run(
        store,
        &["vote", &id, "--value", "1", "--mark", "1", "--count", "3"],
    );
    assert_eq!(
        stdout_ok(&out),
        "Recorded 3 hands for \"Lived every day\" on Prevention & Early Intervention to Keep Children Safe: 3 · 0 (3 hands in all)."
    );
    let hands = rounds_on_disk(store, &id)["hands"].clone();
    assert_eq!(hands[0]["count"], 3, "{hands}");
    app.wait_for("Show of hands · 3 hands", WAIT).unwrap();
    app.wait_for("From another terminal: Recorded 3 hands", WAIT)
        .unwrap();

    let err = stderr_failed(&run(store, &["vote", &id, "--value", "1", "--mark", "3"]));
    assert!(
        err.contains("there is no mark 3; the marks are 1 Lived every day, 2 Needs strengthening"),
        "{err}"
    );
    // The trainer's own hand adds to the co-scribe's, and `u` takes back the newest.
    app.keys("2");
    app.wait_for("Show of hands · 4 hands", WAIT).unwrap();
    app.keys("u");
    app.wait_for("Show of hands · 3 hands", WAIT).unwrap();
    app.keys("q");
    assert_eq!(app.wait_exit(WAIT), Some(0));
    let hands = rounds_on_disk(store, &id)["hands"].clone();
    assert_eq!(hands.as_array().unwrap().len(), 1, "{hands}");
    assert_eq!(hands[0]["count"], 3);
}
