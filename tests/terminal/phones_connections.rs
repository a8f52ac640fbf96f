//! The room's cap on connections (issue 15, item 6): one device cannot take every place, a full
//! room turns new connections away with a reason and takes them again once places free up, and
//! connections that never ask anything are closed. The real app on 127.0.0.1; "devices" are
//! other loopback addresses, which only Linux answers on.
#![cfg(target_os = "linux")]

use super::phones_room::{app_with_room, join, post_note, texts};
use crate::support::http::{HERE, connect_from, device, read_head, request_from};
use cpm_workshop::phones::REQUEST_WAIT;
use cpm_workshop::phones::connections::{MAX_CONNECTIONS, MAX_PER_ADDRESS};
use std::io::{BufReader, ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// Generous: the server closes a silent connection after [`REQUEST_WAIT`]; a loaded machine
/// may take a while longer.
const CLOSED_BY: Duration = Duration::from_secs(20);

/// Connections from `device` that send nothing.
fn silent(device: std::net::IpAddr, addr: SocketAddr, n: usize) -> Vec<TcpStream> {
    (0..n).map(|_| connect_from(device, addr)).collect()
}

/// What a turned-away connection reads: the status and the reason.
fn turned_away(mut stream: TcpStream) -> (u16, String) {
    let _ = stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    answer_on(stream)
}

/// The status and body of the answer on `stream`.
fn answer_on(stream: TcpStream) -> (u16, String) {
    let mut reader = BufReader::new(stream);
    let (status, _) = read_head(&mut reader);
    let mut body = String::new();
    let _ = reader.read_to_string(&mut body);
    (status, body)
}

/// Whether the server closed `stream` (end of stream or reset) before `deadline`.
fn closed_by_server(stream: &mut TcpStream, deadline: Instant) -> bool {
    let mut byte = [0u8; 1];
    while Instant::now() < deadline {
        match stream.read(&mut byte) {
            Ok(0) => return true,
            Ok(_) => return false,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => return true,
        }
    }
    false
}

/// Retries `GET /join` (bounded) until the room answers it: places are freed as the server
/// notices closed connections, a moment after the client closes them.
fn joins_again(from: std::net::IpAddr, addr: SocketAddr, code: &str) -> u16 {
    let deadline = Instant::now() + CLOSED_BY;
    loop {
        let status =
            request_from(from, addr, "GET", &format!("/join?code={code}"), &[], b"").status;
        if status != 503 || Instant::now() > deadline {
            return status;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn one_device_holding_silent_connections_crowds_out_no_one_and_they_are_closed() {
    let store = tempfile::tempdir().unwrap();
    let (mut pty, id, addr, code) = app_with_room(store.path());
    let greedy = device(3);
    let mut held = silent(greedy, addr, MAX_PER_ADDRESS);
    let (status, why) = turned_away(connect_from(greedy, addr));
    assert_eq!(status, 503, "{why}");
    assert!(
        why.contains("This device has too many connections open"),
        "{why}"
    );
    // Every other phone still joins and its note is saved.
    let phone = join(addr, &code);
    let posted = post_note(addr, &code, &phone, 1, "heard over the noise");
    assert_eq!(posted.status, 201, "{}", posted.body);
    assert!(texts(store.path(), &id).contains(&"heard over the noise".to_string()));
    // A request whose body never comes is answered, not left hanging.
    let slow_code = code.clone();
    let slow = std::thread::spawn(move || {
        let mut stream = connect_from(device(4), addr);
        let head = format!(
            "POST /api/notes HTTP/1.1\r\nHost: {addr}\r\nX-Room-Code: {slow_code}\r\n\
             Content-Type: application/json\r\nContent-Length: 60\r\n\r\n{{\"group\": 1,"
        );
        stream.write_all(head.as_bytes()).unwrap();
        answer_on(stream)
    });
    // The silent ones are closed by the server, and the device may connect again.
    let deadline = Instant::now() + CLOSED_BY;
    for (n, stream) in held.iter_mut().enumerate() {
        assert!(
            closed_by_server(stream, deadline),
            "silent connection {n} still open after {CLOSED_BY:?} (the server gives up after {REQUEST_WAIT:?})"
        );
    }
    assert_eq!(joins_again(greedy, addr, &code), 303);
    let (status, body) = slow.join().unwrap();
    assert_eq!(status, 408, "{body}");
    assert_eq!(
        texts(store.path(), &id),
        vec!["heard over the noise".to_string()],
        "the half-sent note must not be saved"
    );
    pty.kill9();
}

#[test]
fn a_full_room_turns_new_connections_away_until_places_free_up() {
    let store = tempfile::tempdir().unwrap();
    let (mut pty, _id, addr, code) = app_with_room(store.path());
    // Fill the room from several devices, each under its own cap.
    let mut held = Vec::new();
    let mut next = 20u8;
    while held.len() < MAX_CONNECTIONS {
        let n = (MAX_CONNECTIONS - held.len()).min(MAX_PER_ADDRESS);
        held.extend(silent(device(next), addr, n));
        next += 1;
    }
    let (status, why) = turned_away(connect_from(HERE, addr));
    assert_eq!(status, 503, "{why}");
    assert!(
        why.contains("The room has too many connections open"),
        "{why}"
    );
    // A few go away: the next phone gets in.
    held.truncate(MAX_CONNECTIONS - 4);
    assert_eq!(joins_again(HERE, addr, &code), 303);
    drop(held);
    pty.kill9();
}
