//! The jump picker: every step of the run of show (or every Snapshot page) in one list, so the
//! trainer goes straight to any category or step instead of paging through them.

use super::centered;
use super::presenter::{page_name, step_name};
use crate::content::SnapshotActivity;
use crate::content::StickyActivity;
use crate::ui::theme::Theme;
use crate::workshop::duration::Clock;
use crate::workshop::rounds::RoundPage;
use crate::workshop::run_of_show::steps;
use crate::workshop::snapshot_pages::pages_for;
use crate::workshop::{Activity, Session};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Widest the picker gets.
const MAX_WIDTH: u16 = 72;
/// Rows around the list: borders and the hint line.
const CHROME_ROWS: u16 = 3;

/// One place the trainer can jump to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// A run-order position (sticky) or a page index (Snapshot).
    pub index: usize,
    pub label: String,
}

/// Every place in `session`, in order.
pub fn targets(
    session: &Session,
    sticky: &StickyActivity,
    snapshot: &SnapshotActivity,
) -> Vec<Target> {
    match session.activity {
        Activity::Sticky => steps(session)
            .iter()
            .map(|st| Target {
                index: st.position,
                label: format!(
                    "{:>7}  {}",
                    Clock(u64::from(st.starts_after)),
                    step_name(session, sticky, st)
                ),
            })
            .collect(),
        Activity::Snapshot => {
            let Some(st) = session.snapshot.as_ref() else {
                return Vec::new();
            };
            pages_for(st.dimensions.len(), snapshot)
                .into_iter()
                .enumerate()
                .map(|(index, page)| Target {
                    index,
                    label: format!("{:>2}. {}", index + 1, page_name(st, page)),
                })
                .collect()
        }
        Activity::Discussion | Activity::Values => {
            let Some(r) = session.rounds.as_ref() else {
                return Vec::new();
            };
            r.pages()
                .into_iter()
                .enumerate()
                .map(|(index, page)| {
                    let name = match page {
                        RoundPage::Intro => "Introduction".to_string(),
                        RoundPage::Summary => "Summary".to_string(),
                        RoundPage::Step { item, step } => format!(
                            "{} · {}",
                            r.item_text(item),
                            r.steps.get(step).map_or("", |s| s.label.as_str())
                        ),
                    };
                    Target {
                        index,
                        label: format!("{:>2}. {name}", index + 1),
                    }
                })
                .collect()
        }
    }
}

/// The index in `targets` of the category step after (or before) `selected`'s category: `→`
/// and `←` skip a whole category of `per` steps, the first `lead` targets (a rounds intro)
/// counting as a category of their own.
pub fn skip_category(
    targets: &[Target],
    selected: usize,
    forward: bool,
    per: usize,
    lead: usize,
) -> usize {
    let last = targets.len().saturating_sub(1);
    let per = per.max(1);
    let Some(at) = selected.checked_sub(lead) else {
        return if forward { lead.min(last) } else { 0 };
    };
    let to = if forward {
        (at / per + 1) * per
    } else if !at.is_multiple_of(per) {
        at - at % per
    } else if at == 0 {
        return 0;
    } else {
        at - per
    };
    (lead + to).min(last)
}

/// Draws the picker over `area` with `selected` highlighted and `current` marked.
pub fn render(
    list: &[Target],
    selected: usize,
    current: usize,
    hint: &str,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let rows = u16::try_from(list.len()).unwrap_or(u16::MAX);
    let box_area = centered(area, MAX_WIDTH, rows.saturating_add(CHROME_ROWS));
    frame.render_widget(Clear, box_area);
    let block = Block::bordered()
        .title(Span::styled(" Jump to ", theme.accent))
        .border_style(theme.border)
        .style(theme.base);
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    let visible = usize::from(inner.height.saturating_sub(1)).max(1);
    let top = selected.saturating_sub(visible - 1).min(selected);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = list
        .iter()
        .enumerate()
        .skip(top)
        .take(visible)
        .map(|(i, t)| {
            let mark = if t.index == current { "▶" } else { " " };
            let pointer = if i == selected { "›" } else { " " };
            let text = super::truncate(&format!("{pointer}{mark} {}", t.label), width);
            Line::from(Span::styled(
                text,
                if i == selected {
                    theme.selected
                } else {
                    theme.base
                },
            ))
        })
        .collect();
    while lines.len() < visible {
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled(
        super::truncate(hint, width),
        theme.dim,
    )));
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;
    use crate::workshop::session::tests::session;

    #[test]
    fn every_step_is_a_target_and_arrows_skip_whole_categories() {
        let library = Library::shipped();
        let s = session();
        let list = targets(&s, &library.sticky, &library.snapshot);
        assert_eq!(list.len(), s.plan().len());
        assert!(
            list[7].label.contains("Round 2 · Share: already using"),
            "{:?}",
            list[7]
        );
        assert!(
            list[7].label.trim_start().starts_with("12:00"),
            "{:?}",
            list[7]
        );
        assert_eq!(skip_category(&list, 7, true, 5, 0), 10);
        assert_eq!(skip_category(&list, 7, false, 5, 0), 5);
        assert_eq!(skip_category(&list, 5, false, 5, 0), 0);
        assert_eq!(skip_category(&list, 0, false, 5, 0), 0);
        assert_eq!(skip_category(&list, 30, true, 5, 0), 31);
    }

    #[test]
    fn arrows_treat_a_rounds_intro_as_a_category_of_its_own() {
        // Intro, four questions of two steps each, summary.
        let list: Vec<Target> = (0..10)
            .map(|index| Target {
                index,
                label: String::new(),
            })
            .collect();
        let right = |from| skip_category(&list, from, true, 2, 1);
        let left = |from| skip_category(&list, from, false, 2, 1);
        assert_eq!(
            [right(0), right(1), right(2), right(7), right(9)],
            [1, 3, 3, 9, 9]
        );
        assert_eq!(
            [left(0), left(1), left(2), left(3), left(9)],
            [0, 0, 1, 1, 7]
        );
    }
}
