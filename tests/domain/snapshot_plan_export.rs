//! The draft plan in a Snapshot session's exports: one section per priority under the guide's
//! questions, actions as a table in html/md and as rows in csv, everything a person typed
//! escaped, plans set aside when their priority leaves the list, nothing added while nothing
//! is planned.

use crate::support::session_id as sid;
use cpm_workshop::content::Library;
use cpm_workshop::export::{Format, Options, render};
use cpm_workshop::workshop::snapshot::HeadingId;
use cpm_workshop::workshop::snapshot::SnapshotState;
use cpm_workshop::workshop::{PlanEdit, Session};
use time::OffsetDateTime;
use time::macros::{date, datetime};

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);
const HOSTILE: &str = "<script>alert(1)</script> | **bold** & \u{1b}[31mred";

fn session() -> Session {
    let library = Library::shipped();
    let spec = SnapshotState::session_spec("Leadership <team>", &library.snapshot);
    let mut s = Session::new(sid("20261123-0900-00"), spec, T0).unwrap();
    let st = s.snapshot_mut(&library.snapshot);
    for (text, dots) in [("Coaching time", 5), ("Readable dashboards", 3)] {
        let id = st.add_note(text, 1, HeadingId::Opportunities, T0).unwrap();
        st.set_dots(id, dots).unwrap();
    }
    s
}

fn planned() -> Session {
    let mut s = session();
    let st = s.snapshot.as_mut().unwrap();
    let first = st.priority_key(1).unwrap();
    let edits = [
        PlanEdit::Horizon {
            text: "12 months".into(),
        },
        PlanEdit::Success {
            priority: first.clone(),
            text: "Supervisors coach weekly".into(),
        },
        PlanEdit::AddAction {
            priority: first.clone(),
            text: HOSTILE.into(),
            who: Some("Training <unit>".into()),
            by: Some(date!(2027 - 02 - 28)),
        },
        PlanEdit::Monitor {
            priority: first,
            date: date!(2027 - 06 - 30),
        },
    ];
    for edit in edits {
        st.apply_plan(edit, T0).unwrap();
    }
    s
}

fn export(s: &Session, format: Format) -> String {
    render(s, format, &Options::default())
}

#[test]
fn nothing_planned_adds_nothing() {
    let s = session();
    for format in [Format::Txt, Format::Md, Format::Html] {
        let out = export(&s, format);
        assert!(
            !out.contains("CPM Implementation Plan (draft)"),
            "{format:?}"
        );
        assert!(
            !out.contains("What changes do we want to see?"),
            "{format:?}"
        );
    }
    assert_eq!(
        export(&s, Format::Csv).lines().count(),
        3,
        "header and the two notes"
    );
}

#[test]
fn html_has_a_section_per_priority_and_escapes_everything() {
    let html = export(&planned(), Format::Html);
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains('\u{1b}'));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; | **bold** &amp; red"));
    assert!(html.contains("<td>Training &lt;unit&gt;</td><td class=\"date\">2027-02-28</td>"));
    assert_eq!(html.matches("<section class=\"priority\">").count(), 2);
    assert!(
        html.contains(
            "<h4>What is the target date for monitoring progress?</h4>\n<p>2027-06-30</p>"
        )
    );
    assert!(html.contains(
        "<th>Action step</th><th>Responsible leader or team</th><th class=\"date\">By when</th>"
    ));
    let second = &html[html.rfind("<section class=\"priority\">").unwrap()..];
    assert!(second.contains("Priority 2: Readable dashboards"));
    assert_eq!(second.matches("(not decided yet)").count(), 4);
}

#[test]
fn markdown_tables_keep_their_columns() {
    let md = export(&planned(), Format::Md);
    let row = md
        .lines()
        .find(|l| l.contains("alert(1)"))
        .expect("the action row");
    assert_eq!(
        row,
        r"| \<script>alert(1)\</script> \| \*\*bold\*\* & red | Training \<unit> | 2027-02-28 |"
    );
    assert!(md.contains("### What is our timeframe?\n\n12 months\n"));
    assert!(md.contains("#### What changes do we want to see?\n\nSupervisors coach weekly\n"));
}

#[test]
fn csv_lists_each_decision_with_priority_who_and_by_when() {
    let csv = export(&planned(), Format::Csv);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "Session,Date,Dimension,Heading,Text,Dots,Created,Priority,Who,By when"
    );
    assert!(lines.iter().any(|l| l.ends_with(
        ",What action steps need to be taken?,<script>alert(1)</script> | **bold** & red,,,Priority 1: Coaching time (Workforce Development),Training <unit>,2027-02-28"
    )), "{csv}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains(",What is our timeframe?,12 months,"))
    );
}

#[test]
fn text_shows_a_plan_set_aside_when_its_priority_leaves_the_list() {
    let mut s = planned();
    let st = s.snapshot.as_mut().unwrap();
    st.set_priority_count(1).unwrap();
    st.edit_priority(0, "Coaching time, protected").unwrap();
    let txt = export(&s, Format::Txt);
    assert!(
        txt.contains("Priority 1: Coaching time, protected"),
        "{txt}"
    );
    assert!(
        !txt.contains("Set aside"),
        "a reworded priority keeps its plan"
    );
    // The dot vote changes order: the planned priority drops off the list of one.
    let mut s = planned();
    let st = s.snapshot.as_mut().unwrap();
    st.set_priority_count(1).unwrap();
    let planned_id = st.priorities()[0].note.unwrap();
    let other = st
        .notes
        .iter()
        .find(|n| n.id != planned_id)
        .map(|n| n.id)
        .unwrap();
    st.set_dots(other, 9).unwrap();
    let txt = export(&s, Format::Txt);
    assert!(
        txt.contains("Set aside: plans for priorities no longer on the list"),
        "{txt}"
    );
    assert!(
        txt.contains("Coaching time (no longer a priority)"),
        "{txt}"
    );
    assert!(txt.contains("Supervisors coach weekly"));
    assert!(!txt.contains('\u{1b}'));
}
