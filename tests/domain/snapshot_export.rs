//! The Snapshot summary as plain text (`export::snapshot::render_txt`): per dimension the tally
//! and the notes under each heading, then the priorities and the dot vote; 80 columns, no
//! escape codes, and the same text for the same session every time.

use crate::support::session_id as sid;
use cpm_workshop::content::Library;
use cpm_workshop::export::snapshot::render_txt;
use cpm_workshop::workshop::Session;
use cpm_workshop::workshop::snapshot::HeadingId;
use cpm_workshop::workshop::snapshot::SnapshotState;
use time::OffsetDateTime;
use time::macros::datetime;
use unicode_width::UnicodeWidthStr;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

fn session() -> Session {
    let library = Library::shipped();
    let spec = SnapshotState::session_spec("Leadership team", &library.snapshot);
    let mut s = Session::new(sid("20261123-0900-00"), spec, T0).unwrap();
    let st = s.snapshot_mut(&library.snapshot);
    st.vote(0, 0, 2).unwrap();
    st.vote(0, 1, 9).unwrap();
    st.vote(0, 2, 1).unwrap();
    st.add_note(
        "Directors meet monthly on CPM implementation",
        0,
        HeadingId::Strengths,
        T0,
    )
    .unwrap();
    let a = st
        .add_note(
            "Coaching time for supervisors",
            1,
            HeadingId::Opportunities,
            T0,
        )
        .unwrap();
    let b = st
        .add_note(
            "Dashboards staff can read (données, 家族) \u{1b}[31m and a long tail of words that wraps past eighty columns",
            2,
            HeadingId::Opportunities,
            T0,
        )
        .unwrap();
    st.add_note("Two managers retire", 0, HeadingId::Feasibility, T0)
        .unwrap();
    st.set_dots(a, 5).unwrap();
    st.set_dots(b, 5).unwrap();
    s
}

#[test]
fn summary_text_matches_the_reviewed_snapshot() {
    let library = Library::shipped();
    insta::assert_snapshot!(
        "snapshot_summary_txt",
        render_txt(&session(), &library.snapshot)
    );
}

#[test]
fn summary_text_is_80_columns_clean_and_deterministic() {
    let library = Library::shipped();
    let s = session();
    let text = render_txt(&s, &library.snapshot);
    assert_eq!(text, render_txt(&s, &library.snapshot));
    for line in text.lines() {
        assert!(line.width() <= 80, "{line:?} is {} wide", line.width());
    }
    assert!(!text.contains('\u{1b}'));
    for want in [
        "Where are we now? (12 votes)",
        "making progress",
        "9   75%",
        "Strengths to Build On",
        "Setting Priorities for Local Planning",
        "  1. Coaching time for supervisors",
        "Ties keep the order",
        "(none)",
    ] {
        assert!(text.contains(want), "missing {want:?}:\n{text}");
    }
}

#[test]
fn a_session_without_a_record_yet_still_summarises() {
    let library = Library::shipped();
    let mut s = session();
    s.snapshot = None;
    let text = render_txt(&s, &library.snapshot);
    assert!(text.contains("Where are we now? (0 votes)"));
    assert!(text.contains("(none yet: the top 3 opportunities by dots become the priorities)"));
}
