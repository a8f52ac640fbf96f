//! The sticky-note behavior activity's screen: its three views (run, board, rotation), the
//! scribe's note input and the board, and how keys change them. The Snapshot warm-up has its own
//! module beside this one (`ui::snapshot`).

mod board;
mod entry;
mod update;
pub mod views;

pub use board::{board_notes, board_page};
pub use entry::{entry_placement, entry_prompt};
pub use update::update;

use crate::workshop::Prompt;
use tui_input::Input;

/// The three views of a running workshop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Run,
    Board,
    Rotation,
}

/// The scribe's note input.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub input: Input,
    pub initials: Input,
    pub on_initials: bool,
    /// The prompt the next note goes to (starts at the step's prompt; `Tab` changes it).
    pub prompt: Option<Prompt>,
    /// Notes saved since the input was opened, for the scribe's confidence.
    pub saved: usize,
}

/// What the notes board shows and which note is selected.
#[derive(Debug, Clone, Default)]
pub struct Board {
    pub page: BoardPage,
    /// Index into the notes shown on the current page.
    pub selected: usize,
}

/// Which page the board shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BoardPage {
    /// The scribe's group's flip-chart page ([`OpenSession::group`]).
    #[default]
    Group,
    /// One heading across every group: an index into the flip charts' headings
    /// ([`crate::workshop::chart::Headings`]), the session's categories first.
    Category(usize),
}
