//! One writer per session: an exclusive OS advisory lock on `<id>.lock`.
//!
//! The lock, not the lock file's existence, is what counts: the OS releases it when the holding
//! process exits for any reason (including `kill -9`), so a stale lock file never blocks anyone.
//! Lock files are therefore left in place rather than deleted (deleting one while another process
//! waits on it would let two writers in).

use super::StoreError;
use crate::workshop::SessionId;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Proof that this process is the one writer of a session; the lock is released when this is
/// dropped or the process dies.
#[derive(Debug)]
pub struct SessionLock {
    /// Held open for the lock's lifetime; closing it releases the lock.
    _file: File,
    id: SessionId,
    path: PathBuf,
}

impl SessionLock {
    /// The session this lock is for.
    pub fn id(&self) -> &SessionId {
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
    id: &SessionId,
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
    match try_lock_patiently(&file) {
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
        id: id.clone(),
        path: path.to_path_buf(),
    })
}

/// Tries to lock a few times over [`PEEK_GRACE`]: a follower's [`is_held`] holds a shared lock
/// for a moment, and an owner opening the session just then must not be turned away.
fn try_lock_patiently(file: &File) -> Result<(), TryLockError> {
    let tries = PEEK_GRACE.as_millis() / PEEK_RETRY.as_millis();
    for _ in 0..tries {
        match file.try_lock() {
            Err(TryLockError::WouldBlock) => std::thread::sleep(PEEK_RETRY),
            other => return other,
        }
    }
    file.try_lock()
}

/// How long taking a lock keeps trying while someone may only be peeking at it.
const PEEK_GRACE: Duration = Duration::from_millis(60);
/// The pause between those tries.
const PEEK_RETRY: Duration = Duration::from_millis(10);

/// Whether some process holds the lock at `path` now (has the session open): a liveness check
/// for followers, which never write the session. It takes a shared lock for an instant and
/// lets go, so it never keeps anyone out for longer than [`PEEK_GRACE`] allows for. A missing
/// lock file means nobody ever opened the session here.
pub fn is_held(path: &Path) -> bool {
    let Ok(file) = File::open(path) else {
        return false;
    };
    match file.try_lock_shared() {
        Ok(()) => {
            let _ = file.unlock();
            false
        }
        Err(TryLockError::WouldBlock) => true,
        Err(TryLockError::Error(_)) => false,
    }
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
    use crate::workshop::session::tests::sid;

    #[test]
    fn second_lock_in_the_same_process_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s1.lock");
        let first = acquire(&sid("s1"), &path, || None).unwrap();
        let err = acquire(&sid("s1"), &path, || Some("Tuesday".into())).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains(&format!("process {}", std::process::id())),
            "{msg}"
        );
        assert!(msg.contains("\"Tuesday\" (s1)"), "{msg}");
        drop(first);
        let again = acquire(&sid("s1"), &path, || None).unwrap();
        assert_eq!(again.id(), "s1");
        assert_eq!(again.path(), path);
    }

    #[test]
    fn a_follower_sees_whether_the_lock_is_held_without_keeping_the_owner_out() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s1.lock");
        assert!(!is_held(&path), "no lock file: nobody has it");
        let owner = acquire(&sid("s1"), &path, || None).unwrap();
        assert!(is_held(&path));
        drop(owner);
        assert!(!is_held(&path));
        // A peek in progress (a shared lock held by a follower) does not turn the owner away.
        let peek = File::open(&path).unwrap();
        peek.try_lock_shared().unwrap();
        let release = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(15));
            drop(peek);
        });
        let owner = acquire(&sid("s1"), &path, || None);
        release.join().unwrap();
        assert!(owner.is_ok(), "{owner:?}");
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
