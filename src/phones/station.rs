//! A rotating group's station on its phones' page: in rotation mode each group works at a
//! different category's flip chart each round, so the page says which station the group is at
//! now (numbered in the deck's order, as the flip charts are laid out), on which round, and
//! where the group goes next. The page reloads on each step change, so it follows the rounds.

use super::page::{Lang, escape};
use crate::workshop::plan::category_for;
use crate::workshop::{Mode, Session};
use serde::Serialize;
use std::fmt::Write;

/// Where a group works this round, in rotation mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StationView {
    /// 1-based: the category's place in the deck, which is its flip chart's number.
    pub number: usize,
    pub stations: usize,
    /// The category worked at this station.
    pub category: String,
    /// 1-based round, of `rounds`.
    pub round: usize,
    pub rounds: usize,
    /// The category of the group's next station; `None` after the last round (the commitment
    /// comes next).
    pub next: Option<String>,
}

/// Group `group`'s station now, when the session rotates and a round is on.
pub fn station_of(session: &Session, group: u32) -> Option<StationView> {
    if session.mode != Mode::Rotation {
        return None;
    }
    let round = session.step().round?;
    let stations = session.categories.len();
    let g = group.checked_sub(1)? as usize;
    let at = category_for(session.mode, g, round, stations);
    let next = (round + 1 < stations)
        .then(|| category_for(session.mode, g, round + 1, stations))
        .and_then(|i| session.categories.get(i).cloned());
    Some(StationView {
        number: at + 1,
        stations,
        category: session.categories.get(at)?.clone(),
        round: round + 1,
        rounds: stations,
        next,
    })
}

/// The station's fixed words, per language.
struct Words {
    heading: &'static str,
    station: &'static str,
    of: &'static str,
    round: &'static str,
    next: &'static str,
    last: &'static str,
}

const EN: Words = Words {
    heading: "Your station",
    station: "Station",
    of: "of",
    round: "Round",
    next: "Next round",
    last: "After this round: the commitment.",
};

const ES: Words = Words {
    heading: "Su estación",
    station: "Estación",
    of: "de",
    round: "Ronda",
    next: "Próxima ronda",
    last: "Después de esta ronda: el compromiso.",
};

/// Styles the station box: large, framed, high contrast (the page's nonce allows it).
pub const STYLE: &str = ".station{border:3px solid #0b3d91;border-radius:6px;padding:.5rem .75rem;\
margin:.75rem 0;background:#eef3fb}.station h2{margin:0;font-size:1.125rem}\
.station .where{font-size:1.75rem;font-weight:700;margin:.25rem 0;overflow-wrap:anywhere}\
.station p{margin:.25rem 0}";

/// The station box, prominent near the top of the page.
pub fn render(out: &mut String, lang: Lang, station: &StationView) {
    let w = match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
    };
    let next = match &station.next {
        Some(category) => format!("{}: {}.", w.next, escape(category)),
        None => w.last.to_string(),
    };
    let _ = write!(
        out,
        "<section class=\"station\" aria-labelledby=\"station-h\"><h2 id=\"station-h\">{}</h2>\
         <p class=\"where\">{} {} {} {} · {}</p><p>{} {} {} {}. {next}</p></section>",
        w.heading,
        w.station,
        station.number,
        w.of,
        station.stations,
        escape(&station.category),
        w.round,
        station.round,
        w.of,
        station.rounds,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workshop::session::tests::{T0, session};

    #[test]
    fn a_rotating_group_has_its_station_each_round_and_none_between_rounds() {
        let mut s = session(); // rotation, 4 groups, 6 categories
        let read = station_of(&s, 2).unwrap();
        assert_eq!(
            read,
            StationView {
                number: 2,
                stations: 6,
                category: "Engagement".into(),
                round: 1,
                rounds: 6,
                next: Some("Assessment".into()),
            }
        );
        s.go_to(5 + 2, T0); // round 2's share step
        let two = station_of(&s, 2).unwrap();
        assert_eq!((two.number, two.round), (3, 2));
        assert_eq!(two.category, "Assessment");
        s.go_to(25, T0); // the last round: group 2 ends at Foundational
        let last = station_of(&s, 2).unwrap();
        assert_eq!((last.number, last.next), (1, None));
        s.go_to(30, T0); // the commitment has no station
        assert_eq!(station_of(&s, 2), None);
        assert_eq!(station_of(&s, 0), None, "groups count from 1");
    }

    #[test]
    fn all_together_there_is_no_station() {
        let mut s = session();
        s.mode = Mode::Together;
        assert_eq!(station_of(&s, 1), None);
    }

    #[test]
    fn the_box_speaks_the_pages_language_and_escapes_the_category() {
        let station = StationView {
            number: 3,
            stations: 6,
            category: "Teaming <script>".into(),
            round: 2,
            rounds: 6,
            next: None,
        };
        let mut en = String::new();
        render(&mut en, Lang::En, &station);
        assert!(
            en.contains("Station 3 of 6 · Teaming &lt;script&gt;"),
            "{en}"
        );
        assert!(
            en.contains("Round 2 of 6. After this round: the commitment."),
            "{en}"
        );
        let mut es = String::new();
        render(
            &mut es,
            Lang::Es,
            &StationView {
                next: Some("Transition".into()),
                ..station
            },
        );
        assert!(
            es.contains("Su estación") && es.contains("Estación 3 de 6"),
            "{es}"
        );
        assert!(
            es.contains("Ronda 2 de 6. Próxima ronda: Transition."),
            "{es}"
        );
    }
}
