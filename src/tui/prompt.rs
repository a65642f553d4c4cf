//! A one-line text prompt: renaming an entity, filtering the entity panel.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};

use super::app::{App, Effect, Overlay};

/// What the typed text is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// A new name for the entity with this id.
    Rename { entity: String },
    /// The entity panel's filter, applied as it is typed.
    Filter,
    /// The annotation list's filter, applied as it is typed.
    ListFilter,
    /// The file an export in this format goes to.
    ExportPath(crate::export::Format),
}

#[derive(Debug, Clone)]
pub struct Prompt {
    pub purpose: Purpose,
    pub input: TextArea<'static>,
}

impl Prompt {
    pub fn new(purpose: Purpose, text: &str) -> Prompt {
        let mut input = TextArea::new(vec![text.to_string()]);
        input.move_cursor(CursorMove::End);
        Prompt { purpose, input }
    }

    /// What has been typed.
    pub fn text(&self) -> &str {
        self.input.lines().first().map_or("", String::as_str)
    }
}

impl App {
    pub(super) fn prompt_input(&mut self, key: ratatui::crossterm::event::KeyEvent) {
        let Some(Overlay::Prompt(prompt)) = &mut self.overlay else {
            return;
        };
        // Ctrl-U clears the line, as in a shell.
        if key.code == KeyCode::Char('u') && key.modifiers.contains(KeyModifiers::CONTROL) {
            prompt.input.move_cursor(CursorMove::End);
            prompt.input.delete_line_by_head();
        } else {
            prompt.input.input(key);
        }
        match prompt.purpose {
            Purpose::Filter => {
                self.entity_filter = prompt.text().to_string();
                self.keep_chosen_entity_visible();
            }
            Purpose::ListFilter => {
                self.list.filter = prompt.text().to_string();
                self.list.chosen = 0;
            }
            Purpose::Rename { .. } | Purpose::ExportPath(_) => {}
        }
    }

    pub(super) fn confirm_prompt(&mut self) -> Option<Effect> {
        let Some(Overlay::Prompt(prompt)) = self.overlay.take() else {
            return None;
        };
        match &prompt.purpose {
            Purpose::Rename { entity } => self.rename_entity(entity, prompt.text().trim()),
            Purpose::ExportPath(format) => {
                self.export_to(*format, prompt.text().trim());
                None
            }
            Purpose::Filter | Purpose::ListFilter => None,
        }
    }

    pub(super) fn cancel_prompt(&mut self) {
        if let Some(Overlay::Prompt(prompt)) = self.overlay.take() {
            match prompt.purpose {
                Purpose::Filter => self.entity_filter.clear(),
                Purpose::ListFilter => self.list.filter.clear(),
                Purpose::Rename { .. } | Purpose::ExportPath(_) => {}
            }
        }
    }
}
