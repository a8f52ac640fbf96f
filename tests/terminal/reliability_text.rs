//! Hostile text (issue 7): notes carrying terminal escape sequences (OSC 52 clipboard writes,
//! `ESC[2J`, OSC 8 links, a cursor-position query, a window title), C1 controls, bidi overrides,
//! NUL, 10,000 characters, zero-width and combining characters, emoji and CJK — typed through
//! the command line, pasted into the app, and written straight into a session file (as another
//! tool, an older version or a hand edit could). The screen must stay intact, the terminal must
//! receive no sequence the app did not mean to send, and every export must stay well-formed.
#![cfg(unix)]

use crate::support;

use crate::support::session_id as sid;
use cpm_workshop::content::Library;
use cpm_workshop::export::{self, Format, Options, Scope};
use cpm_workshop::store::Store;
use cpm_workshop::workshop::{
    Activity, Durations, Group, Mode, Note, Placement, Prompt, Session, SessionSpec,
};
use std::path::Path;
use std::time::Duration;
use support::pty::{Key, Pty};
use time::OffsetDateTime;
use time::macros::datetime;
use unicode_width::UnicodeWidthStr;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);
const WAIT: Duration = Duration::from_secs(15);
const COLS: u16 = 120;
const ROWS: u16 = 36;

/// Each hostile text with a name for messages. Markers (`Q…Q`) sit right beside the escape
/// sequences, so a sequence that reached the terminal is found by its neighbours even when it is
/// one the app also sends itself (`ESC[2J`, colours).
fn hostile() -> Vec<(&'static str, String)> {
    vec![
        ("OSC 52 clipboard write", "Q1Q\x1b]52;c;SU5KRUNURUQ=\x07Q1Q".into()),
        ("OSC 52 with ST", "Q2Q\x1b]52;p;SU5KRUNURUQ=\x1b\\Q2Q".into()),
        ("erase screen", "Q3Q\x1b[2JQ3Q\x1b[HQ3Q".into()),
        (
            "OSC 8 hyperlink",
            "Q4Q\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\Q4Q".into(),
        ),
        ("colour and blink", "Q5Q\x1b[31;5mred\x1b[0mQ5Q".into()),
        ("cursor position query", "Q6Q\x1b[6nQ6Q".into()),
        ("window title", "Q7Q\x1b]0;pwned\x07Q7Q".into()),
        ("C1 CSI and OSC", "Q8Q\u{9b}2JQ8Q\u{9d}0;pwned\u{9c}Q8Q\u{85}Q8Q".into()),
        (
            "bidi overrides",
            "Q9Q\u{202e}txt.exe\u{202c}Q9Q\u{2067}isolate\u{2069}Q9Q".into(),
        ),
        ("NUL, BEL, backspace, DEL", "QAQ\0nul\x07bel\x08bs\x7fdelQAQ".into()),
        ("carriage return", "QBQ overwrite\rQBQ".into()),
        ("10,000 characters, no spaces", "x".repeat(10_000)),
        (
            "10,000 characters, words",
            "word ".repeat(2_000).trim_end().to_string(),
        ),
        (
            "zero-width and combining",
            "ze\u{200b}ro\u{200d}wi\u{feff}dth e\u{301}\u{301}\u{301}\u{301} Z\u{334}\u{321}\u{31b}\u{319}a\u{338}l\u{335}g\u{336}o\u{337}"
                .into(),
        ),
        ("emoji", "👩‍👩‍👧‍👦 🇺🇸 👍🏽 😀 family".into()),
        ("CJK", "家族と一緒に計画を立てる 가족 计划".into()),
        (
            "markup and formulas",
            "<script>alert(1)</script> & \"quoted\" =HYPERLINK(\"http://evil.example\") @SUM(A1)"
                .into(),
        ),
    ]
}

/// Control characters and marks that must never reach the terminal from a note.
fn forbidden_char(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\0')
}

fn spec() -> SessionSpec {
    let library = Library::shipped();
    let deck = library.default_deck();
    SessionSpec {
        name: "Hostile".into(),
        activity: Activity::Sticky,
        deck: deck.id.clone(),
        categories: deck.category_names(),
        groups: 3,
        group_names: Vec::new(),
        mode: Mode::Together,
        durations: Durations::default(),
        role: None,
    }
}

/// A session whose notes, name, group names and initials hold the hostile texts exactly, as a
/// file not written by this app could.
fn raw_hostile_session(id: &str) -> Session {
    let mut s = Session::new(sid(id), spec(), T0).unwrap();
    s.name = "Name\x1b]0;pwned\x07 \u{202e}gnp.exe \x1b[2J".into();
    s.groups[1] = Group {
        number: 2,
        name: Some("G\x1b]52;c;SU5KRUNURUQ=\x07roup".into()),
    };
    let first = s.categories[0].clone();
    for (i, (_, text)) in hostile().into_iter().enumerate() {
        s.notes.push(Note {
            id: s.next_note_id,
            text,
            placement: Placement {
                group: 1 + (i as u32 % 2),
                category: Some(first.clone()),
                prompt: if i % 2 == 0 {
                    Prompt::Already
                } else {
                    Prompt::Enhance
                },
            },
            created: T0,
            initials: (i % 3 == 0).then(|| "J\x1b[2JD\u{202e}".to_string()),
            from_phone: false,
            visibility: Default::default(),
        });
        s.next_note_id += 1;
    }
    s
}

/// Every escape sequence in `raw`, as (kind, whole sequence). Kinds: `CSI <private><final>`,
/// `OSC`, `DCS`/`SOS`/`PM`/`APC`, `ESC <byte>`.
fn escapes(raw: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        if raw[i] != 0x1b {
            i += 1;
            continue;
        }
        let start = i;
        let Some(&next) = raw.get(i + 1) else { break };
        i += 2;
        let kind = match next {
            b'[' => {
                let params_start = i;
                while i < raw.len() && (0x20..=0x3f).contains(&raw[i]) {
                    i += 1;
                }
                let private: String = raw[params_start..i]
                    .iter()
                    .filter(|b| matches!(b, b'?' | b'>' | b'<' | b'='))
                    .map(|&b| b as char)
                    .collect();
                let fin = raw.get(i).map_or('?', |&b| b as char);
                i += 1;
                format!("CSI {private}{fin}")
            }
            b']' | b'P' | b'X' | b'^' | b'_' => {
                // String sequences end at BEL or ST.
                while i < raw.len()
                    && raw[i] != 0x07
                    && !(raw[i] == 0x1b && raw.get(i + 1) == Some(&b'\\'))
                {
                    i += 1;
                }
                i += 1;
                match next {
                    b']' => "OSC".to_string(),
                    b'P' => "DCS".to_string(),
                    _ => "string sequence".to_string(),
                }
            }
            other => format!("ESC {}", other as char),
        };
        out.push((kind, raw[start..i.min(raw.len())].to_vec()));
    }
    out
}

/// What the app itself sends: cursor moves, colours, clearing, and the mode switches of entering
/// and leaving full screen (cursor shown/hidden, alternate screen, bracketed paste, synchronized
/// updates).
fn allowed(kind: &str, seq: &[u8]) -> bool {
    let text = String::from_utf8_lossy(seq);
    match kind {
        "CSI H" | "CSI m" | "CSI K" | "CSI G" | "CSI A" | "CSI B" | "CSI C" | "CSI D" => true,
        "CSI J" => text == "\x1b[2J",
        "CSI ?h" | "CSI ?l" => ["25", "1049", "2004", "2026"].contains(&&text[3..text.len() - 1]),
        _ => false,
    }
}

/// Checks everything the app wrote: only its own kinds of sequence, no hostile sequence beside
/// its markers, no forbidden character. Returns the distinct kinds seen, for the message.
fn assert_clean_output(raw: &[u8], context: &str) -> Vec<String> {
    let mut kinds: Vec<String> = Vec::new();
    for (kind, seq) in escapes(raw) {
        assert!(
            allowed(&kind, &seq),
            "{context}: the terminal was sent {kind} {:?}",
            String::from_utf8_lossy(&seq)
        );
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    let text = String::from_utf8_lossy(raw);
    // Sequences the app also sends itself, found by the markers beside them in the notes.
    for injected in [
        "Q3Q\x1b[2J",
        "\x1b[2JQ3Q",
        "Q3Q\x1b[H",
        "\x1b[HQ3Q",
        "Q5Q\x1b[31;5m",
        "\x1b[31;5mred",
        "red\x1b[0m",
        "\x1b[0mQ5Q",
    ] {
        assert!(
            !text.contains(injected),
            "{context}: the terminal was sent a note's {injected:?}"
        );
    }
    if let Some(c) = text.chars().find(|&c| forbidden_char(c)) {
        panic!("{context}: the terminal was sent {c:?}");
    }
    // No C0 control other than what drawing and the bell use.
    for (i, &b) in raw.iter().enumerate() {
        assert!(
            b >= 0x20 || matches!(b, 0x1b | b'\r' | b'\n' | 0x07 | 0x08),
            "{context}: the terminal was sent control byte {b:#04x} at {i}"
        );
    }
    kinds
}

/// Waits until the app's side of the pty has closed, so its whole output has been read.
fn drain(pty: &Pty) {
    // `wait_until` stops early, with all output processed, once the pty closes.
    let _ = pty.wait_until(|_| false, WAIT);
}

fn app(store: &Path, args: &[&str]) -> Pty {
    let s = store.to_str().unwrap();
    Pty::spawn(
        args,
        &[
            ("CPM_WORKSHOP_STORE", s),
            ("CPM_WORKSHOP_EXPORTS", &format!("{s}/exports")),
        ],
        COLS,
        ROWS,
    )
}

/// The screen's frame is whole: the header on the first row, the hint bar with the save state on
/// the last, the board's borders down both sides.
fn assert_intact(pty: &Pty, context: &str) {
    let screen = pty.screen();
    let rows: Vec<&str> = screen.split('\n').collect();
    assert_eq!(rows.len(), ROWS as usize, "{context}\n{screen}");
    assert!(
        rows.last().is_some_and(|r| r.contains("saved ✓")),
        "{context}: the hint bar is gone\n{}",
        pty.dump()
    );
    let (rows_n, cols_n) = pty.with_screen(|s| {
        let (r, c) = s.size();
        (r.get(), c.get())
    });
    assert_eq!((rows_n, cols_n), (ROWS, COLS));
    for (i, row) in rows.iter().enumerate() {
        assert!(
            row.width() <= COLS as usize,
            "{context}: row {i} is wider than the screen"
        );
    }
}

#[test]
fn a_hostile_session_file_reaches_the_screen_clean() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().to_path_buf()).unwrap();
    let session = raw_hostile_session("20261123-0900-00");
    store.create(&session).unwrap();

    let mut pty = app(dir.path(), &[]);
    pty.wait_for("New workshop", WAIT).unwrap();
    // The home screen lists the session by its (hostile) name.
    pty.wait_for("Name", WAIT).unwrap();
    pty.key(Key::Enter);
    pty.wait_for("(1 of 6)", WAIT).unwrap();
    pty.keys("b");
    pty.wait_for("flip-chart page", WAIT).unwrap();
    // Walk every note on group 1's and group 2's pages, so each is drawn in the detail box.
    for group in 1..=2 {
        for _ in 0..hostile().len() {
            pty.key(Key::Down);
        }
        pty.wait_until(|s| s.contains("Selected note"), WAIT)
            .unwrap();
        if group == 1 {
            pty.key(Key::Right);
        }
    }
    pty.keys("c");
    pty.wait_for("every group's notes", WAIT).unwrap();
    for _ in 0..hostile().len() {
        pty.key(Key::Down);
    }
    std::thread::sleep(Duration::from_millis(300));
    assert_intact(&pty, "board of hostile notes");
    pty.key(Key::Esc);
    pty.wait_for("Step 1 of 5", WAIT).unwrap();
    assert_intact(&pty, "run view of a hostile session");
    pty.keys("q");
    assert_eq!(pty.wait_exit(WAIT), Some(0), "{}", pty.dump());
    drain(&pty);
    let raw = pty.raw_output();
    let kinds = assert_clean_output(&raw, "hostile session file");
    eprintln!("sequences the app sent: {kinds:?}");
}

#[test]
fn hostile_paste_and_command_line_notes_are_cleaned_and_exports_stay_well_formed() {
    let dir = tempfile::tempdir().unwrap();
    let store_dir = dir.path();
    let id = support::cli::new_session(store_dir, &["--name", "Pasted", "--groups", "3"]);
    // Through the command line: each as an argument, and all at once on standard input.
    for (name, text) in hostile() {
        let out = support::cli::cmd(store_dir)
            .args(["add", &id, "--group", "1", "--prompt", "already"])
            .arg(text.replace('\0', ""))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let stdin: String = hostile()
        .into_iter()
        .map(|(_, t)| t.replace(['\n', '\r'], " ") + "\n")
        .collect();
    let out = support::cli::cmd(store_dir)
        .args(["add", &id, "--group", "2", "--prompt", "enhance", "-"])
        .write_stdin(stdin)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Pasted into the app: one line goes into the input, several ask first.
    let mut pty = app(store_dir, &["open", &id]);
    pty.wait_for("(1 of 6)", WAIT).unwrap();
    pty.keys("a");
    pty.wait_for("New note", WAIT).unwrap();
    let paste: String = hostile()
        .into_iter()
        .map(|(_, t)| t.replace(['\n', '\r'], " ") + "\n")
        .collect();
    pty.paste(&paste);
    pty.wait_for("Add one note per line?", WAIT).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    pty.keys("y");
    pty.wait_for(&format!("{} saved", hostile().len()), WAIT)
        .unwrap();
    pty.paste(&hostile()[0].1);
    pty.key(Key::Enter);
    pty.wait_for(&format!("{} saved", hostile().len() + 1), WAIT)
        .unwrap();
    pty.wait_for("saved ✓", WAIT).unwrap();
    pty.key(Key::Esc);
    pty.keys("b");
    pty.wait_for("flip-chart page", WAIT).unwrap();
    for _ in 0..hostile().len() * 2 {
        pty.key(Key::Down);
    }
    std::thread::sleep(Duration::from_millis(300));
    assert_intact(&pty, "board of pasted notes");
    pty.keys("q");
    assert_eq!(pty.wait_exit(WAIT), Some(0), "{}", pty.dump());
    drain(&pty);
    assert_clean_output(&pty.raw_output(), "pasted notes");

    // What was stored is clean text, nothing lost but the controls.
    let store = Store::open(store_dir.to_path_buf()).unwrap();
    let session = store.load(&sid(&id)).unwrap();
    let n = hostile().len();
    assert_eq!(session.notes.len(), n * 3 + 1);
    for note in &session.notes {
        assert!(
            !note
                .text
                .chars()
                .any(|c| c.is_control() && c != '\n' || forbidden_char(c)),
            "stored with a control character: {:?}",
            note.text
        );
    }
    assert!(session.notes.iter().any(|n| n.text == "x".repeat(10_000)));
    assert!(session.notes.iter().any(|n| n.text.contains("👩‍👩‍👧‍👦")));
    assert!(
        session
            .notes
            .iter()
            .any(|n| n.text.contains("e\u{301}\u{301}"))
    );
    assert_exports_well_formed(&session, &Format::ALL, "cleaned notes");
}

#[test]
fn exports_of_a_hostile_session_file_stay_well_formed() {
    let session = raw_hostile_session("20261123-0900-00");
    let formats = [Format::Md, Format::Html, Format::Json, Format::Txt];
    assert_exports_well_formed(&session, &formats, "raw hostile file");
}

/// Found by issue 7 (and since fixed): the CSV export copied a session file's text as it was, so
/// control characters and bidi overrides in a note, the session name, a group name or initials
/// written by another tool (or a hand edit) reached the file, and printing it in a terminal ran
/// them. Cells are now cleaned like the other text formats.
#[test]
fn csv_export_of_a_hostile_session_file_is_clean() {
    let session = raw_hostile_session("20261123-0900-00");
    assert_exports_well_formed(&session, &[Format::Csv], "raw hostile file");
}

/// Every format, every scope: JSON parses back to the same texts; the text formats carry no
/// control character but line breaks, no bidi override, no raw markup, and keep to 80 columns
/// where they promise to; CSV parses with the same number of fields in every row, and no field
/// starts a formula.
fn assert_exports_well_formed(session: &Session, formats: &[Format], context: &str) {
    let mut scopes = vec![Scope::All, Scope::Commitments];
    scopes.extend(session.groups.iter().map(|g| Scope::Group(g.number)));
    scopes.extend(
        session
            .categories
            .iter()
            .map(|c| Scope::Category(c.clone())),
    );
    for &format in formats {
        for scope in &scopes {
            let options = Options {
                scope: scope.clone(),
                deck_title: Some("Deck \x1b]0;t\x07".into()),
                deck_source: Some("Source \u{202e}x".into()),
                ..Options::default()
            };
            let text = export::render(session, format, &options);
            let context = format!("{context}: {format:?} export, {scope:?}");
            match format {
                Format::Json => {
                    let back: Session = serde_json::from_str(&text)
                        .unwrap_or_else(|e| panic!("{context}: does not parse: {e}"));
                    for note in &back.notes {
                        let original = session.note(note.id).unwrap();
                        assert_eq!(note.text, original.text, "{context}");
                    }
                }
                Format::Csv => {
                    let mut reader = csv::ReaderBuilder::new()
                        .has_headers(true)
                        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
                    let width = reader.headers().unwrap().len();
                    for record in reader.records() {
                        let record = record.unwrap_or_else(|e| panic!("{context}: {e}"));
                        assert_eq!(record.len(), width, "{context}");
                        for field in &record {
                            assert!(
                                !field.starts_with(['=', '+', '@']),
                                "{context}: a field starts a formula: {field:?}"
                            );
                            assert_clean_text(field, &context);
                        }
                    }
                }
                Format::Txt | Format::Md | Format::Html => {
                    assert_clean_text(&text, &context);
                    if format == Format::Html {
                        assert!(
                            !text.contains("<script>alert"),
                            "{context}: markup from a note is live"
                        );
                    }
                    if format == Format::Txt {
                        for line in text.lines() {
                            assert!(
                                line.width() <= 80,
                                "{context}: a line of {} columns: {line:?}",
                                line.width()
                            );
                        }
                    }
                }
            }
        }
    }
}

fn assert_clean_text(text: &str, context: &str) {
    if let Some(c) = text
        .chars()
        .find(|&c| (c.is_control() && c != '\n') || forbidden_char(c))
    {
        let at = text.find(c).unwrap_or(0);
        panic!("{context}: holds {c:?} near {:?}", around(text, at));
    }
}

/// Up to 30 characters either side of byte `at`, for a message.
fn around(text: &str, at: usize) -> String {
    let before: Vec<char> = text[..at].chars().rev().take(30).collect();
    let after: String = text[at..].chars().take(30).collect();
    before.into_iter().rev().collect::<String>() + &after
}

/// What a shared session file or a hostile argument can try to send through the command line:
/// a window title, "erase screen", an OSC 52 clipboard write and a right-to-left override.
const TERMINAL_ATTACK: &str =
    "T\x1b]0;pwned\x07I\x1b[2JT\x1b]52;c;SU5KRUNURUQ=\x07L\u{202e}E\u{2028}";

/// Runs the binary with `args` against `store` and returns (stdout, stderr).
fn cli(store: &Path, args: &[&str]) -> (String, String) {
    let out = support::cli::command(store).args(args).output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Found by issue 11 (and since fixed): `list`, `restore`, the success lines and error messages
/// (serde's "unknown variant …", `content check`, clap's "invalid value …") printed a session
/// file's name, deck and category, a script's bad value or an argument exactly as they were, so
/// the terminal changed its title, cleared the screen or took a clipboard write. Everything from
/// a file or the command line is now cleaned the way the exports clean text.
#[test]
fn the_command_line_never_prints_escape_codes_from_a_file_or_an_argument() {
    let dir = tempfile::tempdir().unwrap();
    let store_dir = dir.path().join("store");
    let store = Store::open(store_dir.clone()).unwrap();
    let mut s = Session::new(sid("20261123-0900-00"), spec(), T0).unwrap();
    s.name = format!("Name {TERMINAL_ATTACK}");
    s.deck = format!("deck{TERMINAL_ATTACK}");
    s.categories[0] = format!("Cat{TERMINAL_ATTACK}");
    store.create(&s).unwrap();
    // A second file whose activity is a hostile value serde repeats in its message.
    let mut other =
        serde_json::to_value(Session::new(sid("20261123-0901-00"), spec(), T0).unwrap()).unwrap();
    other["activity"] = TERMINAL_ATTACK.into();
    std::fs::write(
        store_dir.join("20261123-0901-00.json"),
        serde_json::to_vec(&other).unwrap(),
    )
    .unwrap();
    // An activity script whose unknown field name serde repeats.
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("activities")).unwrap();
    std::fs::write(
        content.join("activities/bad.json"),
        format!(
            "{{\"{}\": 1}}",
            TERMINAL_ATTACK
                .replace('\x1b', "\\u001b")
                .replace('\x07', "\\u0007")
        ),
    )
    .unwrap();
    let content_arg = content.to_str().unwrap();
    let id = "20261123-0900-00";
    let runs: Vec<(&str, Vec<&str>)> = vec![
        ("list", vec!["list"]),
        ("list --json", vec!["list", "--json"]),
        (
            "export of a missing category",
            vec![
                "export",
                id,
                "--format",
                "md",
                "--category",
                TERMINAL_ATTACK,
            ],
        ),
        (
            "export of the file with a hostile activity",
            vec!["export", "20261123-0901-00", "--format", "md"],
        ),
        ("content check", vec!["content", "check", content_arg]),
        (
            "clap's invalid value",
            vec!["new", "--activity", TERMINAL_ATTACK],
        ),
        (
            "add with a hostile text",
            vec![
                "add",
                id,
                "--group",
                "1",
                "--prompt",
                "already",
                "--category",
                &s.categories[0],
                "note",
            ],
        ),
        (
            "no such session",
            vec!["export", TERMINAL_ATTACK, "--format", "md"],
        ),
        ("rename", vec!["rename", id, &s.name]),
        ("delete", vec!["delete", id]),
        ("restore (the trash)", vec!["restore"]),
        ("restore", vec!["restore", id]),
    ];
    for (what, args) in runs {
        let (stdout, stderr) = cli(&store_dir, &args);
        for (stream, text) in [("stdout", &stdout), ("stderr", &stderr)] {
            assert_clean_text(text, &format!("{what} ({stream})"));
            assert!(
                !text.contains('\u{2028}'),
                "{what} ({stream}): line separator in {text:?}"
            );
        }
        assert!(
            !(stdout.is_empty() && stderr.is_empty()),
            "{what}: printed nothing"
        );
    }
    // The cleaned name is still recognisable.
    let (stdout, _) = cli(&store_dir, &["list"]);
    assert!(stdout.contains("Name TITLE"), "{stdout}");
}
