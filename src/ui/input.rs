//! What wakes the loop: the terminal's input, read on a thread of its own, and a nudge from the
//! room when a phone's request is waiting, both over one channel.
//!
//! crossterm's `poll(timeout)` rounds what is left of a wait down to whole milliseconds and
//! then polls with no wait at all until the last fraction has passed: every wake-up ends in a
//! busy loop of up to a millisecond. A thread that blocks in `read()` with no timeout never
//! spins, and the loop waits on the channel, whose timeouts are exact. With the room's nudge on
//! the same channel, the loop sleeps until there is something to do instead of looking for
//! phones every few dozen milliseconds.

use crossterm::event::{self, Event};
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

/// Longest the loop waits for the reader to start listening (for resizes too).
const START: Duration = Duration::from_secs(2);

/// Something that woke the loop.
enum Woken {
    Terminal(io::Result<Event>),
    Room,
}

/// The loop's end of the channel.
pub struct Input {
    events: Receiver<Woken>,
    sender: Sender<Woken>,
    /// A nudge is on its way and not yet taken: further ones need not be sent.
    nudged: Arc<AtomicBool>,
    listening: bool,
}

/// Wakes the loop from another thread (the room, when a phone's request is waiting).
#[derive(Clone)]
pub struct Nudge {
    sender: Sender<Woken>,
    nudged: Arc<AtomicBool>,
}

impl Nudge {
    /// Wakes the loop, once however many nudges come before it looks.
    pub fn nudge(&self) {
        if !self.nudged.swap(true, Ordering::SeqCst) {
            let _ = self.sender.send(Woken::Room);
        }
    }
}

impl Default for Input {
    fn default() -> Input {
        let (sender, events) = channel();
        Input {
            events,
            sender,
            nudged: Arc::default(),
            listening: false,
        }
    }
}

impl Input {
    /// A way for other threads to wake the loop.
    pub fn nudge(&self) -> Nudge {
        Nudge {
            sender: self.sender.clone(),
            nudged: Arc::clone(&self.nudged),
        }
    }

    /// Whether the terminal is being read yet.
    pub fn listening(&self) -> bool {
        self.listening
    }

    /// Starts reading the terminal. Returns once crossterm listens, so a resize after this is
    /// heard.
    pub fn listen(&mut self) -> io::Result<()> {
        if self.listening {
            return Ok(());
        }
        let send = self.sender.clone();
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
                    if send.send(Woken::Terminal(read)).is_err() || failed {
                        return;
                    }
                }
            })?;
        let _ = listening.recv_timeout(START);
        self.listening = true;
        Ok(())
    }

    /// The next terminal event, waiting at most `wait`; `None` when nothing came or the room
    /// woke the loop.
    pub fn next(&self, wait: Duration) -> io::Result<Option<Event>> {
        match self.events.recv_timeout(wait) {
            Ok(Woken::Terminal(read)) => read.map(Some),
            Ok(Woken::Room) => {
                self.nudged.store(false, Ordering::SeqCst);
                Ok(None)
            }
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => Err(io::Error::other(
                "the terminal's input stopped: the app cannot read keys any more",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nudge_wakes_the_loop_at_once_and_many_nudges_wake_it_once() {
        let input = Input::default();
        let nudge = input.nudge();
        let from_room = std::thread::spawn(move || {
            for _ in 0..100 {
                nudge.nudge();
            }
        });
        from_room.join().unwrap();
        // One wake-up in the channel, however many nudges: taking it clears the flag and
        // leaves nothing behind.
        assert!(input.nudged.load(Ordering::SeqCst), "nudged");
        assert!(input.next(Duration::from_secs(30)).unwrap().is_none());
        assert!(!input.nudged.load(Ordering::SeqCst), "the nudge was taken");
        assert!(matches!(
            input.events.try_recv(),
            Err(std::sync::mpsc::TryRecvError::Empty)
        ));
        // A new nudge gets through again.
        input.nudge().nudge();
        assert!(matches!(input.events.try_recv(), Ok(Woken::Room)));
    }
}
