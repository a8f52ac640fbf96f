//! The run view, the one on the projector: where the room is, the category's behaviors, the
//! step's prompt and a countdown the back row can read.

use crate::export::wrap::wrap;
use crate::ui::app::App;
use crate::ui::input_view::wrapped;
use crate::ui::open_session::OpenSession;
use crate::ui::sticky::{entry_placement, entry_prompt};
use crate::ui::views::content::{category_lines, opening_lines, truncate};
use crate::ui::views::{group_label, group_short};
use crate::ui::widgets::card::card_lines;
use crate::workshop::plan::category_for;
use crate::workshop::{Mode, Placement, Prompt, StepKind};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use time::OffsetDateTime;
use unicode_width::UnicodeWidthStr;

/// Share of the width the timer column takes.
const TIMER_COLUMN_PERCENT: u16 = 42;
/// Share of the right column the timer box takes.
const TIMER_BOX_PERCENT: u16 = 55;
/// Columns of the wrap-up table besides the group's name: indent and three counts.
const COUNTS_WIDTH: usize = 2 + 3 * 8;
/// Commitments listed on the commitment step, newest first: more than a projected screenful,
/// so the pane never draws thousands of lines; the count above says how many there are.
const COMMITMENTS_SHOWN: usize = 50;
/// Longest a listed commitment may run, in characters, before it is cut with "…".
const COMMITMENT_CHARS: usize = 200;
/// Widest a group's name gets in the wrap-up table.
const MAX_NAME_WIDTH: usize = 30;
/// Rows of the scribe's input box: three rows of text that wrap.
const ENTRY_HEIGHT: u16 = 5;

/// Where each part of the run view goes in its area.
struct Panes {
    top: Rect,
    step: Rect,
    content: Rect,
    timer: Rect,
    prompt: Rect,
    entry: Rect,
}

fn panes(w: &OpenSession, area: Rect) -> Panes {
    let entry_h = if w.entry.is_some() { ENTRY_HEIGHT } else { 0 };
    let [top, step, body, entry] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(entry_h),
    ])
    .areas(area);
    let [content, right] = Layout::horizontal([
        Constraint::Percentage(100 - TIMER_COLUMN_PERCENT),
        Constraint::Percentage(TIMER_COLUMN_PERCENT),
    ])
    .areas(body);
    let [timer, prompt] = Layout::vertical([
        Constraint::Percentage(TIMER_BOX_PERCENT),
        Constraint::Min(3),
    ])
    .areas(right);
    Panes {
        top,
        step,
        content,
        timer,
        prompt,
        entry,
    }
}

/// Draws the run view.
pub fn render(app: &App, w: &OpenSession, frame: &mut Frame, area: Rect, now: OffsetDateTime) {
    let p = panes(w, area);
    header(app, w, frame, p.top);
    step_line(app, w, frame, p.step);
    content_pane(app, w, frame, p.content);
    crate::ui::widgets::timer_box::render(&app.theme, &w.session.timer, frame, p.timer, now);
    prompt_box(app, w, frame, p.prompt);
    if w.entry.is_some() {
        entry_box(app, w, frame, p.entry);
    }
}

/// Furthest the content pane scrolls in a window of `width`×`height`: its last row at the
/// bottom of the pane, never an empty pane.
pub fn content_scroll_limit(app: &App, w: &OpenSession, width: u16, height: u16) -> u16 {
    let [body, _, _] =
        crate::ui::views::chrome::frame_areas(Rect::new(0, 0, width, height), app.status.is_some());
    let pane = panes(w, body).content;
    let (_, lines) = content(app, w, pane.width.saturating_sub(2));
    crate::ui::views::scroll_pane::scroll_limit(lines.len(), pane.height)
}

fn header(app: &App, w: &OpenSession, frame: &mut Frame, area: Rect) {
    let s = &w.session;
    let deck = w
        .deck
        .as_ref()
        .map_or(s.deck.as_str(), |d| d.title.as_str());
    let role = s
        .role
        .map(|r| format!(" · {} items", r.label()))
        .unwrap_or_default();
    let text = format!(
        "{} · {deck}{role} · {} groups · {}",
        s.name,
        s.groups.len(),
        s.mode.label()
    );
    frame.render_widget(
        Paragraph::new(truncate(&text, area.width as usize)).style(app.theme.title),
        area,
    );
}

fn step_line(app: &App, w: &OpenSession, frame: &mut Frame, area: Rect) {
    let s = &w.session;
    let step = s.step();
    let script = app.library.sticky.step(step.kind);
    let mut spans = Vec::new();
    if let Some(round) = step.round {
        let c = s.categories.len();
        let n = StepKind::PER_CATEGORY
            .iter()
            .position(|k| *k == step.kind)
            .map_or(0, |i| i + 1);
        let where_ = match s.mode {
            Mode::Together => format!(
                "{} ({} of {c})",
                s.categories.get(round).map_or("", String::as_str),
                round + 1
            ),
            Mode::Rotation => format!("Round {} of {c}", round + 1),
        };
        spans.push(Span::styled(where_, app.theme.accent));
        let steps = StepKind::PER_CATEGORY.len();
        spans.push(Span::raw(format!("  ·  Step {n} of {steps}: ")));
    } else {
        spans.push(Span::raw("After the categories: "));
    }
    spans.push(Span::styled(script.label.clone(), app.theme.accent));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The content pane's title and rows, wrapped to `width` columns (one line, one row).
fn content(app: &App, w: &OpenSession, width: u16) -> (String, Vec<Line<'static>>) {
    let s = &w.session;
    let kind = s.step().kind;
    let (title, lines) = match kind {
        StepKind::Commitment => ("Commitments".to_string(), commitment_lines(w)),
        StepKind::WrapUp => ("Wrap-up".to_string(), wrap_up_lines(app, w, width)),
        _ => {
            let index = s.category_index_for(w.group).unwrap_or(0);
            let name = s.categories.get(index).cloned().unwrap_or_default();
            let lines = w
                .deck
                .as_ref()
                .and_then(|d| d.category(&name).map(|c| (d, c)))
                .map(|(d, c)| {
                    // The deck's opening text opens the workshop, above the first card.
                    let mut lines = if s.position == 0 && !d.intro.is_empty() {
                        opening_lines(d, &name, &app.theme, width)
                    } else {
                        Vec::new()
                    };
                    lines.extend(category_lines(c, &app.theme, width));
                    lines
                })
                .unwrap_or_else(|| {
                    vec![Line::from(format!(
                        "The deck {:?} is not loaded, so its text cannot be shown. Notes still work.",
                        s.deck
                    ))]
                });
            let title = match s.mode {
                Mode::Together => name,
                Mode::Rotation => format!("{} at {name}", group_label(s, w.group)),
            };
            (title, lines)
        }
    };
    (title, as_rows(lines, usize::from(width)))
}

/// Lines wider than `width` broken into rows (in their first span's style), so that the pane
/// knows how far it scrolls.
fn as_rows(lines: Vec<Line<'static>>, width: usize) -> Vec<Line<'static>> {
    lines
        .into_iter()
        .flat_map(|line| {
            if line.width() <= width {
                return vec![line];
            }
            let style = line.spans.first().map(|s| s.style).unwrap_or_default();
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            wrap(&text, width)
                .into_iter()
                .map(|t| Line::from(Span::styled(t, style)))
                .collect()
        })
        .collect()
}

/// The behaviors (or commitments, or wrap-up), scrolled no further than their end, with a
/// sign when more lies below or above.
fn content_pane(app: &App, w: &OpenSession, frame: &mut Frame, area: Rect) {
    let (title, lines) = content(app, w, area.width.saturating_sub(2));
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), app.theme.accent))
        .border_style(app.theme.border);
    crate::ui::views::scroll_pane::render(&app.theme, block, lines, w.content_scroll, frame, area);
}

fn commitment_lines(w: &OpenSession) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let commitments: Vec<_> = w.session.commitments().collect();
    lines.push(Line::from(format!(
        "{} typed so far:",
        crate::words::count(commitments.len(), "commitment", "commitments")
    )));
    for n in commitments.iter().rev().take(COMMITMENTS_SHOWN) {
        let who = n
            .initials
            .as_deref()
            .map(|i| format!(" ({i})"))
            .unwrap_or_default();
        lines.push(Line::from(format!(
            "  {} · {}{who}",
            group_short(&w.session, n.placement.group),
            truncate(&n.console_text(), COMMITMENT_CHARS)
        )));
    }
    lines
}

/// The wrap-up: the instruction, then a table of each group's notes that fits `width` (the
/// group's name is cut, never the counts).
fn wrap_up_lines(app: &App, w: &OpenSession, width: u16) -> Vec<Line<'static>> {
    let s = &w.session;
    let script = app.library.sticky.step(StepKind::WrapUp);
    let name_w = usize::from(width)
        .saturating_sub(COUNTS_WIDTH)
        .clamp(1, MAX_NAME_WIDTH);
    let mut lines = vec![
        Line::from(script.instruction.clone()),
        Line::default(),
        Line::from(Span::styled("Notes per group", app.theme.accent)),
        Line::from(Span::styled(
            format!(
                "  {:<name_w$} {:>7} {:>7} {:>7}",
                "", "already", "enhance", "commit"
            ),
            app.theme.dim,
        )),
    ];
    for g in &s.groups {
        let mine = s.notes.iter().filter(|n| n.placement.group == g.number);
        let (mut already, mut enhance, mut commit) = (0, 0, 0);
        for n in mine {
            match n.placement.prompt {
                Prompt::Already => already += 1,
                Prompt::Enhance => enhance += 1,
                Prompt::Commitment => commit += 1,
            }
        }
        let name = truncate(&g.label(), name_w);
        let pad = name_w.saturating_sub(name.width());
        lines.push(Line::from(format!(
            "  {name}{:pad$} {already:>7} {enhance:>7} {commit:>7}",
            ""
        )));
    }
    // How to export is the trainer's business (hint bar, help, README): the room sees its notes.
    lines
}

/// The last notes at `placement`, as many as fit in `area` (a box), wrapped, newest at the
/// bottom next to the input.
fn recent_notes(
    app: &App,
    w: &OpenSession,
    placement: &Placement,
    area: Rect,
) -> Vec<Line<'static>> {
    let width = usize::from(area.width.saturating_sub(2));
    let rows = usize::from(area.height.saturating_sub(2));
    let mut cards: Vec<Line<'static>> = Vec::new();
    for n in w
        .session
        .notes_at(placement)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
    {
        if cards.len() >= rows {
            break;
        }
        let mut card = card_lines(app, &n.console_text(), false, width);
        card.append(&mut cards);
        cards = card;
    }
    if cards.is_empty() {
        cards.push(Line::from(Span::styled(
            "No notes on this page yet.",
            app.theme.dim,
        )));
    }
    let skip = cards.len().saturating_sub(rows);
    cards.into_iter().skip(skip).collect()
}

fn prompt_box(app: &App, w: &OpenSession, frame: &mut Frame, area: Rect) {
    let s = &w.session;
    let kind = s.step().kind;
    let script = app.library.sticky.step(kind);
    let mut lines = Vec::new();
    if s.mode == Mode::Rotation
        && let Some(round) = s.step().round
    {
        lines.push(Line::from(Span::styled(
            "Stations: now → next round",
            app.theme.accent,
        )));
        let c = s.categories.len();
        // Groups are numbered 1.. in order (checked on load), so the index is the 0-based group.
        for (gi, g) in s.groups.iter().enumerate() {
            let now_at = &s.categories[category_for(s.mode, gi, round, c)];
            let next = if round + 1 < c {
                s.categories[category_for(s.mode, gi, round + 1, c)].clone()
            } else {
                "commitment".to_string()
            };
            let marker = if g.number == w.group { "▶" } else { " " };
            lines.push(Line::from(format!(
                "{marker}{}: {now_at} → {next}",
                group_short(s, g.number)
            )));
        }
        lines.push(Line::default());
    }
    let instruction = Line::from(script.instruction(w.card_kind()).to_string());
    // At the start of a round the room needs to know where to go; during it, what to do.
    if kind == StepKind::Read {
        lines.push(instruction);
    } else {
        lines.insert(0, Line::default());
        lines.insert(0, instruction);
    }
    let placement = if w.entry.is_some() {
        entry_placement(w)
    } else {
        s.placement_now(w.group)
    };
    let count = s.notes_at(&placement).count();
    if w.entry.is_some() {
        // While the scribe types, the notes just written for this page, newest last.
        lines = recent_notes(app, w, &placement, area);
    }
    let scribe = format!(
        " Scribe: {} · {} · {} ",
        group_label(s, w.group),
        placement.prompt.label(),
        crate::words::count(count, "note", "notes")
    );
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", script.label),
            app.theme.accent,
        ))
        .title_bottom(Span::styled(scribe, app.theme.accent))
        .border_style(app.theme.border);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// The frame of a scribe's note input `width` columns wide: where the note goes on top (cut to
/// fit), how many notes were saved and the keys below.
pub fn entry_block(
    app: &App,
    title: &str,
    saved: usize,
    keys: &'static str,
    width: u16,
) -> Block<'static> {
    let saved = if saved > 0 {
        format!(" {saved} saved ")
    } else {
        String::new()
    };
    Block::bordered()
        .title(Span::styled(
            truncate(title, width.saturating_sub(2) as usize),
            app.theme.accent,
        ))
        .title_bottom(Line::from(vec![
            Span::styled(saved, app.theme.ok),
            Span::styled(keys, app.theme.dim),
        ]))
        .border_style(app.theme.accent)
}

fn entry_box(app: &App, w: &OpenSession, frame: &mut Frame, area: Rect) {
    let Some(entry) = &w.entry else {
        return;
    };
    let prompt = entry_prompt(w);
    let placement = s_placement(w, prompt);
    let title = format!(
        " New note → {} · {} · {} ",
        group_label(&w.session, w.group),
        placement,
        prompt.label()
    );
    let keys = " Enter save · Tab prompt · ↑↓ group · Ctrl-t initials · Esc close ";
    let block = entry_block(app, &title, entry.saved, keys, area.width);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let initials_w: u16 = if entry.on_initials || !entry.initials.value().is_empty() {
        16
    } else {
        0
    };
    let [text_area, init_area] =
        Layout::horizontal([Constraint::Min(4), Constraint::Length(initials_w)]).areas(inner);
    let typed = wrapped(
        entry.input.value(),
        entry.input.cursor(),
        usize::from(text_area.width.saturating_sub(1)),
        usize::from(text_area.height),
    );
    let typed_lines: Vec<Line> = typed.rows.into_iter().map(Line::from).collect();
    frame.render_widget(Paragraph::new(typed_lines), text_area);
    if initials_w > 0 {
        frame.render_widget(
            Paragraph::new(format!("│ by: {}", entry.initials.value())).style(app.theme.dim),
            init_area,
        );
    }
    let (cx, cy) = if entry.on_initials {
        let off = 6 + entry.initials.visual_cursor() as u16;
        (
            init_area.x + off.min(init_area.width.saturating_sub(1)),
            init_area.y,
        )
    } else {
        let (col, row) = typed.cursor;
        (
            text_area.x + col.min(text_area.width.saturating_sub(1)),
            text_area.y + row.min(text_area.height.saturating_sub(1)),
        )
    };
    frame.set_cursor_position((cx, cy));
}

fn s_placement(w: &OpenSession, prompt: Prompt) -> String {
    if prompt == Prompt::Commitment {
        return "Commitments".into();
    }
    w.session
        .category_for(w.group)
        .or(w.session.categories.first().map(String::as_str))
        .unwrap_or("")
        .to_string()
}
