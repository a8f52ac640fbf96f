//! The terminal the app runs in (issue 11). Suspend and resume: the app run from an interactive
//! shell in a pseudo-terminal, as a trainer runs it. `Ctrl-Z` or a SIGTSTP from outside must hand the shell a normal screen
//! (main screen, cursor shown, no bracketed paste); `fg` must bring the app back full screen,
//! drawn whole, with keys read raw again. `Ctrl-L` redraws a screen something else wrote over.
#![cfg(unix)]

use crate::support;

use std::path::Path;
use std::time::Duration;
use support::pty::{Key, Pty};

const WAIT: Duration = Duration::from_secs(15);
/// The shell's prompt, distinct from anything the app draws.
const PROMPT: &str = "SUSPEND-TEST$ ";

/// An interactive bash (no profile, our prompt) in a 120×36 terminal, at its prompt. Its line
/// editor is told not to turn on bracketed paste itself, so the check that the app turned it
/// off means something.
fn shell(dir: &Path) -> Pty {
    let inputrc = dir.join("inputrc");
    std::fs::write(&inputrc, "set enable-bracketed-paste off\n").unwrap();
    let pty = Pty::spawn_command(
        "bash",
        &["--norc", "--noprofile", "-i"],
        &[
            ("PS1", PROMPT),
            ("NO_COLOR", "1"),
            ("INPUTRC", inputrc.to_str().unwrap()),
        ],
        120,
        36,
    );
    pty.wait_for(PROMPT.trim_end(), WAIT)
        .unwrap_or_else(|e| panic!("the shell did not start: {e}"));
    pty
}

/// Starts the app from the shell's prompt with its store in `store`; returns once its home
/// screen is up.
fn start_app(pty: &mut Pty, store: &Path) {
    pty.keys(&format!(
        "{} --store '{}'\r",
        env!("CARGO_BIN_EXE_cpm-workshop"),
        store.display()
    ));
    pty.wait_for("New workshop", WAIT)
        .unwrap_or_else(|e| panic!("the app did not start: {e}"));
    assert!(pty.with_screen(vt100::Screen::alternate_screen));
}

/// The app's process id: the one process whose command line names `store`.
fn app_pid(store: &Path) -> u32 {
    let wanted = store.to_str().unwrap();
    let found: Vec<u32> = std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline")).is_ok_and(|c| {
                let args: Vec<&[u8]> = c.split(|&b| b == 0).collect();
                args.first().is_some_and(|a| a.ends_with(b"cpm-workshop"))
                    && args.contains(&wanted.as_bytes())
            })
        })
        .collect();
    assert_eq!(found.len(), 1, "app processes for {wanted}: {found:?}");
    found[0]
}

/// The shell has the terminal back: its prompt on the main screen, the cursor visible, pastes
/// not bracketed, and the job reported stopped.
fn assert_shell_has_the_terminal(pty: &Pty, how: &str) {
    pty.wait_until(
        |s| s.contains("Stopped") && s.trim_end().ends_with(PROMPT.trim_end()),
        WAIT,
    )
    .unwrap_or_else(|e| panic!("after {how}, no shell prompt: {e}"));
    pty.with_screen(|s| {
        assert!(
            !s.alternate_screen(),
            "after {how}: still on the alternate screen"
        );
        assert!(!s.hide_cursor(), "after {how}: cursor still hidden");
        assert!(
            !s.bracketed_paste(),
            "after {how}: bracketed paste still on"
        );
    });
}

/// `fg` brings the app back: full screen, drawn whole, keys read raw (`?` opens the help
/// instead of echoing, an arrow key is not echoed as `^[[B`).
fn assert_app_is_back(pty: &mut Pty, how: &str) {
    pty.keys("fg\r");
    pty.wait_for("New workshop", WAIT)
        .unwrap_or_else(|e| panic!("after {how} and fg, the app was not redrawn: {e}"));
    pty.with_screen(|s| {
        assert!(s.alternate_screen(), "after {how} and fg: not full screen");
        assert!(s.hide_cursor(), "after {how} and fg: cursor shown");
        assert!(
            s.bracketed_paste(),
            "after {how} and fg: bracketed paste off"
        );
    });
    pty.key(Key::Down);
    pty.keys("?");
    pty.wait_for("Keys (? or Esc closes)", WAIT)
        .unwrap_or_else(|e| panic!("after {how} and fg, keys do nothing: {e}"));
    assert!(
        !pty.screen().contains("^["),
        "keys echoed:\n{}",
        pty.screen()
    );
    pty.key(Key::Esc);
}

/// Found by issue 11 (and since fixed): `Ctrl-Z` did nothing, and a SIGTSTP from outside left
/// the shell prompt on the alternate screen with the cursor hidden; after `fg` the screen stayed
/// blank and keys echoed. Now both hand the shell a normal terminal, and `fg` brings the app
/// back drawn whole.
#[test]
fn ctrl_z_and_sigtstp_give_the_shell_its_terminal_and_fg_brings_the_app_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let mut pty = shell(dir.path());
    start_app(&mut pty, &store);

    pty.key(Key::Ctrl('z'));
    assert_shell_has_the_terminal(&pty, "Ctrl-Z");
    assert_app_is_back(&mut pty, "Ctrl-Z");

    let pid = app_pid(&store);
    let status = std::process::Command::new("kill")
        .args(["-TSTP", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert_shell_has_the_terminal(&pty, "SIGTSTP");
    assert_app_is_back(&mut pty, "SIGTSTP");

    // Still the same, working app: it quits cleanly back to the shell.
    pty.keys("q");
    pty.wait_until(|s| s.trim_end().ends_with(PROMPT.trim_end()), WAIT)
        .unwrap_or_else(|e| panic!("the app did not quit to the shell: {e}"));
    assert!(!pty.with_screen(vt100::Screen::alternate_screen));
}

/// Found by issue 11 (and since fixed): nothing redrew a screen another program wrote over.
/// `Ctrl-L` now draws it whole.
#[test]
fn ctrl_l_redraws_a_screen_something_else_wrote_over() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let mut pty = shell(dir.path());
    start_app(&mut pty, &store);
    let pid = app_pid(&store);
    // Another program (a `wall` message, a background job) clears the app's terminal.
    std::fs::write(format!("/proc/{pid}/fd/1"), b"\x1b[2J\x1b[Hscribbled").unwrap();
    pty.wait_until(|s| !s.contains("New workshop"), WAIT)
        .unwrap_or_else(|e| panic!("the screen was not cleared: {e}"));
    pty.key(Key::Ctrl('l'));
    pty.wait_until(
        |s| s.contains("New workshop") && !s.contains("scribbled"),
        WAIT,
    )
    .unwrap_or_else(|e| panic!("Ctrl-L did not redraw the screen: {e}"));
    pty.keys("q");
}

/// Found by issue 11 (and since fixed): with its output redirected (`cpm-workshop > out.txt`)
/// the app ran invisibly in raw mode, holding the keyboard, and filled the file with escape
/// codes. It now refuses at once with a message on the terminal.
#[test]
fn the_app_refuses_to_start_when_its_output_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    let script = format!(
        "'{}' --store '{}' > '{}'; echo \"exit=$?\"",
        env!("CARGO_BIN_EXE_cpm-workshop"),
        dir.path().join("store").display(),
        out.display()
    );
    let pty = Pty::spawn_command("sh", &["-c", &script], &[], 120, 36);
    pty.wait_for("exit=1", WAIT)
        .unwrap_or_else(|e| panic!("the app did not refuse: {e}"));
    let screen = pty.screen();
    assert!(
        screen.contains("standard output is not a terminal"),
        "{screen}"
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"", "the file got output");
}
