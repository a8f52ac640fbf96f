//! The pages of the Snapshot warm-up and which one the facilitator is on. The file saves what
//! the page is ("the tally of dimension 2"), not where it sits in the list, so a page added in a
//! later version does not reopen old sessions somewhere else.

use super::SnapshotState;
use crate::content::PlanStepId;
use serde::{Deserialize, Serialize};

/// One page of the warm-up, in the order `n` walks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SnapshotPage {
    /// What the Snapshot is for (the Implementation Planning Guide's words).
    Intro,
    /// What the Implementation Planning Guide says about a dimension, the facilitation prompts
    /// and its notes.
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
pub fn pages(dimensions: usize, plan_steps: &[PlanStepId]) -> Vec<SnapshotPage> {
    let mut pages = vec![SnapshotPage::Intro];
    for d in 0..dimensions {
        pages.push(SnapshotPage::Dimension(d));
        pages.push(SnapshotPage::Tally(d));
    }
    pages.extend([
        SnapshotPage::Analysis,
        SnapshotPage::Dots,
        SnapshotPage::Priorities,
    ]);
    pages.extend(plan_steps.iter().map(|&s| SnapshotPage::Plan(s)));
    pages.push(SnapshotPage::Summary);
    pages
}

/// The page as saved in a session file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SavedPage {
    /// What the page is (what this version writes).
    Page(SnapshotPage),
    /// Files written before issue 18: the page's position in [`pages`]' list as it was then,
    /// before the planning pages (which shifted the summary: the very thing this type avoids).
    Position(usize),
}

impl Default for SavedPage {
    fn default() -> SavedPage {
        SavedPage::Page(SnapshotPage::Intro)
    }
}

impl SnapshotState {
    /// The page the facilitator is on, among pages with these planning steps; a page this
    /// session does not have (a hand-edited file) is the intro, a position past the end the
    /// summary.
    pub fn page(&self, plan_steps: &[PlanStepId]) -> SnapshotPage {
        match self.page {
            SavedPage::Page(page) if pages(self.dimensions.len(), plan_steps).contains(&page) => {
                page
            }
            SavedPage::Page(_) => SnapshotPage::Intro,
            SavedPage::Position(at) => {
                let then = pages(self.dimensions.len(), &[]);
                then[at.min(then.len() - 1)]
            }
        }
    }

    /// Goes to `page`.
    pub fn set_page(&mut self, page: SnapshotPage) {
        self.page = SavedPage::Page(page);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::snapshot::tests::state;

    #[test]
    fn an_old_file_reopens_on_its_page_and_a_new_one_saves_what_the_page_is() {
        let mut s = state();
        let dimensions = s.dimensions.len();
        let mut old = serde_json::to_value(&s).unwrap();
        old["page"] = 4.into();
        let old: SnapshotState = serde_json::from_value(old).unwrap();
        assert_eq!(old.page(&[]), pages(dimensions, &[])[4]);
        assert_eq!(old.page(&[]), SnapshotPage::Tally(1));

        s.set_page(SnapshotPage::Tally(1));
        let saved = serde_json::to_value(&s).unwrap();
        assert_eq!(saved["page"], serde_json::json!({ "tally": 1 }));
        let back: SnapshotState = serde_json::from_value(saved).unwrap();
        assert_eq!(back.page(&[]), SnapshotPage::Tally(1));

        s.set_page(SnapshotPage::Dimension(dimensions + 3));
        assert_eq!(s.page(&[]), SnapshotPage::Intro, "a page it does not have");
        let mut far = serde_json::to_value(&s).unwrap();
        far["page"] = 999.into();
        let far: SnapshotState = serde_json::from_value(far).unwrap();
        assert_eq!(far.page(&[PlanStepId::Horizon]), SnapshotPage::Summary);
    }
}
