//! Draws the room's view for a projector: the category and step large, the behaviors laid out
//! in columns (and, when even columns do not hold them, in pages that turn by themselves), the
//! room instruction, the big timer, the notes wall and the Snapshot's tally and priorities.
//! Reads a [`RoomView`]; knows nothing of keys, files or the session.

use super::big_text;
use crate::export::wrap::wrap;
use crate::room::RoomView;
use crate::room::view::{RoomTally, Wall};
use crate::ui::snapshot::views::bars;
use crate::ui::theme::Theme;
use crate::ui::views::{centered, cut_bottom, cut_right, cut_top, truncate};
use crate::ui::widgets::timer_box;
use crate::workshop::RunState;
use crate::workshop::snapshot::Tally;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use time::OffsetDateTime;
use unicode_width::UnicodeWidthStr;

/// Smallest window the room view draws in (a projector font at 1080p gives about this much).
pub const MIN_WIDTH: u16 = 64;
pub const MIN_HEIGHT: u16 = 18;
/// Seconds each page of behaviors stays up when they need more than one page.
pub const PAGE_SECONDS: i64 = 20;
/// Narrowest a column of behaviors or notes gets before there are fewer columns.
const COLUMN_MIN: u16 = 34;
/// Most columns side by side (more is hard to follow from the back).
const MAX_COLUMNS: u16 = 3;
/// Blank cells between columns.
const COLUMN_GAP: u16 = 3;
/// Share of the width the timer and instruction take.
const SIDE_PERCENT: u16 = 36;
/// Narrowest the timer and instruction column gets.
const SIDE_MIN: u16 = 24;
/// Share of the side column's height the timer takes.
const TIMER_PERCENT: u16 = 55;
/// Rows the timer box needs at the least (border, digits, caption).
const TIMER_MIN_ROWS: u16 = 5;
/// Windows at least this tall get the title in big letters.
const BIG_TITLE_FROM: u16 = 30;
/// The big title takes at most one row in this many.
const BIG_TITLE_SHARE: u16 = 5;
/// Widest the behaviors' indent under a number gets.
const INDENT: usize = 4;

/// What the projector has to show.
#[derive(Debug, Clone, Copy)]
pub enum Showing<'a> {
    /// No app has the session open (or it has written nothing yet).
    Waiting {
        /// The session followed, when one is known.
        session: Option<&'a str>,
        /// Why, when something is wrong rather than just not open.
        problem: Option<&'a str>,
    },
    Room(&'a RoomView),
}

/// Draws the whole projector screen at `now`.
pub fn render(showing: Showing, theme: &Theme, frame: &mut Frame, now: OffsetDateTime) {
    let area = frame.area();
    frame.render_widget(Block::new().style(theme.base), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, theme);
        return;
    }
    render_in(showing, theme, frame, area, now);
}

/// Draws the room view in `area` whatever its size (the console's preview is smaller than a
/// projector window; parts that do not fit are cut, never drawn outside).
pub fn render_in(
    showing: Showing,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    now: OffsetDateTime,
) {
    match showing {
        Showing::Waiting { session, problem } => waiting(frame, area, theme, session, problem),
        Showing::Room(v) if v.blank => {}
        Showing::Room(v) => match v.join.as_ref().filter(|j| j.full) {
            Some(j) => super::join::full(j, frame, area, theme),
            None => room(v, frame, area, theme, now),
        },
    }
}

/// How many pages the content of `view` takes in a window of `width`×`height`, and which one
/// shows at `now` (the presenter's page, or the one the clock turned to).
pub fn page_of(
    view: &RoomView,
    theme: &Theme,
    width: u16,
    height: u16,
    now: OffsetDateTime,
) -> (usize, usize) {
    let content = Areas::of(view, Rect::new(0, 0, width, height)).content;
    let chunks = content_blocks(view, theme, column_width(content));
    let pages = paginate(&chunks, content).len();
    (pick_page(view, pages, now), pages)
}

/// When the page on show next turns by itself, if it does (for the loop's wake-up).
pub fn next_page_turn(
    view: &RoomView,
    theme: &Theme,
    width: u16,
    height: u16,
    now: OffsetDateTime,
) -> Option<i64> {
    let (_, pages) = page_of(view, theme, width, height, now);
    (view.page.is_none() && pages > 1 && !view.blank)
        .then(|| PAGE_SECONDS - now.unix_timestamp().rem_euclid(PAGE_SECONDS))
}

fn pick_page(view: &RoomView, pages: usize, now: OffsetDateTime) -> usize {
    let pages = pages.max(1);
    match view.page {
        Some(p) => p % pages,
        None => usize::try_from(now.unix_timestamp().div_euclid(PAGE_SECONDS)).unwrap_or(0) % pages,
    }
}

fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let text = format!(
        "Make the window larger: at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{})",
        area.width, area.height
    );
    frame.render_widget(
        Paragraph::new(truncate(&text, usize::from(area.width)))
            .style(theme.accent)
            .alignment(Alignment::Center),
        centered(area, area.width, 1),
    );
}

fn waiting(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    session: Option<&str>,
    problem: Option<&str>,
) {
    let width = usize::from(area.width.saturating_sub(4));
    let mut lines = vec![
        Line::from(Span::styled("Waiting for the presenter", theme.title)),
        Line::default(),
    ];
    let detail = match session {
        Some(id) => format!("This screen shows session {id} as soon as cpm-workshop has it open."),
        None => "This screen shows the session cpm-workshop opens next.".to_string(),
    };
    for l in wrap(&detail, width) {
        lines.push(Line::from(Span::styled(l, theme.dim)));
    }
    if let Some(p) = problem {
        lines.push(Line::default());
        for l in wrap(p, width) {
            lines.push(Line::from(Span::styled(l, theme.error)));
        }
    }
    let h = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines).alignment(Alignment::Center),
        centered(area, area.width, h),
    );
}

/// Where each part of the room view goes.
struct Areas {
    top: Rect,
    heading: Rect,
    step: Rect,
    content: Rect,
    timer: Rect,
    side: Rect,
    bottom: Rect,
    /// While the room is open: the corner panel with the QR code, or the hint line instead.
    join: Option<Rect>,
    join_hint: Option<Rect>,
}

impl Areas {
    fn of(view: &RoomView, area: Rect) -> Areas {
        let [top, rest] = cut_top(area, 1);
        let big_rows = if area.height >= BIG_TITLE_FROM {
            rest.height / BIG_TITLE_SHARE
        } else {
            0
        };
        let heading_rows = big_text::height_for(&view.heading, rest.width, big_rows).unwrap_or(1);
        let [heading, rest] = cut_top(rest, heading_rows);
        let [step, rest] = cut_top(rest, 1);
        let [_, rest] = cut_top(rest, 1);
        let [body, bottom] = cut_bottom(rest, 1);
        let (body, join, join_hint) = match &view.join {
            None => (body, None, None),
            Some(j) => match super::join::panel_size(j, body) {
                Some((w, h)) => {
                    let [body, column] = cut_right(body, w + COLUMN_GAP);
                    let [_, panel] = cut_right(column, w);
                    (body, Some(Rect { height: h, ..panel }), None)
                }
                None => {
                    let [body, hint] = cut_bottom(body, 1);
                    (body, None, Some(hint))
                }
            },
        };
        let has_side =
            shows_timer(view) || !view.instruction.is_empty() || !view.stations.is_empty();
        let side_w = if has_side {
            (body.width * SIDE_PERCENT / 100).max(SIDE_MIN)
        } else {
            0
        };
        let [content, side] = cut_right(body, side_w);
        let content = Rect {
            width: content
                .width
                .saturating_sub(if has_side { COLUMN_GAP } else { 0 }),
            ..content
        };
        let timer_rows = if shows_timer(view) {
            (side.height * TIMER_PERCENT / 100).max(TIMER_MIN_ROWS)
        } else {
            0
        };
        let [timer, side] = cut_top(side, timer_rows);
        Areas {
            top,
            heading,
            step,
            content,
            timer,
            side,
            bottom,
            join,
            join_hint,
        }
    }
}

/// An untimed step that was never started has nothing to count: the room sees no zero.
fn shows_timer(view: &RoomView) -> bool {
    let t = view.timer.as_timer();
    t.length_ms.is_some() || t.state() != RunState::Ready
}

fn room(v: &RoomView, frame: &mut Frame, area: Rect, theme: &Theme, now: OffsetDateTime) {
    let a = Areas::of(v, area);
    let place_w = u16::try_from(v.place.width())
        .unwrap_or(0)
        .min(a.top.width / 2);
    let [left, right] = cut_right(a.top, place_w);
    frame.render_widget(
        Paragraph::new(truncate(
            &format!("{} · {}", v.activity, v.deck),
            usize::from(left.width.saturating_sub(1)),
        ))
        .style(theme.dim),
        left,
    );
    frame.render_widget(
        Paragraph::new(truncate(&v.place, usize::from(right.width))).style(theme.dim),
        right,
    );
    big_text::render(frame, a.heading, &v.heading, theme.accent);
    frame.render_widget(
        Paragraph::new(truncate(&v.step, usize::from(a.step.width)))
            .style(theme.title)
            .alignment(Alignment::Center),
        a.step,
    );
    if shows_timer(v) && a.timer.height > 0 {
        timer_box::render(theme, &v.timer.as_timer(), frame, a.timer, now);
    }
    side(v, frame, a.side, theme);
    if let Some(j) = &v.join {
        if let Some(panel) = a.join {
            super::join::panel(j, frame, panel, theme);
        }
        if let Some(hint) = a.join_hint {
            super::join::hint(j, frame, hint, theme);
        }
    }
    let page = if !v.tallies.is_empty() {
        tallies(&v.tallies, frame, a.content, theme);
        None
    } else {
        columns(v, frame, a.content, theme, now)
    };
    let (source_w, page_label) = match page {
        Some((p, n)) if n > 1 => {
            let label = format!("page {} of {n}", p + 1);
            (
                a.bottom.width.saturating_sub(label.width() as u16 + 2),
                label,
            )
        }
        _ => (a.bottom.width, String::new()),
    };
    let [source_area, page_area] = cut_right(a.bottom, a.bottom.width - source_w);
    if let Some(source) = &v.source {
        frame.render_widget(
            Paragraph::new(truncate(
                &format!("Source: {source}"),
                usize::from(source_area.width),
            ))
            .style(theme.dim),
            source_area,
        );
    }
    frame.render_widget(
        Paragraph::new(page_label)
            .style(theme.accent)
            .alignment(Alignment::Right),
        page_area,
    );
}

/// The instruction, and in a rotation where each group works.
fn side(v: &RoomView, frame: &mut Frame, area: Rect, theme: &Theme) {
    let width = usize::from(area.width.saturating_sub(1)).max(1);
    let mut lines: Vec<Line> = Vec::new();
    if !v.instruction.is_empty() {
        lines.push(Line::default());
        lines.extend(wrap(&v.instruction, width).into_iter().map(Line::from));
    }
    if !v.stations.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            "Where each group works",
            theme.accent,
        )));
        for s in &v.stations {
            lines.push(Line::from(truncate(
                &format!("{} → {}", s.group, s.category),
                width,
            )));
        }
    }
    let fits = lines.len().min(usize::from(area.height));
    lines.truncate(fits);
    frame.render_widget(Paragraph::new(lines).style(theme.base), area);
}

/// The Snapshot's show of hands: one dimension large, or every dimension in turn.
fn tallies(list: &[RoomTally], frame: &mut Frame, area: Rect, theme: &Theme) {
    let n = u16::try_from(list.len()).unwrap_or(u16::MAX).max(1);
    let each = area.height / n;
    for (i, t) in list.iter().enumerate() {
        let y = area.y + each * u16::try_from(i).unwrap_or(0);
        let slot = Rect {
            y,
            height: each,
            ..area
        };
        let [title, bars_area] = if list.len() > 1 {
            cut_top(slot, 1)
        } else {
            [Rect { height: 0, ..slot }, slot]
        };
        frame.render_widget(
            Paragraph::new(truncate(
                &format!("{} · {} in all", t.dimension, t.total),
                usize::from(title.width),
            ))
            .style(theme.accent),
            title,
        );
        let scale: Vec<String> = t.stages.iter().map(|s| s.label.clone()).collect();
        let tally = Tally {
            counts: t.stages.iter().map(|s| s.count).collect(),
            total: t.total,
            percents: t.stages.iter().map(|s| s.percent).collect(),
        };
        bars::render(frame, bars_area, &scale, &tally, theme);
    }
}

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

/// Draws the page of columns on show; returns (page, pages).
fn columns(
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
    let page = pick_page(v, pages.len(), now);
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
