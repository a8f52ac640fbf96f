//! The shape every document export shares (txt, md, html; csv walks it for its row order): a
//! header, then pages (one per group), each with sections (categories, then commitments), each
//! with lists (one per prompt) of items. Built once from the session and the scope, so every
//! format shows the same notes in the same order, and no in-scope note is ever left out. The
//! sections are the flip charts' headings ([`crate::workshop::chart`]), the board's too, so a
//! note a hand-edited file puts in a category the session does not list gets a section here and
//! on the board alike.
//!
//! Extending: a Snapshot summary can be a second builder producing the same [`Document`] (pages per
//! dimension, sections per heading, items with a `badge` such as "3 dots"); tallies would need a
//! new field on [`Section`] that each renderer draws. See the note in `mod.rs`.

use super::Options;
use super::scope::Scope;
use crate::workshop::chart::{Heading, Headings, list_of};
use crate::workshop::text::{sanitize, sanitize_line};
use crate::workshop::{Note, Prompt, Session};
use std::collections::{BTreeMap, HashMap};

/// A whole export: the header and the pages.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub header: Header,
    pub pages: Vec<Page<'a>>,
    /// Whether each page is meant to print on a sheet of its own (group handouts and the whole
    /// room), rather than flowing on (one category, or the commitments).
    pub page_per_group: bool,
}

/// What the top of every export says. All fields are display-clean (no control characters).
#[derive(Debug, Clone)]
pub struct Header {
    /// The session's name.
    pub title: String,
    /// "Sticky-note behaviors".
    pub activity: String,
    /// The deck's title (its id when the deck is not installed).
    pub deck: String,
    /// The deck's source, when known.
    pub source: Option<String>,
    /// The session's date, `YYYY-MM-DD`, in the session's own offset.
    pub date: String,
    /// How many groups the session has.
    pub groups: usize,
    /// "rotation" or "all together".
    pub mode: String,
    /// What this export covers: "Whole room", "Group 2 handout", …
    pub scope: String,
}

/// One group's flip-chart pages.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    /// 1-based group number.
    pub number: u32,
    /// "Group 2" or "Group 2 (Redwoods)".
    pub title: String,
    pub sections: Vec<Section<'a>>,
}

impl Page<'_> {
    /// True if the page has no notes at all.
    pub fn is_empty(&self) -> bool {
        self.sections.iter().all(|s| s.lists.is_empty())
    }
}

/// What a section stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// One of the session's categories.
    Category,
    /// A category the session does not list (hand-edited file), or no category at all.
    Other,
    /// The commitment notes.
    Commitments,
}

/// One category of a page (or its commitments).
#[derive(Debug, Clone)]
pub struct Section<'a> {
    pub kind: SectionKind,
    pub title: String,
    /// Non-empty lists only, in prompt order.
    pub lists: Vec<List<'a>>,
}

/// The notes answering one prompt.
#[derive(Debug, Clone)]
pub struct List<'a> {
    pub prompt: Prompt,
    /// The heading ("Already using"); empty for commitments, whose section title says it.
    pub label: String,
    /// In the order they were written.
    pub notes: Vec<&'a Note>,
}

/// Heading of the commitments section.
pub const COMMITMENTS: &str = "Commitments";
pub use crate::workshop::chart::NO_CATEGORY;

/// One page's notes while they are sorted: per category (by index, so sections come out in
/// category order) the already-using and enhance lists, then the commitments.
#[derive(Debug, Clone, Default)]
struct PageNotes<'a> {
    by_category: BTreeMap<usize, [Vec<&'a Note>; 2]>,
    commitments: Vec<&'a Note>,
}

/// Lays out the notes of `session` that are in `options.scope`.
pub fn build<'a>(session: &'a Session, options: &Options) -> Document<'a> {
    let scope = &options.scope;
    let in_scope: Vec<&Note> = session.notes.iter().filter(|n| scope.includes(n)).collect();

    // The session's groups in scope, then any group number only the notes know.
    let mut pages: Vec<Page<'a>> = scope
        .groups(session)
        .into_iter()
        .map(|g| Page {
            number: g.number,
            title: clean_line(&g.label()),
            sections: Vec::new(),
        })
        .collect();
    let mut stray: Vec<u32> = in_scope
        .iter()
        .map(|n| n.placement.group)
        .filter(|g| !pages.iter().any(|p| p.number == *g))
        .collect();
    stray.sort_unstable();
    stray.dedup();
    pages.extend(stray.into_iter().map(|number| Page {
        number,
        title: format!("Group {number}"),
        sections: Vec::new(),
    }));

    // Sections: the flip charts' headings, the same as the board's.
    let headings = Headings::of(session);
    // One pass puts each note on its page, in its category's lists (in the order written).
    let page_of: HashMap<u32, usize> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.number, i))
        .collect();
    let mut sorted: Vec<PageNotes<'a>> = vec![PageNotes::default(); pages.len()];
    for note in &in_scope {
        let Some(on_page) = page_of.get(&note.placement.group).map(|&p| &mut sorted[p]) else {
            continue;
        };
        match (headings.of_note(note), list_of(note.placement.prompt)) {
            (Some(heading), Some(list)) => {
                on_page.by_category.entry(heading).or_default()[list].push(note);
            }
            _ => on_page.commitments.push(note),
        }
    }

    for (page, notes) in pages.iter_mut().zip(sorted) {
        for (category, lists) in notes.by_category {
            let heading = headings.get(category).unwrap_or(Heading::None);
            let kind = match heading {
                Heading::Listed(_) => SectionKind::Category,
                Heading::Unlisted(_) | Heading::None => SectionKind::Other,
            };
            let lists: Vec<List<'a>> = [Prompt::Already, Prompt::Enhance]
                .into_iter()
                .zip(lists)
                .filter(|(_, notes)| !notes.is_empty())
                .map(|(prompt, notes)| List {
                    prompt,
                    label: prompt.label().to_string(),
                    notes,
                })
                .collect();
            page.sections.push(Section {
                kind,
                title: heading
                    .name()
                    .map_or_else(|| NO_CATEGORY.to_string(), clean_line),
                lists,
            });
        }
        if !notes.commitments.is_empty() {
            page.sections.push(Section {
                kind: SectionKind::Commitments,
                title: COMMITMENTS.to_string(),
                lists: vec![List {
                    prompt: Prompt::Commitment,
                    label: String::new(),
                    notes: notes.commitments,
                }],
            });
        }
    }

    Document {
        header: header(session, options),
        pages,
        page_per_group: matches!(scope, Scope::All | Scope::Group(_)),
    }
}

fn header(session: &Session, options: &Options) -> Header {
    Header {
        title: clean_line(&session.name),
        activity: session.activity.label().to_string(),
        deck: clean_line(options.deck_title.as_deref().unwrap_or(&session.deck)),
        source: options.deck_source.as_deref().map(clean_line),
        date: date(session),
        groups: session.groups.len(),
        mode: session.mode.label().to_string(),
        scope: scope_label(session, &options.scope),
    }
}

/// What an export of `scope` covers, in words.
pub fn scope_label(session: &Session, scope: &Scope) -> String {
    match scope {
        Scope::All => "Whole room".to_string(),
        Scope::Group(n) => {
            let label = session
                .groups
                .iter()
                .find(|g| g.number == *n)
                .map_or_else(|| format!("Group {n}"), |g| g.label());
            format!("{} handout", clean_line(&label))
        }
        Scope::Category(c) => format!("{}, all groups", clean_line(c)),
        Scope::Commitments => "Commitments, all groups".to_string(),
    }
}

/// The session's date, `YYYY-MM-DD`, in the offset it was recorded in.
pub fn date(session: &Session) -> String {
    let d = session.created;
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// A note's text as the document formats show it: control characters, escape sequences and
/// bidi overrides removed, tabs as spaces, CR as LF, blank-line runs collapsed, ends trimmed.
/// CSV cells are cleaned the same way; JSON carries the text exactly as stored.
pub fn clean_text(text: &str) -> String {
    sanitize(text)
}

/// One-line text (names, initials, headings) as the document formats show it.
pub fn clean_line(text: &str) -> String {
    sanitize_line(text)
}

/// The lines of a note for formats that lay each line out themselves (Markdown): cleaned, each
/// line trimmed, blank lines dropped. Never empty-lined; an all-control note gives no lines.
pub fn note_lines(text: &str) -> Vec<String> {
    clean_text(text)
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// A note's initials, cleaned, if there are any left.
pub fn initials(note: &Note) -> Option<String> {
    note.initials
        .as_deref()
        .map(clean_line)
        .filter(|i| !i.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::session::tests::{T0, session};
    use crate::workshop::{Group, Placement};

    fn note(id: u64, group: u32, category: Option<&str>, prompt: Prompt) -> Note {
        Note {
            id,
            text: format!("note {id}"),
            placement: Placement {
                group,
                category: category.map(str::to_string),
                prompt,
            },
            created: T0,
            initials: None,
            from_phone: false,
            visibility: Default::default(),
        }
    }

    fn ids(document: &Document) -> Vec<u64> {
        document
            .pages
            .iter()
            .flat_map(|p| &p.sections)
            .flat_map(|s| &s.lists)
            .flat_map(|l| &l.notes)
            .map(|n| n.id)
            .collect()
    }

    #[test]
    fn orders_by_group_category_prompt_then_commitments() {
        let mut s = session();
        s.notes = vec![
            note(1, 2, Some("Teaming"), Prompt::Enhance),
            note(2, 1, None, Prompt::Commitment),
            note(3, 1, Some("Teaming"), Prompt::Already),
            note(4, 1, Some("Engagement"), Prompt::Enhance),
            note(5, 1, Some("Engagement"), Prompt::Already),
            note(6, 2, Some("Teaming"), Prompt::Already),
        ];
        let document = build(&s, &Options::default());
        assert_eq!(ids(&document), [5, 4, 3, 2, 6, 1]);
        assert_eq!(document.pages.len(), 4);
        assert!(document.pages[2].is_empty());
        assert_eq!(document.pages[0].title, "Group 1 (Redwoods)");
        assert!(document.page_per_group);
    }

    #[test]
    fn keeps_notes_on_unknown_groups_and_categories() {
        let mut s = session();
        s.groups.truncate(2);
        s.notes = vec![
            note(1, 9, Some("Teaming"), Prompt::Already),
            note(2, 1, Some("Made up"), Prompt::Already),
            note(3, 1, None, Prompt::Enhance),
            note(4, 1, Some("Teaming"), Prompt::Already),
        ];
        let document = build(&s, &Options::default());
        assert_eq!(ids(&document), [4, 2, 3, 1]);
        let titles: Vec<&str> = document.pages[0]
            .sections
            .iter()
            .map(|s| s.title.as_str())
            .collect();
        assert_eq!(titles, ["Teaming", "Made up", NO_CATEGORY]);
        assert_eq!(document.pages[2].title, "Group 9");
    }

    #[test]
    fn scopes_filter_pages_and_notes() {
        let mut s = session();
        s.groups.push(Group {
            number: 5,
            name: Some("A\u{1b}[31mB".into()),
        });
        s.notes = vec![
            note(1, 2, Some("Teaming"), Prompt::Enhance),
            note(2, 1, None, Prompt::Commitment),
            note(3, 5, Some("Engagement"), Prompt::Already),
        ];
        let group = |scope| {
            build(
                &s,
                &Options {
                    scope,
                    ..Options::default()
                },
            )
        };
        let g5 = group(Scope::Group(5));
        assert_eq!(g5.pages.len(), 1);
        assert_eq!(g5.pages[0].title, "Group 5 (AB)");
        assert_eq!(g5.header.scope, "Group 5 (AB) handout");
        assert_eq!(ids(&g5), [3]);
        let c = group(Scope::Category("Teaming".into()));
        assert_eq!(c.pages.len(), 5);
        assert_eq!(ids(&c), [1]);
        assert!(!c.page_per_group);
        assert_eq!(ids(&group(Scope::Commitments)), [2]);
    }

    #[test]
    fn note_lines_trim_and_drop_blanks() {
        assert_eq!(
            note_lines("  one \n\n\t two\u{7}\n   \nthree"),
            ["one", "two", "three"]
        );
        assert!(note_lines("\u{1b}[2J").is_empty());
    }
}
