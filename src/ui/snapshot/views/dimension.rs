//! A dimension's page: what the Implementation Planning Guide says about it, the facilitation prompts (labelled as ours,
//! not CPM wording), the room's votes so far and the notes typed for it under each heading.

use super::super::SnapshotScreen;
use super::{CARD, hanging, timer_box, timer_in_use, truncate};
use crate::export::snapshot::votes_label;
use crate::ui::app::App;
use crate::ui::views::scroll_pane;
use crate::workshop::HeadingId;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use time::OffsetDateTime;

/// Share of the width the guide's text takes; prompts and notes get the rest.
const TEXT_PERCENT: u16 = 56;
/// Rows of the page timer box, when the timer is in use: on a short screen, and a tall one.
const TIMER_ROWS_SHORT: u16 = 6;
const TIMER_ROWS_TALL: u16 = 9;
/// Body height from which the timer box gets its tall size.
const TALL_FROM: u16 = 30;
/// Title of the facilitation prompts, and the line under it that says whose words they are, so
/// nobody mistakes them for the guide's.
const PROMPTS_TITLE: &str = " Facilitation prompts ";
const PROMPTS_NOTE: &str = "Ours, not CPM wording (set in the activity file):";

/// Draws the page for dimension `d`.
pub fn render(
    app: &App,
    s: &SnapshotScreen,
    d: usize,
    frame: &mut Frame,
    area: Rect,
    now: OffsetDateTime,
) {
    let [left, right] = columns(area);
    guide_text(app, s, d, frame, left);
    let prompts = prompt_lines(app, s, d, right.width.saturating_sub(2) as usize);
    let timer_h = match (
        timer_in_use(&s.open.session.timer),
        area.height >= TALL_FROM,
    ) {
        (false, _) => 0,
        (true, false) => TIMER_ROWS_SHORT,
        (true, true) => TIMER_ROWS_TALL,
    };
    let [timer, prompts_area, notes_area] = Layout::vertical([
        Constraint::Length(timer_h),
        Constraint::Length((prompts.len() as u16 + 2).min(right.height / 2)),
        Constraint::Min(3),
    ])
    .areas(right);
    if timer_h > 0 {
        timer_box(app, &s.open.session.timer, frame, timer, now);
    }
    frame.render_widget(
        Paragraph::new(prompts).block(
            Block::bordered()
                .title(Span::styled(PROMPTS_TITLE, app.theme.accent))
                .border_style(app.theme.border),
        ),
        prompts_area,
    );
    notes(app, s, d, frame, notes_area);
}

/// The guide's text on the left; prompts, notes and the timer on the right.
fn columns(area: Rect) -> [Rect; 2] {
    Layout::horizontal([
        Constraint::Percentage(TEXT_PERCENT),
        Constraint::Percentage(100 - TEXT_PERCENT),
    ])
    .areas(area)
}

/// Furthest the guide's text on dimension `d`'s page scrolls in `area`.
pub fn scroll_limit(app: &App, s: &SnapshotScreen, d: usize, area: Rect) -> u16 {
    let [left, _] = columns(area);
    let lines = guide_lines(app, s, d, left.width.saturating_sub(2) as usize);
    scroll_pane::scroll_limit(lines.len(), left.height)
}

/// The guide's words about the dimension, with their source.
fn guide_text(app: &App, s: &SnapshotScreen, d: usize, frame: &mut Frame, area: Rect) {
    let lines = guide_lines(app, s, d, area.width.saturating_sub(2) as usize);
    let block = Block::bordered()
        .title(Span::styled(
            " What the Planning Guide says ",
            app.theme.accent,
        ))
        .border_style(app.theme.border);
    scroll_pane::render(&app.theme, block, lines, s.scroll, frame, area);
}

/// The guide's words about the dimension wrapped to `width`, then the votes so far.
fn guide_lines(app: &App, s: &SnapshotScreen, d: usize, width: usize) -> Vec<Line<'static>> {
    let name = s.state().dimension_name(d);
    let mut lines = Vec::new();
    match app.library.snapshot.dimensions.iter().find(|x| x.name == name) {
        Some(dim) => {
            if dim.about.is_empty() {
                lines.extend(hanging(
                    "",
                    "The guide lists this dimension among the Snapshot's four and says no more about it.",
                    width,
                    app.theme.dim,
                ));
                lines.push(Line::default());
            }
            for para in &dim.about {
                lines.extend(hanging("", para, width, app.theme.base));
                lines.push(Line::default());
            }
            lines.extend(hanging(
                "",
                &format!("Source: {}", dim.source),
                width,
                app.theme.dim,
            ));
        }
        None => lines.push(Line::from(Span::styled(
            "The activity file loaded now has no dimension by this name, so its text cannot be shown. Votes and notes still work.",
            app.theme.dim,
        ))),
    }
    let tally = s.state().tally(d);
    lines.push(Line::default());
    let counts: Vec<String> = s
        .state()
        .scale
        .iter()
        .zip(&tally.counts)
        .map(|(stage, c)| format!("{stage} {c}"))
        .collect();
    lines.extend(hanging(
        "",
        &format!(
            "Where are we now? {} so far: {}. Next page: the tally.",
            votes_label(tally.total),
            counts.join(" · ")
        ),
        width,
        app.theme.dim,
    ));
    lines
}

fn prompt_lines(app: &App, s: &SnapshotScreen, d: usize, width: usize) -> Vec<Line<'static>> {
    let name = s.state().dimension_name(d);
    let prompts = app
        .library
        .snapshot
        .dimensions
        .iter()
        .find(|x| x.name == name)
        .map(|x| x.facilitation_prompts.clone())
        .unwrap_or_default();
    if prompts.is_empty() {
        return vec![Line::from(Span::styled(
            "None in the activity file.",
            app.theme.dim,
        ))];
    }
    let mut lines = hanging("", PROMPTS_NOTE, width, app.theme.dim);
    lines.extend(
        prompts
            .iter()
            .flat_map(|p| hanging("• ", p, width, app.theme.base)),
    );
    lines
}

/// The notes typed for this dimension, under each heading.
fn notes(app: &App, s: &SnapshotScreen, d: usize, frame: &mut Frame, area: Rect) {
    let st = s.state();
    let width = area.width.saturating_sub(2) as usize;
    let mut lines = Vec::new();
    for heading in HeadingId::ALL {
        let title = app
            .library
            .snapshot
            .heading(heading.id())
            .map_or_else(|| heading.id().to_string(), |h| h.title.clone());
        let notes: Vec<_> = st.notes_under(d, heading).collect();
        lines.push(Line::from(Span::styled(
            truncate(&format!("{title} ({})", notes.len()), width),
            app.theme.title,
        )));
        for n in notes {
            lines.push(Line::from(vec![
                Span::styled(CARD, app.theme.accent),
                Span::styled(truncate(&n.text, width.saturating_sub(2)), app.theme.note),
            ]));
        }
    }
    let height = area.height.saturating_sub(2) as usize;
    if lines.len() > height {
        // More than fit: the counts per heading, and the analysis page for the notes.
        lines = HeadingId::ALL
            .into_iter()
            .map(|h| {
                let title = app
                    .library
                    .snapshot
                    .heading(h.id())
                    .map_or_else(|| h.id().to_string(), |x| x.title.clone());
                Line::from(Span::styled(
                    truncate(&format!("{title}: {}", st.notes_under(d, h).count()), width),
                    app.theme.title,
                ))
            })
            .collect();
        lines.push(Line::from(Span::styled(
            truncate("All of them: the analysis page", width),
            app.theme.dim,
        )));
        lines.truncate(height);
    }
    frame.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(Span::styled(" Notes ", app.theme.accent))
                .border_style(app.theme.border),
        ),
        area,
    );
}
