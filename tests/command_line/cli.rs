//! The command line, run as a trainer would: each subcommand and each bad input.

use crate::support;

use crate::support::session_id as sid;
use predicates::prelude::*;
use support::cli::{cmd, export_json, new_session};

#[test]
fn content_list_names_the_four_decks() {
    let dir = tempfile::tempdir().unwrap();
    cmd(dir.path())
        .args(["content", "list"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("practice")
                .and(predicate::str::contains("leadership"))
                .and(predicate::str::contains("erp"))
                .and(predicate::str::contains("integration"))
                .and(predicate::str::contains(
                    "Foundational, Engagement, Assessment",
                )),
        );
}

#[test]
fn content_show_and_role_filter() {
    let dir = tempfile::tempdir().unwrap();
    cmd(dir.path())
        .args(["content", "show", "leadership"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Supervisors:").and(predicate::str::contains("Directors:")),
        );
    cmd(dir.path())
        .args(["content", "show", "leadership", "--role", "managers"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Managers:").and(predicate::str::contains("Directors:").not()),
        );
    cmd(dir.path())
        .args(["content", "show", "nope"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no deck \"nope\""));
}

#[test]
fn content_check_reports_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("mine.md");
    std::fs::write(
        &deck,
        "# Mine\nsource: our handout\n## One\n1. A behavior\n   a. item\n## Two\nc. stray\n",
    )
    .unwrap();
    cmd(dir.path())
        .args(["content", "check"])
        .arg(&deck)
        .assert()
        .failure()
        .stdout(predicate::str::contains("mine.md:7"));
    let good = dir.path().join("good.md");
    std::fs::write(
        &good,
        "# Good\nsource: our handout\n## One\n1. A behavior\n",
    )
    .unwrap();
    cmd(dir.path())
        .args(["content", "check"])
        .arg(&good)
        .assert()
        .success();
}

#[test]
fn new_add_list_export_round_trip_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(
        store,
        &[
            "--name",
            "Tuesday cohort",
            "--groups",
            "4",
            "--mode",
            "rotation",
            "--brainstorm",
            "90s",
            "--share",
            "2:30",
        ],
    );
    assert!(!id.is_empty());
    cmd(store)
        .args([
            "add",
            &id,
            "--group",
            "2",
            "--category",
            "engagement",
            "--prompt",
            "already",
        ])
        .arg("We ask the family who they want at the table 😀 家族")
        .assert()
        .success()
        .stdout(predicate::str::contains("Saved 1 note"));
    cmd(store)
        .args(["add", "tues", "--group", "1", "--prompt", "enhance"])
        .arg("Clear \u{1b}[2Jscreen\u{1b}]52;c;ZXZpbA==\u{7} attempt")
        .assert()
        .success();
    cmd(store)
        .args(["list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Tuesday cohort").and(predicate::str::contains(&id)));
    let json = export_json(store, &id);
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["durations"]["brainstorm"], 90);
    assert_eq!(json["durations"]["share"], 150);
    let notes = json["notes"].as_array().unwrap();
    assert_eq!(
        notes[0]["text"],
        "We ask the family who they want at the table 😀 家族"
    );
    assert_eq!(notes[0]["category"], "Engagement");
    assert_eq!(notes[0]["group"], 2);
    assert_eq!(notes[1]["text"], "Clear screen attempt");
    // Group 1 at the first step of a rotation works the first category.
    assert_eq!(notes[1]["category"], "Foundational");
    assert_eq!(notes[1]["prompt"], "enhance");
}

#[test]
fn add_from_stdin_saves_a_thousand_lines() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store, &["--name", "Bulk"]);
    let mut input = String::new();
    for i in 0..1000 {
        input.push_str(&format!("note {i} — café 😀 家族\n"));
    }
    input.push_str("\n   \n");
    cmd(store)
        .args([
            "add",
            &id,
            "--group",
            "3",
            "--category",
            "Teaming",
            "--prompt",
            "already",
            "-",
        ])
        .write_stdin(input)
        .assert()
        .success()
        .stdout(predicate::str::contains("Saved 1000 notes"));
    let json = export_json(store, &id);
    let notes = json["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 1000);
    assert_eq!(notes[999]["text"], "note 999 — café 😀 家族");
    assert!(
        notes
            .iter()
            .all(|n| n["group"] == 3 && n["category"] == "Teaming")
    );
}

#[test]
fn bad_input_gets_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    cmd(store)
        .args(["new", "--groups", "13"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("2 to 12"));
    cmd(store)
        .args(["new", "--brainstorm", "soon"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("is not a duration"));
    cmd(store)
        .args(["new", "--deck", "cooking"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no deck \"cooking\""));
    let id = new_session(store, &["--name", "Errors"]);
    cmd(store)
        .args(["add", &id, "--group", "9", "--prompt", "already", "x"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no group 9"));
    cmd(store)
        .args([
            "add",
            &id,
            "--group",
            "1",
            "--category",
            "Cooking",
            "--prompt",
            "already",
            "x",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no category \"Cooking\""));
    cmd(store)
        .args(["add", &id, "--group", "1", "--prompt", "later", "x"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("invalid value 'later'"));
    cmd(store)
        .args([
            "add",
            &id,
            "--group",
            "1",
            "--prompt",
            "already",
            "\u{1b}[2J",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("empty"));
    cmd(store)
        .args(["export", "nothing-like-this", "--format", "json"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("nothing-like-this"));
    // Nothing bad was saved along the way.
    assert_eq!(
        export_json(store, &id)["notes"].as_array().unwrap().len(),
        0
    );
}

#[test]
fn corrupt_session_is_moved_aside_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store, &["--name", "Fragile"]);
    let path = store.join(format!("{id}.json"));
    std::fs::write(&path, "{\"schema_version\": 1, \"id\": ").unwrap();
    cmd(store)
        .args(["export", &id, "--format", "json"])
        .assert()
        .failure()
        .stderr(
            predicate::str::contains(path.display().to_string())
                .and(predicate::str::contains("corrupt")),
        );
    let aside: Vec<_> = std::fs::read_dir(store)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "the broken file is kept beside the store");
    assert_eq!(
        std::fs::read_to_string(aside[0].path()).unwrap(),
        "{\"schema_version\": 1, \"id\": "
    );
}

#[test]
fn export_txt_to_a_file_and_scopes() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store, &["--name", "Handouts"]);
    for (g, text) in [("1", "First table note"), ("2", "Second table note")] {
        cmd(store)
            .args([
                "add",
                &id,
                "--group",
                g,
                "--category",
                "Assessment",
                "--prompt",
                "already",
                text,
            ])
            .assert()
            .success();
    }
    cmd(store)
        .args([
            "add",
            &id,
            "--group",
            "2",
            "--prompt",
            "commitment",
            "--initials",
            "JR",
            "Ask before I assume",
        ])
        .assert()
        .success();
    let out = dir.path().join("out/notes.txt");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    cmd(store)
        .args(["export", &id, "--format", "txt", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("Wrote"));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("Group 1") && text.contains("First table note"));
    assert!(text.contains("Ask before I assume (JR)"));
    assert!(text.lines().all(|l| l.chars().count() <= 80));
    cmd(store)
        .args(["export", &id, "--format", "txt", "--group", "2"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Second table note")
                .and(predicate::str::contains("First table note").not()),
        );
    cmd(store)
        .args(["export", &id, "--format", "txt", "--group", "7"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no group 7"));
}

#[test]
fn rename_duplicate_delete_restore() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store, &["--name", "Original", "--groups", "5"]);
    cmd(store)
        .args([
            "add",
            &id,
            "--group",
            "1",
            "--category",
            "Teaming",
            "--prompt",
            "already",
            "kept",
        ])
        .assert()
        .success();
    cmd(store)
        .args(["rename", &id, "Renamed"])
        .assert()
        .success();
    let copy = {
        let out = cmd(store)
            .args(["duplicate", "Renamed", "--name", "Next week"])
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone())
            .unwrap()
            .trim()
            .to_string()
    };
    let json = export_json(store, &copy);
    assert_eq!(json["name"], "Next week");
    assert_eq!(json["groups"].as_array().unwrap().len(), 5);
    assert_eq!(json["notes"].as_array().unwrap().len(), 0);
    cmd(store)
        .args(["delete", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains("trash"));
    cmd(store)
        .args(["list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Renamed").not());
    cmd(store)
        .args(["restore"])
        .assert()
        .success()
        .stdout(predicate::str::contains(&id));
    cmd(store).args(["restore", &id]).assert().success();
    assert_eq!(export_json(store, &id)["notes"][0]["text"], "kept");
}

#[test]
fn a_second_writer_is_told_who_holds_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let store_dir = dir.path();
    let id = new_session(store_dir, &["--name", "Busy"]);
    let store = cpm_workshop::store::Store::open(store_dir.to_path_buf()).unwrap();
    let _held = store.lock(&sid(&id)).unwrap();
    // A command that cannot be handed over is refused, naming the holder.
    cmd(store_dir)
        .args(["rename", &id, "Other"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(format!(
            "session \"Busy\" ({id}) is open in another cpm-workshop (process {})",
            std::process::id()
        )));
    // A note is handed to the holder; this one never answers, so it is withdrawn, and says so.
    cmd(store_dir)
        .args([
            "add",
            &id,
            "--group",
            "1",
            "--category",
            "Teaming",
            "--prompt",
            "already",
            "--wait",
            "0.5",
            "x",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains(format!(
            "from the cpm-workshop that has session {id} open (process {}), so the command was withdrawn and nothing was added",
            std::process::id()
        )));
    assert_eq!(export_json(store_dir, &id)["notes"], serde_json::json!([]));
}

#[test]
fn store_path_that_is_a_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    cmd(&file)
        .args(["list"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not-a-folder"));
}

#[test]
fn list_counts_snapshot_notes() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store, &["--activity", "snapshot", "--name", "Leaders"]);
    cmd(store)
        .args([
            "add",
            &id,
            "--dimension",
            "2",
            "--heading",
            "strengths",
            "Coaching circles",
        ])
        .assert()
        .success();
    let out = cmd(store).args(["list", "--json"]).assert().success();
    let rows: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(rows[0]["notes"], 1);
    assert_eq!(rows[0]["activity"], "snapshot");
}

/// Found by issue 11 (and since fixed): durations wrapped (`4611686018427387905:30` was stored
/// as 90 s), took signs (`+90`, `1:+5`, `1m+5s`), and `99999h` was "not a number". Each is
/// refused with the limit named, and nothing is created.
#[test]
fn durations_that_overflow_or_carry_signs_are_refused_with_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    for bad in ["4611686018427387905:30", "+90", "1:+5", "1m+5s", "99999h"] {
        cmd(store)
            .args(["new", "--brainstorm", bad])
            .assert()
            .failure()
            .stderr(
                predicate::str::contains("is not a duration")
                    .and(predicate::str::contains("60 minutes")),
            );
    }
    cmd(store)
        .args(["new", "--share", "99999h"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("longer than the limit"));
    cmd(store)
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("No sessions"));
}

/// Found by issue 11 (and since fixed): `new --name ""`, `rename ID "   "` and a name of only
/// escape codes left a session with an empty name. They are refused as the app refuses them,
/// and the session keeps its name.
#[test]
fn empty_blank_and_escape_only_names_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    for bad in ["", "   ", "\x1b]0;title\x07\x1b[2J", "\u{202e}\u{2028}"] {
        cmd(store)
            .args(["new", "--name", bad])
            .assert()
            .failure()
            .stderr(predicate::str::contains("needs a name"));
    }
    let id = new_session(store, &["--name", "Tuesday cohort"]);
    for bad in ["", "   ", "\x1b[31m\x1b[0m"] {
        cmd(store)
            .args(["rename", &id, bad])
            .assert()
            .failure()
            .stderr(predicate::str::contains("needs a name"));
        cmd(store)
            .args(["duplicate", &id, "--name", bad])
            .assert()
            .failure()
            .stderr(predicate::str::contains("needs a name"));
    }
    assert_eq!(export_json(store, &id)["name"], "Tuesday cohort");
    let listed = cmd(store).arg("list").assert().success();
    let listed = String::from_utf8_lossy(&listed.get_output().stdout).into_owned();
    assert_eq!(listed.lines().count(), 2, "one session only:\n{listed}");
}

/// Found by issue 11 (and since fixed): `list` showed each time in the offset its session was
/// made in, without saying so, so sessions from other time zones looked unsorted. Times are now
/// in the viewer's own offset. The viewer's zone is set with `TZ`, which only Unix reads
/// (Windows takes it from the system settings).
#[cfg(unix)]
#[test]
fn list_shows_times_in_the_viewers_offset() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let tokyo = new_session(store, &["--name", "Made in Tokyo"]);
    let file = store.join(format!("{tokyo}.json"));
    let mut session: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    session["updated"] = "2026-11-23T09:30:00+09:00".into();
    std::fs::write(&file, serde_json::to_vec(&session).unwrap()).unwrap();
    // POSIX TZ strings need no time-zone database: "UTC0" is UTC, "ABC-2" is two hours east.
    for (tz, shown) in [("UTC0", "2026-11-23 00:30"), ("ABC-2", "2026-11-23 02:30")] {
        let out = cmd(store).env("TZ", tz).arg("list").assert().success();
        let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        let row = stdout
            .lines()
            .find(|l| l.contains("Made in Tokyo"))
            .unwrap_or_else(|| panic!("no row:\n{stdout}"));
        assert!(row.contains(shown), "TZ={tz}: {row}");
    }
}

/// Found by issue 11 (and since fixed): a hand-edited `next_note_id` at `u64::MAX` wrapped and
/// duplicated note ids, absurd `banked_ms`/`length_ms` drew 18-digit timers, and `list` showed
/// a file that `export` then moved aside. Such files are refused on load with what was wrong,
/// and `list` and `export` agree.
#[test]
fn hand_edited_values_the_app_never_writes_are_refused_alike_by_list_and_export() {
    type Edit = fn(&mut serde_json::Value);
    let cases: [(Edit, &str); 7] = [
        (|s| s["next_note_id"] = u64::MAX.into(), "would wrap"),
        (
            |s| s["timer"]["banked_ms"] = 999_999_999_999_999_999i64.into(),
            "banked_ms",
        ),
        (
            |s| s["timer"]["length_ms"] = 999_999_999_999_999_999i64.into(),
            "length_ms",
        ),
        (
            |s| s["groups"][1]["number"] = 7.into(),
            "group 2 is numbered 7",
        ),
        (|s| s["notes"][0]["group"] = 9.into(), "group 9"),
        (
            |s| s["groups"][0]["number"] = 0.into(),
            "group 1 is numbered 0",
        ),
        (|s| s["categories"] = serde_json::json!([]), "no categories"),
    ];
    for (edit, why) in cases {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path();
        let id = new_session(store, &["--name", "Edited"]);
        cmd(store)
            .args(["add", &id, "--group", "1", "--prompt", "already", "A note"])
            .assert()
            .success();
        let file = store.join(format!("{id}.json"));
        let mut session: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
        edit(&mut session);
        std::fs::write(&file, serde_json::to_vec(&session).unwrap()).unwrap();

        let listed = cmd(store).arg("list").assert().success();
        let stdout = String::from_utf8_lossy(&listed.get_output().stdout).into_owned();
        let stderr = String::from_utf8_lossy(&listed.get_output().stderr).into_owned();
        assert!(
            !stdout.contains("Edited"),
            "{why}: listed as a session:\n{stdout}"
        );
        assert!(stderr.contains(why), "{why}: list says {stderr}");
        cmd(store)
            .args(["export", &id, "--format", "json"])
            .assert()
            .failure()
            .stderr(predicate::str::contains(why).and(predicate::str::contains("by hand")));
    }
}

/// Issue 18: a session file that cannot be read is moved aside with "the previous version …
/// can be restored", and now the command it names does restore it.
#[test]
fn restore_from_backup_brings_back_the_version_the_error_offers() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store, &["--name", "Backed up"]);
    for note in ["first note", "second note"] {
        cmd(store)
            .args(["add", &id, "--group", "1", "--prompt", "already", note])
            .assert()
            .success();
    }
    std::fs::write(store.join(format!("{id}.json")), "{ cut off").unwrap();
    let refused = cmd(store)
        .args(["export", &id, "--format", "json"])
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&refused.get_output().stderr).into_owned();
    let offered = format!("cpm-workshop restore --from-backup {id}");
    assert!(stderr.contains(&offered), "{stderr}");

    cmd(store)
        .args(["restore", "--from-backup", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains("from its backup"));
    let notes: Vec<String> = export_json(store, &id)["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(notes, ["first note"], "the version before the last save");
    // A live file is never overwritten by its backup.
    cmd(store)
        .args(["restore", "--from-backup", &id])
        .assert()
        .failure()
        .stderr(predicate::str::contains("already exists"));
}

/// Issue 18: `add` worked out a note's category itself and, on the commitment step, gave an
/// already-using note none ("needs a category") where the app's scribe input uses the first
/// category; both now ask `Session::placement`.
#[test]
fn add_between_rounds_puts_a_category_note_where_the_app_would() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store, &["--name", "Late note"]);
    let st = cpm_workshop::store::Store::open(store.to_path_buf()).unwrap();
    let mut s = st.load(&sid(&id)).unwrap();
    let commitment = s.plan().len() - 2;
    assert!(s.go_to(commitment, s.updated));
    st.save(&s).unwrap();
    cmd(store)
        .args([
            "add",
            &id,
            "--group",
            "2",
            "--prompt",
            "enhance",
            "late idea",
        ])
        .assert()
        .success();
    let s = st.load(&sid(&id)).unwrap();
    let note = &s.notes[0];
    assert_eq!(
        note.placement,
        s.placement(2, cpm_workshop::workshop::Prompt::Enhance)
    );
    assert_eq!(note.placement.category.as_ref(), s.categories.first());
}

/// A copy made without a name is "<name> (copy)", as in the app (one rule: `copy_name`).
#[test]
fn a_copy_without_a_name_is_named_after_its_original() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    new_session(store, &["--name", "Tuesday cohort"]);
    let out = cmd(store).args(["duplicate", "Tuesday"]).assert().success();
    let id = String::from_utf8_lossy(&out.get_output().stdout)
        .trim()
        .to_string();
    assert_eq!(export_json(store, &id)["name"], "Tuesday cohort (copy)");
}
