//! Checks a session read from a file before anything uses it: values this app never writes but a
//! hand edit or another program can (a note id counter about to wrap, a 300-year timer, group
//! numbers out of order). Such a file is refused with what was wrong, the same way by the
//! listing and by opening or exporting it; the two read it differently (the listing reads only
//! part of it), so both describe it with a [`Shape`].

use super::note::NoteId;
use super::session::{GROUPS_RANGE, Session};
use super::timer::MAX_TIMER_MS;

/// The largest note id counter this app writes: integers above it lose precision in the
/// JavaScript and spreadsheet programs that read the JSON export.
pub const MAX_NOTE_ID: NoteId = 1 << 53;

/// What the load checks look at, gathered from a whole session or from a listing's partial read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shape {
    /// Group numbers in file order.
    pub groups: Vec<u32>,
    /// How many categories the session lists.
    pub categories: usize,
    /// The id and group of every note, live or deleted.
    pub notes: Vec<(NoteId, u32)>,
    pub next_note_id: NoteId,
    pub length_ms: Option<i64>,
    pub banked_ms: i64,
    /// A Snapshot record's note ids (live or deleted) and its id counter.
    pub snapshot: Option<(Vec<NoteId>, NoteId)>,
    /// A rounds record's notes (id and group, live or deleted) and its id counter.
    pub rounds: Option<(Vec<(NoteId, u32)>, NoteId)>,
}

impl Session {
    /// The parts of this session the load checks look at.
    pub fn shape(&self) -> Shape {
        Shape {
            groups: self.groups.iter().map(|g| g.number).collect(),
            categories: self.categories.len(),
            notes: self
                .notes
                .iter()
                .chain(self.trash.iter().map(|d| &d.note))
                .map(|n| (n.id, n.placement.group))
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

/// Says what in `shape` this app would never have written, if anything.
pub fn check(shape: &Shape) -> Result<(), String> {
    let groups = shape.groups.len() as u32;
    if !GROUPS_RANGE.contains(&groups) {
        return Err(format!(
            "it has {groups} groups; a session has {} to {}",
            GROUPS_RANGE.start(),
            GROUPS_RANGE.end()
        ));
    }
    if let Some((i, n)) = (1..).zip(&shape.groups).find(|(i, n)| i != *n) {
        return Err(format!(
            "group {i} is numbered {n}; groups are numbered 1 to {groups} in order"
        ));
    }
    if shape.categories == 0 {
        // Every round and station is one of them: the run view would have none to show.
        return Err("it lists no categories; a session has at least one".to_string());
    }
    if let Some((id, g)) = shape.notes.iter().find(|(_, g)| *g == 0 || *g > groups) {
        return Err(format!(
            "note {id} is in group {g}, and the session has groups 1 to {groups}"
        ));
    }
    check_ids(
        "note",
        shape.notes.iter().map(|(id, _)| *id),
        shape.next_note_id,
    )?;
    if let Some((ids, next)) = &shape.snapshot {
        check_ids("Snapshot note", ids.iter().copied(), *next)?;
    }
    if let Some((notes, next)) = &shape.rounds {
        if let Some((id, g)) = notes.iter().find(|(_, g)| *g == 0 || *g > groups) {
            return Err(format!(
                "discussion note {id} is in group {g}, and the session has groups 1 to {groups}"
            ));
        }
        check_ids("discussion note", notes.iter().map(|(id, _)| *id), *next)?;
    }
    let timer_ok = |ms: i64| (0..=MAX_TIMER_MS).contains(&ms);
    if let Some(len) = shape.length_ms.filter(|&l| !timer_ok(l)) {
        return Err(timer_message("length_ms", len));
    }
    if !timer_ok(shape.banked_ms) {
        return Err(timer_message("banked_ms", shape.banked_ms));
    }
    Ok(())
}

/// Ids must be unique and below the counter, and the counter must leave room to count on.
fn check_ids(what: &str, ids: impl Iterator<Item = NoteId>, next: NoteId) -> Result<(), String> {
    let field = match what {
        "note" => "next_note_id",
        "discussion note" => "rounds.next_note_id",
        _ => "snapshot.next_note_id",
    };
    if next == 0 || next > MAX_NOTE_ID {
        return Err(format!(
            "its {field} is {next}; it must be from 1 to {MAX_NOTE_ID}, or new note ids would wrap around"
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for id in ids {
        if id >= next {
            return Err(format!(
                "{what} {id} is not below its {field} ({next}), so a new note would take an id already in use"
            ));
        }
        if !seen.insert(id) {
            return Err(format!("two {what}s have the id {id}"));
        }
    }
    Ok(())
}

fn timer_message(field: &str, ms: i64) -> String {
    format!(
        "its timer's {field} is {ms}; a timer holds 0 to {MAX_TIMER_MS} ms ({} hours)",
        MAX_TIMER_MS / 3_600_000
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> Shape {
        Session::shape(&crate::workshop::session::tests::session())
    }

    #[test]
    fn a_session_this_app_made_passes() {
        assert_eq!(check(&good()), Ok(()));
    }

    /// Found by issue 11 (and since fixed): a hand-edited `next_note_id` at `u64::MAX` wrapped and
    /// duplicated ids; absurd timer values drew 18-digit timers; bad group numbers were taken.
    #[test]
    fn values_this_app_never_writes_are_refused_with_what_was_wrong() {
        type Edit = fn(&mut Shape);
        let cases: [(Edit, &str); 17] = [
            (|s| s.next_note_id = u64::MAX, "would wrap"),
            (|s| s.next_note_id = 0, "must be from 1"),
            (
                |s| {
                    s.notes = vec![(1, 1), (1, 2)];
                    s.next_note_id = 5;
                },
                "two notes have the id 1",
            ),
            (
                |s| {
                    s.notes = vec![(7, 1)];
                    s.next_note_id = 3;
                },
                "already in use",
            ),
            (|s| s.banked_ms = 999_999_999_999_999_999, "banked_ms"),
            (|s| s.banked_ms = -5, "banked_ms"),
            (|s| s.length_ms = Some(i64::MAX), "length_ms"),
            (|s| s.groups = vec![1, 2, 2, 4], "group 3 is numbered 2"),
            // Views find a group's column by its number; 0 would underflow there.
            (|s| s.groups = vec![0, 1, 2, 3], "group 1 is numbered 0"),
            (|s| s.categories = 0, "no categories"),
            (|s| s.groups = vec![1], "1 groups"),
            (|s| s.notes = vec![(1, 9)], "group 9"),
            (|s| s.notes = vec![(1, 0)], "group 0"),
            (
                |s| s.snapshot = Some((vec![], u64::MAX)),
                "snapshot.next_note_id",
            ),
            (
                |s| s.rounds = Some((vec![(1, 1)], u64::MAX)),
                "rounds.next_note_id",
            ),
            (
                |s| s.rounds = Some((vec![(1, 5)], 9)),
                "discussion note 1 is in group 5",
            ),
            (
                |s| s.rounds = Some((vec![(2, 1), (2, 1)], 9)),
                "two discussion notes have the id 2",
            ),
        ];
        for (edit, expected) in cases {
            let mut shape = good();
            edit(&mut shape);
            let err = check(&shape).expect_err(expected);
            assert!(err.contains(expected), "{expected}: {err}");
        }
    }
}
