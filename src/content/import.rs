//! Turns text pasted out of a PDF or Word handout into a deck file in our format, and says what
//! it recognised and what it left out (`cpm-workshop content import`).
//!
//! Page numbers, running headers and stray glyphs are dropped (each one listed in the report);
//! lines the PDF broke are joined; "Engagement Behaviors" heading lines become categories;
//! numbered lines become behaviors, lettered lines and bullets their items, roman numerals and
//! second-level bullets sub-items. A category with bullets and no numbers gets its bullets
//! numbered as behaviors. The deck written is read back with the deck loader before it is
//! returned, so what `import` writes always passes `content check`.

use std::path::Path;

use super::deck::Deck;
use super::deck_line::next_letter;
use super::error::ContentError;
use super::import_lines::{DropReason, Kind, PastedLine, pasted_lines};
use super::parse::parse_deck;

/// The source line written when the trainer names none.
const UNNAMED_SOURCE: &str = "a trainer's handout, pasted (source not named: add it with --source)";

/// The most sub-items one item can have: roman numerals `i` … `xxxix`.
const MAX_SUB_ITEMS: usize = 39;

/// A deck made from pasted text, with what was recognised and dropped.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The deck file's text, in our format.
    pub text: String,
    /// The same deck, as the loader reads it back.
    pub deck: Deck,
    /// Pasted lines left out, with why: `(line number, text, reason)`.
    pub dropped: Vec<(usize, String, DropReason)>,
    /// Invisible or control characters removed.
    pub removed_characters: usize,
    /// Lines joined to the line above (lines the PDF broke).
    pub joined: usize,
    /// Behaviors whose numbers were changed so they increase within their category.
    pub renumbered: usize,
}

/// Why pasted text could not become a deck.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the deck needs a title: give one with --title")]
    EmptyTitle,
    #[error(
        "found no behaviors, items or text to import (every line was blank or dropped); is this the right file?"
    )]
    NothingFound,
    #[error("line {line}: an item has more than {MAX_SUB_ITEMS} sub-items; split it")]
    TooManySubItems { line: usize },
    /// The deck written could not be read back (a bug in the import): nothing is written.
    #[error("the imported deck does not load: {0}")]
    DoesNotLoad(ContentError),
}

/// A paragraph or bullet of intro or body text.
#[derive(Debug, Clone)]
enum Para {
    Text(String),
    Bullet(String),
}

#[derive(Debug, Clone, Default)]
struct DraftItem {
    text: String,
    subs: Vec<String>,
}

#[derive(Debug, Clone)]
struct DraftBehavior {
    number: Option<u32>,
    title: String,
    body: Vec<String>,
    items: Vec<DraftItem>,
}

#[derive(Debug, Clone)]
struct DraftCategory {
    name: String,
    source: Option<String>,
    intro: Vec<Para>,
    behaviors: Vec<DraftBehavior>,
    /// Whether the pasted category numbers its behaviors (else its bullets are the behaviors).
    numbered: bool,
    /// Where its heading is, as pasted, for the report if it is dropped.
    line: usize,
    heading: String,
}

/// Which text a continuation line extends.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Open {
    Nothing,
    Intro,
    Title,
    Body,
    Item,
    Sub,
}

#[derive(Default)]
struct Draft {
    source: Option<String>,
    intro: Vec<Para>,
    categories: Vec<DraftCategory>,
    dropped: Vec<(usize, String, DropReason)>,
    joined: usize,
}

/// Makes a deck from pasted handout text. `title` is the deck's title; `source` names the
/// handout (a `Source:` line in the text is used when it is not given).
pub fn import_text(text: &str, title: &str, source: Option<&str>) -> Result<Imported, ImportError> {
    let title = one_line(title);
    if title.is_empty() {
        return Err(ImportError::EmptyTitle);
    }
    let (lines, removed_characters) = pasted_lines(text, &title);
    let mut draft = Draft::default();
    draft.read(&lines)?;
    if draft.categories.is_empty() {
        if draft.intro.is_empty() {
            return Err(ImportError::NothingFound);
        }
        // Text with no headings or behaviors at all is one card's worth of text.
        draft.categories.push(DraftCategory {
            name: String::new(),
            source: None,
            intro: std::mem::take(&mut draft.intro),
            behaviors: Vec::new(),
            numbered: false,
            line: 1,
            heading: String::new(),
        });
    }
    let source = source
        .map(one_line)
        .filter(|s| !s.is_empty())
        .or(draft.source.clone())
        .unwrap_or_else(|| UNNAMED_SOURCE.to_string());
    let renumbered = draft.number_behaviors();
    let deck_text = draft.write(&title, &source);
    let id = "imported";
    let deck =
        parse_deck(id, Path::new("imported deck"), &deck_text).map_err(ImportError::DoesNotLoad)?;
    Ok(Imported {
        text: deck_text,
        deck,
        dropped: draft.dropped,
        removed_characters,
        joined: draft.joined,
        renumbered,
    })
}

/// Text made safe for one line of a deck: whitespace runs become one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a line after a blank line continues the text above (a PDF broke the sentence across
/// a page or a gap): it starts in lower case, or the text above stops on a comma, a dash or a
/// word that cannot end a sentence. A capitalised line after a blank is a new paragraph, so a
/// subtitle is not run into the text below it.
fn continues(above: &str, line: &str) -> bool {
    const OPEN_ENDED: [&str; 13] = [
        "and", "or", "the", "of", "to", "a", "an", "in", "for", "with", "by", "on", "as",
    ];
    let above = above.trim_end();
    let last_word = above.rsplit(' ').next().unwrap_or("").to_lowercase();
    line.starts_with(|c: char| c.is_lowercase())
        || above.ends_with([',', '-', '–', '—'])
        || OPEN_ENDED.contains(&last_word.as_str())
}

fn join(target: &mut String, text: &str) {
    if !target.is_empty() && !target.ends_with(' ') {
        target.push(' ');
    }
    target.push_str(text);
}

impl Draft {
    fn read(&mut self, lines: &[PastedLine]) -> Result<(), ImportError> {
        let numbered_sections = numbered_sections(lines);
        let mut section = 0;
        let mut open = Open::Nothing;
        let mut blank_before = false;
        for line in lines {
            match &line.kind {
                Kind::Blank => {
                    blank_before = true;
                    continue;
                }
                Kind::Dropped(why) => {
                    self.dropped.push((line.number, line.text.clone(), *why));
                    continue;
                }
                Kind::Heading(name) => {
                    section += 1;
                    self.heading(name, line, numbered_sections.get(section));
                    open = Open::Nothing;
                }
                Kind::Source(s) => match self.categories.last_mut() {
                    Some(c) if c.source.is_none() => c.source = Some(s.clone()),
                    Some(_) => self.text(&mut open, blank_before, s),
                    None if self.source.is_none() => self.source = Some(s.clone()),
                    None => self.text(&mut open, blank_before, s),
                },
                Kind::Numbered(n, text) => open = self.behavior(Some(*n), text, line.number),
                Kind::Lettered(letter, text) => {
                    let sub = matches!(letter, 'i' | 'v' | 'x')
                        && self
                            .last_behavior()
                            .and_then(|b| b.items.last().map(|_| b.items.len()))
                            .is_some_and(|count| {
                                next_letter(char::from(b'a' + (count - 1).min(25) as u8)) != *letter
                            });
                    open = if sub {
                        self.sub_item(text, line)?
                    } else {
                        self.item(text, line)
                    };
                }
                Kind::Roman(_, text) => open = self.sub_item(text, line)?,
                Kind::Bullet { nested, text } => open = self.bullet(*nested, text, line)?,
                Kind::Text(text) => self.text(&mut open, blank_before, text),
            }
            blank_before = false;
        }
        self.drop_empty_categories();
        Ok(())
    }

    fn heading(&mut self, name: &str, line: &PastedLine, numbered: Option<&bool>) {
        let numbered = numbered.copied().unwrap_or(false);
        // The same heading again (a category continued on another page) goes on in that category.
        if let Some(at) = self
            .categories
            .iter()
            .position(|c| c.name.eq_ignore_ascii_case(name))
        {
            let continued = self.categories.remove(at);
            self.categories.push(continued);
            return;
        }
        self.categories.push(DraftCategory {
            name: name.to_string(),
            source: None,
            intro: Vec::new(),
            behaviors: Vec::new(),
            numbered,
            line: line.number,
            heading: line.text.clone(),
        });
    }

    fn last_behavior(&mut self) -> Option<&mut DraftBehavior> {
        self.categories.last_mut()?.behaviors.last_mut()
    }

    fn behavior(&mut self, number: Option<u32>, title: &str, line: usize) -> Open {
        if self.categories.is_empty() {
            // Behaviors with no heading above them: one category named after nothing yet.
            self.categories.push(DraftCategory {
                name: String::new(),
                source: None,
                intro: Vec::new(),
                behaviors: Vec::new(),
                numbered: true,
                line,
                heading: String::new(),
            });
        }
        if let Some(category) = self.categories.last_mut() {
            category.behaviors.push(DraftBehavior {
                number,
                title: title.to_string(),
                body: Vec::new(),
                items: Vec::new(),
            });
        }
        Open::Title
    }

    fn item(&mut self, text: &str, line: &PastedLine) -> Open {
        match self.last_behavior() {
            Some(b) => {
                b.items.push(DraftItem {
                    text: text.to_string(),
                    subs: Vec::new(),
                });
                Open::Item
            }
            // An item marker before any behavior reads as intro text, marker and all.
            None => self.intro_para(Para::Bullet(line.text.clone())),
        }
    }

    fn sub_item(&mut self, text: &str, line: &PastedLine) -> Result<Open, ImportError> {
        let Some(b) = self.last_behavior() else {
            return Ok(self.intro_para(Para::Bullet(line.text.clone())));
        };
        match b.items.last_mut() {
            Some(item) if item.subs.len() >= MAX_SUB_ITEMS => {
                Err(ImportError::TooManySubItems { line: line.number })
            }
            Some(item) => {
                item.subs.push(text.to_string());
                Ok(Open::Sub)
            }
            None => Ok(self.item(text, line)),
        }
    }

    fn bullet(&mut self, nested: bool, text: &str, line: &PastedLine) -> Result<Open, ImportError> {
        let Some(category) = self.categories.last() else {
            return Ok(self.intro_para(Para::Bullet(text.to_string())));
        };
        let has_behavior = !category.behaviors.is_empty();
        let nested = nested || (has_behavior && line.indent > 0 && !category.numbered);
        match (category.numbered, has_behavior, nested) {
            // A list of bullets under a heading with no numbers: the bullets are the behaviors.
            (false, _, false) => Ok(self.behavior(None, text, line.number)),
            (false, true, true) => Ok(self.item(text, line)),
            (true, true, false) => Ok(self.item(text, line)),
            (true, true, true) => self.sub_item(text, line),
            (_, false, _) => Ok(self.intro_para(Para::Bullet(text.to_string()))),
        }
    }

    /// Adds intro text to the current category, or the deck's opening text before any.
    fn intro_para(&mut self, para: Para) -> Open {
        match self.categories.last_mut() {
            Some(c) => c.intro.push(para),
            None => self.intro.push(para),
        }
        Open::Intro
    }

    fn text(&mut self, open: &mut Open, blank_before: bool, text: &str) {
        // After a blank line only a lower-case start continues a title (titles have no full
        // stop to go by); other text continues when the text above did not end a sentence.
        let after_blank_ok = |target: &str| match *open {
            Open::Title => text.starts_with(|c: char| c.is_lowercase()),
            _ => continues(target, text),
        };
        if let Some(target) = open_text(&mut self.categories, &mut self.intro, *open)
            && (!blank_before || after_blank_ok(target))
        {
            // A marker alone on its line ("1." then the title below) takes the next line whole.
            let broken = !target.is_empty();
            join(target, text);
            self.joined += usize::from(broken);
            return;
        }
        let Some(category) = self.categories.last_mut() else {
            *open = self.intro_para(Para::Text(text.to_string()));
            return;
        };
        match category.behaviors.last_mut() {
            None => {
                category.intro.push(Para::Text(text.to_string()));
                *open = Open::Intro;
            }
            Some(b) if b.items.is_empty() => {
                b.body.push(text.to_string());
                *open = Open::Body;
            }
            // Text after a behavior's items has nowhere else to go: it joins the last item.
            Some(b) => {
                if let Some(item) = b.items.last_mut() {
                    join(&mut item.text, text);
                    self.joined += 1;
                }
                *open = Open::Item;
            }
        }
    }

    fn drop_empty_categories(&mut self) {
        let mut kept = Vec::new();
        for mut c in std::mem::take(&mut self.categories) {
            // A marker left alone on its line with nothing after it says nothing.
            for b in &mut c.behaviors {
                for item in &mut b.items {
                    item.subs.retain(|s| !s.is_empty());
                }
                b.items.retain(|i| !i.text.is_empty() || !i.subs.is_empty());
            }
            c.behaviors
                .retain(|b| !b.title.is_empty() || !b.items.is_empty());
            if c.behaviors.is_empty() && c.intro.is_empty() {
                self.dropped
                    .push((c.line, c.heading.clone(), DropReason::EmptyHeading));
            } else {
                kept.push(c);
            }
        }
        self.dropped.sort_by_key(|(line, ..)| *line);
        // Headings with only text before the first one with behaviors are the handout's title
        // page ("CORE PRACTICE MODEL", a subtitle): they open the deck rather than being cards.
        if let Some(first) = kept.iter().position(|c| !c.behaviors.is_empty()) {
            for c in kept.drain(..first) {
                if !c.heading.is_empty() {
                    self.intro.push(Para::Text(c.heading));
                }
                self.intro.extend(c.intro);
            }
        }
        self.categories = kept;
    }

    /// Gives every behavior a number that increases within its category; returns how many
    /// numbers were changed (bullets numbered as behaviors are not counted).
    fn number_behaviors(&mut self) -> usize {
        let mut changed = 0;
        for c in &mut self.categories {
            let mut last = 0;
            for b in &mut c.behaviors {
                let n = match b.number {
                    Some(n) if n > last => n,
                    Some(_) => {
                        changed += 1;
                        last + 1
                    }
                    None => last + 1,
                };
                b.number = Some(n);
                last = n;
            }
        }
        changed
    }
}

/// The text a continuation line would extend.
fn open_text<'a>(
    categories: &'a mut [DraftCategory],
    deck_intro: &'a mut [Para],
    open: Open,
) -> Option<&'a mut String> {
    let Some(category) = categories.last_mut() else {
        return match (open, deck_intro.last_mut()) {
            (Open::Intro, Some(Para::Text(t) | Para::Bullet(t))) => Some(t),
            _ => None,
        };
    };
    match open {
        Open::Nothing => None,
        Open::Intro => match category.intro.last_mut()? {
            Para::Text(t) | Para::Bullet(t) => Some(t),
        },
        Open::Title => category.behaviors.last_mut().map(|b| &mut b.title),
        Open::Body => category.behaviors.last_mut()?.body.last_mut(),
        Open::Item => category
            .behaviors
            .last_mut()?
            .items
            .last_mut()
            .map(|i| &mut i.text),
        Open::Sub => category
            .behaviors
            .last_mut()?
            .items
            .last_mut()?
            .subs
            .last_mut(),
    }
}

/// For each section (0: before the first heading, then one per heading), whether it has a
/// numbered line.
fn numbered_sections(lines: &[PastedLine]) -> Vec<bool> {
    let mut sections = vec![false];
    for line in lines {
        match line.kind {
            Kind::Heading(_) => sections.push(false),
            Kind::Numbered(..) => {
                if let Some(last) = sections.last_mut() {
                    *last = true;
                }
            }
            _ => {}
        }
    }
    sections
}

#[path = "import_report.rs"]
mod report;
#[path = "import_write.rs"]
mod write;

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
