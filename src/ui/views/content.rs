//! A category card as lines of text for the content pane.

use super::super::theme::Theme;
use crate::content::{Block, Category};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// The card's lines: intro, then numbered behaviors with their lettered and role items.
pub fn category_lines(category: &Category, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for block in &category.intro {
        lines.push(block_line(block, "", theme));
        lines.push(Line::default());
    }
    for b in &category.behaviors {
        lines.push(Line::from(Span::styled(
            format!("{}. {}", b.number, b.title),
            theme.accent,
        )));
        for block in &b.body {
            lines.push(block_line(block, "   ", theme));
        }
        for item in &b.items {
            lines.push(Line::from(format!("   {}. {}", item.letter, item.text)));
            for r in &item.roles {
                lines.push(Line::from(vec![
                    Span::raw(format!("      {}. ", r.numeral)),
                    Span::styled(format!("{}: ", r.role.label()), theme.title),
                    Span::raw(r.text.clone()),
                ]));
            }
        }
        lines.push(Line::default());
    }
    if let Some(source) = &category.source {
        lines.push(Line::from(Span::styled(format!("Source: {source}"), theme.dim)));
    }
    lines
}

fn block_line(block: &Block, indent: &str, theme: &Theme) -> Line<'static> {
    match block {
        Block::Paragraph(t) => Line::from(format!("{indent}{t}")),
        Block::Bullet(t) => Line::from(vec![
            Span::styled(format!("{indent}• "), theme.accent),
            Span::raw(t.clone()),
        ]),
    }
}

/// Cuts text to `width` display columns, ending with `…` when cut. Line breaks become spaces.
pub fn truncate(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let c = if c == '\n' { ' ' } else { c };
        let cw = c.width().unwrap_or(0);
        if w + cw > width.saturating_sub(1) {
            // Only add the ellipsis if something is actually left out.
            let rest: usize = text.chars().skip(out.chars().count()).map(|c| c.width().unwrap_or(0)).sum();
            if w + rest <= width {
                out.extend(text.chars().skip(out.chars().count()).map(|c| if c == '\n' { ' ' } else { c }));
            } else {
                out.push('…');
            }
            return out;
        }
        out.push(c);
        w += cw;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("hello", 10), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("abc", 3), "abc");
        let t = truncate("家族会議家族会議", 7);
        assert!(t.width() <= 7, "{t}");
        assert!(t.ends_with('…'));
    }
}
