//! Unit tests for the activity scripts: the shipped ones, JSON errors and validation.

use super::*;
use crate::content::embedded::{SNAPSHOT_JSON, STICKY_JSON};
use crate::content::plan_script::PlanStepId;

fn sticky_file() -> &'static Path {
    Path::new("content/activities/sticky.json")
}

fn snapshot_file() -> &'static Path {
    Path::new("content/activities/snapshot.json")
}

fn sticky_value() -> serde_json::Value {
    serde_json::from_str(STICKY_JSON).unwrap()
}

fn snapshot_value() -> serde_json::Value {
    serde_json::from_str(SNAPSHOT_JSON).unwrap()
}

fn sticky_problem(value: &serde_json::Value) -> ActivityProblem {
    match StickyActivity::from_json(sticky_file(), &value.to_string()) {
        Err(ContentError::Activity { problem, .. }) => problem,
        other => panic!("expected an activity problem, got {other:?}"),
    }
}

fn snapshot_problem(value: &serde_json::Value) -> ActivityProblem {
    match SnapshotActivity::from_json(snapshot_file(), &value.to_string()) {
        Err(ContentError::Activity { problem, .. }) => problem,
        other => panic!("expected an activity problem, got {other:?}"),
    }
}

#[test]
fn shipped_sticky_has_every_step_with_the_seed_times() {
    let sticky = StickyActivity::from_json(sticky_file(), STICKY_JSON).unwrap();
    let seconds: Vec<Option<u32>> = ALL_STEPS
        .iter()
        .map(|&k| sticky.step(k).default_seconds)
        .collect();
    assert_eq!(
        seconds,
        [
            None,
            Some(120),
            Some(180),
            Some(120),
            Some(180),
            Some(120),
            None
        ]
    );
    for kind in ALL_STEPS {
        let step = sticky.step(kind);
        assert_eq!(step.kind, kind);
        assert!(
            step.source.starts_with(
                "Overview of the California Child Welfare Core Practice Model (CPM), "
            ),
            "{kind:?}"
        );
    }
    assert_eq!(
        sticky.step(StepKind::BrainstormAlready).label,
        "Brainstorm: already using"
    );
    assert!(
        sticky
            .step(StepKind::Commitment)
            .instruction
            .contains("pick one area to work on over the next few weeks")
    );
}

#[test]
fn step_falls_back_to_the_shipped_script_instead_of_panicking() {
    let empty = StickyActivity {
        title: "t".into(),
        source: "s".into(),
        timing_guidance: None,
        steps: Vec::new(),
    };
    assert_eq!(
        empty.step(StepKind::ShareEnhance).default_seconds,
        Some(180)
    );
}

#[test]
fn a_missing_step_is_named() {
    let mut value = sticky_value();
    value["steps"]
        .as_array_mut()
        .unwrap()
        .retain(|s| s["kind"] != "commitment");
    let problem = sticky_problem(&value);
    assert_eq!(problem, ActivityProblem::MissingStep(StepKind::Commitment));
    assert!(problem.to_string().contains("no \"commitment\" step"));
}

#[test]
fn a_repeated_step_and_a_zero_time_are_refused() {
    let mut value = sticky_value();
    let first = value["steps"][1].clone();
    value["steps"].as_array_mut().unwrap().push(first);
    assert_eq!(
        sticky_problem(&value),
        ActivityProblem::DuplicateStep(StepKind::BrainstormAlready)
    );
    let mut value = sticky_value();
    value["steps"][2]["default_seconds"] = 0.into();
    assert_eq!(
        sticky_problem(&value),
        ActivityProblem::ZeroSeconds(StepKind::ShareAlready)
    );
    let mut value = sticky_value();
    value["steps"][0]["label"] = " ".into();
    assert_eq!(
        sticky_problem(&value),
        ActivityProblem::EmptyField("steps[0].label".into())
    );
}

#[test]
fn json_errors_name_line_and_column() {
    let text = "{\n  \"title\": \"x\",\n  \"source\": oops\n}";
    let err = StickyActivity::from_json(sticky_file(), text).unwrap_err();
    assert!(matches!(
        err,
        ContentError::Json {
            line: 3,
            column: 13,
            ..
        }
    ));
    let shown = err.to_string();
    assert!(
        shown.starts_with(
            "content/activities/sticky.json:3:13: invalid activity file: expected value"
        ),
        "{shown}"
    );
    assert!(!shown.contains(" at line "), "{shown}");
}

#[test]
fn unknown_step_kinds_and_fields_are_json_errors() {
    let mut value = sticky_value();
    value["steps"][0]["kind"] = "dance".into();
    let err = StickyActivity::from_json(sticky_file(), &value.to_string()).unwrap_err();
    assert!(err.to_string().contains("unknown variant `dance`"), "{err}");
    let mut value = sticky_value();
    value["stepz"] = serde_json::json!([]);
    let err = StickyActivity::from_json(sticky_file(), &value.to_string()).unwrap_err();
    assert!(err.to_string().contains("unknown field `stepz`"), "{err}");
}

#[test]
fn shipped_snapshot_matches_the_guide() {
    let snapshot = SnapshotActivity::from_json(snapshot_file(), SNAPSHOT_JSON).unwrap();
    let names: Vec<&str> = snapshot
        .dimensions
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Organization and Leadership",
            "Workforce Development",
            "Using Data for Understanding and Improvement",
            "Strengthening Partnerships for System Change"
        ]
    );
    assert_eq!(
        snapshot.scale,
        ["just getting started", "making progress", "well underway"]
    );
    let titles: Vec<&str> = snapshot.headings.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Strengths to Build On",
            "Opportunities for Growth",
            "Feasibility Considerations",
            "Setting Priorities for Local Planning"
        ]
    );
    assert_eq!(
        snapshot.heading("PRIORITIES").map(|h| h.title.as_str()),
        Some("Setting Priorities for Local Planning")
    );
    // Each dimension shows only the guide's sentences about its own subject: none about the
    // Snapshot as a whole or naming all four capacity areas; Using Data has none at all.
    let about: Vec<usize> = snapshot.dimensions.iter().map(|d| d.about.len()).collect();
    assert_eq!(about, [2, 2, 0, 1]);
    for text in snapshot.dimensions.iter().flat_map(|d| &d.about) {
        assert!(!text.contains("Research shows"), "{text}");
        assert!(
            !text.contains("the Snapshot serves as a baseline"),
            "{text}"
        );
        assert!(
            !text.contains("complete the CPM Implementation Snapshot"),
            "{text}"
        );
    }
    assert!(
        snapshot
            .intro
            .iter()
            .any(|p| p.contains("the Snapshot serves as a baseline"))
    );
    assert!(
        snapshot
            .design_note
            .as_deref()
            .is_some_and(|n| n.starts_with("This app's design"))
    );
    for dim in &snapshot.dimensions {
        assert!(!dim.facilitation_prompts.is_empty());
        assert!(
            dim.source
                .starts_with("Core Practice Model Implementation Planning Guide: ")
        );
    }
}

#[test]
fn snapshot_validation_names_the_problem() {
    let mut value = snapshot_value();
    value["scale"] = serde_json::json!([]);
    assert_eq!(snapshot_problem(&value), ActivityProblem::EmptyScale);

    let mut value = snapshot_value();
    value["scale"] = serde_json::json!(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    let problem = snapshot_problem(&value);
    assert_eq!(problem, ActivityProblem::ScaleTooLong { len: 10, max: 9 });
    assert_eq!(
        problem.to_string(),
        "snapshot scale has 10 points; at most 9 fit on screen"
    );

    let mut value = snapshot_value();
    value["dimensions"] = serde_json::json!([]);
    assert_eq!(snapshot_problem(&value), ActivityProblem::NoDimensions);

    let mut value = snapshot_value();
    let first = value["dimensions"][0].clone();
    value["dimensions"].as_array_mut().unwrap().push(first);
    assert_eq!(
        snapshot_problem(&value),
        ActivityProblem::DuplicateDimension("Organization and Leadership".into())
    );

    let mut value = snapshot_value();
    value["headings"].as_array_mut().unwrap().pop();
    assert_eq!(
        snapshot_problem(&value),
        ActivityProblem::MissingHeading("priorities".into())
    );

    let mut value = snapshot_value();
    value["headings"][0]["id"] = "wishes".into();
    assert_eq!(
        snapshot_problem(&value),
        ActivityProblem::UnknownHeading("wishes".into())
    );

    let mut value = snapshot_value();
    value["dots_per_person"] = 0.into();
    assert_eq!(
        snapshot_problem(&value),
        ActivityProblem::ZeroCount("dots_per_person".into())
    );

    let mut value = snapshot_value();
    value["intro"][0] = "bad \u{1b}[2J".into();
    assert_eq!(
        snapshot_problem(&value),
        ActivityProblem::ControlCharacter {
            field: "intro[0]".into(),
            code: 0x1b
        }
    );
}

#[test]
fn activity_errors_name_the_file() {
    let mut value = snapshot_value();
    value["scale"] = serde_json::json!([]);
    let err = SnapshotActivity::from_json(snapshot_file(), &value.to_string()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "content/activities/snapshot.json: snapshot scale is empty: list the points of the scale in \"scale\""
    );
}

#[test]
fn steps_are_worded_for_each_kind_of_deck_and_say_so() {
    let sticky = StickyActivity::from_json(sticky_file(), STICKY_JSON).unwrap();
    for kind in [
        StepKind::Read,
        StepKind::BrainstormAlready,
        StepKind::BrainstormEnhance,
    ] {
        let step = sticky.step(kind);
        assert_eq!(step.instruction(DeckKind::Practice), step.instruction);
        for deck_kind in [
            DeckKind::Leadership,
            DeckKind::Principles,
            DeckKind::Examples,
        ] {
            let text = step.instruction(deck_kind);
            assert!(
                text.starts_with(&format!(
                    "This app's wording for {}",
                    match deck_kind {
                        DeckKind::Leadership => "leadership behaviors",
                        DeckKind::Principles => "principles",
                        _ => "examples",
                    }
                )),
                "{kind:?} {deck_kind:?}: {text}"
            );
            assert!(!text.contains("children and families") || deck_kind == DeckKind::Leadership);
        }
    }
    // Steps with nothing kind-specific keep the quoted instruction for every deck.
    let share = sticky.step(StepKind::ShareAlready);
    assert_eq!(share.instruction(DeckKind::Principles), share.instruction);
    let guidance = sticky.timing_guidance.as_deref().unwrap_or_default();
    assert!(guidance.contains("10-15 minutes") && guidance.contains("60-90 minutes"));
}

#[test]
fn an_empty_reworded_instruction_is_refused() {
    let quoted = "\"leadership\": \"This app's wording for leadership behaviors: have the small groups take turns reading the leadership behaviors\"";
    assert!(STICKY_JSON.contains(quoted));
    let text = STICKY_JSON.replacen(quoted, "\"leadership\": \" \"", 1);
    let err = StickyActivity::from_json(sticky_file(), &text).unwrap_err();
    assert!(
        err.to_string().contains("instruction_for.leadership"),
        "{err}"
    );
}

#[test]
fn shipped_plan_asks_the_guides_key_decisions() {
    let snapshot = SnapshotActivity::from_json(snapshot_file(), SNAPSHOT_JSON).unwrap();
    let plan = snapshot
        .plan
        .as_ref()
        .expect("the shipped Snapshot has planning steps");
    let questions: Vec<&str> = plan.steps.iter().map(|s| s.question.as_str()).collect();
    // The guide's Part 2 key decisions, word for word, after "Which priorities are strategic to
    // address first?" (the priorities page answers that one).
    assert_eq!(
        questions,
        [
            "What is our timeframe?",
            "What changes do we want to see?",
            "What action steps need to be taken?",
            "What is the target date for monitoring progress?",
            "What will support our progress?",
        ]
    );
    assert!(
        plan.step(PlanStepId::Actions)
            .about
            .iter()
            .any(|a| a == "Who is the responsible leader or team?")
    );
    for step in &plan.steps {
        assert!(
            step.source
                .starts_with("Core Practice Model Implementation Planning Guide: Part 2"),
            "{}",
            step.source
        );
    }
    assert!(plan.source.contains("Part 2–CPM IMPLEMENTATION PLAN"));
    assert_eq!(PlanScript::shipped(), plan);
}

#[test]
fn plan_steps_are_checked_and_optional() {
    let mut value = snapshot_value();
    value["plan"]["steps"].as_array_mut().unwrap().remove(3);
    assert_eq!(
        snapshot_problem(&value),
        ActivityProblem::MissingPlanStep("monitor".into())
    );
    let mut value = snapshot_value();
    let first = value["plan"]["steps"][0].clone();
    value["plan"]["steps"].as_array_mut().unwrap().push(first);
    assert_eq!(
        snapshot_problem(&value),
        ActivityProblem::DuplicatePlanStep("horizon".into())
    );
    let mut value = snapshot_value();
    value["plan"]["steps"][1]["question"] = "  ".into();
    assert_eq!(
        snapshot_problem(&value),
        ActivityProblem::EmptyField("plan.steps[1].question".into())
    );
    // A trainer's file from before the planning steps loads and plans with the shipped ones.
    let mut value = snapshot_value();
    value.as_object_mut().unwrap().remove("plan");
    let old = SnapshotActivity::from_json(snapshot_file(), &value.to_string()).unwrap();
    assert!(old.plan.is_none());
    assert_eq!(
        old.plan_script().question(PlanStepId::Monitor),
        "What is the target date for monitoring progress?"
    );
}
