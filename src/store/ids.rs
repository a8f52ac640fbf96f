//! Session ids: short, sortable, safe as file names on every platform.

use super::StoreError;
use std::sync::Mutex;
use time::OffsetDateTime;
use time::macros::format_description;

/// Longest id accepted, in bytes.
pub const MAX_ID_LEN: usize = 64;

/// Digits of the per-minute suffix, in ASCII order so ids sort by creation.
const SUFFIX_DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// The last id prefix handed out by this process and its counter, so two `new_id` calls in the
/// same minute differ even before either session is written.
static LAST_ISSUED: Mutex<Option<(String, u64)>> = Mutex::new(None);

/// True if `id` can name a session file: 1–64 ASCII letters, digits, `-` or `_`, starting with a
/// letter or digit. (No dots, slashes or spaces, so no path tricks and no clash with `.bak`.)
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id.as_bytes()[0].is_ascii_alphanumeric()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// `Ok(())` for a valid id, else [`StoreError::BadId`].
pub fn check_id(id: &str) -> Result<(), StoreError> {
    if is_valid_id(id) {
        Ok(())
    } else {
        Err(StoreError::BadId { id: id.to_string() })
    }
}

/// A valid id resembling `name` (for suggestions): bad characters become `-`.
pub fn suggest_id(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(MAX_ID_LEN)
        .collect();
    let trimmed = out.trim_start_matches(['-', '_']).to_string();
    out = if trimmed.is_empty() {
        "session".to_string()
    } else {
        trimmed
    };
    out
}

/// `YYYYMMDD-HHMM` in `now`'s own offset (callers pass local time, so ids read like the clock).
pub fn id_prefix(now: OffsetDateTime) -> String {
    let fmt = format_description!("[year][month][day]-[hour][minute]");
    now.format(&fmt)
        .unwrap_or_else(|_| format!("{:04}0101-0000", now.year().clamp(0, 9999)))
}

/// The suffix for counter `n`: two base-36 digits (`00`…`zz`), more only past 1,296 a minute.
pub fn suffix(mut n: u64) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(SUFFIX_DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    while digits.len() < 2 {
        digits.push(b'0');
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

/// The first id `prefix-suffix(n)` not `taken`, never one this process handed out before.
pub fn next_id(prefix: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut last = LAST_ISSUED.lock().unwrap_or_else(|p| p.into_inner());
    let mut n = match &*last {
        Some((p, n)) if p == prefix => n + 1,
        _ => 0,
    };
    loop {
        let id = format!("{prefix}-{}", suffix(n));
        if !taken(&id) {
            *last = Some((prefix.to_string(), n));
            return id;
        }
        n += 1;
    }
}

/// A UTC timestamp for file names: `20261123T093200Z`.
pub fn file_stamp(t: OffsetDateTime) -> String {
    let fmt = format_description!("[year][month][day]T[hour][minute][second]Z");
    t.to_offset(time::UtcOffset::UTC)
        .format(&fmt)
        .unwrap_or_else(|_| "00000000T000000Z".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn valid_ids() {
        for ok in ["a", "20261123-0932-a7", "Tuesday_cohort", &"x".repeat(64)] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in [
            "",
            "-a",
            "_a",
            "../x",
            "a/b",
            "a\\b",
            "a.json",
            "a b",
            "é",
            "a\0",
            &"x".repeat(65),
        ] {
            assert!(!is_valid_id(bad), "{bad:?}");
        }
    }

    #[test]
    fn suffixes_sort_in_order() {
        let all: Vec<String> = (0..1296).map(suffix).collect();
        assert_eq!(all[0], "00");
        assert_eq!(all[10], "0a");
        assert_eq!(all[1295], "zz");
        assert!(all.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(suffix(1296), "100");
    }

    #[test]
    fn prefix_and_stamp() {
        let t = datetime!(2026-11-23 09:32:05 -8);
        assert_eq!(id_prefix(t), "20261123-0932");
        assert_eq!(file_stamp(t), "20261123T173205Z");
    }

    #[test]
    fn next_id_skips_taken_and_never_repeats() {
        let prefix = "19990101-0000";
        let a = next_id(prefix, |id| id.ends_with("-00"));
        assert_eq!(a, "19990101-0000-01");
        let b = next_id(prefix, |_| false);
        assert_eq!(b, "19990101-0000-02");
        assert!(is_valid_id(&a) && is_valid_id(&b));
    }

    #[test]
    fn suggestions_are_valid() {
        for name in ["Tuesday cohort", "..", "", "ÉRP day 2", "-x"] {
            assert!(is_valid_id(&suggest_id(name)), "{name:?}");
        }
    }
}
