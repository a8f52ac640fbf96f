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
        Context::Room,
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
