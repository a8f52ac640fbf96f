//! The room as the app sees it: a phone's write reaches the app's end of the channel, wakes
//! the app's loop, is answered with what the app replies, and closing the room frees its port.
//! Loopback only.

use super::view::{GroupView, PromptView};
use super::*;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicUsize, Ordering};

fn view_taking_notes() -> PhoneView {
    PhoneView {
        open: true,
        position: 1,
        prompt: Some(PromptView {
            id: "already",
            label: "Already doing",
        }),
        groups: vec![GroupView {
            number: 1,
            label: "Group 1".into(),
            category: None,
            behaviors: Vec::new(),
            station: None,
        }],
        ..PhoneView::default()
    }
}

/// Sends a raw request and returns the whole answer as text.
fn send(addr: SocketAddr, request: String) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer
}

#[test]
fn a_phones_note_wakes_the_app_is_answered_with_its_reply_and_closing_frees_the_port() {
    let woken = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&woken);
    let wake: Wake = Arc::new(move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    let room = Room::open(
        "127.0.0.1:0".parse().unwrap(),
        "AB23CD".into(),
        PhoneMemory::default(),
        wake,
    )
    .unwrap();
    room.publish(view_taking_notes());
    let addr = room.addr();
    let body = r#"{"group": 1, "text": "We listen first"}"#;
    let phone = std::thread::spawn(move || {
        send(
            addr,
            format!(
                "POST /api/notes HTTP/1.1\r\nHost: {addr}\r\nX-Room-Code: AB23CD\r\n\
                 Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            ),
        )
    });
    let request = room
        .wait_request(Duration::from_secs(20))
        .expect("the note reaches the app");
    match &request.change {
        CommandKind::AddNotes { texts, group, .. } => {
            assert_eq!(
                (texts.as_slice(), *group),
                (&["We listen first".to_string()][..], 1)
            );
        }
        other => panic!("not a note: {other:?}"),
    }
    request.reply.send(Ok(vec![7])).unwrap();
    let answer = phone.join().unwrap();
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    assert!(answer.contains(r#""ids":[7]"#), "{answer}");
    assert_eq!(woken.load(Ordering::SeqCst), 1, "the app was woken once");
    drop(room);
    TcpListener::bind(addr).expect("the port is free once the room is closed");
}

#[test]
fn a_request_the_app_never_sees_wakes_no_one() {
    let woken = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&woken);
    let room = Room::open(
        "127.0.0.1:0".parse().unwrap(),
        "AB23CD".into(),
        PhoneMemory::default(),
        Arc::new(move || {
            counter.fetch_add(1, Ordering::SeqCst);
        }),
    )
    .unwrap();
    let addr = room.addr();
    let answer = send(
        addr,
        format!("GET /api/state HTTP/1.1\r\nHost: {addr}\r\nX-Room-Code: WRONG1\r\n\r\n"),
    );
    assert!(answer.starts_with("HTTP/1.1 401"), "{answer}");
    assert!(room.next_request().is_none());
    assert_eq!(woken.load(Ordering::SeqCst), 0);
}

/// A room on a free loopback port, knowing `memory`, that wakes no one.
fn room_with(memory: &PhoneMemory, code: &str) -> Room {
    let room = Room::open(
        "127.0.0.1:0".parse().unwrap(),
        code.into(),
        memory.clone(),
        Arc::new(|| {}),
    )
    .unwrap();
    room.publish(view_taking_notes());
    room
}

/// The phone's cookie value from a join's answer.
fn phone_cookie(answer: &str) -> String {
    answer
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: room_phone="))
        .and_then(|v| v.split(';').next())
        .unwrap_or_else(|| panic!("no phone cookie in {answer}"))
        .to_string()
}

/// Joins `room` with its code, as the phone holding `cookie` if any; the phone's token.
fn join(room: &Room, cookie: Option<&str>) -> String {
    let addr = room.addr();
    let cookie = cookie.map_or_else(String::new, |c| format!("Cookie: room_phone={c}\r\n"));
    phone_cookie(&send(
        addr,
        format!(
            "GET /join?code={} HTTP/1.1\r\nHost: {addr}\r\n{cookie}\r\n",
            room.code()
        ),
    ))
}

/// Asks `room` to change note 7 as the phone `token`; the answer's status line, and whether
/// the change reached the app.
fn edit_note_7(room: &Room, token: &str) -> (String, bool) {
    let addr = room.addr();
    let body = r#"{"text": "We listen first, always"}"#;
    let code = room.code().to_string();
    let token = token.to_string();
    let phone = std::thread::spawn(move || {
        send(
            addr,
            format!(
                "PUT /api/notes/7 HTTP/1.1\r\nHost: {addr}\r\nX-Room-Code: {code}\r\n\
                 Cookie: room_phone={token}\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            ),
        )
    });
    let reached = match room.wait_request(Duration::from_secs(2)) {
        Some(request) => {
            let _ = request.reply.send(Ok(Vec::new()));
            true
        }
        None => false,
    };
    let answer = phone.join().unwrap();
    (
        answer.lines().next().unwrap_or_default().to_string(),
        reached,
    )
}

#[test]
fn a_room_opened_again_with_the_same_memory_knows_its_phones_and_their_notes() {
    let memory = PhoneMemory::default();
    let first = room_with(&memory, "AB23CD");
    let token = join(&first, None);
    // The phone adds note 7 in the first room.
    let addr = first.addr();
    let body = r#"{"group": 1, "text": "We listen first"}"#;
    let (code, token_sent) = (first.code().to_string(), token.clone());
    let phone = std::thread::spawn(move || {
        send(
            addr,
            format!(
                "POST /api/notes HTTP/1.1\r\nHost: {addr}\r\nX-Room-Code: {code}\r\n\
                 Cookie: room_phone={token_sent}\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            ),
        )
    });
    let request = first.wait_request(Duration::from_secs(20)).unwrap();
    request.reply.send(Ok(vec![7])).unwrap();
    assert!(phone.join().unwrap().starts_with("HTTP/1.1 201"));
    drop(first);

    // Opened again (a new code): the phone joins with its cookie and keeps its token and note.
    let again = room_with(&memory, "EF45GH");
    assert_eq!(
        join(&again, Some(&token)),
        token,
        "the same phone, the same token"
    );
    let (status, reached) = edit_note_7(&again, &token);
    assert!(status.starts_with("HTTP/1.1 200") && reached, "{status}");

    // A room with no memory of it knows neither the phone nor its note.
    let stranger = room_with(&PhoneMemory::default(), "JK67LM");
    assert_ne!(join(&stranger, Some(&token)), token);
    let (status, reached) = edit_note_7(&stranger, &token);
    assert!(status.starts_with("HTTP/1.1 404") && !reached, "{status}");
}
