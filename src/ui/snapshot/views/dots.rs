//! Dot voting: the opportunities in the order written (so the list never jumps under the
//! cursor) with their dots, their live rank and a star on the ones that become priorities.

use super::super::SnapshotScreen;
use super::{OUR_DESIGN, SELECTED, truncate};
use crate::export::snapshot::dots_label;
use crate::ui::app::App;
use crate::workshop::snapshot::TIE_RULE;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

/// Rows of the room line above the list.
const INFO_ROWS: u16 = 2;
/// Rows of the tie explanation below the list.
const FOOTER_ROWS: u16 = 2;
/// Most dots drawn as dots; more show as a `+`.
const MAX_DRAWN: u32 = 12;
/// A dot, and the mark for an opportunity among the priorities.
const DOT: &str = "●";
const STAR: &str = "★";

/// Draws the dot-voting page.
pub fn render(app: &App, s: &SnapshotScreen, frame: &mut Frame, area: Rect) {
    let st = s.state();
    let theme = &app.theme;
    let [info, list, footer] = Layout::vertical([
        Constraint::Length(INFO_ROWS),
        Constraint::Min(3),
        Constraint::Length(FOOTER_ROWS),
    ])
    .areas(area);
    let per = dots_label(st.dots_per_person);
    let phones = match st.phone_dots_placed() {
        0 => String::new(),
        n => format!(" ({n} from phones)"),
    };
    let room = match st.dots_total() {
        Some(total) => {
            let whence = if st.room_size.is_some() {
                "set here"
            } else {
                "the largest show of hands"
            };
            let left = st.dots_left().unwrap_or(0);
            format!(
                "Room: {} ({whence}; < > change) × {per} each ([ ] change) = {total} dots · {} placed{phones} · {left} left",
                crate::words::count(st.room(), "person", "people"),
                st.dots_placed()
            )
        }
        None => format!(
            "Room size not known yet (no show of hands): > sets it. {per} each ([ ] change) · {} placed{phones}",
            st.dots_placed()
        ),
    };
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            format!("Dot vote{}: {room}", OUR_DESIGN),
            theme.title,
        )))
        .wrap(Wrap { trim: true }),
        info,
    );

    let ranking = st.ranking();
    let top: Vec<u64> = st
        .ranked_priorities()
        .iter()
        .filter_map(|p| p.note)
        .collect();
    let ids = s.opportunities();
    let width = list.width.saturating_sub(2) as usize;
    let mut rows: Vec<Line> = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let Some(n) = st.note(*id) else { continue };
        let r = ranking.iter().find(|r| r.id == *id);
        let rank = r.map_or(String::new(), |r| {
            format!("#{}{}", r.rank, if r.tied { "=" } else { "" })
        });
        let star = if top.contains(id) { STAR } else { " " };
        let all = st.dots_on(n);
        let mut dots = DOT.repeat(all.min(MAX_DRAWN) as usize);
        if all > MAX_DRAWN {
            dots.push('+');
        }
        let lead = format!(
            "{rank:<5}{star} {all:>3} {dots:<width$} ",
            width = MAX_DRAWN as usize + 1
        );
        let sel = i == s.dot_selected;
        let text_w = width.saturating_sub(lead.width() + 2);
        let text = truncate(
            &format!("{} ({})", n.text, st.dimension_name(n.dimension)),
            text_w,
        );
        rows.push(Line::from(vec![
            Span::styled(if sel { SELECTED } else { "  " }, theme.accent),
            Span::styled(lead, if sel { theme.selected } else { theme.title }),
            Span::styled(text, if sel { theme.selected } else { theme.base }),
        ]));
    }
    if rows.is_empty() {
        rows.push(Line::from(Span::styled(
            "No opportunities yet: they come from the notes under Opportunities for Growth.",
            theme.dim,
        )));
    }
    let visible = list.height.saturating_sub(2) as usize;
    let scroll = s.dot_selected.saturating_sub(visible.saturating_sub(1));
    let shown: Vec<Line> = rows.into_iter().skip(scroll).take(visible).collect();
    frame.render_widget(
        Paragraph::new(shown).block(
            Block::bordered()
                .title(Span::styled(
                    truncate(
                        &format!(
                            " + / - dots on the selected one · {STAR} = top {}, the priorities · in the order written ",
                            st.priority_count
                        ),
                        width,
                    ),
                    theme.accent,
                ))
                .border_style(theme.border),
        ),
        list,
    );

    let mut tie = TIE_RULE.to_string();
    if let Some(t) = st.cutoff_tie() {
        let quote = |id: &u64| {
            st.note(*id)
                .map(|n| format!("“{}”", truncate(&n.text, 24)))
                .unwrap_or_default()
        };
        let inside: Vec<String> = t.inside.iter().map(quote).collect();
        let outside: Vec<String> = t.outside.iter().map(quote).collect();
        tie = format!(
            "Tie at {} for the last priority: {} (written first) in, {} out. {TIE_RULE} + / - breaks it, or reorder on the next page.",
            dots_label(t.dots),
            inside.join(", "),
            outside.join(", ")
        );
    }
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(tie, theme.dim))).wrap(Wrap { trim: true }),
        footer,
    );
}
