//! `cpm-workshop projector`: a read-only room view for a second terminal on the projector.
//!
//! It never writes the session. It polls the room view the presenter's app writes beside the
//! session (a look at the file's size, time and inode, read only when they change) and the
//! session's lock (is any app presenting it?), counts the timer down on its own clock from the
//! deadline in the view, and redraws only when something changed, a timer second passed or a
//! page of behaviors turned. Between those it sleeps in `poll`, so an idle projector costs
//! nothing measurable.

mod big_text;
mod columns;
pub mod follow;
mod join;
pub mod keys;
pub mod view;

use super::terminal::TerminalGuard;
use super::theme::Theme;
use crate::store::Store;
use anyhow::Result;
use crossterm::event::{self, Event, KeyEventKind};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use crossterm::{execute, queue};
use follow::Follow;
use keys::ProjectorKey;
use std::time::Duration;
use time::OffsetDateTime;

/// How often the projector looks at the files: well inside the 300 ms a presenter's change may
/// take to reach the room, and cheap (a `stat` and a lock peek).
pub const POLL: Duration = Duration::from_millis(150);

/// Runs the projector until a key quits it. `session` pins one session (an id or the start of a
/// name, resolved before the screen is taken); without it the projector follows whatever the
/// presenter opens.
pub fn run(store: Store, session: Option<String>, theme: Theme) -> Result<()> {
    super::terminal::require_terminal_output()?;
    let pinned = match session {
        Some(query) => Some(store.find(&query)?.id),
        None => None,
    };
    let mut follow = Follow::new(pinned);
    let mut guard = TerminalGuard::enter(|| {})?;
    let mut dirty = true;
    let mut shown_second = None;
    loop {
        dirty |= follow.poll(&store);
        let now = OffsetDateTime::now_utc();
        // The timer's face and the page on show move with the clock, not with the file.
        let second = follow.view().map(|v| clock_key(v, now));
        if second != shown_second {
            dirty = true;
        }
        if dirty {
            let _ = queue!(guard.terminal.backend_mut(), BeginSynchronizedUpdate);
            // A frame that could not be drawn (the terminal did not answer a cursor query in
            // the middle of a resize, say) is drawn again on the next round: the room's view
            // must outlast a hiccup of the terminal, so it never ends the projector.
            let failed = guard
                .terminal
                .draw(|frame| view::render(follow.showing(), &theme, frame, now))
                .is_err();
            let _ = execute!(guard.terminal.backend_mut(), EndSynchronizedUpdate);
            dirty = failed;
            shown_second = second;
        }
        let wait = follow
            .view()
            .and_then(|v| v.timer.as_timer().next_change(now))
            .map_or(POLL, |d| d.min(POLL));
        if event::poll(wait)? {
            match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => match keys::key_for(&key) {
                    Some(ProjectorKey::Quit) => return Ok(()),
                    Some(ProjectorKey::Redraw) => {
                        let _ = guard.redraw_all();
                        dirty = true;
                    }
                    None => {}
                },
                Event::Resize(..) => {
                    // The terminal reflowed its cells: draw everything again, not a diff (if
                    // clearing fails, the next frame still follows the new size).
                    let _ = guard.redraw_all();
                    dirty = true;
                }
                _ => {}
            }
        }
    }
}

/// What changes on screen with the clock alone: the timer's whole seconds and the page of
/// behaviors on show.
fn clock_key(v: &crate::room::RoomView, now: OffsetDateTime) -> (i64, i64) {
    let seconds = v.timer.as_timer().elapsed_ms(now) / 1000;
    let page_turns = now.unix_timestamp().div_euclid(view::PAGE_SECONDS);
    (seconds, page_turns)
}
