//! What phones see of the session: the step, its instruction and prompt, each group's category
//! with its behaviors, and the notes (for each phone to find its own). Built by the app from the
//! open session after every change; plain data, so the server never touches the session.

use super::view_snapshot::{Ballots, SnapshotView};
use crate::content::{Deck, StickyActivity};
use crate::workshop::{Activity, NoteId, Prompt, Session, StepKind};
use serde::Serialize;

/// The room as phones see it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PhoneView {
    /// Whether a session is open (phones wait otherwise).
    pub open: bool,
    pub session: String,
    /// The step's place in the run: notes may be changed only while it stays the same.
    pub position: usize,
    /// "Brainstorm: already using".
    pub step: String,
    pub instruction: String,
    /// The prompt notes go under now; `None` while notes are not taken (reading, wrap-up, a
    /// Snapshot warm-up).
    pub prompt: Option<PromptView>,
    pub groups: Vec<GroupView>,
    #[serde(skip)]
    pub notes: Vec<NoteView>,
    /// What a Snapshot warm-up puts before phones; `None` for the sticky-note activity.
    pub snapshot: Option<SnapshotView>,
    /// Every phone's votes and dots on that page (each phone is shown only its own).
    #[serde(skip)]
    pub ballots: Ballots,
}

/// A prompt as phones see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PromptView {
    pub id: &'static str,
    pub label: &'static str,
}

/// A group, with the category it works on at this step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupView {
    pub number: u32,
    pub label: String,
    pub category: Option<String>,
    /// "1. Title" for each behavior on the group's card.
    pub behaviors: Vec<String>,
    /// Where the group works this round, in rotation mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub station: Option<super::station::StationView>,
}

/// A note in the session (phones are shown only their own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteView {
    pub id: NoteId,
    pub group: u32,
    pub text: String,
    /// Written for the commitment step (its writer keeps seeing it).
    pub commitment: bool,
    /// Whether the room's screen shows it (its writer is told when it does not).
    pub visibility: crate::workshop::Visibility,
}

impl PhoneView {
    /// The view of `session` with its deck and the activity script.
    pub fn of(session: &Session, deck: Option<&Deck>, script: &StickyActivity) -> PhoneView {
        let step = session.step();
        let kind_of_deck = deck.map(|d| d.kind).unwrap_or_default();
        let takes_notes = session.activity == Activity::Sticky
            && !matches!(step.kind, StepKind::Read | StepKind::WrapUp);
        let prompt = Prompt::for_step(step.kind);
        let groups = session
            .groups
            .iter()
            .map(|g| {
                let category = session
                    .category_index_for(g.number)
                    .and_then(|i| session.categories.get(i))
                    .cloned();
                let behaviors = category
                    .as_deref()
                    .and_then(|name| deck.and_then(|d| d.category(name)))
                    .map(|c| {
                        c.behaviors
                            .iter()
                            .map(|b| format!("{}. {}", b.number, b.title))
                            .collect()
                    })
                    .unwrap_or_default();
                GroupView {
                    number: g.number,
                    label: g.label(),
                    category,
                    behaviors,
                    station: super::station::station_of(session, g.number),
                }
            })
            .collect();
        let script = script.step(step.kind);
        let (snapshot, ballots) = match (&session.activity, &session.snapshot) {
            (Activity::Snapshot, Some(state)) => {
                let (view, ballots) = SnapshotView::of(state);
                (Some(view), ballots)
            }
            (Activity::Snapshot, None) => (Some(SnapshotView::Other), Ballots::default()),
            _ => (None, Ballots::default()),
        };
        // A Snapshot warm-up has no groups, steps or cards for phones: only its votes.
        let (groups, step_label, instruction) = if snapshot.is_some() {
            (Vec::new(), "Snapshot".to_string(), String::new())
        } else {
            (
                groups,
                script.label.clone(),
                script.instruction(kind_of_deck).to_string(),
            )
        };
        PhoneView {
            open: true,
            session: session.name.clone(),
            position: session.position,
            step: step_label,
            instruction,
            prompt: takes_notes.then_some(PromptView {
                id: prompt.id(),
                label: prompt.label(),
            }),
            groups,
            notes: session
                .notes
                .iter()
                .map(|n| NoteView {
                    id: n.id,
                    group: n.placement.group,
                    text: n.text.clone(),
                    commitment: n.placement.prompt == Prompt::Commitment,
                    visibility: n.visibility,
                })
                .collect(),
            snapshot,
            ballots,
        }
    }

    /// The group numbered `number`.
    pub fn group(&self, number: u32) -> Option<&GroupView> {
        self.groups.iter().find(|g| g.number == number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;
    use crate::workshop::session::tests::{T0, session};

    #[test]
    fn the_view_follows_the_step_and_each_groups_category() {
        let library = Library::shipped();
        let mut s = session();
        let deck = library.deck(&s.deck);
        let read = PhoneView::of(&s, deck, &library.sticky);
        assert!(read.open);
        assert_eq!(read.prompt, None, "no notes while reading");
        s.go_to(5 + 1, T0); // round 1, brainstorm
        let v = PhoneView::of(&s, deck, &library.sticky);
        assert_eq!(v.position, 6);
        assert_eq!(v.prompt.as_ref().map(|p| p.id), Some("already"));
        let g2 = v.group(2).unwrap();
        assert_eq!(g2.category.as_deref(), Some("Assessment"));
        assert!(
            g2.behaviors.is_empty(),
            "the shipped deck leaves it to fill"
        );
        let g1 = v.group(1).unwrap();
        assert_eq!(g1.category.as_deref(), Some("Engagement"));
        assert!(
            g1.behaviors.first().is_some_and(|b| b
                .split_once(". ")
                .is_some_and(|(n, _)| n.parse::<u32>().is_ok())),
            "{g1:?}"
        );
    }
}
