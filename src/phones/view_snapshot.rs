//! What a Snapshot warm-up puts before phones: the dimension whose stages the room votes on, or
//! the dot vote with its opportunities. The phones' choices travel with it but are never
//! published: each phone is shown only its own ([`SnapshotView::choices`]), found by its key.

use crate::workshop::SnapshotState;
use crate::workshop::snapshot::{HeadingId, PhoneDots, PhoneVote, SnapshotNoteId};
use serde::Serialize;

/// The Snapshot page as phones see it. Dimensions and stages are 1-based, as people read them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(tag = "page", rename_all = "snake_case")]
pub enum SnapshotView {
    /// "Where are we now?" for a dimension: one stage per phone.
    Stages {
        dimension: usize,
        name: String,
        stages: Vec<String>,
    },
    /// Dots on the opportunities, at most `per_person` from each phone.
    Dots {
        per_person: u32,
        items: Vec<DotItem>,
    },
    /// Any other page: nothing to vote on.
    #[default]
    Other,
}

/// An opportunity in the dot vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DotItem {
    pub id: SnapshotNoteId,
    pub text: String,
    pub dimension: String,
}

/// Every phone's choices on the page on screen (kept by the server, never sent as they are).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ballots {
    pub votes: Vec<PhoneVote>,
    pub dots: Vec<PhoneDots>,
}

/// One phone's own choices on the page on screen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Choices {
    /// The stage it chose (1-based), on a dimension's page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<usize>,
    /// Its dots per opportunity, on the dot vote (only those with a dot).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dots: Vec<MyDots>,
    /// Dots it may still place, on the dot vote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dots_left: Option<u32>,
}

/// A phone's dots on one opportunity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MyDots {
    pub item: SnapshotNoteId,
    pub dots: u32,
}

impl SnapshotView {
    /// The page on screen in `state`, and the phones' choices on it.
    pub fn of(state: &SnapshotState) -> (SnapshotView, Ballots) {
        if let Some(d) = state.voting_dimension() {
            let ballots = Ballots {
                votes: state
                    .phone_votes
                    .iter()
                    .filter(|v| v.dimension == d)
                    .cloned()
                    .collect(),
                dots: Vec::new(),
            };
            let view = SnapshotView::Stages {
                dimension: d + 1,
                name: state.dimension_name(d).to_string(),
                stages: state.scale.clone(),
            };
            return (view, ballots);
        }
        if state.dot_vote_open() {
            let mut items: Vec<DotItem> = state
                .notes
                .iter()
                .filter(|n| n.heading == HeadingId::Opportunities)
                .map(|n| DotItem {
                    id: n.id,
                    text: n.text.clone(),
                    dimension: state.dimension_name(n.dimension).to_string(),
                })
                .collect();
            // The order written, as on the trainer's dot-vote page.
            items.sort_by_key(|i| i.id);
            let ballots = Ballots {
                votes: Vec::new(),
                dots: state
                    .phone_dots
                    .iter()
                    .filter(|d| items.iter().any(|i| i.id == d.note))
                    .cloned()
                    .collect(),
            };
            let view = SnapshotView::Dots {
                per_person: state.dots_per_person,
                items,
            };
            return (view, ballots);
        }
        (SnapshotView::Other, Ballots::default())
    }

    /// The choices of the phone whose key is `voter`.
    pub fn choices(&self, ballots: &Ballots, voter: &str) -> Choices {
        match self {
            SnapshotView::Stages { .. } => Choices {
                stage: ballots
                    .votes
                    .iter()
                    .find(|v| v.phone == voter)
                    .map(|v| v.stage + 1),
                ..Choices::default()
            },
            SnapshotView::Dots { per_person, .. } => {
                let dots: Vec<MyDots> = ballots
                    .dots
                    .iter()
                    .filter(|d| d.phone == voter && d.dots > 0)
                    .map(|d| MyDots {
                        item: d.note,
                        dots: d.dots,
                    })
                    .collect();
                let spent = dots.iter().fold(0u32, |a, d| a.saturating_add(d.dots));
                Choices {
                    dots_left: Some(per_person.saturating_sub(spent)),
                    dots,
                    ..Choices::default()
                }
            }
            SnapshotView::Other => Choices::default(),
        }
    }
}

/// A short name for what a phone's page shows, sent with each change so open pages reload when
/// the Snapshot moves to another page or an opportunity joins the dot vote (the step's position
/// does not change then).
pub fn screen(view: &super::PhoneView) -> String {
    match &view.snapshot {
        Some(SnapshotView::Stages { dimension, .. }) => format!("stages-{dimension}"),
        Some(SnapshotView::Dots { items, .. }) => format!("dots-{}", items.len()),
        Some(SnapshotView::Other) => "other".into(),
        None => String::new(),
    }
}

impl Choices {
    /// This phone's dots on `item`.
    pub fn dots_on(&self, item: SnapshotNoteId) -> u32 {
        self.dots
            .iter()
            .find(|d| d.item == item)
            .map_or(0, |d| d.dots)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::snapshot::SnapshotPage;
    use time::macros::datetime;

    fn state() -> SnapshotState {
        SnapshotState::new(
            vec!["Workforce Development".into(), "Using Data".into()],
            vec!["started".into(), "progress".into(), "underway".into()],
            2,
            3,
        )
    }

    #[test]
    fn a_phone_sees_the_dimension_on_screen_and_only_its_own_vote() {
        let mut s = state();
        s.set_page(SnapshotPage::Tally(1));
        s.phone_vote("mine", 1, 2).unwrap();
        s.phone_vote("other", 1, 0).unwrap();
        s.phone_vote("mine", 0, 0).unwrap();
        let (view, ballots) = SnapshotView::of(&s);
        assert_eq!(
            view,
            SnapshotView::Stages {
                dimension: 2,
                name: "Using Data".into(),
                stages: s.scale.clone(),
            }
        );
        assert_eq!(view.choices(&ballots, "mine").stage, Some(3));
        assert_eq!(view.choices(&ballots, "other").stage, Some(1));
        assert_eq!(view.choices(&ballots, "new").stage, None);
        let published = serde_json::to_string(&view).unwrap();
        assert!(!published.contains("mine") && !published.contains("other"));
    }

    #[test]
    fn a_phone_sees_the_opportunities_and_its_own_dots_left() {
        let t = datetime!(2026-11-23 09:00 UTC);
        let mut s = state();
        let a = s
            .add_note("Coaching", 0, HeadingId::Opportunities, t)
            .unwrap();
        s.add_note("Strong team", 0, HeadingId::Strengths, t)
            .unwrap();
        s.phone_add_dot("mine", a).unwrap();
        s.phone_add_dot("other", a).unwrap();
        s.phone_add_dot("other", a).unwrap();
        assert_eq!(SnapshotView::of(&s).0, SnapshotView::Other);
        s.set_page(SnapshotPage::Dots);
        let (view, ballots) = SnapshotView::of(&s);
        let SnapshotView::Dots { per_person, items } = &view else {
            panic!("{view:?}")
        };
        assert_eq!(*per_person, 2);
        assert_eq!(items.len(), 1, "strengths are not dot-voted");
        assert_eq!(items[0].text, "Coaching");
        let mine = view.choices(&ballots, "mine");
        assert_eq!((mine.dots_on(a), mine.dots_left), (1, Some(1)));
        let other = view.choices(&ballots, "other");
        assert_eq!((other.dots_on(a), other.dots_left), (2, Some(0)));
    }
}
