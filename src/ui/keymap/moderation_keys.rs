//! The trainer's keys for phones: `W` opens the room (or, once it is open, shows its panel
//! again after `Esc` hid it; in the panel `W` closes the room), and for phones' notes, whether
//! they reach the projector at once or wait in a queue, and the queue itself (show, hide, show
//! all).

use super::Action;
use super::Context as C;
use super::binding::{Binding, Key, bind};
use super::contexts::ROOM_SCREENS;
use crossterm::event::KeyCode;

/// The console's screens of a running workshop where the queue opens: never the room's own
/// view, which the room may be looking at.
const CONSOLE: &[C] = &[C::Run, C::Board, C::Rotation, C::Presenter];

/// The room and moderation keys, after the running workshop's in the help.
pub(super) static MODERATION: &[Binding] = &[
    bind!(
        ROOM_SCREENS,
        Key::Char('W'),
        Action::ToggleRoom,
        "open the room for phones, or show its panel again once open",
        "phones"
    ),
    bind!(
        &[C::Room],
        Key::Char('W'),
        Action::ToggleRoom,
        "close the room (Esc only hides this panel)",
        "close room"
    ),
    bind!(
        CONSOLE,
        Key::Char('M'),
        Action::ToggleModeration,
        "phones' notes: projected at once / held for your approval"
    ),
    bind!(
        CONSOLE,
        Key::Char('h'),
        Action::ShowQueue,
        "held phones' notes: the queue to approve or hide them"
    ),
    bind!(
        &[C::Queue],
        Key::Code(KeyCode::Up),
        Action::Up,
        "previous note"
    ),
    bind!(
        &[C::Queue],
        Key::Code(KeyCode::Down),
        Action::Down,
        "next note",
        "choose"
    ),
    bind!(
        &[C::Queue],
        Key::Char('a'),
        Action::Approve,
        "approve: show the note on the projector (u undoes)",
        "approve"
    ),
    bind!(
        &[C::Queue],
        Key::Char('x'),
        Action::Hide,
        "hide: never on the projector, still the group's note (u undoes)",
        "hide"
    ),
    bind!(
        &[C::Queue],
        Key::Char('A'),
        Action::ApproveAll,
        "approve every waiting note",
        "approve all"
    ),
    bind!(
        &[C::Queue],
        Key::Char('M'),
        Action::ToggleModeration,
        "switch: hold phones' notes / show them at once",
        "mode"
    ),
    bind!(&[C::Queue], Key::Char('u'), Action::Undo, "undo"),
    bind!(&[C::Queue], Key::Char('?'), Action::Help, "this help"),
    bind!(
        &[C::Queue],
        Key::Code(KeyCode::Esc),
        Action::Close,
        "close the queue",
        "close"
    ),
    bind!(
        &[C::Queue],
        Key::Char('h'),
        Action::Close,
        "close the queue"
    ),
];
