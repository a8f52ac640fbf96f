//! One line of the keymap, and the macro that writes one.

use super::{Action, Context};
use crossterm::event::KeyCode;

/// A key as written in the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    /// `1`–`9`: choose a group.
    Digits,
}

/// One line of the keymap: where it applies, the key, what it does.
#[derive(Debug, Clone)]
pub struct Binding {
    pub contexts: &'static [Context],
    pub key: Key,
    pub action: Action,
    /// What the help overlay says.
    pub help: &'static str,
    /// The short word in the hint bar, if it earns a place there.
    pub hint: Option<&'static str>,
}

/// A [`Binding`] with or without a hint-bar word.
macro_rules! bind {
    ($ctx:expr, $key:expr, $action:expr, $help:expr) => {
        Binding {
            contexts: $ctx,
            key: $key,
            action: $action,
            help: $help,
            hint: None,
        }
    };
    ($ctx:expr, $key:expr, $action:expr, $help:expr, $hint:expr) => {
        Binding {
            contexts: $ctx,
            key: $key,
            action: $action,
            help: $help,
            hint: Some($hint),
        }
    };
}
pub(super) use bind;
