//! Every Snapshot page drawn on ratatui's TestBackend at 80×24 and 200×60 and compared with
//! reviewed snapshots (`cargo insta review` after an intended change); plus tiny and huge sizes
//! that must never panic, and checks that meaning never rests on colour alone.

use crate::support;
use crate::support::session_id as sid;
use cpm_workshop::content::Library;
use cpm_workshop::ui::app::App;
use cpm_workshop::ui::keymap::Action;
use cpm_workshop::ui::snapshot::Page;
use cpm_workshop::ui::theme::{Theme, ThemeName};
use cpm_workshop::workshop::snapshot::SnapshotState;
use cpm_workshop::workshop::{HeadingId, Session};
use support::screen::{Drive, SIZES, draw, snap};
use time::OffsetDateTime;
use time::macros::datetime;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

fn open() -> App {
    let library = Library::shipped();
    let spec = SnapshotState::session_spec("Leadership team", &library.snapshot);
    let mut app = App::new(library, Theme::new(ThemeName::Mono), Vec::new());
    app.opened(Session::new(sid("20261123-0900-00"), spec, T0).unwrap());
    app
}

fn page(app: &App) -> Page {
    match &app.screen {
        cpm_workshop::ui::app::Screen::Snapshot(s) => s.page(),
        _ => panic!("not a Snapshot screen"),
    }
}

fn go_to(app: &mut App, target: Page) {
    for _ in 0..20 {
        if page(app) == target {
            return;
        }
        app.act(Action::NextStep, T0);
    }
    for _ in 0..20 {
        if page(app) == target {
            return;
        }
        app.act(Action::PreviousStep, T0);
    }
    panic!("no page {target:?}");
}

/// The note input's heading and dimension, while it is open.
fn entry(app: &App) -> (HeadingId, usize) {
    match &app.screen {
        cpm_workshop::ui::app::Screen::Snapshot(s) => {
            let e = s.entry.as_ref().expect("the note input is open");
            (e.heading, e.dimension)
        }
        _ => panic!("not a Snapshot screen"),
    }
}

/// Types a note for `dimension` under `heading` the way a scribe would (Tab, ↓).
fn note(app: &mut App, heading: HeadingId, dimension: usize, text: &str) {
    app.act(Action::AddNotes, T0);
    while entry(app).0 != heading {
        app.act(Action::CyclePrompt, T0);
    }
    while entry(app).1 != dimension {
        app.act(Action::Down, T0);
    }
    app.act(Action::Paste(text.into()), T0);
    app.act(Action::Submit, T0);
    app.act(Action::Close, T0);
}

/// A room that has voted on two dimensions, written notes under every heading and dot-voted.
fn worked() -> App {
    let mut a = open();
    go_to(&mut a, Page::Tally(0));
    for stage in [1, 2, 2, 2, 2, 3, 1, 2, 2, 2, 2, 2] {
        a.act(Action::Vote(stage), T0);
    }
    go_to(&mut a, Page::Tally(1));
    for stage in [1, 1, 1, 2, 2, 1, 1, 3] {
        a.act(Action::Vote(stage), T0);
    }
    use HeadingId::{Feasibility, Opportunities, Strengths};
    go_to(&mut a, Page::Dimension(0));
    note(
        &mut a,
        Strengths,
        0,
        "Directors meet monthly on CPM implementation",
    );
    note(
        &mut a,
        Opportunities,
        0,
        "Leadership behaviors are not yet part of reviews",
    );
    note(&mut a, Feasibility, 0, "Two managers retire this spring");
    go_to(&mut a, Page::Dimension(1));
    note(
        &mut a,
        Strengths,
        1,
        "New-worker academy already teaches engagement 😀",
    );
    note(&mut a, Opportunities, 1, "Coaching time for supervisors");
    note(
        &mut a,
        Opportunities,
        1,
        "Recruitment ads that describe CPM practice",
    );
    note(&mut a, Feasibility, 1, "Training unit is two people");
    note(
        &mut a,
        Opportunities,
        2,
        "Dashboards staff can read (données, 家族)",
    );
    note(
        &mut a,
        Opportunities,
        3,
        "Invite tribal partners to the planning table",
    );
    go_to(&mut a, Page::Dots);
    // Leadership 1 dot, coaching 5, recruitment 2, dashboards 5, partners 2.
    for dots in [1, 5, 2, 5, 2] {
        for _ in 0..dots {
            a.act(Action::AddDot, T0);
        }
        a.act(Action::Down, T0);
    }
    a.act(Action::Up, T0);
    a
}

#[test]
fn intro_and_dimension_pages() {
    let mut a = open();
    snap!("snapshot_intro", &a, T0);
    a.act(Action::NextStep, T0);
    snap!("snapshot_dimension", &a, T0);
}

#[test]
fn tally_empty_then_live() {
    let mut a = open();
    go_to(&mut a, Page::Tally(0));
    snap!("snapshot_tally_empty", &a, T0);
    let a = worked();
    let mut a = a;
    go_to(&mut a, Page::Tally(0));
    snap!("snapshot_tally", &a, T0);
}

#[test]
fn dimension_with_notes_timer_and_entry() {
    let mut a = worked();
    go_to(&mut a, Page::Dimension(1));
    a.act(Action::ToggleTimer, T0);
    a.act(Action::AddTime, T0);
    a.act(Action::AddTime, T0);
    a.act(Action::AddNotes, T0);
    a.act(Action::CyclePrompt, T0);
    a.act(Action::Paste("Peer coaching circles".into()), T0);
    snap!(
        "snapshot_dimension_notes_timer_entry",
        &a,
        T0 + time::Duration::seconds(15),
    );
}

#[test]
fn analysis_dots_priorities_summary() {
    let mut a = worked();
    go_to(&mut a, Page::Analysis);
    a.act(Action::Right, T0);
    a.act(Action::Down, T0);
    snap!("snapshot_analysis", &a, T0);
    go_to(&mut a, Page::Dots);
    snap!("snapshot_dots", &a, T0);
    go_to(&mut a, Page::Priorities);
    snap!("snapshot_priorities", &a, T0);
    go_to(&mut a, Page::Summary);
    snap!("snapshot_summary", &a, T0);
}

// The help lists Ctrl-z (suspend), which exists only on Unix.
#[cfg(unix)]
#[test]
fn edit_box_and_help_overlay() {
    let mut a = worked();
    go_to(&mut a, Page::Priorities);
    a.act(Action::EditNote, T0);
    snap!("snapshot_edit_priority", &a, T0);
    a.act(Action::Close, T0);
    a.act(Action::Help, T0);
    snap!("snapshot_help_priorities", &a, T0);
}

#[test]
fn every_page_draws_at_any_size_without_panicking() {
    let mut a = worked();
    go_to(&mut a, Page::Intro);
    for _ in 0..13 {
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
        a.act(Action::NextStep, T0);
    }
    let tiny = draw(&a, 59, 20, T0);
    assert!(tiny.contains("Window too small"), "{tiny}");
}

#[test]
fn every_bar_carries_its_label_count_and_percentage_in_text() {
    let mut a = worked();
    go_to(&mut a, Page::Tally(0));
    for (w, h) in [(80, 24), (120, 36), (200, 60), (300, 90), (60, 16)] {
        let screen = draw(&a, w, h, T0);
        for label in ["just getting started", "making progress", "well underway"] {
            assert!(screen.contains(label), "{w}x{h}: {label}\n{screen}");
        }
        for words in ["2 votes · 17%", "9 votes · 75%", "1 vote · 8%"] {
            assert!(screen.contains(words), "{w}x{h}: {words}\n{screen}");
        }
    }
}

#[test]
fn bars_grow_for_the_back_row_on_a_projector() {
    let mut a = worked();
    go_to(&mut a, Page::Tally(0));
    let bar_rows = |s: &str| s.lines().filter(|l| l.contains("░")).count();
    let small = bar_rows(&draw(&a, 80, 24, T0));
    let big = bar_rows(&draw(&a, 300, 90, T0));
    assert!(small >= 3, "{small}");
    assert!(big >= 5 * 3, "{big} bar rows at 300x90 vs {small} at 80x24");
}

#[test]
fn notes_with_escape_codes_never_reach_the_screen() {
    let mut a = open();
    go_to(&mut a, Page::Analysis);
    note(
        &mut a,
        HeadingId::Strengths,
        0,
        "evil \u{1b}[2J\u{1b}]52;c;eA==\u{7} text \u{202e}rtl",
    );
    let screen = draw(&a, 80, 24, T0);
    assert!(screen.contains("evil"), "{screen}");
    assert!(!screen.contains('\u{1b}') && !screen.contains('\u{202e}'));
}

#[test]
fn the_intro_speaks_to_the_room_without_key_instructions() {
    let a = open();
    for (w, h) in SIZES {
        let screen = draw(&a, w, h, T0);
        // Everything above the hint bar is what the room reads.
        let body: Vec<&str> = screen.lines().take(usize::from(h) - 1).collect();
        let body = body.join("\n");
        for keys in [
            "n / p",
            "Press the stage",
            "u takes",
            "a opens",
            "Tab picks",
            "(x)",
        ] {
            assert!(!body.contains(keys), "{keys:?} at {w}×{h}:\n{screen}");
        }
        if h >= 60 {
            assert!(body.contains("How this warm-up runs"), "{screen}");
        }
    }
}

#[test]
fn analysis_notes_wrap_in_their_columns_at_80x24() {
    let mut a = open();
    let text = "Coaching model exists for new workers and their supervisors";
    note(&mut a, HeadingId::Strengths, 0, text);
    go_to(&mut a, Page::Analysis);
    let screen = draw(&a, 80, 24, T0);
    for word in text.split(' ') {
        let column: String = screen
            .lines()
            .map(|l| l.chars().take(27).collect::<String>())
            .collect();
        assert!(
            column.contains(word),
            "{word:?} cut from the column:\n{screen}"
        );
    }
}

#[test]
fn the_page_timer_is_drawn_big_on_every_page_and_in_overtime() {
    let digit_rows = |s: &str| s.lines().filter(|l| l.contains('█')).count();
    for target in [Page::Tally(0), Page::Analysis, Page::Dots, Page::Summary] {
        let mut a = open();
        go_to(&mut a, target);
        a.act(Action::AddTime, T0);
        a.act(Action::ToggleTimer, T0);
        let over = T0 + time::Duration::seconds(42);
        let screen = draw(&a, 80, 24, over);
        assert!(digit_rows(&screen) >= 3, "{target:?}:\n{screen}");
        assert!(screen.contains("over"), "{target:?}:\n{screen}");
        if target == Page::Tally(0) {
            snap!("snapshot_tally_timer_overtime", &a, over);
        }
    }
}

#[test]
fn the_tally_and_empty_pages_speak_to_the_room_without_keys() {
    let mut a = open();
    for target in [Page::Tally(0), Page::Analysis, Page::Dots] {
        go_to(&mut a, target);
        let screen = draw(&a, 200, 60, T0);
        let body: Vec<&str> = screen.lines().take(59).collect();
        let body = body.join("\n");
        for keys in ["press ", "u takes", "a opens", "a adds", "Tab ", "←→"] {
            assert!(!body.contains(keys), "{keys:?} on {target:?}:\n{screen}");
        }
    }
}

#[test]
fn text_pages_scroll_to_their_last_line_and_no_further_at_80x24() {
    let mut a = worked();
    a.resized(80, 24);
    for (target, keys) in [
        (Page::Intro, Action::Down),
        (Page::Dimension(0), Action::PageDown),
        (Page::Summary, Action::Down),
    ] {
        go_to(&mut a, target);
        let first = draw(&a, 80, 24, T0);
        assert!(
            first.contains("more ↓") && !first.contains("↑ more"),
            "{target:?} says there is more below: {first}"
        );
        for _ in 0..100 {
            a.act(keys.clone(), T0);
        }
        let last = draw(&a, 80, 24, T0);
        assert!(
            last.contains("↑ more") && !last.contains("more ↓"),
            "{target:?} at its end: {last}"
        );
        if target == Page::Intro {
            insta::assert_snapshot!("intro_scrolled_to_end_80x24", last);
        }
        // Stopped at the end: one step up shows a new line at the top at once.
        a.act(Action::Up, T0);
        let up = draw(&a, 80, 24, T0);
        assert_ne!(up, last, "{target:?}: ↑ after the end acts at once");
        assert!(up.contains("more ↓"), "{up}");
    }
}
