//! The planning pages after the priorities (the Implementation Plan's key decisions): keys in,
//! the draft plan out, a refused date keeps what was typed; and the pages drawn at 80×24 and
//! 200×60 (reviewed snapshots).

use crate::support;
use crate::support::session_id as sid;
use cpm_workshop::content::{Library, PlanStepId};
use cpm_workshop::ui::app::{App, Effect, Screen};
use cpm_workshop::ui::keymap::{Action, Context, action_for, help_lines};
use cpm_workshop::ui::snapshot::{Page, SnapshotScreen};
use cpm_workshop::ui::theme::{Theme, ThemeName};
use cpm_workshop::workshop::snapshot::SnapshotState;
use cpm_workshop::workshop::{HeadingId, Session};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::screen::draw;
use time::OffsetDateTime;
use time::macros::{date, datetime};

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);
const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

/// A Snapshot with two priorities from the dot vote, on the priorities page.
fn open() -> App {
    let library = Library::shipped();
    let spec = SnapshotState::session_spec("Leadership team", &library.snapshot);
    let mut session = Session::new(sid("20261123-0900-00"), spec, T0).unwrap();
    let st = session.snapshot_mut(&library.snapshot);
    for (text, dimension, dots) in [
        ("Coaching time for supervisors", 1, 5),
        ("Dashboards staff can read (données, 家族)", 2, 4),
    ] {
        let id = st
            .add_note(text, dimension, HeadingId::Opportunities, T0)
            .unwrap();
        st.set_dots(id, dots).unwrap();
    }
    let mut app = App::new(library, Theme::new(ThemeName::Mono), Vec::new());
    app.opened(session);
    go_to(&mut app, Page::Priorities);
    app
}

fn screen(app: &App) -> &SnapshotScreen {
    match &app.screen {
        Screen::Snapshot(s) => s,
        other => panic!("not on the Snapshot screen: {other:?}"),
    }
}

fn go_to(app: &mut App, page: Page) {
    for _ in 0..30 {
        if screen(app).page() == page {
            return;
        }
        let pages = screen(app).pages();
        let here = pages.iter().position(|p| *p == screen(app).page()).unwrap();
        let there = pages
            .iter()
            .position(|p| *p == page)
            .expect("the page exists");
        let step = if here < there {
            Action::NextStep
        } else {
            Action::PreviousStep
        };
        app.update(step, T0);
    }
    panic!("could not reach {page:?}");
}

fn said(app: &App) -> String {
    app.status
        .as_ref()
        .map_or(String::new(), |s| s.text.clone())
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Insert(c), T0);
    }
}

/// Opens the input on the selected row, types each field (Tab between them) and saves.
fn decide(app: &mut App, fields: &[&str]) -> Vec<Effect> {
    app.update(Action::EditNote, T0);
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            app.update(Action::CyclePrompt, T0);
        }
        type_text(app, field);
    }
    app.update(Action::Submit, T0)
}

/// A plan typed through every step: the horizon, and for priority 1 everything.
fn planned() -> App {
    let mut app = open();
    go_to(&mut app, Page::Plan(PlanStepId::Horizon));
    decide(&mut app, &["12 months"]);
    go_to(&mut app, Page::Plan(PlanStepId::Success));
    decide(&mut app, &["Supervisors coach every week"]);
    go_to(&mut app, Page::Plan(PlanStepId::Actions));
    decide(
        &mut app,
        &["Protect two hours a week", "Deputy director", "2027-02-26"],
    );
    decide(&mut app, &["Coaching circles", "Training unit", ""]);
    go_to(&mut app, Page::Plan(PlanStepId::Monitor));
    decide(&mut app, &["2027-06-30"]);
    go_to(&mut app, Page::Plan(PlanStepId::Support));
    app.update(Action::Down, T0);
    decide(&mut app, &["Regional Training Academy coaching"]);
    app
}

#[test]
fn the_planning_pages_follow_the_priorities_in_the_guides_order() {
    let app = open();
    let pages = screen(&app).pages();
    let at = |p: Page| pages.iter().position(|q| *q == p).unwrap();
    let steps = [
        PlanStepId::Horizon,
        PlanStepId::Success,
        PlanStepId::Actions,
        PlanStepId::Monitor,
        PlanStepId::Support,
    ];
    for (i, step) in steps.into_iter().enumerate() {
        assert_eq!(at(Page::Plan(step)), at(Page::Priorities) + 1 + i);
    }
    assert_eq!(at(Page::Summary), pages.len() - 1);
}

#[test]
fn the_scribe_types_each_decision_and_each_is_saved() {
    let mut app = open();
    go_to(&mut app, Page::Plan(PlanStepId::Horizon));
    assert_eq!(app.context(), Context::SnapshotPlan);
    app.update(Action::EditNote, T0);
    assert_eq!(app.context(), Context::SnapshotPlanInput);
    type_text(&mut app, "12 months");
    assert_eq!(app.update(Action::Submit, T0), vec![Effect::Save]);
    assert_eq!(app.context(), Context::SnapshotPlan);

    let app = planned();
    let st = screen(&app).state();
    let ps = st.priorities();
    assert_eq!(st.plan.horizon.as_deref(), Some("12 months"));
    let first = st.plan.for_priority(&ps[0]).expect("priority 1 planned");
    assert_eq!(
        first.success.as_deref(),
        Some("Supervisors coach every week")
    );
    assert_eq!(first.actions.len(), 2);
    assert_eq!(first.actions[0].who.as_deref(), Some("Deputy director"));
    assert_eq!(first.actions[0].by, Some(date!(2027 - 02 - 26)));
    assert_eq!(first.actions[1].by, None);
    assert_eq!(first.monitor, Some(date!(2027 - 06 - 30)));
    let second = st.plan.for_priority(&ps[1]).expect("priority 2 planned");
    assert_eq!(
        second.support.as_deref(),
        Some("Regional Training Academy coaching")
    );
}

#[test]
fn a_bad_date_is_refused_with_its_reason_and_the_typing_kept() {
    let mut app = open();
    go_to(&mut app, Page::Plan(PlanStepId::Actions));
    let effects = decide(&mut app, &["Invite partners", "Director", "2027-02-30"]);
    assert!(effects.is_empty(), "nothing saved: {effects:?}");
    assert_eq!(
        app.context(),
        Context::SnapshotPlanInput,
        "the input stays open"
    );
    assert!(
        said(&app).contains("“2027-02-30” is not a date: February 2027 has 28 days"),
        "{}",
        said(&app)
    );
    let input = screen(&app).plan_input.as_ref().unwrap();
    assert_eq!(input.fields[0].value(), "Invite partners");
    assert_eq!(input.field, 2, "the cursor is on the date");
    // Fix the date: Ctrl-u clears the field, then the right day saves.
    app.update(
        action_for(
            Context::SnapshotPlanInput,
            &KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
        )
        .unwrap(),
        T0,
    );
    type_text(&mut app, "2027-02-28");
    assert_eq!(app.update(Action::Submit, T0), vec![Effect::Save]);
    // A date before today is refused too.
    go_to(&mut app, Page::Plan(PlanStepId::Monitor));
    decide(&mut app, &["2026-01-01"]);
    assert!(
        said(&app).contains("is before today (2026-11-23)"),
        "{}",
        said(&app)
    );
}

#[test]
fn action_steps_are_edited_deleted_and_undone() {
    let mut app = planned();
    go_to(&mut app, Page::Plan(PlanStepId::Actions));
    app.update(Action::Down, T0); // priority 1's first step
    app.update(Action::EditNote, T0);
    let input = screen(&app).plan_input.as_ref().unwrap();
    assert_eq!(
        input.fields[1].value(),
        "Deputy director",
        "filled in to edit"
    );
    app.update(Action::Close, T0);
    app.update(Action::DeleteNote, T0);
    let count = |app: &App| {
        let st = screen(app).state();
        st.plan
            .for_priority(&st.priorities()[0])
            .map_or(0, |p| p.actions.len())
    };
    assert_eq!(count(&app), 1);
    app.update(Action::Undo, T0);
    assert_eq!(count(&app), 2);
    assert!(
        said(&app).starts_with("Undone: removing an action step"),
        "{}",
        said(&app)
    );
}

#[test]
fn a_plan_whose_priority_leaves_the_list_is_shown_set_aside() {
    let mut app = planned();
    go_to(&mut app, Page::Priorities);
    // From three priorities to one: the second leaves the list.
    app.update(Action::FewerPriorities, T0);
    app.update(Action::FewerPriorities, T0);
    go_to(&mut app, Page::Plan(PlanStepId::Support));
    let text = draw(&app, 120, 36, T0);
    assert!(
        text.contains("Set aside, no longer a priority: “Dashboards staff can read"),
        "{text}"
    );
}

#[test]
fn plan_keys_are_in_the_keymap_help_and_hints() {
    let help: Vec<&str> = help_lines(Context::SnapshotPlan)
        .into_iter()
        .map(|(_, h)| h)
        .collect();
    assert!(
        help.iter().any(|h| h.starts_with("type the decision")),
        "{help:?}"
    );
    assert!(
        help.iter()
            .any(|h| h.starts_with("delete the selected action step"))
    );
    let input: Vec<&str> = help_lines(Context::SnapshotPlanInput)
        .into_iter()
        .map(|(_, h)| h)
        .collect();
    assert!(
        input.iter().any(|h| h.starts_with("next field")),
        "{input:?}"
    );
    for c in ['n', 'd', 'e', '1'] {
        assert_eq!(
            action_for(
                Context::SnapshotPlanInput,
                &KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
            ),
            Some(Action::Insert(c)),
            "typing {c} is text"
        );
    }
    let app = planned();
    let bottom = draw(&app, 200, 60, T0);
    assert!(bottom.contains("type"), "the hint bar names Enter's job");
}

#[test]
fn planning_pages_match_the_reviewed_screens() {
    let mut app = planned();
    for (name, step) in [
        ("plan_horizon", PlanStepId::Horizon),
        ("plan_actions", PlanStepId::Actions),
        ("plan_monitor", PlanStepId::Monitor),
    ] {
        go_to(&mut app, Page::Plan(step));
        for (w, h) in SIZES {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(&app, w, h, T0));
        }
    }
    go_to(&mut app, Page::Plan(PlanStepId::Actions));
    app.update(Action::EditNote, T0);
    type_text(&mut app, "Ask the ICWA liaison");
    app.update(Action::CyclePrompt, T0);
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("plan_action_input_{w}x{h}"), draw(&app, w, h, T0));
    }
}

#[test]
fn planning_pages_draw_at_any_size() {
    let app = planned();
    for (w, h) in [(1, 1), (10, 3), (60, 16), (300, 90)] {
        draw(&app, w, h, T0);
    }
}
