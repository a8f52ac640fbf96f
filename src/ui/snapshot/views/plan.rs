//! A planning page (the guide's Part 2 key decisions): the guide's words about the decision,
//! then each priority with what the team has decided so far, projected while the scribe types.
//! Plans whose priority has left the list are named at the bottom, so none vanishes unseen.

use super::super::SnapshotScreen;
use super::super::plan::{PlanInput, PlanRow, rows};
use super::{SELECTED, hanging};
use crate::content::{PlanScript, PlanStepId};
use crate::export::snapshot_plan::NOT_YET;
use crate::ui::app::App;
use crate::ui::input_view::visible_slice;
use crate::workshop::snapshot::plan::{PriorityPlan, date_text};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

/// Most rows the guide's words take above the list.
const ABOUT_MAX_ROWS: u16 = 6;
/// Height from which the first planning page also quotes why the team plans now.
const INTRO_MIN_HEIGHT: u16 = 30;
/// Share of the page the guide's words may take at most.
const ABOUT_MAX_PERCENT: u16 = 30;
/// Indent of an answer under its priority.
const ANSWER_INDENT: &str = "     ";
/// Rows of the input box around its fields (the borders).
const INPUT_FRAME_ROWS: u16 = 2;

/// The guide's words about a step, quoted, and the section they come from.
fn about_text(script: &PlanScript, step: PlanStepId, first: bool) -> String {
    let s = script.step(step);
    let mut parts: Vec<String> = Vec::new();
    if first {
        parts.extend(script.intro.iter().map(|p| format!("“{p}”")));
    }
    parts.extend(s.about.iter().map(|p| format!("“{p}”")));
    parts.push(format!("— {}", s.source));
    parts.join(" ")
}

/// Draws the planning page for `step`.
pub fn render(app: &App, s: &SnapshotScreen, step: PlanStepId, frame: &mut Frame, area: Rect) {
    let st = s.state();
    let theme = &app.theme;
    let script = app.library.snapshot.plan_script();
    let first = s.plan_steps.first() == Some(&step) && area.height >= INTRO_MIN_HEIGHT;
    let about = about_text(script, step, first);
    let wanted = crate::export::wrap::wrap(&about, area.width.max(1) as usize).len() as u16;
    let about_rows = wanted
        .min(ABOUT_MAX_ROWS)
        .min(area.height * ABOUT_MAX_PERCENT / 100);
    let [about_area, list] =
        Layout::vertical([Constraint::Length(about_rows), Constraint::Min(3)]).areas(area);
    frame.render_widget(
        Paragraph::new(Span::styled(about, theme.dim)).wrap(Wrap { trim: true }),
        about_area,
    );

    let priorities = st.priorities();
    let plan = &st.plan;
    let all = rows(step, &priorities, plan);
    let selected = all.get(s.plan_selected).copied();
    let width = list.width.saturating_sub(2) as usize;
    // Each line with the row it belongs to, so the selected row can be scrolled into view.
    let mut lines: Vec<(Option<PlanRow>, Line)> = Vec::new();
    let push = |lines: &mut Vec<(Option<PlanRow>, Line<'static>)>, row, new: Vec<Line<'static>>| {
        lines.extend(new.into_iter().map(|l| (row, l)));
    };
    let answer_style = |open: bool| if open { theme.dim } else { theme.base };
    match step {
        PlanStepId::Horizon => {
            let sel = selected == Some(PlanRow::Horizon);
            let marker = if sel { SELECTED } else { "  " };
            let value = plan.horizon.as_deref();
            let style = if sel {
                theme.selected
            } else {
                answer_style(value.is_none())
            };
            push(
                &mut lines,
                Some(PlanRow::Horizon),
                hanging(marker, value.unwrap_or(NOT_YET), width, style),
            );
        }
        _ => {
            for (i, p) in priorities.iter().enumerate() {
                let row = PlanRow::Priority(i);
                let sel = selected == Some(row);
                let marker = format!("{}{}. ", if sel { SELECTED } else { "  " }, i + 1);
                let style = if sel { theme.selected } else { theme.title };
                push(
                    &mut lines,
                    Some(row),
                    hanging(&marker, &p.text, width, style),
                );
                let recorded = plan.for_priority(p);
                if step == PlanStepId::Actions {
                    action_lines(app, &mut lines, i, recorded, selected, width);
                } else {
                    let value = recorded.and_then(|r| answer(step, r));
                    push(
                        &mut lines,
                        Some(row),
                        hanging(
                            ANSWER_INDENT,
                            value.as_deref().unwrap_or(NOT_YET),
                            width,
                            answer_style(value.is_none()),
                        ),
                    );
                }
                lines.push((None, Line::default()));
            }
            if priorities.is_empty() {
                push(
                    &mut lines,
                    None,
                    hanging(
                        "",
                        "No priorities yet: the plan is made for the priorities (p goes back to them; the dot vote sets them).",
                        width,
                        theme.dim,
                    ),
                );
            }
        }
    }
    let aside = plan.set_aside(&priorities);
    if step == PlanStepId::Horizon && !aside.is_empty() {
        lines.push((None, Line::default()));
    }
    for aside in aside {
        push(
            &mut lines,
            None,
            hanging(
                "",
                &format!(
                    "Set aside, no longer a priority: “{}” — its plan is kept and exported; it comes back if the priority does.",
                    aside.priority
                ),
                width,
                theme.dim,
            ),
        );
    }

    let inner_height = list.height.saturating_sub(2) as usize;
    let first_selected = lines
        .iter()
        .position(|(r, _)| r.is_some() && *r == selected)
        .unwrap_or(0);
    let last_selected = lines
        .iter()
        .rposition(|(r, _)| r.is_some() && *r == selected)
        .unwrap_or(0);
    let scroll = if last_selected >= inner_height {
        (last_selected + 1 - inner_height).min(first_selected)
    } else {
        0
    };
    // While the input is open its own box says what Enter does there; the page's keys wait.
    let keys = match step {
        _ if s.plan_input.is_some() => "",
        PlanStepId::Horizon => " Enter types it · n next ",
        PlanStepId::Actions => " ↑↓ choose · Enter types a new step, or edits one · d delete ",
        _ => " ↑↓ priority · Enter types it ",
    };
    let title = format!(" {} ", script.question(step));
    frame.render_widget(
        Paragraph::new(
            lines
                .into_iter()
                .skip(scroll)
                .map(|(_, l)| l)
                .collect::<Vec<_>>(),
        )
        .block(
            Block::bordered()
                .title(Span::styled(title, theme.accent))
                .title_bottom(Span::styled(keys, theme.dim))
                .border_style(theme.border),
        ),
        list,
    );
}

/// A priority's answer to a one-field step.
fn answer(step: PlanStepId, p: &PriorityPlan) -> Option<String> {
    match step {
        PlanStepId::Success => p.success.clone(),
        PlanStepId::Monitor => p.monitor.map(date_text),
        PlanStepId::Support => p.support.clone(),
        PlanStepId::Horizon | PlanStepId::Actions => None,
    }
}

fn action_lines(
    app: &App,
    lines: &mut Vec<(Option<PlanRow>, Line<'static>)>,
    priority: usize,
    recorded: Option<&PriorityPlan>,
    selected: Option<PlanRow>,
    width: usize,
) {
    let theme = &app.theme;
    let actions = recorded.map(|r| r.actions.as_slice()).unwrap_or_default();
    if actions.is_empty() {
        let row = Some(PlanRow::Priority(priority));
        lines.extend(
            hanging(ANSWER_INDENT, NOT_YET, width, theme.dim)
                .into_iter()
                .map(|l| (row, l)),
        );
    }
    for (a, step) in actions.iter().enumerate() {
        let row = PlanRow::Action(priority, a);
        let sel = selected == Some(row);
        let marker = format!(
            "{}{}) ",
            if sel {
                format!("   {SELECTED}")
            } else {
                ANSWER_INDENT.to_string()
            },
            char::from(b'a' + (a % 26) as u8)
        );
        let who = step.who.as_deref().unwrap_or("—");
        let by = step.by.map(date_text).unwrap_or_else(|| "—".into());
        let text = format!("{} · who: {who} · by when: {by}", step.text);
        let style = if sel { theme.selected } else { theme.base };
        lines.extend(
            hanging(&marker, &text, width, style)
                .into_iter()
                .map(|l| (Some(row), l)),
        );
    }
}

/// Rows the input box needs: a line per field inside a border.
pub fn input_height(input: &PlanInput) -> u16 {
    input.fields.len() as u16 + INPUT_FRAME_ROWS
}

/// The scribe's input for one decision: each field on a line, the cursor in the current one.
pub fn input_box(app: &App, s: &SnapshotScreen, frame: &mut Frame, area: Rect) {
    let Some(input) = &s.plan_input else {
        return;
    };
    let script = app.library.snapshot.plan_script();
    let question = script.question(input.step);
    let title = match input.number {
        Some(n) => format!(" {question} → priority {n} "),
        None => format!(" {question} "),
    };
    let keys = if input.fields.len() > 1 {
        " Enter save · Tab next field · Esc cancel "
    } else {
        " Enter save · Esc cancel "
    };
    let block = crate::ui::views::entry_block(app, &title, 0, keys, area.width);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let labels: Vec<&str> = match input.step {
        PlanStepId::Actions => vec![
            script.columns.action.as_str(),
            script.columns.who.as_str(),
            script.columns.by.as_str(),
        ],
        PlanStepId::Monitor => vec!["Date (YYYY-MM-DD)"],
        _ => vec![""],
    };
    let label_w = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    let label_w = if label_w == 0 { 0 } else { label_w + 2 };
    let label_w = label_w.min(inner.width as usize / 2);
    let text_w = (inner.width as usize).saturating_sub(label_w + 1).max(1);
    for (i, field) in input.fields.iter().enumerate() {
        let y = inner.y + i as u16;
        if y >= inner.bottom() {
            break;
        }
        let scroll = field.visual_scroll(text_w);
        let label = labels.get(i).copied().unwrap_or("");
        let label = if label.is_empty() {
            String::new()
        } else {
            format!("{:<w$}", format!("{label}:"), w = label_w)
        };
        let style = if i == input.field {
            app.theme.base
        } else {
            app.theme.dim
        };
        let line = Line::from(vec![
            Span::styled(super::truncate(&label, label_w), app.theme.accent),
            Span::styled(visible_slice(field.value(), scroll, text_w), style),
        ]);
        frame.render_widget(Paragraph::new(line), Rect::new(inner.x, y, inner.width, 1));
        if i == input.field {
            let x = inner.x + label_w as u16 + field.visual_cursor().saturating_sub(scroll) as u16;
            frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), y));
        }
    }
}
