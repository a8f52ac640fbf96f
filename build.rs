//! Names the commit a binary was built from, for `cpm-workshop --version`.
//!
//! Sets `CPM_WORKSHOP_BUILD_COMMIT` to ` (commit <12 hex digits>)` when this crate's own folder is
//! the top of a git work tree and git answers, and to an empty string otherwise: a build from a
//! tarball or a crates.io download (no `.git`), a machine without git, or a crate unpacked inside
//! some other repository (whose commit says nothing about this code). Nothing here can fail the
//! build.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let suffix = match commit(&dir) {
        Some(hash) => format!(" (commit {hash})"),
        None => String::new(),
    };
    println!("cargo:rustc-env=CPM_WORKSHOP_BUILD_COMMIT={suffix}");
    // Without these lines cargo would rerun this script on every change to any file; with them,
    // only when the checked-out commit moves.
    println!("cargo:rerun-if-changed=build.rs");
    for path in ["HEAD", "packed-refs"]
        .into_iter()
        .filter_map(|p| git(&dir, &["rev-parse", "--git-path", p]))
        .chain(head_ref_path(&dir))
    {
        let path = dir.join(path);
        if path.exists() {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
}

/// The short hash of HEAD, if `dir` is the top of a git work tree.
fn commit(dir: &Path) -> Option<String> {
    let top = PathBuf::from(git(dir, &["rev-parse", "--show-toplevel"])?);
    if top.canonicalize().ok()? != dir.canonicalize().ok()? {
        return None;
    }
    let hash = git(dir, &["rev-parse", "--short=12", "HEAD"])?;
    hash.chars().all(|c| c.is_ascii_hexdigit()).then_some(hash)
}

/// The file of the branch HEAD points to (it changes with every commit on that branch).
fn head_ref_path(dir: &Path) -> Option<String> {
    let name = git(dir, &["symbolic-ref", "-q", "HEAD"])?;
    git(dir, &["rev-parse", "--git-path", &name])
}

/// git's answer, trimmed, or `None` if git is missing or fails.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (out.status.success() && !text.is_empty()).then(|| text.to_string())
}
