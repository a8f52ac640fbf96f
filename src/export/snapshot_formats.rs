//! The Snapshot warm-up summary in Markdown, HTML and CSV. The text summary
//! ([`super::snapshot::render_summary_txt`]) is the one document; Markdown and HTML carry it
//! verbatim (fenced / preformatted, escaped), then the draft plan with real headings and tables
//! ([`super::snapshot_plan`]); CSV lists the notes with their dimension, heading and dots, then
//! the plan's rows with their priority, question, who and by when.

use super::html::esc;
use super::snapshot::render_summary_txt;
use super::snapshot_plan;
use crate::content::SnapshotActivity;
use crate::workshop::Session;
use crate::workshop::snapshot::SnapshotState;

const CSV_HEADER: [&str; 10] = [
    "Session",
    "Date",
    "Dimension",
    "Heading",
    "Text",
    "Dots",
    "Created",
    "Priority",
    "Who",
    "By when",
];

/// The summary as Markdown: a heading, then the text summary in a code fence longer than any
/// run of backticks inside it, so nothing in a note can end the fence.
pub fn render_md(session: &Session, activity: &SnapshotActivity) -> String {
    let text = render_summary_txt(session, activity);
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    let state = SnapshotState::of(session, activity);
    let plan = snapshot_plan::render_md(&state, &state.plan, activity.plan_script());
    format!(
        "# {} — Snapshot summary\n\n{fence}text\n{text}{fence}\n{plan}",
        super::md::escape(&session.name)
    )
}

/// The summary as one self-contained printable page.
pub fn render_html(session: &Session, activity: &SnapshotActivity) -> String {
    let text = render_summary_txt(session, activity);
    let state = SnapshotState::of(session, activity);
    let plan = snapshot_plan::render_html(&state, &state.plan, activity.plan_script());
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title} — Snapshot summary</title>\n<style>\n\
         body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 52rem; color: #111; }}\n\
         pre {{ font-family: \"DejaVu Sans Mono\", Menlo, Consolas, monospace; font-size: 11pt; \
         white-space: pre-wrap; line-height: 1.35; }}\n\
         @page {{ size: letter; margin: 12mm; }}\n\
         @media print {{ body {{ margin: 0; }} pre {{ font-size: 9.5pt; }} }}\n\
         {plan_style}</style>\n</head>\n<body>\n<h1>{title}</h1>\n<pre>{body}</pre>\n{plan}</body>\n</html>\n",
        title = esc(&session.name),
        body = esc(&text),
        plan_style = if plan.is_empty() {
            ""
        } else {
            snapshot_plan::HTML_STYLE
        },
    )
}

/// The Snapshot notes as CSV: a row per note with its dimension, heading and dots.
pub fn render_csv(session: &Session, activity: &SnapshotActivity) -> String {
    let state = SnapshotState::of(session, activity);
    let state = state.as_ref();
    let date = super::document::date(session);
    let mut rows: Vec<[String; 10]> = state
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
                state.dots_on(n).to_string(),
                n.created
                    .format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_default(),
                String::new(),
                String::new(),
                String::new(),
            ]
        })
        .collect();
    let plan = snapshot_plan::csv_rows(state, &state.plan, activity.plan_script());
    rows.extend(plan.into_iter().map(|[priority, heading, text, who, by]| {
        [
            session.name.clone(),
            date.clone(),
            String::new(),
            heading,
            text,
            String::new(),
            String::new(),
            priority,
            who,
            by,
        ]
    }));
    super::csv::table(&CSV_HEADER, &rows)
}
