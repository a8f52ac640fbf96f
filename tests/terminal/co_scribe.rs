//! Co-scribes (issue 13): `cpm-workshop add` and `vote` from a second terminal while the app has
//! the session open. The app (in a pseudo-terminal) owns the session and is its only writer; the
//! command line hands it the change and exits 0 once the app has it on disk. Owners and senders
//! are frozen and killed at the awkward moments: nothing handed off is lost, nothing is applied
//! twice, and a sender that gives up says that nothing was added.
#![cfg(unix)]

use crate::support;

use crate::support::session_id as sid;
use cpm_workshop::store::Store;
use cpm_workshop::workshop::Prompt;
use cpm_workshop::workshop::command::{self, Command, CommandKind};
use std::path::Path;
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};
use support::cli::{cmd, run_ok};
use support::pty::Pty;
use support::store_files::note_texts;

const WAIT: Duration = Duration::from_secs(15);

/// The app open on session `id`, its run view on screen.
fn open_app(store: &Path, id: &str, shows: &str) -> Pty {
    let s = store.to_str().unwrap();
    let pty = Pty::spawn(&["open", id], &[("CPM_WORKSHOP_STORE", s)], 120, 36);
    pty.wait_for(shows, WAIT).unwrap_or_else(|e| panic!("{e}"));
    pty
}

/// `cpm-workshop add ID --group G --prompt already TEXT` with extra `args`, run to the end.
fn add(store: &Path, id: &str, group: &str, text: &str, args: &[&str]) -> Output {
    cmd(store)
        .args(["add", id, "--group", group, "--prompt", "already", text])
        .args(args)
        .output()
        .unwrap()
}

/// The same, started in the background.
fn add_in_background(store: &Path, id: &str, text: &str, args: &[&str]) -> Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_cpm-workshop"))
        .env("CPM_WORKSHOP_STORE", store)
        .env_remove("CPM_WORKSHOP_CONTENT")
        .env("NO_COLOR", "1")
        .args(["add", id, "--group", "1", "--prompt", "already", text])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn signal(pty: &Pty, name: &str) {
    let pid = pty.pid().unwrap().to_string();
    let status = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid])
        .status()
        .unwrap();
    assert!(status.success(), "kill -{name} {pid}");
}

/// Waits until `cond` holds (polling), failing the test with `what` after [`WAIT`].
fn wait_until(what: &str, cond: impl Fn() -> bool) {
    let deadline = Instant::now() + WAIT;
    while !cond() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Waits until session `id` on disk holds exactly the notes `want`, failing with what it holds
/// after [`WAIT`]: the app shows a co-scribe's note as it takes it, and its saver writes it a
/// moment later (only a sender's exit 0 says the note is on disk).
fn wait_for_notes(store: &Path, id: &str, want: &[&str]) {
    let deadline = Instant::now() + WAIT;
    loop {
        let saved = note_texts(store, id);
        if saved == want {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for the notes {want:?} on disk; saved: {saved:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Names of the files in session `id`'s inbox.
fn inbox_files(store: &Path, id: &str) -> Vec<String> {
    std::fs::read_dir(store.join(format!("{id}.inbox")))
        .map(|r| {
            r.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn new_session(store: &Path, args: &[&str]) -> String {
    let mut all = vec!["new", "--name", "Room"];
    all.extend_from_slice(args);
    run_ok(store, &all)
}

#[test]
fn a_note_from_a_second_terminal_is_saved_by_the_open_app_and_shown() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store, &[]);
    let mut app = open_app(store, &id, "Foundational");
    let out = add(store, &id, "2", "From the back \u{1b}[31mrow", &[]);
    assert_eq!(ok(&out).trim(), format!("Saved 1 note to \"Room\" ({id})."));
    // On disk when the command says so, cleaned like every note.
    assert_eq!(note_texts(store, &id), ["From the back row"]);
    app.wait_for("Added from another terminal: “From the back row”", WAIT)
        .unwrap();
    // Several lines on standard input: one command per batch, all saved by the app.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cpm-workshop"))
        .env("CPM_WORKSHOP_STORE", store)
        .args(["add", &id, "--group", "3", "--prompt", "enhance", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"piped one\npiped two\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(ok(&out).contains("Saved 2 notes"), "{out:?}");
    assert_eq!(
        note_texts(store, &id),
        ["From the back row", "piped one", "piped two"]
    );
    // The app is still the owner and still answers keys: group 3's page shows them.
    app.keys("b3");
    app.wait_for("piped two", WAIT).unwrap();
    app.keys("q");
    assert_eq!(app.wait_exit(WAIT), Some(0));
    assert!(
        inbox_files(store, &id).is_empty(),
        "{:?}",
        inbox_files(store, &id)
    );
}

#[test]
fn a_refused_note_is_refused_by_the_app_with_the_domains_message() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store, &[]);
    let _app = open_app(store, &id, "Foundational");
    let out = add(store, &id, "9", "no such group", &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("there is no group 9"), "{err}");
    assert!(note_texts(store, &id).is_empty());
}

#[test]
fn votes_from_a_second_terminal_reach_an_open_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store, &["--activity", "snapshot"]);
    let app = open_app(store, &id, "Snapshot");
    let out = cmd(store)
        .args([
            "vote",
            &id,
            "--dimension",
            "1",
            "--stage",
            "2",
            "--count",
            "3",
        ])
        .output()
        .unwrap();
    let line = ok(&out);
    assert!(
        line.contains("Recorded 3 votes for \"making progress\" on Organization and Leadership: 0 · 3 · 0 (3 votes in all)."),
        "{line}"
    );
    app.wait_for("From another terminal: Recorded 3 votes", WAIT)
        .unwrap();
    let out = cmd(store)
        .args([
            "add",
            &id,
            "--dimension",
            "2",
            "--heading",
            "strengths",
            "Mentors for new staff",
        ])
        .output()
        .unwrap();
    assert!(ok(&out).contains("Saved 1 note"), "{out:?}");
    app.wait_for("Added from another terminal: “Mentors for new staff”", WAIT)
        .unwrap();
    let store = Store::open_for_reading(store.to_path_buf()).unwrap();
    let state = store.load(&sid(&id)).unwrap().snapshot.unwrap();
    assert_eq!(state.tally(0).counts, [0, 3, 0]);
    assert_eq!(state.notes[0].text, "Mentors for new staff");
}

#[test]
fn two_co_scribes_at_once_each_get_their_notes_saved_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store, &[]);
    let _app = open_app(store, &id, "Foundational");
    let mut sent = Vec::new();
    for round in 0..3 {
        let a = format!("scribe A note {round}");
        let b = format!("scribe B note {round}");
        let children = [
            add_in_background(store, &id, &a, &[]),
            add_in_background(store, &id, &b, &[]),
        ];
        for child in children {
            ok(&child.wait_with_output().unwrap());
        }
        sent.extend([a, b]);
    }
    let mut saved = note_texts(store, &id);
    saved.sort();
    sent.sort();
    assert_eq!(saved, sent);
}

#[test]
fn a_frozen_owner_is_left_alone_and_nothing_is_added() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store, &[]);
    let mut app = open_app(store, &id, "Foundational");
    signal(&app, "STOP");
    let out = add(store, &id, "1", "never arrives", &["--wait", "0.5"]);
    signal(&app, "CONT");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("withdrawn") && err.contains("nothing was added"),
        "{err}"
    );
    assert!(err.contains(&format!("{id}.json")), "{err}");
    // Commands are taken in order: once a later one is answered, a withdrawn one would have
    // been applied by now had it still been there.
    ok(&add(store, &id, "1", "after the thaw", &[]));
    assert_eq!(note_texts(store, &id), ["after the thaw"]);
    app.wait_for("“after the thaw”", WAIT).unwrap();
    app.keys("q");
    assert_eq!(app.wait_exit(WAIT), Some(0));
}

#[test]
fn an_owner_killed_after_the_hand_off_loses_nothing_and_doubles_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store, &[]);
    let mut app = open_app(store, &id, "Foundational");
    // Frozen, so the command is handed off but not taken; then killed.
    signal(&app, "STOP");
    let child = add_in_background(store, &id, "handed off", &["--wait", "30"]);
    wait_until("the command in the inbox", || {
        inbox_files(store, &id)
            .iter()
            .any(|f| f.ends_with(".cmd.json"))
    });
    app.kill9();
    assert!(app.wait_exit(WAIT).is_some());
    // The sender sees the owner gone, applies its command itself and says so as usual.
    let out = child.wait_with_output().unwrap();
    assert!(ok(&out).contains("Saved 1 note"), "{out:?}");
    assert_eq!(note_texts(store, &id), ["handed off"]);
    // Reopened, the app shows it once.
    let mut again = open_app(store, &id, "Foundational");
    again.keys("b");
    again.wait_for("handed off", WAIT).unwrap();
    again.keys("q");
    assert_eq!(again.wait_exit(WAIT), Some(0));
    assert_eq!(note_texts(store, &id), ["handed off"]);
}

#[test]
fn commands_a_dead_owner_took_are_applied_once_by_the_next_owner() {
    let dir = tempfile::tempdir().unwrap();
    let store_dir = dir.path();
    let id = new_session(store_dir, &[]);
    let store = Store::open(store_dir.to_path_buf()).unwrap();
    let inbox = store.inbox(&sid(&id));
    let activity = cpm_workshop::content::embedded::snapshot();
    let note = |text: &str| {
        Command::new(
            cpm_workshop::store::Inbox::new_command_id(),
            CommandKind::AddNotes {
                texts: vec![text.into()],
                group: 1,
                category: Some("Teaming".into()),
                prompt: Prompt::Already,
                initials: None,
                from_phone: false,
            },
        )
    };
    // An owner took both, applied and saved the first, and was killed before answering.
    let (saved, unsaved) = (note("saved before the kill"), note("taken, never saved"));
    inbox.post(&saved).unwrap();
    inbox.post(&unsaved).unwrap();
    {
        let _dead_owner = store.lock(&sid(&id)).unwrap();
        let mut session = store.load(&sid(&id)).unwrap();
        let now = session.updated;
        for waiting in inbox.waiting() {
            let (_, cmd) = inbox.take(&waiting).unwrap().unwrap();
            if cmd.as_ref().unwrap().id == saved.id {
                command::apply(&mut session, &cmd.unwrap(), &activity, now).unwrap();
            }
        }
        store.save(&session).unwrap();
    }
    let app = open_app(store_dir, &id, "Foundational");
    app.wait_for("Added from another terminal: “taken, never saved”", WAIT)
        .unwrap();
    let once_each = ["saved before the kill", "taken, never saved"];
    wait_for_notes(store_dir, &id, &once_each);
    // Both senders, had they still been waiting, find their answers.
    wait_until("both answers", || {
        inbox_files(store_dir, &id)
            .iter()
            .filter(|f| f.ends_with(".answer.json"))
            .count()
            == 2
    });
    // Answers follow the save of everything taken: still once each, nothing applied again.
    assert_eq!(note_texts(store_dir, &id), once_each);
    assert!(matches!(
        inbox.take_answer(&saved.id).unwrap(),
        Some(command::Answer::Ok(command::Outcome::AlreadyApplied))
    ));
}

#[test]
fn a_sender_killed_while_it_waits_still_gets_its_note_saved_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store, &[]);
    let app = open_app(store, &id, "Foundational");
    signal(&app, "STOP");
    let mut child = add_in_background(store, &id, "sender killed", &["--wait", "30"]);
    wait_until("the command in the inbox", || {
        inbox_files(store, &id)
            .iter()
            .any(|f| f.ends_with(".cmd.json"))
    });
    child.kill().unwrap();
    child.wait().unwrap();
    signal(&app, "CONT");
    // Handed off is handed off: the owner applies it once.
    app.wait_for("“sender killed”", WAIT).unwrap();
    wait_for_notes(store, &id, &["sender killed"]);
    ok(&add(store, &id, "1", "next", &[]));
    assert_eq!(note_texts(store, &id), ["sender killed", "next"]);
}

#[test]
fn after_the_owner_quits_the_command_line_writes_directly_and_the_reopened_app_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let id = new_session(store, &[]);
    let mut app = open_app(store, &id, "Foundational");
    ok(&add(store, &id, "1", "while open", &[]));
    app.keys("q");
    assert_eq!(app.wait_exit(WAIT), Some(0));
    let out = add(store, &id, "1", "while closed", &[]);
    assert!(ok(&out).contains("Saved 1 note"));
    let mut app = open_app(store, &id, "Foundational");
    app.keys("b");
    app.wait_for("while closed", WAIT).unwrap();
    ok(&add(store, &id, "1", "open again", &[]));
    app.wait_for("“open again”", WAIT).unwrap();
    app.keys("q");
    assert_eq!(app.wait_exit(WAIT), Some(0));
    assert_eq!(
        note_texts(store, &id),
        ["while open", "while closed", "open again"]
    );
}
