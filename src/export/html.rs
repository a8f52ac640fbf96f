//! Printable HTML export: one self-contained file (inline CSS, no scripts, no external fonts or
//! images) that looks like the flip charts — per group a page, per category a chart with the
//! "Already using" and "Could enhance" sticky notes, then the commitments. Group
//! handouts and the whole room print one page per group (`break-after: page`); one category or
//! the commitments flow on. Readable in black and white: the two prompts differ by heading, a
//! symbol and border style, never only by colour.
//!
//! Every piece of text from the session or the deck is HTML-escaped (`&`, `<`, `>`, `"`, `'`)
//! after control characters are removed, so no note can become markup.

use super::Options;
use super::document::{self, Document, Page, SectionKind};
use crate::workshop::{Note, Prompt, Session};
use std::fmt::Write;

/// The stylesheet, inlined in every file.
const CSS: &str = r#"
:root {
  --ink: #1a1a1a;
  --muted: #4d4d4d;
  --wall: #efece4;
  --chart: #fff;
  --already: #fff1a0;
  --enhance: #cde6ff;
  --commit: #ffd4de;
}
* { box-sizing: border-box; }
html { background: var(--wall); }
body {
  color: var(--ink);
  font: 15px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Helvetica, Arial,
    sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji";
  margin: 0 auto;
  max-width: 76rem;
  padding: 1.25rem;
}
.doc-head { border-bottom: 3px solid var(--ink); margin-bottom: 1rem; padding-bottom: .4rem; }
.doc-head h1 { font-size: 1.6rem; line-height: 1.2; margin: 0 0 .2rem; }
.doc-head p { margin: .1rem 0; }
.meta, .covers { color: var(--muted); }
.source { color: var(--muted); font-size: .8rem; }
.page { margin: 0 0 1.5rem; }
.page-head {
  align-items: baseline;
  border-bottom: 2px solid var(--ink);
  display: flex;
  flex-wrap: wrap;
  gap: 0 1rem;
  justify-content: space-between;
  margin-bottom: .6rem;
}
.page-head h2 { font-size: 1.35rem; margin: 0; }
.page-head p { color: var(--muted); font-size: .85rem; margin: 0; }
.board { display: grid; gap: .7rem; grid-template-columns: repeat(3, minmax(0, 1fr)); }
.flow main { display: grid; gap: 0 1.2rem; grid-template-columns: repeat(2, minmax(0, 1fr)); }
.flow .board { grid-template-columns: 1fr; }
.flow .page-head p { display: none; }
@media (max-width: 56rem) { .board { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
@media (max-width: 36rem) { .board, .flow main { grid-template-columns: 1fr; } }
.chart {
  background: var(--chart);
  border: 1px solid #9a9a9a;
  box-shadow: 0 1px 3px rgba(0, 0, 0, .18);
  break-inside: avoid;
  padding: .5rem .6rem .6rem;
}
.chart h3 { border-bottom: 1px solid var(--ink); font-size: 1.05rem; margin: 0 0 .3rem; }
.chart.commitments { grid-column: 1 / -1; }
.prompt h4 {
  font-size: .72rem;
  letter-spacing: .05em;
  margin: .35rem 0 .25rem;
  text-transform: uppercase;
}
.notes {
  display: grid;
  gap: .4rem;
  grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
  list-style: none;
  margin: 0;
  padding: 0;
}
.commitments .notes { grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); }
.note {
  background: var(--already);
  border: 1.5px solid var(--ink);
  box-shadow: 2px 2px 0 rgba(0, 0, 0, .22);
  break-inside: avoid;
  font-size: .9rem;
  padding: .3rem .45rem;
}
.enhance .note { background: var(--enhance); border-style: dashed; }
.commitments .note { background: var(--commit); border-width: 2.5px; }
.note .text { margin: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
.note .by { color: var(--muted); font-size: .78rem; margin: .15rem 0 0; text-align: right; }
.empty { color: var(--muted); font-size: .85rem; font-style: italic; margin: 0; }
@page { size: letter; margin: 11mm 12mm; }
@media print {
  html { background: #fff; }
  /* A hair of padding keeps the right-hand borders inside the printable area. */
  body { font-size: 10.5pt; max-width: none; margin: 0; padding: 0 1mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .doc-head { margin-bottom: 3mm; }
  .doc-head h1 { font-size: 15pt; }
  .page { margin: 0; }
  .per-group .page { break-after: page; }
  .per-group .page:last-of-type { break-after: auto; }
  .flow .page { margin-bottom: 5mm; }
  .board { gap: 2.5mm; grid-template-columns: repeat(3, minmax(0, 1fr)); }
  .flow main { gap: 0 5mm; grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .flow .board { grid-template-columns: 1fr; }
  .flow .page { break-inside: avoid; }
  .chart { box-shadow: none; border-color: #555; }
  .note { box-shadow: none; font-size: 10pt; }
}
"#;

/// The session's notes in scope as one printable HTML page.
pub fn render(session: &Session, options: &Options) -> String {
    render_document(&document::build(session, options))
}

/// A laid-out export as HTML.
pub fn render_document(document: &Document) -> String {
    let h = &document.header;
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — {}</title>\n<style>{CSS}</style>\n</head>\n",
        esc(&h.title),
        esc(&h.scope)
    );
    let body_class = if document.page_per_group {
        "per-group"
    } else {
        "flow"
    };
    let _ = writeln!(out, "<body class=\"{body_class}\">");
    let _ = writeln!(out, "<header class=\"doc-head\">");
    let _ = writeln!(out, "<h1>{}</h1>", esc(&h.title));
    let _ = writeln!(
        out,
        "<p class=\"meta\"><time>{}</time> · {} · {} · {} groups · {}</p>",
        esc(&h.date),
        esc(&h.activity),
        esc(&h.deck),
        h.groups,
        esc(&h.mode)
    );
    if let Some(source) = &h.source {
        let _ = writeln!(out, "<p class=\"source\">Source: {}</p>", esc(source));
    }
    let _ = writeln!(out, "<p class=\"covers\">{}</p>", esc(&h.scope));
    let _ = writeln!(out, "</header>");
    out.push_str("<main>\n");
    for page in &document.pages {
        page_section(&mut out, document, page);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn page_section(out: &mut String, document: &Document, page: &Page) {
    let h = &document.header;
    let _ = writeln!(out, "<section class=\"page\" id=\"group-{}\">", page.number);
    let _ = writeln!(
        out,
        "<header class=\"page-head\"><h2>{}</h2><p>{} · {}</p></header>",
        esc(&page.title),
        esc(&h.title),
        esc(&h.date)
    );
    if page.is_empty() {
        let _ = writeln!(out, "<p class=\"empty\">No notes.</p>");
    } else {
        let _ = writeln!(out, "<div class=\"board\">");
    }
    for section in &page.sections {
        let class = match section.kind {
            SectionKind::Commitments => "chart commitments",
            _ => "chart",
        };
        let _ = writeln!(out, "<section class=\"{class}\">");
        let _ = writeln!(out, "<h3>{}</h3>", esc(&section.title));
        if section.kind == SectionKind::Commitments {
            for list in &section.lists {
                notes(out, &list.notes);
            }
        } else {
            prompts(out, section);
        }
        let _ = writeln!(out, "</section>");
    }
    if !page.is_empty() {
        let _ = writeln!(out, "</div>");
    }
    let _ = writeln!(out, "</section>");
}

/// The two prompts of a category, one above the other, each present even when empty so every
/// chart keeps the flip chart's two halves.
fn prompts(out: &mut String, section: &document::Section) {
    for prompt in [Prompt::Already, Prompt::Enhance] {
        let (mark, class) = match prompt {
            Prompt::Already => ("✓", "already"),
            _ => ("➚", "enhance"),
        };
        let _ = writeln!(
            out,
            "<div class=\"prompt {class}\"><h4><span aria-hidden=\"true\">{mark}</span> {}</h4>",
            esc(prompt.label())
        );
        match section.lists.iter().find(|l| l.prompt == prompt) {
            Some(list) => notes(out, &list.notes),
            None => {
                let _ = writeln!(out, "<p class=\"empty\">None.</p>");
            }
        }
        let _ = writeln!(out, "</div>");
    }
}

fn notes(out: &mut String, notes: &[&Note]) {
    let _ = writeln!(out, "<ul class=\"notes\">");
    for note in notes {
        let _ = write!(
            out,
            "<li class=\"note\"><p class=\"text\">{}</p>",
            esc(&document::clean_text(&note.text))
        );
        if let Some(initials) = document::initials(note) {
            let _ = write!(out, "<p class=\"by\">— {}</p>", esc(&initials));
        }
        out.push_str("</li>\n");
    }
    let _ = writeln!(out, "</ul>");
}

/// `text` escaped for HTML text and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five() {
        assert_eq!(
            esc(r#"<script>alert("x&'y")</script>"#),
            "&lt;script&gt;alert(&quot;x&amp;&#39;y&quot;)&lt;/script&gt;"
        );
    }
}
