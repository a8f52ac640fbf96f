//! The set-up form, with a preview of the chosen deck's categories.

use super::super::app::App;
use super::super::setup::{Field, SetupForm};
use super::content::truncate;
use crate::content::Deck;
use crate::workshop::duration::Clock;
use crate::workshop::session::GROUPS_RANGE;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Width of the field labels.
const LABEL_WIDTH: usize = 13;
/// Share of the width the form takes; the deck preview gets the rest.
const FORM_PERCENT: u16 = 58;

/// Draws the form.
pub fn render(app: &App, form: &SetupForm, frame: &mut Frame, area: Rect) {
    let [left, right] = Layout::horizontal([
        Constraint::Percentage(FORM_PERCENT),
        Constraint::Percentage(100 - FORM_PERCENT),
    ])
    .areas(area);
    let block = Block::bordered()
        .title(Span::styled(" New workshop: set-up ", app.theme.accent))
        .title_bottom(" ↑↓ field · ←→ choose · Enter start · Esc back ")
        .border_style(app.theme.border);
    let inner = block.inner(left);
    frame.render_widget(block, left);
    let value_w = (inner.width as usize).saturating_sub(LABEL_WIDTH + 3);
    let mut lines = Vec::new();
    let mut cursor = None;
    for field in form.visible_fields(&app.library) {
        let focused = field == form.focus;
        let value = match field {
            Field::Deck => app
                .library
                .decks()
                .get(form.deck)
                .map_or("(none)".to_string(), |d| format!("◀ {} ▶", d.title)),
            Field::Mode => format!("◀ {} ▶", form.mode.label()),
            Field::Role => format!("◀ {} ▶", form.role.map_or("all roles", |r| r.label())),
            Field::Activity => format!("◀ {} ▶", form.activity.label()),
            Field::Groups => format!(
                "{}  ({}–{}, ←→)",
                form.groups.value(),
                GROUPS_RANGE.start(),
                GROUPS_RANGE.end()
            ),
            _ => form
                .input(field)
                .map(|i| i.value().to_string())
                .unwrap_or_default(),
        };
        let marker = if focused { "▶" } else { " " };
        let label_style = if focused {
            app.theme.accent
        } else {
            app.theme.base
        };
        if focused
            && field.is_text()
            && let Some(input) = form.input(field)
        {
            let x = inner.x + (LABEL_WIDTH + 3) as u16 + input.visual_cursor().min(value_w) as u16;
            cursor = Some((
                x.min(inner.right().saturating_sub(1)),
                inner.y + lines.len() as u16,
            ));
        }
        lines.push(Line::from(vec![
            Span::styled(
                format!("{marker} {:<LABEL_WIDTH$} ", form.label(field)),
                label_style,
            ),
            Span::styled(
                truncate(&value, value_w),
                if focused {
                    app.theme.selected
                } else {
                    app.theme.base
                },
            ),
        ]));
        if let Some(err) = form.error(field) {
            lines.push(Line::from(Span::styled(
                truncate(&format!("  ✗ {err}"), inner.width as usize),
                app.theme.error,
            )));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        if form.activity == crate::workshop::Activity::Snapshot {
            "Snapshot warm-up: votes, notes, dots and priorities per dimension."
        } else if form.activity == crate::workshop::Activity::Discussion {
            "| between questions; leading ? = follow up"
        } else {
            "Durations: 90s, 2m or 1:30. Group names: comma-separated, optional."
        },
        app.theme.dim,
    )));
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some(pos) = cursor
        && pos.1 < inner.bottom()
    {
        frame.set_cursor_position(pos);
    }

    let mut preview = Vec::new();
    let rounds = match form.activity {
        crate::workshop::Activity::Discussion => Some(&app.library.discussion),
        crate::workshop::Activity::Values => Some(&app.library.values),
        _ => None,
    };
    if let Some(script) = rounds {
        rounds_preview(app, form, script, &mut preview);
    } else if form.activity == crate::workshop::Activity::Snapshot {
        let a = &app.library.snapshot;
        preview.push(Line::from(Span::styled(a.title.clone(), app.theme.title)));
        preview.push(Line::from(Span::styled(
            format!("Source: {}", a.source),
            app.theme.dim,
        )));
        preview.push(Line::default());
        for (i, d) in a.dimensions.iter().enumerate() {
            preview.push(Line::from(format!("{}. {}", i + 1, d.name)));
        }
        preview.push(Line::default());
        preview.push(Line::from(format!("Scale: {}", a.scale.join(" · "))));
    } else if let Some(deck) = app.library.decks().get(form.deck) {
        preview.push(Line::from(Span::styled(
            deck.title.clone(),
            app.theme.title,
        )));
        // What the trainer must act on comes first; the long source line last.
        deck_advice(app, form, deck, &mut preview);
        preview.push(Line::default());
        for (i, c) in deck.categories.iter().enumerate() {
            preview.push(Line::from(format!(
                "{}. {} ({} behaviors)",
                i + 1,
                c.name,
                c.behaviors.len()
            )));
        }
        preview.push(Line::default());
        preview.push(Line::from(Span::styled(
            format!("Source: {}", deck.source),
            app.theme.dim,
        )));
    }
    frame.render_widget(
        Paragraph::new(preview).wrap(Wrap { trim: true }).block(
            Block::bordered()
                .title(match form.activity {
                    crate::workshop::Activity::Snapshot => " Snapshot preview ",
                    crate::workshop::Activity::Sticky => " Deck preview ",
                    _ => " Preview ",
                })
                .border_style(app.theme.border),
        ),
        right,
    );
}

/// The preview of a rounds activity: its items as they stand, the steps each goes through, and
/// the source.
fn rounds_preview(
    app: &App,
    form: &SetupForm,
    script: &crate::content::RoundsActivity,
    preview: &mut Vec<Line<'static>>,
) {
    preview.push(Line::from(Span::styled(
        script.title.clone(),
        app.theme.title,
    )));
    preview.push(Line::default());
    let items = match form.activity {
        crate::workshop::Activity::Discussion => {
            super::super::setup::typed_questions(form.questions.value())
        }
        _ => script.item_texts(),
    };
    for (i, item) in items.iter().enumerate() {
        preview.push(Line::from(format!("{}. {item}", i + 1)));
    }
    preview.push(Line::default());
    let steps: Vec<&str> = script.steps.iter().map(|s| s.label.as_str()).collect();
    preview.push(Line::from(format!("Each: {}", steps.join(" → "))));
    if !script.marks.is_empty() {
        preview.push(Line::from(format!("Marks: {}", script.marks.join(" · "))));
    }
    preview.push(Line::default());
    preview.push(Line::from(Span::styled(
        format!("Source: {}", script.source),
        app.theme.dim,
    )));
}

/// Under the deck preview: cards with nothing to read, the planned time beside the document's
/// guidance, and how to run it in pairs.
fn deck_advice(app: &App, form: &SetupForm, deck: &Deck, preview: &mut Vec<Line<'static>>) {
    let empty = deck.categories_without_behaviors();
    if !empty.is_empty() {
        preview.push(Line::from(Span::styled(
            format!(
                "⚠ No behaviors to read on {} of {} cards: {}. Those rounds show only the card's text. To fill one, press f on its Read step and paste its behaviors from your handout.",
                empty.len(),
                deck.categories.len(),
                empty.join(", ")
            ),
            app.theme.error,
        )));
    }
    let sticky = &app.library.sticky;
    if let Some((per, whole)) = form.planned_seconds(&app.library) {
        preview.push(Line::from(format!(
            "Planned: {} a category; {} for all {}, with the commitment.",
            Clock(u64::from(per)),
            Clock(u64::from(whole)),
            deck.categories.len()
        )));
    }
    if let Some(guidance) = &sticky.timing_guidance {
        preview.push(Line::from(Span::styled(
            format!("Guidance: {guidance} For pairs, make each pair a group."),
            app.theme.dim,
        )));
    }
}
