//! The presenter's panes over an open session: the presenter view (`o`), the room's view on
//! the console (`w`) and the jump picker (`j`). The keys that drive the room (timer, steps,
//! blank) go on to the activity's own handling from either pane.

use super::{App, Effect, Overlay};
use crate::ui::cycle::cycle;
use crate::ui::keymap::{Action, Context};
use crate::ui::open_session::Pane;
use crate::ui::views::jump::{self, targets};
use crate::workshop::{Activity, StepKind};
use time::OffsetDateTime;

/// Rows one PageUp / PageDown moves in the jump picker.
const JUMP_PAGE: usize = 10;

impl App {
    /// The context of a presenter's pane, if one is up (a blanked screen and an open note
    /// input keep their own keys).
    pub(super) fn presenting_context(&self) -> Option<Context> {
        let w = self.open_session()?;
        if w.blank || w.entry.is_some() {
            return None;
        }
        match w.pane {
            Pane::Screens => None,
            Pane::Presenter => Some(Context::Presenter),
            Pane::Room => Some(Context::RoomView),
        }
    }

    /// Handles the presenter's own keys; `None` passes the action on.
    pub(super) fn update_presenting(&mut self, action: &Action) -> Option<Vec<Effect>> {
        let context = self.context();
        let current = self.jump_position();
        let w = self.open_session_mut()?;
        let toggle =
            |pane: &mut Pane, to: Pane| *pane = if *pane == to { Pane::Screens } else { to };
        match action {
            Action::ShowPresenter => toggle(&mut w.pane, Pane::Presenter),
            Action::ShowRoom => toggle(&mut w.pane, Pane::Room),
            Action::Close if matches!(context, Context::Presenter | Context::RoomView) => {
                w.pane = Pane::Screens;
            }
            Action::Jump => {
                self.overlay = Some(Overlay::Jump {
                    selected: current.unwrap_or(0),
                });
            }
            Action::Help if matches!(context, Context::Presenter | Context::RoomView) => {
                self.overlay = Some(Overlay::Help(context));
            }
            _ => return None,
        }
        Some(Vec::new())
    }

    /// Where the open session stands, as an index into the jump list.
    fn jump_position(&self) -> Option<usize> {
        let w = self.open_session()?;
        Some(match w.session.activity {
            Activity::Sticky => w.session.position,
            Activity::Snapshot => w.session.snapshot.as_ref().map_or(0, |s| {
                crate::workshop::snapshot_pages::current(s, &self.library.snapshot).0
            }),
            Activity::Discussion | Activity::Values => {
                w.session.rounds.as_ref().map_or(0, |r| r.page)
            }
        })
    }

    /// A key in the jump picker.
    pub(super) fn update_jump(
        &mut self,
        selected: usize,
        action: Action,
        now: OffsetDateTime,
    ) -> Vec<Effect> {
        let Some(w) = self.open_session() else {
            return Vec::new();
        };
        let list = targets(&w.session, &self.library.sticky, &self.library.snapshot);
        let n = list.len();
        // Steps per category (a Snapshot dimension's page and tally), and the places before the
        // first category (the intro of a Snapshot or the rounds).
        let (per, lead) = match w.session.activity {
            Activity::Sticky => (StepKind::PER_CATEGORY.len(), 0),
            Activity::Snapshot => (2, 1),
            Activity::Discussion | Activity::Values => (
                w.session
                    .rounds
                    .as_ref()
                    .map_or(1, |r| r.steps.len().max(1)),
                1,
            ),
        };
        let selected = selected.min(n.saturating_sub(1));
        let next = match action {
            Action::Close | Action::Jump => return Vec::new(),
            Action::Submit => {
                return match list.get(selected) {
                    Some(target) => {
                        let index = target.index;
                        if let Some(w) = self.open_session_mut() {
                            w.content_scroll = 0;
                            w.rang_at = None;
                        }
                        self.update_screen(Action::JumpTo(index), now)
                    }
                    None => Vec::new(),
                };
            }
            Action::Up | Action::Down => cycle(
                selected,
                n,
                if action == Action::Down {
                    crate::ui::cycle::Way::Forward
                } else {
                    crate::ui::cycle::Way::Back
                },
            ),
            Action::PageUp => selected.saturating_sub(JUMP_PAGE),
            Action::PageDown => (selected + JUMP_PAGE).min(n.saturating_sub(1)),
            Action::Left | Action::Right => {
                jump::skip_category(&list, selected, action == Action::Right, per, lead)
            }
            _ => selected,
        };
        self.overlay = Some(Overlay::Jump { selected: next });
        Vec::new()
    }
}
