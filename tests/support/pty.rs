//! Drives a real program — normally the `cpm-workshop` binary — in a pseudo-terminal: keys in,
//! screen text out (through a `vt100` terminal emulator), plus the raw bytes the program wrote so
//! tests can check terminal modes were restored.
//!
//! Threads: a reader thread feeds everything the program writes into the emulator and answers the
//! terminal queries a crossterm app may send at start-up (cursor position, device attributes…);
//! a writer thread performs all writes to the program, so a program that stops reading can never
//! block a test. Every wait takes a timeout and, on failure, returns the screen in its error.
//!
//! Before a TUI has switched to raw mode the pty is in cooked mode (line-buffered, echoing), so
//! wait for its first screen before sending keys.

// Each test crate that does `mod support;` uses only part of this harness.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How often the waits look at the screen or the child again.
const POLL_INTERVAL: Duration = Duration::from_millis(15);
/// Pause after a lone `Esc`, so the program does not read it together with the next key as Alt+key.
const ESC_SETTLE: Duration = Duration::from_millis(60);
/// How long `Drop` waits for a killed child to be reaped.
const DROP_REAP_TIMEOUT: Duration = Duration::from_secs(2);
/// Size of one read from the pty.
const READ_CHUNK: usize = 8192;
/// Lines of scrollback kept by the emulator (the screen itself is what tests look at).
const SCROLLBACK: usize = 0;
/// `TERM` given to the program unless the caller's env overrides it.
const DEFAULT_TERM: &str = "xterm-256color";
/// Inherited variables removed before starting the app, so a developer's own settings (store
/// folder, colours) cannot leak into a test; a test passes them explicitly when it wants them.
const SCRUBBED_VARS: [&str; 2] = ["NO_COLOR", "CLICOLOR_FORCE"];
/// Prefix of the app's own environment variables, removed for the same reason.
const SCRUBBED_PREFIX: &str = "CPM_";
/// SIGKILL's number on every Unix.
#[cfg(unix)]
const SIGKILL: i32 = 9;

/// Bracketed-paste start marker (what a terminal sends before pasted text).
const PASTE_START: &[u8] = b"\x1b[200~";
/// Bracketed-paste end marker.
const PASTE_END: &[u8] = b"\x1b[201~";

/// A key as an xterm sends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Enter,
    Esc,
    Tab,
    /// Shift+Tab.
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    /// Ctrl plus a letter or one of `@ [ \ ] ^ _ ? space`.
    Ctrl(char),
    /// Alt (meta) plus a character: ESC followed by the character.
    Alt(char),
    /// Function key F1–F12.
    F(u8),
    Space,
    PageUp,
    PageDown,
    Delete,
}

impl Key {
    /// The bytes an xterm sends for this key; `application_cursor` is DECCKM (`ESC[?1h`), which
    /// turns arrow, Home and End keys into SS3 sequences.
    ///
    /// # Panics
    /// For a `Ctrl` character without a control code or a function key outside F1–F12: those are
    /// mistakes in the test, not input a terminal could send.
    pub fn encode(self, application_cursor: bool) -> Vec<u8> {
        let cursor = |last: u8| {
            if application_cursor {
                vec![0x1b, b'O', last]
            } else {
                vec![0x1b, b'[', last]
            }
        };
        match self {
            Key::Enter => b"\r".to_vec(),
            Key::Esc => b"\x1b".to_vec(),
            Key::Tab => b"\t".to_vec(),
            Key::BackTab => b"\x1b[Z".to_vec(),
            Key::Backspace => b"\x7f".to_vec(),
            Key::Up => cursor(b'A'),
            Key::Down => cursor(b'B'),
            Key::Right => cursor(b'C'),
            Key::Left => cursor(b'D'),
            Key::Home => cursor(b'H'),
            Key::End => cursor(b'F'),
            Key::Ctrl(c) => vec![control_code(c)],
            Key::Alt(c) => {
                let mut bytes = vec![0x1b];
                bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                bytes
            }
            Key::F(n) => function_key(n),
            Key::Space => b" ".to_vec(),
            Key::PageUp => b"\x1b[5~".to_vec(),
            Key::PageDown => b"\x1b[6~".to_vec(),
            Key::Delete => b"\x1b[3~".to_vec(),
        }
    }
}

/// The C0 control code for Ctrl+`c`.
fn control_code(c: char) -> u8 {
    match c {
        'a'..='z' => c as u8 - b'a' + 1,
        'A'..='Z' => c as u8 - b'A' + 1,
        '@' | ' ' | '2' => 0,
        '[' | '3' => 0x1b,
        '\\' | '4' => 0x1c,
        ']' | '5' => 0x1d,
        '^' | '6' => 0x1e,
        '_' | '7' | '/' => 0x1f,
        '?' | '8' => 0x7f,
        _ => panic!("Key::Ctrl({c:?}) has no control code"),
    }
}

/// The xterm sequence for function key F`n`.
fn function_key(n: u8) -> Vec<u8> {
    match n {
        1..=4 => vec![0x1b, b'O', b'P' + (n - 1)],
        5 => b"\x1b[15~".to_vec(),
        6..=10 => format!("\x1b[{}~", n + 11).into_bytes(),
        11 | 12 => format!("\x1b[{}~", n + 12).into_bytes(),
        _ => panic!("Key::F({n}): only F1–F12 exist"),
    }
}

/// What a terminal answers to a query the program wrote.
#[derive(Debug, Clone, Copy)]
enum Reply {
    /// Fixed bytes.
    Fixed(&'static [u8]),
    /// Cursor position report `ESC[row;colR` (1-based), from the emulator's cursor.
    CursorPosition,
}

/// Queries answered like a plain xterm. Others (e.g. crossterm's keyboard-enhancement `ESC[?u`,
/// always followed by a device-attributes query) get no answer, meaning "not supported".
const QUERIES: &[(&[u8], Reply)] = &[
    (b"\x1b[6n", Reply::CursorPosition),
    (b"\x1b[5n", Reply::Fixed(b"\x1b[0n")),
    (b"\x1b[c", Reply::Fixed(b"\x1b[?1;2c")),
    (b"\x1b[0c", Reply::Fixed(b"\x1b[?1;2c")),
    (b"\x1b[>c", Reply::Fixed(b"\x1b[>0;276;0c")),
    (b"\x1b[>0c", Reply::Fixed(b"\x1b[>0;276;0c")),
    (b"\x1b[?2026$p", Reply::Fixed(b"\x1b[?2026;2$y")),
    (
        b"\x1b]10;?\x07",
        Reply::Fixed(b"\x1b]10;rgb:ffff/ffff/ffff\x07"),
    ),
    (
        b"\x1b]10;?\x1b\\",
        Reply::Fixed(b"\x1b]10;rgb:ffff/ffff/ffff\x1b\\"),
    ),
    (
        b"\x1b]11;?\x07",
        Reply::Fixed(b"\x1b]11;rgb:0000/0000/0000\x07"),
    ),
    (
        b"\x1b]11;?\x1b\\",
        Reply::Fixed(b"\x1b]11;rgb:0000/0000/0000\x1b\\"),
    ),
];

/// Longest query pattern, so a query split across two reads is still seen.
fn longest_query() -> usize {
    QUERIES.iter().map(|(q, _)| q.len()).max().unwrap_or(0)
}

/// Counts the bells the program rings (the end-of-round signal).
#[derive(Debug, Default)]
struct BellCounter {
    bells: usize,
}

impl vt100::Callbacks for BellCounter {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
}

type Parser = vt100::Parser<BellCounter>;

/// State shared with the reader thread.
struct Shared {
    parser: Mutex<Parser>,
    raw: Mutex<Vec<u8>>,
    /// Set when the pty reports end of output (the program and its children closed it).
    closed: AtomicBool,
}

/// Locks `m`, carrying on after a panic in another thread (a test should report, not cascade).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The rows and cols of a vt100 screen, clamped to at least 1 (vt100 needs non-zero sizes).
fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN)
}

/// A program running in a pseudo-terminal, with an emulated screen.
pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    /// Bytes to write to the program, performed by the writer thread.
    input: Option<Sender<Vec<u8>>>,
    shared: Arc<Shared>,
    exit: Option<portable_pty::ExitStatus>,
    program: String,
}

impl Pty {
    /// Starts the `cpm-workshop` binary with `args` in a `cols × rows` terminal, in the current
    /// directory, with `TERM=xterm-256color` and the given `env` on top of the inherited
    /// environment (minus `NO_COLOR`, `CLICOLOR_FORCE` and `CPM_*`, so the developer's settings
    /// never leak in).
    pub fn spawn(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        Self::spawn_in(&current_dir(), args, env, cols, rows)
    }

    /// The app on its home screen in a 120×36 terminal, with its sessions in `store` and its
    /// exports in `store/exports`; fails the test if the home screen does not come within
    /// `timeout`.
    pub fn home(store: &Path, timeout: Duration) -> Pty {
        let store = store.to_str().expect("a UTF-8 store path");
        let exports = format!("{store}/exports");
        let pty = Self::spawn(
            &[],
            &[
                ("CPM_WORKSHOP_STORE", store),
                ("CPM_WORKSHOP_EXPORTS", &exports),
            ],
            120,
            36,
        );
        if let Err(e) = pty.wait_for("New workshop", timeout) {
            panic!("{e}");
        }
        pty
    }

    /// Like [`Pty::spawn`], with `dir` as the working directory.
    pub fn spawn_in(dir: &Path, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_cpm-workshop"));
        let inherited: Vec<String> = cmd
            .iter_full_env_as_str()
            .map(|(k, _)| k.to_owned())
            .filter(|k| SCRUBBED_VARS.contains(&k.as_str()) || k.starts_with(SCRUBBED_PREFIX))
            .collect();
        for key in inherited {
            cmd.env_remove(key);
        }
        Self::start(cmd, dir, args, env, cols, rows)
    }

    /// Starts any `program` (looked up in `PATH`) with `args` in a `cols × rows` terminal, in the
    /// current directory, with `TERM=xterm-256color` and `env` on top of the inherited
    /// environment. Used by [`Pty::spawn`] and by the harness's own tests.
    pub fn spawn_command(
        program: &str,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Pty {
        Self::start(
            CommandBuilder::new(program),
            &current_dir(),
            args,
            env,
            cols,
            rows,
        )
    }

    fn start(
        mut cmd: CommandBuilder,
        dir: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Pty {
        let program = cmd
            .get_argv()
            .first()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env("TERM", DEFAULT_TERM);
        for (key, value) in env {
            cmd.env(key, value);
        }

        let pair = native_pty_system()
            .openpty(pty_size(cols, rows))
            .unwrap_or_else(|e| panic!("cannot open a pty: {e:#}"));
        let child = pair
            .slave
            .spawn_command(cmd)
            .unwrap_or_else(|e| panic!("cannot start {program} in a pty: {e:#}"));
        // Only the child may hold the slave side, so its exit ends our reads.
        drop(pair.slave);
        let master = pair.master;
        let reader = master
            .try_clone_reader()
            .unwrap_or_else(|e| panic!("cannot read from the pty: {e:#}"));
        let writer = master
            .take_writer()
            .unwrap_or_else(|e| panic!("cannot write to the pty: {e:#}"));

        let shared = Arc::new(Shared {
            parser: Mutex::new(Parser::new_with_callbacks(
                nonzero(rows),
                nonzero(cols),
                SCROLLBACK,
                BellCounter::default(),
            )),
            raw: Mutex::new(Vec::new()),
            closed: AtomicBool::new(false),
        });
        let (input, queue) = mpsc::channel::<Vec<u8>>();
        spawn_writer(writer, queue);
        spawn_reader(reader, Arc::clone(&shared), input.clone());

        Pty {
            child,
            master,
            input: Some(input),
            shared,
            exit: None,
            program,
        }
    }

    /// The child's process id, if it has one.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Sends raw bytes to the program, as if typed.
    pub fn send(&mut self, bytes: &[u8]) {
        if let Some(input) = &self.input {
            // A send error means the writer thread stopped (the pty closed): the next wait will
            // report that the program exited, with its screen.
            let _ = input.send(bytes.to_vec());
        }
    }

    /// Types `text` literally.
    pub fn keys(&mut self, text: &str) {
        self.send(text.as_bytes());
    }

    /// Presses `key`, encoded as an xterm would in the program's current cursor-key mode. After
    /// `Esc` it pauses briefly so the next key is not read as Alt+key.
    pub fn key(&mut self, key: Key) {
        let application_cursor = lock(&self.shared.parser).screen().application_cursor();
        self.send(&key.encode(application_cursor));
        if key == Key::Esc {
            thread::sleep(ESC_SETTLE);
        }
    }

    /// Pastes `text` as a terminal does with bracketed paste (`ESC[200~ … ESC[201~`), whether or
    /// not the program enabled it.
    pub fn paste(&mut self, text: &str) {
        let mut bytes = PASTE_START.to_vec();
        bytes.extend_from_slice(text.as_bytes());
        bytes.extend_from_slice(PASTE_END);
        self.send(&bytes);
    }

    /// The screen as text: every row (trailing blanks trimmed), joined by `\n`.
    pub fn screen(&self) -> String {
        screen_text(&lock(&self.shared.parser))
    }

    /// The emulator's view of the terminal (cursor, modes such as alternate screen or bracketed
    /// paste, cell colours), for checks beyond plain text.
    pub fn with_screen<R>(&self, f: impl FnOnce(&vt100::Screen) -> R) -> R {
        f(lock(&self.shared.parser).screen())
    }

    /// How many times the program rang the bell (BEL).
    pub fn bells(&self) -> usize {
        lock(&self.shared.parser).callbacks().bells
    }

    /// Waits until `needle` is on the screen. The error names what was awaited and shows the
    /// screen at the deadline.
    pub fn wait_for(&self, needle: &str, timeout: Duration) -> Result<(), String> {
        self.wait_until_described(|s| s.contains(needle), &format!("{needle:?}"), timeout)
    }

    /// Waits until `pred` holds for the screen text. The error shows the screen at the deadline.
    pub fn wait_until(&self, pred: impl Fn(&str) -> bool, timeout: Duration) -> Result<(), String> {
        self.wait_until_described(pred, "a condition on the screen", timeout)
    }

    fn wait_until_described(
        &self,
        pred: impl Fn(&str) -> bool,
        what: &str,
        timeout: Duration,
    ) -> Result<(), String> {
        let start = Instant::now();
        let deadline = start + timeout;
        loop {
            // Read `closed` before the screen: if it was set, the screen already holds all output.
            let closed = self.shared.closed.load(Ordering::Acquire);
            let screen = self.screen();
            if pred(&screen) {
                return Ok(());
            }
            if closed || Instant::now() >= deadline {
                let why = if closed {
                    "the program closed its output (it exited)"
                } else {
                    "timed out"
                };
                return Err(format!(
                    "{why} after {:.1?} waiting for {what} from {}\n{}",
                    start.elapsed(),
                    self.program,
                    self.dump()
                ));
            }
            thread::sleep(POLL_INTERVAL);
        }
    }

    /// The screen framed for an error message, with its size and cursor.
    pub fn dump(&self) -> String {
        let parser = lock(&self.shared.parser);
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let (row, col) = screen.cursor_position();
        let text = screen_text(&parser);
        format!(
            "--- screen {cols}×{rows}, cursor at row {row} col {col}, alternate screen {} ---\n\
             {text}\n--- end of screen ---",
            screen.alternate_screen()
        )
    }

    /// Everything the program has written so far, escape sequences included.
    pub fn raw_output(&self) -> Vec<u8> {
        lock(&self.shared.raw).clone()
    }

    /// Resizes the terminal (the program gets SIGWINCH) and the emulated screen.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        // Emulator first, so output drawn for the new size lands on a screen of that size.
        lock(&self.shared.parser).set_size(nonzero(rows), nonzero(cols));
        if let Err(e) = self.master.resize(pty_size(cols, rows)) {
            panic!("cannot resize the pty to {cols}×{rows}: {e:#}");
        }
    }

    /// Resizes to `cols`×`rows` with the emulated screen blanked first, so what shows after
    /// this was drawn by the program once it had the new size (its own full redraw after a
    /// resize), not left over from an earlier frame. The size must differ from the current
    /// one, or the program gets no SIGWINCH and draws nothing.
    pub fn resize_blank(&mut self, cols: u16, rows: u16) {
        lock(&self.shared.parser).process(b"\x1b[2J\x1b[H");
        self.resize(cols, rows);
    }

    /// Kills the program at once (SIGKILL on Unix: no handler runs, no clean-up happens).
    pub fn kill9(&mut self) {
        if self.try_status().is_some() {
            return;
        }
        #[cfg(unix)]
        self.signal(SIGKILL);
        #[cfg(not(unix))]
        let _ = self.child.kill();
    }

    /// Sends signal number `sig` to the program with the `kill` command.
    ///
    /// # Panics
    /// If `kill` cannot be run or refuses (e.g. the program is already gone).
    #[cfg(unix)]
    pub fn signal(&mut self, sig: i32) {
        let pid = self
            .pid()
            .unwrap_or_else(|| panic!("{} has no process id", self.program));
        let status = std::process::Command::new("kill")
            .arg(format!("-{sig}"))
            .arg(pid.to_string())
            .status()
            .unwrap_or_else(|e| panic!("cannot run `kill -{sig} {pid}`: {e}"));
        assert!(status.success(), "`kill -{sig} {pid}` failed: {status}");
    }

    /// Waits up to `timeout` for the program to exit and returns its exit code (a program ended
    /// by a signal reports 1; see [`Pty::exit_signal`]), or `None` if it is still running.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<u32> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.try_status() {
                return Some(status.exit_code());
            }
            if Instant::now() >= deadline {
                return None;
            }
            thread::sleep(POLL_INTERVAL);
        }
    }

    /// The signal that ended the program, if it has exited because of one (as the OS names it,
    /// e.g. "Killed"). Call after [`Pty::wait_exit`] returned `Some`.
    pub fn exit_signal(&self) -> Option<String> {
        self.exit
            .as_ref()
            .and_then(|s| s.signal().map(str::to_owned))
    }

    /// The exit status if the program has exited (reaping it), remembered once seen.
    fn try_status(&mut self) -> Option<portable_pty::ExitStatus> {
        if self.exit.is_none()
            && let Ok(Some(status)) = self.child.try_wait()
        {
            self.exit = Some(status);
        }
        self.exit.clone()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.try_status().is_none() {
            #[cfg(unix)]
            {
                if let Some(pid) = self.pid() {
                    // Not `signal`: a panic in drop would abort the test run.
                    let _ = std::process::Command::new("kill")
                        .arg(format!("-{SIGKILL}"))
                        .arg(pid.to_string())
                        .status();
                }
            }
            #[cfg(not(unix))]
            {
                let _ = self.child.kill();
            }
            // Reap it so no zombie outlives the test.
            let _ = self.wait_exit(DROP_REAP_TIMEOUT);
        }
        // Ends the writer thread; the reader thread ends when the pty reports end of output.
        self.input = None;
    }
}

fn current_dir() -> PathBuf {
    std::env::current_dir().unwrap_or_else(|e| panic!("no current directory: {e}"))
}

fn pty_size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn screen_text(parser: &Parser) -> String {
    let screen = parser.screen();
    let (_, cols) = screen.size();
    screen
        .rows(0, cols.get())
        .map(|row| row.trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Performs every write to the program, in order, until the sending side is dropped or the pty
/// closes. A write that blocks (the program stopped reading) blocks only this thread.
fn spawn_writer(mut writer: Box<dyn Write + Send>, queue: mpsc::Receiver<Vec<u8>>) {
    thread::Builder::new()
        .name("pty-writer".into())
        .spawn(move || {
            for bytes in queue {
                if writer
                    .write_all(&bytes)
                    .and_then(|()| writer.flush())
                    .is_err()
                {
                    break;
                }
            }
        })
        .unwrap_or_else(|e| panic!("cannot start the pty writer thread: {e}"));
}

/// Feeds the program's output to the emulator and the raw log, answering terminal queries,
/// until end of output. Never joined: if something keeps the pty open it just lingers.
fn spawn_reader(mut reader: Box<dyn Read + Send>, shared: Arc<Shared>, replies: Sender<Vec<u8>>) {
    thread::Builder::new()
        .name("pty-reader".into())
        .spawn(move || {
            let keep = longest_query().saturating_sub(1);
            let mut tail: Vec<u8> = Vec::new();
            let mut chunk = vec![0u8; READ_CHUNK];
            loop {
                let n = match reader.read(&mut chunk) {
                    Ok(0) => break,
                    Ok(n) => n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    // EIO is how Linux reports that the other side closed.
                    Err(_) => break,
                };
                let bytes = &chunk[..n];
                lock(&shared.raw).extend_from_slice(bytes);
                feed(&shared, &tail, bytes, &replies);
                tail.extend_from_slice(bytes);
                let excess = tail.len().saturating_sub(keep);
                tail.drain(..excess);
            }
            shared.closed.store(true, Ordering::Release);
        })
        .unwrap_or_else(|e| panic!("cannot start the pty reader thread: {e}"));
}

/// Processes `bytes` (which follow `tail`) through the emulator, answering each query that ends
/// in `bytes` at the point where it appears, so a cursor report gives the cursor at that moment.
fn feed(shared: &Shared, tail: &[u8], bytes: &[u8], replies: &Sender<Vec<u8>>) {
    let mut window = tail.to_vec();
    window.extend_from_slice(bytes);
    // (end offset within `bytes`, reply), for queries ending inside `bytes`.
    let mut found: Vec<(usize, Reply)> = Vec::new();
    for (query, reply) in QUERIES {
        for (start, w) in window.windows(query.len()).enumerate() {
            let end = start + query.len();
            if w == *query && end > tail.len() {
                found.push((end - tail.len(), *reply));
            }
        }
    }
    found.sort_by_key(|(end, _)| *end);

    let mut parser = lock(&shared.parser);
    let mut done = 0;
    for (end, reply) in found {
        parser.process(&bytes[done..end]);
        done = end;
        let answer = match reply {
            Reply::Fixed(b) => b.to_vec(),
            Reply::CursorPosition => {
                let (row, col) = parser.screen().cursor_position();
                format!("\x1b[{};{}R", row + 1, col + 1).into_bytes()
            }
        };
        let _ = replies.send(answer);
    }
    parser.process(&bytes[done..]);
}
