//! Phones in the room: a small web server that lets participants add notes from their own phones
//! on the room's network, while the trainer has the room open.
//!
//! The server never touches the session. Each phone request that changes something becomes a
//! domain command ([`crate::workshop::command`]) handed over an in-process channel to the app
//! that owns the session; the app's loop applies it, saves it durably and only then answers, so
//! a `201`/`200` means "on disk". What the phones read (the step, the prompt, the notes) is a
//! [`PhoneView`] the loop publishes after each change; Server-Sent Events tell open pages when it
//! moved on.
//!
//! The server runs only while the room is open: [`Room::open`] binds the chosen address and
//! starts its threads; dropping the [`Room`] (the trainer's key, the session closing, the app
//! quitting) stops them and frees the port.

pub mod addr;
mod body;
pub mod check;
pub mod code;
mod commitment;
pub mod connections;
mod events;
mod guard;
mod held;
mod http;
mod page;
mod page_snapshot;
mod request;
#[cfg(test)]
mod room_tests;
mod server;
pub mod station;
pub mod view;
pub mod view_snapshot;
mod votes;

pub use server::REQUEST_WAIT;
pub use view::PhoneView;

use crate::workshop::NoteId;
use crate::workshop::command::CommandKind;
use std::net::{SocketAddr, TcpListener};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;
use tokio::sync::watch;

/// Longest a note from a phone may be, in characters (a sticky note, not an essay).
pub const MAX_NOTE_CHARS: usize = 280;
/// Largest request body accepted, in bytes.
pub const MAX_BODY: usize = 4096;
/// Live pages' event streams open at once: room for 60 phones with a second tab or a reconnect
/// each. With the requests being handled, within [`connections::MAX_CONNECTIONS`].
pub const MAX_STREAMS: usize = 120;
/// How many phone requests may wait for the app at once before phones are told to retry.
const QUEUE: usize = 256;

/// A change a phone asked for, waiting for the app's loop.
#[derive(Debug)]
pub struct PhoneRequest {
    pub change: CommandKind,
    /// Where the loop sends the result, once it is on disk (or refused).
    pub reply: SyncSender<PhoneReply>,
}

/// What the room knows of its phones: the tokens it gave out, each phone's notes and its key
/// among the session's votes, and its limits. Kept by the app while the same session stays open,
/// so a room closed and opened again still knows its phones: a phone that joins again with the
/// new code may still change its notes and changes its vote instead of casting a second one.
#[derive(Clone, Default)]
pub struct PhoneMemory(Arc<Mutex<guard::Guard>>);

/// Called when a phone's request is waiting for the app, so its loop wakes for it.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// What came of a phone's request: the note ids it created, or why it was refused.
pub type PhoneReply = Result<Vec<NoteId>, String>;

/// An open room: the listening server and the app's end of its channel.
pub struct Room {
    shared: Arc<Shared>,
    requests: Receiver<PhoneRequest>,
    server: Option<JoinHandle<()>>,
    closing: watch::Sender<bool>,
    addr: SocketAddr,
}

/// What the server's threads share.
pub(crate) struct Shared {
    pub code: String,
    pub addr: SocketAddr,
    pub view: Mutex<Published>,
    /// The published view's version, for open pages to wait on.
    pub versions: watch::Sender<u64>,
    /// The room's memory of its phones, kept across reopening for the same session.
    pub memory: PhoneMemory,
    pub sender: SyncSender<PhoneRequest>,
    /// Wakes the app's loop after a request is handed over.
    pub wake: Wake,
}

/// The view phones read, with a version that goes up with every change.
#[derive(Debug, Default)]
pub(crate) struct Published {
    pub version: u64,
    pub view: PhoneView,
}

impl Shared {
    pub fn view(&self) -> MutexGuard<'_, Published> {
        self.view.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn guard(&self) -> MutexGuard<'_, guard::Guard> {
        self.memory.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Room {
    /// Listens on `addr` (port 0: any free port) with the join `code`, knowing the phones in
    /// `memory`; `wake` is called each time a request is waiting. Nothing listens before this
    /// is called or after the room is dropped.
    pub fn open(
        addr: SocketAddr,
        code: String,
        memory: PhoneMemory,
        wake: Wake,
    ) -> std::io::Result<Room> {
        let listener = TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        listener.set_nonblocking(true)?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .thread_name("room-request")
            .build()?;
        let listener = {
            let _inside = runtime.enter();
            tokio::net::TcpListener::from_std(listener)?
        };
        let (sender, requests) = sync_channel(QUEUE);
        let shared = Arc::new(Shared {
            code,
            addr,
            view: Mutex::new(Published::default()),
            versions: watch::Sender::new(0),
            memory,
            sender,
            wake,
        });
        let (closing, closed) = watch::channel(false);
        let inner = Arc::clone(&shared);
        let server = std::thread::Builder::new()
            .name("room".into())
            .spawn(move || server::run(runtime, listener, inner, closed))?;
        Ok(Room {
            shared,
            requests,
            server: Some(server),
            closing,
            addr,
        })
    }

    /// Where the room listens.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The join code.
    pub fn code(&self) -> &str {
        &self.shared.code
    }

    /// The link a phone opens (it carries the code).
    pub fn link(&self) -> String {
        format!("http://{}/join?code={}", self.addr, self.shared.code)
    }

    /// Phones seen in the last two minutes.
    pub fn phones(&self) -> usize {
        self.shared.guard().phones_recent()
    }

    /// The next request waiting for the app, if any.
    pub fn next_request(&self) -> Option<PhoneRequest> {
        self.requests.try_recv().ok()
    }

    /// Waits up to `timeout` for a request (for owners that have nothing else to do).
    pub fn wait_request(&self, timeout: Duration) -> Option<PhoneRequest> {
        self.requests.recv_timeout(timeout).ok()
    }

    /// Shows phones `view`; open pages hear of it when it differs from what they have.
    pub fn publish(&self, view: PhoneView) {
        let mut published = self.shared.view();
        if published.view != view {
            published.view = view;
            published.version += 1;
            self.shared.versions.send_replace(published.version);
        }
    }
}

impl Drop for Room {
    fn drop(&mut self) {
        self.closing.send_replace(true);
        if let Some(server) = self.server.take() {
            let _ = server.join();
        }
    }
}
