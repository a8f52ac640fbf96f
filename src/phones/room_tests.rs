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
    let room = Room::open("127.0.0.1:0".parse().unwrap(), "AB23CD".into(), wake).unwrap();
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
