//! The pages of the Snapshot warm-up in the order `n` walks them. Domain data, so the console,
//! the room view and exports agree on which page a session stands on.

use crate::content::{PlanStepId, SnapshotActivity};

/// One page of the warm-up, in the order `n` walks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// What the Snapshot is for (the Implementation Planning Guide's words).
    Intro,
    /// What the Implementation Planning Guide says about a dimension, the facilitation prompts and its notes.
    Dimension(usize),
    /// "Where are we now?" for a dimension: the room's show of hands as bars.
    Tally(usize),
    /// Every note in a column per heading, grouped by dimension.
    Analysis,
    /// Dot voting on the opportunities.
    Dots,
    /// Setting Priorities for Local Planning.
    Priorities,
    /// One of the planning steps after the priorities (the guide's Part 2 key decisions).
    Plan(PlanStepId),
    /// Per dimension the tally and notes, then the priorities.
    Summary,
}

/// Every page for a Snapshot with `dimensions` dimensions and these planning steps.
pub fn pages(dimensions: usize, plan_steps: &[PlanStepId]) -> Vec<Page> {
    let mut pages = vec![Page::Intro];
    for d in 0..dimensions {
        pages.push(Page::Dimension(d));
        pages.push(Page::Tally(d));
    }
    pages.extend([Page::Analysis, Page::Dots, Page::Priorities]);
    pages.extend(plan_steps.iter().map(|&s| Page::Plan(s)));
    pages.push(Page::Summary);
    pages
}

/// The planning steps of the activity's script, in order.
pub fn plan_steps(activity: &SnapshotActivity) -> Vec<PlanStepId> {
    activity.plan_script().steps.iter().map(|s| s.id).collect()
}

/// Every page of a Snapshot session run with `activity`.
pub fn pages_for(dimensions: usize, activity: &SnapshotActivity) -> Vec<Page> {
    pages(dimensions, &plan_steps(activity))
}

/// The page at index `page` (a saved position past the end means the last page).
pub fn page_at(dimensions: usize, activity: &SnapshotActivity, page: usize) -> Page {
    let pages = pages_for(dimensions, activity);
    pages[page.min(pages.len() - 1)]
}
