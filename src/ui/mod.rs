//! The full-screen terminal app: state (`app`), keys (`keymap`), drawing (`views`, `widgets`)
//! and the event loop below, which is the only place that touches the terminal, the store and
//! the clock.

pub mod app;
pub mod cycle;
pub mod export_menu;
pub mod fill_category;
mod inbox;
mod input;
pub mod input_view;
pub mod keymap;
pub mod open_session;
pub mod projector;
mod room;
mod room_answers;
pub mod room_out;
pub mod rounds;
pub mod setup;
pub mod snapshot;
pub mod startup;
pub mod sticky;
pub mod terminal;
pub mod theme;
pub mod timer_keys;
pub mod views;
pub mod widgets;

use crate::export;
use crate::store::StoreError;
use crate::store::{SaveEvent, Saver, SessionLock, Store};
use crate::workshop::clock::SteadyClock;
use crate::workshop::{Session, SessionId};
use anyhow::{Context, Result, bail};
use app::{App, Effect};
use crossterm::event::Event;
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use crossterm::{execute, queue};
use keymap::{Action, action_for};
use startup::{Loaded, Loading};
use std::cell::Cell;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use terminal::TerminalGuard;
use theme::Theme;
use time::{OffsetDateTime, UtcOffset};

/// Longest the loop sleeps with nothing to show (a safety net; the timer sets its own wake-ups).
const MAX_SLEEP: Duration = Duration::from_secs(5);
/// How often the loop looks for the saver's answer while a save is in flight.
const SAVE_CHECK: Duration = Duration::from_millis(30);
/// How long quitting waits for the last save to reach the disk.
const FLUSH_TIMEOUT: Duration = Duration::from_secs(5);

/// What the app needs to start.
pub struct RunOptions {
    pub store: Store,
    /// A folder of extra or replacement content (`--content`).
    pub content: Option<PathBuf>,
    pub theme: Theme,
    /// A session to open straight away.
    pub open: Option<String>,
    /// Where exports from the app are written.
    pub export_dir: PathBuf,
    pub offset: UtcOffset,
    pub room: RoomOptions,
}

/// Whether and where phones join (`--room`, `--room-addr`).
#[derive(Debug, Clone, Copy, Default)]
pub struct RoomOptions {
    /// Open the room as soon as a session is open.
    pub open: bool,
    /// Where to listen; the laptop's private address when `None`.
    pub addr: Option<std::net::SocketAddr>,
}

/// Runs the full-screen app until the trainer quits.
pub fn run(options: RunOptions) -> Result<()> {
    let RunOptions {
        store,
        content,
        theme,
        open,
        export_dir,
        offset,
        room,
    } = options;
    terminal::require_terminal_output()?;
    let loading = Loading::begin(&store, content)?;
    // Checked here, while the listing is read, so an unusable folder is refused before the
    // terminal goes full screen.
    store.check_writable()?;
    let saver = Saver::spawn(store.clone());
    let input = input::Input::default();
    let mut lp = Loop {
        store,
        saver,
        lock: None,
        export_dir,
        offset,
        last_sent: None,
        clock: Cell::new(SteadyClock::new()),
        started: Instant::now(),
        timing: Cell::new(false),
        projection: room_out::RoomOut::default(),
        inbox: inbox::InboxWatch::default(),
        room: room::RoomWatch::new(room, input.nudge()),
        input,
    };
    let flusher = lp.saver.flusher();
    let mut guard = TerminalGuard::enter(move || {
        let _ = flusher.flush(FLUSH_TIMEOUT);
    })?;
    let Loaded { library, listing } = loading.finish();
    let (library, listing) = (library?, listing?);
    let problems = listing.problems.iter().map(|p| p.to_string()).collect();
    let mut app = App::new(library, theme, listing.sessions);
    app.set_problems(problems);
    if let Some(first) = app.library.skipped.first() {
        app.fail(format!("Skipped a content file: {first}"));
    }
    if let Some(query) = open {
        match lp.store.find(&query) {
            Ok(found) => lp.perform(&mut app, Effect::Open(found.id)),
            Err(e) => app.fail(e.to_string()),
        };
    }
    let result = lp.run(&mut app, &mut guard);
    lp.projection.closed(&lp.store);
    let flushed = lp.saver.flush(FLUSH_TIMEOUT);
    drop(guard);
    result?;
    if let Err(e) = flushed {
        // Said as the process ends: what is lost, not "it will be saved when you retry".
        bail!("{}", lost_on_quit(&app, &e));
    }
    Ok(())
}

/// What quitting with failed saves lost, and why, for the last line the app prints.
fn lost_on_quit(app: &App, e: &StoreError) -> String {
    let what = match app.open_session() {
        Some(w) => format!(
            "{} to {:?} ({})",
            crate::words::count(app.unsaved.max(1), "change", "changes"),
            crate::console::line(&w.session.name),
            w.session.id
        ),
        None => "the last changes".to_string(),
    };
    let why = std::error::Error::source(e).map_or_else(|| e.to_string(), ToString::to_string);
    let file = e
        .path()
        .map(|p| format!(" {}", p.display()))
        .unwrap_or_default();
    format!(
        "quit without saving {what}: {} — {why}. They are lost; the session file{file} holds \
         the version before them",
        e.trouble().label()
    )
}

/// The event loop's own state: the things `App` must not touch.
struct Loop {
    store: Store,
    saver: Saver,
    lock: Option<SessionLock>,
    export_dir: PathBuf,
    offset: UtcOffset,
    /// The newest copy handed to the saver (id, `updated`): once that is on disk, all is saved.
    last_sent: Option<(SessionId, OffsetDateTime)>,
    /// Keeps a running round on the monotonic clock whatever the system clock does.
    clock: Cell<SteadyClock>,
    /// The monotonic clock's fixed point.
    started: Instant,
    /// Whether the open session's timer is running (as of the last action).
    timing: Cell<bool>,
    /// What projectors were last given.
    projection: room_out::RoomOut,
    /// When the open session's inbox was last looked at, and answers owed to co-scribes.
    inbox: inbox::InboxWatch,
    /// The room for phones, while it is open.
    room: room::RoomWatch,
    /// What wakes the loop: keys, resizes, the room's nudges.
    input: input::Input,
}

impl Loop {
    fn now(&self) -> OffsetDateTime {
        let mut clock = self.clock.get();
        let wall = OffsetDateTime::now_utc().to_offset(self.offset);
        let now = clock.now(wall, self.started.elapsed(), self.timing.get());
        self.clock.set(clock);
        now
    }

    /// Notes whether a timer is running now, which decides which clock [`Loop::now`] follows.
    fn watch_timer(&self, app: &App) {
        self.timing.set(
            app.open_session()
                .is_some_and(|w| w.session.timer.running_since.is_some()),
        );
    }

    fn run(&mut self, app: &mut App, guard: &mut TerminalGuard) -> Result<()> {
        loop {
            self.watch_timer(app);
            self.collect_saves(app);
            if guard.take_resumed() {
                guard.redraw_all()?;
                app.dirty = true;
            }
            if app.dirty {
                let now = self.now();
                // Through the frame's own writer, so the frame and its markers go out together.
                let _ = queue!(guard.terminal.backend_mut(), BeginSynchronizedUpdate);
                let drawn = guard
                    .terminal
                    .draw(|frame| views::render(app, frame, now))?
                    .area;
                let _ = execute!(guard.terminal.backend_mut(), EndSynchronizedUpdate);
                app.dirty = false;
                app.resized(drawn.width, drawn.height);
                if !self.input.listening() {
                    // crossterm starts listening for resizes when input is first read, which
                    // comes after the first frame so that frame is not kept waiting; a resize
                    // before it went unheard, so the size is checked once it is listening.
                    self.input.listen()?;
                    if guard
                        .terminal
                        .size()
                        .is_ok_and(|size| size != drawn.as_size())
                    {
                        app.dirty = true;
                        continue;
                    }
                }
            }
            let wait = self.sleep_time(app);
            let mut effects = Vec::new();
            self.input.listen()?;
            let event = self.input.next(wait)?;
            if let Some(event) = event {
                let now = self.now();
                match event {
                    Event::Key(key) => match action_for(app.context(), &key) {
                        // The terminal's own business, not the app's: handled here.
                        Some(Action::Suspend) => terminal::suspend(),
                        Some(Action::Redraw) => {
                            guard.redraw_all()?;
                            app.dirty = true;
                        }
                        Some(action) => effects = app.update(action, now),
                        None => {}
                    },
                    Event::Paste(text) => effects = app.update(Action::Paste(text), now),
                    Event::Resize(width, height) => {
                        // A terminal reflows or clears its cells on a resize, and a quick
                        // there-and-back leaves the size unchanged for ratatui, which would then
                        // draw only what it thinks changed over the reflowed screen: redraw all.
                        guard.redraw_all()?;
                        app.resized(width, height);
                        app.dirty = true;
                    }
                    _ => {}
                }
            } else if app
                .open_session()
                .is_some_and(|w| w.session.timer.next_change(self.now()).is_some())
            {
                // Woken by the timer: the face has moved on.
                app.dirty = true;
            }
            effects.extend(app.tick(self.now()));
            for effect in effects {
                match effect {
                    // A save still in flight is written first; if it fails the trainer gets
                    // the choice rather than an exit that loses it (unless that was the
                    // choice, or the window is too small to show it).
                    Effect::Quit
                        if app.save == app::SaveState::Pending
                            && !app.too_small()
                            && !matches!(app.overlay, Some(app::Overlay::Unsaved { .. })) =>
                    {
                        if self.save_all(app) {
                            return Ok(());
                        }
                    }
                    Effect::Quit => return Ok(()),
                    Effect::SaveThenQuit => {
                        if self.save_all(app) {
                            return Ok(());
                        }
                    }
                    effect => self.perform(app, effect),
                }
            }
            self.projection.publish(&self.store, app);
            self.poll_inbox(app);
            self.poll_room(app);
        }
    }

    /// Sleeps until the next visible change (timer second), or at most `MAX_SLEEP`; while a
    /// save is in flight, only briefly, so "saved ✓" appears as soon as it is true.
    fn sleep_time(&self, app: &App) -> Duration {
        let cap = if app.save == app::SaveState::Pending {
            SAVE_CHECK
        } else {
            MAX_SLEEP
        };
        // While a session is open, co-scribes' commands are looked for a few times a second.
        let cap = if self.lock.is_some() || self.inbox.owes_answers() {
            cap.min(self.inbox.due_in())
        } else {
            cap
        };
        let cap = self.room.sleep_cap(cap);
        let next = app
            .open_session()
            .and_then(|w| w.session.timer.next_change(self.now()));
        next.map_or(cap, |d| d.min(cap))
    }

    /// Writes everything unsaved, retrying failed saves; true if it all reached the disk.
    fn save_all(&mut self, app: &mut App) -> bool {
        self.saver.retry();
        let flushed = self.saver.flush(FLUSH_TIMEOUT);
        // The saver's own report of this attempt is already answered here.
        let _ = self.saver.poll();
        match flushed {
            Ok(()) => {
                app.saved(Ok(()));
                true
            }
            Err(e) => {
                app.fail(format!("Still not saved: {e}"));
                app.saved(Err(e));
                app.ask_unsaved();
                false
            }
        }
    }

    fn collect_saves(&mut self, app: &mut App) {
        for event in self.saver.poll() {
            match event {
                SaveEvent::Saved { id, updated } => {
                    if self.last_sent.as_ref() == Some(&(id, updated)) {
                        app.saved(Ok(()));
                    }
                }
                SaveEvent::Failed { error, .. } => {
                    app.fail(format!(
                        "Could not save: {error}. Everything stays on screen and is saved again with the next change."
                    ));
                    app.saved(Err(error));
                }
            }
        }
    }

    fn perform(&mut self, app: &mut App, effect: Effect) {
        let now = self.now();
        match effect {
            Effect::Quit | Effect::SaveThenQuit => {}
            Effect::ExportSession => {
                let Some(w) = app.open_session() else {
                    return;
                };
                let scope = export::Scope::All;
                match self.export(&w.session, export::Format::Json, scope, false, app) {
                    Ok((path, _)) => app.say(format!(
                        "Wrote the whole session to {}: keep that file safe before quitting.",
                        path.display()
                    )),
                    Err(e) => app.fail(format!(
                        "Export failed too: {}",
                        crate::error_report::message(&e)
                    )),
                }
            }
            Effect::Save => {
                if let Some(w) = app.open_session() {
                    self.last_sent = Some((w.session.id.clone(), w.session.updated));
                    self.saver.save(w.for_saver());
                }
            }
            Effect::Bell => {
                let mut out = std::io::stdout();
                let _ = out.write_all(b"\x07");
                let _ = out.flush();
            }
            Effect::RefreshList => match self.store.list() {
                Ok(listing) => app.set_sessions(
                    listing.sessions,
                    listing.problems.iter().map(|p| p.to_string()).collect(),
                ),
                Err(e) => app.fail(e.to_string()),
            },
            Effect::Open(id) => match self.open(&id) {
                Ok(session) => self.opened(app, session),
                Err(e) => app.fail(e),
            },
            Effect::Create(spec) => {
                let result = Session::new(self.store.new_id(now), spec, now)
                    .map_err(|e| e.to_string())
                    .and_then(|s| self.store.create(&s).map(|()| s).map_err(|e| e.to_string()))
                    .and_then(|s| self.open(&s.id));
                match result {
                    Ok(session) => self.opened(app, session),
                    Err(e) => app.fail(format!("Could not create the workshop: {e}")),
                }
            }
            Effect::Rename { id, name } => {
                let r = self.store.rename(&id, &name, now);
                if let Err(e) = r {
                    app.fail(e.to_string());
                } else {
                    app.say(format!("Renamed to {name:?}."));
                }
            }
            Effect::Duplicate { id, name } => {
                if let Err(e) = self.store.duplicate(&id, &name, now) {
                    app.fail(e.to_string());
                }
            }
            Effect::Delete { id } => {
                let r = self.store.delete(&id, now);
                if let Err(e) = r {
                    app.fail(e.to_string());
                }
            }
            Effect::Restore { id } => {
                if let Err(e) = self.store.restore(&id) {
                    app.fail(e.to_string());
                }
            }
            Effect::DropBackup { id } => {
                let dropped = self
                    .saver
                    .flush(FLUSH_TIMEOUT)
                    .and_then(|()| self.store.remove_backup(&id));
                if let Err(e) = dropped {
                    app.fail(format!("The backup still holds the dropped notes: {e}"));
                }
            }
            Effect::ToggleRoom => self.toggle_room(app),
            Effect::NextRoomAddress => self.next_room_address(app),
            Effect::CloseSession => {
                if let Err(e) = self.saver.flush(FLUSH_TIMEOUT) {
                    app.fail(format!("The last change is not saved yet: {e}"));
                    return;
                }
                self.close_room(app);
                self.lock = None;
                self.projection.closed(&self.store);
                app.go_home();
            }
            Effect::SaveDeck(preview) => fill_category::perform_save_deck(app, *preview),
            Effect::Export {
                format,
                scopes,
                bom,
            } => {
                let Some(w) = app.open_session() else {
                    return;
                };
                let written: Result<Vec<(PathBuf, export::destination::Written)>> = scopes
                    .into_iter()
                    .map(|scope| self.export(&w.session, format, scope, bom, app))
                    .collect();
                match written {
                    Ok(files) => app.say(exported_line(&files)),
                    Err(e) => app.fail(format!(
                        "Export failed: {}",
                        crate::error_report::message(&e)
                    )),
                }
                app.overlay = None;
            }
        }
    }

    /// Shows a session just opened and names it for projectors; the session is open even if a
    /// second screen cannot follow it (the trainer is told).
    fn opened(&mut self, app: &mut App, session: Session) {
        let named = self.projection.opened(&self.store, &session.id);
        app.opened(session);
        if let Err(e) = named {
            app.fail(e);
        }
    }

    fn open(&mut self, id: &SessionId) -> std::result::Result<Session, String> {
        // Release any lock we hold first: re-opening the same session must not lock itself out.
        self.lock = None;
        let lock = self.store.lock(id).map_err(|e| e.to_string())?;
        let session = self.store.load(id).map_err(|e| e.to_string())?;
        self.lock = Some(lock);
        Ok(session)
    }

    fn export(
        &self,
        session: &Session,
        format: export::Format,
        scope: export::Scope,
        bom: bool,
        app: &App,
    ) -> Result<(PathBuf, export::destination::Written)> {
        let part = scope.file_part(session);
        let options = export::Options::for_session(session, &app.library, scope);
        let text = export::file_text(session, format, &options, bom);
        crate::store::create_private_dir_all(&self.export_dir).with_context(|| {
            format!(
                "could not create the export folder {}",
                self.export_dir.display()
            )
        })?;
        let path = self.export_dir.join(export::file_name::export_file_name(
            &session.name,
            session.id.as_str(),
            &part,
            bom,
            format.extension(),
        ));
        let written = export::destination::write(&path, text.as_bytes())?;
        Ok((std::path::absolute(&path).unwrap_or(path), written))
    }
}

/// The status line after an export from the app: where the files went, and whether an earlier
/// export of this session was replaced (the names carry the session's id, so no other
/// session's file ever is).
fn exported_line(files: &[(PathBuf, export::destination::Written)]) -> String {
    use export::destination::Written;
    let replaced = files
        .iter()
        .filter(|(_, w)| *w == Written::Replaced)
        .count();
    let place = match files {
        [(path, _)] => path.display().to_string(),
        _ => format!(
            "{} files to {}",
            files.len(),
            files
                .first()
                .and_then(|(p, _)| p.parent())
                .map_or_else(String::new, |d| d.display().to_string())
        ),
    };
    match (replaced, files.len()) {
        (0, _) => format!("Wrote {place}"),
        (1, 1) => format!("Wrote {place} (replaced this session's earlier export)"),
        (n, _) => format!("Wrote {place} ({n} replaced this session's earlier exports)"),
    }
}
