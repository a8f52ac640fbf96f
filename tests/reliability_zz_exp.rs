use cpm_workshop::content::Library;
use cpm_workshop::export::{self, Format, Options, Scope};
use cpm_workshop::workshop::*;
use time::macros::datetime;
#[test]
fn explore() {
    let library = Library::shipped();
    let deck = library.default_deck();
    let spec = SessionSpec {
        name: "N".into(),
        activity: Activity::Sticky,
        deck: deck.id.clone(),
        categories: deck.category_names(),
        groups: 3,
        group_names: vec![],
        mode: Mode::Together,
        durations: Durations::default(),
        role: None,
    };
    let t0 = datetime!(2026-11-23 09:00:00 UTC);
    for (field, esc) in [
        ("name", true),
        ("note", true),
        ("group", true),
        ("initials", true),
        ("deck", true),
    ] {
        let mut s = Session::new("x".into(), spec.clone(), t0).unwrap();
        let bad = "A\x1b]0;t\x07\u{202e}B\x1b[2J\u{9b}C";
        let mut o = Options::default();
        match field {
            "name" => s.name = bad.into(),
            "group" => s.groups[0].name = Some(bad.into()),
            "deck" => {
                o.deck_title = Some(bad.into());
                o.deck_source = Some(bad.into());
            }
            _ => {}
        }
        let first = s.categories[0].clone();
        s.notes.push(Note {
            id: 1,
            text: if field == "note" {
                bad.into()
            } else {
                "ok".into()
            },
            placement: Placement {
                group: 1,
                category: Some(first),
                prompt: Prompt::Already,
            },
            created: t0,
            initials: if field == "initials" {
                Some(bad.into())
            } else {
                None
            },
        });
        s.next_note_id = 2;
        let _ = esc;
        for f in Format::ALL {
            if f == Format::Json {
                continue;
            }
            let t = export::render(&s, f, &o);
            let bad_chars: Vec<char> = t
                .chars()
                .filter(|&c| (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}'))
                .collect();
            eprintln!("{field:8} {f:?}: {:?}", bad_chars);
        }
    }
    let _ = Scope::All;
}
