//! Reading session files: the format version is checked before anything else is interpreted,
//! so a newer file is refused rather than half-understood.

use super::Summary;
use crate::workshop::integrity::{self, Shape};
use crate::workshop::note::NoteId;
use crate::workshop::session::SCHEMA_VERSION;
use crate::workshop::{Activity, Session, SessionId};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::path::Path;
use time::OffsetDateTime;

/// Why a file's bytes are not a session this build can use.
#[derive(Debug)]
pub enum ParseError {
    /// Not JSON, or not shaped like a session; the text says what.
    Bad(String),
    /// A `schema_version` newer than [`SCHEMA_VERSION`].
    TooNew(u64),
}

/// Just the version: every other field is skipped (but the JSON must still be well-formed).
#[derive(Deserialize)]
struct Probe {
    schema_version: Option<serde_json::Value>,
}

/// What listings show, without building every note.
#[derive(Deserialize)]
struct SummaryFields {
    schema_version: u64,
    name: String,
    #[serde(with = "time::serde::rfc3339")]
    created: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    updated: OffsetDateTime,
    activity: Activity,
    deck: String,
    groups: Vec<GroupFields>,
    categories: Vec<serde::de::IgnoredAny>,
    notes: Vec<NoteFields>,
    #[serde(default)]
    trash: Vec<DeletedFields>,
    next_note_id: NoteId,
    timer: TimerFields,
    #[serde(default)]
    snapshot: Option<SnapshotFields>,
    #[serde(default)]
    rounds: Option<RoundsFields>,
}

/// What the load checks need of a group, a note, a deleted note and the timer.
#[derive(Deserialize)]
struct GroupFields {
    number: u32,
}

/// A note's placement is written flat, beside its id.
#[derive(Deserialize)]
struct NoteFields {
    id: NoteId,
    group: u32,
}

#[derive(Deserialize)]
struct DeletedFields {
    note: NoteFields,
}

#[derive(Deserialize)]
struct TimerFields {
    length_ms: Option<i64>,
    banked_ms: i64,
}

/// Just enough of a Snapshot warm-up's record to count its notes and check their ids.
#[derive(Deserialize)]
struct SnapshotFields {
    #[serde(default)]
    notes: Vec<IdFields>,
    #[serde(default)]
    trash: Vec<IdFields>,
    next_note_id: NoteId,
}

/// Just enough of a rounds record (discussion rounds, values check) to count its notes and
/// check their ids and groups.
#[derive(Deserialize)]
struct RoundsFields {
    #[serde(default)]
    notes: Vec<NoteFields>,
    #[serde(default)]
    trash: Vec<NoteFields>,
    next_note_id: NoteId,
}

#[derive(Deserialize)]
struct IdFields {
    id: NoteId,
}

impl SummaryFields {
    /// The same parts [`Session::shape`] gives, so a listing refuses what opening refuses.
    fn shape(&self) -> Shape {
        Shape {
            groups: self.groups.iter().map(|g| g.number).collect(),
            categories: self.categories.len(),
            notes: self
                .notes
                .iter()
                .chain(self.trash.iter().map(|d| &d.note))
                .map(|n| (n.id, n.group))
                .collect(),
            next_note_id: self.next_note_id,
            length_ms: self.timer.length_ms,
            banked_ms: self.timer.banked_ms,
            snapshot: self.snapshot.as_ref().map(|s| {
                let ids = s.notes.iter().chain(&s.trash).map(|n| n.id).collect();
                (ids, s.next_note_id)
            }),
            rounds: self.rounds.as_ref().map(|r| {
                let notes = r.notes.iter().chain(&r.trash).map(|n| (n.id, n.group));
                (notes.collect(), r.next_note_id)
            }),
        }
    }
}

/// Refuses a file holding what this app never writes, saying what.
fn checked(shape: &Shape) -> Result<(), ParseError> {
    integrity::check(shape).map_err(|why| {
        ParseError::Bad(format!(
            "{why} — this app never writes that, so the file was changed by hand or by another program"
        ))
    })
}

/// Checks well-formedness and the format version.
fn probe(bytes: &[u8]) -> Result<(), ParseError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ParseError::Bad("the file is empty".to_string()));
    }
    let probe: Probe = serde_json::from_slice(bytes).map_err(|e| ParseError::Bad(describe(&e)))?;
    match probe.schema_version {
        None => Err(ParseError::Bad("it has no schema_version".to_string())),
        Some(v) => match v.as_u64() {
            Some(n) if n > u64::from(SCHEMA_VERSION) => Err(ParseError::TooNew(n)),
            Some(_) => Ok(()),
            None => Err(ParseError::Bad(format!(
                "its schema_version {v} is not a whole number"
            ))),
        },
    }
}

/// Reads `bytes` as `T` in one pass and then checks the version it carried. Only when that
/// pass fails is the file probed, so a newer file is refused as newer (not as malformed) while a
/// good file is read once: listing a season of sessions at start-up is one pass over each.
fn versioned<T: DeserializeOwned>(
    bytes: &[u8],
    version: impl Fn(&T) -> u64,
) -> Result<T, ParseError> {
    match serde_json::from_slice::<T>(bytes) {
        Ok(value) => match version(&value) {
            v if v > u64::from(SCHEMA_VERSION) => Err(ParseError::TooNew(v)),
            _ => Ok(value),
        },
        Err(e) => {
            probe(bytes)?;
            Err(ParseError::Bad(describe(&e)))
        }
    }
}

/// The whole session in `bytes`.
pub fn session(bytes: &[u8]) -> Result<Session, ParseError> {
    let session = versioned(bytes, |s: &Session| u64::from(s.schema_version))?;
    checked(&session.shape())?;
    Ok(session)
}

/// A listing entry for the session in `bytes`, stored at `path` under `id`.
pub fn summary(id: &SessionId, path: &Path, bytes: &[u8]) -> Result<Summary, ParseError> {
    let f = versioned(bytes, |f: &SummaryFields| f.schema_version)?;
    checked(&f.shape())?;
    Ok(Summary {
        id: id.clone(),
        name: f.name,
        created: f.created,
        updated: f.updated,
        activity: f.activity,
        deck: f.deck,
        groups: f.groups.len(),
        // A Snapshot warm-up's or a rounds activity's notes live in its record; either way the listing counts them.
        notes: f.notes.len()
            + f.snapshot.map_or(0, |s| s.notes.len())
            + f.rounds.map_or(0, |r| r.notes.len()),
        path: path.to_path_buf(),
    })
}

/// serde_json's message, phrased for a person ("truncated at line 3 column 7").
fn describe(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => format!(
            "it ends too early, at line {} column {} — probably cut short",
            e.line(),
            e.column()
        ),
        Category::Syntax => format!("it is not valid JSON: {e}"),
        Category::Data => format!("it is not a cpm-workshop session: {e}"),
        Category::Io => format!("it could not be read: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::session::tests::sid;

    #[test]
    fn probe_classifies() {
        assert!(matches!(probe(b""), Err(ParseError::Bad(m)) if m.contains("empty")));
        assert!(matches!(probe(b"{\"a\":"), Err(ParseError::Bad(m)) if m.contains("too early")));
        assert!(matches!(probe(b"\x00\xff\x13"), Err(ParseError::Bad(_))));
        assert!(matches!(probe(b"[1,2]"), Err(ParseError::Bad(_))));
        assert!(matches!(probe(b"{}"), Err(ParseError::Bad(m)) if m.contains("schema_version")));
        assert!(matches!(
            probe(b"{\"schema_version\": 99, \"anything\": [1]}"),
            Err(ParseError::TooNew(99))
        ));
        assert!(probe(b"{\"schema_version\": 1, \"x\": {\"y\": []}}").is_ok());
    }

    /// A real session as JSON, with `edit` applied to its top-level object.
    fn session_json(edit: impl Fn(&mut serde_json::Map<String, serde_json::Value>)) -> Vec<u8> {
        let session = crate::workshop::session::tests::session();
        let mut value = serde_json::to_value(&session).unwrap();
        edit(value.as_object_mut().unwrap());
        serde_json::to_vec(&value).unwrap()
    }

    #[test]
    fn one_pass_reads_a_good_file_and_checks_its_version_after() {
        let good = session_json(|_| {});
        assert!(session(&good).is_ok());
        let s = summary(&sid("s1"), Path::new("s1.json"), &good).unwrap();
        assert_eq!(s.groups, 4);
        // Same shape, newer number: read fine, refused as newer.
        let newer = session_json(|o| {
            o.insert("schema_version".into(), 7.into());
        });
        assert!(matches!(session(&newer), Err(ParseError::TooNew(7))));
        let listed = summary(&sid("s1"), Path::new("s1.json"), &newer);
        assert!(matches!(listed, Err(ParseError::TooNew(7))));
    }

    #[test]
    fn a_failed_pass_is_explained_by_the_probe() {
        // A newer file in a shape this build cannot read is "newer", not "malformed".
        let reshaped = session_json(|o| {
            o.insert("schema_version".into(), (u64::from(u32::MAX) + 5).into());
            o.insert("notes".into(), "kept elsewhere".into());
        });
        let path = Path::new("s1.json");
        assert!(matches!(session(&reshaped), Err(ParseError::TooNew(_))));
        assert!(matches!(
            summary(&sid("s1"), path, &reshaped),
            Err(ParseError::TooNew(_))
        ));
        let unversioned = session_json(|o| {
            o.remove("schema_version");
        });
        for result in [
            session(&unversioned).map(|_| ()),
            summary(&sid("s1"), path, &unversioned).map(|_| ()),
        ] {
            assert!(matches!(result, Err(ParseError::Bad(m)) if m.contains("no schema_version")));
        }
        let fractional = session_json(|o| {
            o.insert("schema_version".into(), 1.5.into());
        });
        let result = summary(&sid("s1"), path, &fractional);
        assert!(matches!(result, Err(ParseError::Bad(m)) if m.contains("whole number")));
        let misshapen = session_json(|o| {
            o.insert("groups".into(), 4.into());
        });
        let result = summary(&sid("s1"), path, &misshapen);
        assert!(
            matches!(result, Err(ParseError::Bad(m)) if m.contains("not a cpm-workshop session"))
        );
        assert!(matches!(session(b""), Err(ParseError::Bad(m)) if m.contains("empty")));
    }
}
