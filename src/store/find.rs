//! Finding one session from what a trainer types: its id, its name or the start of either,
//! and saying so when it names a deleted session.

use super::{Store, StoreError, Summary, trash};
use crate::workshop::SessionId;

impl Store {
    /// Finds one session by exact id, else by an unambiguous case-insensitive name (an exact
    /// name wins over longer names it is a prefix of), else by an unambiguous id prefix.
    /// An exact id whose file cannot be parsed gives [`Store::load`]'s error (the file is moved
    /// aside and the backup offered).
    pub fn find(&self, query: &str) -> Result<Summary, StoreError> {
        let q = query.trim();
        let not_found = |unreadable| StoreError::NotFound {
            query: query.to_string(),
            dir: self.dir.clone(),
            unreadable,
        };
        if q.is_empty() {
            return Err(not_found(0));
        }
        if let Ok(id) = SessionId::parse(q) {
            let path = self.session_path(&id);
            match self.read_summary(&id, &path) {
                Ok(Some(summary)) => return Ok(summary),
                Ok(None) => {}
                Err(StoreError::Unreadable { .. }) => {
                    // Have load move it aside and say where, with the backup on offer.
                    self.load(&id)?;
                    if let Some(summary) = self.read_summary(&id, &path)? {
                        return Ok(summary);
                    }
                }
                Err(e) => return Err(e),
            }
        }
        let listing = self.list()?;
        let lower = q.to_lowercase();
        let pick = |matches: Vec<&Summary>| -> Option<Result<Summary, StoreError>> {
            match matches.len() {
                0 => None,
                1 => Some(Ok(matches[0].clone())),
                _ => Some(Err(StoreError::Ambiguous {
                    query: query.to_string(),
                    dir: self.dir.clone(),
                    candidates: matches
                        .iter()
                        .map(|s| format!("{} ({:?})", s.id, s.name))
                        .collect(),
                })),
            }
        };
        let exact: Vec<&Summary> = listing
            .sessions
            .iter()
            .filter(|s| s.name.to_lowercase() == lower)
            .collect();
        if exact.len() == 1 {
            return Ok(exact[0].clone());
        }
        let by_name = listing
            .sessions
            .iter()
            .filter(|s| s.name.to_lowercase().starts_with(&lower))
            .collect();
        if let Some(found) = pick(by_name) {
            return found;
        }
        let by_id = listing
            .sessions
            .iter()
            .filter(|s| s.id.as_str().to_lowercase().starts_with(&lower))
            .collect();
        pick(by_id).unwrap_or_else(|| {
            Err(self
                .in_trash(q)
                .unwrap_or_else(|| not_found(listing.problems.len())))
        })
    }

    /// The error for a query that names a deleted session (by id, or by its exact name), so
    /// the trainer is told it is in the trash and how to bring it back.
    fn in_trash(&self, query: &str) -> Option<StoreError> {
        let found = |id: &SessionId| StoreError::InTrash {
            query: query.to_string(),
            id: id.clone(),
        };
        if let Ok(id) = SessionId::parse(query)
            && !trash::entries(self, &id).is_empty()
        {
            return Some(found(&id));
        }
        let lower = query.to_lowercase();
        let trashed = self.trashed().ok()?;
        let named = trashed.iter().find(|s| s.name.to_lowercase() == lower)?;
        Some(found(&named.id))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{named, store};
    use super::*;
    use std::fs;

    #[test]
    fn find_prefers_exact_name_then_prefix_then_id() {
        let (_d, store) = store();
        let tue = named(&store, "Tuesday", 1);
        let tue2 = named(&store, "Tuesday cohort", 2);
        let wed = named(&store, "Wednesday ÉRP", 3);
        assert_eq!(store.find("tuesday").unwrap().id, tue.id);
        assert_eq!(store.find("tuesday c").unwrap().id, tue2.id);
        assert_eq!(store.find("wednesday érp").unwrap().id, wed.id);
        assert_eq!(store.find(wed.id.as_str()).unwrap().id, wed.id);
        let err = store.find("tues").unwrap_err();
        assert!(matches!(&err, StoreError::Ambiguous { candidates, .. } if candidates.len() == 2));
        assert!(matches!(store.find("  "), Err(StoreError::NotFound { .. })));
    }

    #[test]
    fn bad_ids_are_refused_before_touching_disk() {
        // Load, lock and save take a `SessionId`, so a bad id is refused where it comes in; a
        // query that is not an id is only matched against the listing.
        let (_d, store) = store();
        for id in ["../escape", "a/b", ".hidden", ""] {
            assert!(
                matches!(
                    SessionId::parse(id).map_err(StoreError::from),
                    Err(StoreError::BadId { .. })
                ),
                "{id}"
            );
            assert!(
                matches!(store.find(id), Err(StoreError::NotFound { .. })),
                "{id}"
            );
        }
        assert_eq!(fs::read_dir(store.dir()).unwrap().count(), 0);
    }
}
