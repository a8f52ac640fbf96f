//! Drawing the Snapshot pages: one file per page, and what they share (the header, the note
//! input, the edit box, the page timer). Views read state; they change nothing.

mod analysis;
mod bars;
mod dimension;
mod dots;
mod intro;
mod plan;
mod priorities;
mod summary;
mod tally;

use super::{EditTarget, Page, SnapshotScreen};
use crate::export::wrap::wrap;
use crate::ui::app::App;
use crate::ui::input_view::{visible_slice, wrapped};
pub(super) use crate::ui::views::{CARD, SELECTED, card_lines, clipped, truncate};
use crate::ui::views::{centered, entry_block};
use crate::ui::widgets::big_timer::BigTimer;
use crate::workshop::duration::Clock;
use crate::workshop::{Face, RunState};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use time::OffsetDateTime;
use unicode_width::UnicodeWidthStr;

/// Marks what the guide does not describe (the show of hands, the dot vote, the top
/// priorities) as this app's design wherever it appears.
const OUR_DESIGN: &str = " (this app's design)";

/// Rows of the scribe's note input: three rows of text that wrap.
const ENTRY_HEIGHT: u16 = 5;
/// Share of the width the page timer takes beside pages other than a dimension's.
const TIMER_COLUMN_PERCENT: u16 = 30;
/// Share of that column's height the timer box takes.
const TIMER_BOX_PERCENT: u16 = 60;
/// Widest the edit box gets.
const EDIT_WIDTH: u16 = 76;
/// Narrowest text is wrapped to, so tiny panes still make progress.
const MIN_WRAP: usize = 8;

/// Where the parts of the Snapshot screen go.
struct Areas {
    top: Rect,
    title: Rect,
    /// The page itself.
    page: Rect,
    /// The big page timer beside the page, when it is in use (a dimension's page has its own
    /// place for it).
    timer: Option<Rect>,
    entry: Rect,
}

fn areas(s: &SnapshotScreen, area: Rect) -> Areas {
    let entry_h = match (&s.entry, &s.plan_input) {
        (Some(_), _) => ENTRY_HEIGHT,
        (None, Some(input)) => plan::input_height(input),
        (None, None) => 0,
    };
    let [top, title, body, entry] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(entry_h),
    ])
    .areas(area);
    // A running or set page timer gets big digits beside the page, so the back row sees it
    // and its overtime.
    let (page, timer) = if timer_in_use(s) && !matches!(s.page(), Page::Dimension(_)) {
        let [page, side] = Layout::horizontal([
            Constraint::Min(0),
            Constraint::Percentage(TIMER_COLUMN_PERCENT),
        ])
        .areas(body);
        let [timer, _] = Layout::vertical([
            Constraint::Percentage(TIMER_BOX_PERCENT),
            Constraint::Min(0),
        ])
        .areas(side);
        (page, Some(timer))
    } else {
        (body, None)
    };
    Areas {
        top,
        title,
        page,
        timer,
        entry,
    }
}

/// Furthest ↓ / PgDn scroll the page the facilitator is on in a window of `width`×`height`:
/// the last line of its text at the bottom of its pane. Pages without scrolling text give 0.
pub fn scroll_limit(app: &App, s: &SnapshotScreen, width: u16, height: u16) -> u16 {
    let [body, _, _] =
        crate::ui::views::frame_areas(Rect::new(0, 0, width, height), app.status.is_some());
    let page = areas(s, body).page;
    match s.page() {
        Page::Intro => intro::scroll_limit(app, s, page),
        Page::Dimension(d) => dimension::scroll_limit(app, s, d, page),
        Page::Summary => summary::scroll_limit(app, s, page),
        Page::Tally(_) | Page::Analysis | Page::Dots | Page::Priorities | Page::Plan(_) => 0,
    }
}

/// Draws the Snapshot screen for the page the facilitator is on.
pub fn render(app: &App, s: &SnapshotScreen, frame: &mut Frame, area: Rect, now: OffsetDateTime) {
    let Areas {
        top,
        title,
        page: body,
        timer,
        entry,
    } = areas(s, area);
    header(app, s, frame, top, now);
    frame.render_widget(
        Paragraph::new(truncate(&page_title(app, s), title.width as usize)).style(app.theme.accent),
        title,
    );
    if let Some(timer) = timer {
        timer_box(app, s, frame, timer, now);
    }
    match s.page() {
        Page::Intro => intro::render(app, s, frame, body),
        Page::Dimension(d) => dimension::render(app, s, d, frame, body, now),
        Page::Tally(d) => tally::render(app, s, d, frame, body),
        Page::Analysis => analysis::render(app, s, frame, body),
        Page::Dots => dots::render(app, s, frame, body),
        Page::Priorities => priorities::render(app, s, frame, body),
        Page::Plan(step) => plan::render(app, s, step, frame, body),
        Page::Summary => summary::render(app, s, frame, body),
    }
    if s.entry.is_some() {
        entry_box(app, s, frame, entry);
    } else if s.plan_input.is_some() {
        plan::input_box(app, s, frame, entry);
    }
    if s.edit.is_some() {
        edit_box(app, s, frame, body);
    }
}

/// The top line: what this is, the session, the page and the timer.
fn header(app: &App, s: &SnapshotScreen, frame: &mut Frame, area: Rect, now: OffsetDateTime) {
    let (page, pages) = s.page_number();
    let right = format!(" page {page} of {pages} · {} ", timer_caption(s, now));
    let right_w = (right.width() as u16).min(area.width);
    let [left_area, right_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(right_w)]).areas(area);
    let left = format!(
        "{} · {}",
        s.open.session.activity.label(),
        s.open.session.name
    );
    frame.render_widget(
        Paragraph::new(truncate(&left, left_area.width as usize)).style(app.theme.title),
        left_area,
    );
    let reading = s.open.session.timer.reading(now);
    let style = if reading.is_over() {
        app.theme.timer_over
    } else {
        app.theme.dim
    };
    frame.render_widget(
        Paragraph::new(truncate(&right, right_area.width as usize)).style(style),
        right_area,
    );
}

/// The second line: which page this is.
fn page_title(app: &App, s: &SnapshotScreen) -> String {
    let st = s.state();
    let dims = st.dimensions.len();
    let heading = |id: &str| {
        app.library
            .snapshot
            .heading(id)
            .map_or_else(|| id.to_string(), |h| h.title.clone())
    };
    match s.page() {
        Page::Intro => app.library.snapshot.title.clone(),
        Page::Dimension(d) => format!("Dimension {} of {dims} · {}", d + 1, st.dimension_name(d)),
        Page::Tally(d) => format!(
            "Where are we now? · Dimension {} of {dims} · {}",
            d + 1,
            st.dimension_name(d)
        ),
        Page::Analysis => {
            "Scoring and Analysis · every note under its heading, by dimension".to_string()
        }
        Page::Dots => format!("Dot voting · {}", heading("opportunities")),
        Page::Priorities => heading("priorities"),
        Page::Plan(step) => {
            let script = app.library.snapshot.plan_script();
            let n = s
                .plan_steps
                .iter()
                .position(|&x| x == step)
                .map_or(0, |i| i + 1);
            format!(
                "{} · plan step {n} of {} · {}",
                script.question(step),
                s.plan_steps.len(),
                script.title
            )
        }
        Page::Summary => "Summary".to_string(),
    }
}

/// The page timer in words: "no timer", "timer 1:23 running", "TIME · 0:12 over".
fn timer_caption(s: &SnapshotScreen, now: OffsetDateTime) -> String {
    let timer = &s.open.session.timer;
    let reading = timer.reading(now);
    if reading.state == RunState::Ready && timer.length_ms.is_none() {
        return "no timer".to_string();
    }
    let face = match reading.face {
        Face::Remaining(secs) if reading.is_over() => format!("TIME {}", Clock(secs)),
        Face::Remaining(secs) => format!("timer {}", Clock(secs)),
        Face::Overtime(secs) => format!("TIME · {} over", Clock(secs)),
        Face::Elapsed(secs) => format!("timer {} (counting up)", Clock(secs)),
    };
    let state = match reading.state {
        RunState::Ready => "ready",
        RunState::Running => "running",
        RunState::Paused => "PAUSED",
    };
    format!("{face} {state}")
}

/// Whether the page timer is in use (started, or given a length).
pub(super) fn timer_in_use(s: &SnapshotScreen) -> bool {
    let timer = &s.open.session.timer;
    timer.state() != RunState::Ready || timer.length_ms.is_some()
}

/// The page timer in big digits, with its state in words underneath.
pub(super) fn timer_box(
    app: &App,
    s: &SnapshotScreen,
    frame: &mut Frame,
    area: Rect,
    now: OffsetDateTime,
) {
    let reading = s.open.session.timer.reading(now);
    let (digits, style) = match reading.face {
        Face::Remaining(secs) if reading.is_over() => {
            (Clock(secs).to_string(), app.theme.timer_over)
        }
        Face::Remaining(secs) if reading.is_warning() => {
            (Clock(secs).to_string(), app.theme.timer_warn)
        }
        Face::Remaining(secs) | Face::Elapsed(secs) => (Clock(secs).to_string(), app.theme.timer),
        Face::Overtime(secs) => (format!("+{}", Clock(secs)), app.theme.timer_over),
    };
    let block = Block::bordered()
        .title(Span::styled(" Page timer ", app.theme.accent))
        .border_style(app.theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 {
        return;
    }
    let [digits_area, caption] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(
        BigTimer::new(&digits).style(style).keep_size_with_sign(),
        digits_area,
    );
    frame.render_widget(
        Paragraph::new(timer_caption(s, now))
            .style(style)
            .alignment(Alignment::Center),
        caption,
    );
}

/// The scribe's input: where the next note goes, and the text being typed.
fn entry_box(app: &App, s: &SnapshotScreen, frame: &mut Frame, area: Rect) {
    let Some(entry) = &s.entry else {
        return;
    };
    let heading = app
        .library
        .snapshot
        .heading(entry.heading.id())
        .map_or_else(|| entry.heading.id().to_string(), |h| h.title.clone());
    let title = format!(
        " New note → {} · {heading} ",
        s.state().dimension_name(entry.dimension)
    );
    let keys = " Enter save · Tab heading · ↑↓ dimension · Esc close ";
    let block = entry_block(app, &title, entry.saved, keys, area.width);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width < 2 || inner.height == 0 {
        return;
    }
    let typed = wrapped(
        entry.input.value(),
        entry.input.cursor(),
        usize::from(inner.width.saturating_sub(1)),
        usize::from(inner.height),
    );
    let (col, row) = typed.cursor;
    let typed_lines: Vec<Line> = typed.rows.into_iter().map(Line::from).collect();
    frame.render_widget(Paragraph::new(typed_lines), inner);
    frame.set_cursor_position((
        (inner.x + col).min(inner.right().saturating_sub(1)),
        (inner.y + row).min(inner.bottom().saturating_sub(1)),
    ));
}

/// Editing a note or a priority, over the page.
fn edit_box(app: &App, s: &SnapshotScreen, frame: &mut Frame, body: Rect) {
    let Some(edit) = &s.edit else {
        return;
    };
    let title = match edit.target {
        EditTarget::Note(_) => " Edit note (Enter saves · Esc cancels) ",
        EditTarget::Priority(_) => " Edit priority (Enter saves · Esc cancels) ",
    };
    let area = centered(body, EDIT_WIDTH, 3);
    let width = area.width.saturating_sub(3) as usize;
    let scroll = edit.input.visual_scroll(width);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(visible_slice(edit.input.value(), scroll, width))
            .style(app.theme.base)
            .block(
                Block::bordered()
                    .title(Span::styled(title, app.theme.accent))
                    .border_style(app.theme.accent),
            ),
        area,
    );
    let x = area.x + 1 + (edit.input.visual_cursor().saturating_sub(scroll)) as u16;
    frame.set_cursor_position((x.min(area.right().saturating_sub(2)), area.y + 1));
}

/// `marker` then `text` wrapped to `width`, continuation lines indented under the text.
pub(super) fn hanging(marker: &str, text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    let indent = marker.width();
    wrap(text, width.saturating_sub(indent).max(MIN_WRAP))
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let lead = if i == 0 {
                marker.to_string()
            } else {
                " ".repeat(indent)
            };
            Line::from(Span::styled(format!("{lead}{l}"), style))
        })
        .collect()
}
