#[path = "../benches/common/mod.rs"]
mod common;
use cpm_workshop::ui::app::{Screen, View};
use cpm_workshop::ui::keymap::Action;
use cpm_workshop::ui::views;
use ratatui::{Terminal, backend::TestBackend};

#[test]
fn dump() {
    let out = std::env::var("DUMP_DIR").unwrap();
    std::fs::create_dir_all(&out).unwrap();
    for notes in [0usize, 7, 130, 2000] {
        let mut app = common::app(common::session(notes), View::Board);
        for step in 0..14 {
            match step {
                0 => {}
                1..=3 => {
                    app.update(Action::Down, common::T0);
                }
                4 => {
                    app.update(Action::PageDown, common::T0);
                }
                5 => {
                    app.update(Action::Right, common::T0);
                }
                6 => {
                    for _ in 0..37 {
                        app.update(Action::Down, common::T0);
                    }
                }
                7 => {
                    app.update(Action::ToggleBoardView, common::T0);
                }
                8 => {
                    for _ in 0..25 {
                        app.update(Action::PageDown, common::T0);
                    }
                }
                9 => {
                    app.update(Action::Right, common::T0);
                }
                10 => {
                    app.update(Action::ToggleBoardView, common::T0);
                    for _ in 0..300 {
                        app.update(Action::PageDown, common::T0);
                    }
                }
                11 => {
                    app.update(Action::Up, common::T0);
                }
                12 => {
                    app.update(Action::DeleteNote, common::T0);
                }
                _ => {
                    app.update(Action::Left, common::T0);
                    app.update(Action::NextGroup, common::T0);
                }
            }
            if let Screen::Workshop(w) = &app.screen {
                let _ = w;
            }
            for (w, h) in [(60u16, 16u16), (80, 24), (300, 90)] {
                let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
                t.draw(|f| views::render(&app, f, common::T0)).unwrap();
                std::fs::write(
                    format!("{out}/{notes}-{step}-{w}x{h}.txt"),
                    format!("{:?}", t.backend().buffer()),
                )
                .unwrap();
            }
        }
    }
}
