//! Keys on the Snapshot's pages: moving between them, the timer, the show of hands on a
//! dimension, the analysis columns, dot voting, the priorities, and scrolling the text pages.

use super::super::{EditBox, EditTarget, Page, SnapshotScreen};
use super::{MAX_SCROLL, heading_title, sentence};
use crate::content::SnapshotActivity;
use crate::ui::app::{Outcome, Overlay};
use crate::ui::keymap::Action;
use crate::workshop::snapshot::MAX_SETTING;
use crate::workshop::text::quote;
use crate::workshop::{HeadingId, SnapshotState, Timer};
use time::OffsetDateTime;
use tui_input::Input;

/// Lines scrolled by PageUp / PageDown.
const PAGE_SCROLL: u16 = 10;

impl SnapshotScreen {
    pub(super) fn update_page(
        &mut self,
        activity: &SnapshotActivity,
        action: Action,
        now: OffsetDateTime,
        out: &mut Outcome,
    ) {
        if self.open.timer_key(&action, now, out) {
            return;
        }
        let page = self.page();
        match action {
            Action::NextStep => self.go(activity, 1, now, out),
            Action::JumpTo(to) => {
                let at = self.pages().iter().position(|p| *p == page).unwrap_or(0);
                let delta =
                    isize::try_from(to).unwrap_or(isize::MAX) - isize::try_from(at).unwrap_or(0);
                if delta != 0 {
                    self.go(activity, delta, now, out);
                }
            }
            Action::PreviousStep => self.go(activity, -1, now, out),
            Action::Vote(n) => match self.page_dimension() {
                Some(d) => self.vote(activity, d, n, now, out),
                None => out.say("Votes go on a dimension's page: n walks to it."),
            },
            Action::Undo if self.page_dimension().is_some() => {
                let d = self.page_dimension().unwrap_or(0);
                let state = self.open.session_mut().snapshot_mut(activity);
                match state.take_back_vote(d) {
                    Ok(stage) => {
                        let msg = format!(
                            "Took back a vote for “{}” on {}: {}.",
                            state.scale.get(stage).map_or("", String::as_str),
                            state.dimension_name(d),
                            counts_line(state, d)
                        );
                        out.say(msg);
                        self.touched(now, out);
                    }
                    Err(e) => out.fail(sentence(&e)),
                }
            }
            Action::Undo | Action::Redo => {
                let state = self.open.session_mut().snapshot_mut(activity);
                let done = if action == Action::Undo {
                    self.history.undo(state)
                } else {
                    self.history.redo(state)
                };
                if let Some(what) = done {
                    out.say(format!("{}: {what}.", action.undo_word()));
                    self.clamp_selections();
                    self.touched(now, out);
                } else {
                    out.say("Nothing to undo or redo (votes are taken back with u on their page).");
                }
            }
            Action::AddNotes => self.open_entry(),
            Action::Paste(text) => {
                self.open_entry();
                self.update_entry(activity, Action::Paste(text), now, out);
            }
            Action::Export => out.open(Overlay::Export { selected: 0 }),
            Action::Help => out.open(Overlay::Help(self.context())),
            Action::ToggleBlank => self.open.blank = true,
            // The session list must never reach the projector by accident.
            Action::Close => out.open(Overlay::ConfirmLeave),
            other => match page {
                Page::Analysis => self.update_analysis(activity, other, now, out),
                Page::Dots => self.update_dots(activity, other, now, out),
                Page::Priorities => self.update_priorities(activity, other, now, out),
                Page::Plan(step) => self.update_plan(activity, step, other, now, out),
                _ => self.update_scroll(other),
            },
        }
    }

    /// Moves `delta` pages; each page starts with a fresh (untimed) timer.
    fn go(
        &mut self,
        activity: &SnapshotActivity,
        delta: isize,
        now: OffsetDateTime,
        out: &mut Outcome,
    ) {
        let pages = self.pages();
        let at = self.page_number().0 - 1;
        let Some(to) = at.checked_add_signed(delta).and_then(|p| pages.get(p)) else {
            out.say(if delta < 0 {
                "This is the first page."
            } else {
                "This is the last page: the summary. x exports it."
            });
            return;
        };
        self.open.session_mut().snapshot_mut(activity).set_page(*to);
        self.open.session_mut().timer = Timer::new(None);
        self.open.rang_at = None;
        self.scroll = 0;
        self.plan_selected = 0;
        self.clamp_selections();
        out.clear_status();
        self.touched(now, out);
    }

    fn vote(
        &mut self,
        activity: &SnapshotActivity,
        dimension: usize,
        stage: u32,
        now: OffsetDateTime,
        out: &mut Outcome,
    ) {
        let state = self.open.session_mut().snapshot_mut(activity);
        let stage = (stage as usize).saturating_sub(1);
        match state.vote(dimension, stage, 1) {
            Ok(()) => {
                let msg = format!(
                    "+1 “{}” on {}: {}.",
                    state.scale.get(stage).map_or("", String::as_str),
                    state.dimension_name(dimension),
                    counts_line(state, dimension)
                );
                out.say(msg);
                self.touched(now, out);
            }
            Err(e) => out.fail(sentence(&e)),
        }
    }

    fn update_analysis(
        &mut self,
        activity: &SnapshotActivity,
        action: Action,
        now: OffsetDateTime,
        out: &mut Outcome,
    ) {
        match action {
            Action::Left => {
                self.column = self.column.previous();
                self.clamp_selections();
            }
            Action::Right => {
                self.column = self.column.next();
                self.clamp_selections();
            }
            Action::Up => self.analysis_selected = self.analysis_selected.saturating_sub(1),
            Action::Down => {
                let n = self.column_notes(self.column).len();
                self.analysis_selected = (self.analysis_selected + 1).min(n.saturating_sub(1));
            }
            Action::ShiftLeft | Action::ShiftRight => {
                let Some(id) = self.selected_note() else {
                    out.say("No note selected: ←→ picks a column, ↑↓ a note.");
                    return;
                };
                let to = if action == Action::ShiftLeft {
                    self.column.previous()
                } else {
                    self.column.next()
                };
                let (dimension, text) = self
                    .state()
                    .note(id)
                    .map_or((0, ""), |n| (n.dimension, n.text.as_str()));
                let what = format!("moving {} to {}", quote(text), heading_title(activity, to));
                if self
                    .change(activity, now, out, what, |s| s.move_note(id, dimension, to))
                    .is_some()
                {
                    self.column = to;
                    self.analysis_selected = self
                        .column_notes(to)
                        .iter()
                        .position(|&n| n == id)
                        .unwrap_or(0);
                    out.say(format!(
                        "Moved to {}. u undoes.",
                        heading_title(activity, to)
                    ));
                }
            }
            Action::EditNote => {
                if let Some(note) = self.selected_note().and_then(|id| self.state().note(id)) {
                    self.edit = Some(EditBox {
                        target: EditTarget::Note(note.id),
                        input: Input::new(note.text.clone()),
                    });
                }
            }
            Action::DeleteNote => {
                if let Some(id) = self.selected_note()
                    && let what = format!(
                        "deleting {}",
                        quote(self.state().note(id).map_or("", |n| n.text.as_str()))
                    )
                    && self
                        .change(activity, now, out, what, |s| s.delete_note(id))
                        .is_some()
                {
                    self.clamp_selections();
                    out.say("Note deleted. u brings it back.");
                }
            }
            _ => {}
        }
    }

    fn update_dots(
        &mut self,
        activity: &SnapshotActivity,
        action: Action,
        now: OffsetDateTime,
        out: &mut Outcome,
    ) {
        let ops = self.opportunities();
        let selected = ops.get(self.dot_selected).copied();
        match action {
            Action::Up => self.dot_selected = self.dot_selected.saturating_sub(1),
            Action::Down => {
                self.dot_selected = (self.dot_selected + 1).min(ops.len().saturating_sub(1));
            }
            Action::AddDot | Action::RemoveDot => {
                let Some(id) = selected else {
                    out.say(format!(
                        "No opportunities yet: a adds a note, Tab picks {}.",
                        heading_title(activity, HeadingId::Opportunities)
                    ));
                    return;
                };
                let add = action == Action::AddDot;
                let text = quote(self.state().note(id).map_or("", |n| n.text.as_str()));
                let what = if add {
                    format!("adding a dot to {text}")
                } else {
                    format!("removing a dot from {text}")
                };
                let dots = self.change(activity, now, out, what, |s| {
                    if add { s.add_dot(id) } else { s.remove_dot(id) }
                });
                if let Some(dots) = dots {
                    let st = self.state();
                    let text = st.note(id).map_or("", |n| n.text.as_str());
                    let left = st
                        .dots_left()
                        .map(|l| format!(" · {l} left"))
                        .unwrap_or_default();
                    out.say(format!(
                        "{} on {}{left}.",
                        crate::words::count(dots, "dot", "dots"),
                        quote(text)
                    ));
                }
            }
            Action::MorePeople | Action::FewerPeople => {
                let room = self.state().room();
                let to = if action == Action::MorePeople {
                    room.saturating_add(1).min(MAX_SETTING)
                } else {
                    room.saturating_sub(1)
                };
                if self
                    .change(
                        activity,
                        now,
                        out,
                        format!("setting the room size to {to}"),
                        |s| s.set_room_size(Some(to)),
                    )
                    .is_some()
                {
                    out.say(format!("The room: {to} people."));
                }
            }
            Action::MoreDots | Action::FewerDots => {
                let per = self.state().dots_per_person;
                let to = if action == Action::MoreDots {
                    per.saturating_add(1)
                } else {
                    per.saturating_sub(1)
                };
                if self
                    .change(
                        activity,
                        now,
                        out,
                        format!("setting {to} dots per person"),
                        |s| s.set_dots_per_person(to),
                    )
                    .is_some()
                {
                    out.say(format!("{to} dots per person."));
                }
            }
            _ => {}
        }
    }

    fn update_priorities(
        &mut self,
        activity: &SnapshotActivity,
        action: Action,
        now: OffsetDateTime,
        out: &mut Outcome,
    ) {
        let count = self.state().priorities().len();
        let i = self.priority_selected;
        match action {
            Action::Up => self.priority_selected = i.saturating_sub(1),
            Action::Down => self.priority_selected = (i + 1).min(count.saturating_sub(1)),
            Action::ShiftUp | Action::ShiftDown => {
                let up = action == Action::ShiftUp;
                let what = format!(
                    "moving priority {} {}",
                    i + 1,
                    if up { "up" } else { "down" }
                );
                if let Some(to) = self.change(activity, now, out, what, |s| s.move_priority(i, up))
                {
                    self.priority_selected = to;
                    out.say("Priorities reordered. u undoes; r takes them from the dots again.");
                }
            }
            Action::EditNote => match self.state().priorities().get(i) {
                Some(p) => {
                    self.edit = Some(EditBox {
                        target: EditTarget::Priority(i),
                        input: Input::new(p.text.clone()),
                    });
                }
                None => out.say("No priorities yet: dot-vote the opportunities first."),
            },
            Action::MorePriorities | Action::FewerPriorities => {
                let n = self.state().priority_count;
                let to = if action == Action::MorePriorities {
                    n.saturating_add(1)
                } else {
                    n.saturating_sub(1)
                };
                if self
                    .change(
                        activity,
                        now,
                        out,
                        format!("setting {to} priorities"),
                        |s| s.set_priority_count(to),
                    )
                    .is_some()
                {
                    self.clamp_selections();
                    out.say(format!(
                        "The top {} become priorities.",
                        crate::words::count(to, "opportunity", "opportunities")
                    ));
                }
            }
            Action::Retake => {
                if !self.state().priorities_fixed() {
                    out.say("The priorities already follow the dot vote.");
                } else if self
                    .change(
                        activity,
                        now,
                        out,
                        "taking the priorities from the dots again".to_string(),
                        |s| {
                            s.retake_priorities();
                            Ok(())
                        },
                    )
                    .is_some()
                {
                    self.clamp_selections();
                    out.say("The priorities follow the dot vote again. u undoes.");
                }
            }
            _ => {}
        }
    }

    pub(super) fn update_scroll(&mut self, action: Action) {
        self.scroll = match action {
            Action::Up => self.scroll.saturating_sub(1),
            Action::Down => self.scroll.saturating_add(1),
            Action::PageUp => self.scroll.saturating_sub(PAGE_SCROLL),
            Action::PageDown => self.scroll.saturating_add(PAGE_SCROLL),
            _ => self.scroll,
        }
        .min(MAX_SCROLL);
    }
}

/// "3 · 5 · 2 (10 votes)": a dimension's counts per stage.
fn counts_line(state: &SnapshotState, dimension: usize) -> String {
    let tally = state.tally(dimension);
    let counts: Vec<String> = tally.counts.iter().map(u32::to_string).collect();
    format!(
        "{} ({})",
        counts.join(" · "),
        crate::words::count(tally.total, "vote", "votes")
    )
}
