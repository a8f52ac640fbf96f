//! A folder made read-only for this process and its children, on any Unix machine: root (whom
//! folder permissions do not stop) gets a tmpfs mounted there and remounted read-only; anyone
//! else takes away the folder's write permission. Both are undone when dropped.
#![allow(dead_code)] // each test file uses part of the support code

use super::require::{is_root, require};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Why a tmpfs could not be had, for [`require`].
pub const TMPFS_NEEDED: &str =
    "cannot mount a tmpfs here (needs root allowed to mount, e.g. not an unprivileged container)";

/// A tmpfs mounted for one test and unmounted (lazily) when dropped.
pub struct Mount(PathBuf);

impl Mount {
    /// Mounts a tmpfs with `options` (e.g. `size=1m`) at `at`, made if missing; `None` where
    /// mounting is not allowed (not root, no `mount`, a container without the right).
    pub fn tmpfs(at: &Path, options: &str) -> Option<Mount> {
        std::fs::create_dir_all(at).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(at)
            .output()
            .is_ok_and(|o| o.status.success());
        ok.then(|| Mount(at.to_path_buf()))
    }

    /// Remounts with `options` (e.g. `ro`); panics naming them if the system refuses.
    pub fn remount(&self, options: &str) {
        let out = Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(&self.0)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "remount {options}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).output();
    }
}

/// A folder that cannot be written in until this is dropped.
pub enum ReadOnly {
    /// Root: a tmpfs remounted read-only (writes fail with "read-only file system").
    Remounted(Mount),
    /// Anyone else: mode 0555 (writes fail with "permission denied").
    Chmodded(PathBuf),
}

impl ReadOnly {
    /// Makes `dir` (missing, or empty for root) ready, runs `fill` to write what the test
    /// needs in it, then makes it read-only. `None`, through [`require`], where root cannot
    /// mount.
    pub fn after<T>(dir: &Path, fill: impl FnOnce() -> T) -> Option<(ReadOnly, T)> {
        if is_root() {
            let mount = require(Mount::tmpfs(dir, "size=4m,mode=0700"), TMPFS_NEEDED)?;
            let filled = fill();
            mount.remount("ro");
            Some((ReadOnly::Remounted(mount), filled))
        } else {
            std::fs::create_dir_all(dir).unwrap();
            let filled = fill();
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
            // Permissions bite for everyone but root; make sure before a test relies on it.
            let probe = dir.join("read-only-probe");
            assert!(
                std::fs::write(&probe, "").is_err(),
                "{} is still writable after chmod 0555",
                dir.display()
            );
            Some((ReadOnly::Chmodded(dir.to_path_buf()), filled))
        }
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        if let ReadOnly::Chmodded(dir) = self {
            let _ = std::fs::set_permissions(&*dir, std::fs::Permissions::from_mode(0o700));
        }
    }
}
