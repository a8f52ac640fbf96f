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
}
