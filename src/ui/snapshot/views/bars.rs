//! The room's show of hands as horizontal bars: every bar carries its stage's number and label,
//! and its count and percentage in words, so nothing depends on colour. With room to spare the
//! bars grow thick and the counts are drawn in big digits for the back row.

use crate::export::snapshot::votes_label;
use crate::ui::theme::Theme;
use crate::ui::widgets::big_timer::BigTimer;
use crate::workshop::snapshot::Tally;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// Thickest a bar gets, in rows.
const MAX_THICK: u16 = 14;
/// Bars at least this thick get their count in big digits.
const BIG_FROM: u16 = 3;
/// Widest the big-digit count column gets.
const MAX_BIG_WIDTH: u16 = 36;
/// A filled and an empty cell of a bar.
const FILLED: &str = "█";
const EMPTY: &str = "░";

/// Cells of a `width`-cell bar filled for `count` of `total` (at least one for any vote).
pub fn filled_cells(count: u32, total: u32, width: u16) -> u16 {
    if total == 0 || count == 0 || width == 0 {
        return 0;
    }
    let exact = u64::from(count) * u64::from(width);
    let rounded = (exact + u64::from(total) / 2) / u64::from(total);
    (rounded as u16).clamp(1, width)
}

/// "12 votes · 42%".
fn caption(count: u32, percent: u32) -> String {
    format!("{} · {percent}%", votes_label(count))
}

/// One bar row of `width` cells.
fn bar_line(count: u32, total: u32, width: u16, theme: &Theme) -> Line<'static> {
    let filled = filled_cells(count, total, width);
    Line::from(vec![
        Span::styled(FILLED.repeat(filled as usize), theme.accent),
        Span::styled(EMPTY.repeat((width - filled) as usize), theme.dim),
    ])
}

/// Draws the tally in `area`: thick labelled bars when there is room, else a row per stage.
pub fn render(frame: &mut Frame, area: Rect, scale: &[String], tally: &Tally, theme: &Theme) {
    let n = scale.len() as u16;
    if n == 0 || area.height == 0 || area.width < 4 {
        return;
    }
    // Stacked: a label row and a bar per stage, a blank row between stages.
    let stacked_rows = n * 2 + (n - 1);
    if area.height >= stacked_rows {
        stacked(frame, area, scale, tally, theme);
    } else {
        compact(frame, area, scale, tally, theme);
    }
}

fn stacked(frame: &mut Frame, area: Rect, scale: &[String], tally: &Tally, theme: &Theme) {
    let n = scale.len() as u16;
    let thick = ((area.height - n - (n - 1)) / n).clamp(1, MAX_THICK);
    let captions: Vec<String> = (0..scale.len())
        .map(|i| caption(count(tally, i), percent(tally, i)))
        .collect();
    let caption_w = captions.iter().map(|c| c.width()).max().unwrap_or(0) as u16;
    let big = thick >= BIG_FROM;
    let right_w = if big {
        caption_w.max((area.width / 5).min(MAX_BIG_WIDTH))
    } else {
        caption_w
    }
    .min(area.width / 2);
    let bar_w = area.width.saturating_sub(right_w + 1);
    let mut y = area.y;
    for (i, stage) in scale.iter().enumerate() {
        if y >= area.bottom() {
            break;
        }
        let c = count(tally, i);
        let label = format!("{}  {stage}", i + 1);
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(label, theme.title))),
            Rect::new(area.x, y, area.width, 1),
        );
        y += 1;
        let rows = thick.min(area.bottom().saturating_sub(y));
        let bars: Vec<Line> = (0..rows)
            .map(|_| bar_line(c, tally.total, bar_w, theme))
            .collect();
        frame.render_widget(Paragraph::new(bars), Rect::new(area.x, y, bar_w, rows));
        let right = Rect::new(area.x + bar_w + 1, y, right_w, rows);
        if big && rows >= BIG_FROM {
            let digits = c.to_string();
            let [digits_area, caption_area] = [
                Rect {
                    height: rows - 1,
                    ..right
                },
                Rect {
                    y: right.y + rows - 1,
                    height: 1,
                    ..right
                },
            ];
            frame.render_widget(BigTimer::new(&digits).style(theme.title), digits_area);
            frame.render_widget(
                Paragraph::new(captions[i].clone())
                    .style(theme.title)
                    .alignment(ratatui::layout::Alignment::Center),
                caption_area,
            );
        } else if rows > 0 {
            frame.render_widget(
                Paragraph::new(captions[i].clone()).style(theme.title),
                Rect {
                    y: right.y + (rows - 1) / 2,
                    height: 1,
                    ..right
                },
            );
        }
        y += rows + 1;
    }
}

fn compact(frame: &mut Frame, area: Rect, scale: &[String], tally: &Tally, theme: &Theme) {
    let label_w = scale
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{} {s}", i + 1).width())
        .max()
        .unwrap_or(0)
        .min(area.width as usize / 3) as u16;
    let caption_w = 18u16.min(area.width / 4);
    let bar_w = area.width.saturating_sub(label_w + caption_w + 2);
    let mut lines = Vec::new();
    for (i, stage) in scale.iter().enumerate() {
        let c = count(tally, i);
        let label = super::truncate(&format!("{} {stage}", i + 1), label_w as usize);
        let pad = " ".repeat((label_w as usize).saturating_sub(label.width()));
        let mut spans = vec![Span::styled(format!("{label}{pad} "), theme.title)];
        spans.extend(bar_line(c, tally.total, bar_w, theme).spans);
        spans.push(Span::styled(
            format!(" {}", caption(c, percent(tally, i))),
            theme.title,
        ));
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn count(tally: &Tally, i: usize) -> u32 {
    tally.counts.get(i).copied().unwrap_or(0)
}

fn percent(tally: &Tally, i: usize) -> u32 {
    tally.percents.get(i).copied().unwrap_or(0)
}
