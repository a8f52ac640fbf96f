//! Exports: each format is a pure function from a session (and options) to text, so output is
//! deterministic and testable; writing it anywhere is the caller's business.

pub mod json;
pub mod scope;
pub mod txt;
pub mod wrap;

pub use scope::Scope;

use crate::workshop::Session;

/// The formats a session can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The whole session, as stored (with `schema_version`).
    Json,
    /// Plain text wrapped at 80 columns, for email.
    Txt,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Txt => "txt",
        }
    }
}

/// What to export, and the deck details for headers.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub scope: Scope,
    /// The deck's title and source, named in headers; the deck id is used when absent.
    pub deck_title: Option<String>,
    pub deck_source: Option<String>,
}

/// Renders a session in a format.
pub fn render(session: &Session, format: Format, options: &Options) -> String {
    match format {
        Format::Json => json::render(session),
        Format::Txt => txt::render(session, options),
    }
}
