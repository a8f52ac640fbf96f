//! Drawing the sticky-note activity: the run view (what the projector shows), the notes board and
//! the rotation overview.

pub(crate) mod board;
pub(crate) mod rotation;
pub(crate) mod run;
