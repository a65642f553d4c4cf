//! The status bar: file, counts, save state, a message, and the keys that matter now.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::annotation::Kind;
use crate::tui::app::{App, SaveState};
use crate::tui::keymap::Context;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    buf.set_style(area, theme.style("status"));
    let file = app
        .doc
        .article
        .path()
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let claims = app.doc.annotations.count(Kind::Claim);
    let sources = app.doc.annotations.count(Kind::Source);
    let mut left = vec![Span::styled(
        format!(" {file} · {} · {} · ", plural(claims, "claim"), plural(sources, "source")),
        theme.style("status"),
    )];
    match &app.save_state {
        SaveState::Saved => left.push(Span::styled("saved", theme.style("status.saved"))),
        SaveState::Failed(error) => left.push(Span::styled(format!("NOT SAVED: {error}"), theme.style("status.error"))),
    }
    let orphans = app.doc.annotations.orphans().count();
    if orphans > 0 {
        left.push(Span::styled(format!(" · {orphans} orphaned"), theme.style("status.error")));
    }
    if let Some(message) = &app.message {
        left.push(Span::styled(format!(" · {message}"), theme.style("status")));
    }
    let left = Line::from(left);
    let used = left.width();
    buf.set_line(area.x, area.y, &left, area.width);

    // The hints go on the right when they fit beside what is on the left.
    let hints = hints(app);
    let hints_width = hints.width();
    if used + hints_width + 2 <= area.width as usize {
        let x = area.x + area.width - hints_width as u16;
        buf.set_line(x, area.y, &hints, hints_width as u16);
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

/// "?:help  c:claim …" for the focused context, then the global keys.
fn hints(app: &App) -> Line<'static> {
    let theme = &app.theme;
    let context = app.context();
    let mut contexts = vec![context];
    if !matches!(context, Context::Picker | Context::Help) {
        contexts.push(Context::Global);
    }
    let mut spans = Vec::new();
    for context in contexts {
        for binding in app.keymap.bindings(context) {
            let (Some(hint), Some(key)) = (&binding.hint, binding.key_names.first()) else {
                continue;
            };
            spans.push(Span::styled(key.clone(), theme.style("status.key")));
            spans.push(Span::styled(format!(":{hint}  "), theme.style("status")));
        }
    }
    Line::from(spans)
}
