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
];
/// Every Snapshot page (not its inputs).
pub(super) const SNAP_PAGES: &[Context] = &[
    C::SnapshotPage,
    C::SnapshotDimension,
    C::SnapshotAnalysis,
    C::SnapshotDots,
    C::SnapshotPriorities,
];
/// Snapshot pages where `+`/`-` nudge the page timer (on dot voting they are dots).
pub(super) const SNAP_NUDGE: &[Context] =
    &[C::SnapshotPage, C::SnapshotDimension, C::SnapshotAnalysis];
/// Snapshot pages with an undo history (on a dimension, `u` takes back a vote instead).
pub(super) const SNAP_UNDO: &[Context] =
    &[C::SnapshotAnalysis, C::SnapshotDots, C::SnapshotPriorities];
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
];

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
];
