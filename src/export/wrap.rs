//! Word wrapping by display width (emoji and CJK take two columns).

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Wraps `text` to lines of at most `width` columns, breaking at spaces where possible and
/// inside words only when a word alone is too wide. Existing line breaks are kept.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            // Width of the whole string, not the sum of its chars: "❤\u{fe0f}" is two columns.
            let word_w = word.width();
            let gap = usize::from(line_w > 0);
            if line_w + gap + word_w <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                line_w += gap + word_w;
                continue;
            }
            if line_w > 0 {
                lines.push(std::mem::take(&mut line));
                line_w = 0;
            }
            for g in word.graphemes(true) {
                let gw = g.width();
                if line_w + gw > width && line_w > 0 {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0;
                }
                line.push_str(g);
                line_w += gw;
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
        assert_eq!(wrap("", 10), [""]);
    }

    #[test]
    fn breaks_long_words_and_counts_wide_chars() {
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        for line in wrap("家族会議 ❤\u{fe0f}❤\u{fe0f}❤\u{fe0f} 😀😀😀", 5) {
            assert!(line.width() <= 5, "{line:?}");
        }
    }
}
