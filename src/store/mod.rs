//! Sessions on disk: one JSON file per session, written atomically and durably, locked to one
//! writer, version-checked on read, and never overwritten when it cannot be parsed.
//!
//! Layout of a store folder:
//! - `<id>.json`: the session; `<id>.json.bak`: the version before the last save
//! - `.<id>.json.tmp-<pid>-<n>`: a save in progress (hidden; listings skip it)
//! - `<id>.lock`: the one-writer lock (its existence means nothing; only the OS lock counts)
//! - `<id>.inbox/`: commands from other processes for the session's owner (see [`Inbox`])
//! - `<id>.json.corrupt-<UTC time>`: a file that could not be parsed, moved aside and kept
//! - `trash/<id>~<UTC time>.json` (+ `.bak`): deleted sessions, restorable until purged
//! - `.listing-cache.json`: summaries remembered between listings
//! - `<id>.room`: what the room sees of an open session, for projectors; `presenting`: which
//!   session the presenter has open
//! - `.store.write-test-<pid>-<n>`: the probe that opening a store makes and removes at once
//!
//! On Unix the folders are made `0700` and every file `0600`: notes are the user's alone.
//!
//! The id in the file name is the session's id; a file copied under another name is that
//! session.

mod error;
mod find;
mod fsio;
mod ids;
mod inbox;
mod listing;
mod listing_cache;
mod lock;
mod parse;
mod projection;
mod purge;
mod rename_retry;
mod saver;
mod session_files;
mod trash;

pub use error::{StoreError, Trouble};
pub use fsio::{MAX_FILE_BYTES, OWNER_NOT_KEPT};
pub use ids::{MAX_ID_LEN, is_valid_id};
pub use inbox::{Inbox, LEFTOVER_AGE, Waiting};
pub use lock::SessionLock;
pub use projection::{PRESENTING_FILE, RoomFileError, RoomWatch};
pub use purge::Purged;
pub use saver::{Flusher, SaveEvent, Saver};

use crate::workshop::{Activity, SessionId};
use serde::{Deserialize, Serialize};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

/// Writes any file (an export, say) atomically and durably: a reader sees the old content or
/// the new, never part. A file that replaces `like` (the metadata of the file at `path` now)
/// keeps its mode and owner; a new one is private to the user. On failure the old file is
/// intact and the error says which step failed. The folder must exist.
pub fn write_file_atomic(
    path: &Path,
    bytes: &[u8],
    like: Option<&fs::Metadata>,
) -> Result<(), (String, io::Error)> {
    fsio::write_atomic(path, bytes, like)
}

/// Creates a folder (and missing parents) that only the user can open, on Unix.
pub fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    fsio::create_private_dir_all(dir)
}

/// Environment variable that points the store elsewhere (read by the command line).
pub const STORE_ENV: &str = "CPM_WORKSHOP_STORE";

/// The write probe's name: `.store.write-test-<pid>-<n>` in the store folder.
const PROBE_NAME: &str = "store";
const PROBE_TAG: &str = "write-test";

/// A folder of session files.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// One session as a listing shows it, without its notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub id: SessionId,
    pub name: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated: OffsetDateTime,
    pub activity: Activity,
    pub deck: String,
    /// Number of groups.
    pub groups: usize,
    /// Number of live notes.
    pub notes: usize,
    /// The session file (in the trash, for [`Store::trashed`]).
    pub path: PathBuf,
}

/// What a store folder holds: readable sessions newest-updated first, and the files that could
/// not be read (each a problem, not a failure of the whole listing).
#[derive(Debug, Default)]
pub struct Listing {
    pub sessions: Vec<Summary>,
    pub problems: Vec<StoreError>,
}

impl Store {
    /// Opens an existing session folder only to read it (list, export): nothing is created or
    /// written, so a write-protected folder or stick still exports.
    pub fn open_for_reading(dir: PathBuf) -> Result<Store, StoreError> {
        let dir = std::path::absolute(&dir).unwrap_or(dir);
        match fs::metadata(&dir) {
            Ok(meta) if meta.is_dir() => Ok(Store { dir }),
            Ok(_) => Err(StoreError::NotADirectory { path: dir }),
            Err(e) => Err(StoreError::io("open the session folder", &dir, e)),
        }
    }

    /// Opens (creating if missing, with parents) the store folder `dir`. A path that is a file,
    /// or a folder we cannot write in, is an error naming it.
    pub fn open(dir: PathBuf) -> Result<Store, StoreError> {
        let store = Store::prepare(dir)?;
        store.check_writable()?;
        Ok(store)
    }

    /// Like [`Store::open`] without trying a write, for a caller that calls
    /// [`Store::check_writable`] itself (the app, on its start-up thread).
    pub fn prepare(dir: PathBuf) -> Result<Store, StoreError> {
        let dir = std::path::absolute(&dir).unwrap_or(dir);
        match fs::metadata(&dir) {
            Ok(meta) if !meta.is_dir() => return Err(StoreError::NotADirectory { path: dir }),
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                fsio::create_private_dir_all(&dir).map_err(|e| {
                    if e.kind() == io::ErrorKind::AlreadyExists {
                        StoreError::NotADirectory { path: dir.clone() }
                    } else {
                        StoreError::io("create the session folder", &dir, e)
                    }
                })?;
            }
            Err(e) => return Err(StoreError::io("open the session folder", &dir, e)),
        }
        Ok(Store { dir })
    }

    /// Tries writing in the folder, so an unusable one is reported now rather than at the
    /// first save. Probes left by processes killed between making and removing theirs are
    /// removed too, so a kill at that instant leaves nothing for long: every command and the
    /// app open the store this way.
    pub fn check_writable(&self) -> Result<(), StoreError> {
        let probe = fsio::temp_path(&self.dir.join(PROBE_NAME), PROBE_TAG);
        fsio::create_private()
            .open(&probe)
            .map_err(|e| StoreError::io("write in the session folder", &self.dir, e))?;
        let _ = fs::remove_file(&probe);
        // Even a live process's probe may go: it has already been made (that was its test)
        // and its owner ignores a failed removal.
        self.remove_temps_of_other_processes(&[format!(".{PROBE_NAME}.{PROBE_TAG}-")]);
        Ok(())
    }

    /// The platform's folder for sessions (e.g. `~/.local/share/cpm-workshop/sessions`).
    pub fn default_dir() -> Result<PathBuf, StoreError> {
        directories::ProjectDirs::from("org", "cpm-workshop", "cpm-workshop")
            .map(|p| p.data_dir().join("sessions"))
            .ok_or(StoreError::NoDataDir)
    }

    /// The store folder (absolute).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where session `id` lives. (The id is not checked.)
    pub fn session_path(&self, id: &SessionId) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Where the previous version of session `id` is kept.
    pub fn backup_path(&self, id: &SessionId) -> PathBuf {
        self.dir.join(format!("{id}.json.bak"))
    }

    /// The lock file of session `id`.
    pub fn lock_path(&self, id: &SessionId) -> PathBuf {
        self.dir.join(format!("{id}.lock"))
    }

    /// The inbox through which other processes hand commands to session `id`'s owner.
    pub fn inbox(&self, id: &SessionId) -> Inbox {
        Inbox::new(&self.dir, id)
    }

    /// The trash folder.
    pub fn trash_dir(&self) -> PathBuf {
        self.dir.join("trash")
    }

    /// A fresh id like `20261123-0932-00`: the minute of `now` (in its own offset) and a counter,
    /// so ids sort by creation; unique in this folder (live, backup or trash) and this process.
    pub fn new_id(&self, now: OffsetDateTime) -> SessionId {
        ids::next_id(&ids::id_prefix(now), |id| {
            self.session_path(id).exists()
                || self.backup_path(id).exists()
                || !trash::entries(self, id).is_empty()
        })
    }

    /// Removes files named `<prefix><pid>-<n>` (as [`fsio::temp_path`] names them) whose pid
    /// is not this process's (best effort).
    fn remove_temps_of_other_processes(&self, prefixes: &[String]) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        let own = std::process::id().to_string();
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let Some(rest) = prefixes.iter().find_map(|p| name.strip_prefix(p.as_str())) else {
                continue;
            };
            let pid = rest.split('-').next().unwrap_or_default();
            if !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()) && pid != own {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// Moves session `id` (and its backup) into the trash, taking its lock for the moment;
    /// returns where the session file went.
    pub fn delete(&self, id: &SessionId, now: OffsetDateTime) -> Result<PathBuf, StoreError> {
        trash::delete(self, id, now)
    }

    /// Deleted sessions that can be restored, most recently deleted first.
    pub fn trashed(&self) -> Result<Vec<Summary>, StoreError> {
        trash::trashed(self)
    }

    /// Brings the most recently deleted session `id` back; refuses if `id` is live again.
    pub fn restore(&self, id: &SessionId) -> Result<Summary, StoreError> {
        trash::restore(self, id)
    }

    /// Removes session `id` and every copy of its notes for good: its file, `.bak`, copies in
    /// the trash, corrupt copies, leftover temporary files and listing-cache entry, taking its
    /// lock for the moment. `confirm` sees the files first; nothing is removed if it says no.
    pub fn purge(
        &self,
        id: &SessionId,
        confirm: impl FnOnce(&[PathBuf]) -> bool,
    ) -> Result<Purged, StoreError> {
        purge::session(self, id, confirm)
    }

    /// Removes everything in the trash for good, after `confirm` has seen the files.
    pub fn purge_trash(
        &self,
        confirm: impl FnOnce(&[PathBuf]) -> bool,
    ) -> Result<Purged, StoreError> {
        purge::trash(self, confirm)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::Session;
    use crate::workshop::session::tests::{T0, session, sid};
    use time::Duration;

    pub(super) fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("sessions")).unwrap();
        (dir, store)
    }

    pub(super) fn named(store: &Store, name: &str, minutes: i64) -> Session {
        let mut s = session();
        s.id = store.new_id(T0);
        s.name = name.to_string();
        s.updated = T0 + Duration::minutes(minutes);
        store.create(&s).unwrap();
        s
    }

    #[test]
    fn opening_removes_write_probes_that_killed_processes_left() {
        let (_d, store) = store();
        // A process killed between making and removing its probe (pid 1 is never us).
        let probe = store.dir().join(".store.write-test-1-7");
        fs::write(&probe, "").unwrap();
        let save_temp = store.dir().join(".s1.json.tmp-1-0");
        fs::write(&save_temp, "{").unwrap();
        Store::open(store.dir().to_path_buf()).unwrap();
        assert!(!probe.exists(), "the probe is still there");
        // A save's temporary file waits for that session's lock (its writer may be alive).
        assert!(save_temp.exists());
        drop(store.lock(&sid("s1")).unwrap());
        assert!(!save_temp.exists());
    }

    #[test]
    fn new_ids_are_unique_sortable_and_valid() {
        let (_d, store) = store();
        let a = store.new_id(T0);
        let b = store.new_id(T0);
        assert_ne!(a, b);
        assert!(a < b, "{a} < {b}");
        assert!(a.as_str().starts_with("20261123-0900-"), "{a}");
        assert!(is_valid_id(a.as_str()) && is_valid_id(b.as_str()));
        // Unique against the folder too, not only this process.
        let mut s = session();
        s.id = sid("20261123-0901-00");
        store.create(&s).unwrap();
        assert_ne!(store.new_id(T0 + Duration::minutes(1)), "20261123-0901-00");
    }
}
