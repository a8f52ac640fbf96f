//! The presenter console's new panes drawn on their own: the presenter view (room preview, run
//! of show, trainer notes) and the jump picker, at a laptop's 120×36 and at 80×24.

use crate::support;
use cpm_workshop::room::trainer_notes;
use cpm_workshop::ui::app::App;
use cpm_workshop::ui::keymap::Action;
use cpm_workshop::ui::room_out::view_of;
use cpm_workshop::ui::views::jump;
use cpm_workshop::ui::views::presenter::{self, Console};
use cpm_workshop::workshop::Mode;
use support::screen::draw_with;
use time::OffsetDateTime;
use time::macros::datetime;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 36)];

fn secs(s: i64) -> OffsetDateTime {
    T0 + time::Duration::seconds(s)
}

fn running_late() -> App {
    let mut app = support::apps::sticky_app("practice", Mode::Together, 4, T0);
    // The room began at T0 and reached Engagement's reading 10 minutes in.
    app.update(Action::ToggleTimer, T0);
    app.update(Action::ToggleTimer, T0);
    for _ in 0..5 {
        app.update(Action::NextStep, secs(600));
    }
    app
}

fn draw_console(app: &App, w: u16, h: u16, now: OffsetDateTime) -> String {
    let w_ = app.open_session().unwrap();
    let room = view_of(app).unwrap();
    let notes = trainer_notes(
        &w_.session,
        w_.deck.as_ref(),
        &app.library.sticky,
        &app.library.snapshot,
        w_.group,
    );
    let console = Console {
        session: &w_.session,
        room: &room,
        notes: &notes,
        sticky: &app.library.sticky,
        snapshot: &app.library.snapshot,
    };
    draw_with(w, h, |f| {
        presenter::render(&console, &app.theme, f, f.area(), now)
    })
}

#[test]
fn the_presenter_view_shows_the_room_the_run_of_show_and_the_trainer_notes() {
    let mut app = running_late();
    app.update(Action::NextStep, secs(900)); // Engagement brainstorm, 5 min behind
    for (w, h) in SIZES {
        let screen = draw_console(&app, w, h, secs(900));
        assert!(screen.contains("5 min behind"), "{screen}");
        insta::assert_snapshot!(format!("console_presenter_{w}x{h}"), screen);
    }
}

#[test]
fn the_jump_picker_lists_every_step_with_its_planned_start() {
    let app = running_late();
    let s = &app.open_session().unwrap().session;
    let list = jump::targets(s, &app.library.sticky, &app.library.snapshot);
    for (w, h) in SIZES {
        let screen = draw_with(w, h, |f| {
            jump::render(
                &list,
                12,
                s.position,
                "↑↓ choose · ←→ category · Enter go · Esc stay",
                &app.theme,
                f,
                f.area(),
            )
        });
        assert!(
            screen.contains("▶"),
            "the current step is marked:\n{screen}"
        );
        insta::assert_snapshot!(format!("console_jump_{w}x{h}"), screen);
    }
}
