pub mod big_timer;
pub mod card;
pub mod qr;
pub mod timer_box;
