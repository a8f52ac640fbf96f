//! Plain-text export, wrapped at 80 columns: the typed-up flip-chart pages, ready for email.

use super::Options;
use super::wrap::wrap;
use crate::workshop::{Group, Note, Prompt, Session};
use std::fmt::Write;

/// Line width of the text export.
pub const WIDTH: usize = 80;
const BULLET: &str = "  - ";
const HANG: &str = "    ";

/// The session's notes as plain text: per group, per category, per prompt; then commitments.
pub fn render(session: &Session, options: &Options) -> String {
    let mut out = String::new();
    header(&mut out, session, options);
    for group in options.scope.groups(session) {
        let notes: Vec<&Note> = session
            .notes
            .iter()
            .filter(|n| n.placement.group == group.number && options.scope.includes(n))
            .collect();
        group_section(&mut out, session, group, &notes);
    }
    out
}

fn header(out: &mut String, session: &Session, options: &Options) {
    for line in wrap(&session.name, WIDTH) {
        let _ = writeln!(out, "{line}");
    }
    let deck = options.deck_title.as_deref().unwrap_or(&session.deck);
    let _ = writeln!(
        out,
        "{} · {} · {} groups · {}",
        session.activity.label(),
        deck,
        session.groups.len(),
        session.mode.label()
    );
    if let Some(source) = &options.deck_source {
        for line in wrap(&format!("Source: {source}"), WIDTH) {
            let _ = writeln!(out, "{line}");
        }
    }
    let _ = writeln!(out, "Date: {}", date(session));
}

fn group_section(out: &mut String, session: &Session, group: &Group, notes: &[&Note]) {
    let rule = "=".repeat(WIDTH);
    let _ = write!(out, "\n{rule}\n{}\n{rule}\n", group.label());
    if notes.is_empty() {
        let _ = writeln!(out, "\n(no notes)");
        return;
    }
    for category in &session.categories {
        let in_category: Vec<&&Note> = notes
            .iter()
            .filter(|n| n.placement.category.as_deref() == Some(category.as_str()))
            .collect();
        if in_category.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "\n{category}\n{}\n",
            "-".repeat(category.chars().count())
        );
        for prompt in [Prompt::Already, Prompt::Enhance] {
            let these: Vec<&Note> = in_category
                .iter()
                .filter(|n| n.placement.prompt == prompt)
                .map(|n| **n)
                .collect();
            if !these.is_empty() {
                let _ = writeln!(out, "{}:", prompt.label());
                bullets(out, &these);
            }
        }
    }
    let commitments: Vec<&Note> = notes
        .iter()
        .filter(|n| n.placement.prompt == Prompt::Commitment)
        .copied()
        .collect();
    if !commitments.is_empty() {
        let _ = write!(out, "\nCommitments\n-----------\n");
        bullets(out, &commitments);
    }
}

fn bullets(out: &mut String, notes: &[&Note]) {
    for note in notes {
        let text = match &note.initials {
            Some(i) => format!("{} ({i})", note.text),
            None => note.text.clone(),
        };
        for (i, line) in wrap(&text, WIDTH - BULLET.len()).iter().enumerate() {
            let lead = if i == 0 { BULLET } else { HANG };
            let _ = writeln!(out, "{lead}{line}");
        }
    }
}

fn date(session: &Session) -> String {
    let d = session.created;
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}
