//! What a key asks the app to do.

use tui_input::InputRequest;

/// What a key asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    Close,
    Yes,
    No,
    /// Try the failed saves again (quitting while saves fail).
    RetrySave,
    ToggleTimer,
    AddTime,
    RemoveTime,
    NextStep,
    PreviousStep,
    AddNotes,
    ChooseGroup(u32),
    NextGroup,
    Undo,
    Redo,
    ShowRun,
    ShowBoard,
    ShowRotation,
    ToggleBlank,
    /// Open the room for phones, or close it.
    ToggleRoom,
    /// Move the open room to the laptop's next address.
    NextRoomAddress,
    /// The projector shows only the room's QR code, full screen (and back).
    ToggleFullQr,
    ToggleBoardView,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Submit,
    EditNote,
    MoveNote,
    DeleteNote,
    /// Drop the open session's deleted notes for good (after a confirmation).
    DropDeletedNotes,
    Export,
    /// Paste the behaviors of the category being read, when it has none.
    FillCategory,
    Rename,
    Duplicate,
    Delete,
    CyclePrompt,
    ToggleInitials,
    Insert(char),
    Line(InputRequest),
    Paste(String),
    /// One vote for stage N (1-based) of the Snapshot scale.
    Vote(u32),
    AddDot,
    RemoveDot,
    MorePeople,
    FewerPeople,
    MoreDots,
    FewerDots,
    MorePriorities,
    FewerPriorities,
    /// Move the selected item left / right / up / down (a note between headings, a priority
    /// in the list, the heading in the note input).
    ShiftLeft,
    ShiftRight,
    ShiftUp,
    ShiftDown,
    /// Take the priorities from the dot vote again.
    Retake,
    /// Hand the terminal back to the shell until `fg` (Unix job control).
    Suspend,
    /// Draw the whole screen again.
    Redraw,
    /// The presenter view: run of show, a preview of the room, trainer notes (and back).
    ShowPresenter,
    /// The room's view on this screen, for a trainer with one screen (and back).
    ShowRoom,
    /// Open the jump picker.
    Jump,
    /// Go to a run-order position (sticky) or page (Snapshot), chosen in the jump picker.
    JumpTo(usize),
    /// Switch how phones' notes reach the projector: at once, or held for approval.
    ToggleModeration,
    /// Open the queue of phones' notes held for approval.
    ShowQueue,
    /// Show the selected held note on the projector.
    Approve,
    /// Keep the selected note off the projector.
    Hide,
    /// Show every held note on the projector.
    ApproveAll,
    /// Mark the selected note as a worry or question to follow up, or unmark it.
    ToggleFollowUp,
}

impl Action {
    /// What undo or redo did, for the status line: "Undone" or "Redone".
    pub fn undo_word(&self) -> &'static str {
        if *self == Action::Redo {
            "Redone"
        } else {
            "Undone"
        }
    }
}
