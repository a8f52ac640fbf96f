//! Private by default (issue 11): under the usual umask 022 the store folder is 0700 and every
//! file the app writes 0600 (session, backup, lock, listing cache, trash, exports), a save
//! keeps it that way, and `purge` removes a session and every copy of its notes for good —
//! asking first on a terminal, refusing without `--yes` anywhere else.
#![cfg(unix)]

use crate::support;

use crate::support::session_id as sid;
use predicates::prelude::*;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;
use support::cli::{BIN, scrub, stdout_ok};
use support::pty::Pty;

/// The binary under the usual umask 022 (set by a shell, whatever this process's umask is).
fn cmd(store: &Path) -> assert_cmd::Command {
    let mut c = std::process::Command::new("sh");
    c.args(["-c", "umask 022 && exec \"$0\" \"$@\"", BIN]);
    scrub(&mut c, store);
    assert_cmd::Command::from_std(c)
}

/// A new session named `name`, made under umask 022; returns its id.
fn new_session(store: &Path, name: &str) -> String {
    stdout_ok(cmd(store).args(["new", "--name", name]))
}

fn add(store: &Path, id: &str, text: &str) {
    cmd(store)
        .args(["add", id, "--group", "1", "--prompt", "already", text])
        .assert()
        .success();
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Every file and folder under `dir`, the folder itself first.
fn everything(dir: &Path) -> Vec<PathBuf> {
    let mut found = vec![dir.to_path_buf()];
    let mut i = 0;
    while i < found.len() {
        if found[i].is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(&found[i])
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            inside.sort();
            found.extend(inside);
        }
        i += 1;
    }
    found
}

#[test]
fn the_store_and_every_file_in_it_are_private_under_umask_022() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("deep/store");
    let id = new_session(&store, "Tuesday cohort");
    add(&store, &id, "first");
    add(&store, &id, "second"); // a .bak
    let gone = new_session(&store, "Gone");
    add(&store, &gone, "x");
    cmd(&store).args(["delete", &gone]).assert().success(); // the trash
    cmd(&store).arg("list").assert().success(); // the listing cache (if settled)
    let exported = dir.path().join("room.txt");
    cmd(&store)
        .args(["export", &id, "--format", "txt", "-o"])
        .arg(&exported)
        .assert()
        .success();
    assert_eq!(mode(&exported), 0o600, "a new export");
    let all = everything(&store);
    assert!(all.len() >= 7, "{all:?}");
    for path in all {
        let want = if path.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode(&path), want, "{}", path.display());
    }
    assert_eq!(
        mode(&dir.path().join("deep")),
        0o700,
        "a parent the app made"
    );
}

#[test]
fn a_chmod_600_survives_saves() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let id = new_session(&store, "Tuesday");
    let file = store.join(format!("{id}.json"));
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    add(&store, &id, "after the chmod");
    add(&store, &id, "and again");
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(&store.join(format!("{id}.json.bak"))), 0o600);
}

#[test]
fn purge_removes_the_session_and_every_copy_of_its_notes() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let id = new_session(&store, "Tuesday");
    add(&store, &id, "secret one");
    add(&store, &id, "secret two");
    cmd(&store).args(["delete", &id]).assert().success();
    cmd(&store).args(["restore", &id]).assert().success();
    cmd(&store).args(["delete", &id]).assert().success();
    // Live again under the same id (a copy put back by hand), so there are copies everywhere.
    let trashed: Vec<PathBuf> = everything(&store.join("trash"))[1..].to_vec();
    let copy = trashed
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    std::fs::copy(copy, store.join(format!("{id}.json"))).unwrap();
    add(&store, &id, "secret three");
    std::fs::write(store.join(format!(".{id}.json.tmp-1-0")), "secret").unwrap();
    let keep = new_session(&store, "Other");
    add(&store, &keep, "kept");

    cmd(&store)
        .args(["purge", "Tuesday", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Removed session"));
    for path in everything(&store) {
        if path.is_file() {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                !text.contains("secret"),
                "{} still holds notes",
                path.display()
            );
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(!name.contains(&id), "{name} was left");
        }
    }
    cmd(&store)
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("Other").and(predicate::str::contains("Tuesday").not()));
    cmd(&store)
        .arg("restore")
        .assert()
        .success()
        .stdout(predicate::str::contains("The trash is empty."));
}

#[test]
fn purge_trash_empties_the_trash_only() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let live = new_session(&store, "Live");
    for name in ["A", "B"] {
        let id = new_session(&store, name);
        add(&store, &id, "x");
        cmd(&store).args(["delete", &id]).assert().success();
    }
    cmd(&store)
        .args(["purge", "--trash", "--yes"])
        .assert()
        .success();
    assert_eq!(std::fs::read_dir(store.join("trash")).unwrap().count(), 0);
    assert!(store.join(format!("{live}.json")).is_file());
}

#[test]
fn purge_without_yes_refuses_when_standard_input_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let id = new_session(&store, "Tuesday");
    cmd(&store)
        .args(["purge", &id])
        .write_stdin("y\n")
        .assert()
        .failure()
        .stderr(predicate::str::contains("--yes"));
    assert!(store.join(format!("{id}.json")).is_file());
    cmd(&store).args(["delete", &id]).assert().success();
    cmd(&store)
        .args(["purge", "--trash"])
        .write_stdin("y\n")
        .assert()
        .failure();
    assert_eq!(std::fs::read_dir(store.join("trash")).unwrap().count(), 1);
}

#[test]
fn purge_asks_on_a_terminal_and_only_yes_removes() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let id = new_session(&store, "Tuesday");
    let env = [("CPM_WORKSHOP_STORE", store.to_str().unwrap())];
    for (answer, removed) in [("n\r", false), ("y\r", true)] {
        let mut pty = Pty::spawn(&["purge", &id], &env, 100, 30);
        pty.wait_for("Remove for good? [y/N]", Duration::from_secs(15))
            .unwrap();
        assert!(
            pty.screen().contains(&format!("{id}.json")),
            "{}",
            pty.dump()
        );
        pty.keys(answer);
        pty.wait_exit(Duration::from_secs(15));
        assert_eq!(
            !store.join(format!("{id}.json")).exists(),
            removed,
            "{answer:?}"
        );
    }
}

#[test]
fn purge_of_a_deleted_session_works_and_an_open_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let deleted = new_session(&store, "Deleted");
    cmd(&store).args(["delete", &deleted]).assert().success();
    cmd(&store)
        .args(["purge", &deleted, "--yes"])
        .assert()
        .success();
    cmd(&store)
        .arg("restore")
        .assert()
        .success()
        .stdout(predicate::str::contains("The trash is empty."));
    // While another process has the session open, nothing is removed.
    let open = new_session(&store, "Open");
    let holder = cpm_workshop::store::Store::open(store.clone()).unwrap();
    let lock = holder.lock(&sid(&open)).unwrap();
    cmd(&store)
        .args(["purge", &open, "--yes"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("open in another cpm-workshop"));
    assert!(store.join(format!("{open}.json")).is_file());
    drop(lock);
}
