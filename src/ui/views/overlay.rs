//! Overlays: help, confirmations, one-line text prompts, moving a note, the export menu.

use super::super::app::{App, MoveRow, Overlay, SaveState, TextPurpose};
use super::super::input_view::visible_slice as input_slice;
use super::super::keymap::{Context, help_lines};
use super::centered;
use super::content::truncate;
use crate::ui::export_menu::export_choices;
use crate::workshop::duration::Clock;
use crate::workshop::{Face, RunState};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use time::OffsetDateTime;

/// Widest an overlay gets.
const MAX_WIDTH: u16 = 76;
/// Columns of a help row before its description: the key, right-aligned in 10, and two blanks.
const HELP_KEY_WIDTH: usize = 12;
/// Rows around the help's lines: the hint bar and the box's two borders.
const HELP_CHROME: u16 = 3;

/// Draws an overlay over the body.
pub fn render(app: &App, overlay: &Overlay, frame: &mut Frame, body: Rect, now: OffsetDateTime) {
    let (title, lines, height) = match overlay {
        Overlay::Help(ctx) => {
            help(app, *ctx, frame, body);
            return;
        }
        Overlay::Jump { selected } => {
            jump_picker(app, *selected, frame, body);
            return;
        }
        Overlay::Room => {
            room(app, frame, body);
            return;
        }
        Overlay::Queue { selected } => {
            super::queue::render(app, *selected, frame, body);
            return;
        }
        Overlay::ConfirmQuit { .. } => (
            " Quit? ".to_string(),
            vec![
                Line::from(format!("The timer is running. {}.", app.save.words())),
                Line::from("The timer carries on from its deadline when you reopen."),
                Line::from(Span::styled(
                    "Quit now?  y or Ctrl-c yes · n no",
                    app.theme.accent,
                )),
            ],
            5,
        ),
        Overlay::ConfirmLeave => {
            let running = app
                .open_session()
                .is_some_and(|w| w.session.timer.state() == RunState::Running);
            let timer = if running {
                "The timer keeps running from its deadline while you are away.".to_string()
            } else {
                format!(
                    "{}; reopen it to carry on where you left off.",
                    app.save.words()
                )
            };
            (
                " Leave this workshop? ".to_string(),
                vec![
                    Line::from("The session list will take this screen's place."),
                    Line::from(timer),
                    Line::from(Span::styled(
                        "Leave this workshop?  y yes · n no",
                        app.theme.accent,
                    )),
                ],
                5,
            )
        }
        Overlay::Unsaved { .. } => {
            let trouble = match &app.save {
                SaveState::Failed(e) => e.trouble().label(),
                _ => "saving",
            };
            (
                " Quit without saving? ".to_string(),
                vec![
                    Line::from(format!(
                        "Saving is failing ({trouble}): {} not on disk.",
                        crate::words::count(app.unsaved.max(1), "change is", "changes are")
                    )),
                    Line::from("The session file still holds the version before them."),
                    Line::from(Span::styled(
                        "r save again · e export elsewhere · y quit anyway · n back",
                        app.theme.accent,
                    )),
                ],
                5,
            )
        }
        Overlay::ConfirmStep { forward } => {
            let left = app
                .open_session()
                .map(|w| w.session.timer.reading(now))
                .map_or_else(String::new, |r| match r.face {
                    Face::Remaining(secs) => format!(" with {} left", Clock(secs)),
                    _ => String::new(),
                });
            let to = if *forward { "next" } else { "previous" };
            (
                " Leave this step? ".to_string(),
                vec![
                    Line::from(format!("The timer is running{left}.")),
                    Line::from(format!(
                        "The {to} step starts with its own timer; this one's time is not kept."
                    )),
                    Line::from(Span::styled(
                        format!("Go to the {to} step?  y yes · n no"),
                        app.theme.accent,
                    )),
                ],
                5,
            )
        }
        Overlay::ConfirmDelete { name, .. } => (
            " Delete session? ".to_string(),
            vec![
                Line::from(format!("Move {name:?} to the trash?")),
                Line::from("It can be brought back (u on this screen, or cpm-workshop restore)."),
                Line::from(Span::styled("y yes · n no", app.theme.accent)),
            ],
            5,
        ),
        Overlay::ConfirmDropDeleted { count } => (
            " Drop deleted notes? ".to_string(),
            vec![
                Line::from(format!(
                    "Drop this session's {} for good?",
                    crate::words::count(*count, "deleted note", "deleted notes")
                )),
                Line::from("They leave the session file, its backup and the JSON export,"),
                Line::from("and u cannot bring them back."),
                Line::from(Span::styled("y drop them · n keep them", app.theme.accent)),
            ],
            6,
        ),
        Overlay::ConfirmPaste(lines_in) => {
            let mut lines = vec![Line::from(format!(
                "The paste has {} lines. Add one note per line?",
                lines_in.len()
            ))];
            for l in lines_in.iter().take(5) {
                lines.push(Line::from(Span::styled(
                    format!(
                        "  • {}",
                        truncate(&crate::workshop::text::sanitize_line(l), 60)
                    ),
                    app.theme.dim,
                )));
            }
            if lines_in.len() > 5 {
                lines.push(Line::from(format!("  … and {} more", lines_in.len() - 5)));
            }
            lines.push(Line::from(Span::styled(
                "y add them · n discard",
                app.theme.accent,
            )));
            let h = lines.len() as u16 + 2;
            (" Paste ".to_string(), lines, h)
        }
        Overlay::FillPaste { category, problem } => {
            let clean = crate::workshop::text::sanitize_line;
            let mut lines = vec![
                Line::from(format!(
                    "Paste {}'s behaviors now, copied from your handout",
                    clean(category)
                )),
                Line::from("(numbered outline or text copied out of a PDF or Word file)."),
                Line::from("Use your terminal's paste: Ctrl-Shift-V, Cmd-V or right-click."),
            ];
            if let Some(problem) = problem {
                lines.push(Line::default());
                lines.push(Line::from(Span::styled(
                    truncate(&clean(problem), 70),
                    app.theme.error,
                )));
            }
            lines.push(Line::from(Span::styled("Esc cancels", app.theme.accent)));
            let h = lines.len() as u16 + 2;
            (" Paste a category's behaviors ".to_string(), lines, h)
        }
        Overlay::ConfirmFill(preview) => {
            let clean = crate::workshop::text::sanitize_line;
            let room = body.height.saturating_sub(6).max(3) as usize;
            let mut lines: Vec<Line> = preview
                .report
                .iter()
                .take(room)
                .map(|l| Line::from(truncate(&clean(l), 72)))
                .collect();
            if preview.report.len() > room {
                lines.push(Line::from(format!(
                    "  … and {} more lines",
                    preview.report.len() - room
                )));
            }
            lines.push(Line::from(Span::styled(
                truncate(&clean(&preview.path.display().to_string()), 72),
                app.theme.dim,
            )));
            lines.push(Line::from(Span::styled(
                "y save and show them · n discard",
                app.theme.accent,
            )));
            let h = lines.len() as u16 + 2;
            (format!(" Fill {}? ", clean(&preview.category)), lines, h)
        }
        Overlay::Text { purpose, input } => {
            let title = match purpose {
                TextPurpose::EditNote(_) => " Edit note (Enter saves · Esc cancels) ",
                TextPurpose::Rename(_) => " Rename session (Enter saves · Esc cancels) ",
            };
            let width = MAX_WIDTH.min(body.width).saturating_sub(4) as usize;
            let scroll = input.visual_scroll(width);
            let area = centered(body, MAX_WIDTH, 3);
            frame.render_widget(Clear, area);
            frame.render_widget(
                Paragraph::new(input_slice(input.value(), scroll, width)).block(
                    Block::bordered()
                        .title(title)
                        .border_style(app.theme.accent),
                ),
                area,
            );
            let x = area.x + 1 + (input.visual_cursor().saturating_sub(scroll)) as u16;
            frame.set_cursor_position((x.min(area.right().saturating_sub(2)), area.y + 1));
            return;
        }
        Overlay::Move(t) => {
            let s = app.open_session().map(|w| &w.session);
            let group = s.map_or_else(
                || format!("Group {}", t.group),
                |s| crate::ui::views::group_label(s, t.group),
            );
            let cat = s
                .and_then(|s| s.categories.get(t.category))
                .cloned()
                .unwrap_or_default();
            let row = |which: MoveRow, label: &str, value: String| {
                let sel = which == t.row;
                Line::from(vec![
                    Span::styled(if sel { "▶ " } else { "  " }, app.theme.accent),
                    Span::raw(format!("{label:<10}")),
                    Span::styled(
                        format!("◀ {value} ▶"),
                        if sel {
                            app.theme.selected
                        } else {
                            app.theme.base
                        },
                    ),
                ])
            };
            let lines = vec![
                row(MoveRow::Group, "Group", group),
                row(
                    MoveRow::Category,
                    "Category",
                    if t.prompt == crate::workshop::Prompt::Commitment {
                        "(commitments have none)".into()
                    } else {
                        cat
                    },
                ),
                row(MoveRow::Prompt, "Prompt", t.prompt.label().to_string()),
                Line::from(Span::styled(
                    "↑↓ row · ←→ change · Enter move · Esc cancel",
                    app.theme.dim,
                )),
            ];
            (" Move note ".to_string(), lines, 6)
        }
        Overlay::Export { selected } => {
            let choices = app
                .open_session()
                .map(|w| export_choices(&w.session))
                .unwrap_or_default();
            let mut lines: Vec<Line> = choices
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let sel = i == *selected;
                    Line::from(vec![
                        Span::styled(if sel { "▶ " } else { "  " }, app.theme.accent),
                        Span::styled(
                            c.label.clone(),
                            if sel {
                                app.theme.selected
                            } else {
                                app.theme.base
                            },
                        ),
                    ])
                })
                .collect();
            lines.push(Line::from(Span::styled(
                "↑↓ choose · Enter write the file · Esc close",
                app.theme.dim,
            )));
            let h = lines.len() as u16 + 2;
            (" Export ".to_string(), lines, h)
        }
    };
    let area = centered(body, MAX_WIDTH, height);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .style(app.theme.base)
            .block(
                Block::bordered()
                    .title(Span::styled(title, app.theme.accent))
                    .border_style(app.theme.accent),
            ),
        area,
    );
}

/// The room panel: QR code (when it fits), link, code and phones connected.
fn room(app: &App, frame: &mut Frame, body: Rect) {
    use crate::ui::widgets::qr::Qr;
    let Some(panel) = &app.room else {
        return;
    };
    let qr = Qr::new(&panel.link);
    let lines = vec![
        Line::from(vec![
            Span::styled("Join: ", app.theme.dim),
            Span::styled(panel.link.clone(), app.theme.accent),
        ]),
        Line::from(vec![
            Span::styled("Code: ", app.theme.dim),
            Span::styled(panel.code.clone(), app.theme.accent),
        ]),
        Line::from(vec![
            Span::styled("On: ", app.theme.dim),
            Span::raw(panel.place.clone()),
        ]),
        match &panel.check {
            None => Line::from(Span::styled(
                "Self-test: checking that a request from this laptop gets through…",
                app.theme.dim,
            )),
            Some(Ok(line)) => Line::from(line.clone()),
            Some(Err(line)) => Line::from(Span::styled(line.clone(), app.theme.error)),
        },
        Line::from(match panel.phones {
            1 => "1 phone connected".to_string(),
            n => format!("{n} phones connected"),
        }),
        Line::from(Span::styled(
            if panel.full_qr {
                "The projector shows the QR code full screen (Q: the room's view again)"
            } else {
                "Q: the QR code full screen on the projector, for a large room"
            },
            app.theme.dim,
        )),
        Line::from(Span::styled(
            "W closes the room · a next address · Esc hides this (the room stays open; W shows it again)",
            app.theme.dim,
        )),
    ];
    let (qr_w, qr_h) = qr.as_ref().map_or((0, 0), Qr::size);
    let width = MAX_WIDTH.max(qr_w + 4).min(body.width);
    let lines = wrapped(lines, usize::from(width.saturating_sub(2)));
    let text_rows = lines.len() as u16;
    let fits = qr_h + text_rows + 3 <= body.height && qr_w + 4 <= body.width;
    let height = text_rows + 2 + if fits { qr_h + 1 } else { 0 };
    let area = centered(body, width, height);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(Span::styled(" Phones in the room ", app.theme.accent))
        .border_style(app.theme.accent);
    let inner = block.inner(area);
    frame.render_widget(block.style(app.theme.base), area);
    let mut text_area = inner;
    if let (true, Some(qr)) = (fits, &qr) {
        let x = inner.x + inner.width.saturating_sub(qr_w) / 2;
        frame.render_widget(qr, Rect::new(x, inner.y, qr_w, qr_h));
        text_area.y += qr_h + 1;
        text_area.height = text_area.height.saturating_sub(qr_h + 1);
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .style(app.theme.base),
        text_area,
    );
}

/// `lines` with each line wider than `width` wrapped into rows of its last span's style, so the
/// panel's height counts every row it draws.
fn wrapped(lines: Vec<Line<'static>>, width: usize) -> Vec<Line<'static>> {
    let mut rows = Vec::new();
    for line in lines {
        if line.width() <= width {
            rows.push(line);
            continue;
        }
        let style = line.spans.last().map(|s| s.style).unwrap_or_default();
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        rows.extend(
            crate::export::wrap::wrap(&text, width)
                .into_iter()
                .map(|l| Line::from(Span::styled(l, style))),
        );
    }
    rows
}

/// The keys of a screen, scrolled to `app.help_scroll` (never past the end), with a sign when
/// more lie above or below.
fn help(app: &App, ctx: Context, frame: &mut Frame, body: Rect) {
    let entries = help_lines(ctx);
    let area = centered(body, MAX_WIDTH, entries.len() as u16 + 2);
    let rows = usize::from(area.height.saturating_sub(2));
    let from = usize::from(app.help_scroll).min(entries.len().saturating_sub(rows));
    // A description longer than the box ends in "…" rather than stopping mid-word at the border.
    let what_width = usize::from(area.width.saturating_sub(2)).saturating_sub(HELP_KEY_WIDTH);
    let lines: Vec<Line> = entries
        .iter()
        .skip(from)
        .take(rows)
        .map(|(key, what)| {
            Line::from(vec![
                Span::styled(format!("{key:>10}  "), app.theme.accent),
                Span::raw(truncate(what, what_width)),
            ])
        })
        .collect();
    let more = match (from > 0, from + rows < entries.len()) {
        (true, true) => " ↑↓ more ",
        (false, true) => " ↓ more ",
        (true, false) => " ↑ more ",
        (false, false) => "",
    };
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).style(app.theme.base).block(
            Block::bordered()
                .title(Span::styled(" Keys (? or Esc closes) ", app.theme.accent))
                .title_bottom(Line::from(Span::styled(more, app.theme.accent)).right_aligned())
                .border_style(app.theme.accent),
        ),
        area,
    );
}

/// Rows of help a window of `height` rows shows: less the hint bar, the status line if there
/// is one, and the box's borders.
pub fn help_rows(height: u16, has_status: bool) -> usize {
    usize::from(height.saturating_sub(HELP_CHROME + u16::from(has_status)))
}

/// The jump picker over the open session, its keys' words from the keymap.
fn jump_picker(app: &App, selected: usize, frame: &mut Frame, body: Rect) {
    let Some(w) = app.open_session() else {
        return;
    };
    let list = super::jump::targets(&w.session, &app.library.sticky, &app.library.snapshot);
    let current = match w.session.activity {
        crate::workshop::Activity::Sticky => w.session.position,
        crate::workshop::Activity::Snapshot => w.session.snapshot.as_ref().map_or(0, |s| {
            crate::workshop::snapshot_pages::current(s, &app.library.snapshot).0
        }),
        crate::workshop::Activity::Discussion | crate::workshop::Activity::Values => {
            w.session.rounds.as_ref().map_or(0, |r| r.page)
        }
    };
    let hint = crate::ui::keymap::hints_for(Context::Jump)
        .into_iter()
        .map(|(key, word)| format!("{key} {word}"))
        .collect::<Vec<_>>()
        .join(" · ");
    super::jump::render(&list, selected, current, &hint, &app.theme, frame, body);
}
