pub mod big_timer;
pub mod card;
