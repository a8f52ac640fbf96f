//! cpm-workshop: run California Child Welfare Core Practice Model workshops from a projected
//! terminal. Layers, bottom up: `workshop` (pure domain), `content` (decks and activity scripts),
//! `store` (sessions on disk), `export` (pure formatters), `cli` and `ui` on top.
#![forbid(unsafe_code)]

pub mod cli;
pub mod cli_conventions;
pub mod cli_purge;
pub mod cli_send;
pub mod console;
pub mod content;
pub mod error_report;
pub mod export;
pub mod handoff;
pub mod note_lines;
pub mod store;
pub mod ui;
pub mod workshop;
