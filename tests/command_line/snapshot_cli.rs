//! The Snapshot warm-up from the command line, for a co-trainer or a script: `new --activity
//! snapshot`, `vote`, `add --dimension --heading`, and the JSON export carrying all of it; plus
//! clear errors for the sticky-note form used on a Snapshot and the other way round.

use crate::support;

use crate::support::session_id as sid;
use predicates::prelude::*;
use std::path::Path;
use support::cli::{cmd, command, export_json as json, new_session};

fn new_snapshot(store: &Path) -> String {
    new_session(
        store,
        &["--activity", "snapshot", "--name", "Leadership team"],
    )
}

#[test]
fn votes_and_notes_from_the_command_line_land_in_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_snapshot(store);
    cmd(store).args(["list"]).assert().success().stdout(
        predicate::str::contains("snapshot").and(predicate::str::contains("Leadership team")),
    );
    cmd(store)
        .args(["vote", &id, "--dimension", "2", "--stage", "3", "--count", "4"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Recorded 4 votes for \"well underway\" on Workforce Development: 0 · 0 · 4 (4 votes in all).",
        ));
    cmd(store)
        .args(["vote", "Leadership", "--dimension", "2", "--stage", "1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1 · 0 · 4 (5 votes in all)"));
    cmd(store)
        .args([
            "add",
            &id,
            "--dimension",
            "2",
            "--heading",
            "opportunities",
            "Coaching time for supervisors 😀",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Workforce Development · Opportunities for Growth",
        ));
    cmd(store)
        .args([
            "add",
            &id,
            "--dimension",
            "4",
            "--heading",
            "feasibility",
            "-",
        ])
        .write_stdin("Partner turnover\n\nTribal liaison is part-time\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("Saved 2 notes"));

    let j = json(store, &id);
    let snap = &j["snapshot"];
    assert_eq!(
        snap["scale"],
        serde_json::json!(["just getting started", "making progress", "well underway"])
    );
    assert_eq!(
        snap["votes"],
        serde_json::json!([
            {"dimension": 1, "stage": 2, "count": 4},
            {"dimension": 1, "stage": 0, "count": 1}
        ])
    );
    let notes: Vec<(u64, &str, &str)> = snap["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["dimension"].as_u64().unwrap(),
                n["heading"].as_str().unwrap(),
                n["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        notes,
        [
            (1, "opportunities", "Coaching time for supervisors 😀"),
            (3, "feasibility", "Partner turnover"),
            (3, "feasibility", "Tribal liaison is part-time"),
        ]
    );
    assert_eq!(snap["dots_per_person"], 3);
    assert_eq!(snap["priority_count"], 3);
}

#[test]
fn wrong_numbers_and_wrong_forms_get_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_snapshot(store);
    cmd(store)
        .args(["vote", &id, "--dimension", "5", "--stage", "1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "there is no dimension 5; this Snapshot has dimensions 1 to 4",
        ));
    cmd(store)
        .args(["vote", &id, "--dimension", "1", "--stage", "4"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "there is no stage 4; the scale has stages 1 to 3: 1 just getting started, 2 making progress, 3 well underway",
        ));
    cmd(store)
        .args(["vote", &id, "--dimension", "0", "--stage", "1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("numbered from 1"));
    cmd(store)
        .args([
            "vote",
            &id,
            "--dimension",
            "1",
            "--stage",
            "1",
            "--count",
            "0",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("number of votes"));
    cmd(store)
        .args([
            "add",
            &id,
            "--dimension",
            "1",
            "--heading",
            "priorities",
            "x",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("invalid value 'priorities'"));
    cmd(store)
        .args(["add", &id, "--dimension", "1", "x"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--heading"));
    cmd(store)
        .args(["add", &id, "--group", "1", "--prompt", "already", "x"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "is a Snapshot warm-up: add notes with --dimension N --heading",
        ));
    cmd(store)
        .args([
            "add",
            &id,
            "--dimension",
            "1",
            "--heading",
            "strengths",
            "\u{1b}[2J",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("empty"));

    // The sticky-note form still works on a sticky-note session, and refuses the Snapshot form.
    let out = cmd(store)
        .args(["new", "--name", "Sticky"])
        .output()
        .unwrap();
    let sticky = String::from_utf8(out.stdout).unwrap().trim().to_string();
    cmd(store)
        .args(["add", &sticky, "--group", "1", "--prompt", "already", "x"])
        .assert()
        .success();
    cmd(store)
        .args([
            "add",
            &sticky,
            "--dimension",
            "1",
            "--heading",
            "strengths",
            "x",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "is a Sticky-note behaviors session",
        ));
    cmd(store)
        .args(["vote", &sticky, "--dimension", "1", "--stage", "1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not a Snapshot warm-up"));
}

/// Snapshot notes in the session file, if it can be read now.
fn snapshot_notes_on_disk(store: &Path, id: &str) -> Option<usize> {
    let bytes = std::fs::read(store.join(format!("{id}.json"))).ok()?;
    let session: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    Some(session["snapshot"]["notes"].as_array().map_or(0, Vec::len))
}

/// Found by issue 11 (and since fixed): `add … -` on a Snapshot read all of standard input
/// before saving, so a scribe's command killed after 3 lines had saved none. Each line is now on
/// disk before the next is awaited, as with sticky notes.
#[test]
fn streamed_snapshot_notes_are_each_saved_before_the_next_line() {
    use std::io::Write;
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_snapshot(store);
    let mut child = command(store)
        .args([
            "add",
            &id,
            "--dimension",
            "1",
            "--heading",
            "strengths",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for (i, line) in ["First strength", "Second", "Third"].iter().enumerate() {
        writeln!(stdin, "{line}").unwrap();
        stdin.flush().unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        while snapshot_notes_on_disk(store, &id) != Some(i + 1) {
            assert!(
                Instant::now() < deadline,
                "line {} not on disk while the command waits for more",
                i + 1
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(snapshot_notes_on_disk(store, &id), Some(3));
}

/// Found by issue 11 (and since fixed): one byte that is not UTF-8 refused the whole stream.
/// That line is now reported by number and every other line is saved.
#[test]
fn a_line_that_is_not_utf8_is_reported_and_the_rest_saved() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_snapshot(store);
    cmd(store)
        .args([
            "add",
            &id,
            "--dimension",
            "2",
            "--heading",
            "opportunities",
            "-",
        ])
        .write_stdin(b"Before\ncaf\xe9 in Latin-1\nAfter\n".to_vec())
        .assert()
        .failure()
        .stdout(predicate::str::contains("Saved 2 notes"))
        .stderr(
            predicate::str::contains("line 2: not saved").and(predicate::str::contains("UTF-8")),
        );
    let texts: Vec<String> = json(store, &id)["snapshot"]["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(texts, ["Before", "After"]);
}

/// Issue 18: `new --activity snapshot --groups 13` failed on a group count a Snapshot does not
/// have; the command line built its own Snapshot session instead of the app's. Now it makes the
/// same session the app would and says which options were not used.
#[test]
fn a_snapshot_made_on_the_command_line_ignores_sticky_options_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = cmd(dir.path())
        .args([
            "new",
            "--activity",
            "snapshot",
            "--groups",
            "13",
            "--mode",
            "rotation",
        ])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("--groups, --mode were not used"),
        "{stderr}"
    );
    let id = String::from_utf8_lossy(&out.get_output().stdout)
        .trim()
        .to_string();
    let store = cpm_workshop::store::Store::open(dir.path().to_path_buf()).unwrap();
    let made = store.load(&sid(&id)).unwrap();
    let library = cpm_workshop::content::Library::shipped();
    let spec = cpm_workshop::workshop::SnapshotState::session_spec(&made.name, &library.snapshot);
    let app_would = cpm_workshop::workshop::Session::new(sid(&id), spec, made.created).unwrap();
    assert_eq!(made, app_would);
    assert!(
        made.name.starts_with("Workshop "),
        "one default name: {}",
        made.name
    );
}
