//! Changes that travel between processes: what a co-trainer's `cpm-workshop add` or `vote` (and
//! later a phone) asks the one process that owns a session to do, and what came of it.
//!
//! [`apply`] is the only place such a change is made, whoever makes it: the command line writing
//! the session file itself while no app has it open, the app draining its inbox, or the command
//! line finishing what a killed app left behind. Each command carries a unique id; the ids of the
//! latest applied commands are kept in the session (and saved with the change), so a command
//! that is found again after its applier died between saving and tidying up is answered, not
//! applied twice.
//!
//! To add a command (e.g. `plan`): add a variant to [`CommandKind`], an arm in [`apply`] that
//! calls the domain's own method for it, and, if it reports something new, a variant of
//! [`Outcome`].

use super::Change;
use super::note::NoteId;
use super::rounds::RoundsError;
use super::session::{Activity, EditError, Session};
use super::snapshot::{HeadingId, SnapshotError, SnapshotNoteId};
use super::step::Prompt;
use crate::content::SnapshotActivity;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// How many applied command ids a session keeps: far more than can pile up between an applier's
/// death and the next drain (every applier drains what is waiting before anything else).
pub const APPLIED_KEPT: usize = 64;

/// One change asked of a session's owner, with the id that makes it happen once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Command {
    /// Unique among all commands ever sent to this session.
    pub id: String,
    pub change: CommandKind,
}

/// What a command asks for. Numbers are as stored (dimensions and stages 0-based), except the
/// rounds activities' items and marks, which are as typed (1-based).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CommandKind {
    /// Sticky notes on one placement; a missing category is the group's at the session's step
    /// when the command is applied (as the scribe in the app would place it).
    AddNotes {
        texts: Vec<String>,
        group: u32,
        #[serde(default)]
        category: Option<String>,
        prompt: Prompt,
        #[serde(default)]
        initials: Option<String>,
        /// Sent by a participant's phone: the note reaches the room's screen as the session's
        /// moderation says (at once, or after the trainer approves it).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        from_phone: bool,
    },
    /// Snapshot notes under a heading for a dimension.
    AddSnapshotNotes {
        texts: Vec<String>,
        dimension: usize,
        heading: HeadingId,
    },
    /// A phone's new wording of a note it added, accepted only while the session is still at
    /// the step `at` (position in the run) where the phone saw it: once the trainer moves on,
    /// what the room shared stays as it was shared.
    EditNote {
        note: NoteId,
        text: String,
        at: usize,
    },
    /// A phone takes back a note it added (to the trash, restorable), on the same terms.
    DeleteNote { note: NoteId, at: usize },
    /// The Snapshot show of hands: `count` votes for `stage` on `dimension`.
    Vote {
        dimension: usize,
        stage: usize,
        count: u32,
    },
    /// Notes by `group` on `item` of a rounds activity: a discussion question or a value,
    /// `activity` saying which the sender meant (`--question` or `--value`).
    AddRoundNotes {
        texts: Vec<String>,
        activity: Activity,
        item: u32,
        group: u32,
    },
    /// The values check's show of hands: `count` hands for `mark` on value `item`.
    RoundHands { item: u32, mark: u32, count: u32 },
    /// A phone's stage on `dimension`, replacing its earlier vote there; accepted only while
    /// that dimension is on screen (the phone saw it there).
    PhoneVote {
        phone: String,
        dimension: usize,
        stage: usize,
    },
    /// A phone puts one of its dots on an opportunity (`add`) or takes one back; accepted only
    /// while the dot vote is on screen.
    PhoneDot {
        phone: String,
        note: SnapshotNoteId,
        add: bool,
    },
}

/// What an applied command did, as its sender reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    /// Notes were added at `place` (e.g. "Group 2 · Teaming · Already using").
    Added { count: usize, place: String },
    /// Votes were recorded; the dimension's tally after them.
    Voted {
        count: u32,
        stage: String,
        dimension: String,
        counts: Vec<u32>,
        total: u32,
    },
    /// Hands were recorded for `mark` on the values check's `item`; the item's tally after them.
    Hands {
        count: u32,
        mark: String,
        item: String,
        counts: Vec<u32>,
        total: u32,
    },
    /// A phone's vote was recorded (`replaced`: it changed the phone's earlier vote); the
    /// dimension's tally after it.
    PhoneVoted {
        stage: String,
        dimension: String,
        replaced: bool,
        counts: Vec<u32>,
        total: u32,
    },
    /// A phone placed (`added`) or took back a dot: the dots now on the opportunity, everyone's,
    /// and the dots the phone has left.
    PhoneDotted {
        note: SnapshotNoteId,
        added: bool,
        dots: u32,
        left: u32,
    },
    /// A note's text was replaced.
    Edited { note: NoteId },
    /// A note went to the trash.
    Deleted { note: NoteId },
    /// This command had been applied and saved before (its applier stopped before answering);
    /// nothing was applied again.
    AlreadyApplied,
}

/// The answer an owner leaves for the sender of a command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Applied and on disk.
    Ok(Outcome),
    /// Refused, with the domain's message; nothing changed.
    Error(String),
}

/// A command applied: what to report, and the sticky-note changes made (for an undo history).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub outcome: Outcome,
    pub changes: Vec<Change>,
}

/// Why a command was refused; the session is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    #[error(
        "{0:?} is a Snapshot warm-up: add notes with --dimension N --heading strengths|opportunities|feasibility"
    )]
    StickyNoteOnSnapshot(String),
    #[error(
        "{0:?} is a {1} session: add notes with --group and --prompt (--dimension and --heading are for Snapshot warm-ups)"
    )]
    SnapshotNoteOnSticky(String, &'static str),
    #[error(
        "{0:?} is a {1} session, not a Snapshot warm-up (make one with: cpm-workshop new --activity snapshot)"
    )]
    NotSnapshot(String, &'static str),
    /// A rounds command for a session that runs another activity; says what to type instead.
    #[error("{0}")]
    WrongActivity(String),
    #[error("there is no note to add")]
    NoNotes,
    #[error("the trainer has moved on to another step: notes from the last one stay as shared")]
    MovedOn,
    #[error(transparent)]
    Edit(#[from] EditError),
    #[error(transparent)]
    Snapshot(#[from] SnapshotError),
    #[error(transparent)]
    Rounds(#[from] RoundsError),
}

impl Command {
    /// A command with the given unique id.
    pub fn new(id: String, change: CommandKind) -> Command {
        Command { id, change }
    }
}

/// Applies `command` to `session` at `now`, all or nothing: on an error nothing changed. A
/// command whose id the session already records is not applied again
/// ([`Outcome::AlreadyApplied`]). `activity` supplies a Snapshot record for a Snapshot session
/// that has none yet.
pub fn apply(
    session: &mut Session,
    command: &Command,
    activity: &SnapshotActivity,
    now: OffsetDateTime,
) -> Result<Applied, CommandError> {
    if was_applied(session, &command.id) {
        return Ok(Applied {
            outcome: Outcome::AlreadyApplied,
            changes: Vec::new(),
        });
    }
    // Made on a copy and kept only if every part succeeds, so a refused note in a batch leaves
    // the others unadded too and the sender can simply send the batch again.
    let mut draft = session.clone();
    let applied = apply_change(&mut draft, &command.change, activity, now)?;
    draft.applied_commands.push(command.id.clone());
    let excess = draft.applied_commands.len().saturating_sub(APPLIED_KEPT);
    draft.applied_commands.drain(..excess);
    draft.updated = now;
    *session = draft;
    Ok(applied)
}

/// Whether the session records command `id` as applied.
pub fn was_applied(session: &Session, id: &str) -> bool {
    session.applied_commands.iter().any(|done| done == id)
}

fn apply_change(
    session: &mut Session,
    change: &CommandKind,
    activity: &SnapshotActivity,
    now: OffsetDateTime,
) -> Result<Applied, CommandError> {
    let label = session.activity.label();
    match change {
        CommandKind::AddNotes {
            texts,
            group,
            category,
            prompt,
            initials,
            from_phone,
        } => {
            if session.activity == Activity::Snapshot {
                return Err(CommandError::StickyNoteOnSnapshot(session.name.clone()));
            }
            // Where the app's scribe input would put it (Session::placement), unless named.
            let mut placement = session.placement(*group, *prompt);
            if let Some(c) = category {
                placement.category = Some(c.clone());
            }
            let placement = session.validate_placement(placement)?;
            let arriving = session.arriving();
            let changes = each_text(texts, |text| {
                session.add_note(text, placement.clone(), initials.as_deref(), now)
            })?;
            let changes = if *from_phone {
                mark_from_phone(session, changes, arriving)
            } else {
                changes
            };
            let place = format!(
                "{} · {} · {}",
                session
                    .groups
                    .iter()
                    .find(|g| g.number == placement.group)
                    .map_or_else(|| format!("Group {}", placement.group), |g| g.label()),
                placement.category.as_deref().unwrap_or("Commitments"),
                placement.prompt.label()
            );
            Ok(Applied {
                outcome: Outcome::Added {
                    count: changes.len(),
                    place,
                },
                changes,
            })
        }
        CommandKind::AddSnapshotNotes {
            texts,
            dimension,
            heading,
        } => {
            if session.activity != Activity::Snapshot {
                return Err(CommandError::SnapshotNoteOnSticky(
                    session.name.clone(),
                    label,
                ));
            }
            let state = session.snapshot_mut(activity);
            let added = each_text(texts, |text| {
                state.add_note(text, *dimension, *heading, now)
            })?;
            let title = activity
                .heading(heading.id())
                .map_or(heading.id(), |h| h.title.as_str());
            let place = format!("{} · {title}", state.dimension_name(*dimension));
            Ok(Applied {
                outcome: Outcome::Added {
                    count: added.len(),
                    place,
                },
                changes: Vec::new(),
            })
        }
        CommandKind::EditNote { note, text, at } => {
            if session.position != *at {
                return Err(CommandError::MovedOn);
            }
            let mut changes = vec![session.edit_note(*note, text, now)?];
            // A new wording is not what the trainer approved: held again while they moderate.
            let approved = session
                .note(*note)
                .is_some_and(|n| n.from_phone && n.is_shown());
            if approved && session.moderation == super::Moderation::Queue {
                changes.push(session.set_visibility(*note, super::Visibility::Waiting, now)?);
            }
            Ok(Applied {
                outcome: Outcome::Edited { note: *note },
                changes,
            })
        }
        CommandKind::DeleteNote { note, at } => {
            if session.position != *at {
                return Err(CommandError::MovedOn);
            }
            let change = session.delete_note(*note, now)?;
            Ok(Applied {
                outcome: Outcome::Deleted { note: *note },
                changes: vec![change],
            })
        }
        CommandKind::Vote {
            dimension,
            stage,
            count,
        } => {
            if session.activity != Activity::Snapshot {
                return Err(CommandError::NotSnapshot(session.name.clone(), label));
            }
            let state = session.snapshot_mut(activity);
            state.vote(*dimension, *stage, *count)?;
            let tally = state.tally(*dimension);
            Ok(Applied {
                outcome: Outcome::Voted {
                    count: *count,
                    stage: state.scale.get(*stage).cloned().unwrap_or_default(),
                    dimension: state.dimension_name(*dimension).to_string(),
                    counts: tally.counts,
                    total: tally.total,
                },
                changes: Vec::new(),
            })
        }
        CommandKind::AddRoundNotes {
            texts,
            activity,
            item,
            group,
        } => super::round_commands::add_notes(session, *activity, texts, *item, *group, now),
        CommandKind::RoundHands { item, mark, count } => {
            super::round_commands::add_hands(session, *item, *mark, *count)
        }
        CommandKind::PhoneVote {
            phone,
            dimension,
            stage,
        } => {
            if session.activity != Activity::Snapshot {
                return Err(CommandError::NotSnapshot(session.name.clone(), label));
            }
            let state = session.snapshot_mut(activity);
            if state.voting_dimension() != Some(*dimension) {
                let name = match state.dimension_name(*dimension) {
                    "" => format!("dimension {}", dimension + 1),
                    name => name.to_string(),
                };
                return Err(SnapshotError::NotOnScreen(name).into());
            }
            let replaced = state.phone_vote(phone, *dimension, *stage)?;
            let tally = state.tally(*dimension);
            Ok(Applied {
                outcome: Outcome::PhoneVoted {
                    stage: state.scale.get(*stage).cloned().unwrap_or_default(),
                    dimension: state.dimension_name(*dimension).to_string(),
                    replaced: replaced.is_some(),
                    counts: tally.counts,
                    total: tally.total,
                },
                changes: Vec::new(),
            })
        }
        CommandKind::PhoneDot { phone, note, add } => {
            if session.activity != Activity::Snapshot {
                return Err(CommandError::NotSnapshot(session.name.clone(), label));
            }
            let state = session.snapshot_mut(activity);
            if !state.dot_vote_open() {
                return Err(SnapshotError::NotOnScreen("the dot vote".into()).into());
            }
            let dots = if *add {
                state.phone_add_dot(phone, *note)?
            } else {
                state.phone_remove_dot(phone, *note)?
            };
            Ok(Applied {
                outcome: Outcome::PhoneDotted {
                    note: *note,
                    added: *add,
                    dots,
                    left: state.phone_dots_left(phone),
                },
                changes: Vec::new(),
            })
        }
    }
}

/// Marks the notes just added as a phone's, waiting or shown as the session's moderation says;
/// the changes carry the marked notes, so undo and redo keep the mark.
fn mark_from_phone(
    session: &mut Session,
    changes: Vec<Change>,
    arriving: super::Visibility,
) -> Vec<Change> {
    changes
        .into_iter()
        .map(|change| match change {
            Change::Added(mut note) => {
                note.from_phone = true;
                note.visibility = arriving;
                if let Some(n) = session.notes.iter_mut().find(|n| n.id == note.id) {
                    *n = note.clone();
                }
                Change::Added(note)
            }
            other => other,
        })
        .collect()
}

/// Runs `add` on every text in order, stopping at the first refusal; refuses an empty batch.
pub(super) fn each_text<T, E>(
    texts: &[String],
    mut add: impl FnMut(&str) -> Result<T, E>,
) -> Result<Vec<T>, CommandError>
where
    CommandError: From<E>,
{
    if texts.is_empty() {
        return Err(CommandError::NoNotes);
    }
    texts
        .iter()
        .map(|t| add(t).map_err(CommandError::from))
        .collect()
}

impl From<Result<Applied, CommandError>> for Answer {
    fn from(result: Result<Applied, CommandError>) -> Answer {
        match result {
            Ok(applied) => Answer::Ok(applied.outcome),
            Err(e) => Answer::Error(e.to_string()),
        }
    }
}

#[cfg(test)]
#[path = "command_tests.rs"]
mod tests;
