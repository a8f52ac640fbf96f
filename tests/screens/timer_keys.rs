//! The timer keys act the same on every activity's screens (sticky notes, the Snapshot, the
//! rounds): `Space` starts and pauses and marks when the room began, `+` after the bell rang
//! gives a new deadline at which it rings again, `-` never re-arms a bell whose time is up, and
//! each key saves (counted while not yet on disk) without a status message.

use crate::support;
use crate::support::session_id as sid;
use cpm_workshop::content::Library;
use cpm_workshop::ui::app::{App, Effect, Screen};
use cpm_workshop::ui::keymap::Action;
use cpm_workshop::ui::open_session::OpenSession;
use cpm_workshop::ui::theme::{Theme, ThemeName};
use cpm_workshop::workshop::rounds::durations_for;
use cpm_workshop::workshop::snapshot::SnapshotState;
use cpm_workshop::workshop::{Activity, Face, Mode, RunState, Session, SessionSpec, Timer};
use time::OffsetDateTime;
use time::macros::datetime;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

fn at(s: i64) -> OffsetDateTime {
    T0 + time::Duration::seconds(s)
}

fn opened(spec: SessionSpec) -> App {
    let mut app = App::new(Library::shipped(), Theme::new(ThemeName::Mono), Vec::new());
    app.opened(Session::new(sid("20261123-0900-00"), spec, T0).expect("a valid spec"));
    app
}

/// One app per activity screen, named.
fn every_screen() -> Vec<(&'static str, App)> {
    let library = Library::shipped();
    let discussion = library.discussion.clone();
    let rounds = SessionSpec {
        name: "Tuesday forum".into(),
        activity: Activity::Discussion,
        deck: Activity::Discussion.id().into(),
        categories: discussion.item_texts(),
        groups: 3,
        group_names: Vec::new(),
        mode: Mode::Together,
        durations: durations_for(&discussion),
        role: None,
    };
    vec![
        (
            "sticky notes",
            support::apps::sticky_app("practice", Mode::Rotation, 4, T0),
        ),
        (
            "Snapshot",
            opened(SnapshotState::session_spec("Leadership", &library.snapshot)),
        ),
        ("rounds", opened(rounds)),
    ]
}

fn open(app: &App) -> &OpenSession {
    app.open_session().expect("a session is open")
}

fn open_mut(app: &mut App) -> &mut OpenSession {
    match &mut app.screen {
        Screen::Sticky(w) => w,
        Screen::Snapshot(s) => &mut s.open,
        Screen::Rounds(s) => &mut s.open,
        _ => panic!("no session is open"),
    }
}

/// A timer key at `now`: it asks for one save, counted as not yet on disk, and says nothing.
fn press(name: &str, app: &mut App, action: Action, now: OffsetDateTime) {
    let unsaved = app.unsaved;
    assert_eq!(
        app.update(action.clone(), now),
        vec![Effect::Save],
        "{name}: {action:?}"
    );
    assert_eq!(
        app.unsaved,
        unsaved + 1,
        "{name}: {action:?} counts a change"
    );
    assert_eq!(app.status, None, "{name}: {action:?} has no message");
    assert_eq!(open(app).session.updated, now, "{name}: {action:?}");
}

fn face(app: &App, now: OffsetDateTime) -> Face {
    open(app).session.timer.reading(now).face
}

#[test]
fn space_starts_and_pauses_and_marks_the_start_on_every_screen() {
    for (name, mut app) in every_screen() {
        open_mut(&mut app).session.timer = Timer::new(Some(60));
        assert_eq!(open(&app).session.started, None, "{name}");
        press(name, &mut app, Action::ToggleTimer, at(5));
        assert_eq!(
            open(&app).session.timer.state(),
            RunState::Running,
            "{name}"
        );
        assert_eq!(open(&app).session.started, Some(at(5)), "{name}");
        press(name, &mut app, Action::ToggleTimer, at(20));
        assert_eq!(open(&app).session.timer.state(), RunState::Paused, "{name}");
        assert_eq!(face(&app, at(90)), Face::Remaining(45), "{name}");
        press(name, &mut app, Action::ToggleTimer, at(90));
        assert_eq!(
            open(&app).session.started,
            Some(at(5)),
            "{name}: a restart does not move the room's start"
        );
    }
}

#[test]
fn more_time_after_the_bell_is_a_new_deadline_that_rings_again_on_every_screen() {
    for (name, mut app) in every_screen() {
        open_mut(&mut app).session.timer = Timer::new(Some(60));
        press(name, &mut app, Action::ToggleTimer, T0);
        assert_eq!(app.tick(at(59)), vec![], "{name}: time is not up yet");
        assert_eq!(app.tick(at(61)), vec![Effect::Bell], "{name}: time is up");
        assert_eq!(app.tick(at(62)), vec![], "{name}: the bell rings once");

        // 10 s over, 30 s more: 20 s left, and the bell rings at the new deadline.
        press(name, &mut app, Action::AddTime, at(70));
        assert_eq!(face(&app, at(70)), Face::Remaining(20), "{name}");
        assert_eq!(app.tick(at(89)), vec![], "{name}");
        assert_eq!(app.tick(at(91)), vec![Effect::Bell], "{name}: rings again");

        // Over again: 30 s less keeps it over, and the bell stays quiet.
        press(name, &mut app, Action::RemoveTime, at(95));
        assert_eq!(face(&app, at(95)), Face::Overtime(35), "{name}");
        assert_eq!(app.tick(at(96)), vec![], "{name}: time was already up");
    }
}

#[test]
fn less_time_that_leaves_time_on_the_clock_rings_at_the_earlier_deadline_on_every_screen() {
    for (name, mut app) in every_screen() {
        open_mut(&mut app).session.timer = Timer::new(Some(60));
        press(name, &mut app, Action::ToggleTimer, T0);
        assert_eq!(app.tick(at(61)), vec![Effect::Bell], "{name}");
        // Two nudges up while over, one down: 30 s after the original deadline.
        press(name, &mut app, Action::AddTime, at(65));
        press(name, &mut app, Action::AddTime, at(66));
        press(name, &mut app, Action::RemoveTime, at(67));
        assert_eq!(face(&app, at(67)), Face::Remaining(23), "{name}");
        assert_eq!(app.tick(at(89)), vec![], "{name}");
        assert_eq!(app.tick(at(90)), vec![Effect::Bell], "{name}");
    }
}
