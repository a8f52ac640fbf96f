//! One line of a deck file, sorted into what it is: a heading, a `source:` line, a numbered
//! behavior, a lettered, roman or role item, a bullet, or text. The deck parser decides what each
//! line means where it stands; this file only reads the markers.

use super::deck::Role;
use super::error::DeckProblem;

/// One classified line of a deck file.
#[derive(Debug, PartialEq)]
pub(super) enum Line<'a> {
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

/// Sorts a trimmed line into its kind, or says why it cannot be read.
pub(super) fn classify(line: &str) -> Result<Line<'_>, DeckProblem> {
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
pub(super) fn control_character(line: &str) -> Option<(usize, u32)> {
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
mod tests {
    use super::*;

    #[test]
    fn roman_numerals_are_recognised() {
        for ok in ["i", "ii", "iii", "iv", "v", "ix", "x", "xiv", "xxxix"] {
            assert!(is_roman(ok), "{ok}");
        }
        for no in ["", "iiii", "vv", "ic", "c", "mix", "xl", "vx", "abc"] {
            assert!(!is_roman(no), "{no}");
        }
    }
}
