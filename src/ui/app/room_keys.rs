//! The room's keys, wherever they are live: open or close the room, hide its panel and show it
//! again, move it to the laptop's next address, and put the QR code full screen on the
//! projector for a large room.

use super::{App, Effect, Overlay};
use crate::ui::keymap::Action;

/// Said when `Esc` hides the room's panel, so the trainer knows how to get it back.
const PANEL_HIDDEN: &str = "Room panel hidden; the room stays open. W shows the panel again.";

impl App {
    /// Handles the room's keys; `None` passes the action on.
    pub(super) fn update_room(&mut self, action: &Action) -> Option<Vec<Effect>> {
        let panel_up = matches!(self.overlay, Some(Overlay::Room));
        match action {
            // `W` on a screen of the open room brings its hidden panel back; `W` in the panel
            // (or with no room open) closes (opens) the room.
            Action::ToggleRoom if self.room.is_some() && !panel_up => {
                self.overlay = Some(Overlay::Room);
                // "Panel hidden" would be wrong under the panel; any other message stays.
                if self.status.as_ref().is_some_and(|s| s.text == PANEL_HIDDEN) {
                    self.status = None;
                }
                Some(Vec::new())
            }
            Action::ToggleRoom => Some(vec![Effect::ToggleRoom]),
            Action::Close if panel_up => {
                self.overlay = None;
                self.say(PANEL_HIDDEN);
                Some(Vec::new())
            }
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
        assert!(
            help.iter().any(|h| h.contains("close the room")),
            "{help:?}"
        );
    }

    #[test]
    fn w_is_live_wherever_phones_take_part_and_says_it_brings_the_panel_back() {
        for ctx in [
            Context::Run,
            Context::Board,
            Context::Rotation,
            Context::SnapshotPage,
            Context::SnapshotDimension,
            Context::SnapshotDots,
            Context::Room,
        ] {
            assert_eq!(press(ctx, 'W'), Some(Action::ToggleRoom), "{ctx:?}");
        }
        // Phones take no part in the rounds, and the room's own view never opens the panel.
        for ctx in [Context::RoundsNotes, Context::RoomView, Context::Entry] {
            assert_ne!(press(ctx, 'W'), Some(Action::ToggleRoom), "{ctx:?}");
        }
        let run = help_lines(Context::Run);
        assert!(
            run.iter()
                .any(|(k, h)| k == "W" && h.contains("show its panel again")),
            "{run:?}"
        );
    }
}
