//! The trainer's say over phones' notes on the console: the mode key (at once, or held for
//! approval) and the queue overlay, where each held note is approved or hidden. Each change is
//! a domain change ([`crate::workshop::moderation`]) put on the undo stack and saved at once;
//! the mode is a setting, switched back with the same key rather than undone.

use super::{App, Effect, Overlay, Screen};
use crate::ui::cycle::{Way, cycle};
use crate::ui::keymap::{Action, Context};
use crate::workshop::Moderation;
use time::OffsetDateTime;

impl App {
    /// The mode key and the queue key from the console; `None` passes the action on.
    pub(super) fn update_moderation(
        &mut self,
        action: &Action,
        now: OffsetDateTime,
    ) -> Option<Vec<Effect>> {
        let wanted = matches!(action, Action::ToggleModeration)
            || matches!(action, Action::ShowQueue if self.overlay.is_none());
        if !wanted {
            return None;
        }
        if !matches!(self.screen, Screen::Sticky(_)) {
            self.say("Phones add notes in the sticky-note activity only.");
            return Some(Vec::new());
        }
        if *action == Action::ShowQueue {
            self.overlay = Some(Overlay::Queue { selected: 0 });
            return Some(Vec::new());
        }
        Some(self.toggle_moderation(now))
    }

    fn toggle_moderation(&mut self, now: OffsetDateTime) -> Vec<Effect> {
        let Some(w) = self.open_session_mut() else {
            return Vec::new();
        };
        let mode = w.session.toggle_moderation(now);
        let waiting = w.session.waiting_count();
        let message = match (mode, waiting) {
            (Moderation::Queue, _) => {
                "Phones' notes now wait for you before the projector shows them: h opens the queue. M switches back.".to_string()
            }
            (Moderation::ShowAtOnce, 0) => {
                "Phones' notes now go on the projector at once. M holds them again.".to_string()
            }
            (Moderation::ShowAtOnce, n) => format!(
                "Phones' notes now go on the projector at once; {} still {} for you (h).",
                crate::words::count(n, "note", "notes"),
                if n == 1 { "waits" } else { "wait" }
            ),
        };
        self.say(message);
        self.save_effect()
    }

    /// A key in the queue of held notes.
    pub(super) fn update_queue(
        &mut self,
        selected: usize,
        action: Action,
        now: OffsetDateTime,
    ) -> Vec<Effect> {
        let Some(w) = self.open_session_mut() else {
            return Vec::new();
        };
        let queue: Vec<_> = w.session.queue().iter().map(|n| n.id).collect();
        let selected = selected.min(queue.len().saturating_sub(1));
        let keep = |app: &mut App, selected| app.overlay = Some(Overlay::Queue { selected });
        let result = match action {
            Action::Close | Action::ShowQueue => return Vec::new(),
            Action::Help => {
                self.overlay = Some(Overlay::Help(Context::Queue));
                return Vec::new();
            }
            Action::Up | Action::Down => {
                let way = Way::forward_if(action == Action::Down);
                keep(self, cycle(selected, queue.len().max(1), way));
                return Vec::new();
            }
            Action::Undo | Action::Redo => {
                keep(self, selected);
                return self.update_screen(action, now);
            }
            Action::Approve | Action::Hide => match queue.get(selected) {
                None => Err("No phone's note is held."),
                Some(&id) if action == Action::Approve => Ok(w.session.approve_note(id, now).ok()),
                Some(&id) => Ok(w.session.hide_note(id, now).ok()),
            },
            Action::ApproveAll => match w.session.approve_all(now) {
                None => Err("No phone's note is waiting."),
                some => Ok(some),
            },
            _ => {
                keep(self, selected);
                return Vec::new();
            }
        };
        keep(self, selected);
        match result {
            Ok(Some(change)) => {
                let what = change.summary();
                if let Some(w) = self.open_session_mut() {
                    w.history.record(change);
                }
                self.say(format!("Done: {what}. u undoes."));
                self.save_effect()
            }
            Ok(None) => Vec::new(),
            Err(message) => {
                self.say(message);
                Vec::new()
            }
        }
    }
}
