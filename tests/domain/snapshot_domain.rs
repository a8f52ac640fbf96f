//! The Snapshot warm-up's record, through the public domain API: tallies whose percentages add up
//! to 100, zero votes, taking back votes, notes under headings with undo, dot ranking with ties
//! (stable and explained), priorities, and the session file round trip.

use crate::support::session_id as sid;
use cpm_workshop::content::Library;
use cpm_workshop::workshop::Session;
use cpm_workshop::workshop::snapshot::{
    HeadingId, SnapshotError, SnapshotHistory, SnapshotState, TIE_RULE, percentages,
};
use proptest::prelude::*;
use time::OffsetDateTime;
use time::macros::datetime;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

fn state() -> SnapshotState {
    let library = Library::shipped();
    let a = &library.snapshot;
    SnapshotState::new(
        a.dimensions.iter().map(|d| d.name.clone()).collect(),
        a.scale.clone(),
        a.dots_per_person,
        a.priorities,
    )
}

fn session() -> Session {
    let spec = SnapshotState::session_spec("Leadership team", &Library::shipped().snapshot);
    Session::new(sid("s1"), spec, T0).unwrap()
}

#[test]
fn shipped_defaults_are_the_guides_scale_three_dots_three_priorities() {
    let s = state();
    assert_eq!(s.dimensions.len(), 4);
    assert_eq!(
        s.scale,
        ["just getting started", "making progress", "well underway"]
    );
    assert_eq!((s.dots_per_person, s.priority_count), (3, 3));
}

#[test]
fn tally_percentages_add_to_100_after_rounding() {
    let mut s = state();
    for stage in 0..3 {
        s.vote(0, stage, 1).unwrap();
    }
    let t = s.tally(0);
    assert_eq!(t.counts, [1, 1, 1]);
    assert_eq!(t.total, 3);
    assert_eq!(t.percents, [34, 33, 33], "the largest remainder goes first");
    assert_eq!(t.percents.iter().sum::<u32>(), 100);
    s.vote(1, 0, 1).unwrap();
    s.vote(1, 1, 5).unwrap();
    s.vote(1, 2, 1).unwrap();
    // 14.29 / 71.43 / 14.29: rounding each would give 14 + 71 + 14 = 99.
    assert_eq!(s.tally(1).percents, [14, 72, 14]);
}

#[test]
fn zero_votes_give_zero_percent_everywhere() {
    let s = state();
    let t = s.tally(2);
    assert_eq!(t.counts, [0, 0, 0]);
    assert_eq!(t.total, 0);
    assert_eq!(t.percents, [0, 0, 0]);
    assert_eq!(s.room(), 0);
    assert_eq!(s.dots_total(), None);
}

proptest! {
    #![proptest_config(crate::support::props::config(256, 256))]

    #[test]
    fn any_counts_round_to_exactly_100(counts in proptest::collection::vec(0u32..10_000, 1..9)) {
        let p = percentages(&counts);
        let total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
        prop_assert_eq!(p.len(), counts.len());
        if total == 0 {
            prop_assert!(p.iter().all(|&x| x == 0));
        } else {
            prop_assert_eq!(p.iter().sum::<u32>(), 100);
            for (c, pct) in counts.iter().zip(&p) {
                // Never more than one point from the exact share, and no votes never gets a point.
                let exact = f64::from(*c) * 100.0 / total as f64;
                prop_assert!((f64::from(*pct) - exact).abs() < 1.0, "{c} → {pct} vs {exact}");
                if *c == 0 {
                    prop_assert_eq!(*pct, 0);
                }
            }
        }
    }
}

#[test]
fn taking_back_undoes_the_last_vote_on_that_dimension_only() {
    let mut s = state();
    s.vote(0, 0, 1).unwrap();
    s.vote(0, 2, 1).unwrap();
    s.vote(1, 1, 1).unwrap();
    s.vote(0, 2, 1).unwrap();
    assert_eq!(s.take_back_vote(0), Ok(2));
    assert_eq!(s.tally(0).counts, [1, 0, 1]);
    assert_eq!(s.take_back_vote(0), Ok(2));
    assert_eq!(s.take_back_vote(0), Ok(0));
    assert_eq!(s.tally(0).total, 0);
    assert_eq!(s.tally(1).counts, [0, 1, 0], "other dimensions untouched");
    assert_eq!(
        s.take_back_vote(0),
        Err(SnapshotError::NoVotes("Organization and Leadership".into()))
    );
}

#[test]
fn a_vote_taken_back_after_a_restart_is_still_the_last_one() {
    let mut s = state();
    s.vote(3, 0, 4).unwrap();
    s.vote(3, 1, 1).unwrap();
    let back: SnapshotState = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    let mut back = back;
    assert_eq!(back.take_back_vote(3), Ok(1));
    assert_eq!(back.tally(3).counts, [4, 0, 0]);
}

#[test]
fn stages_and_dimensions_out_of_range_are_refused_with_the_scale() {
    let mut s = state();
    let e = s.vote(0, 3, 1).unwrap_err();
    assert_eq!(
        e.to_string(),
        "there is no stage 4; the scale has stages 1 to 3: 1 just getting started, 2 making progress, 3 well underway"
    );
    assert_eq!(
        s.vote(4, 0, 1).unwrap_err().to_string(),
        "there is no dimension 5; this Snapshot has dimensions 1 to 4"
    );
}

#[test]
fn notes_move_between_headings_and_undo_restores_them() {
    let mut s = state();
    let mut h = SnapshotHistory::default();
    let id = h
        .apply(&mut s, "adding", |s| {
            s.add_note("Coaching time", 1, HeadingId::Strengths, T0)
        })
        .unwrap();
    h.apply(&mut s, "moving", |s| {
        s.move_note(id, 1, HeadingId::Opportunities)
    })
    .unwrap();
    assert_eq!(s.notes_under(1, HeadingId::Opportunities).count(), 1);
    h.apply(&mut s, "editing", |s| {
        s.edit_note(id, "Coaching time for supervisors")
    })
    .unwrap();
    h.apply(&mut s, "deleting", |s| s.delete_note(id)).unwrap();
    assert!(s.notes.is_empty());
    assert_eq!(s.trash.len(), 1, "deleted notes stay restorable");
    assert_eq!(h.undo(&mut s), Some("deleting"));
    assert_eq!(s.note(id).unwrap().text, "Coaching time for supervisors");
    assert_eq!(h.undo(&mut s), Some("editing"));
    assert_eq!(h.undo(&mut s), Some("moving"));
    assert_eq!(s.note(id).unwrap().heading, HeadingId::Strengths);
    assert_eq!(h.redo(&mut s), Some("moving"));
    assert_eq!(s.note(id).unwrap().heading, HeadingId::Opportunities);
}

#[test]
fn note_text_is_cleaned_and_empty_notes_refused() {
    let mut s = state();
    let id = s
        .add_note("evil \u{1b}[2J text 😀", 0, HeadingId::Feasibility, T0)
        .unwrap();
    assert_eq!(s.note(id).unwrap().text, "evil  text 😀");
    assert!(matches!(
        s.add_note("\u{1b}[31m  ", 0, HeadingId::Feasibility, T0),
        Err(SnapshotError::Text(_))
    ));
}

/// Opportunities a..e written in that order, with the given dots.
fn voted(dots: &[u32]) -> (SnapshotState, Vec<u64>) {
    let mut s = state();
    s.set_room_size(Some(20)).unwrap();
    let ids: Vec<u64> = dots
        .iter()
        .enumerate()
        .map(|(i, _)| {
            s.add_note(
                &format!("opportunity {}", (b'a' + i as u8) as char),
                i % 4,
                HeadingId::Opportunities,
                T0,
            )
            .unwrap()
        })
        .collect();
    for (id, &d) in ids.iter().zip(dots) {
        s.set_dots(*id, d).unwrap();
    }
    (s, ids)
}

#[test]
fn ranking_is_by_dots_and_ties_keep_the_order_written() {
    let (s, ids) = voted(&[2, 5, 2, 7, 2]);
    let ranking = s.ranking();
    let order: Vec<u64> = ranking.iter().map(|r| r.id).collect();
    assert_eq!(order, [ids[3], ids[1], ids[0], ids[2], ids[4]]);
    let ranks: Vec<usize> = ranking.iter().map(|r| r.rank).collect();
    assert_eq!(ranks, [1, 2, 3, 3, 3], "tied items share a rank");
    let tied: Vec<bool> = ranking.iter().map(|r| r.tied).collect();
    assert_eq!(tied, [false, false, true, true, true]);
    assert_eq!(TIE_RULE, "Ties keep the order the notes were written.");
}

#[test]
fn ranking_is_stable_however_the_notes_were_shuffled() {
    let (mut s, ids) = voted(&[3, 3, 3]);
    s.notes.reverse();
    let order: Vec<u64> = s.ranking().iter().map(|r| r.id).collect();
    assert_eq!(
        order, ids,
        "written order (ids), not list order, settles ties"
    );
}

#[test]
fn a_tie_across_the_cut_off_is_explained() {
    let (s, ids) = voted(&[4, 1, 4, 4, 4]);
    let tie = s.cutoff_tie().unwrap();
    assert_eq!(tie.dots, 4);
    assert_eq!(tie.inside, [ids[0], ids[2], ids[3]]);
    assert_eq!(tie.outside, [ids[4]]);
    let (s, _) = voted(&[4, 1, 4, 4, 0]);
    assert_eq!(
        s.cutoff_tie(),
        None,
        "the top 3 are exactly the three with 4 dots"
    );
    let (s, ids) = voted(&[4, 2, 2, 2]);
    let tie = s.cutoff_tie().unwrap();
    assert_eq!(tie.inside, [ids[1], ids[2]]);
    assert_eq!(tie.outside, [ids[3]]);
    let (s, _) = voted(&[4, 3, 2, 1]);
    assert_eq!(s.cutoff_tie(), None);
}

#[test]
fn priorities_are_the_top_n_with_dots_until_the_facilitator_fixes_them() {
    let (mut s, ids) = voted(&[1, 5, 0, 3, 2]);
    let live: Vec<Option<u64>> = s.priorities().iter().map(|p| p.note).collect();
    assert_eq!(live, [Some(ids[1]), Some(ids[3]), Some(ids[4])]);
    assert!(!s.priorities_fixed());
    assert_eq!(s.move_priority(2, true), Ok(1));
    assert!(s.priorities_fixed());
    s.edit_priority(0, "Coaching for every supervisor").unwrap();
    let fixed: Vec<String> = s.priorities().iter().map(|p| p.text.clone()).collect();
    assert_eq!(
        fixed,
        [
            "Coaching for every supervisor",
            "opportunity e",
            "opportunity d"
        ]
    );
    // Dots changing later do not move a fixed list…
    s.set_dots(ids[0], 9).unwrap();
    assert_eq!(s.priorities()[0].text, "Coaching for every supervisor");
    // …one more priority tops it up from the ranking…
    s.set_priority_count(4).unwrap();
    assert_eq!(s.priorities()[3].note, Some(ids[0]));
    // …and retaking follows the dots again.
    s.retake_priorities();
    assert_eq!(s.priorities()[0].note, Some(ids[0]));
    assert_eq!(s.priorities().len(), 4);
    s.set_priority_count(1).unwrap();
    assert_eq!(s.priorities().len(), 1);
    assert!(s.set_priority_count(0).is_err());
}

#[test]
fn no_dots_no_priorities() {
    let (s, _) = voted(&[0, 0]);
    assert!(s.priorities().is_empty());
}

#[test]
fn dots_are_counted_against_the_room() {
    let mut s = state();
    s.vote(0, 1, 2).unwrap();
    let id = s.add_note("x", 0, HeadingId::Opportunities, T0).unwrap();
    assert_eq!(s.dots_total(), Some(6), "2 people × 3 dots");
    for _ in 0..6 {
        s.add_dot(id).unwrap();
    }
    assert!(matches!(
        s.add_dot(id),
        Err(SnapshotError::NoDotsLeft {
            people: 2,
            per: 3,
            total: 6
        })
    ));
    s.set_dots_per_person(4).unwrap();
    assert_eq!(s.add_dot(id), Ok(7));
    assert_eq!(s.dots_left(), Some(1));
}

#[test]
fn sessions_keep_the_record_and_older_files_still_load() {
    let library = Library::shipped();
    let mut s = session();
    assert!(s.snapshot.is_none());
    let st = s.snapshot_mut(&library.snapshot);
    st.vote(0, 1, 3).unwrap();
    st.add_note("Monthly CPM huddles", 0, HeadingId::Strengths, T0)
        .unwrap();
    st.set_page(cpm_workshop::workshop::snapshot::SnapshotPage::Tally(1));
    let json = serde_json::to_string(&s).unwrap();
    let back: Session = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    // A file written before the record existed has no `snapshot` key.
    let mut old: serde_json::Value = serde_json::from_str(&json).unwrap();
    old.as_object_mut().unwrap().remove("snapshot");
    let old: Session = serde_json::from_value(old).unwrap();
    assert!(old.snapshot.is_none());
    // A copy as a template keeps the scale and settings, not the room's answers.
    let copy = s.as_template(sid("s2"), "Next team".into(), T0);
    let c = copy.snapshot.unwrap();
    assert!(c.votes.is_empty() && c.notes.is_empty());
    assert_eq!(
        c.page(&[]),
        cpm_workshop::workshop::snapshot::SnapshotPage::Intro
    );
    assert_eq!(c.scale, s.snapshot.unwrap().scale);
}
