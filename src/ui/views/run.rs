//! The run view, the one on the projector: where the room is, the category's behaviors, the
//! step's prompt and a countdown the back row can read.

use super::super::app::{App, Workshop, entry_prompt};
use super::super::widgets::big_timer::BigTimer;
use super::content::{category_lines, opening_lines, truncate};
use crate::workshop::duration::Clock;
use crate::workshop::plan::category_for;
use crate::workshop::{Face, Mode, Prompt, RunState, StepKind};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use time::OffsetDateTime;

/// Share of the width the timer column takes.
const TIMER_COLUMN_PERCENT: u16 = 42;
/// Share of the right column the timer box takes.
const TIMER_BOX_PERCENT: u16 = 55;
/// Seconds of overtime during which the timer flashes.
const FLASH_SECONDS: u64 = 10;
/// Rows of the scribe's input box.
const ENTRY_HEIGHT: u16 = 4;

/// Draws the run view.
pub fn render(app: &App, w: &Workshop, frame: &mut Frame, area: Rect, now: OffsetDateTime) {
    let entry_h = if w.entry.is_some() { ENTRY_HEIGHT } else { 0 };
    let [top, step, body, entry] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(entry_h),
    ])
    .areas(area);
    header(app, w, frame, top);
    step_line(app, w, frame, step);
    let [left, right] = Layout::horizontal([
        Constraint::Percentage(100 - TIMER_COLUMN_PERCENT),
        Constraint::Percentage(TIMER_COLUMN_PERCENT),
    ])
    .areas(body);
    content_pane(app, w, frame, left);
    let [timer, prompt] = Layout::vertical([
        Constraint::Percentage(TIMER_BOX_PERCENT),
        Constraint::Min(3),
    ])
    .areas(right);
    timer_box(app, w, frame, timer, now);
    prompt_box(app, w, frame, prompt);
    if w.entry.is_some() {
        entry_box(app, w, frame, entry);
    }
}

fn header(app: &App, w: &Workshop, frame: &mut Frame, area: Rect) {
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

fn step_line(app: &App, w: &Workshop, frame: &mut Frame, area: Rect) {
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
        spans.push(Span::raw(format!("  ·  Step {n} of 5: ")));
    } else {
        spans.push(Span::raw("After the categories: "));
    }
    spans.push(Span::styled(script.label.clone(), app.theme.accent));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn content_pane(app: &App, w: &Workshop, frame: &mut Frame, area: Rect) {
    let s = &w.session;
    let kind = s.step().kind;
    let (title, lines) = match kind {
        StepKind::Commitment => ("Commitments".to_string(), commitment_lines(w)),
        StepKind::WrapUp => ("Wrap-up".to_string(), wrap_up_lines(app, w)),
        _ => {
            let index = s.category_index_for(w.group).unwrap_or(0);
            let name = s.categories.get(index).cloned().unwrap_or_default();
            let width = area.width.saturating_sub(2);
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
                Mode::Rotation => format!("Group {} at {name}", w.group),
            };
            (title, lines)
        }
    };
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), app.theme.accent))
        .border_style(app.theme.border);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((w.content_scroll, 0)),
        area,
    );
}

fn commitment_lines(w: &Workshop) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let commitments: Vec<_> = w.session.commitments().collect();
    lines.push(Line::from(format!(
        "{} commitment{} typed so far (a adds; Ctrl-t for initials):",
        commitments.len(),
        if commitments.len() == 1 { "" } else { "s" }
    )));
    for n in commitments.iter().rev().take(50) {
        let who = n
            .initials
            .as_deref()
            .map(|i| format!(" ({i})"))
            .unwrap_or_default();
        lines.push(Line::from(format!(
            "  G{} · {}{who}",
            n.placement.group,
            truncate(&n.text, 200)
        )));
    }
    lines
}

fn wrap_up_lines(app: &App, w: &Workshop) -> Vec<Line<'static>> {
    let s = &w.session;
    let script = app.library.sticky.step(StepKind::WrapUp);
    let mut lines = vec![
        Line::from(script.instruction.clone()),
        Line::default(),
        Line::from(Span::styled("Notes per group", app.theme.accent)),
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
        lines.push(Line::from(format!(
            "  {:<24} already using {already:>3} · could enhance {enhance:>3} · commitments {commit:>3}",
            truncate(&g.label(), 24)
        )));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("Export", app.theme.accent)));
    lines.push(Line::from(
        "  Press x for the export menu (text handouts, JSON), or from a shell:",
    ));
    lines.push(Line::from(format!(
        "  cpm-workshop export {} --format txt -o notes.txt",
        s.id
    )));
    lines
}

fn timer_box(app: &App, w: &Workshop, frame: &mut Frame, area: Rect, now: OffsetDateTime) {
    let reading = w.session.timer.reading(now);
    let (digits, label, style) = match reading.face {
        Face::Remaining(s) if reading.is_over() => (
            Clock(s).to_string(),
            "TIME".to_string(),
            app.theme.timer_over,
        ),
        Face::Remaining(s) if reading.is_warning() => (
            Clock(s).to_string(),
            "nearly time".to_string(),
            app.theme.timer_warn,
        ),
        Face::Remaining(s) => (Clock(s).to_string(), String::new(), app.theme.timer),
        Face::Overtime(s) => (
            format!("+{}", Clock(s)),
            format!("TIME · {} over", Clock(s)),
            app.theme.timer_over,
        ),
        Face::Elapsed(s) => (Clock(s).to_string(), "untimed".to_string(), app.theme.timer),
    };
    let state = match reading.state {
        RunState::Ready => "ready · Space starts",
        RunState::Running => "running",
        RunState::Paused => "PAUSED · Space resumes",
    };
    let flashing = match reading.face {
        Face::Overtime(s) => s < FLASH_SECONDS && s % 2 == 0,
        Face::Remaining(0) => reading.is_over(),
        _ => false,
    } && reading.state == RunState::Running;
    let box_style = if flashing {
        app.theme.flash
    } else {
        Style::new()
    };
    let caption = if label.is_empty() {
        state.to_string()
    } else {
        format!("{label} · {state}")
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(if flashing {
            app.theme.flash
        } else {
            app.theme.border
        })
        .title(Span::styled(" Timer ", app.theme.accent))
        .style(box_style);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 {
        return;
    }
    let [digits_area, caption_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let digit_style = if flashing { app.theme.flash } else { style };
    frame.render_widget(BigTimer::new(&digits).style(digit_style), digits_area);
    frame.render_widget(
        Paragraph::new(caption)
            .style(if flashing { app.theme.flash } else { style })
            .alignment(ratatui::layout::Alignment::Center),
        caption_area,
    );
}

fn prompt_box(app: &App, w: &Workshop, frame: &mut Frame, area: Rect) {
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
        for g in &s.groups {
            let gi = g.number as usize - 1;
            let now_at = &s.categories[category_for(s.mode, gi, round, c)];
            let next = if round + 1 < c {
                s.categories[category_for(s.mode, gi, round + 1, c)].clone()
            } else {
                "commitment".to_string()
            };
            let marker = if g.number == w.group { "▶" } else { " " };
            lines.push(Line::from(format!(
                "{marker}G{} {now_at} → {next}",
                g.number
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
    let placement = s.placement_now(w.group);
    let count = s.notes_at(&placement).count();
    let scribe = format!(
        " Scribe: Group {} · {} · {count} note{} ",
        w.group,
        placement.prompt.label(),
        if count == 1 { "" } else { "s" }
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

fn entry_box(app: &App, w: &Workshop, frame: &mut Frame, area: Rect) {
    let Some(entry) = &w.entry else {
        return;
    };
    let prompt = entry_prompt(w);
    let placement = s_placement(w, prompt);
    let title = format!(
        " New note → Group {} · {} · {} ",
        w.group,
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
    let width = text_area.width.saturating_sub(1) as usize;
    let scroll = entry.input.visual_scroll(width);
    let visible = super::super::input_view::visible_slice(entry.input.value(), scroll, width);
    frame.render_widget(Paragraph::new(visible), text_area);
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
        let off = (entry.input.visual_cursor().saturating_sub(scroll)) as u16;
        (
            text_area.x + off.min(text_area.width.saturating_sub(1)),
            text_area.y,
        )
    };
    frame.set_cursor_position((cx, cy));
}

fn s_placement(w: &Workshop, prompt: Prompt) -> String {
    if prompt == Prompt::Commitment {
        return "Commitments".into();
    }
    w.session
        .category_for(w.group)
        .or(w.session.categories.first().map(String::as_str))
        .unwrap_or("")
        .to_string()
}
