//! The Snapshot's writes from phones: a phone's stage for the dimension on screen and its dots in
//! the dot vote, as plain form posts (`POST /vote`, `POST /dots`) and as JSON (`POST /api/vote`,
//! `POST /api/dots`). Each is checked against what phones were shown (409 once the trainer moved
//! on), then applied by the app as a domain command and answered once it is saved. The phone is
//! named in the session by its voter key, never by its cookie.

use super::http::{Answer, not_found, refusal, send};
use super::page::Lang;
use super::request::Method;
use super::request::{Incoming, form_pairs};
use super::view_snapshot::{Choices, SnapshotView};
use super::{PhoneView, Shared};
use crate::workshop::command::CommandKind;
use crate::workshop::snapshot::SnapshotNoteId;
use serde::Deserialize;

/// `POST /api/vote`: a stage for a dimension, both counted from 1.
#[derive(Deserialize)]
struct VoteBody {
    dimension: usize,
    stage: usize,
}

/// `POST /api/dots`: one dot on an opportunity (`add`) or one taken back.
#[derive(Deserialize)]
struct DotBody {
    item: SnapshotNoteId,
    add: bool,
}

/// What a phone asked for.
enum Wanted {
    Vote { dimension: usize, stage: usize },
    Dot { item: SnapshotNoteId, add: bool },
}

/// Text in the page's language.
fn say(lang: Lang, en: String, es: String) -> String {
    match lang {
        Lang::En => en,
        Lang::Es => es,
    }
}

/// Handles a write to one of the vote routes; any other path is not found.
pub(super) fn write(
    incoming: &Incoming,
    shared: &Shared,
    phone: &str,
    body: &str,
    lang: Lang,
    nonce: &str,
) -> Answer {
    let form = form_pairs(body);
    let field = |name: &str| Incoming::param(&form, name);
    let lang = Lang::parse(field("lang")).max_with(lang);
    let number = |name: &str| field(name).and_then(|v| v.trim().parse::<u64>().ok());
    let wanted: Result<Wanted, String> = match (&incoming.method, incoming.path.as_str()) {
        (Method::Post, "/vote") => match (number("dimension"), number("stage")) {
            (Some(d), Some(s)) => Ok(Wanted::Vote {
                dimension: usize::try_from(d).unwrap_or(usize::MAX),
                stage: usize::try_from(s).unwrap_or(usize::MAX),
            }),
            _ => Err(say(
                lang,
                "Choose a stage, then send your vote.".into(),
                "Elija una etapa y luego envíe su voto.".into(),
            )),
        },
        (Method::Post, "/dots") => match (number("item"), field("add")) {
            (Some(item), Some(add)) => Ok(Wanted::Dot {
                item,
                add: add == "1",
            }),
            _ => Err(say(
                lang,
                "Choose an opportunity for your dot.".into(),
                "Elija una oportunidad para su punto.".into(),
            )),
        },
        (Method::Post, "/api/vote") => serde_json::from_str::<VoteBody>(body)
            .map(|v| Wanted::Vote {
                dimension: v.dimension,
                stage: v.stage,
            })
            .map_err(|e| format!("expected {{\"dimension\": D, \"stage\": S}} (both from 1): {e}")),
        (Method::Post, "/api/dots") => serde_json::from_str::<DotBody>(body)
            .map(|d| Wanted::Dot {
                item: d.item,
                add: d.add,
            })
            .map_err(|e| format!("expected {{\"item\": ID, \"add\": true|false}}: {e}")),
        _ => return not_found(incoming),
    };
    let result = wanted
        .map_err(|e| (400, e))
        .and_then(|w| command_for(w, shared, phone, lang))
        .and_then(|change| send(shared, change));
    let back = format!("/?lang={}", lang.id());
    match (result, incoming.api()) {
        (Ok(_), true) => {
            // The app publishes what it saved before it answers, so this is the phone's vote.
            let published = shared.view();
            let view = &published.view;
            Answer::json(
                200,
                serde_json::json!({
                    "saved": true,
                    "snapshot": view.snapshot,
                    "my_choices": choices(view, shared, phone),
                }),
            )
        }
        (Ok(_), false) => {
            Answer::new(303, "text/html; charset=utf-8", String::new()).with("Location", back)
        }
        (Err((status, message)), _) => refusal(incoming, status, &message, lang, nonce),
    }
}

/// This phone's own choices on the Snapshot page on screen.
pub(super) fn choices(view: &PhoneView, shared: &Shared, phone: &str) -> Choices {
    match &view.snapshot {
        Some(snapshot) => snapshot.choices(&view.ballots, &shared.guard().voter(phone)),
        None => Choices::default(),
    }
}

/// The domain command for a phone's vote or dot, checked first against what phones were shown
/// (the app checks again when it applies it: the trainer may move on meanwhile).
fn command_for(
    wanted: Wanted,
    shared: &Shared,
    phone: &str,
    lang: Lang,
) -> Result<CommandKind, (u16, String)> {
    let voter = shared.guard().voter(phone);
    let published = shared.view();
    let view = &published.view;
    let moved_on = || {
        (
            409,
            say(
                lang,
                "The trainer has moved on: this vote is closed. Reload the page to see what is on screen now.".into(),
                "El capacitador pasó a otra página: esta votación está cerrada. Recargue la página para ver la actual.".into(),
            ),
        )
    };
    match wanted {
        Wanted::Vote { dimension, stage } => {
            let Some(SnapshotView::Stages {
                dimension: on,
                stages,
                ..
            }) = &view.snapshot
            else {
                return Err(moved_on());
            };
            if *on != dimension {
                return Err(moved_on());
            }
            if stage == 0 || stage > stages.len() {
                return Err((
                    422,
                    say(
                        lang,
                        format!("There is no stage {stage}; choose 1 to {}.", stages.len()),
                        format!("No hay etapa {stage}; elija de 1 a {}.", stages.len()),
                    ),
                ));
            }
            Ok(CommandKind::PhoneVote {
                phone: voter,
                dimension: dimension - 1,
                stage: stage - 1,
            })
        }
        Wanted::Dot { item, add } => {
            let Some(snapshot @ SnapshotView::Dots { per_person, items }) = &view.snapshot else {
                return Err(moved_on());
            };
            if !items.iter().any(|i| i.id == item) {
                return Err((
                    422,
                    say(
                        lang,
                        format!("There is no opportunity {item} in the dot vote."),
                        format!("No hay oportunidad {item} en la votación por puntos."),
                    ),
                ));
            }
            let mine = snapshot.choices(&view.ballots, &voter);
            if add && mine.dots_left == Some(0) {
                return Err((
                    422,
                    say(
                        lang,
                        format!(
                            "You have placed all your {per_person} dots; take one back to move it."
                        ),
                        format!(
                            "Ya colocó sus {per_person} puntos; quite uno para cambiarlo de lugar."
                        ),
                    ),
                ));
            }
            if !add && mine.dots_on(item) == 0 {
                return Err((
                    422,
                    say(
                        lang,
                        "You have no dot on that one.".into(),
                        "No tiene ningún punto en esa.".into(),
                    ),
                ));
            }
            Ok(CommandKind::PhoneDot {
                phone: voter,
                note: item,
                add,
            })
        }
    }
}
