//! Drawing the app on ratatui's TestBackend and reading the screen back as text, and driving it
//! as the event loop does: [`Drive::act`] answers each `Effect::Save` the way the saver reports
//! back, so screens show the steady "saved ✓" (or, with [`answer_saves`], "NOT SAVED"), not a
//! save that never finishes.
#![allow(dead_code, unused_macros, unused_imports)] // each test crate uses part of the support code

use cpm_workshop::store::StoreError;
use cpm_workshop::ui::app::{App, Effect};
use cpm_workshop::ui::keymap::{Action, action_for};
use cpm_workshop::ui::views;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use time::OffsetDateTime;

/// The sizes every reviewed screen is drawn at: a laptop's terminal and a projector's.
pub const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

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

/// Tells `app` how the saves that `effects` asked for went, as the event loop does when the
/// saver reports: `Ok(())` for saved, `Err(error)` for a failed save.
pub fn answer_saves(app: &mut App, effects: &[Effect], result: Result<(), StoreError>) {
    if effects.iter().any(|e| matches!(e, Effect::Save)) {
        app.saved(result);
    }
}

/// The app driven as the event loop drives it.
pub trait Drive {
    /// `update` with `action`, then every save it asked for reported as done.
    fn act(&mut self, action: Action, now: OffsetDateTime) -> Vec<Effect>;
}

impl Drive for App {
    fn act(&mut self, action: Action, now: OffsetDateTime) -> Vec<Effect> {
        let effects = self.update(action, now);
        answer_saves(self, &effects, Ok(()));
        effects
    }
}

/// `code` pressed on whatever has the keyboard, turned into an action by the keymap as the event
/// loop does, and acted on with [`Drive::act`]; panics when the key means nothing there.
pub fn press(app: &mut App, code: KeyCode, now: OffsetDateTime) -> Vec<Effect> {
    let context = app.context();
    let action = action_for(context, &KeyEvent::new(code, KeyModifiers::NONE))
        .unwrap_or_else(|| panic!("{code:?} does nothing on {context:?}"));
    app.act(action, now)
}

/// Fails, showing `screen` and saying where (`what`), unless every one of `needles` is on it.
pub fn assert_shows(screen: &str, needles: &[&str], what: &str) {
    let missing: Vec<&&str> = needles.iter().filter(|n| !screen.contains(**n)).collect();
    assert!(missing.is_empty(), "{what}: missing {missing:?}\n{screen}");
}

/// `snap!(name, app, now)`: the app's screen at each of [`SIZES`] against its reviewed snapshot
/// `<name>_<w>x<h>` (a macro, so insta names the snapshot after the calling test file).
macro_rules! snap {
    ($name:expr, $app:expr, $now:expr $(,)?) => {
        for (w, h) in $crate::support::screen::SIZES {
            insta::assert_snapshot!(
                format!("{}_{w}x{h}", $name),
                $crate::support::screen::draw($app, w, h, $now)
            );
        }
    };
}
pub(crate) use snap;
