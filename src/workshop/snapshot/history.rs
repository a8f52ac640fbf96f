//! Undo and redo of the Snapshot record.

use super::*;

/// Undo and redo for the Snapshot record: earlier copies of it (it is small), at most
/// [`HISTORY_LIMIT`]. Neither the page the facilitator is on nor the votes are undone here:
/// votes have their own take-back ([`SnapshotState::take_back_vote`]), so undoing a note never
/// loses a show of hands entered after it, and phones change only their own choices. Each step keeps what the change did, in words, so
/// "Undone: …" can say what it took back.
#[derive(Debug, Clone, Default)]
pub struct SnapshotHistory {
    undo: Vec<(SnapshotState, String)>,
    redo: Vec<(SnapshotState, String)>,
}

impl SnapshotHistory {
    /// Runs `change` on `state`; if it succeeds, the state before it can be brought back.
    /// `what` names the change for the undo message ("adding 3 notes").
    pub fn apply<T>(
        &mut self,
        state: &mut SnapshotState,
        what: impl Into<String>,
        change: impl FnOnce(&mut SnapshotState) -> Result<T, SnapshotError>,
    ) -> Result<T, SnapshotError> {
        let before = state.clone();
        let out = change(state)?;
        if *state != before {
            self.undo.push((before, what.into()));
            if self.undo.len() > HISTORY_LIMIT {
                self.undo.remove(0);
            }
            self.redo.clear();
        }
        Ok(out)
    }

    /// Brings back the state before the last change; what that change was, or `None` when there
    /// is nothing to undo.
    pub fn undo(&mut self, state: &mut SnapshotState) -> Option<&str> {
        let (before, what) = self.undo.pop()?;
        let after = swap_keeping_page_and_votes(state, before);
        self.redo.push((after, what));
        self.redo.last().map(|(_, what)| what.as_str())
    }

    /// Makes the last undone change again; what it was, or `None` when there is nothing to redo.
    pub fn redo(&mut self, state: &mut SnapshotState) -> Option<&str> {
        let (after, what) = self.redo.pop()?;
        let before = swap_keeping_page_and_votes(state, after);
        self.undo.push((before, what));
        self.undo.last().map(|(_, what)| what.as_str())
    }
}

/// Puts `to` in place of `state` but keeps the page and the votes as they are now; returns the
/// state it replaced.
fn swap_keeping_page_and_votes(state: &mut SnapshotState, mut to: SnapshotState) -> SnapshotState {
    to.page = state.page;
    to.votes.clone_from(&state.votes);
    to.phone_votes.clone_from(&state.phone_votes);
    to.phone_dots.clone_from(&state.phone_dots);
    std::mem::replace(state, to)
}
