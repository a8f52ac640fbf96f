//! A session's inbox: the folder `<id>.inbox/` beside its file, through which other processes
//! hand commands to the one process that owns the session (has its lock), and read its answers.
//!
//! Plain files polled a few times a second work the same on Linux, macOS and Windows (file
//! watchers lose events on renames). Every step is one rename or one removal, so two processes
//! racing for a command never both get it:
//! - the sender writes `<cid>.cmd.json` (temporary file, flushed, synced, renamed);
//! - the owner takes it by renaming it to `<cid>.taken.json`, applies it, saves the session
//!   (which records `cid`), writes `<cid>.answer.json` and only then removes the taken file;
//! - a sender that gives up removes its `.cmd.json`: if that works, nobody took it and nothing
//!   was added; if it is gone, the owner took it and its answer is coming.
//!
//! A taken file whose owner died is taken again by the next applier; the session's record of
//! applied ids makes the second application a no-op. Command ids start with the time they were
//! made, so sorting names sorts commands oldest first.

use super::{StoreError, fsio, rename_retry};
use crate::workshop::SessionId;
use crate::workshop::command::{Answer, Command};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// Ending of a command waiting to be taken.
const WAITING: &str = ".cmd.json";
/// Ending of a command an owner has taken (and may have applied).
const TAKEN: &str = ".taken.json";
/// Ending of an owner's answer.
const ANSWER: &str = ".answer.json";
/// Longest command file read (a pasted block of notes is far smaller).
const MAX_COMMAND_BYTES: u64 = 4 * 1024 * 1024;
/// Answers and temporary files older than this are removed by the owner (their sender was
/// killed before reading them).
pub const LEFTOVER_AGE: Duration = Duration::from_secs(10 * 60);

/// Distinguishes command ids made by one process in the same instant.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// The inbox of one session.
#[derive(Debug, Clone)]
pub struct Inbox {
    dir: PathBuf,
    session: String,
}

/// A command file found in the inbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub id: String,
    /// Taken by an owner that did not finish with it (or by this process, still in flight).
    pub taken: bool,
}

/// A command the owner has taken: the command, or why its file could not be used (answered as
/// an error so the sender hears of it).
pub type Taken = (String, Result<Command, String>);

impl Inbox {
    /// The inbox of session `id` in the store folder `store_dir`.
    pub(super) fn new(store_dir: &Path, id: &SessionId) -> Inbox {
        Inbox {
            dir: store_dir.join(format!("{id}.inbox")),
            session: id.to_string(),
        }
    }

    /// The inbox folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A fresh command id: the time, this process and a counter, so ids are unique and sort
    /// in the order they were made.
    pub fn new_command_id() -> String {
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        format!("{nanos:020}-{}-{n}", std::process::id())
    }

    fn path(&self, id: &str, ending: &str) -> PathBuf {
        self.dir.join(format!("{id}{ending}"))
    }

    fn io(&self, action: &'static str, path: &Path, e: io::Error) -> StoreError {
        StoreError::io(action, path, e)
    }

    /// Hands `command` to the owner: written whole (temporary file, synced, renamed) or not at
    /// all. Makes the inbox folder (private) if it is missing.
    pub fn post(&self, command: &Command) -> Result<(), StoreError> {
        check_command_id(&command.id)?;
        fsio::create_private_dir_all(&self.dir)
            .map_err(|e| self.io("create the inbox folder", &self.dir, e))?;
        let bytes = serde_json::to_vec(command).map_err(|e| StoreError::Encode {
            id: self.session.clone(),
            source: std::sync::Arc::new(e),
        })?;
        let target = self.path(&command.id, WAITING);
        fsio::write_atomic(&target, &bytes, None).map_err(|(step, e)| StoreError::SaveFailed {
            id: self.session.clone(),
            path: target.clone(),
            step,
            source: std::sync::Arc::new(e),
        })
    }

    /// Takes back command `id` if no owner has taken it: `Ok(true)` means it is withdrawn and
    /// will never be applied; `Ok(false)` that an owner took it (its answer is coming).
    pub fn withdraw(&self, id: &str) -> Result<bool, StoreError> {
        let path = self.path(id, WAITING);
        match fs::remove_file(&path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(self.io("withdraw the command", &path, e)),
        }
    }

    /// The owner's answer to command `id`, removed once read; `Ok(None)` while there is none.
    pub fn take_answer(&self, id: &str) -> Result<Option<Answer>, StoreError> {
        let path = self.path(id, ANSWER);
        let Some(bytes) = fsio::read_capped(&path)? else {
            return Ok(None);
        };
        let answer = serde_json::from_slice(&bytes).map_err(|e| StoreError::Unreadable {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        let _ = fs::remove_file(&path);
        Ok(Some(answer))
    }

    /// Whether command `id` is still waiting to be taken.
    pub fn is_waiting(&self, id: &str) -> bool {
        self.path(id, WAITING).exists()
    }

    /// The commands in the inbox, oldest first (one folder read; an absent inbox is empty).
    pub fn waiting(&self) -> Vec<Waiting> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<Waiting> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let name = entry.file_name().into_string().ok()?;
                let (id, taken) = match name.strip_suffix(WAITING) {
                    Some(id) => (id, false),
                    None => (name.strip_suffix(TAKEN)?, true),
                };
                check_command_id(id).ok()?;
                Some(Waiting {
                    id: id.to_string(),
                    taken,
                })
            })
            .collect();
        found.sort_by(|a, b| a.id.cmp(&b.id));
        found
    }

    /// Takes a waiting command (renaming it so its sender can no longer withdraw it) and reads
    /// it. `Ok(None)` if its sender withdrew it first.
    pub fn take(&self, waiting: &Waiting) -> Result<Option<Taken>, StoreError> {
        let taken = self.path(&waiting.id, TAKEN);
        if !waiting.taken {
            let from = self.path(&waiting.id, WAITING);
            match rename_retry::rename(&from, &taken) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
                Err(e) => return Err(self.io("take the command", &from, e)),
            }
        }
        let read = match fs::metadata(&taken) {
            Ok(meta) if meta.len() > MAX_COMMAND_BYTES => Err(format!(
                "the command file {} is {} bytes, more than a command can be",
                taken.display(),
                meta.len()
            )),
            Ok(_) => fs::read(&taken)
                .map_err(|e| format!("could not read the command file {}: {e}", taken.display()))
                .and_then(|bytes| {
                    serde_json::from_slice::<Command>(&bytes).map_err(|e| {
                        format!(
                            "the command file {} could not be read ({e}); is it from a newer cpm-workshop?",
                            taken.display()
                        )
                    })
                }),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => Err(format!("could not read {}: {e}", taken.display())),
        };
        // The file name is what the sender waits on, whatever the file says.
        let read = read.map(|mut command| {
            command.id = waiting.id.clone();
            command
        });
        Ok(Some((waiting.id.clone(), read)))
    }

    /// Takes every waiting command, oldest first, and applies each with `apply`;
    /// returns the answers, to be given with [`Inbox::answer_all`] once the session is saved.
    /// Files that cannot be used are answered with why, without calling `apply`.
    pub fn drain(&self, mut apply: impl FnMut(&Command) -> Answer) -> Vec<(String, Answer)> {
        let mut answers = Vec::new();
        for waiting in self.waiting() {
            match self.take(&waiting) {
                Ok(Some((id, Ok(command)))) => answers.push((id, apply(&command))),
                Ok(Some((id, Err(why)))) => answers.push((id, Answer::Error(why))),
                // Withdrawn, or a file we may not touch now: the next drain tries again.
                Ok(None) | Err(_) => {}
            }
        }
        answers
    }

    /// Answers command `id` and forgets it: the answer is written whole before the taken file
    /// is removed, so a kill in between leaves a command that is answered again, never one
    /// that is lost.
    pub fn answer(&self, id: &str, answer: &Answer) -> Result<(), StoreError> {
        let target = self.path(id, ANSWER);
        let bytes = serde_json::to_vec(answer).map_err(|e| StoreError::Encode {
            id: self.session.clone(),
            source: std::sync::Arc::new(e),
        })?;
        fsio::write_atomic(&target, &bytes, None).map_err(|(step, e)| StoreError::SaveFailed {
            id: self.session.clone(),
            path: target.clone(),
            step,
            source: std::sync::Arc::new(e),
        })?;
        let taken = self.path(id, TAKEN);
        match fs::remove_file(&taken) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(self.io("remove the answered command", &taken, e)),
        }
    }

    /// [`Inbox::answer`] for each; the first failure is returned after trying them all.
    pub fn answer_all(&self, answers: &[(String, Answer)]) -> Result<(), StoreError> {
        let mut first = None;
        for (id, answer) in answers {
            if let Err(e) = self.answer(id, answer) {
                first.get_or_insert(e);
            }
        }
        first.map_or(Ok(()), Err)
    }

    /// Removes answers nobody read and temporary files nobody finished, older than `age` (their
    /// writers were killed). Best effort.
    pub fn remove_leftovers(&self, age: Duration) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        let now = SystemTime::now();
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if !(name.ends_with(ANSWER) || name.starts_with('.')) {
                continue;
            }
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| now.duration_since(t).is_ok_and(|d| d >= age));
            if old {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// Removes the inbox folder and everything in it (when its session is purged).
    pub fn remove(&self) -> Result<(), StoreError> {
        match fs::remove_dir_all(&self.dir) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(self.io("remove the inbox folder", &self.dir, e)),
        }
    }
}

/// Command ids become file names: digits, ASCII letters and '-' only, at most 80.
fn check_command_id(id: &str) -> Result<(), StoreError> {
    let ok = !id.is_empty()
        && id.len() <= 80
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(StoreError::BadId { id: id.to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::command::{CommandKind, Outcome};
    use crate::workshop::session::tests::sid;
    use crate::workshop::step::Prompt;

    fn inbox() -> (tempfile::TempDir, Inbox) {
        let dir = tempfile::tempdir().unwrap();
        let inbox = Inbox::new(dir.path(), &sid("s1"));
        (dir, inbox)
    }

    fn command(text: &str) -> Command {
        Command::new(
            Inbox::new_command_id(),
            CommandKind::AddNotes {
                texts: vec![text.into()],
                group: 1,
                category: None,
                prompt: Prompt::Already,
                initials: None,
                from_phone: false,
            },
        )
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn commands_are_taken_oldest_first_and_answered_before_they_are_forgotten() {
        let (_d, inbox) = inbox();
        let sent: Vec<Command> = ["one", "two", "three"].map(command).to_vec();
        // Posted out of order: the ids, not the posting order, say which came first.
        for i in [2, 0, 1] {
            inbox.post(&sent[i]).unwrap();
        }
        let mut seen = Vec::new();
        let answers = inbox.drain(|c| {
            seen.push(c.clone());
            Answer::Ok(Outcome::AlreadyApplied)
        });
        assert_eq!(seen, sent);
        // Taken, not yet answered: the files stay (as taken), and nothing is waiting to be posted.
        assert!(names(inbox.dir()).iter().all(|n| n.ends_with(TAKEN)));
        assert!(inbox.waiting().iter().all(|w| w.taken));
        inbox.answer_all(&answers).unwrap();
        for c in &sent {
            assert_eq!(
                inbox.take_answer(&c.id).unwrap(),
                Some(Answer::Ok(Outcome::AlreadyApplied))
            );
        }
        assert!(names(inbox.dir()).is_empty(), "{:?}", names(inbox.dir()));
    }

    #[test]
    fn a_taken_command_left_by_a_dead_owner_is_taken_again() {
        let (_d, inbox) = inbox();
        let c = command("x");
        inbox.post(&c).unwrap();
        let w = inbox.waiting();
        assert_eq!(inbox.take(&w[0]).unwrap().unwrap().1.unwrap(), c);
        // The owner died here. The next drain finds it, taken, and applies it.
        let mut again = 0;
        let answers = inbox.drain(|_| {
            again += 1;
            Answer::Error("refused".into())
        });
        assert_eq!(again, 1);
        assert_eq!(answers, [(c.id.clone(), Answer::Error("refused".into()))]);
    }

    #[test]
    fn withdraw_and_take_never_both_win() {
        let (_d, inbox) = inbox();
        let c = command("x");
        inbox.post(&c).unwrap();
        let w = inbox.waiting().remove(0);
        assert!(inbox.withdraw(&c.id).unwrap(), "nobody took it yet");
        assert_eq!(inbox.take(&w).unwrap(), None, "withdrawn first: not taken");
        let d = command("y");
        inbox.post(&d).unwrap();
        let w = inbox.waiting().remove(0);
        assert!(inbox.take(&w).unwrap().is_some());
        assert!(
            !inbox.withdraw(&d.id).unwrap(),
            "taken first: not withdrawn"
        );
        assert!(!inbox.is_waiting(&d.id));
    }

    #[test]
    fn a_file_that_is_not_a_command_is_answered_with_why() {
        let (_d, inbox) = inbox();
        inbox.post(&command("x")).unwrap();
        let bad = "00000000000000000001-1-0";
        fs::write(inbox.path(bad, WAITING), "{\"kind\": \"from the future\"}").unwrap();
        fs::write(inbox.dir().join("notes.txt"), "not ours").unwrap();
        let answers = inbox.drain(|_| Answer::Ok(Outcome::AlreadyApplied));
        assert_eq!(answers.len(), 2);
        assert_eq!(answers[0].0, bad);
        let Answer::Error(why) = &answers[0].1 else {
            panic!("{answers:?}")
        };
        assert!(
            why.contains(bad) && why.contains("newer cpm-workshop"),
            "{why}"
        );
    }

    #[test]
    fn leftover_answers_and_temporary_files_are_removed_when_old() {
        let (_d, inbox) = inbox();
        inbox.post(&command("x")).unwrap();
        inbox.answer("1-1-1", &Answer::Error("x".into())).unwrap();
        fs::write(inbox.dir().join(".a.cmd.json.tmp-1-0"), "{").unwrap();
        inbox.remove_leftovers(LEFTOVER_AGE);
        assert_eq!(names(inbox.dir()).len(), 3, "young files stay");
        inbox.remove_leftovers(Duration::ZERO);
        let left = names(inbox.dir());
        assert_eq!(left.len(), 1, "{left:?}");
        assert!(left[0].ends_with(WAITING), "commands are never tidied away");
        inbox.remove().unwrap();
        assert!(!inbox.dir().exists());
    }

    #[test]
    fn ids_that_are_not_safe_file_names_are_refused() {
        let (_d, inbox) = inbox();
        for id in ["", "../x", "a/b", "a.b", &"9".repeat(81)] {
            let c = Command {
                id: id.to_string(),
                ..command("x")
            };
            assert!(
                matches!(inbox.post(&c), Err(StoreError::BadId { .. })),
                "{id:?}"
            );
        }
        let a = Inbox::new_command_id();
        let b = Inbox::new_command_id();
        assert!(a < b, "{a} < {b}");
        assert!(check_command_id(&a).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn the_inbox_and_its_files_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let (_d, inbox) = inbox();
        let c = command("x");
        inbox.post(&c).unwrap();
        inbox.answer("1-1-1", &Answer::Error("x".into())).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(inbox.dir()), 0o700);
        assert_eq!(mode(&inbox.path(&c.id, WAITING)), 0o600);
        assert_eq!(mode(&inbox.path("1-1-1", ANSWER)), 0o600);
    }
}
