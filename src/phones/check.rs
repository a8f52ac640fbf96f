//! The room's connectivity self-test: does a request from this laptop to the room's address get
//! through? `cpm-workshop room check` listens on the address for a moment and sends itself a
//! tiny HTTP request; the open room asks its own server for its state. Either way a firewall
//! that blocks the port, an address the laptop no longer has or a port another program holds
//! shows up before the room fills, with what to do about it.
//!
//! What it cannot see is the network between phones and the laptop: guest Wi-Fi that isolates
//! devices lets the laptop talk to itself but not phones to the laptop. The messages say so.

use super::code;
use std::io::{self, Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, TcpStream};
use std::time::{Duration, Instant};

/// How long each part of the test may take (connecting, answering): a local exchange takes a
/// millisecond; a firewall that drops rather than refuses would otherwise hang the test.
pub const TIMEOUT: Duration = Duration::from_secs(3);
/// Most bytes read of an answer or a request (the test needs its first line and a token).
const MAX_READ: usize = 4096;
/// How often the temporary listener looks for the test's connection.
const ACCEPT_POLL: Duration = Duration::from_millis(5);

/// What went wrong, with the error the system gave.
#[derive(Debug)]
pub enum Failure {
    /// Could not listen on the address at all.
    Listen(io::Error),
    /// Listening worked, but this laptop's own request did not reach it.
    Connect(io::Error),
    /// Something answered, but not as the room would (or not in time).
    Exchange(String),
}

impl Failure {
    /// What happened at `addr` and what the trainer can do about it, in one paragraph.
    pub fn advice(&self, addr: SocketAddr) -> String {
        let (ip, port) = (addr.ip(), addr.port());
        match self {
            Failure::Listen(e) => match e.kind() {
                io::ErrorKind::AddrNotAvailable => format!(
                    "{ip} is not an address of this laptop now (it may have left that network): \
                     run `cpm-workshop room check` without --room-addr to see the addresses it has"
                ),
                io::ErrorKind::AddrInUse => format!(
                    "port {port} on {ip} is taken by another program: choose another with \
                     --room-addr {ip}:PORT, or leave the port out for any free one"
                ),
                io::ErrorKind::PermissionDenied => format!(
                    "this laptop does not let cpm-workshop listen on port {port} (ports below \
                     1024 need administrator rights): choose a port above 1024, or leave it out"
                ),
                _ => format!("could not listen on {addr}: {e}"),
            },
            Failure::Connect(e) => format!(
                "a request from this laptop to {addr} did not get through ({e}): a firewall on \
                 this laptop is probably blocking the port. On Windows allow cpm-workshop in \
                 Windows Defender Firewall for Private networks; on a Mac allow incoming \
                 connections for it (System Settings, Network, Firewall); on a county laptop \
                 ask IT to allow TCP port {} on the local network (README: Phones in the room)",
                if port == 0 {
                    "of the room".to_string()
                } else {
                    port.to_string()
                }
            ),
            Failure::Exchange(what) => format!(
                "a connection to {addr} opened, but {what}: security software or a proxy may be \
                 standing between this laptop and its own address; try another address (a in \
                 the room panel, or --room-addr) or ask IT"
            ),
        }
    }
}

/// What every successful check adds: this laptop is not the whole way from a phone.
pub const PHONES_TOO: &str = "Phones also need the network to carry their requests: guest Wi-Fi \
    that isolates devices never lets them reach this laptop (use a travel router or the laptop's \
    own hotspot). Open the link on one phone before the room arrives to be sure.";

/// Listens on `addr` for a moment (port 0: a free port) and sends itself a tiny HTTP request
/// there; the address and port it used, or what went wrong.
pub fn self_test(addr: SocketAddr) -> Result<SocketAddr, (SocketAddr, Failure)> {
    let listener = TcpListener::bind(addr).map_err(|e| (addr, Failure::Listen(e)))?;
    let bound = listener
        .local_addr()
        .map_err(|e| (addr, Failure::Listen(e)))?;
    let token = code::new_token().map_err(|e| (bound, Failure::Exchange(e.to_string())))?;
    let answer = format!("cpm-workshop room check {token}");
    let body = answer.clone();
    let server = std::thread::Builder::new()
        .name("room-check".into())
        .spawn(move || answer_once(&listener, &body))
        .map_err(|e| (bound, Failure::Exchange(e.to_string())))?;
    let request = format!(
        "GET /check HTTP/1.1\r\nHost: {bound}\r\nConnection: close\r\n\r\n",
        bound = reachable(bound)
    );
    let result = exchange(reachable(bound), &request).and_then(|reply| {
        if status(&reply) == Some(200) && reply.contains(&answer) {
            Ok(())
        } else {
            Err(Failure::Exchange(format!(
                "what answered was not this check ({})",
                first_line(&reply)
            )))
        }
    });
    let _ = server.join();
    result.map(|()| bound).map_err(|f| (bound, f))
}

/// Asks the open room at `addr` for its state with the join `code`, as a phone's page does.
pub fn probe_room(addr: SocketAddr, code: &str) -> Result<(), Failure> {
    let request = format!(
        "GET /api/state HTTP/1.1\r\nHost: {addr}\r\nX-Room-Code: {code}\r\nConnection: close\r\n\r\n"
    );
    let reply = exchange(reachable(addr), &request)?;
    match status(&reply) {
        Some(200) => Ok(()),
        _ => Err(Failure::Exchange(format!(
            "the room did not answer as it should ({})",
            first_line(&reply)
        ))),
    }
}

/// One line for the console: what the check of the open room at `addr` found.
pub fn console_line(addr: SocketAddr, result: &Result<(), Failure>) -> Result<String, String> {
    match result {
        Ok(()) => Ok(format!(
            "Self-test: a request from this laptop to {addr} got through. Phones also need a \
             network that lets devices talk (not guest Wi-Fi)."
        )),
        Err(f) => Err(format!("Self-test failed: {}.", f.advice(addr))),
    }
}

/// A wildcard address cannot be connected to everywhere (Windows refuses): this machine's
/// loopback stands in for it.
fn reachable(addr: SocketAddr) -> SocketAddr {
    match addr.ip() {
        IpAddr::V4(v4) if v4.is_unspecified() => {
            SocketAddr::new(Ipv4Addr::LOCALHOST.into(), addr.port())
        }
        IpAddr::V6(v6) if v6.is_unspecified() => {
            SocketAddr::new(Ipv6Addr::LOCALHOST.into(), addr.port())
        }
        _ => addr,
    }
}

/// Connects to `addr`, sends `request` and reads the answer (up to [`MAX_READ`] bytes).
fn exchange(addr: SocketAddr, request: &str) -> Result<String, Failure> {
    let mut stream = TcpStream::connect_timeout(&addr, TIMEOUT).map_err(Failure::Connect)?;
    let no_answer = |e: io::Error| Failure::Exchange(format!("no answer came ({e})"));
    stream.set_read_timeout(Some(TIMEOUT)).map_err(no_answer)?;
    stream.set_write_timeout(Some(TIMEOUT)).map_err(no_answer)?;
    stream.write_all(request.as_bytes()).map_err(no_answer)?;
    let reply = read_capped(&mut stream, |_| false).map_err(no_answer)?;
    if reply.is_empty() {
        return Err(Failure::Exchange("it closed without answering".into()));
    }
    Ok(reply)
}

/// Reads until the peer closes, `done` says the text is complete, or [`MAX_READ`] bytes.
fn read_capped(stream: &mut TcpStream, done: impl Fn(&str) -> bool) -> io::Result<String> {
    let mut bytes = Vec::new();
    let mut buf = [0u8; 1024];
    while bytes.len() < MAX_READ {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            break;
        }
        bytes.extend_from_slice(&buf[..n]);
        if done(&String::from_utf8_lossy(&bytes)) {
            break;
        }
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Answers the first connection to `listener` with `body`, or gives up after [`TIMEOUT`].
fn answer_once(listener: &TcpListener, body: &str) {
    if listener.set_nonblocking(true).is_err() {
        return;
    }
    let deadline = Instant::now() + TIMEOUT;
    let mut stream = loop {
        match listener.accept() {
            Ok((stream, _)) => break stream,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock && Instant::now() < deadline => {
                std::thread::sleep(ACCEPT_POLL);
            }
            Err(_) => return,
        }
    };
    let ready = stream.set_nonblocking(false).is_ok()
        && stream.set_read_timeout(Some(TIMEOUT)).is_ok()
        && stream.set_write_timeout(Some(TIMEOUT)).is_ok();
    if !ready || read_capped(&mut stream, |t| t.contains("\r\n\r\n")).is_err() {
        return;
    }
    let reply = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(reply.as_bytes());
}

/// The status code of an HTTP answer.
fn status(reply: &str) -> Option<u16> {
    let line = first_line(reply);
    let mut parts = line.split(' ');
    parts
        .next()
        .filter(|v| v.starts_with("HTTP/"))
        .and(parts.next())
        .and_then(|s| s.parse().ok())
}

fn first_line(reply: &str) -> &str {
    reply.lines().next().unwrap_or("").trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loopback(port: u16) -> SocketAddr {
        SocketAddr::new(Ipv4Addr::LOCALHOST.into(), port)
    }

    #[test]
    fn a_free_port_on_loopback_answers_this_laptop() {
        let used = self_test(loopback(0)).unwrap_or_else(|(_, f)| panic!("{f:?}"));
        assert_eq!(used.ip(), loopback(0).ip());
        assert_ne!(used.port(), 0, "the free port chosen is reported");
    }

    #[test]
    fn a_port_another_program_holds_is_named_with_what_to_do() {
        let holder = TcpListener::bind(loopback(0)).unwrap();
        let taken = holder.local_addr().unwrap();
        let (at, failure) = self_test(taken).unwrap_err();
        assert!(matches!(failure, Failure::Listen(_)), "{failure:?}");
        let advice = failure.advice(at);
        assert!(
            advice.contains(&format!("port {}", taken.port())) && advice.contains("--room-addr"),
            "{advice}"
        );
    }

    #[test]
    fn an_address_this_laptop_does_not_have_is_said_so() {
        // TEST-NET-1: never a local address; binding fails before anything is sent.
        let gone: SocketAddr = "192.0.2.1:0".parse().unwrap();
        let (at, failure) = self_test(gone).unwrap_err();
        let advice = failure.advice(at);
        assert!(advice.contains("not an address of this laptop"), "{advice}");
    }

    #[test]
    fn a_refused_connection_points_at_the_firewall() {
        let closed = TcpListener::bind(loopback(0))
            .unwrap()
            .local_addr()
            .unwrap();
        // The listener is dropped: nothing listens there now, and the connection is refused.
        let failure = probe_room(closed, "AB23CD").unwrap_err();
        assert!(matches!(failure, Failure::Connect(_)), "{failure:?}");
        let line = console_line(closed, &Err(failure)).unwrap_err();
        assert!(
            line.contains("Windows Defender Firewall") && line.contains("did not get through"),
            "{line}"
        );
    }

    #[test]
    fn the_open_room_counts_only_when_it_answers_as_the_room() {
        for (status_line, ok) in [
            ("HTTP/1.1 200 OK", true),
            ("HTTP/1.1 401 Unauthorized", false),
        ] {
            let listener = TcpListener::bind(loopback(0)).unwrap();
            let addr = listener.local_addr().unwrap();
            let answer =
                format!("{status_line}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}");
            let server = std::thread::spawn(move || {
                let (mut s, _) = listener.accept().unwrap();
                s.set_read_timeout(Some(TIMEOUT)).unwrap();
                let request = read_capped(&mut s, |t| t.contains("\r\n\r\n")).unwrap();
                s.write_all(answer.as_bytes()).unwrap();
                request
            });
            let result = probe_room(addr, "AB23CD");
            let request = server.join().unwrap();
            assert!(request.starts_with("GET /api/state "), "{request}");
            assert!(request.contains("X-Room-Code: AB23CD"), "{request}");
            assert_eq!(result.is_ok(), ok, "{status_line}: {result:?}");
            if !ok {
                let line = console_line(addr, &result).unwrap_err();
                assert!(line.contains("401"), "{line}");
            }
        }
        assert_eq!(status("HTTP/1.1 200 OK\r\n"), Some(200));
        assert_eq!(status("SSH-2.0-OpenSSH"), None);
    }
}
