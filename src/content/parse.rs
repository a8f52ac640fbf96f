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

/// One classified line of a deck file.
#[derive(Debug, PartialEq)]
enum Line<'a> {
    Blank,
    Comment,
    Title(&'a str),
    Category(&'a str),
    Source(&'a str),
    /// `label:` — a card's label in the app's voice.
    Label(&'a str),
    /// `kind:` — what the deck's or card's entries are.
    Kind(&'a str),
    Numbered {
        marker: &'a str,
        number: u32,
        text: &'a str,
    },
    Lettered {
        marker: &'a str,
        letter: char,
        text: &'a str,
    },
    Role {
        marker: &'a str,
        numeral: &'a str,
        role: Role,
        word: &'a str,
        text: &'a str,
    },
    /// A roman numeral longer than one letter, with no role word.
    SubItem {
        marker: &'a str,
        numeral: &'a str,
        text: &'a str,
    },
    Bullet(&'a str),
    Text(&'a str),
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

/// Sorts a trimmed line into its kind, or says why it cannot be read.
fn classify(line: &str) -> Result<Line<'_>, DeckProblem> {
    if line.is_empty() {
        return Ok(Line::Blank);
    }
    if line.starts_with("//") {
        return Ok(Line::Comment);
    }
    if line.starts_with('#') {
        return heading(line);
    }
    if let Some(source) = strip_prefix_ignore_case(line, "source:") {
        return Ok(Line::Source(source.trim()));
    }
    if let Some(label) = strip_prefix_ignore_case(line, "label:") {
        return Ok(Line::Label(label.trim()));
    }
    if let Some(word) = strip_prefix_ignore_case(line, "kind:") {
        return Ok(Line::Kind(word.trim()));
    }
    if let Some(rest) = bullet_text(line) {
        return Ok(Line::Bullet(rest));
    }
    match marker(line) {
        Some((token, rest)) => marked(line, token, rest),
        None => Ok(Line::Text(line)),
    }
}

fn heading(line: &str) -> Result<Line<'_>, DeckProblem> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    let rest = &line[hashes..];
    let spaced = rest.is_empty() || rest.starts_with(char::is_whitespace);
    match (hashes, spaced) {
        (1, true) => Ok(Line::Title(rest.trim())),
        (2, true) => Ok(Line::Category(rest.trim())),
        (1 | 2, false) => Err(DeckProblem::HeadingNeedsSpace {
            marker: "#".repeat(hashes),
        }),
        _ => Err(DeckProblem::UnsupportedHeading {
            marker: "#".repeat(hashes.min(8)),
        }),
    }
}

/// The text of a bullet line (`- `, `* `, or a bullet glyph such as `•` with or without a space
/// after it), trimmed; `None` if the line is not a bullet.
pub(crate) fn bullet_text(line: &str) -> Option<&str> {
    if line == "-" || line == "*" {
        return Some("");
    }
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some(rest.trim());
    }
    let first = line.chars().next()?;
    BULLET_GLYPHS
        .contains(&first)
        .then(|| line[first.len_utf8()..].trim())
}

/// Bullet glyphs handouts use: `•` and its relatives, and U+F0B7, the private-use character a
/// Word "Symbol" bullet becomes when its text is copied out of a PDF.
pub(crate) const BULLET_GLYPHS: [char; 7] = ['•', '◦', '▪', '▫', '●', '‣', '\u{f0b7}'];

/// Splits `tok. rest` (or `tok) rest`) where `tok` is digits or lowercase ASCII letters and a
/// space (or the end of the line) follows the dot or parenthesis.
pub(crate) fn marker(line: &str) -> Option<(&str, &str)> {
    let at = line.find(['.', ')'])?;
    let (token, rest) = (&line[..at], &line[at + 1..]);
    let digits = !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit());
    let letters = !token.is_empty() && token.bytes().all(|b| b.is_ascii_lowercase());
    if !(digits || letters) || !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    Some((token, rest.trim()))
}

fn marked<'a>(line: &'a str, token: &'a str, rest: &'a str) -> Result<Line<'a>, DeckProblem> {
    let marker = &line[..token.len() + 1];
    let empty = || DeckProblem::EmptyMarker {
        marker: marker.to_string(),
    };
    if token.bytes().all(|b| b.is_ascii_digit()) {
        let number = token
            .parse::<u32>()
            .map_err(|_| DeckProblem::NumberTooLarge {
                marker: marker.to_string(),
            })?;
        if rest.is_empty() {
            return Err(empty());
        }
        return Ok(Line::Numbered {
            marker,
            number,
            text: rest,
        });
    }
    let roman = is_roman(token);
    if roman
        && let Some((word, after)) = role_prefix(rest)
        && let Some(role) = Role::parse(word)
    {
        if after.is_empty() {
            return Err(empty());
        }
        return Ok(Line::Role {
            marker,
            numeral: token,
            role,
            word,
            text: after,
        });
    }
    let mut letters = token.chars();
    match (letters.next(), letters.next()) {
        (Some(_), None) if rest.is_empty() => Err(empty()),
        (Some(letter), None) => Ok(Line::Lettered {
            marker,
            letter,
            text: rest,
        }),
        _ if roman && rest.is_empty() => Err(empty()),
        _ if roman => Ok(Line::SubItem {
            marker,
            numeral: token,
            text: rest,
        }),
        _ => Ok(Line::Text(line)),
    }
}

/// The letter after `letter` (`a` → `b`); `z` stays `z`.
pub(crate) fn next_letter(letter: char) -> char {
    match letter {
        'a'..='y' => char::from(letter as u8 + 1),
        other => other,
    }
}

/// `Word: rest` where `Word` is one word of letters; returns the word and the trimmed rest.
fn role_prefix(text: &str) -> Option<(&str, &str)> {
    let (word, rest) = text.split_once(':')?;
    let word = word.trim();
    let one_word = !word.is_empty() && word.len() <= 24 && word.chars().all(|c| c.is_alphabetic());
    one_word.then(|| (word, rest.trim()))
}

/// A lowercase roman numeral from i to xxxix, written the standard way.
pub(crate) fn is_roman(token: &str) -> bool {
    const ONES: [&str; 10] = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
    const TENS: [&str; 4] = ["", "x", "xx", "xxx"];
    !token.is_empty()
        && TENS.iter().enumerate().any(|(t, tens)| {
            token.strip_prefix(tens).is_some_and(|ones| {
                ONES.iter()
                    .enumerate()
                    .any(|(o, one)| *one == ones && (t > 0 || o > 0))
            })
        })
}

fn strip_prefix_ignore_case<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    let head = line.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &line[prefix.len()..])
}

/// The 1-based column and code of the first character a deck may not contain.
fn control_character(line: &str) -> Option<(usize, u32)> {
    // Most lines are plain printable ASCII; checking bytes first keeps parsing the shipped
    // decks (done at every start) from walking them a character at a time.
    if line
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) || b == b'\t')
    {
        return None;
    }
    line.chars().enumerate().find_map(|(i, c)| {
        let bad = (c.is_control() && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        bad.then_some((i + 1, c as u32))
    })
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
