//! The guard that puts the terminal into full-screen mode and always puts it back: on quit, on
//! error, on panic, and (on Unix) on SIGTERM/SIGHUP. A garbled terminal in front of a room is
//! the worst bug this app could have.

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, BufWriter, Stdout};
use std::sync::Once;

/// Bytes buffered before a write: a whole frame at 300×90 with colours fits, so each frame
/// reaches the terminal in one write rather than a thousand-byte slice at a time (ratatui
/// flushes at the end of every draw).
const FRAME_BUFFER_BYTES: usize = 256 * 1024;

/// The terminal in full-screen mode; dropping it restores the terminal.
pub struct TerminalGuard {
    pub terminal: Terminal<CrosstermBackend<BufWriter<Stdout>>>,
}

static PANIC_HOOK: Once = Once::new();

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
        let mut stdout = io::stdout();
        if let Err(e) = execute!(
            stdout,
            EnterAlternateScreen,
            EnableBracketedPaste,
            cursor::Hide
        ) {
            restore();
            return Err(e);
        }
        let out = BufWriter::with_capacity(FRAME_BUFFER_BYTES, stdout);
        match Terminal::new(CrosstermBackend::new(out)) {
            Ok(terminal) => Ok(TerminalGuard { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        // Whatever a failed draw left in the buffer goes out before the terminal is restored.
        let _ = ratatui::backend::Backend::flush(self.terminal.backend_mut());
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
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("cpm-workshop-signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                on_signal();
                restore();
                std::process::exit(128 + sig);
            }
        })?;
    Ok(())
}

#[cfg(not(unix))]
fn watch_signals(_on_signal: impl Fn() + Send + 'static) -> io::Result<()> {
    // Windows consoles close through the normal key path; Ctrl-C arrives as a key in raw mode.
    Ok(())
}
