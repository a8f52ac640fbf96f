use super::*;
use time::macros::{date, datetime};

const NOW: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

fn priorities() -> Vec<Priority> {
    vec![
        Priority {
            note: Some(7),
            text: "Coach supervisors to the practice behaviors".into(),
        },
        Priority {
            note: Some(3),
            text: "Bring partners into planning".into(),
        },
    ]
}

/// Applies an edit that must succeed.
fn ok(plan: &mut DraftPlan, ps: &[Priority], edit: PlanEdit) {
    plan.apply(edit, ps, NOW).unwrap();
}

fn key(n: usize) -> PriorityKey {
    priority_key(&priorities(), n).unwrap()
}

#[test]
fn each_edit_lands_on_its_priority() {
    let ps = priorities();
    let mut plan = DraftPlan::default();
    ok(
        &mut plan,
        &ps,
        PlanEdit::Horizon {
            text: " 12 months ".into(),
        },
    );
    ok(
        &mut plan,
        &ps,
        PlanEdit::Success {
            priority: key(2),
            text: "Partners sit on the planning team".into(),
        },
    );
    ok(
        &mut plan,
        &ps,
        PlanEdit::AddAction {
            priority: key(2),
            text: "Invite tribal partners".into(),
            who: Some("Deputy director".into()),
            by: Some(date!(2027 - 02 - 28)),
        },
    );
    ok(
        &mut plan,
        &ps,
        PlanEdit::AddAction {
            priority: key(2),
            text: "Map the forums".into(),
            who: Some("  ".into()),
            by: None,
        },
    );
    ok(
        &mut plan,
        &ps,
        PlanEdit::Monitor {
            priority: key(2),
            date: date!(2027 - 06 - 30),
        },
    );
    ok(
        &mut plan,
        &ps,
        PlanEdit::Support {
            priority: key(1),
            text: "Regional Training Academy coaching".into(),
        },
    );

    assert_eq!(plan.horizon.as_deref(), Some("12 months"));
    let second = plan.for_priority(&ps[1]).unwrap();
    assert_eq!(
        second.success.as_deref(),
        Some("Partners sit on the planning team")
    );
    assert_eq!(second.actions.len(), 2);
    assert_eq!(second.actions[0].who.as_deref(), Some("Deputy director"));
    assert_eq!(second.actions[0].by, Some(date!(2027 - 02 - 28)));
    assert_eq!(
        second.actions[1].who, None,
        "a blank who is nobody named yet"
    );
    assert_eq!(second.monitor, Some(date!(2027 - 06 - 30)));
    assert_eq!(second.support, None);
    let first = plan.for_priority(&ps[0]).unwrap();
    assert_eq!(
        first.support.as_deref(),
        Some("Regional Training Academy coaching")
    );
    assert!(first.actions.is_empty());
}

#[test]
fn actions_are_edited_and_removed_by_number() {
    let ps = priorities();
    let mut plan = DraftPlan::default();
    for text in ["one", "two", "three"] {
        ok(
            &mut plan,
            &ps,
            PlanEdit::AddAction {
                priority: key(1),
                text: text.into(),
                who: None,
                by: None,
            },
        );
    }
    ok(
        &mut plan,
        &ps,
        PlanEdit::EditAction {
            priority: key(1),
            index: 1,
            text: "TWO".into(),
            who: Some("Training unit".into()),
            by: None,
        },
    );
    ok(
        &mut plan,
        &ps,
        PlanEdit::RemoveAction {
            priority: key(1),
            index: 0,
        },
    );
    let texts: Vec<&str> = plan.priorities[0]
        .actions
        .iter()
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(texts, ["TWO", "three"]);
    let err = plan
        .apply(
            PlanEdit::RemoveAction {
                priority: key(1),
                index: 5,
            },
            &ps,
            NOW,
        )
        .unwrap_err();
    assert_eq!(
        err,
        PlanError::NoSuchAction {
            number: 6,
            count: 2
        }
    );
    assert_eq!(
        err.to_string(),
        "there is no action step 6; this priority has 2"
    );
}

#[test]
fn out_of_range_priorities_say_which_exist() {
    let ps = priorities();
    let err = priority_key(&ps, 3).unwrap_err();
    assert_eq!(
        err.to_string(),
        "there is no priority 3; this Snapshot has priorities 1 to 2"
    );
    assert_eq!(
        priority_key(&ps, 0),
        Err(PlanError::NoSuchPriority {
            number: 0,
            count: 2
        })
    );
    assert_eq!(priority_key(&[], 1), Err(PlanError::NoPriorities));
}

#[test]
fn empty_text_is_refused_and_changes_nothing() {
    let ps = priorities();
    let mut plan = DraftPlan::default();
    let err = plan
        .apply(
            PlanEdit::Success {
                priority: key(1),
                text: "\u{1b}[2J  ".into(),
            },
            &ps,
            NOW,
        )
        .unwrap_err();
    assert_eq!(err, PlanError::Empty("change we want to see"));
    assert_eq!(plan, DraftPlan::default(), "no empty entry is left behind");
    let err = plan
        .apply(PlanEdit::Horizon { text: " ".into() }, &ps, NOW)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the planning horizon is empty once spaces and control characters are removed"
    );
}

#[test]
fn dates_must_be_real_days_written_yyyy_mm_dd() {
    assert_eq!(parse_date("2027-02-28"), Ok(date!(2027 - 02 - 28)));
    assert_eq!(parse_date(" 2028-2-29 "), Ok(date!(2028 - 02 - 29)));
    let err = parse_date("2027-02-30").unwrap_err();
    assert_eq!(
        err.to_string(),
        "“2027-02-30” is not a date: February 2027 has 28 days"
    );
    assert_eq!(
        parse_date("2027-13-01").unwrap_err().to_string(),
        "“2027-13-01” is not a date: there is no month 13; months are 1 to 12"
    );
    assert_eq!(
        parse_date("2027-04-31").unwrap_err().to_string(),
        "“2027-04-31” is not a date: April 2027 has 30 days"
    );
    for bad in [
        "30/06/2027",
        "next spring",
        "2027-06",
        "27-06-30",
        "2027-06-3x",
        "",
    ] {
        let err = parse_date(bad).unwrap_err().to_string();
        assert!(
            err.ends_with("write it as YYYY-MM-DD, e.g. 2027-06-30"),
            "{bad}: {err}"
        );
    }
    assert!(
        !parse_date("\u{1b}[31m2027")
            .unwrap_err()
            .to_string()
            .contains('\u{1b}'),
        "the echoed text is cleaned"
    );
}

#[test]
fn dates_before_today_are_refused() {
    let ps = priorities();
    let mut plan = DraftPlan::default();
    let err = plan
        .apply(
            PlanEdit::Monitor {
                priority: key(1),
                date: date!(2026 - 11 - 22),
            },
            &ps,
            NOW,
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "2026-11-22 is before today (2026-11-23); a plan's dates are ahead of it"
    );
    let err = plan
        .apply(
            PlanEdit::AddAction {
                priority: key(1),
                text: "x".into(),
                who: None,
                by: Some(date!(2025 - 01 - 01)),
            },
            &ps,
            NOW,
        )
        .unwrap_err();
    assert!(matches!(err, PlanError::Past { .. }));
    assert!(plan.is_empty());
    ok(
        &mut plan,
        &ps,
        PlanEdit::Monitor {
            priority: key(1),
            date: date!(2026 - 11 - 23),
        },
    );
}

#[test]
fn plans_follow_their_priority_when_the_list_changes() {
    let ps = priorities();
    let mut plan = DraftPlan::default();
    ok(
        &mut plan,
        &ps,
        PlanEdit::Success {
            priority: key(1),
            text: "Supervisors coach monthly".into(),
        },
    );
    // Reordered and reworded: the plan stays with its priority.
    let mut reordered = vec![ps[1].clone(), ps[0].clone()];
    reordered[1].text = "Coach supervisors".into();
    assert_eq!(
        plan.for_priority(&reordered[1])
            .and_then(|p| p.success.as_deref()),
        Some("Supervisors coach monthly")
    );
    assert!(plan.for_priority(&reordered[0]).is_none());
    assert!(plan.set_aside(&reordered).is_empty());

    // Retaken without it: set aside, visible, and refused for edits until it comes back.
    let without = vec![ps[1].clone()];
    let aside = plan.set_aside(&without);
    assert_eq!(aside.len(), 1);
    assert_eq!(aside[0].priority, ps[0].text);
    let err = plan
        .apply(
            PlanEdit::Support {
                priority: PriorityKey::Note(7),
                text: "x".into(),
            },
            &without,
            NOW,
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "“Coach supervisors to the practice behaviors” is no longer one of the priorities; its plan is kept, set aside, and comes back if the priority does"
    );
    assert!(
        plan.set_aside(&ps).is_empty(),
        "back on the list, back in the plan"
    );
}

#[test]
fn a_priority_without_an_opportunity_is_known_by_its_words() {
    let ps = vec![Priority {
        note: None,
        text: "Data dashboard".into(),
    }];
    let mut plan = DraftPlan::default();
    let key = priority_key(&ps, 1).unwrap();
    assert_eq!(key, PriorityKey::Text("Data dashboard".into()));
    ok(
        &mut plan,
        &ps,
        PlanEdit::Support {
            priority: key,
            text: "Analyst time".into(),
        },
    );
    assert!(plan.for_priority(&ps[0]).is_some());
    let same_words_from_a_note = Priority {
        note: Some(1),
        text: "Data dashboard".into(),
    };
    assert!(plan.for_priority(&same_words_from_a_note).is_none());
}

#[test]
fn the_plan_round_trips_and_old_records_load_without_one() {
    let ps = priorities();
    let mut plan = DraftPlan::default();
    ok(
        &mut plan,
        &ps,
        PlanEdit::AddAction {
            priority: key(1),
            text: "Coaching circles".into(),
            who: Some("Training".into()),
            by: Some(date!(2027 - 03 - 01)),
        },
    );
    let json = serde_json::to_string(&plan).unwrap();
    assert!(json.contains("\"by\":\"2027-03-01\""), "{json}");
    assert!(json.contains("\"key\":{\"note\":7}"), "{json}");
    let back: DraftPlan = serde_json::from_str(&json).unwrap();
    assert_eq!(back, plan);
    let empty: DraftPlan = serde_json::from_str("{}").unwrap();
    assert!(empty.is_empty());
    let bad = serde_json::from_str::<DraftPlan>(
        r#"{"priorities":[{"key":{"note":1},"priority":"p","monitor":"2027-02-30"}]}"#,
    )
    .unwrap_err();
    assert!(
        bad.to_string().contains("February 2027 has 28 days"),
        "{bad}"
    );
}

#[test]
fn edits_travel_as_json() {
    let edit = PlanEdit::Monitor {
        priority: PriorityKey::Note(3),
        date: date!(2027 - 06 - 30),
    };
    let json = serde_json::to_string(&edit).unwrap();
    assert_eq!(
        json,
        r#"{"edit":"monitor","priority":{"note":3},"date":"2027-06-30"}"#
    );
    assert_eq!(serde_json::from_str::<PlanEdit>(&json).unwrap(), edit);
}
