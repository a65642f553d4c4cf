//! A pane's frame: plain lines round it and a title on its top edge.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border::PLAIN;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// Draw a frame round `area` in `style`, with `title` on its top edge, the same cells as
/// ratatui's `Block` with all borders; returns the area inside. A `Block` first goes over
/// every cell of its area to give it the block's own style, which ours never have: that
/// was a fifth of the time our views took to draw a frame.
pub fn bordered(buf: &mut Buffer, area: Rect, style: Style, title: Line) -> Rect {
    let inner = Rect {
        x: area.x.saturating_add(1).min(area.right()),
        y: area.y.saturating_add(1).min(area.bottom()),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    };
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return inner;
    }
    let (left, top) = (area.left(), area.top());
    let (right, bottom) = (area.right() - 1, area.bottom() - 1);
    let mut draw = |x: u16, y: u16, symbol: &str| {
        buf[(x, y)].set_symbol(symbol).set_style(style);
    };
    for y in top..=bottom {
        draw(left, y, PLAIN.vertical_left);
    }
    for x in left..=right {
        draw(x, top, PLAIN.horizontal_top);
    }
    for y in top..=bottom {
        draw(right, y, PLAIN.vertical_right);
    }
    for x in left..=right {
        draw(x, bottom, PLAIN.horizontal_bottom);
    }
    draw(right, bottom, PLAIN.bottom_right);
    draw(right, top, PLAIN.top_right);
    draw(left, bottom, PLAIN.bottom_left);
    draw(left, top, PLAIN.top_left);
    // The title starts after the corner and stops before the other one.
    let room = area.width.saturating_sub(2);
    if room > 0 {
        let width = u16::try_from(title.width()).unwrap_or(u16::MAX).min(room);
        title.render(Rect::new(left + 1, top, width, 1), buf);
    }
    inner
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;
    use ratatui::widgets::{Block, Borders};

    use super::*;

    #[test]
    fn draws_the_cells_a_bordered_block_draws() {
        let style = Style::default().fg(Color::Cyan);
        let heading = Style::default().add_modifier(Modifier::BOLD);
        let screen = Rect::new(0, 0, 30, 8);
        let titles = [
            "",
            " entities ",
            " a title much longer than the pane ",
            " 日本語の題 ",
        ];
        let areas = [
            Rect::new(0, 0, 30, 8),
            Rect::new(3, 2, 12, 4),
            Rect::new(20, 5, 20, 10), // past the screen's edge
            Rect::new(0, 0, 1, 1),
            Rect::new(5, 5, 2, 2),
            Rect::new(4, 4, 0, 3),
        ];
        for title in titles {
            for area in areas {
                let mut ours = Buffer::empty(screen);
                let mut theirs = Buffer::empty(screen);
                let line = || Line::from(Span::styled(title, heading));
                let inner = bordered(&mut ours, area, style, line());
                let block = Block::default()
                    .borders(Borders::ALL)
                    .border_style(style)
                    .title(line());
                assert_eq!(inner, block.inner(area), "{title:?} in {area:?}");
                block.render(area, &mut theirs);
                assert_eq!(ours, theirs, "{title:?} in {area:?}");
            }
        }
    }
}
