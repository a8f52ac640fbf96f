//! Deleting is moving into `<store>/trash/` as `<id>~<UTC time>.json` (plus its `.bak`), so a
//! session deleted by mistake can be restored; nothing in the trash is ever overwritten.

use super::{Store, StoreError, Summary, fsio, ids};
use crate::workshop::SessionId;
use std::fs;
use std::io;
use std::path::PathBuf;
use time::OffsetDateTime;

/// Separates the id from the deletion time in trash file names (ids never contain it).
const SEP: char = '~';

/// The trash files of session `id` as (time tag, path), most recently deleted first.
pub fn entries(store: &Store, id: &SessionId) -> Vec<(String, PathBuf)> {
    all(store)
        .into_iter()
        .filter(|(entry_id, _, _)| entry_id == id)
        .map(|(_, tag, path)| (tag, path))
        .collect()
}

/// Every trash file as (id, time tag, path), most recently deleted first.
fn all(store: &Store) -> Vec<(SessionId, String, PathBuf)> {
    let Ok(read) = fs::read_dir(store.trash_dir()) else {
        return Vec::new();
    };
    let mut found: Vec<(SessionId, String, PathBuf)> = read
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let stem = name.strip_suffix(".json")?;
            let (id, tag) = stem.split_once(SEP)?;
            let id = SessionId::parse(id).ok()?;
            Some((id, tag.to_string(), entry.path()))
        })
        .collect();
    // Tags are `YYYYMMDDTHHMMSSZ[-n]`; compare the time, then the collision counter.
    found.sort_by(|a, b| tag_key(&b.1).cmp(&tag_key(&a.1)));
    found
}

fn tag_key(tag: &str) -> (&str, u32) {
    match tag.split_once('-') {
        Some((time, n)) => (time, n.parse().unwrap_or(0)),
        None => (tag, 1),
    }
}

/// Moves session `id` into the trash; see [`Store::delete`].
pub fn delete(store: &Store, id: &SessionId, now: OffsetDateTime) -> Result<PathBuf, StoreError> {
    let _lock = store.lock(id)?;
    let live = store.session_path(id);
    if !live.is_file() {
        return Err(StoreError::NotFound {
            query: id.to_string(),
            dir: store.dir().to_path_buf(),
            unreadable: 0,
        });
    }
    let trash = store.trash_dir();
    fsio::create_private_dir_all(&trash)
        .map_err(|e| StoreError::io("create the trash folder", &trash, e))?;
    let stamp = ids::file_stamp(now);
    let mut to = None;
    for n in 1u32..=10_000 {
        let tag = if n == 1 {
            stamp.clone()
        } else {
            format!("{stamp}-{n}")
        };
        let candidate = trash.join(format!("{id}{SEP}{tag}.json"));
        match fsio::move_no_replace(&live, &candidate) {
            Ok(true) => {
                to = Some(candidate);
                break;
            }
            Ok(false) => continue,
            Err(e) => return Err(StoreError::io("move to the trash", &live, e)),
        }
    }
    let to = to.ok_or_else(|| {
        StoreError::io(
            "find a free name in the trash for",
            &live,
            io::Error::other("too many deletions of this session in one second"),
        )
    })?;
    // The backup goes along (best effort: the session itself is already safe in the trash).
    let bak = store.backup_path(id);
    if bak.is_file() {
        let _ = fsio::move_no_replace(&bak, &bak_of(&to));
    }
    // The lock file is no longer needed; we hold the lock, so no one is using it.
    let _ = fs::remove_file(store.lock_path(id));
    sync_both(store)?;
    Ok(to)
}

/// Deleted sessions; see [`Store::trashed`]. Unreadable trash files are left out.
pub fn trashed(store: &Store) -> Result<Vec<Summary>, StoreError> {
    Ok(all(store)
        .into_iter()
        .filter_map(|(id, _, path)| store.read_summary(&id, &path).ok().flatten())
        .collect())
}

/// Brings session `id` back from the trash; see [`Store::restore`].
pub fn restore(store: &Store, id: &SessionId) -> Result<Summary, StoreError> {
    let Some((_, from)) = entries(store, id).into_iter().next() else {
        return Err(StoreError::NotInTrash {
            id: id.to_string(),
            dir: store.trash_dir(),
        });
    };
    let live = store.session_path(id);
    let exists = || StoreError::AlreadyExists {
        id: id.to_string(),
        path: live.clone(),
    };
    if live.exists() {
        return Err(exists());
    }
    let _lock = store.lock(id)?;
    match fsio::move_no_replace(&from, &live) {
        Ok(true) => {}
        Ok(false) => return Err(exists()),
        Err(e) => return Err(StoreError::io("restore from the trash", &from, e)),
    }
    let bak = bak_of(&from);
    if bak.is_file() {
        let _ = fsio::move_no_replace(&bak, &store.backup_path(id));
    }
    sync_both(store)?;
    store
        .read_summary(id, &live)?
        .ok_or_else(|| StoreError::NotFound {
            query: id.to_string(),
            dir: store.dir().to_path_buf(),
            unreadable: 0,
        })
}

/// The backup that goes with a trashed session file.
pub fn bak_of(path: &std::path::Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".bak");
    PathBuf::from(s)
}

fn sync_both(store: &Store) -> Result<(), StoreError> {
    let trash = store.trash_dir();
    fsio::sync_dir(&trash).map_err(|e| StoreError::io("sync the trash folder", &trash, e))?;
    fsio::sync_dir(store.dir())
        .map_err(|e| StoreError::io("sync the session folder", store.dir(), e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_sort_by_time_then_counter() {
        let mut tags = vec![
            "20261123T093200Z",
            "20261123T093200Z-10",
            "20261123T093200Z-2",
            "20261124T000000Z",
        ];
        tags.sort_by(|a, b| tag_key(b).cmp(&tag_key(a)));
        assert_eq!(
            tags,
            [
                "20261124T000000Z",
                "20261123T093200Z-10",
                "20261123T093200Z-2",
                "20261123T093200Z"
            ]
        );
    }
}
