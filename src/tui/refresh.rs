//! The suggestions found again after the entities change (a rename, a merge, an undo, another
//! program's corrections): speakers are linked to entities, so every attribution may change;
//! the claims do not, and are kept. On a big article that takes a sixth of a second, so a
//! thread does it while the interface goes on with the suggestions it has; the new ones take
//! their place when they are done. A small article's are found at once.

use std::sync::Arc;
use std::thread::JoinHandle;

use super::app::App;
use super::background;
use super::pending::Candidates;
use crate::article::Article;
use crate::entity::Entities;
use crate::suggest::{self, ClaimSuggestion, Suggestions};

/// Articles up to this size have their suggestions found again at once: on this machine
/// 32 KB takes about half a millisecond, a keystroke's budget.
pub const AT_ONCE: usize = 32 * 1024;

/// Suggestions being found on a thread.
pub struct Refresh {
    thread: JoinHandle<Result<(Suggestions, Candidates), String>>,
    /// The entities they are found for; by the time they are done the document may have
    /// others.
    entities: Arc<Entities>,
}

impl Refresh {
    /// Find the attributions for `entities`; the claims stay as they are.
    fn start(
        article: Arc<Article>,
        entities: Arc<Entities>,
        claims: Arc<Vec<ClaimSuggestion>>,
    ) -> Refresh {
        let thread = {
            let entities = Arc::clone(&entities);
            std::thread::Builder::new()
                .name("sidenote-suggest".into())
                .spawn(move || {
                    background::yield_to_the_interface();
                    background::catching(|| {
                        let workers = Article::threads();
                        let suggestions = Suggestions {
                            claims,
                            attributions: suggest::attributions_in_parts(
                                &article, &entities, workers,
                            ),
                        };
                        let candidates = Candidates::new(&suggestions);
                        background::give_back_freed_memory();
                        (suggestions, candidates)
                    })
                })
                .expect("a thread to find the suggestions")
        };
        Refresh { thread, entities }
    }
}

impl App {
    /// Find the suggestions again for the document's entities as they are now.
    pub(super) fn find_suggestions_again(&mut self) {
        if self.doc.article.text().len() <= AT_ONCE {
            self.refresh = None;
            self.set_suggestions(suggest::suggest(&self.doc.article, &self.doc.entities));
        } else if self.refresh.is_none() {
            let article = Arc::clone(&self.doc.article);
            let entities = Arc::clone(&self.doc.entities);
            let claims = Arc::clone(&self.suggestions.claims);
            self.refresh = Some(Refresh::start(article, entities, claims));
        }
        // Else the thread under way is for entities that are no longer the document's:
        // once it is done, it is started again (see `receive_suggestions`).
    }

    /// Take in the suggestions found on the thread, once it is done; whether anything
    /// changed. When the entities changed again meanwhile, they are found once more.
    pub(super) fn receive_suggestions(&mut self) -> bool {
        if !self
            .refresh
            .as_ref()
            .is_some_and(|r| r.thread.is_finished())
        {
            return false;
        }
        let Refresh { thread, entities } = self.refresh.take().expect("a thread that is done");
        let found = thread
            .join()
            .unwrap_or_else(|payload| Err(super::crash::panic_text(&*payload)));
        match found {
            Ok(stale) if !Arc::ptr_eq(&entities, &self.doc.entities) => {
                background::let_go(stale);
                self.find_suggestions_again();
            }
            Ok((suggestions, candidates)) => {
                background::let_go((
                    std::mem::replace(&mut self.suggestions, suggestions),
                    std::mem::replace(&mut self.candidates, candidates),
                ));
            }
            Err(bug) => {
                self.message = Some(format!(
                    "Finding the suggestions again stopped because of a bug ({bug})"
                ));
            }
        }
        true
    }
}
