//! A projector countdown drawn in big block digits that scale to the area they get.
//!
//! Glyphs (`0-9`, `:`, `+`, `-`, and capital letters with a little punctuation for big titles)
//! are defined once on a small base grid, [`GLYPH_HEIGHT`] pixels
//! tall, and scaled by the largest integer factors that fit the area while keeping a readable
//! aspect. Pixels are drawn with half-blocks (`▀ ▄ █`), so one terminal cell holds two pixel rows
//! and a pixel row ("half-row") is about as tall as a cell is wide: a pixel `sx` columns wide and
//! `sy` half-rows tall looks square when `sx == sy`. When even scale 1 does not fit, the text is
//! drawn plainly, centred. Nothing is ever drawn outside the area.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Height of every glyph on the base grid, in pixels.
const GLYPH_HEIGHT: usize = 5;
/// Blank pixel columns between neighbouring glyphs on the base grid (scaled like the glyphs).
const GLYPH_GAP: usize = 1;
/// Pixel rows per terminal cell: half-blocks put two pixel rows in one cell.
const HALF_ROWS_PER_CELL: usize = 2;
/// A pixel may be at most `NUM / DEN` times taller (in half-rows) than it is wide (in columns).
const MAX_TALL_NUM: usize = 3;
/// See [`MAX_TALL_NUM`].
const MAX_TALL_DEN: usize = 2;
/// A pixel may be at most this many times wider (in columns) than it is tall (in half-rows).
const MAX_WIDE: usize = 2;

/// Marks a lit pixel in the glyph tables below; any other byte is blank.
const ON: u8 = b'#';

/// Symbol for a cell whose top and bottom pixel rows are both lit.
const FULL: &str = "█";
/// Symbol for a cell whose top pixel row only is lit.
const UPPER_HALF: &str = "▀";
/// Symbol for a cell whose bottom pixel row only is lit.
const LOWER_HALF: &str = "▄";
/// Symbol for a cell inside the digits' box with no lit pixel.
const EMPTY: &str = " ";

/// One glyph on the base grid: `GLYPH_HEIGHT` rows of equal width, `#` for a lit pixel.
type Glyph = [&'static str; GLYPH_HEIGHT];

const GLYPH_0: Glyph = ["###", "#.#", "#.#", "#.#", "###"];
const GLYPH_1: Glyph = [".#.", "##.", ".#.", ".#.", "###"];
const GLYPH_2: Glyph = ["###", "..#", "###", "#..", "###"];
const GLYPH_3: Glyph = ["###", "..#", ".##", "..#", "###"];
const GLYPH_4: Glyph = ["#.#", "#.#", "###", "..#", "..#"];
const GLYPH_5: Glyph = ["###", "#..", "###", "..#", "###"];
const GLYPH_6: Glyph = ["###", "#..", "###", "#.#", "###"];
const GLYPH_7: Glyph = ["###", "..#", "..#", "..#", "..#"];
const GLYPH_8: Glyph = ["###", "#.#", "###", "#.#", "###"];
const GLYPH_9: Glyph = ["###", "#.#", "###", "..#", "###"];
const GLYPH_COLON: Glyph = [".", "#", ".", "#", "."];
const GLYPH_PLUS: Glyph = ["...", ".#.", "###", ".#.", "..."];
const GLYPH_MINUS: Glyph = ["...", "...", "###", "...", "..."];
const GLYPH_A: Glyph = [".#.", "#.#", "###", "#.#", "#.#"];
const GLYPH_B: Glyph = ["##.", "#.#", "##.", "#.#", "##."];
const GLYPH_C: Glyph = [".##", "#..", "#..", "#..", ".##"];
const GLYPH_D: Glyph = ["##.", "#.#", "#.#", "#.#", "##."];
const GLYPH_E: Glyph = ["###", "#..", "##.", "#..", "###"];
const GLYPH_F: Glyph = ["###", "#..", "##.", "#..", "#.."];
const GLYPH_G: Glyph = [".##", "#..", "#.#", "#.#", ".##"];
const GLYPH_H: Glyph = ["#.#", "#.#", "###", "#.#", "#.#"];
const GLYPH_I: Glyph = ["###", ".#.", ".#.", ".#.", "###"];
const GLYPH_J: Glyph = ["..#", "..#", "..#", "#.#", ".#."];
const GLYPH_K: Glyph = ["#.#", "#.#", "##.", "#.#", "#.#"];
const GLYPH_L: Glyph = ["#..", "#..", "#..", "#..", "###"];
const GLYPH_M: Glyph = ["#...#", "##.##", "#.#.#", "#...#", "#...#"];
const GLYPH_N: Glyph = ["#..#", "##.#", "#.##", "#..#", "#..#"];
const GLYPH_O: Glyph = [".#.", "#.#", "#.#", "#.#", ".#."];
const GLYPH_P: Glyph = ["##.", "#.#", "##.", "#..", "#.."];
const GLYPH_Q: Glyph = [".#.", "#.#", "#.#", "##.", ".##"];
const GLYPH_R: Glyph = ["##.", "#.#", "##.", "#.#", "#.#"];
const GLYPH_S: Glyph = [".##", "#..", ".#.", "..#", "##."];
const GLYPH_T: Glyph = ["###", ".#.", ".#.", ".#.", ".#."];
const GLYPH_U: Glyph = ["#.#", "#.#", "#.#", "#.#", "###"];
const GLYPH_V: Glyph = ["#.#", "#.#", "#.#", "#.#", ".#."];
const GLYPH_W: Glyph = ["#...#", "#...#", "#.#.#", "##.##", "#...#"];
const GLYPH_X: Glyph = ["#.#", "#.#", ".#.", "#.#", "#.#"];
const GLYPH_Y: Glyph = ["#.#", "#.#", ".#.", ".#.", ".#."];
const GLYPH_Z: Glyph = ["###", "..#", ".#.", "#..", "###"];
const GLYPH_AMPERSAND: Glyph = [".#.", "#.#", ".#.", "#.#", ".##"];
const GLYPH_SLASH: Glyph = ["..#", "..#", ".#.", "#..", "#.."];
const GLYPH_PERIOD: Glyph = [".", ".", ".", ".", "#"];
const GLYPH_COMMA: Glyph = [".", ".", ".", "#", "#"];
const GLYPH_APOSTROPHE: Glyph = ["#", "#", ".", ".", "."];
const GLYPH_QUESTION: Glyph = ["###", "..#", ".#.", "...", ".#."];
/// Drawn for a space and for any character without a glyph: a digit-wide gap.
const GLYPH_BLANK: Glyph = ["...", "...", "...", "...", "..."];

/// The base-grid glyph for `c`; characters without one get [`GLYPH_BLANK`].
fn glyph(c: char) -> &'static Glyph {
    match c {
        '0' => &GLYPH_0,
        '1' => &GLYPH_1,
        '2' => &GLYPH_2,
        '3' => &GLYPH_3,
        '4' => &GLYPH_4,
        '5' => &GLYPH_5,
        '6' => &GLYPH_6,
        '7' => &GLYPH_7,
        '8' => &GLYPH_8,
        '9' => &GLYPH_9,
        ':' => &GLYPH_COLON,
        '+' => &GLYPH_PLUS,
        '-' | '–' => &GLYPH_MINUS,
        'A' => &GLYPH_A,
        'B' => &GLYPH_B,
        'C' => &GLYPH_C,
        'D' => &GLYPH_D,
        'E' => &GLYPH_E,
        'F' => &GLYPH_F,
        'G' => &GLYPH_G,
        'H' => &GLYPH_H,
        'I' => &GLYPH_I,
        'J' => &GLYPH_J,
        'K' => &GLYPH_K,
        'L' => &GLYPH_L,
        'M' => &GLYPH_M,
        'N' => &GLYPH_N,
        'O' => &GLYPH_O,
        'P' => &GLYPH_P,
        'Q' => &GLYPH_Q,
        'R' => &GLYPH_R,
        'S' => &GLYPH_S,
        'T' => &GLYPH_T,
        'U' => &GLYPH_U,
        'V' => &GLYPH_V,
        'W' => &GLYPH_W,
        'X' => &GLYPH_X,
        'Y' => &GLYPH_Y,
        'Z' => &GLYPH_Z,
        '&' => &GLYPH_AMPERSAND,
        '/' => &GLYPH_SLASH,
        '.' => &GLYPH_PERIOD,
        ',' => &GLYPH_COMMA,
        '\'' => &GLYPH_APOSTROPHE,
        '?' => &GLYPH_QUESTION,
        _ => &GLYPH_BLANK,
    }
}

/// Whether `c` has a glyph of its own (a space counts): a title with any other character is
/// drawn as plain text rather than with gaps.
pub fn has_glyph(c: char) -> bool {
    c == ' ' || !std::ptr::eq(glyph(c), &GLYPH_BLANK)
}

/// The whole text on the base grid, one bit mask per pixel column (bit `r` = pixel row `r`),
/// gaps between glyphs included. Empty for empty text.
fn base_columns(text: &str) -> Vec<u8> {
    let mut columns = Vec::new();
    for (i, c) in text.chars().enumerate() {
        if i > 0 {
            columns.extend(std::iter::repeat_n(0, GLYPH_GAP));
        }
        let rows = glyph(c);
        let width = rows[0].len();
        columns.extend((0..width).map(|x| {
            rows.iter()
                .enumerate()
                .filter(|(_, row)| row.as_bytes().get(x) == Some(&ON))
                .fold(0u8, |mask, (r, _)| mask | (1 << r))
        }));
    }
    columns
}

/// Base-grid width of `text` in pixel columns, computed without building the columns.
fn base_width(text: &str) -> usize {
    let glyphs: usize = text.chars().map(|c| glyph(c)[0].len()).sum();
    let gaps = text.chars().count().saturating_sub(1) * GLYPH_GAP;
    glyphs + gaps
}

/// How big text is drawn: scale factors and the cells it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fit {
    /// Columns per base pixel.
    sx: usize,
    /// Half-rows per base pixel.
    sy: usize,
    /// Cells covered horizontally.
    width: u16,
    /// Cells covered vertically.
    height: u16,
}

/// The largest readable scale at which `text` fits `area_w × area_h` cells, or `None` if even
/// scale 1 does not fit (or the text is empty).
fn fit(text: &str, area_w: u16, area_h: u16) -> Option<Fit> {
    let base_w = base_width(text);
    if base_w == 0 {
        return None;
    }
    let cols_fit = usize::from(area_w) / base_w;
    let half_rows_fit = usize::from(area_h) * HALF_ROWS_PER_CELL / GLYPH_HEIGHT;
    if cols_fit == 0 || half_rows_fit == 0 {
        return None;
    }
    // Widest that fits and is not too fat, then tallest that fits and is not too thin.
    let sx = cols_fit.min(half_rows_fit * MAX_WIDE);
    let sy = half_rows_fit.min((sx * MAX_TALL_NUM).div_ceil(MAX_TALL_DEN));
    let width = u16::try_from(base_w * sx).ok()?;
    let height = u16::try_from((GLYPH_HEIGHT * sy).div_ceil(HALF_ROWS_PER_CELL)).ok()?;
    Some(Fit {
        sx,
        sy,
        width,
        height,
    })
}

/// The cells (`width`, `height`) that [`BigTimer`] would cover for `text` in an area of
/// `area_w × area_h`, or `None` when it would fall back to plain text. Lets a layout reserve
/// exactly the space the digits use.
#[must_use]
pub fn big_text_size(text: &str, area_w: u16, area_h: u16) -> Option<(u16, u16)> {
    fit(text, area_w, area_h).map(|f| (f.width, f.height))
}

/// A clock string such as `2:00`, `+0:12` or `60:00` drawn in big digits, centred in its area and
/// scaled to fill it, so the back row of a training room can read it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BigTimer<'a> {
    text: &'a str,
    style: Style,
    /// Size a signed clock by its digits (see [`BigTimer::keep_size_with_sign`]).
    keep_size: bool,
}

impl<'a> BigTimer<'a> {
    /// A big-digit rendering of `text` in the default style.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            style: Style::default(),
            keep_size: false,
        }
    }

    /// Sets the style of the digits (and of the box they are drawn in).
    #[must_use]
    pub fn style(mut self, style: Style) -> Self {
        self.style = style;
        self
    }

    /// Sizes a signed clock (`+0:02`) by its digits alone, the sign squeezed into the margin
    /// beside them, so overtime is drawn as large as the countdown before it (`2:00`): the
    /// digits must not shrink at the moment the room should notice them. Only when there is no
    /// margin for the sign does the whole text shrink to fit.
    #[must_use]
    pub fn keep_size_with_sign(mut self) -> Self {
        self.keep_size = true;
        self
    }

    /// Per-cell pixel columns and the scale to draw them at, or `None` for plain text.
    fn layout(&self, area_w: u16, area_h: u16) -> Option<(Vec<u8>, Fit)> {
        let whole = || fit(self.text, area_w, area_h).map(|f| (stretched(self.text, f.sx), f));
        let digits = self.text.trim_start_matches(['+', '-']);
        let sign = &self.text[..self.text.len() - digits.len()];
        if !self.keep_size || sign.is_empty() {
            return whole();
        }
        let f = fit(digits, area_w, area_h)?;
        let digit_cells = stretched(digits, f.sx);
        let room = usize::from(area_w).saturating_sub(digit_cells.len());
        let sign_sx = (room / (base_width(sign) + GLYPH_GAP)).min(f.sx);
        if sign_sx == 0 {
            return whole();
        }
        let mut cells = stretched(sign, sign_sx);
        cells.extend(std::iter::repeat_n(0, GLYPH_GAP * sign_sx));
        cells.extend(digit_cells);
        let width = u16::try_from(cells.len()).ok()?;
        Some((cells, Fit { width, ..f }))
    }

    /// Draws the pixel columns `cells` (one per terminal column) at `f`'s height, centred.
    fn render_big(&self, cells: &[u8], f: Fit, area: Rect, buf: &mut Buffer) {
        let digits = Rect {
            x: area.x + (area.width - f.width) / 2,
            y: area.y + (area.height - f.height) / 2,
            width: f.width,
            height: f.height,
        };
        buf.set_style(digits, self.style);
        let lit = |mask: u8, half_row: usize| {
            let row = half_row / f.sy;
            row < GLYPH_HEIGHT && mask & (1 << row) != 0
        };
        for (dy, y) in (digits.top()..digits.bottom()).enumerate() {
            let top_half = dy * HALF_ROWS_PER_CELL;
            for (dx, x) in (digits.left()..digits.right()).enumerate() {
                let mask = cells.get(dx).copied().unwrap_or(0);
                let symbol = match (lit(mask, top_half), lit(mask, top_half + 1)) {
                    (true, true) => FULL,
                    (true, false) => UPPER_HALF,
                    (false, true) => LOWER_HALF,
                    (false, false) => EMPTY,
                };
                if let Some(cell) = buf.cell_mut((x, y)) {
                    cell.set_symbol(symbol);
                }
            }
        }
    }

    /// Draws the text plainly on the middle row of `area`, centred (trimmed if too wide).
    fn render_plain(&self, area: Rect, buf: &mut Buffer) {
        let text: String = self.text.chars().filter(|c| !c.is_control()).collect();
        let row = Rect {
            y: area.y + (area.height - 1) / 2,
            height: 1,
            ..area
        };
        Line::from(Span::styled(text, self.style))
            .centered()
            .render(row, buf);
    }
}

/// The base-grid columns of `text`, each repeated `sx` times: one mask per terminal column.
fn stretched(text: &str, sx: usize) -> Vec<u8> {
    base_columns(text)
        .into_iter()
        .flat_map(|mask| std::iter::repeat_n(mask, sx))
        .collect()
}

impl Widget for &BigTimer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        match self.layout(area.width, area.height) {
            Some((cells, f)) => self.render_big(&cells, f, area, buf),
            None => self.render_plain(area, buf),
        }
    }
}

impl Widget for BigTimer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Cell;
    use ratatui::style::{Color, Modifier};

    /// Fills the untouched parts of test buffers, so stray writes show.
    const SENTINEL: &str = "·";
    /// Strings exercised by the size sweep: every glyph, overtime, long, unknown and wide chars.
    const SAMPLES: [&str; 9] = [
        "2:00", "0:07", "+0:12", "12:34", "60:00", "-1:05", "", "x?é", "9:日8",
    ];

    fn render(text: &str, w: u16, h: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        BigTimer::new(text).render(buf.area, &mut buf);
        buf
    }

    fn to_string(buf: &Buffer) -> String {
        let width = usize::from(buf.area.width);
        if width == 0 {
            return String::new();
        }
        buf.content
            .chunks(width)
            .map(|row| row.iter().map(Cell::symbol).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn is_block(symbol: &str) -> bool {
        [FULL, UPPER_HALF, LOWER_HALF].contains(&symbol)
    }

    /// Rows containing at least one block symbol.
    fn block_rows(buf: &Buffer) -> usize {
        let width = usize::from(buf.area.width);
        buf.content
            .chunks(width)
            .filter(|row| row.iter().any(|c| is_block(c.symbol())))
            .count()
    }

    #[test]
    fn forty_by_eight_is_several_rows_tall() {
        for text in ["2:00", "+0:12", "12:34", "60:00"] {
            let buf = render(text, 40, 8);
            assert!(
                block_rows(&buf) >= 5,
                "{text} at 40×8:\n{}",
                to_string(&buf)
            );
        }
    }

    #[test]
    fn projector_size_is_taller_than_laptop_size() {
        for text in ["2:00", "+0:12", "12:34"] {
            let small = block_rows(&render(text, 40, 8));
            let large = block_rows(&render(text, 150, 40));
            assert!(
                large > small,
                "{text}: {large} rows at 150×40, {small} at 40×8"
            );
            assert!(large >= 20, "{text}: only {large} rows at 150×40");
        }
    }

    #[test]
    fn never_writes_outside_its_area() {
        const MARGIN: u16 = 3;
        for text in SAMPLES {
            for w in 0..=60 {
                for h in 0..=20 {
                    let outer = Rect::new(0, 0, w + 2 * MARGIN, h + 2 * MARGIN);
                    let area = Rect::new(MARGIN, MARGIN, w, h);
                    let mut blank = Buffer::empty(outer);
                    for cell in &mut blank.content {
                        cell.set_symbol(SENTINEL);
                    }
                    let mut buf = blank.clone();
                    BigTimer::new(text)
                        .style(Style::new().fg(Color::Yellow))
                        .render(area, &mut buf);
                    BigTimer::new(text)
                        .keep_size_with_sign()
                        .render(area, &mut buf);
                    for y in outer.top()..outer.bottom() {
                        for x in outer.left()..outer.right() {
                            let inside = area.contains((x, y).into());
                            assert!(
                                inside || buf[(x, y)] == blank[(x, y)],
                                "{text:?} at {w}×{h} wrote ({x},{y}):\n{}",
                                to_string(&buf)
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn draws_within_the_size_it_reports_and_centres_it() {
        for text in SAMPLES {
            for (w, h) in [(40, 8), (80, 24), (150, 40), (300, 90), (13, 3)] {
                let buf = render(text, w, h);
                let Some((bw, bh)) = big_text_size(text, w, h) else {
                    continue;
                };
                assert!(bw <= w && bh <= h);
                let x0 = (w - bw) / 2;
                let y0 = (h - bh) / 2;
                let digits = Rect::new(x0, y0, bw, bh);
                for y in 0..h {
                    for x in 0..w {
                        if !digits.contains((x, y).into()) {
                            assert_eq!(buf[(x, y)].symbol(), " ", "{text:?} {w}×{h} ({x},{y})");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn keeps_a_readable_aspect() {
        for text in ["2:00", "+0:12", "12:34"] {
            for (w, h) in [(40, 8), (80, 24), (150, 40), (300, 90), (300, 10), (20, 90)] {
                let Some(f) = fit(text, w, h) else { continue };
                assert!(f.sx <= f.sy * MAX_WIDE, "{text} {w}×{h}: {f:?}");
                assert!(
                    f.sy <= (f.sx * MAX_TALL_NUM).div_ceil(MAX_TALL_DEN),
                    "{text} {w}×{h}: {f:?}"
                );
            }
        }
    }

    #[test]
    fn falls_back_to_plain_text_when_too_small() {
        assert_eq!(big_text_size("2:00", 4, 1), None);
        assert_eq!(to_string(&render("2:00", 4, 1)), "2:00");
        assert_eq!(
            to_string(&render("2:00", 8, 3)),
            "        \n  2:00  \n        "
        );
        // Too narrow even for the plain text: stays inside, no panic.
        assert_eq!(to_string(&render("12:34", 3, 1)).chars().count(), 3);
        assert_eq!(to_string(&render("2:00", 1, 1)).chars().count(), 1);
    }

    #[test]
    fn empty_text_draws_nothing() {
        assert_eq!(big_text_size("", 80, 24), None);
        assert!(
            to_string(&render("", 10, 3))
                .chars()
                .all(|c| c == ' ' || c == '\n')
        );
    }

    #[test]
    fn unknown_characters_are_blank_glyphs() {
        assert_eq!(base_columns("x"), vec![0, 0, 0]);
        assert_eq!(big_text_size("1x1", 80, 24), big_text_size("111", 80, 24));
    }

    #[test]
    fn every_glyph_has_equal_width_rows() {
        for c in "0123456789:+- x".chars() {
            let rows = glyph(c);
            assert!(rows.iter().all(|r| r.len() == rows[0].len()), "{c:?}");
        }
    }

    #[test]
    fn applies_the_style_to_the_digits() {
        let style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 8));
        BigTimer::new("2:00")
            .style(style)
            .render(buf.area, &mut buf);
        let block = buf.content.iter().find(|c| c.symbol() == FULL);
        assert_eq!(block.map(|c| c.fg), Some(Color::Red));
    }

    #[test]
    fn overtime_keeps_the_countdowns_size_and_the_countdown_loses_none() {
        let kept = |text: &str, w, h| {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            BigTimer::new(text)
                .keep_size_with_sign()
                .render(buf.area, &mut buf);
            buf
        };
        // The timer box at 80×24, 120×36, 200×60 and 300×90, and a few in between.
        for (w, h) in [(32, 10), (48, 15), (82, 29), (124, 45), (40, 8), (150, 40)] {
            let countdown = block_rows(&kept("2:00", w, h));
            assert_eq!(countdown, block_rows(&render("2:00", w, h)), "{w}×{h}");
            let over = kept("+0:02", w, h);
            assert!(
                block_rows(&over) >= countdown,
                "{w}×{h}: {countdown} rows, then {} in overtime:\n{}",
                block_rows(&over),
                to_string(&over)
            );
        }
        // Without it, the sign costs height (the bug this prevents).
        assert!(block_rows(&render("+0:02", 32, 10)) < block_rows(&render("2:00", 32, 10)));
        // No room beside the digits for a sign: the whole text shrinks, and still shows it.
        let tight = kept("+0:02", 17, 10);
        assert!(to_string(&tight).contains(FULL), "{}", to_string(&tight));
    }

    #[test]
    fn snapshot_two_minutes_40x8() {
        insta::assert_snapshot!(to_string(&render("2:00", 40, 8)));
    }

    #[test]
    fn snapshot_overtime_40x8() {
        insta::assert_snapshot!(to_string(&render("+0:12", 40, 8)));
    }
}
