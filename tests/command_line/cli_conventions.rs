//! The conventions of a command-line tool: exit codes, `--version`, completion scripts and the
//! man page, as README's "Exit codes" and "Shell completions and man page" describe them.

use crate::support;

use predicates::prelude::*;
use std::path::Path;
use support::cli::{cmd, command};

fn stdout_of(store: &Path, args: &[&str]) -> String {
    let out = cmd(store).args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// The subcommands every generated script and page must mention.
const SUBCOMMANDS: [&str; 12] = [
    "open",
    "new",
    "list",
    "add",
    "vote",
    "export",
    "rename",
    "duplicate",
    "delete",
    "restore",
    "content",
    "completions",
];

#[test]
fn exit_codes_are_0_ok_1_error_2_usage() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    for ok in [&["list"][..], &["--help"], &["--version"], &["man"]] {
        cmd(store).args(ok).assert().code(0);
    }
    // Something went wrong while doing what was asked.
    cmd(store)
        .args(["export", "no-such-session", "--format", "txt"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: "));
    let broken = dir.path().join("broken.md");
    std::fs::write(&broken, "no title here\n").unwrap();
    cmd(store)
        .args(["content", "check"])
        .arg(&broken)
        .assert()
        .code(1);
    // The command line itself is wrong: clap's usage errors.
    for usage in [
        &["frobnicate"][..],
        &["new", "--groups", "many"],
        &["export"],
        &["list", "--colour"],
        &["completions", "cmd.exe"],
    ] {
        cmd(store)
            .args(usage)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("try '--help'"));
    }
}

#[test]
fn version_names_the_package_version_and_the_commit_when_known() {
    let dir = tempfile::tempdir().unwrap();
    let version = stdout_of(dir.path(), &["--version"]);
    let expected = format!("cpm-workshop {}", env!("CARGO_PKG_VERSION"));
    assert!(version.starts_with(&expected), "{version:?}");
    if let Some(head) = git_head() {
        assert_eq!(version, format!("{expected} (commit {head})\n"));
    }
}

/// HEAD's short hash when this crate is the top of a git work tree and git can be run here.
fn git_head() -> Option<String> {
    let root = env!("CARGO_MANIFEST_DIR");
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    };
    let top = git(&["rev-parse", "--show-toplevel"])?;
    let same = Path::new(&top).canonicalize().ok()? == Path::new(root).canonicalize().ok()?;
    same.then(|| git(&["rev-parse", "--short=12", "HEAD"]))?
}

#[test]
fn completion_scripts_cover_every_subcommand_for_each_shell() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = stdout_of(dir.path(), &["completions", shell]);
        assert!(script.contains("cpm-workshop"), "{shell}");
        let format_option = if shell == "fish" {
            "-l format"
        } else {
            "--format"
        };
        assert!(
            script.contains(format_option),
            "{shell} lacks export's options"
        );
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} lacks {sub}");
        }
    }
}

/// bash itself loads the script and registers the completion (where bash exists).
#[cfg(unix)]
#[test]
fn bash_accepts_the_completion_script() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("cpm-workshop.bash");
    std::fs::write(&script, stdout_of(dir.path(), &["completions", "bash"])).unwrap();
    let Ok(out) = std::process::Command::new("bash")
        .arg("-c")
        .arg("source \"$1\" && complete -p cpm-workshop")
        .arg("bash")
        .arg(&script)
        .output()
    else {
        support::require(None::<()>, "no bash");
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(stdout.contains("cpm-workshop"), "{stdout}");
}

#[test]
fn man_page_is_roff_naming_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let page = stdout_of(dir.path(), &["man"]);
    assert!(page.contains(".TH cpm-workshop 1"), "{page}");
    assert!(page.contains(".SH NAME"), "{page}");
    assert!(page.contains(".SH SUBCOMMANDS"), "{page}");
    for sub in SUBCOMMANDS {
        assert!(page.contains(sub), "the man page lacks {sub}");
    }
}

/// On Windows sessions live in the roaming profile, `%APPDATA%\cpm-workshop\cpm-workshop\data\
/// sessions`, a folder only the user (and administrators) can read, so no POSIX modes are needed.
#[cfg(windows)]
#[test]
fn sessions_live_under_appdata_on_windows() {
    let appdata = std::path::PathBuf::from(std::env::var_os("APPDATA").expect("APPDATA is set"));
    let dir = cpm_workshop::store::Store::default_dir().unwrap();
    assert_eq!(
        dir,
        appdata.join(r"cpm-workshop\cpm-workshop\data\sessions"),
        "{}",
        dir.display()
    );
}

/// `cpm-workshop completions bash | head -1`: a reader that goes away is an error message at
/// most, never a panic (clap_complete panics on a failed write; we hand it a buffer).
#[test]
fn generated_output_to_a_closed_pipe_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["completions", "zsh"][..], &["man"]] {
        let mut child = command(dir.path())
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_ne!(out.status.code(), Some(101), "{args:?}: {stderr}");
    }
}
