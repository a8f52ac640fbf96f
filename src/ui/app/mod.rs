//! The app's state and its one entry point, `update`: an action in, state changed, effects out.
//! Effects (saving, ringing, opening files) are carried out by the event loop, never here.
//! Each screen's keys live with the screen: home and set-up here (`home`), overlays
//! (`overlay`), the sticky-note activity in `ui::sticky`, the Snapshot in `ui::snapshot`, the
//! rounds in `ui::rounds`. An activity's keys change its own screen and return an [`Outcome`]
//! (status line, save, overlay) that `App::carry_out` applies, the same for all three.

mod effect;
mod home;
mod moderation;
mod outcome;
mod overlay;
mod presenting;
mod room_keys;
mod screen;
mod status;

pub use effect::Effect;
pub use outcome::{Outcome, StatusChange};
pub use overlay::{MoveRow, MoveTarget, Overlay, TextPurpose};
pub use screen::{Home, Screen};
pub use status::{SaveState, Status, Tone};

use super::open_session::OpenSession;
use super::rounds::RoundsScreen;
use super::snapshot::SnapshotScreen;
use super::sticky::{Board, View};
use super::theme::Theme;
use crate::content::Library;
use crate::store::{StoreError, Summary};
use crate::ui::keymap::{Action, Context};
use crate::workshop::{Activity, History, RunState, Session};
use time::OffsetDateTime;

/// Lines of content scrolled by one PageUp/PageDown.
pub(crate) const PAGE: u16 = 10;
/// Said when Esc puts a half-typed note aside.
pub const DRAFT_KEPT: &str = "Draft kept: a opens it again.";

/// Esc on a note being typed (any activity): one with text in it becomes the draft `a` opens
/// again, and the status line says so; an empty one is dropped.
pub fn keep_draft<E>(
    entry: Option<E>,
    text: impl Fn(&E) -> &str,
    draft: &mut Option<E>,
    out: &mut Outcome,
) {
    if let Some(entry) = entry.filter(|e| !text(e).trim().is_empty()) {
        *draft = Some(entry);
        out.say(DRAFT_KEPT);
    }
}

/// The whole app state.
pub struct App {
    pub library: Library,
    pub theme: Theme,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub status: Option<Status>,
    pub save: SaveState,
    /// Changes made since the last save that reached the disk (what quitting now would lose
    /// if saving keeps failing).
    pub unsaved: usize,
    /// Set when anything on screen changed; the loop redraws only then.
    pub dirty: bool,
    /// The window's size as last reported by the loop (`None` until then).
    pub window: Option<(u16, u16)>,
    /// How far the help overlay is scrolled.
    pub help_scroll: u16,
    /// The room for phones, while it is open: what the console shows of it.
    pub room: Option<RoomPanel>,
}

/// What the console shows of the open room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomPanel {
    /// The link phones open (with the join code in it).
    pub link: String,
    pub code: String,
    /// Phones seen in the last two minutes.
    pub phones: usize,
    /// What to type instead of scanning: the room's address and port.
    pub address: String,
    /// Which of the laptop's addresses the room is on (`a` moves it to the next).
    pub place: String,
    /// The self-test of the open room: `None` while it runs, then what it found.
    pub check: Option<Result<String, String>>,
    /// The projector shows only the QR code, full screen (`Q`), for a large room.
    pub full_qr: bool,
}

impl App {
    /// An app on the home screen with the given session list.
    pub fn new(library: Library, theme: Theme, sessions: Vec<Summary>) -> App {
        let mut app = App {
            library,
            theme,
            screen: Screen::Home(Home::default()),
            overlay: None,
            status: None,
            save: SaveState::Saved,
            unsaved: 0,
            dirty: true,
            window: None,
            help_scroll: 0,
            room: None,
        };
        // "New workshop" is selected for a first-time user; otherwise the newest session.
        let newest = usize::from(!sessions.is_empty());
        app.set_sessions(sessions, Vec::new());
        if let Screen::Home(home) = &mut app.screen {
            home.selected = newest;
        }
        app
    }

    /// The loop reports the window's size.
    pub fn resized(&mut self, width: u16, height: u16) {
        self.window = Some((width, height));
    }

    /// Whether the window is too small to draw in: then only quitting works, since nothing
    /// done could be seen.
    pub fn too_small(&self) -> bool {
        self.window
            .is_some_and(|(w, h)| !crate::ui::views::fits(w, h))
    }

    /// The keyboard context: which keys are live now.
    pub fn context(&self) -> Context {
        if self.too_small() {
            return Context::TooSmall;
        }
        match &self.overlay {
            Some(Overlay::Help(_)) => return Context::Help,
            Some(
                Overlay::ConfirmQuit { .. }
                | Overlay::ConfirmLeave
                | Overlay::ConfirmStep { .. }
                | Overlay::ConfirmDelete { .. }
                | Overlay::ConfirmDropDeleted { .. }
                | Overlay::ConfirmPaste(_)
                | Overlay::FillPaste { .. }
                | Overlay::ConfirmFill(_),
            ) => {
                return Context::Confirm;
            }
            Some(Overlay::Unsaved { .. }) => return Context::Unsaved,
            Some(Overlay::Text { .. }) => return Context::TextPrompt,
            Some(Overlay::Move(_)) => return Context::Move,
            Some(Overlay::Export { .. }) => return Context::Export,
            Some(Overlay::Jump { .. }) => return Context::Jump,
            Some(Overlay::Room) => return Context::Room,
            Some(Overlay::Queue { .. }) => return Context::Queue,
            None => {}
        }
        if let Some(context) = self.presenting_context() {
            return context;
        }
        match &self.screen {
            Screen::Home(_) => Context::Home,
            Screen::Setup(_) => Context::Setup,
            Screen::Sticky(w) if w.blank => Context::Blank,
            Screen::Sticky(w) if w.entry.is_some() => Context::Entry,
            Screen::Sticky(w) => match w.view {
                View::Run => Context::Run,
                View::Board => Context::Board,
                View::Rotation => Context::Rotation,
            },
            Screen::Snapshot(s) => s.context(),
            Screen::Rounds(s) => s.context(),
        }
    }

    /// How many of the digit keys act here, counting from 1: a Snapshot dimension's stages, or
    /// the groups of a running sticky-note workshop (at most 9). `None` where digits do nothing.
    pub fn digits_in_use(&self) -> Option<usize> {
        match (&self.screen, self.context()) {
            (Screen::Snapshot(s), Context::SnapshotDimension) => Some(s.state().scale.len()),
            (Screen::Sticky(w), Context::Run | Context::Board | Context::Rotation) => {
                Some(w.session.groups.len().min(9))
            }
            _ => None,
        }
    }

    /// The open workshop, if any (a Snapshot warm-up's too: its session, timer and bell).
    pub fn open_session(&self) -> Option<&OpenSession> {
        match &self.screen {
            Screen::Sticky(w) => Some(w),
            Screen::Snapshot(s) => Some(&s.open),
            Screen::Rounds(s) => Some(&s.open),
            _ => None,
        }
    }

    pub(crate) fn open_session_mut(&mut self) -> Option<&mut OpenSession> {
        match &mut self.screen {
            Screen::Sticky(w) => Some(w),
            Screen::Snapshot(s) => Some(&mut s.open),
            Screen::Rounds(s) => Some(&mut s.open),
            _ => None,
        }
    }

    /// Shows a message at the bottom of the screen.
    pub fn say(&mut self, text: impl Into<String>) {
        self.show(Status::info(text));
    }

    /// Shows an error at the bottom of the screen.
    pub fn fail(&mut self, text: impl Into<String>) {
        self.show(Status::error(text));
    }

    /// Shows a status message.
    pub fn show(&mut self, status: Status) {
        self.status = Some(status);
        self.dirty = true;
    }

    /// Replaces the home screen's session list.
    /// Shows files in the store that could not be listed, under the sessions.
    pub fn set_problems(&mut self, problems: Vec<String>) {
        if let Screen::Home(home) = &mut self.screen {
            home.problems = problems;
            self.dirty = true;
        }
    }

    pub fn set_sessions(&mut self, sessions: Vec<Summary>, problems: Vec<String>) {
        if let Screen::Home(home) = &mut self.screen {
            home.selected = home.selected.min(sessions.len());
            home.sessions = sessions;
            home.problems = problems;
            self.dirty = true;
        }
    }

    /// Shows a session that the loop has loaded and locked.
    pub fn opened(&mut self, session: Session) {
        let deck = self
            .library
            .deck(&session.deck)
            .map(|d| d.filtered_for(session.role));
        let snapshot = session.activity == Activity::Snapshot;
        // The scribe carries on with the group of the last note typed, not group 1.
        let group = session
            .notes
            .iter()
            .max_by_key(|n| n.created)
            .map(|n| n.placement.group)
            .filter(|g| session.groups.iter().any(|x| x.number == *g))
            .unwrap_or(1);
        let workshop = OpenSession {
            session: std::sync::Arc::new(session),
            deck,
            history: History::default(),
            view: View::Run,
            group,
            content_scroll: 0,
            board: Board::default(),
            entry: None,
            draft: None,
            blank: false,
            rang_at: None,
            pane: Default::default(),
        };
        let rounds = super::rounds::script(&self.library, workshop.session.activity);
        self.screen = if snapshot {
            Screen::Snapshot(Box::new(SnapshotScreen::open(
                workshop,
                &self.library.snapshot,
            )))
        } else if let Some(script) = rounds {
            Screen::Rounds(Box::new(RoundsScreen::open(workshop, script)))
        } else {
            Screen::Sticky(Box::new(workshop))
        };
        self.overlay = None;
        self.status = None;
        self.save = SaveState::Saved;
        self.unsaved = 0;
        self.dirty = true;
    }

    /// Goes back to the home screen (the loop has closed the session).
    pub fn go_home(&mut self) {
        self.screen = Screen::Home(Home::default());
        self.overlay = None;
        self.dirty = true;
    }

    /// Checks the timer: rings once when a countdown reaches zero. Called on every wake-up.
    pub fn tick(&mut self, now: OffsetDateTime) -> Vec<Effect> {
        let Some(w) = self.open_session_mut() else {
            return Vec::new();
        };
        let reading = w.session.timer.reading(now);
        let running = w.session.timer.state() == RunState::Running;
        if running && reading.is_over() && w.rang_at != Some(w.session.position) {
            w.rang_at = Some(w.session.position);
            return vec![Effect::Bell];
        }
        Vec::new()
    }

    /// Applies one action at `now`; returns what the loop must do.
    pub fn update(&mut self, action: Action, now: OffsetDateTime) -> Vec<Effect> {
        self.dirty = true;
        if action == Action::Quit {
            return self.quit();
        }
        if self.too_small() {
            // Nothing done now could be seen: a note saved or a step taken blind.
            return Vec::new();
        }
        if let Some(effects) = self.update_room(&action) {
            return effects;
        }
        if let Some(effects) = self.update_moderation(&action, now) {
            return effects;
        }
        if self.overlay.is_some() {
            return self.update_overlay(action, now);
        }
        if let Some(effects) = self.update_presenting(&action) {
            return effects;
        }
        if action == Action::DropDeletedNotes {
            self.ask_drop_deleted();
            return Vec::new();
        }
        if let Action::NextStep | Action::PreviousStep = action
            && self.countdown_running(now)
        {
            self.overlay = Some(Overlay::ConfirmStep {
                forward: action == Action::NextStep,
            });
            return Vec::new();
        }
        self.update_screen(action, now)
    }

    /// Whether a step's countdown is running with time left, on a page that `n` / `p` leave.
    fn countdown_running(&self, now: OffsetDateTime) -> bool {
        let on_a_page = matches!(
            self.context(),
            Context::Run
                | Context::Board
                | Context::Rotation
                | Context::Presenter
                | Context::RoomView
                | Context::SnapshotPage
                | Context::SnapshotDimension
                | Context::SnapshotAnalysis
                | Context::SnapshotDots
                | Context::SnapshotPriorities
                | Context::SnapshotPlan
                | Context::RoundsPage
                | Context::RoundsNotes
                | Context::RoundsMark
        );
        on_a_page
            && self.open_session().is_some_and(|w| {
                let timer = &w.session.timer;
                timer.state() == RunState::Running
                    && timer.length_ms.is_some()
                    && !timer.reading(now).is_over()
            })
    }

    /// An action for the screen underneath any overlay.
    pub(crate) fn update_screen(&mut self, action: Action, now: OffsetDateTime) -> Vec<Effect> {
        match &self.screen {
            Screen::Home(_) => self.update_home(action, now),
            Screen::Setup(_) => self.update_setup(action),
            Screen::Sticky(_) => super::sticky::update(self, action, now),
            Screen::Snapshot(_) => super::snapshot::update(self, action, now),
            Screen::Rounds(_) => super::rounds::update(self, action, now),
        }
    }

    /// `q` or Ctrl-C, from anywhere. While saves are failing it offers a choice (save again,
    /// export elsewhere, quit anyway); while a timer runs in front of the room it asks first;
    /// asked already, it quits. Otherwise it quits: the loop writes what is queued on the way.
    fn quit(&mut self) -> Vec<Effect> {
        let asked = matches!(
            self.overlay,
            Some(Overlay::ConfirmQuit { .. } | Overlay::Unsaved { .. })
        );
        if asked || self.too_small() {
            return vec![Effect::Quit];
        }
        if matches!(self.save, SaveState::Failed(_)) {
            self.ask_unsaved();
            return Vec::new();
        }
        let Some(w) = self.open_session_mut() else {
            return vec![Effect::Quit];
        };
        if w.session.timer.state() != RunState::Running {
            return vec![Effect::Quit];
        }
        // A blanked screen comes back so the question is seen.
        w.blank = false;
        let back = self.overlay.take().map(Box::new);
        self.overlay = Some(Overlay::ConfirmQuit { back });
        Vec::new()
    }

    /// Opens the choice quitting offers while saves fail (a blanked screen comes back so it
    /// is seen).
    pub(crate) fn ask_unsaved(&mut self) {
        if let Some(w) = self.open_session_mut() {
            w.blank = false;
        }
        let back = match self.overlay.take() {
            Some(Overlay::Unsaved { back }) => back,
            other => other.map(Box::new),
        };
        self.overlay = Some(Overlay::Unsaved { back });
        self.dirty = true;
    }

    pub(crate) fn save_effect(&mut self) -> Vec<Effect> {
        self.save = SaveState::Pending;
        self.unsaved += 1;
        vec![Effect::Save]
    }

    /// The loop reports how saving went.
    pub fn saved(&mut self, result: Result<(), StoreError>) {
        self.save = match result {
            Ok(()) => {
                self.unsaved = 0;
                SaveState::Saved
            }
            Err(e) => SaveState::Failed(e),
        };
        self.dirty = true;
    }
}
