//! Renaming a temporary file over the real one, retried briefly where the platform says the
//! target is busy for a moment.
//!
//! On Windows an antivirus scanner, the search indexer or a synced folder (OneDrive under
//! Documents) opens a file that was just written, often without allowing it to be replaced; a
//! rename over it then fails with a sharing violation or "access denied" for some milliseconds.
//! Giving up would show NOT SAVED (or fail an export) for nothing, so such a rename is tried again
//! with a doubling pause, about 0.6 s in all. Elsewhere a rename over an open file always works
//! and no error is worth retrying.

use std::io;
use std::path::Path;
use std::time::Duration;

/// Pauses between attempts: each doubles, about 0.6 s in all, longer than a scanner's usual
/// hold and short enough that a save off the UI thread or a CLI export barely notices.
const PAUSES_MS: [u64; 6] = [10, 20, 40, 80, 160, 320];

/// Renames `from` over `to`, retrying while the failure is one that passes by itself.
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    retry(
        || std::fs::rename(from, to),
        is_momentary,
        std::thread::sleep,
    )
}

/// Runs `op`; while it fails with an error `momentary` accepts, pauses (through `sleep`) and
/// runs it again, up to once per entry of [`PAUSES_MS`]. Returns the last result.
fn retry(
    mut op: impl FnMut() -> io::Result<()>,
    momentary: impl Fn(&io::Error) -> bool,
    mut sleep: impl FnMut(Duration),
) -> io::Result<()> {
    for pause in PAUSES_MS {
        match op() {
            Err(e) if momentary(&e) => sleep(Duration::from_millis(pause)),
            done => return done,
        }
    }
    op()
}

/// Whether a failed rename may work if tried again shortly: on Windows, "access denied",
/// "sharing violation" and "lock violation", the errors a file held open by another process gives.
#[cfg(windows)]
fn is_momentary(e: &io::Error) -> bool {
    const ERROR_ACCESS_DENIED: i32 = 5;
    const ERROR_SHARING_VIOLATION: i32 = 32;
    const ERROR_LOCK_VIOLATION: i32 = 33;
    matches!(
        e.raw_os_error(),
        Some(ERROR_ACCESS_DENIED | ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION)
    )
}

/// Whether a failed rename may work if tried again shortly: never off Windows, where an open
/// file does not stop a rename over it.
#[cfg(not(windows))]
fn is_momentary(_e: &io::Error) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn busy() -> io::Error {
        io::Error::new(io::ErrorKind::ResourceBusy, "held open")
    }

    #[test]
    fn a_momentary_failure_is_retried_with_growing_pauses_until_it_passes() {
        let calls = Cell::new(0);
        let mut pauses = Vec::new();
        let result = retry(
            || {
                calls.set(calls.get() + 1);
                if calls.get() < 4 { Err(busy()) } else { Ok(()) }
            },
            |e| e.kind() == io::ErrorKind::ResourceBusy,
            |d| pauses.push(d.as_millis()),
        );
        assert!(result.is_ok());
        assert_eq!(calls.get(), 4);
        assert_eq!(pauses, [10, 20, 40]);
    }

    #[test]
    fn other_failures_are_returned_at_once() {
        let calls = Cell::new(0);
        let result = retry(
            || {
                calls.set(calls.get() + 1);
                Err(io::Error::new(io::ErrorKind::NotFound, "gone"))
            },
            |e| e.kind() == io::ErrorKind::ResourceBusy,
            |_| panic!("must not pause"),
        );
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::NotFound);
        assert_eq!(calls.get(), 1);
    }

    #[test]
    fn a_target_that_stays_busy_gives_up_after_about_half_a_second() {
        let calls = Cell::new(0);
        let mut waited = 0;
        let result = retry(
            || {
                calls.set(calls.get() + 1);
                Err(busy())
            },
            |e| e.kind() == io::ErrorKind::ResourceBusy,
            |d| waited += d.as_millis(),
        );
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::ResourceBusy);
        assert_eq!(calls.get(), PAUSES_MS.len() + 1);
        assert_eq!(waited, 630);
    }

    #[cfg(not(windows))]
    #[test]
    fn nothing_is_momentary_off_windows() {
        assert!(!is_momentary(&io::Error::from_raw_os_error(32)));
        assert!(!is_momentary(&busy()));
    }

    /// The real thing: another handle opened without sharing (as a scanner does) blocks a rename
    /// over the file until it is closed; the retry outlasts it. Runs under Wine in `.ci/run`.
    #[cfg(windows)]
    #[test]
    fn a_rename_over_a_file_held_open_without_sharing_waits_for_it() {
        use std::os::windows::fs::OpenOptionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.json");
        let tmp = dir.path().join(".a.json.tmp");
        std::fs::write(&target, "old").unwrap();
        std::fs::write(&tmp, "new").unwrap();
        let held = std::fs::OpenOptions::new()
            .read(true)
            .share_mode(0)
            .open(&target)
            .unwrap();
        let plain = std::fs::rename(&tmp, &target).unwrap_err();
        assert!(is_momentary(&plain), "{plain:?}");
        let scanner = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(60));
            drop(held);
        });
        rename(&tmp, &target).unwrap();
        scanner.join().unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }
}
