//! The rounds activities' commands (discussion rounds, values check): a co-scribe's notes on an
//! item for a group, and hands for a mark on a value. Applied through [`super::command::apply`]
//! like every other command, so a note typed in another terminal reaches the app that has the
//! session open and is saved by it.
//!
//! Item and mark numbers here are as a person types them (1-based), so a refusal names the very
//! number that was given, 0 included.

use super::command::{Applied, CommandError, Outcome, each_text};
use super::rounds::{RoundsError, RoundsState};
use super::session::{Activity, Session};
use crate::content::RoundsActivity;
use std::sync::LazyLock;
use time::OffsetDateTime;

/// Why a rounds command does not fit the session's activity, and what to type instead.
pub fn wrong_activity(session: &Session, wanted: Activity) -> Option<String> {
    if session.activity == wanted {
        return None;
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
    Some(format!(
        "{:?} is a {} session, not {article}: {hint}",
        session.name,
        session.activity.label()
    ))
}

/// The built-in scripts, read once.
static DISCUSSION: LazyLock<RoundsActivity> = LazyLock::new(crate::content::embedded::discussion);
static VALUES: LazyLock<RoundsActivity> = LazyLock::new(crate::content::embedded::values);

/// The session's rounds record. One is made when the session is created or opened (from the
/// trainer's script, which the sender supplies when it writes directly); a file without one gets
/// a record from the built-in script here, so a command never fails for the lack of it.
fn record(session: &mut Session) -> &mut RoundsState {
    let script = match session.activity {
        Activity::Values => &*VALUES,
        _ => &*DISCUSSION,
    };
    session.rounds_mut(script)
}

/// `texts` as notes by `group` on `item` (both 1-based) of a session running `wanted`.
pub(super) fn add_notes(
    session: &mut Session,
    wanted: Activity,
    texts: &[String],
    item: u32,
    group: u32,
    now: OffsetDateTime,
) -> Result<Applied, CommandError> {
    if let Some(message) = wrong_activity(session, wanted) {
        return Err(CommandError::WrongActivity(message));
    }
    let groups = session.groups.len() as u32;
    let state = record(session);
    let index = (item as usize)
        .checked_sub(1)
        .ok_or_else(|| RoundsError::NoSuchItem(0, state.items.len(), state.item_word.clone()))?;
    let added = each_text(texts, |text| {
        state.add_note(index, group, groups, text, now)
    })?;
    let place = format!("{} {item}, group {group}", state.item_word);
    Ok(Applied {
        outcome: Outcome::Added {
            count: added.len(),
            place,
        },
        changes: Vec::new(),
    })
}

/// `count` hands for `mark` on value `item` (both 1-based) of a values check.
pub(super) fn add_hands(
    session: &mut Session,
    item: u32,
    mark: u32,
    count: u32,
) -> Result<Applied, CommandError> {
    if let Some(message) = wrong_activity(session, Activity::Values) {
        return Err(CommandError::WrongActivity(message));
    }
    let state = record(session);
    let index = (item as usize)
        .checked_sub(1)
        .ok_or_else(|| RoundsError::NoSuchItem(0, state.items.len(), state.item_word.clone()))?;
    let mark_index = (mark as usize).checked_sub(1).unwrap_or(usize::MAX);
    state
        .add_hands(index, mark_index, count)
        .map_err(|e| match e {
            // Named as typed (mark 0 too), not as the index it became.
            RoundsError::NoSuchMark(_, marks) => RoundsError::NoSuchMark(mark as usize, marks),
            other => other,
        })?;
    let tally = state.tally(index);
    Ok(Applied {
        outcome: Outcome::Hands {
            count,
            mark: state.marks.get(mark_index).cloned().unwrap_or_default(),
            item: state.item_text(index).to_string(),
            counts: tally.counts,
            total: tally.total,
        },
        changes: Vec::new(),
    })
}

#[cfg(test)]
#[path = "round_commands_tests.rs"]
mod tests;
