//! Unit tests for the library: shipped content, override folders and `check_path`.

use super::*;
use std::fs;

const GOOD_DECK: &str = "# Mine\nsource: my handout\n## One\nText.\n";

fn folder() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn shipped_library_loads_in_order_with_nothing_skipped() {
    let library = Library::shipped();
    let ids: Vec<&str> = library.decks().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["practice", "leadership", "erp", "integration"]);
    assert!(library.skipped.is_empty());
    assert_eq!(library.default_deck().id, "practice");
    assert_eq!(
        library.deck("LEADERSHIP").map(|d| d.id.as_str()),
        Some("leadership")
    );
    assert!(library.deck("nope").is_none());
}

#[test]
fn load_without_a_folder_is_the_shipped_library() {
    let library = Library::load(None).unwrap();
    assert_eq!(library.decks().len(), 4);
}

#[test]
fn a_missing_folder_or_a_file_is_an_error() {
    let dir = folder();
    let missing = dir.path().join("nope");
    let err = Library::load(Some(&missing)).unwrap_err();
    assert!(matches!(
        err,
        ContentError::Folder {
            problem: FolderProblem::NotFound,
            ..
        }
    ));
    assert!(
        err.to_string()
            .ends_with("nope: content folder does not exist")
    );
    let file = dir.path().join("deck.md");
    fs::write(&file, GOOD_DECK).unwrap();
    assert!(matches!(
        Library::load(Some(&file)),
        Err(ContentError::Folder {
            problem: FolderProblem::NotAFolder,
            ..
        })
    ));
}

#[test]
fn added_decks_follow_the_shipped_ones_sorted_by_id() {
    let dir = folder();
    fs::write(dir.path().join("zeta.md"), GOOD_DECK).unwrap();
    fs::write(dir.path().join("Alpha.md"), GOOD_DECK).unwrap();
    fs::write(dir.path().join("notes.txt"), "ignored").unwrap();
    fs::write(dir.path().join(".hidden.md"), "ignored, broken").unwrap();
    let library = Library::load(Some(dir.path())).unwrap();
    let ids: Vec<&str> = library.decks().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "practice",
            "leadership",
            "erp",
            "integration",
            "Alpha",
            "zeta"
        ]
    );
    assert!(library.skipped.is_empty(), "{:?}", library.skipped);
    assert_eq!(
        library.deck("alpha").map(|d| d.title.as_str()),
        Some("Mine")
    );
}

#[test]
fn an_override_replaces_the_shipped_deck_in_place() {
    let dir = folder();
    fs::write(dir.path().join("ERP.md"), GOOD_DECK).unwrap();
    let library = Library::load(Some(dir.path())).unwrap();
    let erp = &library.decks()[2];
    assert_eq!(erp.id, "erp");
    assert_eq!(erp.title, "Mine");
    assert_eq!(library.decks().len(), 4);
}

#[test]
fn two_files_with_the_same_id_keep_the_first() {
    let dir = folder();
    fs::write(dir.path().join("mine.md"), GOOD_DECK).unwrap();
    fs::write(dir.path().join("MINE.md"), GOOD_DECK).unwrap();
    let library = Library::load(Some(dir.path())).unwrap();
    assert_eq!(library.decks().len(), 5);
    if fs::read_dir(dir.path()).unwrap().count() == 1 {
        // A case-insensitive file system (Windows, macOS): the two names are one file.
        assert!(library.skipped.is_empty(), "{:?}", library.skipped);
        return;
    }
    assert_eq!(library.skipped.len(), 1);
    assert!(matches!(
        &library.skipped[0],
        ContentError::DuplicateDeck { id, .. } if id == "mine"
    ));
}

#[test]
fn a_bad_activity_override_is_skipped_and_the_shipped_one_kept() {
    let dir = folder();
    let activities = dir.path().join(ACTIVITIES_DIR);
    fs::create_dir(&activities).unwrap();
    fs::write(activities.join(STICKY_FILE), "{ not json").unwrap();
    let mut snapshot: serde_json::Value =
        serde_json::from_str(super::embedded::SNAPSHOT_JSON).unwrap();
    snapshot["scale"] = serde_json::json!(["low", "high"]);
    fs::write(activities.join(SNAPSHOT_FILE), snapshot.to_string()).unwrap();
    let library = Library::load(Some(dir.path())).unwrap();
    assert_eq!(library.sticky, Library::shipped().sticky);
    assert_eq!(library.snapshot.scale, ["low", "high"]);
    assert_eq!(library.skipped.len(), 1);
    assert!(matches!(
        library.skipped[0],
        ContentError::Json { line: 1, .. }
    ));
}

#[test]
fn check_path_reports_each_file() {
    let dir = folder();
    fs::write(dir.path().join("good.md"), GOOD_DECK).unwrap();
    fs::write(
        dir.path().join("bad.md"),
        "# Bad\nsource: s\n## A\nc. oops\n",
    )
    .unwrap();
    let activities = dir.path().join(ACTIVITIES_DIR);
    fs::create_dir(&activities).unwrap();
    fs::write(activities.join(STICKY_FILE), super::embedded::STICKY_JSON).unwrap();
    fs::write(activities.join("other.json"), "{}").unwrap();
    let results = check_path(dir.path());
    assert_eq!(results.len(), 4, "{results:?}");
    let bad = results[0].as_ref().unwrap_err().to_string();
    assert!(
        bad.ends_with("bad.md:4: lettered item \"c.\" before any numbered behavior"),
        "{bad}"
    );
    let good = results[1].as_ref().unwrap();
    assert!(
        good.ends_with("good.md: ok, 1 category, 0 behaviors"),
        "{good}"
    );
    assert!(matches!(results[2], Err(ContentError::UnknownFile { .. })));
    let sticky = results[3].as_ref().unwrap();
    assert!(
        sticky.ends_with("sticky.json: ok, sticky-note activity, 7 steps"),
        "{sticky}"
    );
}

#[test]
fn check_path_on_one_file_and_on_nothing() {
    let dir = folder();
    let file = dir.path().join("one.md");
    fs::write(&file, GOOD_DECK).unwrap();
    assert_eq!(check_path(&file).len(), 1);
    assert!(check_path(&file)[0].is_ok());
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    assert!(matches!(
        check_path(&empty)[..],
        [Err(ContentError::Folder {
            problem: FolderProblem::NothingToCheck,
            ..
        })]
    ));
    assert!(matches!(
        check_path(&dir.path().join("missing.md"))[..],
        [Err(ContentError::Read { .. })]
    ));
}

#[test]
fn read_deck_file_takes_the_id_from_the_stem() {
    let dir = folder();
    let file = dir.path().join("my-deck.md");
    fs::write(&file, GOOD_DECK).unwrap();
    assert_eq!(read_deck_file(&file).unwrap().id, "my-deck");
}

#[test]
fn each_deck_says_where_it_came_from() {
    let dir = folder();
    let file = dir.path().join("practice.md");
    fs::write(&file, GOOD_DECK).unwrap();
    let library = Library::load(Some(dir.path())).unwrap();
    assert_eq!(library.deck_file("PRACTICE"), Some(file.as_path()));
    assert_eq!(library.deck_file("leadership"), None, "built in");
    assert_eq!(Library::shipped().deck_file("practice"), None);
}

#[test]
fn the_user_folder_loads_before_the_content_folder_and_each_replaces_by_id() {
    let user = tempfile::tempdir().unwrap();
    let extra = tempfile::tempdir().unwrap();
    let deck = |title: &str| format!("# {title}\nsource: S\n## A\n1. One\n");
    fs::write(user.path().join("practice.md"), deck("Mine")).unwrap();
    fs::write(user.path().join("own.md"), deck("Own")).unwrap();
    fs::write(extra.path().join("own.md"), deck("Override")).unwrap();
    let library = Library::load_with_user(Some(user.path()), Some(extra.path())).unwrap();
    assert!(library.skipped.is_empty(), "{:?}", library.skipped);
    assert_eq!(library.deck("practice").unwrap().title, "Mine");
    assert_eq!(
        library.deck_file("practice"),
        Some(user.path().join("practice.md").as_path())
    );
    assert_eq!(library.deck("own").unwrap().title, "Override");
    assert_eq!(
        library.deck_file("own"),
        Some(extra.path().join("own.md").as_path())
    );
    assert_eq!(library.deck_text("practice"), Some(deck("Mine").as_str()));
    assert!(library.deck_text("erp").unwrap().contains("##"));
    // A user folder not made yet is no problem; reading again finds what was saved since.
    let later = user.path().join("not-yet");
    let library = Library::load_with_user(Some(&later), None).unwrap();
    assert!(library.skipped.is_empty());
    assert_eq!(library.deck_file("practice"), None);
    fs::create_dir(&later).unwrap();
    fs::write(later.join("practice.md"), deck("Saved")).unwrap();
    assert_eq!(
        library.reload().unwrap().deck("practice").unwrap().title,
        "Saved"
    );
}
