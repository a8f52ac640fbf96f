//! Everything that can go wrong with sessions on disk. Every message names the file or folder,
//! the session where there is one, and says what to do next.

use crate::workshop::SessionId;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// Why the store could not do what was asked. Cloneable (sources are shared) so the background
/// saver can report the same error more than once.
#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    /// The platform gave no data directory and none was chosen.
    #[error(
        "this system has no standard data folder for cpm-workshop's sessions; \
         pass --store DIR or set CPM_WORKSHOP_STORE to choose one"
    )]
    NoDataDir,

    /// The store path exists but is a file (or something else that is not a folder).
    #[error(
        "the session store {} is not a folder; pass --store DIR (or set CPM_WORKSHOP_STORE) \
         to choose a folder, or move that file away",
        path.display()
    )]
    NotADirectory { path: PathBuf },

    /// A file-system operation failed.
    #[error("could not {action} {}: {source}{}", path.display(), hint(source))]
    Io {
        /// What we were doing, as a verb phrase ("create the folder", "read").
        action: &'static str,
        path: PathBuf,
        #[source]
        source: Arc<io::Error>,
    },

    /// Writing a session failed; the old file is untouched and the session is still in memory.
    #[error(
        "could not save session {id} to {}: {step} failed: {source}{}; \
         the previous file is unchanged and the session is still in memory, \
         so it will be saved when you retry",
        path.display(), hint(source)
    )]
    SaveFailed {
        id: String,
        /// The session file being written.
        path: PathBuf,
        /// Which part of the save failed, naming the file involved.
        step: String,
        #[source]
        source: Arc<io::Error>,
    },

    /// A session could not be turned into JSON; nothing was written.
    #[error("could not encode session {id} as JSON ({source}); nothing was written to disk")]
    Encode {
        id: String,
        #[source]
        source: Arc<serde_json::Error>,
    },

    /// A string that cannot be a session id (it would not be a safe file name).
    #[error(
        "{id:?} is not a valid session id: ids are 1 to {max} letters, digits, '-' or '_', \
         starting with a letter or digit",
        max = super::ids::MAX_ID_LEN
    )]
    BadId { id: String },

    /// A `.json` file in the store whose name is not a valid session id.
    #[error(
        "{} is not named like a session file (ids are letters, digits, '-' or '_'); \
         rename it, e.g. to {suggestion}.json, for cpm-workshop to list it",
        path.display()
    )]
    BadFileName { path: PathBuf, suggestion: String },

    /// Nothing matched a session id or name.
    #[error(
        "no session matches {query:?} in {}{}; \
         run `cpm-workshop list` to see the sessions there, or pass --store DIR if they are elsewhere",
        dir.display(),
        unreadable_note(*unreadable)
    )]
    NotFound {
        query: String,
        dir: PathBuf,
        /// How many files in the folder could not be read (they might be the one wanted).
        unreadable: usize,
    },

    /// A name or id prefix matched more than one session.
    #[error(
        "{query:?} matches {} sessions in {}: {}; type more of the name, or use the id",
        candidates.len(), dir.display(), candidates.join(", ")
    )]
    Ambiguous {
        query: String,
        dir: PathBuf,
        /// `id ("name")` for each match.
        candidates: Vec<String>,
    },

    /// A session with this id already exists, so creating or restoring it would overwrite it.
    #[error(
        "a session with id {id} already exists at {}; nothing was overwritten — \
         delete or rename that one first, or use another id",
        path.display()
    )]
    AlreadyExists { id: String, path: PathBuf },

    /// A session file that is not valid session JSON. It has been moved aside, never overwritten.
    #[error(
        "session file {} could not be read ({reason}); it was moved aside to {} and kept as it was{}",
        path.display(), moved_to.display(), backup_note(*backup_available, path, id)
    )]
    Corrupt {
        id: String,
        path: PathBuf,
        moved_to: PathBuf,
        reason: String,
        /// `<path>.bak` exists and parses; [`super::Store::recover_from_backup`] restores it.
        backup_available: bool,
    },

    /// A session file that is not valid session JSON and could not be moved aside either.
    #[error(
        "session file {} could not be read ({reason}) and could not be moved aside ({source}); \
         it was left untouched — move or delete it yourself, then try again",
        path.display()
    )]
    CorruptNotMoved {
        id: String,
        path: PathBuf,
        reason: String,
        #[source]
        source: Arc<io::Error>,
    },

    /// A file in the store is not valid session JSON (reported by listing, which moves nothing).
    #[error(
        "{} is not a readable session file ({reason}); opening that session moves the file aside \
         and offers its backup if there is one",
        path.display()
    )]
    Unreadable { path: PathBuf, reason: String },

    /// The file was written by a newer cpm-workshop; it is left untouched.
    #[error(
        "{} was made by a newer cpm-workshop (file format {found}; this one understands up to \
         {supported}); upgrade cpm-workshop to open it — the file was left untouched",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: u64,
        supported: u32,
    },

    /// The file is larger than a session file may be; it was not read.
    #[error(
        "{} is {size} bytes, more than the {limit} bytes a session file may be; it was not read \
         and is left as it was{}",
        path.display(), too_large_advice(*looks_like_session)
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
        /// The file starts like a session file (so it is not some stray file to move away).
        looks_like_session: bool,
    },

    /// Saving would make a file larger than the store reads back, so nothing was written.
    #[error(
        "session {id} was not saved: it would be {size} bytes, more than the {limit} bytes a \
         session file may be (a larger one could not be opened again); the file {} is unchanged \
         and the change is only in memory — delete notes, or export the session and start a new one",
        path.display()
    )]
    TooLargeToSave {
        id: String,
        path: PathBuf,
        size: u64,
        limit: u64,
    },

    /// The session asked for was deleted: it is in the trash.
    #[error("session {query:?} is in the trash; bring it back with: cpm-workshop restore {id}")]
    InTrash { query: String, id: SessionId },

    /// Another process is writing this session.
    #[error(
        "session {} is open in another cpm-workshop ({other}); close it there first — \
         the lock is released as soon as that program exits (lock file {})",
        session_label(id, name.as_deref()), path.display()
    )]
    Locked {
        id: String,
        name: Option<String>,
        /// The lock file.
        path: PathBuf,
        /// Who holds it, as written in the lock file, e.g. "process 1234".
        other: String,
    },

    /// No trashed session has this id.
    #[error(
        "no deleted session {id} in {}; run `cpm-workshop restore` (with no id) to list the trash",
        dir.display()
    )]
    NotInTrash { id: String, dir: PathBuf },

    /// There is no usable `.bak` to recover from.
    #[error("cannot recover session {id} from {}: {reason}", path.display())]
    BackupUnusable {
        id: String,
        path: PathBuf,
        reason: String,
    },

    /// The background saver did not finish within the time allowed.
    #[error(
        "saving to {} did not finish within {waited:?}; the sessions are still in memory — \
         check that the disk is responding and try again",
        dir.display()
    )]
    FlushTimeout { dir: PathBuf, waited: Duration },

    /// The background saver thread is gone (it panicked).
    #[error(
        "the background saver for {} stopped unexpectedly; unsaved changes are only in memory — \
         save again or restart cpm-workshop",
        dir.display()
    )]
    SaverStopped { dir: PathBuf },
}

impl StoreError {
    /// An [`StoreError::Io`] for `action` on `path`.
    pub(crate) fn io(action: &'static str, path: &Path, source: io::Error) -> StoreError {
        StoreError::Io {
            action,
            path: path.to_path_buf(),
            source: Arc::new(source),
        }
    }

    /// The file or folder this error is about, when there is one.
    pub fn path(&self) -> Option<&Path> {
        use StoreError::*;
        match self {
            NoDataDir | BadId { .. } | Encode { .. } | InTrash { .. } => None,
            NotADirectory { path }
            | Io { path, .. }
            | SaveFailed { path, .. }
            | BadFileName { path, .. }
            | AlreadyExists { path, .. }
            | Corrupt { path, .. }
            | CorruptNotMoved { path, .. }
            | Unreadable { path, .. }
            | TooNew { path, .. }
            | TooLarge { path, .. }
            | TooLargeToSave { path, .. }
            | Locked { path, .. }
            | BackupUnusable { path, .. } => Some(path),
            NotFound { dir, .. }
            | Ambiguous { dir, .. }
            | NotInTrash { dir, .. }
            | FlushTimeout { dir, .. }
            | SaverStopped { dir } => Some(dir),
        }
    }
}

/// What kind of trouble a store error is, so the app can say it in a word beside "NOT SAVED"
/// and tell a session open elsewhere from a full disk without reading the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trouble {
    /// Another cpm-workshop has the session open.
    Locked,
    /// The disk or the user's quota is full.
    DiskFull,
    /// The disk is mounted read-only.
    ReadOnly,
    /// The folder or file may not be written.
    NoPermission,
    /// The folder (or part of its path) is gone or is a file.
    Missing,
    /// The session is too large to save.
    TooLarge,
    /// The saver thread stopped or did not finish in time.
    Stuck,
    /// Anything else; the message says what.
    Other,
}

impl Trouble {
    /// A few words for the status bar ("disk full").
    pub fn label(self) -> &'static str {
        match self {
            Trouble::Locked => "open elsewhere",
            Trouble::DiskFull => "disk full",
            Trouble::ReadOnly => "disk read-only",
            Trouble::NoPermission => "no permission",
            Trouble::Missing => "folder missing",
            Trouble::TooLarge => "too large",
            Trouble::Stuck => "disk not responding",
            Trouble::Other => "see message",
        }
    }
}

impl StoreError {
    /// What kind of trouble this is.
    pub fn trouble(&self) -> Trouble {
        use StoreError::*;
        match self {
            Locked { .. } => Trouble::Locked,
            TooLargeToSave { .. } | TooLarge { .. } => Trouble::TooLarge,
            FlushTimeout { .. } | SaverStopped { .. } => Trouble::Stuck,
            NotADirectory { .. } => Trouble::Missing,
            Io { source, .. } | SaveFailed { source, .. } => {
                use io::ErrorKind::*;
                match source.kind() {
                    StorageFull | QuotaExceeded | FileTooLarge => Trouble::DiskFull,
                    ReadOnlyFilesystem => Trouble::ReadOnly,
                    PermissionDenied => Trouble::NoPermission,
                    NotFound | NotADirectory => Trouble::Missing,
                    _ => Trouble::Other,
                }
            }
            _ => Trouble::Other,
        }
    }
}

/// What to do about an I/O error, as a "; …" tail (empty when there is nothing useful to add).
fn hint(e: &io::Error) -> &'static str {
    use io::ErrorKind::*;
    match e.kind() {
        PermissionDenied => {
            "; check the folder's permissions, or choose another folder with --store DIR"
        }
        ReadOnlyFilesystem => "; the disk is read-only — choose another folder with --store DIR",
        StorageFull | QuotaExceeded | FileTooLarge => "; the disk is full — free some space",
        NotADirectory => {
            "; part of that path is a file, not a folder — choose another folder with --store DIR"
        }
        NotFound => "; the folder or file is missing — check the path or pass --store DIR",
        _ => "",
    }
}

fn too_large_advice(looks_like_session: bool) -> &'static str {
    if looks_like_session {
        // cpm-workshop refuses to save a session this large, so another program made it.
        "; it starts like a session file, so it was made or grown by another program — \
         open its .bak instead, or shorten it in an editor"
    } else {
        "; it is probably not a session file — move it out of the folder"
    }
}

fn unreadable_note(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => " (1 file there could not be read)".to_string(),
        n => format!(" ({n} files there could not be read)"),
    }
}

fn backup_note(available: bool, path: &Path, id: &str) -> String {
    if available {
        format!(
            "; the previous version {}.bak is readable — bring it back with: \
             cpm-workshop restore --from-backup {id} (with the same --store, if you gave one)",
            path.display()
        )
    } else {
        "; there is no readable backup".to_string()
    }
}

fn session_label(id: &str, name: Option<&str>) -> String {
    match name {
        Some(name) => format!("{name:?} ({id})"),
        None => id.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn save_failed(kind: io::ErrorKind) -> StoreError {
        StoreError::SaveFailed {
            id: "s1".into(),
            path: PathBuf::from("/store/s1.json"),
            step: "writing s1.json.tmp".into(),
            source: Arc::new(io::Error::from(kind)),
        }
    }

    #[test]
    fn a_lock_and_a_full_disk_are_told_apart() {
        let locked = StoreError::Locked {
            id: "s1".into(),
            name: None,
            path: PathBuf::from("/store/s1.lock"),
            other: "process 7".into(),
        };
        assert_eq!(locked.trouble(), Trouble::Locked);
        assert_eq!(
            save_failed(io::ErrorKind::StorageFull).trouble(),
            Trouble::DiskFull
        );
        assert_eq!(
            save_failed(io::ErrorKind::ReadOnlyFilesystem).trouble(),
            Trouble::ReadOnly
        );
        assert_eq!(
            save_failed(io::ErrorKind::PermissionDenied).trouble(),
            Trouble::NoPermission
        );
        assert_eq!(
            save_failed(io::ErrorKind::NotADirectory).trouble(),
            Trouble::Missing
        );
        assert_eq!(
            save_failed(io::ErrorKind::Interrupted).trouble(),
            Trouble::Other
        );
    }
}
