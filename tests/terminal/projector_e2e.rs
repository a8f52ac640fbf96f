//! End to end: the presenter's app and `cpm-workshop projector` in pseudo-terminals of their
//! own, as on a laptop wired to a projector. Every step waits for what the room would see.
#![cfg(unix)]

use crate::support;

use std::path::Path;
use std::time::Duration;
use support::cli::run_ok;
use support::pty::{Key, Pty};

/// Generous: a loaded CI machine; each wait returns as soon as its condition holds.
const WAIT: Duration = Duration::from_secs(10);
const WAITING: &str = "Waiting for the presenter";

fn env(store: &Path) -> Vec<(&str, &str)> {
    vec![("CPM_WORKSHOP_STORE", store.to_str().expect("a UTF-8 path"))]
}

/// The presenter's app with session `id` open, on its run view.
fn presenter(store: &Path, id: &str) -> Pty {
    let pty = Pty::spawn(&["open", id], &env(store), 120, 36);
    pty.wait_for("Foundational (1 of 6)", WAIT).unwrap();
    pty
}

/// A projector in a `cols`×`rows` terminal, following `session` or the presenter.
fn projector(store: &Path, session: Option<&str>, cols: u16, rows: u16) -> Pty {
    let mut args = vec!["projector"];
    args.extend(session);
    Pty::spawn(&args, &env(store), cols, rows)
}

fn new_session(store: &Path) -> String {
    run_ok(
        store,
        &["new", "--name", "Tuesday cohort", "--mode", "together"],
    )
}

#[test]
fn the_projector_follows_steps_and_blanking_and_waits_out_a_killed_presenter() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store);
    let room = projector(store, None, 120, 36);
    room.wait_for(WAITING, WAIT).unwrap();

    let mut app = presenter(store, &id);
    room.wait_for("Read the behaviors", WAIT).unwrap();
    let screen = room.screen();
    assert!(
        !screen.contains("Space") && !screen.contains("quit") && !screen.contains("saved"),
        "nothing about keys or files reaches the room:\n{screen}"
    );

    app.keys("n");
    room.wait_for("Brainstorm: already using", WAIT).unwrap();
    app.keys(" ");
    room.wait_for("running", WAIT).unwrap();

    app.keys(".");
    room.wait_until(|s| s.trim().is_empty(), WAIT).unwrap();
    app.keys(".");
    room.wait_for("Brainstorm: already using", WAIT).unwrap();

    app.kill9();
    room.wait_for(WAITING, WAIT).unwrap();

    let app = presenter(store, &id);
    room.wait_for("Brainstorm: already using", WAIT).unwrap();
    drop(app);
}

#[test]
fn the_projector_survives_a_presenter_quitting_and_coming_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store);
    let mut room = projector(store, None, 64, 18);
    room.wait_for(WAITING, WAIT).unwrap();

    let mut app = presenter(store, &id);
    room.wait_for("Read the behaviors", WAIT).unwrap();
    app.keys("q");
    assert_eq!(app.wait_exit(WAIT), Some(0), "{}", app.screen());
    room.wait_for(WAITING, WAIT).unwrap();
    assert!(
        !store.join("presenting").exists(),
        "a clean quit un-names the session"
    );

    let mut app = presenter(store, &id);
    room.wait_for("Read the behaviors", WAIT).unwrap();
    app.keys("n");
    room.wait_for("Brainstorm: already using", WAIT).unwrap();

    room.keys("q");
    assert_eq!(room.wait_exit(WAIT), Some(0), "{}", room.screen());
}

#[test]
fn a_resized_projector_says_how_big_it_must_be_and_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store);
    let _app = presenter(store, &id);
    let mut room = projector(store, Some(&id), 120, 36);
    room.wait_for("Read the behaviors", WAIT).unwrap();
    room.resize(10, 3);
    room.wait_for("Make the", WAIT).unwrap();
    room.resize(63, 18);
    room.wait_for("at least 64×18 (now 63×18)", WAIT).unwrap();
    room.resize(64, 18);
    room.wait_for("Read the behaviors", WAIT).unwrap();
    room.resize(300, 90);
    room.wait_for("Read the behaviors", WAIT).unwrap();
    room.key(Key::Esc);
    assert_eq!(room.wait_exit(WAIT), Some(0), "{}", room.screen());
}

#[test]
fn a_killed_projector_leaves_the_presenter_and_a_second_projector_unaffected() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store);
    let mut app = presenter(store, &id);
    let mut pinned = projector(store, Some(&id), 120, 36);
    let following = projector(store, None, 80, 24);
    pinned.wait_for("Read the behaviors", WAIT).unwrap();
    following.wait_for("Read the behaviors", WAIT).unwrap();

    pinned.kill9();
    assert!(pinned.wait_exit(WAIT).is_some());
    app.keys("n");
    app.wait_for("Brainstorm: already using", WAIT).unwrap();
    following
        .wait_for("Brainstorm: already using", WAIT)
        .unwrap();
    app.keys(" ");
    app.wait_for("running", WAIT).unwrap();
    following.wait_for("running", WAIT).unwrap();
    // The presenter still saves and quits as ever (it asks while the round runs).
    app.keys(" ");
    app.keys("q");
    assert_eq!(app.wait_exit(WAIT), Some(0), "{}", app.screen());
    following.wait_for(WAITING, WAIT).unwrap();
}

/// Three kinds of process on one session: the presenter's app owns it, a co-trainer's
/// `cpm-workshop add` hands it a note, and the projector shows that note on the room's wall.
#[test]
fn a_co_scribes_note_reaches_the_projector_through_the_presenter() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store);
    let room = projector(store, None, 120, 36);
    room.wait_for(WAITING, WAIT).unwrap();
    let mut app = presenter(store, &id);
    app.keys("n");
    room.wait_for("Brainstorm: already using", WAIT).unwrap();
    app.keys("n");
    room.wait_for("Share", WAIT).unwrap();

    let said = run_ok(
        store,
        &[
            "add",
            &id,
            "--group",
            "1",
            "--prompt",
            "already",
            "We greet families by <b>name</b>",
        ],
    );
    assert!(said.contains("Saved 1 note"), "{said}");
    room.wait_for("We greet families by <b>name</b>", WAIT)
        .unwrap();
    app.wait_for("We greet families by", WAIT).unwrap();
    drop(app);
}
