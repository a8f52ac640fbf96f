//! Where command output goes (issue 11): `export -o PATH` writes into what is at PATH and never
//! replaces it (a link, a FIFO, /dev/stdout, a read-only file, a folder), messages name `-o`
//! and print each cause once, a deleted session is pointed at the trash, and a closed pipe is
//! a normal end. Unix file kinds are made here (a FIFO, links, modes); the real /dev/null is
//! never touched.

use crate::support;

use predicates::prelude::*;
use std::path::Path;
use support::cli::{cmd, session_with_note};

/// A store with one session holding a note; returns its id.
fn session(store: &Path) -> String {
    session_with_note(store, "Tuesday cohort", "We listen first")
}

fn export(store: &Path, id: &str, to: &Path) -> assert_cmd::assert::Assert {
    cmd(store)
        .args(["export", id, "--format", "txt", "-o"])
        .arg(to)
        .assert()
}

#[test]
fn a_folder_is_refused_naming_o_and_the_cause_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let id = session(&store);
    let folder = dir.path().join("handouts");
    std::fs::create_dir(&folder).unwrap();
    let out = export(&store, &id, &folder).failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("-o "), "{err}");
    assert!(err.contains("is a folder"), "{err}");
    assert!(!err.contains("--store"), "{err}");
    assert!(!err.contains("os error 21"), "{err}");
    assert!(folder.is_dir());
}

#[test]
fn an_os_error_is_printed_once() {
    // Before: "Is a directory (os error 21): Is a directory (os error 21)" — the store's own
    // message carried the cause and main printed it again from the error chain.
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let id = session(&store);
    let lock = store.join(format!("{id}.lock"));
    std::fs::remove_file(&lock).ok();
    std::fs::create_dir(&lock).unwrap();
    let out = cmd(&store)
        .args(["add", &id, "--group", "1", "--prompt", "already", "x"])
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    // Linux says "Is a directory (os error 21)", Windows "Access denied. (os error 5)".
    assert_eq!(err.matches("(os error ").count(), 1, "{err}");
}

#[test]
fn a_missing_file_is_created_private_and_a_replaced_one_keeps_its_mode() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let id = session(&store);
    let new = dir.path().join("new.txt");
    export(&store, &id, &new)
        .success()
        .stdout(predicate::str::contains("Wrote"));
    assert!(
        std::fs::read_to_string(&new)
            .unwrap()
            .contains("We listen first")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&new), 0o600);
        std::fs::set_permissions(&new, std::fs::Permissions::from_mode(0o644)).unwrap();
        export(&store, &id, &new).success();
        assert_eq!(mode(&new), 0o644, "a replaced file keeps its mode");
    }
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};

    #[test]
    fn a_link_stays_and_its_target_gets_the_export() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("store");
        let id = session(&store);
        let target = dir.path().join("target.txt");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.txt");
        symlink(&target, &link).unwrap();
        export(&store, &id, &link).success();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(
            std::fs::read_to_string(&target)
                .unwrap()
                .contains("We listen first")
        );
        // A link to a folder is refused like the folder.
        let to_dir = dir.path().join("to-dir");
        symlink(dir.path(), &to_dir).unwrap();
        export(&store, &id, &to_dir)
            .failure()
            .stderr(predicate::str::contains("is a folder"));
        assert!(
            std::fs::symlink_metadata(&to_dir)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn a_fifo_gets_the_bytes_and_stays_a_fifo() {
        // Before: the FIFO was replaced by a regular file and its reader waited forever.
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("store");
        let id = session(&store);
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if crate::support::require(made.is_ok_and(|s| s.success()).then_some(()), "no mkfifo")
            .is_none()
        {
            return;
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(&fifo).unwrap())
        };
        export(&store, &id, &fifo)
            .success()
            .stdout(predicate::str::is_empty());
        assert!(reader.join().unwrap().contains("We listen first"));
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo()
        );
    }

    #[test]
    fn a_descriptor_name_writes_to_standard_output() {
        // Before: `-o /dev/stdout` renamed a file over the /dev/stdout link and printed
        // nothing. Tested through /dev/fd/1, the same kind of name (a link into /proc), which
        // a build with the old bug cannot damage: its rename would land in /proc and fail.
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("store");
        let id = session(&store);
        if crate::support::require(Path::new("/dev/fd/1").exists().then_some(()), "no /dev/fd")
            .is_none()
        {
            return;
        }
        export(&store, &id, Path::new("/dev/fd/1"))
            .success()
            .stdout(predicate::str::contains("We listen first"))
            .stdout(predicate::str::contains("Wrote").not());
        cmd(&store)
            .args(["export", &id, "--format", "txt", "-o", "-"])
            .assert()
            .success()
            .stdout(predicate::str::contains("We listen first"));
    }

    #[test]
    fn a_read_only_file_or_folder_is_refused_and_left_as_it_was() {
        // Checked by mode bits: these tests run as root here, who could write anyway, and the
        // app refuses the same for root as for anyone.
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("store");
        let id = session(&store);
        let file = dir.path().join("ro.txt");
        std::fs::write(&file, "keep me").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o400)).unwrap();
        export(&store, &id, &file)
            .failure()
            .stderr(predicate::str::contains("read-only"))
            .stderr(predicate::str::contains("--store").not());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o400);

        let folder = dir.path().join("locked");
        std::fs::create_dir(&folder).unwrap();
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
        export(&store, &id, &folder.join("notes.txt"))
            .failure()
            .stderr(predicate::str::contains("read-only"));
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[test]
fn a_deleted_session_is_pointed_at_the_trash() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let id = session(&store);
    cmd(&store).args(["delete", &id]).assert().success();
    for query in [id.as_str(), "Tuesday cohort"] {
        cmd(&store)
            .args(["export", query, "--format", "txt"])
            .assert()
            .failure()
            .stderr(predicate::str::contains("in the trash"))
            .stderr(predicate::str::contains(format!(
                "cpm-workshop restore {id}"
            )));
    }
    // An id that is not in the trash points at the command that lists the trash.
    cmd(&store)
        .args(["restore", "nothing-like-this"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "`cpm-workshop restore` (with no id)",
        ));
    cmd(&store)
        .arg("restore")
        .assert()
        .success()
        .stdout(predicate::str::contains(id.as_str()));
}

#[test]
fn a_closed_pipe_is_a_quiet_normal_end() {
    // Before: `list | head -1` printed "error: Broken pipe (os error 32)" and exited 1.
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let id = session(&store);
    let lines: String = (0..6000).map(|i| format!("note {i}\n")).collect();
    cmd(&store)
        .args(["add", &id, "--group", "1", "--prompt", "already", "-"])
        .write_stdin(lines)
        .assert()
        .success();
    for args in [vec!["export", id.as_str(), "--format", "txt"], vec!["list"]] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cpm-workshop"))
            .env("CPM_WORKSHOP_STORE", &store)
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before the command writes.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{args:?}: {:?}", out.status);
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}
