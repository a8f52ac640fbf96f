//! `add` and `vote`: notes and votes typed from the command line. Each becomes one domain
//! command, sent with [`handoff::send`]: written here while no app has the session open, handed
//! to the app that has it open otherwise (which shows it and saves it); what it did is printed.

use super::args::*;
use super::{Cli, load_library, open_store};
use crate::console;
use crate::content::{Library, RoundsActivity, SnapshotActivity};
use crate::handoff;
use crate::note_lines;
use crate::store::{Store, Summary};
use crate::workshop::command::{self, Command, CommandKind, Outcome};
use crate::workshop::{Activity, EditError, Prompt, Session};
use anyhow::{Result, anyhow, bail};
use std::io::Write;
use std::time::Duration;
use time::OffsetDateTime;

/// Where a command goes and how long it may wait for an app that has the session open.
struct Target<'a> {
    store: &'a Store,
    session: &'a Summary,
    /// For a Snapshot session that has no record yet.
    activity: &'a SnapshotActivity,
    /// For a rounds session: the trainer's script, to make the session's record from (as the
    /// app does when it opens one) if it has none yet.
    rounds: Option<(Activity, &'a RoundsActivity)>,
    wait: Duration,
    now: OffsetDateTime,
}

impl Target<'_> {
    fn send(&self, change: CommandKind) -> Result<Outcome> {
        handoff::send_prepared(
            self.store,
            &self.session.id,
            change,
            self.activity,
            &|session| self.prepare(session),
            self.wait,
            self.now,
        )
    }

    /// Gives a rounds session the record the app would give it (only a session of the
    /// activity the command is for, so a refused command leaves the others as they were).
    fn prepare(&self, session: &mut Session) {
        if let Some((activity, script)) = self.rounds
            && session.activity == activity
        {
            session.rounds_mut(script);
        }
    }
}

/// The Snapshot activity a command needs: the trainer's (content folders included) for a
/// Snapshot session, the built-in one otherwise (where it is never used).
fn activity_for(cli: &Cli, session: &Summary) -> Result<SnapshotActivity> {
    Ok(match session.activity {
        Activity::Snapshot => load_library(cli)?.snapshot,
        Activity::Sticky | Activity::Discussion | Activity::Values => {
            crate::content::embedded::snapshot()
        }
    })
}

pub(super) fn add(
    cli: &Cli,
    args: &AddArgs,
    now: OffsetDateTime,
    out: &mut dyn Write,
) -> Result<()> {
    let store = open_store(cli)?;
    let found = store.find(&args.session)?;
    let rounds_item = match (args.question, args.value) {
        (Some(k), _) => Some((Activity::Discussion, k)),
        (None, Some(k)) => Some((Activity::Values, k)),
        (None, None) => None,
    };
    if let Some((wanted, item)) = rounds_item {
        let group = args
            .group
            .ok_or_else(|| anyhow!("a note needs --group N as well"))?;
        let library = load_library(cli)?;
        let activity = crate::content::embedded::snapshot();
        let target = Target {
            store: &store,
            session: &found,
            activity: &activity,
            rounds: rounds_script(&library, wanted),
            wait: args.wait,
            now,
        };
        let make = |texts| CommandKind::AddRoundNotes {
            texts,
            activity: wanted,
            item,
            group,
        };
        return add_texts(&target, make, &args.text, true, out);
    }
    if matches!(found.activity, Activity::Discussion | Activity::Values) {
        let option = if found.activity == Activity::Discussion {
            "--question K"
        } else {
            "--value K"
        };
        bail!(
            "{:?} is a {} session: add notes with --group N {option}",
            found.name,
            found.activity.label()
        );
    }
    let activity = activity_for(cli, &found)?;
    let target = Target {
        store: &store,
        session: &found,
        activity: &activity,
        rounds: None,
        wait: args.wait,
        now,
    };
    if let (Some(dimension), Some(heading)) = (args.dimension, args.heading) {
        let dimension = index(dimension, "dimension")?;
        let heading = heading.into();
        let make = |texts| CommandKind::AddSnapshotNotes {
            texts,
            dimension,
            heading,
        };
        return add_texts(&target, make, &args.text, true, out);
    }
    let (Some(group), Some(prompt)) = (args.group, args.prompt) else {
        bail!("a note needs --group and --prompt");
    };
    let make = |texts| CommandKind::AddNotes {
        texts,
        group,
        category: args.category.clone(),
        prompt: Prompt::from(prompt),
        initials: args.initials.clone(),
        from_phone: false,
    };
    add_texts(&target, make, &args.text, false, out)
}

/// Adds `text` (or, for "-", one note per line of standard input) as the notes `make` turns a
/// batch of texts into; `show_place` adds where they went to the report (Snapshot headings).
fn add_texts(
    target: &Target,
    make: impl Fn(Vec<String>) -> CommandKind,
    text: &str,
    show_place: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let mut place = None;
    let mut record = |outcome: Outcome| {
        if let Outcome::Added { place: p, .. } = outcome {
            place = Some(p);
        }
    };
    if text != "-" {
        record(target.send(make(vec![text.to_string()]))?);
        let place = place.filter(|_| show_place);
        return report_added(out, 1, target.session, place.as_deref(), &[]);
    }
    // A placement, dimension or activity that cannot take notes is refused before any input is
    // read, by trying the command on a copy of the session as it is now.
    let mut copy = target.store.load(&target.session.id)?;
    target.prepare(&mut copy);
    let probe = Command::new(String::new(), make(vec!["probe".to_string()]));
    command::apply(&mut copy, &probe, target.activity, target.now)?;
    let mut sent = 0;
    let fed = note_lines::feed(
        std::io::stdin().lock(),
        &mut Vec::new(),
        |batch: &mut Vec<String>, line| {
            Session::clean_text(line)?;
            batch.push(line.to_string());
            Ok::<(), EditError>(())
        },
        |batch| {
            let outcome = target.send(make(batch[sent..].to_vec()))?;
            sent = batch.len();
            record(outcome);
            Ok::<(), anyhow::Error>(())
        },
    )?;
    let place = place.filter(|_| show_place);
    report_added(
        out,
        fed.saved,
        target.session,
        place.as_deref(),
        &fed.problems,
    )
}

/// Says how many notes reached `session` (and, if given, where), then fails with the lines that
/// were refused, if any.
fn report_added(
    out: &mut dyn Write,
    saved: usize,
    session: &Summary,
    place: Option<&str>,
    problems: &[String],
) -> Result<()> {
    let place = place
        .map(|p| format!(": {}", console::line(p)))
        .unwrap_or_default();
    writeln!(
        out,
        "Saved {} to {:?} ({}){place}.",
        crate::words::count(saved, "note", "notes"),
        console::line(&session.name),
        session.id
    )?;
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    Ok(())
}

/// The trainer's script for a rounds activity, with the activity it is for.
fn rounds_script(library: &Library, activity: Activity) -> Option<(Activity, &RoundsActivity)> {
    library
        .rounds(activity.id())
        .map(|script| (activity, script))
}

/// The 0-based index for a 1-based number typed by a person; 0 is refused.
fn index(n: u32, what: &str) -> Result<usize> {
    (n as usize)
        .checked_sub(1)
        .ok_or_else(|| anyhow!("{what}s are numbered from 1"))
}

pub(super) fn vote(
    cli: &Cli,
    args: &VoteArgs,
    now: OffsetDateTime,
    out: &mut dyn Write,
) -> Result<()> {
    let store = open_store(cli)?;
    let found = store.find(&args.session)?;
    let library = load_library(cli)?;
    let hands = match (args.value, args.mark) {
        (Some(item), Some(mark)) => Some(CommandKind::RoundHands {
            item,
            mark,
            count: args.count,
        }),
        _ => None,
    };
    let target = Target {
        store: &store,
        session: &found,
        activity: &library.snapshot,
        rounds: rounds_script(&library, Activity::Values),
        wait: args.wait,
        now,
    };
    let change = match (hands, args.dimension, args.stage) {
        (Some(hands), _, _) => hands,
        (None, Some(dimension), Some(stage)) => CommandKind::Vote {
            dimension: index(dimension, "dimension")?,
            stage: index(stage, "stage")?,
            count: args.count,
        },
        _ => bail!(
            "a show of hands needs --dimension N --stage K (Snapshot) or --value K --mark M (values check)"
        ),
    };
    let outcome = target.send(change)?;
    writeln!(out, "{}", console::line(&handoff::describe(&outcome)))?;
    Ok(())
}
