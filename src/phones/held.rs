//! A phone's own note that the room's screen does not show yet says so on the phone's page, so a
//! participant who does not see their note on the wall knows why: the trainer holds phones'
//! notes and has not shown this one (or chose not to project it; it is still saved).

use super::page::Lang;
use super::view::PhoneView;
use crate::workshop::{NoteId, Visibility};
use std::fmt::Write;

/// Writes, before the note `id` in the phone's list, a line saying it is not on the screen,
/// when it is not.
pub fn render(out: &mut String, lang: Lang, view: &PhoneView, id: NoteId) {
    let visibility = view
        .notes
        .iter()
        .find(|n| n.id == id)
        .map_or(Visibility::Shown, |n| n.visibility);
    let words = match (visibility, lang) {
        (Visibility::Shown, _) => return,
        (Visibility::Waiting, Lang::En) => {
            "Saved. Waiting for the trainer to put it on the screen."
        }
        (Visibility::Waiting, Lang::Es) => {
            "Guardada. Esperando a que el capacitador la muestre en la pantalla."
        }
        (Visibility::Hidden, Lang::En) => "Saved; not shown on the screen.",
        (Visibility::Hidden, Lang::Es) => "Guardada; no se muestra en la pantalla.",
    };
    let _ = write!(out, "<p class=\"hint\">{words}</p>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phones::view::NoteView;

    #[test]
    fn only_a_note_off_the_screen_gets_a_line_in_the_pages_language() {
        let note = |id, visibility| NoteView {
            id,
            group: 1,
            text: "x".into(),
            commitment: false,
            visibility,
        };
        let view = PhoneView {
            notes: vec![
                note(1, Visibility::Shown),
                note(2, Visibility::Waiting),
                note(3, Visibility::Hidden),
            ],
            ..PhoneView::default()
        };
        let said = |lang, id| {
            let mut out = String::new();
            render(&mut out, lang, &view, id);
            out
        };
        assert!(said(Lang::En, 1).is_empty() && said(Lang::En, 9).is_empty());
        assert!(said(Lang::En, 2).contains("Waiting for the trainer"));
        assert!(said(Lang::Es, 2).contains("Esperando a que el capacitador"));
        assert!(said(Lang::En, 3).contains("not shown on the screen"));
        assert!(said(Lang::Es, 3).contains("no se muestra"));
    }
}
