//! Drawing the app on ratatui's TestBackend and reading the screen back as text.
#![allow(dead_code)] // each test file uses part of the support code

use cpm_workshop::ui::app::App;
use cpm_workshop::ui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use time::OffsetDateTime;

/// The app drawn at `w`×`h` and `now`, one line per row (wide characters counted once,
/// trailing blanks trimmed).
pub fn draw(app: &App, w: u16, h: u16, now: OffsetDateTime) -> String {
    draw_with(w, h, |f| views::render(app, f, now))
}

/// Whatever `render` draws at `w`×`h`, read back as [`draw`] does.
pub fn draw_with(w: u16, h: u16, render: impl FnOnce(&mut ratatui::Frame)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(render).unwrap();
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..w {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
