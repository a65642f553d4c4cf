//! Undo and redo: snapshots of everything the editor can change (annotations and entity
//! corrections), each with a label saying what changed.

use super::app::{App, Effect};
use crate::annotation::Annotations;
use crate::entity::Correction;
use crate::suggest::Rejection;

/// The editor's work at one moment.
#[derive(Debug, Clone)]
pub struct Snapshot {
    annotations: Annotations,
    corrections: Vec<Correction>,
    rejected: Vec<Rejection>,
}

#[derive(Debug, Default)]
pub struct History {
    past: Vec<(Snapshot, String)>,
    future: Vec<(Snapshot, String)>,
}

impl App {
    fn snapshot(&self) -> Snapshot {
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
