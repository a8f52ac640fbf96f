//! The pages of the Snapshot warm-up in the order `n` walks them. Domain data, so the console,
//! the room view and exports agree on which page a session stands on.

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
    /// Per dimension the tally and notes, then the priorities.
    Summary,
}

/// Every page for a Snapshot with `dimensions` dimensions.
pub fn pages(dimensions: usize) -> Vec<Page> {
    let mut pages = vec![Page::Intro];
    for d in 0..dimensions {
        pages.push(Page::Dimension(d));
        pages.push(Page::Tally(d));
    }
    pages.extend([Page::Analysis, Page::Dots, Page::Priorities, Page::Summary]);
    pages
}

/// The page at index `page` (a saved position past the end means the last page).
pub fn page_at(dimensions: usize, page: usize) -> Page {
    let pages = pages(dimensions);
    pages[page.min(pages.len() - 1)]
}
