//! The mouse, as a convenience over the keys: a click puts the cursor on the sentence under
//! it or chooses an entity in the panel, a drag selects a span (which `c` and `s` then tag),
//! the wheel scrolls the pane under the pointer.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;
use unicode_segmentation::UnicodeSegmentation;

use super::app::{App, Focus, Row, Selection};
use super::panel::PanelRow;
use super::wrap::cells;

/// Rows one notch of the wheel scrolls the article.
const WHEEL_ROWS: usize = 3;

impl App {
    /// Act on a mouse event. Overlays (help, pickers, prompts) are for the keyboard.
    pub fn handle_mouse(&mut self, event: MouseEvent) {
        if self.overlay.is_some() {
            return;
        }
        let at = Position::new(event.column, event.row);
        let areas = self.areas();
        let in_article = areas.article.contains(at);
        let in_panel = areas.entities.is_some_and(|panel| panel.contains(at));
        match event.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = event.kind == MouseEventKind::ScrollDown;
                if in_article {
                    self.scroll_rows(down, WHEEL_ROWS);
                } else if in_panel && self.focus != Focus::Annotations {
                    self.move_in_panel(down);
                }
            }
            MouseEventKind::Down(MouseButton::Left) if in_article => {
                self.drag = None;
                let Some(byte) = self.byte_at(at, false) else {
                    return;
                };
                self.focus = Focus::Article;
                self.selection = None;
                self.message = None;
                self.drag = Some(byte);
                self.cursor = self.doc.article.sentence_at(byte);
                self.mention = None;
                self.scroll_to_cursor();
            }
            MouseEventKind::Down(MouseButton::Left) if in_panel => {
                self.drag = None;
                if self.focus != Focus::Annotations {
                    self.choose_entity_at(at);
                }
            }
            MouseEventKind::Drag(MouseButton::Left) => {
                let Some(start) = self.drag else {
                    return;
                };
                let Some(byte) = self.byte_at(at, true) else {
                    return;
                };
                let text = self.doc.article.text();
                let end_of = |b: usize| b + text[b..].graphemes(true).next().map_or(0, str::len);
                // Both ends are included: the character pressed on and the one under the
                // pointer, whichever way the drag goes.
                let (anchor, head) = if byte >= start {
                    (start, end_of(byte))
                } else {
                    (end_of(start), byte)
                };
                self.selection = Some(Selection { anchor, head });
                self.cursor = self.doc.article.sentence_at(byte.min(text.len()));
                self.scroll_to(byte, byte);
            }
            MouseEventKind::Up(MouseButton::Left) => self.drag = None,
            _ => {}
        }
    }

    /// The byte of the article drawn at a screen position in the article pane: in the
    /// gutter, the line's start; right of a line's end, its end. With `clamp` (a drag), a
    /// position above or below the text is taken as its first or last row.
    fn byte_at(&self, at: Position, clamp: bool) -> Option<usize> {
        let area = self.text_area();
        if area.width == 0 || area.height == 0 {
            return None;
        }
        let inside = at.y >= area.y && at.y < area.y + area.height;
        if !inside && !clamp {
            return None;
        }
        let dy = at.y.clamp(area.y, area.y + area.height - 1) - area.y;
        let count = self.doc.article.paragraphs().len();
        let mut row = self.top;
        for _ in 0..dy {
            if row.line + 1 < self.rows_in(row.paragraph) {
                row.line += 1;
            } else if row.paragraph + 1 < count {
                row = Row {
                    paragraph: row.paragraph + 1,
                    line: 0,
                };
            } else if clamp {
                break;
            } else {
                return None; // below the end of the article
            }
        }
        let lines = self.lines(row.paragraph);
        // The blank row after a paragraph stands for its end.
        let line = lines.get(row.line).or(lines.last()).cloned()?;
        if row.line >= lines.len() {
            return Some(line.end);
        }
        let x = at.x.saturating_sub(area.x) as usize;
        let mut used = 0;
        for (i, grapheme) in self.doc.article.text()[line.clone()].grapheme_indices(true) {
            let width = cells(grapheme, used);
            if x < used + width.max(1) {
                return Some(line.start + i);
            }
            used += width;
        }
        Some(line.end)
    }

    /// Choose the entity on the panel row at a screen position, as the keys would.
    fn choose_entity_at(&mut self, at: Position) {
        let Some(panel) = self.areas().entities else {
            return;
        };
        // Inside the border.
        if at.y <= panel.y || at.y + 1 >= panel.y + panel.height {
            return;
        }
        let rows = self.panel_rows();
        let height = self.panel_height(panel.height.saturating_sub(2));
        let offset = App::panel_offset(&rows, self.entity, height);
        let row = (at.y - panel.y - 1) as usize;
        if row >= height {
            return;
        }
        if let Some(PanelRow::Entity(index)) = rows.get(offset + row) {
            self.entity = *index;
            self.mention = None;
            self.focus = Focus::Entities;
            self.message = None;
        }
    }
}
