//! The room's join QR code on a real projector (issue 15): the presenter's app opens the room on
//! 127.0.0.1 while `cpm-workshop projector` runs in a terminal of its own; the projector shows
//! the address and code while the room is open, the code alone full screen on `Q`, and nothing
//! of the room once `W` closes it. And the console's room panel comes back: `Esc` hides it and
//! says `W` shows it again; `W` does, on the run view and the board; `W` in it closes the room.
#![cfg(unix)]

use crate::support;

use std::time::Duration;
use support::cli::run_ok;
use support::pty::Pty;
use support::room::open_with_room;

const WAIT: Duration = Duration::from_secs(20);

#[test]
fn the_projector_shows_how_to_join_while_the_room_is_open_and_forgets_it_after() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let s = store.to_str().unwrap();
    let id = run_ok(store, &["new", "--name", "Room", "--mode", "together"]);
    let projector = Pty::spawn(&["projector"], &[("CPM_WORKSHOP_STORE", s)], 120, 36);
    let mut app = Pty::spawn(
        &["--room", "--room-addr", "127.0.0.1:0", "open", &id],
        &[("CPM_WORKSHOP_STORE", s)],
        120,
        40,
    );
    app.wait_for("phones connected", WAIT).unwrap();
    let screen = app.screen();
    let code: String = screen
        .lines()
        .find_map(|l| l.split("Code: ").nth(1))
        .map(|rest| rest.trim().chars().take(6).collect())
        .unwrap_or_else(|| panic!("no code:\n{screen}"));
    let address: String = screen
        .lines()
        .find_map(|l| l.split("Join: http://").nth(1))
        .and_then(|rest| rest.split('/').next())
        .map(String::from)
        .unwrap_or_else(|| panic!("no link:\n{screen}"));
    assert!(address.starts_with("127.0.0.1:"), "{address}");
    // The room's own self-test, from a thread of its own.
    app.wait_for(&format!("request from this laptop to {address} got"), WAIT)
        .unwrap_or_else(|e| panic!("{e}"));

    let joining = format!("{address} · code {code}");
    projector
        .wait_until(|s| s.contains(&joining) && s.contains("Scan to join"), WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        projector.screen().contains("Foundational"),
        "the activity stays"
    );
    assert!(
        !projector.screen().contains("Self-test")
            && !projector.screen().contains("phones connected"),
        "the panel's own lines stay on the console:\n{}",
        projector.screen()
    );

    // Full screen for a large room, and back.
    app.keys("Q");
    projector
        .wait_until(
            |s| s.contains("Scan the code, or open this address") && !s.contains("Foundational"),
            WAIT,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    app.keys("Q");
    projector
        .wait_until(|s| s.contains("Foundational") && s.contains(&joining), WAIT)
        .unwrap_or_else(|e| panic!("{e}"));

    // Closing the room takes it off the projector.
    app.keys("W");
    app.wait_for("Room closed", WAIT).unwrap();
    projector
        .wait_until(|s| s.contains("Foundational") && !s.contains(&code), WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!projector.screen().contains("Scan to join"));
    drop(app);
}

#[test]
fn w_brings_the_hidden_room_panel_back_and_w_in_the_panel_closes_the_room() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = run_ok(store, &["new", "--name", "Panel", "--mode", "together"]);
    // Opened, the panel read, and hidden with Esc.
    let (mut app, addr, code) = open_with_room(store, &id);
    app.wait_for("W shows the panel again", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    let link = format!("Join: http://{addr}/join?code={code}");

    for (screen, shows) in [("", "Foundational"), ("b", "flip-chart page")] {
        app.keys(screen);
        app.wait_for(shows, WAIT).unwrap_or_else(|e| panic!("{e}"));
        app.keys("W");
        app.wait_until(
            |s| s.contains("phones connected") && s.contains(&link),
            WAIT,
        )
        .unwrap_or_else(|e| panic!("{screen:?}: W did not show the panel again: {e}"));
        assert!(
            !app.screen().contains("Room closed"),
            "the room stays open:\n{}",
            app.screen()
        );
        app.keys("\x1b");
        // Seen gone before the next key, or Esc and that key read as Alt+key.
        app.wait_until(|s| !s.contains("phones connected"), WAIT)
            .unwrap_or_else(|e| panic!("{e}"));
    }

    app.keys("W");
    app.wait_for("phones connected", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.keys("W");
    app.wait_until(
        |s| {
            s.contains("Room closed") && !s.contains("phones connected") && !s.contains("room open")
        },
        WAIT,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    drop(app);
}
