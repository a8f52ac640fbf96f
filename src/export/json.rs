//! JSON export: the session exactly as the store keeps it (see README, "Session JSON"), with
//! `schema_version`. Whole room: the whole session, deleted notes (`trash`) included, so it can
//! be loaded back. A narrower scope (a group, a category, the commitments) gives the same
//! session with only the notes in scope and an empty `trash` — still a valid session file, so
//! every tool that reads one reads it — and nothing else changed (same id, name, groups and
//! categories); a rounds session's notes are narrowed the same way. Note text is exact: JSON escapes every control character.

use super::Scope;
use crate::workshop::Session;

/// The session (or its notes in `scope`) as pretty-printed JSON with a trailing newline.
pub fn render(session: &Session, scope: &Scope) -> String {
    let filtered;
    let shown = if *scope == Scope::All {
        session
    } else {
        filtered = Session {
            notes: session
                .notes
                .iter()
                .filter(|n| scope.includes(n))
                .cloned()
                .collect(),
            trash: Vec::new(),
            rounds: session.rounds.as_ref().map(|r| {
                let report = super::rounds::Report {
                    session,
                    state: r,
                    scope,
                };
                crate::workshop::RoundsState {
                    notes: r
                        .notes
                        .iter()
                        .filter(|n| report.includes(n))
                        .cloned()
                        .collect(),
                    trash: Vec::new(),
                    ..r.clone()
                }
            }),
            ..session.clone()
        };
        &filtered
    };
    // Serialising plain data with string keys cannot fail; fall back to a JSON error object
    // rather than panicking if a future field ever makes it fail.
    match serde_json::to_string_pretty(shown) {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        Err(e) => format!("{{\"error\": {:?}}}\n", e.to_string()),
    }
}
