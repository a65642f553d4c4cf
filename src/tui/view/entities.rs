//! The entity panel: people, organisations, places and others, each with its mention count.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::{App, Focus};
use crate::tui::panel::PanelRow;
use crate::tui::printable::printable;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let focused = app.focus == Focus::Entities && app.overlay.is_none();
    let border = theme.style(if focused { "border.focused" } else { "border" });
    let title = Span::styled(" entities ", theme.style("title"));
    let inner = super::border::bordered(buf, area, border, title.into());
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let entities = &app.doc.entities;
    if entities.is_empty() {
        let finding = app.unanalysed
            || app
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
    // Rows: a heading per kind, then its entities (already in that order); only those on
    // screen are drawn.
    let layout = app.panel_rows();
    let draw = |at: usize| -> Line {
        let index = match layout[at] {
            PanelRow::Heading(kind) => {
                return Line::styled(kind.plural(), theme.style("panel.heading"));
            }
            PanelRow::Entity(index) => index,
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
    let height = app.panel_height(inner.height);
    if app.panel_filtering() {
        let line = Line::from(vec![
            Span::styled("/", theme.style("popup.key")),
            Span::styled(
                printable(&app.entity_filter).into_owned(),
                theme.style("panel.count"),
            ),
        ]);
        super::set_line(buf, inner.x, inner.y + inner.height - 1, &line, inner.width);
        if layout.is_empty() {
            let line = Line::styled(" no match", theme.style("panel.count"));
            super::set_line(buf, inner.x, inner.y, &line, inner.width);
        }
    }
    let offset = App::panel_offset(&layout, app.entity, height);
    for (y, at) in (inner.y..).zip((offset..layout.len()).take(height)) {
        super::set_line(buf, inner.x, y, &draw(at), inner.width);
    }
}
