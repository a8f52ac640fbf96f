use super::*;
use crate::content::embedded;
use crate::export::{Format, Options, render};
use crate::workshop::session::tests::{T0, session};

fn discussion_session() -> Session {
    let mut s = session();
    let mut state = RoundsState::new(&embedded::discussion(), None);
    state
        .add_note(0, 1, 4, "Family voice in every meeting", T0)
        .unwrap();
    state
        .add_note(0, 2, 4, "Teaming <b>across</b> units", T0)
        .unwrap();
    state
        .add_note(1, 1, 4, "? How will coaching be paid for?", T0)
        .unwrap();
    state.add_note(2, 3, 4, "=Caseloads too high", T0).unwrap();
    s.rounds = Some(state);
    s
}

fn with_scope(scope: Scope) -> Options {
    Options {
        scope,
        ..Options::default()
    }
}

#[test]
fn text_lists_notes_per_question_and_group_then_the_follow_ups() {
    let s = discussion_session();
    let txt = render(&s, Format::Txt, &Options::default());
    let q1 = txt
        .find("Question 1. What have you heard")
        .expect("question 1");
    let q2 = txt.find("Question 2. In what ways").expect("question 2");
    let g2 = txt[q1..]
        .find("Group 2\n  - Teaming")
        .expect("group 2 under q1")
        + q1;
    assert!(g2 < q2);
    assert!(txt.contains("  - ? How will coaching be paid for?"));
    assert!(
        txt.contains("  - ? =Caseloads too high"),
        "worries are follow-ups"
    );
    let follow = txt.find(FOLLOW_UP_TITLE).expect("follow-up list");
    let tail = &txt[follow..];
    assert!(tail.contains("Question 2 · Group 1 (Redwoods): How will coaching be paid for?"));
    assert!(tail.contains("Question 3 · Group 3: =Caseloads too high"));
    assert!(!tail.contains("Family voice"));
    assert!(!txt.contains("Show of hands"), "discussion has no marks");
}

#[test]
fn csv_has_the_question_as_a_column_and_a_follow_up_flag() {
    let s = discussion_session();
    let csv = render(&s, Format::Csv, &Options::default());
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("Session,Date,Question number,Question,Group,Group name,Text,Follow up,Created")
    );
    let rows: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), 4);
    assert!(rows[0].contains(",1,What have you heard about the Core Practice Model that you value?,1,Redwoods,Family voice in every meeting,,"));
    assert!(rows[2].contains(",How will coaching be paid for?,yes,"));
    assert!(
        rows[3].contains(",'=Caseloads too high,yes,"),
        "formula-guarded: {}",
        rows[3]
    );
}

#[test]
fn scopes_narrow_to_a_group_one_question_or_the_follow_ups() {
    let s = discussion_session();
    let group = render(&s, Format::Csv, &with_scope(Scope::Group(1)));
    assert_eq!(group.matches("\r\n").count(), 1 + 2);
    let one = render(
        &s,
        Format::Txt,
        &with_scope(Scope::Category("do you have any worries about cpm?".into())),
    );
    assert!(one.contains("Question 3. Do you have any worries"));
    assert!(!one.contains("Question 1."));
    let follow = render(&s, Format::Csv, &with_scope(Scope::Commitments));
    assert_eq!(follow.matches("\r\n").count(), 1 + 2);
    assert!(!follow.contains("Family voice"));
}

#[test]
fn html_escapes_what_the_room_typed_and_marks_follow_ups() {
    let s = discussion_session();
    let html = render(&s, Format::Html, &Options::default());
    assert!(html.contains("Teaming &lt;b&gt;across&lt;/b&gt; units"));
    assert!(!html.contains("<b>across"));
    assert!(html.contains("<li class=\"follow\">? How will coaching be paid for?</li>"));
    assert!(html.contains("<h2>Question 4. Any questions about CPM?</h2>"));
}

#[test]
fn values_exports_show_the_hands_per_mark_as_bars() {
    let mut s = session();
    let mut state = RoundsState::new(&embedded::values(), None);
    state.add_hands(6, 0, 9).unwrap();
    state.add_hands(6, 1, 3).unwrap();
    state
        .add_note(6, 2, 4, "We see it in reunification", T0)
        .unwrap();
    s.rounds = Some(state);
    let txt = render(&s, Format::Txt, &Options::default());
    let at = txt
        .find("Value 7. Families Can Grow & Change")
        .expect("value 7");
    let part = &txt[at..];
    assert!(part.contains("Show of hands (12 hands)"));
    assert!(
        part.contains("  Lived every day      ███████████████░░░░░    9   75%"),
        "{part}"
    );
    assert!(part.contains("  Needs strengthening  █████░░░░░░░░░░░░░░░    3   25%"));
    let md = render(&s, Format::Md, &Options::default());
    assert!(md.contains("| Lived every day | 9 | 75% |"));
    let html = render(&s, Format::Html, &Options::default());
    assert!(html.contains("<span style=\"width: 75%\"></span>"));
    let csv = render(&s, Format::Csv, &Options::default());
    assert!(csv.starts_with("Session,Date,Value number,Value,"));
}

#[test]
fn markdown_escapes_and_keeps_multi_line_notes_in_one_item() {
    let mut s = discussion_session();
    if let Some(state) = s.rounds.as_mut() {
        state
            .add_note(3, 4, 4, "# not a heading\nsecond line", T0)
            .unwrap();
    }
    let md = render(&s, Format::Md, &Options::default());
    assert!(
        md.contains("- ? \\# not a heading\\\n  second line\n"),
        "{md}"
    );
    assert!(md.contains("## Question 4. Any questions about CPM?"));
}

#[test]
fn a_groups_json_holds_only_that_groups_notes_and_no_deleted_ones() {
    let mut s = discussion_session();
    if let Some(state) = s.rounds.as_mut() {
        let id = state.add_note(0, 2, 4, "deleted", T0).unwrap();
        state.delete_note(id).unwrap();
    }
    let json = render(&s, Format::Json, &with_scope(Scope::Group(2)));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let notes = value["rounds"]["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["text"], "Teaming <b>across</b> units");
    assert!(value["rounds"]["trash"].as_array().unwrap().is_empty());
    let back: Session = serde_json::from_str(&json).unwrap();
    assert_eq!(back.rounds.unwrap().items.len(), 4, "still a session file");
}
