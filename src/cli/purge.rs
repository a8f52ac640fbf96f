//! `cpm-workshop purge`: removing notes for good from the command line, after a yes from the
//! person at the terminal (or `--yes`). Without either it refuses, so a script never removes
//! notes by accident.

use crate::cli::{Cli, open_store};
use crate::store::{Purged, StoreError};
use crate::workshop::SessionId;
use anyhow::{Result, bail};
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

/// `cpm-workshop purge` options.
#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("what").required(true).args(["session", "trash"]))]
pub struct PurgeArgs {
    /// Session id or name (live or in the trash): remove it and every copy of its notes.
    pub session: Option<String>,
    /// Empty the trash instead: every deleted session, for good.
    #[arg(long, conflicts_with = "session")]
    pub trash: bool,
    /// Do not ask first.
    #[arg(long)]
    pub yes: bool,
}

/// Runs `purge`, writing what was removed to `out`.
pub fn run(cli: &Cli, args: &PurgeArgs, out: &mut dyn Write) -> Result<()> {
    let store = open_store(cli)?;
    let mut refused = None;
    let mut confirm = |what: &str, files: &[PathBuf]| -> bool {
        if args.yes {
            return true;
        }
        match ask(what, files) {
            Ok(answer) => answer,
            Err(e) => {
                refused = Some(e);
                false
            }
        }
    };
    let (what, purged) = match &args.session {
        Some(query) => {
            let id = match store.find(query) {
                Ok(found) => found.id,
                Err(StoreError::InTrash { id, .. }) => id,
                // Only leftovers (a backup, a corrupt copy) may remain of it.
                Err(e @ StoreError::NotFound { .. }) => {
                    SessionId::parse(query.trim()).map_err(|_| e)?
                }
                Err(e) => return Err(e.into()),
            };
            let what = format!("session {id}");
            let purged = store.purge(&id, |files| confirm(&what, files))?;
            (what, purged)
        }
        None => {
            let what = "everything in the trash".to_string();
            let purged = store.purge_trash(|files| confirm(&what, files))?;
            (what, purged)
        }
    };
    if let Some(e) = refused {
        return Err(e);
    }
    report(out, &what, &purged)
}

fn report(out: &mut dyn Write, what: &str, purged: &Purged) -> Result<()> {
    if purged.files.is_empty() {
        writeln!(out, "Nothing to remove.")?;
    } else if purged.done {
        writeln!(
            out,
            "Removed {what} for good ({}). Exports you wrote elsewhere were not touched.",
            crate::words::count(purged.files.len(), "file", "files")
        )?;
    } else {
        writeln!(out, "Nothing was removed.")?;
    }
    Ok(())
}

/// Lists the files and asks on the terminal; an error when standard input is not one.
fn ask(what: &str, files: &[PathBuf]) -> Result<bool> {
    if !std::io::stdin().is_terminal() {
        bail!(
            "purge removes notes for good, so it asks first, and standard input is not a terminal \
             to ask on; run it again with --yes to remove {what} without asking"
        );
    }
    let mut err = std::io::stderr().lock();
    writeln!(err, "This removes {what} for good; it cannot be restored:")?;
    for file in files {
        // A file name in the folder is outside input: shown cleaned, never run by the terminal.
        let shown = crate::workshop::text::sanitize_line(&file.display().to_string());
        writeln!(err, "  {shown}")?;
    }
    write!(err, "Remove for good? [y/N] ")?;
    err.flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}
