//! Undo and redo: snapshots of everything the editor can change (annotations, entity
//! corrections, rejected suggestions), each with a label saying what changed. The history
//! is kept beside the sidecar ([`super::history_file`]) so that it survives a restart.

use super::app::{App, Effect};
use crate::sidecar::{Delta, Work};

/// The editor's work at one moment.
pub type Snapshot = Work;

#[derive(Debug, Default)]
pub struct History {
    /// Oldest first; the last is what undo goes back to.
    pub(super) past: Vec<(Snapshot, String)>,
    /// The last is what redo goes forward to.
    pub(super) future: Vec<(Snapshot, String)>,
}

impl History {
    /// Carry a change made from outside (another program's, merged in) into every
    /// snapshot, so that undo never takes it back.
    pub(super) fn rebase(&mut self, change: &Delta) {
        if change.is_empty() {
            return;
        }
        for (snapshot, _) in self.past.iter_mut().chain(self.future.iter_mut()) {
            change.apply(snapshot);
        }
    }
}

impl App {
    pub(super) fn snapshot(&self) -> Snapshot {
        Snapshot {
            annotations: self.doc.annotations.clone(),
            corrections: self.doc.corrections.clone(),
            rejected: self.doc.rejected.clone(),
        }
    }

    fn restore(&mut self, snapshot: Snapshot) {
        self.doc.annotations = snapshot.annotations;
        self.doc.rejected = snapshot.rejected;
        if self.doc.corrections != snapshot.corrections {
            self.doc.corrections = snapshot.corrections;
            self.refresh_entities();
            self.entity = self.entity.min(self.doc.entities.len().saturating_sub(1));
        }
    }

    /// Record the work before a change, for undo.
    pub(super) fn remember(&mut self, label: String) {
        let snapshot = self.snapshot();
        self.history.past.push((snapshot, label));
        self.history.future.clear();
    }

    /// Drop the last record when the change it was taken for did not happen after all.
    pub(super) fn forget_last(&mut self) {
        self.history.past.pop();
    }

    /// Undo (`back`) or redo: swap the work with the snapshot on one stack and push the
    /// current work on the other.
    pub(super) fn step(&mut self, back: bool) -> Option<Effect> {
        let popped = if back {
            self.history.past.pop()
        } else {
            self.history.future.pop()
        };
        let Some((snapshot, label)) = popped else {
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
        let current = self.snapshot();
        self.restore(snapshot);
        if back {
            self.history.future.push((current, label.clone()));
            self.message = Some(format!("Undone: {label}"));
        } else {
            self.history.past.push((current, label.clone()));
            self.message = Some(format!("Redone: {label}"));
        }
        Some(Effect::Save)
    }
}
