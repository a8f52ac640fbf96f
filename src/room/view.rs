//! What the room sees, as data: the value the session's owner writes for projectors to draw.
//! Nothing about keys, files or commands, and nothing meant for the trainer alone.

use crate::workshop::text::{sanitize, sanitize_line};
use crate::workshop::{RunState, SessionId, Timer};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The projection format this build writes and reads; a follower shows "waiting" for another.
pub const ROOM_VIEW_VERSION: u32 = 1;

/// Everything a projector draws for one moment of a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomView {
    pub version: u32,
    /// The session's id, so a follower knows whose view it reads.
    pub session: SessionId,
    /// The presenter blanked the room's screen.
    pub blank: bool,
    /// "Sticky-note behaviors" or "Snapshot warm-up".
    pub activity: String,
    /// The deck or activity title, for a small line at the top.
    pub deck: String,
    /// What the room is on, in big letters: the category, or the Snapshot page's subject.
    pub heading: String,
    /// The step within it ("Brainstorm: already using", "Where are we now?").
    pub step: String,
    /// Where that is in the whole ("Category 2 of 6 · step 3 of 5", "Page 4 of 14").
    pub place: String,
    /// The room instruction for the step (from the activity script); empty when there is none.
    pub instruction: String,
    /// Paragraphs the room reads (a card's definition, a Snapshot page's text).
    pub text: Vec<String>,
    /// The card's numbered behaviors.
    pub behaviors: Vec<RoomBehavior>,
    /// Where the card's words come from, named by document title.
    pub source: Option<String>,
    /// The behaviors page the presenter chose; `None` lets a projector turn pages by itself.
    pub page: Option<usize>,
    pub timer: RoomTimer,
    /// In a rotation: which category each group works at.
    pub stations: Vec<Station>,
    /// The notes during share steps (and the Snapshot's analysis).
    pub wall: Option<Wall>,
    /// The Snapshot's show of hands, one per dimension shown.
    pub tallies: Vec<RoomTally>,
    /// The Snapshot's dot vote: opportunities with their dots, most first.
    pub dots: Vec<Dotted>,
    /// The Snapshot's priorities, in order.
    pub priorities: Vec<String>,
    /// While the room for phones is open: how to join it (the code is for the room to see).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join: Option<RoomJoin>,
}

/// How phones join the open room, as the projector shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomJoin {
    /// The link a phone opens, with the code in it (what the QR code holds).
    pub link: String,
    /// What to type instead of scanning: the room's address and port.
    pub address: String,
    pub code: String,
    /// The presenter put the QR code full screen, for a large room.
    pub full: bool,
}

/// One numbered behavior and its lettered items, as the card reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomBehavior {
    pub number: u32,
    pub title: String,
    pub lines: Vec<RoomLine>,
}

/// A line under a behavior: a paragraph (no marker) or an item (`a.`, `•`, `i. Supervisor:`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomLine {
    /// 0 for the behavior's own paragraphs and items, 1 for role items under an item.
    pub depth: u8,
    pub marker: String,
    pub text: String,
}

/// Which category a group works at in this round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Station {
    pub group: String,
    pub category: String,
}

/// A wall of notes under one heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wall {
    pub heading: String,
    pub notes: Vec<WallNote>,
    /// Notes left off the wall (the newest are kept).
    pub more: usize,
}

/// One note on the wall: who wrote it (group or heading) and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WallNote {
    pub by: String,
    pub text: String,
}

/// One dimension's show of hands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomTally {
    pub dimension: String,
    pub stages: Vec<Stage>,
    pub total: u32,
}

/// One point of the scale with its hands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    pub label: String,
    pub count: u32,
    pub percent: u32,
}

/// An opportunity and its dots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dotted {
    pub text: String,
    pub dots: u32,
}

/// The step timer as a deadline, so a follower counts down on its own clock and the owner need
/// not write a file every second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum RoomTimer {
    /// Not started in this step; `length_ms` is `None` for an untimed step.
    Ready { length_ms: Option<i64> },
    /// Counting: from `started` (pauses already taken off), ending at `ends_at` for a countdown.
    Running {
        length_ms: Option<i64>,
        #[serde(with = "time::serde::rfc3339")]
        started: OffsetDateTime,
        #[serde(with = "time::serde::rfc3339::option")]
        ends_at: Option<OffsetDateTime>,
    },
    /// Paused with `elapsed_ms` counted (so `length_ms - elapsed_ms` remain).
    Paused {
        length_ms: Option<i64>,
        elapsed_ms: i64,
    },
}

impl RoomTimer {
    /// The room's copy of a step timer.
    pub fn of(timer: &Timer) -> RoomTimer {
        let length_ms = timer.length_ms;
        match (timer.state(), timer.running_since) {
            (RunState::Running, Some(since)) => {
                let started = since - time::Duration::milliseconds(timer.banked_ms);
                RoomTimer::Running {
                    length_ms,
                    started,
                    ends_at: length_ms.map(|l| started + time::Duration::milliseconds(l)),
                }
            }
            (RunState::Ready, _) => RoomTimer::Ready { length_ms },
            _ => RoomTimer::Paused {
                length_ms,
                elapsed_ms: timer.banked_ms,
            },
        }
    }

    /// A domain timer that reads the same at every instant, so followers draw the face, the
    /// warning and the overtime exactly as the console does.
    pub fn as_timer(&self) -> Timer {
        let clamp = |ms: Option<i64>| ms.map(|l| l.clamp(0, crate::workshop::timer::MAX_TIMER_MS));
        match *self {
            RoomTimer::Ready { length_ms } => Timer {
                length_ms: clamp(length_ms),
                banked_ms: 0,
                running_since: None,
            },
            RoomTimer::Running {
                length_ms, started, ..
            } => Timer {
                length_ms: clamp(length_ms),
                banked_ms: 0,
                running_since: Some(started),
            },
            RoomTimer::Paused {
                length_ms,
                elapsed_ms,
            } => Timer {
                length_ms: clamp(length_ms),
                banked_ms: elapsed_ms.clamp(0, crate::workshop::timer::MAX_TIMER_MS),
                running_since: None,
            },
        }
    }
}

impl RoomView {
    /// The same view with every text cleaned of escape codes, controls and bidi marks: the
    /// owner cleans what it writes, and a follower cleans what it reads (a file can be edited).
    pub fn cleaned(mut self) -> RoomView {
        let line = |s: &mut String| *s = sanitize_line(s);
        for s in [
            &mut self.activity,
            &mut self.deck,
            &mut self.heading,
            &mut self.step,
            &mut self.place,
            &mut self.instruction,
        ] {
            line(s);
        }
        self.text.iter_mut().for_each(line);
        if let Some(source) = &mut self.source {
            line(source);
        }
        for b in &mut self.behaviors {
            line(&mut b.title);
            for l in &mut b.lines {
                line(&mut l.marker);
                line(&mut l.text);
            }
        }
        for s in &mut self.stations {
            line(&mut s.group);
            line(&mut s.category);
        }
        if let Some(wall) = &mut self.wall {
            line(&mut wall.heading);
            for n in &mut wall.notes {
                line(&mut n.by);
                n.text = sanitize(&n.text);
            }
        }
        for t in &mut self.tallies {
            line(&mut t.dimension);
            for s in &mut t.stages {
                line(&mut s.label);
            }
        }
        for d in &mut self.dots {
            line(&mut d.text);
        }
        self.priorities.iter_mut().for_each(line);
        if let Some(join) = &mut self.join {
            line(&mut join.link);
            line(&mut join.address);
            line(&mut join.code);
        }
        self
    }
}
