//! "Where are we now?" for one dimension: the room's show of hands, live, as big labelled bars.

use super::super::SnapshotScreen;
use super::{OUR_DESIGN, bars};
use crate::export::snapshot::votes_label;
use crate::ui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Rows under the bars: the total and the keys.
const FOOTER_ROWS: u16 = 2;

/// Draws the tally page for dimension `d`.
pub fn render(app: &App, s: &SnapshotScreen, d: usize, frame: &mut Frame, area: Rect) {
    let st = s.state();
    let tally = st.tally(d);
    let [bars_area, footer] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(FOOTER_ROWS)]).areas(area);
    let block = Block::bordered()
        .title(Span::styled(
            format!(
                " {} · {} · show of hands{} ",
                st.dimension_name(d),
                votes_label(tally.total),
                OUR_DESIGN
            ),
            app.theme.accent,
        ))
        .border_style(app.theme.border);
    let inner = block.inner(bars_area);
    frame.render_widget(block, bars_area);
    bars::render(frame, inner, &st.scale, &tally, &app.theme);
    let keys = match st.scale.len() {
        1 => "1".to_string(),
        n => format!("1–{n}"),
    };
    let help = if tally.total == 0 {
        format!(
            "No votes yet. Ask for a show of hands per stage; press {keys} once per hand. u takes the last one back."
        )
    } else {
        format!(
            "Press {keys} once per hand (1 = {}); u takes the last one back. Percentages are of {} and add up to 100.",
            st.scale.first().map_or("", String::as_str),
            votes_label(tally.total)
        )
    };
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(help, app.theme.dim))).wrap(Wrap { trim: true }),
        footer,
    );
}
