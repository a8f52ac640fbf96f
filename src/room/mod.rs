//! The room's view of a session: what a projector shows, built by the session's owner and
//! written beside the session for followers (`cpm-workshop projector`) to draw.

pub mod build;
pub mod trainer;
pub mod view;

pub use build::{Presenter, RoomSource, room_view};
pub use trainer::trainer_notes;
pub use view::{RoomTimer, RoomView};
