//! What the room reads cites the CPM documents by title and section: no shipped deck or activity
//! script, screen snapshot, golden export or README names a source document by the folder's file
//! name or as "seed N", and no source line shows a JSON key name.

use std::fs;
use std::path::{Path, PathBuf};

use cpm_workshop::content::Library;

/// Folders and files whose text reaches trainers or the room (or records exactly what does).
const SHIPPED: [&str; 6] = [
    "content",
    "tests/screens/snapshots",
    "tests/domain/snapshots",
    "sessions/exports",
    "sessions/README.md",
    "README.md",
];

fn files_under(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = fs::read_dir(path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .map(|e| e.expect("directory entry").path())
            .collect();
        entries.sort();
        for entry in entries {
            files_under(&entry, out);
        }
    } else {
        out.push(path.to_path_buf());
    }
}

/// "seed" followed by optional spaces and a digit ("seed 001", "Seed 2"), in any case.
fn seed_number(text: &str) -> Option<usize> {
    let lower = text.to_lowercase();
    lower.match_indices("seed").find_map(|(at, _)| {
        let rest = lower[at + 4..].trim_start_matches([' ', '\u{a0}', '_', '-']);
        rest.starts_with(|c: char| c.is_ascii_digit()).then_some(at)
    })
}

/// A source folder's file name: three digits, `_`, sixteen hex digits, `.txt`.
fn seed_file_name(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    text.match_indices(".txt").find_map(|(end, _)| {
        let start = end.checked_sub(20)?;
        let name = &bytes[start..end];
        let ok = name[..3].iter().all(u8::is_ascii_digit)
            && name[3] == b'_'
            && name[4..].iter().all(u8::is_ascii_hexdigit);
        ok.then_some(start)
    })
}

/// Where in `text` a source document is named the internal way, as `line: excerpt`; a name
/// wrapped across lines (as in an export wrapped at 80 columns) is reported too.
fn internal_names(text: &str) -> Vec<String> {
    let mut found: Vec<String> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| seed_number(line).is_some() || seed_file_name(line).is_some())
        .map(|(i, line)| format!("{}: {}", i + 1, line.chars().take(120).collect::<String>()))
        .collect();
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if found.is_empty()
        && let Some(at) = seed_number(&joined)
    {
        let excerpt: String = joined.chars().skip(at).take(40).collect();
        found.push(format!("across a line break: {excerpt}"));
    }
    found
}

#[test]
fn the_finders_catch_what_they_are_for() {
    assert!(seed_number("Source: seed 001, FACILITATOR NOTE").is_some());
    assert!(seed_number("What Seed 002 says").is_some());
    assert!(seed_number("seed_004").is_some());
    assert!(seed_number("seeded with 3 notes; seeds grow").is_none());
    assert!(seed_file_name("(001_5f08916518190ce7.txt)").is_some());
    assert!(seed_file_name("notes.txt and room.txt").is_none());
    assert_eq!(internal_names("fine\nsee seed 3 here\n").len(), 1);
    assert_eq!(internal_names("wrapped at the seed\n004 line\n").len(), 1);
}

#[test]
fn nothing_shipped_names_a_source_by_seed_number_or_file_name() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for entry in SHIPPED {
        files_under(&root.join(entry), &mut files);
    }
    assert!(
        files.len() > 50,
        "found the shipped files ({})",
        files.len()
    );
    let mut found = Vec::new();
    for file in &files {
        let Ok(text) = fs::read_to_string(file) else {
            continue;
        };
        for hit in internal_names(&text) {
            found.push(format!("{}:{hit}", file.display()));
        }
    }
    assert!(
        found.is_empty(),
        "internal source names:\n{}",
        found.join("\n")
    );
}

#[test]
fn source_lines_show_no_json_key_names() {
    let library = Library::shipped();
    let mut sources = vec![
        library.sticky.source.clone(),
        library.snapshot.source.clone(),
    ];
    sources.extend(library.sticky.steps.iter().map(|s| s.source.clone()));
    sources.extend(library.snapshot.dimensions.iter().map(|d| d.source.clone()));
    let plan = library.snapshot.plan_script();
    sources.push(plan.source.clone());
    sources.extend(plan.steps.iter().map(|s| s.source.clone()));
    for deck in library.decks() {
        sources.push(deck.source.clone());
        sources.extend(deck.categories.iter().filter_map(|c| c.source.clone()));
    }
    for source in &sources {
        let key = source.split_whitespace().find(|word| {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '_');
            word.contains('_') && word.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        });
        assert!(key.is_none(), "{key:?} in source line: {source}");
    }
}
