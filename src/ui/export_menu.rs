//! The export menu's entries: which files a trainer can write from the app.

use crate::export::{Format, Scope};
use crate::workshop::{Activity, Session};

/// One line of the export menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportChoice {
    pub label: String,
    pub format: Format,
    /// One file is written per scope.
    pub scopes: Vec<Scope>,
    /// A UTF-8 byte-order mark in front (Excel's CSV).
    pub bom: bool,
}

fn choice(label: impl Into<String>, format: Format, scopes: Vec<Scope>) -> ExportChoice {
    ExportChoice {
        label: label.into(),
        format,
        scopes,
        bom: false,
    }
}

/// The export menu's entries for a session.
pub fn export_choices(session: &Session) -> Vec<ExportChoice> {
    if session.activity == Activity::Snapshot {
        return vec![
            choice(
                "Snapshot summary, printable HTML",
                Format::Html,
                vec![Scope::All],
            ),
            choice("Snapshot summary, text", Format::Txt, vec![Scope::All]),
            choice("Snapshot summary, Markdown", Format::Md, vec![Scope::All]),
            choice(
                "Snapshot notes, CSV (a row per note)",
                Format::Csv,
                vec![Scope::All],
            ),
            choice(
                "Whole session, JSON (votes, notes, dots, priorities)",
                Format::Json,
                vec![Scope::All],
            ),
        ];
    }
    let handouts: Vec<Scope> = session
        .groups
        .iter()
        .map(|g| Scope::Group(g.number))
        .collect();
    let mut v = vec![
        choice(
            "Whole room, printable HTML (a page per group)",
            Format::Html,
            vec![Scope::All],
        ),
        choice(
            "Every group's handout, HTML (one file each)",
            Format::Html,
            handouts.clone(),
        ),
        choice(
            "Every group's handout, text (one file each)",
            Format::Txt,
            handouts,
        ),
        choice(
            "Whole room, Markdown (paste into Word or email)",
            Format::Md,
            vec![Scope::All],
        ),
        choice("Whole room, text", Format::Txt, vec![Scope::All]),
        choice(
            "Whole room, CSV (a row per note)",
            Format::Csv,
            vec![Scope::All],
        ),
        ExportChoice {
            bom: true,
            ..choice(
                "Whole room, CSV for Excel (UTF-8 with BOM)",
                Format::Csv,
                vec![Scope::All],
            )
        },
        choice("Commitments, text", Format::Txt, vec![Scope::Commitments]),
        choice("Whole session, JSON", Format::Json, vec![Scope::All]),
    ];
    for g in &session.groups {
        v.push(choice(
            format!("{} handout, HTML", g.label()),
            Format::Html,
            vec![Scope::Group(g.number)],
        ));
    }
    v
}
