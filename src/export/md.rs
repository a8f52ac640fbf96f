//! Markdown export: `#` the workshop, `##` each group, `###` each category (then Commitments),
//! `####` each prompt, and a bullet per note. Pastes cleanly into Word or an email and renders
//! on any CommonMark/GitHub viewer.
//!
//! Everything a person typed (notes, names, initials) is escaped so it renders literally — in
//! CommonMark and in the usual extensions (GitHub tables, strikethrough, task lists, math,
//! footnotes, heading attributes, definition lists): `*`, `_` (except inside a word), `` ` ``,
//! `[`, `]`, `<`, `#`, `|`, `~`, `$`, `^`, `{`, `}` and `\` always get a backslash (`}` because
//! some readers take a heading's trailing `{…}` as attributes even after `\{`), `&` does when it
//! would start an entity (`&amp;`), and a line that would open a block (`-`, `+`, `=`, `>`, `:`,
//! `1.`, `1)`) has that character escaped. A note's lines are trimmed, blank lines dropped, and
//! joined with hard line breaks (a trailing `\`) indented under the bullet, so a multi-line note
//! stays one list item. Control characters are removed as in every text export.

use super::Options;
use super::document::{self, Document, Page, SectionKind};
use crate::workshop::{Note, Session};
use std::fmt::Write;

/// Continuation lines of a bullet are indented this much (the width of `- `).
const HANG: &str = "  ";

/// The session's notes in scope as Markdown.
pub fn render(session: &Session, options: &Options) -> String {
    render_document(&document::build(session, options))
}

/// A laid-out export as Markdown.
pub fn render_document(document: &Document) -> String {
    let mut out = String::new();
    let h = &document.header;
    let _ = writeln!(out, "# {}\n", escape(&h.title));
    let _ = writeln!(
        out,
        "{} · {} · {} groups · {}\n",
        escape(&h.activity),
        escape(&h.deck),
        h.groups,
        escape(&h.mode)
    );
    let _ = writeln!(out, "Date: {}\n", h.date);
    if let Some(source) = &h.source {
        let _ = writeln!(out, "Source: {}\n", escape(source));
    }
    let _ = writeln!(out, "Covers: {}", escape(&h.scope));
    for page in &document.pages {
        page_section(&mut out, page);
    }
    out
}

fn page_section(out: &mut String, page: &Page) {
    let _ = writeln!(out, "\n## {}", escape(&page.title));
    if page.is_empty() {
        let _ = writeln!(out, "\n(no notes)");
        return;
    }
    for section in &page.sections {
        let _ = writeln!(out, "\n### {}", escape(&section.title));
        for list in &section.lists {
            if section.kind != SectionKind::Commitments {
                let _ = writeln!(out, "\n#### {}", escape(&list.label));
            }
            let _ = writeln!(out);
            for note in &list.notes {
                bullet(out, note);
            }
        }
    }
}

/// One note as one list item.
fn bullet(out: &mut String, note: &Note) {
    let mut lines: Vec<String> = document::note_lines(&note.text)
        .iter()
        .map(|l| escape(l))
        .collect();
    if let Some(initials) = document::initials(note) {
        let by = format!("({})", escape(&initials));
        match lines.last_mut() {
            Some(last) => {
                last.push(' ');
                last.push_str(&by);
            }
            None => lines.push(by),
        }
    }
    let last = lines.len().saturating_sub(1);
    out.push('-');
    if lines.is_empty() {
        out.push('\n');
    }
    for (i, line) in lines.iter().enumerate() {
        out.push_str(if i == 0 { " " } else { HANG });
        out.push_str(line);
        // A backslash at the end of a line is a hard line break: the next line stays in the
        // same paragraph of the same item.
        out.push_str(if i < last { "\\\n" } else { "\n" });
    }
}

/// `text` (one line) escaped so that Markdown shows it literally.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    // What would open a block at the start of a line: a list, heading underline or quote marker.
    let lead = chars.iter().take_while(|c| **c == ' ').count();
    let mut escape_at = None;
    match chars.get(lead) {
        Some('-' | '+' | '=' | '>' | ':') => escape_at = Some(lead),
        Some(c) if c.is_ascii_digit() => {
            let digits = chars[lead..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if matches!(chars.get(lead + digits), Some('.' | ')')) {
                escape_at = Some(lead + digits);
            }
        }
        _ => {}
    }
    for (i, &c) in chars.iter().enumerate() {
        let always = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '#' | '|' | '~' | '$' | '^' | '{' | '}'
        );
        // An `_` between two letters or digits cannot start or end emphasis (`file_name`).
        let intraword = c == '_'
            && i > 0
            && chars[i - 1].is_alphanumeric()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        let always = always && !intraword;
        if always || escape_at == Some(i) || (c == '&' && starts_entity(&chars[i + 1..])) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// True if the characters after an `&` would make it an entity or character reference
/// (`amp;`, `#60;`, `#x3C;`).
fn starts_entity(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_block_starts() {
        assert_eq!(escape("# x"), "\\# x");
        assert_eq!(escape("*bold* _it_"), "\\*bold\\* \\_it\\_");
        assert_eq!(escape("file_name __x"), "file_name \\_\\_x");
        assert_eq!(escape("[link](http://x)"), "\\[link\\](http://x)");
        assert_eq!(escape("<b>hi</b>"), "\\<b>hi\\</b>");
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("12. twelve"), "12\\. twelve");
        assert_eq!(escape("3) three"), "3\\) three");
        assert_eq!(escape("> quote"), "\\> quote");
        assert_eq!(escape("a > b - c 1. d"), "a > b - c 1. d");
        assert_eq!(escape("AT&T &amp; &#60;"), "AT&T \\&amp; \\&\\#60;");
        assert_eq!(escape("Café 😀 $5"), "Café 😀 \\$5");
        // A heading ending in `\{…}` is still an attribute block to pulldown-cmark; `\}` is not.
        assert_eq!(escape("{}"), "\\{\\}");
        assert_eq!(escape("Team {.big}"), "Team \\{.big\\}");
    }
}
