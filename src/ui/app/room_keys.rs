//! The room's keys, wherever they are live: open or close the room, move it to the laptop's
//! next address, and put the QR code full screen on the projector for a large room.

use super::{App, Effect};
use crate::ui::keymap::Action;

impl App {
    /// Handles the room's keys; `None` passes the action on.
    pub(super) fn update_room(&mut self, action: &Action) -> Option<Vec<Effect>> {
        match action {
            Action::ToggleRoom => Some(vec![Effect::ToggleRoom]),
            Action::NextRoomAddress if self.room.is_some() => Some(vec![Effect::NextRoomAddress]),
            Action::ToggleFullQr => {
                match self.room.as_mut() {
                    Some(panel) => {
                        panel.full_qr = !panel.full_qr;
                        let said = if panel.full_qr {
                            "The projector shows the QR code full screen: Q brings the room's view back."
                        } else {
                            "The projector shows the room's view again, the QR code in its corner."
                        };
                        self.say(said);
                    }
                    None => self.fail(
                        "The room is not open: W opens it, then Q shows its QR code full screen.",
                    ),
                }
                Some(Vec::new())
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::ui::keymap::{Action, Context, action_for, help_lines};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn press(ctx: Context, c: char) -> Option<Action> {
        action_for(ctx, &KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    #[test]
    fn the_room_panel_moves_the_room_and_puts_its_code_full_screen() {
        assert_eq!(press(Context::Room, 'a'), Some(Action::NextRoomAddress));
        assert_eq!(
            press(Context::Run, 'a'),
            Some(Action::AddNotes),
            "a adds notes there"
        );
        for ctx in [Context::Room, Context::Presenter, Context::RoomView] {
            assert_eq!(press(ctx, 'Q'), Some(Action::ToggleFullQr), "{ctx:?}");
        }
        let help: Vec<&str> = help_lines(Context::Room)
            .into_iter()
            .map(|(_, h)| h)
            .collect();
        assert!(
            help.iter().any(|h| h.contains("next network address")),
            "{help:?}"
        );
        assert!(
            help.iter().any(|h| h.contains("QR code full screen")),
            "{help:?}"
        );
    }
}
