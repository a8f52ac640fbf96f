pub mod big_timer;
pub mod card;
pub mod timer_box;
pub mod qr;
