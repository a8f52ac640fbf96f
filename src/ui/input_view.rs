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

/// What the scribe's note input makes of a key: notes to save (Enter, or a paste of several
/// lines), or nothing more (typing and editing are applied to `input` here). `Some(empty)` is
/// Enter on an empty input.
pub fn note_input_key(input: &mut Input, action: Action) -> Option<Vec<String>> {
    match action {
        Action::Submit => {
            let text = input.value().to_string();
            Some(if text.trim().is_empty() {
                Vec::new()
            } else {
                vec![text]
            })
        }
        Action::Paste(text) => {
            let lines = pasted_lines(&text);
            if lines.len() > 1 {
                return Some(lines);
            }
            if let Some(line) = lines.first() {
                insert_str(input, line);
            }
            None
        }
        other => {
            edit_input(input, other);
            None
        }
    }
}

/// Draws a note input's text in `inner`, wrapped, with the terminal's cursor at the input's.
pub fn draw_wrapped_input(frame: &mut ratatui::Frame, inner: ratatui::layout::Rect, input: &Input) {
    if inner.width < 2 || inner.height == 0 {
        return;
    }
    let typed = wrapped(
        input.value(),
        input.cursor(),
        usize::from(inner.width.saturating_sub(1)),
        usize::from(inner.height),
    );
    let (col, row) = typed.cursor;
    let lines: Vec<ratatui::text::Line> = typed
        .rows
        .into_iter()
        .map(ratatui::text::Line::from)
        .collect();
    frame.render_widget(ratatui::widgets::Paragraph::new(lines), inner);
    frame.set_cursor_position((
        (inner.x + col).min(inner.right().saturating_sub(1)),
        (inner.y + row).min(inner.bottom().saturating_sub(1)),
    ));
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

/// A text input shown over several rows: the rows in view and where the cursor is on them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapped {
    pub rows: Vec<String>,
    /// Column and row of the cursor within `rows`.
    pub cursor: (u16, u16),
}

/// `value` broken into rows of `width` columns (by character, so every position has a place
/// for the cursor), showing at most `height` rows: the first ones, or those that end at the
/// cursor's row once it is further down.
pub fn wrapped(value: &str, cursor: usize, width: usize, height: usize) -> Wrapped {
    let width = width.max(2);
    let mut rows = vec![String::new()];
    let mut col = 0;
    let mut at = (0, 0);
    for (i, c) in value.chars().enumerate() {
        let c = if c.is_control() { ' ' } else { c };
        let w = c.width().unwrap_or(0);
        if col + w > width {
            rows.push(String::new());
            col = 0;
        }
        if i == cursor {
            at = (col, rows.len() - 1);
        }
        if let Some(row) = rows.last_mut() {
            row.push(c);
        }
        col += w;
    }
    if cursor >= value.chars().count() {
        // After the last character; a full row sends the cursor to the next one.
        if col >= width {
            rows.push(String::new());
            col = 0;
        }
        at = (col, rows.len() - 1);
    }
    let height = height.max(1);
    let first = (at.1 + 1).saturating_sub(height);
    Wrapped {
        rows: rows.into_iter().skip(first).take(height).collect(),
        cursor: (
            u16::try_from(at.0).unwrap_or(u16::MAX),
            u16::try_from(at.1 - first).unwrap_or(u16::MAX),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_input_wraps_and_follows_the_cursor() {
        let w = wrapped("abcdefghij", 10, 4, 3);
        assert_eq!(w.rows, ["abcd", "efgh", "ij"]);
        assert_eq!(w.cursor, (2, 2));
        // Cursor on the first character of a later row.
        assert_eq!(wrapped("abcdefghij", 4, 4, 3).cursor, (0, 1));
        // More rows than fit: those ending at the cursor are shown.
        let w = wrapped("abcdefghijklmnop", 16, 4, 2);
        assert_eq!(w.rows, ["mnop", ""]);
        assert_eq!(w.cursor, (0, 1));
        assert_eq!(wrapped("abcdefghijklmnop", 0, 4, 2).rows, ["abcd", "efgh"]);
        // Wide characters never split across the edge.
        let w = wrapped("家族会議", 4, 5, 3);
        assert_eq!(w.rows, ["家族", "会議"]);
        assert_eq!(wrapped("", 0, 10, 2).rows, [""]);
    }

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
