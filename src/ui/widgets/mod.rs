pub mod big_timer;
pub mod timer_box;
