//! `content`: checking, listing, showing and importing decks.

use super::args::*;
use super::export_cmd::absolute;
use super::sessions::deck_ids;
use super::{Cli, load_library};
use crate::console;
use crate::content::{self, Role};
use crate::export::{self};
use anyhow::{Context, Result, anyhow, bail};
use std::io::{Read, Write};
use std::path::Path;

pub(super) fn import_cmd(args: &ImportArgs, out: &mut dyn Write) -> Result<()> {
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

pub(super) fn content_cmd(cli: &Cli, command: &ContentCommand, out: &mut dyn Write) -> Result<()> {
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
