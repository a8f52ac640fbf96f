//! The screens of a rounds activity (discussion rounds, values check): one generic page per
//! step kind — talk or share (notes by group), mark (a show of hands as bars) — plus an intro
//! and a summary. What each activity shows comes from its script, so a new activity written as
//! data runs on these same screens.
//!
//! The open session lives in an [`OpenSession`] like the other activities', so the event loop
//! saves it, wakes for its timer and exports it the same way.

mod update;
mod views;

pub use update::update;
pub use views::render;

use super::keymap::Context;
use super::open_session::OpenSession;
use crate::content::{Library, RoundStepKind, RoundsActivity, SnapshotActivity};
use crate::workshop::Activity;
use crate::workshop::command::{self, Applied, Command, CommandError};
use crate::workshop::rounds::{RoundNoteId, RoundPage, RoundsState};
use std::sync::LazyLock;
use time::OffsetDateTime;
use tui_input::Input;

/// The script a rounds activity runs, `None` for the other activities.
pub fn script(library: &Library, activity: Activity) -> Option<&RoundsActivity> {
    library.rounds(activity.id())
}

/// The scribe's note input.
#[derive(Debug, Clone)]
pub struct RoundEntry {
    pub input: Input,
    /// The item (0-based) the next note is on: the page's.
    pub item: usize,
    /// The group (1-based) the next note is from.
    pub group: u32,
    /// Notes saved since the input was opened.
    pub saved: usize,
}

/// The rounds screens' state.
#[derive(Debug, Clone)]
pub struct RoundsScreen {
    /// The open session (its `rounds` record is always present once opened).
    pub open: OpenSession,
    pub entry: Option<RoundEntry>,
    /// A half-typed note put aside with Esc; `a` brings it back.
    pub draft: Option<RoundEntry>,
    /// The selected note on a talk or share page (an index into the page's notes).
    pub selected: usize,
    /// Scroll of the intro and summary.
    pub scroll: u16,
}

/// Stands in for a missing record (never expected once a session is opened).
static EMPTY: LazyLock<RoundsState> =
    LazyLock::new(|| RoundsState::new(&crate::content::embedded::discussion(), Some(&[])));

impl RoundsScreen {
    /// Opens a rounds session, creating its record from the script if it has none.
    pub fn open(mut open: OpenSession, activity: &RoundsActivity) -> RoundsScreen {
        open.session_mut().rounds_mut(activity);
        RoundsScreen {
            open,
            entry: None,
            draft: None,
            selected: 0,
            scroll: 0,
        }
    }

    /// The rounds record.
    pub fn state(&self) -> &RoundsState {
        self.open.session.rounds.as_ref().unwrap_or(&EMPTY)
    }

    /// The page the facilitator is on.
    pub fn page(&self) -> RoundPage {
        self.state().current_page()
    }

    /// The page's position, 1-based, and how many pages there are.
    pub fn page_number(&self) -> (usize, usize) {
        let count = self.state().pages().len();
        (self.state().page.min(count - 1) + 1, count)
    }

    /// The kind of step the page shows, if it is a step page.
    pub fn step_kind(&self) -> Option<RoundStepKind> {
        self.state().step_of(self.page()).map(|s| s.kind)
    }

    /// The keyboard context.
    pub fn context(&self) -> Context {
        if self.open.blank {
            return Context::Blank;
        }
        if self.entry.is_some() {
            return Context::RoundsEntry;
        }
        match self.step_kind() {
            Some(RoundStepKind::Mark) => Context::RoundsMark,
            Some(_) => Context::RoundsNotes,
            None => Context::RoundsPage,
        }
    }

    /// The notes shown on the page, in display order (by group, then as written).
    pub fn page_notes(&self) -> Vec<RoundNoteId> {
        match RoundsState::item_of(self.page()) {
            Some(item) => self.state().notes_on(item).iter().map(|n| n.id).collect(),
            None => Vec::new(),
        }
    }

    /// The selected note, if the page has notes.
    pub fn selected_note(&self) -> Option<RoundNoteId> {
        self.page_notes().get(self.selected).copied()
    }

    /// Applies a command from another terminal, keeping the trainer's chosen note selected: a
    /// co-scribe's note may land above it, and `d` must delete the note the trainer chose.
    pub fn apply_command(
        &mut self,
        c: &Command,
        activity: &SnapshotActivity,
        now: OffsetDateTime,
    ) -> Result<Applied, CommandError> {
        let chosen = self.selected_note();
        let result = command::apply(self.open.session_mut(), c, activity, now);
        if let Some(at) = chosen.and_then(|id| self.page_notes().iter().position(|n| *n == id)) {
            self.selected = at;
        }
        result
    }
}
