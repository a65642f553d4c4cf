//! A prompt: the panel's filter on the panel's last line, a rename in a small window.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use crate::tui::app::App;
use crate::tui::prompt::{Prompt, Purpose};

pub fn render(app: &App, prompt: &Prompt, screen: Rect, panel: Option<Rect>, buf: &mut Buffer) {
    let theme = &app.theme;
    let mut input = prompt.input.clone();
    input.set_style(theme.style("popup"));
    input.set_cursor_line_style(theme.style("popup"));
    input.set_cursor_style(theme.style("popup.chosen"));
    match &prompt.purpose {
        Purpose::Filter | Purpose::ListFilter => {
            // The filter types into the panel's bottom line, inside its border.
            let Some(panel) = panel.filter(|p| p.height > 2 && p.width > 4) else {
                return;
            };
            let line = Rect {
                x: panel.x + 1,
                y: panel.y + panel.height - 2,
                width: panel.width - 2,
                height: 1,
            };
            buf.set_span(
                line.x,
                line.y,
                &Span::styled("/", theme.style("popup.key")),
                1,
            );
            input.render(
                Rect {
                    x: line.x + 1,
                    width: line.width - 1,
                    ..line
                },
                buf,
            );
        }
        Purpose::Rename { .. } | Purpose::ExportPath(_) => {
            let title = match &prompt.purpose {
                Purpose::Rename { entity } => {
                    let name = app
                        .doc
                        .entities
                        .by_id(entity)
                        .map_or(entity.as_str(), |e| e.name.as_str());
                    format!(" rename \u{201c}{name}\u{201d} ")
                }
                Purpose::ExportPath(format) => format!(" write {} to file ", format.name()),
                Purpose::Filter | Purpose::ListFilter => unreachable!("drawn above"),
            };
            let width = (screen.width * 3 / 5).max(24.min(screen.width));
            let area = Rect {
                x: screen.x + (screen.width - width) / 2,
                y: screen.y + screen.height.saturating_sub(3) / 2,
                width,
                height: 3.min(screen.height),
            };
            let inner = super::popup_frame(app, &title, area, buf);
            input.render(inner, buf);
        }
    }
}
