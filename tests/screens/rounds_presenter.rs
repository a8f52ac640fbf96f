//! The presenter's keys on the rounds screens (discussion rounds, values check), pressed as keys
//! through the keymap: `o` the presenter view, `w` the room's view on the console and `j` the
//! jump picker work on the intro, a talk page and a "where do we stand?" page as they do on the
//! sticky-note screens, and drive the room from there.

use super::rounds_screens::{go_to, open, state};
use crate::support;
use cpm_workshop::ui::app::{App, Effect, Overlay};
use cpm_workshop::ui::keymap::Context;
use cpm_workshop::workshop::Activity;
use cpm_workshop::workshop::rounds::RoundPage;
use crossterm::event::KeyCode;
use support::screen::{assert_shows, draw};
use time::OffsetDateTime;
use time::macros::datetime;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    support::screen::press(app, code, T0)
}

fn key(app: &mut App, c: char) -> Vec<Effect> {
    press(app, KeyCode::Char(c))
}

/// The three kinds of rounds page, each with the context its keys live in.
fn pages() -> Vec<(App, Context)> {
    let intro = open(Activity::Discussion);
    let mut talk = open(Activity::Discussion);
    go_to(&mut talk, RoundPage::Step { item: 1, step: 0 });
    let mut mark = open(Activity::Values);
    go_to(&mut mark, RoundPage::Step { item: 2, step: 0 });
    vec![
        (intro, Context::RoundsPage),
        (talk, Context::RoundsNotes),
        (mark, Context::RoundsMark),
    ]
}

#[test]
fn o_opens_the_presenter_view_on_every_rounds_page_and_o_comes_back() {
    for (mut app, page) in pages() {
        assert_eq!(app.context(), page);
        key(&mut app, 'o');
        assert_eq!(app.context(), Context::Presenter, "{page:?}");
        // The run of show lists the rounds' pages, down to the summary.
        assert_shows(
            &draw(&app, 120, 36, T0),
            &[
                "The room sees",
                "Run of show",
                "Trainer notes (not projected)",
                "Summary",
            ],
            &format!("{page:?}"),
        );
        assert!(
            !draw(&app, 120, 36, T0).contains("behaviors on the card"),
            "{page:?}: a rounds page has no card of behaviors"
        );
        key(&mut app, 'o');
        assert_eq!(app.context(), page, "o again: back to the page");
    }
}

#[test]
fn w_shows_the_rooms_view_full_screen_and_drives_the_room_from_it() {
    for (mut app, page) in pages() {
        let before = state(&app).page;
        key(&mut app, 'w');
        assert_eq!(app.context(), Context::RoomView, "{page:?}");
        let screen = draw(&app, 120, 36, T0);
        assert!(
            !screen.contains("saved ✓") && !screen.contains("?  help"),
            "{page:?}: nothing of the console reaches the room:\n{screen}"
        );
        // The room's keys still work from the room's view.
        key(&mut app, 'n');
        assert_eq!(state(&app).page, before + 1, "{page:?}: n turned the page");
        assert_eq!(
            app.context(),
            Context::RoomView,
            "{page:?}: still the room's view"
        );
        press(&mut app, KeyCode::Esc);
        assert_ne!(app.context(), Context::RoomView, "{page:?}: Esc comes back");
        key(&mut app, 'w');
        key(&mut app, 'w');
        assert_ne!(app.context(), Context::RoomView, "{page:?}: w comes back");
    }
}

#[test]
fn j_jumps_to_any_page_and_the_page_starts_its_own_countdown() {
    let mut app = open(Activity::Discussion);
    key(&mut app, 'j');
    assert!(matches!(app.overlay, Some(Overlay::Jump { .. })));
    let screen = draw(&app, 120, 36, T0);
    assert!(
        screen.contains("Jump to") && screen.contains("10. Summary"),
        "{screen}"
    );
    // → skips the intro, → the first question; ↓ its share step.
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Down);
    let effects = press(&mut app, KeyCode::Enter);
    assert!(app.overlay.is_none(), "Enter closes the picker");
    assert_eq!(
        state(&app).current_page(),
        RoundPage::Step { item: 1, step: 1 },
        "question 2, share with the room"
    );
    assert!(effects.contains(&Effect::Save), "{effects:?}");
    let open = app.open_session().expect("a session is open");
    assert_eq!(
        open.session.timer.length_ms,
        Some(180_000),
        "the share step's own countdown"
    );
    let screen = draw(&app, 120, 36, T0);
    assert!(
        screen.contains("Question 2 of 4 · Share with the room"),
        "{screen}"
    );

    // Back to the page on show: nothing changes and the trainer is told so.
    key(&mut app, 'j');
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        state(&app).current_page(),
        RoundPage::Step { item: 1, step: 1 }
    );
    assert!(
        draw(&app, 120, 36, T0).contains("That is the page on show."),
        "{}",
        draw(&app, 120, 36, T0)
    );
}
