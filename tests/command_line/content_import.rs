//! `cpm-workshop content import`, run as a trainer would: text copied out of a PDF handout becomes
//! a deck file that `content check` accepts and the app loads with `--content`.

use crate::support;

use predicates::prelude::*;
use std::fs;
use support::cli::cmd;

/// A practice-behaviors handout as it pastes out of a PDF (Windows line endings, a running
/// header, a page number, Symbol-font bullets, a line broken mid-item).
const PASTED: &str = "CPM Practice Behaviors\r\n\r\nEngagement Behaviors\r\n\r\n1. Introduce yourself and explain\r\nyour role to the family\r\n\u{f0b7} Use the family\u{2019}s own words\r\n\u{f0b7} Ask how they want to be\r\naddressed\r\n\r\n4\r\nCPM Practice Behaviors\r\n2. Listen before you advise\r\n\r\nAssessment Behaviors\r\n1. Ask about strengths first\r\n";

#[test]
fn import_writes_a_deck_that_checks_and_loads() {
    let dir = tempfile::tempdir().unwrap();
    let pasted = dir.path().join("pasted.txt");
    fs::write(&pasted, PASTED).unwrap();
    let decks = dir.path().join("decks");
    fs::create_dir(&decks).unwrap();
    let deck = decks.join("county.md");
    cmd(dir.path())
        .args(["content", "import"])
        .arg(&pasted)
        .args(["--title", "County practice behaviors", "--source", "County handout, p. 2", "-o"])
        .arg(&deck)
        .assert()
        .success()
        .stdout(
            predicate::str::starts_with(
                "Recognised 2 categories, 3 behaviors, 2 items, 0 sub-items:\n  Engagement: 2 behaviors, 2 items\n  Assessment: 1 behavior, 0 items\n",
            )
            .and(predicate::str::contains("line 11: \"4\" (page number)"))
            .and(predicate::str::contains(
                "line 12: \"CPM Practice Behaviors\" (running header or footer)",
            ))
            .and(predicate::str::contains("Wrote ")),
        );
    let text = fs::read_to_string(&deck).unwrap();
    assert!(text.contains(
        "## Engagement\n\n1. Introduce yourself and explain your role to the family\n   a. Use the family\u{2019}s own words\n   b. Ask how they want to be addressed\n"
    ), "{text}");
    cmd(dir.path())
        .args(["content", "check"])
        .arg(&decks)
        .assert()
        .success()
        .stdout(predicate::str::contains("ok, 2 categories, 3 behaviors"));
    cmd(dir.path())
        .arg("--content")
        .arg(&decks)
        .args(["content", "show", "county"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2. Listen before you advise"));
}

#[test]
fn import_never_replaces_a_deck_unless_told_and_reads_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("mine.md");
    fs::write(&deck, "keep me").unwrap();
    cmd(dir.path())
        .args(["content", "import", "-", "--title", "T", "-o"])
        .arg(&deck)
        .write_stdin("Teaming\n1. Team up\n")
        .assert()
        .failure()
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(fs::read_to_string(&deck).unwrap(), "keep me");
    cmd(dir.path())
        .args(["content", "import", "-", "--title", "T", "--force", "-o"])
        .arg(&deck)
        .write_stdin("Teaming\n1. Team up\n")
        .assert()
        .success();
    assert!(
        fs::read_to_string(&deck)
            .unwrap()
            .contains("## Teaming\n\n1. Team up\n")
    );
}

#[test]
fn import_of_nothing_usable_says_so_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("mine.md");
    cmd(dir.path())
        .args(["content", "import", "-", "--title", "T", "-o"])
        .arg(&deck)
        .write_stdin("\n 3 \nPage 4 of 9\n")
        .assert()
        .failure()
        .stderr(predicate::str::contains("found no behaviors"));
    assert!(!deck.exists());
}
