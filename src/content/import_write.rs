//! Writes an imported draft as a deck file in our format, one line per entry.

use std::fmt::Write as _;

use super::super::deck_line::is_roman;
use super::{Draft, Para};

/// Written where the pasted text had a marker with no words after it but sub-points under it.
const UNTITLED: &str = "(no text in the pasted handout)";

impl Draft {
    /// The deck file's text: title, source, opening text, then each category.
    pub(super) fn write(&self, title: &str, source: &str) -> String {
        let mut out = format!(
            "# {title}\nsource: {source}\n// Made by `cpm-workshop content import` from pasted text: check it against the handout.\n"
        );
        write_paras(&mut out, &self.intro);
        for c in &self.categories {
            let name = if c.name.is_empty() { title } else { &c.name };
            let _ = write!(out, "\n## {name}\n");
            if let Some(s) = &c.source {
                let _ = writeln!(out, "source: {s}");
            }
            write_paras(&mut out, &c.intro);
            for b in &c.behaviors {
                let title = if b.title.is_empty() {
                    UNTITLED
                } else {
                    &b.title
                };
                let _ = write!(out, "\n{}. {}\n", b.number.unwrap_or(1), title);
                if !b.body.is_empty() {
                    for p in &b.body {
                        let _ = write!(out, "\n   {}\n", safe_text(p));
                    }
                    out.push('\n');
                }
                let lettered = b.items.len() <= 26;
                for (k, item) in b.items.iter().enumerate() {
                    let marker = if lettered {
                        format!("{}.", char::from(b'a' + k as u8))
                    } else {
                        "-".to_string()
                    };
                    let text = if item.text.is_empty() {
                        UNTITLED
                    } else {
                        &item.text
                    };
                    let _ = writeln!(out, "   {marker} {text}");
                    for (s, sub) in item.subs.iter().enumerate() {
                        let _ = writeln!(out, "      {}. {sub}", roman(s + 1));
                    }
                }
            }
        }
        out
    }
}

/// Intro paragraphs and bullets, a blank line before each paragraph.
fn write_paras(out: &mut String, paras: &[Para]) {
    let mut after_bullet = false;
    for p in paras {
        match p {
            Para::Text(t) => {
                let _ = write!(out, "\n{}\n", safe_text(t));
                after_bullet = false;
            }
            Para::Bullet(t) => {
                if !after_bullet {
                    out.push('\n');
                }
                let _ = writeln!(out, "- {t}");
                after_bullet = true;
            }
        }
    }
}

/// Paragraph text the loader cannot misread: a line starting `#` (a heading to it) or `//` (a
/// comment) is kept after a label saying it is text, so nothing pasted is lost.
fn safe_text(text: &str) -> String {
    if text.starts_with('#') || text.starts_with("//") {
        format!("(Text) {text}")
    } else {
        text.to_string()
    }
}

/// Lowercase roman numeral for 1 ..= 39.
fn roman(n: usize) -> String {
    const ONES: [&str; 10] = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
    let numeral = format!("{}{}", "x".repeat(n / 10), ONES[n % 10]);
    debug_assert!(is_roman(&numeral));
    numeral
}
