//! A rounds activity (discussion rounds, values check) as a printable HTML page and as CSV.
//!
//! The CSV has a row per note with its item (the question or value, number and text), group,
//! whether it is to be followed up, and when it was written, so a spreadsheet filter on the
//! "Follow up" column pulls out the worries and questions.

use super::document::{clean_line, clean_text, date};
use super::html::esc;
use super::rounds::{FOLLOW_UP_TITLE, Report, capitalised, hands_label, shown};
use std::fmt::Write;

/// The CSV header; the third and fourth columns are named after the item ("Question", "Value").
fn csv_header(item_word: &str) -> [String; 9] {
    let word = capitalised(item_word);
    [
        "Session".into(),
        "Date".into(),
        format!("{word} number"),
        word,
        "Group".into(),
        "Group name".into(),
        "Text".into(),
        "Follow up".into(),
        "Created".into(),
    ]
}

/// The notes in scope as CSV: a row each, by item, then group, then as written.
pub fn render_csv(report: &Report) -> String {
    let state = report.state;
    let date = date(report.session);
    let mut rows: Vec<[String; 9]> = Vec::new();
    for item in report.items() {
        for group in report.groups() {
            for note in report.notes(item, group.number) {
                rows.push([
                    report.session.name.clone(),
                    date.clone(),
                    (item + 1).to_string(),
                    state.item_text(item).to_string(),
                    group.number.to_string(),
                    group.name.clone().unwrap_or_default(),
                    note.text.clone(),
                    if state.is_follow_up(note) { "yes" } else { "" }.to_string(),
                    note.created
                        .format(&time::format_description::well_known::Rfc3339)
                        .unwrap_or_default(),
                ]);
            }
        }
    }
    let header = csv_header(&state.item_word);
    let header: [&str; 9] = std::array::from_fn(|i| header[i].as_str());
    super::csv::table(&header, &rows)
}

const STYLE: &str = "\
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 56rem; color: #111; line-height: 1.4; }
h1 { margin-bottom: 0.2rem; } .meta { color: #333; margin: 0.1rem 0; }
section.item { border-top: 3px solid #111; margin-top: 1.6rem; break-inside: avoid-page; }
h2 { font-size: 1.3rem; } h3 { font-size: 1.05rem; margin: 0.8rem 0 0.3rem; }
table.hands { border-collapse: collapse; margin: 0.4rem 0 0.8rem; }
table.hands td { padding: 0.15rem 0.6rem 0.15rem 0; vertical-align: middle; }
.bar { width: 16rem; height: 1rem; border: 1px solid #111; }
.bar span { display: block; height: 100%; background: #111; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
ul.notes { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
ul.notes li { background: #fff7b0; border: 1px solid #c9b400; padding: 0.4rem 0.6rem; width: 15rem; white-space: pre-wrap; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
ul.notes li.follow { border: 2px dashed #8a1c00; }
.none { color: #444; font-style: italic; }
@page { size: letter; margin: 12mm; }
@media print { body { margin: 0; } }
";

/// The session as one self-contained printable page.
pub fn render_html(report: &Report) -> String {
    let state = report.state;
    let mut out = String::new();
    let name = esc(&clean_line(&report.session.name));
    let title = esc(&clean_line(&state.title));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{name} — {title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <h1>{name}</h1>\n<p class=\"meta\"><strong>{title}</strong> · {scope}</p>\n\
         <p class=\"meta\">Source: {source}</p>\n<p class=\"meta\">Date: {date}</p>\n\
         <p class=\"meta\">A “?” and a dashed border mark a worry or question to follow up; \
         they are listed again at the end.</p>\n",
        scope = esc(&report.scope_label()),
        source = esc(&clean_line(&state.source)),
        date = date(report.session),
    );
    for item in report.items() {
        let _ = writeln!(
            out,
            "<section class=\"item\">\n<h2>{}. {}</h2>",
            esc(&report.item_label(item)),
            esc(&clean_line(state.item_text(item)))
        );
        if report.shows_hands() {
            hands_html(&mut out, report, item);
        }
        if !report.has_notes(item) {
            let _ = writeln!(out, "<p class=\"none\">(no notes)</p>\n</section>");
            continue;
        }
        for group in report.groups() {
            let _ = writeln!(out, "<h3>{}</h3>", esc(&clean_line(&group.label())));
            let notes = report.notes(item, group.number);
            if notes.is_empty() {
                let _ = writeln!(out, "<p class=\"none\">(no notes)</p>");
                continue;
            }
            let _ = writeln!(out, "<ul class=\"notes\">");
            for note in notes {
                let class = if state.is_follow_up(note) {
                    " class=\"follow\""
                } else {
                    ""
                };
                let _ = writeln!(out, "<li{class}>{}</li>", esc(&shown(state, note)));
            }
            let _ = writeln!(out, "</ul>");
        }
        let _ = writeln!(out, "</section>");
    }
    let _ = writeln!(
        out,
        "<section class=\"item\">\n<h2>{}</h2>",
        esc(FOLLOW_UP_TITLE)
    );
    let follow = report.follow_ups();
    if follow.is_empty() {
        let _ = writeln!(out, "<p class=\"none\">(none)</p>");
    } else {
        let _ = writeln!(out, "<ul>");
        for note in follow {
            let _ = writeln!(
                out,
                "<li><strong>{} · {}:</strong> {}</li>",
                esc(&report.item_label(note.item)),
                esc(&clean_line(&report.group_label(note.group))),
                esc(&clean_text(&note.text))
            );
        }
        let _ = writeln!(out, "</ul>");
    }
    let _ = writeln!(out, "</section>\n</body>\n</html>");
    out
}

fn hands_html(out: &mut String, report: &Report, item: usize) {
    let state = report.state;
    let tally = state.tally(item);
    let _ = writeln!(
        out,
        "<p>Show of hands ({}):</p>\n<table class=\"hands\">",
        hands_label(tally.total)
    );
    for (i, mark) in state.marks.iter().enumerate() {
        let count = tally.counts.get(i).copied().unwrap_or(0);
        let pct = tally.percents.get(i).copied().unwrap_or(0);
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td><div class=\"bar\"><span style=\"width: {pct}%\"></span></div></td>\
             <td>{count}</td><td>{pct}%</td></tr>",
            esc(&clean_line(mark))
        );
    }
    let _ = writeln!(out, "</table>");
}
