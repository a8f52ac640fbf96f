//! Start-up reading that need not wait for the terminal: the content decks and the session
//! listing are read on two other threads while this one puts the terminal into full-screen
//! mode, so the first frame (which shows the listing) comes sooner.

use crate::content::{ContentError, Library};
use crate::store::{Listing, Store, StoreError};
use std::io;
use std::path::PathBuf;
use std::thread::{self, JoinHandle};

/// Reading in progress.
pub struct Loading {
    library: JoinHandle<Result<Library, ContentError>>,
    listing: JoinHandle<Result<Listing, StoreError>>,
}

/// What the first frame needs.
pub struct Loaded {
    pub library: Result<Library, ContentError>,
    /// The store's listing; an error if the folder cannot be listed.
    pub listing: Result<Listing, StoreError>,
}

impl Loading {
    /// Starts reading the content (shipped, the user content folder, then the folder `content`
    /// if given) and listing
    /// `store`. Fails only if the system will not start a thread.
    pub fn begin(store: &Store, content: Option<PathBuf>) -> io::Result<Loading> {
        let store = store.clone();
        Ok(Loading {
            library: start("cpm-workshop-content", move || {
                let user = crate::content::user_content_dir();
                Library::load_with_user(user.as_deref(), content.as_deref())
            })?,
            listing: start("cpm-workshop-listing", move || store.list())?,
        })
    }

    /// Waits for both to finish.
    pub fn finish(self) -> Loaded {
        Loaded {
            library: wait(self.library),
            listing: wait(self.listing),
        }
    }
}

fn start<T: Send + 'static>(
    name: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> io::Result<JoinHandle<T>> {
    thread::Builder::new().name(name.into()).spawn(work)
}

fn wait<T>(handle: JoinHandle<T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}
