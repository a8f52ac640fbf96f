//! One outline written with any mix of the habits trainers have (numbering that restarts or runs
//! on, `1.` or `1)`, letters or bullets for items, roman sub-items, indentation or none, wrapped
//! lines, blank lines, Windows line endings, a byte-order mark) loads as the same deck.

use std::path::Path;

use cpm_workshop::content::parse_deck;
use proptest::prelude::*;

#[derive(Debug, Clone)]
struct Item {
    text: String,
    subs: Vec<String>,
}

#[derive(Debug, Clone)]
struct Behavior {
    title: String,
    items: Vec<Item>,
}

#[derive(Debug, Clone)]
struct Category {
    name: String,
    behaviors: Vec<Behavior>,
}

/// How this trainer writes an outline.
#[derive(Debug, Clone)]
struct Habits {
    restart_numbers: bool,
    first_number: u32,
    paren: bool,
    bullet: Option<&'static str>,
    indent: &'static str,
    blank_between: bool,
    wrap_at: usize,
    crlf: bool,
    bom: bool,
}

/// Text of plain lowercase words: never mistaken for a marker when a wrap starts a line with it.
fn words() -> impl Strategy<Value = String> {
    prop::collection::vec("[a-z]{1,9}", 1..14).prop_map(|w| w.join(" "))
}

fn outline() -> impl Strategy<Value = Vec<Category>> {
    // At most five lettered items, so a sub-item `i.` never continues the letters (`h.` → `i.`).
    let item = (words(), prop::collection::vec(words(), 0..4))
        .prop_map(|(text, subs)| Item { text, subs });
    let behavior = (words(), prop::collection::vec(item, 0..5))
        .prop_map(|(title, items)| Behavior { title, items });
    let category = ("[A-Z][a-z]{2,10}", prop::collection::vec(behavior, 1..4));
    prop::collection::vec(category, 1..5).prop_map(|cats| {
        cats.into_iter()
            .enumerate()
            .map(|(i, (name, behaviors))| Category {
                name: format!("{name} {i}"),
                behaviors,
            })
            .collect()
    })
}

prop_compose! {
    fn habits()(
        restart_numbers in any::<bool>(),
        first_number in 1u32..9,
        paren in any::<bool>(),
        bullet in prop::option::of(prop::sample::select(vec!["-", "*", "•"])),
        indent in prop::sample::select(vec!["", "   ", "  ", "\t"]),
        blank_between in any::<bool>(),
        wrap_at in 18usize..90,
        crlf in any::<bool>(),
        bom in any::<bool>(),
    ) -> Habits {
        Habits { restart_numbers, first_number, paren, bullet, indent, blank_between, wrap_at, crlf, bom }
    }
}

/// `text` after `marker`, broken into lines of about `width` characters, continuations indented.
fn wrapped(out: &mut Vec<String>, indent: &str, marker: &str, text: &str, width: usize) {
    let mut line = format!("{indent}{marker} ");
    let mut fresh = true;
    for word in text.split(' ') {
        if !fresh && line.len() + word.len() > width {
            out.push(line);
            line = format!("{indent}   ");
            fresh = true;
        }
        if !fresh {
            line.push(' ');
        }
        line.push_str(word);
        fresh = false;
    }
    out.push(line);
}

const ROMAN: [&str; 4] = ["i", "ii", "iii", "iv"];

fn write(outline: &[Category], h: &Habits) -> String {
    let close = if h.paren { ")" } else { "." };
    let mut lines = vec![
        "# My handout".to_string(),
        "source: A trainer's handout, page 2".to_string(),
    ];
    let mut number = h.first_number;
    for category in outline {
        lines.push(String::new());
        lines.push(format!("## {}", category.name));
        if h.restart_numbers {
            number = 1;
        }
        for behavior in &category.behaviors {
            if h.blank_between {
                lines.push(String::new());
            }
            wrapped(
                &mut lines,
                "",
                &format!("{number}{close}"),
                &behavior.title,
                h.wrap_at,
            );
            number += 1;
            for (i, item) in behavior.items.iter().enumerate() {
                let marker = match h.bullet {
                    Some(b) => b.to_string(),
                    None => format!("{}{close}", char::from(b'a' + i as u8)),
                };
                wrapped(&mut lines, h.indent, &marker, &item.text, h.wrap_at);
                let deeper = format!("{0}{0}", h.indent);
                for (k, sub) in item.subs.iter().enumerate() {
                    let marker = format!("{}{close}", ROMAN[k]);
                    wrapped(&mut lines, &deeper, &marker, sub, h.wrap_at);
                }
            }
        }
    }
    let eol = if h.crlf { "\r\n" } else { "\n" };
    let mut text = lines.join(eol);
    text.push_str(eol);
    if h.bom {
        text.insert(0, '\u{feff}');
    }
    text
}

proptest! {
    #![proptest_config(crate::support::props::config(32, 100))]

    #[test]
    fn any_mix_of_outline_habits_loads_the_same_deck(outline in outline(), h in habits()) {
        let text = write(&outline, &h);
        let deck = parse_deck("mine", Path::new("mine.md"), &text)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(deck.categories.len(), outline.len());
        for (got, want) in deck.categories.iter().zip(&outline) {
            prop_assert_eq!(&got.name, &want.name);
            prop_assert_eq!(got.behaviors.len(), want.behaviors.len());
            for (b, wb) in got.behaviors.iter().zip(&want.behaviors) {
                prop_assert_eq!(&b.title, &wb.title, "{}", text);
                prop_assert!(b.body.is_empty());
                prop_assert_eq!(b.items.len(), wb.items.len(), "{}", text);
                for (item, wi) in b.items.iter().zip(&wb.items) {
                    prop_assert_eq!(&item.text, &wi.text);
                    prop_assert_eq!(item.bulleted, h.bullet.is_some());
                    let subs: Vec<&str> = item.roles.iter().map(|r| r.text.as_str()).collect();
                    prop_assert_eq!(subs, wi.subs.iter().map(String::as_str).collect::<Vec<_>>());
                    prop_assert!(item.roles.iter().all(|r| r.role.is_none()));
                }
            }
        }
    }
}
