//! Golden exports: every sample session in `sessions/` is exported by the real binary in every
//! format and scope, from a temporary copy of the folder (nothing in the repository is written),
//! and compared byte for byte with `sessions/exports/<id>/`.
//!
//! After an intended change to an export, rewrite the files and review the diff:
//!
//! ```text
//! UPDATE_GOLDEN=1 cargo test --test command_line golden::
//! ```

use crate::support;

use cpm_workshop::export::file_name::slug;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The formats, by extension (also the `--format` value).
const FORMATS: [&str; 5] = ["md", "html", "csv", "txt", "json"];

/// One export file: its name and the `export` arguments that make it.
struct Case {
    file: String,
    args: Vec<String>,
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Every export of a session: each scope in each format, plus the Excel CSV.
fn cases(session: &serde_json::Value) -> Vec<Case> {
    let mut scopes: Vec<(String, Vec<String>)> = vec![("room".into(), vec![])];
    // Snapshot warm-ups have one scope (their summary); sticky-note sessions have the rest.
    if session["activity"] != "snapshot" {
        for g in session["groups"].as_array().into_iter().flatten() {
            let n = g["number"].to_string();
            scopes.push((format!("group-{n}"), vec!["--group".into(), n]));
        }
        for c in session["categories"].as_array().into_iter().flatten() {
            let name = c.as_str().unwrap_or_default();
            scopes.push((
                format!("category-{}", slug(name)),
                vec!["--category".into(), name.into()],
            ));
        }
        scopes.push(("commitments".into(), vec!["--commitments".into()]));
    }
    let mut cases = Vec::new();
    for (stem, scope_args) in &scopes {
        for format in FORMATS {
            let mut args = vec!["--format".to_string(), format.to_string()];
            args.extend(scope_args.iter().cloned());
            cases.push(Case {
                file: format!("{stem}.{format}"),
                args,
            });
        }
    }
    cases.push(Case {
        file: "room-excel.csv".into(),
        args: vec!["--format".into(), "csv".into(), "--bom".into()],
    });
    cases
}

/// The sample sessions: `sessions/*.json`.
fn sample_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("sessions/ is readable")
        .map(|e| e.expect("sessions/ entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn export(store: &Path, id: &str, args: &[String]) -> Vec<u8> {
    let output = support::cli::cmd(store)
        .args(["export", id])
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "export {id} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// Where two texts first differ, for the failure message.
fn first_difference(want: &[u8], got: &[u8]) -> String {
    let want = String::from_utf8_lossy(want);
    let got = String::from_utf8_lossy(got);
    for (i, (w, g)) in want.lines().zip(got.lines()).enumerate() {
        if w != g {
            return format!("line {}:\n    want: {w:?}\n    got:  {g:?}", i + 1);
        }
    }
    format!(
        "lengths differ: want {} lines, got {}",
        want.lines().count(),
        got.lines().count()
    )
}

#[test]
fn every_export_of_every_sample_matches_its_golden_file() {
    let sessions = repo().join("sessions");
    let samples = sample_files(&sessions);
    assert!(!samples.is_empty(), "no sample sessions in {sessions:?}");

    // Export from a copy: opening a store probes that it is writable, and nothing in the
    // repository may change during a normal test run.
    let store = tempfile::tempdir().expect("temp dir");
    for file in &samples {
        fs::copy(file, store.path().join(file.file_name().expect("name"))).expect("copy sample");
    }

    let mut problems = Vec::new();
    let mut checked = 0;
    for file in &samples {
        let id = file.file_stem().and_then(|s| s.to_str()).expect("utf-8 id");
        let original = fs::read(file).expect("read sample");
        let session: serde_json::Value = serde_json::from_slice(&original).expect("sample is JSON");
        let dir = sessions.join("exports").join(id);
        if updating() {
            fs::create_dir_all(&dir).expect("create exports folder");
        }
        let cases = cases(&session);
        for case in &cases {
            let got = export(store.path(), id, &case.args);
            let path = dir.join(&case.file);
            checked += 1;
            if updating() {
                if fs::read(&path).ok().as_deref() != Some(&got[..]) {
                    fs::write(&path, &got).expect("write golden");
                    eprintln!("updated {}", path.display());
                }
                continue;
            }
            match fs::read(&path) {
                Ok(want) if want == got => {}
                Ok(want) => problems.push(format!(
                    "{} differs ({}); {}",
                    path.display(),
                    case.args.join(" "),
                    first_difference(&want, &got)
                )),
                Err(e) => problems.push(format!("{} is missing: {e}", path.display())),
            }
        }

        // No stale files: everything in the folder is made by some case.
        let expected: BTreeSet<&str> = cases.iter().map(|c| c.file.as_str()).collect();
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !expected.contains(name.as_str()) {
                if updating() {
                    fs::remove_file(entry.path()).expect("remove stale golden");
                    eprintln!("removed {}", entry.path().display());
                } else {
                    problems.push(format!(
                        "{} is not made by any export",
                        entry.path().display()
                    ));
                }
            }
        }

        // Exporting only reads: the session file is unchanged.
        let after = fs::read(store.path().join(file.file_name().expect("name"))).expect("read");
        assert_eq!(after, original, "exporting changed {id}.json");
    }

    assert!(checked > 0);
    assert!(
        problems.is_empty(),
        "{} of {checked} exports differ from sessions/exports:\n{}\n\nIf the change is intended, \
         run: UPDATE_GOLDEN=1 cargo test --test command_line golden:: (and review the diff)",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_excel_csv_is_the_csv_with_a_byte_order_mark() {
    let store = tempfile::tempdir().expect("temp dir");
    fs::copy(
        repo().join("sessions/sample-practice.json"),
        store.path().join("sample-practice.json"),
    )
    .expect("copy sample");
    let csv = |extra: &[&str]| {
        let mut args = vec!["--format".to_string(), "csv".to_string()];
        args.extend(extra.iter().map(|s| s.to_string()));
        export(store.path(), "sample-practice", &args)
    };
    let (plain, excel) = (csv(&[]), csv(&["--bom"]));
    assert_eq!(&excel[..3], b"\xEF\xBB\xBF");
    assert_eq!(&excel[3..], &plain[..]);
    assert_ne!(&plain[..3], b"\xEF\xBB\xBF");
}

#[test]
fn bom_is_refused_for_formats_other_than_csv() {
    let store = tempfile::tempdir().expect("temp dir");
    fs::copy(
        repo().join("sessions/sample-practice.json"),
        store.path().join("sample-practice.json"),
    )
    .expect("copy sample");
    support::cli::cmd(store.path())
        .args(["export", "sample-practice", "--format", "json", "--bom"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("--bom is for CSV"));
}
