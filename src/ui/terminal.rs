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
use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

/// The terminal in full-screen mode; dropping it restores the terminal.
pub struct TerminalGuard {
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
    /// Set when a termination signal arrived; the loop saves and leaves.
    pub stop: Arc<AtomicBool>,
}

static PANIC_HOOK: Once = Once::new();

impl TerminalGuard {
    /// Enters raw mode, the alternate screen and bracketed paste.
    pub fn enter() -> io::Result<TerminalGuard> {
        install_panic_hook();
        let stop = Arc::new(AtomicBool::new(false));
        register_signals(&stop)?;
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
        match Terminal::new(CrosstermBackend::new(stdout)) {
            Ok(terminal) => Ok(TerminalGuard { terminal, stop }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }

    /// Whether a termination signal asked us to leave.
    pub fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
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
fn register_signals(stop: &Arc<AtomicBool>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    for sig in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register(sig, Arc::clone(stop))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn register_signals(_stop: &Arc<AtomicBool>) -> io::Result<()> {
    // Windows consoles close through the normal key path; Ctrl-C arrives as a key in raw mode.
    Ok(())
}
