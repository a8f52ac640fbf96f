//! Keys of a running sticky-note workshop and its notes board.

use super::Action;
use super::Context as C;
use super::binding::{Binding, Key, bind};
use super::contexts::*;
use crossterm::event::KeyCode;

/// What `Q` does, said once for every context it is live in.
const QR_FULL: &str =
    "the room's QR code full screen on the projector, for a large room (and back)";

/// Running a workshop and its board, first in the help.
pub(super) static STICKY: &[Binding] = &[
    // Running a workshop.
    bind!(
        RUNNING,
        Key::Char(' '),
        Action::ToggleTimer,
        "start / pause / resume the timer",
        "timer"
    ),
    bind!(
        RUNNING,
        Key::Char('+'),
        Action::AddTime,
        "add 30 seconds",
        "+30s"
    ),
    bind!(RUNNING, Key::Char('='), Action::AddTime, "add 30 seconds"),
    bind!(
        RUNNING,
        Key::Char('-'),
        Action::RemoveTime,
        "remove 30 seconds",
        "-30s"
    ),
    bind!(
        RUNNING,
        Key::Char('n'),
        Action::NextStep,
        "next step (asks while a countdown still runs)",
        "next"
    ),
    bind!(
        RUNNING,
        Key::Char('p'),
        Action::PreviousStep,
        "previous step",
        "prev"
    ),
    bind!(
        RUNNING,
        Key::Char('a'),
        Action::AddNotes,
        "add notes (scribe)",
        "notes"
    ),
    bind!(
        RUNNING,
        Key::Digits,
        Action::ChooseGroup(1),
        "choose group 1–9",
        "group"
    ),
    bind!(
        RUNNING,
        Key::Char('g'),
        Action::NextGroup,
        "next group (reaches groups 10–12)"
    ),
    bind!(
        &[C::Run, C::Board, C::Rotation, C::Home],
        Key::Char('u'),
        Action::Undo,
        "undo",
        "undo"
    ),
    bind!(RUNNING, Key::Ctrl('r'), Action::Redo, "redo"),
    bind!(
        &[C::Run, C::Rotation],
        Key::Char('b'),
        Action::ShowBoard,
        "notes board (flip-chart pages)",
        "board"
    ),
    bind!(
        &[C::Board, C::Rotation],
        Key::Char('v'),
        Action::ShowRun,
        "back to the run view",
        "run view"
    ),
    bind!(
        &[C::Run, C::Board],
        Key::Char('r'),
        Action::ShowRotation,
        "rotation overview",
        "rotation"
    ),
    bind!(
        RUNNING,
        Key::Char('.'),
        Action::ToggleBlank,
        "blank the screen while you talk"
    ),
    bind!(
        &[C::Room],
        Key::Char('a'),
        Action::NextRoomAddress,
        "move the room to this laptop's next network address (same code)",
        "next address"
    ),
    bind!(
        &[C::Room],
        Key::Char('Q'),
        Action::ToggleFullQr,
        QR_FULL,
        "QR full screen"
    ),
    bind!(
        &[C::Presenter, C::RoomView],
        Key::Char('Q'),
        Action::ToggleFullQr,
        QR_FULL
    ),
    bind!(
        &[C::Blank],
        Key::Char('.'),
        Action::ToggleBlank,
        "show the screen again"
    ),
    bind!(
        RUNNING,
        Key::Char('x'),
        Action::Export,
        "export notes",
        "export"
    ),
    bind!(
        &[C::Run],
        Key::Char('f'),
        Action::FillCategory,
        "fill an empty card: paste its behaviors (Read step)"
    ),
    bind!(
        &[C::Run],
        Key::Code(KeyCode::Down),
        Action::Down,
        "scroll the content down"
    ),
    bind!(
        &[C::Run],
        Key::Code(KeyCode::Up),
        Action::Up,
        "scroll the content up"
    ),
    bind!(
        &[C::Run],
        Key::Code(KeyCode::PageDown),
        Action::PageDown,
        "scroll the content a page down"
    ),
    bind!(
        &[C::Run],
        Key::Code(KeyCode::PageUp),
        Action::PageUp,
        "scroll the content a page up"
    ),
    // The notes board.
    bind!(
        &[C::Board],
        Key::Char('c'),
        Action::ToggleBoardView,
        "switch group page / one category across groups",
        "by group/category"
    ),
    bind!(
        &[C::Board],
        Key::Char('e'),
        Action::EditNote,
        "edit the selected note",
        "edit"
    ),
    bind!(
        &[C::Board],
        Key::Code(KeyCode::Enter),
        Action::EditNote,
        "edit the selected note"
    ),
    bind!(
        &[C::Board],
        Key::Char('m'),
        Action::MoveNote,
        "move the selected note",
        "move"
    ),
    bind!(
        &[C::Board],
        Key::Char('d'),
        Action::DeleteNote,
        "delete the selected note (u undoes)",
        "delete"
    ),
    bind!(
        &[C::Board],
        Key::Code(KeyCode::Delete),
        Action::DeleteNote,
        "delete the selected note"
    ),
    bind!(
        &[C::Board, C::SnapshotAnalysis],
        Key::Char('D'),
        Action::DropDeletedNotes,
        "drop this session's deleted notes for good (asks first)"
    ),
    bind!(
        &[C::Board, C::Move],
        Key::Code(KeyCode::Left),
        Action::Left,
        "previous group / category"
    ),
    bind!(
        &[C::Board, C::Move],
        Key::Code(KeyCode::Right),
        Action::Right,
        "next group / category"
    ),
];
