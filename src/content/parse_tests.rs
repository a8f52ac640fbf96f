//! Unit tests for the deck parser: the format, every error case and its line, and no panics.

use super::*;
use proptest::prelude::*;

const FILE: &str = "content/mine.md";

fn parse(text: &str) -> Result<Deck, ContentError> {
    parse_deck("mine", Path::new(FILE), text)
}

/// The problem and line of a parse error.
fn problem(text: &str) -> (DeckProblem, usize) {
    match parse(text) {
        Err(ContentError::Deck { problem, line, .. }) => (problem, line),
        other => panic!("expected a deck error, got {other:?}"),
    }
}

fn message(text: &str) -> String {
    parse(text).unwrap_err().to_string()
}

const GOOD: &str = "\
# Practice behaviors
source: CPM Overview, CPM Practice Behaviors
Deck intro that is
wrapped over two lines.

- a deck bullet
// a comment between things
## Foundational
source: Guiding Framework, \"Foundational Behaviors\"
Card intro.
1. Be open, honest, clear and respectful in your communications
   Body paragraph
   continued.

   Second body paragraph.
   a. Use language and body language
      that demonstrate an accepting approach.
   b. Address individuals
      i. Supervisors: Participate on the CPM implementation team.
      ii. manager: Create implementation teams
          for CPM.
      iii. DIRECTOR: Establish goals.
## Teaming
3. Build partnerships
a. Develop partnerships
i. Directors: Meet with the Court.
v. Directors: fifth.
";

#[test]
fn parses_every_level() {
    let deck = parse(GOOD).unwrap();
    assert_eq!(deck.id, "mine");
    assert_eq!(deck.title, "Practice behaviors");
    assert_eq!(deck.source, "CPM Overview, CPM Practice Behaviors");
    assert_eq!(
        deck.intro,
        vec![
            Block::Paragraph("Deck intro that is wrapped over two lines.".into()),
            Block::Bullet("a deck bullet".into()),
        ]
    );
    assert_eq!(deck.category_names(), ["Foundational", "Teaming"]);
    let found = &deck.categories[0];
    assert_eq!(
        found.source.as_deref(),
        Some("Guiding Framework, \"Foundational Behaviors\"")
    );
    assert_eq!(found.intro, vec![Block::Paragraph("Card intro.".into())]);
    let b = &found.behaviors[0];
    assert_eq!(b.number, 1);
    assert_eq!(
        b.title,
        "Be open, honest, clear and respectful in your communications"
    );
    assert_eq!(
        b.body,
        vec![
            Block::Paragraph("Body paragraph continued.".into()),
            Block::Paragraph("Second body paragraph.".into()),
        ]
    );
    assert_eq!(b.items.len(), 2);
    assert_eq!(b.items[0].letter, 'a');
    assert_eq!(
        b.items[0].text,
        "Use language and body language that demonstrate an accepting approach."
    );
    let roles = &b.items[1].roles;
    assert_eq!(roles.len(), 3);
    assert_eq!(roles[0].numeral, "i");
    assert_eq!(roles[0].role, Role::Supervisors);
    assert_eq!(roles[1].role, Role::Managers);
    assert_eq!(roles[1].text, "Create implementation teams for CPM.");
    assert_eq!(roles[2].role, Role::Directors);
    let teaming = &deck.categories[1];
    assert_eq!(teaming.source, None);
    assert_eq!(teaming.behaviors[0].number, 3);
    let roles = &teaming.behaviors[0].items[0].roles;
    assert_eq!(roles.len(), 2);
    assert_eq!(roles[1].numeral, "v");
}

#[test]
fn single_roman_letters_without_a_role_are_lettered_items() {
    let text = "# T\nsource: s\n## C\n1. B\na. one\nh. eight\ni. ninth letter\nv. Caseworkers: not a role\nx. ten\n";
    let deck = parse(text).unwrap();
    let letters: Vec<char> = deck.categories[0].behaviors[0]
        .items
        .iter()
        .map(|i| i.letter)
        .collect();
    assert_eq!(letters, ['a', 'h', 'i', 'v', 'x']);
    assert_eq!(
        deck.categories[0].behaviors[0].items[3].text,
        "Caseworkers: not a role"
    );
}

#[test]
fn plain_text_that_looks_a_bit_like_a_marker_stays_text() {
    let text = "# T\nsource: s\n## C\netc. and so on\ne.g. this\n1.5 hours\nA. capital\n";
    let deck = parse(text).unwrap();
    assert_eq!(
        deck.categories[0].intro,
        vec![Block::Paragraph(
            "etc. and so on e.g. this 1.5 hours A. capital".into()
        )]
    );
}

#[test]
fn crlf_bom_and_tabs_are_fine() {
    let text = "\u{feff}# T\r\nsource: s\r\n## C\r\n1.\tB\r\n\ta. item\r\n";
    let deck = parse(text).unwrap();
    assert_eq!(deck.title, "T");
    assert_eq!(deck.categories[0].behaviors[0].title, "B");
    assert_eq!(deck.categories[0].behaviors[0].items[0].text, "item");
}

#[test]
fn lettered_item_before_any_behavior() {
    let text = "# T\nsource: s\n## C\nIntro.\n\nc. Oops\n";
    assert_eq!(
        message(text),
        "content/mine.md:6: lettered item \"c.\" before any numbered behavior"
    );
}

#[test]
fn lettered_item_in_a_new_category_needs_its_own_behavior() {
    let text = "# T\nsource: s\n## A\n1. B\n## C\na. item\n";
    assert_eq!(
        problem(text),
        (
            DeckProblem::LetteredBeforeBehavior {
                marker: "a.".into()
            },
            6
        )
    );
}

#[test]
fn role_item_before_any_lettered_item() {
    let text = "# T\nsource: s\n## C\n1. B\n   ii. Supervisors: x\n";
    assert_eq!(
        message(text),
        "content/mine.md:5: role item \"ii.\" before any lettered item"
    );
}

#[test]
fn unknown_role_word() {
    let text = "# T\nsource: s\n## C\n1. B\na. I\n   ii. Caseworkers: x\n";
    assert_eq!(
        problem(text),
        (
            DeckProblem::UnknownRole {
                word: "Caseworkers".into()
            },
            6
        )
    );
    assert!(message(text).contains("Supervisors, Managers or Directors"));
}

#[test]
fn roman_numeral_without_a_role() {
    let text = "# T\nsource: s\n## C\n1. B\na. I\niii. just text\n";
    assert_eq!(
        problem(text),
        (
            DeckProblem::RoleItemWithoutRole {
                marker: "iii.".into()
            },
            6
        )
    );
}

#[test]
fn missing_title() {
    let text = "\n\nsource: s\n## C\nx\n";
    assert_eq!(problem(text), (DeckProblem::MissingTitle, 3));
    assert_eq!(
        message(text),
        "content/mine.md:3: missing title: the first line must be the deck title, written `# Title`"
    );
}

#[test]
fn empty_title() {
    assert_eq!(problem("#\nsource: s\n"), (DeckProblem::EmptyTitle, 1));
}

#[test]
fn second_title() {
    let text = "# T\nsource: s\n## C\nx\n# Again\n";
    assert_eq!(
        problem(text),
        (DeckProblem::SecondTitle { first_line: 1 }, 5)
    );
}

#[test]
fn deeper_headings_are_refused() {
    let text = "# T\nsource: s\n## C\nx\n### Sub\n";
    assert_eq!(
        problem(text),
        (
            DeckProblem::UnsupportedHeading {
                marker: "###".into()
            },
            5
        )
    );
    assert!(message(text).contains("`###` headings are not supported"));
}

#[test]
fn heading_without_a_space() {
    let text = "# T\nsource: s\n##C\nx\n";
    assert_eq!(
        problem(text),
        (
            DeckProblem::HeadingNeedsSpace {
                marker: "##".into()
            },
            3
        )
    );
}

#[test]
fn missing_source() {
    let text = "# T\nIntro.\n\n## C\nx\n";
    assert_eq!(problem(text), (DeckProblem::MissingSource, 4));
    assert!(message(text).starts_with("content/mine.md:4: missing `source:` line"));
}

#[test]
fn missing_source_without_categories() {
    assert_eq!(problem("# T\nIntro.\n"), (DeckProblem::MissingSource, 2));
}

#[test]
fn empty_and_duplicate_sources() {
    assert_eq!(problem("# T\nsource:   \n"), (DeckProblem::EmptySource, 2));
    assert_eq!(
        problem("# T\nsource: a\nSOURCE: b\n"),
        (DeckProblem::DuplicateSource { first_line: 2 }, 3)
    );
    assert_eq!(
        problem("# T\nsource: a\n## C\nsource: b\nx\nsource: c\n"),
        (DeckProblem::DuplicateSource { first_line: 4 }, 6)
    );
}

#[test]
fn no_categories() {
    assert_eq!(
        problem("# T\nsource: s\nIntro.\n"),
        (DeckProblem::NoCategories, 3)
    );
}

#[test]
fn duplicate_category_names_both_lines() {
    let text = "# T\nsource: s\n## Teaming\nx\n\n## teaming \ny\n";
    assert_eq!(
        message(text),
        "content/mine.md:6: category \"teaming\" is already on line 3; category names must differ"
    );
}

#[test]
fn empty_category() {
    let text = "# T\nsource: s\n## Empty\nsource: only a source\n\n## Full\nx\n";
    assert_eq!(
        problem(text),
        (
            DeckProblem::EmptyCategory {
                name: "Empty".into()
            },
            3
        )
    );
    let last = "# T\nsource: s\n## Full\nx\n## Last\n\n// nothing\n";
    assert_eq!(
        problem(last),
        (
            DeckProblem::EmptyCategory {
                name: "Last".into()
            },
            5
        )
    );
}

#[test]
fn category_with_no_name() {
    assert_eq!(
        problem("# T\nsource: s\n##   \nx\n"),
        (DeckProblem::CategoryNoName, 3)
    );
    assert_eq!(
        problem("# T\nsource: s\n##\nx\n"),
        (DeckProblem::CategoryNoName, 3)
    );
}

#[test]
fn behavior_before_any_category() {
    assert_eq!(
        problem("# T\nsource: s\n1. B\n"),
        (
            DeckProblem::BehaviorOutsideCategory {
                marker: "1.".into()
            },
            3
        )
    );
}

#[test]
fn numbers_may_skip_but_not_repeat_or_go_back() {
    let skipping = "# T\nsource: s\n## A\n1. a\n2. b\n## B\n10. c\n20. d\n";
    assert_eq!(parse(skipping).unwrap().behavior_count(), 4);
    let repeated = "# T\nsource: s\n## A\n1. a\n2. b\n## B\n2. c\n";
    assert_eq!(
        problem(repeated),
        (
            DeckProblem::DuplicateNumber {
                number: 2,
                first_line: 5
            },
            7
        )
    );
    let back = "# T\nsource: s\n## A\n5. a\n3. b\n";
    assert_eq!(
        problem(back),
        (
            DeckProblem::NumberOutOfOrder {
                number: 3,
                previous: 5
            },
            5
        )
    );
    let huge = "# T\nsource: s\n## A\n99999999999. a\n";
    assert!(matches!(
        problem(huge),
        (DeckProblem::NumberTooLarge { .. }, 4)
    ));
}

#[test]
fn markers_need_text() {
    let text = "# T\nsource: s\n## A\n1.\n";
    assert_eq!(
        problem(text),
        (
            DeckProblem::EmptyMarker {
                marker: "1.".into()
            },
            4
        )
    );
    let text = "# T\nsource: s\n## A\n1. B\na. x\n   i. Supervisors:\n";
    assert_eq!(
        problem(text),
        (
            DeckProblem::EmptyMarker {
                marker: "i.".into()
            },
            6
        )
    );
}

#[test]
fn text_after_items_is_refused_not_reordered() {
    let text = "# T\nsource: s\n## A\n1. B\na. item\nb. item\n\nStray paragraph.\n";
    assert_eq!(
        problem(text),
        (
            DeckProblem::TextAfterItems {
                marker: "b.".into()
            },
            8
        )
    );
}

#[test]
fn text_after_a_category_line_belongs_to_it() {
    let text = "# T\nsource: s\n## A\n1. B\n## C\nIntro of C.\n";
    let deck = parse(text).unwrap();
    assert_eq!(
        deck.categories[1].intro,
        vec![Block::Paragraph("Intro of C.".into())]
    );
}

#[test]
fn empty_file() {
    assert_eq!(problem(""), (DeckProblem::Empty, 1));
    assert_eq!(problem("\n\n   \n"), (DeckProblem::Empty, 1));
    assert_eq!(problem("// only a comment\n"), (DeckProblem::Empty, 1));
    assert!(message("").starts_with("content/mine.md:1: file is empty"));
}

#[test]
fn control_characters_name_line_and_column() {
    let text = "# T\nsource: s\n## A\nab\u{1b}[31mred\n";
    assert_eq!(
        message(text),
        "content/mine.md:4:3: control character U+001B is not allowed in deck text; delete it"
    );
    let bidi = "# T\nsource: s\n## A\nx\u{202e}y\n";
    assert!(matches!(
        parse(bidi),
        Err(ContentError::Deck {
            line: 4,
            column: Some(2),
            ..
        })
    ));
}

#[test]
fn unicode_text_is_kept_exactly() {
    let text = "# Équipe 🌱\nsource: s\n## 日本語\nCafé “quoted” – dash\n";
    let deck = parse(text).unwrap();
    assert_eq!(deck.title, "Équipe 🌱");
    assert_eq!(deck.categories[0].name, "日本語");
    assert_eq!(
        deck.categories[0].intro,
        vec![Block::Paragraph("Café “quoted” – dash".into())]
    );
}

#[test]
fn roman_numerals_are_recognised() {
    for ok in ["i", "ii", "iii", "iv", "v", "ix", "x", "xiv", "xxxix"] {
        assert!(is_roman(ok), "{ok}");
    }
    for no in ["", "iiii", "vv", "ic", "c", "mix", "xl", "vx", "abc"] {
        assert!(!is_roman(no), "{no}");
    }
}

/// Lines that exercise every branch of the parser, for the structured property test.
fn deck_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("# Title".to_string()),
        Just("## Cat".to_string()),
        "## [a-c]{0,2}",
        Just("### deep".to_string()),
        Just("source: s".to_string()),
        Just("// c".to_string()),
        "[0-9]{1,12}\\. ?[a-z ]{0,5}",
        "[a-z]{1,4}\\. ?[A-Za-z: ]{0,12}",
        "(i|ii|iv|v|x)\\. (Supervisors|manager|DIRECTOR|Other|):? ?[a-z]{0,3}",
        "[-*] ?[a-z]{0,4}",
        "\\PC{0,12}",
        "[ \t]{0,3}[a-z.#:]{0,6}",
    ]
}

proptest! {
    #[test]
    fn never_panics_on_arbitrary_text(text in any::<String>()) {
        let _ = parse(&text);
    }

    #[test]
    fn never_panics_on_deck_shaped_text(lines in prop::collection::vec(deck_line(), 0..40)) {
        let text = lines.join("\n");
        match parse(&text) {
            Ok(deck) => {
                prop_assert!(!deck.categories.is_empty());
                prop_assert!(!deck.title.is_empty());
            }
            Err(err) => {
                let shown = err.to_string();
                prop_assert!(shown.starts_with(FILE), "{}", shown);
                let line = err.line().unwrap_or(0);
                prop_assert!(line >= 1 && line <= lines.len().max(1), "{}", shown);
            }
        }
    }

    #[test]
    fn never_panics_after_a_valid_head(rest in "(\\PC|\n){0,400}") {
        let text = format!("# T\nsource: s\n## C\n1. B\na. x\n{rest}");
        let _ = parse(&text);
    }
}
