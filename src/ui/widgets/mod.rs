pub mod big_timer;
pub mod qr;
