//! Co-scribes in the rounds activities: while the app has a discussion rounds or values check
//! session open (in a pseudo-terminal), `cpm-workshop add … --question K` / `--value K` and
//! `vote --value K --mark M` from another process are handed to the app, which shows them at
//! once and saves them; the command exits 0 only once they are on disk. A number out of range is
//! refused with the numbers that exist, and nothing reaches the screen or the file.
#![cfg(unix)]

use crate::support;

use std::path::Path;
use std::time::Duration;
use support::cli::{cmd, new_session, stdout_ok};
use support::pty::Pty;

const WAIT: Duration = Duration::from_secs(15);

/// The app in a pseudo-terminal, open on the rounds session `id` at its first item's first page.
fn app_on_first_item(store: &Path, id: &str, first: &str) -> Pty {
    let env = [("CPM_WORKSHOP_STORE", store.to_str().unwrap())];
    let mut app = Pty::spawn(&["open", id], &env, 120, 36);
    app.wait_for("page 1 of", WAIT).unwrap();
    app.keys("n");
    app.wait_for(first, WAIT).unwrap();
    app
}

/// Runs `args`, expects exit code 1, and returns standard error.
fn refused(store: &Path, args: &[&str]) -> String {
    let out = cmd(store).args(args).assert().code(1);
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
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
    let new = [
        "--activity",
        "discussion",
        "--name",
        "Forum",
        "--groups",
        "3",
    ];
    let id = new_session(store, &new);
    let mut app = app_on_first_item(store, &id, "Question 1 of 4");

    let said = stdout_ok(
        cmd(store)
            .args(["add", &id, "--group", "2", "--question", "1"])
            .arg("From the back \u{1b}[31mrow"),
    );
    assert_eq!(
        said,
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
    let err = refused(
        store,
        &["add", &id, "--group", "4", "--question", "1", "Lost"],
    );
    assert!(
        err.contains("there is no group 4 (this workshop has groups 1 to 3)"),
        "{err}"
    );
    let err = refused(
        store,
        &["add", &id, "--group", "1", "--question", "9", "Lost"],
    );
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
    let id = new_session(store, &["--activity", "values", "--name", "Vals"]);
    let mut app = app_on_first_item(store, &id, "Value 1 of 11");

    let said =
        stdout_ok(cmd(store).args(["vote", &id, "--value", "1", "--mark", "1", "--count", "3"]));
    assert_eq!(
        said,
        "Recorded 3 hands for \"Lived every day\" on Prevention & Early Intervention to Keep Children Safe: 3 · 0 (3 hands in all)."
    );
    let hands = rounds_on_disk(store, &id)["hands"].clone();
    assert_eq!(hands[0]["count"], 3, "{hands}");
    app.wait_for("Show of hands · 3 hands", WAIT).unwrap();
    app.wait_for("From another terminal: Recorded 3 hands", WAIT)
        .unwrap();

    let err = refused(store, &["vote", &id, "--value", "1", "--mark", "3"]);
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
