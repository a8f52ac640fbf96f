//! What is on the notes board's current page.

use super::BoardPage;
use crate::ui::open_session::OpenSession;
use crate::workshop::chart::{Headings, list_of};
use crate::workshop::{Note, NoteId};

/// The notes shown on the board's current page, in display order.
pub fn board_notes(w: &OpenSession) -> Vec<NoteId> {
    board_page(w).into_iter().map(|n| n.id).collect()
}

/// The notes on the board's current page, in display order: a group's page is its flip chart
/// (each heading of [`Headings`] in order, already using then could enhance, then its
/// commitments); one heading across groups is each group in order (already, then enhance).
/// The headings are the export's too, so every printed note has a page here. Within a section
/// notes keep the order they were written. One pass over the notes, so a page of thousands
/// costs no more than a glance at each note (drawing and every board keystroke use it).
pub fn board_page(w: &OpenSession) -> Vec<&Note> {
    let s = &w.session;
    let headings = Headings::of(s);
    // Sections in display order; each note goes to at most one.
    let mut sections: Vec<Vec<&Note>>;
    match w.board.page {
        BoardPage::Category(shown) => {
            if shown >= headings.len() {
                return Vec::new();
            }
            sections = vec![Vec::new(); s.groups.len() * 2];
            for n in &s.notes {
                let (Some(list), Some(heading)) =
                    (list_of(n.placement.prompt), headings.of_note(n))
                else {
                    continue;
                };
                if heading != shown {
                    continue;
                }
                // Groups are listed in session order; a group number not in it is not shown
                // (the load checks refuse such a file).
                if let Some(g) = s.groups.iter().position(|g| g.number == n.placement.group) {
                    sections[g * 2 + list].push(n);
                }
            }
        }
        BoardPage::Group => {
            sections = vec![Vec::new(); headings.len() * 2 + 1];
            let commitments = headings.len() * 2;
            for n in s.notes.iter().filter(|n| n.placement.group == w.group) {
                match (list_of(n.placement.prompt), headings.of_note(n)) {
                    (Some(list), Some(heading)) => sections[heading * 2 + list].push(n),
                    _ => sections[commitments].push(n),
                }
            }
        }
    }
    sections.concat()
}

pub(super) fn selected_note(w: &OpenSession) -> Option<NoteId> {
    board_notes(w).get(w.board.selected).copied()
}
