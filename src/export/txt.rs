//! Plain-text export, wrapped at 80 columns: the typed-up flip-chart pages, ready for email.
//! Note text is shown cleaned (no control characters or escape codes, see
//! [`document::clean_text`]), so the file is safe to `cat` in a terminal.

use super::Options;
use super::document::{self, Document, Page, SectionKind};
use super::wrap::wrap;
use crate::workshop::Note;
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// Line width of the text export.
pub const WIDTH: usize = 80;
const BULLET: &str = "  - ";
const HANG: &str = "    ";

/// The session's notes as plain text: per group, per category, per prompt; then commitments.
pub fn render(session: &crate::workshop::Session, options: &Options) -> String {
    render_document(&document::build(session, options))
}

/// A laid-out export as plain text.
pub fn render_document(document: &Document) -> String {
    let mut out = String::new();
    let h = &document.header;
    lines(&mut out, &h.title);
    lines(
        &mut out,
        &format!(
            "{} · {} · {} groups · {}",
            h.activity, h.deck, h.groups, h.mode
        ),
    );
    if let Some(source) = &h.source {
        lines(&mut out, &format!("Source: {source}"));
    }
    let _ = writeln!(out, "Date: {}", h.date);
    lines(&mut out, &format!("Covers: {}", h.scope));
    for page in &document.pages {
        page_section(&mut out, page);
    }
    out
}

fn lines(out: &mut String, text: &str) {
    for line in wrap(text, WIDTH) {
        let _ = writeln!(out, "{line}");
    }
}

fn page_section(out: &mut String, page: &Page) {
    let rule = "=".repeat(WIDTH);
    let _ = writeln!(out, "\n{rule}");
    lines(out, &page.title);
    let _ = writeln!(out, "{rule}");
    if page.is_empty() {
        let _ = writeln!(out, "\n(no notes)");
        return;
    }
    for section in &page.sections {
        let _ = writeln!(out);
        for line in wrap(&section.title, WIDTH) {
            let _ = writeln!(out, "{line}\n{}", "-".repeat(line.width().max(1)));
        }
        for list in &section.lists {
            if section.kind != SectionKind::Commitments {
                let _ = writeln!(out, "{}:", list.label);
            }
            bullets(out, &list.notes);
        }
    }
}

fn bullets(out: &mut String, notes: &[&Note]) {
    for note in notes {
        let mut text = document::clean_text(&note.text);
        if let Some(i) = document::initials(note) {
            let _ = write!(text, " ({i})");
        }
        for (i, line) in wrap(&text, WIDTH - BULLET.len()).iter().enumerate() {
            let lead = if i == 0 { BULLET } else { HANG };
            let _ = writeln!(out, "{lead}{line}");
        }
    }
}
