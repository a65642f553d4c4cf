//! The help overlay, generated from the live keymap so it cannot drift from the keys.
//! On a wide screen the sections flow into two columns.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::App;

/// Below this inner width the help is one column.
const TWO_COLUMNS: u16 = 110;

pub fn render(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let inner = super::popup_frame(app, " keys — esc to close ", area, buf);
    let key_width = app
        .keymap
        .sections()
        .flat_map(|(_, bindings)| bindings)
        .map(|b| b.key_names.join(" ").width().max(1))
        .max()
        .unwrap_or(0);
    let sections: Vec<Vec<Line>> = app
        .keymap
        .sections()
        .map(|(context, bindings)| {
            let mut lines = vec![Line::styled(context.title(), theme.style("popup.heading"))];
            for binding in bindings {
                let keys = match binding.key_names.join(" ") {
                    keys if keys.is_empty() => "—".to_string(),
                    keys => keys,
                };
                let padding = " ".repeat(key_width - keys.width() + 2);
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(keys, theme.style("popup.key")),
                    Span::raw(padding),
                    Span::styled(binding.description.clone(), theme.style("popup")),
                ]));
            }
            lines.push(Line::raw(""));
            lines
        })
        .collect();

    let columns = if inner.width >= TWO_COLUMNS { 2 } else { 1 };
    let total: usize = sections.iter().map(Vec::len).sum();
    let mut column_lines: Vec<Vec<Line>> = vec![Vec::new(); columns];
    let mut column = 0;
    for section in sections {
        // Start the second column once the first holds about half.
        if column + 1 < columns && column_lines[column].len() + section.len() / 2 > total / 2 {
            column += 1;
        }
        column_lines[column].extend(section);
    }
    let width = inner.width / columns as u16;
    let longest = column_lines.iter().map(Vec::len).max().unwrap_or(0);
    let scroll = (scroll as usize).min(longest.saturating_sub(inner.height as usize));
    for (i, lines) in column_lines.iter().enumerate() {
        let x = inner.x + 1 + width * i as u16;
        for (y, line) in (inner.y..).zip(lines.iter().skip(scroll).take(inner.height as usize)) {
            super::set_line(buf, x, y, line, width.saturating_sub(1));
        }
    }
}
