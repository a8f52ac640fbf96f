//! A bordered pane of text that scrolls no further than its end and says, on its border, when
//! more lies above or below. Shared by the sticky-note run view and the Snapshot's text pages.

use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Furthest a bordered pane `height` rows tall scrolls over `lines` lines: the last line at the
/// bottom, never an empty pane.
pub fn scroll_limit(lines: usize, height: u16) -> u16 {
    let rows = usize::from(height.saturating_sub(2));
    u16::try_from(lines.saturating_sub(rows)).unwrap_or(u16::MAX)
}

/// Draws `lines` in `block` over `area` from line `scroll` (held to the end of the text), with
/// " ↑ more " on the top border when lines are hidden above and " more ↓ " at the bottom when
/// lines are hidden below.
pub fn render(
    theme: &Theme,
    mut block: Block<'static>,
    lines: Vec<Line<'static>>,
    scroll: u16,
    frame: &mut Frame,
    area: Rect,
) {
    let rows = usize::from(area.height.saturating_sub(2));
    let from = usize::from(scroll.min(scroll_limit(lines.len(), area.height)));
    if from > 0 {
        block = block.title(Line::from(Span::styled(" ↑ more ", theme.accent)).right_aligned());
    }
    if from + rows < lines.len() {
        block =
            block.title_bottom(Line::from(Span::styled(" more ↓ ", theme.accent)).right_aligned());
    }
    let shown: Vec<Line> = lines.into_iter().skip(from).take(rows).collect();
    frame.render_widget(Paragraph::new(shown).block(block), area);
}
