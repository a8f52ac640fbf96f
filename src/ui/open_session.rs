//! The screen state of an open session, shared by both activities' screens: the session, its
//! deck, undo history, the scribe's group and input, and the board.

use crate::content::Deck;
use crate::ui::sticky::{Board, Entry, View};
use crate::workshop::{History, Session};
use std::sync::Arc;

/// An open workshop.
#[derive(Debug, Clone)]
pub struct OpenSession {
    /// Shared with the saver thread while a save is in flight; edit it through
    /// [`OpenSession::session_mut`], which copies it only if the saver still holds it.
    pub session: Arc<Session>,
    /// The session's deck, filtered for its role, as shown in the content pane.
    pub deck: Option<Deck>,
    pub history: History,
    pub view: View,
    /// The group the scribe is typing for (1-based).
    pub group: u32,
    pub content_scroll: u16,
    pub board: Board,
    pub entry: Option<Entry>,
    /// A half-typed note put aside with Esc; `a` brings it back.
    pub draft: Option<Entry>,
    pub blank: bool,
    /// The step at whose deadline the bell already rang, so it rings once.
    pub rang_at: Option<usize>,
    /// Which pane the console shows: the activity's own screens or a presenter's pane.
    pub pane: Pane,
}

/// What the console shows of an open session.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Pane {
    /// The activity's screens (run view, board, Snapshot pages).
    #[default]
    Screens,
    /// The presenter view: preview of the room, run of show, trainer notes.
    Presenter,
    /// The room's view, full screen, for a trainer with one screen.
    Room,
}

impl OpenSession {
    /// The session as it is now, for the saver thread to write while the UI carries on: a
    /// second handle, not a copy (a copy of 10,000 notes took a frame's worth of time).
    pub fn for_saver(&self) -> Arc<Session> {
        Arc::clone(&self.session)
    }

    /// The session, to change: copied first only while the saver still holds the version
    /// handed to it, so the version being written never changes under it.
    pub fn session_mut(&mut self) -> &mut Session {
        Arc::make_mut(&mut self.session)
    }

    /// What the card the scribe's group is on holds (practice or leadership behaviors,
    /// principles, examples), so each step's instruction is worded to fit it.
    pub fn card_kind(&self) -> crate::content::DeckKind {
        let deck = self.deck.as_ref();
        let category = self
            .session
            .category_index_for(self.group)
            .and_then(|i| self.session.categories.get(i))
            .and_then(|name| deck.and_then(|d| d.category(name)));
        match (deck, category) {
            (Some(d), Some(c)) => d.kind_of(c),
            (Some(d), None) => d.kind,
            (None, _) => crate::content::DeckKind::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;
    use crate::ui::app::{App, Screen};
    use crate::ui::theme::{Theme, ThemeName};
    use crate::workshop::session::tests::session;

    /// A session opened the way the app opens one, held by nobody else.
    fn open() -> OpenSession {
        let mut app = App::new(Library::shipped(), Theme::new(ThemeName::Mono), Vec::new());
        app.opened(session());
        match app.screen {
            Screen::Sticky(w) => *w,
            _ => panic!("a sticky-note session opens on its own screen"),
        }
    }

    #[test]
    fn the_saver_gets_the_session_itself_and_an_edit_during_the_save_leaves_that_version_alone() {
        let mut w = open();
        let saving = w.for_saver();
        assert!(Arc::ptr_eq(&saving, &w.session), "handed over as a copy");
        w.session_mut().name = "Renamed".into();
        assert_eq!(saving.name, "Tuesday cohort", "changed under the saver");
        assert_eq!(w.session.name, "Renamed");
        drop(saving);
        let before = Arc::as_ptr(&w.session);
        w.session_mut().name = "Again".into();
        assert_eq!(
            Arc::as_ptr(&w.session),
            before,
            "copied although the saver had let go"
        );
    }
}
