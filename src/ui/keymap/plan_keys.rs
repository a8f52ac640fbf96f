//! Keys of the Snapshot's planning pages (the Implementation Plan's key decisions) and of the
//! scribe's input for a decision. The pages' other keys (n, p, u, the timer) are the Snapshot's.

use super::Action;
use super::Context as C;
use super::binding::{Binding, Key, bind};
use crossterm::event::KeyCode;

/// The planning pages and their input.
pub(super) static PLAN: &[Binding] = &[
    bind!(
        &[C::SnapshotPlan],
        Key::Code(KeyCode::Up),
        Action::Up,
        "previous priority / action step",
        "choose"
    ),
    bind!(
        &[C::SnapshotPlan],
        Key::Code(KeyCode::Down),
        Action::Down,
        "next priority / action step"
    ),
    bind!(
        &[C::SnapshotPlan],
        Key::Code(KeyCode::Enter),
        Action::EditNote,
        "type the decision (actions: on a priority adds a step, on a step edits it)",
        "type"
    ),
    bind!(
        &[C::SnapshotPlan],
        Key::Char('e'),
        Action::EditNote,
        "type the decision for the selected row"
    ),
    bind!(
        &[C::SnapshotPlan],
        Key::Char('d'),
        Action::DeleteNote,
        "delete the selected action step (u undoes)",
        "delete"
    ),
    bind!(
        &[C::SnapshotPlanInput],
        Key::Code(KeyCode::Enter),
        Action::Submit,
        "save the decision (a date is YYYY-MM-DD)",
        "save"
    ),
    bind!(
        &[C::SnapshotPlanInput],
        Key::Code(KeyCode::Tab),
        Action::CyclePrompt,
        "next field (action step / who / by when)",
        "field"
    ),
    bind!(
        &[C::SnapshotPlanInput],
        Key::Code(KeyCode::Down),
        Action::Down,
        "next field"
    ),
    bind!(
        &[C::SnapshotPlanInput],
        Key::Code(KeyCode::Up),
        Action::Up,
        "previous field"
    ),
];
