//! The annotation list: a sourcing summary, then each claim with its verdict, its words,
//! its sources and its note; then sources no claim cites, and what is not in the text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::anchor::Placement;
use crate::annotation::{Annotation, Kind};
use crate::tui::app::{App, Focus};
use crate::tui::edit::one_line;
use crate::tui::list::Summary;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let focused = app.focus == Focus::Annotations && app.overlay.is_none();
    let border = theme.style(if focused { "border.focused" } else { "border" });
    let title = Span::styled(
        format!(" annotations · {} ", app.list.kind.label()),
        theme.style("title"),
    );
    let inner = super::border::bordered(buf, area, border, title.into());
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let width = inner.width as usize;
    let summary = app.summary();
    let mut header = vec![
        Line::styled(
            super::fit(
                &format!(
                    "{} claim{} · {} without a source",
                    summary.claims,
                    if summary.claims == 1 { "" } else { "s" },
                    summary.unsourced
                ),
                width,
            ),
            theme.style("panel.heading"),
        ),
        Line::styled(
            super::fit(&sources_line(&summary), width),
            theme.style("panel.count"),
        ),
    ];
    if !app.list.filter.is_empty() {
        header.push(Line::styled(
            super::fit(&format!("/{}", app.list.filter), width),
            theme.style("panel.count"),
        ));
    }
    let listed = app.listed();
    let chosen = app.list.chosen.min(listed.len().saturating_sub(1));
    // Each item's lines, and where the chosen one starts.
    let mut rows: Vec<Line> = Vec::new();
    let mut chosen_rows = 0..0;
    for (index, annotation) in listed.iter().enumerate() {
        let start = rows.len();
        item(app, annotation, width, &mut rows);
        if index == chosen {
            chosen_rows = start..rows.len();
            if focused {
                rows[start] = rows[start].clone().patch_style(theme.style("panel.chosen"));
            }
        }
    }
    if listed.is_empty() {
        rows.push(Line::styled(
            if app.doc.annotations.is_empty() {
                " nothing tagged yet"
            } else {
                " nothing matches"
            },
            theme.style("panel.count"),
        ));
    }
    let header_height = (header.len() + 1).min(inner.height as usize);
    for (y, line) in (inner.y..).zip(header.iter().take(header_height)) {
        super::set_line(buf, inner.x, y, line, inner.width);
    }
    let height = inner.height as usize - header_height;
    let offset = chosen_rows.end.saturating_sub(height);
    let top = inner.y + header_height as u16;
    for (y, line) in (top..).zip(rows.iter().skip(offset).take(height)) {
        super::set_line(buf, inner.x, y, line, inner.width);
    }
}

/// An annotation's lines in the list.
fn item(app: &App, a: &Annotation, width: usize, rows: &mut Vec<Line<'static>>) {
    let theme = &app.theme;
    let mut head = vec![Span::styled(
        format!("{} ", a.id),
        theme.style(a.kind.as_str()),
    )];
    match a.kind {
        Kind::Claim => {
            let verdict = a.verdict.as_deref().unwrap_or("no verdict");
            head.push(Span::styled(
                format!("▸ {verdict}"),
                theme.style("panel.heading"),
            ));
        }
        Kind::Source => {
            let kind = a.source_kind.map_or("source", |k| k.label());
            head.push(Span::styled(
                super::fit(
                    &format!("{} · {kind}", app.source_name(a)),
                    width.saturating_sub(a.id.len() + 1),
                ),
                theme.style("panel.count"),
            ));
        }
    }
    if a.placement == Placement::Orphaned {
        head.push(Span::styled(
            " (not in the text)",
            theme.style("status.error"),
        ));
    }
    rows.push(Line::from(head));
    if a.kind == Kind::Claim || a.description.is_none() {
        let words = format!(" \u{201c}{}\u{201d}", one_line(&a.anchor.quote, 200));
        rows.push(Line::styled(super::fit(&words, width), theme.style("text")));
    }
    for source in a
        .sources
        .iter()
        .filter_map(|id| app.doc.annotations.get(id))
    {
        let kind = source
            .source_kind
            .map_or(String::new(), |k| format!(" ({})", k.label()));
        let line = format!("  ← {} {}{kind}", source.id, app.source_name(source));
        rows.push(Line::styled(
            super::fit(&line, width),
            theme.style("source"),
        ));
    }
    if let Some(note) = &a.note {
        let line = format!("  ✎ {}", one_line(note, 200));
        rows.push(Line::styled(
            super::fit(&line, width),
            theme.style("panel.count"),
        ));
    }
}

/// "sources: 3 named · 1 anonymous", with documents and others when there are any.
fn sources_line(summary: &Summary) -> String {
    let mut line = format!(
        "sources: {} named · {} anonymous",
        summary.named, summary.anonymous
    );
    for (count, what) in [(summary.documents, "document"), (summary.other, "other")] {
        if count > 0 {
            line.push_str(&format!(" · {count} {what}"));
        }
    }
    line
}
