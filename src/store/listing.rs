//! Listing a store folder: which files are sessions, and what each holds. The home screen
//! waits for this before its first frame, so summaries are remembered between listings
//! ([`listing_cache`](super::listing_cache)) and the files that must be read are read on several
//! threads when there are many.

use super::listing_cache::{ListingCache, Stamp};
use super::{Listing, Store, StoreError, Summary, ids, is_valid_id};
use std::fs;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::SystemTime;

/// Bytes of session files worth one more thread: starting a thread costs about what parsing
/// this much JSON does, so a handful of small sessions are read on the calling thread alone.
const BYTES_PER_THREAD: u64 = 256 * 1024;

/// A file that looks like a session: its id, path, size and stamp.
struct Candidate {
    id: String,
    path: PathBuf,
    bytes: u64,
    stamp: Option<Stamp>,
}

impl Store {
    /// Every session in the folder, newest-updated first; unreadable files become problems.
    /// Nothing is moved or changed; the only write is the listing cache, when it can be.
    pub fn list(&self) -> Result<Listing, StoreError> {
        let entries = fs::read_dir(&self.dir)
            .map_err(|e| StoreError::io("list the session folder", &self.dir, e))?;
        let mut listing = Listing::default();
        let mut candidates = Vec::new();
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    listing
                        .problems
                        .push(StoreError::io("list the session folder", &self.dir, e));
                    continue;
                }
            };
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if name.starts_with('.') {
                continue;
            }
            let Some(stem) = name.strip_suffix(".json") else {
                continue;
            };
            let path = entry.path();
            // Follows links, like opening the file will.
            let Ok(meta) = fs::metadata(&path) else {
                continue;
            };
            if !meta.is_file() {
                continue;
            }
            if !is_valid_id(stem) {
                listing.problems.push(StoreError::BadFileName {
                    suggestion: ids::suggest_id(stem),
                    path,
                });
                continue;
            }
            candidates.push(Candidate {
                id: stem.to_string(),
                path,
                bytes: meta.len(),
                stamp: Stamp::of(&meta),
            });
        }
        let mut cache = ListingCache::read(&self.dir);
        let mut unknown = Vec::new();
        for c in &candidates {
            match c.stamp.as_ref().and_then(|s| cache.get(&c.id, s, &c.path)) {
                Some(remembered) => listing.sessions.push(remembered),
                None => unknown.push(c),
            }
        }
        let now = SystemTime::now();
        for (candidate, read) in unknown.iter().zip(self.read_summaries(&unknown)) {
            match read {
                Ok(Some(summary)) => {
                    if let Some(stamp) = candidate.stamp.clone() {
                        cache.put(stamp, &summary, now);
                    }
                    listing.sessions.push(summary);
                }
                Ok(None) => {} // deleted while we looked
                Err(e) => listing.problems.push(e),
            }
        }
        cache.keep_only(candidates.iter().map(|c| c.id.as_str()));
        cache.write();
        listing
            .sessions
            .sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| b.id.cmp(&a.id)));
        Ok(listing)
    }

    /// The summary of each candidate, in their order. Threads take the next unread file until
    /// none is left, so one large session does not hold up the rest.
    fn read_summaries(
        &self,
        candidates: &[&Candidate],
    ) -> Vec<Result<Option<Summary>, StoreError>> {
        let read = |c: &&Candidate| self.read_summary(&c.id, &c.path);
        let total: u64 = candidates.iter().map(|c| c.bytes).sum();
        let wanted = usize::try_from(total / BYTES_PER_THREAD)
            .unwrap_or(usize::MAX)
            .min(candidates.len());
        if wanted <= 1 {
            return candidates.iter().map(read).collect();
        }
        // Asked only now: on Linux the answer reads cgroup files, which costs more than
        // listing a few small sessions.
        let threads = wanted.min(thread::available_parallelism().map_or(1, usize::from));
        if threads <= 1 {
            return candidates.iter().map(read).collect();
        }
        let next = AtomicUsize::new(0);
        let work = || {
            let mut done = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(candidate) = candidates.get(i) else {
                    return done;
                };
                done.push((i, read(candidate)));
            }
        };
        let mut done: Vec<_> = thread::scope(|scope| {
            // A thread the system refuses is no loss: this one works through whatever is left.
            let helpers: Vec<_> = (1..threads)
                .filter_map(|_| thread::Builder::new().spawn_scoped(scope, work).ok())
                .collect();
            let mut done = work();
            for helper in helpers {
                match helper.join() {
                    Ok(part) => done.extend(part),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            done
        });
        done.sort_unstable_by_key(|(i, _)| *i);
        done.into_iter().map(|(_, read)| read).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::session::tests::session;
    use crate::workshop::{Placement, Prompt};

    #[test]
    fn a_large_store_read_on_several_threads_lists_every_session_and_problem() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().to_path_buf()).unwrap();
        let big = "x".repeat(2_000);
        let mut expected = Vec::new();
        for i in 0..40 {
            let mut s = session();
            s.id = format!("20261123-0900-{i:02}");
            s.name = format!("Cohort {i}");
            let at = Placement {
                group: 1,
                category: Some("Teaming".into()),
                prompt: Prompt::Already,
            };
            for _ in 0..(20 + i) {
                s.add_note(&big, at.clone(), None, s.created).unwrap();
            }
            store.create(&s).unwrap();
            expected.push((s.id.clone(), s.notes.len()));
        }
        fs::write(dir.path().join("20261123-0900-99.json"), "{ cut sh").unwrap();
        fs::write(dir.path().join("not an id.json"), "{}").unwrap();
        let total: u64 = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().metadata().unwrap().len())
            .sum();
        assert!(
            total > 2 * BYTES_PER_THREAD,
            "the store must be big enough for threads"
        );
        let listing = store.list().unwrap();
        let mut got: Vec<(String, usize)> = listing
            .sessions
            .iter()
            .map(|s| (s.id.clone(), s.notes))
            .collect();
        got.sort();
        assert_eq!(got, expected);
        assert_eq!(listing.problems.len(), 2, "{:?}", listing.problems);
        let text: Vec<String> = listing.problems.iter().map(|p| p.to_string()).collect();
        assert!(
            text.iter().any(|t| t.contains("20261123-0900-99.json")),
            "{text:?}"
        );
        assert!(
            text.iter().any(|t| t.contains("not an id.json")),
            "{text:?}"
        );
    }
}
