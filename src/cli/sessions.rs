//! `new` and `list`: making sessions and listing them.

use super::args::*;
use super::{Cli, load_library, open_store, open_store_for_reading};
use crate::console;
use crate::content::{Library, Role};
use crate::store::Summary;
use crate::workshop::clock::short_time;
use crate::workshop::{Activity, Durations, Session, SessionSpec};
use anyhow::{Result, anyhow};
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
    let (deck, categories) = match activity {
        Activity::Sticky => {
            let deck = library.deck(&args.deck).ok_or_else(|| {
                anyhow!(
                    "no deck {:?}; the decks are: {}",
                    args.deck,
                    deck_ids(&library)
                )
            })?;
            let empty = deck.categories_without_behaviors();
            if !empty.is_empty() {
                eprintln!(
                    "note: no behaviors to read on {}; to fill one, press f on its Read step in the app and paste its behaviors (README, Content)",
                    empty.join(", ")
                );
            }
            (deck.id.clone(), deck.category_names())
        }
        Activity::Snapshot => (
            "snapshot".to_string(),
            library
                .snapshot
                .dimensions
                .iter()
                .map(|d| d.name.clone())
                .collect(),
        ),
    };
    let defaults = Durations::default();
    let durations = Durations {
        read: args.read.or(defaults.read),
        brainstorm: args.brainstorm.unwrap_or(defaults.brainstorm),
        share: args.share.unwrap_or(defaults.share),
        commitment: args.commitment.unwrap_or(defaults.commitment),
    };
    let name = args.name.clone().unwrap_or_else(|| {
        format!(
            "{} {:04}-{:02}-{:02}",
            activity.label(),
            now.year(),
            u8::from(now.month()),
            now.day()
        )
    });
    let spec = SessionSpec {
        name,
        activity,
        deck,
        categories,
        groups: args.groups,
        group_names: args.group_names.clone(),
        mode: args.mode.into(),
        durations,
        role: args.role.map(Role::from),
    };
    let session = Session::new(store.new_id(now), spec, now)?;
    store.create(&session)?;
    writeln!(out, "{}", session.id)?;
    Ok(())
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
