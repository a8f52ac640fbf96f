//! Draws the room's view for a projector: the category and step large, the content (behaviors,
//! notes wall, dots, priorities) in the columns and pages of [`super::columns`], the room
//! instruction, the big timer and the Snapshot's tally.
//! Reads a [`RoomView`]; knows nothing of keys, files or the session.

use super::big_text;
use super::columns::{self, COLUMN_GAP};
use crate::export::wrap::wrap;
use crate::room::RoomView;
use crate::room::view::RoomTally;
use crate::ui::snapshot::views::bars;
use crate::ui::theme::Theme;
use crate::ui::views::{centered, cut_bottom, cut_right, cut_top, truncate};
use crate::ui::widgets::timer_box;
use crate::workshop::RunState;
use crate::workshop::snapshot::Tally;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use time::OffsetDateTime;
use unicode_width::UnicodeWidthStr;

/// Smallest window the room view draws in (a projector font at 1080p gives about this much).
pub const MIN_WIDTH: u16 = 64;
pub const MIN_HEIGHT: u16 = 18;
/// Seconds each page of behaviors stays up when they need more than one page.
pub const PAGE_SECONDS: i64 = 20;
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
    let pages = columns::page_count(view, theme, content);
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

pub(super) fn pick_page(view: &RoomView, pages: usize, now: OffsetDateTime) -> usize {
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
        columns::draw(v, frame, a.content, theme, now)
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
