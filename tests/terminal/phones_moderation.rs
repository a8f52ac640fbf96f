//! The trainer's moderation of phones' notes (issue 15), end to end: the app owns the session
//! with its room open on 127.0.0.1, a projector follows it, and phones post over HTTP. With the
//! queue on, a phone's note reaches neither the room file nor the projector until the trainer
//! approves it in the queue; a note the trainer hides never does, and both stay in the session.
#![cfg(unix)]

use crate::support;
use crate::support::session_id as sid;

use cpm_workshop::store::Store;
use cpm_workshop::workshop::Visibility;
use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};
use support::cli::run_ok;
use support::http::request;
use support::pty::Pty;

const WAIT: Duration = Duration::from_secs(20);
/// How long a note that must not reach the room is given to (wrongly) get there.
const GRACE: Duration = Duration::from_millis(800);
const HELD: &str = "Approve me <b>first</b>";
const HIDDEN: &str = "Keep me off the wall";

fn env(store: &Path) -> [(&'static str, String); 1] {
    [("CPM_WORKSHOP_STORE", store.to_str().unwrap().to_string())]
}

/// Posts a note as a new phone would; the answer must say it is on disk. The note's id, and
/// the cookies that make the phone known again.
fn post(addr: SocketAddr, code: &str, text: &str) -> (u64, String) {
    let body = serde_json::json!({"group": 2, "text": text}).to_string();
    let reply = request(
        addr,
        "POST",
        "/api/notes",
        &[("X-Room-Code", code), ("Content-Type", "application/json")],
        body.as_bytes(),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    let phone = reply.cookie_header();
    let id = reply.json()["ids"][0].as_u64().expect("the new note's id");
    (id, format!("room_code={code}; {phone}"))
}

/// The page the phone with `cookie` sees.
fn page(addr: SocketAddr, cookie: &str) -> String {
    let reply = request(addr, "GET", "/?group=2", &[("Cookie", cookie)], b"");
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.body
}

fn room_file(store: &Path, id: &str) -> String {
    let store = Store::open_for_reading(store.to_path_buf()).unwrap();
    std::fs::read_to_string(store.room_path(&sid(id))).unwrap_or_default()
}

/// What the JSON API tells the phone with `cookie` of its one note: shown, waiting or hidden.
fn on_screen(addr: SocketAddr, cookie: &str) -> String {
    let state = request(addr, "GET", "/api/state", &[("Cookie", cookie)], b"").json();
    let mine = &state["my_notes"];
    assert_eq!(mine.as_array().map(Vec::len), Some(1), "{state}");
    assert_eq!(mine[0]["commitment"], false, "{state}");
    mine[0]["screen"].as_str().unwrap_or_default().to_string()
}

/// Waits (bounded) until `check` holds for the session file on disk.
fn wait_on_disk(
    store: &Path,
    id: &str,
    what: &str,
    check: impl Fn(&cpm_workshop::workshop::Session) -> bool,
) {
    let deadline = Instant::now() + WAIT;
    let store = Store::open_for_reading(store.to_path_buf()).unwrap();
    while !store.load(&sid(id)).is_ok_and(|s| check(&s)) {
        assert!(Instant::now() < deadline, "never on disk: {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn wait_room_file(store: &Path, id: &str, needle: &str) {
    let deadline = Instant::now() + WAIT;
    while !room_file(store, id).contains(needle) {
        assert!(
            Instant::now() < deadline,
            "{needle} never reached the room file:\n{}",
            room_file(store, id)
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_held_note_reaches_the_projector_only_once_approved_and_a_hidden_one_never() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = run_ok(
        store,
        &["new", "--name", "Held notes", "--mode", "together"],
    );
    let [(k, v)] = env(store);
    let projector = Pty::spawn(&["projector", &id], &[(k, v.as_str())], 120, 36);
    let (mut app, addr, code) = support::room::open_with_room(store, &id);
    // Hold phones' notes, then go to the share step.
    app.keys("M");
    app.wait_for("wait for you", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    wait_on_disk(store, &id, "the queue mode", |s| {
        s.moderation == cpm_workshop::workshop::Moderation::Queue
    });
    app.keys("n");
    projector
        .wait_for("Brainstorm: already using", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.keys("n");
    projector
        .wait_for("Share", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    wait_room_file(store, &id, "\"wall\"");

    let (held, held_phone) = post(addr, &code, HELD);
    let (hidden, hidden_phone) = post(addr, &code, HIDDEN);
    // Saved (the 201 said so) and on the console, but not in the room.
    wait_on_disk(store, &id, "both notes, waiting", |s| {
        [held, hidden].iter().all(|n| {
            s.note(*n)
                .is_some_and(|n| n.visibility == Visibility::Waiting)
        })
    });
    app.wait_for("2 notes in the queue", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    std::thread::sleep(GRACE);
    let room = room_file(store, &id);
    assert!(
        !room.contains("Approve me") && !room.contains(HIDDEN),
        "{room}"
    );
    let wall = projector.screen();
    assert!(
        !wall.contains("Approve me") && !wall.contains(HIDDEN),
        "{wall}"
    );
    let told = page(addr, &held_phone);
    assert!(told.contains("Waiting for the trainer"), "{told}");
    assert_eq!(on_screen(addr, &held_phone), "waiting");

    // The trainer opens the queue: the oldest note first, approved; then the other hidden.
    app.keys("h");
    app.wait_for("[waiting] Group 2", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.keys("a");
    projector
        .wait_for(HELD, WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    wait_room_file(store, &id, "Approve me <b>first</b>");
    assert!(!app.screen().contains("[hidden ]"), "nothing hidden yet");
    app.keys("x");
    wait_on_disk(store, &id, "the hidden note", |s| {
        s.note(hidden)
            .is_some_and(|n| n.visibility == Visibility::Hidden)
            && s.note(held).is_some_and(|n| n.is_shown() && n.from_phone)
    });
    app.wait_for("[hidden ] Group 2", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    std::thread::sleep(GRACE);
    let room = room_file(store, &id);
    assert!(
        room.contains("Approve me") && !room.contains(HIDDEN),
        "{room}"
    );
    let wall = projector.screen();
    assert!(wall.contains(HELD) && !wall.contains(HIDDEN), "{wall}");
    assert!(!page(addr, &held_phone).contains("Waiting for the trainer"));
    assert!(page(addr, &hidden_phone).contains("not shown on the screen"));
    assert_eq!(on_screen(addr, &held_phone), "shown");
    assert_eq!(on_screen(addr, &hidden_phone), "hidden");

    // Both stay the group's notes: the session holds them, the handout lists them.
    let export = run_ok(store, &["export", &id, "--format", "txt"]);
    assert!(export.contains(HELD) && export.contains(HIDDEN), "{export}");
    app.keys("\x1b");
    app.wait_until(|s| !s.contains("[hidden ]"), WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.keys("q");
    assert!(app.wait_exit(WAIT).is_some(), "the app quit");
}
