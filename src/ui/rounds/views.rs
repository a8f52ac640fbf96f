//! Drawing the rounds pages. One generic page per step kind: talk and share show the item and
//! the notes by group; mark shows the item and the show of hands as bars. Views read state; they
//! change nothing.

use super::RoundsScreen;
use crate::content::RoundStepKind;
use crate::export::rounds::{FOLLOW_UP_TITLE, capitalised, hands_label};
use crate::export::wrap::wrap;
use crate::ui::app::App;
use crate::ui::input_view::draw_wrapped_input;
use crate::ui::snapshot::shared::{bars, hanging, timer_box, timer_caption, timer_in_use};
use crate::ui::views::{CARD, SELECTED, entry_block, group_label, scroll_pane, truncate};
use crate::workshop::rounds::{RoundPage, RoundsState};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use time::OffsetDateTime;
use unicode_width::UnicodeWidthStr;

/// Rows of the scribe's note input: three rows of text that wrap.
const ENTRY_HEIGHT: u16 = 5;
/// Share of the width the timer takes beside a step page.
const TIMER_COLUMN_PERCENT: u16 = 30;
/// Most rows the item's text takes at the top of a step page.
const ITEM_ROWS: usize = 4;
/// Narrowest text is wrapped to, so tiny panes still make progress.
const MIN_WRAP: usize = 8;

/// Draws the rounds screen for the page the facilitator is on.
pub fn render(app: &App, s: &RoundsScreen, frame: &mut Frame, area: Rect, now: OffsetDateTime) {
    let entry_h = if s.entry.is_some() { ENTRY_HEIGHT } else { 0 };
    let [top, title, body, entry] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(entry_h),
    ])
    .areas(area);
    header(app, s, frame, top, now);
    frame.render_widget(
        Paragraph::new(truncate(&page_title(s), title.width as usize)).style(app.theme.accent),
        title,
    );
    let timer = &s.open.session.timer;
    let (page_area, timer_area) = if timer_in_use(timer) {
        let [page, side] = Layout::horizontal([
            Constraint::Min(0),
            Constraint::Percentage(TIMER_COLUMN_PERCENT),
        ])
        .areas(body);
        (page, Some(side))
    } else {
        (body, None)
    };
    if let Some(side) = timer_area {
        let [timer_rect, _] =
            Layout::vertical([Constraint::Percentage(60), Constraint::Min(0)]).areas(side);
        timer_box(app, timer, frame, timer_rect, now);
    }
    match s.page() {
        RoundPage::Intro => text_page(
            app,
            s,
            frame,
            page_area,
            " About this activity ",
            intro_lines,
        ),
        RoundPage::Summary => text_page(
            app,
            s,
            frame,
            page_area,
            " Summary (↑↓ scroll · x export) ",
            summary_lines,
        ),
        RoundPage::Step { item, step } => step_page(app, s, item, step, frame, page_area),
    }
    if s.entry.is_some() {
        entry_box(app, s, frame, entry);
    }
}

/// The top line: the activity, the session, the page and the timer.
fn header(app: &App, s: &RoundsScreen, frame: &mut Frame, area: Rect, now: OffsetDateTime) {
    let (page, pages) = s.page_number();
    let timer = &s.open.session.timer;
    let right = format!(" page {page} of {pages} · {} ", timer_caption(timer, now));
    let right_w = (right.width() as u16).min(area.width);
    let [left_area, right_area] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(right_w)]).areas(area);
    let left = format!("{} · {}", s.state().title, s.open.session.name);
    frame.render_widget(
        Paragraph::new(truncate(&left, left_area.width as usize)).style(app.theme.title),
        left_area,
    );
    let style = if timer.reading(now).is_over() {
        app.theme.timer_over
    } else {
        app.theme.dim
    };
    frame.render_widget(
        Paragraph::new(truncate(&right, right_area.width as usize)).style(style),
        right_area,
    );
}

/// The second line: which item and step this is.
fn page_title(s: &RoundsScreen) -> String {
    let st = s.state();
    match s.page() {
        RoundPage::Intro => st.title.clone(),
        RoundPage::Summary => "Summary".to_string(),
        RoundPage::Step { item, step } => format!(
            "{} {} of {} · {}",
            capitalised(&st.item_word),
            item + 1,
            st.items.len(),
            st.steps.get(step).map_or("", |s| s.label.as_str())
        ),
    }
}

/// A scrolling page of text in a box.
fn text_page(
    app: &App,
    s: &RoundsScreen,
    frame: &mut Frame,
    area: Rect,
    title: &'static str,
    lines: fn(&App, &RoundsState, usize) -> Vec<Line<'static>>,
) {
    let width = area.width.saturating_sub(2) as usize;
    let block = Block::bordered()
        .title(Span::styled(title, app.theme.accent))
        .border_style(app.theme.border);
    scroll_pane::render(
        &app.theme,
        block,
        lines(app, s.state(), width),
        s.scroll,
        frame,
        area,
    );
}

fn intro_lines(app: &App, st: &RoundsState, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for para in &st.intro {
        lines.extend(hanging("", para, width, app.theme.base));
        lines.push(Line::default());
    }
    let word = capitalised(&st.item_word);
    lines.push(Line::from(Span::styled(
        format!("{word}s"),
        app.theme.accent,
    )));
    for (i, item) in st.items.iter().enumerate() {
        let text = if item.follow_up {
            format!("{} (follow up)", item.text)
        } else {
            item.text.clone()
        };
        lines.extend(hanging(
            &format!("{}. ", i + 1),
            &text,
            width,
            app.theme.base,
        ));
    }
    lines.push(Line::default());
    lines.extend(hanging("Source: ", &st.source, width, app.theme.dim));
    lines
}

fn summary_lines(app: &App, st: &RoundsState, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = Vec::new();
    for (i, item) in st.items.iter().enumerate() {
        let notes = st.notes_on(i).len();
        let count = format!("{notes} note{}", if notes == 1 { "" } else { "s" });
        lines.extend(hanging(
            &format!("{}. ", i + 1),
            &format!("{} · {count}", item.text),
            width,
            theme.accent,
        ));
        if st.has_marks() {
            let tally = st.tally(i);
            let parts: Vec<String> = st
                .marks
                .iter()
                .zip(&tally.counts)
                .zip(&tally.percents)
                .map(|((m, c), p)| format!("{m} {c} ({p}%)"))
                .collect();
            lines.extend(hanging(
                "   ",
                &format!("{} · {}", parts.join(" · "), hands_label(tally.total)),
                width,
                theme.base,
            ));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(FOLLOW_UP_TITLE, theme.accent)));
    let follow = st.follow_ups();
    if follow.is_empty() {
        lines.push(Line::from(Span::styled("(none yet)", theme.dim)));
    }
    for note in follow {
        lines.extend(hanging(
            "? ",
            &format!(
                "{} {} · G{}: {}",
                capitalised(&st.item_word),
                note.item + 1,
                note.group,
                note.text
            ),
            width,
            theme.base,
        ));
    }
    lines
}

/// A step page: the item and its instruction, then the notes or the bars.
fn step_page(app: &App, s: &RoundsScreen, item: usize, step: usize, frame: &mut Frame, area: Rect) {
    let st = s.state();
    let Some(script) = st.steps.get(step) else {
        return;
    };
    let width = (area.width as usize).max(MIN_WRAP);
    let mut head: Vec<Line> = wrap(st.item_text(item), width)
        .into_iter()
        .take(ITEM_ROWS)
        .map(|l| Line::from(Span::styled(l, app.theme.title)))
        .collect();
    let instruction = wrap(&script.instruction, width);
    let head_rows = head.len() + instruction.len().min(2);
    head.extend(
        instruction
            .into_iter()
            .take(2)
            .map(|l| Line::from(Span::styled(l, app.theme.dim))),
    );
    let [head_area, rest] =
        Layout::vertical([Constraint::Length(head_rows as u16), Constraint::Min(0)]).areas(area);
    frame.render_widget(Paragraph::new(head), head_area);
    match script.kind {
        RoundStepKind::Mark => {
            let tally = st.tally(item);
            let block = Block::bordered()
                .title(Span::styled(
                    format!(" Show of hands · {} ", hands_label(tally.total)),
                    app.theme.accent,
                ))
                .border_style(app.theme.border);
            let inner = block.inner(rest);
            frame.render_widget(block, rest);
            // The bars number each mark themselves (1 = its key).
            bars::render(frame, inner, &st.marks, &tally, &app.theme);
        }
        RoundStepKind::Discuss | RoundStepKind::Share => notes_pane(app, s, item, frame, rest),
    }
}

/// The notes on the item, by group, the selected one marked.
fn notes_pane(app: &App, s: &RoundsScreen, item: usize, frame: &mut Frame, area: Rect) {
    let st = s.state();
    let session = &s.open.session;
    let width = area.width.saturating_sub(2) as usize;
    let notes = st.notes_on(item);
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_row = 0;
    let mut last_group = None;
    for (i, note) in notes.iter().enumerate() {
        if last_group != Some(note.group) {
            lines.push(Line::from(Span::styled(
                group_label(session, note.group),
                app.theme.accent,
            )));
            last_group = Some(note.group);
        }
        let selected = i == s.selected;
        if selected {
            selected_row = lines.len();
        }
        let marker = if selected { SELECTED } else { CARD };
        let text = if st.is_follow_up(note) {
            format!("? {}", note.text)
        } else {
            note.text.clone()
        };
        let style = if selected {
            app.theme.selected
        } else {
            app.theme.base
        };
        lines.extend(hanging(marker, &text, width, style));
    }
    if notes.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(
                "No notes yet. a types one for group {} (↑↓ in the input changes the group).",
                s.open.group.max(1)
            ),
            app.theme.dim,
        )));
    }
    let title = format!(
        " Notes by group · {} · ? = follow up ",
        notes_label(notes.len())
    );
    let block = Block::bordered()
        .title(Span::styled(title, app.theme.accent))
        .border_style(app.theme.border);
    // Keep the selected note in view.
    let rows = usize::from(area.height.saturating_sub(2));
    let scroll = selected_row.saturating_sub(rows.saturating_sub(2)) as u16;
    scroll_pane::render(&app.theme, block, lines, scroll, frame, area);
}

/// "1 note" / "3 notes".
fn notes_label(n: usize) -> String {
    format!("{n} note{}", if n == 1 { "" } else { "s" })
}

/// The scribe's input: where the next note goes, and the text being typed.
fn entry_box(app: &App, s: &RoundsScreen, frame: &mut Frame, area: Rect) {
    let Some(entry) = &s.entry else {
        return;
    };
    let st = s.state();
    let title = format!(
        " New note → {} {} · {} ",
        capitalised(&st.item_word),
        entry.item + 1,
        group_label(&s.open.session, entry.group)
    );
    let keys = " Enter save · ↑↓ group · ?text = follow up · Esc close ";
    let block = entry_block(app, &title, entry.saved, keys, area.width);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    draw_wrapped_input(frame, inner, &entry.input);
}
