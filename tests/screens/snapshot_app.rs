//! The Snapshot screens' update logic, driven by actions with time passed in: opening from the
//! home screen, walking the pages, the show of hands, notes under headings, analysis, dot voting,
//! priorities; every change asks to be saved.

use crate::support::session_id as sid;
use cpm_workshop::content::Library;
use cpm_workshop::store::Summary;
use cpm_workshop::ui::app::{App, Effect, Overlay, Screen};
use cpm_workshop::ui::keymap::{Action, Context, action_for};
use cpm_workshop::ui::snapshot::{Page, SnapshotScreen};
use cpm_workshop::ui::theme::{Theme, ThemeName};
use cpm_workshop::workshop::snapshot::{HeadingId, SnapshotPage, SnapshotState};
use cpm_workshop::workshop::{Activity, RunState, Session};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use time::OffsetDateTime;
use time::macros::datetime;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

fn session() -> Session {
    let spec = SnapshotState::session_spec("Leadership team", &Library::shipped().snapshot);
    Session::new(sid("20261123-0900-00"), spec, T0).unwrap()
}

/// A new Snapshot warm-up open on its intro.
pub(crate) fn open() -> App {
    let mut app = App::new(
        Library::shipped(),
        Theme::new(ThemeName::HighContrast),
        Vec::new(),
    );
    app.opened(session());
    app
}

fn screen(app: &App) -> &SnapshotScreen {
    match &app.screen {
        Screen::Snapshot(s) => s,
        other => panic!("not on the Snapshot screen: {other:?}"),
    }
}

fn state(app: &App) -> &SnapshotState {
    screen(app).state()
}

/// The status line's text.
fn said(app: &App) -> &str {
    app.status.as_ref().map_or("", |s| s.text.as_str())
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Insert(c), T0);
    }
}

fn go_to(app: &mut App, page: Page) {
    let pages = screen(app).pages();
    let target = pages.iter().position(|p| *p == page).unwrap();
    while screen(app).page() != page {
        let here = pages.iter().position(|p| *p == screen(app).page()).unwrap();
        let a = if here < target {
            Action::NextStep
        } else {
            Action::PreviousStep
        };
        app.update(a, T0);
    }
}

fn press(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn a_snapshot_session_opens_from_home_into_its_own_screens() {
    let summary = Summary {
        id: sid("20261123-0900-00"),
        name: "Leadership team".into(),
        created: T0,
        updated: T0,
        activity: Activity::Snapshot,
        deck: "snapshot".into(),
        groups: 4,
        notes: 0,
        path: "/tmp/x.json".into(),
    };
    let mut app = App::new(
        Library::shipped(),
        Theme::new(ThemeName::HighContrast),
        vec![summary],
    );
    assert_eq!(
        app.update(Action::Submit, T0),
        vec![Effect::Open(sid("20261123-0900-00"))]
    );
    app.opened(session());
    assert_eq!(screen(&app).page(), Page::Intro);
    assert_eq!(app.context(), Context::SnapshotPage);
    assert!(state(&app).votes.is_empty());
    assert!(
        app.open_session().is_some(),
        "the loop saves it like any session"
    );
}

#[test]
fn eighteen_pages_in_order_and_the_page_is_saved() {
    let mut app = open();
    let pages = screen(&app).pages();
    assert_eq!(pages.len(), 18);
    assert_eq!(pages[1], Page::Dimension(0));
    assert_eq!(pages[2], Page::Tally(0));
    assert_eq!(pages[9], Page::Analysis);
    assert_eq!(pages[11], Page::Priorities);
    assert_eq!(
        pages[12],
        Page::Plan(cpm_workshop::content::PlanStepId::Horizon)
    );
    assert_eq!(pages[17], Page::Summary);
    assert_eq!(app.update(Action::NextStep, T0), vec![Effect::Save]);
    assert_eq!(state(&app).page(&[]), SnapshotPage::Dimension(0));
    assert_eq!(app.context(), Context::SnapshotDimension);
    assert!(app.update(Action::PreviousStep, T0).contains(&Effect::Save));
    assert!(
        app.update(Action::PreviousStep, T0).is_empty(),
        "no page before the first"
    );
    assert!(app.status.as_ref().unwrap().text.contains("first page"));
}

#[test]
fn digits_add_votes_live_and_u_takes_the_last_back() {
    let mut app = open();
    go_to(&mut app, Page::Tally(1));
    for stage in [1, 2, 2, 3, 2] {
        assert_eq!(app.update(Action::Vote(stage), T0), vec![Effect::Save]);
    }
    assert_eq!(state(&app).tally(1).counts, [1, 3, 1]);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("1 · 3 · 1 (5 votes)")
    );
    assert_eq!(app.update(Action::Undo, T0), vec![Effect::Save]);
    assert_eq!(state(&app).tally(1).counts, [1, 2, 1]);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("Took back a vote for “making progress”")
    );
    // Only stages on the scale count.
    assert!(app.update(Action::Vote(4), T0).is_empty());
    assert!(app.status.as_ref().unwrap().is_error());
    assert!(app.status.as_ref().unwrap().text.contains("no stage 4"));
    // The dimension page takes votes too, for the same dimension.
    app.update(Action::PreviousStep, T0);
    app.update(Action::Vote(3), T0);
    assert_eq!(state(&app).tally(1).counts, [1, 2, 2]);
}

#[test]
fn the_keymap_gives_votes_on_dimension_pages_and_dots_on_dot_voting() {
    assert_eq!(
        action_for(Context::SnapshotDimension, &press('2')),
        Some(Action::Vote(2))
    );
    assert_eq!(
        action_for(Context::SnapshotDimension, &press('u')),
        Some(Action::Undo)
    );
    for ctx in [Context::SnapshotDimension, Context::SnapshotAnalysis] {
        assert_eq!(action_for(ctx, &press(' ')), Some(Action::ToggleTimer));
        assert_eq!(action_for(ctx, &press('+')), Some(Action::AddTime));
        assert_eq!(action_for(ctx, &press('-')), Some(Action::RemoveTime));
        assert_eq!(action_for(ctx, &press('n')), Some(Action::NextStep));
        assert_eq!(action_for(ctx, &press('p')), Some(Action::PreviousStep));
        assert_eq!(action_for(ctx, &press('a')), Some(Action::AddNotes));
    }
    assert_eq!(
        action_for(Context::SnapshotDots, &press('+')),
        Some(Action::AddDot)
    );
    assert_eq!(
        action_for(Context::SnapshotDots, &press('-')),
        Some(Action::RemoveDot)
    );
    assert_eq!(
        action_for(
            Context::SnapshotEntry,
            &KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)
        ),
        Some(Action::CyclePrompt)
    );
    // While typing, command letters and digits are text.
    for c in ['n', 'u', '1', 'q', '+'] {
        assert_eq!(
            action_for(Context::SnapshotEntry, &press(c)),
            Some(Action::Insert(c))
        );
    }
    for ctx in [
        Context::SnapshotPage,
        Context::SnapshotDimension,
        Context::SnapshotAnalysis,
        Context::SnapshotDots,
        Context::SnapshotPriorities,
        Context::SnapshotEntry,
        Context::SnapshotEdit,
    ] {
        assert_eq!(
            action_for(ctx, &KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
            Some(Action::Close),
            "{ctx:?}"
        );
    }
}

#[test]
fn the_scribe_types_notes_under_headings_with_tab_and_dimensions_with_arrows() {
    let mut app = open();
    go_to(&mut app, Page::Dimension(2));
    app.update(Action::AddNotes, T0);
    assert_eq!(app.context(), Context::SnapshotEntry);
    type_text(&mut app, "We publish a quarterly dashboard");
    assert_eq!(app.update(Action::Submit, T0), vec![Effect::Save]);
    app.update(Action::CyclePrompt, T0);
    type_text(&mut app, "nobody reads it 😀");
    app.update(Action::Submit, T0);
    app.update(Action::CyclePrompt, T0);
    app.update(Action::Down, T0);
    type_text(&mut app, "q: staff time");
    app.update(Action::Submit, T0);
    let st = state(&app);
    let placed: Vec<(usize, HeadingId, &str)> = st
        .notes
        .iter()
        .map(|n| (n.dimension, n.heading, n.text.as_str()))
        .collect();
    assert_eq!(
        placed,
        [
            (2, HeadingId::Strengths, "We publish a quarterly dashboard"),
            (2, HeadingId::Opportunities, "nobody reads it 😀"),
            (3, HeadingId::Feasibility, "q: staff time"),
        ]
    );
    assert_eq!(screen(&app).entry.as_ref().unwrap().saved, 3);
    app.update(Action::Close, T0);
    assert_eq!(app.context(), Context::SnapshotDimension);
    // A multi-line paste is one note per line, undone in one step on the analysis page.
    app.update(Action::AddNotes, T0);
    app.update(Action::Paste("one\n\ntwo\nthree".into()), T0);
    assert_eq!(state(&app).notes.len(), 6);
    app.update(Action::Close, T0);
    go_to(&mut app, Page::Analysis);
    app.update(Action::Undo, T0);
    assert_eq!(state(&app).notes.len(), 3);
    assert_eq!(
        said(&app),
        "Undone: adding 3 notes.",
        "says what it took back"
    );
}

#[test]
fn analysis_moves_edits_deletes_and_undoes() {
    let mut app = open();
    go_to(&mut app, Page::Analysis);
    app.update(Action::AddNotes, T0);
    type_text(&mut app, "teh coaching");
    app.update(Action::Submit, T0);
    app.update(Action::Close, T0);
    assert_eq!(screen(&app).column, HeadingId::Strengths);
    assert_eq!(app.update(Action::ShiftRight, T0), vec![Effect::Save]);
    let id = state(&app).notes[0].id;
    assert_eq!(
        state(&app).note(id).unwrap().heading,
        HeadingId::Opportunities
    );
    assert_eq!(
        screen(&app).column,
        HeadingId::Opportunities,
        "selection follows"
    );
    app.update(Action::EditNote, T0);
    assert_eq!(app.context(), Context::SnapshotEdit);
    app.update(Action::Line(tui_input::InputRequest::DeleteLine), T0);
    type_text(&mut app, "the coaching");
    assert_eq!(app.update(Action::Submit, T0), vec![Effect::Save]);
    assert_eq!(state(&app).note(id).unwrap().text, "the coaching");
    app.update(Action::DeleteNote, T0);
    assert!(state(&app).notes.is_empty());
    app.update(Action::Undo, T0);
    assert_eq!(said(&app), "Undone: deleting “the coaching”.");
    app.update(Action::Undo, T0);
    assert_eq!(said(&app), "Undone: the edit to “the coaching”.");
    assert_eq!(state(&app).note(id).unwrap().text, "teh coaching");
    app.update(Action::Undo, T0);
    assert_eq!(
        said(&app),
        "Undone: moving “teh coaching” to Opportunities for Growth."
    );
    assert_eq!(state(&app).note(id).unwrap().heading, HeadingId::Strengths);
    app.update(Action::Redo, T0);
    assert_eq!(
        said(&app),
        "Redone: moving “teh coaching” to Opportunities for Growth."
    );
    assert_eq!(
        state(&app).note(id).unwrap().heading,
        HeadingId::Opportunities
    );
    app.update(Action::Undo, T0);
    app.update(Action::Undo, T0);
    assert_eq!(said(&app), "Undone: adding “teh coaching”.");
}

#[test]
fn dot_voting_ranks_live_and_the_top_become_priorities() {
    let mut app = open();
    go_to(&mut app, Page::Tally(0));
    for _ in 0..4 {
        app.update(Action::Vote(2), T0);
    }
    go_to(&mut app, Page::Dots);
    app.update(Action::AddNotes, T0);
    assert_eq!(
        screen(&app).entry.as_ref().unwrap().heading,
        HeadingId::Opportunities
    );
    for t in ["alpha", "beta", "gamma", "delta"] {
        type_text(&mut app, t);
        app.update(Action::Submit, T0);
    }
    app.update(Action::Close, T0);
    assert_eq!(app.context(), Context::SnapshotDots);
    // alpha 1, beta 3, gamma 0, delta 3.
    app.update(Action::AddDot, T0);
    app.update(Action::Down, T0);
    for _ in 0..3 {
        assert_eq!(app.update(Action::AddDot, T0), vec![Effect::Save]);
    }
    app.update(Action::Down, T0);
    app.update(Action::Down, T0);
    for _ in 0..3 {
        app.update(Action::AddDot, T0);
    }
    let st = state(&app);
    assert_eq!(st.dots_placed(), 7);
    assert_eq!(st.dots_left(), Some(5), "4 people × 3 dots");
    let top: Vec<String> = st.priorities().iter().map(|p| p.text.clone()).collect();
    assert_eq!(
        top,
        ["beta", "delta", "alpha"],
        "beta and delta tie; beta was written first"
    );
    // The list on screen stays in the order written while the ranks move.
    assert_eq!(screen(&app).dot_selected, 3);
    app.update(Action::RemoveDot, T0);
    app.update(Action::Undo, T0);
    assert_eq!(state(&app).dots_placed(), 7);
    assert_eq!(said(&app), "Undone: removing a dot from “delta”.");
    // The room and the dots per person can be changed.
    app.update(Action::FewerDots, T0);
    assert_eq!(state(&app).dots_per_person, 2);
    app.update(Action::MorePeople, T0);
    assert_eq!(state(&app).dots_total(), Some(10));

    go_to(&mut app, Page::Priorities);
    assert_eq!(app.context(), Context::SnapshotPriorities);
    app.update(Action::ShiftDown, T0);
    assert_eq!(screen(&app).priority_selected, 1);
    let order: Vec<String> = state(&app)
        .priorities()
        .iter()
        .map(|p| p.text.clone())
        .collect();
    assert_eq!(order, ["delta", "beta", "alpha"]);
    app.update(Action::EditNote, T0);
    type_text(&mut app, " (supervisors)");
    app.update(Action::Submit, T0);
    assert_eq!(state(&app).priorities()[1].text, "beta (supervisors)");
    app.update(Action::FewerPriorities, T0);
    assert_eq!(state(&app).priorities().len(), 2);
    app.update(Action::Retake, T0);
    let order: Vec<String> = state(&app)
        .priorities()
        .iter()
        .map(|p| p.text.clone())
        .collect();
    assert_eq!(order, ["beta", "delta"]);
}

#[test]
fn the_page_timer_starts_pauses_nudges_and_resets_on_a_new_page() {
    let mut app = open();
    go_to(&mut app, Page::Dimension(0));
    assert_eq!(app.update(Action::ToggleTimer, T0), vec![Effect::Save]);
    assert_eq!(screen(&app).open.session.timer.state(), RunState::Running);
    app.update(Action::AddTime, T0);
    assert_eq!(screen(&app).open.session.timer.length_ms, Some(30_000));
    assert_eq!(
        app.tick(T0 + time::Duration::seconds(31)),
        vec![Effect::Bell]
    );
    // q with the timer running asks first.
    app.update(Action::Quit, T0);
    assert!(matches!(app.overlay, Some(Overlay::ConfirmQuit { .. })));
    app.update(Action::No, T0);
    // Leaving a page whose countdown runs asks first.
    app.update(Action::NextStep, T0);
    assert!(matches!(
        app.overlay,
        Some(Overlay::ConfirmStep { forward: true })
    ));
    app.update(Action::Yes, T0);
    assert_eq!(screen(&app).open.session.timer.state(), RunState::Ready);
    assert_eq!(app.update(Action::Quit, T0), vec![Effect::Quit]);
}

#[test]
fn help_export_blank_and_escape() {
    let mut app = open();
    go_to(&mut app, Page::Dots);
    app.update(Action::Help, T0);
    assert!(matches!(
        app.overlay,
        Some(Overlay::Help(Context::SnapshotDots))
    ));
    app.update(Action::Close, T0);
    app.update(Action::Export, T0);
    assert!(matches!(app.overlay, Some(Overlay::Export { .. })));
    app.update(Action::Close, T0);
    app.update(Action::ToggleBlank, T0);
    assert_eq!(app.context(), Context::Blank);
    app.update(Action::ToggleBlank, T0);
    assert!(
        app.update(Action::Close, T0).is_empty(),
        "leaving asks first"
    );
    assert!(matches!(app.overlay, Some(Overlay::ConfirmLeave)));
    assert_eq!(
        app.update(Action::Yes, T0),
        vec![Effect::CloseSession, Effect::RefreshList]
    );
}

#[test]
fn reopening_resumes_at_the_page_with_votes_dots_and_notes() {
    let mut app = open();
    go_to(&mut app, Page::Tally(3));
    app.update(Action::Vote(1), T0);
    go_to(&mut app, Page::Dots);
    app.update(Action::AddNotes, T0);
    type_text(&mut app, "partners at the table");
    app.update(Action::Submit, T0);
    app.update(Action::Close, T0);
    app.update(Action::AddDot, T0);
    let saved = serde_json::to_string(screen(&app).open.session.as_ref()).unwrap();
    let mut again = App::new(
        Library::shipped(),
        Theme::new(ThemeName::HighContrast),
        Vec::new(),
    );
    again.opened(serde_json::from_str(&saved).unwrap());
    assert_eq!(screen(&again).page(), Page::Dots);
    assert_eq!(state(&again).tally(3).counts, [1, 0, 0]);
    assert_eq!(state(&again).notes[0].dots, 1);
}

#[test]
fn the_set_up_form_makes_a_snapshot_warm_up_with_the_four_dimensions() {
    let mut app = App::new(
        Library::shipped(),
        Theme::new(ThemeName::HighContrast),
        Vec::new(),
    );
    app.update(Action::Submit, T0);
    assert_eq!(app.context(), Context::Setup);
    // The Activity is the first field and has the focus: one → makes it a Snapshot (issue 12).
    app.update(Action::Right, T0);
    let Screen::Setup(form) = &app.screen else {
        panic!("still on set-up")
    };
    assert_eq!(form.activity, Activity::Snapshot);
    assert_eq!(
        form.visible_fields(&app.library),
        [
            cpm_workshop::ui::setup::Field::Activity,
            cpm_workshop::ui::setup::Field::Name
        ]
    );
    let effects = app.update(Action::Submit, T0);
    let [Effect::Create(spec)] = effects.as_slice() else {
        panic!("expected one Create, got {effects:?}")
    };
    assert_eq!(spec.activity, Activity::Snapshot);
    assert_eq!(spec.categories.len(), 4);
    assert_eq!(
        spec.categories[3],
        "Strengthening Partnerships for System Change"
    );
}

#[test]
fn analysis_drops_deleted_notes_for_good_after_a_yes() {
    let mut app = open();
    go_to(&mut app, Page::Analysis);
    app.update(Action::AddNotes, T0);
    type_text(&mut app, "named a family");
    app.update(Action::Submit, T0);
    app.update(Action::Close, T0);
    app.update(Action::DeleteNote, T0);
    assert_eq!(state(&app).trash.len(), 1);
    let shift_d = KeyEvent::new(KeyCode::Char('D'), KeyModifiers::SHIFT);
    let action = action_for(Context::SnapshotAnalysis, &shift_d).unwrap();
    app.update(action, T0);
    assert!(matches!(
        app.overlay,
        Some(Overlay::ConfirmDropDeleted { count: 1 })
    ));
    let effects = app.update(Action::Yes, T0);
    assert_eq!(
        effects,
        vec![
            Effect::Save,
            Effect::DropBackup {
                id: sid("20261123-0900-00")
            }
        ]
    );
    assert!(state(&app).trash.is_empty());
    // The undo history held the note too; it is gone with it.
    app.update(Action::Undo, T0);
    assert!(state(&app).notes.is_empty() && state(&app).trash.is_empty());
}

#[test]
fn escape_in_the_note_input_keeps_the_draft_and_ctrl_c_asks_mid_timer() {
    let mut app = open();
    go_to(&mut app, Page::Dimension(1));
    app.update(Action::AddNotes, T0);
    app.update(Action::CyclePrompt, T0);
    type_text(&mut app, "half a strength");
    app.update(Action::Close, T0);
    assert!(screen(&app).entry.is_none());
    assert!(app.status.as_ref().unwrap().text.contains("Draft kept"));
    app.update(Action::AddNotes, T0);
    let entry = screen(&app).entry.as_ref().unwrap();
    assert_eq!(entry.input.value(), "half a strength");
    assert_eq!(
        (entry.dimension, entry.heading),
        (1, HeadingId::Opportunities)
    );
    // Ctrl-C while typing with the page timer running asks; no brings the input back.
    app.update(Action::ToggleTimer, T0);
    app.update(Action::Close, T0);
    app.update(Action::ToggleTimer, T0);
    app.update(Action::AddNotes, T0);
    assert!(app.update(Action::Quit, T0).is_empty());
    assert!(matches!(app.overlay, Some(Overlay::ConfirmQuit { .. })));
    app.update(Action::No, T0);
    assert_eq!(app.context(), Context::SnapshotEntry);
    assert_eq!(
        screen(&app).entry.as_ref().unwrap().input.value(),
        "half a strength"
    );
}

#[test]
fn the_jump_pickers_arrows_go_from_dimension_to_dimension() {
    let mut app = open();
    let jump_right = |app: &mut App, times: usize| {
        app.update(Action::Jump, T0);
        for _ in 0..times {
            app.update(Action::Right, T0);
        }
        app.update(Action::Submit, T0);
        screen(app).page()
    };
    assert_eq!(
        jump_right(&mut app, 1),
        Page::Dimension(0),
        "→ leaves the intro"
    );
    assert_eq!(
        jump_right(&mut app, 1),
        Page::Dimension(1),
        "→ the next dimension"
    );
    assert_eq!(jump_right(&mut app, 2), Page::Dimension(3));
    go_to(&mut app, Page::Tally(2));
    app.update(Action::Jump, T0);
    app.update(Action::Left, T0);
    app.update(Action::Submit, T0);
    assert_eq!(
        screen(&app).page(),
        Page::Dimension(2),
        "← the start of its dimension"
    );
}
