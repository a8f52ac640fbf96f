//! Text that crosses to and from Windows tools (README, "Exports on Windows").
//!
//! Exports: CSV for Excel has CRLF between records and a line break inside a cell stays inside
//! its quotes; `--bom` starts the file with a UTF-8 byte-order mark so Excel reads accents; text
//! is UTF-8 without a BOM and LF-only, which Notepad opens cleanly since Windows 10 (1809). The
//! same bytes on every platform, so an export made on a Mac opens the same on a Windows laptop.
//! Input: notes piped in from a file Notepad or PowerShell wrote (BOM, CRLF) come out clean.

use crate::support;

use std::path::Path;
use support::cli::{cmd, session_with_note};

const NOTE: &str = "Équipe: \"first\" line\nsecond line, with a comma";

fn session_with_a_two_line_note(store: &Path) -> String {
    session_with_note(store, "Line ends", NOTE)
}

fn export(store: &Path, id: &str, args: &[&str]) -> Vec<u8> {
    let out = cmd(store)
        .args(["export", id])
        .args(args)
        .assert()
        .success();
    out.get_output().stdout.clone()
}

/// Splits CSV bytes into records at line breaks outside quotes, keeping each record's ending.
fn records(csv: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (i, c) in csv.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => {
                out.push(&csv[start..=i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    assert_eq!(start, csv.len(), "the CSV ends inside a record: {csv:?}");
    out
}

#[test]
fn csv_records_end_in_crlf_and_a_note_keeps_its_line_break_inside_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let id = session_with_a_two_line_note(dir.path());
    let csv = String::from_utf8(export(dir.path(), &id, &["--format", "csv"])).unwrap();
    assert!(!csv.starts_with('\u{feff}'), "a BOM only when asked for");
    let rows = records(&csv);
    assert_eq!(rows.len(), 2, "a header and one note: {csv:?}");
    for row in &rows {
        assert!(row.ends_with("\r\n"), "{row:?}");
        assert_eq!(row.matches('\r').count(), 1, "no stray CR: {row:?}");
    }
    assert!(
        rows[1].contains("\"Équipe: \"\"first\"\" line\nsecond line, with a comma\""),
        "{:?}",
        rows[1]
    );
}

#[test]
fn csv_for_excel_starts_with_a_utf8_bom_and_is_otherwise_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let id = session_with_a_two_line_note(dir.path());
    let plain = export(dir.path(), &id, &["--format", "csv"]);
    let excel = export(dir.path(), &id, &["--format", "csv", "--bom"]);
    assert_eq!(&excel[..3], b"\xEF\xBB\xBF");
    assert_eq!(&excel[3..], &plain[..]);
}

#[test]
fn txt_is_utf8_without_bom_with_lf_line_ends_only() {
    let dir = tempfile::tempdir().unwrap();
    let id = session_with_a_two_line_note(dir.path());
    let bytes = export(dir.path(), &id, &["--format", "txt"]);
    let txt = String::from_utf8(bytes).expect("UTF-8");
    assert!(!txt.starts_with('\u{feff}'));
    assert!(!txt.contains('\r'), "CR in the text export: {txt:?}");
    assert!(txt.ends_with('\n'));
    assert!(txt.contains("Équipe"), "{txt}");
}

#[test]
fn an_export_written_to_a_file_has_the_same_bytes_as_printed() {
    let dir = tempfile::tempdir().unwrap();
    let id = session_with_a_two_line_note(dir.path());
    for format in ["csv", "txt"] {
        let printed = export(dir.path(), &id, &["--format", format]);
        let file = dir.path().join(format!("out.{format}"));
        cmd(dir.path())
            .args(["export", &id, "--format", format, "-o"])
            .arg(&file)
            .assert()
            .success();
        assert_eq!(std::fs::read(&file).unwrap(), printed, "{format}");
    }
}

#[test]
fn notes_piped_from_a_windows_file_lose_its_bom_and_crs() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = session_with_a_two_line_note(store);
    cmd(store)
        .args(["add", &id, "--group", "2", "--prompt", "enhance", "-"])
        .write_stdin("\u{feff}first\r\nsecond\r\n")
        .assert()
        .success();
    let out = cmd(store)
        .args(["export", &id, "--format", "json"])
        .assert()
        .success();
    let session: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let texts: Vec<&str> = session["notes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["group"] == 2)
        .map(|n| n["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["first", "second"]);

    let snap = String::from_utf8(
        cmd(store)
            .args(["new", "--activity", "snapshot"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    let snap = snap.trim();
    cmd(store)
        .args([
            "add",
            snap,
            "--dimension",
            "1",
            "--heading",
            "strengths",
            "-",
        ])
        .write_stdin("\u{feff}strong start\r\n")
        .assert()
        .success();
    let out = cmd(store)
        .args(["export", snap, "--format", "json"])
        .assert()
        .success();
    let session: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(session["snapshot"]["notes"][0]["text"], "strong start");
}
