//! What the command line accepts: the subcommands and their arguments (clap).

use crate::content::Role;
use crate::export::Format;
use crate::workshop::duration::parse_duration;
use crate::workshop::{Activity, HeadingId, Mode, Prompt, SessionId};
use anyhow::Result;
use clap::{Subcommand, ValueEnum};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the full-screen app straight into a session.
    Open {
        /// Session id or an unambiguous start of its name.
        session: String,
    },
    /// Show the room's view full screen, for a second terminal on the projector (read-only;
    /// q, Esc or Ctrl-c close it).
    Projector {
        /// Session id or an unambiguous start of its name (default: whatever session the
        /// presenter opens).
        session: Option<String>,
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
    /// Sticky-note sessions take --group and --prompt; Snapshot warm-ups --dimension and --heading;
    /// discussion rounds --group and --question; a values check --group and --value.
    Add(AddArgs),
    /// Record a show of hands: for one stage of a Snapshot dimension (--dimension, --stage), or
    /// for one mark of a value in a values check (--value, --mark).
    Vote(VoteArgs),
    /// Snapshot warm-up: the draft Implementation Plan — the planning horizon, or for one
    /// priority what changes we want to see, an action step (who, by when), the target date for
    /// monitoring progress or what will support our progress.
    Plan(crate::cli::plan::PlanArgs),
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
        session: Option<SessionId>,
        /// Bring back the session's previous version (its .bak) after its file could not be
        /// read and was moved aside.
        #[arg(long, requires = "session")]
        from_backup: bool,
    },
    /// Remove a session and every copy of its notes for good, or empty the trash (--trash).
    Purge(crate::cli::purge::PurgeArgs),
    /// Decks and activity scripts.
    #[command(subcommand)]
    Content(ContentCommand),
    /// The room for phones.
    #[command(subcommand)]
    Room(RoomCommand),
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
    /// Deck id (see `content list`) [default: the default deck, practice]; for discussion
    /// rounds, a deck whose numbered entries are the questions.
    #[arg(long)]
    pub deck: Option<String>,
    /// Discussion rounds: a question (repeat for each; a leading '?' follows up every note on
    /// it). Default: the CPM Overview's four "Questions for Discussion".
    #[arg(long = "question", value_name = "TEXT", conflicts_with = "deck")]
    pub questions: Vec<String>,
    /// Number of groups (tables), 2 to 12 [default: 4].
    #[arg(long)]
    pub groups: Option<u32>,
    /// Group names, comma-separated, in group order.
    #[arg(long, value_delimiter = ',')]
    pub group_names: Vec<String>,
    /// How groups move through the categories [default: together].
    #[arg(long, value_enum)]
    pub mode: Option<ModeArg>,
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
    /// Group number (1-based); sticky-note sessions, discussion rounds and values checks.
    #[arg(long, required_unless_present = "dimension")]
    pub group: Option<u32>,
    /// Discussion rounds: the question (1-based) the note answers.
    #[arg(long, conflicts_with_all = ["prompt", "category", "value", "dimension"])]
    pub question: Option<u32>,
    /// Values check: the value (1-based) the note is about.
    #[arg(long, conflicts_with_all = ["prompt", "category", "dimension"])]
    pub value: Option<u32>,
    /// Category name (default: the group's category at the session's current step).
    #[arg(long)]
    pub category: Option<String>,
    /// Sticky-note sessions: which prompt the note answers.
    #[arg(long, value_enum, required_unless_present_any = ["dimension", "question", "value"])]
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
    /// While the app has the session open: how long to wait for it to save the note.
    #[arg(long, value_name = "SECONDS", default_value = "5", value_parser = wait_arg)]
    pub wait: Duration,
}

/// `cpm-workshop vote` options.
#[derive(Debug, clap::Args)]
pub struct VoteArgs {
    pub session: String,
    /// Snapshot warm-ups: the dimension (1-based, in the order the intro lists them).
    #[arg(long, required_unless_present = "value", requires = "stage")]
    pub dimension: Option<u32>,
    /// Snapshot warm-ups: the stage of the scale (1-based: 1 is the first stage, e.g. "just
    /// getting started").
    #[arg(long, requires = "dimension")]
    pub stage: Option<u32>,
    /// Values check: the value (1-based, in the order of "Values of CPM: We Believe…").
    #[arg(long, conflicts_with = "dimension", requires = "mark")]
    pub value: Option<u32>,
    /// Values check: the mark (1 lived every day, 2 needs strengthening).
    #[arg(long, requires = "value")]
    pub mark: Option<u32>,
    /// How many hands.
    #[arg(long, default_value_t = 1)]
    pub count: u32,
    /// While the app has the session open: how long to wait for it to save the votes.
    #[arg(long, value_name = "SECONDS", default_value = "5", value_parser = wait_arg)]
    pub wait: Duration,
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
    /// Only the commitments (sticky-note sessions).
    #[arg(long)]
    pub commitments: bool,
    /// Only the worries and questions to follow up (discussion rounds, values check).
    #[arg(long, conflicts_with_all = ["group", "category", "commitments"])]
    pub follow_ups: bool,
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

/// `cpm-workshop room …`.
#[derive(Debug, Subcommand)]
pub enum RoomCommand {
    /// Say which address and port the room would use and whether a request from this laptop to
    /// it gets through (with --room-addr IP[:PORT], that address); exits non-zero when not.
    Check,
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
    Discussion,
    Values,
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
            ActivityArg::Discussion => Activity::Discussion,
            ActivityArg::Values => Activity::Values,
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

/// Longest `--wait`: an hour is already far longer than any app takes to save.
const MAX_WAIT_SECS: f64 = 3600.0;

/// `--wait`: seconds, whole or not (`5`, `0.5`), from 0 to an hour.
fn wait_arg(s: &str) -> Result<Duration, String> {
    match s.trim().parse::<f64>() {
        Ok(secs) if (0.0..=MAX_WAIT_SECS).contains(&secs) => Ok(Duration::from_secs_f64(secs)),
        _ => Err(format!(
            "{s:?} is not a number of seconds from 0 to {MAX_WAIT_SECS:.0} (e.g. 5 or 0.5)"
        )),
    }
}
