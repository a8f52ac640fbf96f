//! The app as the owner of the room for phones: opens and closes the room's server, publishes
//! what phones see after every change, and applies what phones send through the same
//! [`command::apply`](crate::workshop::command::apply) as co-scribes' commands — saved, and on
//! disk, before the phone hears "saved".

use super::app::{App, Overlay, RoomPanel};
use super::input::Nudge;
use super::room_answers::Answers;
use super::{FLUSH_TIMEOUT, Loop, RoomOptions};
use crate::phones::{PhoneMemory, PhoneView, Room, Wake, addr, check, code};
use crate::workshop::command::{Applied, Command};
use crate::workshop::{Change, NoteId, SessionId};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;
use time::OffsetDateTime;

/// How often the loop looks at the open room unasked: for the phone count and the self-test.
/// A phone's request does not wait for it: the room nudges the loop awake.
const ROOM_POLL: Duration = Duration::from_millis(500);
/// Most phone requests applied in one go (then one save for all of them).
const BATCH: usize = 64;

/// The loop's record of the room.
pub struct RoomWatch {
    options: RoomOptions,
    room: Option<Room>,
    /// `--room` opens the room once, for the first session opened; after that the key decides.
    auto_opened: bool,
    /// What the published view was built from: session id, last change, step.
    published: Option<(SessionId, OffsetDateTime, usize)>,
    /// The self-test of the open room, running in a thread of its own (the UI never waits).
    check: Option<Receiver<Result<(), check::Failure>>>,
    /// The thread that answers phones once their changes are on disk (started with the first).
    answers: Option<Answers>,
    /// Wakes the loop when a phone's request is waiting.
    nudge: Nudge,
    /// What the room knew of its phones, for the session it was open for.
    memory: Option<(SessionId, PhoneMemory)>,
}

impl RoomWatch {
    pub fn new(options: RoomOptions, nudge: Nudge) -> RoomWatch {
        RoomWatch {
            nudge,
            memory: None,
            options,
            room: None,
            auto_opened: false,
            published: None,
            check: None,
            answers: None,
        }
    }

    /// The longest the loop may sleep: a while, with the room open, for its phone count.
    pub fn sleep_cap(&self, cap: Duration) -> Duration {
        if self.room.is_some() {
            cap.min(ROOM_POLL)
        } else {
            cap
        }
    }
}

impl Loop {
    /// The room key: opens the room for the open session, or closes it.
    pub(super) fn toggle_room(&mut self, app: &mut App) {
        if self.room.room.is_some() {
            self.close_room(app);
            app.say("Room closed: phones can no longer join or send notes.");
        } else {
            self.open_room(app);
        }
    }

    fn open_room(&mut self, app: &mut App) {
        if app.open_session().is_none() {
            app.fail("Open a workshop first: the room opens for the workshop on screen.");
            return;
        }
        let where_to = match addr::choose(self.room.options.addr) {
            Ok(a) => a,
            Err(e) => {
                app.fail(e);
                return;
            }
        };
        let opened = code::new_code()
            .and_then(|c| Room::open(where_to, c, self.phone_memory(app), self.wake()));
        match opened {
            Ok(room) => {
                app.say(format!(
                    "Room open: phones join at {} (code {}). W closes it.",
                    room.link(),
                    room.code()
                ));
                self.show_room(app, room, false);
                app.overlay = Some(Overlay::Room);
            }
            Err(e) => app.fail(format!(
                "Could not open the room on {where_to}: {e}. Choose another with --room-addr IP[:PORT]."
            )),
        }
    }

    /// The room key `a`: reopens the room on the laptop's next address with the same code (what
    /// the room was told stays true; only the link changes), on the port the trainer fixed or a
    /// free one. Phones' pending requests are answered first; if the new address cannot be
    /// opened the room stays where it was.
    pub(super) fn next_room_address(&mut self, app: &mut App) {
        let Some(room) = self.room.room.as_ref() else {
            app.fail("The room is not open: W opens it.");
            return;
        };
        let (from, code) = (room.addr(), room.code().to_string());
        let list = addr::candidates();
        let Some(next) = addr::next_after(&list, from.ip()) else {
            app.fail(format!(
                "No other address to move the room to: this laptop has {}. Join the room's Wi-Fi or start the laptop's hotspot, then press a again.",
                match list.first() {
                    Some(c) => addr::describe(&list, c.ip),
                    None => "no private network address".to_string(),
                }
            ));
            return;
        };
        let port = self.room.options.addr.map_or(0, |a| a.port());
        let to = SocketAddr::new(next.ip, port);
        self.apply_phones(app);
        match Room::open(to, code, self.phone_memory(app), self.wake()) {
            Ok(room) => {
                app.say(format!(
                    "Room moved to {} ({}); the code stays {}.",
                    room.link(),
                    addr::describe(&list, room.addr().ip()),
                    room.code()
                ));
                let full_qr = app.room.as_ref().is_some_and(|p| p.full_qr);
                self.show_room(app, room, full_qr);
            }
            Err(e) => app.fail(format!(
                "Could not move the room to {to}: {e}. It stays at {from}."
            )),
        }
    }

    /// What the room knew of its phones, if it was open before for the session now open: one
    /// session's phones never carry over to another.
    fn phone_memory(&mut self, app: &App) -> PhoneMemory {
        let id = app.open_session().map(|o| o.session.id.clone());
        match (&self.room.memory, id) {
            (Some((kept, memory)), Some(id)) if *kept == id => memory.clone(),
            (_, Some(id)) => {
                let memory = PhoneMemory::default();
                self.room.memory = Some((id, memory.clone()));
                memory
            }
            (_, None) => PhoneMemory::default(),
        }
    }

    /// What the room calls when a phone's request is waiting.
    fn wake(&self) -> Wake {
        let nudge = self.room.nudge.clone();
        Arc::new(move || nudge.nudge())
    }

    /// Makes `room` the open room: the panel, a fresh view for its phones, and its self-test.
    fn show_room(&mut self, app: &mut App, room: Room, full_qr: bool) {
        let at = room.addr();
        let place = addr::describe(&addr::candidates(), at.ip());
        let given = self.room.options.addr.is_some_and(|a| a.ip() == at.ip());
        app.room = Some(RoomPanel {
            link: room.link(),
            code: room.code().to_string(),
            phones: 0,
            address: at.to_string(),
            place: if given {
                format!("{place} (given with --room-addr)")
            } else {
                place
            },
            check: None,
            full_qr,
        });
        app.dirty = true;
        self.room.check = spawn_check(at, room.code().to_string());
        self.room.published = None;
        // The old room, if any, is dropped here: its port is freed.
        self.room.room = Some(room);
    }

    /// Closes the room (the key, the session closing, the app quitting): the port is freed.
    pub(super) fn close_room(&mut self, app: &mut App) {
        if self.room.room.take().is_some() {
            self.room.check = None;
            app.room = None;
            if matches!(app.overlay, Some(Overlay::Room)) {
                app.overlay = None;
            }
            app.dirty = true;
        }
    }

    /// Opens the room for `--room`, publishes the view, applies phones' requests and answers
    /// them once saved, and keeps the phone count on screen.
    pub(super) fn poll_room(&mut self, app: &mut App) {
        if self.room.options.open && !self.room.auto_opened && app.open_session().is_some() {
            self.room.auto_opened = true;
            self.open_room(app);
        }
        if self.room.room.is_none() {
            return;
        }
        self.apply_phones(app);
        self.publish(app);
        self.collect_check(app);
        let phones = self.room.room.as_ref().map_or(0, Room::phones);
        if let Some(panel) = app.room.as_mut()
            && panel.phones != phones
        {
            panel.phones = phones;
            app.dirty = true;
        }
    }

    fn apply_phones(&mut self, app: &mut App) {
        let Some(room) = self.room.room.as_ref() else {
            return;
        };
        let pending: Vec<_> = std::iter::from_fn(|| room.next_request())
            .take(BATCH)
            .collect();
        if pending.is_empty() {
            return;
        }
        let id = self.lock.as_ref().map(|l| l.id().clone());
        let now = self.now();
        let mut results = Vec::with_capacity(pending.len());
        for request in pending {
            let result = match &id {
                None => Err("No workshop is open right now.".to_string()),
                Some(id) => code::new_token()
                    .map_err(|e| e.to_string())
                    .and_then(|token| {
                        let command = Command::new(format!("phone-{token}"), request.change);
                        super::inbox::apply_from(app, id, &command, now, "a phone")
                    })
                    .map(|applied| added_ids(&applied)),
            };
            if let Ok(ids) = &result {
                held_for_approval(app, ids);
            }
            results.push((request.reply, result));
        }
        let saving = results.iter().any(|(_, r)| r.is_ok());
        if saving {
            self.perform(app, super::app::Effect::Save);
        }
        // What phones read shows the change before its phone hears "saved".
        self.publish(app);
        if saving {
            // Phones are told only what is on disk, by the answering thread once this save is
            // written; the loop draws the change meanwhile.
            let flusher = self.saver.flusher();
            self.room
                .answers
                .get_or_insert_with(|| {
                    Answers::spawn(Arc::new(move || {
                        flusher.flush(FLUSH_TIMEOUT).map_err(|e| e.to_string())
                    }))
                })
                .owe(results);
        } else {
            for (reply, result) in results {
                let _ = reply.send(result);
            }
        }
        app.dirty = true;
    }

    /// Publishes what phones see when the session changed since the last time.
    fn publish(&mut self, app: &App) {
        let Some(room) = self.room.room.as_ref() else {
            return;
        };
        let Some(open) = app.open_session() else {
            if self.room.published.take().is_some() {
                room.publish(PhoneView::default());
            }
            return;
        };
        let s = &open.session;
        let key = (s.id.clone(), s.updated, s.position);
        if self.room.published.as_ref() == Some(&key) {
            return;
        }
        room.publish(PhoneView::of(s, open.deck.as_ref(), &app.library.sticky));
        self.room.published = Some(key);
    }
}

/// Tells the trainer when a phone's new note waits for them rather than going on the
/// projector.
fn held_for_approval(app: &mut App, ids: &[NoteId]) {
    let Some(open) = app.open_session() else {
        return;
    };
    let s = &open.session;
    if !ids
        .iter()
        .any(|id| s.note(*id).is_some_and(|n| !n.is_shown()))
    {
        return;
    }
    let waiting = s.waiting_count();
    app.say(format!(
        "A phone's note waits for you: {} in the queue (h approves or hides).",
        crate::words::count(waiting, "note", "notes")
    ));
}

impl Loop {
    /// Shows the self-test's finding once it came.
    fn collect_check(&mut self, app: &mut App) {
        let (Some(waiting), Some(room)) = (self.room.check.as_ref(), self.room.room.as_ref())
        else {
            return;
        };
        let Ok(result) = waiting.try_recv() else {
            return;
        };
        let line = check::console_line(room.addr(), &result);
        if let Err(trouble) = &line {
            app.fail(trouble.clone());
        }
        if let Some(panel) = app.room.as_mut() {
            panel.check = Some(line);
        }
        self.room.check = None;
        app.dirty = true;
    }
}

/// Checks in a thread of its own that a request from this laptop reaches the room at `at`;
/// `None` if no thread could be started (the panel then says nothing rather than wait).
fn spawn_check(at: SocketAddr, code: String) -> Option<Receiver<Result<(), check::Failure>>> {
    let (send, receive) = channel();
    std::thread::Builder::new()
        .name("room-self-test".into())
        .spawn(move || {
            let _ = send.send(check::probe_room(at, &code));
        })
        .ok()
        .map(|_| receive)
}

/// The ids of the notes a command added.
fn added_ids(applied: &Applied) -> Vec<NoteId> {
    fn collect(change: &Change, ids: &mut Vec<NoteId>) {
        match change {
            Change::Added(note) => ids.push(note.id),
            Change::Batch(changes) => changes.iter().for_each(|c| collect(c, ids)),
            _ => {}
        }
    }
    let mut ids = Vec::new();
    applied.changes.iter().for_each(|c| collect(c, &mut ids));
    ids
}
