//! Phones in the room (issue 15), on the real binary in a pseudo-terminal with its room open on
//! 127.0.0.1: 60 simulated phones each post 10 notes spread over 30 seconds, and 60 open pages
//! wait for a step change. Figures: notes lost (acknowledged but not on disk), post → saved
//! (the 201 arrives only once the note is on disk) p50/p99, and step key → event on every page
//! p50/p99. Loopback only; every loop is bounded. `CPM_BENCH_ROOM_SECS` shortens the 30 s.

#[path = "../tests/support/http.rs"]
mod http;
#[path = "../tests/support/pty.rs"]
mod pty;

use cpm_workshop::store::Store;
use cpm_workshop::workshop::SessionId;
use http::{Events, request};
use pty::Pty;
use std::net::{SocketAddr, TcpListener};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

const PHONES: usize = 60;
const NOTES_EACH: usize = 10;
const WAIT: Duration = Duration::from_secs(30);

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    let i = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[i.min(samples.len() - 1)]
}

fn main() {
    let secs: u64 = std::env::var("CPM_BENCH_ROOM_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let store = tempfile::tempdir().expect("a temporary folder");
    let bin = env!("CARGO_BIN_EXE_cpm-workshop");
    let out = std::process::Command::new(bin)
        .env("CPM_WORKSHOP_STORE", store.path())
        .args(["new", "--name", "Bench room", "--groups", "4"])
        .output()
        .expect("the binary runs");
    let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().expect("an address");
    let store_path = store.path().to_str().expect("UTF-8 path").to_string();
    let mut app = Pty::spawn(
        &["--room", "--room-addr", &addr.to_string(), "open", &id],
        &[("CPM_WORKSHOP_STORE", &store_path)],
        120,
        40,
    );
    app.wait_for("phones connected", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    let screen = app.screen();
    let code: String = screen
        .lines()
        .find_map(|l| l.split("Code: ").nth(1))
        .map(|rest| rest.trim().chars().take(6).collect())
        .unwrap_or_else(|| panic!("no code on screen:\n{screen}"));
    app.keys("\x1b");
    app.wait_until(|s| !s.contains("phones connected"), WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.keys("n");
    let deadline = Instant::now() + WAIT;
    while request(addr, "GET", "/api/state", &[("X-Room-Code", &code)], b"").json()["position"] != 1
    {
        assert!(Instant::now() < deadline, "the app never reached step 2");
        thread::sleep(Duration::from_millis(50));
    }

    // 60 phones, 10 notes each, spread evenly over the window, each phone starting at its own
    // offset so the posts interleave.
    let gap = Duration::from_secs(secs) / NOTES_EACH as u32;
    let (tx, rx) = mpsc::channel();
    let started = Instant::now();
    let phones: Vec<_> = (0..PHONES)
        .map(|p| {
            let tx = tx.clone();
            let code = code.clone();
            thread::spawn(move || {
                let join = request(addr, "GET", &format!("/join?code={code}"), &[], b"");
                let cookie: String = join
                    .cookies()
                    .iter()
                    .filter_map(|c| c.split(';').next())
                    .collect::<Vec<_>>()
                    .join("; ");
                let offset = gap * p as u32 / PHONES as u32;
                for n in 0..NOTES_EACH {
                    let due = started + offset + gap * n as u32;
                    thread::sleep(due.saturating_duration_since(Instant::now()));
                    let text = format!("phone {p} note {n}");
                    let body = serde_json::json!({"group": 1 + p % 4, "text": text}).to_string();
                    let sent = Instant::now();
                    let reply = request(
                        addr,
                        "POST",
                        "/api/notes",
                        &[("Cookie", cookie.as_str())],
                        body.as_bytes(),
                    );
                    let _ = tx.send((reply.status, text, sent.elapsed()));
                }
            })
        })
        .collect();
    drop(tx);
    for phone in phones {
        let _ = phone.join();
    }
    let results: Vec<(u16, String, Duration)> = rx.iter().collect();
    let refused = results.iter().filter(|(s, _, _)| *s != 201).count();
    let mut saved: Vec<Duration> = results
        .iter()
        .filter(|(s, _, _)| *s == 201)
        .map(|(_, _, d)| *d)
        .collect();
    let on_disk: Vec<String> = Store::open_for_reading(store.path().to_path_buf())
        .and_then(|s| s.load(&SessionId::parse(&id)?))
        .map(|s| s.notes.into_iter().map(|n| n.text).collect())
        .unwrap_or_default();
    let lost = results
        .iter()
        .filter(|(s, t, _)| *s == 201 && !on_disk.contains(t))
        .count();

    // 60 open pages; one key; when does each hear of it?
    let cookie = format!("room_code={code}");
    let mut pages: Vec<Events> = (0..PHONES).map(|_| Events::open(addr, &cookie)).collect();
    for page in &mut pages {
        page.next_step();
    }
    let (tx, rx) = mpsc::channel();
    let pressed = Instant::now();
    let listeners: Vec<_> = pages
        .into_iter()
        .map(|mut page| {
            let tx = tx.clone();
            thread::spawn(move || {
                page.next_step();
                let _ = tx.send(Instant::now());
            })
        })
        .collect();
    drop(tx);
    app.keys("n");
    for l in listeners {
        let _ = l.join();
    }
    let mut heard: Vec<Duration> = rx.iter().map(|t| t - pressed).collect();
    app.kill9();

    println!(
        "room: {PHONES} phones × {NOTES_EACH} notes over {secs} s on loopback (debug or release as built)"
    );
    println!(
        "  acknowledged {} · refused {refused} · lost {lost} · on disk {}",
        saved.len(),
        on_disk.len()
    );
    if !saved.is_empty() {
        println!(
            "  post → saved (201): p50 {:?} · p99 {:?} · max {:?}",
            percentile(&mut saved, 0.5),
            percentile(&mut saved, 0.99),
            percentile(&mut saved, 1.0)
        );
    }
    if !heard.is_empty() {
        println!(
            "  step key → event on {} pages: p50 {:?} · p99 {:?}",
            heard.len(),
            percentile(&mut heard, 0.5),
            percentile(&mut heard, 0.99)
        );
    }
    assert_eq!(lost, 0, "acknowledged notes missing from disk");
}
