//! A deck as readable plain text, for `cpm-workshop content show DECK`.

use unicode_width::UnicodeWidthStr;

use super::deck::{Behavior, Block, Deck};

/// Indent for a behavior's body and lettered items.
const ITEM_INDENT: &str = "   ";
/// Indent for role items.
const ROLE_INDENT: &str = "      ";

/// Renders a deck as plain text: title, source, intro, then each category with its source,
/// intro, numbered behaviors, lettered items and role items (`i. Supervisors: …`).
pub fn deck_to_text(deck: &Deck) -> String {
    let mut out = String::new();
    underlined(&mut out, &deck.title, '=');
    out.push_str(&format!("Source: {}\n", deck.source));
    blocks(&mut out, &deck.intro, "");
    for category in &deck.categories {
        out.push('\n');
        underlined(&mut out, &category.name, '-');
        if let Some(source) = &category.source {
            out.push_str(&format!("Source: {source}\n"));
        }
        if let Some(label) = &category.label {
            out.push_str(&format!("Label (this app's words): {label}\n"));
        }
        blocks(&mut out, &category.intro, "");
        for behavior in &category.behaviors {
            out.push('\n');
            behavior_text(&mut out, behavior);
        }
    }
    out
}

fn behavior_text(out: &mut String, behavior: &Behavior) {
    out.push_str(&format!("{}. {}\n", behavior.number, behavior.title));
    for block in &behavior.body {
        out.push_str(&block_line(block, ITEM_INDENT));
    }
    for item in &behavior.items {
        let marker = if item.bulleted {
            "-".to_string()
        } else {
            item.marker()
        };
        out.push_str(&format!("{ITEM_INDENT}{marker} {}\n", item.text));
        for role in &item.roles {
            out.push_str(&format!(
                "{ROLE_INDENT}{}. {}\n",
                role.numeral,
                role.labelled_text()
            ));
        }
    }
}

fn underlined(out: &mut String, text: &str, rule: char) {
    let width = UnicodeWidthStr::width(text).max(1);
    out.push_str(text);
    out.push('\n');
    out.extend(std::iter::repeat_n(rule, width));
    out.push('\n');
}

/// Paragraphs separated by blank lines; bullets that follow each other stay together.
fn blocks(out: &mut String, blocks: &[Block], indent: &str) {
    let mut previous_bullet = false;
    for block in blocks {
        let bullet = matches!(block, Block::Bullet(_));
        if !(bullet && previous_bullet) {
            out.push('\n');
        }
        out.push_str(&block_line(block, indent));
        previous_bullet = bullet;
    }
}

fn block_line(block: &Block, indent: &str) -> String {
    match block {
        Block::Paragraph(text) => format!("{indent}{text}\n"),
        Block::Bullet(text) => format!("{indent}- {text}\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse::parse_deck;
    use std::path::Path;

    #[test]
    fn renders_every_level() {
        let deck = parse_deck(
            "t",
            Path::new("t.md"),
            "# Café deck\nsource: Guiding Framework\nIntro.\n- one\n- two\n## Teaming\nsource: Guiding Framework, Teaming\n10. Build partnerships\n\n   Body.\n   a. Develop partnerships:\n      i. Supervisor: Gather information.\n",
        )
        .unwrap();
        let text = deck_to_text(&deck);
        assert_eq!(
            text,
            "Café deck\n=========\nSource: Guiding Framework\n\nIntro.\n\n- one\n- two\n\nTeaming\n-------\nSource: Guiding Framework, Teaming\n\n10. Build partnerships\n   Body.\n   a. Develop partnerships:\n      i. Supervisor: Gather information.\n"
        );
    }
}
