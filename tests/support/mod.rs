pub mod pty;
pub mod require;
pub mod rng;
pub mod screen;

#[allow(unused_imports)] // not every test file needs the machine to have something
pub use require::require;
