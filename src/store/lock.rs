//! One writer per session: an exclusive OS advisory lock on `<id>.lock`.
//!
//! The lock, not the lock file's existence, is what counts: the OS releases it when the holding
//! process exits for any reason (including `kill -9`), so a stale lock file never blocks anyone.
//! Lock files are therefore left in place rather than deleted (deleting one while another process
//! waits on it would let two writers in).

use super::StoreError;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Proof that this process is the one writer of a session; the lock is released when this is
/// dropped or the process dies.
#[derive(Debug)]
pub struct SessionLock {
    /// Held open for the lock's lifetime; closing it releases the lock.
    _file: File,
    id: String,
    path: PathBuf,
}

impl SessionLock {
    /// The session this lock is for.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// What we write into a lock file we hold, read back by whoever finds it locked.
fn holder_description() -> String {
    format!("process {}\n", std::process::id())
}

/// Takes the lock at `path` for session `id`, or says who has it; `name` looks up the session's
/// name for that message (only on contention).
pub fn acquire(
    id: &str,
    path: &Path,
    name: impl FnOnce() -> Option<String>,
) -> Result<SessionLock, StoreError> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, super::fsio::PRIVATE_FILE_MODE);
    let mut file = options
        .open(path)
        .map_err(|e| StoreError::io("open the lock file", path, e))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            return Err(StoreError::Locked {
                id: id.to_string(),
                name: name(),
                path: path.to_path_buf(),
                other: read_holder(path),
            });
        }
        Err(TryLockError::Error(e)) => {
            return Err(StoreError::io("lock", path, e));
        }
    }
    // Say who we are; a failure here does not weaken the lock, so it is not an error.
    let _ = file
        .set_len(0)
        .and_then(|()| file.seek(SeekFrom::Start(0)))
        .and_then(|_| file.write_all(holder_description().as_bytes()));
    Ok(SessionLock {
        _file: file,
        id: id.to_string(),
        path: path.to_path_buf(),
    })
}

/// The holder's description from a lock file, or a generic one if it cannot be read (the holder
/// may not have written it yet, or the platform may not let us read a locked file).
fn read_holder(path: &Path) -> String {
    fs::read_to_string(path)
        .ok()
        .and_then(|s| {
            let line = s.lines().next()?.trim();
            let ok = !line.is_empty() && line.len() <= 80 && line.chars().all(|c| !c.is_control());
            ok.then(|| line.to_string())
        })
        .unwrap_or_else(|| "another process".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_in_the_same_process_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s1.lock");
        let first = acquire("s1", &path, || None).unwrap();
        let err = acquire("s1", &path, || Some("Tuesday".into())).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains(&format!("process {}", std::process::id())),
            "{msg}"
        );
        assert!(msg.contains("\"Tuesday\" (s1)"), "{msg}");
        drop(first);
        let again = acquire("s1", &path, || None).unwrap();
        assert_eq!(again.id(), "s1");
        assert_eq!(again.path(), path);
    }

    #[test]
    fn garbage_in_a_lock_file_is_not_shown() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.lock");
        fs::write(&path, "\u{1b}[2J").unwrap();
        assert_eq!(read_holder(&path), "another process");
        fs::write(&path, "").unwrap();
        assert_eq!(read_holder(&path), "another process");
    }
}
