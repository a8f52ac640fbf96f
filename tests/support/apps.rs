//! The app with a sticky-note session open, as the screen tests draw it.
#![allow(dead_code)] // each test file uses part of the support code

use super::screen::Drive;
use cpm_workshop::content::Library;
use cpm_workshop::ui::app::App;
use cpm_workshop::ui::keymap::Action;
use cpm_workshop::ui::theme::{Theme, ThemeName};
use cpm_workshop::workshop::{Activity, Durations, Mode, Session, SessionSpec};
use time::OffsetDateTime;

/// Notes of every kind of text a room writes: long, accented, emoji, CJK.
pub const SAMPLE_NOTES: [&str; 4] = [
    "We introduce ourselves by name and role at every home visit",
    "Ask the family how they want to be addressed",
    "Une note en français, avec des accents — et un emoji 😀",
    "家族と一緒に計画を立てる",
];

/// The app (monochrome theme) with a new "Tuesday cohort" session of `deck` open at `now`:
/// `groups` groups, the first named Redwoods, default times.
pub fn sticky_app(deck: &str, mode: Mode, groups: u32, now: OffsetDateTime) -> App {
    let library = Library::shipped();
    let deck = library.deck(deck).expect("a shipped deck");
    let spec = SessionSpec {
        name: "Tuesday cohort".into(),
        activity: Activity::Sticky,
        deck: deck.id.clone(),
        categories: deck.category_names(),
        groups,
        group_names: vec!["Redwoods".into()],
        mode,
        durations: Durations::default(),
        role: None,
    };
    let mut app = App::new(library, Theme::new(ThemeName::Mono), Vec::new());
    app.opened(
        Session::new(super::session_id("20261123-0900-00"), spec, now).expect("a valid spec"),
    );
    app
}

/// Types `notes` through the scribe's input and closes it.
pub fn type_notes(app: &mut App, notes: &[&str], now: OffsetDateTime) {
    app.act(Action::AddNotes, now);
    for text in notes {
        app.act(Action::Paste((*text).into()), now);
        app.act(Action::Submit, now);
    }
}
