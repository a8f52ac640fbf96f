//! Round-based activities as data: a list of items (questions for discussion, CPM values), each
//! taken through the same few steps (talk in groups, share with the room, a show of hands). The
//! discussion rounds and the values check are two scripts of this one shape, so a trainer can
//! write the next one as a file in `activities/` without new screens.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::deck::Deck;
use super::error::{ActivityProblem, ContentError};

/// The most marks (show-of-hands choices) a script may have: one key each, 1–9.
pub const MAX_MARKS: usize = 9;

/// The most items a session may have (a workshop's worth of rounds, and the keys to reach them).
pub const MAX_ITEMS: usize = 60;

/// The items a deck file gives a rounds activity: its numbered entries' titles, category by
/// category, in order (a trainer writes `1. What worked?`, `2. ? What worries you?` under any
/// `##` heading; `content import` makes such a file from a pasted list). A deck with no numbered
/// entries, or too many, is refused with what to do.
pub fn items_from_deck(deck: &Deck, item_word: &str) -> Result<Vec<String>, String> {
    let items: Vec<String> = deck.behaviors().map(|b| b.title.clone()).collect();
    if items.is_empty() {
        return Err(format!(
            "deck {:?} has no numbered entries to use as {item_word}s: write each {item_word} as \"1. …\", \"2. …\" under a \"## …\" heading",
            deck.id
        ));
    }
    if items.len() > MAX_ITEMS {
        return Err(format!(
            "deck {:?} has {} numbered entries; a session takes at most {MAX_ITEMS} {item_word}s",
            deck.id,
            items.len()
        ));
    }
    Ok(items)
}

/// What one step of a round does; the screens and exports are generic over these three.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundStepKind {
    /// A timed round in which the groups talk; the scribe types notes by group.
    Discuss,
    /// Each group shares with the room; notes can still be added.
    Share,
    /// A show of hands (or dots) per mark, drawn as bars.
    Mark,
}

impl RoundStepKind {
    /// The word used in activity files.
    pub fn word(self) -> &'static str {
        match self {
            RoundStepKind::Discuss => "discuss",
            RoundStepKind::Share => "share",
            RoundStepKind::Mark => "mark",
        }
    }
}

/// A script of rounds: the items, the steps each item goes through, and the marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundsActivity {
    pub title: String,
    /// Where the items are quoted from and which parts are this app's design.
    pub source: String,
    /// What an item is called on screen ("question", "value").
    pub item_word: String,
    /// The opening page's paragraphs.
    #[serde(default)]
    pub intro: Vec<String>,
    /// The items a new session starts with (the set-up or a deck file can replace them).
    pub items: Vec<ItemScript>,
    /// The steps every item goes through, in order.
    pub steps: Vec<RoundStepScript>,
    /// The choices of a mark step, e.g. "Lived every day", "Needs strengthening".
    #[serde(default)]
    pub marks: Vec<String>,
}

/// One item of a script, quoted from its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemScript {
    pub text: String,
    pub source: String,
    /// Every note under this item is a worry or question to follow up.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub follow_up: bool,
}

/// One step of a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundStepScript {
    pub kind: RoundStepKind,
    pub label: String,
    pub instruction: String,
    /// The countdown's length; `None` for an untimed step.
    #[serde(default)]
    pub default_seconds: Option<u32>,
}

impl RoundsActivity {
    /// Parses and validates a rounds script.
    pub fn from_json(file: &Path, text: &str) -> Result<RoundsActivity, ContentError> {
        super::activity::from_json(file, text, RoundsActivity::validate)
    }

    /// Checks that there is something to run and that mark steps have marks to count.
    pub fn validate(&self) -> Result<(), ActivityProblem> {
        use super::activity::{clean, non_empty};
        non_empty("title", &self.title)?;
        non_empty("source", &self.source)?;
        non_empty("item_word", &self.item_word)?;
        for (i, text) in self.intro.iter().enumerate() {
            clean(&format!("intro[{i}]"), text)?;
        }
        if self.items.is_empty() {
            return Err(ActivityProblem::NoItems);
        }
        for (i, item) in self.items.iter().enumerate() {
            non_empty(&format!("items[{i}].text"), &item.text)?;
            non_empty(&format!("items[{i}].source"), &item.source)?;
        }
        if self.steps.is_empty() {
            return Err(ActivityProblem::NoSteps);
        }
        for (i, step) in self.steps.iter().enumerate() {
            non_empty(&format!("steps[{i}].label"), &step.label)?;
            non_empty(&format!("steps[{i}].instruction"), &step.instruction)?;
            if step.default_seconds == Some(0) {
                return Err(ActivityProblem::ZeroCount(format!(
                    "steps[{i}].default_seconds"
                )));
            }
        }
        let marks = self.steps.iter().any(|s| s.kind == RoundStepKind::Mark);
        if marks && self.marks.is_empty() {
            return Err(ActivityProblem::NoMarks);
        }
        if self.marks.len() > MAX_MARKS {
            return Err(ActivityProblem::TooManyMarks {
                len: self.marks.len(),
                max: MAX_MARKS,
            });
        }
        for (i, mark) in self.marks.iter().enumerate() {
            non_empty(&format!("marks[{i}]"), mark)?;
        }
        Ok(())
    }

    /// The default item texts.
    pub fn item_texts(&self) -> Vec<String> {
        self.items.iter().map(|i| i.text.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::embedded;

    fn discussion() -> RoundsActivity {
        embedded::discussion()
    }

    #[test]
    fn shipped_discussion_quotes_the_overviews_four_questions() {
        let a = discussion();
        assert_eq!(
            a.item_texts(),
            [
                "What have you heard about the Core Practice Model that you value?",
                "In what ways do you think it might lead to improved child welfare casework in California?",
                "Do you have any worries about CPM?",
                "Any questions about CPM?",
            ]
        );
        let follow: Vec<bool> = a.items.iter().map(|i| i.follow_up).collect();
        assert_eq!(follow, [false, false, true, true]);
        for item in &a.items {
            assert!(item.source.contains("\"Questions for Discussion\""));
        }
        let kinds: Vec<RoundStepKind> = a.steps.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [RoundStepKind::Discuss, RoundStepKind::Share]);
    }

    #[test]
    fn shipped_values_split_the_line_the_extraction_ran_together() {
        let a = embedded::values();
        let texts = a.item_texts();
        assert_eq!(texts.len(), 11);
        let listening = texts
            .iter()
            .position(|t| t == "Listening to Families to Learn About Culture & Community")
            .expect("listening is its own value");
        assert_eq!(texts[listening + 1], "Families Can Grow & Change");
        assert!(!texts.iter().any(|t| t.contains("Community Families")));
        assert_eq!(a.marks, ["Lived every day", "Needs strengthening"]);
        assert_eq!(a.steps[0].kind, RoundStepKind::Mark);
    }

    #[test]
    fn a_deck_file_gives_its_numbered_entries_as_items() {
        let text = "# Forum questions\nsource: our own\n## Opening\n1. What worked?\n2. ? What worries you?\n## Closing\n3. What next?\n";
        let deck = crate::content::parse_deck("forum", Path::new("forum.md"), text).unwrap();
        assert_eq!(
            items_from_deck(&deck, "question").unwrap(),
            ["What worked?", "? What worries you?", "What next?"]
        );
        let none = "# Empty\nsource: x\n## Only text\nA paragraph.\n";
        let deck = crate::content::parse_deck("empty", Path::new("empty.md"), none).unwrap();
        let err = items_from_deck(&deck, "question").unwrap_err();
        assert!(
            err.contains("no numbered entries to use as questions"),
            "{err}"
        );
    }

    #[test]
    fn refuses_scripts_that_cannot_run() {
        let path = Path::new("activities/mine.json");
        let mut a = discussion();
        a.items.clear();
        assert_eq!(a.validate(), Err(ActivityProblem::NoItems));
        let mut a = discussion();
        a.steps.clear();
        assert_eq!(a.validate(), Err(ActivityProblem::NoSteps));
        let mut a = discussion();
        a.steps[0].kind = RoundStepKind::Mark;
        assert_eq!(a.validate(), Err(ActivityProblem::NoMarks));
        let mut a = embedded::values();
        a.marks = (0..10).map(|i| format!("m{i}")).collect();
        assert_eq!(
            a.validate(),
            Err(ActivityProblem::TooManyMarks { len: 10, max: 9 })
        );
        let mut a = discussion();
        a.steps[1].default_seconds = Some(0);
        assert!(
            matches!(a.validate(), Err(ActivityProblem::ZeroCount(f)) if f.contains("steps[1]"))
        );
        let err = RoundsActivity::from_json(path, "{\"title\": 3}").unwrap_err();
        assert!(
            err.to_string().starts_with("activities/mine.json:1:"),
            "{err}"
        );
        let mut a = discussion();
        a.items[2].text = "bad\u{1b}[2J".into();
        assert!(matches!(
            a.validate(),
            Err(ActivityProblem::ControlCharacter { field, .. }) if field == "items[2].text"
        ));
    }
}
