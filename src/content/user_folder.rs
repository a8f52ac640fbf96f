//! The trainer's own content folder: where the app saves a deck whose empty categories were
//! filled in by pasting, and which it loads on every start after the shipped decks and before
//! `--content DIR`.

use std::path::PathBuf;

/// Set to a folder to use it as the user content folder instead of the platform's (tests, or
/// a trainer who keeps content on a shared drive).
pub const CONTENT_HOME_ENV: &str = "CPM_WORKSHOP_CONTENT_HOME";

/// The user content folder: `$CPM_WORKSHOP_CONTENT_HOME` when set, else `content/` in the
/// platform's data folder (e.g. `~/.local/share/cpm-workshop/content`). `None` when the
/// platform names no data folder (no home folder): then only `--content DIR` adds decks.
pub fn user_content_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CONTENT_HOME_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "cpm-workshop", "cpm-workshop")
        .map(|p| p.data_dir().join("content"))
}
