//! Tests of the pseudo-terminal harness itself, on plain shell commands rather than the app.

use crate::support;

use std::time::Duration;

use support::pty::{Key, Pty};

/// Generous: CI machines can be slow, and a passing wait returns as soon as the text shows.
const WAIT: Duration = Duration::from_secs(10);
const COLS: u16 = 80;
const ROWS: u16 = 24;

/// Runs a `sh -c` script in a fresh 80×24 pty.
#[cfg(unix)]
fn sh(script: &str) -> Pty {
    Pty::spawn_command("sh", &["-c", script], &[], COLS, ROWS)
}

#[cfg(unix)]
#[test]
fn sees_output_and_exit_code() {
    let mut pty = sh("printf 'hello\\n'; exit 3");
    pty.wait_for("hello", WAIT).unwrap();
    assert_eq!(pty.wait_exit(WAIT), Some(3));
    assert_eq!(pty.exit_signal(), None);
    assert!(pty.screen().starts_with("hello\n"), "{}", pty.dump());
    assert_eq!(pty.screen().split('\n').count(), usize::from(ROWS));
}

#[cfg(unix)]
#[test]
fn cat_echoes_typed_keys() {
    let mut pty = Pty::spawn_command("cat", &[], &[], COLS, ROWS);
    pty.keys("abc");
    pty.key(Key::Space);
    pty.keys("déf 日本");
    pty.key(Key::Enter);
    // Once echoed by the tty, once written back by cat.
    pty.wait_until(|s| s.matches("abc déf 日本").count() == 2, WAIT)
        .unwrap();
    pty.key(Key::Ctrl('d'));
    assert_eq!(pty.wait_exit(WAIT), Some(0));
}

#[cfg(unix)]
#[test]
fn ctrl_c_interrupts() {
    let mut pty = sh("echo ready; exec sleep 30");
    pty.wait_for("ready", WAIT).unwrap();
    pty.key(Key::Ctrl('c'));
    assert!(pty.wait_exit(WAIT).is_some(), "{}", pty.dump());
    assert!(pty.exit_signal().is_some());
}

#[cfg(unix)]
#[test]
fn paste_is_bracketed() {
    let mut pty = Pty::spawn_command("cat", &["-v"], &[], COLS, ROWS);
    pty.paste("two words");
    pty.key(Key::Enter);
    // cat -v shows ESC as ^[.
    pty.wait_until(|s| s.matches("^[[200~two words^[[201~").count() == 2, WAIT)
        .unwrap();
}

#[cfg(unix)]
#[test]
fn answers_cursor_position_and_device_attribute_queries() {
    // Raw-ish tty, ask, read the 6-byte answer, show it with ESC made visible.
    let pty = sh("stty -icanon -echo min 1; printf 'ab\\033[6n'; \
         r=$(dd bs=1 count=6 2>/dev/null); printf '\\n%s|' \"$r\" | tr '\\033' E; \
         printf '\\033[?u\\033[c'; r=$(dd bs=1 count=7 2>/dev/null); printf '%s|' \"$r\" | tr '\\033' E");
    pty.wait_for("E[1;3R|E[?1;2c|", WAIT).unwrap();
}

#[cfg(unix)]
#[test]
fn a_failed_wait_shows_the_screen() {
    let pty = sh("printf 'visible text'; exec sleep 30");
    pty.wait_for("visible", WAIT).unwrap();
    let err = pty
        .wait_for("never printed", Duration::from_millis(200))
        .unwrap_err();
    assert!(err.contains("timed out"), "{err}");
    assert!(err.contains("\"never printed\""), "{err}");
    assert!(err.contains("visible text"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_wait_stops_early_when_the_program_exits() {
    let pty = sh("printf 'bye'");
    let started = std::time::Instant::now();
    let err = pty.wait_for("never printed", WAIT).unwrap_err();
    assert!(started.elapsed() < WAIT, "{err}");
    assert!(err.contains("exited") && err.contains("bye"), "{err}");
}

#[cfg(unix)]
#[test]
fn resize_reaches_the_program_and_the_screen() {
    let mut pty = sh("echo ready; read x; stty size");
    pty.wait_for("ready", WAIT).unwrap();
    pty.resize(100, 30);
    pty.key(Key::Enter);
    pty.wait_for("30 100", WAIT).unwrap();
    assert_eq!(pty.screen().split('\n').count(), 30);
}

#[cfg(unix)]
#[test]
fn records_raw_output() {
    let mut pty = sh("printf '\\033[?2004h\\033[?1049hX\\033[?1049l\\033[?2004l'");
    assert_eq!(pty.wait_exit(WAIT), Some(0));
    // The exit can be seen before the reader has drained the pty.
    let needle: &[u8] = b"\x1b[?1049l\x1b[?2004l";
    let deadline = std::time::Instant::now() + WAIT;
    while !pty.raw_output().windows(needle.len()).any(|w| w == needle) {
        assert!(
            std::time::Instant::now() < deadline,
            "{:?}",
            pty.raw_output()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(!pty.with_screen(|s| s.alternate_screen() || s.bracketed_paste()));
}

#[cfg(unix)]
#[test]
fn counts_bells() {
    let pty = sh("printf 'a\\007b\\007done'; exec sleep 30");
    pty.wait_for("abdone", WAIT).unwrap();
    assert_eq!(pty.bells(), 2);
}

#[cfg(unix)]
#[test]
fn signal_runs_the_programs_handler() {
    let mut pty = sh("trap 'echo got-term; exit 7' TERM; echo ready; \
         while :; do sleep 0.05; done");
    pty.wait_for("ready", WAIT).unwrap();
    pty.signal(15);
    pty.wait_for("got-term", WAIT).unwrap();
    assert_eq!(pty.wait_exit(WAIT), Some(7));
}

#[cfg(unix)]
#[test]
fn kill9_skips_the_programs_handler() {
    let mut pty = sh(
        "trap 'echo got-hup' HUP; trap 'echo got-term' TERM; echo ready; \
         while :; do sleep 0.05; done",
    );
    pty.wait_for("ready", WAIT).unwrap();
    pty.kill9();
    assert!(pty.wait_exit(WAIT).is_some());
    assert_eq!(pty.exit_signal().as_deref(), Some("Killed"));
    assert!(!pty.screen().contains("got-"), "{}", pty.dump());
}

#[cfg(unix)]
#[test]
fn drop_kills_the_program() {
    let pid = {
        let pty = sh("echo ready; exec sleep 30");
        pty.wait_for("ready", WAIT).unwrap();
        pty.pid().expect("a pid")
    };
    let alive = std::process::Command::new("kill")
        .args(["-0", &pid.to_string()])
        .stderr(std::process::Stdio::null())
        .status()
        .expect("kill runs");
    assert!(!alive.success(), "process {pid} outlived its Pty");
}

#[test]
fn encodes_keys_as_xterm() {
    assert_eq!(Key::Enter.encode(false), b"\r");
    assert_eq!(Key::Up.encode(false), b"\x1b[A");
    assert_eq!(Key::Up.encode(true), b"\x1bOA");
    assert_eq!(Key::End.encode(false), b"\x1b[F");
    assert_eq!(Key::Ctrl('c').encode(false), [3]);
    assert_eq!(Key::Ctrl('Z').encode(false), [26]);
    assert_eq!(Key::Alt('x').encode(false), b"\x1bx");
    assert_eq!(Key::F(1).encode(false), b"\x1bOP");
    assert_eq!(Key::F(4).encode(false), b"\x1bOS");
    assert_eq!(Key::F(5).encode(false), b"\x1b[15~");
    assert_eq!(Key::F(6).encode(false), b"\x1b[17~");
    assert_eq!(Key::F(10).encode(false), b"\x1b[21~");
    assert_eq!(Key::F(11).encode(false), b"\x1b[23~");
    assert_eq!(Key::F(12).encode(false), b"\x1b[24~");
    assert_eq!(Key::Delete.encode(false), b"\x1b[3~");
    assert_eq!(Key::BackTab.encode(false), b"\x1b[Z");
}

/// The app binary starts in the pty and `--help` exits cleanly.
#[cfg(unix)]
#[test]
fn spawns_the_app() {
    let mut pty = Pty::spawn(&["--help"], &[], COLS, ROWS);
    assert_eq!(pty.wait_exit(WAIT), Some(0), "{}", pty.dump());
}
