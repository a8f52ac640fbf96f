//! The summary, to project and to export: per dimension the room's tally and its notes under
//! each heading, then the priorities for local planning.

use super::super::SnapshotScreen;
use super::{hanging, truncate};
use crate::export::snapshot::{dots_label, votes_label};
use crate::ui::app::App;
use crate::ui::theme::Theme;
use crate::ui::views::scroll_pane;
use crate::workshop::HeadingId;
use crate::workshop::snapshot::{SnapshotState, TIE_RULE};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use unicode_width::UnicodeWidthStr;

/// From this width the priorities get a column of their own beside the dimensions.
const TWO_COLUMNS_FROM: u16 = 100;
/// Share of the width the dimensions take in two columns.
const DIMENSIONS_PERCENT: u16 = 62;
/// Widest a summary bar gets.
const MAX_BAR: usize = 30;

/// Draws the summary page.
pub fn render(app: &App, s: &SnapshotScreen, frame: &mut Frame, area: Rect) {
    let (pane, title, lines) = scrolling(app, s, area);
    boxed(app, frame, pane, title, lines, s.scroll);
    if let Some(right) = priorities_column(area) {
        let lines = priority_lines(app, s.state(), right.width.saturating_sub(2) as usize);
        let title = format!(" {} ", priorities_title(app));
        boxed(app, frame, right, &title, lines, 0);
    }
}

/// Furthest the summary scrolls in `area`.
pub fn scroll_limit(app: &App, s: &SnapshotScreen, area: Rect) -> u16 {
    let (pane, _, lines) = scrolling(app, s, area);
    scroll_pane::scroll_limit(lines.len(), pane.height)
}

/// The column of the priorities, when the page is wide enough for one.
fn priorities_column(area: Rect) -> Option<Rect> {
    (area.width >= TWO_COLUMNS_FROM).then(|| two_columns(area)[1])
}

fn two_columns(area: Rect) -> [Rect; 2] {
    Layout::horizontal([
        Constraint::Percentage(DIMENSIONS_PERCENT),
        Constraint::Percentage(100 - DIMENSIONS_PERCENT),
    ])
    .areas(area)
}

/// The pane ↑↓ scroll, its title and its lines: the dimensions beside the priorities on a wide
/// page, or everything in one column.
fn scrolling(
    app: &App,
    s: &SnapshotScreen,
    area: Rect,
) -> (Rect, &'static str, Vec<Line<'static>>) {
    let st = s.state();
    if area.width >= TWO_COLUMNS_FROM {
        let left = two_columns(area)[0];
        let lines = dimension_lines(app, st, left.width.saturating_sub(2) as usize);
        return (left, " Where are we now? ", lines);
    }
    let width = area.width.saturating_sub(2) as usize;
    let mut lines = dimension_lines(app, st, width);
    lines.push(Line::from(Span::styled(
        priorities_title(app),
        app.theme.accent,
    )));
    lines.extend(priority_lines(app, st, width));
    (area, " Summary (↑↓ scroll · x export) ", lines)
}

fn boxed(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line<'static>>,
    scroll: u16,
) {
    let block = Block::bordered()
        .title(Span::styled(title.to_string(), app.theme.accent))
        .border_style(app.theme.border);
    scroll_pane::render(&app.theme, block, lines, scroll, frame, area);
}

fn priorities_title(app: &App) -> String {
    app.library
        .snapshot
        .heading("priorities")
        .map_or_else(|| "Priorities".to_string(), |h| h.title.clone())
}

fn dimension_lines(app: &App, st: &SnapshotState, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = Vec::new();
    let label_w = st
        .scale
        .iter()
        .map(|x| x.width())
        .max()
        .unwrap_or(0)
        .min(width / 3);
    for d in 0..st.dimensions.len() {
        let tally = st.tally(d);
        lines.extend(hanging(
            &format!("{}. ", d + 1),
            &format!("{} · {}", st.dimension_name(d), votes_label(tally.total)),
            width,
            theme.accent,
        ));
        for (i, stage) in st.scale.iter().enumerate() {
            lines.push(bar_row(
                theme,
                stage,
                label_w,
                tally.counts.get(i).copied().unwrap_or(0),
                tally.total,
                tally.percents.get(i).copied().unwrap_or(0),
                width,
            ));
        }
        for heading in HeadingId::ALL {
            let notes: Vec<_> = st.notes_under(d, heading).collect();
            if notes.is_empty() {
                continue;
            }
            let title = app
                .library
                .snapshot
                .heading(heading.id())
                .map_or_else(|| heading.id().to_string(), |h| h.title.clone());
            lines.push(Line::from(Span::styled(
                truncate(&format!("   {title}"), width),
                theme.title,
            )));
            for n in notes {
                let dots = if heading == HeadingId::Opportunities && st.dots_on(n) > 0 {
                    format!(" ({})", dots_label(st.dots_on(n)))
                } else {
                    String::new()
                };
                lines.extend(hanging(
                    "     • ",
                    &format!("{}{dots}", n.text),
                    width,
                    theme.base,
                ));
            }
        }
        if !st.notes.iter().any(|n| n.dimension == d) {
            lines.push(Line::from(Span::styled("   (no notes)", theme.dim)));
        }
        lines.push(Line::default());
    }
    lines
}

fn bar_row(
    theme: &Theme,
    stage: &str,
    label_w: usize,
    count: u32,
    total: u32,
    percent: u32,
    width: usize,
) -> Line<'static> {
    let label = truncate(stage, label_w);
    let pad = " ".repeat(label_w.saturating_sub(label.width()));
    let caption = format!(" {count:>3} · {percent:>3}%");
    let bar_w = width
        .saturating_sub(3 + label_w + 1 + caption.width())
        .min(MAX_BAR);
    let filled = super::bars::filled_cells(count, total, bar_w as u16) as usize;
    Line::from(vec![
        Span::styled(format!("   {label}{pad} "), theme.base),
        Span::styled("█".repeat(filled), theme.accent),
        Span::styled("░".repeat(bar_w - filled), theme.dim),
        Span::styled(caption, theme.title),
    ])
}

fn priority_lines(app: &App, st: &SnapshotState, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = Vec::new();
    let list = st.priorities();
    if list.is_empty() {
        lines.extend(hanging(
            "  ",
            &format!(
                "None yet: the top {} opportunities by dots become the priorities.",
                st.priority_count
            ),
            width,
            theme.dim,
        ));
        return lines;
    }
    for (i, p) in list.iter().enumerate() {
        let marker = format!("  {}. ", i + 1);
        lines.extend(hanging(&marker, &p.text, width, theme.title));
        if let Some(n) = p.note.and_then(|id| st.note(id)) {
            lines.extend(hanging(
                &" ".repeat(marker.width()),
                &format!(
                    "{} · {}",
                    st.dimension_name(n.dimension),
                    dots_label(st.dots_on(n))
                ),
                width,
                theme.dim,
            ));
        }
    }
    let how = if st.priorities_fixed() {
        "Set by the facilitator from the dot vote.".to_string()
    } else {
        format!(
            "The opportunities with the most dots (up to {}). {TIE_RULE}",
            st.priority_count
        )
    };
    lines.push(Line::default());
    lines.extend(hanging("  ", &how, width, theme.dim));
    lines
}
