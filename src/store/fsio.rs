//! The careful file operations the store is built on: durable atomic replacement with a backup,
//! create-without-overwrite, moves that never overwrite, and capped reads.
//!
//! A process killed at any instant leaves the old or the new file, never a torn one: new content
//! goes to a temporary file in the same folder, is flushed and `sync_all`ed, and only then renamed
//! over the real name (a rename within a folder is atomic); the folder is synced afterwards so the
//! rename itself survives a power cut. A save therefore costs two syncs: the new content, then
//! the folder. The backup is a hard link to the old content, which was synced when it was
//! written, so it needs no sync of its own.
//!
//! Notes are private: on Unix every file made here is created `0600` and every folder `0700`
//! (before the umask, which can only take more away), so other accounts on a shared machine
//! cannot read them, and a save never loosens a mode the trainer tightened.

use super::{StoreError, rename_retry};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Largest session file the store will read (a 2,000-note session is well under 2 MiB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Distinguishes temporary files made by different threads of this process.
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// `.<name>.tmp-<pid>-<n>` next to `target`: hidden, so listings skip it, and unique per process
/// and call, so two threads never write the same temporary file.
pub fn temp_path(target: &Path, tag: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    target.with_file_name(format!(".{name}.{tag}-{}-{n}", std::process::id()))
}

/// Syncs a folder so renames and new names in it are durable. A no-op off Unix, where folders
/// cannot be opened this way (NTFS journals the rename itself).
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        match File::open(dir).and_then(|d| d.sync_all()) {
            // Some file systems cannot sync a folder; there is nothing more we can do there.
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported
                ) =>
            {
                Ok(())
            }
            other => other,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Mode of every file the app creates on Unix: readable and writable by the user alone.
#[cfg(unix)]
pub const PRIVATE_FILE_MODE: u32 = 0o600;
/// Mode of every folder the app creates on Unix.
#[cfg(unix)]
pub const PRIVATE_DIR_MODE: u32 = 0o700;

/// Options that create a new file (never an existing one) readable by the user alone.
pub fn create_private() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, PRIVATE_FILE_MODE);
    options
}

/// Creates `dir` and any missing parents, each one private to the user on Unix. A folder that
/// already exists keeps its mode (it may be shared on purpose).
pub fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, PRIVATE_DIR_MODE);
    builder.create(dir)
}

/// Whether a write must reach the disk before it counts as done.
#[derive(Clone, Copy, PartialEq)]
enum Durability {
    /// Synced: survives a power cut (sessions, exports).
    Synced,
    /// Not synced: a power cut may lose it (caches that are rebuilt when lost).
    Unsynced,
}

/// Writes `bytes` to a fresh temporary file next to `target`, flushed and, if `sync` says so,
/// synced to disk. On failure the temporary file is removed and the error names the step.
fn write_temp(
    target: &Path,
    bytes: &[u8],
    sync: Durability,
) -> Result<PathBuf, (String, io::Error)> {
    let tmp = temp_path(target, "tmp");
    let result = (|| {
        let mut file = create_private().open(&tmp)?;
        file.write_all(bytes)?;
        file.flush()?;
        if sync == Durability::Synced {
            file.sync_all()?;
        }
        Ok(())
    })();
    match result {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err((format!("writing the temporary file {}", tmp.display()), e))
        }
    }
}

/// Makes `backup` a copy of `current` without ever leaving `backup` half-written: a hard link
/// (or, where links are unsupported, a synced copy) under a temporary name, renamed over it. The
/// new name becomes durable with the folder sync that ends the save.
fn make_backup(current: &Path, backup: &Path) -> Result<(), (String, io::Error)> {
    let tmp = temp_path(backup, "tmp");
    let step = || format!("keeping the previous version as {}", backup.display());
    let linked = fs::hard_link(current, &tmp);
    let result = match linked {
        Ok(()) => Ok(()),
        Err(_) => (|| {
            // No hard links here (FAT, some network shares): copy and sync instead.
            let _ = fs::remove_file(&tmp);
            let mut from = File::open(current)?;
            let mut to = create_private().open(&tmp)?;
            io::copy(&mut from, &mut to)?;
            to.sync_all()
        })(),
    }
    .and_then(|()| rename_retry::rename(&tmp, backup));
    match result {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err((step(), e))
        }
    }
}

/// The error for a failed save of session `id` at `target`, from the step and its cause.
fn save_failed<'a>(
    id: &'a str,
    target: &'a Path,
) -> impl Fn((String, io::Error)) -> StoreError + 'a {
    move |(step, source)| StoreError::SaveFailed {
        id: id.to_string(),
        path: target.to_path_buf(),
        step,
        source: Arc::new(source),
    }
}

/// Replaces `target` with `bytes` atomically and durably, keeping the old content as `backup`.
/// On any failure `target` is unchanged and no temporary file is left behind.
pub fn replace(id: &str, target: &Path, backup: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = parent(target);
    let fail = save_failed(id, target);
    let tmp = write_temp(target, bytes, Durability::Synced).map_err(&fail)?;
    let rest = (|| {
        // No folder sync between the backup and the rename: the live file never depends on the
        // backup. Its new content is synced before the rename, so after a power cut the name
        // holds the old or the new content, whole, whether or not the backup's name survived
        // (a lost backup name only means the `.bak` is one version older). The one sync below
        // makes both names durable before the save is reported done.
        if target.exists() {
            make_backup(target, backup)?;
        }
        rename_retry::rename(&tmp, target).map_err(|e| {
            (
                format!("renaming {} over the session file", tmp.display()),
                e,
            )
        })?;
        sync_dir(dir).map_err(|e| (format!("syncing the folder {}", dir.display()), e))
    })();
    if rest.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    rest.map_err(fail)
}

/// Replaces any file `target` with `bytes` atomically and durably, without a backup (for
/// exports). A file that replaces `like` (the metadata of the file at `target` now) keeps its
/// mode and, where the system lets us, its owner; a new file is private. On failure `target`
/// is unchanged, no temporary file is left behind, and the error says which step failed.
pub fn write_atomic(
    target: &Path,
    bytes: &[u8],
    like: Option<&fs::Metadata>,
) -> Result<(), (String, io::Error)> {
    let tmp = write_temp(target, bytes, Durability::Synced)?;
    let rest = (|| {
        if let Some(like) = like {
            fs::set_permissions(&tmp, like.permissions()).map_err(|e| {
                (
                    format!("giving {} the mode of the old file", tmp.display()),
                    e,
                )
            })?;
            keep_owner(&tmp, like).map_err(|e| (OWNER_NOT_KEPT.to_string(), e))?;
        }
        fs::rename(&tmp, target).map_err(|e| {
            (
                format!("renaming {} over {}", tmp.display(), target.display()),
                e,
            )
        })
    })();
    if rest.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    rest?;
    let dir = parent(target);
    sync_dir(dir).map_err(|e| (format!("syncing the folder {}", dir.display()), e))
}

/// The step [`write_atomic`] names when the new file could not be given the old one's owner
/// (only root may give a file away); nothing was replaced, so the caller can write in place.
pub const OWNER_NOT_KEPT: &str = "giving the new file the owner of the old one";

/// Gives `path` the owner and group in `like`, when they differ from its own.
#[cfg(unix)]
fn keep_owner(path: &Path, like: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let now = fs::metadata(path)?;
    if (now.uid(), now.gid()) == (like.uid(), like.gid()) {
        return Ok(());
    }
    std::os::unix::fs::chown(path, Some(like.uid()), Some(like.gid()))
}

#[cfg(not(unix))]
fn keep_owner(_path: &Path, _like: &fs::Metadata) -> io::Result<()> {
    Ok(())
}

/// Replaces `target` with `bytes` atomically but without syncing: a reader sees the old content
/// or the new, and a power cut may lose the change (for caches).
pub fn write_atomic_unsynced(target: &Path, bytes: &[u8]) -> io::Result<()> {
    rename_temp_over(target, bytes, Durability::Unsynced)
}

/// Writes `bytes` to a temporary file and renames it over `target`; nothing is left behind on
/// failure.
fn rename_temp_over(target: &Path, bytes: &[u8], sync: Durability) -> io::Result<()> {
    let tmp = write_temp(target, bytes, sync).map_err(|(_, e)| e)?;
    rename_retry::rename(&tmp, target).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

/// Writes `bytes` as `target` only if nothing is there yet (atomic where hard links exist).
/// `Ok(false)` means `target` already existed and nothing was written.
pub fn create(id: &str, target: &Path, bytes: &[u8]) -> Result<bool, StoreError> {
    let dir = parent(target);
    let fail = save_failed(id, target);
    let tmp = write_temp(target, bytes, Durability::Synced).map_err(&fail)?;
    let result = match move_no_replace(&tmp, target) {
        Ok(true) => sync_dir(dir)
            .map(|()| true)
            .map_err(|e| (format!("syncing the folder {}", dir.display()), e)),
        Ok(false) => Ok(false),
        Err(e) => Err((format!("moving {} into place", tmp.display()), e)),
    };
    let _ = fs::remove_file(&tmp);
    result.map_err(fail)
}

/// Moves `from` to `to` unless `to` exists; `Ok(false)` if it did (and nothing moved). Uses a hard
/// link where possible so the check and the move are one step; elsewhere checks, then renames.
pub fn move_no_replace(from: &Path, to: &Path) -> io::Result<bool> {
    match fs::hard_link(from, to) {
        Ok(()) => {
            fs::remove_file(from)?;
            Ok(true)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(_) => {
            if fs::symlink_metadata(to).is_ok() {
                return Ok(false);
            }
            fs::rename(from, to)?;
            Ok(true)
        }
    }
}

/// Moves `from` to the first of `base`, `base-2`, `base-3`… that does not exist; returns it.
pub fn move_aside(from: &Path, base: &Path) -> io::Result<PathBuf> {
    let name = base
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for n in 1u32.. {
        let to = if n == 1 {
            base.to_path_buf()
        } else {
            base.with_file_name(format!("{name}-{n}"))
        };
        if move_no_replace(from, &to)? {
            return Ok(to);
        }
    }
    Err(io::Error::other("no free name to move the file to"))
}

/// Reads a whole file, refusing one larger than [`MAX_FILE_BYTES`] without reading it.
/// `Ok(None)` if the file does not exist.
pub fn read_capped(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::io("open", path, e)),
    };
    let size = file
        .metadata()
        .map_err(|e| StoreError::io("read", path, e))?
        .len();
    let too_large = |size: u64, start: &[u8]| StoreError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: MAX_FILE_BYTES,
        looks_like_session: starts_like_a_session(start),
    };
    if size > MAX_FILE_BYTES {
        let mut start = Vec::new();
        let _ = (&file).take(64).read_to_end(&mut start);
        return Err(too_large(size, &start));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| StoreError::io("read", path, e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64, &bytes));
    }
    Ok(Some(bytes))
}

/// True if `start` (a file's first bytes) opens the way the store writes sessions.
fn starts_like_a_session(start: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&start[..start.len().min(64)]);
    let text = text.trim_start();
    text.starts_with('{') && text[1..].trim_start().starts_with("\"schema_version\"")
}

/// Refuses to write `size` bytes as session `id` at `path` when the store would not read them
/// back ([`MAX_FILE_BYTES`]); checked before anything touches the disk.
pub fn check_fits(id: &str, path: &Path, size: u64) -> Result<(), StoreError> {
    if size > MAX_FILE_BYTES {
        return Err(StoreError::TooLargeToSave {
            id: id.to_string(),
            path: path.to_path_buf(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(())
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_keeps_a_backup_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.json");
        let backup = dir.path().join("a.json.bak");
        replace("a", &target, &backup, b"one").unwrap();
        assert!(!backup.exists());
        replace("a", &target, &backup, b"two").unwrap();
        replace("a", &target, &backup, b"three").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"three");
        assert_eq!(fs::read(&backup).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn create_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.json");
        assert!(create("a", &target, b"first").unwrap());
        assert!(!create("a", &target, b"second").unwrap());
        assert_eq!(fs::read(&target).unwrap(), b"first");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn move_aside_picks_a_free_name() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().join("a.json.corrupt-X");
        for content in ["1", "2", "3"] {
            let from = dir.path().join("a.json");
            fs::write(&from, content).unwrap();
            let to = move_aside(&from, &base).unwrap();
            assert_eq!(fs::read_to_string(&to).unwrap(), content);
            assert!(!from.exists());
        }
        assert_eq!(
            fs::read_to_string(dir.path().join("a.json.corrupt-X-3")).unwrap(),
            "3"
        );
    }

    #[test]
    fn read_capped_reads_and_reports_missing() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x");
        assert!(read_capped(&p).unwrap().is_none());
        fs::write(&p, "hello").unwrap();
        assert_eq!(read_capped(&p).unwrap().unwrap(), b"hello");
    }

    #[test]
    fn read_capped_refuses_huge_files_without_reading_them() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("huge.json");
        // A sparse file: large on paper, nothing actually written.
        let f = File::create(&p).unwrap();
        f.set_len(MAX_FILE_BYTES + 1).unwrap();
        let err = read_capped(&p).unwrap_err();
        assert!(matches!(err, StoreError::TooLarge { .. }), "{err}");
        assert!(err.to_string().contains("huge.json"));
        assert!(err.to_string().contains("move it out"), "{err}");
    }

    #[test]
    fn a_huge_file_that_starts_like_a_session_is_not_called_a_stray_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.json");
        let mut f = File::create(&p).unwrap();
        f.write_all(b"{\n  \"schema_version\": 1,\n").unwrap();
        f.set_len(MAX_FILE_BYTES + 1).unwrap();
        let err = read_capped(&p).unwrap_err().to_string();
        assert!(!err.contains("move it out"), "{err}");
        assert!(err.contains("left as it was"), "{err}");
    }

    #[test]
    fn a_save_the_store_could_not_read_back_is_refused() {
        let p = Path::new("/s/a.json");
        assert!(check_fits("a", p, MAX_FILE_BYTES).is_ok());
        let err = check_fits("a", p, MAX_FILE_BYTES + 1).unwrap_err();
        assert!(matches!(err, StoreError::TooLargeToSave { .. }), "{err}");
        let msg = err.to_string();
        assert!(
            msg.contains("not saved") && !msg.contains("move it out"),
            "{msg}"
        );
    }
}
