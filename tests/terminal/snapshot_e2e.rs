//! End to end: the Snapshot warm-up in the real binary in a pseudo-terminal, driven by keys as a
//! facilitator would — create it from the set-up form, vote on every dimension, type notes under
//! each heading, dot-vote, see the priorities on the summary, quit, reopen, `kill -9`, reopen.
#![cfg(unix)]

use crate::support;

use std::path::Path;
use std::time::Duration;
use support::pty::{Key, Pty};

const WAIT: Duration = Duration::from_secs(10);

fn app(store: &Path) -> Pty {
    Pty::home(store, WAIT)
}

fn session_json(store: &Path) -> serde_json::Value {
    let list: serde_json::Value =
        serde_json::from_str(&support::cli::run_ok(store, &["list", "--json"])).unwrap();
    support::cli::export_json(store, list[0]["id"].as_str().unwrap())
}

/// Notes typed with `a`, `Tab` moving through the headings from Strengths.
fn type_notes(pty: &mut Pty, notes: &[(usize, &str)]) {
    pty.keys("a");
    pty.wait_for("New note →", WAIT).unwrap();
    let mut heading = 0;
    for (i, (h, text)) in notes.iter().enumerate() {
        while heading != *h {
            pty.key(Key::Tab);
            heading = (heading + 1) % 3;
        }
        pty.keys(text);
        pty.key(Key::Enter);
        pty.wait_for(&format!("{} saved", i + 1), WAIT).unwrap();
    }
    pty.key(Key::Esc);
}

#[test]
fn a_warm_up_from_set_up_to_priorities_survives_quit_and_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let mut pty = app(store);

    // Home → set-up, on the Activity field → Snapshot → start.
    pty.key(Key::Enter);
    pty.wait_for("New workshop: set-up", WAIT).unwrap();
    pty.key(Key::Right);
    pty.wait_for("Snapshot preview", WAIT).unwrap();
    pty.key(Key::Enter);
    pty.wait_for("page 1 of 18", WAIT).unwrap();
    pty.wait_for("Where Are We Now?", WAIT).unwrap();

    // Each dimension: its page (the Implementation Planning Guide's words, facilitation prompts), then the tally.
    let hands = ["1222", "1123", "33", "2"];
    let expected = [
        "3 votes · 75%",
        "2 votes · 50%",
        "2 votes · 100%",
        "1 vote · 100%",
    ];
    for (d, (keys, shows)) in hands.iter().zip(expected).enumerate() {
        pty.keys("n");
        pty.wait_for(&format!("Dimension {} of 4", d + 1), WAIT)
            .unwrap();
        pty.wait_for("Facilitation prompts", WAIT).unwrap();
        pty.keys("n");
        pty.wait_for("Where are we now? · Dimension", WAIT).unwrap();
        pty.keys(keys);
        pty.wait_for(shows, WAIT).unwrap();
    }
    // u takes the last hand back on this dimension; 2 puts it back.
    pty.keys("u");
    pty.wait_for("Took back a vote", WAIT).unwrap();
    pty.keys("2");
    pty.wait_for("1 vote · 100%", WAIT).unwrap();

    // Notes under each heading, for this dimension (Strengthening Partnerships…).
    type_notes(
        &mut pty,
        &[
            (0, "Partners already sit on our CFT"),
            (1, "Bring youth voice into planning"),
            (1, "Shared data with probation"),
            (2, "Staff turnover at partner agencies"),
        ],
    );

    // Analysis: a column per heading.
    pty.keys("n");
    pty.wait_for("Scoring and Analysis", WAIT).unwrap();
    pty.wait_for("Feasibility Considerations (1)", WAIT)
        .unwrap();

    // Dot voting: 3 dots on the first opportunity, 2 on the second.
    pty.keys("n");
    pty.wait_for("Dot voting", WAIT).unwrap();
    pty.keys("+++");
    pty.wait_for("3 dots on", WAIT).unwrap();
    pty.key(Key::Down);
    pty.keys("++");
    pty.wait_for("2 dots on", WAIT).unwrap();

    // The priorities follow the dots; past the five planning pages the summary shows them.
    pty.keys("n");
    pty.wait_for("The top 3 by dots", WAIT).unwrap();
    pty.keys("nnnnnn");
    pty.wait_for("page 18 of 18", WAIT).unwrap();
    pty.wait_for("1. Bring youth voice into planning", WAIT)
        .unwrap();
    pty.wait_for("2. Shared data with probation", WAIT).unwrap();
    pty.wait_for("saved ✓", WAIT).unwrap();
    pty.keys("q");
    assert_eq!(pty.wait_exit(WAIT), Some(0));

    let json = session_json(store);
    assert_eq!(json["activity"], "snapshot");
    let snap = &json["snapshot"];
    // The page is saved as what it is, not as its place in the list (issue 18).
    assert_eq!(snap["page"], "summary");
    let tally = |d: u64| -> Vec<u64> {
        let mut counts = vec![0; 3];
        for v in snap["votes"].as_array().unwrap() {
            if v["dimension"] == d {
                counts[v["stage"].as_u64().unwrap() as usize] += v["count"].as_u64().unwrap();
            }
        }
        counts
    };
    assert_eq!(tally(0), [1, 3, 0]);
    assert_eq!(tally(1), [2, 1, 1]);
    assert_eq!(tally(2), [0, 0, 2]);
    assert_eq!(tally(3), [0, 1, 0]);
    let notes = snap["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 4);
    assert!(notes.iter().all(|n| n["dimension"] == 3));
    let dots: Vec<u64> = notes
        .iter()
        .map(|n| n["dots"].as_u64().unwrap_or(0))
        .collect();
    assert_eq!(dots, [0, 3, 2, 0]);

    // Reopen: the session is on the home screen and opens where it was left.
    let mut pty = app(store);
    pty.wait_for("Snapshot warm-up", WAIT).unwrap();
    pty.key(Key::Enter);
    pty.wait_for("page 18 of 18", WAIT).unwrap();
    pty.wait_for("1. Bring youth voice into planning", WAIT)
        .unwrap();

    // A change, then kill -9 once it is saved: nothing is lost.
    pty.keys("ppppppp");
    pty.wait_for("Dot voting", WAIT).unwrap();
    pty.keys("+");
    pty.wait_for("4 dots on", WAIT).unwrap();
    pty.wait_for("saved ✓", WAIT).unwrap();
    pty.kill9();

    let json = session_json(store);
    assert_eq!(json["snapshot"]["page"], "dots");
    assert_eq!(json["snapshot"]["notes"][1]["dots"], 4);

    let mut pty = app(store);
    pty.key(Key::Enter);
    pty.wait_for("Dot voting", WAIT).unwrap();
    pty.wait_for("4 ●●●●", WAIT).unwrap();
    pty.keys("p");
    pty.wait_for("Scoring and Analysis", WAIT).unwrap();
    for _ in 0..2 {
        pty.keys("p");
    }
    pty.wait_for("Dimension 4 of 4", WAIT).unwrap();
    pty.keys("q");
    assert_eq!(pty.wait_exit(WAIT), Some(0));
}
