//! What a command-line tool is expected to provide besides its own commands: shell completion
//! scripts, a man page and a version that names the build (all generated from the clap
//! definitions in [`crate::cli`], so they list exactly the commands and options that exist), and
//! tolerance of the text Windows tools pipe in.

use crate::cli::Cli;
use anyhow::Result;
use clap::CommandFactory;
use std::io::Write;

/// The name the completion scripts complete and the man page documents.
const BIN_NAME: &str = "cpm-workshop";

/// `--version`: the package version, then the commit it was built from when the build could
/// ask git (`0.1.0 (commit 1a2b3c4d5e6f)`), else the version alone (a build from a tarball).
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), env!("CPM_WORKSHOP_BUILD_COMMIT"));

/// Writes the completion script for `shell` to `out`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<()> {
    // clap_complete panics when its writer fails (`completions bash | head`); a buffer cannot
    // fail, and the error of the real write is ours to report.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), BIN_NAME, &mut script);
    out.write_all(&script)?;
    Ok(())
}

/// Writes the man page (roff, section 1) to `out`.
pub fn man(out: &mut dyn Write) -> Result<()> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(())
}

/// A line of piped-in text without the UTF-8 byte-order mark Windows tools put at the start of a
/// file (Notepad's "UTF-8 with BOM", Windows PowerShell's `Out-File -Encoding utf8`); left in, it
/// would begin the first note, invisible. (CRLF line ends need nothing: notes are cleaned of CR.)
pub fn without_bom(line: &str) -> &str {
    line.strip_prefix('\u{feff}').unwrap_or(line)
}
