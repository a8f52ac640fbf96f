//! Fixtures shared by the benches: sessions with many notes, an app opened on them, and the
//! figures table every bench prints at the end.

// Each bench uses only part of this module.
#![allow(dead_code)]

use cpm_workshop::content::Library;
use cpm_workshop::ui::app::{App, Screen};
use cpm_workshop::ui::keymap::Action;
use cpm_workshop::ui::sticky::View;
use cpm_workshop::ui::theme::{Theme, ThemeName};
use cpm_workshop::workshop::{
    Activity, Durations, Mode, Placement, Prompt, Session, SessionId, SessionSpec,
};
use std::time::Duration;
use time::OffsetDateTime;
use time::macros::datetime;

/// The fixed "now" of every fixture.
pub const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);
/// Groups in a fixture session (a typical room).
pub const GROUPS: u32 = 4;

/// Note texts of realistic length and mix: plain English, accents, emoji, CJK, one long note.
const TEXTS: [&str; 6] = [
    "We introduce ourselves by name and role at every home visit",
    "Ask the family how they want to be addressed and who they want at the table",
    "Une note en français, avec des accents — et un emoji 😀",
    "家族と一緒に計画を立てる",
    "Follow up in writing after each team meeting so nobody has to guess what was agreed, \
     and send it in the family's language",
    "Check in",
];

/// A session id written in a bench.
pub fn id(text: &str) -> SessionId {
    SessionId::parse(text).unwrap_or_else(|e| panic!("{e}"))
}

/// A session like the sticky-note activity makes, with `notes` notes spread over every group,
/// category and prompt (one in twelve a commitment with initials).
pub fn session(notes: usize) -> Session {
    let library = Library::shipped();
    let deck = library.default_deck();
    let spec = SessionSpec {
        name: "Tuesday cohort".into(),
        activity: Activity::Sticky,
        deck: deck.id.clone(),
        categories: deck.category_names(),
        groups: GROUPS,
        group_names: vec!["Redwoods".into()],
        mode: Mode::Rotation,
        durations: Durations::default(),
        role: None,
    };
    let mut s = Session::new(id("20261123-0900-00"), spec, T0).expect("a valid spec");
    let categories = s.categories.clone();
    for i in 0..notes {
        let group = 1 + (i as u32 % GROUPS);
        let (category, prompt, initials) = if i % 12 == 11 {
            (None, Prompt::Commitment, Some("JD"))
        } else {
            let c = categories[(i / GROUPS as usize) % categories.len()].clone();
            let p = if (i / 3) % 2 == 0 {
                Prompt::Already
            } else {
                Prompt::Enhance
            };
            (Some(c), p, None)
        };
        let text = format!("{} #{i}", TEXTS[i % TEXTS.len()]);
        let placement = Placement {
            group,
            category,
            prompt,
        };
        s.add_note(&text, placement, initials, T0)
            .expect("a valid note");
    }
    s
}

/// A session on a deck of `categories` categories (a generated deck: the shipped ones have six)
/// with `notes` notes spread over them, every group and both brainstorm prompts.
pub fn wide_session(categories: usize, notes: usize) -> Session {
    let mut s = session(0);
    s.categories = (1..=categories).map(|i| format!("Category {i}")).collect();
    for i in 0..notes {
        let placement = Placement {
            group: 1 + (i as u32 % GROUPS),
            category: Some(s.categories[(i * 7) % categories].clone()),
            prompt: if i % 2 == 0 {
                Prompt::Already
            } else {
                Prompt::Enhance
            },
        };
        s.add_note(
            &format!("{} #{i}", TEXTS[i % TEXTS.len()]),
            placement,
            None,
            T0,
        )
        .expect("a valid note");
    }
    s
}

/// An app with `session` open on the first brainstorm step, its timer running since [`T0`],
/// showing `view`.
pub fn app(session: Session, view: View) -> App {
    let mut app = App::new(Library::shipped(), Theme::new(ThemeName::Mono), Vec::new());
    app.opened(session);
    app.update(Action::NextStep, T0);
    app.update(Action::ToggleTimer, T0);
    if view == View::Board {
        app.update(Action::ShowBoard, T0);
    }
    app
}

/// Sets the board's selected note directly (no `update`, so only drawing is measured).
pub fn select(app: &mut App, index: usize) {
    if let Screen::Sticky(w) = &mut app.screen {
        w.board.selected = index;
    }
}

/// One figure for the summary table.
#[derive(Debug, Clone)]
pub struct Figure {
    pub what: String,
    /// The measured value, as shown.
    pub measured: String,
    pub budget: String,
    /// Measured over budget (below 1 is within budget), when the budget is a number.
    pub of_budget: Option<f64>,
    /// What the baseline is and its value, when there is one.
    pub baseline: Option<String>,
    /// Measured over baseline.
    pub ratio: Option<f64>,
}

impl Figure {
    /// A time figure with an upper budget and an optional baseline time.
    pub fn time(
        what: impl Into<String>,
        measured: Duration,
        budget: Duration,
        baseline: Option<(&str, Duration)>,
    ) -> Figure {
        Figure {
            what: what.into(),
            measured: fmt_duration(measured),
            budget: format!("≤ {}", fmt_duration(budget)),
            of_budget: Some(measured.as_secs_f64() / budget.as_secs_f64()),
            baseline: baseline.map(|(name, d)| format!("{name}: {}", fmt_duration(d))),
            ratio: baseline.map(|(_, d)| measured.as_secs_f64() / d.as_secs_f64().max(1e-12)),
        }
    }
}

impl Figure {
    /// A memory figure in MiB with an upper budget in MB, against a baseline in MiB.
    pub fn memory(
        what: impl Into<String>,
        mib: f64,
        budget_mb: f64,
        baseline: (&str, f64),
    ) -> Figure {
        Figure {
            what: what.into(),
            measured: format!("{mib:.1} MiB"),
            budget: format!("≤ {budget_mb} MB"),
            of_budget: Some(mib * 1.048_576 / budget_mb),
            baseline: Some(format!("{}: {:.1} MiB", baseline.0, baseline.1)),
            ratio: Some(mib / baseline.1.max(1e-9)),
        }
    }
}

/// `1.23 ms`, `456 µs`, `12.3 s`.
pub fn fmt_duration(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.2} s")
    } else if s >= 1e-3 {
        format!("{:.2} ms", s * 1e3)
    } else {
        format!("{:.1} µs", s * 1e6)
    }
}

/// Prints the figures as the Markdown table the README shows, with a verdict per row.
pub fn print_table(title: &str, figures: &[Figure]) {
    println!();
    println!("### {title}");
    println!();
    println!("| what | measured | budget | of budget | baseline (same run) | ratio to baseline |");
    println!("|---|---|---|---|---|---|");
    for f in figures {
        let of_budget = f.of_budget.map_or_else(
            || "–".to_string(),
            |r| {
                let verdict = if r <= 1.0 { "" } else { " **OVER**" };
                format!("{:.0} %{verdict}", r * 100.0)
            },
        );
        println!(
            "| {} | {} | {} | {} | {} | {} |",
            f.what,
            f.measured,
            f.budget,
            of_budget,
            f.baseline.as_deref().unwrap_or("–"),
            f.ratio
                .map_or_else(|| "–".to_string(), |r| format!("{r:.2}×")),
        );
    }
    println!();
}

/// The machine the figures were measured on, for the table's caption.
pub fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("MemTotal"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or_else(String::new, |kb| {
            format!(", {} GiB RAM", kb / (1024 * 1024))
        });
    format!(
        "{cpu}, {cores} cores{mem}, {} {}",
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

/// The median of `samples` (sorted in place).
pub fn median(samples: &mut [Duration]) -> Duration {
    percentile(samples, 50.0)
}

/// The `p`th percentile (nearest rank) of `samples` (sorted in place).
pub fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    if samples.is_empty() {
        return Duration::ZERO;
    }
    samples.sort_unstable();
    let rank = ((p / 100.0) * samples.len() as f64).ceil() as usize;
    samples[rank.clamp(1, samples.len()) - 1]
}

/// A `VmXxx:` line of `/proc/<pid>/status`, in MiB.
#[cfg(target_os = "linux")]
pub fn vm_mib(pid: u32, key: &str) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_else(|e| panic!("cannot read /proc/{pid}/status: {e}"));
    status
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}
