//! The room's connections: accepting them (within the caps of [`super::connections`]), giving
//! up on those that never ask anything, reading capped bodies, and handing each request to
//! [`super::http`] on a thread of its own, since a write waits for the app to save it.
//!
//! hyper, on a single-threaded tokio runtime in the room's own thread, does the HTTP/1.1
//! parsing; the terminal loop stays synchronous and hears from the room only through its
//! channel.

use super::body::Out;
use super::connections::{Connections, Full};
use super::http::{self, Reply};
use super::request::Incoming;
use super::{MAX_BODY, MAX_STREAMS, Shared};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::runtime::Runtime;
use tokio::sync::{Semaphore, watch};

/// Requests handled at once other than event streams (each on its own thread, done within one
/// save): well above 60 phones posting at the same moment.
pub(super) const MAX_REQUESTS: usize = 80;
/// How long a new connection may take to send its request: a phone sends it at once; a
/// connection still silent after this is closed, and its place in the cap freed.
pub const REQUEST_WAIT: Duration = Duration::from_secs(10);
/// How long a request's body may take to arrive once its head has.
const BODY_WAIT: Duration = Duration::from_secs(10);
/// Largest request head (request line and headers): a phone's are under 2 KB.
const MAX_HEAD: usize = 16 * 1024;
/// How long closing the room waits for requests still being handled.
const CLOSING_WAIT: Duration = Duration::from_secs(1);

/// Serves until `closing` turns true, then closes the listener and every connection.
pub(super) fn run(
    runtime: Runtime,
    listener: TcpListener,
    shared: Arc<Shared>,
    closing: watch::Receiver<bool>,
) {
    runtime.block_on(accept(listener, shared, closing));
    runtime.shutdown_timeout(CLOSING_WAIT);
}

/// The places requests and streams take, apart, so open pages never crowd out writes.
#[derive(Clone)]
struct Places {
    requests: Arc<Semaphore>,
    streams: Arc<Semaphore>,
}

async fn accept(listener: TcpListener, shared: Arc<Shared>, mut closing: watch::Receiver<bool>) {
    let connections = Connections::default();
    let places = Places {
        requests: Arc::new(Semaphore::new(MAX_REQUESTS)),
        streams: Arc::new(Semaphore::new(MAX_STREAMS)),
    };
    loop {
        let accepted = tokio::select! {
            _ = closing.wait_for(|closed| *closed) => return,
            accepted = listener.accept() => accepted,
        };
        let (socket, peer) = match accepted {
            Ok(a) => a,
            // Out of file handles, or a connection reset before it was accepted: wait a
            // moment rather than spin, and go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        match connections.admit(peer.ip()) {
            Ok(place) => {
                let (shared, places) = (Arc::clone(&shared), places.clone());
                tokio::spawn(async move {
                    serve(socket, peer, shared, places).await;
                    drop(place);
                });
            }
            Err(full) => turn_away(&socket, full),
        }
    }
}

/// Says why, in one write that never waits, and closes.
fn turn_away(socket: &TcpStream, full: Full) {
    let why = match full {
        Full::Room => "The room has too many connections open; try again in a moment.",
        Full::Address => "This device has too many connections open; close some tabs.",
    };
    let answer = format!(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n\
         Content-Length: {}\r\nRetry-After: 5\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n{why}",
        why.len()
    );
    let _ = socket.try_write(answer.as_bytes());
}

/// One connection, one request (no keep-alive: a phone's few requests do not need it, and a
/// connection left open between them would hold a place in the cap).
async fn serve(socket: TcpStream, peer: SocketAddr, shared: Arc<Shared>, places: Places) {
    let asked = Arc::new(AtomicBool::new(false));
    let heard = Arc::clone(&asked);
    let service = service_fn(move |request| {
        heard.store(true, Ordering::SeqCst);
        respond(request, peer.ip(), Arc::clone(&shared), places.clone())
    });
    let mut builder = http1::Builder::new();
    builder.keep_alive(false).max_buf_size(MAX_HEAD);
    let connection = builder.serve_connection(TokioIo::new(socket), service);
    tokio::pin!(connection);
    tokio::select! {
        _ = &mut connection => return,
        () = tokio::time::sleep(REQUEST_WAIT) => {}
    }
    if asked.load(Ordering::SeqCst) {
        let _ = connection.await;
    }
}

async fn respond(
    request: Request<hyper::body::Incoming>,
    ip: IpAddr,
    shared: Arc<Shared>,
    places: Places,
) -> Result<Response<Out>, Infallible> {
    let stream = request.uri().path() == "/events";
    let cap = if stream {
        &places.streams
    } else {
        &places.requests
    };
    let Ok(place) = Arc::clone(cap).try_acquire_owned() else {
        return Ok(http::busy());
    };
    let (parts, body) = request.into_parts();
    let body = read_body(&parts.headers, body).await;
    let incoming = Incoming::new(ip, &parts, body);
    let handled = {
        let shared = Arc::clone(&shared);
        tokio::task::spawn_blocking(move || http::handle(&incoming, &shared)).await
    };
    Ok(match handled {
        Ok(Reply::Answer(response)) => response,
        Ok(Reply::Events) => super::events::stream(shared, place),
        Err(_) => http::failed(),
    })
}

/// The body, at most [`MAX_BODY`] bytes of UTF-8 text, or why not.
async fn read_body(
    headers: &hyper::HeaderMap,
    body: hyper::body::Incoming,
) -> Result<String, (u16, &'static str)> {
    const TOO_BIG: (u16, &str) = (413, "That is too long to send.");
    let declared = headers
        .get(hyper::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return Err(TOO_BIG);
    }
    let read = tokio::time::timeout(BODY_WAIT, Limited::new(body, MAX_BODY).collect()).await;
    match read {
        Err(_) => Err((408, "The request took too long to arrive.")),
        Ok(Err(e)) if e.downcast_ref::<LengthLimitError>().is_some() => Err(TOO_BIG),
        Ok(Err(_)) => Err((400, "The request could not be read.")),
        Ok(Ok(collected)) => String::from_utf8(collected.to_bytes().to_vec())
            .map_err(|_| (400, "The request is not UTF-8 text.")),
    }
}
