//! Where each pane goes for a terminal size. Both the views and the scrolling logic ask
//! here, so they agree on how wide the article's text is.

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::entity::Entities;

/// The panes of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub article: Rect,
    /// The entity panel, when the terminal is wide enough for it.
    pub entities: Option<Rect>,
    pub status: Rect,
}

/// Below this width the entity panel is hidden and the article takes the whole screen.
const PANEL_MIN_TERMINAL_WIDTH: u16 = 60;

/// How wide the annotation list wants to be: a quoted claim, a source and a note line.
const LIST_WIDTH: u16 = 60;

/// The panes for a terminal of this size. The entity panel is wide enough for
/// `panel_content` cells where there is room: at least 22 columns, at most a third of the
/// screen. The annotation list (`list`) reads better wider: up to two fifths of the screen.
pub fn areas(area: Rect, panel_content: u16, list: bool) -> Areas {
    let status_height = area.height.min(1);
    let main = Rect {
        height: area.height - status_height,
        ..area
    };
    let status = Rect {
        y: area.y + main.height,
        height: status_height,
        ..area
    };
    if area.width < PANEL_MIN_TERMINAL_WIDTH {
        return Areas {
            article: main,
            entities: None,
            status,
        };
    }
    let panel_width = if list {
        LIST_WIDTH.clamp(22, (area.width * 2 / 5).max(22))
    } else {
        (panel_content + 2).clamp(22, (area.width / 3).max(22))
    };
    let article = Rect {
        width: main.width - panel_width,
        ..main
    };
    let entities = Rect {
        x: main.x + article.width,
        width: panel_width,
        ..main
    };
    Areas {
        article,
        entities: Some(entities),
        status,
    }
}

/// The gutter: the paragraph number, a space, the cursor mark, the claim and source
/// marks, a space.
pub fn gutter_width(paragraphs: usize) -> u16 {
    let digits = paragraphs.max(1).to_string().len().max(2) as u16;
    digits + 5
}

/// The article pane's inside: within its border, right of the gutter.
pub fn text_area(article: Rect, paragraphs: usize) -> Rect {
    let inner = Rect {
        x: article.x + 1,
        y: article.y + 1,
        width: article.width.saturating_sub(2),
        height: article.height.saturating_sub(2),
    };
    let gutter = gutter_width(paragraphs).min(inner.width);
    Rect {
        x: inner.x + gutter,
        width: inner.width - gutter,
        ..inner
    }
}

/// Cells the entity panel's widest line wants: a mention count, a space, the name.
pub fn panel_content(entities: &Entities) -> u16 {
    let count = entities
        .iter()
        .map(|e| e.mentions.len().to_string().len())
        .max()
        .unwrap_or(1);
    let name = entities.iter().map(|e| e.name.width()).max().unwrap_or(0);
    (count + name + 3).min(u16::MAX as usize) as u16
}
