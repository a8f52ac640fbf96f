//! What a test needs from the machine (root, a tmpfs, `strace`, libfaketime…). Missing, the test
//! says "skipped" and passes on a developer's machine; under `CPM_TEST_STRICT=1` (set by
//! `.ci/run`) it fails instead, so CI never passes a test that tested nothing.
#![allow(dead_code)] // each test file uses part of the support code

/// The environment variable that turns a missing requirement into a failure.
pub const STRICT_ENV: &str = "CPM_TEST_STRICT";

/// `found`, or — when it is `None` — a failure under `CPM_TEST_STRICT=1` and otherwise
/// "skipped: <missing>" on standard error and `None`, for the test to return on.
#[track_caller]
pub fn require<T>(found: Option<T>, missing: &str) -> Option<T> {
    if found.is_none() {
        if strict() {
            panic!("{missing}; {STRICT_ENV}=1 requires this test to run");
        }
        eprintln!("skipped: {missing} ({STRICT_ENV}=1 makes this a failure)");
    }
    found
}

/// True under `CPM_TEST_STRICT=1`.
pub fn strict() -> bool {
    std::env::var(STRICT_ENV).is_ok_and(|v| v == "1")
}

/// True if this process runs as root (which ignores file permissions). Unix only.
#[cfg(unix)]
pub fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}
