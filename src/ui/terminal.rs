//! The guard that puts the terminal into full-screen mode and always puts it back: on quit, on
//! error, on panic, and (on Unix) on SIGTERM/SIGHUP. A garbled terminal in front of a room is
//! the worst bug this app could have. On Unix it also suspends: `Ctrl-Z` or SIGTSTP hands the
//! shell a normal screen, and SIGCONT (`fg`) takes the full screen back and asks for a redraw.

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, BufWriter, Stdout};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

/// Bytes buffered before a write: a whole frame at 300×90 with colours fits, so each frame
/// reaches the terminal in one write rather than a thousand-byte slice at a time (ratatui
/// flushes at the end of every draw).
const FRAME_BUFFER_BYTES: usize = 256 * 1024;

/// The terminal in full-screen mode; dropping it restores the terminal.
pub struct TerminalGuard {
    pub terminal: Terminal<CrosstermBackend<BufWriter<Stdout>>>,
}

static PANIC_HOOK: Once = Once::new();

/// Set when the process came back from a suspend: what was on screen is gone (the shell drew
/// over it), so the next frame must be drawn whole.
static RESUMED: AtomicBool = AtomicBool::new(false);

/// Whether a guard holds the full screen now; a SIGCONT after the app has left it (while the
/// last save is flushed) must not take the screen back.
static ACTIVE: AtomicBool = AtomicBool::new(false);

impl TerminalGuard {
    /// Enters raw mode, the alternate screen and bracketed paste. `on_signal` runs on another
    /// thread when SIGTERM, SIGHUP or SIGINT arrives (it should get the last save onto disk);
    /// then the terminal is restored and the process exits. It must not rely on the UI thread,
    /// which may be blocked reading a terminal that has gone away.
    pub fn enter(on_signal: impl Fn() + Send + 'static) -> io::Result<TerminalGuard> {
        install_panic_hook();
        watch_signals(on_signal)?;
        enable_raw_mode().map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("the full-screen app needs an interactive terminal ({e})"),
            )
        })?;
        if let Err(e) = enter_full_screen() {
            restore();
            return Err(e);
        }
        ACTIVE.store(true, Ordering::SeqCst);
        let out = BufWriter::with_capacity(FRAME_BUFFER_BYTES, io::stdout());
        match Terminal::new(CrosstermBackend::new(out)) {
            Ok(terminal) => Ok(TerminalGuard { terminal }),
            Err(e) => {
                ACTIVE.store(false, Ordering::SeqCst);
                restore();
                Err(e)
            }
        }
    }
}

impl TerminalGuard {
    /// Whether the screen must be drawn whole: after a resume from suspend (once per resume).
    pub fn take_resumed(&self) -> bool {
        RESUMED.swap(false, Ordering::SeqCst)
    }

    /// Forgets what ratatui believes is on screen, so the next frame is drawn whole (`Ctrl-L`,
    /// or after a resume).
    ///
    /// Not `Terminal::clear`: that asks the terminal where its cursor is, which waits for the
    /// input reader ([`super::input`]) — blocked reading keys on its own thread — forever.
    /// Resizing to the current size clears the screen and the back buffer without asking.
    pub fn redraw_all(&mut self) -> io::Result<()> {
        let size = self.terminal.size()?;
        self.terminal
            .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        // Whatever a failed draw left in the buffer goes out before the terminal is restored.
        let _ = ratatui::backend::Backend::flush(self.terminal.backend_mut());
        ACTIVE.store(false, Ordering::SeqCst);
        restore();
    }
}

/// Undoes everything `enter` did; safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
}

/// Refuses to start full screen when standard output is not a terminal (`cpm-workshop > out.txt`):
/// the app would run invisibly in raw mode, with the keyboard still taken.
pub fn require_terminal_output() -> io::Result<()> {
    use std::io::IsTerminal;
    if io::stdout().is_terminal() {
        return Ok(());
    }
    Err(io::Error::other(
        "standard output is not a terminal, so the full-screen app would not be seen; run it without redirecting its output (for files, use `cpm-workshop list` or `cpm-workshop export`)",
    ))
}

/// The alternate screen, bracketed paste and a hidden cursor (raw mode is switched separately).
fn enter_full_screen() -> io::Result<()> {
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )
}

/// Suspends the app as `Ctrl-Z` does in any terminal program: the terminal is restored and the
/// process stops until the shell continues it (`fg`). Does nothing where there is no job
/// control (Windows).
pub fn suspend() {
    #[cfg(unix)]
    {
        // Through the signal thread, so a key and an outside SIGTSTP take the same path.
        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
    }
}

/// Restores the terminal, then stops the process; returns once it is continued.
#[cfg(unix)]
fn stop() {
    if ACTIVE.load(Ordering::SeqCst) {
        restore();
    }
    // SIGSTOP cannot be caught, so this stops the process whatever handlers are installed.
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
}

/// Takes the full screen back after the process was continued, and wakes the event loop to
/// redraw it whole. The loop may be asleep in `poll` for seconds; a SIGWINCH wakes it with a
/// resize event.
#[cfg(unix)]
fn resume() {
    if !ACTIVE.load(Ordering::SeqCst) {
        return;
    }
    let _ = enable_raw_mode();
    let _ = enter_full_screen();
    RESUMED.store(true, Ordering::SeqCst);
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
}

/// Restores the terminal before the panic message is printed, so it is readable.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

#[cfg(unix)]
fn watch_signals(on_signal: impl Fn() + Send + 'static) -> io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
    use signal_hook::iterator::Signals;
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT])?;
    std::thread::Builder::new()
        .name("cpm-workshop-signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                match sig {
                    SIGTSTP => stop(),
                    // Also after a SIGSTOP from outside: the shell may have reset the modes.
                    SIGCONT => resume(),
                    _ => {
                        on_signal();
                        restore();
                        std::process::exit(128 + sig);
                    }
                }
            }
        })?;
    Ok(())
}

#[cfg(not(unix))]
fn watch_signals(_on_signal: impl Fn() + Send + 'static) -> io::Result<()> {
    // Windows consoles close through the normal key path; Ctrl-C arrives as a key in raw mode.
    Ok(())
}
