//! `cpm-workshop room check` (issue 15): which address and port the room would use, and whether
//! a request from this machine gets through there — on 127.0.0.1 only.

use crate::support;

use std::net::TcpListener;
use support::cli::{cmd, run_ok};

#[test]
fn a_free_port_on_loopback_gets_through_and_says_what_phones_still_need() {
    let store = tempfile::tempdir().unwrap();
    let out = run_ok(store.path(), &["room", "check", "--room-addr", "127.0.0.1"]);
    assert!(
        out.contains("Address: 127.0.0.1") && out.contains("(given with --room-addr)"),
        "{out}"
    );
    assert!(out.contains("Port: a free one"), "{out}");
    let line = out
        .lines()
        .find(|l| l.starts_with("Self-test:"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        line.starts_with("Self-test: a request from this laptop to http://127.0.0.1:")
            && line.ends_with("/ got through."),
        "{line}"
    );
    assert!(out.contains("guest Wi-Fi"), "{out}");
    // The global flag works before the subcommand too.
    let before = run_ok(
        store.path(),
        &["--room-addr", "127.0.0.1:0", "room", "check"],
    );
    assert!(before.contains("got through"), "{before}");
}

#[test]
fn a_port_another_program_holds_fails_with_what_to_do() {
    let store = tempfile::tempdir().unwrap();
    let holder = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = holder.local_addr().unwrap().port();
    let out = cmd(store.path())
        .args(["room", "check", "--room-addr", &format!("127.0.0.1:{port}")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("Self-test: failed."), "{stdout}");
    assert!(
        stderr.contains(&format!(
            "port {port} on 127.0.0.1 is taken by another program"
        )) && stderr.contains("--room-addr 127.0.0.1:PORT"),
        "{stderr}"
    );
    drop(holder);
    // Once the port is free again, the same check passes on exactly that port.
    let out = run_ok(
        store.path(),
        &["room", "check", "--room-addr", &format!("127.0.0.1:{port}")],
    );
    assert!(out.contains(&format!("Port: {port}")), "{out}");
}

#[test]
fn a_malformed_address_is_refused_by_name() {
    let store = tempfile::tempdir().unwrap();
    let out = cmd(store.path())
        .args(["room", "check", "--room-addr", "laptop.local"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("laptop.local") && stderr.contains("IP:PORT"),
        "{stderr}"
    );
}
