//! Content decks and activity scripts through the public library API: the shipped decks quote
//! the CPM documents with the right shape, every broken-file case gives its message with the right
//! line, and a trainer's folder with one bad file still loads the good ones.

use std::fs;
use std::path::Path;

use cpm_workshop::content::{
    Block, ContentError, DeckKind, DeckProblem, Library, Role, check_path, deck_to_text,
    parse_deck, read_deck_file,
};

/// The CPM documents the shipped content quotes, by the titles trainers know them by.
const DOCUMENT_TITLES: [&str; 5] = [
    "Overview of the California Child Welfare Core Practice Model (CPM)",
    "Core Practice Model: A Guiding Framework for Child Welfare Practice",
    "Core Practice Model Implementation Planning Guide",
    "ERP Toolkit – Principles",
    "What Do We Mean by “Integration” Relative to California’s Core Practice Model (CPM)?",
];

fn shipped(id: &str) -> cpm_workshop::content::Deck {
    Library::shipped()
        .deck(id)
        .unwrap_or_else(|| panic!("shipped deck {id}"))
        .clone()
}

#[test]
fn every_shipped_deck_parses_from_its_file_and_names_its_source() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    for id in ["practice", "leadership", "erp", "integration"] {
        let deck = read_deck_file(&root.join(format!("{id}.md"))).unwrap();
        assert_eq!(deck, shipped(id), "embedded copy of {id} matches the file");
        assert!(
            DOCUMENT_TITLES.iter().any(|t| deck.source.starts_with(t)),
            "{id} names its document by title: {}",
            deck.source
        );
        assert!(!deck.title.is_empty());
    }
    let library = Library::load(Some(&root)).unwrap();
    assert!(library.skipped.is_empty(), "{:?}", library.skipped);
    assert_eq!(library.decks().len(), 4);
}

#[test]
fn check_path_passes_on_the_shipped_folder() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let results = check_path(&root);
    assert_eq!(
        results.len(),
        6,
        "4 decks and 2 activity scripts: {results:?}"
    );
    for result in &results {
        assert!(result.is_ok(), "{result:?}");
    }
}

#[test]
fn practice_has_the_six_categories_in_order() {
    let deck = shipped("practice");
    assert_eq!(
        deck.category_names(),
        [
            "Foundational",
            "Engagement",
            "Assessment",
            "Teaming",
            "Service Planning & Delivery",
            "Transition"
        ]
    );
    let numbers: Vec<u32> = deck.behaviors().map(|b| b.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 10, 11, 12]);
    let foundational = deck.category("foundational").unwrap();
    assert_eq!(foundational.behaviors[0].items.len(), 4);
    assert_eq!(foundational.behaviors[1].items.len(), 2);
    let engagement = deck.category("Engagement").unwrap();
    assert!(matches!(
        &engagement.intro[0],
        Block::Paragraph(text) if text.starts_with("Family engagement is a family-centered")
    ));
    // One rule: a card borrows the leadership behaviors of the same name, labelled, and its
    // steps are worded for leadership behaviors; the others have none to read.
    let leadership = shipped("leadership");
    for name in ["Engagement", "Teaming"] {
        let card = deck.category(name).unwrap();
        let borrowed = leadership.category(name).unwrap();
        assert_eq!(card.behaviors, borrowed.behaviors, "{name}");
        assert_eq!(deck.kind_of(card), DeckKind::Leadership);
        let label = card.label.as_deref().unwrap_or_default();
        assert!(
            label.starts_with("Leadership behaviors:"),
            "{name}: {label}"
        );
        assert!(
            card.source
                .as_deref()
                .unwrap_or_default()
                .contains(&format!("\"{name} Behaviors for Leadership\""))
        );
    }
    assert_eq!(
        deck.categories_without_behaviors(),
        ["Assessment", "Service Planning & Delivery", "Transition"]
    );
    assert_eq!(deck.kind, DeckKind::Practice);
    for (id, kind) in [
        ("leadership", DeckKind::Leadership),
        ("erp", DeckKind::Principles),
        ("integration", DeckKind::Examples),
    ] {
        assert_eq!(shipped(id).kind, kind, "{id}");
    }
    // Text for the trainer never reaches a card or the opening page the room sees.
    let shown: Vec<&Block> = deck
        .intro
        .iter()
        .chain(deck.categories.iter().flat_map(|c| c.intro.iter()))
        .collect();
    for block in shown {
        let (Block::Paragraph(t) | Block::Bullet(t)) = block;
        assert!(!t.contains("trainer") && !t.contains("--content"), "{t}");
    }
    assert!(
        deck.intro.len() >= 3,
        "the opening page has the text before the categories"
    );
}

#[test]
fn leadership_has_16_behaviors_in_6_categories_with_every_item() {
    let deck = shipped("leadership");
    assert_eq!(
        deck.category_names(),
        [
            "Foundational",
            "Engagement",
            "Inquiry/Exploration",
            "Advocacy",
            "Teaming",
            "Accountability"
        ]
    );
    let numbers: Vec<u32> = deck.behaviors().map(|b| b.number).collect();
    assert_eq!(numbers, (1..=16).collect::<Vec<_>>());
    let per_category: Vec<usize> = deck.categories.iter().map(|c| c.behaviors.len()).collect();
    assert_eq!(per_category, [2, 4, 1, 2, 3, 4]);
    let items: Vec<usize> = deck.behaviors().map(|b| b.items.len()).collect();
    assert_eq!(items, [4, 2, 4, 3, 3, 2, 3, 1, 2, 1, 2, 3, 5, 4, 1, 1]);
    // Counted in the CPM Guiding Framework, singular "Supervisor:"/"Manager:"/"Director:" included.
    assert_eq!(deck.role_item_count(Role::Supervisors), 19);
    assert_eq!(deck.role_item_count(Role::Managers), 15);
    assert_eq!(deck.role_item_count(Role::Directors), 22);
    // The document's line broken across a page is joined.
    let last_of_15 = deck.behaviors().nth(14).unwrap().items[0].roles[2]
        .text
        .clone();
    assert_eq!(
        last_of_15,
        "Review the workload of the Department through regular supervision and through review of reports submitted outlining workload and staffing needs."
    );
    assert!(!deck_to_text(&deck).contains("**"));
}

#[test]
fn filtering_by_role_keeps_only_that_role() {
    let deck = shipped("leadership");
    let managers = deck.filtered_for(Some(Role::Managers));
    assert_eq!(managers.role_item_count(Role::Managers), 15);
    assert_eq!(managers.role_item_count(Role::Supervisors), 0);
    assert_eq!(managers.role_item_count(Role::Directors), 0);
    assert_eq!(managers.behavior_count(), 16);
    assert_eq!(deck.filtered_for(None), deck);
}

#[test]
fn erp_has_20_principles_in_5_stages() {
    let deck = shipped("erp");
    assert_eq!(
        deck.category_names(),
        [
            "Pre-Work",
            "Early Engagement",
            "Barrier Busting",
            "Stronger Together",
            "Sustaining Change"
        ]
    );
    let numbers: Vec<u32> = deck.behaviors().map(|b| b.number).collect();
    assert_eq!(numbers, (1..=20).collect::<Vec<_>>());
    let per_stage: Vec<usize> = deck.categories.iter().map(|c| c.behaviors.len()).collect();
    assert_eq!(per_stage, [5, 5, 4, 3, 3]);
    for behavior in deck.behaviors() {
        assert!(!behavior.body.is_empty(), "principle {}", behavior.number);
        assert!(behavior.items.is_empty());
    }
}

#[test]
fn integration_has_three_levels_with_examples() {
    let deck = shipped("integration");
    assert_eq!(
        deck.category_names(),
        [
            "Leadership/management levels",
            "Staff levels",
            "Cross-agency levels"
        ]
    );
    let bullets: Vec<usize> = deck
        .categories
        .iter()
        .map(|c| {
            c.intro
                .iter()
                .filter(|b| matches!(b, Block::Bullet(_)))
                .count()
        })
        .collect();
    assert_eq!(bullets, [4, 8, 7]);
}

#[test]
fn show_text_renders_role_items() {
    let text = deck_to_text(&shipped("leadership"));
    assert!(text.starts_with("Leadership behaviors\n====================\nSource: Core Practice Model: A Guiding Framework for Child Welfare Practice"));
    assert!(text.contains(
        "\n4. Engage staff in implementation and system improvement\n   a. Participate with staff"
    ));
    assert!(text.contains("\n      i. Supervisors: Participate on the CPM implementation team.\n"));
    // The document's own word, singular where it writes "Supervisor:".
    assert!(text.contains("\n      i. Supervisor: Gather information from staff and families"));
    assert!(
        text.contains("\n      ii. Manager: Under the direction of the child welfare director")
    );
}

/// The problem and line a deck text fails with.
fn fails_with(text: &str) -> (DeckProblem, usize, String) {
    match parse_deck("mine", Path::new("content/mine.md"), text) {
        Err(err @ ContentError::Deck { .. }) => {
            let shown = err.to_string();
            match err {
                ContentError::Deck { problem, line, .. } => (problem, line, shown),
                _ => unreachable!(),
            }
        }
        other => panic!("expected a deck error, got {other:?}"),
    }
}

#[test]
fn each_broken_deck_gives_its_message_and_line() {
    let cases: &[(&str, usize, &str)] = &[
        ("", 1, "file is empty"),
        ("Practice\nsource: s\n", 1, "missing title"),
        ("# T\n\n## C\nx\n", 3, "missing `source:` line"),
        (
            "# T\nsource: s\n## Teaming\nx\n## Teaming\ny\n",
            5,
            "category \"Teaming\" is already on line 3",
        ),
        (
            "# T\nsource: s\n## Empty\n## Next\nx\n",
            3,
            "category \"Empty\" is empty",
        ),
        ("# T\nsource: s\n##\nx\n", 3, "a category with no name"),
        (
            "# T\nsource: s\n## C\nIntro.\nc. x\n",
            5,
            "lettered item \"c.\" before any numbered behavior",
        ),
        (
            "# T\nsource: s\n## C\n1. B\ni. Supervisors: x\n",
            5,
            "sub-item \"i.\" before any lettered item",
        ),
        (
            "# T\nsource: s\n## C\n1. B\n2. C\n\n## D\n1. again\n1. and again\n",
            9,
            "behavior number 1 is already used on line 8",
        ),
        (
            "# T\nsource: s\n## C\nx\n### D\n",
            5,
            "`###` headings are not supported",
        ),
    ];
    for &(text, line, message) in cases {
        let (_, got_line, shown) = fails_with(text);
        assert_eq!(got_line, line, "{shown}");
        assert!(
            shown.starts_with(&format!("content/mine.md:{line}: {message}")),
            "{shown}"
        );
    }
}

#[test]
fn invalid_utf8_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.md");
    fs::write(&path, b"# T\nsource: s\n## Caf\xe9\n").unwrap();
    let err = read_deck_file(&path).unwrap_err();
    assert!(matches!(
        err,
        ContentError::InvalidUtf8 {
            line: 3,
            column: 7,
            offset: 20,
            ..
        }
    ));
    assert!(
        err.to_string().contains("latin1.md:3:7: not valid UTF-8"),
        "{err}"
    );
}

/// Refused from its size alone: the message names both sizes. (How fast is not a test's
/// business; the file is never read past the limit, see `content::files`.)
#[test]
fn a_50_mb_file_is_refused_naming_its_size_and_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.md");
    let file = fs::File::create(&path).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    drop(file);
    let err = read_deck_file(&path).unwrap_err();
    assert!(matches!(
        err,
        ContentError::TooLarge {
            size: 52_428_800,
            limit: 1_048_576,
            ..
        }
    ));
    let shown = err.to_string();
    assert!(
        shown.contains("huge.md: file is 50 MiB (52428800 bytes)"),
        "{shown}"
    );
    assert!(
        shown.contains("limited to 1 MiB (1048576 bytes)"),
        "{shown}"
    );
    let library = Library::load(Some(dir.path())).unwrap();
    assert_eq!(library.skipped.len(), 1);
}

#[test]
fn one_bad_file_does_not_hide_the_good_one() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("broken.md"),
        "# Broken\nsource: s\n## A\nx\n## A\ny\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("good.md"),
        "# Good deck\nsource: my handout\n## Only\n1. A behavior\n",
    )
    .unwrap();
    let library = Library::load(Some(dir.path())).unwrap();
    assert_eq!(
        library.deck("good").map(|d| d.title.as_str()),
        Some("Good deck")
    );
    assert!(library.deck("broken").is_none());
    assert_eq!(library.skipped.len(), 1);
    let skipped = library.skipped[0].to_string();
    assert!(
        skipped.ends_with(
            "broken.md:5: category \"A\" is already on line 3; category names must differ"
        ),
        "{skipped}"
    );
}

#[test]
fn an_override_replaces_a_shipped_deck() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("practice.md"),
        "# Our practice behaviors\nsource: county handout\n## Engagement\n1. Listen first\n",
    )
    .unwrap();
    let library = Library::load(Some(dir.path())).unwrap();
    assert_eq!(library.default_deck().title, "Our practice behaviors");
    assert_eq!(library.decks()[0].id, "practice");
    assert_eq!(library.decks().len(), 4);
}
