//! The link picker overlay.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::app::App;
use crate::tui::picker::{Picker, Purpose};
use crate::tui::printable::printable;

pub fn render(app: &App, picker: &Picker, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let title = match &picker.purpose {
        Purpose::Link { claim } => format!(" link claim {claim} to… "),
        Purpose::Verdict { claim } => format!(" verdict on claim {claim} "),
        Purpose::Export => " export to… ".to_string(),
        Purpose::Merge { entity } => {
            let name = app
                .doc
                .entities
                .by_id(entity)
                .map_or(entity.as_str(), |e| e.name.as_str());
            format!(" merge \u{201c}{name}\u{201d} into… ")
        }
    };
    let inner = super::popup_frame(app, &title, area, buf);
    if inner.height < 2 {
        return;
    }
    let filter = Line::from(vec![
        Span::styled(" filter: ", theme.style("popup.key")),
        Span::styled(
            format!("{}▏", printable(&picker.filter)),
            theme.style("popup"),
        ),
    ]);
    super::set_line(buf, inner.x, inner.y, &filter, inner.width);

    let visible = picker.visible();
    let height = (inner.height - 1) as usize;
    if visible.is_empty() {
        let line = Line::styled("  nothing matches", theme.style("popup"));
        super::set_line(buf, inner.x, inner.y + 1, &line, inner.width);
        return;
    }
    let offset = (picker.chosen + 1).saturating_sub(height);
    for (row, choice) in visible.iter().enumerate().skip(offset).take(height) {
        let y = inner.y + 1 + (row - offset) as u16;
        let mark = if choice.linked { "✓ " } else { "  " };
        let text = super::fit(&format!("{mark}{}", choice.label), inner.width as usize);
        let mut style = theme.style("popup");
        if row == picker.chosen {
            style = style.patch(theme.style("popup.chosen"));
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                style,
            );
        }
        super::set_line(buf, inner.x, y, &Line::styled(text, style), inner.width);
    }
}
