//! Listing a store folder: which files are sessions, and what each holds. The home screen
//! waits for this before its first frame, so summaries are remembered between listings
//! ([`listing_cache`](super::listing_cache)) and the files that must be read are read on several
//! threads when there are many.

use super::listing_cache::{ListingCache, Stamp};
use super::{Listing, Store, StoreError, Summary, ids};
use crate::workshop::SessionId;
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
    id: SessionId,
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
            let Ok(id) = SessionId::parse(stem) else {
                listing.problems.push(StoreError::BadFileName {
                    suggestion: ids::suggest_id(stem),
                    path,
                });
                continue;
            };
            candidates.push(Candidate {
                id,
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

    /// The summary of each candidate, in their order, on as many threads as the amount to read
    /// and the machine are worth.
    fn read_summaries(
        &self,
        candidates: &[&Candidate],
    ) -> Vec<Result<Option<Summary>, StoreError>> {
        let total: u64 = candidates.iter().map(|c| c.bytes).sum();
        let wanted = usize::try_from(total / BYTES_PER_THREAD)
            .unwrap_or(usize::MAX)
            .min(candidates.len());
        // Asked only when it matters: on Linux the answer reads cgroup files, which costs more
        // than listing a few small sessions.
        let threads = if wanted <= 1 {
            1
        } else {
            wanted.min(thread::available_parallelism().map_or(1, usize::from))
        };
        self.read_summaries_on(candidates, threads)
    }

    /// The summary of each candidate, in their order, read on `threads` threads: each takes the
    /// next unread file until none is left, so one large session does not hold up the rest.
    fn read_summaries_on(
        &self,
        candidates: &[&Candidate],
        threads: usize,
    ) -> Vec<Result<Option<Summary>, StoreError>> {
        let read = |c: &&Candidate| self.read_summary(&c.id, &c.path);
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
    use super::super::tests::{named, store};
    use super::*;
    use crate::workshop::session::tests::{session, sid};
    use crate::workshop::{Placement, Prompt};

    /// A store of 40 sessions of 20 to 59 long notes (about 1.6 MB), plus a cut-short file and a
    /// badly named one; the ids and note counts of the sessions.
    fn big_store(dir: &std::path::Path) -> (Store, Vec<(SessionId, usize)>) {
        let store = Store::open(dir.to_path_buf()).unwrap();
        let big = "x".repeat(2_000);
        let mut expected = Vec::new();
        for i in 0..40 {
            let mut s = session();
            s.id = sid(&format!("20261123-0900-{i:02}"));
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
        fs::write(dir.join("20261123-0900-99.json"), "{ cut sh").unwrap();
        fs::write(dir.join("not an id.json"), "{}").unwrap();
        (store, expected)
    }

    #[test]
    fn a_large_store_lists_every_session_and_problem() {
        let dir = tempfile::tempdir().unwrap();
        let (store, expected) = big_store(dir.path());
        let total: u64 = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().metadata().unwrap().len())
            .sum();
        assert!(
            total > 2 * BYTES_PER_THREAD,
            "the store must be big enough for threads"
        );
        let listing = store.list().unwrap();
        let mut got: Vec<(SessionId, usize)> = listing
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

    /// Whatever the machine's core count, reading on several threads gives what one thread
    /// gives, in the same order.
    #[test]
    fn threads_read_the_same_summaries_in_the_same_order_as_one() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = big_store(dir.path());
        let candidates: Vec<Candidate> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter_map(|path| {
                let id =
                    SessionId::parse(path.file_name()?.to_str()?.strip_suffix(".json")?).ok()?;
                let bytes = fs::metadata(&path).ok()?.len();
                Some(Candidate {
                    id,
                    path,
                    bytes,
                    stamp: None,
                })
            })
            .collect();
        let refs: Vec<&Candidate> = candidates.iter().collect();
        let shown = |reads: Vec<Result<Option<Summary>, StoreError>>| -> Vec<String> {
            reads
                .into_iter()
                .map(|r| match r {
                    Ok(Some(s)) => format!("{} {} notes", s.id, s.notes),
                    Ok(None) => "gone".to_string(),
                    Err(e) => e.to_string(),
                })
                .collect()
        };
        let alone = shown(store.read_summaries_on(&refs, 1));
        // 40 sessions and the cut-short file; the badly named one never gets an id to read by.
        assert_eq!(alone.len(), 41);
        for threads in [2, 4, 7] {
            assert_eq!(shown(store.read_summaries_on(&refs, threads)), alone);
        }
    }

    #[test]
    fn list_skips_backups_temps_and_corrupt_copies_and_flags_bad_names() {
        let (_d, store) = store();
        let s = named(&store, "One", 0);
        store.save(&s).unwrap(); // makes a .bak
        fs::write(store.dir().join(format!(".{}.json.tmp-1-0", s.id)), "{").unwrap();
        fs::write(store.dir().join("x.json.corrupt-20260101T000000Z"), "{").unwrap();
        fs::write(store.dir().join("notes.txt"), "hello").unwrap();
        fs::write(store.dir().join("my session.json"), "{}").unwrap();
        let listing = store.list().unwrap();
        assert_eq!(listing.sessions.len(), 1);
        assert_eq!(listing.problems.len(), 1);
        let msg = listing.problems[0].to_string();
        assert!(
            msg.contains("my session.json") && msg.contains("my-session.json"),
            "{msg}"
        );
    }
}
