//! Content: the decks (categories of CPM behaviors) and activity scripts a workshop runs on.
//!
//! The shipped content lives in `content/` at the repository root and is compiled into the
//! binary; a trainer's folder (`--content DIR`) can add decks or replace shipped ones. Deck
//! files are Markdown-style outlines (see [`parse`] for the format); activity scripts are JSON.
//! Every problem is a [`ContentError`] that reads `FILE:LINE[:COL]: message`.

pub mod activity;
pub mod deck;
mod deck_line;
pub mod embedded;
pub mod error;
pub mod files;
pub mod fill;
pub mod import;
mod import_lines;
pub mod library;
pub mod parse;
pub mod plan_script;
pub mod rounds;
pub mod step_kind;
pub mod text;
pub mod user_folder;

pub use activity::{Dimension, Heading, SnapshotActivity, StepScript, StickyActivity};
pub use deck::*;
pub use embedded::DEFAULT_DECK;
pub use error::{ActivityProblem, ContentError, DeckProblem, FolderProblem};
pub use files::{MAX_FILE_BYTES, read_text};
pub use fill::{FillError, Filled, fill_category};
pub use import::{ImportError, Imported, import_text};
pub use import_lines::DropReason;
pub use library::{Library, check_path, read_deck_file, read_snapshot, read_sticky};
pub use parse::parse_deck;
pub use plan_script::{ActionColumns, PlanScript, PlanStepId, PlanStepScript};
pub use rounds::{ItemScript, RoundStepKind, RoundStepScript, RoundsActivity, items_from_deck};
pub use step_kind::StepKind;
pub use text::deck_to_text;
pub use user_folder::{CONTENT_HOME_ENV, user_content_dir};
