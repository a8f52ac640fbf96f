//! Which session the projector follows and what it last read of it: the pinned session or the
//! one the presenter names, its room view, and whether an app has it open now.

use super::view::Showing;
use crate::room::RoomView;
use crate::store::{RoomWatch, Store};

/// The projector's view of the world, refreshed by [`Follow::poll`].
#[derive(Debug, Default)]
pub struct Follow {
    /// The session given on the command line; `None` follows the presenter.
    pinned: Option<String>,
    /// The session followed now.
    target: Option<String>,
    watch: Option<RoomWatch>,
    view: Option<RoomView>,
    /// Whether an app holds the followed session's lock.
    open: bool,
    /// Why the last read failed (a file from another version, say).
    problem: Option<String>,
}

impl Follow {
    /// Follows `pinned`, or with `None` whatever the presenter opens.
    pub fn new(pinned: Option<String>) -> Follow {
        Follow {
            pinned,
            ..Follow::default()
        }
    }

    /// Looks at the files once; true if what the projector shows changed.
    pub fn poll(&mut self, store: &Store) -> bool {
        let before = (self.target.clone(), self.open, self.problem.clone());
        let target = self.pinned.clone().or_else(|| store.presenting());
        let mut changed = false;
        if target != self.target {
            self.watch = target
                .as_deref()
                .map(|id| RoomWatch::new(store.room_path(id)));
            self.view = None;
            self.problem = None;
            self.target = target;
            changed = true;
        }
        self.open = self.target.as_deref().is_some_and(|id| store.is_open(id));
        if let Some(read) = self.watch.as_mut().and_then(RoomWatch::poll) {
            match read {
                Ok(view) => {
                    changed |= self.view.as_ref() != Some(&view);
                    self.view = Some(view);
                    self.problem = None;
                }
                Err(e) => self.problem = Some(e.to_string()),
            }
        }
        changed || before != (self.target.clone(), self.open, self.problem.clone())
    }

    /// The room view on show, if the presenter has the session open.
    pub fn view(&self) -> Option<&RoomView> {
        self.view
            .as_ref()
            .filter(|_| self.open && self.problem.is_none())
    }

    /// What to draw.
    pub fn showing(&self) -> Showing<'_> {
        match self.view() {
            Some(v) => Showing::Room(v),
            None => Showing::Waiting {
                session: self.target.as_deref(),
                problem: self.problem.as_deref(),
            },
        }
    }
}
