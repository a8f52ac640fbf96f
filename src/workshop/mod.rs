//! The workshop domain: sessions, groups, notes, the run order, timers and undo.
//! Pure: no I/O, no terminal, no clock; `now` is always passed in.

pub mod chart;
pub mod clock;
pub mod command;
pub mod duration;
pub mod edits;
pub mod integrity;
pub mod moderation;
pub mod note;
pub mod plan;
pub mod round_commands;
pub mod rounds;
pub mod run_of_show;
pub mod session;
pub mod session_id;
pub mod snapshot;
pub mod snapshot_pages;
pub mod step;
pub mod text;
pub mod timer;
pub mod timer_command;

pub use edits::{Change, History};
pub use moderation::{Moderation, Visibility};
pub use note::{DeletedNote, Note, NoteId, Placement};
pub use plan::{Mode, PlanStep};
pub use rounds::{RoundNote, RoundPage, RoundsError, RoundsState};
pub use session::{Activity, Durations, EditError, Group, Session, SessionSpec};
pub use session_id::{BadSessionId, SessionId};
pub use snapshot::plan::{DraftPlan, PlanEdit, PlanError, PriorityKey};
pub use snapshot::{HeadingId, SnapshotError, SnapshotHistory, SnapshotNote, SnapshotState};
pub use step::{Prompt, StepKind};
pub use timer::{Face, Reading, RunState, Timer};
pub use timer_command::{TimerChange, TimerCommand};
