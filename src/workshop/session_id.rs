//! Session ids: what names a session and its files. Checked once, where an id comes in (typed on
//! the command line, read from a file name or a file), so everything past that point can put one
//! into a path without checking again.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Longest id accepted, in bytes.
pub const MAX_ID_LEN: usize = 64;

/// The id of a session: 1–64 ASCII letters, digits, `-` or `_`, starting with a letter or
/// digit. No dots, slashes or spaces, so it is a safe file name on every platform, cannot lead
/// out of the store folder, and never clashes with a `.bak`. Written in files as the plain
/// string.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SessionId(String);

/// A string that cannot be a session id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{id:?} is not a valid session id: ids are 1 to {MAX_ID_LEN} letters, digits, '-' or '_', \
     starting with a letter or digit"
)]
pub struct BadSessionId {
    /// What was given.
    pub id: String,
}

/// True if `id` can name a session file (see [`SessionId`]).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id.as_bytes()[0].is_ascii_alphanumeric()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl SessionId {
    /// `id` as a session id, or why it cannot be one.
    pub fn parse(id: &str) -> Result<SessionId, BadSessionId> {
        if is_valid_id(id) {
            Ok(SessionId(id.to_string()))
        } else {
            Err(BadSessionId { id: id.to_string() })
        }
    }

    /// A valid id resembling `name` (for suggestions): other characters become `-`, leading
    /// `-` and `_` go, and nothing left gives `session`.
    pub fn resembling(name: &str) -> SessionId {
        let replaced: String = name
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
        let trimmed = replaced.trim_start_matches(['-', '_']);
        SessionId(if trimmed.is_empty() {
            "session".to_string()
        } else {
            trimmed.to_string()
        })
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Reads the id inside a session file leniently: the store names a session by its file
    /// name and replaces this id on load, so a hand-edited id that is not valid must not make
    /// the file unreadable.
    pub(crate) fn lenient<'de, D: Deserializer<'de>>(d: D) -> Result<SessionId, D::Error> {
        let id = String::deserialize(d)?;
        Ok(SessionId::parse(&id).unwrap_or_else(|_| SessionId::resembling(&id)))
    }
}

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for SessionId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl FromStr for SessionId {
    type Err = BadSessionId;

    fn from_str(id: &str) -> Result<SessionId, BadSessionId> {
        SessionId::parse(id)
    }
}

impl TryFrom<&str> for SessionId {
    type Error = BadSessionId;

    fn try_from(id: &str) -> Result<SessionId, BadSessionId> {
        SessionId::parse(id)
    }
}

impl From<SessionId> for String {
    fn from(id: SessionId) -> String {
        id.0
    }
}

impl PartialEq<str> for SessionId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for SessionId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl Serialize for SessionId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SessionId {
    /// Refuses a string that is not a valid id, with [`BadSessionId`]'s message.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SessionId, D::Error> {
        let id = String::deserialize(d)?;
        SessionId::parse(&id).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_ids_parse_and_others_are_refused_with_what_was_given() {
        for ok in ["a", "20261123-0932-a7", "Tuesday_cohort", &"x".repeat(64)] {
            assert_eq!(SessionId::parse(ok).map(String::from), Ok(ok.to_string()));
        }
        for bad in [
            "",
            "-a",
            "_a",
            "..",
            "../x",
            "a/b",
            "a\\b",
            "a.json",
            "a b",
            "é",
            "a\0",
            &"x".repeat(65),
        ] {
            let err = SessionId::parse(bad).unwrap_err();
            assert_eq!(err.id, bad);
            assert!(err.to_string().contains("not a valid session id"), "{err}");
        }
    }

    #[test]
    fn written_as_the_plain_string_and_refused_when_read_if_not_valid() {
        let id = SessionId::parse("20261123-0932-00").unwrap();
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, "\"20261123-0932-00\"");
        assert_eq!(serde_json::from_str::<SessionId>(&json).unwrap(), id);
        let err = serde_json::from_str::<SessionId>("\"../x\"").unwrap_err();
        assert!(err.to_string().contains("not a valid session id"), "{err}");
    }

    #[test]
    fn a_session_file_with_a_hand_edited_id_still_reads() {
        #[derive(Deserialize)]
        struct File {
            #[serde(deserialize_with = "SessionId::lenient")]
            id: SessionId,
        }
        let file: File = serde_json::from_str(r#"{"id": "../my session"}"#).unwrap();
        assert!(is_valid_id(file.id.as_str()), "{}", file.id);
    }

    #[test]
    fn resembling_ids_are_valid() {
        for name in [
            "Tuesday cohort",
            "..",
            "",
            "ÉRP day 2",
            "-x",
            &"é".repeat(80),
        ] {
            let id = SessionId::resembling(name);
            assert!(is_valid_id(id.as_str()), "{name:?} → {id}");
        }
        assert_eq!(SessionId::resembling("Tuesday cohort"), "Tuesday-cohort");
    }
}
