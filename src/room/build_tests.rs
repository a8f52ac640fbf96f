use super::*;
use crate::content::Library;
use crate::room::view::RoomTimer;
use crate::workshop::session::tests::{T0, session, sid};
use crate::workshop::snapshot::SnapshotState;
use crate::workshop::{Face, Placement, Prompt};
use time::OffsetDateTime;

fn at(s: i64) -> OffsetDateTime {
    T0 + time::Duration::seconds(s)
}

fn view_of(s: &Session, library: &Library, group: u32, choice: Presenter) -> RoomView {
    let deck = library.deck(&s.deck).map(|d| d.filtered_for(s.role));
    room_view(&RoomSource {
        session: s,
        deck: deck.as_ref(),
        sticky: &library.sticky,
        snapshot: &library.snapshot,
        group,
        choice,
    })
}

fn together() -> Session {
    let mut s = session();
    s.mode = Mode::Together;
    s
}

#[test]
fn a_read_step_shows_the_card_its_behaviors_and_the_room_instruction_only() {
    let library = Library::shipped();
    let s = together();
    let v = view_of(&s, &library, 1, Presenter::default());
    assert_eq!(v.heading, "Foundational");
    assert_eq!(v.step, "Read the behaviors");
    assert_eq!(v.place, "Category 1 of 6 · step 1 of 5");
    assert_eq!(
        v.instruction,
        "Have the small groups take turns reading the behaviors"
    );
    assert_eq!(v.behaviors[0].number, 1);
    assert!(v.behaviors[0].title.starts_with("Be open, honest"));
    assert_eq!(v.behaviors[0].lines[0].marker, "a.");
    assert!(
        v.source
            .as_deref()
            .is_some_and(|t| t.contains("Guiding Framework"))
    );
    assert!(v.wall.is_none() && v.tallies.is_empty() && !v.blank);
    assert_eq!(v.timer, RoomTimer::Ready { length_ms: None });
}

#[test]
fn trainer_notes_never_reach_the_room() {
    let library = Library::shipped();
    let mut s = together();
    s.go_to(5, T0); // Engagement, whose card carries a trainer-facing `label:` line
    let v = view_of(&s, &library, 1, Presenter::default());
    assert_eq!(v.heading, "Engagement");
    let label = library
        .deck("practice")
        .and_then(|d| d.category("Engagement"))
        .and_then(|c| c.label.clone())
        .expect("the practice deck's Engagement card has a label line");
    let json = serde_json::to_string(&v).unwrap();
    assert!(
        !json.contains(&label[..40]),
        "the label line is the trainer's"
    );
    let script = library.sticky.step(StepKind::Read);
    assert!(
        !json.contains(&script.source),
        "step sources are the trainer's"
    );
    // Leadership behaviors get the instruction worded for them.
    assert!(
        v.instruction.contains("leadership behaviors"),
        "{}",
        v.instruction
    );
}

#[test]
fn the_timer_travels_as_a_deadline_and_reads_the_same_on_any_clock() {
    let library = Library::shipped();
    let mut s = together();
    s.next_step(T0);
    s.toggle_timer(at(0));
    s.toggle_timer(at(30)); // pause after 30 s
    s.toggle_timer(at(100)); // resume after 70 s away
    let v = view_of(&s, &library, 1, Presenter::default());
    let RoomTimer::Running {
        started, ends_at, ..
    } = v.timer
    else {
        panic!("running: {:?}", v.timer);
    };
    assert_eq!(started, at(70), "pauses are taken off the start");
    assert_eq!(ends_at, Some(at(190)), "2:00 from the shifted start");
    for t in [100, 150, 189, 190, 250] {
        assert_eq!(
            v.timer.as_timer().reading(at(t)),
            s.timer.reading(at(t)),
            "at {t} s"
        );
    }
    assert_eq!(
        v.timer.as_timer().reading(at(150)).face,
        Face::Remaining(40)
    );
    // Paused: remaining seconds, whatever the follower's clock says.
    s.toggle_timer(at(150));
    let v = view_of(&s, &library, 1, Presenter::default());
    assert_eq!(
        v.timer,
        RoomTimer::Paused {
            length_ms: Some(120_000),
            elapsed_ms: 80_000
        }
    );
    assert_eq!(
        v.timer.as_timer().reading(at(9999)).face,
        Face::Remaining(40)
    );
}

#[test]
fn the_same_session_gives_the_same_view_so_ticks_write_nothing() {
    let library = Library::shipped();
    let mut s = together();
    s.next_step(T0);
    s.toggle_timer(at(0));
    let first = view_of(&s, &library, 1, Presenter::default());
    // Nothing the room sees changed, whatever time it is now.
    assert_eq!(first, view_of(&s, &library, 1, Presenter::default()));
    let blank = view_of(
        &s,
        &library,
        1,
        Presenter {
            blank: true,
            page: None,
        },
    );
    assert!(blank.blank);
    assert_ne!(first, blank);
}

#[test]
fn share_steps_put_this_rounds_notes_on_the_wall_cleaned() {
    let library = Library::shipped();
    let mut s = session(); // rotation: group 2 is at Engagement in round 0
    let note = |s: &mut Session, g: u32, c: &str, p: Prompt, text: &str| {
        let placement = Placement {
            group: g,
            category: Some(c.to_string()),
            prompt: p,
        };
        s.add_note(text, placement, None, T0).unwrap();
    };
    note(
        &mut s,
        1,
        "Foundational",
        Prompt::Already,
        "We listen first",
    );
    note(
        &mut s,
        2,
        "Engagement",
        Prompt::Already,
        "Home visits \u{1b}[31mearly",
    );
    note(
        &mut s,
        2,
        "Foundational",
        Prompt::Already,
        "Not this round's card",
    );
    note(&mut s, 1, "Foundational", Prompt::Enhance, "Later prompt");
    let v = view_of(&s, &library, 1, Presenter::default());
    assert!(v.wall.is_none(), "no wall while reading");
    s.go_to(2, T0); // share: already using
    let v = view_of(&s, &library, 1, Presenter::default());
    let wall = v.wall.expect("a wall on a share step");
    assert_eq!(wall.heading, "Already using");
    let texts: Vec<(&str, &str)> = wall
        .notes
        .iter()
        .map(|n| (n.by.as_str(), n.text.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            ("Redwoods", "We listen first"),
            ("Group 2", "Home visits early")
        ]
    );
    assert_eq!(v.place, "Round 1 of 6 · step 3 of 5");
    assert_eq!(v.stations.len(), 4);
    assert_eq!(v.stations[1].category, "Engagement");
    assert_eq!(v.stations[0].group, "Group 1 (Redwoods)");
}

#[test]
fn a_hand_edited_projection_is_cleaned_when_read() {
    let library = Library::shipped();
    let mut v = view_of(&together(), &library, 1, Presenter::default());
    v.heading = "Found\u{1b}]0;pwned\u{7}ational\u{202e}".into();
    v.behaviors[0].lines[0].text = "a\u{9b}2Jb".into();
    let v = v.cleaned();
    assert_eq!(v.heading, "Foundational");
    assert_eq!(v.behaviors[0].lines[0].text, "ab");
}

#[test]
fn snapshot_pages_show_the_tally_the_dots_and_the_priorities() {
    let library = Library::shipped();
    let spec = SnapshotState::session_spec("Leaders", &library.snapshot);
    let mut s = Session::new(sid("s2"), spec, T0).unwrap();
    let st = s.snapshot_mut(&library.snapshot);
    st.vote(0, 1, 3).unwrap();
    st.vote(0, 2, 1).unwrap();
    let a = st
        .add_note("Data team", 0, HeadingId::Opportunities, T0)
        .unwrap();
    let b = st
        .add_note("Coaching", 1, HeadingId::Opportunities, T0)
        .unwrap();
    st.add_note("Strong director", 0, HeadingId::Strengths, T0)
        .unwrap();
    st.set_dots(a, 2).unwrap();
    st.set_dots(b, 5).unwrap();
    let dims = st.dimensions.len();
    let all = pages_for(dims, &library.snapshot);
    let go = |s: &mut Session, page: Page| {
        let i = all.iter().position(|p| *p == page).unwrap();
        s.snapshot.as_mut().unwrap().set_page(all[i]);
    };
    go(&mut s, Page::Tally(0));
    let v = view_of(&s, &library, 1, Presenter::default());
    assert_eq!(v.heading, "Organization and Leadership");
    assert_eq!(v.step, "Where are we now?");
    assert_eq!(v.place, format!("Page 3 of {}", all.len()));
    let t = &v.tallies[0];
    assert_eq!(t.total, 4);
    assert_eq!(
        t.stages
            .iter()
            .map(|s| (s.count, s.percent))
            .collect::<Vec<_>>(),
        [(0, 0), (3, 75), (1, 25)]
    );
    go(&mut s, Page::Dots);
    let v = view_of(&s, &library, 1, Presenter::default());
    assert_eq!(
        v.dots
            .iter()
            .map(|d| (d.text.as_str(), d.dots))
            .collect::<Vec<_>>(),
        [("Coaching", 5), ("Data team", 2)]
    );
    go(&mut s, Page::Priorities);
    let v = view_of(&s, &library, 1, Presenter::default());
    assert_eq!(v.priorities, ["Coaching", "Data team"]);
    go(&mut s, Page::Analysis);
    let v = view_of(&s, &library, 1, Presenter::default());
    let wall = v.wall.unwrap();
    assert_eq!(wall.notes.len(), 3);
    assert_eq!(wall.notes[0].text, "Strong director");
    // The facilitation prompts are the trainer's, never on the room's dimension page.
    go(&mut s, Page::Dimension(0));
    let v = view_of(&s, &library, 1, Presenter::default());
    let json = serde_json::to_string(&v).unwrap();
    let prompt = &library.snapshot.dimensions[0].facilitation_prompts[0];
    assert!(!json.contains(prompt.as_str()));
    assert!(!v.text.is_empty());
}

#[test]
fn planning_pages_show_the_question_and_the_decisions_by_priority() {
    use crate::content::PlanStepId;
    use crate::workshop::snapshot::plan::PlanEdit;
    let library = Library::shipped();
    let spec = SnapshotState::session_spec("Leaders", &library.snapshot);
    let mut s = Session::new(sid("s3"), spec, T0).unwrap();
    let st = s.snapshot_mut(&library.snapshot);
    let a = st
        .add_note("Data <b>team</b>", 0, HeadingId::Opportunities, T0)
        .unwrap();
    st.set_dots(a, 3).unwrap();
    let priority = st.priority_key(1).unwrap();
    st.apply_plan(
        PlanEdit::Horizon {
            text: "12 months".into(),
        },
        T0,
    )
    .unwrap();
    st.apply_plan(
        PlanEdit::AddAction {
            priority,
            text: "Hire an analyst".into(),
            who: Some("Deputy director".into()),
            by: None,
        },
        T0,
    )
    .unwrap();
    let script = library.snapshot.plan_script();

    s.snapshot
        .as_mut()
        .unwrap()
        .set_page(Page::Plan(PlanStepId::Horizon));
    let v = view_of(&s, &library, 1, Presenter::default());
    assert_eq!(v.heading, script.question(PlanStepId::Horizon));
    let wall = v.wall.unwrap();
    assert_eq!(wall.notes.len(), 1);
    assert_eq!(wall.notes[0].text, "12 months");

    s.snapshot
        .as_mut()
        .unwrap()
        .set_page(Page::Plan(PlanStepId::Actions));
    let v = view_of(&s, &library, 1, Presenter::default());
    assert_eq!(v.heading, script.question(PlanStepId::Actions));
    assert!(v.step.starts_with("Planning, step "), "{}", v.step);
    let wall = v.wall.unwrap();
    assert_eq!(wall.notes.len(), 1);
    assert_eq!(wall.notes[0].by, "Data <b>team</b>");
    assert_eq!(
        wall.notes[0].text,
        "Hire an analyst · who: Deputy director · by when: —"
    );
}

#[test]
fn the_wall_keeps_the_newest_notes_and_counts_the_rest() {
    let library = Library::shipped();
    let mut s = together();
    for i in 0..(WALL_MAX_NOTES + 5) {
        let placement = Placement {
            group: 1,
            category: Some("Foundational".into()),
            prompt: Prompt::Already,
        };
        s.add_note(&format!("note {i}"), placement, None, T0)
            .unwrap();
    }
    s.go_to(2, T0);
    let wall = view_of(&s, &library, 1, Presenter::default()).wall.unwrap();
    assert_eq!(wall.more, 5);
    assert_eq!(wall.notes.len(), WALL_MAX_NOTES);
    assert_eq!(wall.notes[0].text, "note 5");
}

#[test]
fn a_discussion_shares_its_notes_by_group_and_a_values_check_shows_its_hands() {
    use crate::workshop::rounds::{RoundPage, RoundsState};
    let library = Library::shipped();
    let mut s = session();
    s.activity = Activity::Discussion;
    let mut r = RoundsState::new(&library.discussion, None);
    r.add_note(0, 2, 4, "We value <family> voice", T0).unwrap();
    let share = r
        .pages()
        .iter()
        .position(|p| {
            matches!(p, RoundPage::Step { item: 0, step } if r.steps[*step].kind == crate::content::RoundStepKind::Share)
        })
        .unwrap();
    r.page = share;
    let question = r.items[0].text.clone();
    s.rounds = Some(r);
    let v = view_of(&s, &library, 1, Presenter::default());
    assert_eq!(v.heading, question);
    let wall = v.wall.expect("the share step puts the notes on the wall");
    assert_eq!(wall.notes.len(), 1);
    assert_eq!(wall.notes[0].by, "Group 2");
    assert_eq!(wall.notes[0].text, "We value <family> voice");

    s.activity = Activity::Values;
    let mut r = RoundsState::new(&library.values, None);
    r.add_hands(0, 0, 7).unwrap();
    r.add_hands(0, 1, 3).unwrap();
    let mark = r
        .pages()
        .iter()
        .position(|p| {
            matches!(p, RoundPage::Step { item: 0, step } if r.steps[*step].kind == crate::content::RoundStepKind::Mark)
        })
        .unwrap();
    r.page = mark;
    s.rounds = Some(r);
    let v = view_of(&s, &library, 1, Presenter::default());
    let t = &v.tallies[0];
    assert_eq!(t.total, 10);
    assert_eq!(t.stages.iter().map(|x| x.count).collect::<Vec<_>>(), [7, 3]);
}

#[test]
fn only_shown_notes_reach_the_wall_waiting_and_hidden_ones_never_do() {
    use crate::workshop::Visibility;
    let library = Library::shipped();
    let mut s = together();
    for (text, visibility) in [
        ("approved", Visibility::Shown),
        ("in the queue", Visibility::Waiting),
        ("hidden <b>", Visibility::Hidden),
    ] {
        let placement = Placement {
            group: 1,
            category: Some("Foundational".into()),
            prompt: Prompt::Already,
        };
        s.add_note(text, placement, None, T0).unwrap();
        let last = s.notes.len() - 1;
        s.notes[last].from_phone = true;
        s.notes[last].visibility = visibility;
    }
    s.go_to(2, T0); // share: already using
    let v = view_of(&s, &library, 1, Presenter::default());
    let wall = v.wall.clone().expect("a wall on a share step");
    let texts: Vec<&str> = wall.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, ["approved"]);
    assert_eq!(wall.more, 0, "held notes are not counted as 'more' either");
    let json = serde_json::to_string(&v).unwrap();
    assert!(
        !json.contains("in the queue") && !json.contains("hidden"),
        "{json}"
    );
}
