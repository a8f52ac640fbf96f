//! What each key does on the Snapshot screens. Every change to the record saves at once.
//! The keys of the pages (`pages`, the planning pages in `plan`) and of the scribe's inputs
//! (`note_input`, the planning decision's in `plan`) live beside this; here: which of them has
//! the key, and the shared steps every change goes through.

mod note_input;
mod pages;
mod plan;

use super::SnapshotScreen;
use crate::content::SnapshotActivity;
use crate::ui::app::{App, Effect, Outcome, Screen};
use crate::ui::keymap::Action;
use crate::workshop::{HeadingId, SnapshotError, SnapshotState};
use time::OffsetDateTime;

/// Furthest the text pages scroll before the window's size is known (then: their end).
const MAX_SCROLL: u16 = 2_000;

/// Applies one action to the Snapshot screen at `now`; returns what the loop must do.
pub fn update(app: &mut App, action: Action, now: OffsetDateTime) -> Vec<Effect> {
    // The text stops with its last line at the bottom of its pane, so ↑ acts at once after ↓
    // went to the end; before the window's size is known, only the fixed limit holds.
    let limit = match (&app.screen, app.window) {
        (Screen::Snapshot(s), Some((width, height))) => {
            super::views::scroll_limit(app, s, width, height)
        }
        _ => MAX_SCROLL,
    };
    let Screen::Snapshot(screen) = &mut app.screen else {
        return Vec::new();
    };
    screen.scroll = screen.scroll.min(limit);
    let out = screen.apply(&app.library.snapshot, action, now);
    screen.scroll = screen.scroll.min(limit);
    app.carry_out(out)
}

impl SnapshotScreen {
    fn apply(
        &mut self,
        activity: &SnapshotActivity,
        action: Action,
        now: OffsetDateTime,
    ) -> Outcome {
        let mut out = Outcome::default();
        if self.open.blank {
            if matches!(action, Action::ToggleBlank | Action::Close) {
                self.open.blank = false;
            }
        } else if self.edit.is_some() {
            self.update_edit(activity, action, now, &mut out);
        } else if self.plan_input.is_some() {
            self.update_plan_input(activity, action, now, &mut out);
        } else if self.entry.is_some() {
            self.update_entry(activity, action, now, &mut out);
        } else {
            self.update_page(activity, action, now, &mut out);
        }
        out
    }

    /// Runs a change through the undo history (`what` names it for "Undone: …"); on success
    /// marks the session changed.
    fn change<T>(
        &mut self,
        activity: &SnapshotActivity,
        now: OffsetDateTime,
        out: &mut Outcome,
        what: String,
        f: impl FnOnce(&mut SnapshotState) -> Result<T, SnapshotError>,
    ) -> Option<T> {
        let state = self.open.session.snapshot_mut(activity);
        match self.history.apply(state, what, f) {
            Ok(t) => {
                self.open.session.updated = now;
                out.changed();
                Some(t)
            }
            Err(e) => {
                out.fail(sentence(&e));
                None
            }
        }
    }

    /// A change that is not undone with `u` (votes, the page, the timer).
    fn touched(&mut self, now: OffsetDateTime, out: &mut Outcome) {
        self.open.session.updated = now;
        out.changed();
    }

    /// Keeps every selection on an item that exists.
    fn clamp_selections(&mut self) {
        let last = |n: usize| n.saturating_sub(1);
        self.analysis_selected = self
            .analysis_selected
            .min(last(self.column_notes(self.column).len()));
        self.dot_selected = self.dot_selected.min(last(self.opportunities().len()));
        self.priority_selected = self
            .priority_selected
            .min(last(self.state().priorities().len()));
    }
}

/// A heading's title from the activity file, or its id.
pub(super) fn heading_title(activity: &SnapshotActivity, heading: HeadingId) -> String {
    activity
        .heading(heading.id())
        .map_or_else(|| heading.id().to_string(), |h| h.title.clone())
}

/// An error as a sentence: capital first letter, full stop.
fn sentence(error: &impl std::fmt::Display) -> String {
    let text = error.to_string();
    let mut chars = text.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}
