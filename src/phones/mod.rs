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
pub mod check;
pub mod code;
mod commitment;
mod guard;
mod held;
mod http;
mod page;
mod page_snapshot;
mod request;
pub mod station;
pub mod view;
pub mod view_snapshot;
mod votes;

pub use view::PhoneView;

use crate::workshop::NoteId;
use crate::workshop::command::CommandKind;
use std::net::{SocketAddr, TcpListener};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

/// Longest a note from a phone may be, in characters (a sticky note, not an essay).
pub const MAX_NOTE_CHARS: usize = 280;
/// Largest request body accepted, in bytes.
pub const MAX_BODY: usize = 4096;
/// Live pages' event streams open at once (each holds a thread while its page is open): room
/// for 60 phones with a second tab or a reconnect each, and more.
pub const MAX_STREAMS: usize = 160;
/// How many phone requests may wait for the app at once before phones are told to retry.
const QUEUE: usize = 256;

/// A change a phone asked for, waiting for the app's loop.
#[derive(Debug)]
pub struct PhoneRequest {
    pub change: CommandKind,
    /// Where the loop sends the result, once it is on disk (or refused).
    pub reply: SyncSender<PhoneReply>,
}

/// What came of a phone's request: the note ids it created, or why it was refused.
pub type PhoneReply = Result<Vec<NoteId>, String>;

/// An open room: the listening server and the app's end of its channel.
pub struct Room {
    shared: Arc<Shared>,
    requests: Receiver<PhoneRequest>,
    accept: Option<JoinHandle<()>>,
    addr: SocketAddr,
}

/// What the server's threads share.
pub(crate) struct Shared {
    pub code: String,
    pub addr: SocketAddr,
    pub closed: AtomicBool,
    pub view: Mutex<Published>,
    pub changed: Condvar,
    pub guard: Mutex<guard::Guard>,
    pub sender: SyncSender<PhoneRequest>,
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
        self.guard.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Room {
    /// Listens on `addr` (port 0: any free port) with the join `code`. Nothing listens before
    /// this is called or after the room is dropped.
    pub fn open(addr: SocketAddr, code: String) -> std::io::Result<Room> {
        let listener = TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        let server = tiny_http::Server::from_listener(listener, None)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        let (sender, requests) = sync_channel(QUEUE);
        let shared = Arc::new(Shared {
            code,
            addr,
            closed: AtomicBool::new(false),
            view: Mutex::new(Published::default()),
            changed: Condvar::new(),
            guard: Mutex::new(guard::Guard::default()),
            sender,
        });
        let inner = Arc::clone(&shared);
        let accept = std::thread::Builder::new()
            .name("room".into())
            .spawn(move || http::serve(server, inner))?;
        Ok(Room {
            shared,
            requests,
            accept: Some(accept),
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
            self.shared.changed.notify_all();
        }
    }
}

impl Drop for Room {
    fn drop(&mut self) {
        self.shared.closed.store(true, Ordering::SeqCst);
        self.shared.changed.notify_all();
        if let Some(accept) = self.accept.take() {
            let _ = accept.join();
        }
    }
}
