//! The help overlay, generated from the live keymap so it cannot drift from the keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::App;

pub fn render(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let inner = super::popup_frame(app, " keys — esc to close ", area, buf);

    let key_width = app
        .keymap
        .sections()
        .flat_map(|(_, bindings)| bindings)
        .map(|b| b.key_names.join(" ").width())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = Vec::new();
    for (context, bindings) in app.keymap.sections() {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(context.title(), theme.style("popup.heading")));
        for binding in bindings {
            let keys = binding.key_names.join(" ");
            let padding = " ".repeat(key_width - keys.width() + 2);
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(keys, theme.style("popup.key")),
                Span::raw(padding),
                Span::styled(binding.description.clone(), theme.style("popup")),
            ]));
        }
    }
    let scroll = (scroll as usize).min(lines.len().saturating_sub(inner.height as usize));
    for (y, line) in (inner.y..).zip(lines.iter().skip(scroll).take(inner.height as usize)) {
        buf.set_line(inner.x + 1, y, line, inner.width.saturating_sub(1));
    }
}
