//! The real binary in a pseudo-terminal (Unix only): full-screen sessions typed as a person
//! would, kill -9, signals, resizes, read-only and full disks, file permissions, hostile text. A
//! new test that needs a real terminal or process goes in a file here, with a `mod` line below.

#[path = "../support/mod.rs"]
mod support;

mod app_files;
mod co_scribe;
mod e2e_workshop;
mod phones_connections;
mod phones_moderation;
mod phones_room;
mod phones_snapshot;
mod phones_station_commitment;
mod projector_e2e;
mod pty_selftest;
mod reliability_clock;
mod reliability_env;
mod reliability_files;
mod reliability_kill;
mod reliability_privacy;
mod reliability_save;
mod reliability_terminal;
mod reliability_text;
mod room_projector;
mod rounds_co_scribe;
mod rounds_e2e;
mod snapshot_e2e;
mod snapshot_plan_e2e;
