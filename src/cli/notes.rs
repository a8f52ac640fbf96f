//! `add` and `vote`: notes and votes typed from the command line.

use super::args::*;
use super::{Cli, load_library, open_store};
use crate::console;
use crate::note_lines;
use crate::store::Store;
use crate::workshop::{Activity, HeadingId, Prompt, Session};
use anyhow::{Result, anyhow, bail};
use std::io::Write;
use time::OffsetDateTime;

pub(super) fn add(
    cli: &Cli,
    args: &AddArgs,
    now: OffsetDateTime,
    out: &mut dyn Write,
) -> Result<()> {
    let store = open_store(cli)?;
    let id = store.find(&args.session)?.id;
    let _lock = store.lock(&id)?;
    let mut session = store.load(&id)?;
    if let (Some(dimension), Some(heading)) = (args.dimension, args.heading) {
        return add_snapshot(
            cli,
            &store,
            session,
            dimension,
            heading.into(),
            &args.text,
            now,
            out,
        );
    }
    if session.activity == Activity::Snapshot {
        bail!(
            "{:?} is a Snapshot warm-up: add notes with --dimension N --heading strengths|opportunities|feasibility",
            session.name
        );
    }
    let (Some(group), Some(prompt)) = (args.group, args.prompt) else {
        bail!("a note needs --group and --prompt");
    };
    let prompt = Prompt::from(prompt);
    let mut placement = session.placement(group, prompt);
    if let Some(c) = &args.category {
        placement.category = Some(c.clone());
    }
    let placement = session.validate_placement(placement)?;
    let initials = args.initials.as_deref();
    if args.text != "-" {
        session.add_note(&args.text, placement, initials, now)?;
        store.save(&session)?;
        let name = console::line(&session.name);
        writeln!(out, "Saved 1 note to {name:?} ({}).", session.id)?;
        return Ok(());
    }
    let fed = note_lines::feed(
        std::io::stdin().lock(),
        &mut session,
        |session, line| {
            session
                .add_note(line, placement.clone(), initials, now)
                .map(drop)
        },
        |session| store.save(session),
    )?;
    report_added(out, fed.saved, &session, None, &fed.problems)
}

/// Says how many notes reached `session` (and, if given, where), then fails with the lines that
/// were refused, if any.
fn report_added(
    out: &mut dyn Write,
    saved: usize,
    session: &Session,
    place: Option<&str>,
    problems: &[String],
) -> Result<()> {
    let place = place
        .map(|p| format!(": {}", console::line(p)))
        .unwrap_or_default();
    writeln!(
        out,
        "Saved {} to {:?} ({}){place}.",
        crate::workshop::text::count(saved, "note", "notes"),
        console::line(&session.name),
        session.id
    )?;
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    Ok(())
}

/// Loads a session for a Snapshot command, refusing any other kind.
fn snapshot_session(store: &Store, query: &str) -> Result<(String, Session)> {
    let id = store.find(query)?.id;
    let session = store.load(&id)?;
    if session.activity != Activity::Snapshot {
        bail!(
            "{:?} is a {} session, not a Snapshot warm-up (make one with: cpm-workshop new --activity snapshot)",
            session.name,
            session.activity.label()
        );
    }
    Ok((id, session))
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
    let library = load_library(cli)?;
    let store = open_store(cli)?;
    let id = store.find(&args.session)?.id;
    let _lock = store.lock(&id)?;
    let (_, mut session) = snapshot_session(&store, &id)?;
    let state = session.snapshot_mut(&library.snapshot);
    let d = index(args.dimension, "dimension")?;
    let stage = index(args.stage, "stage")?;
    state.vote(d, stage, args.count)?;
    let tally = state.tally(d);
    let line = format!(
        "Recorded {} for {:?} on {}: {} ({} in all).",
        crate::export::snapshot::votes_label(args.count),
        state.scale[stage],
        state.dimension_name(d),
        tally
            .counts
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(" · "),
        crate::export::snapshot::votes_label(tally.total)
    );
    session.updated = now;
    store.save(&session)?;
    writeln!(out, "{}", console::line(&line))?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn add_snapshot(
    cli: &Cli,
    store: &Store,
    mut session: Session,
    dimension: u32,
    heading: HeadingId,
    text: &str,
    now: OffsetDateTime,
    out: &mut dyn Write,
) -> Result<()> {
    if session.activity != Activity::Snapshot {
        bail!(
            "{:?} is a {} session: add notes with --group and --prompt (--dimension and --heading are for Snapshot warm-ups)",
            session.name,
            session.activity.label()
        );
    }
    let library = load_library(cli)?;
    let d = index(dimension, "dimension")?;
    let state = session.snapshot_mut(&library.snapshot);
    let dimensions = state.dimensions.len();
    if d >= dimensions {
        bail!(crate::workshop::SnapshotError::NoSuchDimension(
            d + 1,
            dimensions
        ));
    }
    let where_ = format!(
        "{} · {}",
        state.dimension_name(d),
        library
            .snapshot
            .heading(heading.id())
            .map_or(heading.id(), |h| h.title.as_str())
    );
    let add = |session: &mut Session, text: &str| {
        session
            .snapshot_mut(&library.snapshot)
            .add_note(text, d, heading, now)?;
        session.updated = now;
        Ok::<(), crate::workshop::SnapshotError>(())
    };
    if text != "-" {
        add(&mut session, text)?;
        store.save(&session)?;
        return report_added(out, 1, &session, Some(&where_), &[]);
    }
    let fed = note_lines::feed(std::io::stdin().lock(), &mut session, add, |session| {
        store.save(session)
    })?;
    report_added(out, fed.saved, &session, Some(&where_), &fed.problems)
}
