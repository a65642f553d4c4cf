//! Orphans: annotations whose text is no longer in the article. `O` lists them with
//! their stored quote, kind, verdict and note; `enter` attaches the chosen one to the
//! selection (or the sentence under the cursor), where it is placed with a fresh anchor.

use super::app::{App, Effect, Overlay};
use super::edit::one_line;
use crate::anchor::Fit;
use crate::document::Document;

/// The orphan list overlay's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrphanList {
    /// Index of the chosen orphan, in the store's order.
    pub chosen: usize,
}

/// What the status bar says on opening an article that changed since its sidecar was
/// written: how every annotation was found again.
pub fn reanchor_message(doc: &Document) -> Option<String> {
    if !doc.article_changed {
        return None;
    }
    let count = |fit: Fit| {
        doc.annotations
            .iter()
            .filter(|a| a.fit(&doc.article) == fit)
            .count()
    };
    let orphaned = count(Fit::Orphaned);
    let mut message = format!(
        "The article changed: placed {}, moved {}, fuzzy {}, orphaned {orphaned}",
        count(Fit::Placed),
        count(Fit::Moved),
        count(Fit::Fuzzy),
    );
    if orphaned > 0 {
        message.push_str(" (O lists them)");
    }
    Some(message)
}

impl App {
    /// The ids of the orphans, in the order the list shows them.
    pub fn orphan_ids(&self) -> Vec<String> {
        self.doc
            .annotations
            .orphans()
            .map(|a| a.id.clone())
            .collect()
    }

    pub(super) fn open_orphans(&mut self) {
        if self.doc.annotations.orphans().next().is_none() {
            self.message = Some("No orphans: every annotation is in the text".into());
            return;
        }
        self.overlay = Some(Overlay::Orphans(OrphanList::default()));
    }

    pub(super) fn move_in_orphans(&mut self, down: bool) {
        let count = self.doc.annotations.orphans().count();
        if let Some(Overlay::Orphans(list)) = &mut self.overlay {
            list.chosen = if down {
                (list.chosen + 1).min(count.saturating_sub(1))
            } else {
                list.chosen.saturating_sub(1)
            };
        }
    }

    /// Attach the chosen orphan to the selection, or the sentence under the cursor.
    pub(super) fn attach_orphan(&mut self) -> Option<Effect> {
        let Some(Overlay::Orphans(list)) = &self.overlay else {
            return None;
        };
        let id = self.orphan_ids().get(list.chosen)?.clone();
        let Some(range) = self.target_range() else {
            self.message = Some("Nothing to attach it to: select the text first".into());
            return None;
        };
        self.remember(format!("re-attach {id}"));
        self.doc
            .annotations
            .attach(&self.doc.article, &id, range.clone());
        self.overlay = None;
        self.selection = None;
        self.message = Some(format!(
            "{id} attached to \u{201c}{}\u{201d}",
            one_line(&self.doc.article.text()[range], 60)
        ));
        Some(Effect::Save)
    }
}
