//! The application state and the one place it changes: [`App::update`].

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use super::action::Action;
use super::keymap::{Context, Keymap};
use super::layout;
use super::picker::Picker;
use super::theme::Theme;
use super::wrap::WrapCache;
use crate::annotation::Annotations;
use crate::document::Document;

/// Which pane keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Article,
    Entities,
}

/// A window over the panes that takes every key while it is open.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help { scroll: u16 },
    Picker(Picker),
}

/// A span of text being selected: `anchor` stays, `head` moves; both are byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub anchor: usize,
    pub head: usize,
}

impl Selection {
    pub fn range(&self) -> Range<usize> {
        self.anchor.min(self.head)..self.anchor.max(self.head)
    }
}

/// The top row of the article pane: a paragraph and a row within it (its wrapped lines,
/// then one blank row).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Row {
    pub paragraph: usize,
    pub line: usize,
}

/// Whether the annotations on screen are on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// The last save failed (the message said why); the annotations are still in memory
    /// and the next change tries again.
    Failed,
}

/// A side effect `update` asks the loop to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Save,
}

pub struct App {
    pub doc: Document,
    pub keymap: Keymap,
    pub theme: Theme,
    pub focus: Focus,
    pub overlay: Option<Overlay>,
    /// Index of the sentence under the cursor.
    pub cursor: usize,
    pub selection: Option<Selection>,
    pub top: Row,
    /// The whole terminal, as last drawn.
    pub area: Rect,
    /// The entity chosen in the panel (index in panel order).
    pub entity: usize,
    /// The mention the last jump went to.
    pub mention: Option<Range<usize>>,
    pub save_state: SaveState,
    /// A one-line message for the status bar, cleared by the next key.
    pub message: Option<String>,
    pub quit: bool,
    /// Quit was asked for once while the annotations were not saved.
    quit_requested: bool,
    pub(super) history: Vec<(Annotations, String)>,
    future: Vec<(Annotations, String)>,
    wraps: RefCell<WrapCache>,
}

impl App {
    pub fn new(doc: Document, keymap: Keymap, theme: Theme) -> App {
        let message = doc.article_changed.then(|| {
            let orphans = doc.annotations.orphans().count();
            format!("The article changed since the sidecar was written; {orphans} annotations could not be placed")
        });
        App {
            doc,
            keymap,
            theme,
            focus: Focus::Article,
            overlay: None,
            cursor: 0,
            selection: None,
            top: Row::default(),
            area: Rect::new(0, 0, 80, 24),
            entity: 0,
            mention: None,
            save_state: SaveState::Saved,
            message,
            quit: false,
            quit_requested: false,
            history: Vec::new(),
            future: Vec::new(),
            wraps: RefCell::default(),
        }
    }

    /// The keymap context keys are read in now.
    pub fn context(&self) -> Context {
        match (&self.overlay, self.focus) {
            (Some(Overlay::Help { .. }), _) => Context::Help,
            (Some(Overlay::Picker(_)), _) => Context::Picker,
            (None, Focus::Entities) => Context::Entities,
            (None, Focus::Article) if self.selection.is_some() => Context::Selection,
            (None, Focus::Article) => Context::Article,
        }
    }

    /// The action a key stands for here: the focused context's binding, else a global
    /// one; in the picker, an unbound character types into its filter.
    pub fn action_for(&self, key: KeyEvent) -> Option<Action> {
        let context = self.context();
        if let Some(action) = self.keymap.action(context, key) {
            return Some(action);
        }
        match context {
            Context::Picker => match key.code {
                KeyCode::Char(c)
                    if !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    Some(Action::PickerType(c))
                }
                _ => None,
            },
            Context::Help => None,
            _ => self.keymap.action(Context::Global, key),
        }
    }

    /// Handle a key: map it to an action and apply it.
    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Effect> {
        self.message = None;
        let action = self.action_for(key)?;
        if action != Action::Quit {
            self.quit_requested = false;
        }
        self.update(action)
    }

    /// The only place state changes.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        use Action::*;
        match action {
            Quit => self.request_quit(),
            ShowHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            FocusNext | FocusPrevious => self.toggle_focus(),
            Resize(width, height) => {
                self.area = Rect::new(0, 0, width, height);
                self.scroll_to_cursor();
            }

            CursorDown => self.move_cursor_to(self.cursor + 1),
            CursorUp => self.move_cursor_to(self.cursor.saturating_sub(1)),
            ParagraphDown => self.paragraph_down(),
            ParagraphUp => self.paragraph_up(),
            PageDown => self.page(true),
            PageUp => self.page(false),
            CursorTop => self.move_cursor_to(0),
            CursorBottom => self.move_cursor_to(usize::MAX),

            TagClaim => return self.tag(crate::annotation::Kind::Claim),
            TagSource => return self.tag(crate::annotation::Kind::Source),
            LinkClaim => self.open_picker(),
            DeleteAnnotation => return self.delete_here(),
            Undo => return self.step(true),
            Redo => return self.step(false),

            SelectStart => self.select_start(),
            SelectWordNext => self.select_word_next(),
            SelectWordBack => self.select_word_back(),
            SelectWordEnd => self.select_word_end(),
            SelectCharRight => self.select_char(true),
            SelectCharLeft => self.select_char(false),
            SelectSentenceNext => self.select_sentence(true),
            SelectSentenceBack => self.select_sentence(false),
            SelectCancel => self.selection = None,

            EntityDown => self.choose_entity(self.entity + 1),
            EntityUp => self.choose_entity(self.entity.saturating_sub(1)),
            EntityJump => self.jump_to_mention(),

            PickerDown | PickerUp | PickerType(_) | PickerErase => {
                if let Some(Overlay::Picker(picker)) = &mut self.overlay {
                    picker.update(action);
                }
            }
            PickerConfirm => return self.confirm_picker(),
            PickerCancel => self.overlay = None,

            HelpDown | HelpUp => {
                if let Some(Overlay::Help { scroll }) = &mut self.overlay {
                    *scroll = if action == HelpDown {
                        scroll.saturating_add(1)
                    } else {
                        scroll.saturating_sub(1)
                    };
                }
            }
            HelpClose => self.overlay = None,
        }
        None
    }

    /// Quit, unless the last save failed: then say so, and quit on a second request.
    fn request_quit(&mut self) {
        match &self.save_state {
            SaveState::Failed if !self.quit_requested => {
                self.quit_requested = true;
                self.message =
                    Some("Your annotations are NOT saved; press q again to quit anyway".into());
            }
            _ => self.quit = true,
        }
    }

    /// Run an effect `update` asked for.
    pub fn perform(&mut self, effect: Effect) {
        match effect {
            Effect::Save => {
                self.save_state = match self.doc.save() {
                    Ok(()) => SaveState::Saved,
                    Err(err) => {
                        self.message = Some(err.to_string());
                        SaveState::Failed
                    }
                };
            }
        }
    }

    fn toggle_focus(&mut self) {
        let has_panel = layout::areas(self.area).entities.is_some();
        self.focus = match self.focus {
            Focus::Article if has_panel && !self.doc.entities.is_empty() => Focus::Entities,
            _ => Focus::Article,
        };
        self.selection = None;
    }

    fn choose_entity(&mut self, index: usize) {
        if !self.doc.entities.is_empty() {
            self.entity = index.min(self.doc.entities.len() - 1);
            self.mention = None;
        }
    }

    /// Jump to the chosen entity's next mention after the last one jumped to (or after
    /// the cursor), wrapping round to the first.
    fn jump_to_mention(&mut self) {
        let Some(entity) = self.doc.entities.get(self.entity) else {
            return;
        };
        let after = match &self.mention {
            Some(m) => m.start + 1,
            None => self.doc.article.sentences()[self.cursor].range.start,
        };
        let mentions = &entity.mentions;
        let Some(next) = mentions
            .iter()
            .position(|m| m.start >= after)
            .or((!mentions.is_empty()).then_some(0))
        else {
            return;
        };
        let mention = mentions[next].clone();
        self.message = Some(format!(
            "{}: mention {} of {}",
            entity.name,
            next + 1,
            mentions.len()
        ));
        self.cursor = self.doc.article.sentence_at(mention.start);
        self.mention = Some(mention);
        self.scroll_to_cursor();
    }

    /// Record the annotations before a change, for undo.
    pub(super) fn remember(&mut self, label: String) {
        self.history.push((self.doc.annotations.clone(), label));
        self.future.clear();
    }

    /// Undo (`back`) or redo: swap the annotations with the snapshot on one stack and
    /// push the current ones on the other.
    fn step(&mut self, back: bool) -> Option<Effect> {
        let (from, to, verb) = if back {
            (&mut self.history, &mut self.future, "Undone")
        } else {
            (&mut self.future, &mut self.history, "Redone")
        };
        let Some((annotations, label)) = from.pop() else {
            self.message = Some(
                if back {
                    "Nothing to undo"
                } else {
                    "Nothing to redo"
                }
                .into(),
            );
            return None;
        };
        let current = std::mem::replace(&mut self.doc.annotations, annotations);
        to.push((current, label.clone()));
        self.message = Some(format!("{verb}: {label}"));
        Some(Effect::Save)
    }

    /// Wrapped lines of a paragraph at the article pane's current width.
    pub fn lines(&self, paragraph: usize) -> Rc<[Range<usize>]> {
        let width = self.text_area().width as usize;
        self.wraps
            .borrow_mut()
            .lines(&self.doc.article, paragraph, width)
    }

    /// Where the article's text is drawn (inside the border, right of the gutter).
    pub fn text_area(&self) -> Rect {
        let areas = layout::areas(self.area);
        layout::text_area(areas.article, self.doc.article.paragraphs().len())
    }
}
