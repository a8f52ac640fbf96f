//! Colour themes. High contrast is the default because projectors wash colours out; every
//! meaning carried by colour is also carried by text or a marker, so `NO_COLOR` loses nothing.

use ratatui::style::{Color, Modifier, Style};

/// Which theme to draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ThemeName {
    /// White on black with bold yellow accents: readable on any projector.
    #[default]
    HighContrast,
    Dark,
    Light,
    /// No colours at all (also chosen when NO_COLOR is set).
    Mono,
}

/// The styles every view draws with.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub base: Style,
    pub title: Style,
    pub accent: Style,
    pub dim: Style,
    pub border: Style,
    pub selected: Style,
    pub note: Style,
    pub timer: Style,
    pub timer_warn: Style,
    pub timer_over: Style,
    pub flash: Style,
    pub error: Style,
    pub ok: Style,
    pub key: Style,
}

impl Theme {
    /// The styles for a theme name.
    pub fn new(name: ThemeName) -> Theme {
        let bold = Modifier::BOLD;
        match name {
            ThemeName::HighContrast => Theme {
                base: Style::new().fg(Color::White).bg(Color::Black),
                title: Style::new().fg(Color::White).add_modifier(bold),
                accent: Style::new().fg(Color::Yellow).add_modifier(bold),
                dim: Style::new().fg(Color::Gray),
                border: Style::new().fg(Color::White),
                selected: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(bold),
                note: Style::new().fg(Color::Black).bg(Color::LightYellow),
                timer: Style::new().fg(Color::White).add_modifier(bold),
                timer_warn: Style::new().fg(Color::Yellow).add_modifier(bold),
                timer_over: Style::new().fg(Color::LightRed).add_modifier(bold),
                flash: Style::new()
                    .fg(Color::Black)
                    .bg(Color::White)
                    .add_modifier(bold),
                error: Style::new().fg(Color::LightRed).add_modifier(bold),
                ok: Style::new().fg(Color::LightGreen),
                key: Style::new()
                    .fg(Color::Black)
                    .bg(Color::White)
                    .add_modifier(bold),
            },
            ThemeName::Dark => Theme {
                base: Style::new().fg(Color::Gray).bg(Color::Rgb(24, 26, 32)),
                title: Style::new().fg(Color::White).add_modifier(bold),
                accent: Style::new().fg(Color::LightCyan).add_modifier(bold),
                dim: Style::new().fg(Color::DarkGray),
                border: Style::new().fg(Color::DarkGray),
                selected: Style::new().fg(Color::Black).bg(Color::LightCyan),
                note: Style::new().fg(Color::Black).bg(Color::Rgb(250, 230, 140)),
                timer: Style::new().fg(Color::LightCyan).add_modifier(bold),
                timer_warn: Style::new().fg(Color::LightYellow).add_modifier(bold),
                timer_over: Style::new().fg(Color::LightRed).add_modifier(bold),
                flash: Style::new()
                    .fg(Color::Black)
                    .bg(Color::LightRed)
                    .add_modifier(bold),
                error: Style::new().fg(Color::LightRed),
                ok: Style::new().fg(Color::LightGreen),
                key: Style::new().fg(Color::Black).bg(Color::Gray),
            },
            ThemeName::Light => Theme {
                base: Style::new().fg(Color::Black).bg(Color::White),
                title: Style::new().fg(Color::Black).add_modifier(bold),
                accent: Style::new().fg(Color::Blue).add_modifier(bold),
                dim: Style::new().fg(Color::DarkGray),
                border: Style::new().fg(Color::DarkGray),
                selected: Style::new().fg(Color::White).bg(Color::Blue),
                note: Style::new().fg(Color::Black).bg(Color::Rgb(255, 240, 150)),
                timer: Style::new().fg(Color::Black).add_modifier(bold),
                timer_warn: Style::new().fg(Color::Rgb(160, 90, 0)).add_modifier(bold),
                timer_over: Style::new().fg(Color::Red).add_modifier(bold),
                flash: Style::new()
                    .fg(Color::White)
                    .bg(Color::Red)
                    .add_modifier(bold),
                error: Style::new().fg(Color::Red),
                ok: Style::new().fg(Color::Green),
                key: Style::new().fg(Color::White).bg(Color::DarkGray),
            },
            ThemeName::Mono => {
                let plain = Style::new();
                Theme {
                    base: plain,
                    title: plain.add_modifier(bold),
                    accent: plain.add_modifier(bold),
                    dim: plain,
                    border: plain,
                    selected: plain.add_modifier(Modifier::REVERSED),
                    note: plain,
                    timer: plain.add_modifier(bold),
                    timer_warn: plain.add_modifier(bold),
                    timer_over: plain.add_modifier(bold),
                    flash: plain.add_modifier(Modifier::REVERSED | bold),
                    error: plain.add_modifier(bold),
                    ok: plain,
                    key: plain.add_modifier(Modifier::REVERSED),
                }
            }
        }
    }

    /// The theme to use given the command-line choice and whether NO_COLOR is set.
    pub fn choose(name: ThemeName, no_color: bool) -> Theme {
        Theme::new(if no_color { ThemeName::Mono } else { name })
    }
}
