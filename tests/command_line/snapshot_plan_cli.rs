//! `cpm-workshop plan` exactly as the issue spells it: the horizon, and for a priority its
//! success, action steps (who, by when), monitoring date and support; clear refusals for a date
//! that is not one, a priority that does not exist and a session that is not a Snapshot.

use crate::support;
use cpm_workshop::workshop::snapshot::SnapshotPage;
use predicates::prelude::*;
use std::path::Path;
use support::cli::{cmd, run_ok};
use support::priorities::{plan_json, save_snapshot_with_priorities};
use time::OffsetDateTime;

/// A date a year or two ahead of whenever the test runs, so "before today" never bites.
fn ahead(years: i32, month_day: &str) -> String {
    let year = OffsetDateTime::now_utc().year() + years;
    format!("{year}-{month_day}")
}

/// Runs `args`, which must fail saying `message` on standard error.
fn fails_with(store: &Path, args: &[&str], message: &str) {
    cmd(store)
        .args(args)
        .assert()
        .failure()
        .stderr(predicate::str::contains(message));
}

#[test]
fn each_form_of_plan_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = save_snapshot_with_priorities(store, SnapshotPage::Intro);
    let by = ahead(1, "02-26");
    let monitor = ahead(1, "06-30");
    assert_eq!(
        run_ok(store, &["plan", &id, "--horizon", "12 months"]),
        "Recorded: What is our timeframe? “12 months”"
    );
    assert_eq!(
        run_ok(
            store,
            &[
                "plan",
                &id,
                "--priority",
                "1",
                "--success",
                "Supervisors coach weekly"
            ]
        ),
        "Recorded for priority 1 “Coaching time for supervisors”: What changes do we want to see? “Supervisors coach weekly”"
    );
    assert_eq!(
        run_ok(
            store,
            &[
                "plan",
                &id,
                "--priority",
                "1",
                "--action",
                "Protect two hours",
                "--who",
                "Deputy director",
                "--by",
                &by
            ]
        ),
        format!(
            "Recorded for priority 1 “Coaching time for supervisors”: What action steps need to be taken? “Protect two hours”, Deputy director, by {by}"
        )
    );
    run_ok(
        store,
        &[
            "plan",
            "Leadership",
            "--priority",
            "2",
            "--action",
            "Ask IT",
        ],
    );
    run_ok(
        store,
        &["plan", &id, "--priority", "2", "--monitor", &monitor],
    );
    run_ok(
        store,
        &["plan", &id, "--priority", "2", "--support", "Analyst time"],
    );

    let plan = plan_json(store, &id);
    assert_eq!(plan["horizon"], "12 months");
    let first = &plan["priorities"][0];
    assert_eq!(first["success"], "Supervisors coach weekly");
    assert_eq!(first["actions"][0]["who"], "Deputy director");
    assert_eq!(first["actions"][0]["by"], by.as_str());
    let second = &plan["priorities"][1];
    assert_eq!(second["actions"][0]["text"], "Ask IT");
    assert!(second["actions"][0].get("who").is_none());
    assert_eq!(second["monitor"], monitor.as_str());
    assert_eq!(second["support"], "Analyst time");

    let txt = run_ok(store, &["export", &id, "--format", "txt"]);
    assert!(
        txt.contains("Responsible leader or team: Deputy director"),
        "{txt}"
    );
}

#[test]
fn a_date_that_is_not_one_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = save_snapshot_with_priorities(store, SnapshotPage::Intro);
    fails_with(
        store,
        &[
            "plan",
            &id,
            "--priority",
            "1",
            "--action",
            "X",
            "--by",
            "2027-02-30",
        ],
        "--by: “2027-02-30” is not a date: February 2027 has 28 days",
    );
    fails_with(
        store,
        &["plan", &id, "--priority", "1", "--monitor", "30/06/2027"],
        "--monitor: “30/06/2027” is not a date: write it as YYYY-MM-DD, e.g. 2027-06-30",
    );
    fails_with(
        store,
        &["plan", &id, "--priority", "1", "--monitor", "2001-01-01"],
        "2001-01-01 is before today",
    );
    assert!(plan_json(store, &id).is_null(), "nothing was planned");
}

#[test]
fn a_priority_out_of_range_names_the_ones_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = save_snapshot_with_priorities(store, SnapshotPage::Intro);
    for n in ["3", "0"] {
        fails_with(
            store,
            &["plan", &id, "--priority", n, "--success", "x"],
            &format!("there is no priority {n}; this Snapshot has priorities 1 to 2"),
        );
    }
    // A Snapshot before its dot vote has no priorities to plan for yet.
    let fresh = run_ok(store, &["new", "--activity", "snapshot", "--name", "Fresh"]);
    fails_with(
        store,
        &["plan", &fresh, "--priority", "1", "--support", "x"],
        "there are no priorities to plan for yet",
    );
    // The horizon needs no priority.
    run_ok(store, &["plan", &fresh, "--horizon", "18 months"]);
}

#[test]
fn only_a_snapshot_has_a_plan_and_the_options_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let sticky = run_ok(store, &["new", "--name", "Practice day"]);
    fails_with(
        store,
        &["plan", &sticky, "--horizon", "12 months"],
        "\"Practice day\" is a Sticky-note behaviors session, not a Snapshot warm-up: only a Snapshot continues into a plan",
    );
    let id = save_snapshot_with_priorities(store, SnapshotPage::Intro);
    // One decision per call; --who and --by belong to --action; a priority's decision needs it.
    for args in [
        vec!["plan", &id],
        vec![
            "plan",
            &id,
            "--priority",
            "1",
            "--success",
            "a",
            "--support",
            "b",
        ],
        vec!["plan", &id, "--success", "a"],
        vec!["plan", &id, "--horizon", "a", "--priority", "1"],
    ] {
        cmd(store).args(&args).assert().failure().code(2);
    }
    fails_with(
        store,
        &[
            "plan",
            &id,
            "--priority",
            "1",
            "--success",
            "a",
            "--who",
            "me",
        ],
        "--who and --by describe an action step: give them with --action TEXT",
    );
    fails_with(
        store,
        &["plan", &id, "--priority", "1", "--success", " \u{1b}[2J "],
        "the change we want to see is empty once spaces and control characters are removed",
    );
}
