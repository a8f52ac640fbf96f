//! What can be wrong with a content file, said as `FILE:LINE[:COL]: message`.

use std::path::{Path, PathBuf};

use thiserror::Error;

use super::step_kind::StepKind;

/// A content file (deck or activity script) or folder that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ContentError {
    /// A deck file's text is wrong at a line (and, where it helps, a column).
    #[error("{}: {problem}", at(.file, .line, .column))]
    Deck {
        file: PathBuf,
        line: usize,
        column: Option<usize>,
        problem: DeckProblem,
    },
    /// The file is not UTF-8 text.
    #[error(
        "{}: not valid UTF-8 text (byte offset {offset}); save the file with UTF-8 encoding",
        at(.file, .line, &Some(*.column))
    )]
    InvalidUtf8 {
        file: PathBuf,
        offset: usize,
        line: usize,
        column: usize,
    },
    /// The file is bigger than any deck or activity script should be.
    #[error(
        "{}: file is {} ({size} bytes); content files are limited to {} ({limit} bytes) - is this the right file?",
        .file.display(),
        human_size(.size),
        human_size(.limit)
    )]
    TooLarge {
        file: PathBuf,
        size: u64,
        limit: u64,
    },
    /// The file could not be opened or read.
    #[error("{}: cannot read: {message}", .file.display())]
    Read { file: PathBuf, message: String },
    /// An activity script is not valid JSON (or not the expected shape).
    #[error("{}: {message}", at(.file, .line, &Some(*.column)))]
    Json {
        file: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// An activity script parsed but does not make a usable activity.
    #[error("{}: {problem}", .file.display())]
    Activity {
        file: PathBuf,
        problem: ActivityProblem,
    },
    /// The content folder itself cannot be used.
    #[error("{}: {problem}", .path.display())]
    Folder {
        path: PathBuf,
        problem: FolderProblem,
    },
    /// Two deck files in one folder would get the same deck id.
    #[error(
        "{}: deck id \"{id}\" is already used by {}; rename one of the two files",
        .file.display(),
        .other.display()
    )]
    DuplicateDeck {
        file: PathBuf,
        id: String,
        other: PathBuf,
    },
    /// A file that is neither a deck (`*.md`) nor a known activity script.
    #[error(
        "{}: not a content file: expected a deck (*.md) or activities/sticky.json or activities/snapshot.json",
        .file.display()
    )]
    UnknownFile { file: PathBuf },
}

impl ContentError {
    /// The file or folder the error is about.
    pub fn path(&self) -> &Path {
        match self {
            ContentError::Deck { file, .. }
            | ContentError::InvalidUtf8 { file, .. }
            | ContentError::TooLarge { file, .. }
            | ContentError::Read { file, .. }
            | ContentError::Json { file, .. }
            | ContentError::Activity { file, .. }
            | ContentError::DuplicateDeck { file, .. }
            | ContentError::UnknownFile { file } => file,
            ContentError::Folder { path, .. } => path,
        }
    }

    /// The 1-based line the error points at, when it points at one.
    pub fn line(&self) -> Option<usize> {
        match self {
            ContentError::Deck { line, .. }
            | ContentError::InvalidUtf8 { line, .. }
            | ContentError::Json { line, .. } => Some(*line),
            _ => None,
        }
    }

    /// Builds a read error from an I/O error.
    pub(crate) fn read(file: &Path, err: &std::io::Error) -> ContentError {
        ContentError::Read {
            file: file.to_path_buf(),
            message: err.to_string(),
        }
    }
}

/// What is wrong in a deck file's text (the location is in [`ContentError::Deck`]).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DeckProblem {
    #[error(
        "file is empty: a deck needs a `# Title` line, a `source:` line and at least one `## Category`"
    )]
    Empty,
    #[error("missing title: the first line must be the deck title, written `# Title`")]
    MissingTitle,
    #[error("the title is empty: write the deck title after `# `")]
    EmptyTitle,
    #[error("a second title (the title is on line {first_line}); start a category with `## `")]
    SecondTitle { first_line: usize },
    #[error(
        "`{marker}` headings are not supported: use `# ` for the deck title and `## ` for a category"
    )]
    UnsupportedHeading { marker: String },
    #[error(
        "missing `source:` line: between the title and the first category, name the document and section this deck quotes"
    )]
    MissingSource,
    #[error("write a space after `{marker}`, as in `{marker} Name`")]
    HeadingNeedsSpace { marker: String },
    #[error("`source:` is empty: name the document and section the wording comes from")]
    EmptySource,
    #[error(
        "a second `source:` line here (the first is on line {first_line}); put every source on one line, separated by `;`"
    )]
    DuplicateSource { first_line: usize },
    #[error("no categories: add at least one `## Category` line")]
    NoCategories,
    #[error("a category with no name: write the name after `## `")]
    CategoryNoName,
    #[error("category \"{name}\" is already on line {first_line}; category names must differ")]
    DuplicateCategory { name: String, first_line: usize },
    #[error(
        "category \"{name}\" is empty: give it intro text or at least one numbered behavior (`1. …`)"
    )]
    EmptyCategory { name: String },
    #[error("numbered behavior \"{marker}\" before the first `## ` category")]
    BehaviorOutsideCategory { marker: String },
    #[error("lettered item \"{marker}\" before any numbered behavior")]
    LetteredBeforeBehavior { marker: String },
    #[error(
        "sub-item \"{marker}\" before any lettered item: put it under an item (`a. …` or `- …`)"
    )]
    RoleBeforeLettered { marker: String },
    #[error("\"{marker}\" has no text after it")]
    EmptyMarker { marker: String },
    #[error(
        "behavior number {number} is already used on line {first_line}; each number may appear once in a category"
    )]
    DuplicateNumber { number: u32, first_line: usize },
    #[error(
        "behavior {number} comes after behavior {previous}: numbers must increase within a category"
    )]
    NumberOutOfOrder { number: u32, previous: u32 },
    #[error("behavior number \"{marker}\" is too large")]
    NumberTooLarge { marker: String },
    #[error(
        "text after lettered item \"{marker}\": continue the item on the next line without a blank line, or move the text above the behavior's first lettered item"
    )]
    TextAfterItems { marker: String },
    #[error("`label:` before the first category: a label belongs to one category's card")]
    LabelOutsideCategory,
    #[error("`label:` must have text, once per category")]
    BadLabel,
    #[error(
        "unknown kind \"{word}\": write `kind: practice`, `leadership`, `principles` or `examples`"
    )]
    UnknownKind { word: String },
    #[error("control character U+{code:04X} is not allowed in deck text; delete it")]
    ControlCharacter { code: u32 },
}

/// What is wrong with an activity script that parsed as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ActivityProblem {
    #[error(
        "sticky activity has no \"{}\" step: every step (read, brainstorm_already, share_already, brainstorm_enhance, share_enhance, commitment, wrap_up) must be listed",
        step_word(.0)
    )]
    MissingStep(StepKind),
    #[error("sticky activity lists the \"{}\" step twice", step_word(.0))]
    DuplicateStep(StepKind),
    #[error("step \"{}\": default_seconds must be at least 1 (or null for an untimed step)", step_word(.0))]
    ZeroSeconds(StepKind),
    #[error("\"{0}\" is empty")]
    EmptyField(String),
    #[error("\"{field}\" contains control character U+{code:04X}; delete it")]
    ControlCharacter { field: String, code: u32 },
    #[error("snapshot activity has no dimensions: list at least one in \"dimensions\"")]
    NoDimensions,
    #[error("snapshot dimension \"{0}\" is listed twice")]
    DuplicateDimension(String),
    #[error("snapshot scale is empty: list the points of the scale in \"scale\"")]
    EmptyScale,
    #[error("snapshot scale has {len} points; at most {max} fit on screen")]
    ScaleTooLong { len: usize, max: usize },
    #[error(
        "snapshot heading \"{0}\" is not known: use strengths, opportunities, feasibility and priorities"
    )]
    UnknownHeading(String),
    #[error("snapshot heading \"{0}\" is listed twice")]
    DuplicateHeading(String),
    #[error("snapshot heading \"{0}\" is missing from \"headings\"")]
    MissingHeading(String),
    #[error("snapshot planning step \"{0}\" is listed twice")]
    DuplicatePlanStep(String),
    #[error("snapshot planning step \"{0}\" is missing from \"plan.steps\"")]
    MissingPlanStep(String),
    #[error("\"{0}\" must be at least 1")]
    ZeroCount(String),
}

/// What is wrong with a content folder.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FolderProblem {
    #[error("content folder does not exist")]
    NotFound,
    #[error("not a folder: --content takes a folder of deck files")]
    NotAFolder,
    #[error("cannot read the folder: {0}")]
    Unreadable(String),
    #[error(
        "no content files here: expected *.md decks or activities/sticky.json, activities/snapshot.json"
    )]
    NothingToCheck,
}

/// The word used for a step in activity files (`brainstorm_already`, …).
pub fn step_id(kind: StepKind) -> &'static str {
    match kind {
        StepKind::Read => "read",
        StepKind::BrainstormAlready => "brainstorm_already",
        StepKind::ShareAlready => "share_already",
        StepKind::BrainstormEnhance => "brainstorm_enhance",
        StepKind::ShareEnhance => "share_enhance",
        StepKind::Commitment => "commitment",
        StepKind::WrapUp => "wrap_up",
    }
}

/// [`step_id`] for a borrowed kind, as the error messages hold it.
fn step_word(kind: &StepKind) -> &'static str {
    step_id(*kind)
}

/// `FILE:LINE` or `FILE:LINE:COL`.
fn at(file: &Path, line: &usize, column: &Option<usize>) -> String {
    match column {
        Some(col) => format!("{}:{line}:{col}", file.display()),
        None => format!("{}:{line}", file.display()),
    }
}

/// A size for people: `512 bytes`, `1 MiB`, `50.0 MiB`.
fn human_size(bytes: &u64) -> String {
    let bytes = *bytes;
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else if bytes >= KIB {
        format!("{:.1} KiB", bytes as f64 / KIB as f64)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deck_error_reads_file_line_message() {
        let err = ContentError::Deck {
            file: PathBuf::from("content/mine.md"),
            line: 14,
            column: None,
            problem: DeckProblem::LetteredBeforeBehavior {
                marker: "c.".into(),
            },
        };
        assert_eq!(
            err.to_string(),
            "content/mine.md:14: lettered item \"c.\" before any numbered behavior"
        );
        assert_eq!(err.line(), Some(14));
    }

    #[test]
    fn column_is_shown_when_known() {
        let err = ContentError::Deck {
            file: PathBuf::from("a.md"),
            line: 3,
            column: Some(7),
            problem: DeckProblem::ControlCharacter { code: 0x1b },
        };
        assert!(
            err.to_string()
                .starts_with("a.md:3:7: control character U+001B")
        );
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_size(&(1024 * 1024)), "1 MiB");
        assert_eq!(human_size(&(50 * 1024 * 1024 + 1)), "50.0 MiB");
        assert_eq!(human_size(&10), "10 bytes");
    }
}
