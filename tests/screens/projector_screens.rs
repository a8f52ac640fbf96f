//! The projector's room view drawn at projector sizes (64×18 up to 300×90) and compared with
//! reviewed snapshots: what the room sees of a session at each kind of step.

use crate::support;
use crate::support::session_id as sid;
use cpm_workshop::content::Library;
use cpm_workshop::room::RoomView;
use cpm_workshop::ui::app::App;
use cpm_workshop::ui::keymap::Action;
use cpm_workshop::ui::projector::view::{self, Showing};
use cpm_workshop::ui::room_out::view_of;
use cpm_workshop::ui::theme::{Theme, ThemeName};
use cpm_workshop::workshop::snapshot::SnapshotState;
use cpm_workshop::workshop::{Mode, Session};
use support::screen::draw_with;
use time::OffsetDateTime;
use time::macros::datetime;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);
const SIZES: [(u16, u16); 3] = [(64, 18), (120, 36), (300, 90)];

fn secs(s: i64) -> OffsetDateTime {
    T0 + time::Duration::seconds(s)
}

fn theme() -> Theme {
    Theme::new(ThemeName::Mono)
}

fn draw(showing: Showing, w: u16, h: u16, now: OffsetDateTime) -> String {
    draw_with(w, h, |f| view::render(showing, &theme(), f, now))
}

fn snap(name: &str, v: &RoomView, now: OffsetDateTime) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(Showing::Room(v), w, h, now));
    }
}

fn workshop(deck: &str, mode: Mode) -> App {
    support::apps::sticky_app(deck, mode, 4, T0)
}

fn room(app: &App) -> RoomView {
    view_of(app).expect("a session is open")
}

#[test]
fn reading_the_first_card() {
    let app = workshop("practice", Mode::Together);
    snap("projector_read", &room(&app), T0);
}

#[test]
fn a_brainstorm_counting_down_in_a_rotation() {
    let mut app = workshop("practice", Mode::Rotation);
    app.update(Action::NextStep, T0);
    app.update(Action::ToggleTimer, T0);
    snap("projector_brainstorm", &room(&app), secs(95));
}

#[test]
fn the_wall_during_a_share() {
    let mut app = workshop("practice", Mode::Together);
    app.update(Action::NextStep, T0);
    support::apps::type_notes(&mut app, &support::apps::SAMPLE_NOTES, T0);
    app.update(Action::Close, T0);
    app.update(Action::NextStep, T0);
    snap("projector_share", &room(&app), T0);
}

#[test]
fn a_long_card_turns_pages_without_scrolling() {
    // The leadership deck's Engagement card: four behaviors with many items.
    let mut app = workshop("leadership", Mode::Together);
    for _ in 0..5 {
        app.update(Action::NextStep, T0);
    }
    let v2 = room(&app);
    assert_eq!(v2.heading, "Engagement");
    let (_, pages) = view::page_of(&v2, &theme(), 64, 18, T0);
    assert!(pages > 1, "a long card at 64×18 needs pages: {pages}");
    let first = draw(Showing::Room(&v2), 64, 18, T0);
    let later = draw(Showing::Room(&v2), 64, 18, secs(view::PAGE_SECONDS));
    assert_ne!(first, later, "the page turns by itself");
    assert!(first.contains(&format!("page 1 of {pages}")), "{first}");
    assert!(later.contains(&format!("page 2 of {pages}")), "{later}");
    let mut pinned = v2.clone();
    pinned.page = Some(1);
    let held = draw(Showing::Room(&pinned), 64, 18, T0);
    assert_eq!(
        held,
        draw(Showing::Room(&pinned), 64, 18, secs(600)),
        "the presenter's page stays"
    );
    insta::assert_snapshot!("projector_pages_64x18", first);
    insta::assert_snapshot!(
        "projector_pages_300x90",
        draw(Showing::Room(&v2), 300, 90, T0)
    );
}

#[test]
fn the_snapshot_tally() {
    let library = Library::shipped();
    let spec = SnapshotState::session_spec("Leaders", &library.snapshot);
    let mut s = Session::new(sid("20261123-0900-01"), spec, T0).unwrap();
    let st = s.snapshot_mut(&library.snapshot);
    st.vote(0, 0, 2).unwrap();
    st.vote(0, 1, 7).unwrap();
    st.vote(0, 2, 3).unwrap();
    st.set_page(cpm_workshop::workshop::snapshot::SnapshotPage::Tally(0));
    let mut app = App::new(library, theme(), Vec::new());
    app.opened(s);
    snap("projector_tally", &room(&app), T0);
}

#[test]
fn waiting_blank_and_too_small() {
    let waiting = Showing::Waiting {
        session: None,
        problem: None,
    };
    insta::assert_snapshot!("projector_waiting_64x18", draw(waiting, 64, 18, T0));
    let mut v = room(&workshop("practice", Mode::Together));
    v.blank = true;
    let blank = draw(Showing::Room(&v), 120, 36, T0);
    assert!(
        blank.trim().is_empty(),
        "a blanked room sees nothing: {blank}"
    );
    for (w, h) in [(1, 1), (10, 3), (63, 18), (64, 17)] {
        let screen = draw(Showing::Room(&v), w, h, T0);
        if w >= 10 {
            assert!(screen.contains("Make the"), "{w}×{h}: {screen}");
        }
    }
    insta::assert_snapshot!(
        "projector_too_small_63x18",
        draw(Showing::Room(&v), 63, 18, T0)
    );
}
