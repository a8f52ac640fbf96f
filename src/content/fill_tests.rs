use super::*;
use crate::content::embedded::SHIPPED_DECKS;
use crate::content::library::Library;

const DECK: &str = "# Practice\nsource: Guiding Framework\n// a comment kept as written\n\n## Foundational\n\n1. Be open\n   a. Listen\n\n## Assessment\nsource: Overview, Assessment\n\nAssessment is gathering information.\n\n## Transition\n\nTransition text.\n";

const PASTED: &str = "Assessment Behaviors\r\n1) Gather information from the family\r\n   • about strengths\r\n   • about needs and\r\n     concerns\r\nPage 3 of 9\r\n2) Share what you learn\r\n";

#[test]
fn the_pasted_behaviors_fill_only_that_category() {
    let filled = fill_category(DECK, "practice", "assessment", PASTED).unwrap();
    assert_eq!(filled.category, "Assessment");
    let assessment = filled.deck.category("Assessment").unwrap();
    let titles: Vec<&str> = assessment
        .behaviors
        .iter()
        .map(|b| b.title.as_str())
        .collect();
    assert_eq!(
        titles,
        ["Gather information from the family", "Share what you learn"]
    );
    let items: Vec<&str> = assessment.behaviors[0]
        .items
        .iter()
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(items, ["about strengths", "about needs and concerns"]);
    // The card keeps its own source and intro; the rest of the deck is as it was.
    assert_eq!(assessment.source.as_deref(), Some("Overview, Assessment"));
    assert_eq!(assessment.intro.len(), 1);
    let before = parse_deck("practice", Path::new("p.md"), DECK).unwrap();
    assert_eq!(filled.deck.categories[0], before.categories[0]);
    assert_eq!(filled.deck.categories[2], before.categories[2]);
    assert!(filled.text.contains("// a comment kept as written"));
    assert!(filled.text.find("2. Share").unwrap() < filled.text.find("## Transition").unwrap());
    // What was dropped is there for the preview.
    assert!(filled.imported.report().contains("Page 3 of 9"));
}

#[test]
fn a_filled_deck_file_reads_back_the_same_and_replaces_the_shipped_deck() {
    let shipped = SHIPPED_DECKS.iter().find(|d| d.id == "practice").unwrap();
    let empty = shipped.parse().unwrap();
    let name = empty.categories_without_behaviors()[0].to_string();
    let filled = fill_category(shipped.text, "practice", &name, "1. First\n2. Second\n").unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("practice.md"), &filled.text).unwrap();
    let library = Library::load(Some(dir.path())).unwrap();
    assert!(library.skipped.is_empty(), "{:?}", library.skipped);
    assert_eq!(library.deck("practice").unwrap(), &filled.deck);
    assert_eq!(
        library
            .deck("practice")
            .unwrap()
            .category(&name)
            .unwrap()
            .behaviors
            .len(),
        2
    );
    assert_eq!(
        library
            .decks()
            .iter()
            .filter(|d| d.id == "practice")
            .count(),
        1
    );
}

#[test]
fn a_paste_that_cannot_fill_says_why() {
    assert!(matches!(
        fill_category(DECK, "practice", "Foundational", "1. x\n"),
        Err(FillError::AlreadyFilled(name)) if name == "Foundational"
    ));
    assert!(matches!(
        fill_category(DECK, "practice", "Nowhere", "1. x\n"),
        Err(FillError::NoSuchCategory(_))
    ));
    assert!(matches!(
        fill_category(DECK, "practice", "Assessment", "\n  \n"),
        Err(FillError::Import(ImportError::NothingFound))
    ));
    assert_eq!(
        fill_category(DECK, "practice", "Assessment", "Just a sentence of text.\n").unwrap_err(),
        FillError::NoBehaviors
    );
    let two = "Engagement Behaviors\n1. One\nTeaming Behaviors\n1. Two\n";
    assert!(matches!(
        fill_category(DECK, "practice", "Assessment", two),
        Err(FillError::SeveralCategories(names)) if names.len() == 2
    ));
}
