//! A QR code drawn with half-block cells: two modules per cell, dark on light whatever the
//! theme (phones' cameras read dark modules on a light ground), inside its quiet zone.

use qrcode::{EcLevel, QrCode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::widgets::Widget;

/// Light modules around the code: the standard asks for four.
pub const QUIET: usize = 4;

/// A QR code of some text, ready to draw.
#[derive(Debug, Clone)]
pub struct Qr {
    /// Dark modules, row by row, quiet zone included.
    modules: Vec<Vec<bool>>,
}

impl Qr {
    /// The code for `text` (medium error correction: a projector's glare or a smudge still
    /// scans), or `None` when the text is too long for any QR code.
    pub fn new(text: &str) -> Option<Qr> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
        let width = code.width();
        let dark: Vec<bool> = code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect();
        let side = width + 2 * QUIET;
        let modules = (0..side)
            .map(|y| {
                (0..side)
                    .map(|x| {
                        x >= QUIET
                            && y >= QUIET
                            && x < QUIET + width
                            && y < QUIET + width
                            && dark[(y - QUIET) * width + (x - QUIET)]
                    })
                    .collect()
            })
            .collect();
        Some(Qr { modules })
    }

    /// Cells it takes: one column per module, one row per two modules.
    pub fn size(&self) -> (u16, u16) {
        self.size_at(1)
    }

    /// Cells it takes with each module `scale` columns wide and `scale` half-rows tall (a
    /// half-row is about as tall as a cell is wide, so modules stay square).
    pub fn size_at(&self, scale: u16) -> (u16, u16) {
        let side = self.modules.len() * usize::from(scale.max(1));
        (
            u16::try_from(side).unwrap_or(u16::MAX),
            u16::try_from(side.div_ceil(2)).unwrap_or(u16::MAX),
        )
    }

    /// The largest scale at which it fits `width`×`height` cells, if any.
    pub fn largest_scale(&self, width: u16, height: u16) -> Option<u16> {
        let side = u16::try_from(self.modules.len()).ok()?.max(1);
        let scale = (width / side).min(height.saturating_mul(2) / side);
        (scale >= 1).then_some(scale)
    }

    /// The code drawn at `scale` (see [`Qr::size_at`]).
    pub fn at(&self, scale: u16) -> Scaled<'_> {
        Scaled {
            qr: self,
            scale: scale.max(1),
        }
    }

    /// Whether the module at column `x`, row `y` (quiet zone included) is dark.
    fn dark(&self, x: usize, y: usize) -> bool {
        self.modules
            .get(y)
            .and_then(|row| row.get(x))
            .copied()
            .unwrap_or(false)
    }
}

/// A QR code drawn larger: each module a square of `scale` columns by `scale` half-rows.
#[derive(Debug, Clone, Copy)]
pub struct Scaled<'a> {
    qr: &'a Qr,
    scale: u16,
}

impl Widget for &Qr {
    /// Draws from the area's top left; draws nothing if it does not fit (a cut code would not
    /// scan, and a wrong one is worse than none).
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.at(1).render(area, buf);
    }
}

impl Widget for Scaled<'_> {
    /// Draws from the area's top left, or nothing if it does not fit.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (w, h) = self.qr.size_at(self.scale);
        if w > area.width || h > area.height {
            return;
        }
        let colour = |dark: bool| if dark { Color::Black } else { Color::White };
        let s = usize::from(self.scale);
        let sides = self.qr.modules.len() * s;
        for cy in 0..h {
            for cx in 0..w {
                let x = usize::from(cx) / s;
                let top = usize::from(cy) * 2;
                let dark_top = self.qr.dark(x, top / s);
                // An odd total of half-rows leaves the last cell's lower half light (quiet zone).
                let dark_bottom = top + 1 < sides && self.qr.dark(x, (top + 1) / s);
                if let Some(cell) = buf.cell_mut((area.x + cx, area.y + cy)) {
                    cell.set_symbol("▀").set_style(
                        Style::default()
                            .fg(colour(dark_top))
                            .bg(colour(dark_bottom)),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_sits_in_its_quiet_zone_and_keeps_its_finder_patterns() {
        let qr = Qr::new("http://192.168.1.20:41234/join?code=AB23CD").unwrap();
        let side = qr.modules.len();
        let (w, h) = qr.size();
        assert_eq!(usize::from(w), side);
        assert_eq!(usize::from(h), side.div_ceil(2));
        for i in 0..side {
            for q in 0..QUIET {
                assert!(
                    !qr.modules[q][i] && !qr.modules[i][q],
                    "quiet zone is light"
                );
                assert!(!qr.modules[side - 1 - q][i] && !qr.modules[i][side - 1 - q]);
            }
        }
        // The top-left finder: a dark 7×7 ring with a dark 3×3 centre.
        let m = |x: usize, y: usize| qr.modules[QUIET + y][QUIET + x];
        assert!((0..7).all(|i| m(i, 0) && m(0, i) && m(i, 6) && m(6, i)));
        assert!(!m(1, 1) && m(3, 3) && !m(5, 5));
    }

    #[test]
    fn it_draws_dark_on_light_with_half_blocks_or_not_at_all() {
        let qr = Qr::new("hello").unwrap();
        let (w, h) = qr.size();
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        (&qr).render(buf.area, &mut buf);
        let corner = &buf[(0, 0)];
        assert_eq!(corner.symbol(), "▀");
        assert_eq!((corner.fg, corner.bg), (Color::White, Color::White));
        let finder = &buf[(QUIET as u16, QUIET as u16 / 2)];
        assert_eq!(finder.fg, Color::Black, "top-left finder module is dark");
        let mut small = Buffer::empty(Rect::new(0, 0, w - 1, h));
        (&qr).render(small.area, &mut small);
        assert_eq!(
            small[(0, 0)].symbol(),
            " ",
            "a code that does not fit is not drawn"
        );
    }

    /// The modules read back from drawn cells at `scale` (the top-left half-row of each).
    fn read_back(buf: &Buffer, side: usize, scale: usize) -> Vec<Vec<bool>> {
        (0..side)
            .map(|my| {
                (0..side)
                    .map(|mx| {
                        let half = my * scale;
                        let cell = &buf[((mx * scale) as u16, (half / 2) as u16)];
                        let colour = if half.is_multiple_of(2) {
                            cell.fg
                        } else {
                            cell.bg
                        };
                        colour == Color::Black
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_scaled_code_keeps_every_module_square_and_in_place() {
        let qr = Qr::new("http://10.0.0.5:8080/join?code=K7M4QX").unwrap();
        let side = qr.modules.len();
        for scale in 1..=3u16 {
            let (w, h) = qr.size_at(scale);
            assert_eq!(usize::from(w), side * usize::from(scale));
            assert_eq!(usize::from(h), (side * usize::from(scale)).div_ceil(2));
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            qr.at(scale).render(buf.area, &mut buf);
            assert_eq!(
                read_back(&buf, side, usize::from(scale)),
                qr.modules,
                "{scale}"
            );
            // Every half-row of a module is the same colour: the module is a full square.
            let s = usize::from(scale);
            for (my, row) in qr.modules.iter().enumerate() {
                for (mx, dark) in row.iter().enumerate() {
                    for dy in 0..s {
                        let half = my * s + dy;
                        let cell = &buf[((mx * s + s - 1) as u16, (half / 2) as u16)];
                        let colour = if half.is_multiple_of(2) {
                            cell.fg
                        } else {
                            cell.bg
                        };
                        assert_eq!(colour == Color::Black, *dark, "{scale} {mx},{my}");
                    }
                }
            }
        }
        assert_eq!(qr.largest_scale(w1(&qr) * 3, 200), Some(3));
        assert_eq!(qr.largest_scale(200, qr.size().1 * 2), Some(2));
        assert_eq!(qr.largest_scale(w1(&qr) - 1, 200), None);
    }

    fn w1(qr: &Qr) -> u16 {
        qr.size().0
    }
}
