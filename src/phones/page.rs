//! The one page phones see, in English or Spanish: self-contained (its style and its few lines
//! of script are inline, allowed by a per-response nonce), usable with plain form posts, and live
//! with Server-Sent Events when script runs. Every text from the session or a phone is escaped.

use super::page_snapshot;
use super::view::PhoneView;
use super::view_snapshot::{Choices, screen};
use crate::workshop::NoteId;
use std::fmt::Write;

/// The page's language, chosen on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Es,
}

impl Lang {
    /// A form's language (`self`, English when it names none) or else the address's: Spanish
    /// if either asks for it.
    pub(super) fn max_with(self, other: Lang) -> Lang {
        if self == Lang::Es || other == Lang::Es {
            Lang::Es
        } else {
            Lang::En
        }
    }

    /// Reads `en`/`es`; English otherwise.
    pub fn parse(word: Option<&str>) -> Lang {
        match word {
            Some(w) if w.eq_ignore_ascii_case("es") => Lang::Es,
            _ => Lang::En,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    fn words(self) -> &'static Words {
        match self {
            Lang::En => &EN,
            Lang::Es => &ES,
        }
    }
}

/// Every fixed text on the page, per language.
struct Words {
    title: &'static str,
    waiting: &'static str,
    your_group: &'static str,
    choose: &'static str,
    pick_group: &'static str,
    your_note: &'static str,
    initials: &'static str,
    add: &'static str,
    no_notes_now: &'static str,
    your_notes: &'static str,
    none_yet: &'static str,
    save: &'static str,
    delete: &'static str,
    behaviors: &'static str,
    moved_on: &'static str,
    code_prompt: &'static str,
    join: &'static str,
    back: &'static str,
    up_to: &'static str,
}

const EN: Words = Words {
    title: "Workshop notes",
    waiting: "Waiting for the trainer to open the workshop.",
    your_group: "Your group",
    choose: "Choose",
    pick_group: "Choose your group to add notes.",
    your_note: "Your note",
    initials: "Initials (optional)",
    add: "Add note",
    no_notes_now: "No notes are being taken at this step.",
    your_notes: "Your notes",
    none_yet: "You have not added a note yet.",
    save: "Save",
    delete: "Delete",
    behaviors: "Behaviors on your card",
    moved_on: "The trainer moved on. Reload the page to see the new step.",
    code_prompt: "Type the join code shown on the screen.",
    join: "Join",
    back: "Back",
    up_to: "up to 280 characters",
};

const ES: Words = Words {
    title: "Notas del taller",
    waiting: "Esperando a que el capacitador abra el taller.",
    your_group: "Su grupo",
    choose: "Elegir",
    pick_group: "Elija su grupo para agregar notas.",
    your_note: "Su nota",
    initials: "Iniciales (opcional)",
    add: "Agregar nota",
    no_notes_now: "En este paso no se toman notas.",
    your_notes: "Sus notas",
    none_yet: "Todavía no ha agregado ninguna nota.",
    save: "Guardar",
    delete: "Borrar",
    behaviors: "Comportamientos de su tarjeta",
    moved_on: "El capacitador pasó al siguiente paso. Recargue la página para verlo.",
    code_prompt: "Escriba el código que aparece en la pantalla.",
    join: "Entrar",
    back: "Volver",
    up_to: "hasta 280 caracteres",
};

/// The prompt's name in the page's language (the trainer's screen keeps its own words).
fn prompt_label(lang: Lang, prompt: &super::view::PromptView) -> &'static str {
    match (lang, prompt.id) {
        (Lang::Es, "already") => "Ya lo hacemos",
        (Lang::Es, "enhance") => "Podríamos mejorar",
        (Lang::Es, "commitment") => "Compromiso",
        _ => prompt.label,
    }
}

/// One of the phone's own notes, and whether it may still be changed.
pub struct Mine<'a> {
    pub id: NoteId,
    pub text: &'a str,
    pub editable: bool,
}

/// What the main page shows.
pub struct PageInput<'a> {
    pub view: &'a PhoneView,
    pub group: Option<u32>,
    pub lang: Lang,
    pub mine: Vec<Mine<'a>>,
    /// A message to show at the top (a refused note, say).
    pub message: Option<&'a str>,
    pub nonce: &'a str,
    /// This phone's own votes and dots on the Snapshot page on screen.
    pub choices: Choices,
}

/// Escapes text for HTML element content and quoted attribute values: the exports' escaping,
/// so a note is never markup on the page either.
pub use crate::export::html::esc as escape;

const STYLE: &str = "\
*{box-sizing:border-box}\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:1.125rem;\
line-height:1.5;margin:0;color:#111;background:#fff}\
main,header{max-width:40rem;margin:0 auto;padding:0 1rem}\
header{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem;padding-top:.75rem;\
border-bottom:1px solid #767676}\
h1{font-size:1.5rem;margin:.5rem 0}\
.step{font-weight:600;color:#1a4d8f;margin:.75rem 0 0}\
label{display:block;font-weight:600;margin-top:.75rem}\
textarea,input,select{font:inherit;width:100%;padding:.5rem;border:2px solid #555;\
border-radius:4px;color:#111;background:#fff}\
textarea{min-height:6rem}\
button{font:inherit;font-weight:600;margin-top:.5rem;padding:.6rem 1.2rem;min-height:44px;\
border:2px solid #0b3d91;border-radius:4px;background:#0b3d91;color:#fff;cursor:pointer}\
button.secondary{background:#fff;color:#0b3d91}\
:focus-visible{outline:3px solid #b3590a;outline-offset:2px}\
a{color:#0b3d91}\
.msg{border:2px solid #8a1c1c;background:#fdecec;padding:.5rem;margin:.75rem 0}\
.notice{border:2px solid #0b3d91;background:#eef3fb;padding:.5rem;margin:.75rem 0}\
ul.mine{list-style:none;padding:0}\
ul.mine li{border:1px solid #767676;border-radius:4px;padding:.5rem;margin:.5rem 0;\
overflow-wrap:anywhere}\
.row{display:flex;flex-wrap:wrap;gap:.5rem}\
.hint{color:#444;font-size:1rem}\
.sr{position:absolute;left:-10000px}";

/// Reloads on a new step (or Snapshot page) unless the phone is typing, then says so instead.
const SCRIPT: &str = "(function(){var at=document.body.getAttribute('data-position');\
var sc=document.body.getAttribute('data-screen')||'';\
if(!window.EventSource)return;var es=new EventSource('/events');\
es.addEventListener('step',function(e){var d;try{d=JSON.parse(e.data)}catch(x){return}\
if(String(d.position)===at&&(d.screen||'')===sc)return;var typing=false;\
document.querySelectorAll('textarea').forEach(function(t){if(t.value!==t.defaultValue)typing=true});\
if(typing){var n=document.getElementById('moved');if(n)n.hidden=false}else{location.reload()}});})();";

fn head(out: &mut String, lang: Lang, title: &str, nonce: &str) {
    let _ = write!(
        out,
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style nonce=\"{nonce}\">{STYLE}{}{}{}</style></head>",
        lang.id(),
        escape(title),
        page_snapshot::STYLE,
        super::station::STYLE,
        super::commitment::STYLE,
    );
}

fn lang_links(out: &mut String, lang: Lang, group: Option<u32>, path: &str) {
    let group = group.map_or_else(String::new, |g| format!("&amp;group={g}"));
    let link = |l: Lang, name: &str| {
        if l == lang {
            format!("<span aria-current=\"true\"><strong>{name}</strong></span>")
        } else {
            format!(
                "<a href=\"{path}?lang={}{group}\" hreflang=\"{}\" lang=\"{}\">{name}</a>",
                l.id(),
                l.id(),
                l.id()
            )
        }
    };
    let _ = write!(
        out,
        "<nav aria-label=\"Language / Idioma\" class=\"row\">{} · {}</nav>",
        link(Lang::En, "English"),
        link(Lang::Es, "Español")
    );
}

/// The main page.
pub fn page(input: &PageInput) -> String {
    let PageInput {
        view,
        group,
        lang,
        mine,
        message,
        nonce,
        choices,
    } = input;
    let w = lang.words();
    let mut out = String::with_capacity(4096);
    head(&mut out, *lang, w.title, nonce);
    let _ = write!(
        out,
        "<body data-position=\"{}\" data-screen=\"{}\"><header>",
        view.position,
        escape(&screen(view))
    );
    let _ = write!(
        out,
        "<span>{}</span>",
        escape(if view.open { &view.session } else { w.title })
    );
    lang_links(&mut out, *lang, *group, "/");
    out.push_str("</header><main>");
    if let Some(m) = message {
        let _ = write!(out, "<p class=\"msg\" role=\"alert\">{}</p>", escape(m));
    }
    let _ = write!(
        out,
        "<p id=\"moved\" class=\"notice\" role=\"status\" hidden>{}</p>",
        w.moved_on
    );
    if !view.open {
        let _ = write!(out, "<h1>{}</h1></main></body></html>", w.waiting);
        return out;
    }
    if let Some(snapshot) = &view.snapshot {
        page_snapshot::section(&mut out, snapshot, choices, *lang);
        let _ = write!(
            out,
            "</main><script nonce=\"{nonce}\">{SCRIPT}</script></body></html>"
        );
        return out;
    }
    let chosen = group.and_then(|g| view.group(g));
    super::commitment::render(&mut out, *lang, view, mine);
    let _ = write!(out, "<p class=\"step\">{}</p>", escape(&view.step));
    if let Some(station) = chosen.and_then(|g| g.station.as_ref()) {
        super::station::render(&mut out, *lang, station);
    }
    match chosen.and_then(|g| g.category.as_deref()) {
        Some(category) => {
            let _ = write!(out, "<h1>{}</h1>", escape(category));
        }
        None => {
            let _ = write!(out, "<h1>{}</h1>", escape(&view.step));
        }
    }
    let _ = write!(out, "<p>{}</p>", escape(&view.instruction));
    // Choosing the group: a plain GET form, so it works without script.
    let _ = write!(
        out,
        "<form method=\"get\" action=\"/\"><input type=\"hidden\" name=\"lang\" value=\"{}\">\
         <label for=\"group\">{}</label><select id=\"group\" name=\"group\">",
        lang.id(),
        w.your_group
    );
    for g in &view.groups {
        let selected = if Some(g.number) == *group {
            " selected"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<option value=\"{}\"{selected}>{}</option>",
            g.number,
            escape(&g.label)
        );
    }
    let _ = write!(
        out,
        "</select><button type=\"submit\" class=\"secondary\">{}</button></form>",
        w.choose
    );
    match (chosen, &view.prompt) {
        (None, _) => {
            let _ = write!(out, "<p>{}</p>", w.pick_group);
        }
        (Some(_), None) => {
            let _ = write!(out, "<p>{}</p>", w.no_notes_now);
        }
        (Some(g), Some(prompt)) => {
            let _ = write!(
                out,
                "<form method=\"post\" action=\"/notes\">\
                 <input type=\"hidden\" name=\"group\" value=\"{}\">\
                 <input type=\"hidden\" name=\"lang\" value=\"{}\">\
                 <label for=\"text\">{} — {}</label>\
                 <textarea id=\"text\" name=\"text\" maxlength=\"280\" required \
                 aria-describedby=\"text-hint\"></textarea>\
                 <span id=\"text-hint\" class=\"hint\">{}</span>\
                 <label for=\"initials\">{}</label>\
                 <input id=\"initials\" name=\"initials\" maxlength=\"8\" autocomplete=\"off\">\
                 <button type=\"submit\">{}</button></form>",
                g.number,
                lang.id(),
                w.your_note,
                escape(prompt_label(*lang, prompt)),
                w.up_to,
                w.initials,
                w.add
            );
        }
    }
    let _ = write!(out, "<h2>{}</h2>", w.your_notes);
    if mine.is_empty() {
        let _ = write!(out, "<p>{}</p>", w.none_yet);
    } else {
        out.push_str("<ul class=\"mine\">");
        for note in mine {
            out.push_str("<li>");
            super::held::render(&mut out, *lang, view, note.id);
            if note.editable {
                let _ = write!(
                    out,
                    "<form method=\"post\" action=\"/notes/{id}/edit\">\
                     <input type=\"hidden\" name=\"lang\" value=\"{l}\">\
                     <input type=\"hidden\" name=\"group\" value=\"{g}\">\
                     <label for=\"edit-{id}\" class=\"sr\">{label}</label>\
                     <textarea id=\"edit-{id}\" name=\"text\" maxlength=\"280\" required>{text}</textarea>\
                     <div class=\"row\"><button type=\"submit\">{save}</button>\
                     <button type=\"submit\" class=\"secondary\" formaction=\"/notes/{id}/delete\">{delete}</button>\
                     </div></form></li>",
                    id = note.id,
                    l = lang.id(),
                    g = group.unwrap_or(0),
                    label = w.your_note,
                    text = escape(note.text),
                    save = w.save,
                    delete = w.delete,
                );
            } else {
                let _ = write!(out, "{}</li>", escape(note.text));
            }
        }
        out.push_str("</ul>");
    }
    if let Some(g) = chosen.filter(|g| !g.behaviors.is_empty()) {
        let _ = write!(out, "<details><summary>{}</summary><ol>", w.behaviors);
        for b in &g.behaviors {
            let _ = write!(out, "<li>{}</li>", escape(b));
        }
        out.push_str("</ol></details>");
    }
    let _ = write!(
        out,
        "</main><script nonce=\"{nonce}\">{SCRIPT}</script></body></html>"
    );
    out
}

/// The page for a phone without the right code: a form to type it.
pub fn code_form(lang: Lang, message: Option<&str>, nonce: &str) -> String {
    let w = lang.words();
    let mut out = String::with_capacity(2048);
    head(&mut out, lang, w.title, nonce);
    out.push_str("<body><header><span></span>");
    lang_links(&mut out, lang, None, "/join");
    out.push_str("</header><main>");
    if let Some(m) = message {
        let _ = write!(out, "<p class=\"msg\" role=\"alert\">{}</p>", escape(m));
    }
    let _ = write!(
        out,
        "<h1>{}</h1><form method=\"get\" action=\"/join\">\
         <input type=\"hidden\" name=\"lang\" value=\"{}\">\
         <label for=\"code\">{}</label>\
         <input id=\"code\" name=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" \
         maxlength=\"12\" required><button type=\"submit\">{}</button></form></main></body></html>",
        w.title,
        lang.id(),
        w.code_prompt,
        w.join
    );
    out
}

/// A page that says what went wrong with a form post, with a way back.
pub fn problem(lang: Lang, message: &str, back: &str, nonce: &str) -> String {
    let w = lang.words();
    let mut out = String::with_capacity(1024);
    head(&mut out, lang, w.title, nonce);
    let _ = write!(
        out,
        "<body><main><p class=\"msg\" role=\"alert\">{}</p><p><a href=\"{}\">{}</a></p>\
         </main></body></html>",
        escape(message),
        escape(back),
        w.back
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phones::view::{GroupView, PromptView};

    fn view() -> PhoneView {
        PhoneView {
            open: true,
            session: "Tue <script>".into(),
            position: 6,
            step: "Brainstorm".into(),
            instruction: "Write \"what\" & why".into(),
            prompt: Some(PromptView {
                id: "already",
                label: "Already using",
            }),
            groups: vec![GroupView {
                number: 2,
                label: "Group 2 (<b>)".into(),
                category: Some("Teaming".into()),
                behaviors: vec!["1. Listen <i>".into()],
                station: None,
            }],
            notes: Vec::new(),
            snapshot: None,
            ballots: Default::default(),
        }
    }

    #[test]
    fn every_text_on_the_page_is_escaped() {
        let v = view();
        let html = page(&PageInput {
            view: &v,
            group: Some(2),
            lang: Lang::En,
            mine: vec![Mine {
                id: 4,
                text: "<img src=x onerror=alert(1)>'\"",
                editable: true,
            }],
            message: Some("<b>no</b>"),
            nonce: "n0nce",
            choices: Choices::default(),
        });
        for raw in ["<script>", "<b>", "<img", "<i>", "\"what\""] {
            assert!(!html.contains(raw), "{raw} unescaped in {html}");
        }
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;&#39;&quot;"));
        assert!(html.contains("Tue &lt;script&gt;"));
        assert!(html.contains("<script nonce=\"n0nce\">"));
        assert!(html.contains("action=\"/notes/4/edit\""));
    }

    #[test]
    fn the_page_speaks_the_chosen_language() {
        let v = view();
        let input = |lang| PageInput {
            view: &v,
            group: Some(2),
            lang,
            mine: Vec::new(),
            message: None,
            nonce: "n",
            choices: Choices::default(),
        };
        let es = page(&input(Lang::Es));
        assert!(es.contains("<html lang=\"es\">") && es.contains("Agregar nota"));
        assert!(es.contains("Su nota — Ya lo hacemos"), "{es}");
        let en = page(&input(Lang::En));
        assert!(en.contains("<html lang=\"en\">") && en.contains("Add note"));
        assert_eq!(Lang::parse(Some("ES")), Lang::Es);
        assert_eq!(Lang::parse(Some("fr")), Lang::En);
    }
}
