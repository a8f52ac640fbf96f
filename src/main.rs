//! `cpm-workshop`: parse the command line, then run a command or the full-screen app.
#![forbid(unsafe_code)]

use cpm_workshop::cli::{self, Cli, Command};
use cpm_workshop::ui::{self, RunOptions, theme::Theme};
use std::process::ExitCode;

fn main() -> ExitCode {
    // The local offset can only be read reliably before any thread starts.
    let offset = time::UtcOffset::current_local_offset().unwrap_or(time::UtcOffset::UTC);
    let cli = Cli::from_process();
    let result = match &cli.command {
        None => run_app(&cli, None, offset),
        Some(Command::Open { session }) => run_app(&cli, Some(session.clone()), offset),
        Some(Command::Projector { session }) => run_projector(&cli, session.clone()),
        Some(command) => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            cli::run(&cli, command, offset, &mut out)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if cpm_workshop::error_report::is_closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            cpm_workshop::console::print_error(&e);
            ExitCode::FAILURE
        }
    }
}

fn run_projector(cli: &Cli, session: Option<String>) -> anyhow::Result<()> {
    // The projector only reads: a store it cannot write in is no reason to refuse.
    let store = cpm_workshop::store::Store::open_for_reading(cli::store_dir(cli)?)?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    ui::projector::run(store, session, Theme::choose(cli.theme, no_color))
}

fn run_app(cli: &Cli, open: Option<String>, offset: time::UtcOffset) -> anyhow::Result<()> {
    // The app checks the folder can be written in while it reads the listing.
    let store = cpm_workshop::store::Store::prepare(cli::store_dir(cli)?)?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let export_dir = cli::export_dir(cli, &store);
    ui::run(RunOptions {
        store,
        content: cli.content.clone(),
        theme: Theme::choose(cli.theme, no_color),
        open,
        export_dir,
        offset,
        room: ui::RoomOptions {
            open: cli.room,
            addr: cli.room_addr,
        },
    })
}
