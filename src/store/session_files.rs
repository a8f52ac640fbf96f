//! One session's files: reading and writing `<id>.json`, its `.bak` and lock, moving an
//! unreadable file aside, and the renames and copies built on them.

use super::parse::{self, ParseError};
use super::{SessionLock, Store, StoreError, Summary, fsio, ids, lock};
use crate::workshop::session::SCHEMA_VERSION;
use crate::workshop::text::sanitize_line;
use crate::workshop::{Session, SessionId};
use std::fs;
use std::io;
use std::path::Path;
use std::sync::Arc;
use time::OffsetDateTime;

/// How many fresh ids `duplicate` tries if another process takes one first.
const CREATE_ATTEMPTS: usize = 5;

impl Store {
    /// Reads session `id`. A file that cannot be parsed is moved aside to
    /// `<id>.json.corrupt-<UTC time>` (never overwritten or deleted) and reported as
    /// [`StoreError::Corrupt`], saying whether the `.bak` is readable; a file from a newer
    /// cpm-workshop is refused untouched; a file over [`MAX_FILE_BYTES`](super::MAX_FILE_BYTES) is
    /// refused unread.
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
    use super::super::tests::{named, store};
    use super::*;
    use crate::workshop::session::tests::sid;

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
