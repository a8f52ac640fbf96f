//! The activity scripts (sticky-note activity, Snapshot warm-up) as data read from JSON.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::LazyLock;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::deck::DeckKind;
use super::error::{ActivityProblem, ContentError};
use super::plan_script::PlanScript;
use super::step_kind::StepKind;

/// Every step kind, in the order the sticky-note activity reaches them.
pub const ALL_STEPS: [StepKind; 7] = [
    StepKind::Read,
    StepKind::BrainstormAlready,
    StepKind::ShareAlready,
    StepKind::BrainstormEnhance,
    StepKind::ShareEnhance,
    StepKind::Commitment,
    StepKind::WrapUp,
];

/// The most points a Snapshot scale may have (one key each, 1–9).
pub const MAX_SCALE_POINTS: usize = 9;

/// The four Snapshot analysis heading ids, in the guide's order (CPM Implementation Planning Guide).
pub const HEADING_IDS: [&str; 4] = ["strengths", "opportunities", "feasibility", "priorities"];

/// The sticky-note behavior activity (CPM Overview, FACILITATOR NOTE): one script per step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StickyActivity {
    pub title: String,
    pub source: String,
    /// The document's guidance on how long the activity takes, quoted with its source; the
    /// set-up shows it beside the planned time.
    #[serde(default)]
    pub timing_guidance: Option<String>,
    pub steps: Vec<StepScript>,
}

/// What the facilitator says and shows for one step, and how long it runs by default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepScript {
    pub kind: StepKind,
    /// A short name for the step, e.g. "Brainstorm: already using".
    pub label: String,
    /// The instruction, quoted from the CPM Overview's FACILITATOR NOTE.
    pub instruction: String,
    /// The default length in seconds; `None` for untimed steps (Read, WrapUp).
    #[serde(default)]
    pub default_seconds: Option<u32>,
    pub source: String,
    /// The instruction reworded for decks whose entries are not practice behaviors
    /// (leadership behaviors, principles, examples): this app's wording, labelled as such in
    /// the text. A kind not listed uses `instruction`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub instruction_for: BTreeMap<DeckKind, String>,
}

impl StepScript {
    /// The instruction for a card whose entries are of `kind`.
    pub fn instruction(&self, kind: DeckKind) -> &str {
        self.instruction_for
            .get(&kind)
            .map_or(self.instruction.as_str(), String::as_str)
    }
}

impl StickyActivity {
    /// The script for a step. Loaded activities always hold every step (checked on load); for
    /// one built by hand that lacks it, the shipped script's step is returned instead.
    pub fn step(&self, kind: StepKind) -> &StepScript {
        if let Some(step) = self.steps.iter().find(|s| s.kind == kind) {
            return step;
        }
        if let Some(step) = SHIPPED_STICKY.steps.iter().find(|s| s.kind == kind) {
            return step;
        }
        &FALLBACK_STEPS[ALL_STEPS.iter().position(|&k| k == kind).unwrap_or(0)]
    }

    /// Parses and validates a sticky-note activity script.
    pub fn from_json(file: &Path, text: &str) -> Result<StickyActivity, ContentError> {
        from_json(file, text, StickyActivity::validate)
    }

    /// Checks that every step is present once, with text and a positive time.
    pub fn validate(&self) -> Result<(), ActivityProblem> {
        non_empty("title", &self.title)?;
        non_empty("source", &self.source)?;
        for (i, step) in self.steps.iter().enumerate() {
            non_empty(&format!("steps[{i}].label"), &step.label)?;
            non_empty(&format!("steps[{i}].instruction"), &step.instruction)?;
            non_empty(&format!("steps[{i}].source"), &step.source)?;
            for (kind, text) in &step.instruction_for {
                non_empty(&format!("steps[{i}].instruction_for.{}", kind.word()), text)?;
            }
            if step.default_seconds == Some(0) {
                return Err(ActivityProblem::ZeroSeconds(step.kind));
            }
            if self.steps[..i].iter().any(|s| s.kind == step.kind) {
                return Err(ActivityProblem::DuplicateStep(step.kind));
            }
        }
        match ALL_STEPS
            .iter()
            .find(|&&k| !self.steps.iter().any(|s| s.kind == k))
        {
            Some(&missing) => Err(ActivityProblem::MissingStep(missing)),
            None => Ok(()),
        }
    }
}

/// The Snapshot warm-up (CPM Implementation Planning Guide): dimensions to place the room on a scale, then analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnapshotActivity {
    pub title: String,
    pub source: String,
    /// What the Snapshot is for, quoted from the Implementation Planning Guide.
    pub intro: Vec<String>,
    pub dimensions: Vec<Dimension>,
    /// The points the room places itself on, lowest first.
    pub scale: Vec<String>,
    pub headings: Vec<Heading>,
    /// How many dots each person gets to vote on opportunities.
    pub dots_per_person: u32,
    /// How many top opportunities become priorities.
    pub priorities: u32,
    /// Says which parts of the warm-up are this app's design rather than the guide's (the
    /// scale's show of hands, the dot vote, the top priorities); shown on those pages.
    #[serde(default)]
    pub design_note: Option<String>,
    /// The planning steps after the priorities (the guide's Part 2); a file written before
    /// they existed gets the shipped ones ([`SnapshotActivity::plan_script`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanScript>,
}

/// One Snapshot dimension, e.g. Workforce Development.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub name: String,
    /// What it covers, quoted from the Implementation Planning Guide.
    pub about: Vec<String>,
    pub source: String,
    /// Our own reflection prompts, shown labelled as facilitation prompts (not CPM wording).
    pub facilitation_prompts: Vec<String>,
}

/// One Snapshot analysis heading (Strengths to Build On, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Heading {
    /// `strengths`, `opportunities`, `feasibility` or `priorities`.
    pub id: String,
    pub title: String,
    pub about: String,
}

impl SnapshotActivity {
    /// Parses and validates a Snapshot activity script.
    pub fn from_json(file: &Path, text: &str) -> Result<SnapshotActivity, ContentError> {
        from_json(file, text, SnapshotActivity::validate)
    }

    /// The planning steps: this file's, or the shipped ones.
    pub fn plan_script(&self) -> &PlanScript {
        self.plan.as_ref().unwrap_or_else(|| PlanScript::shipped())
    }

    /// Finds a heading by id (`strengths`, …).
    pub fn heading(&self, id: &str) -> Option<&Heading> {
        self.headings.iter().find(|h| h.id.eq_ignore_ascii_case(id))
    }

    /// Checks dimensions, scale, headings and counts.
    pub fn validate(&self) -> Result<(), ActivityProblem> {
        non_empty("title", &self.title)?;
        non_empty("source", &self.source)?;
        for (i, text) in self.intro.iter().enumerate() {
            clean(&format!("intro[{i}]"), text)?;
        }
        if self.dimensions.is_empty() {
            return Err(ActivityProblem::NoDimensions);
        }
        for (i, dim) in self.dimensions.iter().enumerate() {
            non_empty(&format!("dimensions[{i}].name"), &dim.name)?;
            non_empty(&format!("dimensions[{i}].source"), &dim.source)?;
            let texts = dim.about.iter().chain(&dim.facilitation_prompts);
            for text in texts {
                clean(&format!("dimensions[{i}]"), text)?;
            }
            let same = |d: &Dimension| d.name.trim().eq_ignore_ascii_case(dim.name.trim());
            if self.dimensions[..i].iter().any(same) {
                return Err(ActivityProblem::DuplicateDimension(dim.name.clone()));
            }
        }
        if self.scale.is_empty() {
            return Err(ActivityProblem::EmptyScale);
        }
        if self.scale.len() > MAX_SCALE_POINTS {
            return Err(ActivityProblem::ScaleTooLong {
                len: self.scale.len(),
                max: MAX_SCALE_POINTS,
            });
        }
        for (i, point) in self.scale.iter().enumerate() {
            non_empty(&format!("scale[{i}]"), point)?;
        }
        self.validate_headings()?;
        if self.dots_per_person == 0 {
            return Err(ActivityProblem::ZeroCount("dots_per_person".into()));
        }
        if self.priorities == 0 {
            return Err(ActivityProblem::ZeroCount("priorities".into()));
        }
        match &self.plan {
            Some(plan) => plan.validate(),
            None => Ok(()),
        }
    }

    fn validate_headings(&self) -> Result<(), ActivityProblem> {
        for (i, heading) in self.headings.iter().enumerate() {
            if !HEADING_IDS.contains(&heading.id.as_str()) {
                return Err(ActivityProblem::UnknownHeading(heading.id.clone()));
            }
            if self.headings[..i].iter().any(|h| h.id == heading.id) {
                return Err(ActivityProblem::DuplicateHeading(heading.id.clone()));
            }
            non_empty(&format!("headings[{i}].title"), &heading.title)?;
            clean(&format!("headings[{i}].about"), &heading.about)?;
        }
        match HEADING_IDS
            .iter()
            .find(|id| !self.headings.iter().any(|h| h.id == **id))
        {
            Some(id) => Err(ActivityProblem::MissingHeading((*id).to_string())),
            None => Ok(()),
        }
    }
}

/// Parses an activity script and checks it with `validate`; errors read `FILE:LINE:COL: message`.
fn from_json<T: DeserializeOwned>(
    file: &Path,
    text: &str,
    validate: impl Fn(&T) -> Result<(), ActivityProblem>,
) -> Result<T, ContentError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let activity: T = serde_json::from_str(text).map_err(|err| {
        let full = err.to_string();
        let message = full
            .rsplit_once(" at line ")
            .map_or(full.as_str(), |(message, _)| message);
        ContentError::Json {
            file: file.to_path_buf(),
            line: err.line().max(1),
            column: err.column().max(1),
            message: format!("invalid activity file: {message}"),
        }
    })?;
    validate(&activity).map_err(|problem| ContentError::Activity {
        file: file.to_path_buf(),
        problem,
    })?;
    Ok(activity)
}

pub(super) fn non_empty(field: &str, text: &str) -> Result<(), ActivityProblem> {
    if text.trim().is_empty() {
        return Err(ActivityProblem::EmptyField(field.to_string()));
    }
    clean(field, text)
}

fn clean(field: &str, text: &str) -> Result<(), ActivityProblem> {
    let bad = text.chars().find(|&c| {
        c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    });
    match bad {
        Some(c) => Err(ActivityProblem::ControlCharacter {
            field: field.to_string(),
            code: c as u32,
        }),
        None => Ok(()),
    }
}

/// The shipped sticky-note script, the fallback for [`StickyActivity::step`].
static SHIPPED_STICKY: LazyLock<StickyActivity> = LazyLock::new(super::embedded::sticky);

/// Last-resort step scripts, only reachable if the shipped script were broken (a test proves
/// it is not); they keep [`StickyActivity::step`] from ever panicking.
static FALLBACK_STEPS: [StepScript; 7] = [
    fallback(StepKind::Read),
    fallback(StepKind::BrainstormAlready),
    fallback(StepKind::ShareAlready),
    fallback(StepKind::BrainstormEnhance),
    fallback(StepKind::ShareEnhance),
    fallback(StepKind::Commitment),
    fallback(StepKind::WrapUp),
];

const fn fallback(kind: StepKind) -> StepScript {
    StepScript {
        kind,
        label: String::new(),
        instruction: String::new(),
        default_seconds: None,
        source: String::new(),
        instruction_for: BTreeMap::new(),
    }
}

#[cfg(test)]
#[path = "activity_tests.rs"]
mod tests;
