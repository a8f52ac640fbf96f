//! Drawing: one file per screen. Views read the app state and draw; they change nothing.

pub(crate) mod chrome;
pub(crate) mod content;
mod home;
pub mod jump;
mod overlay;
pub mod presenter;
mod queue;
pub(crate) mod scroll_pane;
mod setup;

pub(crate) use crate::ui::sticky::views::run::{content_scroll_limit, entry_block};
use crate::ui::sticky::views::{board, rotation, run};
pub(crate) use crate::ui::widgets::card::{CARD, SELECTED, card_lines};
pub(crate) use chrome::frame_areas;
pub(crate) use content::{clipped, truncate};
pub(crate) use overlay::help_rows;

use super::app::{App, Screen};
use super::sticky::View;
use crate::ui::open_session::Pane;
use crate::ui::projector::view::{self as room_view, Showing};
use crate::workshop::Session;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Block;
use time::OffsetDateTime;

/// A group as set-up named it: "Group 3 (Redwoods)", or "Group 3".
pub(crate) fn group_label(s: &Session, number: u32) -> String {
    s.groups
        .iter()
        .find(|g| g.number == number)
        .map_or_else(|| format!("Group {number}"), |g| g.label())
}

/// A group where room is short: its name, or "G3" when it has none.
pub(crate) fn group_short(s: &Session, number: u32) -> String {
    s.groups
        .iter()
        .find(|g| g.number == number)
        .and_then(|g| g.name.clone())
        .unwrap_or_else(|| format!("G{number}"))
}

/// Smallest window any screen draws in; below it one line says how big it must be.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Whether a window of `width`×`height` is big enough to draw the screens in.
pub fn fits(width: u16, height: u16) -> bool {
    width >= MIN_WIDTH && height >= MIN_HEIGHT
}

/// Draws the whole screen for the app's state at `now`.
pub fn render(app: &App, frame: &mut Frame, now: OffsetDateTime) {
    let area = frame.area();
    frame.render_widget(Block::new().style(app.theme.base), area);
    if !fits(area.width, area.height) {
        chrome::too_small(frame, area, &app.theme);
        return;
    }
    if let Some(w) = app.open_session()
        && w.blank
    {
        chrome::blank(frame, area, &app.theme);
        return;
    }
    let pane = app.open_session().map(|w| w.pane);
    if pane == Some(Pane::Room) {
        if let Some(view) = crate::ui::room_out::view_of(app) {
            room_view::render_in(Showing::Room(&view), &app.theme, frame, area, now);
        }
        if let Some(o) = &app.overlay {
            overlay::render(app, o, frame, area, now);
        }
        return;
    }
    let [body, status, hints] = chrome::frame_areas(area, app.status.is_some());
    match &app.screen {
        _ if pane == Some(Pane::Presenter) => presenter_pane(app, frame, body, now),
        Screen::Home(home) => home::render(app, home, frame, body, now.offset()),
        Screen::Setup(form) => setup::render(app, form, frame, body),
        Screen::Sticky(w) => match w.view {
            View::Run => run::render(app, w, frame, body, now),
            View::Board => board::render(app, w, frame, body),
            View::Rotation => rotation::render(app, w, frame, body),
        },
        Screen::Snapshot(s) => crate::ui::snapshot::render(app, s, frame, body, now),
        Screen::Rounds(s) => crate::ui::rounds::render(app, s, frame, body, now),
    }
    chrome::status(app, frame, status);
    chrome::hints(app, frame, hints);
    if let Some(o) = &app.overlay {
        overlay::render(app, o, frame, body, now);
    }
}

/// The presenter view of the open session.
fn presenter_pane(app: &App, frame: &mut Frame, body: Rect, now: OffsetDateTime) {
    let (Some(w), Some(room)) = (app.open_session(), crate::ui::room_out::view_of(app)) else {
        return;
    };
    let notes = crate::room::trainer_notes(
        &w.session,
        w.deck.as_ref(),
        &app.library.sticky,
        &app.library.snapshot,
        w.group,
    );
    let console = presenter::Console {
        session: &w.session,
        room: &room,
        notes: &notes,
        sticky: &app.library.sticky,
        snapshot: &app.library.snapshot,
    };
    presenter::render(&console, &app.theme, frame, body, now);
}

/// `area` cut after its first `rows` rows (all of it if shorter): `[top, rest]`. The frame's
/// fixed bands are cut by hand: the first frame after start-up is drawn sooner without the
/// layout solver's first-use cost.
pub(crate) fn cut_top(area: Rect, rows: u16) -> [Rect; 2] {
    let top = rows.min(area.height);
    [
        Rect {
            height: top,
            ..area
        },
        Rect {
            y: area.y + top,
            height: area.height - top,
            ..area
        },
    ]
}

/// `area` cut before its last `rows` rows (all of it if shorter): `[rest, bottom]`.
pub(crate) fn cut_bottom(area: Rect, rows: u16) -> [Rect; 2] {
    cut_top(area, area.height - rows.min(area.height))
}

/// `area` cut before its last `cols` columns (all of it if narrower): `[rest, right]`.
pub(crate) fn cut_right(area: Rect, cols: u16) -> [Rect; 2] {
    let left = area.width - cols.min(area.width);
    [
        Rect {
            width: left,
            ..area
        },
        Rect {
            x: area.x + left,
            width: area.width - left,
            ..area
        },
    ]
}

/// A rectangle of at most `w`×`h` centred in `area`.
pub(crate) fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
