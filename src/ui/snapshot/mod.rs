//! The Snapshot warm-up's screens (CPM Implementation Planning Guide): an intro, a page and a "Where are we now?" tally
//! per dimension, the analysis columns, dot voting, the priorities and a summary.
//!
//! The open session lives in an [`OpenSession`] like the sticky-note activity's, so the event loop
//! saves it, wakes for its timer and exports it the same way; everything Snapshot-specific
//! (pages, selections, the note input, undo) is [`SnapshotScreen`]'s own.

pub mod plan;
mod update;
pub(crate) mod views;

pub use update::update;
pub use views::{render, scroll_limit};

/// Drawing pieces the rounds screens share with the Snapshot's: the show-of-hands bars, the
/// page timer and text with a hanging marker.
pub(crate) mod shared {
    pub(crate) use super::views::bars;
    pub(crate) use super::views::{hanging, timer_box, timer_caption, timer_in_use};
}

use super::keymap::Context;
use super::open_session::OpenSession;
use crate::content::{PlanStepId, SnapshotActivity};
use crate::workshop::snapshot::SnapshotNoteId;
use crate::workshop::{HeadingId, SnapshotHistory, SnapshotState};
use std::sync::LazyLock;

use tui_input::Input;

/// The warm-up's pages (the domain's; the session saves which one is up).
pub use crate::workshop::snapshot::{SnapshotPage as Page, pages};

/// The scribe's note input.
#[derive(Debug, Clone)]
pub struct NoteEntry {
    pub input: Input,
    /// Index of the dimension the next note is for.
    pub dimension: usize,
    pub heading: HeadingId,
    /// Notes saved since the input was opened.
    pub saved: usize,
}

/// What the edit box changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditTarget {
    Note(SnapshotNoteId),
    /// Index into the priorities.
    Priority(usize),
}

/// A one-line edit of a note or a priority.
#[derive(Debug, Clone)]
pub struct EditBox {
    pub target: EditTarget,
    pub input: Input,
}

/// The Snapshot screens' state.
#[derive(Debug, Clone)]
pub struct SnapshotScreen {
    /// The open session (its `snapshot` record is always present once opened).
    pub open: OpenSession,
    pub history: SnapshotHistory,
    pub entry: Option<NoteEntry>,
    /// A half-typed note put aside with Esc; `a` brings it back.
    pub draft: Option<NoteEntry>,
    pub edit: Option<EditBox>,
    /// The analysis page's selected column.
    pub column: HeadingId,
    /// The selected note within the analysis column.
    pub analysis_selected: usize,
    /// The selected opportunity on the dot-voting page (in the order written).
    pub dot_selected: usize,
    /// The selected priority.
    pub priority_selected: usize,
    /// Scroll of the intro, dimension and summary pages.
    pub scroll: u16,
    /// The planning steps in the activity's order (one page each).
    pub plan_steps: Vec<PlanStepId>,
    /// The selected row of a planning page.
    pub plan_selected: usize,
    /// The scribe's input for a planning decision.
    pub plan_input: Option<plan::PlanInput>,
}

/// Stands in for a missing record (never expected once a session is opened).
static EMPTY: LazyLock<SnapshotState> =
    LazyLock::new(|| SnapshotState::new(Vec::new(), Vec::new(), 1, 1));

impl SnapshotScreen {
    /// Opens a Snapshot session, creating its record from the activity if it has none.
    pub fn open(mut open: OpenSession, activity: &SnapshotActivity) -> SnapshotScreen {
        open.session_mut().snapshot_mut(activity);
        SnapshotScreen {
            open,
            history: SnapshotHistory::default(),
            entry: None,
            draft: None,
            edit: None,
            column: HeadingId::Strengths,
            analysis_selected: 0,
            dot_selected: 0,
            priority_selected: 0,
            scroll: 0,
            plan_steps: activity.plan_script().steps.iter().map(|s| s.id).collect(),
            plan_selected: 0,
            plan_input: None,
        }
    }

    /// The Snapshot record.
    pub fn state(&self) -> &SnapshotState {
        self.open.session.snapshot.as_ref().unwrap_or(&EMPTY)
    }

    /// Every page of this session.
    pub fn pages(&self) -> Vec<Page> {
        pages(self.state().dimensions.len(), &self.plan_steps)
    }

    /// The page the facilitator is on.
    pub fn page(&self) -> Page {
        self.state().page(&self.plan_steps)
    }

    /// The page's position, 1-based, and how many pages there are.
    pub fn page_number(&self) -> (usize, usize) {
        let pages = self.pages();
        let at = pages.iter().position(|p| *p == self.page()).unwrap_or(0);
        (at + 1, pages.len())
    }

    /// The keyboard context.
    pub fn context(&self) -> Context {
        if self.open.blank {
            return Context::Blank;
        }
        if self.edit.is_some() {
            return Context::SnapshotEdit;
        }
        if self.plan_input.is_some() {
            return Context::SnapshotPlanInput;
        }
        if self.entry.is_some() {
            return Context::SnapshotEntry;
        }
        match self.page() {
            Page::Intro | Page::Summary => Context::SnapshotPage,
            Page::Dimension(_) | Page::Tally(_) => Context::SnapshotDimension,
            Page::Analysis => Context::SnapshotAnalysis,
            Page::Dots => Context::SnapshotDots,
            Page::Priorities => Context::SnapshotPriorities,
            Page::Plan(_) => Context::SnapshotPlan,
        }
    }

    /// The notes in an analysis column, in display order: by dimension, then as written.
    pub fn column_notes(&self, heading: HeadingId) -> Vec<SnapshotNoteId> {
        let st = self.state();
        (0..st.dimensions.len())
            .flat_map(|d| st.notes_under(d, heading).map(|n| n.id))
            .collect()
    }

    /// The note selected on the analysis page.
    pub fn selected_note(&self) -> Option<SnapshotNoteId> {
        self.column_notes(self.column)
            .get(self.analysis_selected)
            .copied()
    }

    /// The opportunities in the order written (the dot-voting list, which never reorders
    /// under the facilitator's cursor; the ranks beside it move instead).
    pub fn opportunities(&self) -> Vec<SnapshotNoteId> {
        let mut ids: Vec<SnapshotNoteId> = self
            .state()
            .notes
            .iter()
            .filter(|n| n.heading == HeadingId::Opportunities)
            .map(|n| n.id)
            .collect();
        ids.sort_unstable();
        ids
    }

    /// The dimension a page is about, if any.
    pub fn page_dimension(&self) -> Option<usize> {
        match self.page() {
            Page::Dimension(d) | Page::Tally(d) => Some(d),
            _ => None,
        }
    }
}
