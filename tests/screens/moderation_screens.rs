//! The trainer's moderation of phones' notes on the console (issue 15): the mode key, the queue
//! overlay and its keys, the board's marks, and what the room's view then holds.

use crate::support;
use cpm_workshop::ui::app::{App, Overlay, Screen};
use cpm_workshop::ui::keymap::{Action, Context};
use cpm_workshop::ui::room_out::view_of;
use cpm_workshop::workshop::command::{Command, CommandKind, apply};
use cpm_workshop::workshop::{Mode, Moderation, Prompt, Visibility};
use support::screen::{Drive, draw};
use time::OffsetDateTime;
use time::macros::datetime;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 36)];

/// A note as a phone sends it, applied as the app's loop applies it.
fn from_phone(app: &mut App, id: &str, group: u32, text: &str, initials: Option<&str>) {
    let Screen::Sticky(w) = &mut app.screen else {
        panic!("a sticky-note session is open");
    };
    let command = Command::new(
        id.into(),
        CommandKind::AddNotes {
            texts: vec![text.into()],
            group,
            category: None,
            prompt: Prompt::Already,
            initials: initials.map(String::from),
            from_phone: true,
        },
    );
    apply(&mut w.session, &command, &app.library.snapshot, T0).expect("a phone's note");
}

/// A together-mode workshop at "Share: already using" holding phones' notes, the trainer's
/// queue on: "first" and "second" wait, "hidden" was hidden, "scribe" is the scribe's.
fn held() -> App {
    let mut app = support::apps::sticky_app("practice", Mode::Together, 4, T0);
    app.act(Action::NextStep, T0);
    app.act(Action::ToggleModeration, T0);
    support::apps::type_notes(&mut app, &["scribe"], T0);
    app.act(Action::Close, T0);
    from_phone(&mut app, "p1", 2, "first from a phone", Some("MG"));
    from_phone(
        &mut app,
        "p2",
        3,
        "second, a long one that wraps over more than one row of the queue so the trainer reads it whole before showing it to the room",
        None,
    );
    from_phone(&mut app, "p3", 1, "hidden <b>note</b>", None);
    let Screen::Sticky(w) = &mut app.screen else {
        unreachable!()
    };
    w.session.hide_note(w.session.notes[3].id, T0).unwrap();
    app.act(Action::NextStep, T0); // share: the room's wall shows this round's notes
    app
}

fn wall_texts(app: &App) -> Vec<String> {
    view_of(app)
        .and_then(|v| v.wall)
        .map(|w| w.notes.into_iter().map(|n| n.text).collect())
        .unwrap_or_default()
}

fn session(app: &App) -> &cpm_workshop::workshop::Session {
    &app.open_session().unwrap().session
}

#[test]
fn the_queue_lists_held_notes_with_their_state_place_and_keys() {
    let mut app = held();
    app.act(Action::ShowQueue, T0);
    assert_eq!(app.context(), Context::Queue);
    app.act(Action::Down, T0);
    for (w, h) in SIZES {
        let screen = draw(&app, w, h, T0);
        for text in [
            "[waiting] Group 2",
            "[hidden ] Group 1 (Redwoods)",
            "2 waiting",
            "a approve",
        ] {
            assert!(screen.contains(text), "{text} at {w}x{h}:\n{screen}");
        }
        assert!(
            screen.contains("▶ [waiting] Group 3"),
            "the second is selected:\n{screen}"
        );
        insta::assert_snapshot!(format!("moderation_queue_{w}x{h}"), screen);
    }
}

#[test]
fn an_empty_queue_says_so_and_names_the_mode() {
    let mut app = support::apps::sticky_app("practice", Mode::Together, 4, T0);
    app.act(Action::ShowQueue, T0);
    let screen = draw(&app, 80, 24, T0);
    assert!(screen.contains("No phone's note is held."), "{screen}");
    assert!(screen.contains("go on the projector at once"), "{screen}");
    insta::assert_snapshot!("moderation_queue_empty_80x24", screen);
}

#[test]
fn approving_and_hiding_in_the_queue_decide_the_wall_and_undo_takes_them_back() {
    let mut app = held();
    assert_eq!(
        wall_texts(&app),
        ["scribe"],
        "held notes are not on the wall"
    );
    app.act(Action::ShowQueue, T0);
    let effects = app.act(Action::Approve, T0);
    assert!(
        effects.contains(&cpm_workshop::ui::app::Effect::Save),
        "saved at once"
    );
    assert_eq!(wall_texts(&app), ["scribe", "first from a phone"]);
    assert!(
        matches!(app.overlay, Some(Overlay::Queue { .. })),
        "the queue stays open"
    );
    // The next waiting note is now first; hide it.
    app.act(Action::Hide, T0);
    assert_eq!(session(&app).notes[2].visibility, Visibility::Hidden);
    assert_eq!(wall_texts(&app), ["scribe", "first from a phone"]);
    app.act(Action::Undo, T0);
    assert_eq!(session(&app).notes[2].visibility, Visibility::Waiting);
    app.act(Action::ApproveAll, T0);
    assert_eq!(
        wall_texts(&app),
        [
            "scribe",
            "first from a phone",
            "second, a long one that wraps over more than one row of the queue so the trainer reads it whole before showing it to the room"
        ],
        "approve-all leaves the hidden note hidden"
    );
    // The hidden one can still be shown from the queue.
    app.act(Action::Approve, T0);
    assert_eq!(wall_texts(&app).len(), 4);
    app.act(Action::Undo, T0);
    app.act(Action::Undo, T0);
    assert_eq!(wall_texts(&app), ["scribe", "first from a phone"]);
    app.act(Action::Close, T0);
    assert_eq!(app.context(), Context::Run);
}

#[test]
fn the_mode_key_switches_and_says_what_happens_to_phones_notes() {
    let mut app = support::apps::sticky_app("practice", Mode::Together, 4, T0);
    let effects = app.act(Action::ToggleModeration, T0);
    assert!(effects.contains(&cpm_workshop::ui::app::Effect::Save));
    assert_eq!(session(&app).moderation, Moderation::Queue);
    let said = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(said.contains("wait for you"), "{said}");
    from_phone(&mut app, "p1", 2, "held", None);
    app.act(Action::ToggleModeration, T0);
    assert_eq!(session(&app).moderation, Moderation::ShowAtOnce);
    let said = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(said.contains("1 note still waits"), "{said}");
    assert_eq!(
        session(&app).waiting_count(),
        1,
        "switching shows nothing unseen"
    );
    from_phone(&mut app, "p2", 2, "at once", None);
    assert!(session(&app).notes[1].is_shown());
}

#[test]
fn the_board_marks_held_notes_in_words() {
    let mut app = held();
    app.act(Action::ShowBoard, T0);
    app.act(Action::ChooseGroup(2), T0);
    let screen = draw(&app, 80, 24, T0);
    assert!(
        screen.contains("[waiting] first from a phone (MG)"),
        "{screen}"
    );
    assert!(screen.contains("(waiting: not on"), "{screen}");
}

#[test]
fn the_run_views_commitments_mark_a_held_one() {
    let mut app = support::apps::sticky_app("practice", Mode::Together, 4, T0);
    app.act(Action::JumpTo(30), T0); // the commitment
    app.act(Action::ToggleModeration, T0);
    let Screen::Sticky(w) = &mut app.screen else {
        unreachable!()
    };
    let command = Command::new(
        "c1".into(),
        CommandKind::AddNotes {
            texts: vec!["Check in weekly".into()],
            group: 2,
            category: None,
            prompt: Prompt::Commitment,
            initials: None,
            from_phone: true,
        },
    );
    apply(&mut w.session, &command, &app.library.snapshot, T0).unwrap();
    let screen = draw(&app, 80, 24, T0);
    assert!(screen.contains("[waiting] Check in weekly"), "{screen}");
}

#[test]
fn the_presenter_view_counts_the_held_notes_and_opens_the_queue() {
    let mut app = held();
    app.act(Action::ShowPresenter, T0);
    assert_eq!(app.context(), Context::Presenter);
    let screen = draw(&app, 120, 36, T0);
    assert!(
        screen.contains("The room sees · 2 notes from phones wait for you (h)"),
        "{screen}"
    );
    app.act(Action::ShowQueue, T0);
    assert_eq!(app.context(), Context::Queue);
    app.act(Action::ApproveAll, T0);
    app.act(Action::Close, T0);
    assert_eq!(
        app.context(),
        Context::Presenter,
        "back to the presenter view"
    );
    let screen = draw(&app, 120, 36, T0);
    assert!(screen.contains("The room sees ─"), "{screen}");
}
