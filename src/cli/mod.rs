//! The command line: clap definitions and the non-interactive commands.

mod args;
mod content_cmd;
pub mod conventions;
mod export_cmd;
mod notes;
pub mod plan;
pub mod purge;
mod room;
mod rounds;
mod sessions;
#[cfg(test)]
mod tests;

pub use args::*;

use crate::console;
use crate::content::Library;
use crate::store::{STORE_ENV, Store};
use crate::ui::theme::ThemeName;
use crate::workshop::session::session_name;
use anyhow::{Result, bail};
use clap::Parser;
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use time::OffsetDateTime;

/// Run California Child Welfare Core Practice Model workshops from a projected terminal.
#[derive(Debug, Parser)]
#[command(name = "cpm-workshop", version = crate::cli::conventions::VERSION, about, long_about = None)]
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
    /// Open the room for phones as soon as a session is open in the app (the room key, W,
    /// opens and closes it too).
    #[arg(long, global = true)]
    pub room: bool,
    /// Where the room listens, IP or IP:PORT (default: this laptop's private network address
    /// and a free port).
    #[arg(long, global = true, value_name = "IP[:PORT]", value_parser = crate::phones::addr::parse)]
    pub room_addr: Option<std::net::SocketAddr>,
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
            room: false,
            room_addr: None,
            command: None,
        })
    }
}

/// The subcommands.
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
        Command::Projector { .. } => bail!("`projector` is handled by the full-screen projector"),
        Command::New(args) => sessions::new(cli, args, now(offset), out),
        Command::List { json } => sessions::list(cli, *json, offset, out),
        Command::Add(args) => notes::add(cli, args, now(offset), out),
        Command::Vote(args) => notes::vote(cli, args, now(offset), out),
        Command::Plan(args) => plan::run(cli, args, now(offset), out),
        Command::Export(args) => export_cmd::export_cmd(cli, args, out),
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
                None => crate::workshop::session::copy_name(&found.name),
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
        Command::Restore {
            session: Some(id),
            from_backup: true,
        } => {
            let store = open_store(cli)?;
            let _lock = store.lock(id)?;
            let s = store.recover_from_backup(id)?;
            writeln!(
                out,
                "Restored {:?} ({}) from its backup: the version before its last save.",
                console::line(&s.name),
                s.id
            )?;
            Ok(())
        }
        Command::Restore { session, .. } => {
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
        Command::Purge(args) => purge::run(cli, args, out),
        Command::Content(c) => content_cmd::content_cmd(cli, c, out),
        Command::Room(RoomCommand::Check) => room::check(cli, out),
        Command::Completions { shell } => conventions::completions(*shell, out),
        Command::Man => conventions::man(out),
    }
}
