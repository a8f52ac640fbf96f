//! The command line: clap definitions and the non-interactive commands.

use crate::console;
use crate::content::{self, Library, Role};
use crate::export::{self, Format, Scope};
use crate::note_lines;
use crate::store::{STORE_ENV, Store, Summary};
use crate::ui::theme::ThemeName;
use crate::workshop::duration::parse_duration;
use crate::workshop::session::session_name;
use crate::workshop::{
    Activity, Durations, HeadingId, Mode, Placement, Prompt, Session, SessionSpec,
};
use anyhow::{Context, Result, anyhow, bail};
use clap::{Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

/// Run California Child Welfare Core Practice Model workshops from a projected terminal.
#[derive(Debug, Parser)]
#[command(name = "cpm-workshop", version = crate::cli_conventions::VERSION, about, long_about = None)]
pub struct Cli {
    /// Folder holding the session files (default: the platform's data folder).
    #[arg(long, global = true, env = STORE_ENV, value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// Folder of extra or replacement decks (*.md) and activities (activities/*.json).
    #[arg(long, global = true, env = CONTENT_ENV, value_name = "DIR")]
    pub content: Option<PathBuf>,
    /// Colour theme of the full-screen app (NO_COLOR turns colours off whatever this says).
    #[arg(long, global = true, value_enum, default_value_t)]
    pub theme: ThemeName,
    /// Where the app writes exports (default: Documents/cpm-workshop, else <store>/exports).
    #[arg(long, global = true, env = EXPORTS_ENV, value_name = "DIR")]
    pub exports: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Environment variable standing in for `--content`.
pub const CONTENT_ENV: &str = "CPM_WORKSHOP_CONTENT";
/// Environment variable standing in for `--exports`.
pub const EXPORTS_ENV: &str = "CPM_WORKSHOP_EXPORTS";

impl Cli {
    /// This process's command line. `cpm-workshop` alone (how a trainer starts the app) is
    /// answered without building clap's parser for every subcommand, which costs a third of a
    /// millisecond of a cold start; anything else, and any environment clap might question,
    /// goes through clap. A test checks the shortcut gives what clap gives.
    pub fn from_process() -> Cli {
        if std::env::args_os().len() <= 1
            && let Some(cli) = Cli::without_arguments(|name| std::env::var_os(name))
        {
            return cli;
        }
        Cli::try_parse().unwrap_or_else(|e| console::exit_for_clap_error(e))
    }

    /// What clap makes of no arguments in the environment `env`, or `None` if a variable is
    /// set but empty (clap's error for that is the one to show).
    fn without_arguments(env: impl Fn(&str) -> Option<OsString>) -> Option<Cli> {
        let dir = |name: &str| match env(name) {
            Some(value) if value.is_empty() => Err(()),
            value => Ok(value.map(PathBuf::from)),
        };
        Some(Cli {
            store: dir(STORE_ENV).ok()?,
            content: dir(CONTENT_ENV).ok()?,
            theme: ThemeName::default(),
            exports: dir(EXPORTS_ENV).ok()?,
            command: None,
        })
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the full-screen app straight into a session.
    Open {
        /// Session id or an unambiguous start of its name.
        session: String,
    },
    /// Create a session and print its id.
    New(NewArgs),
    /// List saved sessions, newest first.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Add notes to a session: TEXT, or '-' to read one note per line from standard input.
    /// Sticky-note sessions take --group and --prompt; Snapshot warm-ups --dimension and --heading.
    Add(AddArgs),
    /// Snapshot warm-up: record the room's show of hands for one stage of a dimension.
    Vote(VoteArgs),
    /// Export a session's notes.
    Export(ExportArgs),
    /// Rename a session.
    Rename { session: String, name: String },
    /// Copy a session's set-up (deck, groups, times) into a new session without notes.
    Duplicate {
        session: String,
        /// Name of the copy (default: "<name> (copy)").
        #[arg(long)]
        name: Option<String>,
    },
    /// Move a session to the store's trash (restorable).
    Delete { session: String },
    /// List the trash, or bring a session back from it.
    Restore {
        /// Id of the trashed session; omit to list the trash.
        session: Option<String>,
    },
    /// Remove a session and every copy of its notes for good, or empty the trash (--trash).
    Purge(crate::cli_purge::PurgeArgs),
    /// Decks and activity scripts.
    #[command(subcommand)]
    Content(ContentCommand),
    /// Print a completion script for a shell (see README: "Shell completions and man page").
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff) to standard output.
    Man,
}

/// `cpm-workshop new` options.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// Session name (default: the activity and today's date).
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long, value_enum, default_value_t = ActivityArg::Sticky)]
    pub activity: ActivityArg,
    /// Deck id (see `content list`).
    #[arg(long, default_value = "practice")]
    pub deck: String,
    /// Number of groups (tables), 2 to 12.
    #[arg(long, default_value_t = 4)]
    pub groups: u32,
    /// Group names, comma-separated, in group order.
    #[arg(long, value_delimiter = ',')]
    pub group_names: Vec<String>,
    #[arg(long, value_enum, default_value_t = ModeArg::Together)]
    pub mode: ModeArg,
    /// Brainstorm length: 90s, 2m, 1:30.
    #[arg(long, value_name = "DUR", value_parser = duration_arg)]
    pub brainstorm: Option<u32>,
    /// Share length.
    #[arg(long, value_name = "DUR", value_parser = duration_arg)]
    pub share: Option<u32>,
    /// Commitment length.
    #[arg(long, value_name = "DUR", value_parser = duration_arg)]
    pub commitment: Option<u32>,
    /// Time the read step too (untimed by default).
    #[arg(long, value_name = "DUR", value_parser = duration_arg)]
    pub read: Option<u32>,
    /// Show only this role's items of the leadership deck.
    #[arg(long, value_enum)]
    pub role: Option<RoleArg>,
}

/// `cpm-workshop add` options.
#[derive(Debug, clap::Args)]
pub struct AddArgs {
    pub session: String,
    /// Group number (1-based); sticky-note sessions.
    #[arg(long, required_unless_present = "dimension")]
    pub group: Option<u32>,
    /// Category name (default: the group's category at the session's current step).
    #[arg(long)]
    pub category: Option<String>,
    /// Sticky-note sessions: which prompt the note answers.
    #[arg(long, value_enum, required_unless_present = "dimension")]
    pub prompt: Option<PromptArg>,
    /// Snapshot warm-ups: the dimension (1-based, in the order the intro lists them).
    #[arg(
        long,
        requires = "heading",
        conflicts_with_all = ["group", "prompt", "category", "initials"]
    )]
    pub dimension: Option<u32>,
    /// Snapshot warm-ups: the heading the note goes under.
    #[arg(long, value_enum, requires = "dimension")]
    pub heading: Option<HeadingArg>,
    /// Author's initials.
    #[arg(long)]
    pub initials: Option<String>,
    /// The note, or '-' to read one note per line from standard input.
    pub text: String,
}

/// `cpm-workshop vote` options.
#[derive(Debug, clap::Args)]
pub struct VoteArgs {
    pub session: String,
    /// The dimension (1-based, in the order the intro lists them).
    #[arg(long)]
    pub dimension: u32,
    /// The stage of the scale (1-based: 1 is the first stage, e.g. "just getting started").
    #[arg(long)]
    pub stage: u32,
    /// How many hands.
    #[arg(long, default_value_t = 1)]
    pub count: u32,
}

/// `cpm-workshop export` options.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    pub session: String,
    #[arg(long, value_enum)]
    pub format: Format,
    /// Only this group's handout.
    #[arg(long, conflicts_with_all = ["category", "commitments"])]
    pub group: Option<u32>,
    /// Only this category, across groups.
    #[arg(long, conflicts_with = "commitments")]
    pub category: Option<String>,
    /// Only the commitments.
    #[arg(long)]
    pub commitments: bool,
    /// Write here instead of standard output ('-' for standard output).
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// CSV only: start with a UTF-8 byte-order mark, so Excel shows accents and emoji correctly.
    #[arg(long)]
    pub bom: bool,
}

/// `cpm-workshop content …`.
#[derive(Debug, Subcommand)]
pub enum ContentCommand {
    /// List the decks: id, title, categories, source.
    List,
    /// Print one deck.
    Show {
        deck: String,
        #[arg(long, value_enum)]
        role: Option<RoleArg>,
    },
    /// Validate a deck file or a content folder; exits non-zero with the errors.
    Check { path: PathBuf },
    /// Make a deck file from text copied out of a PDF or Word handout ('-' reads standard input).
    Import(ImportArgs),
}

/// `cpm-workshop content import FILE --title TITLE [--source TEXT] -o DECK.md`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The pasted text, or '-' for standard input.
    pub file: PathBuf,
    /// The deck's title.
    #[arg(long)]
    pub title: String,
    /// The handout's title and section, for the deck's `source:` line.
    #[arg(long)]
    pub source: Option<String>,
    /// The deck file to write (put it in your --content folder).
    #[arg(short = 'o', long = "output", value_name = "DECK.md")]
    pub output: PathBuf,
    /// Replace the deck file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Which activity (command-line spelling).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ActivityArg {
    Sticky,
    Snapshot,
}

/// Which mode (command-line spelling).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ModeArg {
    Together,
    Rotation,
}

/// Which prompt (command-line spelling).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PromptArg {
    Already,
    Enhance,
    Commitment,
}

/// Which Snapshot heading a note goes under (command-line spelling).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum HeadingArg {
    Strengths,
    Opportunities,
    Feasibility,
}

impl From<HeadingArg> for HeadingId {
    fn from(h: HeadingArg) -> Self {
        match h {
            HeadingArg::Strengths => HeadingId::Strengths,
            HeadingArg::Opportunities => HeadingId::Opportunities,
            HeadingArg::Feasibility => HeadingId::Feasibility,
        }
    }
}

/// Which role (command-line spelling).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    Supervisors,
    Managers,
    Directors,
}

impl From<ActivityArg> for Activity {
    fn from(a: ActivityArg) -> Self {
        match a {
            ActivityArg::Sticky => Activity::Sticky,
            ActivityArg::Snapshot => Activity::Snapshot,
        }
    }
}

impl From<ModeArg> for Mode {
    fn from(m: ModeArg) -> Self {
        match m {
            ModeArg::Together => Mode::Together,
            ModeArg::Rotation => Mode::Rotation,
        }
    }
}

impl From<PromptArg> for Prompt {
    fn from(p: PromptArg) -> Self {
        match p {
            PromptArg::Already => Prompt::Already,
            PromptArg::Enhance => Prompt::Enhance,
            PromptArg::Commitment => Prompt::Commitment,
        }
    }
}

impl From<RoleArg> for Role {
    fn from(r: RoleArg) -> Self {
        match r {
            RoleArg::Supervisors => Role::Supervisors,
            RoleArg::Managers => Role::Managers,
            RoleArg::Directors => Role::Directors,
        }
    }
}

fn duration_arg(s: &str) -> Result<u32, String> {
    parse_duration(s).map_err(|e| e.to_string())
}

/// The current time in the machine's local offset (captured once at start-up by the caller).
pub fn now(offset: time::UtcOffset) -> OffsetDateTime {
    OffsetDateTime::now_utc().to_offset(offset)
}

/// The store folder named on the command line, or the platform default.
pub fn store_dir(cli: &Cli) -> Result<PathBuf> {
    match &cli.store {
        Some(dir) => Ok(dir.clone()),
        None => Ok(Store::default_dir()?),
    }
}

/// Opens the store named on the command line, or the platform default.
pub fn open_store(cli: &Cli) -> Result<Store> {
    Ok(Store::open(store_dir(cli)?)?)
}

/// Opens the store only to read it (list, export), so a write-protected folder still works.
pub fn open_store_for_reading(cli: &Cli) -> Result<Store> {
    Ok(Store::open_for_reading(store_dir(cli)?)?)
}

/// The folder the app writes exports to.
pub fn export_dir(cli: &Cli, store: &Store) -> PathBuf {
    if let Some(dir) = &cli.exports {
        return dir.clone();
    }
    directories::UserDirs::new()
        .and_then(|u| u.document_dir().map(|d| d.join("cpm-workshop")))
        .unwrap_or_else(|| store.dir().join("exports"))
}

/// Loads the shipped content, the user content folder and the override folder, reporting
/// skipped files on stderr.
pub fn load_library(cli: &Cli) -> Result<Library> {
    let user = crate::content::user_content_dir();
    let library = Library::load_with_user(user.as_deref(), cli.content.as_deref())?;
    for problem in &library.skipped {
        console::print_warning(&format_args!("skipped {problem}"));
    }
    Ok(library)
}

/// Runs a non-interactive subcommand, writing its output to `out`.
pub fn run(
    cli: &Cli,
    command: &Command,
    offset: time::UtcOffset,
    out: &mut dyn Write,
) -> Result<()> {
    match command {
        Command::Open { .. } => bail!("`open` is handled by the full-screen app"),
        Command::New(args) => new(cli, args, now(offset), out),
        Command::List { json } => list(cli, *json, offset, out),
        Command::Add(args) => add(cli, args, now(offset), out),
        Command::Vote(args) => vote(cli, args, now(offset), out),
        Command::Export(args) => export_cmd(cli, args, out),
        Command::Rename { session, name } => {
            let store = open_store(cli)?;
            let name = session_name(name)?;
            let id = store.find(session)?.id;
            let s = store.rename(&id, &name, now(offset))?;
            writeln!(out, "Renamed {} to {:?}", s.id, console::line(&s.name))?;
            Ok(())
        }
        Command::Duplicate { session, name } => {
            let store = open_store(cli)?;
            let found = store.find(session)?;
            let name = match name {
                Some(name) => session_name(name)?,
                None => format!("{} (copy)", found.name),
            };
            let copy = store.duplicate(&found.id, &name, now(offset))?;
            writeln!(out, "{}", copy.id)?;
            Ok(())
        }
        Command::Delete { session } => {
            let store = open_store(cli)?;
            let found = store.find(session)?;
            let to = store.delete(&found.id, now(offset))?;
            writeln!(
                out,
                "Moved {:?} ({}) to the trash: {}\nRestore it with: cpm-workshop restore {}",
                console::line(&found.name),
                found.id,
                console::line(&to.display().to_string()),
                found.id
            )?;
            Ok(())
        }
        Command::Restore { session } => {
            let store = open_store(cli)?;
            match session {
                None => {
                    let trashed = store.trashed()?;
                    if trashed.is_empty() {
                        writeln!(out, "The trash is empty.")?;
                    }
                    for s in trashed {
                        writeln!(out, "{}  {}", s.id, console::line(&s.name))?;
                    }
                }
                Some(id) => {
                    let s = store.restore(id)?;
                    writeln!(out, "Restored {:?} ({})", console::line(&s.name), s.id)?;
                }
            }
            Ok(())
        }
        Command::Purge(args) => crate::cli_purge::run(cli, args, out),
        Command::Content(c) => content_cmd(cli, c, out),
        Command::Completions { shell } => crate::cli_conventions::completions(*shell, out),
        Command::Man => crate::cli_conventions::man(out),
    }
}

fn new(cli: &Cli, args: &NewArgs, now: OffsetDateTime, out: &mut dyn Write) -> Result<()> {
    let library = load_library(cli)?;
    let store = open_store(cli)?;
    let activity = Activity::from(args.activity);
    let (deck, categories) = match activity {
        Activity::Sticky => {
            let deck = library.deck(&args.deck).ok_or_else(|| {
                anyhow!(
                    "no deck {:?}; the decks are: {}",
                    args.deck,
                    deck_ids(&library)
                )
            })?;
            let empty = deck.categories_without_behaviors();
            if !empty.is_empty() {
                eprintln!(
                    "note: no behaviors to read on {}; to fill one, press f on its Read step in the app and paste its behaviors (README, Content)",
                    empty.join(", ")
                );
            }
            (deck.id.clone(), deck.category_names())
        }
        Activity::Snapshot => (
            "snapshot".to_string(),
            library
                .snapshot
                .dimensions
                .iter()
                .map(|d| d.name.clone())
                .collect(),
        ),
    };
    let defaults = Durations::default();
    let durations = Durations {
        read: args.read.or(defaults.read),
        brainstorm: args.brainstorm.unwrap_or(defaults.brainstorm),
        share: args.share.unwrap_or(defaults.share),
        commitment: args.commitment.unwrap_or(defaults.commitment),
    };
    let name = args.name.clone().unwrap_or_else(|| {
        format!(
            "{} {:04}-{:02}-{:02}",
            activity.label(),
            now.year(),
            u8::from(now.month()),
            now.day()
        )
    });
    let spec = SessionSpec {
        name,
        activity,
        deck,
        categories,
        groups: args.groups,
        group_names: args.group_names.clone(),
        mode: args.mode.into(),
        durations,
        role: args.role.map(Role::from),
    };
    let session = Session::new(store.new_id(now), spec, now)?;
    store.create(&session)?;
    writeln!(out, "{}", session.id)?;
    Ok(())
}

fn deck_ids(library: &Library) -> String {
    library
        .decks()
        .iter()
        .map(|d| d.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Lists the sessions; times in the viewer's `offset`, so sessions made in other time zones
/// sort as they read.
fn list(cli: &Cli, json: bool, offset: time::UtcOffset, out: &mut dyn Write) -> Result<()> {
    // A folder that does not exist yet is created (first run); an existing one is only read.
    let store = open_store_for_reading(cli).or_else(|_| open_store(cli))?;
    let listing = store.list()?;
    for problem in &listing.problems {
        console::print_warning(problem);
    }
    if json {
        let rows: Vec<serde_json::Value> = listing.sessions.iter().map(summary_json).collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
        return Ok(());
    }
    if listing.sessions.is_empty() {
        writeln!(
            out,
            "No sessions in {}. Create one with: cpm-workshop new",
            console::line(&store.dir().display().to_string())
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<20} {:<16} {:<9} {:<11} {:>6} {:>6}  NAME",
        "ID", "UPDATED", "ACTIVITY", "DECK", "GROUPS", "NOTES"
    )?;
    for s in &listing.sessions {
        writeln!(
            out,
            "{:<20} {:<16} {:<9} {:<11} {:>6} {:>6}  {}",
            s.id,
            short_time(s.updated.to_offset(offset)),
            s.activity.id(),
            console::line(&s.deck),
            s.groups,
            s.notes,
            console::line(&s.name)
        )?;
    }
    Ok(())
}

fn summary_json(s: &Summary) -> serde_json::Value {
    let rfc = |t: OffsetDateTime| {
        t.format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    };
    serde_json::json!({
        "id": s.id,
        "name": console::line(&s.name),
        "created": rfc(s.created),
        "updated": rfc(s.updated),
        "activity": s.activity.id(),
        "deck": console::line(&s.deck),
        "groups": s.groups,
        "notes": s.notes,
        "path": console::line(&s.path.display().to_string()),
    })
}

/// `2026-11-23 09:32` in the time's own offset.
pub fn short_time(t: OffsetDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

fn add(cli: &Cli, args: &AddArgs, now: OffsetDateTime, out: &mut dyn Write) -> Result<()> {
    let store = open_store(cli)?;
    let id = store.find(&args.session)?.id;
    let _lock = store.lock(&id)?;
    let mut session = store.load(&id)?;
    if let (Some(dimension), Some(heading)) = (args.dimension, args.heading) {
        return add_snapshot(
            cli,
            &store,
            session,
            dimension,
            heading.into(),
            &args.text,
            now,
            out,
        );
    }
    if session.activity == Activity::Snapshot {
        bail!(
            "{:?} is a Snapshot warm-up: add notes with --dimension N --heading strengths|opportunities|feasibility",
            session.name
        );
    }
    let (Some(group), Some(prompt)) = (args.group, args.prompt) else {
        bail!("a note needs --group and --prompt");
    };
    let prompt = Prompt::from(prompt);
    let placement = Placement {
        group,
        category: match (&args.category, prompt) {
            (Some(c), _) => Some(c.clone()),
            (None, Prompt::Commitment) => None,
            (None, _) => session.placement_now(group).category,
        },
        prompt,
    };
    let placement = session.validate_placement(placement)?;
    let initials = args.initials.as_deref();
    if args.text != "-" {
        session.add_note(&args.text, placement, initials, now)?;
        store.save(&session)?;
        let name = console::line(&session.name);
        writeln!(out, "Saved 1 note to {name:?} ({}).", session.id)?;
        return Ok(());
    }
    let fed = note_lines::feed(
        std::io::stdin().lock(),
        &mut session,
        |session, line| {
            session
                .add_note(line, placement.clone(), initials, now)
                .map(drop)
        },
        |session| store.save(session),
    )?;
    report_added(out, fed.saved, &session, None, &fed.problems)
}

/// Says how many notes reached `session` (and, if given, where), then fails with the lines that
/// were refused, if any.
fn report_added(
    out: &mut dyn Write,
    saved: usize,
    session: &Session,
    place: Option<&str>,
    problems: &[String],
) -> Result<()> {
    let place = place
        .map(|p| format!(": {}", console::line(p)))
        .unwrap_or_default();
    writeln!(
        out,
        "Saved {saved} note{} to {:?} ({}){place}.",
        if saved == 1 { "" } else { "s" },
        console::line(&session.name),
        session.id
    )?;
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    Ok(())
}

/// Loads a session for a Snapshot command, refusing any other kind.
fn snapshot_session(store: &Store, query: &str) -> Result<(String, Session)> {
    let id = store.find(query)?.id;
    let session = store.load(&id)?;
    if session.activity != Activity::Snapshot {
        bail!(
            "{:?} is a {} session, not a Snapshot warm-up (make one with: cpm-workshop new --activity snapshot)",
            session.name,
            session.activity.label()
        );
    }
    Ok((id, session))
}

/// The 0-based index for a 1-based number typed by a person; 0 is refused.
fn index(n: u32, what: &str) -> Result<usize> {
    (n as usize)
        .checked_sub(1)
        .ok_or_else(|| anyhow!("{what}s are numbered from 1"))
}

fn vote(cli: &Cli, args: &VoteArgs, now: OffsetDateTime, out: &mut dyn Write) -> Result<()> {
    let library = load_library(cli)?;
    let store = open_store(cli)?;
    let id = store.find(&args.session)?.id;
    let _lock = store.lock(&id)?;
    let (_, mut session) = snapshot_session(&store, &id)?;
    let state = session.snapshot_mut(&library.snapshot);
    let d = index(args.dimension, "dimension")?;
    let stage = index(args.stage, "stage")?;
    state.vote(d, stage, args.count)?;
    let tally = state.tally(d);
    let line = format!(
        "Recorded {} for {:?} on {}: {} ({} in all).",
        crate::export::snapshot::votes_label(args.count),
        state.scale[stage],
        state.dimension_name(d),
        tally
            .counts
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(" · "),
        crate::export::snapshot::votes_label(tally.total)
    );
    session.updated = now;
    store.save(&session)?;
    writeln!(out, "{}", console::line(&line))?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn add_snapshot(
    cli: &Cli,
    store: &Store,
    mut session: Session,
    dimension: u32,
    heading: HeadingId,
    text: &str,
    now: OffsetDateTime,
    out: &mut dyn Write,
) -> Result<()> {
    if session.activity != Activity::Snapshot {
        bail!(
            "{:?} is a {} session: add notes with --group and --prompt (--dimension and --heading are for Snapshot warm-ups)",
            session.name,
            session.activity.label()
        );
    }
    let library = load_library(cli)?;
    let d = index(dimension, "dimension")?;
    let state = session.snapshot_mut(&library.snapshot);
    let dimensions = state.dimensions.len();
    if d >= dimensions {
        bail!(crate::workshop::SnapshotError::NoSuchDimension(
            d + 1,
            dimensions
        ));
    }
    let where_ = format!(
        "{} · {}",
        state.dimension_name(d),
        library
            .snapshot
            .heading(heading.id())
            .map_or(heading.id(), |h| h.title.as_str())
    );
    let add = |session: &mut Session, text: &str| {
        session
            .snapshot_mut(&library.snapshot)
            .add_note(text, d, heading, now)?;
        session.updated = now;
        Ok::<(), crate::workshop::SnapshotError>(())
    };
    if text != "-" {
        add(&mut session, text)?;
        store.save(&session)?;
        return report_added(out, 1, &session, Some(&where_), &[]);
    }
    let fed = note_lines::feed(std::io::stdin().lock(), &mut session, add, |session| {
        store.save(session)
    })?;
    report_added(out, fed.saved, &session, Some(&where_), &fed.problems)
}

fn export_cmd(cli: &Cli, args: &ExportArgs, out: &mut dyn Write) -> Result<()> {
    let library = load_library(cli)?;
    let store = open_store_for_reading(cli).or_else(|_| open_store(cli))?;
    let id = store.find(&args.session)?.id;
    let session = store.load(&id)?;
    let scope = if let Some(g) = args.group {
        if g == 0 || g as usize > session.groups.len() {
            bail!(
                "there is no group {g} in {:?} (it has groups 1 to {})",
                session.name,
                session.groups.len()
            );
        }
        Scope::Group(g)
    } else if let Some(c) = &args.category {
        let name = session.find_category(c).ok_or_else(|| {
            anyhow!(
                "there is no category {c:?} in {:?}; its categories are: {}",
                session.name,
                session.categories.join(", ")
            )
        })?;
        Scope::Category(name.to_string())
    } else if args.commitments {
        Scope::Commitments
    } else {
        Scope::All
    };
    let deck = library.deck(&session.deck);
    let options = export::Options {
        scope,
        deck_title: deck.map(|d| d.title.clone()),
        deck_source: deck.map(|d| d.source.clone()),
        snapshot: Some(library.snapshot.clone()),
    };
    if args.bom && args.format != Format::Csv {
        bail!(
            "--bom is for CSV files opened in Excel; leave it out for --format {}",
            args.format.extension()
        );
    }
    let mut text = export::render(&session, args.format, &options);
    if args.bom {
        text = export::with_bom(&text);
    }
    match &args.output {
        None => out.write_all(text.as_bytes())?,
        Some(p) if p == Path::new("-") => out.write_all(text.as_bytes())?,
        Some(path) => {
            let written = export::destination::write(path, text.as_bytes())
                .with_context(|| format!("-o {}", console::line(&path.display().to_string())))?;
            // Into a FIFO or a terminal (maybe this one) the export is all that goes.
            if written != export::destination::Written::Streamed {
                let path = absolute(path).display().to_string();
                writeln!(out, "Wrote {}", console::line(&path))?;
            }
        }
    }
    Ok(())
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

fn import_cmd(args: &ImportArgs, out: &mut dyn Write) -> Result<()> {
    let text = if args.file == Path::new("-") {
        let mut text = String::new();
        std::io::stdin()
            .take(content::MAX_FILE_BYTES + 1)
            .read_to_string(&mut text)
            .context("reading the pasted text from standard input")?;
        if text.len() as u64 > content::MAX_FILE_BYTES {
            bail!("standard input is over 1 MiB: is this the right text?");
        }
        text
    } else {
        content::read_text(&args.file)?
    };
    let imported = content::import_text(&text, &args.title, args.source.as_deref())?;
    if args.output.exists() && !args.force {
        bail!(
            "{} already exists; choose another name with -o, or add --force to replace it",
            args.output.display()
        );
    }
    export::destination::write(&args.output, imported.text.as_bytes())
        .with_context(|| format!("-o {}", console::line(&args.output.display().to_string())))?;
    write!(out, "{}", console::message(&imported.report()))?;
    let path = absolute(&args.output).display().to_string();
    writeln!(out, "Wrote {}", console::line(&path))?;
    Ok(())
}

fn content_cmd(cli: &Cli, command: &ContentCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        ContentCommand::List => {
            let library = load_library(cli)?;
            for deck in library.decks() {
                let categories = deck.category_names().join(", ");
                writeln!(
                    out,
                    "{}  {}",
                    console::line(&deck.id),
                    console::line(&deck.title)
                )?;
                writeln!(out, "    categories: {}", console::line(&categories))?;
                writeln!(out, "    source: {}", console::line(&deck.source))?;
                match library.deck_file(&deck.id) {
                    Some(file) => {
                        let file = file.display().to_string();
                        writeln!(out, "    from: {}", console::line(&file))?
                    }
                    None => writeln!(out, "    from: built into the app")?,
                }
                let empty = deck.categories_without_behaviors();
                if !empty.is_empty() {
                    let empty = empty.join(", ");
                    writeln!(out, "    no behaviors to read: {}", console::line(&empty))?;
                }
            }
            Ok(())
        }
        ContentCommand::Show { deck, role } => {
            let library = load_library(cli)?;
            let found = library.deck(deck).ok_or_else(|| {
                anyhow!("no deck {deck:?}; the decks are: {}", deck_ids(&library))
            })?;
            let shown = found.filtered_for(role.map(Role::from));
            writeln!(out, "{}", console::message(&content::deck_to_text(&shown)))?;
            Ok(())
        }
        ContentCommand::Import(args) => import_cmd(args, out),
        ContentCommand::Check { path } => {
            let results = content::check_path(path);
            let mut failed = 0;
            for r in &results {
                match r {
                    Ok(msg) => writeln!(out, "{}", console::message(msg))?,
                    Err(e) => {
                        failed += 1;
                        writeln!(out, "error: {}", console::message(&e.to_string()))?;
                    }
                }
            }
            if results.is_empty() {
                bail!("{}: no deck files (*.md) found", path.display());
            }
            if failed > 0 {
                bail!("{failed} of {} content files have errors", results.len());
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, FromArgMatches};

    /// Clap's reading of `args` with the environment left out (flags stand in for it).
    fn clap_alone(args: &[&str]) -> Cli {
        let cmd = [STORE_ENV, CONTENT_ENV, EXPORTS_ENV]
            .iter()
            .fold(Cli::command(), |cmd, env| {
                let id = cmd
                    .get_arguments()
                    .find(|a| a.get_env() == Some(std::ffi::OsStr::new(env)))
                    .map(|a| a.get_id().clone())
                    .unwrap_or_else(|| panic!("no argument reads {env}"));
                cmd.mut_arg(id, |a| a.env(None))
            });
        Cli::from_arg_matches(&cmd.try_get_matches_from(args).unwrap()).unwrap()
    }

    #[test]
    fn no_arguments_parse_like_clap_whatever_the_environment() {
        // (environment, the same given as flags)
        type Case<'a> = (&'a [(&'a str, &'a str)], &'a [&'a str]);
        let cases: [Case; 4] = [
            (&[], &["cpm-workshop"]),
            (&[(STORE_ENV, "/s")], &["cpm-workshop", "--store", "/s"]),
            (
                &[(STORE_ENV, "/s"), (CONTENT_ENV, "c d"), (EXPORTS_ENV, "/e")],
                &[
                    "cpm-workshop",
                    "--store",
                    "/s",
                    "--content",
                    "c d",
                    "--exports",
                    "/e",
                ],
            ),
            (&[(EXPORTS_ENV, "é")], &["cpm-workshop", "--exports", "é"]),
        ];
        for (env, args) in cases {
            let shortcut = Cli::without_arguments(|name| {
                env.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| OsString::from(v))
            })
            .unwrap();
            assert_eq!(format!("{shortcut:?}"), format!("{:?}", clap_alone(args)));
        }
        // Clap refuses an empty folder name; the shortcut leaves that to it.
        assert!(Cli::without_arguments(|n| (n == CONTENT_ENV).then(OsString::new)).is_none());
        assert!(Cli::try_parse_from(["cpm-workshop", "--content", ""]).is_err());
    }
}
