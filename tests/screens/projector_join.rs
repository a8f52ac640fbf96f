//! The room's join QR code on the projector (issue 15): a corner panel beside the activity, a
//! hint where the window is too small, and the full-screen mode for a large room — drawn at
//! 64×18, 120×36 and 300×90, and the drawn cells decoded as a phone's camera would.

use crate::support;
use cpm_workshop::room::RoomView;
use cpm_workshop::ui::app::{App, RoomPanel};
use cpm_workshop::ui::keymap::Action;
use cpm_workshop::ui::projector::view::{self, Showing};
use cpm_workshop::ui::room_out::view_of;
use cpm_workshop::ui::theme::{Theme, ThemeName};
use cpm_workshop::workshop::Mode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use support::screen::draw_with;
use time::OffsetDateTime;
use time::macros::datetime;

const T0: OffsetDateTime = datetime!(2026-11-23 09:00:00 UTC);
const SIZES: [(u16, u16); 3] = [(64, 18), (120, 36), (300, 90)];
const LINK: &str = "http://192.168.1.20:41234/join?code=K7M4QX";

fn theme() -> Theme {
    Theme::new(ThemeName::Mono)
}

/// A workshop at its first brainstorm with the room open (as the loop fills the panel).
fn app_with_room(full_qr: bool) -> App {
    let mut app = support::apps::sticky_app("practice", Mode::Together, 4, T0);
    app.update(Action::NextStep, T0);
    app.room = Some(RoomPanel {
        link: LINK.into(),
        code: "K7M4QX".into(),
        phones: 3,
        address: "192.168.1.20:41234".into(),
        place: "192.168.1.20 on wlan0 (address 1 of 2)".into(),
        check: Some(Err("Self-test failed: a trainer-only line.".into())),
        full_qr,
    });
    app
}

fn room(app: &App) -> RoomView {
    view_of(app).expect("a session is open")
}

fn buffer(v: &RoomView, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| view::render(Showing::Room(v), &theme(), f, T0))
        .unwrap();
    terminal.backend().buffer().clone()
}

#[test]
fn the_room_view_carries_the_join_link_and_code_and_nothing_else_of_the_panel() {
    let app = app_with_room(false);
    let v = room(&app);
    let join = v.join.as_ref().expect("the room is open");
    assert_eq!(
        (
            join.link.as_str(),
            join.address.as_str(),
            join.code.as_str()
        ),
        (LINK, "192.168.1.20:41234", "K7M4QX")
    );
    assert!(!join.full);
    let json = serde_json::to_string(&v).unwrap();
    assert!(
        !json.contains("trainer-only") && !json.contains("wlan0") && !json.contains("phones"),
        "the panel's own lines stay on the console: {json}"
    );
    // Closed room: no join, and not even the key in the file (older projectors read it too).
    let mut closed = app_with_room(false);
    closed.room = None;
    let v = room(&closed);
    assert_eq!(v.join, None);
    assert!(!serde_json::to_string(&v).unwrap().contains("join"));
}

#[test]
fn the_presenter_key_puts_the_code_full_screen_and_back() {
    let mut app = app_with_room(false);
    app.overlay = Some(cpm_workshop::ui::app::Overlay::Room);
    app.update(Action::ToggleFullQr, T0);
    assert!(room(&app).join.unwrap().full);
    app.update(Action::ToggleFullQr, T0);
    assert!(!room(&app).join.unwrap().full);
    let mut closed = app_with_room(false);
    closed.room = None;
    closed.update(Action::ToggleFullQr, T0);
    assert_eq!(
        room(&closed).join,
        None,
        "nothing to show with the room closed"
    );
}

#[test]
fn the_code_sits_beside_the_activity_or_a_hint_stands_in() {
    let v = room(&app_with_room(false));
    for (w, h) in SIZES {
        let screen = draw_with(w, h, |f| view::render(Showing::Room(&v), &theme(), f, T0));
        insta::assert_snapshot!(format!("projector_join_corner_{w}x{h}"), screen);
        assert!(screen.contains("K7M4QX"), "{w}x{h}:\n{screen}");
        assert!(
            screen.contains("Brainstorm: already using"),
            "the activity stays:\n{screen}"
        );
        let drawn = qr_width(&buffer(&v, w, h)) > 0;
        assert_eq!(drawn, w >= 120, "{w}x{h}:\n{screen}");
        if !drawn {
            assert!(screen.contains("Join"), "{screen}");
        }
    }
}

#[test]
fn full_screen_shows_the_code_alone_as_large_as_fits() {
    let v = room(&app_with_room(true));
    let mut widths = Vec::new();
    for (w, h) in SIZES {
        let screen = draw_with(w, h, |f| view::render(Showing::Room(&v), &theme(), f, T0));
        insta::assert_snapshot!(format!("projector_join_full_{w}x{h}"), screen);
        assert!(
            !screen.contains("Brainstorm"),
            "only the code and how to join:\n{screen}"
        );
        widths.push(qr_width(&buffer(&v, w, h)));
    }
    assert_eq!(widths[0], 0, "64×18 is too small for the code");
    assert!(
        widths[2] >= 3 * widths[1],
        "larger on a larger window: {widths:?}"
    );
}

/// Columns of the widest row of QR cells (half-blocks on the code's own light ground; the
/// timer's digits are half-blocks too, in the theme's colours).
fn qr_width(buf: &Buffer) -> usize {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .filter(|x| {
                    let cell = &buf[(*x, y)];
                    cell.symbol() == "▀"
                        && [cell.fg, cell.bg]
                            .iter()
                            .all(|c| matches!(c, Color::Black | Color::White))
                })
                .count()
        })
        .max()
        .unwrap_or(0)
}

/// The cells' half-blocks as a greyscale image (each half-row a row of pixels, dark where the
/// half is black), with a light border, in the PGM format image tools read.
#[cfg(unix)] // zbarimg is a Linux/macOS tool; the Windows run (under Wine) cannot start it
fn pgm(buf: &Buffer, pixel: usize) -> Vec<u8> {
    let (w, h) = (
        usize::from(buf.area.width),
        usize::from(buf.area.height) * 2,
    );
    let border = 8 * pixel;
    let (pw, ph) = (w * pixel + 2 * border, h * pixel + 2 * border);
    let mut out = format!("P5\n{pw} {ph}\n255\n").into_bytes();
    for py in 0..ph {
        for px in 0..pw {
            let inside = px >= border && py >= border && px < pw - border && py < ph - border;
            let dark = inside && {
                let (x, half) = ((px - border) / pixel, (py - border) / pixel);
                let cell = &buf[(x as u16, (half / 2) as u16)];
                let colour = if half.is_multiple_of(2) {
                    cell.fg
                } else {
                    cell.bg
                };
                cell.symbol() == "▀" && colour == Color::Black
            };
            out.push(if dark { 0 } else { 255 });
        }
    }
    out
}

/// What `zbarimg` reads in the image of `buf`, if the tool is here.
#[cfg(unix)]
fn decode(buf: &Buffer) -> Option<String> {
    let zbar = std::process::Command::new("zbarimg")
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success());
    support::require::require(zbar, "zbarimg (apt-get install zbar-tools)")?;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("projector.pgm");
    std::fs::write(&path, pgm(buf, 4)).unwrap();
    let out = std::process::Command::new("zbarimg")
        .args(["--quiet", "--raw"])
        .arg(&path)
        .output()
        .unwrap();
    Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

#[test]
#[cfg(unix)]
fn the_drawn_code_scans_as_the_link_in_the_corner_and_full_screen() {
    for (full, w, h) in [
        (false, 120, 36),
        (false, 300, 90),
        (true, 120, 36),
        (true, 300, 90),
    ] {
        let v = room(&app_with_room(full));
        let Some(read) = decode(&buffer(&v, w, h)) else {
            return;
        };
        assert_eq!(read, LINK, "{full} {w}x{h}");
    }
}

#[test]
fn the_console_panel_says_where_the_room_is_and_what_its_self_test_found() {
    let mut app = app_with_room(false);
    app.overlay = Some(cpm_workshop::ui::app::Overlay::Room);
    if let Some(panel) = app.room.as_mut() {
        panel.check = Some(Err(
            "Self-test failed: a request from this laptop to 192.168.1.20:41234 did not get through (connection refused): a firewall on this laptop is probably blocking the port.".into(),
        ));
    }
    let screen = support::screen::draw(&app, 120, 40, T0);
    insta::assert_snapshot!("console_room_panel_120x40", screen);
    for line in [
        "On: 192.168.1.20 on wlan0 (address 1 of 2)",
        "Self-test failed: a request from this laptop",
        "a next address",
        "Q: the QR code full screen",
    ] {
        assert!(screen.contains(line), "{line}:\n{screen}");
    }
}
