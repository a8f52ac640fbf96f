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
        let side = self.modules.len();
        (
            u16::try_from(side).unwrap_or(u16::MAX),
            u16::try_from(side.div_ceil(2)).unwrap_or(u16::MAX),
        )
    }
}

impl Widget for &Qr {
    /// Draws from the area's top left; draws nothing if it does not fit (a cut code would not
    /// scan, and a wrong one is worse than none).
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (w, h) = self.size();
        if w > area.width || h > area.height {
            return;
        }
        let colour = |dark: bool| if dark { Color::Black } else { Color::White };
        for (row, pair) in self.modules.chunks(2).enumerate() {
            for x in 0..pair[0].len() {
                let top = pair[0][x];
                let bottom = pair.get(1).is_some_and(|r| r[x]);
                let (cx, cy) = (area.x + x as u16, area.y + row as u16);
                if let Some(cell) = buf.cell_mut((cx, cy)) {
                    cell.set_symbol("▀")
                        .set_style(Style::default().fg(colour(top)).bg(colour(bottom)));
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
}
