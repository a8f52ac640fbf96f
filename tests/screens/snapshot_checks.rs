//! Cheap checks over every reviewed screen in `snapshots/`, so a screen that is wrong in a way a
//! reviewer skims past fails by itself: a help row cut at the box's border without "…", a table
//! row wrapped onto the next line, a round label cut into the next column, the hint bar naming
//! digits or an Enter that the screen contradicts.

use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthChar;

/// Every reviewed screen: (file name, the screen's text).
fn snapshots() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/screens/snapshots");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "snap"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("a snapshot is UTF-8");
            // insta's header ends at the second "---" line.
            let body = text.splitn(3, "---\n").nth(2).unwrap_or_default();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, body.to_string())
        })
        .collect()
}

/// `line` from display column `from` up to (not including) column `to`.
fn columns(line: &str, from: usize, to: usize) -> String {
    let mut at = 0;
    let mut out = String::new();
    for c in line.chars() {
        let w = c.width().unwrap_or(0);
        if at >= from && at < to {
            out.push(c);
        }
        at += w;
    }
    out
}

/// The display column of the first `pattern` in `line`.
fn column_of(line: &str, pattern: &str) -> Option<usize> {
    let byte = line.find(pattern)?;
    Some(line[..byte].chars().map(|c| c.width().unwrap_or(0)).sum())
}

/// What is wrong with one screen.
fn problems(screen: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let mut found = Vec::new();
    help_rows_end_in_a_blank_or_an_ellipsis(&lines, &mut found);
    wrap_up_rows_stay_whole(&lines, &mut found);
    round_labels_stay_whole(&lines, &mut found);
    hint_bar_agrees_with_the_screen(&lines, &mut found);
    found
}

/// Inside the help box, text that reaches the right border was cut: it must end in "…".
fn help_rows_end_in_a_blank_or_an_ellipsis(lines: &[&str], found: &mut Vec<String>) {
    let Some(top) = lines.iter().position(|l| l.contains("┌ Keys (")) else {
        return;
    };
    let Some(left) = column_of(lines[top], "┌ Keys (") else {
        return;
    };
    let Some(right) = lines[top]
        .char_indices()
        .filter(|(_, c)| *c == '┐')
        .map(|(i, _)| column_of(lines[top], &lines[top][i..]).unwrap_or(0))
        .find(|&c| c > left)
    else {
        return;
    };
    for line in &lines[top + 1..] {
        if columns(line, left, left + 1) == "└" {
            break;
        }
        let last = columns(line, right - 1, right);
        if last != " " && last != "…" {
            found.push(format!("help row cut at the border: {line:?}"));
        }
    }
}

/// The wrap-up's "Notes per group": every row under its header is a name and three counts.
fn wrap_up_rows_stay_whole(lines: &[&str], found: &mut Vec<String>) {
    let Some(header) = lines
        .iter()
        .position(|l| l.contains("already") && l.contains("enhance") && l.contains("commit"))
    else {
        return;
    };
    for line in &lines[header + 1..] {
        let inner = line.split('│').nth(1).unwrap_or_default().trim_end();
        if inner.is_empty() {
            break;
        }
        let counts = inner
            .split_whitespace()
            .rev()
            .take(3)
            .filter(|w| w.parse::<u64>().is_ok())
            .count();
        if counts != 3 || !inner.starts_with("  ") {
            found.push(format!(
                "a wrap-up table row wrapped or lost a count: {line:?}"
            ));
        }
    }
}

/// The rotation overview's current round is "▶ N (now)", whole, before the first group.
fn round_labels_stay_whole(lines: &[&str], found: &mut Vec<String>) {
    if !lines
        .iter()
        .any(|l| l.contains("Rotation: which group") || l.contains("Rounds (all"))
    {
        return;
    }
    for line in lines.iter().filter(|l| l.starts_with("│▶ ")) {
        let label: String = line.chars().skip(1).take_while(|c| *c != ')').collect();
        if !line.contains(" (now)  ") || label.split_whitespace().count() != 3 {
            found.push(format!("the current round's label is cut: {line:?}"));
        }
    }
}

/// The hint bar (the last line) says what the screen says: the digits it offers are the groups
/// the title counts, and Enter's word is the verb the screen's own instructions use.
fn hint_bar_agrees_with_the_screen(lines: &[&str], found: &mut Vec<String>) {
    let Some(bar) = lines.iter().rev().find(|l| !l.trim().is_empty()) else {
        return;
    };
    let words: Vec<&str> = bar.split_whitespace().collect();
    let after = |key: &str| {
        words
            .iter()
            .position(|w| *w == key)
            .and_then(|i| words.get(i + 1))
    };
    if let (Some(i), Some(title)) = (
        words.iter().position(|w| w.starts_with("1-")),
        // The run views' title: "<name> · <deck> · 4 groups · …".
        lines.first().filter(|t| t.contains(" groups · ")),
    ) && words.get(i + 1) == Some(&"group")
    {
        let n = words[i].trim_start_matches("1-");
        if !title.contains(&format!(" {n} groups · ")) {
            found.push(format!("hint {:?} beside {title:?}", words[i]));
        }
    }
    if let Some(word) = after("Enter") {
        for line in &lines[..lines.len() - 1] {
            for (i, _) in line.match_indices("Enter ") {
                let verb = line[i + 6..].split_whitespace().next().unwrap_or_default();
                if !verb.is_empty() && !verb.starts_with(word) && !word.starts_with(verb) {
                    found.push(format!(
                        "the hint bar says Enter {word:?}, the screen \"Enter {verb}\": {line:?}"
                    ));
                }
            }
        }
    }
}

#[test]
fn every_reviewed_screen_passes_the_cheap_checks() {
    let all = snapshots();
    assert!(all.len() > 50, "only {} snapshots found", all.len());
    let failures: Vec<String> = all
        .iter()
        .flat_map(|(name, screen)| {
            problems(screen)
                .into_iter()
                .map(move |p| format!("{name}: {p}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The checks catch what they are for (each on a screen drawn the way it used to be).
#[test]
fn the_checks_catch_what_they_are_for() {
    let cut_help = "┌ Keys (? or Esc closes) ──┐\n│  r  take the priorities f│\n└──────────────────────────┘\n";
    assert_eq!(problems(cut_help).len(), 1, "{cut_help}");
    let wrapped = "│Notes per group        │\n│   already enhance commit│\n│  Group 1 (Redwoods)  4 │\n│         1       0      │\n";
    assert!(!problems(wrapped).is_empty(), "{wrapped}");
    let cut_round =
        "┌ Rotation: which group is at which category ┐\n│▶ 2 (now Engage…  Assess… │\n";
    assert_eq!(problems(cut_round).len(), 1, "{cut_round}");
    let export =
        "│↑↓ choose · Enter write the file · Esc close│\n ?  help   Enter  open   Esc  back\n";
    assert_eq!(problems(export).len(), 1, "{export}");
    let digits = "Tuesday cohort · Practice · 4 groups · all together\n ?  help   1-9  group\n";
    assert_eq!(problems(digits).len(), 1, "{digits}");
}
