//! The presenter's own view of a running workshop (for the laptop screen when the room has a
//! projector of its own): a small preview of what the room sees, the run of show with planned
//! and actual time, the next steps, and the trainer notes that never reach the room.

use super::content::truncate;
use crate::content::StickyActivity;
use crate::content::{PlanStepId, SnapshotActivity};
use crate::export::wrap::wrap;
use crate::room::RoomView;
use crate::ui::projector::view::{self as room_view, Showing};
use crate::ui::theme::Theme;
use crate::workshop::duration::Clock;
use crate::workshop::run_of_show::{ShowStep, Slip, progress, steps};
use crate::workshop::snapshot::SnapshotState;
use crate::workshop::snapshot_pages::{Page, pages_for};
use crate::workshop::{Activity, Session, StepKind};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use time::OffsetDateTime;

/// Share of the width the preview and trainer notes take.
const LEFT_PERCENT: u16 = 50;
/// Share of the left column the preview takes.
const PREVIEW_PERCENT: u16 = 60;
/// Columns of a run-of-show row besides the category's name: marker, start, five marks.
const ROW_FIXED_COLUMNS: usize = 2 + 2 + 7 + 2 + 9;
/// How many steps ahead the "next" list shows.
const NEXT_STEPS: usize = 3;

/// What the presenter view draws.
pub struct Console<'a> {
    pub session: &'a Session,
    /// What the room sees now (as written for projectors).
    pub room: &'a RoomView,
    pub notes: &'a [String],
    pub sticky: &'a StickyActivity,
    pub snapshot: &'a SnapshotActivity,
}

/// Draws the presenter view in `area`.
pub fn render(c: &Console, theme: &Theme, frame: &mut Frame, area: Rect, now: OffsetDateTime) {
    let [left, right] = Layout::horizontal([
        Constraint::Percentage(LEFT_PERCENT),
        Constraint::Percentage(100 - LEFT_PERCENT),
    ])
    .areas(area);
    let [preview, notes] = Layout::vertical([
        Constraint::Percentage(PREVIEW_PERCENT),
        Constraint::Percentage(100 - PREVIEW_PERCENT),
    ])
    .areas(left);
    let title = match (c.room.blank, c.session.waiting_count()) {
        (true, _) => " The room sees: blanked (. shows it again) ".to_string(),
        (false, 0) => " The room sees ".to_string(),
        (false, n) => format!(
            " The room sees · {} from phones {} for you (h) ",
            crate::words::count(n, "note", "notes"),
            if n == 1 { "waits" } else { "wait" }
        ),
    };
    let block = Block::bordered()
        .title(Span::styled(title, theme.accent))
        .border_style(theme.border);
    let inner = block.inner(preview);
    frame.render_widget(block, preview);
    if inner.width >= room_view::MIN_WIDTH && inner.height >= room_view::MIN_HEIGHT {
        room_view::render_in(Showing::Room(c.room), theme, frame, inner, now);
    } else {
        let card = c.session.activity == Activity::Sticky;
        let lines = fit(preview_lines(c.room, card, theme, inner.width, now), inner);
        frame.render_widget(Paragraph::new(lines), inner);
    }
    trainer_notes(c.notes, theme, frame, notes);
    let lines = match c.session.activity {
        Activity::Sticky => show_lines(c, theme, right.width.saturating_sub(2), now),
        Activity::Snapshot => page_lines(c.session, c.snapshot, theme),
        Activity::Discussion | Activity::Values => round_lines(c, theme),
    };
    let block = Block::bordered()
        .title(Span::styled(" Run of show ", theme.accent))
        .border_style(theme.border);
    let inner = block.inner(right);
    frame.render_widget(block, right);
    let lines = fit(lines, inner);
    frame.render_widget(Paragraph::new(lines).style(theme.base), inner);
}

fn trainer_notes(notes: &[String], theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = Block::bordered()
        .title(Span::styled(
            " Trainer notes (not projected) ",
            theme.accent,
        ))
        .border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width).max(1);
    let mut lines: Vec<Line> = Vec::new();
    for n in notes {
        lines.extend(
            wrap(n, width)
                .into_iter()
                .map(|l| Line::from(Span::styled(l, theme.dim))),
        );
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled("None for this step.", theme.dim)));
    }
    frame.render_widget(Paragraph::new(fit(lines, inner)), inner);
}

/// Lines cut to the rows of `area`, each to its width.
fn fit(lines: Vec<Line<'static>>, area: Rect) -> Vec<Line<'static>> {
    lines.into_iter().take(usize::from(area.height)).collect()
}

/// A step's name as the console lists it.
pub fn step_name(session: &Session, sticky: &StickyActivity, step: &ShowStep) -> String {
    let label = &sticky.step(step.step.kind).label;
    match step.step.round {
        Some(round) => match session.mode {
            crate::workshop::Mode::Together => format!(
                "{} · {label}",
                session.categories.get(round).map_or("", String::as_str)
            ),
            crate::workshop::Mode::Rotation => format!("Round {} · {label}", round + 1),
        },
        None => label.clone(),
    }
}

fn length(step: &ShowStep) -> String {
    step.planned.map_or_else(
        || "untimed".to_string(),
        |s| Clock(u64::from(s)).to_string(),
    )
}

/// The room view in words, for a preview too small to draw it as the projector does; `card`
/// when the activity reads a card of behaviors (an empty one is worth saying).
fn preview_lines(
    v: &RoomView,
    card: bool,
    theme: &Theme,
    width: u16,
    now: OffsetDateTime,
) -> Vec<Line<'static>> {
    let width = usize::from(width).max(1);
    if v.blank {
        return vec![Line::from(Span::styled("(blank)", theme.dim))];
    }
    let mut lines = vec![
        Line::from(Span::styled(truncate(&v.heading, width), theme.accent)),
        Line::from(Span::styled(truncate(&v.step, width), theme.title)),
    ];
    let reading = v.timer.as_timer().reading(now);
    let timer = match reading.face {
        crate::workshop::Face::Remaining(s) => format!("timer {}", Clock(s)),
        crate::workshop::Face::Overtime(s) => format!("timer +{} over", Clock(s)),
        crate::workshop::Face::Elapsed(_) => "untimed".to_string(),
    };
    let state = match reading.state {
        crate::workshop::RunState::Ready => "ready",
        crate::workshop::RunState::Running => "running",
        crate::workshop::RunState::Paused => "paused",
    };
    lines.push(Line::from(truncate(&format!("{timer} · {state}"), width)));
    let shows = if let Some(wall) = &v.wall {
        format!(
            "notes wall: {}",
            crate::words::count(wall.notes.len() + wall.more, "note", "notes")
        )
    } else if !v.tallies.is_empty() {
        format!(
            "show of hands: {} in all",
            v.tallies.iter().map(|t| t.total).sum::<u32>()
        )
    } else if !v.priorities.is_empty() {
        format!("{} priorities", v.priorities.len())
    } else if !v.dots.is_empty() {
        format!("dot vote: {} opportunities", v.dots.len())
    } else if card || !v.behaviors.is_empty() {
        format!("{} behaviors on the card", v.behaviors.len())
    } else {
        // No card here (a Snapshot or rounds page): the start of what the room reads, if any.
        v.text.first().cloned().unwrap_or_default()
    };
    lines.push(Line::from(Span::styled(truncate(&shows, width), theme.dim)));
    lines.push(Line::default());
    lines.extend(wrap(&v.instruction, width).into_iter().map(Line::from));
    lines
}

/// The sticky-note run of show: totals, the next steps, then a row per category.
fn show_lines(c: &Console, theme: &Theme, width: u16, now: OffsetDateTime) -> Vec<Line<'static>> {
    let s = c.session;
    let show = steps(s);
    let p = progress(s, now);
    let slip_style = match p.slip {
        Slip::Behind(_) => theme.timer_warn,
        _ => theme.ok,
    };
    let mut lines = vec![
        Line::from(vec![
            Span::raw(format!("planned {}", Clock(u64::from(p.planned_total)))),
            Span::raw(match p.elapsed {
                Some(e) => format!(" · elapsed {}", Clock(e)),
                None => String::new(),
            }),
        ]),
        Line::from(Span::styled(p.slip.to_string(), slip_style)),
        Line::default(),
        Line::from(Span::styled("Next", theme.accent)),
    ];
    let next: Vec<&ShowStep> = show.iter().skip(s.position + 1).take(NEXT_STEPS).collect();
    if next.is_empty() {
        lines.push(Line::from("  nothing: this is the last step"));
    }
    for step in next {
        lines.push(Line::from(truncate(
            &format!(
                "  {} · {} · at {}",
                step_name(s, c.sticky, step),
                length(step),
                Clock(u64::from(step.starts_after))
            ),
            usize::from(width),
        )));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Steps: ✓ done  ▶ now  · to come",
        theme.dim,
    )));
    let per = StepKind::PER_CATEGORY.len();
    let name_w = s
        .categories
        .iter()
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(0)
        .min(usize::from(width).saturating_sub(ROW_FIXED_COLUMNS))
        .max(1);
    let mark = |position: usize| match position.cmp(&s.position) {
        std::cmp::Ordering::Less => "✓",
        std::cmp::Ordering::Equal => "▶",
        std::cmp::Ordering::Greater => "·",
    };
    for (round, name) in s.categories.iter().enumerate() {
        let first = round * per;
        let marks: Vec<&str> = (first..first + per).map(mark).collect();
        let here = (first..first + per).contains(&s.position);
        let start = show.get(first).map_or(0, |st| st.starts_after);
        let label = match s.mode {
            crate::workshop::Mode::Together => truncate(name, name_w),
            crate::workshop::Mode::Rotation => format!("Round {}", round + 1),
        };
        let line = format!(
            "{} {label:<name_w$}  {:>7}  {}",
            if here { "▸" } else { " " },
            Clock(u64::from(start)).to_string(),
            marks.join(" ")
        );
        lines.push(Line::from(Span::styled(
            line,
            if here { theme.selected } else { theme.base },
        )));
    }
    for step in show.iter().skip(s.categories.len() * per) {
        let here = step.position == s.position;
        lines.push(Line::from(Span::styled(
            format!(
                "{} {:<name_w$}  {:>7}  {}",
                if here { "▸" } else { " " },
                truncate(&c.sticky.step(step.step.kind).label, name_w),
                Clock(u64::from(step.starts_after)).to_string(),
                mark(step.position)
            ),
            if here { theme.selected } else { theme.base },
        )));
    }
    lines
}

/// The Snapshot's pages, the one on show marked (its pages are not timed).
fn page_lines(s: &Session, activity: &SnapshotActivity, theme: &Theme) -> Vec<Line<'static>> {
    let Some(st) = s.snapshot.as_ref() else {
        return Vec::new();
    };
    let all = pages_for(st.dimensions.len(), activity);
    let here = crate::workshop::snapshot_pages::current(st, activity).0;
    all.iter()
        .enumerate()
        .map(|(i, page)| {
            let text = format!(
                "{} {:>2}. {}",
                if i == here { "▸" } else { " " },
                i + 1,
                page_name(st, *page)
            );
            Line::from(Span::styled(
                text,
                if i == here {
                    theme.selected
                } else {
                    theme.base
                },
            ))
        })
        .collect()
}

/// A rounds activity's pages (the jump list's names), the one on show marked.
fn round_lines(c: &Console, theme: &Theme) -> Vec<Line<'static>> {
    let here = c.session.rounds.as_ref().map_or(0, |r| r.page);
    super::jump::targets(c.session, c.sticky, c.snapshot)
        .into_iter()
        .map(|t| {
            let on = t.index == here;
            Line::from(Span::styled(
                format!("{} {}", if on { "▸" } else { " " }, t.label),
                if on { theme.selected } else { theme.base },
            ))
        })
        .collect()
}

/// A Snapshot page's name as the run of show and the jump list give it.
pub fn page_name(st: &SnapshotState, page: Page) -> String {
    match page {
        Page::Intro => "Introduction".to_string(),
        Page::Dimension(d) => st.dimension_name(d).to_string(),
        Page::Tally(d) => format!("Where are we now? · {}", st.dimension_name(d)),
        Page::Analysis => "Scoring and Analysis".to_string(),
        Page::Dots => "Dot vote".to_string(),
        Page::Priorities => "Priorities".to_string(),
        Page::Plan(step) => format!("Plan · {}", plan_step_name(step)),
        Page::Summary => "Summary".to_string(),
    }
}

/// A planning step's short name (the full question is on the page itself).
fn plan_step_name(step: PlanStepId) -> &'static str {
    match step {
        PlanStepId::Horizon => "planning horizon",
        PlanStepId::Success => "what changes we want to see",
        PlanStepId::Actions => "action steps",
        PlanStepId::Monitor => "monitoring progress",
        PlanStepId::Support => "what will support our progress",
    }
}
