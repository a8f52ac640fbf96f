//! Showing a long one-line input in a narrow box: the slice of it that is scrolled into view.

use unicode_width::UnicodeWidthChar;

/// The part of `value` from display column `scroll` that fits in `width` columns.
pub fn visible_slice(value: &str, scroll: usize, width: usize) -> String {
    let mut col = 0;
    let mut out = String::new();
    for c in value.chars() {
        let c = if c.is_control() { ' ' } else { c };
        let w = c.width().unwrap_or(0);
        if col >= scroll {
            if col + w > scroll + width {
                break;
            }
            out.push(c);
        }
        col += w;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_columns() {
        assert_eq!(visible_slice("hello world", 6, 5), "world");
        assert_eq!(visible_slice("家族会議", 2, 4), "族会");
        assert_eq!(visible_slice(&"x".repeat(10_000), 9_990, 20).len(), 10);
    }
}
