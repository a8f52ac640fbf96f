//! The real binary on the command line, pointed at a test's own store, with what a test must not
//! inherit from the machine taken out of its environment: every `CPM_` variable (a developer's
//! store, content or export folder) and forced colour; `NO_COLOR=1` is set. The pty harness
//! (`support::pty`) scrubs the same way.
#![allow(dead_code)] // each test file uses part of the support code

use std::path::Path;
use std::process::Command;

/// The app's environment variable that names its store.
pub const STORE_ENV: &str = "CPM_WORKSHOP_STORE";

/// The path of the binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_cpm-workshop");

/// Gives `c` the test's store and a clean environment (see the module's comment).
pub fn scrub(c: &mut Command, store: &Path) {
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("CPM_") {
            c.env_remove(name);
        }
    }
    c.env_remove("CLICOLOR_FORCE")
        .env("NO_COLOR", "1")
        .env(STORE_ENV, store);
}

/// `cpm-workshop` with `store` as its store, as a standard-library command (for a child the test
/// feeds, kills or traces).
pub fn command(store: &Path) -> Command {
    let mut c = Command::new(BIN);
    scrub(&mut c, store);
    c
}

/// `cpm-workshop` with `store` as its store, for assertions on its output.
pub fn cmd(store: &Path) -> assert_cmd::Command {
    assert_cmd::Command::from_std(command(store))
}

/// Runs `args` on `store`, fails the test with its standard error unless it succeeds, and
/// returns its standard output, trimmed.
#[track_caller]
pub fn run_ok(store: &Path, args: &[&str]) -> String {
    stdout_ok(cmd(store).args(args))
}

/// Runs `c`, fails the test with its arguments and standard error unless it succeeds, and
/// returns its standard output, trimmed.
#[track_caller]
pub fn stdout_ok(c: &mut assert_cmd::Command) -> String {
    let out = c.output().expect("the binary starts");
    assert!(
        out.status.success(),
        "{c:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("output is UTF-8")
        .trim()
        .to_string()
}

/// A new session made by `new` with `args` (for example `["--name", "Tuesday"]`); returns its id.
pub fn new_session(store: &Path, args: &[&str]) -> String {
    let mut all = vec!["new"];
    all.extend_from_slice(args);
    run_ok(store, &all)
}

/// A new session named `name` holding one note, `note`, of group 1; returns its id.
pub fn session_with_note(store: &Path, name: &str, note: &str) -> String {
    let id = new_session(store, &["--name", name]);
    run_ok(
        store,
        &["add", &id, "--group", "1", "--prompt", "already", note],
    );
    id
}

/// Session `id` as `export --format json` prints it.
pub fn export_json(store: &Path, id: &str) -> serde_json::Value {
    let out = run_ok(store, &["export", id, "--format", "json"]);
    serde_json::from_str(&out).expect("the JSON export parses")
}
