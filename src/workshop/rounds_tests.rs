use super::*;
use crate::content::embedded;
use time::macros::datetime;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

fn discussion() -> RoundsState {
    RoundsState::new(&embedded::discussion(), None)
}

fn values() -> RoundsState {
    RoundsState::new(&embedded::values(), None)
}

#[test]
fn a_jump_goes_straight_to_any_page_and_past_the_end_to_the_summary() {
    let mut s = discussion();
    assert!(s.go_to(6));
    assert_eq!(s.current_page(), RoundPage::Step { item: 2, step: 1 });
    assert!(!s.go_to(6), "already there");
    assert!(s.go_to(1));
    assert_eq!(s.current_page(), RoundPage::Step { item: 0, step: 0 });
    assert!(s.go_to(999));
    assert_eq!(s.current_page(), RoundPage::Summary);
    assert_eq!(s.page, 9, "kept on the last page, not past it");
    assert!(s.go_to(0));
    assert_eq!(s.current_page(), RoundPage::Intro);
}

#[test]
fn pages_take_every_question_through_discuss_then_share() {
    let mut s = discussion();
    let pages = s.pages();
    assert_eq!(pages.len(), 1 + 4 * 2 + 1);
    assert_eq!(pages[0], RoundPage::Intro);
    assert_eq!(pages[1], RoundPage::Step { item: 0, step: 0 });
    assert_eq!(pages[8], RoundPage::Step { item: 3, step: 1 });
    assert_eq!(pages[9], RoundPage::Summary);
    assert!(s.turn(1));
    assert_eq!(
        s.step_of(s.current_page()).unwrap().kind,
        RoundStepKind::Discuss
    );
    assert_eq!(s.seconds_for(s.current_page()), Some(300));
    assert!(s.turn(1));
    assert_eq!(
        s.step_of(s.current_page()).unwrap().kind,
        RoundStepKind::Share
    );
    assert_eq!(s.seconds_for(s.current_page()), Some(180));
    assert!(!s.turn(-5) || s.page == 0);
    assert_eq!(s.page, 0);
    assert!(!s.turn(-1), "nothing before the intro");
    assert!(s.turn(100));
    assert_eq!(s.current_page(), RoundPage::Summary);
    assert!(!s.turn(1), "nothing after the summary");
    s.page = 999;
    assert_eq!(
        s.current_page(),
        RoundPage::Summary,
        "a bad page shows the last"
    );
}

#[test]
fn set_up_times_replace_the_scripts_for_every_step_of_that_kind() {
    let mut s = discussion();
    s.set_seconds(RoundStepKind::Discuss, Some(240));
    s.set_seconds(RoundStepKind::Share, None);
    assert_eq!(
        s.seconds_for(RoundPage::Step { item: 3, step: 0 }),
        Some(240)
    );
    assert_eq!(s.seconds_for(RoundPage::Step { item: 2, step: 1 }), None);
    assert_eq!(s.seconds_for(RoundPage::Intro), None);
}

#[test]
fn notes_are_kept_by_item_and_group_and_out_of_range_is_refused() {
    let mut s = discussion();
    assert_eq!(s.add_note(0, 2, 4, "Family voice", T0), Ok(1));
    assert_eq!(s.add_note(0, 1, 4, "Teaming", T0), Ok(2));
    assert_eq!(s.add_note(1, 1, 4, "Less churn", T0), Ok(3));
    let on_first: Vec<&str> = s.notes_on(0).iter().map(|n| n.text.as_str()).collect();
    assert_eq!(on_first, ["Teaming", "Family voice"], "group 1 first");
    assert_eq!(
        s.add_note(4, 1, 4, "x", T0),
        Err(RoundsError::NoSuchItem(5, 4, "question".into()))
    );
    assert_eq!(
        s.add_note(0, 5, 4, "x", T0),
        Err(RoundsError::NoSuchGroup(5, 4))
    );
    assert_eq!(
        s.add_note(0, 0, 4, "x", T0),
        Err(RoundsError::NoSuchGroup(0, 4))
    );
    assert_eq!(
        s.add_note(0, 1, 4, " ? \u{1b}[2J", T0),
        Err(RoundsError::Text(EditError::Empty))
    );
    assert_eq!(s.notes.len(), 3, "refused notes leave nothing behind");
    assert_eq!(
        RoundsError::NoSuchItem(5, 4, "question".into()).to_string(),
        "there is no question 5; this session has questions 1 to 4"
    );
}

#[test]
fn a_leading_question_mark_or_a_follow_up_question_puts_a_note_on_the_follow_up_list() {
    let mut s = discussion();
    let plain = s.add_note(0, 1, 4, "We value teaming", T0).unwrap();
    let asked = s
        .add_note(1, 2, 4, "  ?  Who pays for coaching?", T0)
        .unwrap();
    let worry = s.add_note(2, 3, 4, "Caseloads are too high", T0).unwrap();
    assert_eq!(s.note(asked).unwrap().text, "Who pays for coaching?");
    assert!(s.note(asked).unwrap().follow_up);
    assert!(
        !s.note(worry).unwrap().follow_up,
        "flag comes from the item"
    );
    let ids: Vec<RoundNoteId> = s.follow_ups().iter().map(|n| n.id).collect();
    assert_eq!(ids, [asked, worry]);
    assert_eq!(s.toggle_follow_up(plain), Ok(true));
    assert_eq!(s.follow_ups().len(), 3);
    assert_eq!(s.toggle_follow_up(99), Err(RoundsError::NoSuchNote(99)));
}

#[test]
fn typed_items_carry_their_own_follow_up_mark() {
    let items = [
        "What worked?".to_string(),
        "? What worries you?".to_string(),
    ];
    let s = RoundsState::new(&embedded::discussion(), Some(&items));
    assert_eq!(
        s.items[0],
        RoundItem {
            text: "What worked?".into(),
            follow_up: false
        }
    );
    assert_eq!(
        s.items[1],
        RoundItem {
            text: "What worries you?".into(),
            follow_up: true
        }
    );
    assert_eq!(s.pages().len(), 1 + 2 * 2 + 1);
}

#[test]
fn deleted_notes_go_to_the_trash() {
    let mut s = discussion();
    let id = s.add_note(0, 1, 4, "x", T0).unwrap();
    assert_eq!(s.delete_note(id).unwrap().text, "x");
    assert!(s.notes.is_empty());
    assert_eq!(s.trash.len(), 1);
    assert_eq!(s.delete_note(id), Err(RoundsError::NoSuchNote(id)));
}

#[test]
fn hands_per_mark_make_a_tally_and_the_last_one_can_be_taken_back() {
    let mut s = values();
    assert!(s.has_marks());
    s.add_hands(0, 0, 7).unwrap();
    s.add_hands(0, 1, 2).unwrap();
    s.add_hands(0, 1, 1).unwrap();
    s.add_hands(1, 1, 5).unwrap();
    assert_eq!(
        s.hands.len(),
        3,
        "consecutive hands for one mark are one entry"
    );
    let t = s.tally(0);
    assert_eq!(t.counts, [7, 3]);
    assert_eq!(t.total, 10);
    assert_eq!(t.percents, [70, 30]);
    assert_eq!(s.take_back_hand(0), Ok(1));
    assert_eq!(s.tally(0).counts, [7, 2]);
    assert_eq!(s.tally(1).counts, [0, 5], "other values untouched");
    assert_eq!(s.tally(2).percents, [0, 0]);
    assert_eq!(
        s.take_back_hand(2),
        Err(RoundsError::NoHands(
            "Lifelong, Loving Families & Connections".into()
        ))
    );
    assert_eq!(
        s.add_hands(0, 2, 1).unwrap_err().to_string(),
        "there is no mark 3; the marks are 1 Lived every day, 2 Needs strengthening"
    );
    assert_eq!(
        s.add_hands(11, 0, 1).unwrap_err().to_string(),
        "there is no value 12; this session has values 1 to 11"
    );
    assert_eq!(s.add_hands(0, 0, 0), Err(RoundsError::HandCount(0)));
    assert_eq!(discussion().add_hands(0, 0, 1), Err(RoundsError::NoMarks));
}

#[test]
fn template_keeps_items_and_drops_what_the_room_said() {
    let mut s = values();
    s.add_note(0, 1, 4, "x", T0).unwrap();
    s.add_hands(0, 0, 3).unwrap();
    s.page = 4;
    let t = s.as_template();
    assert_eq!(t.items, s.items);
    assert!(t.notes.is_empty() && t.hands.is_empty());
    assert_eq!((t.page, t.next_note_id), (0, 1));
}

#[test]
fn a_session_record_takes_its_items_and_times_from_the_session() {
    let mut session = crate::workshop::session::tests::session();
    let script = embedded::discussion();
    session.categories = vec![
        "Do you have any worries about CPM?".into(),
        "? What would help?".into(),
        "What went well?".into(),
    ];
    session.durations.brainstorm = 240;
    session.durations.share = 90;
    let state = RoundsState::for_session(&session, &script);
    let follow: Vec<(&str, bool)> = state
        .items
        .iter()
        .map(|i| (i.text.as_str(), i.follow_up))
        .collect();
    assert_eq!(
        follow,
        [
            ("Do you have any worries about CPM?", true),
            ("What would help?", true),
            ("What went well?", false)
        ]
    );
    assert_eq!(
        state.seconds_for(RoundPage::Step { item: 0, step: 0 }),
        Some(240)
    );
    assert_eq!(
        state.seconds_for(RoundPage::Step { item: 2, step: 1 }),
        Some(90)
    );
    assert!(session.rounds.is_none());
    assert!(matches!(
        RoundsState::of(&session, &script),
        std::borrow::Cow::Owned(_)
    ));
    let id = session
        .add_round_note(&script, 2, 4, "Time to plan", T0)
        .unwrap();
    assert_eq!(session.rounds.as_ref().unwrap().note(id).unwrap().item, 1);
    assert_eq!(
        session.add_round_note(&script, 0, 1, "x", T0),
        Err(RoundsError::NoSuchItem(0, 3, "question".into()))
    );
    assert_eq!(
        session.add_round_note(&script, 4, 1, "x", T0),
        Err(RoundsError::NoSuchItem(4, 3, "question".into()))
    );
    assert_eq!(
        session.add_round_note(&script, 1, 5, "x", T0),
        Err(RoundsError::NoSuchGroup(5, 4))
    );
}

#[test]
fn set_up_times_come_from_the_script() {
    let d = durations_for(&embedded::discussion());
    assert_eq!((d.brainstorm, d.share), (300, 180));
    let v = durations_for(&embedded::values());
    assert_eq!(v.brainstorm, 120);
    assert_eq!(
        v.share,
        Durations::default().share,
        "values has no share step"
    );
}

#[test]
fn a_session_file_from_before_rounds_loads_and_saves_unchanged() {
    let old = crate::workshop::session::tests::session();
    let mut value = serde_json::to_value(&old).unwrap();
    assert!(
        value.get("rounds").is_none(),
        "no key written for other activities"
    );
    value.as_object_mut().unwrap().remove("rounds");
    let back: Session = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(back.rounds, None);
    assert_eq!(serde_json::to_value(&back).unwrap(), value);
}

#[test]
fn the_record_round_trips_through_json() {
    let mut s = values();
    s.add_note(3, 2, 4, "? ask the union", T0).unwrap();
    s.add_hands(3, 1, 4).unwrap();
    let text = serde_json::to_string(&s).unwrap();
    let back: RoundsState = serde_json::from_str(&text).unwrap();
    assert_eq!(back, s);
}
