//! The owner's side of the room view: after every change the loop asks for the room's view of
//! the open session and writes it beside the session when it differs from the last one written
//! (a running timer travels as a deadline, so its ticks write nothing). It also names the open
//! session in the store's `presenting` file, so `cpm-workshop projector` follows it.

use super::app::App;
use crate::room::{Presenter, RoomSource, RoomView, room_view};
use crate::store::Store;

/// What the room sees of the app's open session now; `None` with no session open.
pub fn view_of(app: &App) -> Option<RoomView> {
    let w = app.workshop()?;
    Some(room_view(&RoomSource {
        session: &w.session,
        deck: w.deck.as_ref(),
        sticky: &app.library.sticky,
        snapshot: &app.library.snapshot,
        group: w.group,
        choice: Presenter {
            blank: w.blank,
            page: None,
        },
    }))
}

/// The last view written and the session named as presented.
#[derive(Debug, Default)]
pub struct RoomOut {
    last: Option<RoomView>,
    presenting: Option<String>,
    /// A write failed and the trainer was told; said once until a write succeeds again.
    told: bool,
}

impl RoomOut {
    /// Names session `id` as the one presented and forgets the last view, so it is written
    /// afresh (a file left by an earlier run may be stale).
    pub fn opened(&mut self, store: &Store, id: &str) -> Result<(), String> {
        self.last = None;
        self.presenting = Some(id.to_string());
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
