//! The projector's keys, as data: it only draws, so the only keys are leaving and redrawing.
//! Listed once here; the projector's help line and README come from this table.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key does on the projector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProjectorKey {
    Quit,
    Redraw,
}

/// One key of the projector: the key, whether Ctrl is held, what it does and its name.
pub struct Binding {
    pub code: KeyCode,
    pub ctrl: bool,
    pub key: ProjectorKey,
    pub label: &'static str,
}

/// Every projector key.
pub const BINDINGS: [Binding; 4] = [
    Binding {
        code: KeyCode::Char('q'),
        ctrl: false,
        key: ProjectorKey::Quit,
        label: "q",
    },
    Binding {
        code: KeyCode::Esc,
        ctrl: false,
        key: ProjectorKey::Quit,
        label: "Esc",
    },
    Binding {
        code: KeyCode::Char('c'),
        ctrl: true,
        key: ProjectorKey::Quit,
        label: "Ctrl-c",
    },
    Binding {
        code: KeyCode::Char('l'),
        ctrl: true,
        key: ProjectorKey::Redraw,
        label: "Ctrl-l",
    },
];

/// What a key press does on the projector, if anything (the caller passes presses only).
pub fn key_for(key: &KeyEvent) -> Option<ProjectorKey> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    BINDINGS
        .iter()
        .find(|b| b.code == key.code && b.ctrl == ctrl)
        .map(|b| b.key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn q_esc_and_ctrl_c_quit_and_nothing_else_acts() {
        let press = |code, m| key_for(&KeyEvent::new(code, m));
        assert_eq!(
            press(KeyCode::Char('q'), KeyModifiers::NONE),
            Some(ProjectorKey::Quit)
        );
        assert_eq!(
            press(KeyCode::Esc, KeyModifiers::NONE),
            Some(ProjectorKey::Quit)
        );
        assert_eq!(
            press(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(ProjectorKey::Quit)
        );
        assert_eq!(
            press(KeyCode::Char('l'), KeyModifiers::CONTROL),
            Some(ProjectorKey::Redraw)
        );
        assert_eq!(press(KeyCode::Char('c'), KeyModifiers::NONE), None);
        assert_eq!(press(KeyCode::Char(' '), KeyModifiers::NONE), None);
        assert_eq!(press(KeyCode::Char('n'), KeyModifiers::NONE), None);
    }
}
