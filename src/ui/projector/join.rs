//! How phones join, on the projector: while the room is open, a corner panel beside the
//! activity (the QR code, and the address and code to type), a one-line hint where the window
//! is too small for it, or, when the presenter asks for a large room, the QR code alone at the
//! largest size that fits with the address and code beneath in big letters.

use super::big_text;
use crate::room::view::RoomJoin;
use crate::ui::theme::Theme;
use crate::ui::views::{centered, cut_top, truncate};
use crate::ui::widgets::qr::Qr;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// The corner panel takes at most this share of the body's width (the activity keeps the rest).
const PANEL_WIDTH_PERCENT: u16 = 40;
/// Rows of the corner panel besides the code: its caption and the address line.
const PANEL_TEXT_ROWS: u16 = 2;
/// Rows the full-screen mode keeps under the code at the least: a gap, the address and the
/// code on a line each.
const FULL_TEXT_MIN: u16 = 3;
/// Rows of one line in big letters at the smallest scale.
const BIG_ROWS: u16 = 3;
/// Rows under the code for the big address and code: a gap, the line above them, the address,
/// a gap and the code.
const BIG_BLOCK: u16 = 1 + 1 + BIG_ROWS + 1 + BIG_ROWS;
/// What the room is asked to do.
const CAPTION: &str = "Scan to join from your phone";
/// The full-screen mode's line above the address.
const TYPE_INSTEAD: &str = "or open this address and enter the code:";

/// The address and code on one line.
fn address_line(join: &RoomJoin) -> String {
    format!("{} · code {}", join.address, join.code)
}

fn width_of(text: &str) -> u16 {
    u16::try_from(text.width()).unwrap_or(u16::MAX)
}

/// The corner panel's size within `body` (largest code that leaves the activity most of the
/// width), or `None` when even the smallest code does not fit: then a hint line stands in.
pub fn panel_size(join: &RoomJoin, body: Rect) -> Option<(u16, u16)> {
    let qr = Qr::new(&join.link)?;
    let max_w = body.width * PANEL_WIDTH_PERCENT / 100;
    let max_h = body.height.saturating_sub(PANEL_TEXT_ROWS);
    let scale = qr.largest_scale(max_w, max_h)?;
    let (w, h) = qr.size_at(scale);
    let text_w = width_of(&address_line(join));
    (text_w <= max_w).then_some((w.max(text_w), h + PANEL_TEXT_ROWS))
}

/// Draws the corner panel in `area` (sized by [`panel_size`]): caption, code, address.
pub fn panel(join: &RoomJoin, frame: &mut Frame, area: Rect, theme: &Theme) {
    let Some(qr) = Qr::new(&join.link) else {
        return;
    };
    let [caption, rest] = cut_top(area, 1);
    let Some(scale) = qr.largest_scale(rest.width, rest.height.saturating_sub(1)) else {
        return;
    };
    let (w, h) = qr.size_at(scale);
    frame.render_widget(
        Paragraph::new(truncate(CAPTION, usize::from(caption.width)))
            .style(theme.accent)
            .alignment(Alignment::Center),
        caption,
    );
    let x = rest.x + rest.width.saturating_sub(w) / 2;
    frame.render_widget(qr.at(scale), Rect::new(x, rest.y, w, h));
    let [_, below] = cut_top(rest, h);
    let [line, _] = cut_top(below, 1);
    frame.render_widget(
        Paragraph::new(address_line(join))
            .style(theme.title)
            .alignment(Alignment::Center),
        line,
    );
}

/// The hint where the panel does not fit: how to join, in one line.
pub fn hint(join: &RoomJoin, frame: &mut Frame, area: Rect, theme: &Theme) {
    let full = format!(
        "Join from your phone: {} (QR code on a larger window)",
        address_line(join)
    );
    let text = if width_of(&full) <= area.width {
        full
    } else {
        format!("Join: {}", address_line(join))
    };
    frame.render_widget(
        Paragraph::new(truncate(&text, usize::from(area.width))).style(theme.accent),
        area,
    );
}

/// The full-screen mode: the code as large as fits, the address and code beneath, all centred.
pub fn full(join: &RoomJoin, frame: &mut Frame, area: Rect, theme: &Theme) {
    let qr = Qr::new(&join.link);
    let scale = qr
        .as_ref()
        .and_then(|q| q.largest_scale(area.width, area.height.saturating_sub(FULL_TEXT_MIN)));
    let (qr_w, qr_h) = match (&qr, scale) {
        (Some(q), Some(s)) => q.size_at(s),
        _ => (0, 0),
    };
    // Below the code: a gap, the line saying what to type, then address and code, big where
    // there is room for both at the smallest big size.
    let below = area.height.saturating_sub(qr_h);
    let big = below >= BIG_BLOCK;
    let text_rows = if big {
        // Address and code share what is left, at most a third of the window each.
        let each = ((below - 3) / 2).min(area.height / 3);
        let address = big_text::height_for(&join.address, area.width, each).unwrap_or(1);
        let code = big_text::height_for(&join.code, area.width, each).unwrap_or(1);
        (address, code)
    } else {
        (1, 0)
    };
    let gap = u16::from(qr_h > 0);
    let block_h = qr_h + gap + 1 + text_rows.0 + u16::from(big) + text_rows.1;
    let block = centered(area, area.width, block_h.min(area.height));
    let [code_area, rest] = cut_top(block, qr_h);
    if let (Some(q), Some(s)) = (&qr, scale) {
        let x = code_area.x + code_area.width.saturating_sub(qr_w) / 2;
        frame.render_widget(q.at(s), Rect::new(x, code_area.y, qr_w, qr_h));
    }
    let [_, rest] = cut_top(rest, gap);
    let [say, rest] = cut_top(rest, 1);
    let what = if qr_h == 0 {
        format!(
            "Too small for the QR code: open this address, enter the code{}",
            if big { ":" } else { "." }
        )
    } else {
        format!("Scan the code, {TYPE_INSTEAD}")
    };
    frame.render_widget(
        Paragraph::new(truncate(&what, usize::from(say.width)))
            .style(theme.dim)
            .alignment(Alignment::Center),
        say,
    );
    if big {
        let [address, rest] = cut_top(rest, text_rows.0);
        let [_, rest] = cut_top(rest, 1);
        let [code, _] = cut_top(rest, text_rows.1);
        big_text::render(frame, address, &join.address, theme.title);
        big_text::render(frame, code, &join.code, theme.accent);
    } else {
        let [line, _] = cut_top(rest, 1);
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(address_line(join), theme.title)))
                .alignment(Alignment::Center),
            line,
        );
    }
}
