//! Which set of keys is live.

/// Which set of keys is live: the screen or overlay that has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Home,
    Setup,
    Run,
    Board,
    Rotation,
    /// The scribe's note input.
    Entry,
    /// A one-line text prompt (edit a note, rename a session).
    TextPrompt,
    /// Choosing where to move a note.
    Move,
    Confirm,
    /// Quitting while saves fail: save again, export elsewhere or quit anyway.
    Unsaved,
    Export,
    Help,
    Blank,
    /// Snapshot warm-up: the intro and the summary.
    SnapshotPage,
    /// Snapshot warm-up: a dimension's page or its "Where are we now?" tally.
    SnapshotDimension,
    /// Snapshot warm-up: the analysis columns (notes under the headings).
    SnapshotAnalysis,
    /// Snapshot warm-up: dot voting on the opportunities.
    SnapshotDots,
    /// Snapshot warm-up: the priorities for local planning.
    SnapshotPriorities,
    /// Snapshot warm-up: the scribe's note input.
    SnapshotEntry,
    /// Snapshot warm-up: editing a note or a priority.
    SnapshotEdit,
    /// Snapshot warm-up: a planning page (the Implementation Plan's key decisions).
    SnapshotPlan,
    /// Snapshot warm-up: typing a planning decision.
    SnapshotPlanInput,
    /// Rounds activity (discussion, values): the intro and the summary.
    RoundsPage,
    /// Rounds activity: a talk or share page (notes by group).
    RoundsNotes,
    /// Rounds activity: a "where do we stand?" page (a show of hands per mark).
    RoundsMark,
    /// Rounds activity: the scribe's note input.
    RoundsEntry,
    /// The room panel: the join link, code and QR code for phones.
    Room,
    /// The window is too small to draw in: only quitting works.
    TooSmall,
    /// The presenter view of an open session (run of show, preview, trainer notes).
    Presenter,
    /// The room's view shown on the console itself (one screen).
    RoomView,
    /// The jump picker.
    Jump,
    /// The queue of phones' notes held for the trainer's approval.
    Queue,
}
