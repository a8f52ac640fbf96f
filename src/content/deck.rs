//! The in-memory shape of a deck: categories of behaviors, as a trainer reads them on a card.

use serde::{Deserialize, Serialize};

/// A leadership role that a role-specific item is addressed to (CPM Guiding Framework).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Supervisors,
    Managers,
    Directors,
}

impl Role {
    /// Every role, in the order the CPM Guiding Framework lists them.
    pub const ALL: [Role; 3] = [Role::Supervisors, Role::Managers, Role::Directors];

    /// The plural label used on screen and in deck files.
    pub fn label(self) -> &'static str {
        match self {
            Role::Supervisors => "Supervisors",
            Role::Managers => "Managers",
            Role::Directors => "Directors",
        }
    }

    /// Reads a role name as written in the CPM documents ("Supervisor", "Managers", …), any case.
    pub fn parse(word: &str) -> Option<Role> {
        match word.trim().to_ascii_lowercase().as_str() {
            "supervisor" | "supervisors" => Some(Role::Supervisors),
            "manager" | "managers" => Some(Role::Managers),
            "director" | "directors" => Some(Role::Directors),
            _ => None,
        }
    }
}

/// What a deck's (or one card's) numbered entries are, so the activity can word its steps to
/// fit: practice behaviors (the FACILITATOR NOTE's own wording), leadership behaviors,
/// principles or examples.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum DeckKind {
    #[default]
    Practice,
    Leadership,
    Principles,
    Examples,
}

impl DeckKind {
    /// Every kind, in the order the deck format documents them.
    pub const ALL: [DeckKind; 4] = [
        DeckKind::Practice,
        DeckKind::Leadership,
        DeckKind::Principles,
        DeckKind::Examples,
    ];

    /// The word written after `kind:` in a deck file.
    pub fn word(self) -> &'static str {
        match self {
            DeckKind::Practice => "practice",
            DeckKind::Leadership => "leadership",
            DeckKind::Principles => "principles",
            DeckKind::Examples => "examples",
        }
    }

    /// Reads the word after `kind:`, any case.
    pub fn parse(word: &str) -> Option<DeckKind> {
        DeckKind::ALL
            .into_iter()
            .find(|k| k.word().eq_ignore_ascii_case(word.trim()))
    }
}

/// A block of free text on a card: a paragraph or a bullet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "text")]
pub enum Block {
    Paragraph(String),
    Bullet(String),
}

/// A sub-item under a lettered item (`i. …`), addressed to a role when it starts with one
/// (`i. Supervisor: …`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleItem {
    /// The roman numeral as written (`i`, `ii`, …).
    pub numeral: String,
    /// The role it is for; `None` for a plain sub-item, which every role sees.
    pub role: Option<Role>,
    /// The role word exactly as the deck writes it ("Supervisor" or "Supervisors"), so the card
    /// shows the document's word; empty for a plain sub-item.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role_word: String,
    pub text: String,
}

/// A lettered item under a numbered behavior (`a. …`), or a bullet written in its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// The letter as written, or the letter its place gives a bulleted item.
    pub letter: char,
    /// Written as a bullet (`-`, `*`, `•`) rather than a letter; shown the way it was written.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub bulleted: bool,
    pub text: String,
    pub roles: Vec<RoleItem>,
}

impl Item {
    /// The marker as the card shows it: `a.` or `•`.
    pub fn marker(&self) -> String {
        if self.bulleted {
            "•".to_string()
        } else {
            format!("{}.", self.letter)
        }
    }
}

impl RoleItem {
    /// The text with its role word in front (`Supervisor: …`), as the document writes it.
    pub fn labelled_text(&self) -> String {
        if self.role.is_some() && !self.role_word.is_empty() {
            format!("{}: {}", self.role_word, self.text)
        } else {
            self.text.clone()
        }
    }
}

/// A numbered behavior or principle (`1. …`), with its body text and lettered items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Behavior {
    pub number: u32,
    pub title: String,
    pub body: Vec<Block>,
    pub items: Vec<Item>,
}

/// One category card (`## …`): the unit a group works on in a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub name: String,
    /// Where this card's wording comes from, when it differs from the deck's source.
    pub source: Option<String>,
    /// A line in this app's voice shown at the top of the card (`label:`), e.g. to say its
    /// behaviors are borrowed from the leadership behaviors; never CPM wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// What this card's entries are when it differs from the deck's kind (`kind:`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DeckKind>,
    /// Text before the first numbered behavior (definitions, context, notes to the trainer).
    pub intro: Vec<Block>,
    pub behaviors: Vec<Behavior>,
}

/// A deck: the categories a sticky-note activity walks through, with its source named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deck {
    /// The file stem, e.g. `practice`; how sessions and the command line refer to the deck.
    pub id: String,
    pub title: String,
    pub source: String,
    /// What the deck's entries are (`kind:`; practice behaviors when not given).
    #[serde(default)]
    pub kind: DeckKind,
    /// Text after the title and before the first category: the deck's opening page.
    pub intro: Vec<Block>,
    pub categories: Vec<Category>,
}

impl Deck {
    /// The category names in order.
    pub fn category_names(&self) -> Vec<String> {
        self.categories.iter().map(|c| c.name.clone()).collect()
    }

    /// What a card's entries are: its own `kind:`, else the deck's.
    pub fn kind_of(&self, category: &Category) -> DeckKind {
        category.kind.unwrap_or(self.kind)
    }

    /// The categories a round would have nothing to read on: no numbered behaviors.
    pub fn categories_without_behaviors(&self) -> Vec<&str> {
        self.categories
            .iter()
            .filter(|c| c.behaviors.is_empty())
            .map(|c| c.name.as_str())
            .collect()
    }

    /// Finds a category by name, ignoring case.
    pub fn category(&self, name: &str) -> Option<&Category> {
        self.categories
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(name))
    }
}

impl Deck {
    /// The same deck with role items for other roles removed; `None` keeps every role item.
    pub fn filtered_for(&self, role: Option<Role>) -> Deck {
        let mut deck = self.clone();
        if let Some(role) = role {
            for item in deck
                .categories
                .iter_mut()
                .flat_map(|c| c.behaviors.iter_mut())
                .flat_map(|b| b.items.iter_mut())
            {
                item.roles.retain(|r| r.role.is_none_or(|r| r == role));
            }
        }
        deck
    }

    /// Every numbered behavior in the deck, in order.
    pub fn behaviors(&self) -> impl Iterator<Item = &Behavior> {
        self.categories.iter().flat_map(|c| c.behaviors.iter())
    }

    /// How many numbered behaviors the deck holds.
    pub fn behavior_count(&self) -> usize {
        self.behaviors().count()
    }

    /// How many role items are addressed to `role`.
    pub fn role_item_count(&self, role: Role) -> usize {
        self.behaviors()
            .flat_map(|b| b.items.iter())
            .flat_map(|i| i.roles.iter())
            .filter(|r| r.role == Some(role))
            .count()
    }

    /// Whether any item is marked for a role (so offering a role filter makes sense).
    pub fn has_role_items(&self) -> bool {
        self.behaviors()
            .flat_map(|b| b.items.iter())
            .any(|i| i.roles.iter().any(|r| r.role.is_some()))
    }
}
