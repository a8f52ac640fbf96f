//! What each key does on the rounds screens. Every change to the record saves at once.

use super::{RoundEntry, RoundsScreen};
use crate::content::RoundsActivity;
use crate::export::rounds::hands_label;
use crate::ui::app::{App, Effect, Outcome, Overlay, Screen, keep_draft};
use crate::ui::input_view::note_input_key;
use crate::ui::keymap::Action;
use crate::workshop::Timer;
use crate::workshop::rounds::{RoundsError, RoundsState};
use crate::workshop::text::quote;
use time::OffsetDateTime;
use tui_input::Input;

/// Said when `n`, `p` or a jump leaves the page as it was.
const LAST_PAGE: &str = "This is the last page: the summary. x exports it.";
const FIRST_PAGE: &str = "This is the first page.";
const ON_SHOW: &str = "That is the page on show.";
/// Lines scrolled by PageUp / PageDown on the intro and summary.
const PAGE_SCROLL: u16 = 10;
/// Furthest the intro and summary scroll.
const MAX_SCROLL: u16 = 2_000;

/// Applies one action to the rounds screen at `now`; returns what the loop must do.
pub fn update(app: &mut App, action: Action, now: OffsetDateTime) -> Vec<Effect> {
    let activity = match &app.screen {
        Screen::Rounds(s) => match super::script(&app.library, s.open.session.activity) {
            Some(script) => script.clone(),
            None => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    let Screen::Rounds(screen) = &mut app.screen else {
        return Vec::new();
    };
    let out = screen.apply(&activity, action, now);
    app.carry_out(out)
}

impl RoundsScreen {
    fn apply(&mut self, activity: &RoundsActivity, action: Action, now: OffsetDateTime) -> Outcome {
        let mut out = Outcome::default();
        if self.open.blank {
            if matches!(action, Action::ToggleBlank | Action::Close) {
                self.open.blank = false;
            }
        } else if self.entry.is_some() {
            self.update_entry(activity, action, now, &mut out);
        } else {
            self.update_page(activity, action, now, &mut out);
        }
        out
    }

    /// The session changed: mark it and save.
    fn touched(&mut self, now: OffsetDateTime, out: &mut Outcome) {
        self.open.session_mut().updated = now;
        out.changed();
    }

    fn update_page(
        &mut self,
        activity: &RoundsActivity,
        action: Action,
        now: OffsetDateTime,
        out: &mut Outcome,
    ) {
        if self.open.timer_key(&action, now, out) {
            return;
        }
        match action {
            Action::NextStep => self.go(activity, |r| r.turn(1), LAST_PAGE, now, out),
            Action::PreviousStep => self.go(activity, |r| r.turn(-1), FIRST_PAGE, now, out),
            Action::JumpTo(page) => self.go(activity, |r| r.go_to(page), ON_SHOW, now, out),
            Action::ChooseGroup(n) => self.choose_group(n, out),
            Action::NextGroup => {
                let groups = self.open.session.groups.len() as u32;
                self.choose_group(self.open.group % groups.max(1) + 1, out);
            }
            Action::Vote(n) => self.hand(activity, n, now, out),
            Action::Undo => self.take_back(activity, now, out),
            Action::AddNotes => self.open_entry(out),
            Action::Paste(text) => {
                self.open_entry(out);
                self.update_entry(activity, Action::Paste(text), now, out);
            }
            Action::Up => match self.state().step_of(self.page()) {
                Some(_) => self.selected = self.selected.saturating_sub(1),
                None => self.scroll = self.scroll.saturating_sub(1),
            },
            Action::Down => match self.state().step_of(self.page()) {
                Some(_) => {
                    let last = self.page_notes().len().saturating_sub(1);
                    self.selected = (self.selected + 1).min(last);
                }
                None => self.scroll = (self.scroll + 1).min(MAX_SCROLL),
            },
            Action::PageUp => self.scroll = self.scroll.saturating_sub(PAGE_SCROLL),
            Action::PageDown => self.scroll = (self.scroll + PAGE_SCROLL).min(MAX_SCROLL),
            Action::DeleteNote => self.delete(activity, now, out),
            Action::ToggleFollowUp => self.toggle_follow_up(activity, now, out),
            Action::Export => out.open(Overlay::Export { selected: 0 }),
            Action::Help => out.open(Overlay::Help(self.context())),
            Action::ToggleBlank => self.open.blank = true,
            // The session list must never reach the projector by accident.
            Action::Close => out.open(Overlay::ConfirmLeave),
            _ => {}
        }
    }

    /// Moves to another page (`n`, `p`, the jump picker), or says `unmoved` when `turn` leaves
    /// the page as it was; each step page starts its own countdown (ready, not running).
    fn go(
        &mut self,
        activity: &RoundsActivity,
        turn: impl FnOnce(&mut RoundsState) -> bool,
        unmoved: &str,
        now: OffsetDateTime,
        out: &mut Outcome,
    ) {
        let state = self.open.session_mut().rounds_mut(activity);
        if !turn(state) {
            out.say(unmoved);
            return;
        }
        let seconds = state.seconds_for(state.current_page());
        self.open.session_mut().timer = Timer::new(seconds);
        self.open.rang_at = None;
        self.selected = 0;
        self.scroll = 0;
        out.clear_status();
        self.touched(now, out);
    }

    fn choose_group(&mut self, n: u32, out: &mut Outcome) {
        let groups = self.open.session.groups.len() as u32;
        if n == 0 || n > groups {
            out.fail(format!(
                "There is no group {n}; this workshop has groups 1 to {groups}."
            ));
            return;
        }
        self.open.group = n;
        out.say(format!("Notes go to group {n}: a to type."));
    }

    fn hand(
        &mut self,
        activity: &RoundsActivity,
        mark: u32,
        now: OffsetDateTime,
        out: &mut Outcome,
    ) {
        let page = self.page();
        let on_mark = self.step_kind() == Some(crate::content::RoundStepKind::Mark);
        let (Some(item), true) = (RoundsState::item_of(page), on_mark) else {
            out.say("Hands are counted on a “where do we stand?” page: n walks to it.");
            return;
        };
        let state = self.open.session_mut().rounds_mut(activity);
        let index = (mark as usize).saturating_sub(1);
        match state.add_hands(item, index, 1) {
            Ok(()) => {
                let msg = format!(
                    "+1 “{}”: {}.",
                    state.marks.get(index).map_or("", String::as_str),
                    counts_line(state, item)
                );
                out.say(msg);
                self.touched(now, out);
            }
            Err(e) => out.fail(e.to_string()),
        }
    }

    fn take_back(&mut self, activity: &RoundsActivity, now: OffsetDateTime, out: &mut Outcome) {
        let on_mark = self.step_kind() == Some(crate::content::RoundStepKind::Mark);
        let Some(item) = RoundsState::item_of(self.page()).filter(|_| on_mark) else {
            out.say("u takes back a hand on a “where do we stand?” page; d deletes a note.");
            return;
        };
        let state = self.open.session_mut().rounds_mut(activity);
        match state.take_back_hand(item) {
            Ok(mark) => {
                let msg = format!(
                    "Took back a hand for “{}”: {}.",
                    state.marks.get(mark).map_or("", String::as_str),
                    counts_line(state, item)
                );
                out.say(msg);
                self.touched(now, out);
            }
            Err(e) => out.fail(e.to_string()),
        }
    }

    fn delete(&mut self, activity: &RoundsActivity, now: OffsetDateTime, out: &mut Outcome) {
        let Some(id) = self.selected_note() else {
            out.say("No note selected: ↑↓ choose one on a talk or share page.");
            return;
        };
        match self.open.session_mut().rounds_mut(activity).delete_note(id) {
            Ok(note) => {
                out.say(format!(
                    "Deleted {} (kept in the session's trash).",
                    quote(&note.text)
                ));
                let last = self.page_notes().len().saturating_sub(1);
                self.selected = self.selected.min(last);
                self.touched(now, out);
            }
            Err(e) => out.fail(e.to_string()),
        }
    }

    fn toggle_follow_up(
        &mut self,
        activity: &RoundsActivity,
        now: OffsetDateTime,
        out: &mut Outcome,
    ) {
        let Some(id) = self.selected_note() else {
            out.say("No note selected: ↑↓ choose one on a talk or share page.");
            return;
        };
        match self
            .open
            .session_mut()
            .rounds_mut(activity)
            .toggle_follow_up(id)
        {
            Ok(true) => {
                out.say("Marked to follow up (listed at the end of the exports).");
                self.touched(now, out);
            }
            Ok(false) => {
                out.say("No longer marked to follow up.");
                self.touched(now, out);
            }
            Err(e) => out.fail(e.to_string()),
        }
    }

    fn open_entry(&mut self, out: &mut Outcome) {
        let Some(item) = RoundsState::item_of(self.page()) else {
            out.say(format!(
                "Notes go on a {}'s page: n walks to it.",
                self.state().item_word
            ));
            return;
        };
        if let Some(draft) = self.draft.take().filter(|d| d.item == item) {
            self.entry = Some(draft);
            return;
        }
        self.entry = Some(RoundEntry {
            input: Input::default(),
            item,
            group: self.open.group.max(1),
            saved: 0,
        });
    }

    fn update_entry(
        &mut self,
        activity: &RoundsActivity,
        action: Action,
        now: OffsetDateTime,
        out: &mut Outcome,
    ) {
        let groups = (self.open.session.groups.len() as u32).max(1);
        let Some(entry) = self.entry.as_mut() else {
            return;
        };
        match action {
            Action::Close => {
                keep_draft(self.entry.take(), |e| e.input.value(), &mut self.draft, out);
            }
            Action::Up => entry.group = (entry.group + groups - 2) % groups + 1,
            Action::Down => entry.group = entry.group % groups + 1,
            other => match note_input_key(&mut entry.input, other) {
                Some(texts) if texts.is_empty() => out.say(
                    "Type a note, then Enter (start it with ? to follow it up). Esc closes the input.",
                ),
                Some(texts) => self.add_notes(activity, &texts, now, out),
                None => {}
            },
        }
    }

    /// Adds notes for the entry's group on its item; keeps the input open. A refused line stops
    /// there and stays in the input, so nothing typed is lost.
    fn add_notes(
        &mut self,
        activity: &RoundsActivity,
        texts: &[String],
        now: OffsetDateTime,
        out: &mut Outcome,
    ) {
        let Some(entry) = self.entry.clone() else {
            return;
        };
        let groups = self.open.session.groups.len() as u32;
        let state = self.open.session_mut().rounds_mut(activity);
        let mut added = 0;
        let mut refused: Option<(String, RoundsError)> = None;
        for text in texts {
            match state.add_note(entry.item, entry.group, groups, text, now) {
                Ok(_) => added += 1,
                Err(e) => {
                    refused = Some((text.clone(), e));
                    break;
                }
            }
        }
        if added > 0 {
            self.open.group = entry.group;
            self.touched(now, out);
        }
        if let Some(e) = self.entry.as_mut() {
            e.saved += added;
            e.input = Input::default();
        }
        match refused {
            Some((text, err)) => {
                if let Some(e) = self.entry.as_mut() {
                    e.input = Input::new(text);
                }
                out.fail(format!("Saved {added}; not saved: {err}."));
            }
            None => out.say(format!(
                "Saved {added} note{} from group {}. ↑↓ changes the group; start a note with ? to follow it up.",
                if added == 1 { "" } else { "s" },
                entry.group
            )),
        }
    }
}

/// "7 Lived every day · 3 Needs strengthening (10 hands)".
fn counts_line(state: &RoundsState, item: usize) -> String {
    let tally = state.tally(item);
    let parts: Vec<String> = state
        .marks
        .iter()
        .zip(&tally.counts)
        .map(|(m, c)| format!("{c} {m}"))
        .collect();
    format!("{} ({})", parts.join(" · "), hands_label(tally.total))
}
