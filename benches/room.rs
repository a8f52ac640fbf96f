//! Phones in the room (issue 15), on the real binary in a pseudo-terminal with its room open on
//! 127.0.0.1. 60 phones join and keep their page's event stream open; each posts 10 notes
//! spread over 30 seconds; then the trainer moves to the next step. Figures:
//! - notes lost: acknowledged (`201`, which comes only once the note is on disk) but not in the
//!   session file read back after a `kill -9`;
//! - post → saved: from sending the post to its `201`;
//! - post → shown: from sending the post to the console's screen (as the terminal emulator holds
//!   it) counting that note. Every phone writes for group 1, whose count the scribe panel's title
//!   shows; note ids go up by one per note, so note N is on screen once the count reaches N;
//! - step key → event on each of the 60 open pages;
//! - memory the open room adds: the app's resident memory (`VmRSS`, Linux) with the room closed,
//!   against the most sampled while 60 phones are connected and posting, and the peak (`VmHWM`).
//!
//! Loopback only; every loop is bounded. `CPM_BENCH_ROOM_SECS` shortens the 30 s.

mod common;
#[path = "../tests/support/http.rs"]
mod http;
#[path = "../tests/support/pty.rs"]
mod pty;

use common::{Figure, machine, percentile, print_table};
use cpm_workshop::store::Store;
use cpm_workshop::workshop::SessionId;
use http::{Events, request_from};
use pty::Pty;
use std::net::{SocketAddr, TcpListener};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

const PHONES: usize = 60;
const NOTES_EACH: usize = 10;
const WAIT: Duration = Duration::from_secs(30);
/// The scribe panel's title for group 1 at the first brainstorm step, before its note count.
const COUNT_TITLE: &str = "Scribe: Group 1 · Already using · ";
/// How often the console's screen and the app's memory are looked at while phones post.
const SCREEN_POLL: Duration = Duration::from_millis(2);
const MEMORY_POLL: Duration = Duration::from_millis(100);

const SAVED_BUDGET: Duration = Duration::from_millis(100);
const SHOWN_BUDGET: Duration = Duration::from_millis(300);
const STEP_BUDGET: Duration = Duration::from_millis(300);
const ROOM_MEMORY_BUDGET_MB: f64 = 20.0;

/// One post: its status, text, when it was sent and answered, and the note id it got.
struct Posted {
    status: u16,
    text: String,
    sent: Instant,
    answered: Instant,
    id: Option<u64>,
}

/// The group-1 note count on `screen`, if the scribe panel shows it.
fn count_on(screen: &str) -> Option<u64> {
    let rest = screen.split(COUNT_TITLE).nth(1)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// A `VmXxx:` line of the app's `/proc/PID/status` in MiB (Linux; 0 elsewhere).
fn vm(pid: u32, key: &str) -> f64 {
    #[cfg(target_os = "linux")]
    return common::vm_mib(pid, key);
    #[cfg(not(target_os = "linux"))]
    return {
        let _ = (pid, key);
        0.0
    };
}

fn main() {
    let secs: u64 = std::env::var("CPM_BENCH_ROOM_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let load_before = load_average();
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
    // The room is not opened at start: the app's memory is read first without it.
    let mut app = Pty::spawn(
        &["--room-addr", &addr.to_string(), "open", &id],
        &[("CPM_WORKSHOP_STORE", &store_path)],
        120,
        40,
    );
    let pid = app.pid().expect("the app's process id");
    app.wait_for("Step 1 of 5", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    app.keys("n");
    app.wait_until(
        |s| s.contains("Step 2 of 5") && count_on(s) == Some(0) && s.contains("saved ✓"),
        WAIT,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    thread::sleep(Duration::from_millis(500));
    let closed_mib = vm(pid, "VmRSS:");

    app.keys("W");
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

    // Every phone joins and opens its page's event stream, which stays open throughout. Each is
    // a device of its own (127.0.0.10 on), as in a room: one device may hold only a few
    // connections.
    let phone_at = |p: usize| http::device(10 + u8::try_from(p).expect("under 245 phones"));
    let cookies: Vec<String> = (0..PHONES)
        .map(|p| {
            request_from(
                phone_at(p),
                addr,
                "GET",
                &format!("/join?code={code}"),
                &[],
                b"",
            )
            .cookie_header()
        })
        .collect();
    let (heard_tx, heard_rx) = mpsc::channel();
    let pages: Vec<_> = cookies
        .iter()
        .enumerate()
        .map(|(p, cookie)| {
            let mut page = Events::open_from(phone_at(p), addr, cookie);
            let tx = heard_tx.clone();
            thread::spawn(move || {
                // Every save publishes a new version; the page waits for the next step's.
                for _ in 0..10_000 {
                    if page.next_step()["position"] == 2 {
                        let _ = tx.send(Instant::now());
                        return;
                    }
                }
            })
        })
        .collect();
    drop(heard_tx);

    // 60 phones, 10 notes each, spread evenly over the window, each phone starting at its own
    // offset so the posts interleave.
    let gap = Duration::from_secs(secs) / NOTES_EACH as u32;
    let (tx, rx) = mpsc::channel();
    let started = Instant::now();
    let phones: Vec<_> = cookies
        .into_iter()
        .enumerate()
        .map(|(p, cookie)| {
            let tx = tx.clone();
            thread::spawn(move || {
                let offset = gap * p as u32 / PHONES as u32;
                for n in 0..NOTES_EACH {
                    let due = started + offset + gap * n as u32;
                    thread::sleep(due.saturating_duration_since(Instant::now()));
                    let text = format!("phone {p} note {n}");
                    let body = serde_json::json!({"group": 1, "text": text}).to_string();
                    let sent = Instant::now();
                    let reply = request_from(
                        phone_at(p),
                        addr,
                        "POST",
                        "/api/notes",
                        &[("Cookie", cookie.as_str())],
                        body.as_bytes(),
                    );
                    let answered = Instant::now();
                    let id = (reply.status == 201)
                        .then(|| reply.json()["ids"][0].as_u64())
                        .flatten();
                    let _ = tx.send(Posted {
                        status: reply.status,
                        text,
                        sent,
                        answered,
                        id,
                    });
                }
            })
        })
        .collect();
    drop(tx);

    // Meanwhile: the console's count as the screen shows it, and the app's memory.
    let mut timeline: Vec<(Instant, u64)> = Vec::new();
    let mut posted: Vec<Posted> = Vec::new();
    let mut open_mib = vm(pid, "VmRSS:");
    let mut memory_read = Instant::now();
    let deadline = started + Duration::from_secs(secs) + WAIT;
    loop {
        let screen = app.screen();
        let seen = Instant::now();
        if let Some(count) = count_on(&screen)
            && timeline.last().is_none_or(|(_, last)| count > *last)
        {
            timeline.push((seen, count));
        }
        if seen - memory_read >= MEMORY_POLL {
            open_mib = open_mib.max(vm(pid, "VmRSS:"));
            memory_read = seen;
        }
        posted.extend(rx.try_iter());
        let highest_id = posted.iter().filter_map(|p| p.id).max().unwrap_or(0);
        let all_answered = posted.len() == PHONES * NOTES_EACH;
        let all_shown = timeline.last().is_some_and(|(_, c)| *c >= highest_id);
        if (all_answered && all_shown) || seen > deadline {
            break;
        }
        thread::sleep(SCREEN_POLL);
    }
    for phone in phones {
        let _ = phone.join();
    }
    posted.extend(rx.try_iter());
    let open_now_mib = vm(pid, "VmRSS:");
    let peak = vm(pid, "VmHWM:");
    let threads = thread_count(pid);

    // One key; when does each open page hear of it?
    let pressed = Instant::now();
    app.keys("n");
    for page in pages {
        let _ = page.join();
    }
    let mut heard: Vec<Duration> = heard_rx.iter().map(|t| t - pressed).collect();
    app.kill9();
    let load_after = load_average();

    let acknowledged: Vec<&Posted> = posted.iter().filter(|p| p.status == 201).collect();
    let refused = posted.len() - acknowledged.len();
    let on_disk: Vec<String> = Store::open_for_reading(store.path().to_path_buf())
        .and_then(|s| s.load(&SessionId::parse(&id)?))
        .map(|s| s.notes.into_iter().map(|n| n.text).collect())
        .unwrap_or_default();
    let lost = acknowledged
        .iter()
        .filter(|p| !on_disk.contains(&p.text))
        .count();
    let mut saved: Vec<Duration> = acknowledged.iter().map(|p| p.answered - p.sent).collect();
    let mut shown: Vec<Duration> = acknowledged
        .iter()
        .filter_map(|p| {
            let id = p.id?;
            let (at, _) = timeline.iter().find(|(_, count)| *count >= id)?;
            Some(at.saturating_duration_since(p.sent))
        })
        .collect();
    let not_shown = acknowledged.len() - shown.len();

    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!(
        "room: {PHONES} phones × {NOTES_EACH} notes over {secs} s on loopback, {build} build; {}",
        machine()
    );
    println!("  load average before {load_before} · after {load_after}");
    println!(
        "  acknowledged {} · refused {refused} · lost {lost} · on disk {} · acknowledged but never shown {not_shown}",
        acknowledged.len(),
        on_disk.len()
    );
    println!(
        "  app threads with 60 pages open: {threads} · events heard on {} of {PHONES} pages",
        heard.len()
    );
    let spread = |samples: &mut [Duration]| {
        format!(
            "p50 {} · p99 {} · max {}",
            common::fmt_duration(percentile(samples, 50.0)),
            common::fmt_duration(percentile(samples, 99.0)),
            common::fmt_duration(percentile(samples, 100.0))
        )
    };
    println!("  post → saved: {}", spread(&mut saved));
    println!("  post → shown: {}", spread(&mut shown));
    println!("  step key → event: {}", spread(&mut heard));
    let added = open_mib.max(open_now_mib) - closed_mib;
    let figures = vec![
        Figure {
            what: "acknowledged notes lost".into(),
            measured: format!("{lost} of {}", acknowledged.len()),
            budget: "0".into(),
            of_budget: None,
            baseline: None,
            ratio: None,
        },
        Figure::time(
            "post → saved, p99",
            percentile(&mut saved, 99.0),
            SAVED_BUDGET,
            None,
        ),
        Figure::time(
            "post → shown on the console, p99",
            percentile(&mut shown, 99.0),
            SHOWN_BUDGET,
            None,
        ),
        Figure::time(
            "step key → event on 60 pages, p99",
            percentile(&mut heard, 99.0),
            STEP_BUDGET,
            None,
        ),
        Figure::memory(
            format!("memory the open room adds (resident, 60 phones; peak VmHWM {peak:.1} MiB)"),
            added,
            ROOM_MEMORY_BUDGET_MB,
            ("room closed", closed_mib),
        ),
    ];
    print_table("Phones in the room", &figures);
    assert_eq!(lost, 0, "acknowledged notes missing from disk");
    assert_eq!(
        heard.len(),
        PHONES,
        "pages that never heard of the step change"
    );
}

/// The app's thread count (Linux), to see what the open connections cost.
fn thread_count(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Threads:"))
                .and_then(|l| l.split_whitespace().nth(1).map(String::from))
        })
        .unwrap_or_else(|| "unknown".into())
}
