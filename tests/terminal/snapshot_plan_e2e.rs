//! End to end: from the Snapshot's priorities into the planning pages in the real binary in a
//! pseudo-terminal — the horizon, what changes we want to see, an action step with who and by
//! when (a wrong date first), the monitoring date — then `kill -9` and reopen: the plan is kept.
#![cfg(unix)]

use crate::support;

use std::time::Duration;
use support::priorities::{plan_json, save_snapshot_with_priorities};
use support::pty::{Key, Pty};
use time::OffsetDateTime;

const WAIT: Duration = Duration::from_secs(10);
/// The page the saved session is left on.
const PRIORITIES_PAGE: cpm_workshop::workshop::snapshot::SnapshotPage =
    cpm_workshop::workshop::snapshot::SnapshotPage::Priorities;

#[test]
fn planning_after_the_priorities_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = save_snapshot_with_priorities(store, PRIORITIES_PAGE);
    let year = OffsetDateTime::now_utc().year() + 1;
    let by = format!("{year}-03-31");
    let monitor = format!("{year}-06-30");

    let mut pty = Pty::home(store, WAIT);
    pty.key(Key::Enter);
    pty.wait_for("The top 3 by dots", WAIT).unwrap();

    // The horizon.
    pty.keys("n");
    pty.wait_for("What is our timeframe? · plan step 1 of 5", WAIT)
        .unwrap();
    pty.key(Key::Enter);
    pty.wait_for("Enter save · Esc cancel", WAIT).unwrap();
    pty.keys("12 months");
    pty.key(Key::Enter);
    pty.wait_for("Saved the planning horizon", WAIT).unwrap();

    // What changes we want to see, for priority 1.
    pty.keys("n");
    pty.wait_for("What changes do we want to see? · plan step 2 of 5", WAIT)
        .unwrap();
    pty.key(Key::Enter);
    pty.keys("Supervisors coach every week");
    pty.key(Key::Enter);
    pty.wait_for("Saved what changes we want to see", WAIT)
        .unwrap();

    // An action step for priority 2: a date that is not one, then the right one.
    pty.keys("n");
    pty.wait_for("What action steps need to be taken? · plan step 3", WAIT)
        .unwrap();
    pty.key(Key::Down);
    pty.key(Key::Enter);
    pty.wait_for("→ priority 2", WAIT).unwrap();
    pty.keys("Ask IT for a monthly report");
    pty.key(Key::Tab);
    pty.keys("Data analyst");
    pty.key(Key::Tab);
    pty.keys(&format!("{year}-02-30"));
    pty.key(Key::Enter);
    pty.wait_for("is not a date: February", WAIT).unwrap();
    pty.key(Key::Ctrl('u'));
    pty.keys(&by);
    pty.key(Key::Enter);
    pty.wait_for(&format!("by when: {by}"), WAIT).unwrap();

    // The monitoring date for priority 1; once saved, the process is killed.
    pty.keys("n");
    pty.wait_for("What is the target date for monitoring progress?", WAIT)
        .unwrap();
    pty.key(Key::Enter);
    pty.keys(&monitor);
    pty.key(Key::Enter);
    pty.wait_for("Saved the target date", WAIT).unwrap();
    pty.wait_for("saved ✓", WAIT).unwrap();
    pty.kill9();

    let plan = plan_json(store, &id);
    assert_eq!(plan["horizon"], "12 months");
    let first = &plan["priorities"][0];
    assert_eq!(first["success"], "Supervisors coach every week");
    assert_eq!(first["monitor"], monitor.as_str());
    let second = &plan["priorities"][1];
    assert_eq!(second["actions"][0]["text"], "Ask IT for a monthly report");
    assert_eq!(second["actions"][0]["who"], "Data analyst");
    assert_eq!(second["actions"][0]["by"], by.as_str());

    // Reopened: back on the monitoring page with the plan on screen.
    let mut pty = Pty::home(store, WAIT);
    pty.key(Key::Enter);
    pty.wait_for("What is the target date for monitoring progress?", WAIT)
        .unwrap();
    pty.wait_for(&monitor, WAIT).unwrap();
    pty.keys("p");
    pty.wait_for("Ask IT for a monthly report · who: Data analyst", WAIT)
        .unwrap();
    pty.keys("q");
    assert_eq!(pty.wait_exit(WAIT), Some(0));
}
