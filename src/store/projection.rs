//! What followers read: the room's view of an open session (`<id>.room`), written by its owner,
//! and which session the presenter has open (`presenting`). Both are small JSON files replaced
//! atomically (a reader sees the old or the new, never part), private like every store file,
//! and not synced: the owner writes them afresh whenever it opens a session, so a power cut
//! loses nothing that matters. Followers poll them; file watchers miss renames on macOS and
//! Windows.

use super::listing_cache::Stamp;
use super::{Store, fsio, lock};
use crate::room::RoomView;
use crate::room::view::ROOM_VIEW_VERSION;
use crate::workshop::SessionId;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The name of the file naming the session the presenter has open.
pub const PRESENTING_FILE: &str = "presenting";

/// Largest projection a follower reads (a wall of the newest notes is well under this).
const MAX_ROOM_BYTES: u64 = 4 * 1024 * 1024;

impl Store {
    /// Where session `id`'s room view is written.
    pub fn room_path(&self, id: &SessionId) -> PathBuf {
        self.dir().join(format!("{id}.room"))
    }

    /// Where the presenter's open session is named.
    pub fn presenting_path(&self) -> PathBuf {
        self.dir().join(PRESENTING_FILE)
    }

    /// Writes the room's view of its session for followers.
    pub fn write_room(&self, view: &RoomView) -> io::Result<()> {
        let bytes = serde_json::to_vec(view).map_err(io::Error::other)?;
        fsio::write_atomic_unsynced(&self.room_path(&view.session), &bytes)
    }

    /// Names `id` as the session the presenter has open, for `projector` without a session.
    pub fn set_presenting(&self, id: &SessionId) -> io::Result<()> {
        fsio::write_atomic_unsynced(&self.presenting_path(), format!("{id}\n").as_bytes())
    }

    /// Says the presenter closed session `id` (only if it is still the one named: another
    /// window may have opened a session since).
    pub fn clear_presenting(&self, id: &SessionId) {
        if self.presenting().as_ref() == Some(id) {
            let _ = fs::remove_file(self.presenting_path());
        }
    }

    /// The session the presenter has, or last had, open.
    pub fn presenting(&self) -> Option<SessionId> {
        let text = fs::read_to_string(self.presenting_path()).ok()?;
        SessionId::parse(text.trim()).ok()
    }

    /// Whether some process has session `id` open now (holds its lock).
    pub fn is_open(&self, id: &SessionId) -> bool {
        lock::is_held(&self.lock_path(id))
    }
}

/// Why a projection could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RoomFileError {
    #[error("could not read {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path} is not a room view this version understands: {reason}")]
    Unreadable { path: PathBuf, reason: String },
}

/// A follower's cheap look at a projection file: it reads the file only when its size, time or
/// inode changed since the last look.
#[derive(Debug, Default)]
pub struct RoomWatch {
    path: PathBuf,
    stamp: Option<Stamp>,
}

impl RoomWatch {
    /// Watches the projection at `path` (nothing read yet).
    pub fn new(path: PathBuf) -> RoomWatch {
        RoomWatch { path, stamp: None }
    }

    /// The file watched.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The new view if the file changed since the last call: `None` when unchanged or absent,
    /// `Some(Err)` when it changed into something unreadable. The view comes cleaned.
    pub fn poll(&mut self) -> Option<Result<RoomView, RoomFileError>> {
        let meta = fs::metadata(&self.path).ok()?;
        let stamp = Stamp::of(&meta);
        if stamp.is_some() && stamp == self.stamp {
            return None;
        }
        self.stamp = stamp;
        Some(read_room(&self.path, meta.len()))
    }
}

fn read_room(path: &Path, len: u64) -> Result<RoomView, RoomFileError> {
    let unreadable = |reason: String| RoomFileError::Unreadable {
        path: path.to_path_buf(),
        reason,
    };
    if len > MAX_ROOM_BYTES {
        return Err(unreadable(format!(
            "{len} bytes is more than a room view holds"
        )));
    }
    let bytes = fs::read(path).map_err(|source| RoomFileError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let view: RoomView = serde_json::from_slice(&bytes).map_err(|e| unreadable(e.to_string()))?;
    if view.version != ROOM_VIEW_VERSION {
        return Err(unreadable(format!(
            "format {} (this build reads {ROOM_VIEW_VERSION})",
            view.version
        )));
    }
    Ok(view.cleaned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;
    use crate::room::{Presenter, RoomSource, room_view};
    use crate::workshop::session::tests::{session, sid};

    fn view(id: &SessionId) -> RoomView {
        let library = Library::shipped();
        let mut s = session();
        s.id = id.clone();
        room_view(&RoomSource {
            session: &s,
            deck: library.deck(&s.deck),
            sticky: &library.sticky,
            snapshot: &library.snapshot,
            group: 1,
            choice: Presenter::default(),
        })
    }

    #[test]
    fn a_follower_reads_each_new_view_once_and_a_broken_file_as_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().to_path_buf()).unwrap();
        let id = &sid("20261123-0900-00");
        let mut watch = RoomWatch::new(store.room_path(id));
        assert!(watch.poll().is_none(), "nothing written yet");
        let mut v = view(id);
        store.write_room(&v).unwrap();
        assert_eq!(watch.poll().unwrap().unwrap(), v);
        assert!(watch.poll().is_none(), "unchanged: not read again");
        v.blank = true;
        store.write_room(&v).unwrap();
        assert!(watch.poll().unwrap().unwrap().blank);
        fs::write(store.room_path(id), "{ torn").unwrap();
        assert!(matches!(
            watch.poll(),
            Some(Err(RoomFileError::Unreadable { .. }))
        ));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            store.write_room(&v).unwrap();
            let mode = fs::metadata(store.room_path(id))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // The store's listing does not take the projection for a session.
        assert!(store.list().unwrap().problems.is_empty());
    }

    #[test]
    fn presenting_names_the_open_session_until_that_session_closes() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().to_path_buf()).unwrap();
        assert_eq!(store.presenting(), None);
        store.set_presenting(&sid("20261123-0900-00")).unwrap();
        assert_eq!(store.presenting(), Some(sid("20261123-0900-00")));
        store.clear_presenting(&sid("20261123-0900-01"));
        assert!(
            store.presenting().is_some(),
            "another session's close leaves it"
        );
        store.clear_presenting(&sid("20261123-0900-00"));
        assert_eq!(store.presenting(), None);
        fs::write(store.presenting_path(), "../../etc/passwd").unwrap();
        assert_eq!(store.presenting(), None, "only an id is followed");
    }
}
