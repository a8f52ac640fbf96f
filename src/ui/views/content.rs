//! A category card as lines of text for the content pane.

use super::super::theme::Theme;
use crate::content::{Block, Category};
use crate::export::wrap::wrap;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The card's lines, wrapped to `width` columns with hanging indents: intro, then numbered
/// behaviors with their lettered and role items.
pub fn category_lines(category: &Category, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width).max(MIN_WRAP);
    let mut lines = Vec::new();
    for block in &category.intro {
        block_lines(&mut lines, block, "", width, theme);
        lines.push(Line::default());
    }
    for b in &category.behaviors {
        hanging(
            &mut lines,
            &format!("{}. ", b.number),
            &b.title,
            "",
            width,
            theme.accent,
            theme.accent,
        );
        for block in &b.body {
            block_lines(&mut lines, block, "   ", width, theme);
        }
        for item in &b.items {
            hanging(
                &mut lines,
                &format!("   {}. ", item.letter),
                &item.text,
                "",
                width,
                theme.base,
                theme.base,
            );
            for r in &item.roles {
                let label = format!("{}: ", r.role.label());
                hanging(
                    &mut lines,
                    &format!("      {}. ", r.numeral),
                    &r.text,
                    &label,
                    width,
                    theme.base,
                    theme.title,
                );
            }
        }
        lines.push(Line::default());
    }
    if let Some(source) = &category.source {
        for l in wrap(&format!("Source: {source}"), width) {
            lines.push(Line::from(Span::styled(l, theme.dim)));
        }
    }
    lines
}

/// Narrowest width text is wrapped to, so tiny panes still make progress.
const MIN_WRAP: usize = 12;

fn block_lines(
    out: &mut Vec<Line<'static>>,
    block: &Block,
    indent: &str,
    width: usize,
    theme: &Theme,
) {
    match block {
        Block::Paragraph(t) => hanging(out, indent, t, "", width, theme.base, theme.base),
        Block::Bullet(t) => hanging(
            out,
            &format!("{indent}• "),
            t,
            "",
            width,
            theme.base,
            theme.base,
        ),
    }
}

/// Pushes `marker` + `lead` + `text` wrapped so continuation lines start under the text.
fn hanging(
    out: &mut Vec<Line<'static>>,
    marker: &str,
    text: &str,
    lead: &str,
    width: usize,
    style: ratatui::style::Style,
    lead_style: ratatui::style::Style,
) {
    let indent = marker.chars().count();
    let body = format!("{lead}{text}");
    let wrapped = wrap(&body, width.saturating_sub(indent).max(MIN_WRAP / 2));
    for (i, l) in wrapped.into_iter().enumerate() {
        if i == 0 {
            let (head, rest) = if !lead.is_empty() && l.starts_with(lead) {
                (lead.to_string(), l[lead.len()..].to_string())
            } else {
                (String::new(), l)
            };
            out.push(Line::from(vec![
                Span::styled(marker.to_string(), style),
                Span::styled(head, lead_style),
                Span::styled(rest, style),
            ]));
        } else {
            out.push(Line::from(Span::styled(
                format!("{}{l}", " ".repeat(indent)),
                style,
            )));
        }
    }
}

/// `text` wrapped to `width` columns in at most `rows` lines; when it needs more, the last
/// line shown ends in "…" so a cut note never looks whole.
pub fn clipped(text: &str, width: usize, rows: usize) -> Vec<String> {
    let mut lines = wrap(&text.replace('\n', " "), width.max(1));
    if lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            // " …" when it fits, else the line is cut to make room for "…".
            *last = truncate(&format!("{last} …"), width);
        }
    }
    lines
}

/// Cuts text to `width` display columns, ending with `…` when cut. Line breaks become spaces.
/// Measured by grapheme, so an emoji with its presentation selector counts the two columns a
/// terminal gives it.
pub fn truncate(text: &str, width: usize) -> String {
    let text = text.replace('\n', " ");
    if text.width() <= width {
        return text;
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn clipped_wraps_and_marks_a_cut() {
        let text = "one two three four five six seven eight";
        assert_eq!(
            clipped(text, 10, 9),
            ["one two", "three four", "five six", "seven", "eight"]
        );
        let cut = clipped(text, 10, 2);
        assert_eq!(cut, ["one two", "three fou…"]);
        assert!(cut.iter().all(|l| l.width() <= 10));
        assert_eq!(clipped("short", 10, 1), ["short"]);
    }

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("hello", 10), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("abc", 3), "abc");
        let t = truncate("家族会議家族会議", 7);
        assert!(t.width() <= 7, "{t}");
        assert!(t.ends_with('…'));
        assert_eq!(truncate("two\nlines", 20), "two lines");
        assert_eq!(truncate("anything", 0), "");
        // A heart with its emoji selector is two columns wide, not one.
        let t = truncate("❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}", 4);
        assert!(t.width() <= 4, "{t:?} is {} columns", t.width());
        assert_eq!(t, "❤\u{fe0f}…");
    }
}
