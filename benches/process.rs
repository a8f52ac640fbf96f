//! Whole-process budgets (issue 7), measured on the real `cpm-workshop` binary in a
//! pseudo-terminal: start-up to the first full frame (against a minimal ratatui "hello" app run
//! the same way in the same run), CPU while idle with a paused and with a running timer, and
//! resident memory with 10,000 notes, and how soon a co-trainer's `add` shows in the open app.
//!
//! The "hello" baseline is this bench binary itself, started again with `CPM_BENCH_ROLE=hello`:
//! it draws one bordered full-screen frame with ratatui and waits for a key, which is the least
//! any ratatui app does. Both programs are built by the same `cargo bench`, with the same profile.
//!
//! CPU and memory are read from `/proc/<pid>/stat` and `/proc/<pid>/status`, so those figures
//! exist on Linux only. `CPM_BENCH_IDLE_SECS` shortens the 30-second idle window for a quick run.

mod common;

#[cfg(target_os = "linux")]
use common::vm_mib;
use common::{Figure, T0, fmt_duration, machine, median};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// Environment variable that turns this binary into the "hello" baseline app.
const ROLE_ENV: &str = "CPM_BENCH_ROLE";
/// Terminal size for every run.
const COLS: u16 = 120;
const ROWS: u16 = 36;
/// Start-up trials per program (alternating, so drift hits both alike).
const STARTUP_TRIALS: usize = 41;
/// Idle window for the CPU figures.
const IDLE_SECS_DEFAULT: u64 = 30;
/// Settling time before the idle window opens (first frames, saver thread start).
const SETTLE: Duration = Duration::from_secs(1);
/// Longest wait for any screen.
const WAIT: Duration = Duration::from_secs(20);
/// Notes in the sessions the CPU and memory runs open.
const IDLE_NOTES: usize = 2_000;
const RSS_NOTES: usize = 10_000;

const STARTUP_RATIO_BUDGET: f64 = 1.5;
const IDLE_PAUSED_BUDGET_PERCENT: f64 = 0.5;
const IDLE_RUNNING_BUDGET_PERCENT: f64 = 2.0;
const RSS_BUDGET_MB: f64 = 30.0;
/// Co-scribe commands sent to the open app.
const COSCRIBE_TRIALS: usize = 31;
const COSCRIBE_VISIBLE_BUDGET: Duration = Duration::from_secs(1);

fn main() {
    if std::env::var(ROLE_ENV).as_deref() == Ok("hello") {
        hello();
        return;
    }
    // `cargo test --benches` runs bench targets without `--bench`: nothing to check quickly here.
    if !std::env::args().any(|a| a == "--bench") {
        println!("process bench: run with `cargo bench --bench process`");
        return;
    }
    // `cargo bench --bench process -- startup` runs only the sections named (startup, idle,
    // memory, coscribe).
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let wanted = |section: &str| filters.is_empty() || filters.iter().any(|f| section.contains(f));
    let mut figures = Vec::new();
    if wanted("startup") {
        figures.push(startup(3, 40, Store::Fresh));
        // A season of workshops: the home screen lists every session in the store.
        figures.push(startup(20, 300, Store::Settled));
        figures.push(startup(20, 300, Store::Copied));
    }
    if wanted("idle") {
        figures.extend(idle_cpu());
    }
    if wanted("memory") {
        figures.push(memory());
    }
    if wanted("coscribe") {
        figures.extend(coscribe());
    }
    common::print_table(&format!("Whole-process budgets — {}", machine()), &figures);
}

/// The baseline: a minimal ratatui app — one full-screen frame, then wait for a key.
fn hello() {
    use ratatui::widgets::{Block, Paragraph};
    let mut terminal = ratatui::init();
    let _ = terminal.draw(|frame| {
        let area = frame.area();
        frame.render_widget(
            Paragraph::new("hello")
                .centered()
                .block(Block::bordered().title_bottom(" press any key ")),
            area,
        );
    });
    loop {
        match crossterm::event::read() {
            Ok(crossterm::event::Event::Key(_)) | Err(_) => break,
            Ok(_) => {}
        }
    }
    ratatui::restore();
}

// ---------------------------------------------------------------------------------------------
// A lean pseudo-terminal driver: the test harness polls its screen every 15 ms, too coarse for
// a start-up of a few milliseconds, so here the reader thread checks after every read.

/// A program running in a pty; its output is parsed by `vt100` on a reader thread.
struct Run {
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
}

/// The app in `store`, with `args`.
fn app_command(store: &Path, args: &[&str]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_cpm-workshop"));
    cmd.args(args);
    cmd.env("CPM_WORKSHOP_STORE", store);
    cmd.env("CPM_WORKSHOP_EXPORTS", store.join("exports"));
    cmd.env_remove("NO_COLOR");
    cmd
}

/// This binary as the hello app.
fn hello_command() -> CommandBuilder {
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("no current exe: {e}"));
    let mut cmd = CommandBuilder::new(exe);
    cmd.env(ROLE_ENV, "hello");
    cmd
}

/// Starts `cmd` in a pty; `ready` is called on the screen after every read until it holds,
/// and the instant it first held is sent on the returned channel.
fn start(
    mut cmd: CommandBuilder,
    ready: impl Fn(&vt100::Screen) -> bool + Send + 'static,
) -> (Run, mpsc::Receiver<Instant>) {
    cmd.env("TERM", "xterm-256color");
    // Cargo points the library path at its build folders; a trainer's shell does not, and the
    // dynamic loader searching them would slow every start alike and hide the difference.
    cmd.env_remove("LD_LIBRARY_PATH");
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap_or_else(|e| panic!("cannot open a pty: {e}"));
    let child = pair
        .slave
        .spawn_command(cmd)
        .unwrap_or_else(|e| panic!("cannot start the program: {e}"));
    drop(pair.slave);
    let mut reader = pair
        .master
        .try_clone_reader()
        .unwrap_or_else(|e| panic!("{e}"));
    let writer = pair.master.take_writer().unwrap_or_else(|e| panic!("{e}"));
    let size = |n: u16| std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(size(ROWS), size(COLS), 0)));
    let (tx, rx) = mpsc::channel();
    let shared = Arc::clone(&parser);
    thread::spawn(move || {
        let mut buf = vec![0u8; 1 << 16];
        let mut signalled = false;
        loop {
            let n = match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            let mut parser = shared.lock().unwrap_or_else(|e| e.into_inner());
            parser.process(&buf[..n]);
            if !signalled && ready(parser.screen()) {
                signalled = true;
                let _ = tx.send(Instant::now());
            }
        }
    });
    (
        Run {
            child,
            _master: pair.master,
            writer,
            parser,
        },
        rx,
    )
}

impl Run {
    fn pid(&self) -> u32 {
        self.child
            .process_id()
            .unwrap_or_else(|| panic!("the program has no pid"))
    }

    fn keys(&mut self, text: &str) {
        let _ = self.writer.write_all(text.as_bytes());
        let _ = self.writer.flush();
    }

    fn contents(&self) -> String {
        self.parser
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .screen()
            .contents()
    }

    fn wait_for(&self, needle: &str) {
        let deadline = Instant::now() + WAIT;
        while !self.contents().contains(needle) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {needle:?}:\n{}",
                self.contents()
            );
            thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Run {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// True once `needle` is on screen and the bottom row is drawn: a whole first frame.
fn full_frame(needle: String) -> impl Fn(&vt100::Screen) -> bool + Send + 'static {
    move |screen| {
        let text = screen.contents();
        text.contains(&needle)
            && screen
                .rows(0, COLS)
                .last()
                .is_some_and(|r| !r.trim().is_empty())
    }
}

/// Milliseconds from spawning to the first full frame.
fn time_to_first_frame(cmd: CommandBuilder, needle: String) -> Duration {
    let started = Instant::now();
    let (run, frame) = start(cmd, full_frame(needle.clone()));
    let at = frame
        .recv_timeout(WAIT)
        .unwrap_or_else(|_| panic!("no full frame with {needle:?}:\n{}", run.contents()));
    at - started
}

/// How the sessions in a start-up store came to be there.
#[derive(Clone, Copy, PartialEq)]
enum Store {
    /// Written moments ago: too fresh for the listing cache, so every start reads them all.
    Fresh,
    /// Written a day ago, as a trainer's store mostly is: the first start reads them and fills
    /// the listing cache, later starts use it.
    Settled,
    /// Settled, but with no listing cache at any start (a store just copied to this machine).
    Copied,
}

/// A store with `count` sessions of `notes` notes, so the home screen lists something.
fn store_with_sessions(notes: usize, count: usize, kind: Store) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = cpm_workshop::store::Store::open(dir.path().to_path_buf())
        .unwrap_or_else(|e| panic!("{e}"));
    for i in 0..count {
        let mut s = common::session(notes);
        s.id = common::id(&format!("20261123-0900-{i:02}"));
        s.name = format!("Cohort {i}");
        store.create(&s).unwrap_or_else(|e| panic!("{e}"));
        if kind != Store::Fresh {
            let yesterday = std::time::SystemTime::now() - Duration::from_secs(24 * 3600);
            std::fs::File::options()
                .write(true)
                .open(store.session_path(&s.id))
                .and_then(|f| f.set_modified(yesterday))
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    dir
}

/// Start-up to the first full frame — the home screen with every session listed — with
/// `count` sessions of `notes` notes in the store, against the hello app.
fn startup(count: usize, notes: usize, kind: Store) -> Figure {
    let store = store_with_sessions(notes, count, kind);
    let listed = format!("Sessions ({count})");
    let (mut app, mut hello) = (Vec::new(), Vec::new());
    for _ in 0..STARTUP_TRIALS {
        if kind == Store::Copied {
            let _ = std::fs::remove_file(store.path().join(".listing-cache.json"));
        }
        app.push(time_to_first_frame(
            app_command(store.path(), &[]),
            listed.clone(),
        ));
        hello.push(time_to_first_frame(hello_command(), "hello".into()));
    }
    let (app, hello) = (median(&mut app), median(&mut hello));
    let ratio = app.as_secs_f64() / hello.as_secs_f64();
    let which = match kind {
        Store::Fresh => "written moments ago",
        Store::Settled => "written yesterday",
        Store::Copied => "written yesterday, no listing cache",
    };
    Figure {
        what: format!(
            "start to first full frame in a pty, {count} sessions of {notes} notes ({which}), \
             median of {STARTUP_TRIALS}"
        ),
        measured: fmt_duration(app),
        budget: format!("≤ {STARTUP_RATIO_BUDGET} × hello"),
        of_budget: Some(ratio / STARTUP_RATIO_BUDGET),
        baseline: Some(format!("ratatui hello app: {}", fmt_duration(hello))),
        ratio: Some(ratio),
    }
}

// ---------------------------------------------------------------------------------------------
// /proc readings (Linux)

/// CPU time (user + system, all threads) of `pid` so far.
#[cfg(target_os = "linux")]
fn cpu_time(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .unwrap_or_else(|e| panic!("cannot read /proc/{pid}/stat: {e}"));
    // Fields after the command name (which may hold spaces) start at field 3, "state".
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // utime is field 14 and stime 15 of the whole line; here field 3 is index 0.
    let total = ticks(14 - 3) + ticks(15 - 3);
    Duration::from_secs_f64(total as f64 / clock_ticks() as f64)
}

/// Clock ticks per second (`getconf CLK_TCK`, 100 on every Linux we know of).
#[cfg(target_os = "linux")]
fn clock_ticks() -> u64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100)
}

/// Opens a 2,000-note session with a paused timer and another with a running one, and the hello
/// app, all at once; measures each one's CPU over the same idle window.
#[cfg(target_os = "linux")]
fn idle_cpu() -> Vec<Figure> {
    let secs = std::env::var("CPM_BENCH_IDLE_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(IDLE_SECS_DEFAULT);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = cpm_workshop::store::Store::open(dir.path().to_path_buf())
        .unwrap_or_else(|e| panic!("{e}"));
    let real_now = time::OffsetDateTime::now_utc();
    let mut paused = common::session(IDLE_NOTES);
    paused.id = common::id("20261123-0900-01");
    paused.next_step(T0);
    paused.timer.toggle(real_now - time::Duration::seconds(20));
    paused.timer.pause(real_now - time::Duration::seconds(5));
    let mut running = common::session(IDLE_NOTES);
    running.id = common::id("20261123-0900-02");
    running.durations.brainstorm = 3600;
    running.next_step(T0);
    running.timer.toggle(real_now);
    for s in [&paused, &running] {
        store.create(s).unwrap_or_else(|e| panic!("{e}"));
    }
    let never = |_: &vt100::Screen| false;
    let (p, _) = start(
        app_command(dir.path(), &["open", paused.id.as_str()]),
        never,
    );
    let (r, _) = start(
        app_command(dir.path(), &["open", running.id.as_str()]),
        never,
    );
    let (h, _) = start(hello_command(), never);
    p.wait_for("PAUSED");
    r.wait_for("running");
    h.wait_for("hello");
    thread::sleep(SETTLE);
    let runs = [&p, &r, &h];
    let before: Vec<Duration> = runs.iter().map(|x| cpu_time(x.pid())).collect();
    let started = Instant::now();
    thread::sleep(Duration::from_secs(secs));
    let wall = started.elapsed().as_secs_f64();
    let percent: Vec<f64> = runs
        .iter()
        .zip(&before)
        .map(|(x, b)| (cpu_time(x.pid()) - *b).as_secs_f64() / wall * 100.0)
        .collect();
    // Still alive and still showing the timer: the window measured a working app.
    r.wait_for("running");
    let figure = |what: &str, pct: f64, budget: f64| Figure {
        what: format!("CPU over {secs} s idle, {what}, {IDLE_NOTES} notes"),
        measured: format!("{pct:.2} % of a core"),
        budget: format!("≤ {budget} %"),
        of_budget: Some(pct / budget),
        baseline: Some(format!("hello app idle: {:.2} %", percent[2])),
        ratio: None,
    };
    vec![
        figure("timer paused", percent[0], IDLE_PAUSED_BUDGET_PERCENT),
        figure("timer running", percent[1], IDLE_RUNNING_BUDGET_PERCENT),
    ]
}

#[cfg(not(target_os = "linux"))]
fn idle_cpu() -> Vec<Figure> {
    println!("idle CPU: measured from /proc on Linux only");
    Vec::new()
}

/// A co-trainer's `cpm-workshop add` while the app has the session (2,000 notes) open: from
/// starting the command to its note on the app's screen, and to the command's exit (the note is
/// then on disk, saved by the app).
fn coscribe() -> Vec<Figure> {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = cpm_workshop::store::Store::open(dir.path().to_path_buf())
        .unwrap_or_else(|e| panic!("{e}"));
    let session = common::session(IDLE_NOTES);
    store.create(&session).unwrap_or_else(|e| panic!("{e}"));
    let never = |_: &vt100::Screen| false;
    let (app, _) = start(
        app_command(dir.path(), &["open", session.id.as_str()]),
        never,
    );
    app.wait_for("Foundational");
    let (mut visible, mut exited) = (Vec::new(), Vec::new());
    for i in 0..COSCRIBE_TRIALS {
        let text = format!("co-scribe note {i}");
        let started = Instant::now();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_cpm-workshop"))
            .env("CPM_WORKSHOP_STORE", dir.path())
            .args([
                "add",
                session.id.as_str(),
                "--group",
                "2",
                "--prompt",
                "already",
                &text,
            ])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start add: {e}"));
        app.wait_for(&text);
        visible.push(started.elapsed());
        let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
        exited.push(started.elapsed());
        assert!(status.success(), "add {i} failed");
    }
    let p50 = |v: &mut Vec<Duration>| common::percentile(v, 50.0);
    let p99 = |v: &mut Vec<Duration>| common::percentile(v, 99.0);
    vec![
        Figure::time(
            format!("co-scribe add → note on the app's screen, p50 ({COSCRIBE_TRIALS} trials)"),
            p50(&mut visible),
            COSCRIBE_VISIBLE_BUDGET,
            None,
        ),
        Figure::time(
            "co-scribe add → note on the app's screen, p99",
            p99(&mut visible),
            COSCRIBE_VISIBLE_BUDGET,
            None,
        ),
        Figure::time(
            "co-scribe add → command exits, saved by the app, p50",
            p50(&mut exited),
            COSCRIBE_VISIBLE_BUDGET,
            None,
        ),
    ]
}

/// Peak resident memory of the app with a 10,000-note session open: run view, notes board,
/// a note typed and saved (the save copies and encodes the whole session).
#[cfg(target_os = "linux")]
fn memory() -> Figure {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = cpm_workshop::store::Store::open(dir.path().to_path_buf())
        .unwrap_or_else(|e| panic!("{e}"));
    let mut s = common::session(RSS_NOTES);
    s.next_step(T0);
    store.create(&s).unwrap_or_else(|e| panic!("{e}"));
    let never = |_: &vt100::Screen| false;
    let (mut app, _) = start(app_command(dir.path(), &["open", s.id.as_str()]), never);
    app.wait_for("Brainstorm");
    app.keys("b");
    app.wait_for("flip-chart page");
    app.keys("\x1b");
    thread::sleep(Duration::from_millis(100));
    app.keys("a");
    app.wait_for("New note");
    app.keys("one more note\r");
    app.wait_for("1 saved");
    app.wait_for("saved ✓");
    let peak = vm_mib(app.pid(), "VmHWM:");
    let now = vm_mib(app.pid(), "VmRSS:");
    let (hello, _) = start(hello_command(), never);
    hello.wait_for("hello");
    thread::sleep(Duration::from_millis(200));
    let base = vm_mib(hello.pid(), "VmHWM:");
    Figure::memory(
        format!(
            "peak resident memory, {RSS_NOTES} notes (board shown, one note saved; now {now:.1} MiB)"
        ),
        peak,
        RSS_BUDGET_MB,
        ("hello app", base),
    )
}

#[cfg(not(target_os = "linux"))]
fn memory() -> Figure {
    Figure {
        what: "peak resident memory, 10,000 notes".into(),
        measured: "not measured (Linux only)".into(),
        budget: format!("≤ {RSS_BUDGET_MB} MB"),
        of_budget: None,
        baseline: None,
        ratio: None,
    }
}
