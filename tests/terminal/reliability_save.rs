//! The durable save's cost (issue 7): a save of an existing session makes exactly two syncs —
//! the new content before the rename, then the folder after it. It used to make three (a second
//! folder sync right after linking the backup), which cost a few milliseconds a save for nothing:
//! the live file never depends on the backup's name. Crash safety is proved by the `kill -9`
//! tests (`tests/domain/store.rs`, `tests/terminal/reliability_kill.rs`); this counts the syncs
//! with `strace` (a requirement: without it the test skips, or fails under `CPM_TEST_STRICT=1`).
#![cfg(target_os = "linux")]

use crate::support;

use std::path::Path;
use std::process::Command;
use support::cli::{BIN, command as cli, scrub};

/// The sync system calls `args` makes, or `None` if `strace` cannot be used here.
fn syncs_made_by(store: &Path, args: &[&str]) -> Option<Vec<String>> {
    let trace = store.join("strace.txt");
    let mut strace = Command::new("strace");
    scrub(&mut strace, store);
    let out = strace
        .args(["-f", "-qq", "-o"])
        .arg(&trace)
        .args(["-e", "trace=fsync,fdatasync,sync_file_range,syncfs,sync"])
        .arg(BIN)
        .args(args)
        .output()
        .ok()?;
    let text = std::fs::read_to_string(&trace).ok()?;
    let _ = std::fs::remove_file(&trace);
    if !out.status.success() {
        // strace itself refused (no ptrace here) or the command failed: say which.
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("ptrace") || stderr.contains("strace"),
            "{args:?} failed: {stderr}"
        );
        return None;
    }
    Some(
        text.lines()
            .filter(|l| l.contains("sync"))
            .map(str::to_owned)
            .collect(),
    )
}

#[test]
fn a_save_over_an_existing_session_syncs_twice() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let out = cli(store)
        .args(["new", "--name", "Synced"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let before = std::fs::read(store.join(format!("{id}.json"))).unwrap();
    let args = ["add", &id, "--group", "1", "--prompt", "already", "a note"];
    let Some(syncs) = support::require(
        syncs_made_by(store, &args),
        "strace is not installed or may not trace here (apt-get install strace)",
    ) else {
        return;
    };
    assert_eq!(
        syncs.len(),
        2,
        "one sync of the new content, one of the folder: {syncs:#?}"
    );
    // And the save did all it promises: the new content in place, the old kept as the backup,
    // no temporary file left.
    let after = std::fs::read_to_string(store.join(format!("{id}.json"))).unwrap();
    assert!(after.contains("a note"));
    assert_eq!(
        std::fs::read(store.join(format!("{id}.json.bak"))).unwrap(),
        before
    );
    support::store_files::assert_no_temp_files(store);
}
