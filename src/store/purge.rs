//! Removing notes for good: a session with every copy of its notes (the file, its `.bak`, its
//! copies in the trash and moved-aside corrupt copies, leftover temporary files, its line in
//! the listing cache, its inbox and its lock file), or everything in the trash. Deleting, by contrast,
//! only moves a session into the trash, where it stays restorable.

use super::listing_cache::ListingCache;
use super::{Store, StoreError, fsio, trash};
use crate::workshop::SessionId;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// What a purge removed (or, when it was not confirmed, would have removed).
#[derive(Debug, Default)]
pub struct Purged {
    /// The files, in the order they were (or would be) removed.
    pub files: Vec<PathBuf>,
    /// False when the caller's confirmation said no: nothing was removed.
    pub done: bool,
}

/// Removes session `id` for good; see [`Store::purge`].
pub fn session(
    store: &Store,
    id: &SessionId,
    confirm: impl FnOnce(&[PathBuf]) -> bool,
) -> Result<Purged, StoreError> {
    // Held while removing, so no writer of this session is mid-save; every temporary file of
    // this session is then a leftover.
    let lock = store.lock(id)?;
    let mut files = copies_in(store.dir(), id);
    for (_, path) in trash::entries(store, id) {
        let bak = trash::bak_of(&path);
        files.push(path);
        if bak.is_file() {
            files.push(bak);
        }
    }
    if files.is_empty() {
        return Err(StoreError::NotFound {
            query: id.to_string(),
            dir: store.dir().to_path_buf(),
            unreadable: 0,
        });
    }
    if !confirm(&files) {
        return Ok(Purged { files, done: false });
    }
    remove_all(&files)?;
    // Commands and answers from other processes may quote notes too.
    store.inbox(id).remove()?;
    let mut cache = ListingCache::read(store.dir());
    cache.forget(id);
    cache.write();
    // The lock file goes last, while we still hold the lock (as deleting does).
    let lock_path = store.lock_path(id);
    let _ = fs::remove_file(&lock_path);
    drop(lock);
    sync(store)?;
    Ok(Purged { files, done: true })
}

/// Empties the trash for good; see [`Store::purge_trash`].
pub fn trash(
    store: &Store,
    confirm: impl FnOnce(&[PathBuf]) -> bool,
) -> Result<Purged, StoreError> {
    let dir = store.trash_dir();
    let files: Vec<PathBuf> = match fs::read_dir(&dir) {
        Ok(read) => {
            let mut files: Vec<PathBuf> = read
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.path())
                .collect();
            files.sort();
            files
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(StoreError::io("read the trash folder", &dir, e)),
    };
    if files.is_empty() || !confirm(&files) {
        return Ok(Purged { files, done: false });
    }
    remove_all(&files)?;
    // A deleted session's inbox may still hold a command (quoting a note) that nobody took.
    for id in files
        .iter()
        .filter_map(|f| SessionId::parse(f.file_name()?.to_str()?.split('~').next()?).ok())
        .filter(|id| !store.session_path(id).exists())
    {
        store.inbox(&id).remove()?;
    }
    fsio::sync_dir(&dir).map_err(|e| StoreError::io("sync the trash folder", &dir, e))?;
    Ok(Purged { files, done: true })
}

/// Session `id`'s files in the store folder: the live file, its backup, corrupt copies moved
/// aside, and temporary files of any process.
fn copies_in(dir: &Path, id: &SessionId) -> Vec<PathBuf> {
    let Ok(read) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let live = format!("{id}.json");
    let backup = format!("{id}.json.bak");
    let corrupt = format!("{id}.json.corrupt-");
    let room = format!("{id}.room");
    let temps = [
        format!(".{id}.json.tmp-"),
        format!(".{id}.json.bak.tmp-"),
        format!(".{id}.room.tmp-"),
    ];
    let mut files: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                return false;
            };
            name == live
                || name == backup
                || name == room
                || name.starts_with(&corrupt)
                || temps.iter().any(|t| name.starts_with(t.as_str()))
        })
        .map(|entry| entry.path())
        .collect();
    files.sort();
    files
}

/// Removes every file; one that is already gone is fine (another purge got there first).
fn remove_all(files: &[PathBuf]) -> Result<(), StoreError> {
    for file in files {
        match fs::remove_file(file) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(StoreError::io("remove", file, e)),
        }
    }
    Ok(())
}

fn sync(store: &Store) -> Result<(), StoreError> {
    let trash = store.trash_dir();
    if trash.is_dir() {
        fsio::sync_dir(&trash).map_err(|e| StoreError::io("sync the trash folder", &trash, e))?;
    }
    fsio::sync_dir(store.dir())
        .map_err(|e| StoreError::io("sync the session folder", store.dir(), e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::session::tests::{T0, session as sample, sid};

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_purge_removes_every_copy_of_the_session_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().to_path_buf()).unwrap();
        let s = sample();
        store.create(&s).unwrap();
        store.save(&s).unwrap(); // a .bak
        store.delete(&s.id, T0).unwrap(); // a trash copy with its .bak
        store.restore(&s.id).unwrap();
        store.save(&s).unwrap();
        store.delete(&s.id, T0).unwrap();
        store.create(&s).unwrap(); // live again, one copy in the trash
        store.save(&s).unwrap();
        fs::write(dir.path().join(format!(".{}.json.tmp-1-0", s.id)), "{").unwrap();
        fs::write(dir.path().join(format!("{}.json.corrupt-X", s.id)), "{").unwrap();
        // What the room saw of it (its notes wall) goes too.
        fs::write(dir.path().join(format!("{}.room", s.id)), "{}").unwrap();
        // A co-scribe's command nobody took, which quotes a note.
        let inbox = store.inbox(&s.id);
        fs::create_dir(inbox.dir()).unwrap();
        fs::write(inbox.dir().join("1-1-1.cmd.json"), "{}").unwrap();
        let mut other = sample();
        other.id = sid("other");
        store.create(&other).unwrap();
        let mut asked = Vec::new();
        let purged = session(&store, &s.id, |files| {
            asked = files.to_vec();
            true
        });
        let purged = purged.unwrap_or_else(|e| panic!("{e}"));
        assert!(purged.done);
        assert_eq!(asked, purged.files);
        // File, .bak, the corrupt copy, the room view, the trash copy and its .bak (the
        // leftover temporary file went when the lock was taken).
        assert_eq!(purged.files.len(), 6, "{:?}", purged.files);
        assert_eq!(names(dir.path()), ["other.json", "trash"]);
        assert!(names(&store.trash_dir()).is_empty());
    }

    #[test]
    fn a_purge_forgets_the_session_in_the_listing_cache() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().to_path_buf()).unwrap();
        let s = sample();
        store.create(&s).unwrap();
        // Settled an hour ago, so a listing remembers it.
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        let file = fs::OpenOptions::new()
            .write(true)
            .open(store.session_path(&s.id))
            .unwrap();
        file.set_modified(hour_ago).unwrap();
        store.list().unwrap();
        let cache = dir.path().join(super::super::listing_cache::FILE_NAME);
        assert!(fs::read_to_string(&cache).unwrap().contains(&s.name));
        session(&store, &s.id, |_| true).unwrap();
        assert!(!fs::read_to_string(&cache).unwrap().contains(s.id.as_str()));
    }

    #[test]
    fn nothing_is_removed_unless_confirmed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().to_path_buf()).unwrap();
        let s = sample();
        store.create(&s).unwrap();
        let purged = session(&store, &s.id, |_| false).unwrap();
        assert!(!purged.done);
        assert!(store.session_path(&s.id).is_file());
        store.delete(&s.id, T0).unwrap();
        // Its inbox still holds a command nobody took (it may quote a note).
        let inbox = store.inbox(&s.id);
        fs::create_dir(inbox.dir()).unwrap();
        fs::write(inbox.dir().join("1-1-1.cmd.json"), "{}").unwrap();
        let purged = trash(&store, |_| false).unwrap();
        assert!(!purged.done && purged.files.len() == 1);
        assert_eq!(names(&store.trash_dir()).len(), 1);
        assert!(inbox.dir().exists());
        let purged = trash(&store, |_| true).unwrap();
        assert!(purged.done);
        assert!(names(&store.trash_dir()).is_empty());
        assert!(!inbox.dir().exists());
        assert!(matches!(
            session(&store, &s.id, |_| true),
            Err(StoreError::NotFound { .. })
        ));
    }
}
