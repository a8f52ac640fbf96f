//! The Snapshot part of the phones' page, in English or Spanish: the stages of the dimension on
//! screen as one plain form (a radio button per stage, the phone's own vote checked), or the dot
//! vote with "add a dot" and "take one back" per opportunity and the phone's dots left. Works
//! without script; every text from the session is escaped.

use super::page::{Lang, escape};
use super::view_snapshot::{Choices, SnapshotView};
use std::fmt::Write;

/// Style for the Snapshot section, added to the page's own.
pub(super) const STYLE: &str = "\
fieldset{border:2px solid #767676;border-radius:4px;margin:.75rem 0;padding:.5rem .75rem}\
legend{font-weight:600;padding:0 .25rem}\
label.choice{display:flex;align-items:center;gap:.75rem;font-weight:400;margin:.5rem 0;\
padding:.5rem;border:1px solid #767676;border-radius:4px;min-height:44px}\
label.choice input{width:1.5rem;height:1.5rem;margin:0;flex:none}\
ul.items{list-style:none;padding:0}\
ul.items li{border:1px solid #767676;border-radius:4px;padding:.5rem;margin:.5rem 0;\
overflow-wrap:anywhere}\
.item{margin:0;font-weight:600}\
.mine-dots{margin:.25rem 0 0}\
button:disabled{background:#e6e6e6;color:#444;border-color:#767676;cursor:not-allowed}";

/// The Snapshot section's fixed texts, per language.
struct Words {
    where_now: &'static str,
    your_stage: &'static str,
    send_vote: &'static str,
    change_vote: &'static str,
    your_vote: &'static str,
    not_voted: &'static str,
    dot_vote: &'static str,
    dots_help: &'static str,
    left: &'static str,
    of: &'static str,
    your_dots: &'static str,
    add_dot: &'static str,
    take_back: &'static str,
    no_items: &'static str,
    nothing: &'static str,
}

const EN: Words = Words {
    where_now: "Where are we now? Choose the stage that fits best. You can change your vote until the trainer moves on.",
    your_stage: "Your stage",
    send_vote: "Send my vote",
    change_vote: "Change my vote",
    your_vote: "Your vote:",
    not_voted: "You have not voted on this one yet.",
    dot_vote: "Dot vote",
    dots_help: "Put your dots on the opportunities that matter most. You can take a dot back and place it again.",
    left: "dots left",
    of: "of",
    your_dots: "Your dots here:",
    add_dot: "Add a dot",
    take_back: "Take one back",
    no_items: "No opportunities yet: they come from the notes under Opportunities for Growth.",
    nothing: "Nothing to vote on right now. This page changes when the trainer opens a vote.",
};

const ES: Words = Words {
    where_now: "¿Dónde estamos ahora? Elija la etapa que mejor corresponda. Puede cambiar su voto hasta que el capacitador pase a la siguiente página.",
    your_stage: "Su etapa",
    send_vote: "Enviar mi voto",
    change_vote: "Cambiar mi voto",
    your_vote: "Su voto:",
    not_voted: "Todavía no ha votado en esta.",
    dot_vote: "Votación por puntos",
    dots_help: "Ponga sus puntos en las oportunidades más importantes. Puede quitar un punto y colocarlo de nuevo.",
    left: "puntos disponibles",
    of: "de",
    your_dots: "Sus puntos aquí:",
    add_dot: "Agregar un punto",
    take_back: "Quitar uno",
    no_items: "Todavía no hay oportunidades: salen de las notas bajo Oportunidades de crecimiento.",
    nothing: "Por ahora no hay nada que votar. Esta página cambia cuando el capacitador abre una votación.",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}

/// Writes the Snapshot section for the page on screen, with this phone's own choices.
pub(super) fn section(out: &mut String, view: &SnapshotView, mine: &Choices, lang: Lang) {
    let w = words(lang);
    match view {
        SnapshotView::Stages {
            dimension,
            name,
            stages,
        } => {
            let _ = write!(out, "<h1>{}</h1><p>{}</p>", escape(name), w.where_now);
            match mine.stage.and_then(|s| stages.get(s.wrapping_sub(1))) {
                Some(stage) => {
                    let _ = write!(
                        out,
                        "<p class=\"notice\" role=\"status\">{} <strong>{}</strong></p>",
                        w.your_vote,
                        escape(stage)
                    );
                }
                None => {
                    let _ = write!(out, "<p role=\"status\">{}</p>", w.not_voted);
                }
            }
            let _ = write!(
                out,
                "<form method=\"post\" action=\"/vote\">\
                 <input type=\"hidden\" name=\"lang\" value=\"{}\">\
                 <input type=\"hidden\" name=\"dimension\" value=\"{dimension}\">\
                 <fieldset><legend>{}</legend>",
                lang.id(),
                w.your_stage,
            );
            for (i, stage) in stages.iter().enumerate() {
                let n = i + 1;
                let checked = if mine.stage == Some(n) {
                    " checked"
                } else {
                    ""
                };
                let _ = write!(
                    out,
                    "<label class=\"choice\" for=\"stage-{n}\"><input type=\"radio\" id=\"stage-{n}\" \
                     name=\"stage\" value=\"{n}\" required{checked}>{n}. {}</label>",
                    escape(stage)
                );
            }
            let button = if mine.stage.is_some() {
                w.change_vote
            } else {
                w.send_vote
            };
            let _ = write!(
                out,
                "</fieldset><button type=\"submit\">{button}</button></form>"
            );
        }
        SnapshotView::Dots { per_person, items } => {
            let left = mine.dots_left.unwrap_or(*per_person);
            let _ = write!(
                out,
                "<h1>{}</h1><p>{}</p><p class=\"notice\" role=\"status\"><strong>{left}</strong> {} {per_person} {}</p>",
                w.dot_vote, w.dots_help, w.of, w.left
            );
            if items.is_empty() {
                let _ = write!(out, "<p>{}</p>", w.no_items);
                return;
            }
            out.push_str("<ul class=\"items\">");
            for item in items {
                let on = mine.dots_on(item.id);
                let add = if left == 0 { " disabled" } else { "" };
                let back = if on == 0 { " disabled" } else { "" };
                let _ = write!(
                    out,
                    "<li><p class=\"item\" id=\"item-{id}\">{text}</p>\
                     <span class=\"hint\">{dimension}</span>\
                     <p class=\"mine-dots\">{your} <strong>{on}</strong></p>\
                     <form method=\"post\" action=\"/dots\" class=\"row\">\
                     <input type=\"hidden\" name=\"lang\" value=\"{l}\">\
                     <input type=\"hidden\" name=\"item\" value=\"{id}\">\
                     <button type=\"submit\" name=\"add\" value=\"1\" aria-describedby=\"item-{id}\"{add}>+ {add_label}</button>\
                     <button type=\"submit\" name=\"add\" value=\"0\" class=\"secondary\" aria-describedby=\"item-{id}\"{back}>− {back_label}</button>\
                     </form></li>",
                    id = item.id,
                    text = escape(&item.text),
                    dimension = escape(&item.dimension),
                    your = w.your_dots,
                    l = lang.id(),
                    add_label = w.add_dot,
                    back_label = w.take_back,
                );
            }
            out.push_str("</ul>");
        }
        SnapshotView::Other => {
            let _ = write!(out, "<p class=\"notice\">{}</p>", w.nothing);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phones::view_snapshot::{DotItem, MyDots};

    #[test]
    fn the_stages_form_checks_the_phones_vote_and_escapes_every_name() {
        let view = SnapshotView::Stages {
            dimension: 2,
            name: "Data <script>".into(),
            stages: vec!["a <b>".into(), "making \"progress\"".into()],
        };
        let mine = Choices {
            stage: Some(2),
            ..Choices::default()
        };
        let mut html = String::new();
        section(&mut html, &view, &mine, Lang::Es);
        assert!(
            !html.contains("<script>") && !html.contains("<b>"),
            "{html}"
        );
        assert!(html.contains("Data &lt;script&gt;"));
        assert!(html.contains("name=\"dimension\" value=\"2\""));
        assert!(html.contains("value=\"2\" required checked>2. making &quot;progress&quot;"));
        assert!(!html.contains("value=\"1\" required checked"));
        assert!(html.contains("Cambiar mi voto") && html.contains("Su voto:"));
    }

    #[test]
    fn the_dot_vote_disables_what_the_phone_cannot_do() {
        let view = SnapshotView::Dots {
            per_person: 2,
            items: vec![
                DotItem {
                    id: 7,
                    text: "Coaching <i>".into(),
                    dimension: "Workforce".into(),
                },
                DotItem {
                    id: 9,
                    text: "Data".into(),
                    dimension: "Using Data".into(),
                },
            ],
        };
        let mine = Choices {
            dots: vec![MyDots { item: 7, dots: 2 }],
            dots_left: Some(0),
            ..Choices::default()
        };
        let mut html = String::new();
        section(&mut html, &view, &mine, Lang::En);
        assert!(html.contains("Coaching &lt;i&gt;") && !html.contains("<i>"));
        assert!(html.contains("<strong>0</strong> of 2 dots left"));
        assert_eq!(
            html.matches("value=\"1\" aria-describedby=\"item-7\" disabled")
                .count(),
            1
        );
        assert_eq!(
            html.matches("value=\"1\" aria-describedby=\"item-9\" disabled")
                .count(),
            1
        );
        assert!(html.contains("value=\"0\" class=\"secondary\" aria-describedby=\"item-7\">"));
        assert!(
            html.contains("value=\"0\" class=\"secondary\" aria-describedby=\"item-9\" disabled>")
        );
    }
}
