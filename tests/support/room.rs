//! The app with its room for phones open on 127.0.0.1, for the room's end-to-end tests.
#![allow(dead_code)] // each test file uses part of the support code

use super::pty::Pty;
use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::time::Duration;

/// Generous: a loaded CI machine; each wait returns as soon as its condition holds.
const WAIT: Duration = Duration::from_secs(20);

/// The app with session `id` of `store` open in a 120×40 terminal and the room listening on a
/// free loopback port, the room's panel read and hidden again: the app, the room's address and
/// its join code as the console shows them.
#[cfg(unix)]
pub fn open_with_room(store: &Path, id: &str) -> (Pty, SocketAddr, String) {
    open_with_room_under(store, id, &[])
}

/// Like [`open_with_room`], with the app run by `wrapper` (a program and its arguments; the
/// app's path and arguments follow them) when it is not empty.
#[cfg(unix)]
pub fn open_with_room_under(store: &Path, id: &str, wrapper: &[&str]) -> (Pty, SocketAddr, String) {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().expect("an address");
    let at = addr.to_string();
    let args = ["--room", "--room-addr", &at, "open", id];
    let env = [("CPM_WORKSHOP_STORE", store.to_str().expect("a UTF-8 path"))];
    let mut pty = match wrapper.split_first() {
        None => Pty::spawn(&args, &env, 120, 40),
        Some((program, before)) => {
            let bin = env!("CARGO_BIN_EXE_cpm-workshop");
            let all: Vec<&str> = before.iter().chain(&[bin]).chain(&args).copied().collect();
            Pty::spawn_command(program, &all, &env, 120, 40)
        }
    };
    pty.wait_for("phones connected", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    let screen = pty.screen();
    let code = join_code(&screen);
    assert!(
        screen.contains(&format!("http://{addr}/join?code={code}")),
        "the console should show the join link:\n{screen}"
    );
    // Seen gone before the caller's next key, or Esc and that key read as Alt+key.
    pty.keys("\x1b");
    pty.wait_until(|s| !s.contains("phones connected"), WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    (pty, addr, code)
}

/// The join code the room's panel shows on `screen`.
pub fn join_code(screen: &str) -> String {
    screen
        .lines()
        .find_map(|l| l.split("Code: ").nth(1))
        .map(|rest| rest.trim().chars().take(6).collect())
        .unwrap_or_else(|| panic!("no join code on the console:\n{screen}"))
}
