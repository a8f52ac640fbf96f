//! Keys of lists, home, set-up, typing, and those that work anywhere.

use super::Action;
use super::Context as C;
use super::binding::{Binding, Key, bind};
use super::contexts::*;
use crossterm::event::KeyCode;

/// Lists, home, set-up, typing and "anywhere", after the running workshop's keys in the help.
pub(super) static GENERAL: &[Binding] = &[
    // Lists.
    bind!(LISTS, Key::Code(KeyCode::Up), Action::Up, "move up"),
    bind!(LISTS, Key::Code(KeyCode::Down), Action::Down, "move down"),
    bind!(
        &[C::Home, C::Board, C::Help],
        Key::Code(KeyCode::PageUp),
        Action::PageUp,
        "page up"
    ),
    bind!(
        &[C::Home, C::Board, C::Help],
        Key::Code(KeyCode::PageDown),
        Action::PageDown,
        "page down"
    ),
    bind!(
        &[C::Home],
        Key::Code(KeyCode::Enter),
        Action::Submit,
        "open the selected session",
        "open"
    ),
    bind!(
        &[C::Export],
        Key::Code(KeyCode::Enter),
        Action::Submit,
        "write the chosen file",
        "write"
    ),
    bind!(
        &[C::Move],
        Key::Code(KeyCode::Enter),
        Action::Submit,
        "move the note there",
        "move"
    ),
    // Home.
    bind!(
        &[C::Home],
        Key::Char('r'),
        Action::Rename,
        "rename the selected session",
        "rename"
    ),
    bind!(
        &[C::Home],
        Key::Char('c'),
        Action::Duplicate,
        "copy the selected session's set-up as a new workshop",
        "copy"
    ),
    bind!(
        &[C::Home],
        Key::Char('d'),
        Action::Delete,
        "delete the selected session (to the trash; u restores)",
        "delete"
    ),
    // Set-up.
    bind!(
        &[C::Setup],
        Key::Code(KeyCode::Tab),
        Action::Down,
        "next field"
    ),
    bind!(
        &[C::Setup],
        Key::Code(KeyCode::BackTab),
        Action::Up,
        "previous field"
    ),
    bind!(
        &[C::Setup],
        Key::Code(KeyCode::Left),
        Action::Left,
        "previous choice / cursor left"
    ),
    bind!(
        &[C::Setup],
        Key::Code(KeyCode::Right),
        Action::Right,
        "next choice / cursor right"
    ),
    bind!(
        &[C::Setup],
        Key::Code(KeyCode::Enter),
        Action::Submit,
        "start the workshop",
        "start"
    ),
    // Typing.
    bind!(
        &[C::Entry, C::TextPrompt],
        Key::Code(KeyCode::Enter),
        Action::Submit,
        "save",
        "save"
    ),
    bind!(
        &[C::Entry],
        Key::Code(KeyCode::Tab),
        Action::CyclePrompt,
        "change the prompt (already / enhance / commitment)",
        "prompt"
    ),
    bind!(
        &[C::Move],
        Key::Code(KeyCode::Tab),
        Action::CyclePrompt,
        "change the prompt"
    ),
    bind!(
        &[C::Entry],
        Key::Ctrl('t'),
        Action::ToggleInitials,
        "type the author's initials / back to the note",
        "initials"
    ),
    bind!(
        &[C::Entry],
        Key::Code(KeyCode::Up),
        Action::Up,
        "previous group"
    ),
    bind!(
        &[C::Entry],
        Key::Code(KeyCode::Down),
        Action::Down,
        "next group"
    ),
    // Anywhere.
    bind!(&[C::Confirm], Key::Char('y'), Action::Yes, "yes", "yes"),
    bind!(&[C::Confirm], Key::Char('n'), Action::No, "no", "no"),
    bind!(
        &[C::Unsaved],
        Key::Char('r'),
        Action::RetrySave,
        "save again, then quit if it worked",
        "save again"
    ),
    bind!(
        &[C::Unsaved],
        Key::Char('e'),
        Action::Export,
        "write the whole session as JSON to the export folder",
        "export"
    ),
    bind!(
        &[C::Unsaved],
        Key::Char('y'),
        Action::Yes,
        "quit anyway: the unsaved changes are lost",
        "quit anyway"
    ),
    bind!(
        &[C::Unsaved],
        Key::Char('n'),
        Action::No,
        "back to the workshop"
    ),
    bind!(
        &[
            C::Home,
            C::Run,
            C::Board,
            C::Rotation,
            C::Move,
            C::Export,
            C::Setup,
            C::Presenter,
            C::RoomView,
            C::Jump
        ],
        Key::Char('?'),
        Action::Help,
        "this help",
        "help"
    ),
    bind!(&[C::Help], Key::Char('?'), Action::Close, "close the help"),
    bind!(
        &[
            C::Home,
            C::Run,
            C::Board,
            C::Rotation,
            C::TooSmall,
            C::Presenter,
            C::RoomView
        ],
        Key::Char('q'),
        Action::Quit,
        "quit (asks while a timer runs or saves fail)",
        "quit"
    ),
    bind!(
        &[
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
            C::Presenter,
            C::RoomView,
            C::Jump,
            C::Room
        ],
        Key::Code(KeyCode::Esc),
        Action::Close,
        "close / back (leaving the workshop asks first)",
        "back"
    ),
    bind!(
        &[
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
            C::TooSmall,
            C::Presenter,
            C::RoomView,
            C::Jump
        ],
        Key::Ctrl('c'),
        Action::Quit,
        "quit (asks as q does; Ctrl-c again quits)"
    ),
];

/// Keys that belong to the terminal, last in every help.
pub(super) static TERMINAL: &[Binding] = &[
    // The terminal, on every screen.
    #[cfg(unix)]
    bind!(
        EVERYWHERE,
        Key::Ctrl('z'),
        Action::Suspend,
        "suspend to the shell (fg brings the app back)"
    ),
    bind!(
        EVERYWHERE,
        Key::Ctrl('l'),
        Action::Redraw,
        "draw the whole screen again"
    ),
];
