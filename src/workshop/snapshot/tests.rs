use super::*;
use time::macros::datetime;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

pub(super) fn state() -> SnapshotState {
    SnapshotState::new(
        ["Organization and Leadership", "Workforce Development"]
            .map(String::from)
            .to_vec(),
        ["just getting started", "making progress", "well underway"]
            .map(String::from)
            .to_vec(),
        3,
        3,
    )
}

#[test]
fn percentages_add_to_100_by_largest_remainder() {
    assert_eq!(percentages(&[1, 1, 1]), [34, 33, 33]);
    assert_eq!(percentages(&[2, 1, 0]), [67, 33, 0]);
    assert_eq!(percentages(&[0, 0, 0]), [0, 0, 0]);
    assert_eq!(percentages(&[]), Vec::<u32>::new());
    assert_eq!(percentages(&[1, 2, 4]), [14, 29, 57]);
}

#[test]
fn votes_merge_and_take_back_the_last_on_a_dimension() {
    let mut s = state();
    s.vote(0, 1, 1).unwrap();
    s.vote(0, 1, 1).unwrap();
    s.vote(1, 2, 1).unwrap();
    assert_eq!(s.votes.len(), 2);
    assert_eq!(s.tally(0).counts, [0, 2, 0]);
    assert_eq!(s.take_back_vote(0), Ok(1));
    assert_eq!(s.tally(0).counts, [0, 1, 0]);
    assert_eq!(s.tally(1).counts, [0, 0, 1]);
    assert!(matches!(
        s.vote(0, 3, 1),
        Err(SnapshotError::NoSuchStage(4, 3, _))
    ));
    assert_eq!(s.vote(2, 0, 1), Err(SnapshotError::NoSuchDimension(3, 2)));
    assert_eq!(s.vote(0, 0, 0), Err(SnapshotError::VoteCount(0)));
}

#[test]
fn room_defaults_to_the_largest_show_of_hands() {
    let mut s = state();
    assert_eq!(s.room(), 0);
    assert_eq!(s.dots_total(), None);
    s.vote(0, 0, 5).unwrap();
    s.vote(1, 0, 7).unwrap();
    assert_eq!(s.room(), 7);
    assert_eq!(s.dots_total(), Some(21));
    s.set_room_size(Some(10)).unwrap();
    assert_eq!(s.dots_total(), Some(30));
}

#[test]
fn dots_only_on_opportunities_and_never_past_the_room() {
    let mut s = state();
    s.set_room_size(Some(1)).unwrap();
    let a = s.add_note("x", 0, HeadingId::Opportunities, T0).unwrap();
    let b = s.add_note("y", 0, HeadingId::Strengths, T0).unwrap();
    assert_eq!(s.add_dot(b), Err(SnapshotError::NotAnOpportunity));
    for _ in 0..3 {
        s.add_dot(a).unwrap();
    }
    assert!(matches!(
        s.add_dot(a),
        Err(SnapshotError::NoDotsLeft { total: 3, .. })
    ));
    assert_eq!(s.dots_left(), Some(0));
    assert_eq!(s.remove_dot(a), Ok(2));
}

#[test]
fn history_undoes_notes_but_not_the_page() {
    let mut s = state();
    let mut h = SnapshotHistory::default();
    let id = h
        .apply(&mut s, "adding a note", |s| {
            s.add_note("teh", 1, HeadingId::Strengths, T0)
        })
        .unwrap();
    h.apply(&mut s, "the edit", |s| s.edit_note(id, "the"))
        .unwrap();
    s.set_page(SnapshotPage::Tally(1));
    s.vote(0, 2, 4).unwrap();
    assert_eq!(h.undo(&mut s), Some("the edit"));
    assert_eq!(s.notes[0].text, "teh");
    assert_eq!(s.page(&[]), SnapshotPage::Tally(1));
    assert_eq!(
        s.tally(0).total,
        4,
        "votes entered after a note survive its undo"
    );
    assert_eq!(h.redo(&mut s), Some("the edit"));
    assert_eq!(s.notes[0].text, "the");
    assert!(
        h.apply(&mut s, "a blank edit", |s| s.edit_note(id, "  "))
            .is_err()
    );
    assert_eq!(s.notes[0].text, "the", "a refused change changes nothing");
}
