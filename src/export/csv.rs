//! CSV export: a header and one row per note, in the handouts' order (group, category, prompt,
//! then commitments), RFC 4180 quoting by the `csv` crate, CRLF line ends, UTF-8. Columns:
//! Session, Date, Group, Group name, Category, Prompt, Text, Initials, Created (RFC 3339, with
//! the offset it was written in). Every cell is cleaned as the other text exports are (escape
//! codes, control characters but line breaks, and bidi overrides removed), so a file that is
//! printed in a terminal cannot drive it. Text typed in the app or given on the command line
//! was cleaned the same way when added, so it comes out exactly — line breaks and all; only a
//! session file edited by hand can lose characters here.
//!
//! Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some
//! treat a leading tab or CR the same way). Any cell starting with one of those — or with `'` —
//! gets one `'` in front, so it shows as text. To get the exact text back, drop one leading `'`
//! from a cell that starts with `'` ([`restore`]). Excel reads UTF-8 only with a byte-order mark:
//! [`BOM`] (`--bom` on the command line).

use super::Options;
use super::document;
use crate::workshop::text::sanitized;
use crate::workshop::{Note, Session};

/// The UTF-8 byte-order mark Excel needs to read accents correctly.
pub const BOM: &str = "\u{feff}";

/// The header row.
pub const HEADER: [&str; 9] = [
    "Session",
    "Date",
    "Group",
    "Group name",
    "Category",
    "Prompt",
    "Text",
    "Initials",
    "Created",
];

/// The session's notes in scope, one row each.
pub fn render(session: &Session, options: &Options) -> String {
    let document = document::build(session, options);
    let date = document::date(session);
    let mut rows: Vec<[String; 9]> = Vec::new();
    for page in &document.pages {
        let group_name = session
            .groups
            .iter()
            .find(|g| g.number == page.number)
            .and_then(|g| g.name.clone())
            .unwrap_or_default();
        for list in page.sections.iter().flat_map(|s| &s.lists) {
            for note in &list.notes {
                rows.push(row(session, &date, &group_name, note));
            }
        }
    }
    table(&HEADER, &rows)
}

/// A header and rows as RFC 4180 CSV with CRLF line ends, every cell cleaned and
/// formula-guarded.
pub fn table<const N: usize>(header: &[&str; N], rows: &[[String; N]]) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail; a failure would leave the rows written so far.
    let _ = writer.write_record(header);
    for r in rows {
        let _ = writer.write_record(
            r.iter()
                .map(|cell| neutralise(&sanitized(cell)).into_owned()),
        );
    }
    let bytes = writer.into_inner().unwrap_or_default();
    // Every cell came from a `&str`, so the bytes are UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

fn row(session: &Session, date: &str, group_name: &str, note: &Note) -> [String; 9] {
    let created = note
        .created
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    [
        session.name.clone(),
        date.to_string(),
        note.placement.group.to_string(),
        group_name.to_string(),
        note.placement.category.clone().unwrap_or_default(),
        note.placement.prompt.label().to_string(),
        note.text.clone(),
        note.initials.clone().unwrap_or_default(),
        created,
    ]
}

/// True if a spreadsheet might take a cell starting with `c` for a formula (or, for `'`, if
/// the cell must be marked so [`restore`] can tell).
fn needs_guard(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r' | '\'')
}

/// A cell as written: with a `'` in front if it could be read as a formula.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some(c) if needs_guard(c) => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// The exact text of a cell read back from this export (undoes [`neutralise`]).
pub fn restore(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_formula_starts_reversibly() {
        for cell in [
            "=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'=quoted", "'", "plain", "",
        ] {
            let written = neutralise(cell);
            assert!(!written.starts_with(['=', '+', '-', '@', '\t', '\r']));
            assert_eq!(restore(&written), cell);
        }
        assert_eq!(neutralise("plain"), "plain");
        assert_eq!(neutralise("=1"), "'=1");
    }
}
