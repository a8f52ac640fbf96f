//! Session ids: short, sortable, safe as file names on every platform.

use super::StoreError;
use std::sync::Mutex;
use time::OffsetDateTime;
use time::macros::format_description;

pub use crate::workshop::session_id::{MAX_ID_LEN, is_valid_id};
use crate::workshop::{BadSessionId, SessionId};

/// Digits of the per-minute suffix, in ASCII order so ids sort by creation.
const SUFFIX_DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// The last id prefix handed out by this process and its counter, so two `new_id` calls in the
/// same minute differ even before either session is written.
static LAST_ISSUED: Mutex<Option<(String, u64)>> = Mutex::new(None);

impl From<BadSessionId> for StoreError {
    fn from(e: BadSessionId) -> StoreError {
        StoreError::BadId { id: e.id }
    }
}

/// A valid id resembling `name` (for suggestions): bad characters become `-`.
pub fn suggest_id(name: &str) -> String {
    SessionId::resembling(name).into()
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
pub fn next_id(prefix: &str, taken: impl Fn(&SessionId) -> bool) -> SessionId {
    let mut last = LAST_ISSUED.lock().unwrap_or_else(|p| p.into_inner());
    let mut n = match &*last {
        Some((p, n)) if p == prefix => n + 1,
        _ => 0,
    };
    loop {
        // Digits, lower-case letters and '-': always a valid id, so resembling keeps it as is.
        let id = SessionId::resembling(&format!("{prefix}-{}", suffix(n)));
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
        let a = next_id(prefix, |id| id.as_str().ends_with("-00"));
        assert_eq!(a, "19990101-0000-01");
        let b = next_id(prefix, |_| false);
        assert_eq!(b, "19990101-0000-02");
        assert!(is_valid_id(a.as_str()) && is_valid_id(b.as_str()));
    }
}
