//! The orphan list: annotations no longer found in the text, with what the editor wrote
//! on them, and where `enter` would attach the chosen one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::annotation::Kind;
use crate::tui::app::App;
use crate::tui::edit::one_line;
use crate::tui::orphans::OrphanList;

pub fn render(app: &App, list: &OrphanList, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let count = app.doc.annotations.orphans().count();
    let title = format!(" orphans: {count} not found in the text ");
    let inner = super::popup_frame(app, &title, area, buf);
    if inner.height < 2 {
        return;
    }
    let width = inner.width as usize;
    let target = app.target_range().map_or_else(
        || "nothing selected".to_string(),
        |r| {
            format!(
                "\u{201c}{}\u{201d}",
                one_line(&app.doc.article.text()[r], 200)
            )
        },
    );
    let header = Line::from(vec![
        Span::styled(" enter", theme.style("popup.key")),
        Span::styled(
            super::fit(
                &format!(" attaches the chosen one to {target}"),
                width.saturating_sub(6),
            ),
            theme.style("popup"),
        ),
    ]);
    super::set_line(buf, inner.x, inner.y, &header, inner.width);

    // Every orphan's rows, each row tagged with the orphan it belongs to.
    let mut rows: Vec<(usize, String)> = Vec::new();
    for (index, a) in app.doc.annotations.orphans().enumerate() {
        let mark = if index == list.chosen { "▸" } else { " " };
        let about = match a.kind {
            Kind::Claim => format!("verdict: {}", a.verdict.as_deref().unwrap_or("none")),
            Kind::Source => a.source_kind.map_or("source", |k| k.label()).to_string(),
        };
        rows.push((index, format!("{mark} {} {} · {about}", a.id, a.kind)));
        rows.push((
            index,
            format!("    \u{201c}{}\u{201d}", one_line(&a.anchor.quote, 400)),
        ));
        if let Some(note) = &a.note {
            rows.push((index, format!("    ✎ {}", one_line(note, 400))));
        }
    }
    let height = (inner.height - 1) as usize;
    let last = rows
        .iter()
        .rposition(|(i, _)| *i == list.chosen)
        .unwrap_or(0);
    let offset = (last + 1).saturating_sub(height);
    for (row, (index, text)) in rows.iter().enumerate().skip(offset).take(height) {
        let y = inner.y + 1 + (row - offset) as u16;
        let mut style = theme.style("popup");
        if *index == list.chosen {
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
        super::set_line(
            buf,
            inner.x,
            y,
            &Line::styled(super::fit(text, width), style),
            inner.width,
        );
    }
}
