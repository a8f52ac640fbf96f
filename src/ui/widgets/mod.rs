pub mod big_timer;
