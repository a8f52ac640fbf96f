//! The planning steps a Snapshot warm-up continues into (CPM Implementation Planning Guide,
//! Part 2): the guide's key decisions as data, each step with its question quoted from the guide
//! and the section it comes from, so a trainer can reword or reorder them in the activity file.

use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

use super::error::ActivityProblem;

/// What a planning step records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlanStepId {
    /// The planning horizon, once for the whole plan.
    Horizon,
    /// What changes we want to see, per priority.
    Success,
    /// The action steps with who and by when, per priority.
    Actions,
    /// The target date for monitoring progress, per priority.
    Monitor,
    /// What will support our progress, per priority.
    Support,
}

impl PlanStepId {
    /// Every step, in the guide's order of key decisions.
    pub const ALL: [PlanStepId; 5] = [
        PlanStepId::Horizon,
        PlanStepId::Success,
        PlanStepId::Actions,
        PlanStepId::Monitor,
        PlanStepId::Support,
    ];

    /// The id used in the activity file.
    pub fn id(self) -> &'static str {
        match self {
            PlanStepId::Horizon => "horizon",
            PlanStepId::Success => "success",
            PlanStepId::Actions => "actions",
            PlanStepId::Monitor => "monitor",
            PlanStepId::Support => "support",
        }
    }
}

/// One planning step: the guide's question and what it says about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanStepScript {
    pub id: PlanStepId,
    /// The heading, quoted from the guide's key decisions.
    pub question: String,
    /// The guide's sentences about this decision, quoted.
    #[serde(default)]
    pub about: Vec<String>,
    /// The guide's section the question and sentences come from.
    pub source: String,
}

/// The headings of an action-step table (action, who, by when).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionColumns {
    pub action: String,
    pub who: String,
    pub by: String,
}

/// The planning part of the Snapshot activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanScript {
    /// The plan's title in exports and on its pages.
    pub title: String,
    /// The document and section the steps come from.
    pub source: String,
    /// Why the team plans now, quoted from the guide; shown on the first planning page.
    #[serde(default)]
    pub intro: Vec<String>,
    pub steps: Vec<PlanStepScript>,
    /// The action-step table's headings.
    pub columns: ActionColumns,
    /// Which parts are this app's design, not the guide's.
    #[serde(default)]
    pub design_note: Option<String>,
}

impl PlanScript {
    /// The script of a step. Validated scripts hold every step; a hand-built one that lacks it
    /// gets the shipped script's step.
    pub fn step(&self, id: PlanStepId) -> &PlanStepScript {
        self.steps
            .iter()
            .find(|s| s.id == id)
            .or_else(|| SHIPPED_PLAN.steps.iter().find(|s| s.id == id))
            .unwrap_or(&FALLBACK_STEP)
    }

    /// The question a step asks (its heading).
    pub fn question(&self, id: PlanStepId) -> &str {
        &self.step(id).question
    }

    /// Checks every step is present once, with a question and a source.
    pub fn validate(&self) -> Result<(), ActivityProblem> {
        super::activity::non_empty("plan.title", &self.title)?;
        super::activity::non_empty("plan.source", &self.source)?;
        for (i, text) in self.intro.iter().enumerate() {
            super::activity::non_empty(&format!("plan.intro[{i}]"), text)?;
        }
        for (i, step) in self.steps.iter().enumerate() {
            super::activity::non_empty(&format!("plan.steps[{i}].question"), &step.question)?;
            super::activity::non_empty(&format!("plan.steps[{i}].source"), &step.source)?;
            for (j, text) in step.about.iter().enumerate() {
                super::activity::non_empty(&format!("plan.steps[{i}].about[{j}]"), text)?;
            }
            if self.steps[..i].iter().any(|s| s.id == step.id) {
                return Err(ActivityProblem::DuplicatePlanStep(step.id.id().to_string()));
            }
        }
        if let Some(missing) = PlanStepId::ALL
            .iter()
            .find(|id| !self.steps.iter().any(|s| s.id == **id))
        {
            return Err(ActivityProblem::MissingPlanStep(missing.id().to_string()));
        }
        let columns = &self.columns;
        super::activity::non_empty("plan.columns.action", &columns.action)?;
        super::activity::non_empty("plan.columns.who", &columns.who)?;
        super::activity::non_empty("plan.columns.by", &columns.by)
    }

    /// The shipped planning steps, for a Snapshot activity file written before they existed.
    pub fn shipped() -> &'static PlanScript {
        &SHIPPED_PLAN
    }
}

static SHIPPED_PLAN: LazyLock<PlanScript> = LazyLock::new(|| {
    super::embedded::snapshot()
        .plan
        .unwrap_or_else(|| FALLBACK_PLAN.clone())
});

/// Only reachable if the shipped activity lost its plan (a test proves it has one); keeps
/// [`PlanScript::step`] from ever panicking.
static FALLBACK_STEP: PlanStepScript = PlanStepScript {
    id: PlanStepId::Horizon,
    question: String::new(),
    about: Vec::new(),
    source: String::new(),
};

static FALLBACK_PLAN: LazyLock<PlanScript> = LazyLock::new(|| PlanScript {
    title: String::new(),
    source: String::new(),
    intro: Vec::new(),
    steps: Vec::new(),
    columns: ActionColumns {
        action: String::new(),
        who: String::new(),
        by: String::new(),
    },
    design_note: None,
});
