//! `export`: a session written as html, md, txt, csv or json.

use super::args::*;
use super::{Cli, load_library, open_store, open_store_for_reading};
use crate::console;
use crate::export::{self, Format, Scope};
use anyhow::{Context, Result, anyhow, bail};
use std::io::Write;
use std::path::{Path, PathBuf};

pub(super) fn export_cmd(cli: &Cli, args: &ExportArgs, out: &mut dyn Write) -> Result<()> {
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
    } else if args.commitments || args.follow_ups {
        // A rounds session's take-away list is its follow-ups, as a sticky-note session's is
        // its commitments.
        Scope::Commitments
    } else {
        Scope::All
    };
    let options = export::Options::for_session(&session, &library, scope);
    if args.bom && args.format != Format::Csv {
        bail!(
            "--bom is for CSV files opened in Excel; leave it out for --format {}",
            args.format.extension()
        );
    }
    let text = export::file_text(&session, args.format, &options, args.bom);
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

pub(super) fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}
