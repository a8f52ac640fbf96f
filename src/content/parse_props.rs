//! Property tests for the deck parser: whatever the text, it never panics, and an error names
//! the file and a line that exists.

use super::tests::{FILE, parse};
use proptest::prelude::*;

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
        "[-*•] ?[a-z]{0,4}",
        "[0-9]{1,2}\\) ?[a-z ]{0,5}",
        "(i|ii|v)\\) [a-z ]{0,5}",
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
