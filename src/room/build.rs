//! Builds the room's view from the open session, the content and what the presenter chose.
//! Pure: the same inputs give the same view, so the owner writes the file only when it changes.

use super::view::{
    Dotted, ROOM_VIEW_VERSION, RoomBehavior, RoomLine, RoomTally, RoomTimer, RoomView, Stage,
    Station, Wall, WallNote,
};
use crate::content::{
    Block, Category, Deck, PlanStepId, RoundStepKind, SnapshotActivity, StickyActivity,
};
use crate::workshop::plan::category_for;
use crate::workshop::rounds::RoundPage;
use crate::workshop::snapshot::SnapshotState;
use crate::workshop::snapshot::plan::date_text;
use crate::workshop::snapshot_pages::{Page, current, pages_for};
use crate::workshop::{Activity, HeadingId, Mode, Prompt, Session, StepKind};

/// Most notes on the wall; the newest are kept (a wall of hundreds is unreadable anyway).
pub const WALL_MAX_NOTES: usize = 120;

/// What the room view is made from.
#[derive(Debug, Clone, Copy)]
pub struct RoomSource<'a> {
    pub session: &'a Session,
    /// The session's deck, filtered for its role (`None` if it is not loaded).
    pub deck: Option<&'a Deck>,
    pub sticky: &'a StickyActivity,
    pub snapshot: &'a SnapshotActivity,
    /// The group the presenter follows (in a rotation, whose card the room sees).
    pub group: u32,
    /// What the presenter chose to show.
    pub choice: Presenter,
}

/// What the presenter chose about the room's screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Presenter {
    pub blank: bool,
    /// The behaviors page the presenter turned to; `None` lets projectors turn pages themselves.
    pub page: Option<usize>,
}

/// The room's view of `source` (text cleaned).
pub fn room_view(source: &RoomSource) -> RoomView {
    let s = source.session;
    let mut view = RoomView {
        version: ROOM_VIEW_VERSION,
        session: s.id.clone(),
        blank: source.choice.blank,
        activity: s.activity.label().to_string(),
        deck: String::new(),
        heading: String::new(),
        step: String::new(),
        place: String::new(),
        instruction: String::new(),
        text: Vec::new(),
        behaviors: Vec::new(),
        source: None,
        page: source.choice.page,
        timer: RoomTimer::of(&s.timer),
        stations: Vec::new(),
        wall: None,
        tallies: Vec::new(),
        dots: Vec::new(),
        priorities: Vec::new(),
        join: None,
    };
    match s.activity {
        Activity::Sticky => sticky(source, &mut view),
        Activity::Snapshot => snapshot(source, &mut view),
        Activity::Discussion | Activity::Values => rounds(source, &mut view),
    }
    view.cleaned()
}

/// A discussion or values check: the question or value on the page, the step's instruction, its
/// notes by group while the room shares, and the show of hands as bars on a mark page.
fn rounds(source: &RoomSource, view: &mut RoomView) {
    let s = source.session;
    let Some(r) = s.rounds.as_ref() else {
        return;
    };
    let pages = r.pages();
    let page = r.current_page();
    view.deck = r.title.clone();
    view.place = format!(
        "Page {} of {}",
        r.page.min(pages.len().saturating_sub(1)) + 1,
        pages.len()
    );
    view.source = Some(r.source.clone());
    let tally = |item: usize| {
        let t = r.tally(item);
        RoomTally {
            dimension: r.item_text(item).to_string(),
            stages: r
                .marks
                .iter()
                .enumerate()
                .map(|(i, label)| Stage {
                    label: label.clone(),
                    count: t.counts.get(i).copied().unwrap_or(0),
                    percent: t.percents.get(i).copied().unwrap_or(0),
                })
                .collect(),
            total: t.total,
        }
    };
    match page {
        RoundPage::Intro => {
            view.heading = r.title.clone();
            view.text = r.intro.clone();
        }
        RoundPage::Summary => {
            view.heading = r.title.clone();
            view.step = "Summary".to_string();
            if r.has_marks() {
                view.tallies = (0..r.items.len()).map(tally).collect();
            }
        }
        RoundPage::Step { item, step } => {
            view.heading = r.item_text(item).to_string();
            view.step = format!("{} {} of {}", r.item_word, item + 1, r.items.len());
            let Some(step) = r.steps.get(step) else {
                return;
            };
            view.step = format!("{} · {}", view.step, step.label);
            view.instruction = step.instruction.clone();
            match step.kind {
                RoundStepKind::Discuss => {}
                RoundStepKind::Share => {
                    let notes: Vec<WallNote> = r
                        .notes_on(item)
                        .into_iter()
                        .map(|n| WallNote {
                            by: group_name(s, n.group),
                            text: n.text.clone(),
                        })
                        .collect();
                    let more = notes.len().saturating_sub(WALL_MAX_NOTES);
                    view.wall = Some(Wall {
                        heading: step.label.clone(),
                        notes: notes.into_iter().skip(more).collect(),
                        more,
                    });
                }
                RoundStepKind::Mark => view.tallies = vec![tally(item)],
            }
        }
    }
}

/// A group as the room knows it: its name, or "Group N".
fn group_name(s: &Session, number: u32) -> String {
    s.groups
        .iter()
        .find(|g| g.number == number)
        .map_or_else(|| format!("Group {number}"), |g| g.label())
}

fn sticky(source: &RoomSource, view: &mut RoomView) {
    let s = source.session;
    let step = s.step();
    let script = source.sticky.step(step.kind);
    view.deck = source
        .deck
        .map_or_else(|| s.deck.clone(), |d| d.title.clone());
    view.step = script.label.clone();
    let Some(round) = step.round else {
        view.heading = match step.kind {
            StepKind::Commitment => "Commitment".to_string(),
            _ => "Wrap-up".to_string(),
        };
        view.place = "After the categories".to_string();
        view.instruction = script.instruction.clone();
        return;
    };
    let categories = s.categories.len();
    let index = s.category_index_for(source.group).unwrap_or(0);
    let name = s.categories.get(index).cloned().unwrap_or_default();
    let number = StepKind::PER_CATEGORY
        .iter()
        .position(|k| *k == step.kind)
        .map_or(0, |i| i + 1);
    view.place = match s.mode {
        Mode::Together => format!(
            "Category {} of {categories} · step {number} of 5",
            round + 1
        ),
        Mode::Rotation => format!("Round {} of {categories} · step {number} of 5", round + 1),
    };
    let card = source.deck.and_then(|d| d.category(&name).map(|c| (d, c)));
    let kind = card.map_or_else(Default::default, |(d, c)| d.kind_of(c));
    view.instruction = script.instruction(kind).to_string();
    view.heading = name;
    if let Some((deck, category)) = card {
        card_text(deck, category, view);
    }
    if s.mode == Mode::Rotation {
        view.stations = s
            .groups
            .iter()
            .map(|g| Station {
                group: g.label(),
                category: s.category_for(g.number).unwrap_or_default().to_string(),
            })
            .collect();
    }
    if matches!(step.kind, StepKind::ShareAlready | StepKind::ShareEnhance) {
        view.wall = Some(share_wall(s, round));
    }
}

/// The card's definition, behaviors and source. The card's `label:` line speaks to the trainer
/// (why the card reads as it does), so it stays on the console.
fn card_text(deck: &Deck, category: &Category, view: &mut RoomView) {
    view.text = category.intro.iter().map(block_text).collect();
    view.behaviors = category
        .behaviors
        .iter()
        .map(|b| RoomBehavior {
            number: b.number,
            title: b.title.clone(),
            lines: b
                .body
                .iter()
                .map(|block| RoomLine {
                    depth: 0,
                    marker: match block {
                        Block::Bullet(_) => "•".to_string(),
                        Block::Paragraph(_) => String::new(),
                    },
                    text: block_text(block),
                })
                .chain(b.items.iter().flat_map(|item| {
                    std::iter::once(RoomLine {
                        depth: 0,
                        marker: item.marker(),
                        text: item.text.clone(),
                    })
                    .chain(item.roles.iter().map(|r| RoomLine {
                        depth: 1,
                        marker: format!("{}.", r.numeral),
                        text: r.labelled_text(),
                    }))
                }))
                .collect(),
        })
        .collect();
    view.source = Some(
        category
            .source
            .clone()
            .unwrap_or_else(|| deck.source.clone()),
    );
}

fn block_text(block: &Block) -> String {
    match block {
        Block::Paragraph(t) | Block::Bullet(t) => t.clone(),
    }
}

/// The notes each group wrote for this round's prompt, on the card it works at.
fn share_wall(s: &Session, round: usize) -> Wall {
    let prompt = Prompt::for_step(s.step().kind);
    let notes: Vec<WallNote> = s
        .notes
        .iter()
        .filter(|n| n.placement.prompt == prompt)
        // A phone's note waiting for the trainer, or hidden by them, never reaches the room.
        .filter(|n| n.is_shown())
        .filter(|n| {
            let at = category_for(
                s.mode,
                n.placement.group.saturating_sub(1) as usize,
                round,
                s.categories.len(),
            );
            n.placement.category.as_deref() == s.categories.get(at).map(String::as_str)
        })
        .map(|n| WallNote {
            by: s
                .groups
                .iter()
                .find(|g| g.number == n.placement.group)
                .and_then(|g| g.name.clone())
                .unwrap_or_else(|| format!("Group {}", n.placement.group)),
            text: n.text.clone(),
        })
        .collect();
    let more = notes.len().saturating_sub(WALL_MAX_NOTES);
    Wall {
        heading: prompt.label().to_string(),
        notes: notes.into_iter().skip(more).collect(),
        more,
    }
}

fn snapshot(source: &RoomSource, view: &mut RoomView) {
    let s = source.session;
    let activity = source.snapshot;
    let st = SnapshotState::of(s, activity);
    let dims = st.dimensions.len();
    let all = pages_for(dims, activity);
    let (at, page) = current(&st, activity);
    let heading = |id: HeadingId| {
        activity
            .heading(id.id())
            .map_or_else(|| id.id().to_string(), |h| h.title.clone())
    };
    view.deck = activity.title.clone();
    view.place = format!("Page {} of {}", at + 1, all.len());
    match page {
        Page::Intro => {
            view.heading = activity.title.clone();
            view.step = "Where are we now?".to_string();
            view.text = activity.intro.clone();
            view.source = Some(activity.source.clone());
        }
        Page::Dimension(d) => {
            view.heading = st.dimension_name(d).to_string();
            view.step = format!("Dimension {} of {dims}", d + 1);
            if let Some(dim) = activity.dimensions.get(d) {
                view.text = dim.about.clone();
                view.source = Some(dim.source.clone());
            }
        }
        Page::Tally(d) => {
            view.heading = st.dimension_name(d).to_string();
            view.step = "Where are we now?".to_string();
            view.tallies = vec![tally(&st, d)];
        }
        Page::Analysis => {
            view.heading = "Scoring and Analysis".to_string();
            view.step = "Every note under its heading".to_string();
            let mut notes = Vec::new();
            for h in [
                HeadingId::Strengths,
                HeadingId::Opportunities,
                HeadingId::Feasibility,
            ] {
                let by = heading(h);
                for d in 0..dims {
                    notes.extend(st.notes_under(d, h).map(|n| WallNote {
                        by: by.clone(),
                        text: n.text.clone(),
                    }));
                }
            }
            let more = notes.len().saturating_sub(WALL_MAX_NOTES);
            view.wall = Some(Wall {
                heading: "Notes".to_string(),
                notes: notes.into_iter().take(WALL_MAX_NOTES).collect(),
                more,
            });
        }
        Page::Dots => {
            view.heading = heading(HeadingId::Opportunities);
            view.step = "Dot vote".to_string();
            view.dots = st
                .ranking()
                .into_iter()
                .filter_map(|r| {
                    st.note(r.id).map(|n| Dotted {
                        text: n.text.clone(),
                        dots: r.dots,
                    })
                })
                .collect();
        }
        Page::Priorities => {
            view.heading = activity
                .heading("priorities")
                .map_or_else(|| "Priorities".to_string(), |h| h.title.clone());
            view.step = "Our priorities".to_string();
            view.priorities = st.priorities().into_iter().map(|p| p.text).collect();
        }
        Page::Plan(step) => plan_page(&st, activity, step, view),
        Page::Summary => {
            view.heading = "Summary".to_string();
            view.step = activity.title.clone();
            view.tallies = (0..dims).map(|d| tally(&st, d)).collect();
            view.priorities = st.priorities().into_iter().map(|p| p.text).collect();
        }
    }
}

/// A planning page: the guide's question, and what the team has decided so far under it, each
/// decision by the priority it belongs to.
fn plan_page(
    st: &SnapshotState,
    activity: &SnapshotActivity,
    step: PlanStepId,
    view: &mut RoomView,
) {
    let script = activity.plan_script();
    let n = script
        .steps
        .iter()
        .position(|s| s.id == step)
        .map_or(0, |i| i + 1);
    view.heading = script.question(step).to_string();
    view.step = format!("Planning, step {n} of {}", script.steps.len());
    view.source = Some(script.step(step).source.clone());
    let mut notes = Vec::new();
    if step == PlanStepId::Horizon {
        notes.extend(st.plan.horizon.iter().map(|h| WallNote {
            by: "Planning horizon".to_string(),
            text: h.clone(),
        }));
    }
    for priority in st.priorities() {
        let Some(plan) = st.plan.for_priority(&priority) else {
            continue;
        };
        let note = |text: String| WallNote {
            by: priority.text.clone(),
            text,
        };
        match step {
            PlanStepId::Horizon => {}
            PlanStepId::Success => notes.extend(plan.success.clone().map(note)),
            PlanStepId::Monitor => notes.extend(plan.monitor.map(date_text).map(note)),
            PlanStepId::Support => notes.extend(plan.support.clone().map(note)),
            PlanStepId::Actions => notes.extend(plan.actions.iter().map(|a| {
                note(format!(
                    "{} · who: {} · by when: {}",
                    a.text,
                    a.who.as_deref().unwrap_or("—"),
                    a.by.map(date_text).unwrap_or_else(|| "—".to_string())
                ))
            })),
        }
    }
    view.priorities = st.priorities().into_iter().map(|p| p.text).collect();
    let more = notes.len().saturating_sub(WALL_MAX_NOTES);
    view.wall = Some(Wall {
        heading: "Our decisions".to_string(),
        notes: notes.into_iter().take(WALL_MAX_NOTES).collect(),
        more,
    });
}

fn tally(st: &SnapshotState, dimension: usize) -> RoomTally {
    let t = st.tally(dimension);
    RoomTally {
        dimension: st.dimension_name(dimension).to_string(),
        stages: st
            .scale
            .iter()
            .enumerate()
            .map(|(i, label)| Stage {
                label: label.clone(),
                count: t.counts.get(i).copied().unwrap_or(0),
                percent: t.percents.get(i).copied().unwrap_or(0),
            })
            .collect(),
        total: t.total,
    }
}

#[cfg(test)]
#[path = "build_tests.rs"]
mod tests;
