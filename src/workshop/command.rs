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

/// What a command asks for. Numbers are as stored (dimensions and stages 0-based).
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
    #[error("there is no note to add")]
    NoNotes,
    #[error("the trainer has moved on to another step: notes from the last one stay as shared")]
    MovedOn,
    #[error(transparent)]
    Edit(#[from] EditError),
    #[error(transparent)]
    Snapshot(#[from] SnapshotError),
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
fn each_text<T, E>(
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
mod tests {
    use super::*;
    use crate::workshop::session::tests::{T0, session, sid};
    use crate::workshop::snapshot::SnapshotState;
    use time::Duration;

    fn activity() -> SnapshotActivity {
        crate::content::embedded::snapshot()
    }

    fn snapshot_session() -> Session {
        let spec = SnapshotState::session_spec("Leaders", &activity());
        Session::new(sid("s2"), spec, T0).unwrap()
    }

    fn add(id: &str, texts: &[&str], group: u32, category: Option<&str>) -> Command {
        Command::new(
            id.into(),
            CommandKind::AddNotes {
                texts: texts.iter().map(|t| t.to_string()).collect(),
                group,
                category: category.map(String::from),
                prompt: Prompt::Already,
                initials: Some(" JR\u{1b}[2J ".into()),
                from_phone: false,
            },
        )
    }

    #[test]
    fn adds_notes_cleaned_at_the_groups_category_now() {
        let mut s = session();
        s.go_to(5, T0); // round 1: rotation puts group 2 at Assessment
        let later = T0 + Duration::minutes(3);
        let applied = apply(
            &mut s,
            &add("c1", &["one\u{1b}[31m", "two"], 2, None),
            &activity(),
            later,
        )
        .unwrap();
        assert_eq!(
            applied.outcome,
            Outcome::Added {
                count: 2,
                place: "Group 2 · Assessment · Already using".into()
            }
        );
        assert_eq!(applied.changes.len(), 2);
        let texts: Vec<_> = s.notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["one", "two"]);
        assert_eq!(s.notes[0].initials.as_deref(), Some("JR"));
        assert_eq!(s.updated, later);
        assert_eq!(s.applied_commands, ["c1"]);
    }

    #[test]
    fn a_refused_note_leaves_the_whole_batch_unadded() {
        let mut s = session();
        let before = s.clone();
        let err = apply(
            &mut s,
            &add("c1", &["fine", "\u{1b}[2J "], 1, Some("Teaming")),
            &activity(),
            T0,
        )
        .unwrap_err();
        assert_eq!(err, CommandError::Edit(EditError::Empty));
        assert_eq!(s, before, "nothing added, id not recorded");
        let err = apply(
            &mut s,
            &add("c2", &["x"], 9, Some("Teaming")),
            &activity(),
            T0,
        );
        assert_eq!(
            err.unwrap_err().to_string(),
            EditError::NoSuchGroup(9, 4).to_string()
        );
        assert_eq!(
            apply(&mut s, &add("c3", &[], 1, Some("Teaming")), &activity(), T0),
            Err(CommandError::NoNotes)
        );
        assert_eq!(s, before);
    }

    #[test]
    fn a_command_applied_before_is_never_applied_twice() {
        let mut s = session();
        let c = add("c1", &["once"], 1, Some("Teaming"));
        apply(&mut s, &c, &activity(), T0).unwrap();
        // As if the applier died after saving: the same command, found again, after reloading.
        let mut reloaded: Session =
            serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        let again = apply(&mut reloaded, &c, &activity(), T0).unwrap();
        assert_eq!(again.outcome, Outcome::AlreadyApplied);
        assert_eq!(reloaded.notes.len(), 1);
    }

    #[test]
    fn the_applied_list_keeps_only_the_newest_ids() {
        let mut s = session();
        for n in 0..APPLIED_KEPT + 5 {
            apply(
                &mut s,
                &add(&format!("c{n}"), &["x"], 1, Some("Teaming")),
                &activity(),
                T0,
            )
            .unwrap();
        }
        assert_eq!(s.applied_commands.len(), APPLIED_KEPT);
        assert_eq!(s.applied_commands[0], "c5");
        assert!(was_applied(&s, &format!("c{}", APPLIED_KEPT + 4)));
        assert!(!was_applied(&s, "c4"));
    }

    #[test]
    fn snapshot_notes_and_votes_go_to_the_snapshot_record() {
        let mut s = snapshot_session();
        let note = Command::new(
            "n1".into(),
            CommandKind::AddSnapshotNotes {
                texts: vec!["Data\u{7} team".into()],
                dimension: 2,
                heading: HeadingId::Opportunities,
            },
        );
        let out = apply(&mut s, &note, &activity(), T0).unwrap().outcome;
        let Outcome::Added { count: 1, place } = out else {
            panic!("{out:?}")
        };
        assert!(place.starts_with("Using Data"), "{place}");
        let state = s.snapshot.as_ref().unwrap();
        assert_eq!(state.notes[0].text, "Data team");
        let vote = |id: &str, stage| {
            Command::new(
                id.into(),
                CommandKind::Vote {
                    dimension: 0,
                    stage,
                    count: 2,
                },
            )
        };
        apply(&mut s, &vote("v1", 1), &activity(), T0).unwrap();
        let out = apply(&mut s, &vote("v2", 2), &activity(), T0)
            .unwrap()
            .outcome;
        assert_eq!(
            out,
            Outcome::Voted {
                count: 2,
                stage: "well underway".into(),
                dimension: "Organization and Leadership".into(),
                counts: vec![0, 2, 2],
                total: 4,
            }
        );
        let err = apply(&mut s, &vote("v3", 7), &activity(), T0).unwrap_err();
        assert!(matches!(
            err,
            CommandError::Snapshot(SnapshotError::NoSuchStage(8, 3, _))
        ));
        assert_eq!(s.snapshot.as_ref().unwrap().tally(0).total, 4);
    }

    #[test]
    fn commands_for_the_other_activity_are_refused_by_name() {
        let mut sticky = session();
        let vote = Command::new(
            "v".into(),
            CommandKind::Vote {
                dimension: 0,
                stage: 0,
                count: 1,
            },
        );
        let err = apply(&mut sticky, &vote, &activity(), T0).unwrap_err();
        assert!(
            err.to_string()
                .contains("\"Tuesday cohort\" is a Sticky-note"),
            "{err}"
        );
        let mut snap = snapshot_session();
        let err = apply(&mut snap, &add("a", &["x"], 1, None), &activity(), T0).unwrap_err();
        assert!(err.to_string().contains("--dimension N --heading"), "{err}");
        assert!(snap.applied_commands.is_empty());
    }

    #[test]
    fn a_note_is_edited_or_deleted_only_at_the_step_it_was_added() {
        let mut s = session();
        s.go_to(1, T0);
        apply(
            &mut s,
            &add("a", &["first"], 1, Some("Teaming")),
            &activity(),
            T0,
        )
        .unwrap();
        let id = s.notes[0].id;
        let edit = |cid: &str, at| {
            Command::new(
                cid.into(),
                CommandKind::EditNote {
                    note: id,
                    text: "second <b>".into(),
                    at,
                },
            )
        };
        let out = apply(&mut s, &edit("e1", 1), &activity(), T0).unwrap();
        assert_eq!(out.outcome, Outcome::Edited { note: id });
        assert_eq!(s.notes[0].text, "second <b>");
        s.go_to(2, T0);
        assert_eq!(
            apply(&mut s, &edit("e2", 1), &activity(), T0),
            Err(CommandError::MovedOn)
        );
        let delete =
            |cid: &str, at| Command::new(cid.into(), CommandKind::DeleteNote { note: id, at });
        assert_eq!(
            apply(&mut s, &delete("d1", 1), &activity(), T0),
            Err(CommandError::MovedOn)
        );
        let out = apply(&mut s, &delete("d2", 2), &activity(), T0).unwrap();
        assert_eq!(out.outcome, Outcome::Deleted { note: id });
        assert!(s.notes.is_empty());
        assert_eq!(s.trash.len(), 1);
        assert!(apply(&mut s, &delete("d3", 2), &activity(), T0).is_err());
    }

    fn from_phone(id: &str, text: &str) -> Command {
        let mut c = add(id, &[text], 1, Some("Teaming"));
        if let CommandKind::AddNotes { from_phone, .. } = &mut c.change {
            *from_phone = true;
        }
        c
    }

    #[test]
    fn a_phones_note_waits_for_the_trainer_only_while_they_hold_phones_notes() {
        use crate::workshop::{Moderation, Visibility};
        let mut s = session();
        apply(&mut s, &from_phone("p1", "at once"), &activity(), T0).unwrap();
        apply(
            &mut s,
            &add("c1", &["scribe"], 1, Some("Teaming")),
            &activity(),
            T0,
        )
        .unwrap();
        s.moderation = Moderation::Queue;
        let applied = apply(&mut s, &from_phone("p2", "held"), &activity(), T0).unwrap();
        apply(
            &mut s,
            &add("c2", &["scribe, held?"], 1, Some("Teaming")),
            &activity(),
            T0,
        )
        .unwrap();
        let marks: Vec<_> = s
            .notes
            .iter()
            .map(|n| (n.from_phone, n.visibility))
            .collect();
        assert_eq!(
            marks,
            [
                (true, Visibility::Shown),
                (false, Visibility::Shown),
                (true, Visibility::Waiting),
                (false, Visibility::Shown),
            ],
            "only phones' notes are held"
        );
        // Undo and redo bring back the note as it arrived, still waiting.
        let mut h = crate::workshop::History::default();
        h.record(applied.changes[0].clone());
        h.undo(&mut s, T0);
        assert_eq!(s.notes.len(), 3);
        h.redo(&mut s, T0);
        assert_eq!(s.notes[3].visibility, Visibility::Waiting);
        assert_eq!(s.notes[3].text, "held");
    }

    #[test]
    fn a_phones_edit_to_an_approved_note_goes_back_to_the_queue() {
        use crate::workshop::{Moderation, Visibility};
        let mut s = session();
        s.moderation = Moderation::Queue;
        apply(&mut s, &from_phone("p1", "fine"), &activity(), T0).unwrap();
        let id = s.notes[0].id;
        s.approve_note(id, T0).unwrap();
        let edit = Command::new(
            "e1".into(),
            CommandKind::EditNote {
                note: id,
                text: "not fine".into(),
                at: s.position,
            },
        );
        let applied = apply(&mut s, &edit, &activity(), T0).unwrap();
        assert_eq!(s.notes[0].visibility, Visibility::Waiting);
        assert_eq!(
            applied.changes.len(),
            2,
            "the edit and the hold, undone together"
        );
        s.moderation = Moderation::ShowAtOnce;
        s.approve_note(id, T0).unwrap();
        let edit = Command::new(
            "e2".into(),
            CommandKind::EditNote {
                note: id,
                text: "fine again".into(),
                at: s.position,
            },
        );
        apply(&mut s, &edit, &activity(), T0).unwrap();
        assert!(s.notes[0].is_shown(), "shown at once means edits too");
    }

    #[test]
    fn a_phones_vote_and_dots_count_once_and_only_while_on_screen() {
        use crate::workshop::snapshot::SnapshotPage;
        let mut s = snapshot_session();
        let phone_vote = |id: &str, dimension, stage| {
            Command::new(
                id.into(),
                CommandKind::PhoneVote {
                    phone: "p1".into(),
                    dimension,
                    stage,
                },
            )
        };
        let err = apply(&mut s, &phone_vote("v0", 0, 1), &activity(), T0).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the trainer has moved on: Organization and Leadership is not being voted on now"
        );
        s.snapshot_mut(&activity()).set_page(SnapshotPage::Tally(0));
        apply(&mut s, &phone_vote("v1", 0, 1), &activity(), T0).unwrap();
        let out = apply(&mut s, &phone_vote("v2", 0, 2), &activity(), T0)
            .unwrap()
            .outcome;
        assert_eq!(
            out,
            Outcome::PhoneVoted {
                stage: "well underway".into(),
                dimension: "Organization and Leadership".into(),
                replaced: true,
                counts: vec![0, 0, 1],
                total: 1,
            }
        );
        let again = apply(&mut s, &phone_vote("v1", 0, 1), &activity(), T0).unwrap();
        assert_eq!(again.outcome, Outcome::AlreadyApplied);
        assert_eq!(s.snapshot.as_ref().unwrap().tally(0).counts, [0, 0, 1]);

        let add_note = Command::new(
            "n".into(),
            CommandKind::AddSnapshotNotes {
                texts: vec!["Peer mentors".into()],
                dimension: 1,
                heading: HeadingId::Opportunities,
            },
        );
        apply(&mut s, &add_note, &activity(), T0).unwrap();
        let note = s.snapshot.as_ref().unwrap().notes[0].id;
        let dot = |id: &str, add| {
            Command::new(
                id.into(),
                CommandKind::PhoneDot {
                    phone: "p1".into(),
                    note,
                    add,
                },
            )
        };
        assert!(matches!(
            apply(&mut s, &dot("d0", true), &activity(), T0),
            Err(CommandError::Snapshot(SnapshotError::NotOnScreen(_)))
        ));
        s.snapshot_mut(&activity()).set_page(SnapshotPage::Dots);
        assert!(matches!(
            apply(&mut s, &phone_vote("v3", 0, 0), &activity(), T0),
            Err(CommandError::Snapshot(SnapshotError::NotOnScreen(_)))
        ));
        let per = s.snapshot.as_ref().unwrap().dots_per_person;
        for n in 0..per {
            apply(&mut s, &dot(&format!("d{}", n + 1), true), &activity(), T0).unwrap();
        }
        assert_eq!(
            apply(&mut s, &dot("over", true), &activity(), T0),
            Err(CommandError::Snapshot(SnapshotError::PhoneNoDotsLeft(per)))
        );
        let out = apply(&mut s, &dot("back", false), &activity(), T0)
            .unwrap()
            .outcome;
        assert_eq!(
            out,
            Outcome::PhoneDotted {
                note,
                added: false,
                dots: per - 1,
                left: 1,
            }
        );
        assert_eq!(
            apply(&mut s, &dot("d1", true), &activity(), T0)
                .unwrap()
                .outcome,
            Outcome::AlreadyApplied
        );
        let st = s.snapshot.as_ref().unwrap();
        assert_eq!(st.dots_on(&st.notes[0]), per - 1);
    }

    #[test]
    fn commands_and_answers_survive_json() {
        let c = add("c1", &["é 😀"], 1, None);
        let back: Command = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(back, c);
        let a = Answer::Ok(Outcome::AlreadyApplied);
        let back: Answer = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
        assert_eq!(back, a);
    }
}
