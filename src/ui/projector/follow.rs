//! Which session the projector follows and what it last read of it: the pinned session or the
//! one the presenter names, its room view, and whether an app has it open now.

use super::view::Showing;
use crate::room::RoomView;
use crate::store::{RoomWatch, Store};
use crate::workshop::SessionId;

/// The projector's view of the world, refreshed by [`Follow::poll`].
#[derive(Debug, Default)]
pub struct Follow {
    /// The session given on the command line; `None` follows the presenter.
    pinned: Option<SessionId>,
    /// The session followed now.
    target: Option<SessionId>,
    watch: Option<RoomWatch>,
    view: Option<RoomView>,
    /// Whether an app holds the followed session's lock.
    open: bool,
    /// Why the last read failed (a file from another version, say).
    problem: Option<String>,
}

impl Follow {
    /// Follows `pinned`, or with `None` whatever the presenter opens.
    pub fn new(pinned: Option<SessionId>) -> Follow {
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
                .as_ref()
                .map(|id| RoomWatch::new(store.room_path(id)));
            self.view = None;
            self.problem = None;
            self.target = target;
            changed = true;
        }
        self.open = self.target.as_ref().is_some_and(|id| store.is_open(id));
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
                session: self.target.as_ref().map(SessionId::as_str),
                problem: self.problem.as_deref(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;
    use crate::room::{Presenter, RoomSource, room_view};
    use crate::workshop::session::tests::{session, sid};

    fn write_view(store: &Store, id: &SessionId, blank: bool) {
        let library = Library::shipped();
        let mut s = session();
        s.id = id.clone();
        let view = room_view(&RoomSource {
            session: &s,
            deck: library.deck(&s.deck),
            sticky: &library.sticky,
            snapshot: &library.snapshot,
            group: 1,
            choice: Presenter { blank, page: None },
        });
        store.write_room(&view).unwrap();
    }

    #[test]
    fn follows_the_presented_session_only_while_an_app_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().to_path_buf()).unwrap();
        let (a, b) = (&sid("20261123-0900-00"), &sid("20261123-0900-01"));
        let mut follow = Follow::new(None);
        follow.poll(&store);
        assert!(matches!(
            follow.showing(),
            Showing::Waiting { session: None, .. }
        ));

        let lock = store.lock(a).unwrap();
        store.set_presenting(a).unwrap();
        write_view(&store, a, false);
        assert!(follow.poll(&store));
        assert!(matches!(follow.showing(), Showing::Room(v) if v.session == *a));
        assert!(!follow.poll(&store), "nothing changed, nothing to draw");

        write_view(&store, a, true);
        assert!(follow.poll(&store));
        assert!(matches!(follow.showing(), Showing::Room(v) if v.blank));

        drop(lock); // the presenter went away (a crash leaves `presenting` behind)
        assert!(follow.poll(&store));
        assert!(
            matches!(follow.showing(), Showing::Waiting { session: Some(id), .. } if id == a.as_str())
        );

        let _lock = store.lock(b).unwrap();
        store.set_presenting(b).unwrap();
        write_view(&store, b, false);
        assert!(follow.poll(&store));
        assert!(matches!(follow.showing(), Showing::Room(v) if v.session == *b));

        // A projector pinned to `a` keeps waiting for it.
        let mut pinned = Follow::new(Some(a.clone()));
        pinned.poll(&store);
        assert!(
            matches!(pinned.showing(), Showing::Waiting { session: Some(id), .. } if id == a.as_str())
        );
    }
}
