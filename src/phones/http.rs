//! The room's HTTP side: checks every request (code, limits, host and origin), answers reads
//! from the published view, and hands writes to the app as domain commands, answering only
//! once the app says they are on disk.

use super::body::Out;
use super::code;
use super::page::{self, Lang, Mine, PageInput};
use super::request::{Incoming, Method, form_pairs};
use super::{MAX_NOTE_CHARS, PhoneReply, PhoneRequest, Shared};
use crate::workshop::command::CommandKind;
use crate::workshop::{NoteId, Prompt};
use hyper::Response;
use hyper::header::{HeaderName, HeaderValue};
use serde::Deserialize;
use std::sync::mpsc::{TrySendError, sync_channel};
use std::time::{Duration, Instant};

/// How long a phone's write waits for the app to apply and save it.
const APP_ANSWER: Duration = Duration::from_secs(10);

/// What a request gets: an answer, or (its code and phone checked) an event stream.
pub(super) enum Reply {
    Answer(Response<Out>),
    Events,
}

/// A finished answer: status, type, body, extra headers.
pub(super) struct Answer {
    status: u16,
    kind: &'static str,
    body: String,
    headers: Vec<(&'static str, String)>,
}

impl Answer {
    pub(super) fn new(status: u16, kind: &'static str, body: String) -> Answer {
        Answer {
            status,
            kind,
            body,
            headers: Vec::new(),
        }
    }

    pub(super) fn json(status: u16, value: serde_json::Value) -> Answer {
        Answer::new(status, "application/json", value.to_string())
    }

    pub(super) fn with(mut self, name: &'static str, value: String) -> Answer {
        self.headers.push((name, value));
        self
    }
}

/// Answers `incoming`: checks the code and the phone, then reads or writes. Blocks while a
/// write waits for the app.
pub(super) fn handle(incoming: &Incoming, shared: &Shared) -> Reply {
    let lang = Lang::parse(incoming.query("lang"));
    let nonce = code::new_token().unwrap_or_default();
    let answer = |answer: Answer| Reply::Answer(finish(answer, &nonce));
    let ip = incoming.ip;
    let now = Instant::now();
    if shared.guard().locked_out(ip, now) {
        return answer(refusal(
            incoming,
            429,
            "Too many wrong codes from this address; wait a few minutes.",
            lang,
            &nonce,
        ));
    }
    if incoming.path == "/join" && incoming.method == Method::Get {
        return answer(join(incoming, shared, lang, &nonce, now));
    }
    let given = incoming
        .header("X-Room-Code")
        .or(incoming.cookie("room_code"));
    if !given.is_some_and(|g| code::matches(&shared.code, g)) {
        if given.is_some() {
            shared.guard().failed(ip, now);
        }
        return answer(if incoming.api() {
            Answer::json(
                401,
                serde_json::json!({"error": "the join code is missing or wrong (header X-Room-Code)"}),
            )
        } else {
            Answer::new(
                401,
                "text/html; charset=utf-8",
                page::code_form(lang, None, &nonce),
            )
        });
    }
    // The phone: its cookie (or header, for scripts), or a new token given out now.
    let presented = incoming
        .header("X-Room-Phone")
        .or(incoming.cookie("room_phone"))
        .filter(|t| shared.guard().known(t))
        .map(String::from);
    let (phone, fresh) = match presented {
        Some(p) => {
            shared.guard().seen(&p, now);
            (p, false)
        }
        None => {
            let token = code::new_token().unwrap_or_else(|_| ip.to_string());
            shared.guard().issue(&token);
            (token, true)
        }
    };
    if incoming.path == "/events" && incoming.method == Method::Get {
        return Reply::Events;
    }
    let mut reply = if incoming.method == Method::Get {
        read(incoming, shared, &phone, lang, &nonce)
    } else {
        // A client that never keeps its cookie is limited by its address instead.
        let limited = if fresh { ip.to_string() } else { phone.clone() };
        let body = write_allowed(incoming, shared, &limited, now)
            .and_then(|()| incoming.body.as_deref().map_err(|refused| *refused));
        match body {
            Err(refused) => refusal(incoming, refused.0, refused.1, lang, &nonce),
            Ok(body) => write(incoming, shared, &phone, body, lang, &nonce),
        }
    };
    if fresh {
        reply = reply.with("Set-Cookie", cookie("room_phone", &phone));
    }
    answer(reply)
}

/// `GET /join?code=…`: with the right code, the phone gets its cookies and the page.
fn join(incoming: &Incoming, shared: &Shared, lang: Lang, nonce: &str, now: Instant) -> Answer {
    let html = "text/html; charset=utf-8";
    // A link may name the group (a table's own QR code in rotation mode).
    let group = incoming
        .query("group")
        .and_then(|g| g.parse::<u32>().ok())
        .map_or_else(String::new, |g| format!("&group={g}"));
    match incoming.query("code") {
        Some(given) if code::matches(&shared.code, given) => {
            let phone = incoming
                .cookie("room_phone")
                .filter(|t| shared.guard().known(t))
                .map(String::from)
                .unwrap_or_else(|| code::new_token().unwrap_or_else(|_| incoming.ip.to_string()));
            shared.guard().seen(&phone, now);
            Answer::new(303, html, String::new())
                .with("Location", format!("/?lang={}{group}", lang.id()))
                .with("Set-Cookie", cookie("room_code", &shared.code))
                .with("Set-Cookie", cookie("room_phone", &phone))
        }
        Some(_) => {
            shared.guard().failed(incoming.ip, now);
            let message = match lang {
                Lang::En => "That code is not right.",
                Lang::Es => "Ese código no es correcto.",
            };
            Answer::new(401, html, page::code_form(lang, Some(message), nonce))
        }
        None => Answer::new(401, html, page::code_form(lang, None, nonce)),
    }
}

/// A session-only cookie that script cannot read and other sites never send.
fn cookie(name: &str, value: &str) -> String {
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict")
}

fn read(incoming: &Incoming, shared: &Shared, phone: &str, lang: Lang, nonce: &str) -> Answer {
    let group = incoming.query("group").and_then(|g| g.parse::<u32>().ok());
    match incoming.path.as_str() {
        "/" => {
            let published = shared.view();
            let owned = shared.guard().owned(phone);
            let mine = mine(&published.view, &owned);
            let choices = super::votes::choices(&published.view, shared, phone);
            let html = page::page(&PageInput {
                choices,
                view: &published.view,
                group,
                lang,
                mine: mine
                    .iter()
                    .map(|(id, text, editable)| Mine {
                        id: *id,
                        text,
                        editable: *editable,
                    })
                    .collect(),
                message: None,
                nonce,
            });
            Answer::new(200, "text/html; charset=utf-8", html)
        }
        "/api/state" => {
            let published = shared.view();
            let owned = shared.guard().owned(phone);
            let v = &published.view;
            // Whether each is a commitment, and whether the room's screen shows it (a held or
            // hidden note is saved all the same), as the page says beside it.
            let mine: Vec<_> = mine(v, &owned)
                .into_iter()
                .map(|(id, text, editable)| {
                    let note = v.notes.iter().find(|n| n.id == id);
                    serde_json::json!({
                        "id": id,
                        "text": text,
                        "editable": editable,
                        "commitment": note.is_some_and(|n| n.commitment),
                        "screen": note.map(|n| n.visibility).unwrap_or_default(),
                    })
                })
                .collect();
            Answer::json(
                200,
                serde_json::json!({
                    "open": v.open,
                    "session": v.session,
                    "position": v.position,
                    "step": v.step,
                    "instruction": v.instruction,
                    "prompt": v.prompt,
                    "groups": v.groups,
                    "group": group.and_then(|g| v.group(g)),
                    "my_notes": mine,
                    "snapshot": v.snapshot,
                    "my_choices": super::votes::choices(v, shared, phone),
                }),
            )
        }
        _ => not_found(incoming),
    }
}

/// The phone's own notes still in the session: id, text, and whether it may still change them.
fn mine(view: &super::PhoneView, owned: &[(NoteId, usize)]) -> Vec<(NoteId, String, bool)> {
    owned
        .iter()
        .filter_map(|(id, at)| {
            view.notes
                .iter()
                .find(|n| n.id == *id)
                .map(|n| (n.id, n.text.clone(), *at == view.position))
        })
        .collect()
}

/// Writes come only from the room's own page or a script aimed at the room's address (no
/// DNS-rebinding page elsewhere), and not faster than a person types.
fn write_allowed(
    incoming: &Incoming,
    shared: &Shared,
    phone: &str,
    now: Instant,
) -> Result<(), (u16, &'static str)> {
    let host = shared.addr.to_string();
    if !incoming
        .header("Host")
        .is_some_and(|h| h.eq_ignore_ascii_case(&host))
    {
        return Err((403, "This request was not addressed to the room."));
    }
    if let Some(origin) = incoming.header("Origin")
        && !origin.eq_ignore_ascii_case(&format!("http://{host}"))
    {
        return Err((403, "This request came from another site."));
    }
    if !shared.guard().allow_write(phone, now) {
        return Err((429, "Too many changes at once; wait a few seconds."));
    }
    Ok(())
}

#[derive(Deserialize)]
struct NewNote {
    group: u32,
    text: String,
    #[serde(default)]
    initials: Option<String>,
}

#[derive(Deserialize)]
struct NoteText {
    text: String,
}

/// What a write asks for, from a form post or JSON.
enum Wanted {
    Add(NewNote),
    Edit(NoteId, String),
    Delete(NoteId),
}

fn write(
    incoming: &Incoming,
    shared: &Shared,
    phone: &str,
    body: &str,
    lang: Lang,
    nonce: &str,
) -> Answer {
    let form = form_pairs(body);
    let field = |name: &str| Incoming::param(&form, name).map(String::from);
    let lang = Lang::parse(Incoming::param(&form, "lang")).max_with(lang);
    let group = field("group").and_then(|g| g.parse::<u32>().ok());
    let back = format!(
        "/?lang={}{}",
        lang.id(),
        group.map_or_else(String::new, |g| format!("&group={g}"))
    );
    let segments: Vec<&str> = incoming.path.trim_matches('/').split('/').collect();
    let id = |s: &str| s.parse::<NoteId>().ok();
    let wanted: Result<Wanted, String> = match (&incoming.method, segments.as_slice()) {
        (Method::Post, ["notes"]) => Ok(Wanted::Add(NewNote {
            group: group.unwrap_or(0),
            text: field("text").unwrap_or_default(),
            initials: field("initials"),
        })),
        (Method::Post, ["notes", n, "edit"]) if id(n).is_some() => Ok(Wanted::Edit(
            id(n).unwrap_or_default(),
            field("text").unwrap_or_default(),
        )),
        (Method::Post, ["notes", n, "delete"]) if id(n).is_some() => {
            Ok(Wanted::Delete(id(n).unwrap_or_default()))
        }
        (Method::Post, ["api", "notes"]) => serde_json::from_str::<NewNote>(body)
            .map(Wanted::Add)
            .map_err(|e| format!("expected {{\"group\": N, \"text\": \"…\"}}: {e}")),
        (Method::Put, ["api", "notes", n]) if id(n).is_some() => {
            serde_json::from_str::<NoteText>(body)
                .map(|t| Wanted::Edit(id(n).unwrap_or_default(), t.text))
                .map_err(|e| format!("expected {{\"text\": \"…\"}}: {e}"))
        }
        (Method::Delete, ["api", "notes", n]) if id(n).is_some() => {
            Ok(Wanted::Delete(id(n).unwrap_or_default()))
        }
        _ => return super::votes::write(incoming, shared, phone, body, lang, nonce),
    };
    let result = wanted
        .map_err(|e| (400, e))
        .and_then(|w| command_for(w, shared, phone))
        .and_then(|(change, created)| {
            let ids = send(shared, change)?;
            if created {
                let at = shared.view().view.position;
                shared.guard().own(phone, &ids, at);
            }
            Ok(ids)
        });
    match (result, incoming.api()) {
        (Ok(ids), true) => {
            let status = if incoming.method == Method::Post {
                201
            } else {
                200
            };
            Answer::json(status, serde_json::json!({"saved": true, "ids": ids}))
        }
        (Ok(_), false) => {
            Answer::new(303, "text/html; charset=utf-8", String::new()).with("Location", back)
        }
        (Err((status, message)), true) => {
            Answer::json(status, serde_json::json!({"error": message}))
        }
        (Err((status, message)), false) => Answer::new(
            status,
            "text/html; charset=utf-8",
            page::problem(lang, &message, &back, nonce),
        ),
    }
}

/// The domain command for a phone's write, checked against the room's own rules first (note
/// length, the step taking notes, the note being the phone's); and whether it creates notes.
fn command_for(
    wanted: Wanted,
    shared: &Shared,
    phone: &str,
) -> Result<(CommandKind, bool), (u16, String)> {
    let check_text = |text: &str| {
        let chars = text.trim().chars().count();
        if chars == 0 {
            Err((422, "The note is empty.".to_string()))
        } else if chars > MAX_NOTE_CHARS {
            Err((
                422,
                format!("A note holds at most {MAX_NOTE_CHARS} characters; this one has {chars}."),
            ))
        } else {
            Ok(())
        }
    };
    let owned_at = |id: NoteId| {
        shared
            .guard()
            .owned(phone)
            .into_iter()
            .find(|(n, _)| *n == id)
            .map(|(_, at)| at)
            .ok_or((404, format!("Note {id} is not one of this phone's notes.")))
    };
    match wanted {
        Wanted::Add(note) => {
            check_text(&note.text)?;
            let view = &shared.view().view;
            let Some(prompt) = &view.prompt else {
                return Err((409, "No notes are being taken at this step.".into()));
            };
            if view.group(note.group).is_none() {
                return Err((
                    422,
                    format!("There is no group {} in this workshop.", note.group),
                ));
            }
            let prompt = Prompt::parse(prompt.id).unwrap_or(Prompt::Already);
            Ok((
                CommandKind::AddNotes {
                    texts: vec![note.text],
                    group: note.group,
                    category: None,
                    prompt,
                    initials: note.initials.filter(|i| !i.trim().is_empty()),
                    from_phone: true,
                },
                true,
            ))
        }
        Wanted::Edit(id, text) => {
            check_text(&text)?;
            let at = owned_at(id)?;
            Ok((CommandKind::EditNote { note: id, text, at }, false))
        }
        Wanted::Delete(id) => {
            let at = owned_at(id)?;
            Ok((CommandKind::DeleteNote { note: id, at }, false))
        }
    }
}

/// Hands `change` to the app and waits until it is applied and saved (or refused).
pub(super) fn send(shared: &Shared, change: CommandKind) -> Result<Vec<NoteId>, (u16, String)> {
    let (reply, answer) = sync_channel::<PhoneReply>(1);
    match shared.sender.try_send(PhoneRequest { change, reply }) {
        Ok(()) => (shared.wake)(),
        Err(TrySendError::Full(_)) => {
            return Err((503, "The app is busy; try again in a moment.".into()));
        }
        Err(TrySendError::Disconnected(_)) => {
            return Err((503, "The room is closing.".into()));
        }
    }
    match answer.recv_timeout(APP_ANSWER) {
        Ok(Ok(ids)) => Ok(ids),
        Ok(Err(message)) => Err((409, message)),
        Err(_) => Err((
            504,
            "The app did not answer in time; look on the screen before sending again.".into(),
        )),
    }
}

pub(super) fn not_found(incoming: &Incoming) -> Answer {
    if incoming.api() {
        Answer::json(404, serde_json::json!({"error": "no such endpoint"}))
    } else {
        Answer::new(404, "text/plain; charset=utf-8", "Not found.".into())
    }
}

pub(super) fn refusal(
    incoming: &Incoming,
    status: u16,
    message: &str,
    lang: Lang,
    nonce: &str,
) -> Answer {
    if incoming.api() {
        Answer::json(status, serde_json::json!({"error": message}))
    } else {
        Answer::new(
            status,
            "text/html; charset=utf-8",
            page::problem(lang, message, &format!("/?lang={}", lang.id()), nonce),
        )
    }
}

/// When every place for this kind of request is taken.
pub(super) fn busy() -> Response<Out> {
    text(503, "Too many phones at once; try again in a moment.")
}

/// When handling the request itself failed.
pub(super) fn failed() -> Response<Out> {
    text(500, "The room could not answer; try again.")
}

fn text(status: u16, body: &str) -> Response<Out> {
    finish(
        Answer::new(status, "text/plain; charset=utf-8", body.into()),
        "",
    )
}

/// The answer with the headers every response carries.
fn finish(answer: Answer, nonce: &str) -> Response<Out> {
    let csp = format!(
        "default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; \
         connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    );
    let mut response = Response::new(Out::whole(answer.body));
    *response.status_mut() = hyper::StatusCode::from_u16(answer.status)
        .unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    let fixed = [
        ("Content-Type", answer.kind.to_string()),
        ("Content-Security-Policy", csp),
        ("Cache-Control", "no-store".to_string()),
        ("Referrer-Policy", "no-referrer".to_string()),
        ("X-Content-Type-Options", "nosniff".to_string()),
        ("X-Frame-Options", "DENY".to_string()),
    ];
    for (name, value) in fixed.into_iter().chain(answer.headers) {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            response.headers_mut().append(name, value);
        }
    }
    response
}
