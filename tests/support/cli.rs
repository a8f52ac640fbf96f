//! The real binary on the command line, pointed at a test's own store, with what a test must not
//! inherit from the machine (a content folder, colour) taken out of its environment.
#![allow(dead_code)] // each test file uses part of the support code

use std::path::Path;

/// `cpm-workshop` with `store` as its store.
pub fn cmd(store: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("cpm-workshop").expect("the binary is built");
    c.env("CPM_WORKSHOP_STORE", store)
        .env_remove("CPM_WORKSHOP_CONTENT")
        .env("NO_COLOR", "1");
    c
}

/// Runs `args` on `store`, fails the test with its standard error unless it succeeds, and
/// returns its standard output, trimmed.
pub fn run_ok(store: &Path, args: &[&str]) -> String {
    let out = cmd(store).args(args).output().expect("the binary starts");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("output is UTF-8")
        .trim()
        .to_string()
}

/// A new session named `name` holding one note, `note`, of group 1; returns its id.
pub fn session_with_note(store: &Path, name: &str, note: &str) -> String {
    let id = run_ok(store, &["new", "--name", name]);
    run_ok(
        store,
        &["add", &id, "--group", "1", "--prompt", "already", note],
    );
    id
}
