//! Fills one empty category of a deck with behaviors pasted from a handout: the pasted block
//! goes through the same import as `content import`, and its behaviors are written under the
//! category's heading in a copy of the deck's own file text, so everything else in the deck
//! (comments, labels, sources, other categories) stays as the deck's author wrote it.

use std::path::Path;

use super::deck::{Category, Deck};
use super::error::ContentError;
use super::import::{ImportError, Imported, import_text};
use super::parse::parse_deck;

/// A deck with one category filled in, ready to be saved.
#[derive(Debug, Clone)]
pub struct Filled {
    /// The deck file's new text.
    pub text: String,
    /// The same deck, as the loader reads it back.
    pub deck: Deck,
    /// What the import recognised and dropped.
    pub imported: Imported,
    /// The category filled, as the deck names it.
    pub category: String,
}

/// Why a paste could not fill the category; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FillError {
    #[error("{0}")]
    Import(ImportError),
    #[error(
        "found no numbered or bulleted behaviors in the paste; copy the category's behaviors from the handout and paste them again"
    )]
    NoBehaviors,
    #[error(
        "the paste holds {} categories ({}); paste one category's behaviors at a time",
        .0.len(),
        .0.join(", ")
    )]
    SeveralCategories(Vec<String>),
    #[error("the deck has no category \"{0}\"")]
    NoSuchCategory(String),
    #[error("\"{0}\" already has behaviors; edit its deck file to change them")]
    AlreadyFilled(String),
    /// The filled deck could not be read back (a bug here): nothing is saved.
    #[error("the filled deck does not load: {0}")]
    DoesNotLoad(ContentError),
}

/// Runs `pasted` through the import and writes its behaviors into `category` of the deck whose
/// file text is `deck_text`. The result is read back and must hold exactly the imported
/// behaviors in that category and be otherwise the same deck.
pub fn fill_category(
    deck_text: &str,
    deck_id: &str,
    category: &str,
    pasted: &str,
) -> Result<Filled, FillError> {
    let file = format!("{deck_id}.md");
    let file = Path::new(&file);
    let before = parse_deck(deck_id, file, deck_text).map_err(FillError::DoesNotLoad)?;
    let target = before
        .category(category)
        .ok_or_else(|| FillError::NoSuchCategory(category.to_string()))?;
    if !target.behaviors.is_empty() {
        return Err(FillError::AlreadyFilled(target.name.clone()));
    }
    let name = target.name.clone();
    let imported = import_text(pasted, &name, None).map_err(FillError::Import)?;
    let pasted_category = one_category(&imported.deck)?;
    let behaviors =
        behaviors_section(&imported.text, &pasted_category.name).ok_or(FillError::NoBehaviors)?;
    let text = insert_into_category(deck_text, &name, &behaviors)
        .ok_or_else(|| FillError::NoSuchCategory(name.clone()))?;
    let deck = parse_deck(deck_id, file, &text).map_err(FillError::DoesNotLoad)?;
    let mut expected = before.clone();
    if let Some(c) = expected
        .categories
        .iter_mut()
        .find(|c| c.name.eq_ignore_ascii_case(&name))
    {
        c.behaviors = pasted_category.behaviors.clone();
    }
    if deck != expected {
        return Err(FillError::DoesNotLoad(ContentError::Read {
            file: file.to_path_buf(),
            message: format!(
                "the behaviors written under \"{name}\" read back differently; nothing was saved"
            ),
        }));
    }
    Ok(Filled {
        text,
        deck,
        imported,
        category: name,
    })
}

/// The one pasted category that has behaviors.
fn one_category(deck: &Deck) -> Result<&Category, FillError> {
    let with: Vec<&Category> = deck
        .categories
        .iter()
        .filter(|c| !c.behaviors.is_empty())
        .collect();
    match with.as_slice() {
        [] => Err(FillError::NoBehaviors),
        [one] => Ok(one),
        many => Err(FillError::SeveralCategories(
            many.iter().map(|c| c.name.clone()).collect(),
        )),
    }
}

/// The lines of an imported deck's category from its first numbered behavior to the end of the
/// category (the heading, source and intro text are left out: the card keeps its own).
fn behaviors_section(imported_text: &str, category: &str) -> Option<String> {
    let lines: Vec<&str> = imported_text.lines().collect();
    let start = lines
        .iter()
        .position(|l| heading_name(l).is_some_and(|n| n.eq_ignore_ascii_case(category)))?;
    let end = lines[start + 1..]
        .iter()
        .position(|l| heading_name(l).is_some())
        .map_or(lines.len(), |k| start + 1 + k);
    let first = lines[start + 1..end]
        .iter()
        .position(|l| is_behavior_line(l))?
        + start
        + 1;
    let mut out = lines[first..end].join("\n");
    out.push('\n');
    Some(out)
}

/// The category name of a `## …` line.
fn heading_name(line: &str) -> Option<&str> {
    line.strip_prefix("## ").map(str::trim)
}

/// A numbered behavior as the import writes it: `N. title` at the start of the line.
fn is_behavior_line(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && line[digits..].starts_with(". ")
}

/// `deck_text` with `behaviors` added at the end of category `name`'s section.
fn insert_into_category(deck_text: &str, name: &str, behaviors: &str) -> Option<String> {
    let text = deck_text.strip_prefix('\u{feff}').unwrap_or(deck_text);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| heading_name(l.trim_start()).is_some_and(|n| n.eq_ignore_ascii_case(name)))?;
    let end = lines[start + 1..]
        .iter()
        .position(|l| heading_name(l.trim_start()).is_some())
        .map_or(lines.len(), |k| start + 1 + k);
    // Trailing blank lines of the section stay after the new behaviors, before the next heading.
    let mut last = end;
    while last > start + 1 && lines[last - 1].trim().is_empty() {
        last -= 1;
    }
    let mut out = String::new();
    for line in &lines[..last] {
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(behaviors);
    if end < lines.len() {
        out.push('\n');
    }
    for line in &lines[end..] {
        out.push_str(line);
        out.push('\n');
    }
    Some(out)
}

#[cfg(test)]
#[path = "fill_tests.rs"]
mod tests;
