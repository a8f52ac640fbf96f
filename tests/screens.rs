//! Whole screens drawn on ratatui's TestBackend at fixed sizes and compared with reviewed
//! snapshots (`cargo insta review` after an intended change).

use cpm_workshop::content::Library;
use cpm_workshop::store::Summary;
use cpm_workshop::ui::app::App;
use cpm_workshop::ui::keymap::Action;
use cpm_workshop::ui::theme::{Theme, ThemeName};
use cpm_workshop::workshop::{Activity, Durations, Mode, Session, SessionSpec};
mod support;
use support::screen::draw;
use time::OffsetDateTime;
use time::macros::datetime;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);
const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

fn secs(s: i64) -> OffsetDateTime {
    T0 + time::Duration::seconds(s)
}

fn snap(name: &str, app: &App, now: OffsetDateTime) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(app, w, h, now));
    }
}

fn app() -> App {
    App::new(Library::shipped(), Theme::new(ThemeName::Mono), Vec::new())
}

fn workshop(mode: Mode, groups: u32) -> App {
    let library = Library::shipped();
    let deck = library.default_deck();
    let spec = SessionSpec {
        name: "Tuesday cohort".into(),
        activity: Activity::Sticky,
        deck: deck.id.clone(),
        categories: deck.category_names(),
        groups,
        group_names: vec!["Redwoods".into()],
        mode,
        durations: Durations::default(),
        role: None,
    };
    let mut app = app();
    app.opened(Session::new("20261123-0900-00".into(), spec, T0).unwrap());
    app
}

fn with_notes(app: &mut App) {
    app.update(Action::NextStep, T0);
    app.update(Action::AddNotes, T0);
    for text in [
        "We introduce ourselves by name and role at every home visit",
        "Ask the family how they want to be addressed",
        "Une note en français, avec des accents — et un emoji 😀",
        "家族と一緒に計画を立てる",
    ] {
        app.update(Action::Paste(text.into()), T0);
        app.update(Action::Submit, T0);
    }
    app.update(Action::CyclePrompt, T0);
    app.update(
        Action::Paste("Follow up in writing after each team meeting ".repeat(12)),
        T0,
    );
    app.update(Action::Submit, T0);
    app.update(Action::Close, T0);
}

#[test]
fn home_empty_and_with_sessions() {
    snap("home_empty", &app(), T0);
    let sessions = (0..3)
        .map(|i| Summary {
            id: format!("20261123-09{i}0-00"),
            name: format!("Cohort {i}"),
            created: T0,
            updated: T0,
            activity: Activity::Sticky,
            deck: "practice".into(),
            groups: 4,
            notes: i * 10,
            path: "/tmp/x.json".into(),
        })
        .collect();
    let mut app = App::new(Library::shipped(), Theme::new(ThemeName::Mono), sessions);
    app.update(Action::Down, T0);
    snap("home_sessions", &app, T0);
}

#[test]
fn setup_defaults_and_refusal() {
    let mut a = app();
    a.update(Action::Submit, T0);
    snap("setup_defaults", &a, T0);
    a.update(Action::Down, T0);
    a.update(Action::Down, T0);
    a.update(Action::Insert('9'), T0);
    a.update(Action::Submit, T0);
    snap("setup_refused", &a, T0);
}

#[test]
fn run_view_read_step_brainstorm_warning_and_overtime() {
    let mut a = workshop(Mode::Together, 4);
    snap("run_read", &a, T0);
    a.update(Action::NextStep, T0);
    a.update(Action::ToggleTimer, T0);
    snap("run_brainstorm_running", &a, secs(30));
    snap("run_brainstorm_warning", &a, secs(100));
    snap("run_overtime", &a, secs(132));
    a.update(Action::ToggleTimer, secs(140));
    snap("run_paused_overtime", &a, secs(200));
}

#[test]
fn run_view_rotation_and_entry() {
    let mut a = workshop(Mode::Rotation, 5);
    snap("run_rotation_read", &a, T0);
    a.update(Action::NextStep, T0);
    a.update(Action::ChooseGroup(2), T0);
    a.update(Action::AddNotes, T0);
    a.update(Action::Paste("Half-typed note about teaming 😀".into()), T0);
    snap("run_rotation_entry", &a, T0);
}

#[test]
fn board_group_page_and_category_view() {
    let mut a = workshop(Mode::Together, 4);
    with_notes(&mut a);
    a.update(Action::ShowBoard, T0);
    a.update(Action::Down, T0);
    snap("board_group", &a, T0);
    a.update(Action::ToggleBoardView, T0);
    snap("board_category", &a, T0);
}

#[test]
fn rotation_overview_commitment_and_wrap_up() {
    let mut a = workshop(Mode::Rotation, 8);
    for _ in 0..6 {
        a.update(Action::NextStep, T0);
    }
    a.update(Action::ShowRotation, T0);
    snap("rotation_overview", &a, T0);
    let mut a = workshop(Mode::Together, 4);
    with_notes(&mut a);
    for _ in 0..40 {
        a.update(Action::NextStep, T0);
    }
    snap("wrap_up", &a, T0);
    a.update(Action::PreviousStep, T0);
    a.update(Action::AddNotes, T0);
    a.update(
        Action::Paste("Ask one more question before deciding".into()),
        T0,
    );
    a.update(Action::ToggleInitials, T0);
    a.update(Action::Paste("JR".into()), T0);
    a.update(Action::Submit, T0);
    snap("commitment", &a, T0);
}

#[test]
fn help_and_export_overlays() {
    let mut a = workshop(Mode::Together, 4);
    a.update(Action::Help, T0);
    snap("help_run", &a, T0);
    a.update(Action::Close, T0);
    a.update(Action::Export, T0);
    snap("export_menu", &a, T0);
}

#[test]
fn too_small_says_how_big_and_tiny_sizes_never_panic() {
    let a = workshop(Mode::Together, 4);
    insta::assert_snapshot!("too_small_10x3", draw(&a, 10, 3, T0));
    insta::assert_snapshot!("too_small_59x20", draw(&a, 59, 20, T0));
    for (w, h) in [
        (0, 0),
        (1, 1),
        (10, 3),
        (60, 16),
        (61, 17),
        (300, 90),
        (500, 40),
        (80, 200),
    ] {
        let _ = draw(&a, w, h, T0);
    }
}

#[test]
fn projector_timer_is_much_taller_at_300x90() {
    let mut a = workshop(Mode::Together, 4);
    a.update(Action::NextStep, T0);
    let rows_with_blocks = |s: &str| s.lines().filter(|l| l.contains('█')).count();
    let small = rows_with_blocks(&draw(&a, 80, 24, T0));
    let big = rows_with_blocks(&draw(&a, 300, 90, T0));
    assert!(small >= 4, "several rows tall at 80x24: {small}");
    assert!(big >= 3 * small, "{big} rows at 300x90 vs {small} at 80x24");
}

#[test]
fn notes_with_escape_codes_never_reach_the_screen() {
    let mut a = workshop(Mode::Together, 4);
    a.update(Action::NextStep, T0);
    a.update(Action::AddNotes, T0);
    a.update(
        Action::Paste("evil \u{1b}[2J\u{1b}]52;c;eA==\u{7} text \u{202e}rtl".into()),
        T0,
    );
    a.update(Action::Submit, T0);
    a.update(Action::Close, T0);
    a.update(Action::ShowBoard, T0);
    let screen = draw(&a, 80, 24, T0);
    assert!(screen.contains("evil"), "{screen}");
    assert!(!screen.contains('\u{1b}') && !screen.contains('\u{202e}'));
}
