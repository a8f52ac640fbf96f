//! The notes board: a group's flip-chart page (categories as sections, notes as sticky cards),
//! or one category across every group.

use super::super::app::{App, Workshop, board_notes};
use super::content::truncate;
use crate::workshop::{Note, Prompt};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Rows of the box that shows the selected note in full.
const DETAIL_HEIGHT: u16 = 5;
/// Marker beside the selected note (so selection never depends on colour).
const SELECTED: &str = "▶ ";
const CARD: &str = "▌ ";

/// Draws the board.
pub fn render(app: &App, w: &Workshop, frame: &mut Frame, area: Rect) {
    let s = &w.session;
    let [title_area, list_area, detail_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(DETAIL_HEIGHT),
    ])
    .areas(area);
    let title = if w.board.by_category {
        format!(
            "{} — every group's notes  (←/→ category, c: group pages)",
            s.categories
                .get(w.board.category)
                .map_or("", String::as_str)
        )
    } else {
        let label = s
            .groups
            .get(w.group as usize - 1)
            .map_or_else(|| format!("Group {}", w.group), |g| g.label());
        format!("{label} — flip-chart page  (←/→ group, c: one category across groups)")
    };
    frame.render_widget(
        Paragraph::new(truncate(&title, area.width as usize)).style(app.theme.title),
        title_area,
    );

    let ids = board_notes(w);
    let by_id = |id| s.note(id);
    let notes: Vec<&Note> = ids.iter().filter_map(|id| by_id(*id)).collect();
    let width = list_area.width.saturating_sub(2) as usize;
    // Build rows (section headings and cards), remembering which row holds the selection.
    let mut rows: Vec<Line> = Vec::new();
    let mut selected_row = 0;
    let mut last_section: Option<(Option<String>, Prompt, u32)> = None;
    for (i, n) in notes.iter().enumerate() {
        let key = (
            n.placement.category.clone(),
            n.placement.prompt,
            if w.board.by_category {
                n.placement.group
            } else {
                0
            },
        );
        if last_section.as_ref() != Some(&key) {
            let heading = match (&n.placement.category, n.placement.prompt) {
                (_, Prompt::Commitment) => "Commitments".to_string(),
                (Some(c), p) if w.board.by_category => {
                    let g = s
                        .groups
                        .get(n.placement.group as usize - 1)
                        .map(|g| g.label());
                    format!("{} · {c} · {}", g.unwrap_or_default(), p.label())
                }
                (Some(c), p) => format!("{c} · {}", p.label()),
                (None, p) => p.label().to_string(),
            };
            if !rows.is_empty() {
                rows.push(Line::default());
            }
            rows.push(Line::from(Span::styled(heading, app.theme.accent)));
            last_section = Some(key);
        }
        let is_sel = i == w.board.selected;
        if is_sel {
            selected_row = rows.len();
        }
        let who = n
            .initials
            .as_deref()
            .map(|x| format!(" ({x})"))
            .unwrap_or_default();
        let text = truncate(&format!("{}{who}", n.text), width.saturating_sub(2));
        rows.push(if is_sel {
            Line::from(vec![
                Span::styled(SELECTED, app.theme.accent),
                Span::styled(text, app.theme.selected),
            ])
        } else {
            Line::from(vec![
                Span::styled(CARD, app.theme.accent),
                Span::styled(text, app.theme.note),
            ])
        });
    }
    if rows.is_empty() {
        rows.push(Line::from(Span::styled(
            "No notes on this page yet. In the run view, a opens the scribe's input.",
            app.theme.dim,
        )));
    }
    let visible = list_area.height.saturating_sub(2) as usize;
    let scroll = selected_row.saturating_sub(visible.saturating_sub(2));
    let block = Block::bordered()
        .title(format!(" {} notes ", notes.len()))
        .border_style(app.theme.border);
    // Only the rows that fit are handed to the paragraph, so a page of thousands stays cheap.
    let shown: Vec<Line> = rows.into_iter().skip(scroll).take(visible).collect();
    frame.render_widget(Paragraph::new(shown).block(block), list_area);

    let detail = notes.get(w.board.selected).map(|n| {
        let cat = n.placement.category.as_deref().unwrap_or("Commitments");
        format!(
            "Group {} · {cat} · {}: {}",
            n.placement.group,
            n.placement.prompt.label(),
            n.text
        )
    });
    frame.render_widget(
        Paragraph::new(detail.unwrap_or_default())
            .block(
                Block::bordered()
                    .title(" Selected note (e edit · m move · d delete · u undo) ")
                    .border_style(app.theme.border),
            )
            .wrap(Wrap { trim: false }),
        detail_area,
    );
}
