//! The board's cost as work done, not time taken: a frame wraps only the cards near the
//! selection, however long the page (issue 7 made it so; a page of thousands of notes once
//! wrapped every card above the selection on every keystroke).

use super::*;
use crate::content::Library;
use crate::ui::keymap::Action;
use crate::ui::theme::{Theme, ThemeName};
use crate::workshop::session::tests::sid;
use crate::workshop::{Activity, Durations, Mode, Placement, SessionSpec};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::cell::Cell;
use time::OffsetDateTime;
use time::macros::datetime;

thread_local! {
    /// Cards wrapped by [`card_text`] on this thread since the count was last reset.
    pub(super) static CARDS_WRAPPED: Cell<usize> = const { Cell::new(0) };
}

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

/// An app on the board of group 1, whose page holds `notes` notes of one category.
fn board_of(notes: usize) -> App {
    let library = Library::shipped();
    let deck = library.default_deck();
    let spec = SessionSpec {
        name: "Load".into(),
        activity: Activity::Sticky,
        deck: deck.id.clone(),
        categories: deck.category_names(),
        groups: 2,
        group_names: Vec::new(),
        mode: Mode::Rotation,
        durations: Durations::default(),
        role: None,
    };
    let mut s = Session::new(sid("20261123-0900-00"), spec, T0).expect("a valid spec");
    let category = s.categories[0].clone();
    for i in 0..notes {
        s.notes.push(Note {
            id: s.next_note_id,
            text: format!(
                "note {i}: {}",
                "a longer line that wraps on the card ".repeat(i % 3)
            ),
            placement: Placement {
                group: 1,
                category: Some(category.clone()),
                prompt: if i % 2 == 0 {
                    Prompt::Already
                } else {
                    Prompt::Enhance
                },
            },
            created: T0,
            initials: None,
            from_phone: false,
            visibility: Default::default(),
        });
        s.next_note_id += 1;
    }
    let mut app = App::new(library, Theme::new(ThemeName::Mono), Vec::new());
    app.opened(s);
    app.update(Action::ShowBoard, T0);
    app
}

/// Cards wrapped while drawing one frame of `app` at 80×24.
fn cards_wrapped_in_a_frame(app: &App) -> usize {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    CARDS_WRAPPED.with(|c| c.set(0));
    terminal
        .draw(|f| crate::ui::views::render(app, f, T0))
        .expect("the frame draws");
    CARDS_WRAPPED.with(Cell::get)
}

#[test]
fn a_frame_wraps_only_the_cards_it_can_show_however_long_the_page() {
    // 80×24 leaves well under 24 rows for cards; each card takes at least one.
    const AT_MOST: usize = 24 + 2;
    for notes in [50, 2_000, 10_000] {
        let mut app = board_of(notes);
        let first = cards_wrapped_in_a_frame(&app);
        assert!(first > 0, "{notes} notes: the frame shows no card");
        assert!(
            first <= AT_MOST,
            "{notes} notes, at the top: {first} cards wrapped"
        );
        // At the end of the page: every card above the selection is there to wrap.
        for _ in 0..=notes / 10 {
            app.update(Action::PageDown, T0);
        }
        let last = cards_wrapped_in_a_frame(&app);
        assert!(
            last <= AT_MOST,
            "{notes} notes, at the end: {last} cards wrapped"
        );
        app.update(Action::Up, T0);
        let moved = cards_wrapped_in_a_frame(&app);
        assert!(
            moved <= AT_MOST,
            "{notes} notes, one up: {moved} cards wrapped"
        );
    }
}
