pub mod apps;
pub mod cli;
pub mod http;
pub mod priorities;
pub mod props;
pub mod pty;
#[cfg(unix)]
pub mod read_only;
pub mod require;
pub mod rng;
#[cfg(unix)]
pub mod room;
pub mod screen;
pub mod store_files;
pub mod trials;

#[allow(unused_imports)] // not every test file needs the machine to have something
pub use require::require;
#[allow(unused_imports)] // not every test file names a session by id
pub use store_files::session_id;
