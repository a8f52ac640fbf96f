//! The lines of text pasted out of a PDF or Word handout, cleaned and sorted: what each line is
//! (a category heading, a numbered behavior, an item, a sub-item, a bullet, text) and which lines
//! are page furniture to drop (page numbers, running headers, stray glyphs).

use std::collections::HashMap;

use super::deck_line::{BULLET_GLYPHS, is_roman, marker};

/// Why a pasted line was left out of the deck.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropReason {
    /// A line that is only a page number ("4", "Page 4 of 9", "- 4 -").
    PageNumber,
    /// A line repeated on several pages (a running header or footer), or the handout's title.
    RunningHeader,
    /// A line of stray symbols left by the PDF's fonts.
    StrayGlyphs,
    /// A heading with nothing under it.
    EmptyHeading,
}

impl DropReason {
    /// How the report names this reason.
    pub fn label(self) -> &'static str {
        match self {
            DropReason::PageNumber => "page number",
            DropReason::RunningHeader => "running header or footer",
            DropReason::StrayGlyphs => "stray symbols",
            DropReason::EmptyHeading => "heading with nothing under it",
        }
    }
}

/// What one pasted line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Blank,
    /// A category heading; the name as the handout writes it, less a trailing "Behaviors".
    Heading(String),
    /// `Source: …` written in the pasted text.
    Source(String),
    /// `1.`, `1)` or `1 Title`; the text may be empty when the PDF put it on the next line.
    Numbered(u32, String),
    /// `a.`, `a)` or `(a)`.
    Lettered(char, String),
    /// `ii.`, `ii)` or `(ii)` (a roman numeral longer than one letter).
    Roman(String, String),
    /// A bullet; `nested` for the second-level glyphs Word uses (`o`, `◦`, `▪`, `–`).
    Bullet {
        nested: bool,
        text: String,
    },
    Text(String),
    /// Left out, for this reason.
    Dropped(DropReason),
}

/// A pasted line: its 1-based number, its text as cleaned, its indentation and what it is.
#[derive(Debug, Clone)]
pub struct PastedLine {
    pub number: usize,
    pub text: String,
    pub indent: usize,
    pub kind: Kind,
}

/// Splits pasted text into cleaned, classified lines; `title` is the deck's title, which a
/// handout often repeats as its running header. Also returns how many invisible or control
/// characters were removed.
pub fn pasted_lines(text: &str, title: &str) -> (Vec<PastedLine>, usize) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut removed = 0;
    let cleaned: Vec<(String, usize)> = text
        .split('\n')
        .map(|raw| {
            let (line, n) = clean(raw);
            removed += n;
            let indent = line.chars().take_while(|c| *c == ' ').count();
            (line.trim().to_string(), indent)
        })
        .collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (line, _) in &cleaned {
        *seen.entry(line.as_str()).or_default() += 1;
    }
    let mut headings_seen: Vec<String> = Vec::new();
    let mut lines: Vec<PastedLine> = Vec::new();
    for (i, (line, indent)) in cleaned.iter().enumerate() {
        let mut kind = classify(line, title);
        let repeated = seen.get(line.as_str()).copied().unwrap_or(0) > 1;
        match &kind {
            // A "… Behaviors" heading printed again on the next page continues its category.
            Kind::Heading(name) if is_behaviors_heading(line) => {
                let key = name.to_lowercase();
                if headings_seen.contains(&key) {
                    kind = Kind::Dropped(DropReason::RunningHeader);
                } else {
                    headings_seen.push(key);
                }
            }
            // Any other short line on every page ("CORE PRACTICE MODEL") is the page's header.
            Kind::Heading(_) | Kind::Text(_) if repeated && looks_like_a_header(line) => {
                kind = Kind::Dropped(DropReason::RunningHeader);
            }
            _ => {}
        }
        lines.push(PastedLine {
            number: i + 1,
            text: line.clone(),
            indent: *indent,
            kind,
        });
    }
    promote_short_headings(&mut lines);
    (lines, removed)
}

/// Removes control characters, bidi overrides and zero-width characters (counted), turns tabs
/// and no-break spaces into spaces and strips Markdown bold marks a PDF converter adds.
fn clean(raw: &str) -> (String, usize) {
    let mut removed = 0;
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\t' => out.push_str("    "),
            '\u{a0}' | '\u{2007}' | '\u{202f}' => out.push(' '),
            '\u{200b}'..='\u{200d}' | '\u{feff}' | '\u{00ad}' => removed += 1,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => removed += 1,
            c if c.is_control() => removed += 1,
            c => out.push(c),
        }
    }
    (out.replace("**", ""), removed)
}

/// Sorts one trimmed, cleaned line.
fn classify(line: &str, title: &str) -> Kind {
    if line.is_empty() {
        return Kind::Blank;
    }
    if is_page_number(line) {
        return Kind::Dropped(DropReason::PageNumber);
    }
    if line
        .trim_start_matches('#')
        .trim()
        .eq_ignore_ascii_case(title.trim())
    {
        return Kind::Dropped(DropReason::RunningHeader);
    }
    if let Some(rest) = line.strip_prefix("## ").or_else(|| line.strip_prefix("# ")) {
        return Kind::Heading(heading_name(rest.trim()));
    }
    if let Some(source) = line
        .get(..7)
        .filter(|head| head.eq_ignore_ascii_case("source:"))
        .map(|_| line[7..].trim())
        .filter(|s| !s.is_empty())
    {
        return Kind::Source(source.to_string());
    }
    if let Some(kind) = bullet(line) {
        return kind;
    }
    if let Some(kind) = marked(line) {
        return kind;
    }
    if !line.chars().any(|c| c.is_alphanumeric()) || is_stray_glyph(line) {
        return Kind::Dropped(DropReason::StrayGlyphs);
    }
    if is_behaviors_heading(line) || is_capitals_heading(line) {
        return Kind::Heading(heading_name(line));
    }
    Kind::Text(line.to_string())
}

/// A bullet line, or a marker line written after a bullet (`- a. Use language…`).
fn bullet(line: &str) -> Option<Kind> {
    let first = line.chars().next()?;
    let (nested, rest) = if line == "-" || line == "*" {
        (false, "")
    } else if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        (false, rest)
    } else if let Some(rest) = line.strip_prefix("o ").or_else(|| line.strip_prefix("– ")) {
        (true, rest)
    } else if BULLET_GLYPHS.contains(&first) {
        (matches!(first, '◦' | '▪' | '▫'), &line[first.len_utf8()..])
    } else {
        return None;
    };
    let rest = rest.trim();
    Some(marked(rest).unwrap_or_else(|| Kind::Bullet {
        nested,
        text: rest.to_string(),
    }))
}

/// A numbered, lettered or roman-numbered line (`1.`, `1)`, `1 Title`, `(a)`, `ii.`).
fn marked(line: &str) -> Option<Kind> {
    let unbracketed = line
        .strip_prefix('(')
        .and_then(|rest| rest.split_once(')'))
        .filter(|(token, _)| token.len() <= 5 && token.bytes().all(|b| b.is_ascii_lowercase()))
        .map(|(token, rest)| (token, rest.trim()));
    let (token, rest) = match unbracketed.or_else(|| marker(line)) {
        Some(found) => found,
        None => return numbered_without_dot(line),
    };
    if token.bytes().all(|b| b.is_ascii_digit()) {
        return token
            .parse()
            .ok()
            .map(|n| Kind::Numbered(n, rest.to_string()));
    }
    let mut chars = token.chars();
    match (chars.next(), chars.next()) {
        (Some(letter), None) => Some(Kind::Lettered(letter, rest.to_string())),
        _ if is_roman(token) => Some(Kind::Roman(token.to_string(), rest.to_string())),
        _ => None,
    }
}

/// `1 Model CPM behaviors…`: a number of one or two digits, a space, then a capital letter, as
/// some PDFs print a numbered heading without its dot.
fn numbered_without_dot(line: &str) -> Option<Kind> {
    let (token, rest) = line.split_once(' ')?;
    let short_number = (1..=2).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_digit());
    let capital = rest.trim_start().starts_with(|c: char| c.is_uppercase());
    (short_number && capital)
        .then(|| token.parse().ok())
        .flatten()
        .map(|n| Kind::Numbered(n, rest.trim().to_string()))
}

/// "4", "Page 4", "Page 4 of 9", "- 4 -", "4 / 9", "4 | Page".
fn is_page_number(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '|' | '/'))
        .filter(|w| !w.is_empty())
        .collect();
    let numeric = |w: &&str| w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
    !words.is_empty()
        && words.len() <= 4
        && words.iter().any(numeric)
        && words
            .iter()
            .all(|w| numeric(w) || *w == "page" || *w == "of")
}

/// A line of one or two characters none of which is an ASCII letter or digit ("۵", "").
fn is_stray_glyph(line: &str) -> bool {
    line.chars().count() <= 2 && !line.chars().any(|c| c.is_ascii_alphanumeric())
}

/// "Engagement Behaviors", "Teaming Behaviors for Leadership": a short line, no full stop.
fn is_behaviors_heading(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words = line.split_whitespace().count();
    words <= 8
        && !ends_a_sentence(line)
        && line.starts_with(|c: char| c.is_uppercase())
        && (lower.contains("behaviors") || lower.contains("behaviours"))
}

/// A short line in capitals ("ENGAGEMENT", "PRE-WORK"), with at least two letters.
fn is_capitals_heading(line: &str) -> bool {
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && line.split_whitespace().count() <= 8
        && !ends_a_sentence(line)
        && !line.chars().any(|c| c.is_lowercase())
}

fn ends_a_sentence(line: &str) -> bool {
    line.ends_with(['.', '!', '?', ';', ','])
}

/// A repeated line that reads as page furniture: short and not a sentence.
fn looks_like_a_header(line: &str) -> bool {
    line.chars().count() <= 80 && !ends_a_sentence(line)
}

/// The category name for a heading: "Engagement Behaviors" → "Engagement".
fn heading_name(line: &str) -> String {
    let trimmed = line.trim().trim_end_matches(':').trim();
    for suffix in [" Behaviors", " Behaviours", " behaviors", " behaviours"] {
        if let Some(name) = trimmed.strip_suffix(suffix)
            && !name.trim().is_empty()
        {
            return name.trim().to_string();
        }
    }
    trimmed.to_string()
}

/// A short title-like line on its own (after a blank line or at the start) directly followed by
/// a numbered behavior or bullet is a category heading too ("Engagement", then "1. …").
fn promote_short_headings(lines: &mut [PastedLine]) {
    for i in 0..lines.len() {
        let Kind::Text(text) = &lines[i].kind else {
            continue;
        };
        let after_blank = i == 0 || matches!(lines[i - 1].kind, Kind::Blank | Kind::Dropped(_));
        let next = lines[i + 1..]
            .iter()
            .find(|l| !matches!(l.kind, Kind::Blank | Kind::Dropped(_)));
        let opens_a_list = matches!(
            next.map(|l| &l.kind),
            Some(Kind::Numbered(..) | Kind::Bullet { .. })
        );
        let short = text.split_whitespace().count() <= 6
            && !ends_a_sentence(text)
            && !text.ends_with(':')
            && text.starts_with(|c: char| c.is_uppercase());
        if after_blank && opens_a_list && short {
            lines[i].kind = Kind::Heading(heading_name(text));
        }
    }
}
