//! The run order of a sticky-note workshop and who works where: every category gets the five
//! steps of the CPM Overview's FACILITATOR NOTE, then the commitment and the wrap-up.

use super::step::StepKind;
use serde::{Deserialize, Serialize};

/// How the groups move through the categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Every group works the same category at the same time.
    Together,
    /// Groups start at different categories (flip-chart stations) and rotate.
    Rotation,
}

impl Mode {
    /// The word used on the command line and in files.
    pub fn id(self) -> &'static str {
        match self {
            Mode::Together => "together",
            Mode::Rotation => "rotation",
        }
    }

    /// How a trainer would say it.
    pub fn label(self) -> &'static str {
        match self {
            Mode::Together => "all together",
            Mode::Rotation => "rotation",
        }
    }
}

/// One entry of the run order: a step, and for per-category steps the round it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanStep {
    pub kind: StepKind,
    /// The round (0-based); `None` for the commitment and wrap-up that close the workshop.
    pub round: Option<usize>,
}

/// How many steps the run order has for `categories` categories: five per category, then the
/// commitment and the wrap-up.
pub fn plan_len(categories: usize) -> usize {
    categories
        .saturating_mul(StepKind::PER_CATEGORY.len())
        .saturating_add(2)
}

/// The step at `position` in the run order for `categories` categories, worked out without
/// building the list (the run view asks several times a frame); `None` past the wrap-up.
pub fn step_at(categories: usize, position: usize) -> Option<PlanStep> {
    let per = StepKind::PER_CATEGORY.len();
    let rounds_end = categories.saturating_mul(per);
    if position < rounds_end {
        return Some(PlanStep {
            kind: StepKind::PER_CATEGORY[position % per],
            round: Some(position / per),
        });
    }
    let kind = match position - rounds_end {
        0 => StepKind::Commitment,
        1 => StepKind::WrapUp,
        _ => return None,
    };
    Some(PlanStep { kind, round: None })
}

/// The whole run order for a deck of `categories` categories: one round per category.
pub fn plan(categories: usize) -> Vec<PlanStep> {
    (0..plan_len(categories))
        .filter_map(|position| step_at(categories, position))
        .collect()
}

/// The category (0-based) that group `group` (0-based) works in round `round`.
/// In rotation, group g is at category (g + r) mod C; with more groups than categories, groups
/// g and g + C share a station (their notes stay separate, on their own pages).
pub fn category_for(mode: Mode, group: usize, round: usize, categories: usize) -> usize {
    if categories == 0 {
        return 0;
    }
    match mode {
        Mode::Together => round % categories,
        Mode::Rotation => (group + round) % categories,
    }
}

/// The groups (0-based) working category `category` in `round`.
pub fn groups_at(
    mode: Mode,
    category: usize,
    round: usize,
    groups: usize,
    categories: usize,
) -> Vec<usize> {
    (0..groups)
        .filter(|&g| category_for(mode, g, round, categories) == category)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_has_five_steps_per_category_then_commitment_and_wrap_up() {
        let p = plan(6);
        assert_eq!(p.len(), 32);
        assert_eq!(
            p[0],
            PlanStep {
                kind: StepKind::Read,
                round: Some(0)
            }
        );
        assert_eq!(p[29].kind, StepKind::ShareEnhance);
        assert_eq!(p[29].round, Some(5));
        assert_eq!(p[30].kind, StepKind::Commitment);
        assert_eq!(p[31].kind, StepKind::WrapUp);
    }

    #[test]
    fn step_at_agrees_with_the_listed_plan_and_ends_after_the_wrap_up() {
        for categories in [0, 1, 6, 13] {
            let listed = plan(categories);
            assert_eq!(listed.len(), plan_len(categories));
            for (position, step) in listed.iter().enumerate() {
                assert_eq!(
                    step_at(categories, position),
                    Some(*step),
                    "{categories}/{position}"
                );
            }
            assert_eq!(step_at(categories, listed.len()), None);
        }
        // Absurd sizes saturate rather than overflow.
        assert_eq!(plan_len(usize::MAX), usize::MAX);
        assert!(step_at(usize::MAX, usize::MAX - 1).is_some());
    }

    #[test]
    fn rotation_with_5_groups_and_6_categories_never_shares_a_station() {
        for round in 0..6 {
            let stations: Vec<usize> = (0..5)
                .map(|g| category_for(Mode::Rotation, g, round, 6))
                .collect();
            let mut sorted = stations.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), 5, "round {round}: {stations:?}");
        }
    }

    #[test]
    fn rotation_visits_every_category_once_per_group() {
        for g in 0..6 {
            let mut seen: Vec<usize> = (0..6)
                .map(|r| category_for(Mode::Rotation, g, r, 6))
                .collect();
            seen.sort_unstable();
            assert_eq!(seen, vec![0, 1, 2, 3, 4, 5]);
        }
    }

    #[test]
    fn more_groups_than_categories_share_stations_pairwise() {
        // 8 groups, 6 categories: groups 1 & 7 and 2 & 8 (1-based) share a station each round.
        assert_eq!(groups_at(Mode::Rotation, 0, 0, 8, 6), vec![0, 6]);
        assert_eq!(groups_at(Mode::Rotation, 1, 0, 8, 6), vec![1, 7]);
        assert_eq!(groups_at(Mode::Rotation, 2, 0, 8, 6), vec![2]);
        assert_eq!(groups_at(Mode::Rotation, 0, 1, 8, 6), vec![5]);
    }

    #[test]
    fn together_puts_everyone_on_the_round_category() {
        assert_eq!(groups_at(Mode::Together, 2, 2, 4, 6), vec![0, 1, 2, 3]);
        assert_eq!(category_for(Mode::Together, 3, 4, 6), 4);
        assert_eq!(category_for(Mode::Rotation, 3, 4, 0), 0);
    }
}
