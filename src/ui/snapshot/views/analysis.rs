//! Scoring and Analysis: a column per heading (Strengths to Build On, Opportunities for Growth,
//! Feasibility Considerations), each note under its dimension; the selected note in full below.

use super::super::SnapshotScreen;
use super::{card_lines, clipped, truncate};
use crate::export::snapshot::dots_label;
use crate::ui::app::App;
use crate::workshop::HeadingId;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Rows of the box that shows the selected note in full.
const DETAIL_ROWS: u16 = 4;

/// Draws the analysis page.
pub fn render(app: &App, s: &SnapshotScreen, frame: &mut Frame, area: Rect) {
    let [columns_area, detail] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(DETAIL_ROWS)]).areas(area);
    let columns = Layout::horizontal([Constraint::Ratio(1, 3); 3]).split(columns_area);
    for (heading, col) in HeadingId::ALL.into_iter().zip(columns.iter()) {
        column(app, s, heading, frame, *col);
    }
    let st = s.state();
    let text = match s.selected_note().and_then(|id| st.note(id)) {
        Some(n) => {
            let dots = if n.heading == HeadingId::Opportunities {
                format!(" · {}", dots_label(st.dots_on(n)))
            } else {
                String::new()
            };
            format!(
                "{} · {}{dots}: {}",
                st.dimension_name(n.dimension),
                title(app, n.heading),
                n.text
            )
        }
        None => "No note here yet.".to_string(),
    };
    let inner_w = detail.width.saturating_sub(2) as usize;
    let inner_h = detail.height.saturating_sub(2) as usize;
    let text: Vec<Line> = clipped(&text, inner_w, inner_h)
        .into_iter()
        .map(Line::from)
        .collect();
    frame.render_widget(
        Paragraph::new(text).block(
            Block::bordered()
                .title(" Selected note ")
                .border_style(app.theme.border),
        ),
        detail,
    );
}

fn title(app: &App, heading: HeadingId) -> String {
    app.library
        .snapshot
        .heading(heading.id())
        .map_or_else(|| heading.id().to_string(), |h| h.title.clone())
}

fn column(app: &App, s: &SnapshotScreen, heading: HeadingId, frame: &mut Frame, area: Rect) {
    let st = s.state();
    let active = s.column == heading;
    let width = area.width.saturating_sub(2) as usize;
    let ids = s.column_notes(heading);
    let mut rows: Vec<Line> = Vec::new();
    // Where the selected card starts and how many rows it takes.
    let mut selected = (0, 1);
    let mut index = 0;
    for d in 0..st.dimensions.len() {
        let notes: Vec<_> = st.notes_under(d, heading).collect();
        if notes.is_empty() {
            continue;
        }
        if !rows.is_empty() {
            rows.push(Line::default());
        }
        rows.push(Line::from(Span::styled(
            truncate(st.dimension_name(d), width),
            app.theme.title,
        )));
        for n in notes {
            let is_sel = active && index == s.analysis_selected;
            let card = card_lines(app, &n.text, is_sel, width);
            if is_sel {
                selected = (rows.len(), card.len());
            }
            rows.extend(card);
            index += 1;
        }
    }
    if rows.is_empty() {
        rows.push(Line::from(Span::styled("(none yet)", app.theme.dim)));
    }
    let visible = area.height.saturating_sub(2) as usize;
    let (sel_row, sel_height) = selected;
    let scroll = (sel_row + sel_height + 1)
        .saturating_sub(visible)
        .min(sel_row);
    let shown: Vec<Line> = rows.into_iter().skip(scroll).take(visible).collect();
    let marker = if active { "▶ " } else { "" };
    let block = Block::bordered()
        .title(Span::styled(
            {
                let count = format!(" ({}) ", ids.len());
                let name = truncate(
                    &format!(" {marker}{}", title(app, heading)),
                    width.saturating_sub(count.chars().count()),
                );
                format!("{name}{count}")
            },
            if active {
                app.theme.accent
            } else {
                app.theme.title
            },
        ))
        .border_style(if active {
            app.theme.accent
        } else {
            app.theme.border
        });
    frame.render_widget(Paragraph::new(shown).block(block), area);
}
