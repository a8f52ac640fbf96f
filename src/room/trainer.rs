//! Trainer notes: what the content carries for the trainer's eyes only — a card's `label:` line
//! (why it reads as it does), where a step's instruction is quoted from, the activity's timing
//! guidance, and the Snapshot's facilitation prompts and design note. The console shows them;
//! the room view never carries them (tested in `build_tests`).

use crate::content::{Deck, SnapshotActivity, StickyActivity};
use crate::workshop::snapshot::SnapshotState;
use crate::workshop::snapshot_pages::{Page, current};
use crate::workshop::text::sanitize_line;
use crate::workshop::{Activity, Session};

/// The trainer's notes for where `session` stands (the card `group` works on), cleaned.
pub fn trainer_notes(
    session: &Session,
    deck: Option<&Deck>,
    sticky: &StickyActivity,
    snapshot: &SnapshotActivity,
    group: u32,
) -> Vec<String> {
    let mut notes = Vec::new();
    match session.activity {
        Activity::Sticky => {
            let step = session.step();
            let card = session
                .category_for(group)
                .and_then(|name| deck.and_then(|d| d.category(name)));
            if let Some(label) = card.and_then(|c| c.label.as_ref()) {
                notes.push(label.clone());
            }
            notes.push(format!(
                "Instruction quoted from: {}",
                sticky.step(step.kind).source
            ));
            if let Some(guidance) = &sticky.timing_guidance {
                notes.push(format!("Timing: {guidance}"));
            }
        }
        Activity::Snapshot => {
            let st = SnapshotState::of(session, snapshot);
            match current(&st, snapshot).1 {
                Page::Dimension(d) | Page::Tally(d) => {
                    if let Some(dim) = snapshot.dimensions.get(d) {
                        notes.push("Facilitation prompts (this app's, not CPM wording):".into());
                        notes.extend(dim.facilitation_prompts.iter().map(|p| format!("• {p}")));
                    }
                }
                _ => {}
            }
            if let Some(note) = &snapshot.design_note {
                notes.push(note.clone());
            }
        }
        Activity::Discussion | Activity::Values => {
            if let Some(r) = session.rounds.as_ref() {
                notes.push(format!("Quoted from: {}", r.source));
            }
        }
    }
    notes.iter().map(|n| sanitize_line(n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;
    use crate::workshop::Mode;
    use crate::workshop::session::tests::{T0, session, sid};

    #[test]
    fn the_console_gets_the_card_label_the_quote_source_and_the_timing() {
        let library = Library::shipped();
        let mut s = session();
        s.mode = Mode::Together;
        s.go_to(5, T0); // Engagement: a card with a label line
        let deck = library.deck("practice");
        let notes = trainer_notes(&s, deck, &library.sticky, &library.snapshot, 1);
        assert!(notes[0].starts_with("Leadership behaviors:"), "{notes:?}");
        assert!(notes[1].contains("FACILITATOR NOTE, item 1"), "{notes:?}");
        assert!(notes[2].starts_with("Timing:"), "{notes:?}");
    }

    #[test]
    fn a_snapshot_dimension_gets_its_facilitation_prompts() {
        let library = Library::shipped();
        let spec = SnapshotState::session_spec("Leaders", &library.snapshot);
        let mut s = Session::new(sid("s2"), spec, T0).unwrap();
        s.snapshot_mut(&library.snapshot)
            .set_page(crate::workshop::snapshot::SnapshotPage::Dimension(0));
        let notes = trainer_notes(&s, None, &library.sticky, &library.snapshot, 1);
        let first = &library.snapshot.dimensions[0].facilitation_prompts[0];
        assert!(
            notes.iter().any(|n| n.contains(first.as_str())),
            "{notes:?}"
        );
    }
}
