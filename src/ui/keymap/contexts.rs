//! Groups of contexts that share keys.

use super::Context;
use super::Context as C;

pub(super) const RUNNING: &[Context] = &[C::Run, C::Board, C::Rotation];
pub(super) const LISTS: &[Context] = &[C::Home, C::Board, C::Move, C::Export, C::Setup, C::Help];
pub(super) const TYPING: &[Context] = &[
    C::Entry,
    C::TextPrompt,
    C::Setup,
    C::SnapshotEntry,
    C::SnapshotEdit,
    C::SnapshotPlanInput,
    C::RoundsEntry,
];
/// Every Snapshot page (not its inputs).
pub(super) const SNAP_PAGES: &[Context] = &[
    C::SnapshotPage,
    C::SnapshotDimension,
    C::SnapshotAnalysis,
    C::SnapshotDots,
    C::SnapshotPriorities,
    C::SnapshotPlan,
];
/// Snapshot pages where `+`/`-` nudge the page timer (on dot voting they are dots).
pub(super) const SNAP_NUDGE: &[Context] = &[
    C::SnapshotPage,
    C::SnapshotDimension,
    C::SnapshotAnalysis,
    C::SnapshotPlan,
];
/// Snapshot pages with an undo history (on a dimension, `u` takes back a vote instead).
pub(super) const SNAP_UNDO: &[Context] = &[
    C::SnapshotAnalysis,
    C::SnapshotDots,
    C::SnapshotPriorities,
    C::SnapshotPlan,
];
/// Snapshot pages with a list to move through.
pub(super) const SNAP_LISTS: &[Context] =
    &[C::SnapshotAnalysis, C::SnapshotDots, C::SnapshotPriorities];
/// Snapshot pages that scroll.
pub(super) const SNAP_SCROLL: &[Context] = &[C::SnapshotPage, C::SnapshotDimension];
/// Everything in the Snapshot warm-up, inputs included.
pub(super) const SNAP_ALL: &[Context] = &[
    C::SnapshotPage,
    C::SnapshotDimension,
    C::SnapshotAnalysis,
    C::SnapshotDots,
    C::SnapshotPriorities,
    C::SnapshotEntry,
    C::SnapshotEdit,
    C::SnapshotPlan,
    C::SnapshotPlanInput,
];

/// The presenter view and the room view on the console: the keys that drive the room.
pub(super) const PRESENTING: &[Context] = &[C::Presenter, C::RoomView];
/// Every screen of an open session from which the presenter's panes open: the sticky-note and
/// Snapshot screens first (the nine of [`ROOM_SCREENS`]), then the rounds and the panes.
pub(super) const SESSION_SCREENS: &[Context] = &[
    C::Run,
    C::Board,
    C::Rotation,
    C::SnapshotPage,
    C::SnapshotDimension,
    C::SnapshotAnalysis,
    C::SnapshotDots,
    C::SnapshotPriorities,
    C::SnapshotPlan,
    C::RoundsPage,
    C::RoundsNotes,
    C::RoundsMark,
    C::Presenter,
    C::RoomView,
];
/// The screens that open the room for phones, and show its panel again once it is open: those
/// of the activities phones take part in (notes, and a Snapshot's votes and dots), which
/// [`SESSION_SCREENS`] lists first.
pub(super) const ROOM_SCREENS: &[Context] = SESSION_SCREENS.split_at(9).0;
/// Every page of a rounds activity (not its input).
pub(super) const ROUNDS_PAGES: &[Context] = &[C::RoundsPage, C::RoundsNotes, C::RoundsMark];
/// Everything in a rounds activity, its input included.
pub(super) const ROUNDS_ALL: &[Context] =
    &[C::RoundsPage, C::RoundsNotes, C::RoundsMark, C::RoundsEntry];

/// Every context: keys that belong to the terminal rather than to a screen.
pub(super) const EVERYWHERE: &[Context] = &[
    C::Home,
    C::Setup,
    C::Run,
    C::Board,
    C::Rotation,
    C::Entry,
    C::TextPrompt,
    C::Move,
    C::Confirm,
    C::Unsaved,
    C::Export,
    C::Help,
    C::Blank,
    C::Room,
    C::SnapshotPage,
    C::SnapshotDimension,
    C::SnapshotAnalysis,
    C::SnapshotDots,
    C::SnapshotPriorities,
    C::SnapshotEntry,
    C::SnapshotEdit,
    C::SnapshotPlan,
    C::SnapshotPlanInput,
    C::Presenter,
    C::RoomView,
    C::Jump,
    C::RoundsPage,
    C::RoundsNotes,
    C::RoundsMark,
    C::RoundsEntry,
    C::Queue,
];
