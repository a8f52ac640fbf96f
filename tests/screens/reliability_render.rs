//! Drawing under load (issue 7): the notes board's page order matches the simple definition on
//! any session (the one-pass `board_page` replaced twelve filtered passes and a lookup per note
//! that made a 10,000-note page quadratic), every view draws at every size with thousands of
//! hostile notes without panicking or putting a control character on screen. That a board frame
//! wraps only the cards it shows is counted in `src/ui/views/board_tests.rs`; its time is a
//! budget in `benches/speed.rs`.

use crate::support::session_id as sid;
use cpm_workshop::content::Library;
use cpm_workshop::ui::app::{App, Screen};
use cpm_workshop::ui::keymap::Action;
use cpm_workshop::ui::open_session::OpenSession;
use cpm_workshop::ui::sticky::{BoardPage, board_notes};
use cpm_workshop::ui::theme::{Theme, ThemeName};
use cpm_workshop::ui::views;
use cpm_workshop::workshop::{
    Activity, Durations, Mode, Note, NoteId, Placement, Prompt, Session, SessionSpec,
};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use time::OffsetDateTime;
use time::macros::datetime;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);

fn session(groups: u32) -> Session {
    let library = Library::shipped();
    let deck = library.default_deck();
    let spec = SessionSpec {
        name: "Load".into(),
        activity: Activity::Sticky,
        deck: deck.id.clone(),
        categories: deck.category_names(),
        groups,
        group_names: vec!["Redwoods".into()],
        mode: Mode::Rotation,
        durations: Durations::default(),
        role: None,
    };
    Session::new(sid("20261123-0900-00"), spec, T0).unwrap()
}

/// Appends a note exactly as given (no checks), as a session file could hold it.
fn push(s: &mut Session, text: String, group: u32, category: Option<String>, prompt: Prompt) {
    s.notes.push(Note {
        id: s.next_note_id,
        text,
        placement: Placement {
            group,
            category,
            prompt,
        },
        created: T0,
        initials: None,
        from_phone: false,
        visibility: Default::default(),
    });
    s.next_note_id += 1;
}

fn app_on(session: Session) -> App {
    let mut app = App::new(Library::shipped(), Theme::new(ThemeName::Mono), Vec::new());
    app.opened(session);
    app
}

fn workshop(app: &mut App) -> &mut OpenSession {
    match &mut app.screen {
        Screen::Sticky(w) => w,
        _ => panic!("not a workshop"),
    }
}

/// The board's page as the board defines it, written the simple way (it was implemented this
/// way before issue 7): the flip charts' headings are the session's categories, then any other
/// (or none) a category note names, in the order first written (issue 18: the export prints
/// those, so the board shows them too). A group's page is each heading in order, already then
/// enhance, then the group's commitments; one heading across groups is each group in order,
/// already then enhance.
fn reference(w: &OpenSession) -> Vec<NoteId> {
    let s = &w.session;
    let mut headings: Vec<Option<&str>> = s.categories.iter().map(|c| Some(c.as_str())).collect();
    for n in s
        .notes
        .iter()
        .filter(|n| n.placement.prompt != Prompt::Commitment)
    {
        let c = n.placement.category.as_deref();
        if !headings.contains(&c) {
            headings.push(c);
        }
    }
    let on = |n: &Note, group: u32, heading: Option<&str>, prompt: Prompt| {
        n.placement.group == group
            && n.placement.prompt == prompt
            && n.placement.category.as_deref() == heading
    };
    let mut ids = Vec::new();
    match w.board.page {
        BoardPage::Category(shown) => {
            let Some(&heading) = headings.get(shown) else {
                return ids;
            };
            for g in &s.groups {
                for prompt in [Prompt::Already, Prompt::Enhance] {
                    ids.extend(
                        s.notes
                            .iter()
                            .filter(|n| on(n, g.number, heading, prompt))
                            .map(|n| n.id),
                    );
                }
            }
        }
        BoardPage::Group => {
            for &heading in &headings {
                for prompt in [Prompt::Already, Prompt::Enhance] {
                    ids.extend(
                        s.notes
                            .iter()
                            .filter(|n| on(n, w.group, heading, prompt))
                            .map(|n| n.id),
                    );
                }
            }
            ids.extend(
                s.notes
                    .iter()
                    .filter(|n| {
                        n.placement.prompt == Prompt::Commitment && n.placement.group == w.group
                    })
                    .map(|n| n.id),
            );
        }
    }
    ids
}

fn any_prompt() -> impl Strategy<Value = Prompt> {
    prop_oneof![
        Just(Prompt::Already),
        Just(Prompt::Enhance),
        Just(Prompt::Commitment)
    ]
}

proptest! {
    #![proptest_config(crate::support::props::config(48, 200))]

    /// Includes what a hand-edited file could hold: groups and categories the session does not
    /// have, commitments with a category, notes of other prompts without one.
    #[test]
    fn the_board_page_is_in_the_defined_order(
        notes in prop::collection::vec((0u32..7, 0usize..8, any_prompt()), 0..120),
        groups in 2u32..6,
        by_category in any::<bool>(),
        category in 0usize..8,
        group in 1u32..6,
    ) {
        let mut s = session(groups);
        let names = s.categories.clone();
        for (i, (g, c, p)) in notes.into_iter().enumerate() {
            let cat = match c {
                6 => None,
                7 => Some("Not in this deck".to_string()),
                c => Some(names[c].clone()),
            };
            push(&mut s, format!("note {i}"), g, cat, p);
        }
        let mut app = app_on(s);
        let w = workshop(&mut app);
        w.board.page = if by_category {
            BoardPage::Category(category)
        } else {
            BoardPage::Group
        };
        w.group = group;
        prop_assert_eq!(board_notes(w), reference(w));
    }
}

proptest! {
    #![proptest_config(crate::support::props::config(100, 100))]

    /// Issue 18: the export gave notes in a category the session does not list (or in none) a
    /// section of their own while the board hid them, so a handout could print a note nobody
    /// could see or edit. Every note the whole-room export prints is on its group's board page.
    #[test]
    fn every_note_the_export_prints_is_on_a_board_page(
        notes in prop::collection::vec((1u32..4, 0usize..8, any_prompt()), 0..80),
    ) {
        let mut s = session(3);
        let names = s.categories.clone();
        for (i, (g, c, p)) in notes.into_iter().enumerate() {
            let cat = match c {
                6 => None,
                7 => Some("Not in this deck".to_string()),
                c => Some(names[c].clone()),
            };
            push(&mut s, format!("note {i}"), g, cat, p);
        }
        let printed: std::collections::BTreeSet<NoteId> =
            cpm_workshop::export::document::build(&s, &Default::default())
                .pages
                .iter()
                .flat_map(|p| &p.sections)
                .flat_map(|sec| &sec.lists)
                .flat_map(|l| l.notes.iter().map(|n| n.id))
                .collect();
        let mut app = app_on(s);
        let w = workshop(&mut app);
        let mut on_board = std::collections::BTreeSet::new();
        for g in 1..=3 {
            w.group = g;
            on_board.extend(board_notes(w));
        }
        prop_assert_eq!(on_board, printed);
    }
}

/// Hostile and heavy note texts, cycled.
fn texts() -> Vec<String> {
    vec![
        "plain note".into(),
        "\x1b]52;c;SU5KRUNURUQ=\x07\x1b[2J\u{9b}31m\u{202e}\0bidi".into(),
        "x".repeat(10_000),
        "家族と一緒に計画を立てる 👩‍👩‍👧‍👦 e\u{301}\u{301}\u{301} zero\u{200b}width".into(),
        "line one\nline two\r\nline three\ttab".into(),
    ]
}

fn big_hostile_app(notes: usize) -> App {
    let mut s = session(4);
    let names = s.categories.clone();
    let texts = texts();
    for i in 0..notes {
        let prompt = [Prompt::Already, Prompt::Enhance, Prompt::Commitment][i % 3];
        let cat = (prompt != Prompt::Commitment).then(|| names[i % names.len()].clone());
        push(
            &mut s,
            texts[i % texts.len()].clone(),
            1 + (i as u32 % 4),
            cat,
            prompt,
        );
    }
    app_on(s)
}

fn draw(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| views::render(app, f, T0 + time::Duration::seconds(30)))
        .unwrap();
    let buf = terminal.backend().buffer();
    buf.content().iter().map(|c| c.symbol()).collect()
}

#[test]
fn every_view_draws_at_every_size_with_thousands_of_hostile_notes() {
    let mut app = big_hostile_app(3_000);
    app.update(Action::NextStep, T0);
    app.update(Action::ToggleTimer, T0);
    let states: Vec<(&str, Vec<Action>)> = vec![
        ("run", vec![]),
        (
            "run with input",
            vec![Action::AddNotes, Action::Paste("x".repeat(10_000))],
        ),
        ("board", vec![Action::Close, Action::ShowBoard]),
        ("board end", vec![Action::PageDown; 200]),
        ("board by category", vec![Action::ToggleBoardView]),
        ("board by category end", vec![Action::PageDown; 200]),
        ("edit overlay", vec![Action::EditNote]),
        ("rotation", vec![Action::Close, Action::ShowRotation]),
        ("help", vec![Action::Help]),
        ("export menu", vec![Action::Close, Action::Export]),
    ];
    for (name, actions) in states {
        for a in actions {
            app.update(a, T0);
        }
        for (w, h) in [(1, 1), (10, 3), (59, 15), (60, 16), (80, 24), (300, 90)] {
            let screen = draw(&app, w, h);
            assert!(
                !screen.chars().any(|c| c.is_control()
                    || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
                "{name} at {w}×{h}: a control character on screen"
            );
        }
    }
}
