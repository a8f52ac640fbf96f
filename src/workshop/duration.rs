//! Step durations as trainers type them: `90s`, `2m`, `1:30`, `2m30s`, or plain seconds.

use std::fmt;

/// Why a duration could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{input:?} is not a duration: {reason} (use e.g. 90s, 2m, 1:30; from 1 second to {} minutes)",
    MAX_SECONDS / 60
)]
pub struct DurationError {
    pub input: String,
    pub reason: &'static str,
}

/// The longest step anyone could want; stops a typo like `120m` from becoming a two-hour round.
pub const MAX_SECONDS: u32 = 60 * 60;

/// Parses `90s`, `2m`, `1:30`, `2m30s`, `1h` or `90` into seconds (1 s to 60 min). Numbers are
/// plain digits (no sign); one too large for any count is refused as too long, never wrapped.
pub fn parse_duration(input: &str) -> Result<u32, DurationError> {
    let err = |reason| DurationError {
        input: input.to_string(),
        reason,
    };
    let s = input.trim().to_ascii_lowercase();
    if s.is_empty() {
        return Err(err("it is empty"));
    }
    let minutes = |m: &str| whole(m).ok_or_else(|| err("minutes are not a whole number"));
    let seconds = |sec: &str| whole(sec).ok_or_else(|| err("seconds are not a whole number"));
    let secs: u64 = if let Some((m, sec)) = s.split_once(':') {
        let m = minutes(m)?;
        if sec.len() != 2 {
            return Err(err("seconds after ':' need two digits"));
        }
        let sec = seconds(sec)?;
        if sec >= 60 {
            return Err(err("seconds after ':' must be below 60"));
        }
        m.saturating_mul(60).saturating_add(sec)
    } else if let Some(rest) = s.strip_suffix('s') {
        match rest.split_once('m') {
            Some((m, sec)) => minutes(m)?.saturating_mul(60).saturating_add(seconds(sec)?),
            None => seconds(rest)?,
        }
    } else if let Some(m) = s.strip_suffix('m') {
        minutes(m)?.saturating_mul(60)
    } else if let Some(h) = s.strip_suffix('h') {
        whole(h)
            .ok_or_else(|| err("hours are not a whole number"))?
            .saturating_mul(3600)
    } else {
        whole(&s).ok_or_else(|| err("it is not a whole number of seconds"))?
    };
    if secs == 0 {
        return Err(err("it must be at least 1 second"));
    }
    if secs > u64::from(MAX_SECONDS) {
        return Err(err("it is longer than the limit"));
    }
    Ok(secs as u32)
}

/// The value of a run of ASCII digits (nothing else: no sign, no space), saturating at
/// `u64::MAX` so that a huge number counts as too long rather than as no number.
fn whole(digits: &str) -> Option<u64> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(digits.bytes().fold(0u64, |n, b| {
        n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
    }))
}

/// A whole number of seconds shown as `m:ss`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock(pub u64);

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{:02}", self.0 / 60, self.0 % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_trainer_forms() {
        assert_eq!(parse_duration("90s"), Ok(90));
        assert_eq!(parse_duration("2m"), Ok(120));
        assert_eq!(parse_duration("1:30"), Ok(90));
        assert_eq!(parse_duration(" 2M30S "), Ok(150));
        assert_eq!(parse_duration("45"), Ok(45));
        assert_eq!(parse_duration("1h"), Ok(3600));
    }

    /// Found by issue 11 (and since fixed): `4611686018427387905:30` wrapped to 90 s, signs were
    /// taken (`+90`, `1:+5`, `1m+5s`), and `99999h` was "not a number" instead of too long.
    #[test]
    fn refuses_overflow_and_signs_naming_the_limit() {
        for bad in [
            "4611686018427387905:30",
            "307445734561825861m",
            "18446744073709551616",
            "99999h",
            "1m99999999999999999999s",
        ] {
            let e = parse_duration(bad).unwrap_err();
            assert_eq!(e.reason, "it is longer than the limit", "{bad}");
            assert!(e.to_string().contains("to 60 minutes"), "{bad}: {e}");
        }
        for bad in ["+90", "1:+5", "1m+5s", "+1m", "-0", "1 m", "1_000"] {
            let e = parse_duration(bad).unwrap_err();
            assert!(e.reason.contains("not a whole number"), "{bad}: {e}");
            assert!(e.to_string().contains("to 60 minutes"), "{bad}: {e}");
        }
    }

    #[test]
    fn refuses_nonsense_with_reason() {
        for bad in ["", "0", "abc", "1:5", "1:75", "-3", "2h", "61m", "1.5m"] {
            let e = parse_duration(bad).unwrap_err();
            assert!(e.to_string().contains("is not a duration"), "{bad}: {e}");
        }
    }

    #[test]
    fn clock_format() {
        assert_eq!(Clock(0).to_string(), "0:00");
        assert_eq!(Clock(125).to_string(), "2:05");
        assert_eq!(Clock(3600).to_string(), "60:00");
    }
}
