//! The entity panel: people, organisations, places and others, each with its mention count.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};
use unicode_width::UnicodeWidthStr;

use crate::entity::EntityKind;
use crate::tui::app::{App, Focus};
use crate::tui::printable::printable;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let focused = app.focus == Focus::Entities && app.overlay.is_none();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.style(if focused { "border.focused" } else { "border" }))
        .title(Span::styled(" entities ", theme.style("title")));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let entities = &app.doc.entities;
    if entities.is_empty() {
        let finding = app
            .loading
            .as_ref()
            .is_some_and(|l| l.step < crate::tui::loading::Step::Suggestions);
        let text = if finding {
            " finding them…"
        } else {
            " none found"
        };
        super::set_line(
            buf,
            inner.x,
            inner.y,
            &Line::styled(text, theme.style("panel.count")),
            inner.width,
        );
        return;
    }
    let count_width = entities
        .iter()
        .map(|e| e.mentions.len().to_string().len())
        .max()
        .unwrap_or(1);
    // Rows: a heading per kind, then its entities (already in that order). Only those
    // on screen are drawn, so first only where each goes is worked out.
    enum RowOf {
        Heading(EntityKind),
        Entity(usize),
    }
    let mut rows: Vec<RowOf> = Vec::new();
    let mut chosen_row = 0;
    let mut kind: Option<EntityKind> = None;
    for index in app.visible_entities() {
        let entity = entities.get(index).expect("a visible entity exists");
        if kind != Some(entity.kind) {
            kind = Some(entity.kind);
            rows.push(RowOf::Heading(entity.kind));
        }
        if index == app.entity {
            chosen_row = rows.len();
        }
        rows.push(RowOf::Entity(index));
    }
    let draw = |row: &RowOf| -> Line {
        let index = match *row {
            RowOf::Heading(kind) => {
                return Line::styled(kind.plural(), theme.style("panel.heading"));
            }
            RowOf::Entity(index) => index,
        };
        let entity = entities.get(index).expect("a visible entity exists");
        let count = format!(" {:>count_width$} ", entity.mentions.len());
        let room = (inner.width as usize).saturating_sub(count.width());
        let name = super::fit(&entity.name, room);
        let padding = " ".repeat(room.saturating_sub(name.width()));
        let line = Line::from(vec![
            Span::styled(count, theme.style("panel.count")),
            Span::styled(name, theme.style(&format!("entity.{}", entity.kind))),
            Span::raw(padding),
        ]);
        if index == app.entity && focused {
            line.patch_style(theme.style("panel.chosen"))
        } else {
            line
        }
    };
    // A filter takes the last line, where it is typed.
    let filtering =
        !app.entity_filter.is_empty() || app.context() == crate::tui::keymap::Context::Prompt;
    let height = inner.height as usize - usize::from(filtering && inner.height > 1);
    if filtering {
        let line = Line::from(vec![
            Span::styled("/", theme.style("popup.key")),
            Span::styled(
                printable(&app.entity_filter).into_owned(),
                theme.style("panel.count"),
            ),
        ]);
        super::set_line(buf, inner.x, inner.y + inner.height - 1, &line, inner.width);
        if rows.is_empty() {
            let line = Line::styled(" no match", theme.style("panel.count"));
            super::set_line(buf, inner.x, inner.y, &line, inner.width);
        }
    }
    let offset = (chosen_row + 1).saturating_sub(height);
    for (y, row) in (inner.y..).zip(rows.iter().skip(offset).take(height)) {
        super::set_line(buf, inner.x, y, &draw(row), inner.width);
    }
}
