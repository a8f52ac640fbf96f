//! A Snapshot session whose dot vote has made two priorities, saved in a test's store: where
//! the planning tests start.
#![allow(dead_code)] // each test file uses part of the support code

use cpm_workshop::content::Library;
use cpm_workshop::store::Store;
use cpm_workshop::workshop::Session;
use cpm_workshop::workshop::snapshot::{HeadingId, SnapshotPage, SnapshotState};
use std::path::Path;
use time::OffsetDateTime;

/// The two priorities, in the order the dot vote ranks them.
pub const PRIORITIES: [&str; 2] = ["Coaching time for supervisors", "Readable dashboards"];

/// Saves "Leadership team", a Snapshot with [`PRIORITIES`] from its dot vote, left on `page`;
/// returns its id.
pub fn save_snapshot_with_priorities(store: &Path, page: SnapshotPage) -> String {
    let library = Library::shipped();
    let now = OffsetDateTime::now_utc();
    let spec = SnapshotState::session_spec("Leadership team", &library.snapshot);
    let mut session =
        Session::new(super::session_id("20261123-0900-00"), spec, now).expect("a session");
    let st = session.snapshot_mut(&library.snapshot);
    for (text, dots) in PRIORITIES.into_iter().zip([5, 3]) {
        let id = st
            .add_note(text, 1, HeadingId::Opportunities, now)
            .expect("a note");
        st.set_dots(id, dots).expect("dots");
    }
    st.set_page(page);
    Store::open(store.to_path_buf())
        .expect("the store opens")
        .save(&session)
        .expect("the session saves");
    session.id.to_string()
}

/// The session's draft plan as the JSON export shows it (`null` before any planning).
pub fn plan_json(store: &Path, id: &str) -> serde_json::Value {
    let out = super::cli::run_ok(store, &["export", id, "--format", "json"]);
    let session: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    session["snapshot"]["plan"].clone()
}
