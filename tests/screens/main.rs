//! The app drawn on ratatui's TestBackend and driven by actions, no terminal: screens against
//! reviewed snapshots (`snapshots/`), key handling, views under heavy or hostile sessions. A new
//! test of what a screen shows or how the app answers a key goes in a file here, with a `mod` line
//! below.

#[path = "../support/mod.rs"]
mod support;

mod app;
mod app_fill_category;
mod console_screens;
mod moderation_screens;
mod projector_join;
mod projector_screens;
mod reliability_render;
mod room_panel;
mod rounds_presenter;
mod rounds_screens;
mod screens;
mod snapshot_app;
mod snapshot_checks;
mod snapshot_plan_ui;
mod snapshot_screens;
mod timer_keys;
