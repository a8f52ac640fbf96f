//! Text hygiene for anything a person typed: nothing that reaches a screen or a text export may
//! carry terminal escape codes, control characters or bidi overrides; every other character is kept.

use std::borrow::Cow;

/// Cleans a note's text: removes escape sequences (CSI, OSC, DCS and two-byte ESC forms), C0/C1
/// control characters, DEL and bidi embedding/override/isolate marks; turns tabs into spaces and
/// CR/CRLF into LF; collapses runs of blank lines and trims the ends. Any other Unicode is kept.
pub fn sanitize(input: &str) -> String {
    sanitized(input).into_owned()
}

/// [`sanitize`]'s result, borrowed when `input` is clean already — the usual case, since text
/// typed in the app is cleaned when added — so exporting thousands of notes copies nothing.
pub fn sanitized(input: &str) -> Cow<'_, str> {
    if is_clean(input) {
        Cow::Borrowed(input)
    } else {
        Cow::Owned(clean(input))
    }
}

/// True only if [`sanitize`] would return `text` unchanged: nothing to remove or turn into
/// something else, no blank line, no white space at the start or at a line's end.
fn is_clean(text: &str) -> bool {
    // The common case, one line of printable ASCII: clean unless blank or padded.
    let bytes = text.as_bytes();
    if bytes.iter().all(|b| (b' '..=b'~').contains(b)) {
        return bytes.first().is_some_and(|&b| b != b' ')
            && bytes.last().is_some_and(|&b| b != b' ');
    }
    // Printable ASCII needs no character-by-character look.
    let allowed = |line: &str| {
        line.bytes().all(|b| (b' '..=b'~').contains(&b)) || !line.chars().any(is_forbidden)
    };
    // A line that is not empty and does not end in white space is not blank.
    !text.starts_with(char::is_whitespace)
        && text
            .split('\n')
            .all(|line| !line.is_empty() && !line.ends_with(char::is_whitespace) && allowed(line))
}

fn clean(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // C1 CSI / OSC / DCS / SOS / PM / APC introduce sequences of their own.
            '\u{9b}' => skip_csi_body(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string_body(&mut chars),
            '\t' => out.push(' '),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            // Unicode's line and paragraph separators break lines as LF does.
            '\n' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            c if is_forbidden(c) => {}
            c => out.push(c),
        }
    }
    tidy_lines(&out)
}

/// Cleans text that must stay on one line (names, initials): like [`sanitize`], with line breaks
/// turned into spaces.
pub fn sanitize_line(input: &str) -> String {
    sanitize(input)
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Characters that never stay as they are: controls, bidi marks, and the Unicode line and
/// paragraph separators (which [`clean`] turns into line breaks).
fn is_forbidden(c: char) -> bool {
    c.is_control() // C0, DEL, C1
        || matches!(c, '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_csi_body(chars),
        Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => skip_string_body(chars),
        // Two- and three-byte forms: ESC ( B, ESC # 8, ESC c, ESC 7 …
        Some('(' | ')' | '*' | '+' | '-' | '.' | '/' | '#' | '%' | ' ') => {
            chars.next();
        }
        _ => {}
    }
}

/// Parameters and intermediates, then one final byte in `@`..=`~`.
fn skip_csi_body(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('@'..='~').contains(&c) {
            break;
        }
        if !(' '..='?').contains(&c) {
            // Malformed sequence: stop skipping rather than swallow real text.
            break;
        }
    }
}

/// OSC / DCS strings end with BEL, ST (ESC \) or C1 ST.
fn skip_string_body(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

fn tidy_lines(text: &str) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for line in text.split('\n').map(str::trim_end) {
        let blank = line.trim().is_empty();
        if blank && lines.last().is_none_or(|l| l.trim().is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    lines.join("\n").trim_start().to_string()
}

/// Characters of a note quoted in a status message.
pub const QUOTE_CHARS: usize = 30;

/// The start of a note as a message quotes it: “…”, at most [`QUOTE_CHARS`] characters, on
/// one line.
pub fn quote(text: &str) -> String {
    let mut q: String = text
        .chars()
        .take(QUOTE_CHARS)
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    if text.chars().count() > QUOTE_CHARS {
        q.push('…');
    }
    format!("“{q}”")
}

#[cfg(test)]
mod tests {
    use super::*;

    use proptest::prelude::*;

    #[test]
    fn keeps_unicode_exactly() {
        let s = "Café — naïve 😀 家族 عائلة";
        assert_eq!(sanitize(s), s);
    }

    #[test]
    fn strips_csi_osc_and_controls() {
        assert_eq!(sanitize("a\u{1b}[2Jb\u{1b}[31mc"), "abc");
        assert_eq!(sanitize("x\u{1b}]52;c;ZXZpbA==\u{7}y"), "xy");
        assert_eq!(
            sanitize("\u{1b}]8;;http://evil\u{1b}\\link\u{1b}]8;;\u{1b}\\"),
            "link"
        );
        assert_eq!(sanitize("n\u{0}u\u{7f}l\u{85}l\u{9b}31m"), "null");
        assert_eq!(sanitize("bidi\u{202e}txet\u{2066}"), "biditxet");
    }

    #[test]
    fn tabs_and_line_endings() {
        assert_eq!(sanitize("a\tb\r\nc\rd"), "a b\nc\nd");
        assert_eq!(sanitize("\n\n  one\n\n\n\ntwo\n\n"), "one\n\ntwo");
        assert_eq!(sanitize_line("  first\nsecond \n"), "first second");
    }

    #[test]
    fn unicode_line_separators_break_lines_and_never_survive_one_line_cleaning() {
        assert_eq!(sanitize("a\u{2028}b\u{2029}c"), "a\nb\nc");
        assert_eq!(
            sanitize_line("Tuesday\u{2028}cohort\u{2029}"),
            "Tuesday cohort"
        );
    }

    proptest! {
        #[test]
        fn never_leaves_escape_or_control(s in any::<String>()) {
            let clean = sanitize(&s);
            prop_assert!(!clean.chars().any(|c| c != '\n' && (c.is_control() || is_forbidden(c))));
        }

        #[test]
        fn plain_text_is_unchanged(s in "[a-zA-Z0-9 éü😀家,.!?-]{1,60}") {
            let expected = s.trim().to_string();
            prop_assert_eq!(sanitize(&s), expected);
        }

        #[test]
        fn idempotent(s in any::<String>()) {
            let once = sanitize(&s);
            prop_assert_eq!(sanitize(&once), once.clone());
            prop_assert_eq!(clean(&once), once);
        }

        /// The shortcut for clean text borrows only what the full cleaning would keep as is.
        #[test]
        fn the_clean_shortcut_is_exact(
            s in prop_oneof![any::<String>(), "[a-zé \t\n\r\u{202e}\u{a0}]{0,30}"]
        ) {
            for text in [s.clone(), clean(&s)] {
                if is_clean(&text) {
                    prop_assert_eq!(clean(&text), text.clone());
                }
                prop_assert_eq!(sanitized(&text).into_owned(), clean(&text));
            }
        }
    }
}
