//! What an import recognised and dropped, as the lines `content import` prints.

use std::fmt::Write as _;

use super::Imported;
use crate::words::plural;

impl Imported {
    /// What was recognised and dropped, as lines for the trainer to read.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let deck = &self.deck;
        let items: usize = deck.behaviors().map(|b| b.items.len()).sum();
        let subs: usize = deck
            .behaviors()
            .flat_map(|b| b.items.iter())
            .map(|i| i.roles.len())
            .sum();
        let _ = writeln!(
            out,
            "Recognised {} {}, {} {}, {} {}, {} {}:",
            deck.categories.len(),
            plural(deck.categories.len(), "category", "categories"),
            deck.behavior_count(),
            plural(deck.behavior_count(), "behavior", "behaviors"),
            items,
            plural(items, "item", "items"),
            subs,
            plural(subs, "sub-item", "sub-items"),
        );
        for c in &deck.categories {
            let items: usize = c.behaviors.iter().map(|b| b.items.len()).sum();
            let _ = writeln!(
                out,
                "  {}: {} {}, {} {}{}",
                c.name,
                c.behaviors.len(),
                plural(c.behaviors.len(), "behavior", "behaviors"),
                items,
                plural(items, "item", "items"),
                if c.intro.is_empty() {
                    ""
                } else {
                    ", intro text"
                },
            );
        }
        if !deck.intro.is_empty() {
            let _ = writeln!(out, "  opening text before the first category");
        }
        if self.joined > 0 {
            let _ = writeln!(
                out,
                "Joined {} broken lines to the line above.",
                self.joined
            );
        }
        if self.renumbered > 0 {
            let _ = writeln!(
                out,
                "Renumbered {} behaviors so numbers increase within each category.",
                self.renumbered
            );
        }
        if self.removed_characters > 0 {
            let _ = writeln!(
                out,
                "Removed {} invisible or control characters.",
                self.removed_characters
            );
        }
        if self.dropped.is_empty() {
            let _ = writeln!(out, "Dropped nothing.");
        } else {
            let _ = writeln!(out, "Dropped {} lines:", self.dropped.len());
            for (line, text, why) in &self.dropped {
                let _ = writeln!(out, "  line {line}: {} ({})", quoted(text), why.label());
            }
        }
        out
    }
}

fn quoted(text: &str) -> String {
    let short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        format!("\"{short}…\"")
    } else {
        format!("\"{short}\"")
    }
}
