//! Views draw the state and never change it. One view a file; none names a colour, each
//! asks the theme for a scope's style.

mod annotations;
mod article;
mod border;
mod entities;
mod help;
mod note;
mod orphans;
mod picker;
mod prompt;
mod status;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::app::{App, Focus, Overlay};
use super::printable::{guard, printable};

/// Smallest screen that can show anything useful.
const MIN_WIDTH: u16 = 20;
const MIN_HEIGHT: u16 = 4;

/// Draw the app into a buffer the size of the screen.
pub fn draw(buf: &mut Buffer, app: &App) {
    draw_views(buf, app);
    guard(buf);
}

fn draw_views(buf: &mut Buffer, app: &App) {
    let area = buf.area;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = fit("Terminal too small", area.width as usize);
        Paragraph::new(text)
            .style(app.theme.style("status"))
            .render(area, buf);
        return;
    }
    let areas = app.areas();
    article::render(app, areas.article, buf);
    if let Some(panel) = areas.entities {
        if app.focus == Focus::Annotations {
            annotations::render(app, panel, buf);
        } else {
            entities::render(app, panel, buf);
        }
    }
    status::render(app, areas.status, buf);
    match &app.overlay {
        Some(Overlay::Help { scroll }) => help::render(app, *scroll, popup(area, 92, 90), buf),
        Some(Overlay::Picker(picker)) => picker::render(app, picker, popup(area, 64, 60), buf),
        Some(Overlay::Note(note)) => note::render(app, note, popup(area, 70, 50), buf),
        Some(Overlay::Orphans(list)) => orphans::render(app, list, popup(area, 80, 70), buf),
        Some(Overlay::Prompt(prompt)) => prompt::render(app, prompt, area, areas.entities, buf),
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

/// [`Buffer::set_line`], the same cells, sooner: ASCII text, most of what is drawn, goes
/// a byte a cell without grapheme segmentation or width tables.
pub fn set_line(buf: &mut Buffer, x: u16, y: u16, line: &Line<'_>, max_width: u16) -> (u16, u16) {
    let mut remaining_width = max_width;
    let mut x = x;
    for span in line {
        if remaining_width == 0 {
            break;
        }
        let style = line.style.patch(span.style);
        let pos = set_stringn(buf, x, y, &span.content, remaining_width, style);
        remaining_width = remaining_width.saturating_sub(pos.0.saturating_sub(x));
        x = pos.0;
    }
    (x, y)
}

/// [`Buffer::set_stringn`] with a path for ASCII, where every character is a grapheme one
/// cell wide and control characters are left out, as there, and one for Latin text with
/// curly quotes and dashes, where every character is a grapheme one cell wide.
fn set_stringn(
    buf: &mut Buffer,
    mut x: u16,
    y: u16,
    text: &str,
    max_width: u16,
    style: Style,
) -> (u16, u16) {
    let room = buf.area.right().saturating_sub(x).min(max_width);
    if room == 0 || text.is_empty() {
        return (x, y);
    }
    // The cells of this row from x on, found once rather than once a character.
    let first = buf.index_of(x, y);
    let row = &mut buf.content[first..first + usize::from(room)];
    if text.is_ascii() {
        let shown = text.bytes().filter(|b| !b.is_ascii_control());
        for (cell, byte) in row.iter_mut().zip(shown) {
            cell.set_char(char::from(byte)).set_style(style);
            x += 1;
        }
    } else if text
        .chars()
        .all(|c| super::wrap::stands_alone(c) && c.width() == Some(1))
    {
        for (cell, (i, c)) in row.iter_mut().zip(text.char_indices()) {
            cell.set_symbol(&text[i..i + c.len_utf8()]).set_style(style);
            x += 1;
        }
    } else {
        return buf.set_stringn(x, y, text, max_width as usize, style);
    }
    (x, y)
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Modifier};

    use super::*;

    #[test]
    fn set_line_draws_the_cells_ratatui_draws() {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let lines = [
            Line::from("plain ASCII text that runs past the edge of the area"),
            Line::from(vec![
                Span::styled("tab\tand \x1b[2J escape\x7f ", bold),
                Span::styled("then ", Style::default().fg(Color::Red)),
                Span::raw("e\u{301}t\u{e9} 日本語 “quoted”"),
            ])
            .style(Style::default().bg(Color::Blue)),
            Line::from(vec![
                Span::raw("“Là-bas,” dit-elle — ça coûte 5 000 €…"),
                Span::styled("\u{a0}\u{ad}Łódź’s Ğ ‰ ‹›", bold),
            ])
            .style(Style::default().bg(Color::Blue)),
            Line::from(vec![Span::raw(""), Span::raw("\r\n"), Span::raw("x")]),
        ];
        for line in &lines {
            for (x, width) in [(0, 0), (0, 5), (3, 12), (2, 40), (30, 40)] {
                let area = Rect::new(0, 0, 36, 1);
                let mut ours = Buffer::empty(area);
                let mut theirs = Buffer::empty(area);
                let at = set_line(&mut ours, x, 0, line, width);
                assert_eq!(at, theirs.set_line(x, 0, line, width));
                assert_eq!(ours, theirs, "{line:?} at {x}, {width} cells");
            }
        }
    }
}
