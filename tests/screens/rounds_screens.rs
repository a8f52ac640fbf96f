//! The rounds screens (discussion rounds, values check) drawn on ratatui's TestBackend at 80×24
//! and 200×60 and compared with reviewed snapshots: the intro, a talk page with notes by group
//! (one to follow up, one selected), the share page, a values "where do we stand?" page with its
//! bars, the note input, and the summary; plus the keys acting on the record they draw.

use crate::support;
use crate::support::session_id as sid;
use cpm_workshop::content::Library;
use cpm_workshop::ui::app::{App, Screen};
use cpm_workshop::ui::keymap::Action;
use cpm_workshop::ui::theme::{Theme, ThemeName};
use cpm_workshop::workshop::rounds::{RoundPage, RoundsState, durations_for};
use cpm_workshop::workshop::{Activity, Mode, Session, SessionSpec};
use support::screen::draw;
use time::OffsetDateTime;
use time::macros::datetime;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);
const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

fn snap(name: &str, app: &App, now: OffsetDateTime) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(app, w, h, now));
    }
}

/// A fresh rounds session of `activity` open on its intro.
pub(crate) fn open(activity: Activity) -> App {
    let library = Library::shipped();
    let script = match activity {
        Activity::Values => library.values.clone(),
        _ => library.discussion.clone(),
    };
    let spec = SessionSpec {
        name: "Tuesday forum".into(),
        activity,
        deck: activity.id().into(),
        categories: script.item_texts(),
        groups: 3,
        group_names: vec!["Redwood".into()],
        mode: Mode::Together,
        durations: durations_for(&script),
        role: None,
    };
    let mut app = App::new(library, Theme::new(ThemeName::Mono), Vec::new());
    app.opened(Session::new(sid("20261123-0900-00"), spec, T0).unwrap());
    app
}

pub(crate) fn state(app: &App) -> &RoundsState {
    match &app.screen {
        Screen::Rounds(s) => s.state(),
        _ => panic!("not a rounds screen"),
    }
}

/// Walks with `n` to `target`.
pub(crate) fn go_to(app: &mut App, target: RoundPage) {
    for _ in 0..40 {
        if state(app).current_page() == target {
            return;
        }
        app.update(Action::NextStep, T0);
    }
    panic!("no page {target:?}");
}

/// Types notes for `group` the way a scribe would: `a`, ↓ to the group, text, Enter, Esc.
fn notes(app: &mut App, group: u32, texts: &[&str]) {
    app.update(Action::ChooseGroup(group), T0);
    app.update(Action::AddNotes, T0);
    for text in texts {
        app.update(Action::Paste((*text).into()), T0);
        app.update(Action::Submit, T0);
    }
    app.update(Action::Close, T0);
}

fn discussion_worked() -> App {
    let mut a = open(Activity::Discussion);
    go_to(&mut a, RoundPage::Step { item: 1, step: 0 });
    notes(
        &mut a,
        1,
        &["Fewer surprises for families", "Same language everywhere"],
    );
    notes(&mut a, 2, &["? Will this be in our reviews?"]);
    notes(&mut a, 3, &["Better hand-offs between units 🤝"]);
    a.update(Action::Down, T0);
    a
}

#[test]
fn discussion_intro() {
    snap("rounds_discussion_intro", &open(Activity::Discussion), T0);
}

#[test]
fn discussion_talk_page_shows_notes_by_group_and_the_follow_up_mark() {
    let a = discussion_worked();
    let st = state(&a);
    let texts: Vec<(u32, &str, bool)> = st
        .notes_on(1)
        .iter()
        .map(|n| (n.group, n.text.as_str(), st.is_follow_up(n)))
        .collect();
    assert_eq!(
        texts,
        [
            (1, "Fewer surprises for families", false),
            (1, "Same language everywhere", false),
            (2, "Will this be in our reviews?", true),
            (3, "Better hand-offs between units 🤝", false),
        ]
    );
    snap("rounds_discussion_talk", &a, T0);
}

#[test]
fn follow_up_and_delete_act_on_the_selected_note() {
    let mut a = discussion_worked();
    a.update(Action::ToggleFollowUp, T0);
    assert!(
        state(&a).notes_on(1)[1].follow_up,
        "the second note is selected"
    );
    a.update(Action::DeleteNote, T0);
    assert_eq!(state(&a).notes_on(1).len(), 3);
    assert_eq!(state(&a).trash.len(), 1);
}

#[test]
fn discussion_share_page_with_the_timer_running() {
    let mut a = discussion_worked();
    a.update(Action::NextStep, T0);
    a.update(Action::ToggleTimer, T0);
    snap(
        "rounds_discussion_share",
        &a,
        datetime!(2026-11-23 09:01:05 UTC),
    );
}

#[test]
fn discussion_note_input() {
    let mut a = discussion_worked();
    a.update(Action::ChooseGroup(2), T0);
    a.update(Action::AddNotes, T0);
    a.update(Action::Paste("Half-typed note".into()), T0);
    snap("rounds_discussion_entry", &a, T0);
}

#[test]
fn discussion_summary_lists_the_follow_ups() {
    let mut a = discussion_worked();
    go_to(&mut a, RoundPage::Step { item: 2, step: 0 });
    notes(&mut a, 3, &["Caseloads"]);
    go_to(&mut a, RoundPage::Summary);
    snap("rounds_discussion_summary", &a, T0);
}

#[test]
fn values_mark_page_counts_hands_per_mark_as_bars() {
    let mut a = open(Activity::Values);
    go_to(&mut a, RoundPage::Step { item: 6, step: 0 });
    for mark in [1, 1, 2, 1, 1, 1, 2, 1, 1] {
        a.update(Action::Vote(mark), T0);
    }
    a.update(Action::Undo, T0);
    let tally = state(&a).tally(6);
    assert_eq!(
        tally.counts,
        [6, 2],
        "the last hand, for mark 1, taken back"
    );
    a.update(Action::Vote(3), T0);
    assert_eq!(state(&a).tally(6).total, 8, "no third mark: refused");
    snap("rounds_values_mark", &a, T0);
}

#[test]
fn values_summary_shows_every_value_with_its_hands() {
    let mut a = open(Activity::Values);
    go_to(&mut a, RoundPage::Step { item: 0, step: 0 });
    for mark in [1, 1, 1, 2] {
        a.update(Action::Vote(mark), T0);
    }
    go_to(&mut a, RoundPage::Step { item: 0, step: 1 });
    notes(&mut a, 2, &["We see it in prevention contracts"]);
    go_to(&mut a, RoundPage::Summary);
    snap("rounds_values_summary", &a, T0);
}

#[test]
fn every_page_draws_at_tiny_and_huge_sizes() {
    let mut a = discussion_worked();
    a.update(Action::PreviousStep, T0);
    for _ in 0..12 {
        for (w, h) in [(1, 1), (10, 3), (60, 16), (300, 90)] {
            draw(&a, w, h, T0);
        }
        a.update(Action::NextStep, T0);
    }
}

#[test]
fn the_set_up_form_edits_the_questions_and_starts_discussion_rounds_with_them() {
    use cpm_workshop::ui::app::Effect;
    let mut app = App::new(Library::shipped(), Theme::new(ThemeName::Mono), Vec::new());
    app.update(Action::Submit, T0);
    app.update(Action::Right, T0);
    app.update(Action::Right, T0);
    // Activity → Name → Questions, then replace the four questions with two of our own.
    app.update(Action::Down, T0);
    app.update(Action::Down, T0);
    snap("rounds_setup_discussion", &app, T0);
    app.update(Action::Line(tui_input::InputRequest::DeleteLine), T0);
    for c in "What worked? | ? What worries you? |  ".chars() {
        app.update(Action::Insert(c), T0);
    }
    let effects = app.update(Action::Submit, T0);
    let Some(Effect::Create(spec)) = effects.first() else {
        panic!("no session made: {effects:?}");
    };
    assert_eq!(spec.activity, Activity::Discussion);
    assert_eq!(spec.categories, ["What worked?", "? What worries you?"]);
    assert_eq!(
        (spec.durations.brainstorm, spec.durations.share),
        (300, 180)
    );
    let session = Session::new(sid("s"), spec.clone(), T0).unwrap();
    app.opened(session);
    let st = state(&app);
    assert!(!st.items[0].follow_up && st.items[1].follow_up);
    assert_eq!(st.items[1].text, "What worries you?");
}

#[test]
fn the_set_up_form_refuses_discussion_rounds_without_a_question() {
    let mut app = App::new(Library::shipped(), Theme::new(ThemeName::Mono), Vec::new());
    app.update(Action::Submit, T0);
    app.update(Action::Right, T0);
    app.update(Action::Right, T0);
    app.update(Action::Down, T0);
    app.update(Action::Down, T0);
    app.update(Action::Line(tui_input::InputRequest::DeleteLine), T0);
    app.update(Action::Insert('|'), T0);
    assert!(app.update(Action::Submit, T0).is_empty());
    assert!(
        draw(&app, 120, 30, T0).contains("type at least one question"),
        "{}",
        draw(&app, 120, 30, T0)
    );
}
