//! A rounds activity (discussion rounds, values check) as plain text and Markdown: per item (a
//! question, a value) its show of hands when it has one, then each group's notes; then the
//! worries and questions to follow up. HTML and CSV are in [`super::rounds_formats`].
//!
//! A note to follow up is shown with a leading `?`, the way the scribe typed it; every note under
//! an item marked for follow-up ("Do you have any worries about CPM?") is one too. The scope
//! narrows the notes: a group's handout (`Group`), one item (`Category`, matched by its text), or
//! the follow-ups alone (`Commitments`, the take-away list of this kind of activity).

use super::document::{clean_line, date, note_lines};
use super::snapshot::text_bar;
use super::wrap::wrap;
use super::{Scope, md};
use crate::workshop::rounds::{RoundNote, RoundsState};
use crate::workshop::{Group, Session};
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// Line width of the text export.
const WIDTH: usize = 80;
/// Width of a tally bar in the text export.
const BAR_WIDTH: usize = 20;
/// Heading of the follow-up list.
pub const FOLLOW_UP_TITLE: &str = "To follow up: worries and questions";

/// What one export shows of a rounds session: the record, the scope, and the lists it needs.
pub struct Report<'a> {
    pub session: &'a Session,
    pub state: &'a RoundsState,
    pub scope: &'a Scope,
}

impl<'a> Report<'a> {
    /// The report of a rounds session, or `None` for a session without a rounds record.
    pub fn of(session: &'a Session, scope: &'a Scope) -> Option<Report<'a>> {
        session.rounds.as_ref().map(|state| Report {
            session,
            state,
            scope,
        })
    }

    /// Whether a note is in the export's scope.
    pub fn includes(&self, note: &RoundNote) -> bool {
        match self.scope {
            Scope::All => true,
            Scope::Group(g) => note.group == *g,
            Scope::Category(c) => self
                .state
                .item_text(note.item)
                .eq_ignore_ascii_case(c.trim()),
            Scope::Commitments => self.state.is_follow_up(note),
        }
    }

    /// The items shown, as indexes.
    pub fn items(&self) -> Vec<usize> {
        (0..self.state.items.len())
            .filter(|&i| match self.scope {
                Scope::Category(c) => self.state.item_text(i).eq_ignore_ascii_case(c.trim()),
                _ => true,
            })
            .collect()
    }

    /// The groups shown, in order.
    pub fn groups(&self) -> Vec<&'a Group> {
        self.session
            .groups
            .iter()
            .filter(|g| !matches!(self.scope, Scope::Group(n) if g.number != *n))
            .collect()
    }

    /// The notes of one group on one item, in scope, as written.
    pub fn notes(&self, item: usize, group: u32) -> Vec<&'a RoundNote> {
        let state: &'a RoundsState = self.state;
        state
            .notes
            .iter()
            .filter(|n| n.item == item && n.group == group && self.includes(n))
            .collect()
    }

    /// The notes to follow up, in scope.
    pub fn follow_ups(&self) -> Vec<&'a RoundNote> {
        let state: &'a RoundsState = self.state;
        state
            .follow_ups()
            .into_iter()
            .filter(|n| self.includes(n))
            .collect()
    }

    /// Whether any group in scope has a note on the item (an item nobody wrote on is listed
    /// once as "(no notes)", not once per group).
    pub fn has_notes(&self, item: usize) -> bool {
        self.groups()
            .iter()
            .any(|g| !self.notes(item, g.number).is_empty())
    }

    /// "Question 3" / "Value 7".
    pub fn item_label(&self, item: usize) -> String {
        format!("{} {}", capitalised(&self.state.item_word), item + 1)
    }

    /// What the scope covers, for the header.
    pub fn scope_label(&self) -> String {
        match self.scope {
            Scope::Commitments => FOLLOW_UP_TITLE.to_string(),
            Scope::Category(c) => format!("{}, all groups", clean_line(c)),
            other => super::document::scope_label(self.session, other),
        }
    }

    /// The group's label, by number.
    pub fn group_label(&self, number: u32) -> String {
        self.session
            .groups
            .iter()
            .find(|g| g.number == number)
            .map_or_else(|| format!("Group {number}"), Group::label)
    }

    /// Whether the item has a show of hands to report.
    pub fn shows_hands(&self) -> bool {
        self.state.has_marks() && !matches!(self.scope, Scope::Commitments)
    }
}

/// `word` with its first letter in upper case.
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A note's text as exports show it, with a `? ` in front when it is to be followed up.
pub fn shown(state: &RoundsState, note: &RoundNote) -> String {
    let text = super::document::clean_text(&note.text);
    if state.is_follow_up(note) {
        format!("? {text}")
    } else {
        text
    }
}

/// A rounds session as plain text wrapped at 80 columns.
pub fn render_txt(report: &Report) -> String {
    let state = report.state;
    let mut out = String::new();
    for line in wrap(&clean_line(&report.session.name), WIDTH) {
        let _ = writeln!(out, "{line}");
    }
    let title = format!("{} · {}", clean_line(&state.title), report.scope_label());
    for line in wrap(&title, WIDTH) {
        let _ = writeln!(out, "{line}");
    }
    for line in wrap(&format!("Source: {}", clean_line(&state.source)), WIDTH) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "Date: {}", date(report.session));
    let _ = writeln!(
        out,
        "A \"?\" marks a worry or question to follow up; they are listed again at the end."
    );
    for item in report.items() {
        rule_heading(
            &mut out,
            &format!(
                "{}. {}",
                report.item_label(item),
                clean_line(state.item_text(item))
            ),
        );
        if report.shows_hands() {
            hands_txt(&mut out, state, item);
        }
        if !report.has_notes(item) {
            let _ = writeln!(out, "\n(no notes)");
            continue;
        }
        for group in report.groups() {
            let _ = writeln!(out, "\n{}", clean_line(&group.label()));
            let notes = report.notes(item, group.number);
            if notes.is_empty() {
                let _ = writeln!(out, "  (no notes)");
            }
            for note in notes {
                bullet_txt(&mut out, &shown(state, note));
            }
        }
    }
    rule_heading(&mut out, FOLLOW_UP_TITLE);
    let follow = report.follow_ups();
    if follow.is_empty() {
        let _ = writeln!(out, "\n(none)");
    } else {
        out.push('\n');
    }
    for note in follow {
        let from = format!(
            "{} · {}: ",
            report.item_label(note.item),
            clean_line(&report.group_label(note.group))
        );
        bullet_txt(
            &mut out,
            &format!("{from}{}", super::document::clean_text(&note.text)),
        );
    }
    out
}

fn rule_heading(out: &mut String, title: &str) {
    let rule = "=".repeat(WIDTH);
    let _ = writeln!(out, "\n{rule}");
    for line in wrap(title, WIDTH) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "{rule}");
}

fn hands_txt(out: &mut String, state: &RoundsState, item: usize) {
    let tally = state.tally(item);
    let _ = writeln!(out, "\nShow of hands ({})", hands_label(tally.total));
    let label_w = state
        .marks
        .iter()
        .map(|m| m.width())
        .max()
        .unwrap_or(0)
        .min(WIDTH / 3);
    for (i, mark) in state.marks.iter().enumerate() {
        let count = tally.counts.get(i).copied().unwrap_or(0);
        let pct = tally.percents.get(i).copied().unwrap_or(0);
        let pad = " ".repeat(label_w.saturating_sub(mark.width()));
        let _ = writeln!(
            out,
            "  {}{pad}  {}  {count:>3}  {pct:>3}%",
            clean_line(mark),
            text_bar(count, tally.total, BAR_WIDTH)
        );
    }
}

/// "1 hand" / "3 hands".
pub fn hands_label(n: u32) -> String {
    format!("{n} hand{}", if n == 1 { "" } else { "s" })
}

fn bullet_txt(out: &mut String, text: &str) {
    let mut first = true;
    for para in text.split('\n') {
        for line in wrap(para, WIDTH - 4) {
            let lead = if first { "  - " } else { "    " };
            first = false;
            let _ = writeln!(out, "{lead}{line}");
        }
    }
}

/// A rounds session as Markdown: a heading per item, a table of hands, a list per group.
pub fn render_md(report: &Report) -> String {
    let state = report.state;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} — {}\n",
        md::escape(&clean_line(&report.session.name)),
        md::escape(&clean_line(&state.title))
    );
    let _ = writeln!(out, "{}  ", md::escape(&report.scope_label()));
    let _ = writeln!(out, "Source: {}  ", md::escape(&clean_line(&state.source)));
    let _ = writeln!(out, "Date: {}\n", date(report.session));
    let _ = writeln!(
        out,
        "A \"?\" marks a worry or question to follow up; they are listed again at the end.\n"
    );
    for item in report.items() {
        let _ = writeln!(
            out,
            "## {}. {}\n",
            report.item_label(item),
            md::escape(&clean_line(state.item_text(item)))
        );
        if report.shows_hands() {
            let tally = state.tally(item);
            let _ = writeln!(out, "Show of hands ({}):\n", hands_label(tally.total));
            let _ = writeln!(out, "| Mark | Hands | % |\n|---|---:|---:|");
            for (i, mark) in state.marks.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "| {} | {} | {}% |",
                    md::escape(&clean_line(mark)),
                    tally.counts.get(i).copied().unwrap_or(0),
                    tally.percents.get(i).copied().unwrap_or(0)
                );
            }
            out.push('\n');
        }
        if !report.has_notes(item) {
            let _ = writeln!(out, "(no notes)\n");
            continue;
        }
        for group in report.groups() {
            let _ = writeln!(out, "### {}\n", md::escape(&clean_line(&group.label())));
            let notes = report.notes(item, group.number);
            if notes.is_empty() {
                let _ = writeln!(out, "(no notes)\n");
                continue;
            }
            for note in notes {
                bullet_md(&mut out, &shown(state, note));
            }
            out.push('\n');
        }
    }
    let _ = writeln!(out, "## {FOLLOW_UP_TITLE}\n");
    let follow = report.follow_ups();
    if follow.is_empty() {
        let _ = writeln!(out, "(none)");
    }
    for note in follow {
        let from = format!(
            "{} · {}: ",
            report.item_label(note.item),
            clean_line(&report.group_label(note.group))
        );
        bullet_md(&mut out, &format!("{from}{}", note.text));
    }
    out
}

fn bullet_md(out: &mut String, text: &str) {
    let lines = note_lines(text);
    let last = lines.len().saturating_sub(1);
    for (i, line) in lines.iter().enumerate() {
        out.push_str(if i == 0 { "- " } else { "  " });
        out.push_str(&md::escape(line));
        out.push_str(if i < last { "\\\n" } else { "\n" });
    }
}

#[cfg(test)]
#[path = "rounds_tests.rs"]
mod tests;
