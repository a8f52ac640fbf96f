//! A participant's own commitment, kept in view: once the commitment step has passed, the phone
//! that wrote commitment notes sees them first on its page ("Your commitment"), whatever step
//! the trainer is on, until the session closes — the sticky note to post where they will see
//! it every day. While the commitment step is on, the phone's notes list already shows them,
//! editable.

use super::page::{Lang, Mine, escape};
use super::view::PhoneView;
use crate::workshop::Prompt;
use std::fmt::Write;

/// The commitment box's style (the page's nonce allows it).
pub const STYLE: &str = ".commitment{border:3px solid #1d6b2f;border-radius:6px;\
padding:.5rem .75rem;margin:.75rem 0;background:#edf7ef}.commitment h2{margin:0;\
font-size:1.125rem}.commitment p{font-size:1.25rem;margin:.25rem 0;overflow-wrap:anywhere}";

/// The phone's commitments, when they should stand out: any of its notes that is a commitment,
/// while the step on screen is not the commitment step itself.
pub fn mine<'a>(view: &PhoneView, mine: &'a [Mine<'a>]) -> Vec<&'a str> {
    let on_the_step = view
        .prompt
        .as_ref()
        .is_some_and(|p| p.id == Prompt::Commitment.id());
    if on_the_step {
        return Vec::new();
    }
    mine.iter()
        .filter(|m| view.notes.iter().any(|n| n.id == m.id && n.commitment))
        .map(|m| m.text)
        .collect()
}

/// The "Your commitment" box, if the phone has one to keep in view.
pub fn render(out: &mut String, lang: Lang, view: &PhoneView, notes: &[Mine]) {
    let texts = mine(view, notes);
    if texts.is_empty() {
        return;
    }
    let heading = match (lang, texts.len()) {
        (Lang::En, 1) => "Your commitment",
        (Lang::En, _) => "Your commitments",
        (Lang::Es, 1) => "Su compromiso",
        (Lang::Es, _) => "Sus compromisos",
    };
    let _ = write!(
        out,
        "<section class=\"commitment\" aria-labelledby=\"commitment-h\">\
         <h2 id=\"commitment-h\">{heading}</h2>"
    );
    for text in texts {
        let _ = write!(out, "<p>{}</p>", escape(text));
    }
    out.push_str("</section>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phones::view::{NoteView, PromptView};

    fn view(prompt: Option<&'static str>) -> PhoneView {
        PhoneView {
            open: true,
            prompt: prompt.map(|id| PromptView { id, label: id }),
            notes: vec![
                NoteView {
                    id: 1,
                    group: 1,
                    text: "shared".into(),
                    commitment: false,
                    visibility: Default::default(),
                },
                NoteView {
                    id: 2,
                    group: 1,
                    text: "Ask <first>".into(),
                    commitment: true,
                    visibility: Default::default(),
                },
                NoteView {
                    id: 3,
                    group: 2,
                    text: "someone else's".into(),
                    commitment: true,
                    visibility: Default::default(),
                },
            ],
            ..PhoneView::default()
        }
    }

    fn notes() -> Vec<Mine<'static>> {
        vec![
            Mine {
                id: 1,
                text: "shared",
                editable: false,
            },
            Mine {
                id: 2,
                text: "Ask <first>",
                editable: false,
            },
        ]
    }

    #[test]
    fn only_this_phones_commitments_and_only_once_the_step_has_passed() {
        let notes = notes();
        assert_eq!(mine(&view(None), &notes), ["Ask <first>"]);
        assert_eq!(mine(&view(Some("already")), &notes), ["Ask <first>"]);
        assert!(mine(&view(Some("commitment")), &notes).is_empty());
        assert!(mine(&view(None), &notes[..1]).is_empty(), "none written");
    }

    #[test]
    fn the_box_is_escaped_and_in_the_pages_language() {
        let notes = notes();
        let mut en = String::new();
        render(&mut en, Lang::En, &view(None), &notes);
        assert!(
            en.contains(">Your commitment</h2><p>Ask &lt;first&gt;</p>"),
            "{en}"
        );
        let mut es = String::new();
        render(&mut es, Lang::Es, &view(None), &notes);
        assert!(es.contains("Su compromiso"), "{es}");
        let mut none = String::new();
        render(&mut none, Lang::En, &view(Some("commitment")), &notes);
        assert!(none.is_empty());
    }
}
