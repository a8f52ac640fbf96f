//! `new` and `list`: making sessions and listing them.

use super::args::*;
use super::{Cli, load_library, open_store, open_store_for_reading};
use crate::console;
use crate::content::{Library, Role};
use crate::store::Summary;
use crate::workshop::clock::short_time;
use crate::workshop::{Activity, Durations, Mode, Session, SessionSpec, SnapshotState};
use anyhow::{Result, anyhow, bail};
use std::io::Write;
use time::OffsetDateTime;

pub(super) fn new(
    cli: &Cli,
    args: &NewArgs,
    now: OffsetDateTime,
    out: &mut dyn Write,
) -> Result<()> {
    let library = load_library(cli)?;
    let store = open_store(cli)?;
    let activity = Activity::from(args.activity);
    if !args.questions.is_empty() && activity != Activity::Discussion {
        bail!("--question is for discussion rounds: add --activity discussion");
    }
    let name = args
        .name
        .clone()
        .unwrap_or_else(|| crate::workshop::session::default_name(now));
    let spec = match activity {
        Activity::Snapshot => {
            // The same spec the app's set-up form makes; what only a sticky-note activity has
            // is not used, and the trainer is told so rather than refused.
            let unused = sticky_only_options(args);
            if !unused.is_empty() {
                eprintln!(
                    "note: a Snapshot warm-up has no groups, deck, rotation or step times, so {} {} not used",
                    unused.join(", "),
                    crate::words::plural(unused.len(), "was", "were")
                );
            }
            SnapshotState::session_spec(&name, &library.snapshot)
        }
        Activity::Sticky => {
            let deck = match &args.deck {
                None => library.default_deck(),
                Some(id) => library.deck(id).ok_or_else(|| {
                    anyhow!("no deck {id:?}; the decks are: {}", deck_ids(&library))
                })?,
            };
            let empty = deck.categories_without_behaviors();
            if !empty.is_empty() {
                eprintln!(
                    "note: no behaviors to read on {}; to fill one, press f on its Read step in the app and paste its behaviors (README, Content)",
                    empty.join(", ")
                );
            }
            let defaults = Durations::default();
            SessionSpec {
                name,
                activity,
                deck: deck.id.clone(),
                categories: deck.category_names(),
                groups: args.groups.unwrap_or(DEFAULT_GROUPS),
                group_names: args.group_names.clone(),
                mode: args.mode.map_or(Mode::Together, Mode::from),
                durations: Durations {
                    read: args.read.or(defaults.read),
                    brainstorm: args.brainstorm.unwrap_or(defaults.brainstorm),
                    share: args.share.unwrap_or(defaults.share),
                    commitment: args.commitment.unwrap_or(defaults.commitment),
                },
                role: args.role.map(Role::from),
            }
        }
        Activity::Discussion | Activity::Values => {
            return new_rounds(&library, &store, args, activity, now, out);
        }
    };
    let session = Session::new(store.new_id(now), spec, now)?;
    store.create(&session)?;
    writeln!(out, "{}", session.id)?;
    Ok(())
}

/// `new --activity discussion|values`: the items typed, from a deck or the script's, and the
/// record made at once.
fn new_rounds(
    library: &Library,
    store: &crate::store::Store,
    args: &NewArgs,
    activity: Activity,
    now: OffsetDateTime,
    out: &mut dyn Write,
) -> Result<()> {
    let name = args
        .name
        .clone()
        .unwrap_or_else(|| crate::workshop::session::default_name(now));
    let rounds = super::rounds::NewRounds {
        items: &args.questions,
        deck: args.deck.as_deref(),
        talk: args.brainstorm,
        share: args.share,
    };
    let spec = super::rounds::spec(
        library,
        activity,
        name,
        args.groups.unwrap_or(DEFAULT_GROUPS),
        args.group_names.clone(),
        &rounds,
    )?;
    let session = super::rounds::create(library, store.new_id(now), spec, now)?;
    store.create(&session)?;
    writeln!(out, "{}", session.id)?;
    Ok(())
}

/// Groups a new sticky-note session has unless `--groups` says otherwise.
const DEFAULT_GROUPS: u32 = 4;

/// The options given that only a sticky-note session uses, as typed.
fn sticky_only_options(args: &NewArgs) -> Vec<&'static str> {
    let given = [
        (args.deck.is_some(), "--deck"),
        (args.groups.is_some(), "--groups"),
        (!args.group_names.is_empty(), "--group-names"),
        (args.mode.is_some(), "--mode"),
        (args.brainstorm.is_some(), "--brainstorm"),
        (args.share.is_some(), "--share"),
        (args.commitment.is_some(), "--commitment"),
        (args.read.is_some(), "--read"),
        (args.role.is_some(), "--role"),
    ];
    given
        .into_iter()
        .filter_map(|(given, flag)| given.then_some(flag))
        .collect()
}

pub(super) fn deck_ids(library: &Library) -> String {
    library
        .decks()
        .iter()
        .map(|d| d.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Lists the sessions; times in the viewer's `offset`, so sessions made in other time zones
/// sort as they read.
pub(super) fn list(
    cli: &Cli,
    json: bool,
    offset: time::UtcOffset,
    out: &mut dyn Write,
) -> Result<()> {
    // A folder that does not exist yet is created (first run); an existing one is only read.
    let store = open_store_for_reading(cli).or_else(|_| open_store(cli))?;
    let listing = store.list()?;
    for problem in &listing.problems {
        console::print_warning(problem);
    }
    if json {
        let rows: Vec<serde_json::Value> = listing.sessions.iter().map(summary_json).collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
        return Ok(());
    }
    if listing.sessions.is_empty() {
        writeln!(
            out,
            "No sessions in {}. Create one with: cpm-workshop new",
            console::line(&store.dir().display().to_string())
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<20} {:<16} {:<9} {:<11} {:>6} {:>6}  NAME",
        "ID", "UPDATED", "ACTIVITY", "DECK", "GROUPS", "NOTES"
    )?;
    for s in &listing.sessions {
        writeln!(
            out,
            "{:<20} {:<16} {:<9} {:<11} {:>6} {:>6}  {}",
            s.id,
            short_time(s.updated.to_offset(offset)),
            s.activity.id(),
            console::line(&s.deck),
            s.groups,
            s.notes,
            console::line(&s.name)
        )?;
    }
    Ok(())
}

fn summary_json(s: &Summary) -> serde_json::Value {
    let rfc = |t: OffsetDateTime| {
        t.format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    };
    serde_json::json!({
        "id": s.id,
        "name": console::line(&s.name),
        "created": rfc(s.created),
        "updated": rfc(s.updated),
        "activity": s.activity.id(),
        "deck": console::line(&s.deck),
        "groups": s.groups,
        "notes": s.notes,
        "path": console::line(&s.path.display().to_string()),
    })
}
