//! Summaries remembered between listings, so starting the app does not parse every session
//! file in the store again: `<store>/.listing-cache.json` holds each session's summary with what
//! its file looked like when it was read (length, modification time and, on Unix, the inode,
//! which every save changes because a save renames a new file into place). A summary is used
//! only while all of those still match.
//!
//! A file changed in the last few seconds is not remembered: on a file system with a coarse
//! clock (FAT keeps two-second times) a second change within the same tick could otherwise hide
//! behind an unchanged time. The cache only ever saves work: unreadable, missing or out of date,
//! it is ignored and rebuilt, and a folder it cannot be written to (a write-protected stick) is
//! listed all the same.

use super::{Summary, fsio};
use crate::workshop::SessionId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The cache's file name in the store folder (hidden: listings skip names starting with `.`).
pub const FILE_NAME: &str = ".listing-cache.json";

/// Bumped when the cache's shape or meaning changes; another version is ignored. 2: listed
/// entries have passed the load checks (`workshop::integrity`), which version 1 did not run.
/// 3: the checks refuse a session with no categories.
const VERSION: u32 = 3;

/// How long a file must have stood unchanged before its summary is remembered.
const SETTLED: Duration = Duration::from_secs(3);

/// What a session file looked like: any save or edit changes at least one of these.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    modified_secs: u64,
    modified_nanos: u32,
    /// The file's inode on Unix; 0 elsewhere.
    inode: u64,
}

impl Stamp {
    /// The stamp of a file from its metadata; `None` if the system gives no usable time.
    pub fn of(meta: &Metadata) -> Option<Stamp> {
        let modified = meta.modified().ok()?;
        let since = modified.duration_since(SystemTime::UNIX_EPOCH).ok()?;
        Some(Stamp {
            len: meta.len(),
            modified_secs: since.as_secs(),
            modified_nanos: since.subsec_nanos(),
            inode: inode(meta),
        })
    }

    /// True if the file has stood unchanged long enough, by `now`, to be remembered.
    fn settled(&self, now: SystemTime) -> bool {
        let modified = Duration::new(self.modified_secs, self.modified_nanos);
        now.duration_since(SystemTime::UNIX_EPOCH)
            .is_ok_and(|now| now.saturating_sub(modified) >= SETTLED)
    }
}

#[cfg(unix)]
fn inode(meta: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_meta: &Metadata) -> u64 {
    0
}

#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    stamp: Stamp,
    summary: Summary,
}

#[derive(Debug, Serialize, Deserialize)]
struct CacheFile {
    version: u32,
    /// By session id.
    entries: BTreeMap<String, Entry>,
}

/// The cache of one store folder, as read at the start of a listing.
pub struct ListingCache {
    path: PathBuf,
    entries: BTreeMap<String, Entry>,
    changed: bool,
}

impl ListingCache {
    /// Reads the cache of the store folder `dir`; empty if there is none or it cannot be used.
    pub fn read(dir: &Path) -> ListingCache {
        let path = dir.join(FILE_NAME);
        let entries = fsio::read_capped(&path)
            .ok()
            .flatten()
            .and_then(|bytes| serde_json::from_slice::<CacheFile>(&bytes).ok())
            .filter(|file| file.version == VERSION)
            .map(|file| file.entries)
            .unwrap_or_default();
        ListingCache {
            path,
            entries,
            changed: false,
        }
    }

    /// The remembered summary of session `id` if its file, now at `path`, still has `stamp`.
    pub fn get(&self, id: &SessionId, stamp: &Stamp, path: &Path) -> Option<Summary> {
        let entry = self
            .entries
            .get(id.as_str())
            .filter(|e| &e.stamp == stamp)?;
        // The folder may have moved (a stick mounted elsewhere): the path is today's.
        Some(Summary {
            id: id.clone(),
            path: path.to_path_buf(),
            ..entry.summary.clone()
        })
    }

    /// Remembers `summary`, read from a file with `stamp`, if the file has settled by `now`.
    pub fn put(&mut self, stamp: Stamp, summary: &Summary, now: SystemTime) {
        if !stamp.settled(now) {
            return;
        }
        let entry = Entry {
            stamp,
            summary: summary.clone(),
        };
        self.entries.insert(summary.id.to_string(), entry);
        self.changed = true;
    }

    /// Forgets session `id` (its notes' summary must not outlive a purge).
    pub fn forget(&mut self, id: &SessionId) {
        self.changed |= self.entries.remove(id.as_str()).is_some();
    }

    /// Forgets every session not in `live`.
    pub fn keep_only<'a>(&mut self, live: impl IntoIterator<Item = &'a str>) {
        let live: std::collections::BTreeSet<&str> = live.into_iter().collect();
        let before = self.entries.len();
        self.entries.retain(|id, _| live.contains(id.as_str()));
        self.changed |= self.entries.len() != before;
    }

    /// Writes the cache if it changed. Atomic (a reader sees the old cache or the new) but not
    /// synced: losing it to a power cut only costs one slower listing. Failure is not an error.
    pub fn write(self) {
        if !self.changed {
            return;
        }
        let file = CacheFile {
            version: VERSION,
            entries: self.entries,
        };
        let Ok(bytes) = serde_json::to_vec(&file) else {
            return;
        };
        let _ = fsio::write_atomic_unsynced(&self.path, &bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use crate::workshop::session::tests::{T0, session};
    use std::fs::{self, OpenOptions};

    /// A store holding one session whose file was last changed an hour ago.
    fn store_with_settled_session(dir: &Path) -> (Store, SessionId) {
        let store = Store::open(dir.to_path_buf()).unwrap();
        let s = session();
        store.create(&s).unwrap();
        age(&store.session_path(&s.id));
        (store, s.id)
    }

    fn age(path: &Path) {
        let hour_ago = SystemTime::now() - Duration::from_secs(3600);
        let file = OpenOptions::new().write(true).open(path).unwrap();
        file.set_modified(hour_ago).unwrap();
    }

    fn cache_file(dir: &Path) -> serde_json::Value {
        serde_json::from_slice(&fs::read(dir.join(FILE_NAME)).unwrap()).unwrap()
    }

    /// Rewrites the remembered name of session `id`, as if the cache had read it that way.
    fn plant_name(dir: &Path, id: &SessionId, name: &str) {
        let mut cache = cache_file(dir);
        cache["entries"][id.as_str()]["summary"]["name"] = name.into();
        fs::write(dir.join(FILE_NAME), serde_json::to_vec(&cache).unwrap()).unwrap();
    }

    fn names(store: &Store) -> Vec<String> {
        let listing = store.list().unwrap();
        assert!(listing.problems.is_empty(), "{:?}", listing.problems);
        listing.sessions.into_iter().map(|s| s.name).collect()
    }

    #[test]
    fn a_settled_session_is_listed_from_the_cache_until_its_file_changes() {
        let dir = tempfile::tempdir().unwrap();
        let (store, id) = store_with_settled_session(dir.path());
        assert_eq!(names(&store), ["Tuesday cohort"]);
        plant_name(dir.path(), &id, "Remembered");
        assert_eq!(names(&store), ["Remembered"], "the cache was not used");
        // Any save writes a new file, so the remembered summary no longer matches.
        store.rename(&id, "Renamed", T0).unwrap();
        assert_eq!(names(&store), ["Renamed"]);
    }

    #[test]
    fn a_file_changed_moments_ago_is_read_every_time() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().to_path_buf()).unwrap();
        let s = session();
        store.create(&s).unwrap();
        assert_eq!(names(&store), ["Tuesday cohort"]);
        let cached = fs::read(dir.path().join(FILE_NAME))
            .ok()
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok());
        assert!(
            cached.is_none_or(|c| c["entries"].get(s.id.as_str()).is_none()),
            "an unsettled file was remembered"
        );
    }

    #[test]
    fn a_damaged_or_foreign_cache_is_ignored_and_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let (store, id) = store_with_settled_session(dir.path());
        for junk in [
            &b"{ cut sh"[..],
            b"\x00\xff",
            b"{\"version\": 99, \"entries\": {}}",
        ] {
            fs::write(dir.path().join(FILE_NAME), junk).unwrap();
            assert_eq!(names(&store), ["Tuesday cohort"]);
            assert_eq!(cache_file(dir.path())["version"], VERSION);
            assert!(cache_file(dir.path())["entries"].get(id.as_str()).is_some());
        }
    }

    #[test]
    fn a_moved_store_lists_todays_paths_and_deleted_sessions_are_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let (first, id) = store_with_settled_session(&dir.path().join("a"));
        first.list().unwrap();
        plant_name(&dir.path().join("a"), &id, "Remembered");
        let moved = dir.path().join("b");
        fs::rename(dir.path().join("a"), &moved).unwrap();
        let store = Store::open(moved.clone()).unwrap();
        let listing = store.list().unwrap();
        assert_eq!(listing.sessions[0].name, "Remembered");
        assert_eq!(listing.sessions[0].path, store.session_path(&id));
        store.delete(&id, T0).unwrap();
        assert!(store.list().unwrap().sessions.is_empty());
        assert!(cache_file(&moved)["entries"].get(id.as_str()).is_none());
    }
}
