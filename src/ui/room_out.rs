//! The owner's side of the room view: after every change the loop asks for the room's view of
//! the open session and writes it beside the session when it differs from the last one written
//! (a running timer travels as a deadline, so its ticks write nothing). It also names the open
//! session in the store's `presenting` file, so `cpm-workshop projector` follows it.

use super::app::App;
use crate::room::view::RoomJoin;
use crate::room::{Presenter, RoomSource, RoomView, room_view};
use crate::store::Store;
use crate::workshop::SessionId;

/// What the room sees of the app's open session now; `None` with no session open.
pub fn view_of(app: &App) -> Option<RoomView> {
    let w = app.open_session()?;
    let mut view = room_view(&RoomSource {
        session: &w.session,
        deck: w.deck.as_ref(),
        sticky: &app.library.sticky,
        snapshot: &app.library.snapshot,
        group: w.group,
        choice: Presenter {
            blank: w.blank,
            page: None,
        },
    });
    // The join link and code are the room's; nothing else of the panel is.
    view.join = app.room.as_ref().map(|panel| RoomJoin {
        link: panel.link.clone(),
        address: panel.address.clone(),
        code: panel.code.clone(),
        full: panel.full_qr,
    });
    Some(view)
}

/// The last view written and the session named as presented.
#[derive(Debug, Default)]
pub struct RoomOut {
    last: Option<RoomView>,
    presenting: Option<SessionId>,
    /// A write failed and the trainer was told; said once until a write succeeds again.
    told: bool,
}

impl RoomOut {
    /// Names session `id` as the one presented and forgets the last view, so it is written
    /// afresh (a file left by an earlier run may be stale).
    pub fn opened(&mut self, store: &Store, id: &SessionId) -> Result<(), String> {
        self.last = None;
        self.presenting = Some(id.clone());
        store
            .set_presenting(id)
            .map_err(|e| format!("Projectors cannot follow this session: {e}"))
    }

    /// The presented session was closed (or the app quits).
    pub fn closed(&mut self, store: &Store) {
        if let Some(id) = self.presenting.take() {
            store.clear_presenting(&id);
        }
        self.last = None;
    }

    /// Writes the room's view if it changed; a failure is reported once (the room keeps its
    /// last picture, the session itself is unaffected).
    pub fn publish(&mut self, store: &Store, app: &mut App) {
        let Some(view) = view_of(app) else {
            return;
        };
        if self.last.as_ref() == Some(&view) {
            return;
        }
        match store.write_room(&view) {
            Ok(()) => {
                self.last = Some(view);
                self.told = false;
            }
            Err(e) if !self.told => {
                self.told = true;
                app.fail(format!("The projector view could not be written: {e}"));
            }
            Err(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;
    use crate::ui::keymap::Action;
    use crate::ui::theme::{Theme, ThemeName};
    use crate::workshop::Session;
    use crate::workshop::session::tests::{T0, sid, spec};

    #[test]
    fn writes_when_the_room_would_see_a_change_and_not_on_timer_ticks() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().to_path_buf()).unwrap();
        let id = &sid("20261123-0900-00");
        let mut app = App::new(Library::shipped(), Theme::new(ThemeName::Mono), Vec::new());
        app.opened(Session::new(id.clone(), spec(), T0).unwrap());
        let mut out = RoomOut::default();
        out.opened(&store, id).unwrap();
        assert_eq!(store.presenting().as_ref(), Some(id));
        out.publish(&store, &mut app);
        let path = store.room_path(id);
        let first = std::fs::read(&path).unwrap();
        app.update(Action::NextStep, T0);
        app.update(Action::ToggleTimer, T0);
        out.publish(&store, &mut app);
        let running = std::fs::read(&path).unwrap();
        assert_ne!(first, running);
        // A second of the countdown later the room's view is the same: nothing is written.
        std::fs::remove_file(&path).unwrap();
        app.tick(T0 + time::Duration::seconds(1));
        out.publish(&store, &mut app);
        assert!(!path.exists(), "a tick wrote the file again");
        app.update(Action::ToggleBlank, T0);
        out.publish(&store, &mut app);
        let blank: crate::room::RoomView =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert!(blank.blank);
        out.closed(&store);
        assert_eq!(store.presenting(), None);
    }
}
