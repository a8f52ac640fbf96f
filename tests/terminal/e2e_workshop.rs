//! End to end: the real binary in a pseudo-terminal, driven by keys as a trainer would.
#![cfg(unix)]

use crate::support;

use std::path::Path;
use std::time::Duration;
use support::pty::{Key, Pty};

const WAIT: Duration = Duration::from_secs(10);

fn app(store: &Path) -> Pty {
    Pty::home(store, WAIT)
}

fn session_json(store: &Path) -> serde_json::Value {
    let file = std::fs::read_dir(store)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .expect("a session file");
    support::cli::export_json(store, file.file_stem().unwrap().to_str().unwrap())
}

fn set_field(pty: &mut Pty, value: &str) {
    pty.key(Key::Ctrl('u'));
    pty.keys(value);
}

/// Home → set-up with 1-second steps → start.
fn create_quick_workshop(pty: &mut Pty) {
    pty.key(Key::Enter);
    pty.wait_for("New workshop: set-up", WAIT).unwrap();
    // Activity, Name, Deck, Groups, Group names, Mode, Read step, then Brainstorm.
    for _ in 0..7 {
        pty.key(Key::Down);
    }
    set_field(pty, "1s"); // brainstorm
    pty.key(Key::Down);
    set_field(pty, "1s"); // share
    pty.key(Key::Down);
    set_field(pty, "1s"); // commitment
    pty.wait_for("Commitment    1s", WAIT).unwrap();
    pty.key(Key::Enter);
    pty.wait_for("Foundational (1 of 6)", WAIT).unwrap();
}

fn run_timed_step(pty: &mut Pty, label: &str) {
    pty.wait_for(label, WAIT).unwrap();
    pty.keys(" ");
    pty.wait_for("TIME", WAIT).unwrap();
}

#[test]
fn a_full_category_with_notes_survives_quit_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let mut pty = app(store);
    create_quick_workshop(&mut pty);
    // The first Read step opens with the deck's opening page, above the first card.
    assert!(
        pty.screen()
            .contains("Core Practice Model behaviors are the action oriented")
    );

    pty.keys("n");
    run_timed_step(&mut pty, "Brainstorm: already using");
    pty.keys("2a");
    for text in [
        "We name what the family does well",
        "Sticky note ✓ café 家族",
    ] {
        pty.keys(text);
        pty.key(Key::Enter);
    }
    pty.wait_for("2 saved", WAIT).unwrap();
    pty.key(Key::Esc);
    pty.keys("n");
    run_timed_step(&mut pty, "Step 3 of 5");
    pty.keys("n");
    run_timed_step(&mut pty, "Brainstorm: enhance");
    pty.keys("a");
    pty.keys("Check in after every visit");
    pty.key(Key::Enter);
    pty.wait_for("1 saved", WAIT).unwrap();
    pty.key(Key::Esc);
    pty.keys("n");
    run_timed_step(&mut pty, "Step 5 of 5");
    assert!(pty.bells() >= 4, "a bell at the end of each timed step");
    pty.keys("n");
    pty.wait_for("Engagement (2 of 6)", WAIT).unwrap();

    pty.keys("b");
    pty.wait_for("flip-chart page", WAIT).unwrap();
    pty.wait_for("We name what the family does well", WAIT)
        .unwrap();
    pty.keys("q");
    assert_eq!(pty.wait_exit(WAIT), Some(0));
    let raw = pty.raw_output();
    let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(200)..]).to_string();
    assert!(
        tail.contains("\u{1b}[?1049l"),
        "left the alternate screen: {tail:?}"
    );
    assert!(
        tail.contains("\u{1b}[?2004l"),
        "bracketed paste off: {tail:?}"
    );

    let json = session_json(store);
    let notes = json["notes"].as_array().unwrap();
    let texts: Vec<(&str, &str, u64)> = notes
        .iter()
        .map(|n| {
            (
                n["text"].as_str().unwrap(),
                n["prompt"].as_str().unwrap(),
                n["group"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        texts,
        [
            ("We name what the family does well", "already", 2),
            ("Sticky note ✓ café 家族", "already", 2),
            ("Check in after every visit", "enhance", 2),
        ]
    );
    assert_eq!(json["position"], 5);

    // Reopen: the newest session is selected; Enter lands on the same category and step.
    let mut pty = app(store);
    pty.key(Key::Enter);
    pty.wait_for("Engagement (2 of 6)", WAIT).unwrap();
    pty.wait_for("Step 1 of 5", WAIT).unwrap();
    pty.keys("x");
    pty.wait_for("Every group's handout, HTML", WAIT).unwrap();
    pty.key(Key::Down);
    pty.key(Key::Enter);
    pty.wait_for("Wrote 4 files", WAIT).unwrap();
    pty.keys("q");
    assert_eq!(pty.wait_exit(WAIT), Some(0));
    let mut exported: Vec<String> = std::fs::read_dir(store.join("exports"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    exported.sort();
    assert_eq!(exported.len(), 4, "{exported:?}");
    assert!(exported[1].ends_with("-group-2.html"), "{exported:?}");
    let handout = std::fs::read_to_string(store.join("exports").join(&exported[1])).unwrap();
    assert!(handout.contains("We name what the family does well"));
}

#[test]
fn kill_9_mid_round_loses_no_note_and_the_timer_keeps_its_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let mut pty = running_round(store);
    pty.keys("a");
    for i in 0..20 {
        pty.keys(&format!("note {i}"));
        pty.key(Key::Enter);
    }
    pty.wait_for("20 saved", WAIT).unwrap();
    pty.wait_for("saved ✓", WAIT).unwrap();
    pty.kill9();

    let json = session_json(store);
    assert_eq!(json["notes"].as_array().unwrap().len(), 20);
    assert!(
        json["timer"]["running_since"].is_string(),
        "still running after the kill"
    );

    let mut pty = app(store);
    pty.key(Key::Enter);
    pty.wait_for("Brainstorm: already using", WAIT).unwrap();
    pty.wait_for("running", WAIT).unwrap();
    pty.keys("q");
    pty.wait_for("Quit now?", WAIT).unwrap();
    pty.keys("y");
    assert_eq!(pty.wait_exit(WAIT), Some(0));
}

#[test]
fn tiny_window_says_how_big_it_must_be_and_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = app(dir.path());
    pty.resize(30, 5);
    pty.wait_for("Window too small", WAIT).unwrap();
    pty.resize(10, 3);
    pty.resize(120, 36);
    pty.wait_for("New workshop", WAIT).unwrap();
    pty.keys("q");
    assert_eq!(pty.wait_exit(WAIT), Some(0));
}

/// A round running with a 10-minute brainstorm, opened from the home screen.
fn running_round(store: &Path) -> Pty {
    support::cli::new_session(store, &["--name", "Room", "--brainstorm", "10m"]);
    let mut pty = app(store);
    pty.key(Key::Enter);
    pty.wait_for("Foundational (1 of 6)", WAIT).unwrap();
    pty.keys("n ");
    pty.wait_for("running", WAIT).unwrap();
    pty
}

#[test]
fn a_paste_with_cr_line_breaks_becomes_one_note_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let mut pty = running_round(store);
    pty.keys("a");
    pty.wait_for("New note", WAIT).unwrap();
    // What tmux's `paste-buffer -p` and xterm send for three pasted lines.
    pty.paste("First pasted note\rSecond pasted note\rThird pasted note");
    pty.wait_for("The paste has 3 lines", WAIT).unwrap();
    pty.keys("y");
    pty.wait_for("3 saved", WAIT).unwrap();
    // On disk, not on screen: "saved ✓" can be the old frame's, not yet drawn over.
    let deadline = std::time::Instant::now() + WAIT;
    let json = loop {
        let json = session_json(store);
        if json["notes"].as_array().is_some_and(|n| n.len() == 3)
            || std::time::Instant::now() > deadline
        {
            break json;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let texts: Vec<&str> = json["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "First pasted note",
            "Second pasted note",
            "Third pasted note"
        ]
    );
    pty.kill9();
}

#[test]
fn escape_and_ctrl_c_never_leave_a_running_round_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = running_round(dir.path());
    // Esc, Esc: asked, then answered no; the round stays on screen and the app runs.
    pty.key(Key::Esc);
    pty.wait_for("Leave this workshop?", WAIT).unwrap();
    pty.key(Key::Esc);
    pty.wait_until(|s| !s.contains("Leave this workshop?"), WAIT)
        .unwrap();
    let screen = pty.screen();
    assert!(
        screen.contains("Step 2 of 5") && !screen.contains("New workshop"),
        "{screen}"
    );
    // Ctrl-C asks; n keeps the round; Ctrl-C twice quits.
    pty.key(Key::Ctrl('c'));
    pty.wait_for("Quit now?", WAIT).unwrap();
    pty.keys("n");
    pty.wait_until(
        |s| !s.contains("Quit now?") && s.contains("Step 2 of 5"),
        WAIT,
    )
    .unwrap();
    assert_eq!(pty.wait_exit(Duration::from_millis(10)), None, "still up");
    pty.key(Key::Ctrl('c'));
    pty.wait_for("Quit now?", WAIT).unwrap();
    pty.key(Key::Ctrl('c'));
    assert_eq!(pty.wait_exit(WAIT), Some(0));
}

#[test]
fn keys_do_nothing_while_the_window_is_too_small() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let mut pty = running_round(store);
    pty.keys("a");
    pty.wait_for("New note", WAIT).unwrap();
    pty.keys("typed while visible");
    pty.wait_for("typed while visible", WAIT).unwrap();
    pty.resize(50, 14);
    pty.wait_for("Window too small", WAIT).unwrap();
    // Enter would save the note, Esc then n would move on: none of it may happen unseen.
    pty.key(Key::Enter);
    pty.key(Key::Esc);
    pty.keys("nn");
    std::thread::sleep(Duration::from_millis(500));
    pty.resize(120, 36);
    pty.wait_for("Step 2 of 5", WAIT).unwrap();
    pty.wait_for("typed while visible", WAIT).unwrap();
    let json = session_json(store);
    assert_eq!(
        json["notes"].as_array().unwrap().len(),
        0,
        "no note saved blind"
    );
    assert_eq!(json["position"], 1, "no step taken blind");
    // Quitting still works at any size.
    pty.resize(50, 14);
    pty.wait_for("Window too small", WAIT).unwrap();
    pty.keys("q");
    assert_eq!(pty.wait_exit(WAIT), Some(0));
}
