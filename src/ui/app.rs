//! The app's state and its one entry point, `update`: an action in, state changed, effects out.
//! Effects (saving, ringing, opening files) are carried out by the event loop, never here.

use super::fill_category::FillPreview;
use super::input_view::{edit_input, insert_str, pasted_lines};
use super::keymap::{Action, Context};
use super::setup::{Field, SetupForm};
use super::snapshot::SnapshotScreen;
use super::theme::Theme;
use crate::content::{Deck, Library};
use crate::export::{Format, Scope};
use crate::store::Summary;
use crate::workshop::timer::NUDGE_SECONDS;
use crate::workshop::{
    Activity, Change, History, Note, NoteId, Placement, Prompt, RunState, Session, SessionSpec,
    StepKind,
};
use time::OffsetDateTime;
use tui_input::Input;

/// Lines of content scrolled by one PageUp/PageDown.
const PAGE: u16 = 10;
/// Said when Esc puts a half-typed note aside.
pub const DRAFT_KEPT: &str = "Draft kept: a opens it again.";

/// Something the event loop must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write the open session to disk (off the UI thread).
    Save,
    /// Ring the terminal bell.
    Bell,
    Quit,
    /// Re-read the session list for the home screen.
    RefreshList,
    Open(String),
    Create(SessionSpec),
    Rename {
        id: String,
        name: String,
    },
    Duplicate {
        id: String,
    },
    Delete {
        id: String,
    },
    Restore {
        id: String,
    },
    /// Remove session `id`'s backup once the saves sent so far are on disk (the backup is the
    /// version before the last save, which still held notes dropped for good).
    DropBackup {
        id: String,
    },
    /// Close the open session (release its lock) and go home.
    CloseSession,
    /// Write one file per scope (one scope for a single export, one per group for handouts).
    Export {
        format: Format,
        scopes: Vec<Scope>,
        bom: bool,
    },
    /// Save a deck with a category filled in the user content folder, then read the content
    /// again.
    SaveDeck(Box<FillPreview>),
}

/// A short message at the bottom of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Whether what is on screen is on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Pending,
    /// The last save failed; the session stays in memory and is retried on the next change.
    Failed(String),
}

/// The three views of a running workshop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Run,
    Board,
    Rotation,
}

/// The scribe's note input.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub input: Input,
    pub initials: Input,
    pub on_initials: bool,
    /// The prompt the next note goes to (starts at the step's prompt; `Tab` changes it).
    pub prompt: Option<Prompt>,
    /// Notes saved since the input was opened, for the scribe's confidence.
    pub saved: usize,
}

/// What the notes board shows and which note is selected.
#[derive(Debug, Clone, Default)]
pub struct Board {
    /// One category across all groups, instead of one group's page.
    pub by_category: bool,
    pub category: usize,
    /// Index into the notes shown on the current page.
    pub selected: usize,
}

/// What a one-line text prompt is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextPurpose {
    EditNote(NoteId),
    Rename(String),
}

/// Where a note is being moved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveTarget {
    pub note: NoteId,
    pub group: u32,
    pub category: usize,
    pub prompt: Prompt,
    /// 0 group, 1 category, 2 prompt: which row ←/→ changes.
    pub row: usize,
}

/// Something drawn over the screen that has the keyboard.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help(Context),
    /// Asks before quitting while a timer runs; `back` is the overlay it covered, shown again
    /// on "no".
    ConfirmQuit {
        back: Option<Box<Overlay>>,
    },
    /// Asks before closing the open session for the session list, which the room would see.
    ConfirmLeave,
    /// Asks before `n` / `p` leave a step whose countdown is still running: the new step
    /// starts its own timer.
    ConfirmStep {
        forward: bool,
    },
    ConfirmDelete {
        id: String,
        name: String,
    },
    /// Drop the open session's `count` deleted notes for good?
    ConfirmDropDeleted {
        count: usize,
    },
    ConfirmPaste(Vec<String>),
    /// Waits for a pasted block of `category`'s behaviors; `problem` says why the last paste
    /// could not be used.
    FillPaste {
        category: String,
        problem: Option<String>,
    },
    /// What a paste fills a category with; yes saves the deck in the user content folder.
    ConfirmFill(Box<FillPreview>),
    Text {
        purpose: TextPurpose,
        input: Input,
    },
    Move(MoveTarget),
    Export {
        selected: usize,
    },
}

/// One line of the export menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportChoice {
    pub label: String,
    pub format: Format,
    /// One file is written per scope.
    pub scopes: Vec<Scope>,
    /// A UTF-8 byte-order mark in front (Excel's CSV).
    pub bom: bool,
}

fn choice(label: impl Into<String>, format: Format, scopes: Vec<Scope>) -> ExportChoice {
    ExportChoice {
        label: label.into(),
        format,
        scopes,
        bom: false,
    }
}

/// The export menu's entries for a session.
pub fn export_choices(session: &Session) -> Vec<ExportChoice> {
    if session.activity == Activity::Snapshot {
        return vec![
            choice(
                "Snapshot summary, printable HTML",
                Format::Html,
                vec![Scope::All],
            ),
            choice("Snapshot summary, text", Format::Txt, vec![Scope::All]),
            choice("Snapshot summary, Markdown", Format::Md, vec![Scope::All]),
            choice(
                "Snapshot notes, CSV (a row per note)",
                Format::Csv,
                vec![Scope::All],
            ),
            choice(
                "Whole session, JSON (votes, notes, dots, priorities)",
                Format::Json,
                vec![Scope::All],
            ),
        ];
    }
    let handouts: Vec<Scope> = session
        .groups
        .iter()
        .map(|g| Scope::Group(g.number))
        .collect();
    let mut v = vec![
        choice(
            "Whole room, printable HTML (a page per group)",
            Format::Html,
            vec![Scope::All],
        ),
        choice(
            "Every group's handout, HTML (one file each)",
            Format::Html,
            handouts.clone(),
        ),
        choice(
            "Every group's handout, text (one file each)",
            Format::Txt,
            handouts,
        ),
        choice(
            "Whole room, Markdown (paste into Word or email)",
            Format::Md,
            vec![Scope::All],
        ),
        choice("Whole room, text", Format::Txt, vec![Scope::All]),
        choice(
            "Whole room, CSV (a row per note)",
            Format::Csv,
            vec![Scope::All],
        ),
        ExportChoice {
            bom: true,
            ..choice(
                "Whole room, CSV for Excel (UTF-8 with BOM)",
                Format::Csv,
                vec![Scope::All],
            )
        },
        choice("Commitments, text", Format::Txt, vec![Scope::Commitments]),
        choice("Whole session, JSON", Format::Json, vec![Scope::All]),
    ];
    for g in &session.groups {
        v.push(choice(
            format!("{} handout, HTML", g.label()),
            Format::Html,
            vec![Scope::Group(g.number)],
        ));
    }
    v
}

/// An open workshop.
#[derive(Debug, Clone)]
pub struct Workshop {
    pub session: Session,
    /// The session's deck, filtered for its role, as shown in the content pane.
    pub deck: Option<Deck>,
    pub history: History,
    pub view: View,
    /// The group the scribe is typing for (1-based).
    pub group: u32,
    pub content_scroll: u16,
    pub board: Board,
    pub entry: Option<Entry>,
    /// A half-typed note put aside with Esc; `a` brings it back.
    pub draft: Option<Entry>,
    pub blank: bool,
    /// The step at whose deadline the bell already rang, so it rings once.
    pub rang_at: Option<usize>,
}

impl Workshop {
    /// What the card the scribe's group is on holds (practice or leadership behaviors,
    /// principles, examples), so each step's instruction is worded to fit it.
    pub fn card_kind(&self) -> crate::content::DeckKind {
        let deck = self.deck.as_ref();
        let category = self
            .session
            .category_index_for(self.group)
            .and_then(|i| self.session.categories.get(i))
            .and_then(|name| deck.and_then(|d| d.category(name)));
        match (deck, category) {
            (Some(d), Some(c)) => d.kind_of(c),
            (Some(d), None) => d.kind,
            (None, _) => crate::content::DeckKind::default(),
        }
    }
}

/// The home screen.
#[derive(Debug, Clone, Default)]
pub struct Home {
    pub sessions: Vec<Summary>,
    pub problems: Vec<String>,
    /// 0 is "New workshop"; 1.. are sessions.
    pub selected: usize,
    /// Id of the last session sent to the trash, for `u`.
    pub last_deleted: Option<String>,
}

/// Which screen is up.
#[derive(Debug, Clone)]
pub enum Screen {
    Home(Home),
    Setup(Box<SetupForm>),
    Workshop(Box<Workshop>),
    /// A Snapshot warm-up session (CPM Implementation Planning Guide); see [`crate::ui::snapshot`].
    Snapshot(Box<SnapshotScreen>),
}

/// The whole app state.
pub struct App {
    pub library: Library,
    pub theme: Theme,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub status: Option<Status>,
    pub save: SaveState,
    /// Set when anything on screen changed; the loop redraws only then.
    pub dirty: bool,
    /// The window's size as last reported by the loop (`None` until then).
    pub window: Option<(u16, u16)>,
    /// How far the help overlay is scrolled.
    pub help_scroll: u16,
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
            dirty: true,
            window: None,
            help_scroll: 0,
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
        self.window.is_some_and(|(w, h)| !super::views::fits(w, h))
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
            Some(Overlay::Text { .. }) => return Context::TextPrompt,
            Some(Overlay::Move(_)) => return Context::Move,
            Some(Overlay::Export { .. }) => return Context::Export,
            None => {}
        }
        match &self.screen {
            Screen::Home(_) => Context::Home,
            Screen::Setup(_) => Context::Setup,
            Screen::Workshop(w) if w.blank => Context::Blank,
            Screen::Workshop(w) if w.entry.is_some() => Context::Entry,
            Screen::Workshop(w) => match w.view {
                View::Run => Context::Run,
                View::Board => Context::Board,
                View::Rotation => Context::Rotation,
            },
            Screen::Snapshot(s) => s.context(),
        }
    }

    /// The open workshop, if any (a Snapshot warm-up's too: its session, timer and bell).
    pub fn workshop(&self) -> Option<&Workshop> {
        match &self.screen {
            Screen::Workshop(w) => Some(w),
            Screen::Snapshot(s) => Some(&s.workshop),
            _ => None,
        }
    }

    fn workshop_mut(&mut self) -> Option<&mut Workshop> {
        match &mut self.screen {
            Screen::Workshop(w) => Some(w),
            Screen::Snapshot(s) => Some(&mut s.workshop),
            _ => None,
        }
    }

    /// Shows a message at the bottom of the screen.
    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
        self.dirty = true;
    }

    /// Shows an error at the bottom of the screen.
    pub fn fail(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
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
        let workshop = Workshop {
            session,
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
        };
        self.screen = if snapshot {
            Screen::Snapshot(Box::new(SnapshotScreen::open(
                workshop,
                &self.library.snapshot,
            )))
        } else {
            Screen::Workshop(Box::new(workshop))
        };
        self.overlay = None;
        self.status = None;
        self.save = SaveState::Saved;
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
        let Some(w) = self.workshop_mut() else {
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
        if self.overlay.is_some() {
            return self.update_overlay(action, now);
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
                | Context::SnapshotPage
                | Context::SnapshotDimension
                | Context::SnapshotAnalysis
                | Context::SnapshotDots
                | Context::SnapshotPriorities
        );
        on_a_page
            && self.workshop().is_some_and(|w| {
                let timer = &w.session.timer;
                timer.state() == RunState::Running
                    && timer.length_ms.is_some()
                    && !timer.reading(now).is_over()
            })
    }

    /// An action for the screen underneath any overlay.
    fn update_screen(&mut self, action: Action, now: OffsetDateTime) -> Vec<Effect> {
        match &self.screen {
            Screen::Home(_) => self.update_home(action, now),
            Screen::Setup(_) => self.update_setup(action),
            Screen::Workshop(_) => self.update_workshop(action, now),
            Screen::Snapshot(_) => super::snapshot::update(self, action, now),
        }
    }

    /// `q` or Ctrl-C, from anywhere: while a timer runs in front of the room it asks first
    /// (asked already, it quits); otherwise it quits, since everything is saved.
    fn quit(&mut self) -> Vec<Effect> {
        if matches!(self.overlay, Some(Overlay::ConfirmQuit { .. })) || self.too_small() {
            return vec![Effect::Quit];
        }
        let Some(w) = self.workshop_mut() else {
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

    fn update_overlay(&mut self, action: Action, now: OffsetDateTime) -> Vec<Effect> {
        let Some(overlay) = self.overlay.take() else {
            return Vec::new();
        };
        match (overlay, action) {
            (Overlay::Help(_), Action::Close | Action::Help) => {
                self.help_scroll = 0;
                Vec::new()
            }
            (Overlay::Help(ctx), action) => {
                self.scroll_help(ctx, &action);
                self.overlay = Some(Overlay::Help(ctx));
                Vec::new()
            }
            (Overlay::ConfirmQuit { .. }, Action::Yes) => vec![Effect::Quit],
            (Overlay::ConfirmQuit { back }, Action::No | Action::Close) => {
                self.overlay = back.map(|b| *b);
                Vec::new()
            }
            (Overlay::ConfirmLeave, Action::Yes) => {
                vec![Effect::CloseSession, Effect::RefreshList]
            }
            (Overlay::ConfirmStep { forward }, Action::Yes) => {
                let step = if forward {
                    Action::NextStep
                } else {
                    Action::PreviousStep
                };
                self.update_screen(step, now)
            }
            (Overlay::ConfirmDelete { id, name }, Action::Yes) => {
                if let Screen::Home(home) = &mut self.screen {
                    home.last_deleted = Some(id.clone());
                }
                self.say(format!(
                    "Moved {name:?} to the trash. Press u to bring it back."
                ));
                vec![Effect::Delete { id }, Effect::RefreshList]
            }
            (Overlay::ConfirmDropDeleted { .. }, Action::Yes) => self.drop_deleted(now),
            (Overlay::ConfirmPaste(lines), Action::Yes) => self.add_notes(&lines, now),
            (Overlay::ConfirmPaste(lines), Action::No | Action::Close) => {
                self.say(format!("Paste of {} lines discarded.", lines.len()));
                Vec::new()
            }
            (Overlay::FillPaste { category, .. }, Action::Paste(text)) => {
                self.fill_pasted(category, &text)
            }
            (Overlay::FillPaste { category, .. }, Action::No | Action::Close) => {
                self.say(format!("Nothing pasted for {category}."));
                Vec::new()
            }
            (Overlay::ConfirmFill(preview), Action::Yes) => vec![Effect::SaveDeck(preview)],
            (Overlay::ConfirmFill(preview), Action::No | Action::Close) => {
                self.say(format!(
                    "Paste for {} discarded; nothing saved.",
                    preview.category
                ));
                Vec::new()
            }
            (
                Overlay::ConfirmLeave
                | Overlay::ConfirmStep { .. }
                | Overlay::ConfirmDelete { .. }
                | Overlay::ConfirmDropDeleted { .. },
                Action::No | Action::Close,
            ) => Vec::new(),
            (
                o @ (Overlay::ConfirmQuit { .. }
                | Overlay::ConfirmLeave
                | Overlay::ConfirmStep { .. }
                | Overlay::ConfirmDelete { .. }
                | Overlay::ConfirmDropDeleted { .. }
                | Overlay::ConfirmPaste(_)
                | Overlay::FillPaste { .. }
                | Overlay::ConfirmFill(_)),
                _,
            ) => {
                self.overlay = Some(o);
                Vec::new()
            }
            (Overlay::Text { .. }, Action::Close) => Vec::new(),
            (Overlay::Text { purpose, input }, Action::Submit) => {
                self.finish_text(purpose, input.value(), now)
            }
            (Overlay::Text { purpose, mut input }, action) => {
                edit_input(&mut input, action);
                self.overlay = Some(Overlay::Text { purpose, input });
                Vec::new()
            }
            (Overlay::Move(_), Action::Close) => Vec::new(),
            (Overlay::Move(target), Action::Submit) => self.finish_move(target, now),
            (Overlay::Move(mut target), action) => {
                let groups = self.workshop().map_or(1, |w| w.session.groups.len() as u32);
                let cats = self
                    .workshop()
                    .map_or(1, |w| w.session.categories.len().max(1));
                match action {
                    Action::Up => target.row = (target.row + 2) % 3,
                    Action::Down => target.row = (target.row + 1) % 3,
                    Action::CyclePrompt => target.prompt = target.prompt.next(),
                    Action::Left | Action::Right => {
                        let fwd = action == Action::Right;
                        match target.row {
                            0 => target.group = cycle_u32(target.group, groups, fwd),
                            1 => target.category = cycle(target.category, cats, fwd),
                            _ => {
                                target.prompt = if fwd {
                                    target.prompt.next()
                                } else {
                                    target.prompt.next().next()
                                }
                            }
                        }
                    }
                    _ => {}
                }
                self.overlay = Some(Overlay::Move(target));
                Vec::new()
            }
            (Overlay::Export { .. }, Action::Close) => Vec::new(),
            (Overlay::Export { selected }, action) => {
                let choices = self
                    .workshop()
                    .map(|w| export_choices(&w.session))
                    .unwrap_or_default();
                match action {
                    Action::Submit => {
                        if let Some(c) = choices.get(selected) {
                            return vec![Effect::Export {
                                format: c.format,
                                scopes: c.scopes.clone(),
                                bom: c.bom,
                            }];
                        }
                        Vec::new()
                    }
                    Action::Up | Action::Down => {
                        let n = choices.len().max(1);
                        let selected = cycle(selected, n, action == Action::Down);
                        self.overlay = Some(Overlay::Export { selected });
                        Vec::new()
                    }
                    Action::Help => {
                        self.overlay = Some(Overlay::Help(Context::Export));
                        Vec::new()
                    }
                    _ => {
                        self.overlay = Some(Overlay::Export { selected });
                        Vec::new()
                    }
                }
            }
        }
    }

    /// Scrolls the help, stopping where its last line is on screen.
    fn scroll_help(&mut self, ctx: Context, action: &Action) {
        let lines = super::keymap::help_lines(ctx).len();
        let rows = self.window.map_or(lines, |(_, h)| {
            super::views::help_rows(h, self.status.is_some()).max(1)
        });
        let last = u16::try_from(lines.saturating_sub(rows)).unwrap_or(u16::MAX);
        let s = self.help_scroll.min(last);
        self.help_scroll = match action {
            Action::Up => s.saturating_sub(1),
            Action::Down => s.saturating_add(1),
            Action::PageUp => s.saturating_sub(rows as u16),
            Action::PageDown => s.saturating_add(rows as u16),
            _ => s,
        }
        .min(last);
    }

    fn finish_text(
        &mut self,
        purpose: TextPurpose,
        value: &str,
        now: OffsetDateTime,
    ) -> Vec<Effect> {
        match purpose {
            TextPurpose::Rename(id) => {
                let name = crate::workshop::text::sanitize_line(value);
                if name.is_empty() {
                    self.fail("A session needs a name; nothing was changed.");
                    return Vec::new();
                }
                vec![Effect::Rename { id, name }, Effect::RefreshList]
            }
            TextPurpose::EditNote(id) => {
                let Some(w) = self.workshop_mut() else {
                    return Vec::new();
                };
                match w.session.edit_note(id, value, now) {
                    Ok(change) => {
                        w.history.record(change);
                        self.say("Note changed. u undoes.");
                        self.save_effect()
                    }
                    Err(e) => {
                        let input = Input::new(value.to_string());
                        self.overlay = Some(Overlay::Text {
                            purpose: TextPurpose::EditNote(id),
                            input,
                        });
                        self.fail(format!("Not saved: {e}."));
                        Vec::new()
                    }
                }
            }
        }
    }

    fn finish_move(&mut self, target: MoveTarget, now: OffsetDateTime) -> Vec<Effect> {
        let Some(w) = self.workshop_mut() else {
            return Vec::new();
        };
        let placement = Placement {
            group: target.group,
            category: w.session.categories.get(target.category).cloned(),
            prompt: target.prompt,
        };
        match w.session.move_note(target.note, placement, now) {
            Ok(change) => {
                w.history.record(change);
                self.say("Note moved. u undoes.");
                self.save_effect()
            }
            Err(e) => {
                self.fail(format!("Not moved: {e}."));
                Vec::new()
            }
        }
    }

    /// Asks before dropping the open session's deleted notes, or says there are none.
    fn ask_drop_deleted(&mut self) {
        let Some(w) = self.workshop() else {
            return;
        };
        match w.session.deleted_note_count() {
            0 => self.say("This session keeps no deleted notes."),
            count => self.overlay = Some(Overlay::ConfirmDropDeleted { count }),
        }
    }

    /// Drops the open session's deleted notes for good, with every undo step that could bring
    /// one back, and has the loop save and then remove the backup that still holds them.
    fn drop_deleted(&mut self, now: OffsetDateTime) -> Vec<Effect> {
        match &mut self.screen {
            Screen::Snapshot(s) => s.history = Default::default(),
            Screen::Workshop(w) => w.history = History::default(),
            _ => {}
        }
        let Some(w) = self.workshop_mut() else {
            return Vec::new();
        };
        let dropped = w.session.drop_deleted_notes(now);
        let id = w.session.id.clone();
        self.say(format!(
            "Dropped {dropped} deleted note{} for good, with the backup copy; undo starts afresh.",
            if dropped == 1 { "" } else { "s" }
        ));
        let mut effects = self.save_effect();
        effects.push(Effect::DropBackup { id });
        effects
    }

    fn save_effect(&mut self) -> Vec<Effect> {
        self.save = SaveState::Pending;
        vec![Effect::Save]
    }

    fn update_home(&mut self, action: Action, now: OffsetDateTime) -> Vec<Effect> {
        let Screen::Home(home) = &mut self.screen else {
            return Vec::new();
        };
        let n = home.sessions.len() + 1;
        let chosen = home
            .selected
            .checked_sub(1)
            .and_then(|i| home.sessions.get(i))
            .cloned();
        match action {
            Action::Up => home.selected = home.selected.saturating_sub(1),
            Action::Down => home.selected = (home.selected + 1).min(n - 1),
            Action::PageUp => home.selected = home.selected.saturating_sub(PAGE as usize),
            Action::PageDown => home.selected = (home.selected + PAGE as usize).min(n - 1),
            Action::Submit => match chosen {
                None => {
                    self.screen = Screen::Setup(Box::new(SetupForm::new(&self.library, now)));
                }
                Some(s) => return vec![Effect::Open(s.id)],
            },
            Action::Rename => {
                if let Some(s) = chosen {
                    self.overlay = Some(Overlay::Text {
                        purpose: TextPurpose::Rename(s.id),
                        input: Input::new(s.name),
                    });
                }
            }
            Action::Duplicate => {
                if let Some(s) = chosen {
                    self.say(format!(
                        "Copied the set-up of {:?} as a new workshop.",
                        s.name
                    ));
                    return vec![Effect::Duplicate { id: s.id }, Effect::RefreshList];
                }
            }
            Action::Delete => {
                if let Some(s) = chosen {
                    self.overlay = Some(Overlay::ConfirmDelete {
                        id: s.id,
                        name: s.name,
                    });
                }
            }
            Action::Undo => {
                if let Some(id) = home.last_deleted.take() {
                    self.say("Restored from the trash.");
                    return vec![Effect::Restore { id }, Effect::RefreshList];
                }
                self.say("Nothing to undo.");
            }
            Action::Help => self.overlay = Some(Overlay::Help(Context::Home)),
            // Esc has nothing to close here; quitting is q, on purpose.
            Action::Close => self.say("Nothing to close here: q quits."),
            _ => {}
        }
        Vec::new()
    }

    fn update_setup(&mut self, action: Action) -> Vec<Effect> {
        let Screen::Setup(form) = &mut self.screen else {
            return Vec::new();
        };
        let library = &self.library;
        match action {
            Action::Up => form.move_focus(library, false),
            Action::Down => form.move_focus(library, true),
            Action::Left | Action::Right
                if !form.focus.is_text() || form.focus == Field::Groups =>
            {
                form.cycle(library, action == Action::Right)
            }
            Action::Submit => match form.validate(library) {
                Ok(spec) => return vec![Effect::Create(spec)],
                Err(errors) => {
                    form.focus = errors[0].0;
                    let first = errors[0].1.clone();
                    form.errors = errors;
                    self.fail(format!("Check the set-up: {first}."));
                    return Vec::new();
                }
            },
            Action::Close => {
                self.go_home();
                return vec![Effect::RefreshList];
            }
            // In a text field `?` is a character like any other.
            Action::Help if form.focus.is_text() => {
                let focus = form.focus;
                if let Some(input) = form.input_mut(focus) {
                    edit_input(input, Action::Insert('?'));
                }
            }
            Action::Help => self.overlay = Some(Overlay::Help(Context::Setup)),
            other => {
                let focus = form.focus;
                if let Some(input) = form.input_mut(focus) {
                    edit_input(input, other);
                    form.errors.retain(|(f, _)| *f != focus);
                }
            }
        }
        Vec::new()
    }

    fn update_workshop(&mut self, action: Action, now: OffsetDateTime) -> Vec<Effect> {
        let context = self.context();
        let Some(w) = self.workshop_mut() else {
            return Vec::new();
        };
        if w.blank {
            if matches!(action, Action::ToggleBlank | Action::Close) {
                w.blank = false;
            }
            return Vec::new();
        }
        if w.entry.is_some() {
            return self.update_entry(action, now);
        }
        let groups = w.session.groups.len() as u32;
        match action {
            Action::ToggleTimer => {
                w.session.timer.toggle(now);
                w.session.updated = now;
                return self.save_effect();
            }
            Action::AddTime | Action::RemoveTime => {
                let secs = if action == Action::AddTime {
                    NUDGE_SECONDS
                } else {
                    -NUDGE_SECONDS
                };
                w.session.timer.nudge(secs, now);
                w.session.updated = now;
                // A countdown pushed back above zero may ring again at its new deadline.
                if !w.session.timer.reading(now).is_over() {
                    w.rang_at = None;
                }
                return self.save_effect();
            }
            Action::NextStep | Action::PreviousStep => {
                let moved = if action == Action::NextStep {
                    w.session.next_step(now)
                } else {
                    w.session.previous_step(now)
                };
                if moved {
                    w.content_scroll = 0;
                    w.rang_at = None;
                    return self.save_effect();
                }
                self.say(if action == Action::NextStep {
                    "This is the last step: the wrap-up."
                } else {
                    "This is the first step."
                });
            }
            Action::ChooseGroup(g) => {
                if g <= groups {
                    w.group = g;
                    w.board.selected = 0;
                } else {
                    self.fail(format!(
                        "There is no group {g}; this workshop has {groups}."
                    ));
                }
            }
            Action::NextGroup => {
                w.group = cycle_u32(w.group, groups, true);
                w.board.selected = 0;
            }
            Action::AddNotes => {
                let draft = w.draft.take();
                let restored = draft.is_some();
                w.entry = Some(draft.unwrap_or_default());
                if restored {
                    // "Draft kept" has done its job once the draft is back.
                    self.status = None;
                }
            }
            Action::Undo | Action::Redo => {
                let done = if action == Action::Undo {
                    w.history.undo(&mut w.session, now)
                } else {
                    w.history.redo(&mut w.session, now)
                }
                .map(Change::summary);
                if let Some(what) = done {
                    let word = if action == Action::Undo {
                        "Undone"
                    } else {
                        "Redone"
                    };
                    self.say(format!("{word}: {what}."));
                    return self.save_effect();
                }
                self.say("Nothing to undo or redo.");
            }
            Action::ShowRun => w.view = View::Run,
            Action::ShowBoard => w.view = View::Board,
            Action::ShowRotation => w.view = View::Rotation,
            Action::ToggleBlank => w.blank = true,
            Action::ToggleBoardView => {
                w.board.by_category = !w.board.by_category;
                w.board.selected = 0;
                if let Some(c) = w.session.category_index_for(w.group) {
                    w.board.category = c;
                }
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown
                if context == Context::Run =>
            {
                // Stops at the end of the text: the pane never scrolls to empty, and ↑ acts at
                // once after a scroll to the end.
                let limit = match (&self.screen, self.window) {
                    (Screen::Workshop(w), Some((width, height))) => {
                        super::views::content_scroll_limit(self, w, width, height)
                    }
                    _ => u16::MAX,
                };
                if let Some(w) = self.workshop_mut() {
                    let at = w.content_scroll.min(limit);
                    w.content_scroll = match action {
                        Action::Up => at.saturating_sub(1),
                        Action::Down => at.saturating_add(1),
                        Action::PageUp => at.saturating_sub(PAGE),
                        _ => at.saturating_add(PAGE),
                    }
                    .min(limit);
                }
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let n = board_notes(w).len();
                let step = if matches!(action, Action::PageUp | Action::PageDown) {
                    PAGE as usize
                } else {
                    1
                };
                w.board.selected = if matches!(action, Action::Up | Action::PageUp) {
                    w.board.selected.saturating_sub(step)
                } else {
                    (w.board.selected + step).min(n.saturating_sub(1))
                };
            }
            Action::Left | Action::Right => {
                let fwd = action == Action::Right;
                if w.board.by_category {
                    w.board.category = cycle(w.board.category, w.session.categories.len(), fwd);
                } else {
                    w.group = cycle_u32(w.group, groups, fwd);
                }
                w.board.selected = 0;
            }
            Action::EditNote => {
                if let Some(note) = selected_note(w).and_then(|id| w.session.note(id)) {
                    self.overlay = Some(Overlay::Text {
                        purpose: TextPurpose::EditNote(note.id),
                        input: Input::new(note.text.clone()),
                    });
                }
            }
            Action::MoveNote => {
                if let Some(note) = selected_note(w).and_then(|id| w.session.note(id)) {
                    let p = &note.placement;
                    let category = p
                        .category
                        .as_deref()
                        .and_then(|c| w.session.categories.iter().position(|x| x == c))
                        .unwrap_or(0);
                    self.overlay = Some(Overlay::Move(MoveTarget {
                        note: note.id,
                        group: p.group,
                        category,
                        prompt: p.prompt,
                        row: 0,
                    }));
                }
            }
            Action::DeleteNote => {
                if let Some(id) = selected_note(w) {
                    match w.session.delete_note(id, now) {
                        Ok(change) => {
                            w.history.record(change);
                            let n = board_notes(w).len();
                            w.board.selected = w.board.selected.min(n.saturating_sub(1));
                            self.say("Note deleted. u brings it back.");
                            return self.save_effect();
                        }
                        Err(e) => self.fail(e.to_string()),
                    }
                }
            }
            Action::Export => self.overlay = Some(Overlay::Export { selected: 0 }),
            Action::FillCategory if context == Context::Run => return self.start_fill(),
            Action::Help => self.overlay = Some(Overlay::Help(context)),
            Action::Close => {
                if w.view != View::Run {
                    w.view = View::Run;
                } else {
                    // The session list must never reach the projector by accident.
                    self.overlay = Some(Overlay::ConfirmLeave);
                }
            }
            Action::Paste(text) => return self.paste(&text, now),
            _ => {}
        }
        Vec::new()
    }

    fn update_entry(&mut self, action: Action, now: OffsetDateTime) -> Vec<Effect> {
        let Some(w) = self.workshop_mut() else {
            return Vec::new();
        };
        let groups = w.session.groups.len() as u32;
        let step_prompt = w.session.step().kind.default_prompt();
        let Some(entry) = w.entry.as_mut() else {
            return Vec::new();
        };
        match action {
            Action::Close => {
                let entry = w.entry.take();
                if let Some(e) = entry.filter(|e| !e.input.value().trim().is_empty()) {
                    w.draft = Some(e);
                    self.say(DRAFT_KEPT);
                }
            }
            Action::CyclePrompt => {
                entry.prompt = Some(entry.prompt.unwrap_or(step_prompt).next());
            }
            Action::ToggleInitials => entry.on_initials = !entry.on_initials,
            Action::Up => w.group = cycle_u32(w.group, groups, false),
            Action::Down => w.group = cycle_u32(w.group, groups, true),
            Action::Submit => {
                let text = entry.input.value().to_string();
                if text.trim().is_empty() {
                    self.say("Type a note, then Enter. Esc closes the input.");
                    return Vec::new();
                }
                return self.add_notes(&[text], now);
            }
            Action::Paste(text) => return self.paste(&text, now),
            other => {
                let input = if entry.on_initials {
                    &mut entry.initials
                } else {
                    &mut entry.input
                };
                edit_input(input, other);
                // The last "Saved …" is old news once the next note is being typed.
                self.status = None;
            }
        }
        Vec::new()
    }

    /// A paste: one line goes into the input; several become notes after the trainer says yes.
    fn paste(&mut self, text: &str, now: OffsetDateTime) -> Vec<Effect> {
        let lines = pasted_lines(text);
        let Some(w) = self.workshop_mut() else {
            return Vec::new();
        };
        let entry = w
            .entry
            .get_or_insert_with(|| w.draft.take().unwrap_or_default());
        match lines.len() {
            0 => Vec::new(),
            1 => {
                let input = if entry.on_initials {
                    &mut entry.initials
                } else {
                    &mut entry.input
                };
                insert_str(input, &lines[0]);
                let _ = now;
                Vec::new()
            }
            _ => {
                self.overlay = Some(Overlay::ConfirmPaste(lines));
                Vec::new()
            }
        }
    }

    /// Adds notes for the chosen group at the entry's prompt; keeps the input open.
    fn add_notes(&mut self, texts: &[String], now: OffsetDateTime) -> Vec<Effect> {
        let Some(w) = self.workshop_mut() else {
            return Vec::new();
        };
        let entry = w.entry.clone().unwrap_or_default();
        let placement = entry_placement(w);
        let initials = entry.initials.value().trim().to_string();
        let initials = (!initials.is_empty()).then_some(initials.as_str());
        let (mut changes, mut refused) = (Vec::new(), Vec::new());
        for text in texts {
            match w.session.add_note(text, placement.clone(), initials, now) {
                Ok(change) => changes.push(change),
                Err(e) => refused.push(e.to_string()),
            }
        }
        let added = changes.len();
        // A paste is one step back with u, however many notes it made.
        match changes.len() {
            0 => {}
            1 => w.history.record(changes.remove(0)),
            _ => w.history.record(Change::Batch(changes)),
        }
        if let Some(e) = w.entry.as_mut() {
            e.saved += added;
            if refused.is_empty() {
                e.input = Input::default();
                e.initials = Input::default();
                e.on_initials = false;
            }
        }
        let where_ = format!(
            "{} · {} · {}",
            super::views::group_label(&w.session, placement.group),
            placement.category.as_deref().unwrap_or("Commitments"),
            placement.prompt.label()
        );
        if refused.is_empty() {
            self.say(format!(
                "Saved {added} note{} to {where_}.",
                if added == 1 { "" } else { "s" }
            ));
        } else {
            self.fail(format!("Saved {added}; not saved: {}.", refused.join("; ")));
        }
        if added > 0 {
            self.save_effect()
        } else {
            Vec::new()
        }
    }

    /// The loop reports how saving went.
    pub fn saved(&mut self, result: Result<(), String>) {
        self.save = match result {
            Ok(()) => SaveState::Saved,
            Err(e) => SaveState::Failed(e),
        };
        self.dirty = true;
    }
}

/// The notes shown on the board's current page, in display order.
pub fn board_notes(w: &Workshop) -> Vec<NoteId> {
    board_page(w).into_iter().map(|n| n.id).collect()
}

/// The notes on the board's current page, in display order: a group's page is its categories in
/// session order (already using, then could enhance), then its commitments; one category across
/// groups is each group in order (already, then enhance). Within a section notes keep the order
/// they were written. One pass over the notes, so a page of thousands costs no more than a
/// glance at each note (drawing and every board keystroke use it).
pub fn board_page(w: &Workshop) -> Vec<&Note> {
    let s = &w.session;
    let prompt_slot = |p: Prompt| match p {
        Prompt::Already => Some(0),
        Prompt::Enhance => Some(1),
        Prompt::Commitment => None,
    };
    let category_index = |n: &Note| {
        let c = n.placement.category.as_deref()?;
        s.categories.iter().position(|x| x == c)
    };
    // Sections in display order; each note goes to at most one.
    let mut sections: Vec<Vec<&Note>>;
    if w.board.by_category {
        if w.board.category >= s.categories.len() {
            return Vec::new();
        }
        sections = vec![Vec::new(); s.groups.len() * 2];
        for n in &s.notes {
            let (Some(slot), Some(c)) = (prompt_slot(n.placement.prompt), category_index(n)) else {
                continue;
            };
            if c != w.board.category {
                continue;
            }
            // Groups are listed in session order; a group number not in it is not shown.
            if let Some(g) = s.groups.iter().position(|g| g.number == n.placement.group) {
                sections[g * 2 + slot].push(n);
            }
        }
    } else {
        sections = vec![Vec::new(); s.categories.len() * 2 + 1];
        let commitments = s.categories.len() * 2;
        for n in s.notes.iter().filter(|n| n.placement.group == w.group) {
            match prompt_slot(n.placement.prompt) {
                None => sections[commitments].push(n),
                Some(slot) => {
                    if let Some(c) = category_index(n) {
                        sections[c * 2 + slot].push(n);
                    }
                }
            }
        }
    }
    sections.concat()
}

fn selected_note(w: &Workshop) -> Option<NoteId> {
    board_notes(w).get(w.board.selected).copied()
}

/// Where the scribe's next note goes: the chosen group's place in this step, at the prompt
/// the entry has chosen (a commitment has no category; a category prompt needs one).
pub fn entry_placement(w: &Workshop) -> Placement {
    let mut placement = w.session.placement_now(w.group);
    let p = entry_prompt(w);
    if p != placement.prompt {
        placement.prompt = p;
        if p == Prompt::Commitment {
            placement.category = None;
        } else if placement.category.is_none() {
            placement.category = w
                .session
                .category_for(w.group)
                .or(w.session.categories.first().map(String::as_str))
                .map(str::to_string);
        }
    }
    placement
}

/// The prompt the scribe's next note goes to.
pub fn entry_prompt(w: &Workshop) -> Prompt {
    w.entry
        .as_ref()
        .and_then(|e| e.prompt)
        .unwrap_or_else(|| w.session.step().kind.default_prompt())
}

/// Whether the step is one of the timed brainstorm/share steps (or the commitment).
pub fn is_timed_step(kind: StepKind) -> bool {
    !matches!(kind, StepKind::Read | StepKind::WrapUp)
}

fn cycle(i: usize, n: usize, forward: bool) -> usize {
    if n == 0 {
        return 0;
    }
    if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }
}

fn cycle_u32(g: u32, n: u32, forward: bool) -> u32 {
    cycle(g.saturating_sub(1) as usize, n as usize, forward) as u32 + 1
}
