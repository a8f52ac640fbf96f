//! The library on its own, no binary and no terminal: content decks, the store, exports, the
//! Snapshot's rules, and what shipped text may say. A new test of a layer below the UI goes in a
//! file here, named after what it checks, with a `mod` line below.

#[path = "../support/mod.rs"]
mod support;

mod content;
mod deck_habits;
mod export_props;
mod snapshot_domain;
mod snapshot_export;
mod snapshot_plan_export;
mod sources_cited;
mod store;
