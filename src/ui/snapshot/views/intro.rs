//! The intro: what the Snapshot is for, in the Implementation Planning Guide's words, then how this warm-up runs.
//! It speaks to the room; the keys are in the hint bar and the help.

use super::super::SnapshotScreen;
use super::hanging;
use crate::ui::app::App;
use crate::ui::views::scroll_pane;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

/// Draws the intro page.
pub fn render(app: &App, s: &SnapshotScreen, frame: &mut Frame, area: Rect) {
    let block = Block::bordered()
        .title(Span::styled(
            " CPM Implementation Snapshot: Where Are We Now? ",
            app.theme.accent,
        ))
        .border_style(app.theme.border);
    let lines = lines(app, s, area.width.saturating_sub(2) as usize);
    scroll_pane::render(&app.theme, block, lines, s.scroll, frame, area);
}

/// Furthest the intro scrolls in `area`.
pub fn scroll_limit(app: &App, s: &SnapshotScreen, area: Rect) -> u16 {
    let lines = lines(app, s, area.width.saturating_sub(2) as usize);
    scroll_pane::scroll_limit(lines.len(), area.height)
}

/// The intro's text wrapped to `width`.
fn lines(app: &App, s: &SnapshotScreen, width: usize) -> Vec<Line<'static>> {
    let activity = &app.library.snapshot;
    let st = s.state();
    let theme = &app.theme;
    let dimension_list = |lines: &mut Vec<Line<'static>>| {
        for (i, d) in st.dimensions.iter().enumerate() {
            lines.extend(hanging(&format!("  {}. ", i + 1), d, width, theme.title));
        }
    };
    let mut lines = Vec::new();
    let mut listed = false;
    for para in &activity.intro {
        lines.extend(hanging("", para, width, theme.base));
        // The guide names the four dimensions right after the sentence that introduces them.
        if !listed && para.trim_end().ends_with(':') {
            dimension_list(&mut lines);
            listed = true;
        }
        lines.push(Line::default());
    }
    if !listed {
        dimension_list(&mut lines);
        lines.push(Line::default());
    }
    lines.extend(hanging(
        "",
        &format!("Source: {}", activity.source),
        width,
        theme.dim,
    ));
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "How this warm-up runs",
        theme.accent,
    )));
    // Said to the room: the keys that drive each step are in the hint bar and the help.
    if let Some(note) = &activity.design_note {
        lines.extend(hanging("", note, width, theme.dim));
    }
    let headings: Vec<String> = activity.headings.iter().map(|h| h.title.clone()).collect();
    for step in [
        "Each dimension in turn: what it covers, then \"Where are we now?\"".to_string(),
        format!(
            "For each dimension the room places itself on the scale with a show of hands: {}.",
            st.scale.join(" · ")
        ),
        format!(
            "Notes go under the guide's headings: {}.",
            headings
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join(" · ")
        ),
        format!(
            "Then we sort the notes, dot-vote the opportunities ({} dots each), and the top {} become {}; a summary closes the warm-up.",
            st.dots_per_person,
            st.priority_count,
            headings.get(3).cloned().unwrap_or_default()
        ),
    ] {
        lines.extend(hanging("• ", &step, width, theme.base));
    }
    lines
}
