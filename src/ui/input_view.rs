//! One-line text inputs: applying editing actions to them, and showing a long one in a narrow
//! box (the slice of it that is scrolled into view).

use super::keymap::Action;
use tui_input::{Input, InputRequest};
use unicode_width::UnicodeWidthChar;

/// Applies a typing action (a character, an editing key, a paste) to an input.
pub fn edit_input(input: &mut Input, action: Action) {
    match action {
        Action::Insert(c) => {
            input.handle(InputRequest::InsertChar(c));
        }
        Action::Line(req) => {
            input.handle(req);
        }
        Action::Paste(text) => insert_str(input, &text),
        _ => {}
    }
}

/// The lines of a paste that hold anything, trimmed: each becomes a note when there are several.
/// A line ends at LF, CRLF or a lone CR: terminals send a pasted line break as CR (xterm, tmux's
/// `paste-buffer -p`), files from Windows carry CRLF.
pub fn pasted_lines(text: &str) -> Vec<String> {
    text.split(['\r', '\n'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Inserts text at the cursor in one step (a long paste must not cost one edit per character);
/// line breaks and other controls become spaces.
pub fn insert_str(input: &mut Input, text: &str) {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let value = input.value();
    let at = input.cursor();
    let byte = value.char_indices().nth(at).map_or(value.len(), |(i, _)| i);
    let mut new = String::with_capacity(value.len() + clean.len());
    new.push_str(&value[..byte]);
    new.push_str(&clean);
    new.push_str(&value[byte..]);
    let cursor = at + clean.chars().count();
    *input = Input::new(new).with_cursor(cursor);
}

/// The part of `value` from display column `scroll` that fits in `width` columns.
pub fn visible_slice(value: &str, scroll: usize, width: usize) -> String {
    let mut col = 0;
    let mut out = String::new();
    for c in value.chars() {
        let c = if c.is_control() { ' ' } else { c };
        let w = c.width().unwrap_or(0);
        if col >= scroll {
            if col + w > scroll + width {
                break;
            }
            out.push(c);
        }
        col += w;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_splits_at_lf_crlf_and_lone_cr() {
        let want = ["one", "two", "three"];
        for text in [
            "one\ntwo\nthree",
            "one\r\ntwo\r\nthree\r\n",
            "one\rtwo\rthree\r",
            "one\r\ntwo\rthree\n\n",
        ] {
            assert_eq!(pasted_lines(text), want, "{text:?}");
        }
        assert_eq!(pasted_lines("just one line\r"), ["just one line"]);
        assert!(pasted_lines("\r\n\r \n").is_empty());
    }

    #[test]
    fn slices_by_columns() {
        assert_eq!(visible_slice("hello world", 6, 5), "world");
        assert_eq!(visible_slice("家族会議", 2, 4), "族会");
        assert_eq!(visible_slice(&"x".repeat(10_000), 9_990, 20).len(), 10);
    }
}
