//! Step durations as trainers type them: `90s`, `2m`, `1:30`, `2m30s`, or plain seconds.

use std::fmt;

/// Why a duration could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{input:?} is not a duration: {reason} (use e.g. 90s, 2m, 1:30)")]
pub struct DurationError {
    pub input: String,
    pub reason: &'static str,
}

/// The longest step anyone could want; stops a typo like `120m` from becoming a two-hour round.
pub const MAX_SECONDS: u32 = 60 * 60;

/// Parses `90s`, `2m`, `1:30`, `2m30s` or `90` into seconds (1 s to 60 min).
pub fn parse_duration(input: &str) -> Result<u32, DurationError> {
    let err = |reason| DurationError {
        input: input.to_string(),
        reason,
    };
    let s = input.trim().to_ascii_lowercase();
    if s.is_empty() {
        return Err(err("it is empty"));
    }
    let secs: u64 = if let Some((m, sec)) = s.split_once(':') {
        let m: u64 = m.parse().map_err(|_| err("minutes are not a number"))?;
        if sec.len() != 2 {
            return Err(err("seconds after ':' need two digits"));
        }
        let sec: u64 = sec.parse().map_err(|_| err("seconds are not a number"))?;
        if sec >= 60 {
            return Err(err("seconds after ':' must be below 60"));
        }
        m * 60 + sec
    } else if let Some(rest) = s.strip_suffix('s') {
        match rest.split_once('m') {
            Some((m, sec)) => {
                let m: u64 = m.parse().map_err(|_| err("minutes are not a number"))?;
                let sec: u64 = sec.parse().map_err(|_| err("seconds are not a number"))?;
                m * 60 + sec
            }
            None => rest.parse().map_err(|_| err("seconds are not a number"))?,
        }
    } else if let Some(m) = s.strip_suffix('m') {
        m.parse::<u64>()
            .map_err(|_| err("minutes are not a number"))?
            .saturating_mul(60)
    } else {
        s.parse().map_err(|_| err("not a number"))?
    };
    if secs == 0 {
        return Err(err("it must be at least 1 second"));
    }
    if secs > u64::from(MAX_SECONDS) {
        return Err(err("it must be 60 minutes or less"));
    }
    Ok(secs as u32)
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
