//! Setting Priorities for Local Planning: the top opportunities from the dot vote, which the
//! facilitator can reorder and reword.

use super::super::SnapshotScreen;
use super::{OUR_DESIGN, SELECTED, hanging};
use crate::export::snapshot::dots_label;
use crate::ui::app::App;
use crate::workshop::snapshot::TIE_RULE;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Rows of the guide's words about this heading, and how the list was made.
const ABOUT_ROWS: u16 = 3;

/// Draws the priorities page.
pub fn render(app: &App, s: &SnapshotScreen, frame: &mut Frame, area: Rect) {
    let st = s.state();
    let theme = &app.theme;
    let [about, list] =
        Layout::vertical([Constraint::Length(ABOUT_ROWS), Constraint::Min(3)]).areas(area);
    let quote = app
        .library
        .snapshot
        .heading("priorities")
        .map(|h| format!("Priorities by dots{OUR_DESIGN}. The guide: “{}”", h.about))
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(quote, theme.dim))).wrap(Wrap { trim: true }),
        about,
    );
    let how = if st.priorities_fixed() {
        " Set by the facilitator · r takes them from the dots again ".to_string()
    } else {
        format!(
            " The top {} by dots, live · [ ] reorder · e reword · < > how many ",
            st.priority_count
        )
    };
    let width = list.width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    let priorities = st.priorities();
    for (i, p) in priorities.iter().enumerate() {
        let sel = i == s.priority_selected;
        let marker = format!("{}{}. ", if sel { SELECTED } else { "  " }, i + 1);
        let style = if sel { theme.selected } else { theme.title };
        lines.extend(hanging(&marker, &p.text, width, style));
        if let Some(n) = p.note.and_then(|id| st.note(id)) {
            lines.push(Line::from(Span::styled(
                format!(
                    "{}{} · {}",
                    " ".repeat(marker.chars().count()),
                    st.dimension_name(n.dimension),
                    dots_label(st.dots_on(n))
                ),
                theme.dim,
            )));
        }
        lines.push(Line::default());
    }
    if priorities.is_empty() {
        lines.extend(hanging(
            "",
            &format!(
                "No priorities yet. On the dot-voting page, + puts the room's dots on the opportunities; the top {} with dots become the priorities.",
                st.priority_count
            ),
            width,
            theme.dim,
        ));
    } else if !st.priorities_fixed() {
        lines.extend(hanging("", TIE_RULE, width, theme.dim));
    }
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(Span::styled(how, theme.accent))
                .border_style(theme.border),
        ),
        list,
    );
}
