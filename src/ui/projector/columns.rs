//! The projector's content (a card's behaviors, the notes wall, dots, priorities) as chunks of
//! lines that stay together, laid out in columns and, when the columns do not hold them, in
//! pages that turn by themselves.

use crate::export::wrap::wrap;
use crate::room::RoomView;
use crate::room::view::Wall;
use crate::ui::theme::Theme;
use crate::ui::views::truncate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use time::OffsetDateTime;
use unicode_width::UnicodeWidthStr;

/// Narrowest a column of behaviors or notes gets before there are fewer columns.
const COLUMN_MIN: u16 = 34;
/// Most columns side by side (more is hard to follow from the back).
const MAX_COLUMNS: u16 = 3;
/// Blank cells between columns.
pub(super) const COLUMN_GAP: u16 = 3;
/// Widest the behaviors' indent under a number gets.
const INDENT: usize = 4;

/// A block of lines kept together in a column where it fits.
type Chunk = Vec<Line<'static>>;

/// Column width for `area`: as many columns as fit [`COLUMN_MIN`], at most [`MAX_COLUMNS`].
fn column_count(area: Rect) -> u16 {
    ((area.width + COLUMN_GAP) / (COLUMN_MIN + COLUMN_GAP)).clamp(1, MAX_COLUMNS)
}

fn column_width(area: Rect) -> u16 {
    let n = column_count(area);
    (area.width.saturating_sub(COLUMN_GAP * (n - 1)) / n).max(1)
}

/// The content as chunks wrapped to `width`.
fn content_blocks(v: &RoomView, theme: &Theme, width: u16) -> Vec<Chunk> {
    let width = usize::from(width).max(1);
    let mut chunks: Vec<Chunk> = Vec::new();
    if let Some(wall) = v.wall.as_ref().filter(|w| !w.notes.is_empty()) {
        wall_chunks(wall, theme, width, &mut chunks);
        return chunks;
    }
    if !v.dots.is_empty() {
        for d in &v.dots {
            let dots = format!("{:>3} ● ", d.dots);
            chunks.push(hanging(&dots, &d.text, width, theme.accent, theme.base));
        }
        return chunks;
    }
    if !v.priorities.is_empty() {
        for (i, p) in v.priorities.iter().enumerate() {
            let mut c = hanging(&format!("{}. ", i + 1), p, width, theme.accent, theme.title);
            c.push(Line::default());
            chunks.push(c);
        }
        return chunks;
    }
    if let Some(wall) = &v.wall {
        chunks.push(vec![Line::from(Span::styled(
            format!("{}: no notes typed yet", wall.heading),
            theme.dim,
        ))]);
    }
    for t in &v.text {
        let mut c: Chunk = wrap(t, width).into_iter().map(Line::from).collect();
        c.push(Line::default());
        chunks.push(c);
    }
    for b in &v.behaviors {
        let mut c = hanging(
            &format!("{}. ", b.number),
            &b.title,
            width,
            theme.accent,
            theme.accent,
        );
        for l in &b.lines {
            let indent = " ".repeat(INDENT * (usize::from(l.depth) + 1) - 2);
            let marker = if l.marker.is_empty() {
                format!("{indent}  ")
            } else {
                format!("{indent}{} ", l.marker)
            };
            c.extend(hanging(&marker, &l.text, width, theme.base, theme.base));
        }
        c.push(Line::default());
        chunks.push(c);
    }
    chunks
}

fn wall_chunks(wall: &Wall, theme: &Theme, width: usize, chunks: &mut Vec<Chunk>) {
    chunks.push(vec![Line::from(Span::styled(
        format!(
            "{} · {}",
            wall.heading,
            crate::words::count(wall.notes.len() + wall.more, "note", "notes")
        ),
        theme.accent,
    ))]);
    for n in &wall.notes {
        let mut c = vec![Line::from(Span::styled(truncate(&n.by, width), theme.dim))];
        c.extend(
            wrap(&n.text, width.saturating_sub(2))
                .into_iter()
                .map(|l| Line::from(Span::styled(format!("  {l}"), theme.note))),
        );
        chunks.push(c);
    }
    if wall.more > 0 {
        chunks.push(vec![Line::from(Span::styled(
            format!(
                "and {} earlier",
                crate::words::count(wall.more, "note", "notes")
            ),
            theme.dim,
        ))]);
    }
}

/// `marker` then `text` wrapped under itself (a hanging indent).
fn hanging(marker: &str, text: &str, width: usize, marker_style: Style, style: Style) -> Chunk {
    let pad = marker.width();
    let inner = width.saturating_sub(pad).max(1);
    wrap(text, inner)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let lead = if i == 0 {
                Span::styled(marker.to_string(), marker_style)
            } else {
                Span::raw(" ".repeat(pad))
            };
            Line::from(vec![lead, Span::styled(l, style)])
        })
        .collect()
}

/// Columns of `area.height` rows, grouped into pages of as many columns as fit side by side.
/// A chunk moves whole to the next column unless it is taller than a column. Content that fits
/// on one page is spread over its columns (the shortest columns that hold it with every chunk
/// whole), so a wide screen shows it across the room rather than down one column beside empty
/// ones.
fn paginate(chunks: &[Chunk], area: Rect) -> Vec<Vec<Chunk>> {
    let rows = usize::from(area.height).max(1);
    let per_page = usize::from(column_count(area));
    let lines: usize = chunks.iter().map(Vec::len).sum();
    let tallest = chunks.iter().map(Vec::len).max().unwrap_or(0);
    if per_page > 1 && lines <= rows * per_page {
        let shortest = lines.div_ceil(per_page).max(tallest).max(1);
        if let Some(spread) = (shortest..rows)
            .map(|height| pack(chunks, height))
            .find(|columns| columns.len() <= per_page)
        {
            return vec![spread];
        }
    }
    pack(chunks, rows)
        .chunks(per_page)
        .map(<[Chunk]>::to_vec)
        .collect()
}

/// The chunks in columns of `rows` lines, each chunk whole in one column where it fits.
fn pack(chunks: &[Chunk], rows: usize) -> Vec<Chunk> {
    let mut columns: Vec<Chunk> = vec![Vec::new()];
    for chunk in chunks {
        let mut rest: &[Line<'static>] = chunk;
        while !rest.is_empty() {
            let Some(col) = columns.last_mut() else {
                break;
            };
            let room = rows.saturating_sub(col.len());
            if rest.len() <= room {
                col.extend_from_slice(rest);
                break;
            }
            if col.is_empty() || rest.len() > rows {
                col.extend_from_slice(&rest[..room]);
                rest = &rest[room..];
            }
            columns.push(Vec::new());
        }
        if columns.last().is_some_and(|c| c.len() >= rows) {
            columns.push(Vec::new());
        }
    }
    if columns.len() > 1 && columns.last().is_some_and(Vec::is_empty) {
        columns.pop();
    }
    columns
}

/// How many pages the content of `v` takes in `area`.
pub(super) fn page_count(v: &RoomView, theme: &Theme, area: Rect) -> usize {
    paginate(&content_blocks(v, theme, column_width(area)), area).len()
}

/// Draws the page of columns on show; returns (page, pages).
pub(super) fn draw(
    v: &RoomView,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    now: OffsetDateTime,
) -> Option<(usize, usize)> {
    if area.width == 0 || area.height == 0 {
        return None;
    }
    let width = column_width(area);
    let pages = paginate(&content_blocks(v, theme, width), area);
    let page = super::view::pick_page(v, pages.len(), now);
    for (i, col) in pages.get(page)?.iter().enumerate() {
        let x = area.x + (width + COLUMN_GAP) * u16::try_from(i).unwrap_or(0);
        let col_area = Rect { x, width, ..area };
        frame.render_widget(Paragraph::new(col.clone()).style(theme.base), col_area);
    }
    Some((page, pages.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A chunk of `n` lines, each naming it, so a test can see which chunk a line came from.
    fn chunk(name: &str, n: usize) -> Chunk {
        (0..n).map(|i| Line::from(format!("{name}{i}"))).collect()
    }

    fn names(column: &Chunk) -> Vec<String> {
        column.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn content_that_fits_on_one_page_is_spread_over_the_columns_with_each_chunk_whole() {
        // Room for three columns of 30 rows; 16 lines would sit down one column.
        let area = Rect::new(0, 0, 3 * COLUMN_MIN + 2 * COLUMN_GAP, 30);
        let chunks = [chunk("a", 6), chunk("b", 4), chunk("c", 4), chunk("d", 2)];
        let pages = paginate(&chunks, area);
        assert_eq!(pages.len(), 1);
        let columns: Vec<Vec<String>> = pages[0].iter().map(names).collect();
        assert_eq!(
            columns,
            [
                vec!["a0", "a1", "a2", "a3", "a4", "a5"],
                vec!["b0", "b1", "b2", "b3"],
                vec!["c0", "c1", "c2", "c3", "d0", "d1"],
            ]
        );
    }

    #[test]
    fn content_longer_than_a_page_fills_whole_columns_and_turns_pages() {
        let area = Rect::new(0, 0, 2 * COLUMN_MIN + COLUMN_GAP, 10);
        let chunks: Vec<Chunk> = (0..5).map(|i| chunk(&format!("{i}-"), 8)).collect();
        let pages = paginate(&chunks, area);
        assert_eq!(pages.len(), 3, "five 8-line chunks, one per 10-row column");
        assert!(pages.iter().flatten().all(|c| c.len() == 8));
    }

    #[test]
    fn one_column_is_never_spread_and_a_chunk_taller_than_it_is_cut() {
        let area = Rect::new(0, 0, COLUMN_MIN, 5);
        let pages = paginate(&[chunk("a", 7), chunk("b", 2)], area);
        let columns: Vec<Vec<String>> = pages.iter().flatten().map(names).collect();
        assert_eq!(
            columns,
            [
                vec!["a0", "a1", "a2", "a3", "a4"],
                vec!["a5", "a6", "b0", "b1"]
            ]
        );
    }
}
