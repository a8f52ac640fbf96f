//! "Paste this category's behaviors": on the Read step of a category with nothing to read, the
//! trainer pastes the category's behaviors from a handout; they are imported, previewed, and on
//! yes saved in a copy of the deck in the user content folder, which the app loads from then on.

use std::path::{Path, PathBuf};

use super::app::{App, Effect, Outcome, Overlay, Screen};
use super::open_session::OpenSession;
use crate::content::{FillError, Library, fill_category, user_content_dir};
use crate::workshop::StepKind;

/// A filled deck waiting for the trainer's yes.
#[derive(Debug, Clone, PartialEq)]
pub struct FillPreview {
    /// The deck's id (its file is `<id>.md`).
    pub deck: String,
    pub category: String,
    /// Where the deck is saved.
    pub path: PathBuf,
    /// The deck file's new text.
    pub text: String,
    /// What the import recognised and dropped, a line each, for the trainer to read.
    pub report: Vec<String>,
}

/// `f` on the run view: opens the paste input when the scribe's group is reading a category
/// with no behaviors; otherwise says why not.
pub(crate) fn start_fill(w: &OpenSession, library: &Library, out: &mut Outcome) {
    if w.session.step().kind != StepKind::Read {
        out.say("f works on a Read step: it fills a category that has nothing to read.");
        return;
    }
    let Some(name) = w
        .session
        .category_index_for(w.group)
        .and_then(|i| w.session.categories.get(i))
        .cloned()
    else {
        return;
    };
    let deck_id = &w.session.deck;
    let Some(deck) = library.deck(deck_id) else {
        out.fail(format!(
            "The deck \"{deck_id}\" is not loaded, so it cannot be filled."
        ));
        return;
    };
    match deck.category(&name) {
        Some(c) if !c.behaviors.is_empty() => {
            out.say(format!("{name} already has behaviors to read."));
            return;
        }
        Some(_) => {}
        None => {
            out.fail(format!(
                "The deck \"{deck_id}\" has no category \"{name}\"."
            ));
            return;
        }
    }
    if library.user_dir().is_none() && user_content_dir().is_none() {
        out.fail(
            "This computer names no user content folder to save in: import the handout with `cpm-workshop content import` into a folder and start with --content DIR (README, Content).",
        );
        return;
    }
    out.open(Overlay::FillPaste {
        category: name,
        problem: None,
    });
}

impl App {
    /// A block pasted into the paste input: imported and previewed, or the input stays open
    /// with what was wrong.
    pub(super) fn fill_pasted(&mut self, category: String, pasted: &str) -> Vec<Effect> {
        let result = self.filled_preview(&category, pasted);
        match result {
            Ok(preview) => {
                self.overlay = Some(Overlay::ConfirmFill(Box::new(preview)));
                self.dirty = true;
            }
            Err(problem) => {
                self.fail(format!("Could not use the paste: {problem}"));
                self.overlay = Some(Overlay::FillPaste {
                    category,
                    problem: Some(problem),
                });
            }
        }
        Vec::new()
    }

    fn filled_preview(&self, category: &str, pasted: &str) -> Result<FillPreview, String> {
        let deck = self
            .open_session()
            .map(|w| w.session.deck.clone())
            .ok_or("no workshop is open")?;
        let dir = self
            .library
            .user_dir()
            .map(Path::to_path_buf)
            .or_else(user_content_dir)
            .ok_or("this computer names no user content folder; use --content DIR")?;
        let text = self
            .library
            .deck_text(&deck)
            .ok_or_else(|| format!("the deck \"{deck}\" is not loaded"))?;
        let filled =
            fill_category(text, &deck, category, pasted).map_err(|e: FillError| e.to_string())?;
        let behaviors = filled
            .deck
            .category(&filled.category)
            .map_or(0, |c| c.behaviors.len());
        let mut report: Vec<String> = filled
            .imported
            .report()
            .lines()
            .map(str::to_string)
            .collect();
        report.insert(0, format!("{behaviors} behaviors for {}.", filled.category));
        report.push("y saves a copy of this deck with them filled in, as:".to_string());
        Ok(FillPreview {
            path: dir.join(format!("{deck}.md")),
            deck,
            category: filled.category,
            text: filled.text,
            report,
        })
    }

    /// After the filled deck is saved (or not): reads the content again so the pane shows the
    /// behaviors; on failure the preview comes back so nothing pasted is lost.
    pub fn deck_saved(&mut self, preview: FillPreview, result: Result<(), String>) {
        if let Err(e) = result {
            self.fail(format!(
                "Could not save {}: {e}. Nothing changed; y tries again.",
                preview.path.display()
            ));
            self.overlay = Some(Overlay::ConfirmFill(Box::new(preview)));
            return;
        }
        match self.library.reload() {
            Ok(library) => self.library = library,
            Err(e) => {
                self.fail(format!(
                    "Saved {}, but the content could not be read again: {e}",
                    preview.path.display()
                ));
                return;
            }
        }
        let deck = self.library.deck(&preview.deck).cloned();
        let shown = deck
            .as_ref()
            .and_then(|d| d.category(&preview.category))
            .is_some_and(|c| !c.behaviors.is_empty());
        if let Screen::Sticky(w) = &mut self.screen
            && w.session.deck.eq_ignore_ascii_case(&preview.deck)
        {
            w.deck = deck.map(|d| d.filtered_for(w.session.role));
            w.content_scroll = 0;
        }
        if shown {
            self.say(format!(
                "Saved {}'s behaviors in {}; this deck loads from there from now on.",
                preview.category,
                preview.path.display()
            ));
        } else {
            self.fail(format!(
                "Saved {}, but a deck of the same name in the --content folder is used instead.",
                preview.path.display()
            ));
        }
    }
}

/// Writes a filled deck into the user content folder (made 0700 on Unix if missing; the file
/// is written whole and renamed into place, 0600).
pub fn save_filled_deck(preview: &FillPreview) -> Result<(), String> {
    if let Some(dir) = preview.path.parent() {
        crate::store::create_private_dir_all(dir).map_err(|e| e.to_string())?;
    }
    crate::export::destination::write(&preview.path, preview.text.as_bytes())
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Saves the filled deck and tells the app how it went (the event loop's part of the effect).
pub fn perform_save_deck(app: &mut App, preview: FillPreview) {
    let result = save_filled_deck(&preview);
    app.deck_saved(preview, result);
}
