//! Filling a category that has nothing to read from the presenter console (issue 14): `f` on
//! its Read step, a pasted block, the preview, yes; the deck is saved in the user content
//! folder (here a temporary one), the pane shows the behaviors, and `content list` says where
//! the deck now comes from.

use crate::support::screen;

use crate::support::session_id as sid;
use cpm_workshop::content::{CONTENT_HOME_ENV, Library};
use cpm_workshop::ui::app::{App, Effect, Overlay};
use cpm_workshop::ui::fill_category::perform_save_deck;
use cpm_workshop::ui::keymap::Action;
use cpm_workshop::ui::theme::{Theme, ThemeName};
use cpm_workshop::workshop::{Activity, Durations, Mode, Session, SessionSpec};
use std::path::Path;
use time::OffsetDateTime;
use time::macros::datetime;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

/// The Assessment behaviors as they might come out of a PDF: a heading line, a page footer, a
/// line the PDF broke, bullets as `•`.
const PASTED: &str = "Assessment Behaviors\n1. Gather and share information about the family's\nstrengths and needs\n   • Ask about culture\n   • Listen to the youth\nPage 4\n2. Use the team's information to plan\n";

/// A practice workshop whose first round reads Assessment (which the shipped deck leaves
/// without behaviors), with the user content folder at `home`.
fn app_reading_assessment(home: &Path) -> App {
    let library = Library::load_with_user(Some(home), None).unwrap();
    let deck = library.default_deck();
    assert!(
        deck.categories_without_behaviors().contains(&"Assessment"),
        "the test needs an empty category"
    );
    let spec = SessionSpec {
        name: "Tuesday cohort".into(),
        activity: Activity::Sticky,
        deck: deck.id.clone(),
        categories: vec!["Assessment".into(), "Foundational".into()],
        groups: 2,
        group_names: vec![],
        mode: Mode::Together,
        durations: Durations::default(),
        role: None,
    };
    let mut app = App::new(library, Theme::new(ThemeName::HighContrast), Vec::new());
    app.opened(Session::new(sid("s1"), spec, T0).unwrap());
    app
}

fn assessment_behaviors(app: &App) -> usize {
    let deck = app.open_session().unwrap().deck.as_ref().unwrap();
    deck.category("Assessment").unwrap().behaviors.len()
}

#[test]
fn f_paste_yes_saves_the_deck_and_the_pane_shows_the_behaviors() {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("content");
    let mut app = app_reading_assessment(&folder);
    assert_eq!(assessment_behaviors(&app), 0);

    app.update(Action::FillCategory, T0);
    assert!(
        matches!(&app.overlay, Some(Overlay::FillPaste { category, .. }) if category == "Assessment"),
        "{:?}",
        app.overlay
    );
    app.update(Action::Paste(PASTED.into()), T0);
    let Some(Overlay::ConfirmFill(preview)) = &app.overlay else {
        panic!("expected the preview, got {:?}", app.overlay)
    };
    assert_eq!(preview.path, folder.join("practice.md"));
    let shown = screen::draw(&app, 100, 36, T0);
    assert!(shown.contains("2 behaviors for Assessment."), "{shown}");
    assert!(
        shown.contains("\"Page 4\""),
        "the dropped footer is listed:\n{shown}"
    );
    assert!(!folder.exists(), "nothing is written before yes");

    let effects = app.update(Action::Yes, T0);
    let [Effect::SaveDeck(preview)] = effects.as_slice() else {
        panic!("expected one SaveDeck, got {effects:?}")
    };
    perform_save_deck(&mut app, (**preview).clone());
    assert!(app.overlay.is_none());
    assert_eq!(assessment_behaviors(&app), 2);
    assert_eq!(
        app.library.deck_file("practice"),
        Some(folder.join("practice.md").as_path())
    );
    // The pane opens on the deck's opening page; a tall window shows the card below it.
    let shown = screen::draw(&app, 120, 90, T0);
    for line in [
        "1. Gather and share information about the family's strengths and",
        "a. Ask about culture",
        "2. Use the team's information to plan",
    ] {
        assert!(shown.contains(line), "{line:?} not on screen:\n{shown}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&folder), 0o700);
        assert_eq!(mode(&folder.join("practice.md")), 0o600);
    }

    // The app loads the saved deck from then on, and `content list` says where it came from.
    let again = Library::load_with_user(Some(&folder), None).unwrap();
    assert_eq!(
        again
            .deck("practice")
            .unwrap()
            .category("Assessment")
            .unwrap()
            .behaviors
            .len(),
        2
    );
    let out = crate::support::cli::cmd(&home.path().join("store"))
        .env(CONTENT_HOME_ENV, &folder)
        .args(["content", "list"])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&out.stdout);
    let expected = format!("from: {}", folder.join("practice.md").display());
    assert!(out.contains(&expected), "{out}");
}

#[test]
fn a_broken_paste_says_why_keeps_the_input_open_and_writes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("content");
    let mut app = app_reading_assessment(&folder);
    app.update(Action::FillCategory, T0);
    app.update(Action::Paste("Just one sentence, no behaviors.".into()), T0);
    let Some(Overlay::FillPaste {
        problem: Some(problem),
        ..
    }) = &app.overlay
    else {
        panic!(
            "expected the paste input with a problem, got {:?}",
            app.overlay
        )
    };
    assert!(
        problem.contains("no numbered or bulleted behaviors"),
        "{problem}"
    );
    assert!(app.status.as_ref().is_some_and(|s| s.is_error()));
    // A good paste after the bad one still works; Esc on the preview saves nothing.
    app.update(Action::Paste(PASTED.into()), T0);
    assert!(matches!(app.overlay, Some(Overlay::ConfirmFill(_))));
    assert!(app.update(Action::Close, T0).is_empty());
    assert!(app.overlay.is_none());
    assert!(!folder.exists());
    assert_eq!(assessment_behaviors(&app), 0);
}

#[test]
fn f_on_a_category_that_has_behaviors_or_off_the_read_step_opens_nothing() {
    let home = tempfile::tempdir().unwrap();
    let mut app = app_reading_assessment(&home.path().join("content"));
    app.update(Action::NextStep, T0);
    app.update(Action::FillCategory, T0);
    assert!(app.overlay.is_none());
    assert!(app.status.as_ref().unwrap().text.contains("Read step"));
}
