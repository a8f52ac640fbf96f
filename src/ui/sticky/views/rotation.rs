//! The rotation overview: rounds × groups → category, the current round marked.

use crate::ui::app::App;
use crate::ui::open_session::OpenSession;
use crate::ui::views::content::truncate;
use crate::workshop::plan::category_for;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, Wrap};

/// Width of the round column: the widest label, "▶ 12 (now)".
const ROUND_COLUMN: u16 = 10;
/// Blank columns between two columns of the table (ratatui's default).
const COLUMN_SPACING: u16 = 1;
/// Rows under the table for the note about sharing stations (it wraps onto the second).
const NOTE_ROWS: u16 = 2;

/// Draws the overview.
pub fn render(app: &App, w: &OpenSession, frame: &mut Frame, area: Rect) {
    let s = &w.session;
    let c = s.categories.len();
    let current = s.step().round;
    let groups = s.groups.len() as u16;
    // Every column's width and the gap before it fit inside the borders, so the solver never
    // has to shrink the round column (it once cut "▶ 2 (now)" and ran into the first group).
    let col_w = area
        .width
        .saturating_sub(2 + ROUND_COLUMN)
        .checked_div(groups.max(1))
        .unwrap_or(1)
        .saturating_sub(COLUMN_SPACING)
        .max(4);
    let header = Row::new(
        std::iter::once(Cell::from("Round")).chain(s.groups.iter().map(|g| {
            Cell::from(truncate(
                &crate::ui::views::group_short(s, g.number),
                col_w as usize,
            ))
        })),
    )
    .style(app.theme.accent);
    let rows = (0..c).map(|round| {
        let is_now = current == Some(round);
        let label = if is_now {
            format!("▶ {} (now)", round + 1)
        } else {
            format!("  {}", round + 1)
        };
        // Groups are numbered 1.. in order (checked on load), so the index is the 0-based group.
        let cells = std::iter::once(Cell::from(label)).chain((0..s.groups.len()).map(|gi| {
            let cat = &s.categories[category_for(s.mode, gi, round, c)];
            Cell::from(truncate(cat, col_w as usize))
        }));
        let row = Row::new(cells);
        if is_now {
            row.style(app.theme.selected)
        } else {
            row
        }
    });
    let widths = std::iter::once(Constraint::Length(ROUND_COLUMN))
        .chain((0..groups).map(|_| Constraint::Length(col_w)));
    let title = match s.mode {
        crate::workshop::Mode::Together => " Rounds (all groups together) ",
        crate::workshop::Mode::Rotation => " Rotation: which group is at which category ",
    };
    let table = Table::new(rows, widths)
        .column_spacing(COLUMN_SPACING)
        .header(header)
        .block(Block::bordered().title(Span::styled(title, app.theme.accent)));
    let [table_area, note_area] =
        ratatui::layout::Layout::vertical([Constraint::Min(3), Constraint::Length(NOTE_ROWS)])
            .areas(area);
    frame.render_widget(table, table_area);
    let note = if s.groups.len() > c && s.mode == crate::workshop::Mode::Rotation {
        format!(
            "{} groups and {c} categories: groups {c} apart share a station each round; their notes stay on their own pages.",
            s.groups.len()
        )
    } else if current.is_none() {
        "The category rounds are done: commitment and wrap-up are for everyone together.".into()
    } else {
        String::new()
    };
    frame.render_widget(
        Paragraph::new(Line::from(note))
            .style(app.theme.dim)
            .wrap(Wrap { trim: true }),
        note_area,
    );
}
