//! Where an export goes: the one place export text meets the file system, for `export -o PATH`
//! and for the app's exports alike.
//!
//! An export writes into what is at the path and never replaces it with something else: only a
//! regular file (or nothing yet) gets the temporary-file-and-rename that makes a write atomic.
//! A symbolic link is followed, so the link stays and its target gets the export; a FIFO, a
//! terminal or another character device gets the bytes written into it (replacing
//! `/dev/null` with a file would break every program on the machine), and so does a regular
//! file reached through `/dev/stdout` or `/proc/self/fd/N`. A folder, a file that
//! is not writable and a file in a read-only folder are refused and left as they were. A
//! replaced file keeps its mode and owner; a new one is private to the user.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How many links a path may go through before it counts as a loop (as Linux's `MAXSYMLINKS`).
const MAX_LINKS: usize = 40;

/// What writing an export did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// A new file was made.
    Created,
    /// A regular file that was there was replaced (keeping its mode and owner).
    Replaced,
    /// The bytes went into a FIFO, a terminal or another device, which is still there.
    Streamed,
}

/// Why an export could not be written there; the path was left as it was. Messages name the
/// path and say what to do, without mentioning the session store.
#[derive(Debug, thiserror::Error)]
pub enum DestinationError {
    /// The path is a folder (or a link to one).
    #[error("{} is a folder; give the path of a file (in that folder or elsewhere)", path.display())]
    Folder { path: PathBuf },

    /// The file's mode lets no one write it, or the system refused to open it for writing.
    #[error(
        "{} is read-only, so it was left as it was; make it writable (chmod u+w) or choose another file",
        path.display()
    )]
    ReadOnlyFile { path: PathBuf },

    /// The folder the file would go in cannot be written in.
    #[error(
        "cannot write in the folder {}: it is read-only, so nothing was written; choose a file in another folder",
        path.display()
    )]
    ReadOnlyFolder { path: PathBuf },

    /// The folder the file would go in does not exist.
    #[error("the folder {} does not exist; create it first or choose another path", path.display())]
    NoFolder { path: PathBuf },

    /// Something that cannot hold an export: a disk device, a socket, a link loop.
    #[error("{} is {what}, not a file; choose a file to write the export to", path.display())]
    NotAFile { path: PathBuf, what: &'static str },

    /// A file-system step failed; the message carries the system's reason once.
    #[error("could not write {}: {step}: {source}{}", path.display(), hint(source))]
    Io {
        path: PathBuf,
        step: String,
        source: io::Error,
    },
}

/// What to do about a failed step, as a "; …" tail.
fn hint(e: &io::Error) -> &'static str {
    match e.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "; the disk is full — free some space or choose another disk"
        }
        io::ErrorKind::ReadOnlyFilesystem => "; the disk is read-only — choose another disk",
        io::ErrorKind::PermissionDenied => "; check the permissions or choose another path",
        _ => "",
    }
}

/// Writes `bytes` to `path` by the rules in the module comment.
pub fn write(path: &Path, bytes: &[u8]) -> Result<Written, DestinationError> {
    let io_err = |at: &Path, step: &str, source: io::Error| DestinationError::Io {
        path: at.to_path_buf(),
        step: step.to_string(),
        source,
    };
    // What the path leads to, links followed (including /proc's links to pipes, which name
    // no file: /dev/stdout is one).
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            // Nothing there yet, or a link to nothing yet: make the file the link points at.
            let target = follow_links(path)?;
            check_folder(&target)?;
            atomic(&target, bytes, None)?;
            return Ok(Written::Created);
        }
        Err(e) => return Err(io_err(path, "looking at what is there", e)),
    };
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(DestinationError::Folder {
            path: path.to_path_buf(),
        });
    }
    if kind.is_file() && !names_a_descriptor(path) {
        let target = fs::canonicalize(path).map_err(|e| io_err(path, "following its links", e))?;
        if meta.permissions().readonly() {
            return Err(DestinationError::ReadOnlyFile { path: target });
        }
        // The system's own answer too (another owner, an ACL), without changing the file.
        match fs::OpenOptions::new().write(true).open(&target) {
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
                return Err(DestinationError::ReadOnlyFile { path: target });
            }
            Err(e) => return Err(io_err(&target, "opening it", e)),
        }
        check_folder(&target)?;
        atomic(&target, bytes, Some(&meta))?;
        return Ok(Written::Replaced);
    }
    if let Some(what) = unusable(&kind) {
        return Err(DestinationError::NotAFile {
            path: path.to_path_buf(),
            what,
        });
    }
    // A regular file behind a descriptor name is opened anew at offset 0; appending puts the
    // export where the shell's own descriptor would have (after `>` the file is empty).
    let mut stream = fs::OpenOptions::new()
        .write(true)
        .append(kind.is_file())
        .open(path)
        .map_err(|e| io_err(path, "opening it", e))?;
    stream
        .write_all(bytes)
        .and_then(|()| stream.flush())
        .map_err(|e| io_err(path, "writing into it", e))?;
    Ok(Written::Streamed)
}

/// True for `/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N` and the like: names of a descriptor
/// this process already has open, to be written into even when it leads to a regular file
/// (the shell's `> out.txt` or `>> log.txt`, which a rename would cut off or overwrite).
fn names_a_descriptor(path: &Path) -> bool {
    let parts: Vec<&std::ffi::OsStr> = path.iter().collect();
    let is = |i: usize, name: &str| parts.get(i).is_some_and(|p| *p == name);
    cfg!(unix)
        && match parts.len() {
            3 => is(1, "dev") && ["stdout", "stderr", "stdin"].iter().any(|n| is(2, n)),
            4 => is(1, "dev") && is(2, "fd"),
            5 => is(1, "proc") && is(3, "fd"),
            _ => false,
        }
}

/// Replaces (or creates) the regular file `target`. Where its owner cannot be kept (we are
/// not allowed to give a file away), the old file is written in place instead, which keeps
/// owner and mode at the cost of atomicity.
fn atomic(
    target: &Path,
    bytes: &[u8],
    like: Option<&fs::Metadata>,
) -> Result<(), DestinationError> {
    match crate::store::write_file_atomic(target, bytes, like) {
        Ok(()) => Ok(()),
        Err((step, _)) if step == crate::store::OWNER_NOT_KEPT => in_place(target, bytes),
        Err((step, source)) => Err(DestinationError::Io {
            path: target.to_path_buf(),
            step,
            source,
        }),
    }
}

fn in_place(target: &Path, bytes: &[u8]) -> Result<(), DestinationError> {
    let result = fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(target)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        });
    result.map_err(|source| DestinationError::Io {
        path: target.to_path_buf(),
        step: "writing it in place".to_string(),
        source,
    })
}

/// The file type's name when it cannot take an export (a disk, a socket); `None` for a FIFO,
/// a terminal or another character device, which can.
#[cfg(unix)]
fn unusable(kind: &fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_block_device() {
        Some("a disk device")
    } else if kind.is_socket() {
        Some("a socket")
    } else {
        None
    }
}

#[cfg(not(unix))]
fn unusable(_kind: &fs::FileType) -> Option<&'static str> {
    None
}

/// Refuses a missing folder, and on Unix a folder no one may write in (checked by its mode, so
/// the answer is the same for root, who could write there anyway).
fn check_folder(target: &Path) -> Result<(), DestinationError> {
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match fs::metadata(folder) {
        Ok(meta) if !meta.is_dir() => Err(DestinationError::NoFolder {
            path: folder.to_path_buf(),
        }),
        #[cfg(unix)]
        Ok(meta) if meta.permissions().readonly() => Err(DestinationError::ReadOnlyFolder {
            path: folder.to_path_buf(),
        }),
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(DestinationError::NoFolder {
            path: folder.to_path_buf(),
        }),
        Err(source) => Err(DestinationError::Io {
            path: folder.to_path_buf(),
            step: "looking at the folder".to_string(),
            source,
        }),
    }
}

/// `path` with every symbolic link at its end followed (a missing target is fine: the export
/// creates it).
fn follow_links(path: &Path) -> Result<PathBuf, DestinationError> {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to = fs::read_link(&at).map_err(|source| DestinationError::Io {
                    path: at.clone(),
                    step: "reading the link".to_string(),
                    source,
                })?;
                at = match at.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(DestinationError::NotAFile {
        path: path.to_path_buf(),
        what: "a loop of symbolic links",
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().mode() & 0o7777
    }

    #[test]
    fn a_new_file_is_private_and_a_replaced_one_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("new.txt");
        assert_eq!(write(&new, b"one").unwrap(), Written::Created);
        assert_eq!(fs::read(&new).unwrap(), b"one");
        assert_eq!(mode(&new), 0o600);
        let old = dir.path().join("old.txt");
        fs::write(&old, "old").unwrap();
        fs::set_permissions(&old, fs::Permissions::from_mode(0o640)).unwrap();
        assert_eq!(write(&old, b"two").unwrap(), Written::Replaced);
        assert_eq!(fs::read(&old).unwrap(), b"two");
        assert_eq!(mode(&old), 0o640);
    }

    #[test]
    fn a_replaced_file_keeps_its_owner_when_we_may_give_it_away() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("theirs.txt");
        fs::write(&file, "old").unwrap();
        // Only root may give a file to another account; anyone else checks their own stays.
        let (uid, gid) = (65534, 65534);
        let given = std::os::unix::fs::chown(&file, Some(uid), Some(gid)).is_ok();
        let before = fs::metadata(&file).unwrap();
        write(&file, b"new").unwrap();
        let after = fs::metadata(&file).unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"new");
        assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
        if given {
            assert_eq!(after.uid(), uid);
        }
    }

    #[test]
    fn a_link_is_followed_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.txt");
        fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.txt");
        symlink("target.txt", &link).unwrap();
        write(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&target).unwrap(), b"new");
        // A dangling link gets its target made.
        let dangling = dir.path().join("dangling.txt");
        symlink("made.txt", &dangling).unwrap();
        write(&dangling, b"made").unwrap();
        assert!(
            fs::symlink_metadata(&dangling)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(dir.path().join("made.txt")).unwrap(), b"made");
    }

    #[test]
    fn a_folder_or_a_link_to_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("to-dir");
        symlink(dir.path(), &link).unwrap();
        for path in [dir.path().to_path_buf(), link.clone()] {
            let err = write(&path, b"x").unwrap_err();
            assert!(matches!(err, DestinationError::Folder { .. }), "{err}");
            assert!(!err.to_string().contains("--store"), "{err}");
        }
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn a_read_only_file_or_folder_is_left_as_it_was() {
        // By mode bits, so the answer holds for root too (these tests run as root here).
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("ro.txt");
        fs::write(&file, "keep").unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(0o400)).unwrap();
        let err = write(&file, b"x").unwrap_err();
        assert!(
            matches!(err, DestinationError::ReadOnlyFile { .. }),
            "{err}"
        );
        assert_eq!(fs::read(&file).unwrap(), b"keep");
        assert_eq!(mode(&file), 0o400);

        let folder = dir.path().join("ro-dir");
        fs::create_dir(&folder).unwrap();
        let inside = folder.join("old.txt");
        fs::write(&inside, "keep").unwrap();
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).unwrap();
        for path in [inside.clone(), folder.join("new.txt")] {
            let err = write(&path, b"x").unwrap_err();
            assert!(
                matches!(err, DestinationError::ReadOnlyFolder { .. }),
                "{err}"
            );
        }
        assert_eq!(fs::read(&inside).unwrap(), b"keep");
        assert_eq!(fs::read_dir(&folder).unwrap().count(), 1);
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
    }

    #[test]
    fn a_fifo_gets_the_bytes_and_stays_a_fifo() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read(&fifo).unwrap())
        };
        assert_eq!(write(&fifo, b"through").unwrap(), Written::Streamed);
        assert_eq!(reader.join().unwrap(), b"through");
        use std::os::unix::fs::FileTypeExt;
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    }

    #[test]
    fn only_names_of_open_descriptors_are_written_in_place() {
        for path in ["/dev/stdout", "/dev/stderr", "/dev/fd/1", "/proc/self/fd/1"] {
            assert!(names_a_descriptor(Path::new(path)), "{path}");
        }
        for path in [
            "/dev/shm/notes.txt",
            "/proc",
            "/dev",
            "notes.txt",
            "/tmp/dev/stdout",
        ] {
            assert!(!names_a_descriptor(Path::new(path)), "{path}");
        }
    }

    #[test]
    fn a_missing_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let err = write(&dir.path().join("no/such.txt"), b"x").unwrap_err();
        assert!(matches!(err, DestinationError::NoFolder { .. }), "{err}");
    }
}
