//! Wall-clock jumps (issue 11): the app under libfaketime, whose idea of the time of day the test
//! moves back and forward in the middle of a running round, as an NTP correction or a laptop
//! waking from sleep does. The round must count only the time that really passed.
//!
//! Needs libfaketime (`apt-get install faketime`; `.ci/run` installs it). Without it the test says
//! so and passes on a developer's machine, but fails under `CPM_TEST_STRICT=1` (set by
//! `.ci/run`), so CI cannot skip it silently.
#![cfg(target_os = "linux")]

use crate::support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::cli::run_ok as cli;
use support::pty::Pty;

const WAIT: Duration = Duration::from_secs(15);
/// Where Debian and Ubuntu put the library.
const LIBFAKETIME: [&str; 2] = [
    "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
    "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
];

fn libfaketime() -> Option<PathBuf> {
    LIBFAKETIME.iter().map(PathBuf::from).find(|p| p.exists())
}

/// The session's timer as saved, once `done` holds for it.
fn saved_timer(file: &Path, done: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
    let deadline = Instant::now() + WAIT;
    loop {
        let timer = std::fs::read(file)
            .ok()
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
            .map(|s| s["timer"].clone());
        match timer {
            Some(t) if done(&t) => return t,
            _ if Instant::now() > deadline => panic!("timer never saved as expected: {timer:?}"),
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

fn paused(t: &serde_json::Value) -> bool {
    t["running_since"].is_null() && t["banked_ms"].as_i64().is_some_and(|b| b > 0)
}

fn running(t: &serde_json::Value) -> bool {
    !t["running_since"].is_null()
}

/// Found by issue 11 (and since fixed): moving the clock back 10 minutes during a running 2:00
/// round froze it, and pausing then saved `banked_ms: 0`; moving it forward jumped to
/// "8:11 over". Elapsed time now comes from the monotonic clock while the app runs.
#[test]
fn a_running_round_ignores_the_clock_jumping_back_and_forward() {
    let Some(lib) = support::require(
        libfaketime(),
        "libfaketime is not installed (apt-get install faketime)",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let id = cli(&store, &["new", "--name", "Clock", "--brainstorm", "2:00"]);
    let file = store.join(format!("{id}.json"));
    // libfaketime reads the offset from this file at every clock call.
    let offset = dir.path().join("faketime");
    std::fs::write(&offset, "+0").unwrap();
    let mut pty = Pty::spawn(
        &["open", &id],
        &[
            ("CPM_WORKSHOP_STORE", store.to_str().unwrap()),
            ("LD_PRELOAD", lib.to_str().unwrap()),
            ("FAKETIME_TIMESTAMP_FILE", offset.to_str().unwrap()),
            ("FAKETIME_NO_CACHE", "1"),
            // Only the time of day jumps, as it does on a real machine.
            ("FAKETIME_DONT_FAKE_MONOTONIC", "1"),
        ],
        120,
        36,
    );
    pty.wait_for("Foundational (1 of 6)", WAIT).unwrap();
    pty.keys("n");
    pty.wait_for("Brainstorm: already using", WAIT).unwrap();

    // Back ten minutes, a second into the round.
    pty.keys(" ");
    let started = Instant::now();
    saved_timer(&file, running);
    std::thread::sleep(Duration::from_millis(1000));
    std::fs::write(&offset, "-10m").unwrap();
    std::thread::sleep(Duration::from_millis(1000));
    pty.keys(" ");
    let banked = saved_timer(&file, paused)["banked_ms"].as_i64().unwrap();
    let real = started.elapsed().as_millis() as i64;
    assert!(
        (1500..=real + 200).contains(&banked),
        "after the clock went back: banked {banked} ms of {real} ms"
    );

    // Forward twenty minutes, a second into the resumed round.
    pty.keys(" ");
    let resumed = Instant::now();
    saved_timer(&file, running);
    std::thread::sleep(Duration::from_millis(1000));
    std::fs::write(&offset, "+20m").unwrap();
    std::thread::sleep(Duration::from_millis(1000));
    pty.keys(" ");
    let total = saved_timer(&file, |t| {
        paused(t) && t["banked_ms"].as_i64().is_some_and(|b| b > banked)
    })["banked_ms"]
        .as_i64()
        .unwrap();
    let real = resumed.elapsed().as_millis() as i64;
    assert!(
        (banked + 1500..=banked + real + 200).contains(&total),
        "after the clock went forward: banked {} ms more in {real} ms",
        total - banked
    );
    pty.keys("q");
}
