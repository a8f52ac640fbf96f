//! The step timer in a box: big digits that scale to the box, its state in words underneath,
//! a flash at time-up. The console's run view and the projector draw the same box.

use super::big_timer::BigTimer;
use crate::ui::theme::Theme;
use crate::workshop::duration::Clock;
use crate::workshop::{Face, RunState, Timer};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Paragraph};
use time::OffsetDateTime;

/// Seconds of overtime during which the timer flashes.
const FLASH_SECONDS: u64 = 10;

/// Draws `timer` as it reads at `now` in a bordered box filling `area`.
pub fn render(theme: &Theme, timer: &Timer, frame: &mut Frame, area: Rect, now: OffsetDateTime) {
    let reading = timer.reading(now);
    let (digits, label, style) = match reading.face {
        // Nothing to count down and not started: no digits, so no zero that reads as time-up.
        Face::Remaining(0) if reading.state == RunState::Ready => {
            (String::new(), "no time set".to_string(), theme.timer)
        }
        Face::Remaining(s) if reading.is_over() => {
            (Clock(s).to_string(), "TIME".to_string(), theme.timer_over)
        }
        Face::Remaining(s) if reading.is_warning() => (
            Clock(s).to_string(),
            "nearly time".to_string(),
            theme.timer_warn,
        ),
        Face::Remaining(s) => (Clock(s).to_string(), String::new(), theme.timer),
        Face::Overtime(s) => (
            format!("+{}", Clock(s)),
            format!("TIME · {} over", Clock(s)),
            theme.timer_over,
        ),
        // An untimed step shows no digits; how long it has run is in the caption.
        Face::Elapsed(0) => (String::new(), "untimed".to_string(), theme.timer),
        Face::Elapsed(s) => (
            String::new(),
            format!("untimed · {} so far", Clock(s)),
            theme.timer,
        ),
    };
    let state = match reading.state {
        RunState::Ready => "ready",
        RunState::Running => "running",
        RunState::Paused => "PAUSED",
    };
    let flashing = match reading.face {
        Face::Overtime(s) => s < FLASH_SECONDS && s % 2 == 0,
        Face::Remaining(0) => reading.is_over(),
        _ => false,
    } && reading.state == RunState::Running;
    let box_style = if flashing { theme.flash } else { Style::new() };
    let caption = if label.is_empty() {
        state.to_string()
    } else {
        format!("{label} · {state}")
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(if flashing { theme.flash } else { theme.border })
        .title(Span::styled(" Timer ", theme.accent))
        .style(box_style);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 {
        return;
    }
    let [digits_area, caption_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let digit_style = if flashing { theme.flash } else { style };
    if digits.is_empty() {
        let words = if matches!(reading.face, Face::Elapsed(_)) {
            "No timer for this step"
        } else {
            "No time set"
        };
        let [_, middle, _] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(digits_area);
        frame.render_widget(
            Paragraph::new(words)
                .style(theme.dim)
                .alignment(ratatui::layout::Alignment::Center),
            middle,
        );
    } else {
        frame.render_widget(
            BigTimer::new(&digits)
                .style(digit_style)
                .keep_size_with_sign(),
            digits_area,
        );
    }
    frame.render_widget(
        Paragraph::new(caption)
            .style(if flashing { theme.flash } else { style })
            .alignment(ratatui::layout::Alignment::Center),
        caption_area,
    );
}
