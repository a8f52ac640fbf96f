//! Phones in the room (issue 15): the real app in a pseudo-terminal with its room open on
//! 127.0.0.1, and an HTTP client doing what a phone's browser or a script does. Every answer
//! that says "saved" must be on disk; every refusal must say why and change nothing.
#![cfg(unix)]

use crate::support;

use crate::support::session_id as sid;
use cpm_workshop::store::Store;
use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};
use support::cli::run_ok;
use support::http::{Events, Reply, request};
use support::pty::Pty;
use support::room::open_with_room_under;

const WAIT: Duration = Duration::from_secs(20);

/// The app open on a new session with the room open on 127.0.0.1, at the first brainstorm
/// step.
pub(crate) fn app_with_room(store: &Path) -> (Pty, String, SocketAddr, String) {
    app_with_room_under(store, &[])
}

/// Like [`app_with_room`], with the app run by `wrapper` (a program and its arguments, the
/// app's path and arguments after them) when it is not empty.
fn app_with_room_under(store: &Path, wrapper: &[&str]) -> (Pty, String, SocketAddr, String) {
    let id = run_ok(store, &["new", "--name", "Room test"]);
    let (mut pty, addr, code) = open_with_room_under(store, &id, wrapper);
    // Go to "Brainstorm: already using".
    pty.keys("n");
    (pty, id, addr, code)
}

pub(crate) fn texts(store: &Path, id: &str) -> Vec<String> {
    let store = Store::open_for_reading(store.to_path_buf()).unwrap();
    store
        .load(&sid(id))
        .unwrap()
        .notes
        .into_iter()
        .map(|n| n.text)
        .collect()
}

/// Joins with the link; the phone's cookies.
pub(crate) fn join(addr: SocketAddr, code: &str) -> String {
    request(addr, "GET", &format!("/join?code={code}"), &[], b"").cookie_header()
}

/// `DELETE /api/notes/ID` as the phone with `cookie`.
fn delete(addr: SocketAddr, note: u64, cookie: &str) -> Reply {
    request(
        addr,
        "DELETE",
        &format!("/api/notes/{note}"),
        &[("Cookie", cookie)],
        b"",
    )
}

pub(crate) fn post_note(
    addr: SocketAddr,
    code: &str,
    phone: &str,
    group: u32,
    text: &str,
) -> Reply {
    let body = serde_json::json!({"group": group, "text": text}).to_string();
    let mut headers = vec![("X-Room-Code", code), ("Content-Type", "application/json")];
    if !phone.is_empty() {
        headers.push(("Cookie", phone));
    }
    request(addr, "POST", "/api/notes", &headers, body.as_bytes())
}

/// Waits (bounded) until the state says the session is at `position`.
fn wait_position(addr: SocketAddr, code: &str, position: u64) {
    let deadline = Instant::now() + WAIT;
    loop {
        let state = request(addr, "GET", "/api/state", &[("X-Room-Code", code)], b"");
        if state.status == 200 && state.json()["position"] == position {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "never at {position}: {}",
            state.body
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_phone_joins_posts_edits_and_deletes_and_every_saved_note_is_on_disk() {
    let store = tempfile::tempdir().unwrap();
    let (mut pty, id, addr, code) = app_with_room(store.path());
    wait_position(addr, &code, 1);

    // Joining: the link sets session-only, script-proof, same-site cookies and drops the code
    // from the address.
    let joined = request(
        addr,
        "GET",
        &format!("/join?code={}", code.to_lowercase()),
        &[],
        b"",
    );
    assert_eq!(joined.status, 303, "{}", joined.body);
    assert_eq!(joined.header("location"), Some("/?lang=en"));
    let cookies = joined.cookies();
    assert_eq!(cookies.len(), 2, "{cookies:?}");
    for c in &cookies {
        assert!(
            c.contains("HttpOnly") && c.contains("SameSite=Strict"),
            "{c}"
        );
        assert!(
            !c.contains("Expires") && !c.contains("Max-Age"),
            "session-only: {c}"
        );
    }
    let phone = joined.cookie_header();

    // The page, with the strict headers.
    let page = request(addr, "GET", "/?group=2", &[("Cookie", &phone)], b"");
    assert_eq!(page.status, 200);
    let csp = page.header("content-security-policy").unwrap();
    assert!(
        csp.starts_with("default-src 'none'") && csp.contains("script-src 'nonce-"),
        "{csp}"
    );
    assert_eq!(page.header("cache-control"), Some("no-store"));
    assert_eq!(page.header("referrer-policy"), Some("no-referrer"));
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert!(
        page.body
            .contains("<textarea id=\"text\" name=\"text\" maxlength=\"280\"")
    );

    // A note through the API: 201 means on disk.
    let posted = post_note(addr, &code, &phone, 2, "Phones <b>bold</b> & \"quoted\"");
    assert_eq!(posted.status, 201, "{}", posted.body);
    assert_eq!(
        texts(store.path(), &id),
        ["Phones <b>bold</b> & \"quoted\""]
    );
    let note = posted.json()["ids"][0].as_u64().unwrap();

    // A note through the plain form (no script): a redirect back to the page.
    let form = request(
        addr,
        "POST",
        "/notes",
        &[
            ("Cookie", phone.as_str()),
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Origin", format!("http://{addr}").as_str()),
        ],
        b"group=2&lang=es&text=Desde+el+formulario+%3Cscript%3E&initials=MG",
    );
    assert_eq!(form.status, 303, "{}", form.body);
    assert_eq!(form.header("location"), Some("/?lang=es&group=2"));
    assert_eq!(texts(store.path(), &id).len(), 2);

    // The phone's own notes, escaped, editable until the trainer moves on.
    let page = request(addr, "GET", "/?group=2&lang=es", &[("Cookie", &phone)], b"");
    assert!(
        page.body
            .contains("Phones &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;")
    );
    assert!(page.body.contains("Desde el formulario &lt;script&gt;"));
    assert!(!page.body.contains("<b>bold") && !page.body.contains("formulario <script>"));
    assert!(page.body.contains("<html lang=\"es\">") && page.body.contains("Sus notas"));
    let state = request(
        addr,
        "GET",
        "/api/state?group=2",
        &[("Cookie", &phone)],
        b"",
    );
    let mine = state.json()["my_notes"].clone();
    assert_eq!(mine.as_array().map(Vec::len), Some(2), "{mine}");
    assert_eq!(mine[0]["editable"], true);

    let body = serde_json::json!({"text": "Edited from the phone"}).to_string();
    let edited = request(
        addr,
        "PUT",
        &format!("/api/notes/{note}"),
        &[("Cookie", &phone), ("X-Room-Code", &code)],
        body.as_bytes(),
    );
    assert_eq!(edited.status, 200, "{}", edited.body);
    assert_eq!(texts(store.path(), &id)[0], "Edited from the phone");

    // Another phone may not touch it.
    let other = join(addr, &code);
    let stolen = delete(addr, note, &other);
    assert_eq!(stolen.status, 404, "{}", stolen.body);

    let deleted = delete(addr, note, &phone);
    assert_eq!(deleted.status, 200, "{}", deleted.body);
    assert_eq!(texts(store.path(), &id), ["Desde el formulario <script>"]);
    // The console counts the two phones that joined (not each cookie-less script request).
    pty.wait_for("room open · 2 phones", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));

    // The trainer moves on: the phone's notes are no longer its to change.
    let remaining = state_notes(addr, &phone)[0]["id"].as_u64().unwrap();
    pty.keys("n");
    wait_position(addr, &code, 2);
    assert_eq!(state_notes(addr, &phone)[0]["editable"], false);
    let late = delete(addr, remaining, &phone);
    assert_eq!(late.status, 409, "{}", late.body);
    assert!(late.body.contains("moved on"), "{}", late.body);
    assert_eq!(texts(store.path(), &id).len(), 1);
    pty.kill9();
}

fn state_notes(addr: SocketAddr, phone: &str) -> serde_json::Value {
    request(addr, "GET", "/api/state", &[("Cookie", phone)], b"").json()["my_notes"].clone()
}

#[test]
fn wrong_codes_big_bodies_floods_and_foreign_pages_are_refused() {
    let store = tempfile::tempdir().unwrap();
    let (mut pty, id, addr, code) = app_with_room(store.path());
    wait_position(addr, &code, 1);

    let none = request(addr, "GET", "/api/state", &[], b"");
    assert_eq!(none.status, 401);
    let page = request(addr, "GET", "/", &[], b"");
    assert_eq!(page.status, 401);
    assert!(
        page.body.contains("name=\"code\""),
        "a form to type the code"
    );
    let wrong = post_note(addr, "ZZZZZZ", "", 1, "guess");
    assert_eq!(wrong.status, 401, "{}", wrong.body);

    // Too big: over 4 KB of body, or over 280 characters of note.
    let big = post_note(addr, &code, "", 1, &"x".repeat(5000));
    assert_eq!(big.status, 413, "{}", big.body);
    let long = post_note(addr, &code, "", 1, &"é".repeat(281));
    assert_eq!(long.status, 422, "{}", long.body);
    assert!(long.body.contains("280"), "{}", long.body);

    // Another site's page (DNS rebinding, or a form elsewhere) cannot write.
    let body = br#"{"group":1,"text":"rebound"}"#;
    let foreign_host = request(
        addr,
        "POST",
        "/api/notes",
        &[("Host", "evil.example:80"), ("X-Room-Code", &code)],
        body,
    );
    assert_eq!(foreign_host.status, 403, "{}", foreign_host.body);
    let foreign_origin = request(
        addr,
        "POST",
        "/api/notes",
        &[("Origin", "http://evil.example"), ("X-Room-Code", &code)],
        body,
    );
    assert_eq!(foreign_origin.status, 403, "{}", foreign_origin.body);
    assert!(
        texts(store.path(), &id).is_empty(),
        "nothing refused was saved"
    );

    // One phone posting as fast as it can is slowed down, others are not.
    let phone = join(addr, &code);
    let statuses: Vec<u16> = (0..25)
        .map(|n| post_note(addr, &code, &phone, 1, &format!("flood {n}")).status)
        .collect();
    assert!(statuses[..20].iter().all(|s| *s == 201), "{statuses:?}");
    assert!(statuses[20..].iter().all(|s| *s == 429), "{statuses:?}");
    assert_eq!(texts(store.path(), &id).len(), 20);
    // A script that drops its cookie is limited by its address, not given a fresh allowance
    // with each new token.
    let bare: Vec<u16> = (0..25)
        .map(|n| post_note(addr, &code, "", 1, &format!("bare {n}")).status)
        .collect();
    assert!(bare.iter().filter(|s| **s == 201).count() <= 20, "{bare:?}");
    assert_eq!(bare.last(), Some(&429), "{bare:?}");

    // Guessing codes: after ten wrong ones (one above) the address is shut out, even with the
    // right code.
    for _ in 0..9 {
        assert_eq!(post_note(addr, "QQQQQQ", "", 1, "guess").status, 401);
    }
    let locked = request(addr, "GET", "/api/state", &[("X-Room-Code", &code)], b"");
    assert_eq!(locked.status, 429, "{}", locked.body);
    pty.kill9();
}

#[test]
fn open_pages_hear_of_a_new_step() {
    let store = tempfile::tempdir().unwrap();
    let (mut pty, _id, addr, code) = app_with_room(store.path());
    wait_position(addr, &code, 1);
    let phone = join(addr, &code);
    let mut events = Events::open(addr, &phone);
    assert_eq!(events.next_step()["position"], 1);
    pty.keys("n");
    assert_eq!(events.next_step()["position"], 2);
    pty.keys("p");
    assert_eq!(events.next_step()["position"], 1);
    pty.kill9();
}

// The pages come from several devices (loopback addresses other than 127.0.0.1, which only
// Linux answers on), as in a room: one device may not hold that many connections.
#[cfg(target_os = "linux")]
#[test]
fn open_pages_have_their_own_cap_and_never_crowd_out_notes() {
    use cpm_workshop::phones::MAX_STREAMS;
    let store = tempfile::tempdir().unwrap();
    let (mut pty, id, addr, code) = app_with_room(store.path());
    wait_position(addr, &code, 1);
    let room = format!("room_code={code}");
    let per_device = 30;
    let pages: Vec<Events> = (0..MAX_STREAMS)
        .map(|n| {
            let device = support::http::device(10 + u8::try_from(n / per_device).unwrap());
            Events::open_from(device, addr, &room)
        })
        .collect();
    let one_more = request(addr, "GET", "/events", &[("Cookie", room.as_str())], b"");
    assert_eq!(one_more.status, 503, "{}", one_more.body);
    // With every stream place taken, a phone still loads its page and its note is saved.
    let phone = join(addr, &code);
    let page = request(addr, "GET", "/", &[("Cookie", phone.as_str())], b"");
    assert_eq!(page.status, 200, "{}", page.body);
    let posted = post_note(addr, &code, &phone, 1, "still heard");
    assert_eq!(posted.status, 201, "{}", posted.body);
    assert!(texts(store.path(), &id).contains(&"still heard".to_string()));
    drop(pages);
    pty.kill9();
}

#[test]
fn every_acknowledged_note_survives_a_kill_of_the_app() {
    let store = tempfile::tempdir().unwrap();
    let (mut pty, id, addr, code) = app_with_room(store.path());
    wait_position(addr, &code, 1);
    // Four phones post in turn (each under its rate limit) until the app is killed.
    let phones: Vec<String> = (0..4).map(|_| join(addr, &code)).collect();
    let poster = std::thread::spawn(move || {
        let mut acknowledged = Vec::new();
        for n in 0..60 {
            let text = format!("kept {n}");
            let phone = &phones[n % phones.len()];
            let body = serde_json::json!({"group": 1, "text": text}).to_string();
            let reply = std::panic::catch_unwind(|| {
                request(
                    addr,
                    "POST",
                    "/api/notes",
                    &[("Cookie", phone.as_str())],
                    body.as_bytes(),
                )
                .status
            });
            match reply {
                Ok(201) => acknowledged.push(text),
                _ => break,
            }
        }
        acknowledged
    });
    std::thread::sleep(Duration::from_millis(400));
    pty.kill9();
    let acknowledged = poster.join().unwrap();
    assert!(
        !acknowledged.is_empty(),
        "some notes were saved before the kill"
    );
    let on_disk = texts(store.path(), &id);
    for text in &acknowledged {
        assert!(on_disk.contains(text), "{text} was acknowledged but lost");
    }
}

/// Whether `strace` may run a program here with its `fsync` calls delayed.
#[cfg(target_os = "linux")]
fn strace_can_delay(dir: &Path) -> bool {
    std::process::Command::new("strace")
        .arg("-qq")
        .arg("-o")
        .arg(dir.join("probe.txt"))
        .args([
            "-e",
            "trace=fsync",
            "-e",
            "inject=fsync:delay_enter=1",
            "true",
        ])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// On a slow disk (every sync held for a second, by `strace`), a phone's note is on the
/// console while its save is still being written, and the phone hears "saved" only after:
/// the app's loop hands the save over and draws, it does not wait for the disk.
#[cfg(target_os = "linux")]
#[test]
fn on_a_slow_disk_the_console_shows_a_phones_note_before_it_is_saved() {
    let store = tempfile::tempdir().unwrap();
    let trace = tempfile::tempdir().unwrap();
    if support::require(
        strace_can_delay(trace.path()).then_some(()),
        "strace is not installed or may not delay system calls here (apt-get install strace)",
    )
    .is_none()
    {
        return;
    }
    let out = trace.path().join("strace.txt");
    let out = out.to_str().unwrap();
    let wrapper = [
        "strace",
        "-f",
        "-qq",
        "-o",
        out,
        "-e",
        "trace=fsync",
        "-e",
        "inject=fsync:delay_enter=1000000",
    ];
    let (mut pty, id, addr, code) = app_with_room_under(store.path(), &wrapper);
    wait_position(addr, &code, 1);
    pty.wait_for("saved ✓", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    let phone = join(addr, &code);
    let (code_, phone_) = (code.clone(), phone.clone());
    let poster =
        std::thread::spawn(move || post_note(addr, &code_, &phone_, 1, "written while slow"));
    pty.wait_for("Group 1 · Already using · 1 note", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !texts(store.path(), &id).contains(&"written while slow".to_string()),
        "the console waited for the disk before showing the note"
    );
    assert!(
        !poster.is_finished(),
        "the phone heard before the save ended"
    );
    let reply = poster.join().unwrap();
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert!(texts(store.path(), &id).contains(&"written while slow".to_string()));
    pty.kill9();
}
