//! Views draw the state and never change it. One view a file; none names a colour, each
//! asks the theme for a scope's style.

mod annotations;
mod article;
mod entities;
mod help;
mod note;
mod orphans;
mod picker;
mod prompt;
mod status;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::app::{App, Focus, Overlay};
use super::printable::{guard, printable};

/// Smallest screen that can show anything useful.
const MIN_WIDTH: u16 = 20;
const MIN_HEIGHT: u16 = 4;

pub fn draw(frame: &mut Frame, app: &App) {
    draw_views(frame, app);
    guard(frame.buffer_mut());
}

fn draw_views(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = fit("Terminal too small", area.width as usize);
        frame.render_widget(Paragraph::new(text).style(app.theme.style("status")), area);
        return;
    }
    let areas = app.areas();
    article::render(app, areas.article, frame.buffer_mut());
    if let Some(panel) = areas.entities {
        if app.focus == Focus::Annotations {
            annotations::render(app, panel, frame.buffer_mut());
        } else {
            entities::render(app, panel, frame.buffer_mut());
        }
    }
    status::render(app, areas.status, frame.buffer_mut());
    match &app.overlay {
        Some(Overlay::Help { scroll }) => {
            help::render(app, *scroll, popup(area, 92, 90), frame.buffer_mut())
        }
        Some(Overlay::Picker(picker)) => {
            picker::render(app, picker, popup(area, 64, 60), frame.buffer_mut())
        }
        Some(Overlay::Note(note)) => {
            note::render(app, note, popup(area, 70, 50), frame.buffer_mut())
        }
        Some(Overlay::Orphans(list)) => {
            orphans::render(app, list, popup(area, 80, 70), frame.buffer_mut())
        }
        Some(Overlay::Prompt(prompt)) => {
            prompt::render(app, prompt, area, areas.entities, frame.buffer_mut())
        }
        None => {}
    }
}

/// A centred window taking the given percentages of the screen, cleared.
fn popup(area: Rect, width_percent: u16, height_percent: u16) -> Rect {
    let width = (area.width * width_percent / 100).max(MIN_WIDTH.min(area.width));
    let height = (area.height * height_percent / 100).max(MIN_HEIGHT.min(area.height));
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Clear a popup's area and draw its frame and title; returns the area inside.
fn popup_frame(app: &App, title: &str, area: Rect, buf: &mut Buffer) -> Rect {
    let theme = &app.theme;
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.style("popup.border"))
        .style(theme.style("popup"))
        .title(Span::styled(
            title.to_string(),
            theme.style("popup.heading"),
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Text cut to at most `width` cells, ending with an ellipsis when cut; never inside a
/// character or a grapheme.
/// Control characters in it are shown as placeholders (see [`crate::tui::printable`]).
pub fn fit(text: &str, width: usize) -> String {
    let text = &printable(text);
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}
