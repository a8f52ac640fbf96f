//! Import of text pasted from PDF and Word handouts: what is recognised, joined and dropped, and
//! that the deck written always loads.

use super::*;
use crate::content::Role;

/// The way text comes out of a PDF: a running header on every page, page numbers, a heading
/// line, titles and items broken across lines, Symbol-font bullets, `1)` and `(i)` markers.
const FROM_PDF: &str = "\
CORE PRACTICE MODEL
A Guiding Framework for Child Welfare Practice

Foundational Behaviors

1. Be open, honest, clear and respectful in your
communications
\u{f0b7} Use language and body language that demonstrate an accepting and affirming approach to all staff.
\u{f0b7} Address individuals in person and in writing by the name, title and pronouns they

request.

2
CORE PRACTICE MODEL
2. Be Accountable
\u{f0b7} Model accountability and trust by doing what you say you're going to do.
\u{f0b7} Be aware of and take responsibility for your own biases.

Engagement Behaviors
1) Create a learning environment
a) Demonstrate commitment to the professional development of staff
(i) Directors: Ensure staff at all levels have the training they need.
(ii) Supervisor: Participate on the CPM implementation team.
b) Create a learning environment in which mistakes are seen as opportunities to learn and grow.
\u{5f5}
Page 3 of 4
";

/// The behavior titles of a category, in order.
fn titles(c: &crate::content::Category) -> Vec<&str> {
    c.behaviors.iter().map(|b| b.title.as_str()).collect()
}

fn import(text: &str) -> Imported {
    import_text(
        text,
        "Leadership handout",
        Some("My county's leadership handout, 2024"),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn pdf_text_becomes_categories_behaviors_and_items() {
    let got = import(FROM_PDF);
    let deck = &got.deck;
    assert_eq!(deck.title, "Leadership handout");
    assert_eq!(deck.source, "My county's leadership handout, 2024");
    assert_eq!(deck.category_names(), ["Foundational", "Engagement"]);
    let foundational = &deck.categories[0];
    assert_eq!(
        titles(foundational),
        [
            "Be open, honest, clear and respectful in your communications",
            "Be Accountable"
        ]
    );
    assert_eq!(
        foundational.behaviors[0].items[1].text,
        "Address individuals in person and in writing by the name, title and pronouns they request."
    );
    assert_eq!(foundational.behaviors[1].items.len(), 2);
    let engagement = &deck.categories[1];
    assert_eq!(
        engagement.behaviors[0].number, 1,
        "numbering restarts per category"
    );
    let roles = &engagement.behaviors[0].items[0].roles;
    assert_eq!(roles[0].role, Some(Role::Directors));
    assert_eq!(roles[1].role_word, "Supervisor");
    assert_eq!(engagement.behaviors[0].items.len(), 2);
    assert_eq!(
        deck.intro,
        vec![crate::content::Block::Paragraph(
            "A Guiding Framework for Child Welfare Practice".into()
        )]
    );
}

#[test]
fn page_furniture_is_dropped_and_listed() {
    let got = import(FROM_PDF);
    let dropped: Vec<(usize, &str, DropReason)> = got
        .dropped
        .iter()
        .map(|(n, t, why)| (*n, t.as_str(), *why))
        .collect();
    assert_eq!(
        dropped,
        [
            (1, "CORE PRACTICE MODEL", DropReason::RunningHeader),
            (13, "2", DropReason::PageNumber),
            (14, "CORE PRACTICE MODEL", DropReason::RunningHeader),
            (25, "\u{5f5}", DropReason::StrayGlyphs),
            (26, "Page 3 of 4", DropReason::PageNumber),
        ]
    );
    let report = got.report();
    assert!(report.starts_with(
        "Recognised 2 categories, 3 behaviors, 6 items, 2 sub-items:\n  Foundational: 2 behaviors, 4 items\n"
    ), "{report}");
    assert!(report.contains(
        "Dropped 5 lines:\n  line 1: \"CORE PRACTICE MODEL\" (running header or footer)\n"
    ));
    assert!(
        report.contains("  line 26: \"Page 3 of 4\" (page number)\n"),
        "{report}"
    );
    assert!(report.contains("Joined 2 broken lines"), "{report}");
}

#[test]
fn the_written_deck_reads_back_the_same() {
    let got = import(FROM_PDF);
    let again = parse_deck("imported", Path::new("x.md"), &got.text).unwrap();
    assert_eq!(again, got.deck);
    assert!(
        got.text
            .starts_with("# Leadership handout\nsource: My county's leadership handout, 2024\n")
    );
    assert!(got.text.contains("\n1. Create a learning environment\n   a. Demonstrate commitment to the professional development of staff\n      i. Directors: Ensure"), "{}", got.text);
}

#[test]
fn word_bullets_with_sub_bullets_become_numbered_behaviors_and_items() {
    let text = "\u{feff}Engagement Behaviors\r\n\r\n\u{2022}\tIntroduce yourself and explain your role\r\n\to\tUse the family\u{2019}s own words\r\n\to\tAsk how they want to be\r\n\taddressed\r\n\u{2022}\tListen before you advise\r\n";
    let got = import(text);
    let c = &got.deck.categories[0];
    assert_eq!(c.name, "Engagement");
    let b: Vec<(u32, &str, usize)> = c
        .behaviors
        .iter()
        .map(|b| (b.number, b.title.as_str(), b.items.len()))
        .collect();
    assert_eq!(
        b,
        [
            (1, "Introduce yourself and explain your role", 2),
            (2, "Listen before you advise", 0)
        ]
    );
    assert_eq!(
        c.behaviors[0].items[1].text,
        "Ask how they want to be addressed"
    );
}

#[test]
fn a_marker_alone_on_its_line_takes_the_next_line() {
    let text = "Transition\n\n1.\nPlan transitions with the family\n2.\nExplain each change\n";
    let got = import(text);
    assert_eq!(
        titles(&got.deck.categories[0]),
        ["Plan transitions with the family", "Explain each change"]
    );
    assert_eq!(got.joined, 0);
}

#[test]
fn numbers_that_go_back_within_a_category_are_renumbered_and_said() {
    let text = "Teaming Behaviors\n1. One\n2. Two\n2. Two again\n1. One again\n";
    let got = import(text);
    let numbers: Vec<u32> = got.deck.behaviors().map(|b| b.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
    assert_eq!(got.renumbered, 2);
    assert!(got.report().contains("Renumbered 2 behaviors"));
}

#[test]
fn behaviors_with_no_heading_go_in_one_category_named_by_the_title() {
    let got = import_text("1. First\n2. Second\n", "My deck", None).unwrap();
    assert_eq!(got.deck.category_names(), ["My deck"]);
    assert!(got.deck.source.contains("source not named"));
}

#[test]
fn a_source_line_in_the_paste_is_used_when_none_is_given() {
    let got = import_text(
        "Source: County handout p. 4\nEngagement\n1. One\n",
        "T",
        None,
    )
    .unwrap();
    assert_eq!(got.deck.source, "County handout p. 4");
}

#[test]
fn empty_and_unusable_input_is_refused_with_a_reason() {
    assert_eq!(
        import_text("1. x", "  ", None).unwrap_err(),
        ImportError::EmptyTitle
    );
    assert_eq!(
        import_text("\n 4 \nPage 2\n\n", "T", None).unwrap_err(),
        ImportError::NothingFound
    );
}

#[test]
fn a_heading_with_nothing_under_it_is_dropped_and_listed() {
    let got = import("Assessment Behaviors\n\nTeaming Behaviors\n1. Team up\n");
    assert_eq!(got.deck.category_names(), ["Teaming"]);
    assert_eq!(
        got.dropped,
        [(
            1,
            "Assessment Behaviors".to_string(),
            DropReason::EmptyHeading
        )]
    );
}

#[test]
fn control_characters_are_removed_and_counted() {
    let got = import("Teaming\n1. Team\u{1b}[31m up\u{202e}\n");
    assert_eq!(got.deck.behaviors().next().unwrap().title, "Team[31m up");
    assert_eq!(got.removed_characters, 2);
}

#[test]
fn text_the_loader_would_misread_is_kept_as_text() {
    let got = import("#hashtag opening\n\nTeaming\n1. Team\n");
    assert_eq!(
        got.deck.intro,
        vec![crate::content::Block::Paragraph(
            "(Text) #hashtag opening".into()
        )]
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_paste_either_imports_to_a_loading_deck_or_says_why(text in "(\\PC|\n|\t|\r){0,600}") {
            match import_text(&text, "T", None) {
                Ok(got) => {
                    let again = parse_deck("imported", Path::new("x.md"), &got.text);
                    prop_assert_eq!(again.as_ref(), Ok(&got.deck));
                }
                Err(ImportError::NothingFound) => {}
                Err(other) => prop_assert!(false, "{other}"),
            }
        }

        #[test]
        fn outline_shaped_pastes_always_import(lines in prop::collection::vec(prop_oneof![
            Just(String::new()),
            Just("Engagement Behaviors".to_string()),
            Just("TEAMING".to_string()),
            Just("3".to_string()),
            "[0-9]{1,2}[.)]? ?[A-Za-z ]{0,12}",
            "\\(?[a-z]{1,3}[.)] ?[A-Za-z: ]{0,12}",
            "[-*•\u{f0b7}o] ?[a-z ]{0,10}",
            "[ \t]{0,4}[A-Za-z ,.]{0,20}",
        ], 0..40)) {
            let text = lines.join("\n");
            match import_text(&text, "T", None) {
                Ok(got) => prop_assert!(!got.deck.categories.is_empty()),
                Err(ImportError::NothingFound) => {}
                Err(other) => prop_assert!(false, "{other}\n{text}"),
            }
        }
    }
}

#[test]
fn a_title_page_opens_the_deck_and_subtitles_stay_their_own_paragraph() {
    let text = "CORE PRACTICE MODEL\nA Guiding Framework\n\nPRE-WORK\n\nPreparing to Share CPM\n\nThe following principles are important when\n\nleaders prepare.\n\n1 Model CPM behaviors\n";
    let got = import(text);
    assert_eq!(got.deck.category_names(), ["PRE-WORK"]);
    assert_eq!(
        got.deck.intro,
        vec![
            crate::content::Block::Paragraph("CORE PRACTICE MODEL".into()),
            crate::content::Block::Paragraph("A Guiding Framework".into()),
        ]
    );
    assert_eq!(
        got.deck.categories[0].intro,
        vec![
            crate::content::Block::Paragraph("Preparing to Share CPM".into()),
            crate::content::Block::Paragraph(
                "The following principles are important when leaders prepare.".into()
            ),
        ]
    );
    assert_eq!(
        got.deck.categories[0].behaviors[0].title,
        "Model CPM behaviors"
    );
}
