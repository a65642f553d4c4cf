//! The editor's work as a whole (annotations, entity corrections, rejected suggestions),
//! how two versions of it differ, and when two records say the same thing.

use std::collections::HashMap;

use crate::anchor::{Anchor, Placement};
use crate::annotation::{Annotation, Annotations};
use crate::entity::Correction;
use crate::suggest::Rejection;

/// Everything the editor can change, as one value: what a sidecar holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Work {
    pub annotations: Annotations,
    pub corrections: Vec<Correction>,
    pub rejected: Vec<Rejection>,
}

/// What turns one version of the work into another: records to put in (replacing a
/// record with the same id) and records to take out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delta {
    pub set: Work,
    pub unset: Work,
}

impl Delta {
    /// The change from `from` to `to`.
    pub fn between(from: &Work, to: &Work) -> Delta {
        let by_id = |work: &Work| -> HashMap<String, Annotation> {
            work.annotations
                .iter()
                .map(|a| (a.id.clone(), a.clone()))
                .collect()
        };
        let (before, after) = (by_id(from), by_id(to));
        let mut delta = Delta::default();
        let set = to
            .annotations
            .iter()
            .filter(|a| before.get(&a.id) != Some(*a));
        delta.set.annotations = Annotations::new(set.cloned().collect());
        let unset = from
            .annotations
            .iter()
            .filter(|a| !after.contains_key(&a.id));
        delta.unset.annotations = Annotations::new(unset.cloned().collect());
        let find = |list: &[Correction], id: &str| list.iter().find(|c| c.id == id).cloned();
        delta.set.corrections = to
            .corrections
            .iter()
            .filter(|c| find(&from.corrections, &c.id).as_ref() != Some(*c))
            .cloned()
            .collect();
        delta.unset.corrections = from
            .corrections
            .iter()
            .filter(|c| find(&to.corrections, &c.id).is_none())
            .cloned()
            .collect();
        let missing =
            |list: &[Rejection], r: &Rejection| !list.iter().any(|x| same_rejection(x, r));
        delta.set.rejected = to
            .rejected
            .iter()
            .filter(|r| missing(&from.rejected, r))
            .cloned()
            .collect();
        delta.unset.rejected = from
            .rejected
            .iter()
            .filter(|r| missing(&to.rejected, r))
            .cloned()
            .collect();
        delta
    }

    pub fn is_empty(&self) -> bool {
        self.set == Work::default() && self.unset == Work::default()
    }

    /// Apply the change to `work`. Records it does not touch stay as they are, so a
    /// change can be applied to a version other than the one it was taken from.
    pub fn apply(&self, work: &mut Work) {
        let touched: std::collections::HashSet<&str> = self
            .set
            .annotations
            .iter()
            .chain(self.unset.annotations.iter())
            .map(|a| a.id.as_str())
            .collect();
        let mut items: Vec<Annotation> = work
            .annotations
            .iter()
            .filter(|a| !touched.contains(a.id.as_str()))
            .cloned()
            .collect();
        items.extend(self.set.annotations.iter().cloned());
        work.annotations = Annotations::new(items);

        work.corrections
            .retain(|c| !self.unset.corrections.iter().any(|u| u.id == c.id));
        for correction in &self.set.corrections {
            match work.corrections.iter_mut().find(|c| c.id == correction.id) {
                Some(existing) => *existing = correction.clone(),
                None => work.corrections.push(correction.clone()),
            }
        }

        work.rejected
            .retain(|r| !self.unset.rejected.iter().any(|u| same_rejection(u, r)));
        for rejection in &self.set.rejected {
            if !work.rejected.iter().any(|r| same_rejection(r, rejection)) {
                work.rejected.push(rejection.clone());
            }
        }
    }
}

/// Where a record stands: its place in the text when it has one, else its stored anchor.
/// Two records at the same place are at the same span even when one carries the anchor
/// it was read with and the other a fresh one.
fn span(placement: &Placement, anchor: &Anchor) -> (Placement, Option<Anchor>) {
    match placement {
        Placement::At(_) => (placement.clone(), None),
        _ => (placement.clone(), Some(anchor.clone())),
    }
}

/// Whether two rejections reject the same suggestion.
pub fn same_rejection(a: &Rejection, b: &Rejection) -> bool {
    a.kind == b.kind && span(&a.placement, &a.anchor) == span(&b.placement, &b.anchor)
}

/// Whether two annotations say the same thing: every field but the modification time.
pub fn same_annotation(a: &Annotation, b: &Annotation) -> bool {
    same_span(a, b)
        && a.sources == b.sources
        && a.entity == b.entity
        && a.source_kind == b.source_kind
        && a.description == b.description
        && a.verdict == b.verdict
        && a.note == b.note
        && a.author == b.author
}

/// Whether two annotations mark the same text as the same kind.
pub fn same_span(a: &Annotation, b: &Annotation) -> bool {
    a.kind == b.kind && span(&a.placement, &a.anchor) == span(&b.placement, &b.anchor)
}
