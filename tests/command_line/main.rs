//! The real `cpm-workshop` binary run from the command line (no terminal): subcommands, exit
//! codes, golden exports, the bytes written on every platform. Runs on Windows too. A new test of
//! a subcommand goes in a file here, with a `mod` line below.

#[path = "../support/mod.rs"]
mod support;

mod cli;
mod cli_conventions;
mod content_import;
mod golden;
mod reliability_output;
mod room_check;
mod rounds_cli;
mod snapshot_cli;
mod snapshot_plan_cli;
mod windows_text;
