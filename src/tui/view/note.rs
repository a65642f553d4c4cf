//! The note editor: a window over the screen with a multi-line text area.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::tui::app::App;
use crate::tui::note::Note;

pub fn render(app: &App, note: &Note, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let title = format!(" note on {} — esc when done ", note.annotation);
    let inner = super::popup_frame(app, &title, area, buf);
    let mut input = note.input.clone();
    input.set_style(theme.style("popup"));
    input.set_cursor_line_style(theme.style("popup"));
    input.set_cursor_style(theme.style("popup.chosen"));
    input.render(inner, buf);
}
