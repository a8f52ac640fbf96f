//! The session store on a real disk: round trips, recovery from bad files, the one-writer lock,
//! crash safety under `kill -9`, trash, and the background saver.
//!
//! Child processes are this test binary run again with `CPM_STORE_CHILD` set and a filter that
//! selects only [`child_process`], so no extra binary is needed.

use crate::support;

use support::store_files::{assert_no_temp_files, hidden_files};

use crate::support::session_id as sid;
use cpm_workshop::store::{SaveEvent, Saver, Store, StoreError, Trouble};
use cpm_workshop::workshop::{
    Activity, Durations, Mode, Note, Placement, Prompt, Session, SessionId, SessionSpec,
};
use proptest::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration as StdDuration, Instant};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);
const CHILD_ENV: &str = "CPM_STORE_CHILD";
const CHILD_DIR_ENV: &str = "CPM_STORE_CHILD_DIR";
/// A child gives up on its own after this long, in case the parent died without killing it.
const CHILD_LIFETIME: StdDuration = StdDuration::from_secs(20);
const KILL_TRIALS: usize = 30;

fn spec(name: &str) -> SessionSpec {
    SessionSpec {
        name: name.into(),
        activity: Activity::Sticky,
        deck: "practice".into(),
        categories: [
            "Foundational",
            "Engagement",
            "Assessment",
            "Teaming",
            "Service Planning & Delivery",
            "Transition",
        ]
        .map(String::from)
        .to_vec(),
        groups: 4,
        group_names: vec!["Redwoods".into()],
        mode: Mode::Rotation,
        durations: Durations::default(),
        role: None,
    }
}

fn session(id: &str, name: &str) -> Session {
    Session::new(sid(id), spec(name), T0).unwrap()
}

/// Appends a note with exactly `text` (no cleaning: the store must keep whatever it is given).
fn push_note(s: &mut Session, text: &str, now: OffsetDateTime) {
    s.notes.push(Note {
        id: s.next_note_id,
        text: text.to_string(),
        placement: Placement {
            group: 1 + (s.next_note_id % 4) as u32,
            category: Some("Engagement".into()),
            prompt: Prompt::Already,
        },
        created: now,
        initials: None,
        from_phone: false,
        visibility: Default::default(),
    });
    s.next_note_id += 1;
    s.updated = now;
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("sessions")).unwrap();
    (dir, store)
}

/// Swaps the store folder for a plain file (so every write into it fails, even as root) and
/// back again.
struct Blocked {
    dir: PathBuf,
    aside: PathBuf,
}

impl Blocked {
    fn new(dir: &Path) -> Blocked {
        let aside = dir.with_extension("aside");
        fs::rename(dir, &aside).unwrap();
        fs::write(dir, "not a folder").unwrap();
        Blocked {
            dir: dir.to_path_buf(),
            aside,
        }
    }
}

impl Drop for Blocked {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.dir);
        let _ = fs::rename(&self.aside, &self.dir);
    }
}

// ---------------------------------------------------------------------------------------------
// Child processes

/// Not a test of its own: the body of the child processes the tests below start.
#[test]
fn child_process() {
    let Ok(role) = std::env::var(CHILD_ENV) else {
        return;
    };
    let dir = PathBuf::from(std::env::var(CHILD_DIR_ENV).unwrap());
    let store = Store::open(dir.clone()).unwrap();
    let started = Instant::now();
    match role.as_str() {
        // Save a growing session as fast as possible until killed.
        "save" => {
            let mut s = match store.load(&sid("grow")) {
                Ok(s) => s,
                Err(StoreError::NotFound { .. }) => session("grow", "Growing 🌱 成長"),
                Err(e) => panic!("{e}"),
            };
            let mut announced = false;
            while started.elapsed() < CHILD_LIFETIME {
                let n = s.next_note_id;
                push_note(&mut s, &format!("note {n}: 🤝 協力 {}", "x".repeat(40)), T0);
                store.save(&s).unwrap();
                if !announced {
                    fs::write(dir.join(format!("ready-{}", std::process::id())), "").unwrap();
                    announced = true;
                }
            }
        }
        // Hold the lock until killed.
        "lock" => {
            let _lock = store.lock(&sid("held")).unwrap();
            while started.elapsed() < CHILD_LIFETIME {
                std::thread::sleep(StdDuration::from_millis(50));
            }
        }
        other => panic!("unknown child role {other}"),
    }
}

/// A child process that is killed (SIGKILL on Unix) if the test ends without killing it.
struct ChildGuard(Child);

impl ChildGuard {
    fn spawn(role: &str, dir: &Path) -> ChildGuard {
        // The test's name as libtest knows it: this module's path without the crate's name.
        let test = format!(
            "{}::child_process",
            module_path!().split_once("::").unwrap().1
        );
        let child = Command::new(std::env::current_exe().unwrap())
            .args([test.as_str(), "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, role)
            .env(CHILD_DIR_ENV, dir)
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        ChildGuard(child)
    }

    fn pid(&self) -> u32 {
        self.0.id()
    }

    /// `kill -9` and reap.
    fn kill(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for ChildGuard {
    fn drop(&mut self) {
        self.kill();
    }
}

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + StdDuration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(StdDuration::from_millis(2));
    }
}

#[test]
fn kill_9_in_the_middle_of_saving_leaves_a_readable_file() {
    let (_tmp, store) = store();
    let path = store.session_path(&sid("grow"));
    let bak = store.backup_path(&sid("grow"));
    let mut rng =
        support::rng::Rng::from_env("kill_9_in_the_middle_of_saving_leaves_a_readable_file");
    let seed = rng.seed();
    // Temporary files of killed writers: each one a kill that landed mid-save.
    let torn = || {
        let mut pids: Vec<String> = hidden_files(store.dir())
            .iter()
            .filter_map(|n| {
                n.split(".tmp-")
                    .nth(1)?
                    .split('-')
                    .next()
                    .map(str::to_owned)
            })
            .collect();
        pids.sort();
        pids.dedup();
        pids.len()
    };
    // Kills land mid-save by chance: past the planned trials, more (bounded) until enough did.
    let need = KILL_TRIALS / 3;
    let mut last_count = 0;
    let mut trial = 0;
    while trial < KILL_TRIALS || (torn() < need && trial < 4 * KILL_TRIALS) {
        let mut child = ChildGuard::spawn("save", store.dir());
        let ready = store.dir().join(format!("ready-{}", child.pid()));
        wait_for("the child's first save", || ready.exists());
        std::thread::sleep(StdDuration::from_micros(rng.below(30_000)));
        child.kill();

        let context = format!("trial {trial} (seed {seed})");
        let current: Session = serde_json::from_slice(&fs::read(&path).unwrap())
            .unwrap_or_else(|e| panic!("{context}: session file torn: {e}"));
        assert!(
            current.notes.len() > last_count,
            "{context}: the file went back from {last_count} to {} notes",
            current.notes.len()
        );
        last_count = current.notes.len();
        if let Ok(bytes) = fs::read(&bak) {
            serde_json::from_slice::<Session>(&bytes)
                .unwrap_or_else(|e| panic!("{context}: backup torn: {e}"));
        }
        // And the store itself opens it.
        store.load(&sid("grow")).unwrap();
        trial += 1;
    }
    let torn_saves = torn();
    let _lock = store.lock(&sid("grow")).unwrap();
    assert_no_temp_files(store.dir());
    eprintln!(
        "kill -9 during save: {trial} trials, {torn_saves} kills mid-save (temporary \
         files left), {last_count} notes at the end (seed {seed})"
    );
    // The kills must land inside saves, or the file was only ever checked between them.
    assert!(
        torn_saves >= need,
        "only {torn_saves} of {trial} kills landed mid-save (seed {seed})"
    );
}

#[cfg(unix)]
#[test]
fn lock_held_by_another_process_is_refused_naming_it_and_freed_by_kill_9() {
    let (_tmp, store) = store();
    store.create(&session("held", "Tuesday cohort 🌟")).unwrap();
    let mut child = ChildGuard::spawn("lock", store.dir());
    let holder = format!("process {}", child.pid());
    let lock_file = store.lock_path(&sid("held"));
    wait_for("the child to take the lock", || {
        fs::read_to_string(&lock_file).is_ok_and(|s| s.trim() == holder)
    });

    let err = store.lock(&sid("held")).unwrap_err();
    let msg = err.to_string();
    match &err {
        StoreError::Locked {
            id, name, other, ..
        } => {
            assert_eq!(id, "held");
            assert_eq!(name.as_deref(), Some("Tuesday cohort 🌟"));
            assert_eq!(other, &holder);
        }
        e => panic!("expected Locked, got {e}"),
    }
    assert!(
        msg.contains(&holder) && msg.contains("Tuesday cohort"),
        "{msg}"
    );

    child.kill();
    assert!(lock_file.exists(), "the stale lock file is still there");
    let lock = store
        .lock(&sid("held"))
        .expect("a killed holder's lock is released");
    let mine = format!("process {}", std::process::id());
    assert_eq!(fs::read_to_string(lock.path()).unwrap().trim(), mine);
}

// ---------------------------------------------------------------------------------------------
// Round trips and listing

#[test]
fn round_trip_keeps_every_character() {
    let (_tmp, store) = store();
    let mut s = session("rt", "Équipe 🌈 チーム");
    for text in [
        "We already listen first 👂🏽",
        "家族の声を聞く",
        "Família e comunidade — ação",
        "Combining: e\u{301} and ZWJ 👩‍👩‍👧",
        "line one\nline two",
    ] {
        push_note(&mut s, text, T0 + Duration::minutes(1));
    }
    store.create(&s).unwrap();
    assert_eq!(store.load(&sid("rt")).unwrap(), s);
    // The file is UTF-8 text a person can read, not escapes.
    let raw = fs::read_to_string(store.session_path(&sid("rt"))).unwrap();
    assert!(raw.contains("家族の声を聞く") && raw.contains("👩‍👩‍👧"));
}

proptest! {
    #![proptest_config(crate::support::props::config(24, 24))]

    #[test]
    fn any_text_round_trips(texts in prop::collection::vec(any::<String>(), 0..6), name in any::<String>()) {
        let (_tmp, store) = store();
        let mut s = session("p", "x");
        s.name = name;
        for t in &texts {
            push_note(&mut s, t, T0);
        }
        store.save(&s).unwrap();
        prop_assert_eq!(store.load(&sid("p")).unwrap(), s);
    }
}

#[test]
fn create_refuses_to_overwrite() {
    let (_tmp, store) = store();
    let s = session("one", "First");
    store.create(&s).unwrap();
    let err = store.create(&session("one", "Second")).unwrap_err();
    assert!(matches!(err, StoreError::AlreadyExists { .. }), "{err}");
    assert!(err.to_string().contains("one.json"), "{err}");
    assert_eq!(store.load(&sid("one")).unwrap().name, "First");
}

#[test]
fn save_keeps_the_previous_version_as_bak() {
    let (_tmp, store) = store();
    let mut s = session("b", "v1");
    store.save(&s).unwrap();
    s.name = "v2".into();
    store.save(&s).unwrap();
    let bak: Session =
        serde_json::from_slice(&fs::read(store.backup_path(&sid("b"))).unwrap()).unwrap();
    assert_eq!(bak.name, "v1");
    assert_no_temp_files(store.dir());
}

#[test]
fn list_is_newest_first_and_reports_a_corrupt_file_as_a_problem() {
    let (_tmp, store) = store();
    for (id, minutes) in [("old", 1), ("newest", 30), ("middle", 10)] {
        let mut s = session(id, id);
        push_note(&mut s, "a note", T0 + Duration::minutes(minutes));
        store.create(&s).unwrap();
    }
    fs::write(
        store.session_path(&sid("broken")),
        "{\"schema_version\": 1, \"id\": ",
    )
    .unwrap();
    let listing = store.list().unwrap();
    let ids: Vec<&str> = listing.sessions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["newest", "middle", "old"]);
    assert_eq!(listing.sessions[0].notes, 1);
    assert_eq!(listing.sessions[0].groups, 4);
    assert_eq!(listing.sessions[0].path, store.session_path(&sid("newest")));
    assert_eq!(listing.problems.len(), 1);
    let msg = listing.problems[0].to_string();
    assert!(msg.contains("broken.json"), "{msg}");
    // Listing moves nothing.
    assert!(store.session_path(&sid("broken")).exists());
}

// ---------------------------------------------------------------------------------------------
// Recovery

#[test]
fn truncated_file_is_moved_aside_not_overwritten_and_the_backup_offered() {
    let (_tmp, store) = store();
    let mut s = session("cut", "Cut short");
    store.save(&s).unwrap();
    push_note(&mut s, "second version", T0 + Duration::minutes(5));
    store.save(&s).unwrap();
    let full = fs::read(store.session_path(&sid("cut"))).unwrap();
    let torn = &full[..full.len() / 2];
    fs::write(store.session_path(&sid("cut")), torn).unwrap();

    let err = store.load(&sid("cut")).unwrap_err();
    let msg = err.to_string();
    let StoreError::Corrupt {
        path,
        moved_to,
        backup_available,
        ..
    } = &err
    else {
        panic!("expected Corrupt, got {msg}");
    };
    assert_eq!(path, &store.session_path(&sid("cut")));
    assert!(
        msg.contains(&path.display().to_string()) && msg.contains(&moved_to.display().to_string()),
        "{msg}"
    );
    assert!(*backup_available, "{msg}");
    assert!(msg.contains(".bak"), "{msg}");
    assert_eq!(fs::read(moved_to).unwrap(), torn, "kept exactly as it was");
    assert!(!path.exists());
    assert!(
        moved_to
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("cut.json.corrupt-")
    );

    let recovered = store.recover_from_backup(&sid("cut")).unwrap();
    assert_eq!(recovered.notes.len(), 0, "the version before the last save");
    assert_eq!(store.load(&sid("cut")).unwrap(), recovered);
    assert!(
        store.backup_path(&sid("cut")).exists(),
        "the backup is kept"
    );
    // Recovering again would overwrite the live file: refused.
    assert!(matches!(
        store.recover_from_backup(&sid("cut")),
        Err(StoreError::AlreadyExists { .. })
    ));
}

#[test]
fn empty_and_binary_files_are_moved_aside_and_never_overwrite_an_earlier_one() {
    let (_tmp, store) = store();
    let contents: [&[u8]; 3] = [b"", b"\x00\x9f\xff\xfe binary", b"   \n"];
    let mut moved = Vec::new();
    for bytes in contents {
        fs::write(store.session_path(&sid("bad")), bytes).unwrap();
        match store.load(&sid("bad")) {
            Err(StoreError::Corrupt {
                moved_to,
                backup_available,
                ..
            }) => {
                assert!(!backup_available);
                assert_eq!(fs::read(&moved_to).unwrap(), bytes);
                moved.push(moved_to);
            }
            other => panic!("expected Corrupt, got {other:?}"),
        }
    }
    moved.sort();
    moved.dedup();
    assert_eq!(moved.len(), 3, "each moved to its own name");
    assert!(matches!(
        store.recover_from_backup(&sid("bad")),
        Err(StoreError::BackupUnusable { .. })
    ));
}

#[test]
fn find_on_an_unparsable_exact_id_moves_it_aside_like_load() {
    let (_tmp, store) = store();
    fs::write(store.session_path(&sid("torn")), "{").unwrap();
    assert!(matches!(
        store.find("torn"),
        Err(StoreError::Corrupt { .. })
    ));
    assert!(!store.session_path(&sid("torn")).exists());
}

#[test]
fn newer_schema_version_is_refused_and_the_file_left_untouched() {
    let (_tmp, store) = store();
    let mut value = serde_json::to_value(session("future", "From the future")).unwrap();
    value["schema_version"] = 999.into();
    value["a_field_we_do_not_know"] = "x".into();
    let bytes = serde_json::to_vec(&value).unwrap();
    fs::write(store.session_path(&sid("future")), &bytes).unwrap();

    let err = store.load(&sid("future")).unwrap_err();
    let msg = err.to_string();
    assert!(
        matches!(err, StoreError::TooNew { found: 999, .. }),
        "{msg}"
    );
    assert!(
        msg.contains("newer cpm-workshop") && msg.contains("upgrade"),
        "{msg}"
    );
    assert!(msg.contains("future.json"), "{msg}");
    assert_eq!(fs::read(store.session_path(&sid("future"))).unwrap(), bytes);
    let listing = store.list().unwrap();
    assert!(matches!(listing.problems[..], [StoreError::TooNew { .. }]));
    assert!(
        fs::read_dir(store.dir()).unwrap().count() == 1,
        "nothing moved or added"
    );
}

#[test]
fn a_huge_file_is_refused_without_reading_it() {
    let (_tmp, store) = store();
    let f = fs::File::create(store.session_path(&sid("huge"))).unwrap();
    f.set_len(cpm_workshop::store::MAX_FILE_BYTES + 1).unwrap(); // sparse
    let err = store.load(&sid("huge")).unwrap_err();
    assert!(matches!(err, StoreError::TooLarge { .. }), "{err}");
    assert!(store.session_path(&sid("huge")).exists());
}

// ---------------------------------------------------------------------------------------------
// Unwritable places

#[test]
fn opening_a_store_on_a_file_or_below_one_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("plain.txt");
    fs::write(&file, "x").unwrap();
    let err = Store::open(file.clone()).unwrap_err();
    assert!(matches!(err, StoreError::NotADirectory { .. }), "{err}");
    assert!(err.to_string().contains("plain.txt"), "{err}");
    let below = file.join("sessions");
    let err = Store::open(below.clone()).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains(&below.display().to_string()), "{msg}");
    assert!(msg.contains("--store"), "{msg}");
}

#[test]
fn default_dir_ends_in_sessions() {
    // Every platform this runs on has a data directory; `None` is covered by the error text.
    if let Ok(dir) = Store::default_dir() {
        assert!(dir.ends_with("sessions"));
    }
    assert!(
        StoreError::NoDataDir
            .to_string()
            .contains("CPM_WORKSHOP_STORE")
    );
}

#[test]
fn saving_when_the_folder_became_a_file_fails_clearly_and_keeps_the_old_file() {
    let (_tmp, store) = store();
    let old = session("keep", "Old");
    store.save(&old).unwrap();
    let mut new = old.clone();
    new.name = "New".into();
    {
        let _blocked = Blocked::new(store.dir());
        let err = store.save(&new).unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, StoreError::SaveFailed { .. }), "{msg}");
        assert!(
            msg.contains(&store.session_path(&sid("keep")).display().to_string()),
            "{msg}"
        );
        assert!(msg.contains("still in memory"), "{msg}");
    }
    assert_eq!(store.load(&sid("keep")).unwrap(), old);
    assert_no_temp_files(store.dir());
}

/// Runs for anyone: a read-only tmpfs for root (whom folder permissions do not stop), a folder
/// without write permission otherwise.
#[cfg(unix)]
#[test]
fn saving_into_a_read_only_folder_fails_clearly_and_keeps_the_old_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("sessions");
    let old = session("ro", "Old");
    let Some((_read_only, store)) = support::read_only::ReadOnly::after(&dir, || {
        let store = Store::open(dir.clone()).unwrap();
        store.save(&old).unwrap();
        store
    }) else {
        return;
    };
    let mut new = old.clone();
    new.name = "New".into();
    let msg = store.save(&new).unwrap_err().to_string();
    assert!(
        msg.contains("ro.json") && (msg.contains("permission") || msg.contains("read-only")),
        "{msg}"
    );
    assert_eq!(store.load(&sid("ro")).unwrap(), old);
    assert_no_temp_files(store.dir());
}

// ---------------------------------------------------------------------------------------------
// Finding, renaming, duplicating, deleting

#[test]
fn find_by_id_name_prefix_and_id_prefix() {
    let (_tmp, store) = store();
    let a = store.new_id(T0);
    store
        .create(&session(a.as_str(), "Tuesday cohort"))
        .unwrap();
    let b = store.new_id(T0);
    store
        .create(&session(b.as_str(), "Tuesday leadership"))
        .unwrap();
    store.create(&session("erp-1", "Équipe ERP")).unwrap();

    assert_eq!(store.find(a.as_str()).unwrap().id, a);
    assert_eq!(store.find("tuesday C").unwrap().id, a);
    assert_eq!(store.find("équipe").unwrap().id, "erp-1");
    assert_eq!(store.find("erp").unwrap().id, "erp-1", "id prefix");

    let err = store.find("tues").unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, StoreError::Ambiguous { .. }), "{msg}");
    assert!(
        msg.contains(a.as_str()) && msg.contains(b.as_str()) && msg.contains("Tuesday leadership"),
        "{msg}"
    );
    let err = store.find("2026").unwrap_err();
    assert!(matches!(err, StoreError::Ambiguous { .. }), "{err}");

    let err = store.find("friday").unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, StoreError::NotFound { .. }), "{msg}");
    assert!(msg.contains(&store.dir().display().to_string()), "{msg}");
}

#[test]
fn rename_duplicate_delete_restore() {
    let (_tmp, store) = store();
    let mut s = session("orig", "Tuesday");
    push_note(&mut s, "kept 🌱", T0);
    store.create(&s).unwrap();
    store.save(&s).unwrap(); // so there is a .bak to carry into the trash

    let later = T0 + Duration::hours(1);
    let renamed = store
        .rename(&sid("orig"), "Tuesday \u{1b}[31mcohort", later)
        .unwrap();
    assert_eq!(renamed.name, "Tuesday cohort");
    assert_eq!(store.load(&sid("orig")).unwrap().updated, later);

    let copy = store.duplicate(&sid("orig"), "Next week", later).unwrap();
    assert_ne!(copy.id, "orig");
    assert!(copy.notes.is_empty());
    assert_eq!(copy.groups, s.groups);
    assert_eq!(copy.deck, s.deck);
    assert_eq!(store.load(&copy.id).unwrap(), copy);

    let trashed_to = store.delete(&sid("orig"), later).unwrap();
    assert!(trashed_to.starts_with(store.trash_dir()));
    assert!(trashed_to.exists());
    assert!(!store.session_path(&sid("orig")).exists());
    assert!(!store.backup_path(&sid("orig")).exists());
    let ids: Vec<SessionId> = store
        .list()
        .unwrap()
        .sessions
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids, vec![copy.id.clone()]);
    let trash = store.trashed().unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].id, "orig");
    assert_eq!(trash[0].path, trashed_to);
    assert!(matches!(
        store.load(&sid("orig")),
        Err(StoreError::NotFound { .. })
    ));

    // A new id never reuses one that is in the trash.
    assert_ne!(store.new_id(T0), "orig");

    let back = store.restore(&sid("orig")).unwrap();
    assert_eq!(back.name, "Tuesday cohort");
    assert_eq!(back.notes, 1);
    assert!(
        store.backup_path(&sid("orig")).exists(),
        "the backup came back too"
    );
    assert!(store.trashed().unwrap().is_empty());
    assert!(matches!(
        store.restore(&sid("orig")),
        Err(StoreError::NotInTrash { .. })
    ));

    // Deleted twice in the same second: both kept; restore refuses while the id is live.
    store.delete(&sid("orig"), later).unwrap();
    store.create(&session("orig", "A different one")).unwrap();
    store.delete(&sid("orig"), later).unwrap();
    assert_eq!(store.trashed().unwrap().len(), 2);
    store.create(&session("orig", "Live again")).unwrap();
    let err = store.restore(&sid("orig")).unwrap_err();
    assert!(matches!(err, StoreError::AlreadyExists { .. }), "{err}");
    assert_eq!(store.load(&sid("orig")).unwrap().name, "Live again");
}

#[test]
fn delete_and_rename_respect_the_lock() {
    let (_tmp, store) = store();
    store.create(&session("busy", "Busy")).unwrap();
    let _held = store.lock(&sid("busy")).unwrap();
    assert!(matches!(
        store.delete(&sid("busy"), T0),
        Err(StoreError::Locked { .. })
    ));
    assert!(matches!(
        store.rename(&sid("busy"), "x", T0),
        Err(StoreError::Locked { .. })
    ));
    assert!(store.session_path(&sid("busy")).exists());
}

// ---------------------------------------------------------------------------------------------
// The background saver

#[test]
fn saver_writes_the_newest_and_flush_waits_for_it() {
    let (_tmp, store) = store();
    let saver = Saver::spawn(store.clone());
    let mut s = session("bg", "Background");
    for i in 0..20 {
        push_note(&mut s, &format!("note {i} ✍️"), T0 + Duration::seconds(i));
        saver.save(Arc::new(s.clone()));
    }
    saver.flush(StdDuration::from_secs(10)).unwrap();
    assert_eq!(store.load(&sid("bg")).unwrap(), s);
    let events = saver.poll();
    assert!(!events.is_empty() && events.len() <= 20, "{events:?}");
    assert_eq!(
        events.last(),
        Some(&SaveEvent::Saved {
            id: sid("bg"),
            updated: s.updated
        })
    );
    assert!(saver.poll().is_empty(), "poll drains");
}

#[test]
fn saver_reports_a_failure_keeps_the_session_and_retries() {
    let (_tmp, store) = store();
    let saver = Saver::spawn(store.clone());
    let old = session("retry", "Old");
    store.save(&old).unwrap();
    let mut new = old.clone();
    push_note(
        &mut new,
        "typed while the disk was away",
        T0 + Duration::minutes(1),
    );
    {
        let _blocked = Blocked::new(store.dir());
        saver.save(Arc::new(new.clone()));
        let err = saver.flush(StdDuration::from_secs(10)).unwrap_err();
        assert!(err.to_string().contains("retry.json"), "{err}");
        let events = saver.poll();
        assert!(
            events
                .iter()
                .all(|e| matches!(e, SaveEvent::Failed { id, error } if id == "retry" && error.to_string().contains("retry.json")
                    // Typed to the end: the app can say "folder missing", not just "failed".
                    && error.trouble() == Trouble::Missing)),
            "{events:?}"
        );
        assert!(!events.is_empty());
    }
    // The folder is back: a retry writes the kept session.
    saver.retry();
    saver.flush(StdDuration::from_secs(10)).unwrap();
    assert_eq!(store.load(&sid("retry")).unwrap(), new);
    assert!(saver.poll().contains(&SaveEvent::Saved {
        id: sid("retry"),
        updated: new.updated
    }));
}
