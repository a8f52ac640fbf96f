//! What a key did on an activity's screen, for the app to carry out in one place
//! (`App::carry_out`): every activity's update changes its own screen and says the rest here.

use super::{App, Effect, Overlay, Status};

/// What one key did on an activity's screen, beyond changing the screen itself.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The session changed: save it.
    pub save: bool,
    /// What the status line shows next.
    pub status: StatusChange,
    /// An overlay to open over the screen.
    pub overlay: Option<Overlay>,
}

/// What an update does to the status line.
#[derive(Debug, Default, PartialEq)]
pub enum StatusChange {
    /// Leave it as it is.
    #[default]
    Keep,
    /// Empty it (a new page starts clean; the next note is being typed).
    Clear,
    Show(Status),
}

impl Outcome {
    /// Shows a message saying what was done.
    pub fn say(&mut self, text: impl Into<String>) {
        self.status = StatusChange::Show(Status::info(text));
    }

    /// Shows a message saying what went wrong.
    pub fn fail(&mut self, text: impl Into<String>) {
        self.status = StatusChange::Show(Status::error(text));
    }

    /// Empties the status line, unless this key has a message of its own.
    pub fn clear_status(&mut self) {
        if matches!(self.status, StatusChange::Keep) {
            self.status = StatusChange::Clear;
        }
    }

    /// The session changed and must be saved.
    pub fn changed(&mut self) {
        self.save = true;
    }

    /// Opens an overlay over the screen.
    pub fn open(&mut self, overlay: Overlay) {
        self.overlay = Some(overlay);
    }
}

impl App {
    /// Carries out what a key did on an activity's screen; returns what the loop must do.
    pub(crate) fn carry_out(&mut self, outcome: Outcome) -> Vec<Effect> {
        let effects = if outcome.save {
            self.save_effect()
        } else {
            Vec::new()
        };
        match outcome.status {
            StatusChange::Keep => {}
            StatusChange::Clear => self.status = None,
            StatusChange::Show(status) => self.show(status),
        }
        if let Some(overlay) = outcome.overlay {
            self.overlay = Some(overlay);
        }
        effects
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_outlasts_a_clear_in_the_same_key_whichever_comes_first() {
        let mut out = Outcome::default();
        out.clear_status();
        assert_eq!(out.status, StatusChange::Clear);
        out.say("Moved.");
        assert_eq!(out.status, StatusChange::Show(Status::info("Moved.")));
        out.clear_status();
        assert_eq!(out.status, StatusChange::Show(Status::info("Moved.")));
    }
}
