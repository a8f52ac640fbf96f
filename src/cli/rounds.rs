//! The command line of the rounds activities (discussion rounds, values check): the set-up of
//! `new --activity discussion|values`, notes by item and group (`add --group N --question K` /
//! `--value K`) and the show of hands (`vote --value K --mark M`). Every refusal says what was
//! wrong and what exists; nothing is saved when a number is out of range.

use crate::console;
use crate::content::{Library, RoundsActivity, items_from_deck};
use crate::store::Store;
use crate::workshop::rounds::{RoundsState, durations_for};
use crate::workshop::{Activity, Mode, Session, SessionId, SessionSpec};
use anyhow::{Result, anyhow, bail};
use std::io::Write;
use time::OffsetDateTime;

/// The script a rounds activity runs, `None` for the other activities.
fn script(library: &Library, activity: Activity) -> Option<&RoundsActivity> {
    library.rounds(activity.id())
}

/// What `new` needs for a rounds session beyond the common options.
#[derive(Debug, Clone, Default)]
pub struct NewRounds<'a> {
    /// Items typed on the command line (`--question`), each read with a leading `?` for follow-up.
    pub items: &'a [String],
    /// A deck whose numbered entries become the items.
    pub deck: Option<&'a str>,
    /// The talk and share times, when given.
    pub talk: Option<u32>,
    pub share: Option<u32>,
}

/// The spec of a new rounds session: its items (typed, from a deck, or the script's) as the
/// session's categories, and its times (given, or the script's).
pub fn spec(
    library: &Library,
    activity: Activity,
    name: String,
    groups: u32,
    group_names: Vec<String>,
    new: &NewRounds,
) -> Result<SessionSpec> {
    let script = script(library, activity)
        .ok_or_else(|| anyhow!("{} is not a rounds activity", activity.label()))?;
    let (deck, categories) = match (new.items, new.deck) {
        ([_, ..], Some(_)) => bail!(
            "give the {}s either with --{} or from a deck with --deck, not both",
            script.item_word,
            script.item_word
        ),
        ([_, ..], None) => (activity.id().to_string(), new.items.to_vec()),
        ([], Some(id)) => {
            let deck = library.deck(id).ok_or_else(|| {
                let ids: Vec<&str> = library.decks().iter().map(|d| d.id.as_str()).collect();
                anyhow!("no deck {id:?}; the decks are: {}", ids.join(", "))
            })?;
            let items = items_from_deck(deck, &script.item_word).map_err(|e| anyhow!(e))?;
            (deck.id.clone(), items)
        }
        ([], None) => (activity.id().to_string(), script.item_texts()),
    };
    if let Some(empty) = categories.iter().position(|c| {
        crate::workshop::rounds::split_follow_up(c)
            .0
            .trim()
            .is_empty()
    }) {
        bail!("{} {} is empty", script.item_word, empty + 1);
    }
    let mut durations = durations_for(script);
    durations.brainstorm = new.talk.unwrap_or(durations.brainstorm);
    durations.share = new.share.unwrap_or(durations.share);
    Ok(SessionSpec {
        name,
        activity,
        deck,
        categories,
        groups,
        group_names,
        mode: Mode::Together,
        durations,
        role: None,
    })
}

/// A new rounds session with its record made at once, so its exports and the app agree from the
/// first moment.
pub fn create(
    library: &Library,
    id: SessionId,
    spec: SessionSpec,
    now: OffsetDateTime,
) -> Result<Session> {
    let activity = spec.activity;
    let mut session = Session::new(id, spec, now)?;
    if let Some(script) = script(library, activity) {
        session.rounds = Some(RoundsState::for_session(&session, script));
    }
    Ok(session)
}

/// Checks that `session` runs `wanted` (the activity an option belongs to), naming the option
/// to use otherwise.
pub fn expect_activity(session: &Session, wanted: Activity) -> Result<()> {
    if session.activity == wanted {
        return Ok(());
    }
    let hint = match session.activity {
        Activity::Discussion => "add notes with --group N --question K",
        Activity::Values => {
            "add notes with --group N --value K; hands with vote --value K --mark M"
        }
        Activity::Snapshot => "add notes with --dimension N --heading …",
        Activity::Sticky => "add notes with --group N --prompt …",
    };
    let article = if matches!(wanted, Activity::Discussion) {
        "a discussion session"
    } else {
        "a values check"
    };
    bail!(
        "{:?} is a {} session, not {article}: {hint}",
        session.name,
        session.activity.label()
    )
}

/// `add SESSION --group N --question K TEXT` (or `--value K`): a note by group on an item;
/// `-` reads one note per line from standard input.
#[allow(clippy::too_many_arguments)]
pub fn add(
    library: &Library,
    store: &Store,
    mut session: Session,
    wanted: Activity,
    item: u32,
    group: u32,
    text: &str,
    now: OffsetDateTime,
    out: &mut dyn Write,
) -> Result<()> {
    expect_activity(&session, wanted)?;
    let script = script(library, wanted).ok_or_else(|| anyhow!("not a rounds activity"))?;
    let word = script.item_word.clone();
    if text != "-" {
        session.add_round_note(script, item, group, text, now)?;
        store.save(&session)?;
        writeln!(
            out,
            "Saved 1 note to {:?} ({}): {word} {item}, group {group}.",
            console::line(&session.name),
            session.id
        )?;
        return Ok(());
    }
    let fed = crate::note_lines::feed(
        std::io::stdin().lock(),
        &mut session,
        |session, line| {
            session
                .add_round_note(script, item, group, line, now)
                .map(drop)
        },
        |session| store.save(session),
    )?;
    writeln!(
        out,
        "Saved {} note{} to {:?} ({}): {word} {item}, group {group}.",
        fed.saved,
        if fed.saved == 1 { "" } else { "s" },
        console::line(&session.name),
        session.id
    )?;
    if !fed.problems.is_empty() {
        bail!("{}", fed.problems.join("\n"));
    }
    Ok(())
}

/// `vote SESSION --value K --mark M [--count N]`: hands for a mark on a value.
#[allow(clippy::too_many_arguments)]
pub fn vote(
    library: &Library,
    store: &Store,
    mut session: Session,
    item: u32,
    mark: u32,
    count: u32,
    now: OffsetDateTime,
    out: &mut dyn Write,
) -> Result<()> {
    expect_activity(&session, Activity::Values)?;
    let state = session.rounds_mut(&library.values);
    let index = (item as usize).checked_sub(1).ok_or_else(|| {
        crate::workshop::RoundsError::NoSuchItem(0, state.items.len(), state.item_word.clone())
    })?;
    let mark_index = (mark as usize).checked_sub(1).unwrap_or(usize::MAX);
    state
        .add_hands(index, mark_index, count)
        .map_err(|e| match e {
            crate::workshop::RoundsError::NoSuchMark(_, marks) => {
                anyhow!("there is no mark {mark}; the marks are {marks}")
            }
            other => anyhow!(other),
        })?;
    let tally = state.tally(index);
    let line = format!(
        "Recorded {} for {:?} on {}: {} ({} in all).",
        crate::export::rounds::hands_label(count),
        state.marks.get(mark_index).map_or("", String::as_str),
        state.item_text(index),
        tally
            .counts
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(" · "),
        crate::export::rounds::hands_label(tally.total)
    );
    session.updated = now;
    store.save(&session)?;
    writeln!(out, "{}", console::line(&line))?;
    Ok(())
}
