//! `cpm-workshop plan`: the draft CPM Implementation Plan of a Snapshot session from the command
//! line, for a co-trainer or a script. Each call is one [`PlanEdit`], the same change the
//! scribe's keys make.

use crate::cli::{Cli, load_library, open_store};
use crate::console;
use crate::content::PlanStepId;
use crate::workshop::snapshot::plan::{date_text, parse_date};
use crate::workshop::{Activity, PlanEdit};
use anyhow::{Result, bail};
use std::io::Write;
use time::OffsetDateTime;

/// `cpm-workshop plan` options: the horizon, or one decision for one priority.
#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("decision").required(true)
    .args(["horizon", "success", "action", "monitor", "support"]))]
pub struct PlanArgs {
    /// Session id or an unambiguous start of its name.
    pub session: String,
    /// The planning horizon for the whole plan, e.g. "12 months".
    #[arg(long, conflicts_with = "priority")]
    pub horizon: Option<String>,
    /// The priority (1-based, as the priorities page lists them).
    #[arg(long, required_unless_present = "horizon")]
    pub priority: Option<u32>,
    /// What changes we want to see for the priority.
    #[arg(long)]
    pub success: Option<String>,
    /// Add an action step to the priority.
    #[arg(long)]
    pub action: Option<String>,
    /// With --action: the responsible leader or team.
    #[arg(long, requires = "action")]
    pub who: Option<String>,
    /// With --action: by when (YYYY-MM-DD).
    #[arg(long, requires = "action")]
    pub by: Option<String>,
    /// The target date for monitoring progress (YYYY-MM-DD).
    #[arg(long)]
    pub monitor: Option<String>,
    /// What will support our progress.
    #[arg(long)]
    pub support: Option<String>,
}

/// Runs `plan`: applies the edit to the session and saves it; says what was recorded.
pub fn run(cli: &Cli, args: &PlanArgs, now: OffsetDateTime, out: &mut dyn Write) -> Result<()> {
    let library = load_library(cli)?;
    let store = open_store(cli)?;
    let id = store.find(&args.session)?.id;
    let _lock = store.lock(&id)?;
    let mut session = store.load(&id)?;
    if session.activity != Activity::Snapshot {
        bail!(
            "{:?} is a {} session, not a Snapshot warm-up: only a Snapshot continues into a plan (make one with: cpm-workshop new --activity snapshot)",
            session.name,
            session.activity.label()
        );
    }
    let script = library.snapshot.plan_script();
    let state = session.snapshot_mut(&library.snapshot);
    let (edit, step) = edit(args, |n| Ok(state.priority_key(n)?))?;
    let priority = args.priority.map(|n| {
        let text = (n as usize)
            .checked_sub(1)
            .and_then(|i| state.priorities().get(i).map(|p| p.text.clone()))
            .unwrap_or_default();
        format!("priority {n} “{text}”")
    });
    let value = recorded(&edit);
    state.apply_plan(edit, now)?;
    session.updated = now;
    store.save(&session)?;
    let what = match priority {
        Some(p) => format!("Recorded for {p}: {} {value}", script.question(step)),
        None => format!("Recorded: {} {value}", script.question(step)),
    };
    writeln!(out, "{}", console::line(&what))?;
    Ok(())
}

/// The edit the options ask for, and the planning step it answers; `key` finds a priority by
/// its number. Dates are checked here so a bad one is refused before anything is loaded.
fn edit(
    args: &PlanArgs,
    key: impl FnOnce(usize) -> Result<crate::workshop::PriorityKey>,
) -> Result<(PlanEdit, PlanStepId)> {
    let date = |text: &Option<String>, what: &str| -> Result<Option<time::Date>> {
        match text {
            Some(t) => match parse_date(t) {
                Ok(d) => Ok(Some(d)),
                Err(e) => bail!("{what}: {e}"),
            },
            None => Ok(None),
        }
    };
    if args.action.is_none() && (args.who.is_some() || args.by.is_some()) {
        bail!("--who and --by describe an action step: give them with --action TEXT");
    }
    let by = date(&args.by, "--by")?;
    let monitor = date(&args.monitor, "--monitor")?;
    if let Some(text) = &args.horizon {
        return Ok((
            PlanEdit::Horizon { text: text.clone() },
            PlanStepId::Horizon,
        ));
    }
    let number = args.priority.unwrap_or(0) as usize;
    let priority = key(number)?;
    Ok(if let Some(text) = &args.success {
        let text = text.clone();
        (PlanEdit::Success { priority, text }, PlanStepId::Success)
    } else if let Some(text) = &args.action {
        let edit = PlanEdit::AddAction {
            priority,
            text: text.clone(),
            who: args.who.clone(),
            by,
        };
        (edit, PlanStepId::Actions)
    } else if let Some(date) = monitor {
        (PlanEdit::Monitor { priority, date }, PlanStepId::Monitor)
    } else if let Some(text) = &args.support {
        let text = text.clone();
        (PlanEdit::Support { priority, text }, PlanStepId::Support)
    } else {
        bail!("say what to record: --success, --action, --monitor or --support")
    })
}

/// What an edit records, as the confirmation line shows it.
fn recorded(edit: &PlanEdit) -> String {
    match edit {
        PlanEdit::Horizon { text }
        | PlanEdit::Success { text, .. }
        | PlanEdit::Support { text, .. } => format!("“{text}”"),
        PlanEdit::AddAction { text, who, by, .. } | PlanEdit::EditAction { text, who, by, .. } => {
            let mut out = format!("“{text}”");
            if let Some(who) = who.as_deref().filter(|w| !w.trim().is_empty()) {
                out.push_str(&format!(", {who}"));
            }
            if let Some(by) = by {
                out.push_str(&format!(", by {}", date_text(*by)));
            }
            out
        }
        PlanEdit::RemoveAction { index, .. } => format!("action step {} removed", index + 1),
        PlanEdit::Monitor { date, .. } => date_text(*date),
    }
}
