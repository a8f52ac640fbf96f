//! `add` and `vote`: notes and votes typed from the command line. Each becomes one domain
//! command, sent with [`handoff::send`]: written here while no app has the session open, handed
//! to the app that has it open otherwise (which shows it and saves it); what it did is printed.

use super::args::*;
use super::{Cli, load_library, open_store};
use crate::console;
use crate::content::SnapshotActivity;
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
    wait: Duration,
    now: OffsetDateTime,
}

impl Target<'_> {
    fn send(&self, change: CommandKind) -> Result<Outcome> {
        handoff::send(
            self.store,
            &self.session.id,
            change,
            self.activity,
            self.wait,
            self.now,
        )
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
    // Rounds notes are written here, under the session's lock: they do not travel to an open
    // app yet (a co-scribe's note for a discussion waits until the app closes it).
    if let Some((wanted, item)) = rounds_item {
        let group = args
            .group
            .ok_or_else(|| anyhow!("a note needs --group N as well"))?;
        let _lock = store.lock(&found.id)?;
        let session = store.load(&found.id)?;
        let library = load_library(cli)?;
        return super::rounds::add(
            &library, &store, session, wanted, item, group, &args.text, now, out,
        );
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
    if let (Some(value), Some(mark)) = (args.value, args.mark) {
        let _lock = store.lock(&found.id)?;
        let session = store.load(&found.id)?;
        let library = load_library(cli)?;
        return super::rounds::vote(&library, &store, session, value, mark, args.count, now, out);
    }
    let (Some(dimension), Some(stage)) = (args.dimension, args.stage) else {
        bail!(
            "a show of hands needs --dimension N --stage K (Snapshot) or --value K --mark M (values check)"
        );
    };
    let activity = load_library(cli)?.snapshot;
    let target = Target {
        store: &store,
        session: &found,
        activity: &activity,
        wait: args.wait,
        now,
    };
    let outcome = target.send(CommandKind::Vote {
        dimension: index(dimension, "dimension")?,
        stage: index(stage, "stage")?,
        count: args.count,
    })?;
    writeln!(out, "{}", console::line(&handoff::describe(&outcome)))?;
    Ok(())
}
