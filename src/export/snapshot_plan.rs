//! The draft CPM Implementation Plan in a Snapshot session's exports: the planning horizon, then
//! one section per priority under the guide's key-decision questions, the action steps as a
//! table (action, who, by when) ready to paste into the county's plan template, and any plans
//! whose priority has left the list. Text, Markdown, HTML and CSV rows; nothing when nothing has
//! been planned.

use super::html::esc;
use super::snapshot::WIDTH;
use super::wrap::wrap;
use crate::content::{PlanScript, PlanStepId};
use crate::workshop::SnapshotState;
use crate::workshop::snapshot::Priority;
use crate::workshop::snapshot::plan::{ActionStep, DraftPlan, PriorityPlan, date_text};
use std::fmt::Write;

/// Shown under a question the team has not answered yet.
pub const NOT_YET: &str = "(not decided yet)";
/// The heading over plans whose priority is no longer on the list.
pub const SET_ASIDE: &str = "Set aside: plans for priorities no longer on the list";
const BULLET: &str = "  - ";
const HANG: &str = "    ";

/// One priority's part of the plan, in the order of the priorities.
struct Section<'a> {
    /// "Priority 2: …", or the wording kept with a plan set aside.
    title: String,
    plan: Option<&'a PriorityPlan>,
}

/// The plan's sections: the current priorities, then the plans set aside.
fn sections<'a>(
    state: &SnapshotState,
    plan: &'a DraftPlan,
    priorities: &[Priority],
) -> (Vec<Section<'a>>, Vec<Section<'a>>) {
    let current = priorities
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let dimension = p
                .note
                .and_then(|id| state.note(id))
                .map(|n| format!(" ({})", state.dimension_name(n.dimension)))
                .unwrap_or_default();
            Section {
                title: format!("Priority {}: {}{dimension}", i + 1, p.text),
                plan: plan.for_priority(p),
            }
        })
        .collect();
    let aside = plan
        .set_aside(priorities)
        .into_iter()
        .map(|p| Section {
            title: format!("{} (no longer a priority)", p.priority),
            plan: Some(p),
        })
        .collect();
    (current, aside)
}

fn date(d: Option<time::Date>) -> Option<String> {
    d.map(date_text)
}

/// What a priority's plan says under one of its questions.
enum Answer<'a> {
    /// A one-line decision, or `None` while it is open.
    Text(Option<String>),
    /// The action steps (empty while none is decided).
    Actions(&'a [ActionStep]),
}

/// A priority's questions in the guide's order, each with its answer so far.
fn answers(plan: Option<&PriorityPlan>) -> [(PlanStepId, Answer<'_>); 4] {
    let text = |f: fn(&PriorityPlan) -> Option<String>| Answer::Text(plan.and_then(f));
    [
        (PlanStepId::Success, text(|p| p.success.clone())),
        (
            PlanStepId::Actions,
            Answer::Actions(plan.map(|p| p.actions.as_slice()).unwrap_or_default()),
        ),
        (PlanStepId::Monitor, text(|p| date(p.monitor))),
        (PlanStepId::Support, text(|p| p.support.clone())),
    ]
}

/// The plan as plain text at 80 columns, appended to `out`; nothing when nothing is planned.
pub fn write_txt(out: &mut String, state: &SnapshotState, plan: &DraftPlan, script: &PlanScript) {
    if plan.is_empty() {
        return;
    }
    let priorities = state.priorities();
    let rule = "=".repeat(WIDTH);
    let _ = writeln!(out, "\n{rule}");
    lines(out, "", &script.title);
    let _ = writeln!(out, "{rule}");
    let _ = writeln!(out);
    lines(out, "", &format!("Source: {}", script.source));
    let _ = writeln!(out, "\n{}", script.question(PlanStepId::Horizon));
    bullet(out, plan.horizon.as_deref().unwrap_or(NOT_YET));
    let (current, aside) = sections(state, plan, &priorities);
    for section in &current {
        txt_section(out, section, script);
    }
    if !aside.is_empty() {
        let _ = writeln!(out, "\n{rule}");
        lines(out, "", SET_ASIDE);
        let _ = writeln!(out, "{rule}");
        for section in &aside {
            txt_section(out, section, script);
        }
    }
}

fn txt_section(out: &mut String, section: &Section, script: &PlanScript) {
    let rule = "-".repeat(WIDTH);
    let _ = writeln!(out, "\n{rule}");
    lines(out, "", &section.title);
    let _ = writeln!(out, "{rule}");
    for (id, answer) in answers(section.plan) {
        let _ = writeln!(out, "\n{}", script.question(id));
        match answer {
            Answer::Actions([]) => bullet(out, NOT_YET),
            Answer::Actions(actions) => {
                for (i, a) in actions.iter().enumerate() {
                    let marker = format!("  {}. ", i + 1);
                    let hang = " ".repeat(marker.len());
                    lines(out, &marker, &a.text);
                    let who = a.who.as_deref().unwrap_or("—");
                    lines(out, &hang, &format!("{}: {who}", script.columns.who));
                    let by = date(a.by).unwrap_or_else(|| "—".into());
                    lines(out, &hang, &format!("{}: {by}", script.columns.by));
                }
            }
            Answer::Text(value) => bullet(out, value.as_deref().unwrap_or(NOT_YET)),
        }
    }
}

/// Writes `text` wrapped to the page, `lead` before the first line and its width of spaces
/// before the rest.
fn lines(out: &mut String, lead: &str, text: &str) {
    let hang = " ".repeat(lead.len());
    for (i, line) in wrap(text, WIDTH - lead.len()).iter().enumerate() {
        let _ = writeln!(out, "{}{line}", if i == 0 { lead } else { &hang });
    }
}

fn bullet(out: &mut String, text: &str) {
    for (i, line) in wrap(text, WIDTH - BULLET.len()).iter().enumerate() {
        let _ = writeln!(out, "{}{line}", if i == 0 { BULLET } else { HANG });
    }
}

/// Markdown text for a paragraph or a table cell: escaped, lines joined with `<br>`.
fn md_cell(text: &str) -> String {
    text.lines()
        .map(super::md::escape)
        .collect::<Vec<_>>()
        .join("<br>")
}

/// The plan as Markdown (headings and tables); empty when nothing is planned.
pub fn render_md(state: &SnapshotState, plan: &DraftPlan, script: &PlanScript) -> String {
    if plan.is_empty() {
        return String::new();
    }
    let priorities = state.priorities();
    let mut out = String::new();
    let _ = writeln!(out, "\n## {}\n", md_cell(&script.title));
    let _ = writeln!(out, "Source: {}\n", md_cell(&script.source));
    let _ = writeln!(
        out,
        "### {}\n",
        md_cell(script.question(PlanStepId::Horizon))
    );
    let _ = writeln!(
        out,
        "{}",
        md_cell(plan.horizon.as_deref().unwrap_or(NOT_YET))
    );
    let (current, aside) = sections(state, plan, &priorities);
    for section in &current {
        md_section(&mut out, section, script, "###");
    }
    if !aside.is_empty() {
        let _ = writeln!(out, "\n### {}", md_cell(SET_ASIDE));
        for section in &aside {
            md_section(&mut out, section, script, "####");
        }
    }
    out
}

fn md_section(out: &mut String, section: &Section, script: &PlanScript, level: &str) {
    let _ = writeln!(out, "\n{level} {}", md_cell(&section.title));
    for (id, answer) in answers(section.plan) {
        let _ = writeln!(out, "\n{level}# {}\n", md_cell(script.question(id)));
        match answer {
            Answer::Actions([]) => {
                let _ = writeln!(out, "{NOT_YET}");
            }
            Answer::Actions(actions) => {
                let c = &script.columns;
                let _ = writeln!(
                    out,
                    "| {} | {} | {} |\n|---|---|---|",
                    md_cell(&c.action),
                    md_cell(&c.who),
                    md_cell(&c.by)
                );
                for a in actions {
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} |",
                        md_cell(&a.text),
                        a.who.as_deref().map(md_cell).unwrap_or_default(),
                        date(a.by).unwrap_or_default()
                    );
                }
            }
            Answer::Text(value) => {
                let _ = writeln!(out, "{}", md_cell(value.as_deref().unwrap_or(NOT_YET)));
            }
        }
    }
}

/// HTML text: escaped, line breaks kept.
fn html_text(text: &str) -> String {
    esc(text).replace('\n', "<br>")
}

/// The plan as an HTML fragment (sections, tables); empty when nothing is planned.
pub fn render_html(state: &SnapshotState, plan: &DraftPlan, script: &PlanScript) -> String {
    if plan.is_empty() {
        return String::new();
    }
    let priorities = state.priorities();
    let mut out = String::new();
    let _ = writeln!(out, "<section class=\"plan\">");
    let _ = writeln!(out, "<h2>{}</h2>", html_text(&script.title));
    let _ = writeln!(
        out,
        "<p class=\"source\">Source: {}</p>",
        html_text(&script.source)
    );
    let _ = writeln!(
        out,
        "<h3>{}</h3>",
        html_text(script.question(PlanStepId::Horizon))
    );
    let _ = writeln!(
        out,
        "<p>{}</p>",
        html_text(plan.horizon.as_deref().unwrap_or(NOT_YET))
    );
    let (current, aside) = sections(state, plan, &priorities);
    for section in &current {
        html_section(&mut out, section, script);
    }
    if !aside.is_empty() {
        let _ = writeln!(out, "<h3 class=\"aside\">{}</h3>", html_text(SET_ASIDE));
        for section in &aside {
            html_section(&mut out, section, script);
        }
    }
    let _ = writeln!(out, "</section>");
    out
}

fn html_section(out: &mut String, section: &Section, script: &PlanScript) {
    let _ = writeln!(out, "<section class=\"priority\">");
    let _ = writeln!(out, "<h3>{}</h3>", html_text(&section.title));
    for (id, answer) in answers(section.plan) {
        let _ = writeln!(out, "<h4>{}</h4>", html_text(script.question(id)));
        match answer {
            Answer::Actions([]) | Answer::Text(None) => {
                let _ = writeln!(out, "<p class=\"open\">{NOT_YET}</p>");
            }
            Answer::Actions(actions) => {
                let c = &script.columns;
                let _ = writeln!(
                    out,
                    "<table>\n<thead><tr><th>{}</th><th>{}</th><th class=\"date\">{}</th></tr></thead>\n<tbody>",
                    html_text(&c.action),
                    html_text(&c.who),
                    html_text(&c.by)
                );
                for a in actions {
                    let _ = writeln!(
                        out,
                        "<tr><td>{}</td><td>{}</td><td class=\"date\">{}</td></tr>",
                        html_text(&a.text),
                        a.who.as_deref().map(html_text).unwrap_or_default(),
                        date(a.by).unwrap_or_default()
                    );
                }
                let _ = writeln!(out, "</tbody>\n</table>");
            }
            Answer::Text(Some(value)) => {
                let _ = writeln!(out, "<p>{}</p>", html_text(&value));
            }
        }
    }
    let _ = writeln!(out, "</section>");
}

/// The styles of the plan's HTML fragment.
pub const HTML_STYLE: &str = "section.priority { break-inside: avoid; margin-top: 1.5rem; }\n\
     .plan table { border-collapse: collapse; width: 100%; }\n\
     .plan th, .plan td { border: 1px solid #444; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }\n\
     .plan th { background: #eee; }\n\
     .plan .date { white-space: nowrap; }\n\
     .plan .open { color: #555; font-style: italic; }\n\
     .plan .source { font-size: 0.9rem; color: #333; }\n";

/// CSV rows of the plan, each `[priority, heading, text, who, by when]`: the horizon, then per
/// priority what changes we want to see, each action step, the monitoring date and the support.
pub fn csv_rows(state: &SnapshotState, plan: &DraftPlan, script: &PlanScript) -> Vec<[String; 5]> {
    let mut rows = Vec::new();
    if plan.is_empty() {
        return rows;
    }
    if let Some(h) = &plan.horizon {
        rows.push([
            String::new(),
            script.question(PlanStepId::Horizon).to_string(),
            h.clone(),
            String::new(),
            String::new(),
        ]);
    }
    let priorities = state.priorities();
    let (current, aside) = sections(state, plan, &priorities);
    for section in current.iter().chain(&aside) {
        let Some(p) = section.plan else { continue };
        let mut row = |id: PlanStepId, text: String, who: String, by: String| {
            rows.push([
                section.title.clone(),
                script.question(id).to_string(),
                text,
                who,
                by,
            ]);
        };
        if let Some(s) = &p.success {
            row(PlanStepId::Success, s.clone(), String::new(), String::new());
        }
        for a in &p.actions {
            row(
                PlanStepId::Actions,
                a.text.clone(),
                a.who.clone().unwrap_or_default(),
                date(a.by).unwrap_or_default(),
            );
        }
        if let Some(m) = date(p.monitor) {
            row(PlanStepId::Monitor, m, String::new(), String::new());
        }
        if let Some(s) = &p.support {
            row(PlanStepId::Support, s.clone(), String::new(), String::new());
        }
    }
    rows
}
