//! The room's panel after `Esc`: with the room open, `Esc` hides the panel and says how to get
//! it back, `W` on the workshop's screen shows it again without touching the room, and `W` in
//! the panel closes the room — on the sticky-note run view and board and on a Snapshot page,
//! pressed as keys through the keymap.

use crate::support;
use cpm_workshop::ui::app::{App, Effect, RoomPanel};
use cpm_workshop::ui::keymap::{Context, help_lines};
use cpm_workshop::workshop::Mode;
use crossterm::event::KeyCode;
use support::screen::{assert_shows, draw, press};
use time::OffsetDateTime;
use time::macros::datetime;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

/// `app` with the room open and its panel up, as the loop leaves it when the room opens.
fn with_room(mut app: App) -> App {
    app.room = Some(RoomPanel {
        link: "http://192.168.1.20:41234/join?code=K7M4QX".into(),
        code: "K7M4QX".into(),
        phones: 3,
        address: "192.168.1.20:41234".into(),
        place: "192.168.1.20 on wlan0 (address 1 of 1)".into(),
        check: None,
        full_qr: false,
    });
    app.overlay = Some(cpm_workshop::ui::app::Overlay::Room);
    app
}

fn key(app: &mut App, c: char) -> Vec<Effect> {
    press(app, KeyCode::Char(c), T0)
}

/// Hides the panel, brings it back with `W`, hides it again, brings it back, then closes the
/// room from it: `screen` is the context the workshop's own screen has.
fn hide_show_and_close(mut app: App, screen: Context) {
    assert_eq!(app.context(), Context::Room);
    for round in 0..2 {
        assert!(
            press(&mut app, KeyCode::Esc, T0).is_empty(),
            "Esc only hides"
        );
        assert_eq!(app.context(), screen, "{screen:?} round {round}");
        let hidden = draw(&app, 120, 40, T0);
        assert!(
            !hidden.contains("3 phones connected"),
            "{screen:?}: the panel is hidden:\n{hidden}"
        );
        assert!(
            hidden.contains("W shows the panel again"),
            "{screen:?}: the status line says how to get it back:\n{hidden}"
        );
        let help = help_lines(screen);
        assert!(
            help.iter()
                .any(|(k, h)| k == "W" && h.contains("or show its panel again once open")),
            "{screen:?}: the help says what W does: {help:?}"
        );

        let effects = key(&mut app, 'W');
        assert!(
            effects.is_empty(),
            "{screen:?}: W with the panel hidden leaves the room open: {effects:?}"
        );
        assert_eq!(
            app.context(),
            Context::Room,
            "{screen:?}: the panel is back"
        );
        let shown = draw(&app, 120, 40, T0);
        let lines = [
            "3 phones connected",
            "Join: http://192.168.1.20:41234",
            "Self-test",
            // In the panel W closes the room.
            "W  close room",
        ];
        assert_shows(&shown, &lines, &format!("{screen:?}: the panel is back"));
        assert!(
            !shown.contains("W shows the panel again."),
            "{screen:?}: the status line no longer says the panel is hidden:\n{shown}"
        );
    }
    assert_eq!(key(&mut app, 'W'), vec![Effect::ToggleRoom], "{screen:?}");
}

#[test]
fn w_shows_the_hidden_room_panel_again_on_the_run_view_and_the_board() {
    let run = support::apps::sticky_app("practice", Mode::Together, 4, T0);
    hide_show_and_close(with_room(run), Context::Run);
    let mut board = support::apps::sticky_app("practice", Mode::Together, 4, T0);
    key(&mut board, 'b');
    hide_show_and_close(with_room(board), Context::Board);
}

#[test]
fn w_shows_the_hidden_room_panel_again_in_a_snapshot_warm_up() {
    hide_show_and_close(
        with_room(super::snapshot_app::open()),
        Context::SnapshotPage,
    );
}

#[test]
fn w_with_no_room_open_opens_it_and_other_messages_stay_under_the_panel() {
    let mut app = support::apps::sticky_app("practice", Mode::Together, 4, T0);
    assert_eq!(
        key(&mut app, 'W'),
        vec![Effect::ToggleRoom],
        "the loop opens it"
    );
    let mut app = with_room(app);
    press(&mut app, KeyCode::Esc, T0);
    app.fail("Self-test failed: a firewall on this laptop is probably blocking the port.");
    key(&mut app, 'W');
    assert_eq!(app.context(), Context::Room);
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.starts_with("Self-test failed")),
        "{:?}",
        app.status
    );
}
