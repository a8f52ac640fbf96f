//! The pages of the Snapshot warm-up in the order `n` walks them, as the console, the room view
//! and the jump list need them: the domain's [`SnapshotPage`] list for a session's activity, and
//! where the session stands in it.

use crate::content::{PlanStepId, SnapshotActivity};
use crate::workshop::snapshot::SnapshotState;

pub use crate::workshop::snapshot::{SnapshotPage as Page, pages};

/// The planning steps of the activity's script, in order.
pub fn plan_steps(activity: &SnapshotActivity) -> Vec<PlanStepId> {
    activity.plan_script().steps.iter().map(|s| s.id).collect()
}

/// Every page of a Snapshot session run with `activity`.
pub fn pages_for(dimensions: usize, activity: &SnapshotActivity) -> Vec<Page> {
    pages(dimensions, &plan_steps(activity))
}

/// The page the session stands on, and its place (0-based) among [`pages_for`].
pub fn current(st: &SnapshotState, activity: &SnapshotActivity) -> (usize, Page) {
    let page = st.page(&plan_steps(activity));
    let at = pages_for(st.dimensions.len(), activity)
        .iter()
        .position(|p| *p == page)
        .unwrap_or(0);
    (at, page)
}
