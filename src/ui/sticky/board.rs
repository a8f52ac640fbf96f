//! What is on the notes board's current page.

use crate::ui::open_session::OpenSession;
use crate::workshop::{Note, NoteId, Prompt};

/// The notes shown on the board's current page, in display order.
pub fn board_notes(w: &OpenSession) -> Vec<NoteId> {
    board_page(w).into_iter().map(|n| n.id).collect()
}

/// The notes on the board's current page, in display order: a group's page is its categories in
/// session order (already using, then could enhance), then its commitments; one category across
/// groups is each group in order (already, then enhance). Within a section notes keep the order
/// they were written. One pass over the notes, so a page of thousands costs no more than a
/// glance at each note (drawing and every board keystroke use it).
pub fn board_page(w: &OpenSession) -> Vec<&Note> {
    let s = &w.session;
    let prompt_slot = |p: Prompt| match p {
        Prompt::Already => Some(0),
        Prompt::Enhance => Some(1),
        Prompt::Commitment => None,
    };
    let category_index = |n: &Note| {
        let c = n.placement.category.as_deref()?;
        s.categories.iter().position(|x| x == c)
    };
    // Sections in display order; each note goes to at most one.
    let mut sections: Vec<Vec<&Note>>;
    if w.board.by_category {
        if w.board.category >= s.categories.len() {
            return Vec::new();
        }
        sections = vec![Vec::new(); s.groups.len() * 2];
        for n in &s.notes {
            let (Some(slot), Some(c)) = (prompt_slot(n.placement.prompt), category_index(n)) else {
                continue;
            };
            if c != w.board.category {
                continue;
            }
            // Groups are listed in session order; a group number not in it is not shown.
            if let Some(g) = s.groups.iter().position(|g| g.number == n.placement.group) {
                sections[g * 2 + slot].push(n);
            }
        }
    } else {
        sections = vec![Vec::new(); s.categories.len() * 2 + 1];
        let commitments = s.categories.len() * 2;
        for n in s.notes.iter().filter(|n| n.placement.group == w.group) {
            match prompt_slot(n.placement.prompt) {
                None => sections[commitments].push(n),
                Some(slot) => {
                    if let Some(c) = category_index(n) {
                        sections[c * 2 + slot].push(n);
                    }
                }
            }
        }
    }
    sections.concat()
}

pub(super) fn selected_note(w: &OpenSession) -> Option<NoteId> {
    board_notes(w).get(w.board.selected).copied()
}
