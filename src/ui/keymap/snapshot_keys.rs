//! Keys of the Snapshot warm-up.

use super::Action;
use super::Context as C;
use super::binding::{Binding, Key, bind};
use super::contexts::*;
use crossterm::event::KeyCode;

/// Every Snapshot page and input.
pub(super) static SNAPSHOT: &[Binding] = &[
    // The Snapshot warm-up.
    bind!(
        &[C::SnapshotDimension],
        Key::Digits,
        Action::Vote(1),
        "add one vote to that stage of the scale (1 = the first stage)",
        "vote"
    ),
    bind!(
        &[C::SnapshotDimension],
        Key::Char('u'),
        Action::Undo,
        "take back the last vote on this dimension",
        "take back"
    ),
    bind!(
        &[C::SnapshotDots],
        Key::Char('+'),
        Action::AddDot,
        "one more dot on the selected opportunity",
        "+dot"
    ),
    bind!(
        &[C::SnapshotDots],
        Key::Char('='),
        Action::AddDot,
        "one more dot on the selected opportunity"
    ),
    bind!(
        &[C::SnapshotDots],
        Key::Char('-'),
        Action::RemoveDot,
        "one dot fewer on the selected opportunity",
        "-dot"
    ),
    bind!(
        &[C::SnapshotAnalysis],
        Key::Char('<'),
        Action::ShiftLeft,
        "move the selected note to the heading on the left",
        "move ◀"
    ),
    bind!(
        &[C::SnapshotAnalysis],
        Key::Char('>'),
        Action::ShiftRight,
        "move the selected note to the heading on the right",
        "move ▶"
    ),
    bind!(
        &[C::SnapshotAnalysis],
        Key::Char('m'),
        Action::ShiftRight,
        "move the selected note to the next heading"
    ),
    bind!(
        &[C::SnapshotPriorities],
        Key::Char('['),
        Action::ShiftUp,
        "move the selected priority up",
        "up"
    ),
    bind!(
        &[C::SnapshotPriorities],
        Key::Char(']'),
        Action::ShiftDown,
        "move the selected priority down",
        "down"
    ),
    bind!(
        &[C::SnapshotAnalysis, C::SnapshotPriorities],
        Key::Char('e'),
        Action::EditNote,
        "edit the selected note / priority",
        "edit"
    ),
    bind!(
        &[C::SnapshotAnalysis, C::SnapshotPriorities],
        Key::Code(KeyCode::Enter),
        Action::EditNote,
        "edit the selected note / priority"
    ),
    bind!(
        &[C::SnapshotAnalysis],
        Key::Char('d'),
        Action::DeleteNote,
        "delete the selected note (u undoes)",
        "delete"
    ),
    bind!(
        &[C::SnapshotAnalysis],
        Key::Code(KeyCode::Delete),
        Action::DeleteNote,
        "delete the selected note"
    ),
    bind!(
        SNAP_UNDO,
        Key::Char('u'),
        Action::Undo,
        "undo the last change to notes, dots, priorities or the plan",
        "undo"
    ),
    bind!(SNAP_UNDO, Key::Ctrl('r'), Action::Redo, "redo"),
    bind!(
        &[C::SnapshotPriorities],
        Key::Char('r'),
        Action::Retake,
        "take the priorities from the dot vote again (drops edits; u undoes)",
        "retake"
    ),
    bind!(
        SNAP_PAGES,
        Key::Char('a'),
        Action::AddNotes,
        "add notes (scribe); Tab picks the heading",
        "notes"
    ),
    bind!(
        SNAP_PAGES,
        Key::Char('n'),
        Action::NextStep,
        "next page",
        "next"
    ),
    bind!(
        SNAP_PAGES,
        Key::Char('p'),
        Action::PreviousStep,
        "previous page",
        "prev"
    ),
    bind!(
        SNAP_PAGES,
        Key::Char(' '),
        Action::ToggleTimer,
        "start / pause / resume the page timer",
        "timer"
    ),
    bind!(
        SNAP_NUDGE,
        Key::Char('+'),
        Action::AddTime,
        "add 30 seconds to the page timer",
        "+30s"
    ),
    bind!(
        SNAP_NUDGE,
        Key::Char('='),
        Action::AddTime,
        "add 30 seconds to the page timer"
    ),
    bind!(
        SNAP_NUDGE,
        Key::Char('-'),
        Action::RemoveTime,
        "take 30 seconds off the page timer",
        "-30s"
    ),
    bind!(
        &[C::SnapshotDots],
        Key::Char('>'),
        Action::MorePeople,
        "one more person in the room"
    ),
    bind!(
        &[C::SnapshotDots],
        Key::Char('<'),
        Action::FewerPeople,
        "one person fewer in the room"
    ),
    bind!(
        &[C::SnapshotDots],
        Key::Char(']'),
        Action::MoreDots,
        "one more dot per person"
    ),
    bind!(
        &[C::SnapshotDots],
        Key::Char('['),
        Action::FewerDots,
        "one dot fewer per person"
    ),
    bind!(
        &[C::SnapshotPriorities],
        Key::Char('>'),
        Action::MorePriorities,
        "one more priority"
    ),
    bind!(
        &[C::SnapshotPriorities],
        Key::Char('<'),
        Action::FewerPriorities,
        "one priority fewer"
    ),
    bind!(
        &[C::SnapshotAnalysis],
        Key::Code(KeyCode::Left),
        Action::Left,
        "previous heading column"
    ),
    bind!(
        &[C::SnapshotAnalysis],
        Key::Code(KeyCode::Right),
        Action::Right,
        "next heading column"
    ),
    bind!(
        SNAP_LISTS,
        Key::Code(KeyCode::Up),
        Action::Up,
        "previous item"
    ),
    bind!(
        SNAP_LISTS,
        Key::Code(KeyCode::Down),
        Action::Down,
        "next item"
    ),
    bind!(SNAP_SCROLL, Key::Code(KeyCode::Up), Action::Up, "scroll up"),
    bind!(
        SNAP_SCROLL,
        Key::Code(KeyCode::Down),
        Action::Down,
        "scroll down"
    ),
    bind!(
        SNAP_SCROLL,
        Key::Code(KeyCode::PageUp),
        Action::PageUp,
        "scroll a page up"
    ),
    bind!(
        SNAP_SCROLL,
        Key::Code(KeyCode::PageDown),
        Action::PageDown,
        "scroll a page down"
    ),
    bind!(
        SNAP_PAGES,
        Key::Char('x'),
        Action::Export,
        "export (summary text, JSON)",
        "export"
    ),
    bind!(
        SNAP_PAGES,
        Key::Char('.'),
        Action::ToggleBlank,
        "blank the screen while you talk"
    ),
    bind!(
        &[C::SnapshotEntry, C::SnapshotEdit],
        Key::Code(KeyCode::Enter),
        Action::Submit,
        "save",
        "save"
    ),
    bind!(
        &[C::SnapshotEntry],
        Key::Code(KeyCode::Tab),
        Action::CyclePrompt,
        "next heading (strengths / opportunities / feasibility)",
        "heading"
    ),
    bind!(
        &[C::SnapshotEntry],
        Key::Code(KeyCode::BackTab),
        Action::ShiftLeft,
        "previous heading"
    ),
    bind!(
        &[C::SnapshotEntry],
        Key::Code(KeyCode::Up),
        Action::Up,
        "previous dimension",
        "dimension"
    ),
    bind!(
        &[C::SnapshotEntry],
        Key::Code(KeyCode::Down),
        Action::Down,
        "next dimension"
    ),
    bind!(
        SNAP_PAGES,
        Key::Char('?'),
        Action::Help,
        "this help",
        "help"
    ),
    bind!(
        SNAP_PAGES,
        Key::Char('q'),
        Action::Quit,
        "quit (asks while saves fail)",
        "quit"
    ),
    bind!(
        SNAP_ALL,
        Key::Code(KeyCode::Esc),
        Action::Close,
        "close / back (leaving the workshop asks first)",
        "back"
    ),
    bind!(SNAP_ALL, Key::Ctrl('c'), Action::Quit, "quit"),
];
