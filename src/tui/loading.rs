//! Opening a big article without making the reader wait: its first paragraphs are on
//! screen at once, while a thread reads the whole, places the sidecar's annotations,
//! finds the entities and then the suggestions, sending each as it is done. On a machine
//! with more than one processor, that thread shares the analysis with helpers.
//!
//! What can make an article fail to open is found before the interface starts, as for a
//! small one (the known names, the file and its first part, the sidecar), except bytes
//! that are not UTF-8 after the first part and a broken sidecar over [`SIDECAR_AT_ONCE`]:
//! the thread finds those, and the interface then ends with the same message. Until the
//! whole article is in, the reader can move, scroll and select, but not annotate (the
//! sidecar is not even placed yet, and is never written before it is read); `G` pressed
//! then goes to the real end when it arrives. Entity corrections wait for the entities.
//!
//! A small article (up to [`BIG`]) is read whole before the first screen, and analysed on
//! the interface's thread right after it ([`App::analyse`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use super::action::Action;
use super::app::{App, Row};
use super::background;
use super::keymap::Keymap;
use super::layout;
use super::pending::Candidates;
use super::theme::Theme;
use crate::article::{Article, Decoding};
use crate::document::Document;
use crate::entity::{self, Correction, Entities};
use crate::error::{Error, Result};
use crate::sidecar::{Sidecar, Unplaced};
use crate::suggest::{self, Suggestions};

/// Articles larger than this open with their first part shown while the rest loads.
pub const BIG: u64 = 256 * 1024;
/// How much of a big article is shown at once when the terminal's size is not known: a
/// few screens.
pub const HEAD: usize = 16 * 1024;

/// How much of a big article is read before the first screen: twice what fills the
/// terminal on the standard output (the article is narrower than the screen, and text in
/// a two-byte script, such as Greek or Cyrillic, takes two bytes a cell), at least 4 KB;
/// [`HEAD`] when its size is not known. Reading and splitting more than the screen shows
/// only delays the first screen; the rest follows in the background.
pub fn head_size() -> usize {
    super::backend::stdout_size().map_or(HEAD, |size| {
        (usize::from(size.width) * usize::from(size.height) * 2).max(4 * 1024)
    })
}

/// Sidecars larger than this are read and checked by the loading thread, not before the
/// first screen: parsing one of 10,000 annotations (3.5 MB) took 0.1 s.
pub const SIDECAR_AT_ONCE: u64 = 64 * 1024;

/// The sidecar of a big article: read and checked already, or to be read by the thread.
enum ToPlace {
    Read(Unplaced),
    Later(PathBuf),
}

/// What the loading thread is doing, in the order it does it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    /// Reading the file and splitting it into paragraphs and sentences.
    Reading,
    /// Placing the sidecar's annotations in the text.
    Placing,
    /// Finding the people, organisations and places.
    Entities,
    /// Finding claims and who says what.
    Suggestions,
}

impl Step {
    /// What the status bar says.
    pub fn label(self) -> &'static str {
        match self {
            Step::Reading => "reading the article",
            Step::Placing => "placing the annotations",
            Step::Entities => "finding people and places",
            Step::Suggestions => "finding claims and who says what",
        }
    }

    /// How far the load is when this step starts, from how long each step takes on a long
    /// article. On one thread, reading is a tenth, the entities and the suggestions near
    /// half each of the rest; on more, the claims are found beside the entities, which then
    /// take three fifths, and the speakers, shared out, a fifth.
    pub fn percent(self, workers: usize) -> u8 {
        match (self, workers > 1) {
            (Step::Reading, _) => 0,
            (Step::Placing, false) => 10,
            (Step::Entities, false) => 12,
            (Step::Suggestions, false) => 58,
            (Step::Placing, true) => 14,
            (Step::Entities, true) => 15,
            (Step::Suggestions, true) => 76,
        }
    }
}

/// What the thread sends, in this order.
enum Message {
    Step(Step),
    /// The whole article with the sidecar's annotations placed, or why it cannot open.
    Article(Result<Box<Document>>),
    /// What detection found, and the same with `corrections` and the known names applied.
    Entities {
        detected: Arc<Entities>,
        entities: Arc<Entities>,
        corrections: Vec<Correction>,
    },
    /// The thread stopped because of a bug, whose message this is.
    Stopped(String),
    /// The suggestions, for entities with `corrections` applied.
    Suggestions {
        suggestions: Suggestions,
        candidates: Candidates,
        corrections: Vec<Correction>,
    },
}

/// A load under way.
pub struct Loading {
    messages: Receiver<Message>,
    /// The thread's work, until it starts: after the first screen is drawn, so that the
    /// two do not compete for the processor.
    job: Option<Job>,
    pub step: Step,
    /// `G` was the last move while only the first part was shown.
    jump_to_end: bool,
    /// How many threads analyse, once the thread has started.
    pub workers: usize,
}

/// What the loading thread is given.
struct Job {
    path: PathBuf,
    decoding: Decoding,
    sidecar: ToPlace,
    known: Vec<Correction>,
    out: Sender<Message>,
}

impl Loading {
    /// Whether the whole article is in (annotations can be made).
    pub fn has_article(&self) -> bool {
        self.step >= Step::Entities
    }
}

/// Open an article for the interface: a small one whole, a big one (over [`BIG`]) as its
/// first part with the rest loading in the background. `sidecar` overrides the path
/// beside the article.
pub fn open(
    path: &Path,
    sidecar: Option<&Path>,
    decoding: Decoding,
    keymap: Keymap,
    theme: Theme,
) -> Result<App> {
    Ok(read(path, sidecar, decoding)?.app(keymap, theme))
}

/// An article read for the interface, before its keys and theme are given to it (see
/// `commands::open`): the whole article, to analyse once shown, or a big article's first
/// part with the load of the rest.
pub struct Opened {
    doc: Document,
    loading: Option<Loading>,
}

/// Read an article as [`open`] does, without making the interface yet.
pub fn read(path: &Path, sidecar: Option<&Path>, decoding: Decoding) -> Result<Opened> {
    let known = entity::known::load_known_names(path)?;
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    // A small article is read whole, and analysed once its first screen is shown.
    if size <= BIG {
        let article = Article::load_with(path, decoding)?;
        let doc = Document::unanalysed(article, sidecar, known)?;
        return Ok(Opened { doc, loading: None });
    }
    let (head, whole) = Article::load_head(path, decoding, head_size())?;
    if whole {
        // An HTML page of little text, read to its end looking for some.
        let doc = Document::unanalysed(head, sidecar, known)?;
        return Ok(Opened { doc, loading: None });
    }
    let sidecar_path = sidecar.map_or_else(|| Sidecar::default_path(path), Path::to_path_buf);
    let sidecar_size = std::fs::metadata(&sidecar_path).map_or(0, |m| m.len());
    let sidecar = if sidecar_size > SIDECAR_AT_ONCE {
        ToPlace::Later(sidecar_path.clone())
    } else {
        ToPlace::Read(Sidecar::read(&sidecar_path)?)
    };
    let loading = start(path.to_path_buf(), decoding, sidecar, known);
    Ok(Opened {
        doc: Document::preview(head, &sidecar_path),
        loading: Some(loading),
    })
}

impl Opened {
    /// The interface on the article, with these keys and this theme.
    pub fn app(self, keymap: Keymap, theme: Theme) -> App {
        match self.loading {
            None => App::unanalysed(self.doc, keymap, theme),
            Some(loading) => App::loading(self.doc, keymap, theme, loading),
        }
    }
}

/// A load of the whole article, to start with [`App::receive`].
fn start(path: PathBuf, decoding: Decoding, sidecar: ToPlace, known: Vec<Correction>) -> Loading {
    let (out, messages) = channel();
    Loading {
        messages,
        job: Some(Job {
            path,
            decoding,
            sidecar,
            known,
            out,
        }),
        step: Step::Reading,
        jump_to_end: false,
        workers: 1,
    }
}

impl Job {
    /// Run in a thread of its own, with helpers; how many threads analyse is returned. A
    /// panic there is caught and sent as an error, since its message printed over the
    /// interface would garble the screen.
    fn spawn(self) -> usize {
        let workers = Article::threads();
        std::thread::Builder::new()
            .name("sidenote-load".into())
            .spawn(move || {
                background::yield_to_the_interface();
                let out = self.out.clone();
                let loaded = background::catching(|| {
                    load(
                        &self.path,
                        self.decoding,
                        self.sidecar,
                        self.known,
                        workers,
                        &self.out,
                    )
                });
                if let Err(bug) = loaded {
                    let _ = out.send(Message::Stopped(bug));
                }
            })
            .expect("a thread to load the article");
        workers
    }
}

/// The thread's work, shared with `workers - 1` helpers; it stops early when the
/// interface has gone (a send fails).
fn load(
    path: &Path,
    decoding: Decoding,
    sidecar: ToPlace,
    known: Vec<Correction>,
    workers: usize,
    out: &Sender<Message>,
) {
    let send = |message| out.send(message).is_ok();
    send(Message::Step(Step::Reading));
    let sidecar = match sidecar {
        ToPlace::Read(sidecar) => sidecar,
        ToPlace::Later(path) => match Sidecar::read(&path) {
            Ok(sidecar) => sidecar,
            Err(err) => {
                send(Message::Article(Err(err)));
                return;
            }
        },
    };
    let article = match Article::load_with(path, decoding) {
        // Hashed here, so that the first save does not hash 15 MB between two frames.
        Ok(article) => {
            article.fingerprint();
            Arc::new(article)
        }
        Err(err) => {
            send(Message::Article(Err(err)));
            return;
        }
    };
    send(Message::Step(Step::Placing));
    let doc = Document::placed(Arc::clone(&article), sidecar, known.clone());
    let corrections = doc.corrections.clone();
    if !send(Message::Article(Ok(Box::new(doc)))) || !send(Message::Step(Step::Entities)) {
        return;
    }
    // With `workers` over one, claims, which need no entities, are found beside them, and
    // the entities' paragraphs are shared out. The threads started here have this one's
    // priority and slices.
    std::thread::scope(|scope| {
        let claims = (workers > 1).then(|| scope.spawn(|| suggest::claims(&article)));
        let detected = entity::detect_in_parts(&article, workers);
        background::give_back_freed_memory();
        let entities = Arc::new(entity::apply(&article, &detected, &known, &corrections));
        let sent = send(Message::Entities {
            detected: Arc::new(detected),
            entities: Arc::clone(&entities),
            corrections: corrections.clone(),
        });
        if !sent || !send(Message::Step(Step::Suggestions)) {
            return;
        }
        let attributions = suggest::attributions_in_parts(&article, &entities, workers);
        background::give_back_freed_memory();
        let claims = match claims {
            Some(thread) => thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            None => suggest::claims(&article),
        };
        let suggestions = Suggestions {
            claims: Arc::new(claims),
            attributions,
        };
        let candidates = Candidates::new(&suggestions);
        send(Message::Suggestions {
            suggestions,
            candidates,
            corrections,
        });
    });
}

impl App {
    /// What the loading thread has sent since last asked, taken in; whether anything came.
    /// An article that cannot be opened after all is an error, which ends the interface.
    pub fn receive(&mut self) -> Result<bool> {
        let mut changed = self.receive_suggestions();
        if let Some(loading) = self.loading.as_mut()
            && let Some(job) = loading.job.take()
        {
            loading.workers = job.spawn();
        }
        while let Some(loading) = &self.loading {
            let message = match loading.messages.try_recv() {
                Ok(message) => message,
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    return self.loader_stopped("it ended early".into()).map(|()| true);
                }
            };
            changed = true;
            match message {
                Message::Step(step) => self.loading_mut().step = step,
                Message::Stopped(bug) => return self.loader_stopped(bug).map(|()| true),
                Message::Article(doc) => self.take_article(*doc?),
                Message::Entities {
                    detected,
                    entities,
                    corrections,
                } => {
                    let entities = if corrections == self.doc.corrections {
                        entities
                    } else {
                        // Another program's corrections came in meanwhile.
                        Arc::new(self.doc.apply(&detected))
                    };
                    self.doc.set_entities(detected, entities);
                    self.panel_content = layout::panel_content(&self.doc.entities);
                }
                Message::Suggestions {
                    suggestions,
                    candidates,
                    corrections,
                } => {
                    self.suggestions = suggestions;
                    self.candidates = candidates;
                    if corrections != self.doc.corrections {
                        // Found for other corrections: shown until those are found.
                        self.find_suggestions_again();
                    }
                    self.loading = None;
                    if self.message.is_none() {
                        self.message = Some(format!(
                            "Loaded: {} paragraphs, {} names, {} suggestions",
                            self.doc.article.paragraphs().len(),
                            self.doc.entities.len(),
                            self.suggestions.claims.len() + self.suggestions.attributions.len()
                        ));
                    }
                }
            }
        }
        Ok(changed)
    }

    fn loading_mut(&mut self) -> &mut Loading {
        self.loading.as_mut().expect("a load under way")
    }

    /// The whole article is in: show it where the reader is in the first part.
    fn take_article(&mut self, doc: Document) {
        let old = std::mem::replace(&mut self.doc, doc);
        self.clear_wraps();
        let article = &self.doc.article;
        // The first part of a text file is the start of the whole, so its offsets hold
        // there too. That of a Markdown or HTML file may part from the whole's text; its
        // offsets hold up to there, and a place past it is taken back to it.
        let agreed = common_prefix(old.article.text(), article.text());
        let byte = |sentence: usize| old.article.sentences().get(sentence).map(|s| s.range.start);
        self.cursor = byte(self.cursor).map_or(0, |b| article.sentence_at(b.min(agreed)));
        let top = old.article.paragraphs().get(self.top.paragraph);
        let paragraph = top.map_or(0, |p| article.paragraph_at(p.range.start.min(agreed)));
        if self.selection.is_some_and(|s| s.range().end > agreed) {
            self.selection = None;
        }
        let line = self.top.line.min(self.rows_in(paragraph) - 1);
        self.top = Row { paragraph, line };
        self.message = super::orphans::reanchor_message(&self.doc).or(self.message.take());
        self.load_history();
        let jump = std::mem::take(&mut self.loading_mut().jump_to_end);
        self.loading_mut().step = Step::Entities;
        if jump {
            self.update(Action::CursorBottom);
        } else {
            self.scroll_to_cursor();
        }
    }

    /// The thread ended without finishing (a bug in it, described by `bug`): without the
    /// article, the interface cannot go on; with it, it goes on without what was missing.
    fn loader_stopped(&mut self, bug: String) -> Result<()> {
        let has_article = self.loading.as_ref().is_some_and(Loading::has_article);
        self.loading = None;
        if !has_article {
            return Err(Error::ReadArticle {
                path: self.doc.article.path().to_path_buf(),
                cause: std::io::Error::other(format!(
                    "loading it stopped because of a bug ({bug})"
                )),
            });
        }
        self.message = Some(format!(
            "Finding entities and suggestions stopped because of a bug ({bug})"
        ));
        Ok(())
    }

    /// Why an action must wait for the load, if it must. Before the whole article is in
    /// only reading works (moves, selection, help, quit); before the entities, changing
    /// them waits. `G` is remembered, to go to the real end once it is there.
    pub(super) fn refusal(&mut self, action: Action) -> Option<String> {
        use Action::*;
        let loading = self.loading.as_mut()?;
        if !loading.has_article() {
            match action {
                CursorBottom => loading.jump_to_end = true,
                CursorDown | CursorUp | ParagraphDown | ParagraphUp | PageDown | PageUp
                | CursorTop => loading.jump_to_end = false,
                _ => {}
            }
            let reading = matches!(
                action,
                Quit | ShowHelp
                    | FocusNext
                    | FocusPrevious
                    | Resize(..)
                    | CursorDown
                    | CursorUp
                    | ParagraphDown
                    | ParagraphUp
                    | PageDown
                    | PageUp
                    | CursorTop
                    | CursorBottom
                    | SelectStart
                    | SelectWordNext
                    | SelectWordBack
                    | SelectWordEnd
                    | SelectCharRight
                    | SelectCharLeft
                    | SelectSentenceNext
                    | SelectSentenceBack
                    | SelectCancel
                    | SelectQuote
                    | SelectClause
                    | SelectWholeSentence
                    | SelectParagraph
                    | EntityDown
                    | EntityUp
                    | ListDown
                    | ListUp
                    | HelpDown
                    | HelpUp
                    | HelpClose
            );
            return (!reading).then(|| {
                "Still loading the article: annotating waits until it is all in; \
                 reading and moving work now"
                    .to_string()
            });
        }
        let changes_entities = matches!(
            action,
            EntityRename | EntityRetype | EntityMerge | EntityDismiss | EntitySource | AddEntity
        );
        (changes_entities && loading.step < Step::Suggestions).then(|| {
            "Still finding the people and places: corrections wait until they are in".to_string()
        })
    }
}

/// How many bytes two texts share at their start, ending on a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    let same = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    (0..=same)
        .rev()
        .find(|&at| a.is_char_boundary(at))
        .unwrap_or(0)
}

/// The generated archive the benchmarks read.
#[cfg(test)]
#[path = "../../benches/archive.rs"]
mod archive;

#[cfg(test)]
mod tests {
    use super::archive;
    use super::*;

    /// What the loading thread sends, by the number of threads that analyse.
    fn loaded(path: &Path, workers: usize) -> (Arc<Entities>, Suggestions) {
        let (out, messages) = channel();
        let sidecar = Sidecar::read(&Sidecar::default_path(path)).unwrap();
        load(
            path,
            Decoding::Strict,
            ToPlace::Read(sidecar),
            Vec::new(),
            workers,
            &out,
        );
        drop(out);
        let mut entities = None;
        let mut suggestions = None;
        for message in messages {
            match message {
                Message::Entities { entities: e, .. } => entities = Some(e),
                Message::Suggestions { suggestions: s, .. } => suggestions = Some(s),
                Message::Stopped(bug) => panic!("{bug}"),
                _ => {}
            }
        }
        (entities.unwrap(), suggestions.unwrap())
    }

    /// On a machine with more than one processor, helpers share the analysis: the user
    /// sees the same names, claims and speakers as with one thread.
    #[test]
    fn helpers_find_what_the_loading_thread_finds_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("archive.txt");
        std::fs::write(&path, archive::generate(400_000)).unwrap();
        let (entities, suggestions) = loaded(&path, 1);
        assert!(entities.as_slice().len() > 50);
        assert!(suggestions.claims.len() > 50 && suggestions.attributions.len() > 50);
        for workers in [2, 3] {
            let (e, s) = loaded(&path, workers);
            assert!(e.as_slice() == entities.as_slice(), "{workers} workers");
            assert!(s.claims == suggestions.claims, "{workers} workers");
            assert!(
                s.attributions == suggestions.attributions,
                "{workers} workers"
            );
        }
    }
}
