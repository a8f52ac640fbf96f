//! What the event loop must do after an update: the app never touches the disk, the terminal
//! or the clock itself.

use crate::export::{Format, Scope};
use crate::ui::fill_category::FillPreview;
use crate::workshop::{SessionId, SessionSpec};

/// Something the event loop must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write the open session to disk (off the UI thread).
    Save,
    /// Ring the terminal bell.
    Bell,
    Quit,
    /// Write everything unsaved (retrying failed saves) and quit if that worked; otherwise
    /// report the failure and stay.
    SaveThenQuit,
    /// Write the open session, whole, as JSON to the export folder (somewhere other than the
    /// failing store).
    ExportSession,
    /// Re-read the session list for the home screen.
    RefreshList,
    Open(SessionId),
    Create(SessionSpec),
    Rename {
        id: SessionId,
        name: String,
    },
    /// Copy session `id`'s set-up as a new session called `name`.
    Duplicate {
        id: SessionId,
        name: String,
    },
    Delete {
        id: SessionId,
    },
    Restore {
        id: SessionId,
    },
    /// Remove session `id`'s backup once the saves sent so far are on disk (the backup is the
    /// version before the last save, which still held notes dropped for good).
    DropBackup {
        id: SessionId,
    },
    /// Open the room for phones, or close it.
    ToggleRoom,
    /// Reopen the room on the laptop's next address, with the same code.
    NextRoomAddress,
    /// Close the open session (release its lock) and go home.
    CloseSession,
    /// Write one file per scope (one scope for a single export, one per group for handouts).
    Export {
        format: Format,
        scopes: Vec<Scope>,
        bom: bool,
    },
    /// Save a deck with a category filled in the user content folder, then read the content
    /// again.
    SaveDeck(Box<FillPreview>),
}
