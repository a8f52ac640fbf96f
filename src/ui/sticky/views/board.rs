//! The notes board: a group's flip-chart page (categories as sections, notes as sticky cards),
//! or one category across every group.

use crate::ui::app::App;
use crate::ui::open_session::OpenSession;
use crate::ui::sticky::{BoardPage, board_page};
use crate::ui::views::content::{clipped, truncate};
use crate::ui::widgets::card::{CARD, CARD_ROWS, card_from};
use crate::words::count;
use crate::workshop::chart::{Heading, Headings, NO_CATEGORY};
use crate::workshop::{Note, Prompt, Session};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

/// Rows of the box that shows the selected note in full.
const DETAIL_HEIGHT: u16 = 5;
/// Draws the board.
pub fn render(app: &App, w: &OpenSession, frame: &mut Frame, area: Rect) {
    let s = &w.session;
    let [title_area, list_area, detail_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(DETAIL_HEIGHT),
    ])
    .areas(area);
    let by_category = matches!(w.board.page, BoardPage::Category(_));
    let title = match w.board.page {
        BoardPage::Category(shown) => format!(
            "{} — every group's notes  (←/→ category, c: group pages)",
            Headings::of(s)
                .get(shown)
                .map_or(Some(""), Heading::name)
                .unwrap_or(NO_CATEGORY)
        ),
        BoardPage::Group => {
            let label = crate::ui::views::group_label(s, w.group);
            format!("{label} — flip-chart page  (←/→ group, c: one category across groups)")
        }
    };
    frame.render_widget(
        Paragraph::new(truncate(&title, area.width as usize)).style(app.theme.title),
        title_area,
    );

    let notes = board_page(w);
    let width = list_area.width.saturating_sub(2) as usize;
    let visible = list_area.height.saturating_sub(2) as usize;
    // The page as rows: a blank line between sections, each section's heading, then its cards,
    // each wrapped. Only the cards near the selection are measured and built, so a page of
    // thousands of notes costs no more to draw than a short one: walk back from the selection
    // until the rows above it fill the window, then build forward from there.
    let section_of = |n| section(n, by_category);
    // Rows before note `i`'s card: its section's heading, and a blank line between sections.
    let heading_rows = |i: usize| match i {
        0 => 1,
        _ if section_of(notes[i]) != section_of(notes[i - 1]) => 2,
        _ => 0,
    };
    let selected = w.board.selected.min(notes.len().saturating_sub(1));
    let mut first = selected;
    let mut skip = 0;
    if let Some(n) = notes.get(selected) {
        // The whole selected card in view, with a row of what follows when there is room.
        let wanted_above = visible.saturating_sub(card_text(n, width).len() + 1);
        let mut above = heading_rows(selected);
        while above < wanted_above && first > 0 {
            first -= 1;
            above += card_text(notes[first], width).len() + heading_rows(first);
        }
        skip = above.saturating_sub(wanted_above);
    }
    let mut rows: Vec<Line> = Vec::with_capacity(visible);
    let mut push = |rows: &mut Vec<Line<'static>>, lines: Vec<Line<'static>>| {
        for line in lines {
            if skip > 0 {
                skip -= 1;
            } else if rows.len() < visible {
                rows.push(line);
            }
        }
    };
    for (i, n) in notes.iter().enumerate().skip(first) {
        if rows.len() >= visible {
            break;
        }
        let rows_before = heading_rows(i);
        if rows_before == 2 {
            push(&mut rows, vec![Line::default()]);
        }
        if rows_before > 0 {
            push(
                &mut rows,
                vec![Line::from(Span::styled(
                    heading(s, n, by_category),
                    app.theme.accent,
                ))],
            );
        }
        push(&mut rows, card(app, n, i == w.board.selected, width));
    }
    if notes.is_empty() {
        rows.push(Line::from(Span::styled(
            "No notes on this page yet.",
            app.theme.dim,
        )));
    }
    let block = Block::bordered()
        .title(format!(" {} ", count(notes.len(), "note", "notes")))
        .border_style(app.theme.border);
    frame.render_widget(Paragraph::new(rows).block(block), list_area);

    let detail = notes.get(w.board.selected).map(|n| {
        let cat = n.placement.category.as_deref().unwrap_or("Commitments");
        let held = match n.visibility.mark() {
            Some(m) => format!(" ({m}: not on the projector; h opens the queue)"),
            None => String::new(),
        };
        format!(
            "{} · {cat} · {}: {}{held}",
            crate::ui::views::group_label(s, n.placement.group),
            n.placement.prompt.label(),
            n.text
        )
    });
    let inner_w = detail_area.width.saturating_sub(2) as usize;
    let inner_h = detail_area.height.saturating_sub(2) as usize;
    let detail: Vec<Line> = clipped(&detail.unwrap_or_default(), inner_w, inner_h)
        .into_iter()
        .map(Line::from)
        .collect();
    frame.render_widget(
        Paragraph::new(detail).block(
            Block::bordered()
                .title(" Selected note ")
                .border_style(app.theme.border),
        ),
        detail_area,
    );
}

/// A section's heading: the category and prompt (and group, across groups), or "Commitments".
fn heading(s: &Session, n: &Note, by_category: bool) -> String {
    match (&n.placement.category, n.placement.prompt) {
        (_, Prompt::Commitment) => "Commitments".to_string(),
        (Some(c), p) if by_category => {
            let g = crate::ui::views::group_label(s, n.placement.group);
            format!("{g} · {c} · {}", p.label())
        }
        (Some(c), p) => format!("{c} · {}", p.label()),
        (None, p) => p.label().to_string(),
    }
}

/// A note's text as its card shows it: with initials, wrapped beside the marker, cut with "…"
/// after [`CARD_ROWS`] rows.
fn card_text(n: &Note, width: usize) -> Vec<String> {
    #[cfg(test)]
    tests::CARDS_WRAPPED.with(|c| c.set(c.get() + 1));
    let who = n
        .initials
        .as_deref()
        .map(|x| format!(" ({x})"))
        .unwrap_or_default();
    clipped(
        &format!("{}{who}", n.console_text()),
        width.saturating_sub(CARD.width()),
        CARD_ROWS,
    )
}

/// One note as a sticky card, marked when selected (never by colour alone).
fn card(app: &App, n: &Note, selected: bool, width: usize) -> Vec<Line<'static>> {
    card_from(app, card_text(n, width), selected)
}

/// What puts a note in a new section: category, prompt and, across groups, the group.
fn section(n: &Note, by_category: bool) -> (Option<&str>, Prompt, u32) {
    let group = if by_category { n.placement.group } else { 0 };
    (n.placement.category.as_deref(), n.placement.prompt, group)
}

#[cfg(test)]
#[path = "board_tests.rs"]
mod tests;
