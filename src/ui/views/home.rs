//! The home screen: "New workshop" and the saved sessions, newest first.

use super::super::app::{App, Home};
use super::content::truncate;
use super::cut_top;
use crate::words::plural;
use crate::workshop::clock::short_time;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Rows above the list: the title and a blank line.
const TITLE_ROWS: u16 = 3;

/// Draws the home screen.
/// Times are shown in `offset`, the viewer's, like `cpm-workshop list`, so sessions made in other
/// time zones read in the order they sort.
pub fn render(app: &App, home: &Home, frame: &mut Frame, area: Rect, offset: time::UtcOffset) {
    let [title, list] = cut_top(area, TITLE_ROWS);
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(
                "cpm-workshop · California Child Welfare Core Practice Model workshops",
                app.theme.title,
            )),
            Line::from(Span::styled(
                "Enter opens · ↑↓ choose · r rename · c copy set-up · d delete · ? help · q quit",
                app.theme.dim,
            )),
        ]),
        title,
    );
    let width = list.width.saturating_sub(4) as usize;
    let mut rows: Vec<Line> = Vec::with_capacity(home.sessions.len() + 2);
    let marker = |i: usize| if i == home.selected { "▶ " } else { "  " };
    let style = |i: usize| {
        if i == home.selected {
            app.theme.selected
        } else {
            app.theme.base
        }
    };
    rows.push(Line::from(vec![
        Span::styled(marker(0), app.theme.accent),
        Span::styled(
            truncate("+ New workshop (set-up with defaults filled in)", width),
            style(0),
        ),
    ]));
    for (i, s) in home.sessions.iter().enumerate() {
        // Groups and decks belong to the sticky-note activity only.
        let setup = match s.activity {
            crate::workshop::Activity::Sticky => format!("{} · {} groups · ", s.deck, s.groups),
            crate::workshop::Activity::Discussion | crate::workshop::Activity::Values => {
                format!("{} groups · ", s.groups)
            }
            crate::workshop::Activity::Snapshot => String::new(),
        };
        // What tells two sessions of one day apart comes first, before the name is cut.
        let text = format!(
            "{:>4} note{}  ·  {}  ·  {}  ·  {}  ·  {setup}",
            s.notes,
            plural(s.notes, " ", "s"),
            short_time(s.updated.to_offset(offset)),
            s.name,
            s.activity.label(),
        );
        let text = text.trim_end_matches([' ', '·']).to_string();
        rows.push(Line::from(vec![
            Span::styled(marker(i + 1), app.theme.accent),
            Span::styled(truncate(&text, width), style(i + 1)),
        ]));
    }
    for p in &home.problems {
        rows.push(Line::from(Span::styled(
            truncate(&format!("! {p}"), width),
            app.theme.error,
        )));
    }
    let visible = list.height.saturating_sub(2) as usize;
    let scroll = home.selected.saturating_sub(visible.saturating_sub(1));
    let shown: Vec<Line> = rows.into_iter().skip(scroll).take(visible).collect();
    frame.render_widget(
        Paragraph::new(shown).block(
            Block::bordered()
                .title(format!(" Sessions ({}) ", home.sessions.len()))
                .border_style(app.theme.border),
        ),
        list,
    );
}
