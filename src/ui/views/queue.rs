//! The queue of phones' notes held off the projector: each note with its group, page and
//! state, the selected one marked (never by colour alone), the mode, and the queue's keys.

use super::centered;
use super::content::{clipped, truncate};
use crate::ui::app::App;
use crate::ui::keymap::{Context, hints_for};
use crate::workshop::{Moderation, Note, Session, Visibility};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Widest the queue gets.
const MAX_WIDTH: u16 = 76;
/// Rows of a note's text shown in the queue (the rest ends in "…").
const NOTE_ROWS: usize = 2;
/// Columns a note's text is indented under its heading.
const INDENT: &str = "    ";
/// Rows around the notes: the mode, the counts, a blank, the hint, and the two borders.
const CHROME_ROWS: u16 = 6;

/// Draws the queue over `body`.
pub fn render(app: &App, selected: usize, frame: &mut Frame, body: Rect) {
    let Some(w) = app.open_session() else {
        return;
    };
    let s = &w.session;
    let queue = s.queue();
    let width = usize::from(MAX_WIDTH.min(body.width).saturating_sub(2));
    let cards: Vec<Vec<Line>> = queue
        .iter()
        .enumerate()
        .map(|(i, n)| card(app, s, n, i == selected, width))
        .collect();
    let wanted: usize = cards.iter().map(Vec::len).sum::<usize>().max(2);
    let height = u16::try_from(wanted)
        .unwrap_or(u16::MAX)
        .saturating_add(CHROME_ROWS);
    let area = centered(body, MAX_WIDTH, height);
    frame.render_widget(Clear, area);
    let waiting = s.waiting_count();
    let title = format!(
        " Phones' notes held off the projector · {} waiting ",
        waiting
    );
    let block = Block::bordered()
        .title(Span::styled(title, app.theme.accent))
        .border_style(app.theme.accent)
        .style(app.theme.base);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mode = match s.moderation {
        Moderation::Queue => {
            "Now: phones' notes wait here until you approve them (M: show at once)"
        }
        Moderation::ShowAtOnce => {
            "Now: phones' notes go on the projector at once (M: hold them here)"
        }
    };
    let mut lines = vec![
        Line::from(Span::styled(truncate(mode, width), app.theme.title)),
        Line::from(Span::styled(
            truncate(
                &format!(
                    "{} waiting · {} hidden · hidden notes stay in the group's handout",
                    waiting,
                    queue.len() - waiting
                ),
                width,
            ),
            app.theme.dim,
        )),
        Line::default(),
    ];
    let rows = usize::from(inner.height).saturating_sub(usize::from(CHROME_ROWS) - 2);
    if cards.is_empty() {
        lines.push(Line::from(truncate("No phone's note is held.", width)));
    } else {
        lines.extend(window(cards, selected, rows));
    }
    while lines.len() < usize::from(inner.height).saturating_sub(1) {
        lines.push(Line::default());
    }
    let hint = hints_for(Context::Queue)
        .into_iter()
        .map(|(key, word)| format!("{key} {word}"))
        .collect::<Vec<_>>()
        .join(" · ");
    lines.push(Line::from(Span::styled(
        truncate(&hint, width),
        app.theme.dim,
    )));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The cards that fit in `rows`, scrolled so the selected one is whole.
fn window(cards: Vec<Vec<Line<'static>>>, selected: usize, rows: usize) -> Vec<Line<'static>> {
    let selected = selected.min(cards.len().saturating_sub(1));
    let mut first = selected;
    let mut used = cards.get(selected).map_or(0, Vec::len);
    while first > 0 && used + cards[first - 1].len() <= rows {
        first -= 1;
        used += cards[first].len();
    }
    cards.into_iter().skip(first).flatten().take(rows).collect()
}

/// A held note: a marker and its state in words, where it was posted, then its text.
fn card(app: &App, s: &Session, n: &Note, selected: bool, width: usize) -> Vec<Line<'static>> {
    let state = match n.visibility {
        Visibility::Waiting => "waiting",
        Visibility::Hidden => "hidden ",
        Visibility::Shown => "shown  ",
    };
    let who = n
        .initials
        .as_deref()
        .map(|i| format!(" · {i}"))
        .unwrap_or_default();
    let heading = format!(
        "{} [{state}] {} · {} · {}{who}",
        if selected { "▶" } else { " " },
        super::group_label(s, n.placement.group),
        n.placement.category.as_deref().unwrap_or("Commitments"),
        n.placement.prompt.label(),
    );
    let style = if selected {
        app.theme.selected
    } else {
        app.theme.base
    };
    let mut lines = vec![Line::from(Span::styled(truncate(&heading, width), style))];
    lines.extend(
        clipped(&n.text, width.saturating_sub(INDENT.len()), NOTE_ROWS)
            .into_iter()
            .map(|l| Line::from(format!("{INDENT}{l}"))),
    );
    lines
}
