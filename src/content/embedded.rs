//! The shipped content, compiled into the binary so it runs with no files beside it.

use std::path::{Path, PathBuf};

use super::activity::{SnapshotActivity, StickyActivity};
use super::deck::Deck;
use super::error::ContentError;
use super::parse::parse_deck;
use super::rounds::RoundsActivity;

/// A deck file shipped in `content/`.
pub struct ShippedDeck {
    /// The deck id (the file stem).
    pub id: &'static str,
    /// The file's text.
    pub text: &'static str,
}

/// The shipped decks, in the order the app lists them; `practice` is the default.
pub const SHIPPED_DECKS: [ShippedDeck; 4] = [
    ShippedDeck {
        id: "practice",
        text: include_str!("../../content/practice.md"),
    },
    ShippedDeck {
        id: "leadership",
        text: include_str!("../../content/leadership.md"),
    },
    ShippedDeck {
        id: "erp",
        text: include_str!("../../content/erp.md"),
    },
    ShippedDeck {
        id: "integration",
        text: include_str!("../../content/integration.md"),
    },
];

/// The id of the deck used when none is chosen.
pub const DEFAULT_DECK: &str = "practice";

/// The shipped sticky-note activity script.
pub const STICKY_JSON: &str = include_str!("../../content/activities/sticky.json");
/// The shipped discussion rounds script (the CPM Overview's "Questions for Discussion").
pub const DISCUSSION_JSON: &str = include_str!("../../content/activities/discussion.json");
/// The shipped values check script (the CPM Overview's "Values of CPM: We Believe…").
pub const VALUES_JSON: &str = include_str!("../../content/activities/values.json");
/// The shipped Snapshot warm-up script.
pub const SNAPSHOT_JSON: &str = include_str!("../../content/activities/snapshot.json");

impl ShippedDeck {
    /// The path shown in messages about this deck (`content/practice.md`).
    pub fn path(&self) -> PathBuf {
        Path::new("content").join(format!("{}.md", self.id))
    }

    /// Parses the shipped deck.
    pub fn parse(&self) -> Result<Deck, ContentError> {
        parse_deck(self.id, &self.path(), self.text)
    }
}

/// The shipped sticky-note script. It is validated by the test suite, so it cannot fail.
pub fn sticky() -> StickyActivity {
    StickyActivity::from_json(Path::new("content/activities/sticky.json"), STICKY_JSON)
        .expect("shipped content/activities/sticky.json is valid (tested)")
}

/// The shipped Snapshot script. It is validated by the test suite, so it cannot fail.
pub fn snapshot() -> SnapshotActivity {
    SnapshotActivity::from_json(Path::new("content/activities/snapshot.json"), SNAPSHOT_JSON)
        .expect("shipped content/activities/snapshot.json is valid (tested)")
}

/// The shipped decks, parsed. They are validated by the test suite, so this cannot fail.
pub fn decks() -> Vec<Deck> {
    SHIPPED_DECKS
        .iter()
        .map(|d| d.parse().expect("shipped decks are valid (tested)"))
        .collect()
}

/// The shipped discussion rounds script. It is validated by the test suite, so it cannot fail.
pub fn discussion() -> RoundsActivity {
    RoundsActivity::from_json(
        Path::new("content/activities/discussion.json"),
        DISCUSSION_JSON,
    )
    .expect("shipped content/activities/discussion.json is valid (tested)")
}

/// The shipped values check script. It is validated by the test suite, so it cannot fail.
pub fn values() -> RoundsActivity {
    RoundsActivity::from_json(Path::new("content/activities/values.json"), VALUES_JSON)
        .expect("shipped content/activities/values.json is valid (tested)")
}
