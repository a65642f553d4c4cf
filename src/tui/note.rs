//! Writing a note on an annotation, in a multi-line editor. The note is saved as it is
//! typed, so that nothing is lost if sidenote is killed mid-sentence; an emptied note is
//! removed. Esc ends it. The whole edit is one step for undo.

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::app::{App, Effect, Overlay};

#[derive(Debug, Clone)]
pub struct Note {
    /// The annotation the note is on.
    pub annotation: String,
    pub input: TextArea<'static>,
    /// The note when the editor opened.
    original: Option<String>,
    /// An undo step has been taken for this edit.
    remembered: bool,
}

impl Note {
    pub fn text(&self) -> String {
        self.input.lines().join("\n")
    }

    /// The note as it would be saved: without trailing blanks, and none when empty.
    fn value(&self) -> Option<String> {
        let text = self.text();
        let text = text.trim_end();
        (!text.trim().is_empty()).then(|| text.to_string())
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
        let original = (!note.is_empty()).then_some(note);
        self.overlay = Some(Overlay::Note(Box::new(Note {
            annotation: id,
            input,
            original,
            remembered: false,
        })));
    }

    /// A key typed into the note; the note is saved whenever it changes.
    pub(super) fn note_input(&mut self, key: KeyEvent) -> Option<Effect> {
        let Some(Overlay::Note(note)) = &mut self.overlay else {
            return None;
        };
        note.input.input(key);
        let (id, new) = (note.annotation.clone(), note.value());
        let first_change = !note.remembered;
        if self.doc.annotations.get(&id)?.note == new {
            return None;
        }
        if first_change {
            self.remember(format!("note on {id}"));
            if let Some(Overlay::Note(note)) = &mut self.overlay {
                note.remembered = true;
            }
        }
        self.doc.annotations.edit(&id, |a| a.note = new);
        Some(Effect::Save)
    }

    pub(super) fn close_note(&mut self) -> Option<Effect> {
        let Some(Overlay::Note(note)) = self.overlay.take() else {
            return None;
        };
        let new = note.value();
        if new == note.original {
            return None;
        }
        self.message = Some(match new {
            Some(_) => format!("Note saved on {}", note.annotation),
            None => format!("Note removed from {}", note.annotation),
        });
        None
    }
}
