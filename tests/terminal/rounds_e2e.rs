//! End to end: the discussion rounds and the values check in the real binary in a
//! pseudo-terminal, driven by keys as a facilitator would — chosen in the set-up form, notes
//! typed by group (one marked to follow up), hands counted on a value, then `kill -9` once saved
//! and a reopen that finds everything where it was left.
#![cfg(unix)]

use crate::support;

use std::path::Path;
use std::time::Duration;
use support::pty::{Key, Pty};

const WAIT: Duration = Duration::from_secs(10);

fn session_json(store: &Path) -> serde_json::Value {
    let out = support::cli::cmd(store)
        .args(["list", "--json"])
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let id = list[0]["id"].as_str().unwrap().to_string();
    let out = support::cli::cmd(store)
        .args(["export", &id, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Home → set-up → the Activity field moved `rights` choices to the right → start.
fn start(store: &Path, rights: usize, shows: &str) -> Pty {
    let mut pty = Pty::home(store, WAIT);
    pty.key(Key::Enter);
    pty.wait_for("New workshop: set-up", WAIT).unwrap();
    for _ in 0..rights {
        pty.key(Key::Right);
    }
    pty.wait_for(shows, WAIT).unwrap();
    pty.key(Key::Enter);
    pty
}

#[test]
fn discussion_rounds_survive_kill_9_and_reopen_where_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let mut pty = start(store, 2, "Discussion rounds");
    pty.wait_for("page 1 of 10", WAIT).unwrap();
    pty.wait_for("Questions for Discussion", WAIT).unwrap();

    // Question 1, talk: two notes from group 2, one to follow up.
    pty.keys("n");
    pty.wait_for("Question 1 of 4", WAIT).unwrap();
    pty.wait_for("What have you heard about the Core Practice Model", WAIT)
        .unwrap();
    pty.keys("2a");
    pty.wait_for("New note → Question 1", WAIT).unwrap();
    pty.keys("Family voice first");
    pty.key(Key::Enter);
    pty.wait_for("1 saved", WAIT).unwrap();
    pty.keys("? Who coaches the coaches");
    pty.key(Key::Enter);
    pty.wait_for("2 saved", WAIT).unwrap();
    pty.key(Key::Esc);
    pty.wait_for("? Who coaches the coaches", WAIT).unwrap();
    // The share step starts its own countdown.
    pty.keys("n");
    pty.wait_for("Share with the room", WAIT).unwrap();
    pty.wait_for("saved ✓", WAIT).unwrap();
    pty.kill9();

    let json = session_json(store);
    assert_eq!(json["activity"], "discussion");
    let rounds = &json["rounds"];
    assert_eq!(rounds["page"], 2);
    let notes = rounds["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[1]["text"], "Who coaches the coaches");
    assert_eq!(notes[1]["follow_up"], true);
    assert_eq!(notes[1]["group"], 2);

    let mut pty = Pty::home(store, WAIT);
    pty.wait_for("Discussion rounds", WAIT).unwrap();
    pty.key(Key::Enter);
    pty.wait_for("page 3 of 10", WAIT).unwrap();
    pty.wait_for("Family voice first", WAIT).unwrap();
    pty.keys("q");
    assert_eq!(pty.wait_exit(WAIT), Some(0));
}

#[test]
fn a_values_check_counts_hands_and_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let mut pty = start(store, 3, "Values check");
    pty.wait_for("page 1 of 24", WAIT).unwrap();
    pty.keys("n");
    pty.wait_for("Value 1 of 11", WAIT).unwrap();
    pty.wait_for(
        "Prevention & Early Intervention to Keep Children Safe",
        WAIT,
    )
    .unwrap();
    pty.keys("1112");
    pty.wait_for("Show of hands · 4 hands", WAIT).unwrap();
    pty.keys("u");
    pty.wait_for("Took back a hand", WAIT).unwrap();
    pty.wait_for("saved ✓", WAIT).unwrap();
    pty.kill9();

    let json = session_json(store);
    assert_eq!(json["activity"], "values");
    assert_eq!(json["rounds"]["hands"][0]["count"], 3);
    assert_eq!(json["rounds"]["hands"].as_array().unwrap().len(), 1);

    let mut pty = Pty::home(store, WAIT);
    pty.key(Key::Enter);
    pty.wait_for("Value 1 of 11", WAIT).unwrap();
    pty.wait_for("3 votes · 100%", WAIT).unwrap();
    pty.keys("q");
    assert_eq!(pty.wait_exit(WAIT), Some(0));
}
