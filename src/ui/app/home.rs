//! The home screen's and the set-up form's keys.

use super::{App, Effect, Overlay, PAGE, Screen, TextPurpose};
use crate::ui::cycle::Way;
use crate::ui::input_view::edit_input;
use crate::ui::keymap::{Action, Context};
use crate::ui::setup::{Field, SetupForm};
use time::OffsetDateTime;
use tui_input::Input;

impl App {
    pub(crate) fn update_home(&mut self, action: Action, now: OffsetDateTime) -> Vec<Effect> {
        let Screen::Home(home) = &mut self.screen else {
            return Vec::new();
        };
        let n = home.sessions.len() + 1;
        let chosen = home
            .selected
            .checked_sub(1)
            .and_then(|i| home.sessions.get(i))
            .cloned();
        match action {
            Action::Up => home.selected = home.selected.saturating_sub(1),
            Action::Down => home.selected = (home.selected + 1).min(n - 1),
            Action::PageUp => home.selected = home.selected.saturating_sub(PAGE as usize),
            Action::PageDown => home.selected = (home.selected + PAGE as usize).min(n - 1),
            Action::Submit => match chosen {
                None => {
                    self.screen = Screen::Setup(Box::new(SetupForm::new(&self.library, now)));
                }
                Some(s) => return vec![Effect::Open(s.id)],
            },
            Action::Rename => {
                if let Some(s) = chosen {
                    self.overlay = Some(Overlay::Text {
                        purpose: TextPurpose::Rename(s.id),
                        input: Input::new(s.name),
                    });
                }
            }
            Action::Duplicate => {
                if let Some(s) = chosen {
                    self.say(format!(
                        "Copied the set-up of {:?} as a new workshop.",
                        s.name
                    ));
                    let name = crate::workshop::session::copy_name(&s.name);
                    return vec![Effect::Duplicate { id: s.id, name }, Effect::RefreshList];
                }
            }
            Action::Delete => {
                if let Some(s) = chosen {
                    self.overlay = Some(Overlay::ConfirmDelete {
                        id: s.id,
                        name: s.name,
                    });
                }
            }
            Action::Undo => {
                if let Some(id) = home.last_deleted.take() {
                    self.say("Restored from the trash.");
                    return vec![Effect::Restore { id }, Effect::RefreshList];
                }
                self.say("Nothing to undo.");
            }
            Action::Help => self.overlay = Some(Overlay::Help(Context::Home)),
            // Esc has nothing to close here; quitting is q, on purpose.
            Action::Close => self.say("Nothing to close here: q quits."),
            _ => {}
        }
        Vec::new()
    }

    pub(crate) fn update_setup(&mut self, action: Action) -> Vec<Effect> {
        let Screen::Setup(form) = &mut self.screen else {
            return Vec::new();
        };
        let library = &self.library;
        match action {
            Action::Up => form.move_focus(library, Way::Back),
            Action::Down => form.move_focus(library, Way::Forward),
            Action::Left | Action::Right
                if !form.focus.is_text() || form.focus == Field::Groups =>
            {
                form.cycle(library, Way::forward_if(action == Action::Right))
            }
            Action::Submit => match form.validate(library) {
                Ok(spec) => return vec![Effect::Create(spec)],
                Err(errors) => {
                    form.focus = errors[0].0;
                    let first = errors[0].1.clone();
                    form.errors = errors;
                    self.fail(format!("Check the set-up: {first}."));
                    return Vec::new();
                }
            },
            Action::Close => {
                self.go_home();
                return vec![Effect::RefreshList];
            }
            // In a text field `?` is a character like any other.
            Action::Help if form.focus.is_text() => {
                let focus = form.focus;
                if let Some(input) = form.input_mut(focus) {
                    edit_input(input, Action::Insert('?'));
                }
            }
            Action::Help => self.overlay = Some(Overlay::Help(Context::Setup)),
            other => {
                let focus = form.focus;
                if let Some(input) = form.input_mut(focus) {
                    edit_input(input, other);
                    form.errors.retain(|(f, _)| *f != focus);
                }
            }
        }
        Vec::new()
    }
}
