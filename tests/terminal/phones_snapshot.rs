//! Phones vote in the Snapshot warm-up (issue 15, item 4): the real app in a pseudo-terminal with
//! its room open on 127.0.0.1, phones voting their stage and spending their dots over HTTP (JSON
//! and plain form posts), the trainer's keys counting hands beside them. The console must show
//! both together, the session file must hold both, and a phone must never count twice.
#![cfg(unix)]

use crate::phones_room::join;
use crate::support;

use cpm_workshop::store::Store;
use cpm_workshop::workshop::SnapshotState;
use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};
use support::cli::run_ok;
use support::http::{Events, Reply, request};
use support::pty::Pty;
use support::room::open_with_room;

const WAIT: Duration = Duration::from_secs(20);

/// A Snapshot warm-up with two opportunities, open in the app with the room open on 127.0.0.1.
fn snapshot_with_room(store: &Path) -> (Pty, String, SocketAddr, String) {
    let id = run_ok(
        store,
        &["new", "--activity", "snapshot", "--name", "Leaders"],
    );
    for (dimension, text) in [("2", "Peer coaching <b>now</b>"), ("3", "Data huddles")] {
        run_ok(
            store,
            &[
                "add",
                &id,
                "--dimension",
                dimension,
                "--heading",
                "opportunities",
                text,
            ],
        );
    }
    let (pty, addr, code) = open_with_room(store, &id);
    (pty, id, addr, code)
}

/// Presses `n` until the console shows `title`.
fn walk_to(pty: &mut Pty, title: &str) {
    for _ in 0..20 {
        if pty.screen().contains(title) {
            return;
        }
        let page = page_line(pty);
        pty.keys("n");
        pty.wait_until(|s| first_line(s) != page, WAIT)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    panic!("never reached {title:?}:\n{}", pty.screen());
}

fn first_line(screen: &str) -> String {
    screen.lines().next().unwrap_or_default().to_string()
}

fn page_line(pty: &Pty) -> String {
    first_line(&pty.screen())
}

/// Waits (bounded) until phones are shown `page` (`stages` or `dots`).
fn wait_page(addr: SocketAddr, cookie: &str, page: &str) -> serde_json::Value {
    let deadline = Instant::now() + WAIT;
    loop {
        let state = request(addr, "GET", "/api/state", &[("Cookie", cookie)], b"");
        if state.status == 200 && state.json()["snapshot"]["page"] == page {
            return state.json();
        }
        assert!(Instant::now() < deadline, "never at {page}: {}", state.body);
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn post_json(addr: SocketAddr, path: &str, cookie: &str, body: serde_json::Value) -> Reply {
    request(
        addr,
        "POST",
        path,
        &[("Cookie", cookie), ("Content-Type", "application/json")],
        body.to_string().as_bytes(),
    )
}

/// `POST /api/vote` as the phone with `cookie`.
fn vote(addr: SocketAddr, cookie: &str, dimension: u64, stage: u64) -> Reply {
    let body = serde_json::json!({"dimension": dimension, "stage": stage});
    post_json(addr, "/api/vote", cookie, body)
}

/// `POST /api/dots` as the phone with `cookie`.
fn dot(addr: SocketAddr, cookie: &str, item: &serde_json::Value, add: bool) -> Reply {
    post_json(
        addr,
        "/api/dots",
        cookie,
        serde_json::json!({"item": item, "add": add}),
    )
}

fn post_form(addr: SocketAddr, path: &str, cookie: &str, body: &str) -> Reply {
    request(
        addr,
        "POST",
        path,
        &[
            ("Cookie", cookie),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        body.as_bytes(),
    )
}

fn on_disk(store: &Path, id: &str) -> SnapshotState {
    let store = Store::open_for_reading(store.to_path_buf()).unwrap();
    store
        .load(&support::session_id(id))
        .unwrap()
        .snapshot
        .expect("a Snapshot record")
}

#[test]
fn phones_vote_change_their_vote_and_spend_their_dots_beside_the_trainers_counts() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let (mut pty, id, addr, code) = snapshot_with_room(store);
    let (a, b) = (join(addr, &code), join(addr, &code));
    assert!(a.contains("room_phone=") && a != b, "{a} / {b}");

    // Nothing to vote on the intro: a vote is refused and changes nothing.
    let early = vote(addr, &a, 1, 1);
    assert_eq!(early.status, 409, "{}", early.body);

    walk_to(&mut pty, "Where are we now? · Dimension 1 of 4");
    let state = wait_page(addr, &a, "stages");
    assert_eq!(state["snapshot"]["dimension"], 1);
    assert_eq!(
        state["groups"],
        serde_json::json!([]),
        "no groups in a warm-up"
    );
    assert_eq!(state["snapshot"]["stages"][1], "making progress");

    // Phone A votes, then changes its mind: counted once, for its last choice.
    let first = vote(addr, &a, 1, 2);
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(first.json()["my_choices"]["stage"], 2);
    let changed = vote(addr, &a, 1, 3);
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.json()["my_choices"]["stage"], 3);
    // Phone B votes with the plain form (no script), in Spanish.
    let form = post_form(addr, "/vote", &b, "lang=es&dimension=1&stage=3");
    assert_eq!(form.status, 303, "{}", form.body);
    assert_eq!(form.header("location"), Some("/?lang=es"));
    pty.wait_for("From a phone: voted \"well underway\"", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    // Each phone sees only its own vote.
    let page_a = request(addr, "GET", "/", &[("Cookie", &a)], b"");
    assert!(
        page_a.body.contains("value=\"3\" required checked"),
        "{}",
        page_a.body
    );
    let page_b = request(addr, "GET", "/?lang=es", &[("Cookie", &b)], b"");
    assert!(page_b.body.contains("Cambiar mi voto"), "{}", page_b.body);
    // The wrong dimension, a stage off the scale, a wrong code: refused.
    let wrong = vote(addr, &a, 2, 1);
    assert_eq!(wrong.status, 409, "{}", wrong.body);
    assert!(wrong.json()["error"].as_str().unwrap().contains("moved on"));
    let off = vote(addr, &a, 1, 9);
    assert_eq!(off.status, 422, "{}", off.body);
    let stranger = request(
        addr,
        "POST",
        "/api/vote",
        &[("X-Room-Code", "WRONG2")],
        br#"{"dimension": 1, "stage": 1}"#,
    );
    assert_eq!(stranger.status, 401);

    // The trainer's show of hands adds to the phones'.
    pty.keys("1");
    pty.wait_for("2 votes", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    pty.keys("1");
    pty.wait_for("4 votes (2 from phones)", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    let saved = on_disk(store, &id);
    assert_eq!(saved.tally(0).counts, [2, 0, 2]);
    assert_eq!(saved.phone_votes.len(), 2);
    let file = std::fs::read_to_string(store.join(format!("{id}.json"))).unwrap();
    assert!(file.contains("phone_votes"), "{file}");
    for cookie in [&a, &b] {
        let token = cookie
            .split("; ")
            .find_map(|c| c.strip_prefix("room_phone="))
            .unwrap();
        assert!(
            !file.contains(token),
            "a phone's cookie is in the session file"
        );
    }

    // The dot vote; an open page hears that the page on screen changed (its step did not).
    let mut events = Events::open(addr, &a);
    assert_eq!(events.next_step()["screen"], "stages-1");
    walk_to(&mut pty, "Dot voting");
    let heard = (0..50)
        .map(|_| events.next_step())
        .find(|e| e["screen"] == "dots-2")
        .expect("an event for the dot vote");
    assert_eq!(heard["position"], 0, "a warm-up's step stays put");
    let state = wait_page(addr, &a, "dots");
    let per = state["snapshot"]["per_person"].as_u64().unwrap();
    assert_eq!(state["my_choices"]["dots_left"], per);
    let items = state["snapshot"]["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["text"], "Peer coaching <b>now</b>");
    let (first_item, second_item) = (items[0]["id"].clone(), items[1]["id"].clone());
    let stale = vote(addr, &a, 1, 1);
    assert_eq!(stale.status, 409, "the stages page is gone: {}", stale.body);

    for n in 1..=per {
        let placed = dot(addr, &a, &first_item, true);
        assert_eq!(placed.status, 200, "{}", placed.body);
        assert_eq!(placed.json()["my_choices"]["dots_left"], per - n);
    }
    let over = dot(addr, &a, &second_item, true);
    assert_eq!(over.status, 422, "{}", over.body);
    assert!(over.json()["error"].as_str().unwrap().contains("all your"));
    let back = dot(addr, &a, &first_item, false);
    assert_eq!(back.status, 200, "{}", back.body);
    assert_eq!(back.json()["my_choices"]["dots_left"], 1);
    let none = dot(addr, &a, &second_item, false);
    assert_eq!(none.status, 422, "{}", none.body);
    let form = post_form(
        addr,
        "/dots",
        &b,
        &format!("lang=en&item={second_item}&add=1"),
    );
    assert_eq!(form.status, 303, "{}", form.body);

    // The trainer's dot on the selected (first) opportunity adds to the phones'.
    pty.keys("+");
    let phones_dots = per - 1 + 1;
    let placed = phones_dots + 1;
    pty.wait_for(
        &format!("{placed} placed ({phones_dots} from phones)"),
        WAIT,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let saved = on_disk(store, &id);
    let dots: Vec<u32> = saved
        .notes
        .iter()
        .filter(|n| n.heading == cpm_workshop::workshop::HeadingId::Opportunities)
        .map(|n| saved.dots_on(n))
        .collect();
    assert_eq!(
        dots,
        [per as u32, 1],
        "trainer 1 + phone A {} on the first",
        per - 1
    );
    assert_eq!(saved.ranking()[0].dots, per as u32);
}

#[test]
fn a_phone_that_joins_the_reopened_room_changes_its_vote_instead_of_adding_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path();
    let (mut pty, id, addr, code) = snapshot_with_room(store);
    let phone = join(addr, &code);
    walk_to(&mut pty, "Where are we now? · Dimension 1 of 4");
    wait_page(addr, &phone, "stages");
    assert_eq!(vote(addr, &phone, 1, 2).status, 200);

    // The trainer shows the room's panel, closes the room, and opens it again: a new code.
    pty.keys("W");
    pty.wait_for("1 phone connected", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    pty.keys("W");
    pty.wait_for("Room closed", WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    pty.keys("W");
    let old = format!("Code: {code}");
    pty.wait_until(|s| s.contains("Code: ") && !s.contains(&old), WAIT)
        .unwrap_or_else(|e| panic!("{e}"));
    let new_code = support::room::join_code(&pty.screen());

    // The phone joins again with the new code, its cookie still in the browser.
    let joined = request(
        addr,
        "GET",
        &format!("/join?code={new_code}"),
        &[("Cookie", phone.as_str())],
        b"",
    );
    assert_eq!(joined.status, 303, "{}", joined.body);
    let again = joined.cookie_header();
    let token = |cookie: &str| {
        cookie
            .split("; ")
            .find(|c| c.starts_with("room_phone="))
            .map(String::from)
    };
    assert_eq!(token(&again), token(&phone), "the room knows the phone");
    let state = wait_page(addr, &again, "stages");
    assert_eq!(state["my_choices"]["stage"], 2, "{state}");
    assert_eq!(vote(addr, &again, 1, 3).status, 200);
    let saved = on_disk(store, &id);
    assert_eq!(saved.phone_votes.len(), 1, "one phone, one vote");
    assert_eq!(saved.tally(0).counts, [0, 0, 1]);
    pty.kill9();
}
