//! The app's update logic, driven by actions with time passed in: no terminal, no disk.

use crate::support::session_id as sid;
use cpm_workshop::content::Library;
use cpm_workshop::ui::app::{App, Effect, Overlay, SaveState, Screen};
use cpm_workshop::ui::keymap::Action;
use cpm_workshop::ui::sticky::View;
use cpm_workshop::ui::theme::{Theme, ThemeName};
use cpm_workshop::workshop::{Durations, Mode, Prompt, Session, SessionSpec, StepKind};
use time::OffsetDateTime;
use time::macros::datetime;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

fn secs(s: i64) -> OffsetDateTime {
    T0 + time::Duration::seconds(s)
}

fn app() -> App {
    App::new(
        Library::shipped(),
        Theme::new(ThemeName::HighContrast),
        Vec::new(),
    )
}

fn open_app(mode: Mode, groups: u32) -> App {
    let library = Library::shipped();
    let deck = library.default_deck();
    let spec = SessionSpec {
        name: "Tuesday cohort".into(),
        activity: cpm_workshop::workshop::Activity::Sticky,
        deck: deck.id.clone(),
        categories: deck.category_names(),
        groups,
        group_names: vec![],
        mode,
        durations: Durations::default(),
        role: None,
    };
    let mut app = app();
    app.opened(Session::new(sid("s1"), spec, T0).unwrap());
    app
}

fn session(app: &App) -> &Session {
    &app.open_session().unwrap().session
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Insert(c), T0);
    }
}

#[test]
fn enter_enter_from_an_empty_store_creates_the_default_workshop() {
    let mut app = app();
    assert!(app.update(Action::Submit, T0).is_empty());
    assert!(matches!(app.screen, Screen::Setup(_)));
    let effects = app.update(Action::Submit, T0);
    let [Effect::Create(spec)] = effects.as_slice() else {
        panic!("expected one Create, got {effects:?}")
    };
    assert_eq!(spec.deck, "practice");
    assert_eq!(spec.categories[0], "Foundational");
    assert_eq!(spec.groups, 4);
    assert_eq!(spec.mode, Mode::Together);
    assert_eq!(spec.durations, Durations::default());
}

#[test]
fn setup_refuses_bad_values_in_place() {
    let mut app = app();
    app.update(Action::Submit, T0);
    app.update(Action::Down, T0); // name
    app.update(Action::Down, T0); // deck
    app.update(Action::Down, T0); // groups
    app.update(Action::Line(tui_input::InputRequest::DeletePrevChar), T0);
    type_text(&mut app, "40");
    assert!(app.update(Action::Submit, T0).is_empty());
    let Screen::Setup(form) = &app.screen else {
        panic!("still on set-up")
    };
    assert!(
        form.error(cpm_workshop::ui::setup::Field::Groups)
            .unwrap()
            .contains("2 to 12")
    );
    assert!(app.status.as_ref().unwrap().is_error());
}

#[test]
fn scribe_types_notes_in_a_row_and_each_is_saved() {
    let mut app = open_app(Mode::Together, 4);
    app.update(Action::NextStep, T0);
    app.update(Action::ChooseGroup(3), T0);
    app.update(Action::AddNotes, T0);
    for i in 0..20 {
        type_text(&mut app, &format!("note {i} café 😀"));
        assert_eq!(app.update(Action::Submit, T0), vec![Effect::Save]);
        assert_eq!(app.save, SaveState::Pending);
    }
    let s = session(&app);
    assert_eq!(s.notes.len(), 20);
    assert!(s.notes.iter().all(|n| n.placement.group == 3
        && n.placement.category.as_deref() == Some("Foundational")
        && n.placement.prompt == Prompt::Already));
    assert_eq!(s.notes[19].text, "note 19 café 😀");
    assert!(
        app.open_session().unwrap().entry.is_some(),
        "input stays open"
    );
}

#[test]
fn tab_changes_the_prompt_and_letters_are_text_not_commands() {
    let mut app = open_app(Mode::Together, 4);
    app.update(Action::AddNotes, T0);
    app.update(Action::CyclePrompt, T0);
    type_text(&mut app, "quit now?");
    app.update(Action::Submit, T0);
    let n = &session(&app).notes[0];
    assert_eq!(n.placement.prompt, Prompt::Enhance);
    assert_eq!(n.text, "quit now?");
}

#[test]
fn multi_line_paste_asks_then_makes_one_note_per_line() {
    let mut app = open_app(Mode::Together, 4);
    app.update(Action::Paste("one\ntwo\n\nthree\n".into()), T0);
    assert!(matches!(&app.overlay, Some(Overlay::ConfirmPaste(l)) if l.len() == 3));
    assert_eq!(app.update(Action::Yes, T0), vec![Effect::Save]);
    assert_eq!(session(&app).notes.len(), 3);
    app.update(Action::Paste("four\nfive".into()), T0);
    app.update(Action::No, T0);
    assert_eq!(session(&app).notes.len(), 3, "declined paste adds nothing");
}

#[test]
fn a_confirmed_paste_is_one_undo_and_undo_says_what_it_undid() {
    let mut app = open_app(Mode::Together, 4);
    app.update(Action::AddNotes, T0);
    type_text(&mut app, "typed by hand");
    app.update(Action::Submit, T0);
    let block: String = (1..=30).map(|i| format!("pasted note {i}\r")).collect();
    app.update(Action::Paste(block), T0);
    app.update(Action::Yes, T0);
    assert_eq!(session(&app).notes.len(), 31);
    app.update(Action::Close, T0);
    app.update(Action::Undo, T0);
    assert_eq!(
        session(&app).notes.len(),
        1,
        "one u takes the whole paste back"
    );
    assert_eq!(
        app.status.as_ref().unwrap().text,
        "Undone: adding 30 pasted notes."
    );
    app.update(Action::Redo, T0);
    assert_eq!(session(&app).notes.len(), 31);
    assert_eq!(session(&app).notes[30].text, "pasted note 30");
    app.update(Action::Undo, T0);
    app.update(Action::Undo, T0);
    assert!(session(&app).notes.is_empty());
    assert_eq!(
        app.status.as_ref().unwrap().text,
        "Undone: adding “typed by hand”."
    );
}

#[test]
fn a_ten_thousand_character_paste_fills_the_input_in_one_go() {
    let mut app = open_app(Mode::Together, 4);
    app.update(Action::AddNotes, T0);
    let long = "é".repeat(10_000);
    app.update(Action::Paste(long.clone()), T0);
    let entry = app.open_session().unwrap().entry.as_ref().unwrap();
    assert_eq!(entry.input.value(), long);
    app.update(Action::Submit, T0);
    assert_eq!(session(&app).notes[0].text.chars().count(), 10_000);
}

#[test]
fn timer_keys_and_bell_once_at_zero() {
    let mut app = open_app(Mode::Together, 4);
    app.update(Action::NextStep, T0);
    assert_eq!(app.update(Action::ToggleTimer, T0), vec![Effect::Save]);
    app.update(Action::AddTime, T0);
    assert_eq!(session(&app).timer.length_ms, Some(150_000));
    app.update(Action::RemoveTime, T0);
    assert!(app.tick(secs(119)).is_empty());
    assert_eq!(app.tick(secs(120)), vec![Effect::Bell]);
    assert!(app.tick(secs(125)).is_empty(), "rings once");
    // q with a running timer asks first; n answers no.
    app.update(Action::Quit, secs(130));
    assert!(matches!(app.overlay, Some(Overlay::ConfirmQuit { .. })));
    app.update(Action::No, secs(130));
    app.update(Action::ToggleTimer, secs(131));
    assert_eq!(app.update(Action::Quit, secs(132)), vec![Effect::Quit]);
}

#[test]
fn steps_walk_a_category_then_the_next() {
    let mut app = open_app(Mode::Together, 4);
    let kinds: Vec<StepKind> = (0..6)
        .map(|_| {
            let k = session(&app).step().kind;
            app.update(Action::NextStep, T0);
            k
        })
        .collect();
    assert_eq!(&kinds[..5], &StepKind::PER_CATEGORY);
    assert_eq!(session(&app).category_for(1), Some("Engagement"));
    app.update(Action::PreviousStep, T0);
    assert_eq!(session(&app).category_for(1), Some("Engagement"));
    app.update(Action::PreviousStep, T0);
    assert_eq!(session(&app).category_for(1), Some("Foundational"));
    assert_eq!(session(&app).step().kind, StepKind::ShareEnhance);
}

#[test]
fn rotation_puts_each_group_at_its_station() {
    let mut app = open_app(Mode::Rotation, 4);
    app.update(Action::NextStep, T0);
    app.update(Action::ChooseGroup(2), T0);
    app.update(Action::AddNotes, T0);
    type_text(&mut app, "at the engagement station");
    app.update(Action::Submit, T0);
    assert_eq!(
        session(&app).notes[0].placement.category.as_deref(),
        Some("Engagement")
    );
}

#[test]
fn board_delete_then_undo_restores_the_note() {
    let mut app = open_app(Mode::Together, 4);
    app.update(Action::AddNotes, T0);
    type_text(&mut app, "keep me");
    app.update(Action::Submit, T0);
    app.update(Action::Close, T0);
    app.update(Action::ShowBoard, T0);
    assert_eq!(app.open_session().unwrap().view, View::Board);
    app.update(Action::DeleteNote, T0);
    assert!(session(&app).notes.is_empty());
    assert_eq!(session(&app).trash.len(), 1);
    app.update(Action::Undo, T0);
    assert_eq!(session(&app).notes[0].text, "keep me");
    app.update(Action::Redo, T0);
    assert!(session(&app).notes.is_empty());
}

#[test]
fn deleted_notes_are_dropped_for_good_only_after_a_yes() {
    use cpm_workshop::ui::keymap::{Context, action_for};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = open_app(Mode::Together, 4);
    app.update(Action::AddNotes, T0);
    type_text(&mut app, "gone for good");
    app.update(Action::Submit, T0);
    app.update(Action::Close, T0);
    app.update(Action::ShowBoard, T0);
    app.update(Action::DeleteNote, T0);
    assert_eq!(session(&app).trash.len(), 1);
    // Shift-D on the board asks first; n keeps them.
    let key = KeyEvent::new(KeyCode::Char('D'), KeyModifiers::SHIFT);
    let action = action_for(Context::Board, &key).unwrap();
    assert_eq!(action, Action::DropDeletedNotes);
    assert!(app.update(action.clone(), T0).is_empty());
    assert!(matches!(
        app.overlay,
        Some(Overlay::ConfirmDropDeleted { count: 1 })
    ));
    app.update(Action::No, T0);
    assert_eq!(session(&app).trash.len(), 1);
    app.update(action, T0);
    let effects = app.update(Action::Yes, secs(5));
    assert_eq!(
        effects,
        vec![Effect::Save, Effect::DropBackup { id: sid("s1") }]
    );
    assert!(session(&app).trash.is_empty());
    assert_eq!(session(&app).updated, secs(5));
    // Undo can no longer bring the note back.
    app.update(Action::Undo, T0);
    assert!(session(&app).notes.is_empty() && session(&app).trash.is_empty());
    // With nothing deleted, the key only says so.
    app.update(Action::DropDeletedNotes, T0);
    assert!(app.overlay.is_none());
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("no deleted notes")
    );
}

#[test]
fn board_edit_and_move() {
    let mut app = open_app(Mode::Together, 4);
    app.update(Action::AddNotes, T0);
    type_text(&mut app, "teh note");
    app.update(Action::Submit, T0);
    app.update(Action::Close, T0);
    app.update(Action::ShowBoard, T0);
    app.update(Action::EditNote, T0);
    app.update(Action::Line(tui_input::InputRequest::DeleteLine), T0);
    type_text(&mut app, "the note");
    app.update(Action::Submit, T0);
    assert_eq!(session(&app).notes[0].text, "the note");
    app.update(Action::MoveNote, T0);
    app.update(Action::Right, T0); // group 2
    app.update(Action::Down, T0);
    app.update(Action::Right, T0); // Engagement
    app.update(Action::CyclePrompt, T0); // enhance
    app.update(Action::Submit, T0);
    let p = &session(&app).notes[0].placement;
    assert_eq!(
        (p.group, p.category.as_deref(), p.prompt),
        (2, Some("Engagement"), Prompt::Enhance)
    );
    app.update(Action::Undo, T0);
    assert_eq!(session(&app).notes[0].placement.group, 1);
}

#[test]
fn escape_closes_the_innermost_thing_first() {
    let mut app = open_app(Mode::Together, 4);
    app.update(Action::ShowBoard, T0);
    app.update(Action::Help, T0);
    app.update(Action::Close, T0);
    assert!(app.overlay.is_none());
    assert_eq!(app.open_session().unwrap().view, View::Board);
    app.update(Action::Close, T0);
    assert_eq!(app.open_session().unwrap().view, View::Run);
    // Leaving the workshop asks first: the session list must not reach the room by accident.
    assert!(app.update(Action::Close, T0).is_empty());
    assert!(matches!(app.overlay, Some(Overlay::ConfirmLeave)));
    assert_eq!(
        app.update(Action::Yes, T0),
        vec![Effect::CloseSession, Effect::RefreshList]
    );
}

#[test]
fn keys_are_inert_while_the_window_is_too_small_except_quit() {
    let mut app = open_app(Mode::Together, 4);
    app.update(Action::AddNotes, T0);
    type_text(&mut app, "typed while visible");
    app.resized(50, 14);
    for action in [
        Action::Submit,
        Action::Close,
        Action::NextStep,
        Action::Paste("a\nb".into()),
    ] {
        assert!(app.update(action, T0).is_empty());
    }
    assert!(session(&app).notes.is_empty());
    assert_eq!(session(&app).position, 0);
    app.resized(120, 36);
    let entry = app.open_session().unwrap().entry.as_ref().unwrap();
    assert_eq!(entry.input.value(), "typed while visible");
    app.resized(50, 14);
    assert_eq!(app.update(Action::Quit, T0), vec![Effect::Quit]);
}

#[test]
fn choosing_a_group_that_does_not_exist_says_so() {
    let mut app = open_app(Mode::Together, 3);
    app.update(Action::ChooseGroup(7), T0);
    assert!(app.status.as_ref().unwrap().text.contains("no group 7"));
    assert_eq!(app.open_session().unwrap().group, 1);
}

#[test]
fn blank_screen_swallows_keys_until_shown_again() {
    let mut app = open_app(Mode::Together, 3);
    app.update(Action::ToggleBlank, T0);
    app.update(Action::NextStep, T0);
    assert_eq!(session(&app).position, 0);
    app.update(Action::ToggleBlank, T0);
    app.update(Action::NextStep, T0);
    assert_eq!(session(&app).position, 1);
}

#[test]
fn a_question_mark_in_a_set_up_text_field_is_typed() {
    let mut app = app();
    app.update(Action::Submit, T0);
    app.update(Action::Down, T0); // from the Activity to the Name
    let Screen::Setup(form) = &app.screen else {
        panic!("on set-up")
    };
    assert!(form.focus.is_text(), "the name takes text");
    app.update(Action::Help, T0);
    assert!(app.overlay.is_none(), "no help over a text field");
    let Screen::Setup(form) = &app.screen else {
        panic!("on set-up")
    };
    let focus = form.focus;
    let mut form = form.clone();
    assert!(form.input_mut(focus).unwrap().value().ends_with('?'));
}

#[test]
fn reopening_carries_on_with_the_group_of_the_last_note() {
    let mut app = open_app(Mode::Together, 4);
    app.update(Action::ChooseGroup(3), T0);
    app.update(Action::AddNotes, T0);
    type_text(&mut app, "from group three");
    app.update(Action::Submit, secs(5));
    let saved = session(&app).clone();
    let mut again = self::app();
    again.opened(saved);
    assert_eq!(again.open_session().unwrap().group, 3);
}
