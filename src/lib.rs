//! cpm-workshop: run California Child Welfare Core Practice Model workshops from a projected
//! terminal. Layers, bottom up, each importing only from those below it: `content` (decks,
//! activity scripts and the kinds of step they name), `workshop` (the pure domain: sessions,
//! notes, steps, timers, the Snapshot), `store` (sessions on disk, durable writes), `export`
//! (formatters, and writing their files through the store's durable writes), and on top `cli`,
//! `ui` and `phones` (the app calls the CLI's option helpers to find the store and the content;
//! `phones`, the phones' web page, only reads what the app publishes and hands changes to it).
//! `room` is what the room sees (the projector's view), built from the domain for both.
//! `console` and `error_report` clean and word what either top layer prints; `words` (the plural
//! rule) is below every layer.
#![forbid(unsafe_code)]

pub mod cli;
pub mod console;
pub mod content;
pub mod error_report;
pub mod export;
pub mod handoff;
pub mod note_lines;
pub mod phones;
pub mod room;
pub mod store;
pub mod ui;
pub mod words;
pub mod workshop;
