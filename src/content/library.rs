//! The decks and activity scripts a run can use: the shipped ones, plus a trainer's folder.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::activity::{SnapshotActivity, StickyActivity};
use super::deck::Deck;
use super::embedded::{self, DEFAULT_DECK, SHIPPED_DECKS};
use super::error::{ContentError, FolderProblem};
use super::files::read_text;
use super::parse::parse_deck;
use super::rounds::RoundsActivity;
use crate::words::{count, plural};

/// The folder, inside a content folder, that holds activity scripts.
pub const ACTIVITIES_DIR: &str = "activities";
/// The sticky-note activity script's file name.
pub const STICKY_FILE: &str = "sticky.json";
/// The Snapshot warm-up script's file name.
pub const SNAPSHOT_FILE: &str = "snapshot.json";
/// The discussion rounds script's file name.
pub const DISCUSSION_FILE: &str = "discussion.json";
/// The values check script's file name.
pub const VALUES_FILE: &str = "values.json";

/// Every deck and activity script available, and the override files that were skipped.
#[derive(Debug, Clone)]
pub struct Library {
    /// Decks from a trainer's folder, in the order read; each adds a deck or replaces the
    /// shipped one with its id.
    added: Vec<Deck>,
    /// The file each of `added` was read from, in the same order.
    added_from: Vec<PathBuf>,
    /// The text of each of `added`, so a deck can be copied and filled without reading again.
    added_text: Vec<String>,
    /// The user content folder read (it may not exist yet) and the `--content DIR`, so the
    /// library can be read again after a deck is saved.
    user_dir: Option<PathBuf>,
    override_dir: Option<PathBuf>,
    /// Shipped decks in shipped order (practice, leadership, erp, integration) with `added`
    /// applied, then override-only decks by id; always holds a `practice` deck. Built on first
    /// use: the home screen shows no deck, so start-up does not wait for parsing them.
    decks: OnceLock<Vec<Deck>>,
    pub sticky: StickyActivity,
    pub snapshot: SnapshotActivity,
    /// The discussion rounds (the CPM Overview's "Questions for Discussion").
    pub discussion: RoundsActivity,
    /// The values check (the CPM Overview's "Values of CPM: We Believe…").
    pub values: RoundsActivity,
    /// Override files that could not be used, each with why; the shipped content stood in.
    pub skipped: Vec<ContentError>,
}

impl Library {
    /// The content compiled into the binary (a test proves it always loads).
    pub fn shipped() -> Library {
        Library {
            added: Vec::new(),
            added_from: Vec::new(),
            added_text: Vec::new(),
            user_dir: None,
            override_dir: None,
            decks: OnceLock::new(),
            sticky: embedded::sticky(),
            snapshot: embedded::snapshot(),
            discussion: embedded::discussion(),
            values: embedded::values(),
            skipped: Vec::new(),
        }
    }

    /// The shipped content with a trainer's folder on top: each `*.md` there adds a deck or
    /// replaces the shipped deck with the same id, and `activities/sticky.json` /
    /// `activities/snapshot.json` replace the shipped scripts. A file that cannot be used is
    /// recorded in `skipped` and the rest still load. The folder must exist.
    pub fn load(override_dir: Option<&Path>) -> Result<Library, ContentError> {
        Library::load_with_user(None, override_dir)
    }

    /// The shipped content, then the user content folder `user_dir` (read when it exists; a
    /// problem with it is recorded in `skipped`), then `override_dir` (`--content DIR`, which
    /// must exist). A later folder's deck replaces an earlier one with the same id.
    pub fn load_with_user(
        user_dir: Option<&Path>,
        override_dir: Option<&Path>,
    ) -> Result<Library, ContentError> {
        let mut library = Library::shipped();
        library.user_dir = user_dir.map(Path::to_path_buf);
        library.override_dir = override_dir.map(Path::to_path_buf);
        if let Some(dir) = user_dir.filter(|d| d.exists())
            && let Err(err) = library.add_folder(dir)
        {
            library.skipped.push(err);
        }
        if let Some(dir) = override_dir {
            library.add_folder(dir)?;
        }
        Ok(library)
    }

    /// Reads the same folders again (after a deck was saved in the user content folder).
    pub fn reload(&self) -> Result<Library, ContentError> {
        Library::load_with_user(self.user_dir.as_deref(), self.override_dir.as_deref())
    }

    /// The user content folder this library reads, if any.
    pub fn user_dir(&self) -> Option<&Path> {
        self.user_dir.as_deref()
    }

    fn add_folder(&mut self, dir: &Path) -> Result<(), ContentError> {
        let listing = list_folder(dir)?;
        self.skipped.extend(listing.unreadable);
        let mut seen: HashMap<String, PathBuf> = HashMap::new();
        for path in listing.decks {
            match read_deck_and_text(&path) {
                Ok((deck, text)) => {
                    let key = deck.id.to_lowercase();
                    if let Some(other) = seen.get(&key) {
                        self.skipped.push(ContentError::DuplicateDeck {
                            file: path,
                            id: deck.id,
                            other: other.clone(),
                        });
                        continue;
                    }
                    seen.insert(key.clone(), path.clone());
                    // A deck from an earlier folder with this id gives way.
                    if let Some(at) = self.added_index(&key) {
                        self.added.remove(at);
                        self.added_from.remove(at);
                        self.added_text.remove(at);
                    }
                    self.added.push(deck);
                    self.added_from.push(path);
                    self.added_text.push(text);
                }
                Err(err) => self.skipped.push(err),
            }
        }
        let activities = dir.join(ACTIVITIES_DIR);
        let sticky = activities.join(STICKY_FILE);
        if sticky.exists() {
            match read_sticky(&sticky) {
                Ok(activity) => self.sticky = activity,
                Err(err) => self.skipped.push(err),
            }
        }
        let snapshot = activities.join(SNAPSHOT_FILE);
        if snapshot.exists() {
            match read_snapshot(&snapshot) {
                Ok(activity) => self.snapshot = activity,
                Err(err) => self.skipped.push(err),
            }
        }
        for (file, slot) in [
            (DISCUSSION_FILE, &mut self.discussion),
            (VALUES_FILE, &mut self.values),
        ] {
            let path = activities.join(file);
            if path.exists() {
                match read_rounds(&path) {
                    Ok(activity) => *slot = activity,
                    Err(err) => self.skipped.push(err),
                }
            }
        }
        Ok(())
    }

    /// The rounds script with this activity id (`discussion`, `values`), if it is one.
    pub fn rounds(&self, id: &str) -> Option<&RoundsActivity> {
        match id {
            "discussion" => Some(&self.discussion),
            "values" => Some(&self.values),
            _ => None,
        }
    }

    /// Every deck, in a stable order.
    pub fn decks(&self) -> &[Deck] {
        self.decks.get_or_init(|| {
            let mut decks = embedded::decks();
            for deck in &self.added {
                add_or_replace(&mut decks, deck.clone());
            }
            let shipped = SHIPPED_DECKS.len().min(decks.len());
            decks[shipped..].sort_by_key(|d| d.id.to_lowercase());
            decks
        })
    }

    /// The file a deck was read from, or `None` for a deck built into the app.
    pub fn deck_file(&self, id: &str) -> Option<&Path> {
        self.added_index(id).map(|i| self.added_from[i].as_path())
    }

    /// The file text of a deck as loaded: its file's, or the shipped text.
    pub fn deck_text(&self, id: &str) -> Option<&str> {
        match self.added_index(id) {
            Some(i) => Some(self.added_text[i].as_str()),
            None => {
                let id = id.trim().to_lowercase();
                SHIPPED_DECKS.iter().find(|d| d.id == id).map(|d| d.text)
            }
        }
    }

    /// Where the deck `id` (any case) is in `added`.
    fn added_index(&self, id: &str) -> Option<usize> {
        let id = id.trim().to_lowercase();
        self.added.iter().position(|d| d.id.to_lowercase() == id)
    }

    /// Finds a deck by id, ignoring case.
    pub fn deck(&self, id: &str) -> Option<&Deck> {
        let id = id.trim().to_lowercase();
        self.decks().iter().find(|d| d.id.to_lowercase() == id)
    }

    /// The deck used when none is chosen: `practice`.
    pub fn default_deck(&self) -> &Deck {
        self.deck(DEFAULT_DECK)
            .or(self.decks().first())
            .expect("a library always holds the shipped practice deck")
    }
}

/// Adds `deck` to `decks`, replacing a deck with the same id (ignoring case) in place.
fn add_or_replace(decks: &mut Vec<Deck>, mut deck: Deck) {
    let key = deck.id.to_lowercase();
    match decks.iter_mut().find(|d| d.id.to_lowercase() == key) {
        Some(existing) => {
            deck.id = existing.id.clone();
            *existing = deck;
        }
        None => decks.push(deck),
    }
}

/// Reads and parses one deck file; the deck id is the file stem.
pub fn read_deck_file(path: &Path) -> Result<Deck, ContentError> {
    read_deck_and_text(path).map(|(deck, _)| deck)
}

fn read_deck_and_text(path: &Path) -> Result<(Deck, String), ContentError> {
    let id = path
        .file_stem()
        .and_then(OsStr::to_str)
        .ok_or_else(|| ContentError::Read {
            file: path.to_path_buf(),
            message: "the file name is not valid Unicode; rename the file".to_string(),
        })?;
    let text = read_text(path)?;
    let deck = parse_deck(id, path, &text)?;
    Ok((deck, text))
}

/// Reads a sticky-note activity script.
pub fn read_sticky(path: &Path) -> Result<StickyActivity, ContentError> {
    StickyActivity::from_json(path, &read_text(path)?)
}

/// Reads a Snapshot activity script.
pub fn read_snapshot(path: &Path) -> Result<SnapshotActivity, ContentError> {
    SnapshotActivity::from_json(path, &read_text(path)?)
}

/// Reads a rounds script (discussion rounds, values check).
pub fn read_rounds(path: &Path) -> Result<RoundsActivity, ContentError> {
    RoundsActivity::from_json(path, &read_text(path)?)
}

/// Checks a deck file, an activity script, or every `*.md` and `activities/*.json` in a
/// folder; one result per file, each saying what was checked or what is wrong.
pub fn check_path(path: &Path) -> Vec<Result<String, ContentError>> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) => return vec![Err(ContentError::read(path, &err))],
    };
    if !meta.is_dir() {
        return vec![check_file(path)];
    }
    let listing = match list_folder(path) {
        Ok(listing) => listing,
        Err(err) => return vec![Err(err)],
    };
    let mut results: Vec<Result<String, ContentError>> =
        listing.unreadable.into_iter().map(Err).collect();
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    for deck in &listing.decks {
        let result = check_file(deck);
        if let (Ok(_), Some(id)) = (&result, deck.file_stem().and_then(OsStr::to_str)) {
            if let Some(other) = seen.get(&id.to_lowercase()) {
                results.push(Err(ContentError::DuplicateDeck {
                    file: deck.clone(),
                    id: id.to_string(),
                    other: other.clone(),
                }));
                continue;
            }
            seen.insert(id.to_lowercase(), deck.clone());
        }
        results.push(result);
    }
    results.extend(listing.activities.iter().map(|p| check_file(p)));
    if results.is_empty() {
        results.push(Err(ContentError::Folder {
            path: path.to_path_buf(),
            problem: FolderProblem::NothingToCheck,
        }));
    }
    results
}

/// Checks one file by its kind (deck or activity script).
fn check_file(path: &Path) -> Result<String, ContentError> {
    let shown = path.display();
    match extension(path).as_deref() {
        Some("md") => {
            let deck = read_deck_file(path)?;
            Ok(format!(
                "{shown}: ok, {}, {}",
                count(deck.categories.len(), "category", "categories"),
                count(deck.behavior_count(), "behavior", "behaviors")
            ))
        }
        Some("json") => match path.file_name().and_then(OsStr::to_str) {
            Some(STICKY_FILE) => {
                let sticky = read_sticky(path)?;
                Ok(format!(
                    "{shown}: ok, sticky-note activity, {}",
                    count(sticky.steps.len(), "step", "steps")
                ))
            }
            Some(SNAPSHOT_FILE) => {
                let snapshot = read_snapshot(path)?;
                Ok(format!(
                    "{shown}: ok, Snapshot warm-up, {}, {}-point scale",
                    count(snapshot.dimensions.len(), "dimension", "dimensions"),
                    snapshot.scale.len()
                ))
            }
            Some(DISCUSSION_FILE | VALUES_FILE) => {
                let rounds = read_rounds(path)?;
                Ok(format!(
                    "{shown}: ok, {}, {}, {} a round",
                    rounds.title,
                    plural(
                        rounds.items.len(),
                        &rounds.item_word,
                        &format!("{}s", rounds.item_word)
                    ),
                    plural(rounds.steps.len(), "step", "steps")
                ))
            }
            _ => Err(ContentError::UnknownFile {
                file: path.to_path_buf(),
            }),
        },
        _ => Err(ContentError::UnknownFile {
            file: path.to_path_buf(),
        }),
    }
}

/// The content files found in a folder.
struct Listing {
    /// `*.md` files, sorted by name.
    decks: Vec<PathBuf>,
    /// `activities/*.json` files, sorted by name.
    activities: Vec<PathBuf>,
    /// Entries that could not be listed.
    unreadable: Vec<ContentError>,
}

fn list_folder(dir: &Path) -> Result<Listing, ContentError> {
    let folder_error = |problem| ContentError::Folder {
        path: dir.to_path_buf(),
        problem,
    };
    match std::fs::metadata(dir) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return Err(folder_error(FolderProblem::NotFound));
        }
        Err(err) => return Err(folder_error(FolderProblem::Unreadable(err.to_string()))),
        Ok(meta) if !meta.is_dir() => return Err(folder_error(FolderProblem::NotAFolder)),
        Ok(_) => {}
    }
    let mut unreadable = Vec::new();
    let decks = files_with_extension(dir, "md", &mut unreadable)
        .map_err(|e| folder_error(FolderProblem::Unreadable(e.to_string())))?;
    let activities_dir = dir.join(ACTIVITIES_DIR);
    let activities = if activities_dir.is_dir() {
        files_with_extension(&activities_dir, "json", &mut unreadable).unwrap_or_else(|e| {
            unreadable.push(ContentError::read(&activities_dir, &e));
            Vec::new()
        })
    } else {
        Vec::new()
    };
    Ok(Listing {
        decks,
        activities,
        unreadable,
    })
}

/// Files in `dir` whose extension is `ext` (any case), skipping hidden files, sorted.
fn files_with_extension(
    dir: &Path,
    ext: &str,
    unreadable: &mut Vec<ContentError>,
) -> std::io::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                unreadable.push(ContentError::read(dir, &err));
                continue;
            }
        };
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if !hidden && extension(&path).as_deref() == Some(ext) {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(OsStr::to_str)
        .map(str::to_ascii_lowercase)
}

#[cfg(test)]
#[path = "library_tests.rs"]
mod tests;
