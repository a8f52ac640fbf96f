//! Parses a deck file, a Markdown-style outline a trainer can write in any editor, into a [`Deck`].
//!
//! ```text
//! # Practice behaviors                     the title: the first line that is not blank or a comment
//! source: Title of the document, "…"   required before the first category: where the wording comes from
//! kind: practice                          optional: practice (default), leadership, principles or
//!                                          examples; the activity words its steps to fit
//! Intro paragraphs and "- bullets".        optional: the deck's opening page
//! ## Foundational                          a category (one card / one round of the activity)
//! source: Title of the document, "…"   optional: this category's own source (once per category)
//! label: Borrowed from …                   optional: a line in the app's voice atop the card
//! kind: leadership                         optional: this card's kind, when not the deck's
//! Intro paragraphs and "- bullets".
//! 1. Be open, honest, clear and respectful in your communications     a numbered behavior
//!
//!    Body paragraphs of the behavior, after a blank line, before its first lettered item.
//!    a. Use language and body language …                              a lettered item
//!       i. Supervisors: Participate on the CPM implementation team.   a role item
//!       ii. A sub-item with no role                                    a sub-item
//! // a comment line, ignored
//! ```
//!
//! The outline habits of handouts are accepted. Indentation is optional: the markers decide the
//! level. `1)` is read as `1.`, `a)` as `a.`. A line with no marker continues the line above it
//! (wrapped lines: a behavior's title, a paragraph, bullet or item); a blank line ends it, so a
//! behavior's body paragraphs start after a blank line. The title and `source:` lines are one
//! line each. Under a numbered behavior a bullet (`-`, `*`, `•`) is an item, as a letter would
//! be. A roman numeral (`i.` … `xxxix.`) under an item is a sub-item, a role item when it starts
//! with `Supervisor(s):`, `Manager(s):` or `Director(s):` (any case); `i.`, `v.` and `x.` are
//! lettered items when they follow `h.`, `u.` and `w.` or come first. Behavior numbers increase
//! within a category and may skip; each category may restart at 1 or run on from the last (the
//! ERP principles run 1–20 across five stages). `###` and deeper headings are refused rather than
//! guessed at. Windows and old Mac line endings and a byte-order mark are read as plain text.
//! Control characters (other than tab, read as a space) and bidi overrides are refused.

use std::collections::HashMap;
use std::path::Path;

use super::deck::{Behavior, Block, Category, Deck, DeckKind, Item, Role, RoleItem};
use super::deck_line::{Line, classify, control_character, next_letter};
use super::error::{ContentError, DeckProblem};

/// Parses deck text; `id` names the deck and `file` is used in error messages.
pub fn parse_deck(id: &str, file: &Path, text: &str) -> Result<Deck, ContentError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A lone CR (old Mac files, some clipboard pastes) ends a line as LF does; CRLF stays one.
    let unified;
    let text = if text.contains('\r') {
        unified = text.replace("\r\n", "\n").replace('\r', "\n");
        unified.as_str()
    } else {
        text
    };
    let mut parser = Parser::new(id, file);
    // Lines as an editor numbers them: a final newline does not start another line.
    let body = text.strip_suffix('\n').unwrap_or(text);
    let mut last_line = 0;
    for (index, raw) in body.split('\n').enumerate() {
        last_line = index + 1;
        parser.line(last_line, raw)?;
    }
    parser.finish(last_line.max(1))
}

/// Which text a continuation line extends.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Open {
    Nothing,
    /// The title of the last numbered behavior (a wrapped title).
    Title,
    /// The last paragraph or bullet of the current scope (deck intro, category intro or body).
    Block,
    Item,
    Role,
}

struct Parser<'a> {
    file: &'a Path,
    deck: Deck,
    title_line: Option<usize>,
    deck_source_line: Option<usize>,
    category_line: usize,
    category_source_line: Option<usize>,
    category_names: HashMap<String, usize>,
    numbers: HashMap<u32, usize>,
    last_number: Option<u32>,
    open: Open,
}

impl<'a> Parser<'a> {
    fn new(id: &str, file: &'a Path) -> Self {
        Parser {
            file,
            deck: Deck {
                id: id.to_string(),
                title: String::new(),
                source: String::new(),
                kind: DeckKind::default(),
                intro: Vec::new(),
                categories: Vec::new(),
            },
            title_line: None,
            deck_source_line: None,
            category_line: 0,
            category_source_line: None,
            category_names: HashMap::new(),
            numbers: HashMap::new(),
            last_number: None,
            open: Open::Nothing,
        }
    }

    fn err(&self, line: usize, problem: DeckProblem) -> ContentError {
        ContentError::Deck {
            file: self.file.to_path_buf(),
            line,
            column: None,
            problem,
        }
    }

    fn line(&mut self, n: usize, raw: &str) -> Result<(), ContentError> {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some((col, code)) = control_character(raw) {
            return Err(ContentError::Deck {
                file: self.file.to_path_buf(),
                line: n,
                column: Some(col),
                problem: DeckProblem::ControlCharacter { code },
            });
        }
        let spaced;
        let raw = if raw.contains('\t') {
            spaced = raw.replace('\t', " ");
            spaced.as_str()
        } else {
            raw
        };
        let line = classify(raw.trim()).map_err(|p| self.err(n, p))?;
        if matches!(line, Line::Blank | Line::Comment) {
            if line == Line::Blank {
                self.open = Open::Nothing;
            }
            return Ok(());
        }
        if self.title_line.is_none() {
            return match line {
                Line::Title(title) => self.title(n, title),
                _ => Err(self.err(n, DeckProblem::MissingTitle)),
            };
        }
        match line {
            Line::Blank | Line::Comment => Ok(()),
            Line::Title(_) => Err(self.err(
                n,
                DeckProblem::SecondTitle {
                    first_line: self.title_line.unwrap_or(1),
                },
            )),
            Line::Category(name) => self.category(n, name),
            Line::Source(source) => self.source(n, source),
            Line::Label(label) => self.label(n, label),
            Line::Kind(word) => self.kind(n, word),
            Line::Numbered {
                marker,
                number,
                text,
            } => self.behavior(n, marker, number, text),
            Line::Lettered {
                marker,
                letter,
                text,
            } => self.item(n, marker, letter, text),
            Line::Role {
                marker,
                numeral,
                role,
                word,
                text,
            } => self.sub_item(n, marker, numeral, Some((role, word)), text),
            Line::SubItem {
                marker,
                numeral,
                text,
            } => self.sub_item(n, marker, numeral, None, text),
            Line::Bullet(text) => self.bullet(n, text),
            Line::Text(text) => self.text(n, text),
        }
    }

    fn title(&mut self, n: usize, title: &str) -> Result<(), ContentError> {
        if title.is_empty() {
            return Err(self.err(n, DeckProblem::EmptyTitle));
        }
        self.deck.title = title.to_string();
        self.title_line = Some(n);
        self.open = Open::Nothing;
        Ok(())
    }

    fn category(&mut self, n: usize, name: &str) -> Result<(), ContentError> {
        if self.deck_source_line.is_none() {
            return Err(self.err(n, DeckProblem::MissingSource));
        }
        if name.is_empty() {
            return Err(self.err(n, DeckProblem::CategoryNoName));
        }
        self.check_last_category()?;
        let key = name.to_lowercase();
        if let Some(&first_line) = self.category_names.get(&key) {
            return Err(self.err(
                n,
                DeckProblem::DuplicateCategory {
                    name: name.to_string(),
                    first_line,
                },
            ));
        }
        self.category_names.insert(key, n);
        self.deck.categories.push(Category {
            name: name.to_string(),
            source: None,
            label: None,
            kind: None,
            intro: Vec::new(),
            behaviors: Vec::new(),
        });
        self.category_line = n;
        self.category_source_line = None;
        // Numbering may restart under each category, as handouts and Markdown lists number.
        self.numbers.clear();
        self.last_number = None;
        self.open = Open::Nothing;
        Ok(())
    }

    fn check_last_category(&self) -> Result<(), ContentError> {
        match self.deck.categories.last() {
            Some(c) if c.intro.is_empty() && c.behaviors.is_empty() => Err(self.err(
                self.category_line,
                DeckProblem::EmptyCategory {
                    name: c.name.clone(),
                },
            )),
            _ => Ok(()),
        }
    }

    fn source(&mut self, n: usize, source: &str) -> Result<(), ContentError> {
        if source.is_empty() {
            return Err(self.err(n, DeckProblem::EmptySource));
        }
        let first = if self.deck.categories.is_empty() {
            &mut self.deck_source_line
        } else {
            &mut self.category_source_line
        };
        if let Some(first_line) = *first {
            return Err(self.err(n, DeckProblem::DuplicateSource { first_line }));
        }
        *first = Some(n);
        match self.deck.categories.last_mut() {
            Some(category) => category.source = Some(source.to_string()),
            None => self.deck.source = source.to_string(),
        }
        self.open = Open::Nothing;
        Ok(())
    }

    fn label(&mut self, n: usize, label: &str) -> Result<(), ContentError> {
        let Some(category) = self.deck.categories.last_mut() else {
            return Err(self.err(n, DeckProblem::LabelOutsideCategory));
        };
        if label.is_empty() || category.label.is_some() {
            return Err(self.err(n, DeckProblem::BadLabel));
        }
        category.label = Some(label.to_string());
        self.open = Open::Nothing;
        Ok(())
    }

    fn kind(&mut self, n: usize, word: &str) -> Result<(), ContentError> {
        let kind = DeckKind::parse(word).ok_or_else(|| {
            self.err(
                n,
                DeckProblem::UnknownKind {
                    word: word.to_string(),
                },
            )
        })?;
        match self.deck.categories.last_mut() {
            Some(category) => category.kind = Some(kind),
            None => self.deck.kind = kind,
        }
        self.open = Open::Nothing;
        Ok(())
    }

    fn behavior(
        &mut self,
        n: usize,
        marker: &str,
        number: u32,
        text: &str,
    ) -> Result<(), ContentError> {
        if self.deck.categories.is_empty() {
            return Err(self.err(
                n,
                DeckProblem::BehaviorOutsideCategory {
                    marker: marker.to_string(),
                },
            ));
        }
        if let Some(&first_line) = self.numbers.get(&number) {
            return Err(self.err(n, DeckProblem::DuplicateNumber { number, first_line }));
        }
        if let Some(previous) = self.last_number.filter(|&p| p > number) {
            return Err(self.err(n, DeckProblem::NumberOutOfOrder { number, previous }));
        }
        self.numbers.insert(number, n);
        self.last_number = Some(number);
        if let Some(category) = self.deck.categories.last_mut() {
            category.behaviors.push(Behavior {
                number,
                title: text.to_string(),
                body: Vec::new(),
                items: Vec::new(),
            });
        }
        self.open = Open::Title;
        Ok(())
    }

    fn item(
        &mut self,
        n: usize,
        marker: &str,
        letter: char,
        text: &str,
    ) -> Result<(), ContentError> {
        // `i.`, `v.`, `x.` under an item are its sub-items unless they continue the letters.
        if let Some(last) = self.last_item()
            && matches!(letter, 'i' | 'v' | 'x')
            && (last.bulleted || next_letter(last.letter) != letter)
        {
            return self.sub_item(n, marker, &letter.to_string(), None, text);
        }
        self.push_item(n, marker, letter, false, text)
    }

    /// A bullet: an item under a numbered behavior, else a bullet of the intro.
    fn bullet(&mut self, n: usize, text: &str) -> Result<(), ContentError> {
        let in_behavior = self
            .deck
            .categories
            .last()
            .is_some_and(|c| !c.behaviors.is_empty());
        if !in_behavior {
            return self.block(n, Block::Bullet(text.to_string()));
        }
        if text.is_empty() {
            return Err(self.err(n, DeckProblem::EmptyMarker { marker: "-".into() }));
        }
        let letter = self.last_item().map_or('a', |i| next_letter(i.letter));
        self.push_item(n, "-", letter, true, text)
    }

    fn push_item(
        &mut self,
        n: usize,
        marker: &str,
        letter: char,
        bulleted: bool,
        text: &str,
    ) -> Result<(), ContentError> {
        let Some(behavior) = self
            .deck
            .categories
            .last_mut()
            .and_then(|c| c.behaviors.last_mut())
        else {
            return Err(self.err(
                n,
                DeckProblem::LetteredBeforeBehavior {
                    marker: marker.to_string(),
                },
            ));
        };
        behavior.items.push(Item {
            letter,
            bulleted,
            text: text.to_string(),
            roles: Vec::new(),
        });
        self.open = Open::Item;
        Ok(())
    }

    fn sub_item(
        &mut self,
        n: usize,
        marker: &str,
        numeral: &str,
        role: Option<(Role, &str)>,
        text: &str,
    ) -> Result<(), ContentError> {
        let Some(item) = self.last_item() else {
            return Err(self.err(
                n,
                DeckProblem::RoleBeforeLettered {
                    marker: marker.to_string(),
                },
            ));
        };
        item.roles.push(RoleItem {
            numeral: numeral.to_string(),
            role: role.map(|(r, _)| r),
            role_word: role.map(|(_, w)| w.to_string()).unwrap_or_default(),
            text: text.to_string(),
        });
        self.open = Open::Role;
        Ok(())
    }

    fn last_item(&mut self) -> Option<&mut Item> {
        self.deck
            .categories
            .last_mut()
            .and_then(|c| c.behaviors.last_mut())
            .and_then(|b| b.items.last_mut())
    }

    /// The blocks new paragraphs and bullets go to, or the error if a behavior's items came first.
    fn scope(&mut self, n: usize) -> Result<&mut Vec<Block>, ContentError> {
        let after_items = self
            .deck
            .categories
            .last()
            .and_then(|c| c.behaviors.last())
            .and_then(|b| b.items.last())
            .map(|item| item.marker());
        if let Some(marker) = after_items {
            return Err(self.err(n, DeckProblem::TextAfterItems { marker }));
        }
        Ok(match self.deck.categories.last_mut() {
            None => &mut self.deck.intro,
            Some(category) => match category.behaviors.last_mut() {
                Some(behavior) => &mut behavior.body,
                None => &mut category.intro,
            },
        })
    }

    fn block(&mut self, n: usize, block: Block) -> Result<(), ContentError> {
        self.scope(n)?.push(block);
        self.open = Open::Block;
        Ok(())
    }

    fn text(&mut self, n: usize, text: &str) -> Result<(), ContentError> {
        let target = match self.open {
            Open::Nothing => return self.block(n, Block::Paragraph(text.to_string())),
            Open::Title => match self
                .deck
                .categories
                .last_mut()
                .and_then(|c| c.behaviors.last_mut())
            {
                Some(behavior) => &mut behavior.title,
                None => return Ok(()),
            },
            Open::Block => match self.scope(n)?.last_mut() {
                Some(Block::Paragraph(s) | Block::Bullet(s)) => s,
                None => return self.block(n, Block::Paragraph(text.to_string())),
            },
            Open::Item => match self.last_item() {
                Some(item) => &mut item.text,
                None => return Ok(()),
            },
            Open::Role => match self.last_item().and_then(|i| i.roles.last_mut()) {
                Some(role) => &mut role.text,
                None => return Ok(()),
            },
        };
        if !target.is_empty() {
            target.push(' ');
        }
        target.push_str(text);
        Ok(())
    }

    fn finish(mut self, last_line: usize) -> Result<Deck, ContentError> {
        if self.title_line.is_none() {
            return Err(self.err(1, DeckProblem::Empty));
        }
        if self.deck_source_line.is_none() {
            return Err(self.err(last_line, DeckProblem::MissingSource));
        }
        if self.deck.categories.is_empty() {
            return Err(self.err(last_line, DeckProblem::NoCategories));
        }
        self.check_last_category()?;
        self.open = Open::Nothing;
        Ok(self.deck)
    }
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "parse_props.rs"]
mod props;
