//! The presenter's keys: the presenter view, the room view on the console, the jump picker,
//! and the keys that drive the room from those views.

use super::Action;
use super::Context as C;
use super::binding::{Binding, Key, bind};
use super::contexts::*;
use crossterm::event::KeyCode;

/// Keys of the presenter's panes and the jump picker.
pub(super) static PRESENTER: &[Binding] = &[
    bind!(
        SESSION_SCREENS,
        Key::Char('o'),
        Action::ShowPresenter,
        "presenter view: run of show, preview, trainer notes",
        "presenter"
    ),
    bind!(
        SESSION_SCREENS,
        Key::Char('w'),
        Action::ShowRoom,
        "the room's view on this screen (one screen)",
        "room view"
    ),
    bind!(
        SESSION_SCREENS,
        Key::Char('j'),
        Action::Jump,
        "jump to any category, step or page",
        "jump"
    ),
    // Driving the room from the presenter view or the room view.
    bind!(
        PRESENTING,
        Key::Char(' '),
        Action::ToggleTimer,
        "start / pause / resume the timer",
        "timer"
    ),
    bind!(
        PRESENTING,
        Key::Char('+'),
        Action::AddTime,
        "add 30 seconds"
    ),
    bind!(
        PRESENTING,
        Key::Char('-'),
        Action::RemoveTime,
        "remove 30 seconds"
    ),
    bind!(
        PRESENTING,
        Key::Char('n'),
        Action::NextStep,
        "next step (asks while a countdown still runs)",
        "next"
    ),
    bind!(
        PRESENTING,
        Key::Char('p'),
        Action::PreviousStep,
        "previous step"
    ),
    bind!(
        PRESENTING,
        Key::Char('.'),
        Action::ToggleBlank,
        "blank the room's screen while you talk"
    ),
    bind!(
        &[C::Presenter],
        Key::Char('v'),
        Action::Close,
        "back to the run view"
    ),
    // The jump picker.
    bind!(
        &[C::Jump],
        Key::Code(KeyCode::Up),
        Action::Up,
        "previous step"
    ),
    bind!(
        &[C::Jump],
        Key::Code(KeyCode::Down),
        Action::Down,
        "next step"
    ),
    bind!(
        &[C::Jump],
        Key::Code(KeyCode::Left),
        Action::Left,
        "previous category"
    ),
    bind!(
        &[C::Jump],
        Key::Code(KeyCode::Right),
        Action::Right,
        "next category"
    ),
    bind!(
        &[C::Jump],
        Key::Code(KeyCode::PageUp),
        Action::PageUp,
        "page up"
    ),
    bind!(
        &[C::Jump],
        Key::Code(KeyCode::PageDown),
        Action::PageDown,
        "page down"
    ),
    bind!(
        &[C::Jump],
        Key::Code(KeyCode::Enter),
        Action::Submit,
        "go to the chosen step",
        "go"
    ),
];
