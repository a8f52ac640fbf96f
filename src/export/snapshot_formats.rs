//! The Snapshot warm-up summary in Markdown, HTML and CSV. The text summary
//! ([`super::snapshot::render_txt`]) is the one document; Markdown and HTML carry it verbatim
//! (fenced / preformatted, escaped), CSV lists the notes with their dimension, heading and dots.

use super::html::esc;
use super::snapshot::render_txt;
use crate::content::SnapshotActivity;
use crate::workshop::Session;
use crate::workshop::snapshot::SnapshotState;

const CSV_HEADER: [&str; 7] = [
    "Session",
    "Date",
    "Dimension",
    "Heading",
    "Text",
    "Dots",
    "Created",
];

/// The summary as Markdown: a heading, then the text summary in a code fence longer than any
/// run of backticks inside it, so nothing in a note can end the fence.
pub fn render_md(session: &Session, activity: &SnapshotActivity) -> String {
    let text = render_txt(session, activity);
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!(
        "# {} — Snapshot summary\n\n{fence}text\n{text}{fence}\n",
        super::md::escape(&session.name)
    )
}

/// The summary as one self-contained printable page.
pub fn render_html(session: &Session, activity: &SnapshotActivity) -> String {
    let text = render_txt(session, activity);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title} — Snapshot summary</title>\n<style>\n\
         body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 52rem; color: #111; }}\n\
         pre {{ font-family: \"DejaVu Sans Mono\", Menlo, Consolas, monospace; font-size: 11pt; \
         white-space: pre-wrap; line-height: 1.35; }}\n\
         @page {{ size: letter; margin: 12mm; }}\n\
         @media print {{ body {{ margin: 0; }} pre {{ font-size: 9.5pt; }} }}\n\
         </style>\n</head>\n<body>\n<h1>{title}</h1>\n<pre>{body}</pre>\n</body>\n</html>\n",
        title = esc(&session.name),
        body = esc(&text),
    )
}

/// The Snapshot notes as CSV: a row per note with its dimension, heading and dots.
pub fn render_csv(session: &Session, activity: &SnapshotActivity) -> String {
    let state = SnapshotState::of(session, activity);
    let state = state.as_ref();
    let date = super::document::date(session);
    let rows: Vec<[String; 7]> = state
        .notes
        .iter()
        .map(|n| {
            [
                session.name.clone(),
                date.clone(),
                state.dimension_name(n.dimension).to_string(),
                activity
                    .heading(n.heading.id())
                    .map_or_else(|| n.heading.id().to_string(), |h| h.title.clone()),
                n.text.clone(),
                n.dots.to_string(),
                n.created
                    .format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_default(),
            ]
        })
        .collect();
    super::csv::table(&CSV_HEADER, &rows)
}
