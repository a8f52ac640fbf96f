//! The screen state of an open session, shared by both activities' screens: the session, its
//! deck, undo history, the scribe's group and input, and the board.

use crate::content::Deck;
use crate::ui::sticky::{Board, Entry, View};
use crate::workshop::{History, Session};

/// An open workshop.
#[derive(Debug, Clone)]
pub struct OpenSession {
    pub session: Session,
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
    /// The session as it is now, for the saver thread to write while the UI carries on.
    pub fn for_saver(&self) -> Session {
        self.session.clone()
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
