//! The application state and the one place it changes: [`App::update`].

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use super::action::Action;
use super::history::History;
use super::keymap::{Context, Keymap};
use super::layout;
use super::list::ListState;
use super::note::Note;
use super::pending::Candidates;
use super::picker::Picker;
use super::prompt::Prompt;
use super::selection::TextObject;
use super::theme::Theme;
use super::wrap::WrapCache;
use crate::config::Config;
use crate::document::Document;
use crate::suggest::{self, Suggestions};

/// Which pane keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Article,
    Entities,
    /// The list of claims and sources, in the right-hand pane.
    Annotations,
}

/// A window over the panes that takes every key while it is open.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    Picker(Picker),
    Prompt(Box<Prompt>),
    Note(Box<Note>),
    /// The orphans, to read or re-attach one.
    Orphans(super::orphans::OrphanList),
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
    pub(super) history: History,
    /// What the entity panel shows: entities whose name or alias holds this text.
    pub entity_filter: String,
    /// Cells the entity panel's longest line needs (count and name).
    pub panel_content: u16,
    pub config: Config,
    /// Everything the rules suggest for the article.
    pub suggestions: Suggestions,
    /// The suggestions in text order, to find the ones still waiting for the editor.
    pub(super) candidates: Candidates,
    /// The annotation list's state.
    pub list: ListState,
    /// Where a press of the mouse's button began, while it is held (a drag selects).
    pub(super) drag: Option<usize>,
    wraps: RefCell<WrapCache>,
    /// A big article's load, while it goes on (see [`super::loading`]).
    pub loading: Option<super::loading::Loading>,
    /// The suggestions being found again on a thread, after the entities changed.
    pub refresh: Option<super::refresh::Refresh>,
    /// The entities and suggestions are still to be found ([`App::analyse`]): a small
    /// article is shown first, and analysed right after.
    pub unanalysed: bool,
}

impl App {
    pub fn new(doc: Document, keymap: Keymap, theme: Theme) -> App {
        let suggestions = suggest::suggest(&doc.article, &doc.entities);
        let mut app = App::opened(doc, keymap, theme);
        app.set_suggestions(suggestions);
        app
    }

    /// [`App::new`] on a document whose entities are not found yet, to be shown before
    /// they are: the runner calls [`App::analyse`] once the first frame is out. Finding
    /// them on a short article takes 20 ms or more the first time (the word lists and
    /// gazetteers are read then), which the first screen no longer waits for.
    pub fn unanalysed(doc: Document, keymap: Keymap, theme: Theme) -> App {
        let mut app = App::opened(doc, keymap, theme);
        app.unanalysed = true;
        app
    }

    /// A whole document shown from its start, with what its opening has to say (anchors
    /// placed again) and its undo history, but no suggestions yet.
    fn opened(doc: Document, keymap: Keymap, theme: Theme) -> App {
        let message = super::orphans::reanchor_message(&doc);
        let mut app = App::bare(doc, keymap, theme);
        app.message = message;
        app.load_history();
        app
    }

    /// Find the entities and the suggestions of an article shown unanalysed.
    pub fn analyse(&mut self) {
        if !std::mem::take(&mut self.unanalysed) {
            return;
        }
        self.doc.find_entities(1);
        self.panel_content = layout::panel_content(&self.doc.entities);
        let suggestions = suggest::suggest(&self.doc.article, &self.doc.entities);
        self.set_suggestions(suggestions);
    }

    /// The first part of a big article, while the thread of `loading` brings the rest.
    pub fn loading(
        preview: Document,
        keymap: Keymap,
        theme: Theme,
        loading: super::loading::Loading,
    ) -> App {
        let mut app = App::bare(preview, keymap, theme);
        app.loading = Some(loading);
        app
    }

    /// A document shown from its start, with no suggestions, message or history yet.
    fn bare(doc: Document, keymap: Keymap, theme: Theme) -> App {
        let panel_content = layout::panel_content(&doc.entities);
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
            message: None,
            quit: false,
            quit_requested: false,
            history: History::default(),
            entity_filter: String::new(),
            panel_content,
            config: Config::default(),
            suggestions: Suggestions::default(),
            candidates: Candidates::default(),
            list: ListState::default(),
            drag: None,
            wraps: RefCell::default(),
            loading: None,
            refresh: None,
            unanalysed: false,
        }
    }

    /// Use these settings (the verdict scale) instead of the defaults.
    pub fn with_config(mut self, config: Config) -> App {
        self.config = config;
        self
    }

    /// The keymap context keys are read in now.
    pub fn context(&self) -> Context {
        match (&self.overlay, self.focus) {
            (Some(Overlay::Help { .. }), _) => Context::Help,
            (Some(Overlay::Picker(_)), _) => Context::Picker,
            (Some(Overlay::Prompt(_)), _) => Context::Prompt,
            (Some(Overlay::Note(_)), _) => Context::Note,
            (Some(Overlay::Orphans(_)), _) => Context::Orphans,
            (None, Focus::Entities) => Context::Entities,
            (None, Focus::Annotations) => Context::Annotations,
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
            Context::Prompt => Some(Action::PromptInput(key)),
            Context::Note => Some(Action::NoteInput(key)),
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
            Context::Help | Context::Orphans => None,
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
        if let Some(refusal) = self.refusal(action) {
            self.message = Some(refusal);
            return None;
        }
        self.apply(action)
    }

    fn apply(&mut self, action: Action) -> Option<Effect> {
        use Action::*;
        match action {
            Quit => self.request_quit(),
            ShowHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            FocusNext => self.toggle_focus(true),
            FocusPrevious => self.toggle_focus(false),
            Export => self.open_export(),
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

            EntityDown => self.move_in_panel(true),
            EntityUp => self.move_in_panel(false),
            EntityNextMention => self.step_mention(true),
            EntityPreviousMention => self.step_mention(false),
            EntityFilter => self.open_filter(),
            EntityRename => self.open_rename(),
            EntityRetype => return self.retype_entity(),
            EntityMerge => self.open_merge(),
            EntityDismiss => return self.dismiss_entity(),
            EntitySource => return self.entity_source(),
            AddEntity => return self.add_entity(),

            NextSuggestion => self.jump_to_suggestion(true),
            PreviousSuggestion => self.jump_to_suggestion(false),
            AcceptSuggestion => return self.accept_here(),
            RejectSuggestion => return self.reject_here(),
            AcceptParagraph => return self.accept_paragraph(),
            SetVerdict => self.open_verdicts(),
            EditNote => self.open_note(),
            NoteInput(key) => return self.note_input(key),
            NoteDone => return self.close_note(),
            CycleSourceKind => return self.cycle_source_kind(),
            SelectQuote => self.select_object(TextObject::Quote),
            SelectClause => self.select_object(TextObject::Clause),
            SelectWholeSentence => self.select_object(TextObject::Sentence),
            SelectParagraph => self.select_object(TextObject::Paragraph),

            ListDown => self.move_in_list(true),
            ListUp => self.move_in_list(false),
            ListJump => self.jump_to_listed(),
            ListFilter => self.open_list_filter(),
            ListKind => self.cycle_list_kind(),
            PromptInput(key) => self.prompt_input(key),
            PromptConfirm => return self.confirm_prompt(),
            PromptCancel => self.cancel_prompt(),

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

            ShowOrphans => self.open_orphans(),
            OrphanDown => self.move_in_orphans(true),
            OrphanUp => self.move_in_orphans(false),
            AttachOrphan => return self.attach_orphan(),
            OrphansClose => self.overlay = None,
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
                #[cfg(debug_assertions)]
                super::crash::test_slow_disk();
                self.save_state = match self.doc.save() {
                    Ok(merged) => {
                        if let Some(merge) = merged {
                            self.took_merge(&merge);
                        }
                        self.save_history();
                        SaveState::Saved
                    }
                    Err(err) => {
                        self.message = Some(err.to_string());
                        SaveState::Failed
                    }
                };
            }
        }
    }

    /// Called every few seconds while no key comes: retry a failed save, and take in what
    /// another program saved to the sidecar (unless a window is open, whose annotation a
    /// merge could renumber under it).
    pub fn tick(&mut self) {
        let failed = self.save_state == SaveState::Failed;
        if failed || (self.overlay.is_none() && self.doc.sidecar_changed_on_disk()) {
            if failed {
                self.message = None;
            }
            self.perform(Effect::Save);
            if failed && self.save_state == SaveState::Saved && self.message.is_none() {
                self.message = Some("Saved: the sidecar can be written again".into());
            }
        }
    }

    /// The document took another program's changes: follow them in the undo history, the
    /// open note and the suggestions, and say what happened.
    fn took_merge(&mut self, merge: &crate::sidecar::Merge) {
        self.history.rebase(&merge.changes);
        if let Some(Overlay::Note(note)) = &mut self.overlay {
            note.annotation = merge.new_id(&note.annotation).to_string();
        }
        let changes = &merge.changes;
        if !changes.set.corrections.is_empty() || !changes.unset.corrections.is_empty() {
            self.panel_content = layout::panel_content(&self.doc.entities);
            self.find_suggestions_again();
            self.entity = self.entity.min(self.doc.entities.len().saturating_sub(1));
        }
        if !merge.changes.is_empty() || !merge.conflicts.is_empty() {
            self.message = Some(merge.to_string());
        }
    }

    /// Tab: article, entity panel, annotation list, and round again (the last two only
    /// when the screen has room for the right-hand pane).
    fn toggle_focus(&mut self, forward: bool) {
        let has_panel = self.areas().entities.is_some();
        let order = [Focus::Article, Focus::Entities, Focus::Annotations];
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = if forward {
            at + 1
        } else {
            at + order.len() - 1
        };
        self.focus = if has_panel {
            order[next % order.len()]
        } else {
            Focus::Article
        };
        self.selection = None;
        // The annotation list is wider than the entity panel: the article rewraps.
        self.scroll_to_cursor();
    }

    /// Apply the entity corrections again after they changed, and fit the panel to them.
    pub(super) fn refresh_entities(&mut self) {
        self.doc.refresh_entities();
        self.panel_content = layout::panel_content(&self.doc.entities);
        // Speakers are linked to entities, so the suggestions follow the corrections.
        self.find_suggestions_again();
    }

    /// Wrapped lines of a paragraph at the article pane's current width.
    pub fn lines(&self, paragraph: usize) -> Rc<[Range<usize>]> {
        let width = self.text_area().width as usize;
        self.wraps
            .borrow_mut()
            .lines(&self.doc.article, paragraph, width)
    }

    /// Forget the wrapped lines, for another document.
    pub(super) fn clear_wraps(&mut self) {
        *self.wraps.get_mut() = WrapCache::default();
    }

    /// Where the article's text is drawn (inside the border, right of the gutter).
    pub fn text_area(&self) -> Rect {
        layout::text_area(self.areas().article, self.doc.article.paragraphs().len())
    }

    /// Where each pane is on the screen now.
    pub fn areas(&self) -> layout::Areas {
        let list = self.focus == Focus::Annotations;
        layout::areas(self.area, self.panel_content, list)
    }
}
