//! Saving off the UI thread: the UI hands over a copy of the session and carries on; one
//! background thread writes it. Queued copies of the same session coalesce (only the newest is
//! written). A failed save is reported and kept, and written on the next `save`, `retry` or
//! `flush`; nothing is dropped silently.

use super::{Store, StoreError};
use crate::workshop::{Session, SessionId};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::Duration;
use time::OffsetDateTime;

/// How long dropping a [`Saver`] waits for queued saves before giving up on them.
const DROP_FLUSH_TIMEOUT: Duration = Duration::from_secs(10);

/// What happened to a background save, for the UI to show.
#[derive(Debug, Clone)]
pub enum SaveEvent {
    /// The session as of `updated` is on disk.
    Saved {
        id: SessionId,
        updated: OffsetDateTime,
    },
    /// Writing failed; the session is kept in memory and retried. The error stays typed so the
    /// app can tell a lock from a full disk ([`StoreError::trouble`]).
    Failed { id: SessionId, error: StoreError },
}

impl PartialEq for SaveEvent {
    /// Failures are equal when they say the same (an I/O error has no equality of its own).
    fn eq(&self, other: &SaveEvent) -> bool {
        match (self, other) {
            (
                SaveEvent::Saved { id, updated },
                SaveEvent::Saved {
                    id: id2,
                    updated: updated2,
                },
            ) => id == id2 && updated == updated2,
            (SaveEvent::Failed { id, error }, SaveEvent::Failed { id: id2, error: e2 }) => {
                id == id2 && error.to_string() == e2.to_string()
            }
            _ => false,
        }
    }
}

enum Msg {
    Save(Box<Session>),
    Retry,
    Flush(Sender<Result<(), StoreError>>),
    /// Finish what is queued, then end the thread (a [`Flusher`] may still hold a sender, so
    /// the channel closing cannot be relied on).
    Stop,
    /// Test hook: the worker waits until the sender is dropped, so a batch queues up.
    #[cfg(test)]
    Hold(Receiver<()>),
}

/// A background thread that saves sessions; see the module docs.
pub struct Saver {
    tx: Option<Sender<Msg>>,
    /// Our own copy of the event sender, to report saves the thread never got.
    events_tx: Sender<SaveEvent>,
    events: Receiver<SaveEvent>,
    worker: Option<JoinHandle<()>>,
    dir: PathBuf,
}

impl Saver {
    /// Starts the saver thread for `store`.
    pub fn spawn(store: Store) -> Saver {
        let dir = store.dir().to_path_buf();
        let (tx, rx) = mpsc::channel();
        let (events_tx, events) = mpsc::channel();
        let worker_events = events_tx.clone();
        let worker = thread::Builder::new()
            .name("cpm-workshop-saver".into())
            .spawn(move || run(&store, &rx, &worker_events))
            .ok();
        Saver {
            // If the thread could not start, every save is reported as failed instead.
            tx: worker.as_ref().map(|_| tx),
            events_tx,
            events,
            worker,
            dir,
        }
    }

    /// Queues `session` to be written; returns at once.
    pub fn save(&self, session: Session) {
        let id = session.id.clone();
        if !self.send(Msg::Save(Box::new(session))) {
            let _ = self.events_tx.send(SaveEvent::Failed {
                id,
                error: self.stopped(),
            });
        }
    }

    /// Tries again to write sessions whose last save failed; returns at once.
    pub fn retry(&self) {
        self.send(Msg::Retry);
    }

    /// What has happened since the last poll; never blocks.
    pub fn poll(&self) -> Vec<SaveEvent> {
        self.events.try_iter().collect()
    }

    /// Blocks until everything queued so far has been written (retrying earlier failures once),
    /// or `timeout` passes. Errors with the last failure if anything is still unsaved.
    pub fn flush(&self, timeout: Duration) -> Result<(), StoreError> {
        self.flusher().flush(timeout)
    }

    /// A handle that can ask for a flush from another thread (e.g. a signal handler thread)
    /// while the owner of the `Saver` is busy or blocked.
    pub fn flusher(&self) -> Flusher {
        Flusher {
            tx: self.tx.clone(),
            dir: self.dir.clone(),
        }
    }

    fn send(&self, msg: Msg) -> bool {
        self.tx.as_ref().is_some_and(|tx| tx.send(msg).is_ok())
    }

    fn stopped(&self) -> StoreError {
        StoreError::SaverStopped {
            dir: self.dir.clone(),
        }
    }
}

/// Asks a [`Saver`] to write everything queued, from any thread.
#[derive(Clone)]
pub struct Flusher {
    tx: Option<Sender<Msg>>,
    dir: PathBuf,
}

impl Flusher {
    /// Like [`Saver::flush`].
    pub fn flush(&self, timeout: Duration) -> Result<(), StoreError> {
        let stopped = || StoreError::SaverStopped {
            dir: self.dir.clone(),
        };
        let (reply_tx, reply) = mpsc::channel();
        let sent = self
            .tx
            .as_ref()
            .is_some_and(|tx| tx.send(Msg::Flush(reply_tx)).is_ok());
        if !sent {
            return Err(stopped());
        }
        match reply.recv_timeout(timeout) {
            Ok(result) => result,
            Err(RecvTimeoutError::Timeout) => Err(StoreError::FlushTimeout {
                dir: self.dir.clone(),
                waited: timeout,
            }),
            Err(RecvTimeoutError::Disconnected) => Err(stopped()),
        }
    }
}

impl Drop for Saver {
    /// Writes whatever is queued (up to [`DROP_FLUSH_TIMEOUT`]); call [`Saver::flush`] first to
    /// see any error.
    fn drop(&mut self) {
        let flushed = self.flush(DROP_FLUSH_TIMEOUT);
        self.send(Msg::Stop);
        self.tx = None;
        if let Some(worker) = self.worker.take() {
            // A thread stuck on a dead disk is left behind rather than hanging the exit.
            if !matches!(flushed, Err(StoreError::FlushTimeout { .. })) {
                let _ = worker.join();
            }
        }
    }
}

/// The saver thread: wait for work, take everything queued, keep the newest copy of each
/// session, write them, report, answer flushes.
fn run(store: &Store, rx: &Receiver<Msg>, events: &Sender<SaveEvent>) {
    let mut pending: Vec<Session> = Vec::new();
    while let Ok(first) = rx.recv() {
        let mut waiters = Vec::new();
        let mut stop = false;
        let mut take = |msg: Msg| match msg {
            Msg::Stop => stop = true,
            Msg::Save(session) => match pending.iter_mut().find(|p| p.id == session.id) {
                Some(slot) => *slot = *session,
                None => pending.push(*session),
            },
            Msg::Retry => {}
            Msg::Flush(reply) => waiters.push(reply),
            #[cfg(test)]
            Msg::Hold(gate) => while gate.recv().is_ok() {},
        };
        take(first);
        while let Ok(msg) = rx.try_recv() {
            take(msg);
        }
        let mut last_error = None;
        pending.retain(|session| match store.save(session) {
            Ok(()) => {
                let _ = events.send(SaveEvent::Saved {
                    id: session.id.clone(),
                    updated: session.updated,
                });
                false
            }
            Err(e) => {
                let _ = events.send(SaveEvent::Failed {
                    id: session.id.clone(),
                    error: e.clone(),
                });
                last_error = Some(e);
                true
            }
        });
        for reply in waiters {
            let _ = reply.send(match &last_error {
                None => Ok(()),
                Some(e) => Err(e.clone()),
            });
        }
        if stop {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::session::tests::{T0, session};

    #[test]
    fn queued_copies_of_a_session_coalesce_into_one_write() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().to_path_buf()).unwrap();
        let saver = Saver::spawn(store.clone());
        let (gate, hold) = mpsc::channel();
        assert!(saver.send(Msg::Hold(hold)));
        let mut s = session();
        for minute in 0..50 {
            s.updated = T0 + time::Duration::minutes(minute);
            s.name = format!("v{minute}");
            saver.save(s.clone());
        }
        drop(gate);
        saver.flush(Duration::from_secs(10)).unwrap();
        assert_eq!(
            saver.poll(),
            [SaveEvent::Saved {
                id: s.id.clone(),
                updated: s.updated
            }]
        );
        assert_eq!(store.load(&s.id).unwrap().name, "v49");
        assert!(
            !store.backup_path(&s.id).exists(),
            "written once, so no .bak"
        );
    }

    #[test]
    fn drop_ends_the_thread_even_while_a_flusher_is_alive() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().to_path_buf()).unwrap();
        let saver = Saver::spawn(store);
        let flusher = saver.flusher();
        let (done_tx, done) = mpsc::channel();
        thread::spawn(move || {
            drop(saver);
            let _ = done_tx.send(());
        });
        assert!(
            done.recv_timeout(Duration::from_secs(5)).is_ok(),
            "dropping the saver hung"
        );
        assert!(flusher.flush(Duration::from_secs(1)).is_err());
    }

    #[test]
    fn drop_writes_what_is_queued() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().to_path_buf()).unwrap();
        let s = session();
        {
            let saver = Saver::spawn(store.clone());
            saver.save(s.clone());
        }
        assert_eq!(store.load(&s.id).unwrap(), s);
    }
}
