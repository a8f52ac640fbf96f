//! Whole screens drawn on ratatui's TestBackend at fixed sizes and compared with reviewed
//! snapshots (`cargo insta review` after an intended change).

use crate::support;
use crate::support::session_id as sid;
use cpm_workshop::content::Library;
use cpm_workshop::store::Summary;
use cpm_workshop::ui::app::App;
use cpm_workshop::ui::keymap::Action;
use cpm_workshop::ui::theme::{Theme, ThemeName};
use cpm_workshop::workshop::{Activity, Mode};
use support::screen::{Drive, SIZES, draw, snap};
use time::OffsetDateTime;
use time::macros::datetime;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

fn secs(s: i64) -> OffsetDateTime {
    T0 + time::Duration::seconds(s)
}

fn app() -> App {
    App::new(Library::shipped(), Theme::new(ThemeName::Mono), Vec::new())
}

fn workshop(mode: Mode, groups: u32) -> App {
    support::apps::sticky_app("practice", mode, groups, T0)
}

fn with_notes(app: &mut App) {
    app.act(Action::NextStep, T0);
    support::apps::type_notes(app, &support::apps::SAMPLE_NOTES, T0);
    app.act(Action::CyclePrompt, T0);
    app.act(
        Action::Paste("Follow up in writing after each team meeting ".repeat(12)),
        T0,
    );
    app.act(Action::Submit, T0);
    app.act(Action::Close, T0);
}

#[test]
fn home_empty_and_with_sessions() {
    snap!("home_empty", &app(), T0);
    let sessions = (0..3)
        .map(|i| Summary {
            id: sid(&format!("20261123-09{i}0-00")),
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
    app.act(Action::Down, T0);
    snap!("home_sessions", &app, T0);
}

#[test]
fn setup_defaults_and_refusal() {
    let mut a = app();
    a.act(Action::Submit, T0);
    snap!("setup_defaults", &a, T0);
    for _ in 0..3 {
        a.act(Action::Down, T0); // name, deck, groups
    }
    a.act(Action::Insert('9'), T0);
    a.act(Action::Submit, T0);
    snap!("setup_refused", &a, T0);
}

#[test]
fn run_view_read_step_brainstorm_warning_and_overtime() {
    let mut a = workshop(Mode::Together, 4);
    snap!("run_read", &a, T0);
    a.act(Action::NextStep, T0);
    a.act(Action::ToggleTimer, T0);
    snap!("run_brainstorm_running", &a, secs(30));
    snap!("run_brainstorm_warning", &a, secs(100));
    snap!("run_overtime", &a, secs(132));
    a.act(Action::ToggleTimer, secs(140));
    snap!("run_paused_overtime", &a, secs(200));
}

#[test]
fn run_view_rotation_and_entry() {
    let mut a = workshop(Mode::Rotation, 5);
    snap!("run_rotation_read", &a, T0);
    a.act(Action::NextStep, T0);
    a.act(Action::ChooseGroup(2), T0);
    a.act(Action::AddNotes, T0);
    a.act(Action::Paste("Half-typed note about teaming 😀".into()), T0);
    snap!("run_rotation_entry", &a, T0);
}

/// The save state in the status bar once the saver has answered: "saved ✓" after a note, and
/// "NOT SAVED" after a save that failed (the note stays on the board, in memory).
#[test]
fn status_bar_after_a_save_and_after_a_failed_save() {
    let mut a = workshop(Mode::Together, 4);
    a.act(Action::NextStep, T0);
    a.act(Action::AddNotes, T0);
    a.act(Action::Paste("Ask the family first".into()), T0);
    a.act(Action::Submit, T0);
    a.act(Action::Close, T0);
    snap!("status_saved", &a, T0);
    a.act(Action::AddNotes, T0);
    a.act(Action::Paste("Written while the disk is full".into()), T0);
    let effects = a.update(Action::Submit, T0);
    support::screen::answer_saves(
        &mut a,
        &effects,
        Err(cpm_workshop::store::StoreError::Io {
            action: "write",
            path: "sessions/s1.json.tmp".into(),
            source: std::sync::Arc::new(std::io::Error::from(std::io::ErrorKind::StorageFull)),
        }),
    );
    a.act(Action::Close, T0);
    snap!("status_not_saved", &a, T0);
    let shown = draw(&a, 80, 24, T0);
    assert!(shown.contains("NOT SAVED"), "{shown}");
}

#[test]
fn board_group_page_and_category_view() {
    let mut a = workshop(Mode::Together, 4);
    with_notes(&mut a);
    a.act(Action::ShowBoard, T0);
    a.act(Action::Down, T0);
    snap!("board_group", &a, T0);
    a.act(Action::ToggleBoardView, T0);
    snap!("board_category", &a, T0);
}

#[test]
fn rotation_overview_commitment_and_wrap_up() {
    let mut a = workshop(Mode::Rotation, 8);
    for _ in 0..6 {
        a.act(Action::NextStep, T0);
    }
    a.act(Action::ShowRotation, T0);
    snap!("rotation_overview", &a, T0);
    let mut a = workshop(Mode::Together, 4);
    with_notes(&mut a);
    for _ in 0..40 {
        a.act(Action::NextStep, T0);
    }
    snap!("wrap_up", &a, T0);
    a.act(Action::PreviousStep, T0);
    a.act(Action::AddNotes, T0);
    a.act(
        Action::Paste("Ask one more question before deciding".into()),
        T0,
    );
    a.act(Action::ToggleInitials, T0);
    a.act(Action::Paste("JR".into()), T0);
    a.act(Action::Submit, T0);
    snap!("commitment", &a, T0);
}

// The help lists Ctrl-z (suspend), which exists only on Unix.
#[cfg(unix)]
#[test]
fn help_and_export_overlays() {
    let mut a = workshop(Mode::Together, 4);
    a.act(Action::Help, T0);
    snap!("help_run", &a, T0);
    a.act(Action::Close, T0);
    a.act(Action::Export, T0);
    snap!("export_menu", &a, T0);
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
    a.act(Action::NextStep, T0);
    let rows_with_blocks = |s: &str| s.lines().filter(|l| l.contains('█')).count();
    let small = rows_with_blocks(&draw(&a, 80, 24, T0));
    let big = rows_with_blocks(&draw(&a, 300, 90, T0));
    assert!(small >= 4, "several rows tall at 80x24: {small}");
    assert!(big >= 3 * small, "{big} rows at 300x90 vs {small} at 80x24");
}

#[test]
fn notes_with_escape_codes_never_reach_the_screen() {
    let mut a = workshop(Mode::Together, 4);
    a.act(Action::NextStep, T0);
    a.act(Action::AddNotes, T0);
    a.act(
        Action::Paste("evil \u{1b}[2J\u{1b}]52;c;eA==\u{7} text \u{202e}rtl".into()),
        T0,
    );
    a.act(Action::Submit, T0);
    a.act(Action::Close, T0);
    a.act(Action::ShowBoard, T0);
    let screen = draw(&a, 80, 24, T0);
    assert!(screen.contains("evil"), "{screen}");
    assert!(!screen.contains('\u{1b}') && !screen.contains('\u{202e}'));
}

/// Rows of the screen that hold big-digit pixels.
fn digit_rows(screen: &str) -> usize {
    screen
        .lines()
        .filter(|l| l.contains(['█', '▀', '▄']))
        .count()
}

#[test]
fn a_paste_with_cr_crlf_or_lf_line_breaks_offers_one_note_per_line() {
    for text in [
        "Name what works\rAsk before acting\rFollow up in writing",
        "Name what works\r\nAsk before acting\r\nFollow up in writing\r\n",
        "Name what works\nAsk before acting\nFollow up in writing",
    ] {
        let mut a = workshop(Mode::Together, 4);
        a.act(Action::NextStep, T0);
        a.act(Action::AddNotes, T0);
        a.act(Action::Paste(text.into()), T0);
        let screen = draw(&a, 80, 24, T0);
        assert!(
            screen.contains("The paste has 3 lines"),
            "{text:?}:\n{screen}"
        );
        if text.contains('\r') && !text.contains('\n') {
            snap!("paste_cr_lines", &a, T0);
        }
    }
}

#[test]
fn overtime_digits_are_at_least_as_large_as_the_countdown() {
    let mut a = workshop(Mode::Together, 4);
    a.act(Action::NextStep, T0);
    a.act(Action::ToggleTimer, T0);
    for (w, h) in [(80, 24), (120, 36), (200, 60), (300, 90)] {
        let countdown = digit_rows(&draw(&a, w, h, secs(1)));
        let over = digit_rows(&draw(&a, w, h, secs(122)));
        assert!(
            over >= countdown,
            "{w}×{h}: {countdown} rows counting down, {over} in overtime"
        );
    }
}

#[test]
fn escape_in_the_run_view_asks_before_the_session_list_appears() {
    let mut a = workshop(Mode::Together, 4);
    a.act(Action::NextStep, T0);
    a.act(Action::ToggleTimer, T0);
    let effects = a.act(Action::Close, secs(5));
    assert!(
        !effects.contains(&cpm_workshop::ui::app::Effect::CloseSession),
        "Esc left the round: {effects:?}"
    );
    let screen = draw(&a, 80, 24, secs(5));
    assert!(screen.contains("Leave this workshop?"), "{screen}");
    snap!("confirm_leave", &a, secs(5));
    // A second Esc answers no: still in the round, nothing quit.
    assert!(a.act(Action::Close, secs(6)).is_empty());
    assert!(a.overlay.is_none());
    assert!(draw(&a, 80, 24, secs(6)).contains("Step 2 of 5"));
}

#[test]
fn ctrl_c_while_typing_mid_round_asks_first() {
    let mut a = workshop(Mode::Together, 4);
    a.act(Action::NextStep, T0);
    a.act(Action::ToggleTimer, T0);
    a.act(Action::AddNotes, T0);
    a.act(Action::Paste("half a thought".into()), T0);
    let effects = a.act(Action::Quit, secs(5));
    assert!(
        !effects.contains(&cpm_workshop::ui::app::Effect::Quit),
        "Ctrl-C quit mid-round: {effects:?}"
    );
    let screen = draw(&a, 80, 24, secs(5));
    assert!(screen.contains("Quit now?"), "{screen}");
    snap!("confirm_quit_from_entry", &a, secs(5));
    // No: back to the input with the text still in it.
    a.act(Action::No, secs(6));
    assert!(draw(&a, 80, 24, secs(6)).contains("half a thought"));
    // Ctrl-C twice quits.
    a.act(Action::Quit, secs(7));
    assert_eq!(
        a.act(Action::Quit, secs(7)),
        vec![cpm_workshop::ui::app::Effect::Quit]
    );
}

#[test]
fn escape_on_the_home_screen_does_not_quit() {
    let mut a = app();
    assert!(
        !a.act(Action::Close, T0)
            .contains(&cpm_workshop::ui::app::Effect::Quit)
    );
}

#[test]
fn escape_in_note_entry_keeps_the_draft() {
    let mut a = workshop(Mode::Together, 4);
    a.act(Action::NextStep, T0);
    a.act(Action::AddNotes, T0);
    a.act(Action::Paste("We already ask families".into()), T0);
    a.act(Action::Submit, T0);
    a.act(Action::Paste("half a thought about teaming".into()), T0);
    a.act(Action::Close, T0);
    let closed = draw(&a, 80, 24, T0);
    assert!(closed.contains("Draft kept"), "{closed}");
    snap!("entry_draft_kept", &a, T0);
    a.act(Action::AddNotes, T0);
    let reopened = draw(&a, 80, 24, T0);
    assert!(
        reopened.contains("half a thought about teaming"),
        "{reopened}"
    );
    a.act(Action::Submit, T0);
    let notes: Vec<&str> = a
        .open_session()
        .unwrap()
        .session
        .notes
        .iter()
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(
        notes,
        ["We already ask families", "half a thought about teaming"]
    );
}

#[test]
fn the_wrap_up_speaks_to_the_room_not_the_shell() {
    let mut a = workshop(Mode::Together, 4);
    for _ in 0..40 {
        a.act(Action::NextStep, T0);
    }
    for (w, h) in SIZES {
        let screen = draw(&a, w, h, T0);
        let body: String = screen.lines().take(usize::from(h) - 1).collect();
        for trainer_only in [
            "cpm-workshop export",
            "notes.txt",
            "Press x",
            "from a shell",
        ] {
            assert!(
                !body.contains(trainer_only),
                "{trainer_only:?} at {w}×{h}:\n{screen}"
            );
        }
    }
}

// The help lists Ctrl-z (suspend), which exists only on Unix.
#[cfg(unix)]
#[test]
fn help_scrolls_to_its_last_line_and_no_further_at_80x24() {
    let mut a = workshop(Mode::Together, 4);
    a.act(Action::ShowBoard, T0);
    a.resized(80, 24);
    a.act(Action::Help, T0);
    let first = draw(&a, 80, 24, T0);
    assert!(first.contains("↓ more"), "{first}");
    assert!(
        !first.contains("close / back"),
        "the last line is below: {first}"
    );
    for _ in 0..40 {
        a.act(Action::Down, T0);
    }
    let last = draw(&a, 80, 24, T0);
    assert!(
        last.contains("close / back") && last.contains("↑ more"),
        "{last}"
    );
    snap!("help_board_scrolled_to_end", &a, T0);
    // Stopped at the end: one step up shows a new line at the top at once.
    a.act(Action::Up, T0);
    assert_ne!(draw(&a, 80, 24, T0), last);
}

#[test]
fn the_hint_bar_at_80_columns_keeps_the_scribes_keys() {
    let mut a = workshop(Mode::Together, 4);
    a.act(Action::NextStep, T0);
    let screen = draw(&a, 80, 24, T0);
    let bar = screen.lines().nth(23).unwrap();
    for key in [" a ", " n ", " b ", " x ", " ? "] {
        assert!(
            bar.contains(key),
            "{key:?} missing from the run view's bar: {bar:?}"
        );
    }
    a.act(Action::ShowBoard, T0);
    let screen = draw(&a, 80, 24, T0);
    let bar = screen.lines().nth(23).unwrap();
    for key in [" a ", " e ", " m ", " d "] {
        assert!(
            bar.contains(key),
            "{key:?} missing from the board's bar: {bar:?}"
        );
    }
}

#[test]
fn long_notes_wrap_on_the_board_and_a_cut_shows_an_ellipsis() {
    let mut a = workshop(Mode::Together, 4);
    a.act(Action::NextStep, T0);
    a.act(Action::AddNotes, T0);
    let long = "Coaching model exists for new workers and their supervisors, \
                with a mentor assigned in the first week and a check-in every month after that";
    let endless = "Follow up in writing after each team meeting ".repeat(12);
    for text in [long, endless.as_str()] {
        a.act(Action::Paste(text.into()), T0);
        a.act(Action::Submit, T0);
    }
    a.act(Action::Close, T0);
    a.act(Action::ShowBoard, T0);
    let screen = draw(&a, 120, 36, T0);
    // Every word of the long note is on the board, over more than one row.
    assert!(
        screen.contains("check-in every month after that"),
        "{screen}"
    );
    assert!(!screen.contains("new worke…"), "{screen}");
    // The selected-note box is too small for the endless one: it says so with "…".
    a.act(Action::Down, T0);
    let screen = draw(&a, 120, 36, T0);
    let detail: Vec<&str> = screen
        .lines()
        .skip_while(|l| !l.contains("Selected note"))
        .take(4)
        .collect();
    assert!(
        detail[3].trim_end_matches(['│', ' ']).ends_with('…'),
        "{detail:#?}"
    );
    snap!("board_long_notes", &a, T0);
}

#[test]
fn the_behaviors_pane_says_there_is_more_and_stops_at_its_end() {
    let mut a = workshop(Mode::Together, 4);
    a.resized(80, 24);
    let top = draw(&a, 80, 24, T0);
    assert!(top.contains("more ↓"), "{top}");
    for _ in 0..20 {
        a.act(Action::PageDown, T0);
    }
    let end = draw(&a, 80, 24, T0);
    assert!(!end.contains("more ↓") && end.contains("↑ more"), "{end}");
    // The last behavior and the source are on screen: the pane is not empty.
    assert!(end.contains("Source:"), "{end}");
    snap!("run_read_scrolled_to_end", &a, T0);
    // Stopped at the end: a single ↑ moves at once.
    a.act(Action::Up, T0);
    assert_ne!(draw(&a, 80, 24, T0), end);
}

#[test]
fn the_scribe_sees_the_notes_just_typed_and_a_long_note_wraps_in_the_input() {
    let mut a = workshop(Mode::Together, 4);
    a.act(Action::NextStep, T0);
    a.act(Action::AddNotes, T0);
    for text in ["First note of the round", "Second note of the round"] {
        a.act(Action::Paste(text.into()), T0);
        a.act(Action::Submit, T0);
    }
    let long = "A long note that starts here and goes on well past the width of the input box \
                so that its beginning would scroll away, ending HERE";
    a.act(Action::Paste(long.into()), T0);
    let screen = draw(&a, 80, 24, T0);
    assert!(
        screen.contains("First note of the round") && screen.contains("Second note of the round"),
        "{screen}"
    );
    assert!(
        screen.contains("A long note that starts here") && screen.contains("ending HERE"),
        "{screen}"
    );
    snap!("entry_recent_notes_and_wrapped_input", &a, T0);
}

#[test]
fn next_step_mid_countdown_asks_and_overtime_moves_on() {
    let mut a = workshop(Mode::Together, 4);
    a.act(Action::NextStep, T0);
    a.act(Action::ToggleTimer, T0);
    a.act(Action::NextStep, secs(30));
    let screen = draw(&a, 80, 24, secs(30));
    assert!(
        screen.contains("Leave this step?") && screen.contains("1:30 left"),
        "{screen}"
    );
    snap!("confirm_step", &a, secs(30));
    a.act(Action::No, secs(31));
    assert_eq!(
        a.open_session().unwrap().session.position,
        1,
        "no keeps the round"
    );
    a.act(Action::NextStep, secs(32));
    a.act(Action::Yes, secs(32));
    assert_eq!(a.open_session().unwrap().session.position, 2);
    // At time-up the facilitator moves on without a question.
    a.act(Action::ToggleTimer, secs(40));
    a.act(Action::NextStep, secs(40 + 181));
    assert!(a.overlay.is_none());
    assert_eq!(a.open_session().unwrap().session.position, 3);
}

#[test]
fn group_names_from_set_up_appear_wherever_a_group_is_named() {
    let mut a = workshop(Mode::Rotation, 5);
    a.act(Action::NextStep, T0);
    let screen = draw(&a, 200, 60, T0);
    assert!(screen.contains("▶Redwoods: Foundational"), "{screen}");
    a.act(Action::AddNotes, T0);
    let screen = draw(&a, 200, 60, T0);
    for want in [
        "Group 1 (Redwoods) at Foundational",
        "Scribe: Group 1 (Redwoods)",
        "New note → Group 1 (Redwoods)",
    ] {
        assert!(screen.contains(want), "{want:?}:\n{screen}");
    }
    a.act(Action::Paste("A note".into()), T0);
    a.act(Action::Submit, T0);
    assert!(
        draw(&a, 200, 60, T0).contains("Saved 1 note to Group 1 (Redwoods)"),
        "the status names the group"
    );
    a.act(Action::Close, T0);
    a.act(Action::ShowRotation, T0);
    assert!(draw(&a, 200, 60, T0).contains("Redwoods"));
}

#[test]
fn an_untimed_step_and_a_zeroed_timer_show_no_misleading_digits() {
    let mut a = workshop(Mode::Together, 4);
    let screen = draw(&a, 80, 24, T0);
    assert_eq!(
        digit_rows(&screen),
        0,
        "the read step is untimed:\n{screen}"
    );
    assert!(screen.contains("No timer for this step"), "{screen}");
    a.act(Action::NextStep, T0);
    for _ in 0..4 {
        a.act(Action::RemoveTime, T0);
    }
    let screen = draw(&a, 80, 24, T0);
    assert_eq!(
        digit_rows(&screen),
        0,
        "no 0:00 before it starts:\n{screen}"
    );
    assert!(
        screen.contains("No time set") && !screen.contains("TIME"),
        "{screen}"
    );
    snap!("run_timer_zeroed", &a, T0);
}

#[test]
fn the_wrap_up_table_keeps_each_group_on_one_row_at_80_and_120_columns() {
    let mut a = workshop(Mode::Together, 4);
    with_notes(&mut a);
    for _ in 0..40 {
        a.act(Action::NextStep, T0);
    }
    for (w, h) in [(80, 24), (120, 36)] {
        let screen = draw(&a, w, h, T0);
        for g in ["Group 1", "Group 2", "Group 4"] {
            let row = screen.lines().find(|l| l.contains(g)).unwrap();
            // The pane's part of the row: the group and its three counts.
            let pane = row.split('│').nth(1).unwrap();
            let counts = pane
                .split_whitespace()
                .filter(|t| t.parse::<u32>().is_ok())
                .count();
            assert!(counts >= 3, "{g} at {w}×{h}: {row:?}\n{screen}");
        }
    }
}

#[test]
fn small_words_are_right_one_note_n_at_the_end_and_status_while_typing() {
    let mut a = workshop(Mode::Together, 4);
    a.act(Action::AddNotes, T0);
    a.act(Action::Paste("only one".into()), T0);
    a.act(Action::Submit, T0);
    assert!(a.status.is_some());
    // Typing the next note clears the last "Saved …".
    a.act(Action::Insert('x'), T0);
    assert!(a.status.is_none());
    a.act(Action::Close, T0);
    a.act(Action::ShowBoard, T0);
    let board = draw(&a, 80, 24, T0);
    assert!(
        board.contains(" 1 note ") && !board.contains("1 notes"),
        "{board}"
    );
    a.act(Action::ShowRun, T0);
    for _ in 0..40 {
        a.act(Action::NextStep, T0);
    }
    a.act(Action::NextStep, T0);
    assert!(draw(&a, 80, 24, T0).contains("This is the last step"));
}

#[test]
fn the_overtime_flash_stops_and_a_steady_overtime_look_stays() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Modifier;
    let mut a = workshop(Mode::Together, 4);
    a.act(Action::NextStep, T0);
    a.act(Action::ToggleTimer, T0);
    let reversed_cells = |at: OffsetDateTime| {
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| cpm_workshop::ui::views::render(&a, f, at))
            .unwrap();
        // Above the hint bar, whose keys are drawn reversed in this theme.
        let buf = t.backend().buffer();
        (0..23u16)
            .flat_map(|y| (0..80u16).map(move |x| (x, y)))
            .filter(|&p| buf[p].modifier.contains(Modifier::REVERSED))
            .count()
    };
    assert!(reversed_cells(secs(122)) > 0, "flashes just after time-up");
    for later in [150, 300, 3_600] {
        assert_eq!(reversed_cells(secs(later)), 0, "still flashing at {later}s");
        assert!(
            draw(&a, 80, 24, secs(later)).contains("TIME ·"),
            "steady look"
        );
    }
}

#[test]
fn home_shows_each_session_in_the_viewers_time_zone() {
    // Made at 09:00 in UTC-08:00 (17:00 UTC); the viewer is at UTC+01:00, like `list`.
    let made = datetime!(2026-11-23 09:00:00 -8);
    let session = Summary {
        id: sid("20261123-0900-00"),
        name: "Fresno cohort".into(),
        created: made,
        updated: made,
        activity: Activity::Sticky,
        deck: "practice".into(),
        groups: 4,
        notes: 3,
        path: "/tmp/x.json".into(),
    };
    let app = App::new(
        Library::shipped(),
        Theme::new(ThemeName::Mono),
        vec![session],
    );
    let screen = draw(&app, 120, 24, datetime!(2026-11-24 08:00:00 +1));
    assert!(screen.contains("2026-11-23 18:00"), "{screen}");
    assert!(!screen.contains("2026-11-23 09:00"), "{screen}");
}
