//! The status bar: file, counts, save state, a message, and the keys that matter now.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::annotation::Kind;
use crate::tui::app::{App, SaveState};
use crate::tui::keymap::Context;
use crate::tui::printable::printable;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    buf.set_style(area, theme.style("status"));
    let file = app
        .doc
        .article
        .path()
        .file_name()
        .map_or_else(String::new, |n| {
            printable(&n.to_string_lossy()).into_owned()
        });
    let claims = app.doc.annotations.count(Kind::Claim);
    let sources = app.doc.annotations.count(Kind::Source);
    let mut left = vec![Span::styled(format!(" {file} · "), theme.style("status"))];
    match &app.loading {
        // Only the first part is shown: no annotations yet, and nothing to save.
        Some(loading) if !loading.has_article() => {}
        _ => {
            left.push(Span::styled(
                format!(
                    "{} · {} · ",
                    plural(claims, "claim"),
                    plural(sources, "source")
                ),
                theme.style("status"),
            ));
            match &app.save_state {
                SaveState::Saved => left.push(Span::styled("saved", theme.style("status.saved"))),
                // The reason was the message when the save failed.
                SaveState::Failed => {
                    left.push(Span::styled("NOT SAVED", theme.style("status.error")))
                }
            }
            if app.loading.is_some() || app.refresh.is_some() {
                left.push(Span::styled(" · ", theme.style("status")));
            }
        }
    }
    if let Some(loading) = &app.loading {
        left.push(Span::styled(
            format!(
                "Loading… {}% · {}",
                loading.step.percent(loading.workers),
                loading.step.label()
            ),
            theme.style("status.saved"),
        ));
    } else if app.refresh.is_some() {
        // The suggestions shown are those for the entities before the last change.
        left.push(Span::styled(
            "finding who says what again…",
            theme.style("status.saved"),
        ));
    }
    let orphans = app.doc.annotations.orphans().count();
    if orphans > 0 {
        left.push(Span::styled(
            format!(" · {orphans} orphaned"),
            theme.style("status.error"),
        ));
    }
    if let Some(message) = &app.message {
        left.push(Span::styled(
            format!(" · {}", printable(message)),
            theme.style("status"),
        ));
    }
    let left = Line::from(left);
    let used = left.width();
    super::set_line(buf, area.x, area.y, &left, area.width);

    // The keys go on the right, as many as fit beside what is on the left.
    let room = (area.width as usize).saturating_sub(used + 2);
    let hints = hints(app, room);
    let width = hints.width() as u16;
    super::set_line(buf, area.x + area.width - width, area.y, &hints, width);
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "c:claim  s:source …" for the focused context, then the global keys, at most `room`
/// cells wide; `?:help` comes first when room is short, since it leads to the rest.
fn hints(app: &App, room: usize) -> Line<'static> {
    let theme = &app.theme;
    let context = app.context();
    let mut contexts = vec![context];
    if context.uses_global_keys() {
        contexts.push(Context::Global);
    }
    // Each hint with the first of its keys that does it here: a key the context binds
    // hides a global one.
    let mut all: Vec<(Cow<'static, str>, Cow<'static, str>)> = contexts
        .into_iter()
        .flat_map(|c| app.keymap.bindings(c).iter().map(move |b| (c, b)))
        .filter_map(|(c, b)| {
            let hint = b.hint.clone()?;
            let (_, name) = b
                .keys
                .iter()
                .zip(&b.key_names)
                .find(|(key, _)| c == context || app.keymap.action(context, **key).is_none())?;
            Some((name.clone(), hint))
        })
        .collect();
    let width = |hints: &[(Cow<str>, Cow<str>)]| -> usize {
        hints.iter().map(|(k, h)| k.width() + h.width() + 3).sum()
    };
    while width(&all) > room && !all.is_empty() {
        // Drop the last hint that is not the way to the help.
        let help = app
            .keymap
            .key_for(Context::Global, crate::tui::Action::ShowHelp);
        match all.iter().rposition(|(k, _)| Some(k.as_ref()) != help) {
            Some(i) => {
                all.remove(i);
            }
            None => all.clear(),
        }
    }
    let mut spans = Vec::new();
    for (key, hint) in all {
        spans.push(Span::styled(key, theme.style("status.key")));
        spans.push(Span::styled(format!(":{hint}  "), theme.style("status")));
    }
    Line::from(spans)
}
