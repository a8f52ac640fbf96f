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
    let phones = match st.phone_counts(d).iter().sum::<u32>() {
        0 => String::new(),
        n => format!(" ({n} from phones)"),
    };
    let [bars_area, footer] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(FOOTER_ROWS)]).areas(area);
    let block = Block::bordered()
        .title(Span::styled(
            format!(
                " {} · {}{phones} · show of hands{} ",
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
    // Said to the room; the keys that count hands are in the hint bar and the help.
    let help = if tally.total == 0 {
        "No votes yet: a show of hands for each stage.".to_string()
    } else {
        format!(
            "Percentages are of {} and add up to 100.",
            votes_label(tally.total)
        )
    };
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(help, app.theme.dim))).wrap(Wrap { trim: true }),
        footer,
    );
}
