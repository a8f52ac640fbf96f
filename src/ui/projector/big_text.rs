//! The room view's title in big letters where there is room, plain bold text where there is
//! not (or where a letter has no big glyph: accents, CJK), so a title is never drawn with gaps.

use crate::ui::widgets::big_timer::{BigTimer, big_text_size, has_glyph};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Paragraph;

/// Fewest rows big letters take (scale 1: five pixel rows in three cells).
const MIN_BIG_ROWS: u16 = 3;

/// The title as the big letters spell it, if every character has a glyph.
fn spelled(text: &str) -> Option<String> {
    let upper = text.to_uppercase();
    upper.chars().all(has_glyph).then_some(upper)
}

/// Rows the title takes in big letters within `width`×`max_rows`; `None` when it is drawn plain
/// (one row).
pub fn height_for(text: &str, width: u16, max_rows: u16) -> Option<u16> {
    if max_rows < MIN_BIG_ROWS {
        return None;
    }
    let upper = spelled(text)?;
    big_text_size(&upper, width, max_rows).map(|(_, h)| h)
}

/// Draws the title filling `area`: big when `area` was sized by [`height_for`], else plain.
pub fn render(frame: &mut Frame, area: Rect, text: &str, style: Style) {
    let big = spelled(text).filter(|u| {
        area.height >= MIN_BIG_ROWS && big_text_size(u, area.width, area.height).is_some()
    });
    match big {
        Some(upper) => frame.render_widget(BigTimer::new(&upper).style(style), area),
        None => frame.render_widget(
            Paragraph::new(crate::ui::views::truncate(text, usize::from(area.width)))
                .style(style.add_modifier(Modifier::BOLD))
                .alignment(Alignment::Center),
            area,
        ),
    }
}
