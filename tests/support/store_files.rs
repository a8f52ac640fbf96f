//! What a store folder holds besides sessions: the hidden files (a save's temporary file, a write
//! probe, the listing cache) that a test checks were cleaned up.
#![allow(dead_code)] // each test file uses part of the support code

use std::path::Path;

/// Names in `dir` that start with `.`: temporary files and probes left behind (and the listing
/// cache, where a listing ran).
pub fn hidden_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    names.sort();
    names
}

/// Fails naming every hidden file left in `dir`.
#[track_caller]
pub fn assert_no_temp_files(dir: &Path) {
    let left = hidden_files(dir);
    assert!(
        left.is_empty(),
        "temporary files left in {}: {left:?}",
        dir.display()
    );
}

/// `text` as a session id (a test names sessions it made, so a bad one is the test's bug).
pub fn session_id(text: &str) -> cpm_workshop::workshop::SessionId {
    cpm_workshop::workshop::SessionId::parse(text).unwrap_or_else(|e| panic!("{e}"))
}

/// The notes' texts in session `id` of the store folder `store`, read with the store as the app
/// reads them.
pub fn note_texts(store: &Path, id: &str) -> Vec<String> {
    cpm_workshop::store::Store::open(store.to_path_buf())
        .unwrap_or_else(|e| panic!("{e}"))
        .load(&session_id(id))
        .unwrap_or_else(|e| panic!("{e}"))
        .notes
        .into_iter()
        .map(|n| n.text)
        .collect()
}
