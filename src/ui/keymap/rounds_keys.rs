//! Keys of the rounds activities (discussion rounds, values check): the same keys on every
//! activity written as a rounds script, so a new one needs no new keys.

use super::Action;
use super::Context as C;
use super::binding::{Binding, Key, bind};
use super::contexts::*;
use crossterm::event::KeyCode;

/// Every rounds page and the note input.
pub(super) static ROUNDS: &[Binding] = &[
    bind!(
        ROUNDS_PAGES,
        Key::Char('n'),
        Action::NextStep,
        "next page (a step page starts its own countdown)",
        "next"
    ),
    bind!(
        ROUNDS_PAGES,
        Key::Char('p'),
        Action::PreviousStep,
        "previous page",
        "prev"
    ),
    bind!(
        ROUNDS_PAGES,
        Key::Char(' '),
        Action::ToggleTimer,
        "start / pause / resume the timer",
        "timer"
    ),
    bind!(
        ROUNDS_PAGES,
        Key::Char('+'),
        Action::AddTime,
        "add 30 seconds",
        "+30s"
    ),
    bind!(
        ROUNDS_PAGES,
        Key::Char('='),
        Action::AddTime,
        "add 30 seconds"
    ),
    bind!(
        ROUNDS_PAGES,
        Key::Char('-'),
        Action::RemoveTime,
        "remove 30 seconds"
    ),
    bind!(
        &[C::RoundsMark],
        Key::Digits,
        Action::Vote(1),
        "one hand (or dot) for that mark (1 = the first)",
        "hand"
    ),
    bind!(
        &[C::RoundsMark],
        Key::Char('u'),
        Action::Undo,
        "take back the last hand on this item",
        "take back"
    ),
    bind!(
        &[C::RoundsNotes, C::RoundsMark],
        Key::Char('a'),
        Action::AddNotes,
        "type notes (start one with ? to follow it up)",
        "notes"
    ),
    bind!(
        &[C::RoundsNotes],
        Key::Digits,
        Action::ChooseGroup(1),
        "choose the group the notes are from (1–9)",
        "group"
    ),
    bind!(
        &[C::RoundsNotes],
        Key::Char('g'),
        Action::NextGroup,
        "next group (reaches groups 10–12)"
    ),
    bind!(
        &[C::RoundsNotes],
        Key::Code(KeyCode::Up),
        Action::Up,
        "select the note above"
    ),
    bind!(
        &[C::RoundsNotes],
        Key::Code(KeyCode::Down),
        Action::Down,
        "select the note below"
    ),
    bind!(
        &[C::RoundsNotes],
        Key::Char('f'),
        Action::ToggleFollowUp,
        "mark the selected note to follow up, or unmark it",
        "follow up"
    ),
    bind!(
        &[C::RoundsNotes],
        Key::Char('d'),
        Action::DeleteNote,
        "delete the selected note (kept in the session's trash)",
        "delete"
    ),
    bind!(
        &[C::RoundsPage],
        Key::Code(KeyCode::Up),
        Action::Up,
        "scroll up"
    ),
    bind!(
        &[C::RoundsPage],
        Key::Code(KeyCode::Down),
        Action::Down,
        "scroll down"
    ),
    bind!(
        &[C::RoundsPage],
        Key::Code(KeyCode::PageUp),
        Action::PageUp,
        "scroll a page up"
    ),
    bind!(
        &[C::RoundsPage],
        Key::Code(KeyCode::PageDown),
        Action::PageDown,
        "scroll a page down"
    ),
    bind!(
        ROUNDS_PAGES,
        Key::Char('x'),
        Action::Export,
        "export (notes per question and group, follow-ups)",
        "export"
    ),
    bind!(
        ROUNDS_PAGES,
        Key::Char('.'),
        Action::ToggleBlank,
        "blank the screen while you talk"
    ),
    bind!(
        &[C::RoundsEntry],
        Key::Code(KeyCode::Enter),
        Action::Submit,
        "save",
        "save"
    ),
    bind!(
        &[C::RoundsEntry],
        Key::Code(KeyCode::Up),
        Action::Up,
        "previous group",
        "group"
    ),
    bind!(
        &[C::RoundsEntry],
        Key::Code(KeyCode::Down),
        Action::Down,
        "next group"
    ),
    bind!(
        ROUNDS_PAGES,
        Key::Char('?'),
        Action::Help,
        "this help",
        "help"
    ),
    bind!(
        ROUNDS_PAGES,
        Key::Char('q'),
        Action::Quit,
        "quit (everything is already saved)",
        "quit"
    ),
    bind!(
        ROUNDS_ALL,
        Key::Code(KeyCode::Esc),
        Action::Close,
        "close / back (leaving the workshop asks first)",
        "back"
    ),
    bind!(ROUNDS_ALL, Key::Ctrl('c'), Action::Quit, "quit"),
];
