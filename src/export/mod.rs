//! Exports: each format is a pure function from a session (and options) to text, so output is
//! deterministic and testable; writing it anywhere is the caller's business.
//!
//! | format | whole room | `Group(n)` | `Category(c)` | `Commitments` |
//! |---|---|---|---|---|
//! | txt, md, html | every group | that group's handout | that category, per group | per group |
//! | csv | a row per note | its notes | its notes | its notes |
//! | json | the whole session | the session with only the notes in scope (see [`json`]) | | |
//!
//! txt, md and html share [`document`] (group → category → prompt, then commitments); csv takes
//! its row order from it too. Output depends on the session and the options only — no clock, no
//! environment — so the files in `sessions/exports/` can be compared byte for byte.
//!
//! A Snapshot warm-up session exports its summary (tallies, notes under the headings, dot vote,
//! priorities, then the draft plan: `snapshot_plan.rs`): `snapshot.rs` builds the text, `snapshot_formats.rs` carries it into md/html and
//! lists the notes as csv; json is the whole session as for any other.
//!
//! A rounds session (discussion rounds, values check) exports per item its show of hands and
//! each group's notes, then the worries and questions to follow up: `rounds.rs` (txt, md) and
//! `rounds_formats.rs` (html, csv).
//!
//! Two modules are not formats: [`destination`] writes an export's text to a path (the only
//! file-system code here), and [`file_name`] names the app's export files.

pub mod csv;
pub mod destination;
pub mod document;
pub mod file_name;
pub mod html;
pub mod json;
pub mod md;
pub mod rounds;
pub mod rounds_formats;
pub mod scope;
pub mod snapshot;
pub mod snapshot_formats;
pub mod snapshot_plan;
pub mod txt;
pub mod wrap;

pub use scope::Scope;

use crate::workshop::Session;

/// The formats a session can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown: headings per group, category and prompt, a bullet per note.
    Md,
    /// One self-contained printable page, sticky-note look, a printed page per group.
    Html,
    /// A row per note, for spreadsheets (formula-safe; add --bom for Excel).
    Csv,
    /// The whole session, as stored (with `schema_version`).
    Json,
    /// Plain text wrapped at 80 columns, for email.
    Txt,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 5] = [
        Format::Md,
        Format::Html,
        Format::Csv,
        Format::Json,
        Format::Txt,
    ];

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Csv => "csv",
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
    /// The Snapshot activity script (dimensions, scale, headings) for a Snapshot session; the
    /// shipped one is used when absent.
    pub snapshot: Option<crate::content::SnapshotActivity>,
}

/// Renders a session in a format.
pub fn render(session: &Session, format: Format, options: &Options) -> String {
    if format != Format::Json
        && session.rounds.is_none()
        && let Some(script) = rounds_script(session.activity)
    {
        // A rounds session saved before its record was made: the record it would open with.
        let mut filled = session.clone();
        filled.rounds = Some(crate::workshop::RoundsState::for_session(session, &script));
        return render(&filled, format, options);
    }
    if format != Format::Json
        && let Some(report) = rounds::Report::of(session, &options.scope)
    {
        return match format {
            Format::Md => rounds::render_md(&report),
            Format::Html => rounds_formats::render_html(&report),
            Format::Csv => rounds_formats::render_csv(&report),
            _ => rounds::render_txt(&report),
        };
    }
    if session.activity == crate::workshop::Activity::Snapshot && format != Format::Json {
        let shipped;
        let activity = match &options.snapshot {
            Some(a) => a,
            None => {
                shipped = crate::content::Library::shipped().snapshot;
                &shipped
            }
        };
        return match format {
            Format::Md => snapshot_formats::render_md(session, activity),
            Format::Html => snapshot_formats::render_html(session, activity),
            Format::Csv => snapshot_formats::render_csv(session, activity),
            _ => snapshot::render_txt(session, activity),
        };
    }
    match format {
        Format::Md => md::render(session, options),
        Format::Html => html::render(session, options),
        Format::Csv => csv::render(session, options),
        Format::Json => json::render(session, &options.scope),
        Format::Txt => txt::render(session, options),
    }
}

/// The shipped script of a rounds activity, `None` for the other activities.
fn rounds_script(activity: crate::workshop::Activity) -> Option<crate::content::RoundsActivity> {
    crate::content::Library::shipped()
        .rounds(activity.id())
        .cloned()
}

impl Options {
    /// What exporting `scope` of `session` needs from the content: the deck's title and
    /// source for headers, the Snapshot script — decided here for the app and the CLI alike.
    pub fn for_session(
        session: &Session,
        library: &crate::content::Library,
        scope: Scope,
    ) -> Options {
        let deck = library.deck(&session.deck);
        Options {
            scope,
            deck_title: deck.map(|d| d.title.clone()),
            deck_source: deck.map(|d| d.source.clone()),
            snapshot: Some(library.snapshot.clone()),
        }
    }
}

/// The text of an export file: the rendering, with the byte-order mark in front when `bom`
/// (CSV for Excel).
pub fn file_text(session: &Session, format: Format, options: &Options, bom: bool) -> String {
    let text = render(session, format, options);
    if bom { with_bom(&text) } else { text }
}

/// `text` with the UTF-8 byte-order mark in front, which Excel needs to read a CSV's accents.
pub fn with_bom(text: &str) -> String {
    format!("{}{text}", csv::BOM)
}
