//! What a participant's page keeps in view (issue 15), against the real app on 127.0.0.1: in
//! rotation mode, the group's station for the round on screen, following the trainer's rounds;
//! after the commitment step, the phone's own commitment, which no other phone sees.
#![cfg(unix)]

use crate::support;

use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};
use support::cli::run_ok;
use support::http::{Reply, request};
use support::pty::Pty;

const WAIT: Duration = Duration::from_secs(20);
const PROMISE: &str = "Ask each family <how> they want to be addressed";

/// The app with a new rotation session open and its room on 127.0.0.1.
fn rotation_with_room(store: &Path) -> (Pty, SocketAddr, String) {
    let id = run_ok(store, &["new", "--name", "Stations", "--mode", "rotation"]);
    support::room::open_with_room(store, &id)
}

/// A phone that joined with the link: its cookies.
fn phone(addr: SocketAddr, code: &str) -> String {
    let joined = request(addr, "GET", &format!("/join?code={code}"), &[], b"");
    assert_eq!(joined.status, 303, "{}", joined.body);
    joined.cookie_header()
}

fn page(addr: SocketAddr, cookie: &str, query: &str) -> Reply {
    let reply = request(
        addr,
        "GET",
        &format!("/?{query}"),
        &[("Cookie", cookie)],
        b"",
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply
}

/// Posts a note for group 3 as the phone with `cookie`; the answer must say it is on disk.
fn post(addr: SocketAddr, cookie: &str, text: &str) {
    let body = serde_json::json!({"group": 3, "text": text}).to_string();
    let posted = request(
        addr,
        "POST",
        "/api/notes",
        &[("Cookie", cookie)],
        body.as_bytes(),
    );
    assert_eq!(posted.status, 201, "{}", posted.body);
}

/// Presses `n` until the room says the session is at `position` (bounded).
fn step_to(pty: &mut Pty, addr: SocketAddr, cookie: &str, position: u64) {
    let deadline = Instant::now() + WAIT;
    loop {
        let state = request(addr, "GET", "/api/state", &[("Cookie", cookie)], b"");
        let at = state.json()["position"].as_u64().unwrap_or(0);
        if at == position {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "never at {position}: {}",
            state.body
        );
        if at < position {
            pty.keys("n");
        }
        std::thread::sleep(Duration::from_millis(60));
    }
}

#[test]
fn a_rotating_groups_page_shows_its_station_and_follows_the_rounds() {
    let store = tempfile::tempdir().unwrap();
    let (mut app, addr, code) = rotation_with_room(store.path());
    let me = phone(addr, &code);
    let read = page(addr, &me, "lang=en&group=2").body;
    assert!(read.contains("Your station"), "{read}");
    assert!(read.contains("Station 2 of 6 · Engagement"), "{read}");
    assert!(
        read.contains("Round 1 of 6. Next round: Assessment."),
        "{read}"
    );
    let other = page(addr, &me, "lang=en&group=4").body;
    assert!(other.contains("Station 4 of 6 · Teaming"), "{other}");
    let state = request(addr, "GET", "/api/state?group=2", &[("Cookie", &me)], b"");
    assert_eq!(
        state.json()["group"]["station"]["number"],
        2,
        "{}",
        state.body
    );

    step_to(&mut app, addr, &me, 5); // round 2 reads its card
    let round_two = page(addr, &me, "lang=es&group=2").body;
    assert!(round_two.contains("Su estación"), "{round_two}");
    assert!(
        round_two.contains("Estación 3 de 6 · Assessment"),
        "{round_two}"
    );
    assert!(
        round_two.contains("Ronda 2 de 6. Próxima ronda: Teaming."),
        "{round_two}"
    );
    step_to(&mut app, addr, &me, 30); // the commitment: no station
    assert!(
        !page(addr, &me, "lang=en&group=2")
            .body
            .contains("Your station")
    );
}

#[test]
fn a_phone_keeps_seeing_its_own_commitment_after_the_step_and_no_one_else_does() {
    let store = tempfile::tempdir().unwrap();
    let (mut app, addr, code) = rotation_with_room(store.path());
    let me = phone(addr, &code);
    let neighbour = phone(addr, &code);
    step_to(&mut app, addr, &me, 29); // the last round's share: a note that is no commitment
    post(addr, &me, "We share notes");
    step_to(&mut app, addr, &me, 30); // the commitment step
    post(addr, &me, PROMISE);
    let during = page(addr, &me, "lang=en&group=3").body;
    assert!(
        !during.contains("Your commitment"),
        "editable in its list meanwhile"
    );
    assert!(during.contains("/edit\""), "{during}");

    step_to(&mut app, addr, &me, 31); // the wrap-up: editing is over, the commitment stays
    let after = page(addr, &me, "lang=en&group=3").body;
    assert!(after.contains("Your commitment"), "{after}");
    let escaped = "Ask each family &lt;how&gt; they want to be addressed";
    assert!(
        after.contains(&format!(
            "<h2 id=\"commitment-h\">Your commitment</h2><p>{escaped}</p>"
        )),
        "{after}"
    );
    assert!(!after.contains("/edit\""), "no more editing: {after}");
    assert!(
        !after.contains("<p>We share notes</p>"),
        "only the commitment stands out"
    );
    // The JSON API says which of the phone's notes is its commitment.
    let state = request(addr, "GET", "/api/state", &[("Cookie", &me)], b"").json();
    let flagged: Vec<_> = state["my_notes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|n| {
            (
                n["text"].as_str().unwrap_or_default(),
                n["commitment"] == true,
            )
        })
        .collect();
    assert_eq!(
        flagged,
        [("We share notes", false), (PROMISE, true)],
        "{state}"
    );
    let es = page(addr, &me, "lang=es").body;
    assert!(es.contains("Su compromiso") && es.contains(escaped), "{es}");
    let theirs = page(addr, &neighbour, "lang=en&group=3").body;
    assert!(
        !theirs.contains("Your commitment") && !theirs.contains("Ask each family"),
        "{theirs}"
    );
}
