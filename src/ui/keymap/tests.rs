use super::*;
use crossterm::event::KeyEventState;

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn contract_keys_on_the_run_view() {
    let cases = [
        (' ', Action::ToggleTimer),
        ('+', Action::AddTime),
        ('-', Action::RemoveTime),
        ('n', Action::NextStep),
        ('p', Action::PreviousStep),
        ('a', Action::AddNotes),
        ('3', Action::ChooseGroup(3)),
        ('u', Action::Undo),
        ('q', Action::Quit),
        ('?', Action::Help),
    ];
    for (c, action) in cases {
        assert_eq!(
            action_for(Context::Run, &press(KeyCode::Char(c))),
            Some(action),
            "{c}"
        );
    }
    let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(action_for(Context::Run, &ctrl_r), Some(Action::Redo));
    assert_eq!(
        action_for(Context::Run, &press(KeyCode::Esc)),
        Some(Action::Close)
    );
}

#[test]
fn releases_are_ignored() {
    let mut release = press(KeyCode::Char('n'));
    release.kind = KeyEventKind::Release;
    release.state = KeyEventState::NONE;
    assert_eq!(action_for(Context::Run, &release), None);
}

#[test]
fn typing_contexts_insert_letters_that_are_commands_elsewhere() {
    for c in ['n', 'q', 'a', '1', ' ', '?', 'é', '家'] {
        assert_eq!(
            action_for(Context::Entry, &press(KeyCode::Char(c))),
            Some(Action::Insert(c))
        );
    }
    assert_eq!(
        action_for(Context::Entry, &press(KeyCode::Enter)),
        Some(Action::Submit)
    );
    assert_eq!(
        action_for(Context::Entry, &press(KeyCode::Tab)),
        Some(Action::CyclePrompt)
    );
    let ctrl_left = KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL);
    assert_eq!(
        action_for(Context::Entry, &ctrl_left),
        Some(Action::Line(InputRequest::GoToPrevWord))
    );
}

#[test]
fn every_context_has_a_way_out_and_hints() {
    for ctx in [
        Context::Home,
        Context::Setup,
        Context::Run,
        Context::Board,
        Context::Rotation,
        Context::Entry,
        Context::TextPrompt,
        Context::Move,
        Context::Confirm,
        Context::Export,
        Context::Help,
        Context::Blank,
        Context::Presenter,
        Context::RoomView,
        Context::Jump,
        Context::Room,
        Context::Queue,
    ] {
        assert_eq!(
            action_for(ctx, &press(KeyCode::Esc)),
            Some(Action::Close),
            "{ctx:?}"
        );
    }
    let run: Vec<String> = hints_for(Context::Run)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert!(run.contains(&"Space".to_string()) && run.contains(&"?".to_string()));
}

#[test]
fn the_presenters_keys_open_their_panes_from_every_session_screen_and_drive_the_room() {
    for ctx in [
        Context::Run,
        Context::Board,
        Context::SnapshotDimension,
        Context::RoundsPage,
        Context::RoundsNotes,
        Context::RoundsMark,
        Context::Presenter,
    ] {
        for (c, action) in [
            ('o', Action::ShowPresenter),
            ('w', Action::ShowRoom),
            ('j', Action::Jump),
        ] {
            assert_eq!(
                action_for(ctx, &press(KeyCode::Char(c))),
                Some(action),
                "{ctx:?} {c}"
            );
        }
    }
    for ctx in [Context::Presenter, Context::RoomView] {
        for (c, action) in [
            (' ', Action::ToggleTimer),
            ('n', Action::NextStep),
            ('p', Action::PreviousStep),
            ('.', Action::ToggleBlank),
            ('q', Action::Quit),
        ] {
            assert_eq!(
                action_for(ctx, &press(KeyCode::Char(c))),
                Some(action),
                "{ctx:?} {c}"
            );
        }
        // Typing keys of the run view do not reach the room from here.
        assert_eq!(action_for(ctx, &press(KeyCode::Char('a'))), None, "{ctx:?}");
    }
    assert_eq!(
        action_for(Context::Jump, &press(KeyCode::Enter)),
        Some(Action::Submit)
    );
    let hints: Vec<String> = hints_for(Context::Run)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    for key in ["o", "w", "j"] {
        assert!(hints.contains(&key.to_string()), "{hints:?}");
    }
    let help: Vec<String> = help_lines(Context::Presenter)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    for key in ["o", "w", "j", "Space", "n", ".", "Esc"] {
        assert!(help.contains(&key.to_string()), "{help:?}");
    }
}

/// Every rounds context answers each key once: the help and the hint bar list it once, and a
/// digit counts a hand on a mark page but chooses a group on a talk page.
#[test]
fn rounds_keys_are_listed_once_and_digits_fit_the_page() {
    for ctx in [
        Context::RoundsPage,
        Context::RoundsNotes,
        Context::RoundsMark,
        Context::RoundsEntry,
    ] {
        let keys: Vec<_> = super::bindings_for(ctx).map(|b| b.key).collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[..i].contains(k), "{ctx:?}: {k:?} bound twice");
        }
        assert!(!super::help_lines(ctx).is_empty());
    }
    let digit = |c| press(KeyCode::Char(c));
    assert_eq!(
        action_for(Context::RoundsMark, &digit('2')),
        Some(Action::Vote(2))
    );
    assert_eq!(
        action_for(Context::RoundsNotes, &digit('3')),
        Some(Action::ChooseGroup(3))
    );
    assert_eq!(
        action_for(Context::RoundsNotes, &digit('f')),
        Some(Action::ToggleFollowUp)
    );
    assert_eq!(
        action_for(Context::RoundsEntry, &digit('f')),
        Some(Action::Insert('f')),
        "typing, f is a letter"
    );
}

/// The moderation keys answer on the console's screens of a workshop, never on the room's own
/// view (the room may be looking), and clash with no other key there.
#[test]
fn moderation_keys_open_the_queue_from_the_console_and_clash_with_nothing() {
    for ctx in [
        Context::Run,
        Context::Board,
        Context::Rotation,
        Context::Presenter,
    ] {
        assert_eq!(
            action_for(ctx, &press(KeyCode::Char('M'))),
            Some(Action::ToggleModeration),
            "{ctx:?}"
        );
        assert_eq!(
            action_for(ctx, &press(KeyCode::Char('h'))),
            Some(Action::ShowQueue),
            "{ctx:?}"
        );
    }
    for c in ['M', 'h'] {
        assert_eq!(
            action_for(Context::RoomView, &press(KeyCode::Char(c))),
            None
        );
    }
    for (c, action) in [
        ('a', Action::Approve),
        ('x', Action::Hide),
        ('A', Action::ApproveAll),
        ('M', Action::ToggleModeration),
        ('u', Action::Undo),
        ('h', Action::Close),
    ] {
        assert_eq!(
            action_for(Context::Queue, &press(KeyCode::Char(c))),
            Some(action),
            "{c}"
        );
    }
    for ctx in [
        Context::Run,
        Context::Board,
        Context::Rotation,
        Context::Presenter,
        Context::Queue,
    ] {
        let keys: Vec<_> = super::bindings_for(ctx).map(|b| b.key).collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[..i].contains(k), "{ctx:?}: {k:?} bound twice");
        }
    }
    let help: Vec<String> = help_lines(Context::Run)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert!(
        help.contains(&"M".to_string()) && help.contains(&"h".to_string()),
        "{help:?}"
    );
}
