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
mod trash;

pub use error::{StoreError, Trouble};
pub use fsio::{MAX_FILE_BYTES, OWNER_NOT_KEPT};
pub use ids::{MAX_ID_LEN, is_valid_id};
pub use inbox::{Inbox, LEFTOVER_AGE, Waiting};
pub use lock::SessionLock;
pub use projection::{PRESENTING_FILE, RoomFileError, RoomWatch};
pub use purge::Purged;
pub use saver::{Flusher, SaveEvent, Saver};

use crate::workshop::session::SCHEMA_VERSION;
use crate::workshop::text::sanitize_line;
use crate::workshop::{Activity, Session, SessionId};
use parse::ParseError;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
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

/// How many fresh ids `duplicate` tries if another process takes one first.
const CREATE_ATTEMPTS: usize = 5;

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

    /// Finds one session by exact id, else by an unambiguous case-insensitive name (an exact
    /// name wins over longer names it is a prefix of), else by an unambiguous id prefix.
    /// An exact id whose file cannot be parsed gives [`Store::load`]'s error (the file is moved
    /// aside and the backup offered).
    pub fn find(&self, query: &str) -> Result<Summary, StoreError> {
        let q = query.trim();
        let not_found = |unreadable| StoreError::NotFound {
            query: query.to_string(),
            dir: self.dir.clone(),
            unreadable,
        };
        if q.is_empty() {
            return Err(not_found(0));
        }
        if let Ok(id) = SessionId::parse(q) {
            let path = self.session_path(&id);
            match self.read_summary(&id, &path) {
                Ok(Some(summary)) => return Ok(summary),
                Ok(None) => {}
                Err(StoreError::Unreadable { .. }) => {
                    // Have load move it aside and say where, with the backup on offer.
                    self.load(&id)?;
                    if let Some(summary) = self.read_summary(&id, &path)? {
                        return Ok(summary);
                    }
                }
                Err(e) => return Err(e),
            }
        }
        let listing = self.list()?;
        let lower = q.to_lowercase();
        let pick = |matches: Vec<&Summary>| -> Option<Result<Summary, StoreError>> {
            match matches.len() {
                0 => None,
                1 => Some(Ok(matches[0].clone())),
                _ => Some(Err(StoreError::Ambiguous {
                    query: query.to_string(),
                    dir: self.dir.clone(),
                    candidates: matches
                        .iter()
                        .map(|s| format!("{} ({:?})", s.id, s.name))
                        .collect(),
                })),
            }
        };
        let exact: Vec<&Summary> = listing
            .sessions
            .iter()
            .filter(|s| s.name.to_lowercase() == lower)
            .collect();
        if exact.len() == 1 {
            return Ok(exact[0].clone());
        }
        let by_name = listing
            .sessions
            .iter()
            .filter(|s| s.name.to_lowercase().starts_with(&lower))
            .collect();
        if let Some(found) = pick(by_name) {
            return found;
        }
        let by_id = listing
            .sessions
            .iter()
            .filter(|s| s.id.as_str().to_lowercase().starts_with(&lower))
            .collect();
        pick(by_id).unwrap_or_else(|| {
            Err(self
                .in_trash(q)
                .unwrap_or_else(|| not_found(listing.problems.len())))
        })
    }

    /// The error for a query that names a deleted session (by id, or by its exact name), so
    /// the trainer is told it is in the trash and how to bring it back.
    fn in_trash(&self, query: &str) -> Option<StoreError> {
        let found = |id: &SessionId| StoreError::InTrash {
            query: query.to_string(),
            id: id.clone(),
        };
        if let Ok(id) = SessionId::parse(query)
            && !trash::entries(self, &id).is_empty()
        {
            return Some(found(&id));
        }
        let lower = query.to_lowercase();
        let trashed = self.trashed().ok()?;
        let named = trashed.iter().find(|s| s.name.to_lowercase() == lower)?;
        Some(found(&named.id))
    }

    /// Reads session `id`. A file that cannot be parsed is moved aside to
    /// `<id>.json.corrupt-<UTC time>` (never overwritten or deleted) and reported as
    /// [`StoreError::Corrupt`], saying whether the `.bak` is readable; a file from a newer
    /// cpm-workshop is refused untouched; a file over [`MAX_FILE_BYTES`] is refused unread.
    pub fn load(&self, id: &SessionId) -> Result<Session, StoreError> {
        let path = self.session_path(id);
        let bytes = fsio::read_capped(&path)?.ok_or_else(|| StoreError::NotFound {
            query: id.to_string(),
            dir: self.dir.clone(),
            unreadable: 0,
        })?;
        match parse::session(&bytes) {
            Ok(mut session) => {
                session.id = id.clone();
                Ok(session)
            }
            Err(ParseError::TooNew(found)) => Err(too_new(&path, found)),
            Err(ParseError::Bad(reason)) => Err(self.move_aside_corrupt(id, &path, reason)),
        }
    }

    /// Moves an unparsable session file aside and builds the error that says where it went.
    fn move_aside_corrupt(&self, id: &SessionId, path: &Path, reason: String) -> StoreError {
        let stamp = ids::file_stamp(OffsetDateTime::now_utc());
        let base = self.dir.join(format!("{id}.json.corrupt-{stamp}"));
        match fsio::move_aside(path, &base) {
            Ok(moved_to) => {
                let _ = fsio::sync_dir(&self.dir);
                StoreError::Corrupt {
                    id: id.to_string(),
                    path: path.to_path_buf(),
                    moved_to,
                    reason,
                    backup_available: self.backup_readable(id),
                }
            }
            Err(e) => StoreError::CorruptNotMoved {
                id: id.to_string(),
                path: path.to_path_buf(),
                reason,
                source: Arc::new(e),
            },
        }
    }

    /// True if session `id` has a `.bak` this build can read.
    pub fn backup_readable(&self, id: &SessionId) -> bool {
        matches!(
            fsio::read_capped(&self.backup_path(id)),
            Ok(Some(bytes)) if parse::session(&bytes).is_ok()
        )
    }

    /// Makes the `.bak` of session `id` the live file again (after [`StoreError::Corrupt`]) and
    /// returns it. Refuses if a live file exists; the `.bak` itself is kept.
    pub fn recover_from_backup(&self, id: &SessionId) -> Result<Session, StoreError> {
        let bak = self.backup_path(id);
        let unusable = |reason: String| StoreError::BackupUnusable {
            id: id.to_string(),
            path: bak.clone(),
            reason,
        };
        let bytes = fsio::read_capped(&bak)?
            .ok_or_else(|| unusable("there is no backup file".to_string()))?;
        let mut session = match parse::session(&bytes) {
            Ok(session) => session,
            Err(ParseError::TooNew(found)) => return Err(too_new(&bak, found)),
            Err(ParseError::Bad(reason)) => {
                return Err(unusable(format!(
                    "the backup cannot be read either: {reason}"
                )));
            }
        };
        let live = self.session_path(id);
        if !fsio::create(id.as_str(), &live, &bytes)? {
            return Err(StoreError::AlreadyExists {
                id: id.to_string(),
                path: live,
            });
        }
        session.id = id.clone();
        Ok(session)
    }

    /// Writes a new session; refuses (writing nothing) if its id is already taken.
    pub fn create(&self, session: &Session) -> Result<(), StoreError> {
        let bytes = encode(session)?;
        let path = self.session_path(&session.id);
        fsio::check_fits(session.id.as_str(), &path, bytes.len() as u64)?;
        if fsio::create(session.id.as_str(), &path, &bytes)? {
            Ok(())
        } else {
            Err(StoreError::AlreadyExists {
                id: session.id.to_string(),
                path,
            })
        }
    }

    /// Writes a session atomically and durably, keeping the previous file as `<id>.json.bak`.
    /// Nothing touches the disk if encoding fails; on any I/O failure the old file is intact,
    /// no temporary file is left, and the error names the path.
    pub fn save(&self, session: &Session) -> Result<(), StoreError> {
        let bytes = encode(session)?;
        let path = self.session_path(&session.id);
        fsio::check_fits(session.id.as_str(), &path, bytes.len() as u64)?;
        fsio::replace(
            session.id.as_str(),
            &path,
            &self.backup_path(&session.id),
            &bytes,
        )
    }

    /// Takes the one-writer lock of session `id`, held until the returned guard is dropped (or
    /// the process dies). If another process has it: [`StoreError::Locked`] naming it.
    /// Temporary files left by a writer of this session that was killed mid-save are removed
    /// once the lock is ours (no other process may be writing it then).
    pub fn lock(&self, id: &SessionId) -> Result<SessionLock, StoreError> {
        let lock = lock::acquire(id, &self.lock_path(id), || {
            self.read_summary(id, &self.session_path(id))
                .ok()
                .flatten()
                .map(|s| s.name)
        })?;
        self.remove_stale_temps(id);
        Ok(lock)
    }

    /// Removes `.<id>.json.tmp-<pid>-<n>` and `.<id>.json.bak.tmp-<pid>-<n>` files made by other
    /// processes (best effort).
    fn remove_stale_temps(&self, id: &SessionId) {
        self.remove_temps_of_other_processes(&[
            format!(".{id}.json.tmp-"),
            format!(".{id}.json.bak.tmp-"),
        ]);
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

    /// Renames session `id` (taking its lock for the moment) and returns it as saved.
    pub fn rename(
        &self,
        id: &SessionId,
        name: &str,
        now: OffsetDateTime,
    ) -> Result<Session, StoreError> {
        let _lock = self.lock(id)?;
        let mut session = self.load(id)?;
        session.name = sanitize_line(name);
        session.updated = now;
        self.save(&session)?;
        Ok(session)
    }

    /// Saves a copy of session `id` as a template (same deck, groups, mode and times; no notes)
    /// under a new id and `name`, and returns it.
    pub fn duplicate(
        &self,
        id: &SessionId,
        name: &str,
        now: OffsetDateTime,
    ) -> Result<Session, StoreError> {
        let source = self.load(id)?;
        let mut last = None;
        for _ in 0..CREATE_ATTEMPTS {
            let copy = source.as_template(self.new_id(now), name.to_string(), now);
            match self.create(&copy) {
                Ok(()) => return Ok(copy),
                // Another process took that id between choosing and writing: choose again.
                Err(e @ StoreError::AlreadyExists { .. }) => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| StoreError::AlreadyExists {
            id: id.to_string(),
            path: self.session_path(id),
        }))
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

    /// Removes session `id`'s `.bak` (after notes were dropped for good, the previous version
    /// would still hold them). Already gone is fine.
    pub fn remove_backup(&self, id: &SessionId) -> Result<(), StoreError> {
        let bak = self.backup_path(id);
        match fs::remove_file(&bak) {
            Ok(()) => fsio::sync_dir(&self.dir)
                .map_err(|e| StoreError::io("sync the session folder", &self.dir, e)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(StoreError::io("remove", &bak, e)),
        }
    }

    /// The summary of the session file at `path` under `id`; `Ok(None)` if there is none.
    pub(super) fn read_summary(
        &self,
        id: &SessionId,
        path: &Path,
    ) -> Result<Option<Summary>, StoreError> {
        let Some(bytes) = fsio::read_capped(path)? else {
            return Ok(None);
        };
        match parse::summary(id, path, &bytes) {
            Ok(summary) => Ok(Some(summary)),
            Err(ParseError::TooNew(found)) => Err(too_new(path, found)),
            Err(ParseError::Bad(reason)) => Err(StoreError::Unreadable {
                path: path.to_path_buf(),
                reason,
            }),
        }
    }
}

/// The session as the pretty JSON we write (readable in any editor, ends with a newline).
fn encode(session: &Session) -> Result<Vec<u8>, StoreError> {
    let mut bytes = serde_json::to_vec_pretty(session).map_err(|e| StoreError::Encode {
        id: session.id.to_string(),
        source: Arc::new(e),
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

fn too_new(path: &Path, found: u64) -> StoreError {
    StoreError::TooNew {
        path: path.to_path_buf(),
        found,
        supported: SCHEMA_VERSION,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::session::tests::{T0, session, sid};
    use time::Duration;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("sessions")).unwrap();
        (dir, store)
    }

    fn named(store: &Store, name: &str, minutes: i64) -> Session {
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

    #[test]
    fn find_prefers_exact_name_then_prefix_then_id() {
        let (_d, store) = store();
        let tue = named(&store, "Tuesday", 1);
        let tue2 = named(&store, "Tuesday cohort", 2);
        let wed = named(&store, "Wednesday ÉRP", 3);
        assert_eq!(store.find("tuesday").unwrap().id, tue.id);
        assert_eq!(store.find("tuesday c").unwrap().id, tue2.id);
        assert_eq!(store.find("wednesday érp").unwrap().id, wed.id);
        assert_eq!(store.find(wed.id.as_str()).unwrap().id, wed.id);
        let err = store.find("tues").unwrap_err();
        assert!(matches!(&err, StoreError::Ambiguous { candidates, .. } if candidates.len() == 2));
        assert!(matches!(store.find("  "), Err(StoreError::NotFound { .. })));
    }

    #[test]
    fn bad_ids_are_refused_before_touching_disk() {
        // Load, lock and save take a `SessionId`, so a bad id is refused where it comes in; a
        // query that is not an id is only matched against the listing.
        let (_d, store) = store();
        for id in ["../escape", "a/b", ".hidden", ""] {
            assert!(
                matches!(
                    SessionId::parse(id).map_err(StoreError::from),
                    Err(StoreError::BadId { .. })
                ),
                "{id}"
            );
            assert!(
                matches!(store.find(id), Err(StoreError::NotFound { .. })),
                "{id}"
            );
        }
        assert_eq!(fs::read_dir(store.dir()).unwrap().count(), 0);
    }

    #[test]
    fn list_skips_backups_temps_and_corrupt_copies_and_flags_bad_names() {
        let (_d, store) = store();
        let s = named(&store, "One", 0);
        store.save(&s).unwrap(); // makes a .bak
        fs::write(store.dir().join(format!(".{}.json.tmp-1-0", s.id)), "{").unwrap();
        fs::write(store.dir().join("x.json.corrupt-20260101T000000Z"), "{").unwrap();
        fs::write(store.dir().join("notes.txt"), "hello").unwrap();
        fs::write(store.dir().join("my session.json"), "{}").unwrap();
        let listing = store.list().unwrap();
        assert_eq!(listing.sessions.len(), 1);
        assert_eq!(listing.problems.len(), 1);
        let msg = listing.problems[0].to_string();
        assert!(
            msg.contains("my session.json") && msg.contains("my-session.json"),
            "{msg}"
        );
    }

    #[test]
    fn load_uses_the_file_name_as_the_id() {
        let (_d, store) = store();
        let s = named(&store, "One", 0);
        fs::copy(store.session_path(&s.id), store.session_path(&sid("copy"))).unwrap();
        assert_eq!(store.load(&sid("copy")).unwrap().id, "copy");
    }

    #[test]
    fn errors_name_their_paths() {
        let (_d, store) = store();
        let err = store.load(&sid("nope")).unwrap_err();
        assert!(err.to_string().contains(&store.dir().display().to_string()));
        assert_eq!(err.path(), Some(store.dir()));
    }
}
