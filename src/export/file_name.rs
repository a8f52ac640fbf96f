//! Names of the files the app exports into its export folder.
//!
//! A name carries the session's id, so two sessions never share a file however alike their
//! names (two "Sticky-note activity 2026-11-23" sessions, "Tuesday cohort" and
//! "tuesday-cohort"), and it is cut by bytes, on a character boundary, so a long name in any
//! script still fits every file system (255 bytes on most; eCryptfs allows 143).

/// Longest name the app gives an export file, in bytes (the extension included).
pub const MAX_NAME_BYTES: usize = 140;

/// Longest the part naming a category may be, in bytes, so the session's name keeps room.
const MAX_PART_BYTES: usize = 48;

/// `<name>-<id>-<part>[-excel].<ext>`, at most [`MAX_NAME_BYTES`] bytes: the session's name and
/// the part (e.g. `room`, `group-2` or a category) as slugs, shortened as needed.
pub fn export_file_name(name: &str, id: &str, part: &str, excel: bool, ext: &str) -> String {
    let part = slug(part);
    let part = cut(&part, MAX_PART_BYTES);
    let tail = format!("{id}-{part}{}.{ext}", if excel { "-excel" } else { "" });
    let room = MAX_NAME_BYTES.saturating_sub(tail.len() + 1);
    let name = slug(name);
    let name = cut(&name, room);
    if name.is_empty() {
        tail
    } else {
        format!("{name}-{tail}")
    }
}

/// A file-name-safe form of a name: letters and digits of any script (lower-cased where that
/// is one character) and single dashes; "session" when nothing is left.
pub fn slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() { "session".into() } else { s }
}

/// The longest start of `s` of at most `max` bytes that ends on a character boundary, without
/// a dash at its end.
fn cut(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].trim_end_matches('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "20261123-0932-00";

    #[test]
    fn names_carry_the_id_so_alike_sessions_never_share_a_file() {
        let a = export_file_name("Tuesday cohort", ID, "room", false, "html");
        let b = export_file_name("tuesday-cohort", "20261123-0932-01", "room", false, "html");
        assert_eq!(a, "tuesday-cohort-20261123-0932-00-room.html");
        assert_ne!(a, b);
        assert_eq!(
            export_file_name("x", ID, "group-2", true, "csv"),
            "x-20261123-0932-00-group-2-excel.csv"
        );
    }

    #[test]
    fn a_long_name_in_any_script_is_cut_by_bytes_on_a_character_boundary() {
        // 82 characters, 246 bytes: the name that failed with "File name too long".
        let japanese = "児童福祉".repeat(20) + "研修";
        assert_eq!(japanese.chars().count(), 82);
        assert_eq!(japanese.len(), 246);
        let long_category = "Service Planning & Delivery ".repeat(10);
        for (name, part) in [
            (japanese.as_str(), "room"),
            (japanese.as_str(), long_category.as_str()),
            ("🙂".repeat(100).as_str(), "commitments"),
        ] {
            let file = export_file_name(name, ID, part, true, "html");
            assert!(file.len() <= MAX_NAME_BYTES, "{} bytes: {file}", file.len());
            assert!(file.contains(ID), "{file}");
            assert!(file.ends_with("-excel.html"), "{file}");
            assert!(file.starts_with("児童") || name.starts_with('🙂'), "{file}");
        }
    }

    #[test]
    fn slugs_keep_letters_of_any_script() {
        assert_eq!(slug("Tuesday, AM — Café"), "tuesday-am-café");
        assert_eq!(slug("!!!"), "session");
        assert_eq!(cut("ab-cd", 3), "ab");
        assert_eq!(cut("éé", 3), "é");
    }
}
