//! The terminal's input, read on a thread of its own and handed to the loop over a channel.
//!
//! crossterm's `poll(timeout)` rounds what is left of a wait down to whole milliseconds and
//! then polls with no wait at all until the last fraction has passed: every wake-up ends in a
//! busy loop of up to a millisecond. With the room open the loop wakes every few dozen
//! milliseconds, which made an idle app use a few percent of a core. A thread that blocks in
//! `read()` with no timeout never spins, and the loop waits on the channel, whose timeouts are
//! exact.

use crossterm::event::{self, Event};
use std::io;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

/// Longest the loop waits for the reader to start listening (for resizes too).
const START: Duration = Duration::from_secs(2);

/// The reader thread's end of the channel.
pub struct Input {
    events: Receiver<io::Result<Event>>,
}

impl Input {
    /// Starts reading. Returns once crossterm listens, so a resize after this is heard.
    pub fn start() -> io::Result<Input> {
        let (send, events) = channel();
        let (ready, listening) = channel();
        std::thread::Builder::new()
            .name("terminal input".into())
            .spawn(move || {
                // The first poll is where crossterm starts listening for resizes.
                let _ = event::poll(Duration::ZERO);
                let _ = ready.send(());
                loop {
                    let read = event::read();
                    let failed = read.is_err();
                    if send.send(read).is_err() || failed {
                        return;
                    }
                }
            })?;
        let _ = listening.recv_timeout(START);
        Ok(Input { events })
    }

    /// The next event, waiting at most `wait`; `None` when nothing came.
    pub fn next(&self, wait: Duration) -> io::Result<Option<Event>> {
        match self.events.recv_timeout(wait) {
            Ok(read) => read.map(Some),
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => Err(io::Error::other(
                "the terminal's input stopped: the app cannot read keys any more",
            )),
        }
    }
}
