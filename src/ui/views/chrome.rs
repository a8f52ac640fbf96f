//! What every screen shares: the hint bar, the status line, the too-small and blank screens.

use super::super::app::{App, SaveState};
use super::super::keymap::{DIGITS_LABEL, hints_for};
use super::super::theme::Theme;
use super::{MIN_HEIGHT, MIN_WIDTH, centered, cut_bottom, cut_right};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Splits the screen into body, status line (empty if none) and hint bar.
pub fn frame_areas(area: Rect, has_status: bool) -> [Rect; 3] {
    let [rest, hints] = cut_bottom(area, 1);
    let [body, status] = cut_bottom(rest, u16::from(has_status));
    [body, status, hints]
}

/// The one line shown when the window is too small to draw the screen.
pub fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let text = format!(
        "Window too small: make it at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{})",
        area.width, area.height
    );
    let line = centered(area, area.width, 1);
    frame.render_widget(
        Paragraph::new(text)
            .style(theme.accent)
            .alignment(ratatui::layout::Alignment::Center),
        line,
    );
}

/// The blank screen the trainer shows while talking.
pub fn blank(frame: &mut Frame, area: Rect, theme: &Theme) {
    let line = Rect {
        y: area.bottom().saturating_sub(1),
        height: 1,
        ..area
    };
    frame.render_widget(
        Paragraph::new("screen blanked · press . to show it again").style(theme.dim),
        line,
    );
}

/// The status message line.
pub fn status(app: &App, frame: &mut Frame, area: Rect) {
    if let Some(s) = &app.status {
        let (style, lead) = if s.is_error() {
            (app.theme.error, "! ")
        } else {
            (app.theme.ok, "")
        };
        frame.render_widget(
            Paragraph::new(format!("{lead}{}", s.text)).style(style),
            area,
        );
    }
}

/// The hint bar: the keys that matter on this screen (as many as fit, most used first), and the
/// save state.
pub fn hints(app: &App, frame: &mut Frame, area: Rect) {
    let save = match &app.save {
        SaveState::Saved => Span::styled(" saved ✓ ", app.theme.ok),
        SaveState::Pending => Span::styled(" saving… ", app.theme.dim),
        SaveState::Failed(e) => Span::styled(
            format!(" NOT SAVED – {} ", e.trouble().label()),
            app.theme.error,
        ),
    };
    let save_w = if app.open_session().is_some() {
        save.width() as u16
    } else {
        0
    };
    // While the room is open it says so, with its phones, wherever the trainer is.
    let room = app.room.as_ref().map(|r| {
        Span::styled(
            match r.phones {
                1 => " room open · 1 phone ".to_string(),
                n => format!(" room open · {n} phones "),
            },
            app.theme.accent,
        )
    });
    let room_w = room.as_ref().map_or(0, |r| r.width() as u16);
    let [rest, room_area] = cut_right(area, room_w);
    let [left, right] = cut_right(rest, save_w);
    if let Some(room) = room {
        frame.render_widget(Paragraph::new(Line::from(room)), room_area);
    }
    let hints = hints_for(app.context());
    let mut spans = Vec::new();
    let mut used = 0usize;
    for (mut key, word) in hints {
        // The digits say which of them act here ("1-3" beside a three-stage scale), not "1-9".
        if key == DIGITS_LABEL
            && let Some(n) = app.digits_in_use()
        {
            key = if n <= 1 { "1".into() } else { format!("1-{n}") };
        }
        let k = format!(" {key} ");
        let w = format!(" {word}  ");
        let need = k.chars().count() + w.chars().count();
        if used + need > left.width as usize {
            break;
        }
        used += need;
        spans.push(Span::styled(k, app.theme.key));
        spans.push(Span::styled(w, app.theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), left);
    if save_w > 0 {
        frame.render_widget(Paragraph::new(Line::from(save)), right);
    }
}
