//! The command line's set-up of the rounds activities (discussion rounds, values check):
//! `new --activity discussion|values`. Their notes (`add --group N --question K` / `--value K`)
//! and show of hands (`vote --value K --mark M`) are domain commands, sent like every other
//! `add` and `vote` (see `notes.rs` and `workshop::round_commands`).

use crate::content::{Library, RoundsActivity, items_from_deck};
use crate::workshop::rounds::{RoundsState, durations_for};
use crate::workshop::{Activity, Mode, Session, SessionId, SessionSpec};
use anyhow::{Result, anyhow, bail};
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
