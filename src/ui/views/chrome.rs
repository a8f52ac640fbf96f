//! What every screen shares: the hint bar, the status line, the too-small and blank screens.

use super::super::app::{App, SaveState};
use super::super::keymap::hints_for;
use super::super::theme::Theme;
use super::{MIN_HEIGHT, MIN_WIDTH, centered};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Splits the screen into body, status line (empty if none) and hint bar.
pub fn frame_areas(area: Rect, has_status: bool) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(u16::from(has_status)),
        Constraint::Length(1),
    ])
    .areas(area)
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
        let (style, lead) = if s.error {
            (app.theme.error, "! ")
        } else {
            (app.theme.ok, "")
        };
        frame.render_widget(Paragraph::new(format!("{lead}{}", s.text)).style(style), area);
    }
}

/// The hint bar: the keys that matter on this screen, and the save state.
pub fn hints(app: &App, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    for (key, word) in hints_for(app.context()) {
        spans.push(Span::styled(format!(" {key} "), app.theme.key));
        spans.push(Span::styled(format!(" {word}  "), app.theme.dim));
    }
    let save = match &app.save {
        SaveState::Saved => Span::styled(" saved ✓ ", app.theme.ok),
        SaveState::Pending => Span::styled(" saving… ", app.theme.dim),
        SaveState::Failed(_) => Span::styled(" NOT SAVED – see message ", app.theme.error),
    };
    let save_w = save.width() as u16;
    let [left, right] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(save_w)]).areas(area);
    frame.render_widget(Paragraph::new(Line::from(spans)), left);
    if app.workshop().is_some() {
        frame.render_widget(Paragraph::new(Line::from(save)), right);
    }
}
