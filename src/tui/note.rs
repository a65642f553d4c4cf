//! Writing a note on an annotation, in a multi-line editor. Esc ends it and the note is
//! saved; an emptied note is removed.

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::app::{App, Effect, Overlay};

#[derive(Debug, Clone)]
pub struct Note {
    /// The annotation the note is on.
    pub annotation: String,
    pub input: TextArea<'static>,
}

impl Note {
    pub fn text(&self) -> String {
        self.input.lines().join("\n")
    }
}

impl App {
    pub(super) fn open_note(&mut self) {
        let Some(id) = self.annotation_here() else {
            self.message = Some("No annotation here to write a note on".into());
            return;
        };
        let note = self
            .doc
            .annotations
            .get(&id)
            .and_then(|a| a.note.clone())
            .unwrap_or_default();
        let mut input = TextArea::new(note.lines().map(str::to_string).collect());
        input.move_cursor(ratatui_textarea::CursorMove::Bottom);
        input.move_cursor(ratatui_textarea::CursorMove::End);
        self.overlay = Some(Overlay::Note(Box::new(Note {
            annotation: id,
            input,
        })));
    }

    pub(super) fn note_input(&mut self, key: KeyEvent) {
        if let Some(Overlay::Note(note)) = &mut self.overlay {
            note.input.input(key);
        }
    }

    pub(super) fn close_note(&mut self) -> Option<Effect> {
        let Some(Overlay::Note(note)) = self.overlay.take() else {
            return None;
        };
        let text = note.text();
        let text = text.trim_end();
        let new = (!text.trim().is_empty()).then(|| text.to_string());
        let old = self.doc.annotations.get(&note.annotation)?.note.clone();
        if new == old {
            return None;
        }
        self.remember(format!("note on {}", note.annotation));
        self.doc
            .annotations
            .edit(&note.annotation, |a| a.note = new.clone());
        self.message = Some(match new {
            Some(_) => format!("Note saved on {}", note.annotation),
            None => format!("Note removed from {}", note.annotation),
        });
        Some(Effect::Save)
    }
}
