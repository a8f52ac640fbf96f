//! Files the app writes on the trainer's behalf (issue 11), with the real binary in a
//! pseudo-terminal: exports of two sessions never overwrite each other, a name of any length
//! and script fits, the status line says when this session's earlier export was replaced, and
//! Shift-D drops a session's deleted notes for good (the backup copy too).
#![cfg(unix)]

use crate::support;

use std::path::{Path, PathBuf};
use std::time::Duration;
use support::cli::{run_ok as cli, session_with_note};
use support::pty::{Key, Pty};

const WAIT: Duration = Duration::from_secs(15);

/// Opens session `id` in the app.
fn open(store: &Path, id: &str) -> Pty {
    let store = store.to_str().unwrap();
    let exports = format!("{store}/exports");
    let pty = Pty::spawn(
        &["open", id],
        &[
            ("CPM_WORKSHOP_STORE", store),
            ("CPM_WORKSHOP_EXPORTS", &exports),
        ],
        120,
        36,
    );
    pty.wait_for("Foundational (1 of 6)", WAIT).unwrap();
    pty
}

/// Exports the whole room as HTML (the menu's first line) and waits for the status line.
fn export_room(pty: &mut Pty) -> String {
    pty.keys("x");
    pty.wait_for("Whole room, printable HTML", WAIT).unwrap();
    pty.key(Key::Enter);
    pty.wait_for("Wrote ", WAIT).unwrap();
    let screen = pty.screen();
    pty.keys("q");
    assert_eq!(pty.wait_exit(WAIT), Some(0));
    screen
}

fn exports(store: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(store.join("exports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn two_sessions_with_alike_names_never_share_an_export() {
    // Before: both wrote tuesday-cohort-room.html, the second over the first.
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let morning = session_with_note(store, "Tuesday cohort", "morning note");
    let afternoon = session_with_note(store, "tuesday-cohort", "afternoon note");
    let first = export_room(&mut open(store, &morning));
    assert!(!first.contains("replaced"), "{first}");
    export_room(&mut open(store, &afternoon));
    let files = exports(store);
    assert_eq!(files.len(), 2, "{files:?}");
    let texts: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    assert!(texts.iter().any(|t| t.contains("morning note")));
    assert!(texts.iter().any(|t| t.contains("afternoon note")));
    // Exporting the morning session again replaces its own file, and says so.
    let again = export_room(&mut open(store, &morning));
    assert!(
        again.contains("replaced this session's earlier export"),
        "{again}"
    );
    assert_eq!(exports(store).len(), 2);
}

#[test]
fn an_82_character_japanese_name_exports() {
    // Before: "File name too long" (246 bytes of name plus the suffix).
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let name = "児童福祉".repeat(20) + "研修";
    let id = session_with_note(store, &name, "note");
    let screen = export_room(&mut open(store, &id));
    assert!(!screen.contains("Export failed"), "{screen}");
    let files = exports(store);
    assert_eq!(files.len(), 1, "{files:?}");
    let file_name = files[0].file_name().unwrap().to_str().unwrap().to_string();
    assert!(file_name.len() <= 140, "{file_name}");
    assert!(
        file_name.starts_with("児童福祉") && file_name.contains(&id),
        "{file_name}"
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&files[0]), 0o600);
    assert_eq!(mode(&store.join("exports")), 0o700);
}

#[test]
fn shift_d_drops_deleted_notes_and_the_backup_that_holds_them() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = session_with_note(store, "Tuesday", "a secret note");
    cli(
        store,
        &["add", &id, "--group", "1", "--prompt", "already", "kept"],
    );
    let mut pty = open(store, &id);
    pty.keys("b");
    pty.wait_for("a secret note", WAIT).unwrap();
    pty.keys("d");
    pty.wait_for("Note deleted", WAIT).unwrap();
    pty.wait_for("saved ✓", WAIT).unwrap();
    let file = store.join(format!("{id}.json"));
    let bak = store.join(format!("{id}.json.bak"));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("a secret note"),
        "in the trash"
    );
    pty.keys("D");
    pty.wait_for("Drop this session's 1 deleted note for good?", WAIT)
        .unwrap();
    pty.keys("y");
    pty.wait_for("Dropped 1 deleted note for good", WAIT)
        .unwrap();
    pty.wait_for("saved ✓", WAIT).unwrap();
    pty.keys("q");
    assert_eq!(pty.wait_exit(WAIT), Some(0));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        !text.contains("a secret note") && text.contains("kept"),
        "{text}"
    );
    if bak.exists() {
        let backup = std::fs::read_to_string(&bak).unwrap();
        assert!(!backup.contains("a secret note"), "{backup}");
    }
}
