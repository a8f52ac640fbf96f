//! A note drawn as a sticky card: a marker on its first row, the card's edge down its side,
//! wrapped and cut with "…". The board, the Snapshot's analysis page and its lists share it.

use crate::ui::app::App;
use crate::ui::views::content::clipped;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// Marker beside a selected item (selection never depends on colour alone).
pub const SELECTED: &str = "▶ ";
/// Marker beside an unselected note.
pub const CARD: &str = "▌ ";
/// Most rows a note takes on the board before it is cut with "…" (the selected-note box below
/// shows it whole).
pub const CARD_ROWS: usize = 4;

/// `text` as a sticky card `width` columns wide, wrapped (at most [`CARD_ROWS`] rows, cut
/// with "…"), marked and highlighted when selected.
pub fn card_lines(app: &App, text: &str, selected: bool, width: usize) -> Vec<Line<'static>> {
    card_from(
        app,
        clipped(text, width.saturating_sub(CARD.width()), CARD_ROWS),
        selected,
    )
}

/// Wrapped card text with its marker on the first row and the card's edge below it.
pub fn card_from(app: &App, text: Vec<String>, selected: bool) -> Vec<Line<'static>> {
    let (first, rest, style) = if selected {
        (SELECTED, "  ", app.theme.selected)
    } else {
        (CARD, CARD, app.theme.note)
    };
    text.into_iter()
        .enumerate()
        .map(|(i, t)| {
            Line::from(vec![
                Span::styled(if i == 0 { first } else { rest }, app.theme.accent),
                Span::styled(t, style),
            ])
        })
        .collect()
}
