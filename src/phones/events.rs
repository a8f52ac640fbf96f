//! `GET /events`: an event each time the published view changes, and a comment line when it
//! does not, for as long as the page stays open. A stream is a task, not a thread, so open
//! pages cost the room next to nothing while they wait.

use super::Shared;
use super::body::Out;
use bytes::Bytes;
use hyper::Response;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::OwnedSemaphorePermit;
use tokio::sync::mpsc;

/// A comment line on idle event streams, so phones and proxies keep them open.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// The stream's answer; its events are sent by a task that holds `place` (the stream's share
/// of the room's cap) until the page goes away.
pub(super) fn stream(shared: Arc<Shared>, place: OwnedSemaphorePermit) -> Response<Out> {
    let (pieces, body) = mpsc::channel::<Bytes>(4);
    tokio::spawn(async move {
        let _place = place;
        let mut versions = shared.versions.subscribe();
        if pieces
            .send(Bytes::from_static(b"retry: 2000\n\n"))
            .await
            .is_err()
        {
            return;
        }
        let mut seen = None;
        loop {
            let message = {
                let published = shared.view();
                if seen == Some(published.version) {
                    ": alive\n\n".to_string()
                } else {
                    seen = Some(published.version);
                    let data = serde_json::json!({
                        "position": published.view.position,
                        "screen": super::view_snapshot::screen(&published.view),
                        "version": published.version,
                        "open": published.view.open,
                    });
                    format!("event: step\ndata: {data}\n\n")
                }
            };
            if pieces.send(Bytes::from(message)).await.is_err() {
                return;
            }
            tokio::select! {
                // The page went away: give its place back now, not at the next keep-alive.
                () = pieces.closed() => return,
                changed = tokio::time::timeout(KEEP_ALIVE, versions.changed()) => {
                    if matches!(changed, Ok(Err(_))) {
                        return;
                    }
                }
            }
        }
    });
    let mut response = Response::new(Out::Stream(body));
    let headers = response.headers_mut();
    for (name, value) in [
        ("content-type", "text/event-stream"),
        ("cache-control", "no-store"),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
    ] {
        headers.insert(name, hyper::header::HeaderValue::from_static(value));
    }
    response
}
