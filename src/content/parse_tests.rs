//! Unit tests for the deck parser: the format and every error case and its line (that it never
//! panics, whatever the text: `parse_props.rs`).

use super::*;
use crate::content::deck::DeckKind;

pub(super) const FILE: &str = "content/mine.md";

pub(super) fn parse(text: &str) -> Result<Deck, ContentError> {
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
1. Be open, honest, clear
   and respectful in your communications

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
    assert_eq!(roles[0].role, Some(Role::Supervisors));
    assert_eq!(roles[1].role, Some(Role::Managers));
    assert_eq!(roles[1].role_word, "manager");
    assert_eq!(roles[1].text, "Create implementation teams for CPM.");
    assert_eq!(roles[2].role, Some(Role::Directors));
    let teaming = &deck.categories[1];
    assert_eq!(teaming.source, None);
    assert_eq!(teaming.behaviors[0].number, 3);
    let roles = &teaming.behaviors[0].items[0].roles;
    assert_eq!(roles.len(), 2);
    assert_eq!(roles[1].numeral, "v");
}

#[test]
fn i_v_x_continue_the_letters_or_else_are_sub_items() {
    let text = "# T\nsource: s\n## C\n1. B\na. one\nh. eight\ni. ninth letter\nv. Caseworkers: not a role\nx. another sub-item\n2. C\ni. first item\n";
    let deck = parse(text).unwrap();
    let b = &deck.categories[0].behaviors[0];
    let letters: Vec<char> = b.items.iter().map(|i| i.letter).collect();
    assert_eq!(letters, ['a', 'h', 'i']);
    let subs: Vec<(&str, Option<Role>, &str)> = b.items[2]
        .roles
        .iter()
        .map(|r| (r.numeral.as_str(), r.role, r.text.as_str()))
        .collect();
    assert_eq!(
        subs,
        [
            ("v", None, "Caseworkers: not a role"),
            ("x", None, "another sub-item")
        ]
    );
    assert_eq!(deck.categories[0].behaviors[1].items[0].letter, 'i');
}

#[test]
fn sub_items_without_a_role_are_kept_for_every_role() {
    let text = "# T\nsource: s\n## C\n1. B\na. item\n   i. first sub-item\n   ii. Supervisor: for supervisors\n   iii. Staff: a plain sub-item\n";
    let deck = parse(text).unwrap();
    let roles = &deck.categories[0].behaviors[0].items[0].roles;
    assert_eq!(roles.len(), 3);
    assert_eq!(
        (roles[0].role, roles[0].text.as_str()),
        (None, "first sub-item")
    );
    assert_eq!(roles[1].labelled_text(), "Supervisor: for supervisors");
    assert_eq!(roles[2].labelled_text(), "Staff: a plain sub-item");
    let managers = deck.filtered_for(Some(Role::Managers));
    let kept = &managers.categories[0].behaviors[0].items[0].roles;
    assert_eq!(kept.len(), 2, "plain sub-items stay, other roles' go");
}

#[test]
fn parentheses_after_numbers_and_letters_read_as_dots() {
    let text = "# T\nsource: s\n## C\n1) Be open\n   a) Use language\n      i) Supervisors: Gather\n2) Be accountable\n";
    let deck = parse(text).unwrap();
    let c = &deck.categories[0];
    assert_eq!(c.behaviors.len(), 2);
    assert_eq!(c.behaviors[0].items[0].text, "Use language");
    assert_eq!(
        c.behaviors[0].items[0].roles[0].role,
        Some(Role::Supervisors)
    );
    assert_eq!(c.behaviors[1].title, "Be accountable");
}

#[test]
fn bullets_under_a_behavior_are_its_items() {
    let text = "# T\nsource: s\n## C\nIntro.\n• an intro bullet\n1. Engage\n- first\n  wrapped\n* second\n•third\n\u{f0b7} fourth\n   i. Directors: lead\n";
    let deck = parse(text).unwrap();
    let c = &deck.categories[0];
    assert_eq!(
        c.intro,
        vec![
            Block::Paragraph("Intro.".into()),
            Block::Bullet("an intro bullet".into())
        ]
    );
    let items = &c.behaviors[0].items;
    let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, ["first wrapped", "second", "third", "fourth"]);
    assert!(items.iter().all(|i| i.bulleted && i.marker() == "•"));
    assert_eq!(items[3].roles[0].role, Some(Role::Directors));
}

#[test]
fn wrapped_behavior_titles_join_and_a_blank_line_starts_the_body() {
    let text = "# T\nsource: s\n## C\n1. Be open, honest, clear and\n   respectful in your communications\n\n   The body.\n";
    let deck = parse(text).unwrap();
    let b = &deck.categories[0].behaviors[0];
    assert_eq!(
        b.title,
        "Be open, honest, clear and respectful in your communications"
    );
    assert_eq!(b.body, vec![Block::Paragraph("The body.".into())]);
}

#[test]
fn numbering_restarts_per_category_or_runs_on() {
    let restarts = "# T\nsource: s\n## A\n1. a\n2. b\n\n## B\n1. c\n2. d\n";
    let runs_on = "# T\nsource: s\n## A\n1. a\n2. b\n\n## B\n3. c\n4. d\n";
    for text in [restarts, runs_on] {
        let deck = parse(text).unwrap();
        assert_eq!(deck.behavior_count(), 4);
        assert_eq!(deck.categories[1].behaviors[1].title, "d");
    }
}

#[test]
fn every_line_ending_reads_the_same() {
    let unix = "# T\nsource: s\n## C\n1. B\n   a. item\n      wrapped\n";
    let want = parse(unix).unwrap();
    for text in [
        unix.replace('\n', "\r\n"),
        unix.replace('\n', "\r"),
        format!("\u{feff}{}", unix.replace('\n', "\r\n")),
    ] {
        assert_eq!(parse(&text).unwrap(), want, "{text:?}");
    }
    let bad = "# T\r\nsource: s\r\n## C\r\n1. B\r\n2. B\r\n2. again\r\n";
    assert!(message(bad).starts_with("content/mine.md:6: behavior number 2"));
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
fn sub_item_before_any_lettered_item() {
    let text = "# T\nsource: s\n## C\n1. B\n   ii. Supervisors: x\n";
    assert_eq!(
        message(text),
        "content/mine.md:5: sub-item \"ii.\" before any lettered item: put it under an item (`a. …` or `- …`)"
    );
    let plain = "# T\nsource: s\n## C\n1. B\n   iii. just text\n";
    assert!(matches!(
        problem(plain),
        (DeckProblem::RoleBeforeLettered { .. }, 5)
    ));
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
fn numbers_may_skip_but_not_repeat_or_go_back_within_a_category() {
    let skipping = "# T\nsource: s\n## A\n1. a\n2. b\n## B\n10. c\n20. d\n";
    assert_eq!(parse(skipping).unwrap().behavior_count(), 4);
    let repeated = "# T\nsource: s\n## A\n1. a\n2. b\n## B\n2. c\n3. d\n3. e\n";
    assert_eq!(
        problem(repeated),
        (
            DeckProblem::DuplicateNumber {
                number: 3,
                first_line: 8
            },
            9
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
fn kind_and_label_lines() {
    let text = "# T\nsource: s\nkind: Principles\n## A\nlabel: Borrowed, says the app.\nkind: leadership\n1. x\n## B\n1. y\n";
    let deck = parse(text).unwrap();
    assert_eq!(deck.kind, DeckKind::Principles);
    let (a, b) = (&deck.categories[0], &deck.categories[1]);
    assert_eq!(a.label.as_deref(), Some("Borrowed, says the app."));
    assert_eq!(deck.kind_of(a), DeckKind::Leadership);
    assert_eq!(deck.kind_of(b), DeckKind::Principles);
    assert_eq!(
        message("# T\nsource: s\nkind: stories\n## A\nx\n"),
        "content/mine.md:3: unknown kind \"stories\": write `kind: practice`, `leadership`, `principles` or `examples`"
    );
    assert_eq!(
        problem("# T\nsource: s\nlabel: x\n## A\nx\n"),
        (DeckProblem::LabelOutsideCategory, 3)
    );
    assert_eq!(
        problem("# T\nsource: s\n## A\nlabel: x\nlabel: y\nx\n"),
        (DeckProblem::BadLabel, 5)
    );
}
