//! The Snapshot warm-up's summary as plain text, wrapped at 80 columns: per dimension the room's
//! "Where are we now?" tally and the notes under each heading, then the dot vote and the
//! priorities for local planning. The same content the summary page projects.

use super::wrap::wrap;
use crate::content::SnapshotActivity;
use crate::words::count;
use crate::workshop::snapshot::{HeadingId, SnapshotState, TIE_RULE};
use crate::workshop::{Session, SnapshotNote};
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// Line width of the text summary.
pub const WIDTH: usize = 80;
/// Width of a tally bar in the text summary.
const BAR_WIDTH: usize = 20;
/// A filled and an empty cell of a tally bar.
const FILLED: char = '█';
const EMPTY: char = '░';
const BULLET: &str = "  - ";
const HANG: &str = "    ";

/// A bar `width` cells long, filled in proportion to `count` of `total` (at least one cell for
/// any vote, so a single hand never looks like none).
pub fn text_bar(count: u32, total: u32, width: usize) -> String {
    let filled = if total == 0 || count == 0 {
        0
    } else {
        let exact = u64::from(count) * width as u64;
        let rounded = (exact + u64::from(total) / 2) / u64::from(total);
        (rounded as usize).clamp(1, width)
    };
    let mut bar = String::with_capacity(width * 3);
    bar.extend(std::iter::repeat_n(FILLED, filled));
    bar.extend(std::iter::repeat_n(EMPTY, width - filled));
    bar
}

/// "1 vote" / "3 votes".
pub fn votes_label(n: u32) -> String {
    count(n, "vote", "votes")
}

/// "1 dot" / "3 dots".
pub fn dots_label(n: u32) -> String {
    count(n, "dot", "dots")
}

/// The summary of a Snapshot session as plain text, then its draft plan.
pub fn render_txt(session: &Session, activity: &SnapshotActivity) -> String {
    let mut out = render_summary_txt(session, activity);
    let state = SnapshotState::of(session, activity);
    let state = state.as_ref();
    super::snapshot_plan::write_txt(&mut out, state, &state.plan, activity.plan_script());
    out
}

/// The summary without the draft plan (Markdown and HTML show the plan with headings and
/// tables of their own).
pub fn render_summary_txt(session: &Session, activity: &SnapshotActivity) -> String {
    let state = SnapshotState::of(session, activity);
    let state = state.as_ref();
    let mut out = String::new();
    header(&mut out, session, activity);
    for d in 0..state.dimensions.len() {
        dimension(&mut out, state, activity, d);
    }
    priorities(&mut out, state, activity);
    dot_vote(&mut out, state, activity);
    out
}

fn header(out: &mut String, session: &Session, activity: &SnapshotActivity) {
    for line in wrap(&session.name, WIDTH) {
        let _ = writeln!(out, "{line}");
    }
    for line in wrap(
        &format!("{} · {}", session.activity.label(), activity.title),
        WIDTH,
    ) {
        let _ = writeln!(out, "{line}");
    }
    for line in wrap(&format!("Source: {}", activity.source), WIDTH) {
        let _ = writeln!(out, "{line}");
    }
    let c = session.created;
    let _ = writeln!(
        out,
        "Date: {:04}-{:02}-{:02}",
        c.year(),
        u8::from(c.month()),
        c.day()
    );
}

fn rule_heading(out: &mut String, title: &str) {
    let rule = "=".repeat(WIDTH);
    let _ = writeln!(out, "\n{rule}");
    for line in wrap(title, WIDTH) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "{rule}");
}

fn dimension(out: &mut String, state: &SnapshotState, activity: &SnapshotActivity, d: usize) {
    rule_heading(out, &format!("{}. {}", d + 1, state.dimension_name(d)));
    let tally = state.tally(d);
    let _ = writeln!(out, "\nWhere are we now? ({})", votes_label(tally.total));
    let label_w = state
        .scale
        .iter()
        .map(|s| s.width())
        .max()
        .unwrap_or(0)
        .min(WIDTH / 3);
    for (i, stage) in state.scale.iter().enumerate() {
        let count = tally.counts.get(i).copied().unwrap_or(0);
        let pct = tally.percents.get(i).copied().unwrap_or(0);
        let label = pad(stage, label_w);
        let _ = writeln!(
            out,
            "  {label}  {}  {count:>3}  {pct:>3}%",
            text_bar(count, tally.total, BAR_WIDTH)
        );
    }
    for heading in HeadingId::ALL {
        let _ = writeln!(out, "\n{}", heading_title(activity, heading));
        let notes: Vec<&SnapshotNote> = state.notes_under(d, heading).collect();
        if notes.is_empty() {
            let _ = writeln!(out, "  (none)");
        }
        for n in notes {
            let dots = if heading == HeadingId::Opportunities && state.dots_on(n) > 0 {
                format!(" ({})", dots_label(state.dots_on(n)))
            } else {
                String::new()
            };
            bullet(out, &format!("{}{dots}", n.text));
        }
    }
}

fn priorities(out: &mut String, state: &SnapshotState, activity: &SnapshotActivity) {
    let title = activity
        .heading("priorities")
        .map_or("Priorities", |h| h.title.as_str());
    rule_heading(out, title);
    let list = state.priorities();
    if list.is_empty() {
        let _ = writeln!(
            out,
            "\n(none yet: the top {} opportunities by dots become the priorities)",
            state.priority_count
        );
        return;
    }
    let _ = writeln!(out);
    for (i, p) in list.iter().enumerate() {
        let marker = format!("  {}. ", i + 1);
        let hang = " ".repeat(marker.width());
        for (j, line) in wrap(&p.text, WIDTH - marker.width()).iter().enumerate() {
            let lead = if j == 0 { &marker } else { &hang };
            let _ = writeln!(out, "{lead}{line}");
        }
        if let Some(note) = p.note.and_then(|id| state.note(id)) {
            let _ = writeln!(
                out,
                "{hang}({} · {})",
                state.dimension_name(note.dimension),
                dots_label(state.dots_on(note))
            );
        }
    }
    let how = if state.priorities_fixed() {
        "Set by the facilitator from the dot vote.".to_string()
    } else {
        format!(
            "The opportunities with the most dots (up to {}). {TIE_RULE}",
            state.priority_count
        )
    };
    let _ = writeln!(out);
    for line in wrap(&how, WIDTH) {
        let _ = writeln!(out, "{line}");
    }
}

fn dot_vote(out: &mut String, state: &SnapshotState, activity: &SnapshotActivity) {
    let ranking = state.ranking();
    if ranking.iter().all(|r| r.dots == 0) {
        return;
    }
    rule_heading(
        out,
        &format!(
            "Dot vote: {}",
            heading_title(activity, HeadingId::Opportunities)
        ),
    );
    let room = match state.dots_total() {
        Some(total) => format!(
            "{} people × {} = {total} dots; {} placed.",
            state.room(),
            dots_label(state.dots_per_person),
            state.dots_placed()
        ),
        None => format!("{} placed.", dots_label(state.dots_placed())),
    };
    let _ = writeln!(out);
    for line in wrap(&format!("{room} {TIE_RULE}"), WIDTH) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out);
    for r in &ranking {
        let Some(n) = state.note(r.id) else { continue };
        let rank = format!("#{}{}", r.rank, if r.tied { "=" } else { "" });
        let marker = format!("  {rank:<5}{:>3}  ", r.dots);
        let hang = " ".repeat(marker.width());
        let text = format!("{} ({})", n.text, state.dimension_name(n.dimension));
        for (j, line) in wrap(&text, WIDTH - marker.width()).iter().enumerate() {
            let lead = if j == 0 { &marker } else { &hang };
            let _ = writeln!(out, "{lead}{line}");
        }
    }
}

fn bullet(out: &mut String, text: &str) {
    for (i, line) in wrap(text, WIDTH - BULLET.len()).iter().enumerate() {
        let lead = if i == 0 { BULLET } else { HANG };
        let _ = writeln!(out, "{lead}{line}");
    }
}

/// `text` padded with spaces to `width` display columns (cut with `…` if wider).
fn pad(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > width {
            while w + 1 > width && !out.is_empty() {
                out.pop();
                w = out.width();
            }
            if w < width {
                out.push('…');
                w += 1;
            }
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push_str(&" ".repeat(width.saturating_sub(w)));
    out
}

fn heading_title(activity: &SnapshotActivity, heading: HeadingId) -> String {
    activity
        .heading(heading.id())
        .map_or_else(|| heading.id().to_string(), |h| h.title.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_proportional_and_show_a_single_vote() {
        assert_eq!(text_bar(0, 0, 4), "░░░░");
        assert_eq!(text_bar(1, 100, 4), "█░░░");
        assert_eq!(text_bar(2, 4, 4), "██░░");
        assert_eq!(text_bar(4, 4, 4), "████");
    }

    #[test]
    fn pad_cuts_and_fills_by_display_width() {
        assert_eq!(pad("abc", 5), "abc  ");
        assert_eq!(pad("家族会議", 5), "家族…");
        assert_eq!(pad("家族会議", 4), "家… ");
    }
}
