//! Three-way merge of the editor's work with a sidecar another program changed (a second
//! sidenote, a `git pull`), against the version both started from.
//!
//! Records are matched by id (annotations, entity corrections) or by span (rejected
//! suggestions). What one side added is kept; what one side deleted and the other left
//! alone is deleted; what one side changed and the other left alone takes the change; when
//! both changed different fields of one annotation, both changes are taken.
//!
//! Ids already in the file on disk never change, because the other program, git and
//! exports already know them. So when both sides changed the same field of an annotation
//! differently, the file's version keeps the id and ours is added beside it under the next
//! free id; when both sides added an annotation under the same id, ours is renumbered
//! (with our links to it). Deleted on one side but changed on the other is kept. An entity
//! corrected differently on both sides keeps our correction. Nothing is dropped silently:
//! [`Merge`] says what happened, for the status bar.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::work::{Delta, Work, same_annotation, same_rejection, same_span};
use crate::annotation::{Annotation, Annotations, Kind};
use crate::entity::Correction;

/// What a merge did, in words for the editor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merge {
    /// How many records the other program added, changed or deleted that were taken.
    pub taken: usize,
    /// Annotations both sides changed differently: the file's id and the id ours got.
    pub conflicts: Vec<(String, String)>,
    /// Our new annotations whose id the other program had used: old id, new id.
    pub renumbered: Vec<(String, String)>,
    /// Annotations deleted on one side and changed on the other, kept.
    pub kept: Vec<String>,
    /// Entities both sides corrected differently; our correction was kept.
    pub entities: Vec<String>,
    /// What the merge changed in our work (to carry into undo history).
    pub changes: Delta,
}

impl Merge {
    /// The id an annotation of ours has after the merge.
    pub fn new_id<'a>(&'a self, id: &'a str) -> &'a str {
        self.renumbered
            .iter()
            .chain(&self.conflicts)
            .find(|(old, _)| old == id)
            .map_or(id, |(_, new)| new.as_str())
    }
}

impl fmt::Display for Merge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.taken, self.conflicts.is_empty()) {
            (1, true) => write!(f, "Merged 1 change from another program")?,
            (n, true) if n > 1 => write!(f, "Merged {n} changes from another program")?,
            _ => write!(f, "Merged another program's changes")?,
        }
        // Said briefly: it has to fit the status bar.
        if !self.conflicts.is_empty() {
            let pairs: Vec<String> = self
                .conflicts
                .iter()
                .map(|(theirs, ours)| format!("{theirs} and your {ours}"))
                .collect();
            write!(f, "; conflict: kept {}", pairs.join(", "))?;
        }
        for (old, new) in &self.renumbered {
            write!(
                f,
                "; your {old} is now {new} (the other program also made a {old})"
            )?;
        }
        for id in &self.kept {
            write!(
                f,
                "; {id} was deleted on one side and changed on the other, and is kept"
            )?;
        }
        for id in &self.entities {
            write!(
                f,
                "; entity {id} was corrected on both sides, yours was kept"
            )?;
        }
        Ok(())
    }
}

/// Merge `ours` and `theirs`, both changed from `base`.
pub fn merge(base: &Work, ours: &Work, theirs: &Work) -> (Work, Merge) {
    let mut report = Merge::default();
    let annotations = merge_annotations(
        &base.annotations,
        &ours.annotations,
        &theirs.annotations,
        &mut report,
    );
    let corrections = merge_corrections(
        &base.corrections,
        &ours.corrections,
        &theirs.corrections,
        &mut report,
    );
    let mut rejected = Vec::new();
    let has = |list: &[crate::suggest::Rejection], r| list.iter().any(|x| same_rejection(x, r));
    for r in &theirs.rejected {
        let (in_base, in_ours) = (has(&base.rejected, r), has(&ours.rejected, r));
        if in_ours || !in_base {
            rejected.push(r.clone());
        }
        // Added there (taken), or deleted here (not taken).
        report.taken += usize::from(!in_base && !in_ours);
    }
    for r in &ours.rejected {
        let (in_base, in_theirs) = (has(&base.rejected, r), has(&theirs.rejected, r));
        if !in_theirs && !in_base {
            rejected.push(r.clone());
        }
        // Deleted there.
        report.taken += usize::from(in_base && !in_theirs);
    }
    let work = Work {
        annotations,
        corrections,
        rejected,
    };
    report.changes = Delta::between(ours, &work);
    (work, report)
}

fn merge_annotations(
    base: &Annotations,
    ours: &Annotations,
    theirs: &Annotations,
    report: &mut Merge,
) -> Annotations {
    let mut used: HashSet<String> = base
        .iter()
        .chain(ours.iter())
        .chain(theirs.iter())
        .map(|a| a.id.clone())
        .collect();

    // Both sides made a new annotation under one id: ours moves to a free id.
    let mut renames: HashMap<String, String> = HashMap::new();
    for a in ours.iter() {
        let clash = theirs.get(&a.id).is_some_and(|t| !same_annotation(a, t));
        if base.get(&a.id).is_none() && clash {
            let new = fresh_id(a.kind, &mut used);
            report.renumbered.push((a.id.clone(), new.clone()));
            renames.insert(a.id.clone(), new);
        }
    }
    let ours: Vec<Annotation> = ours
        .iter()
        .map(|a| {
            let mut a = a.clone();
            if let Some(new) = renames.get(&a.id) {
                a.id = new.clone();
            }
            for source in &mut a.sources {
                if let Some(new) = renames.get(source) {
                    *source = new.clone();
                }
            }
            a
        })
        .collect();
    let ours_by: HashMap<&str, &Annotation> = ours.iter().map(|a| (a.id.as_str(), a)).collect();

    let mut merged = Vec::new();
    let mut seen = HashSet::new();
    for t in theirs.iter() {
        seen.insert(t.id.as_str());
        let o = ours_by.get(t.id.as_str()).copied();
        match (base.get(&t.id), o) {
            // Added there, or added alike on both sides.
            (None, _) => {
                report.taken += usize::from(o.is_none());
                merged.push(t.clone());
            }
            (Some(b), None) if same_annotation(b, t) => {} // we deleted it
            (Some(_), None) => {
                report.kept.push(t.id.clone());
                merged.push(t.clone());
            }
            (Some(b), Some(o)) => {
                if same_annotation(o, t) || same_annotation(o, b) {
                    report.taken += usize::from(!same_annotation(t, b));
                    merged.push(t.clone());
                } else if same_annotation(t, b) {
                    merged.push(o.clone());
                } else if let Some(both) = merge_fields(b, o, t) {
                    report.taken += 1;
                    merged.push(both);
                } else {
                    let mut copy = o.clone();
                    copy.id = fresh_id(o.kind, &mut used);
                    report.conflicts.push((t.id.clone(), copy.id.clone()));
                    merged.push(t.clone());
                    merged.push(copy);
                }
            }
        }
    }
    for o in &ours {
        if seen.contains(o.id.as_str()) {
            continue;
        }
        match base.get(&o.id) {
            None => merged.push(o.clone()),
            Some(b) if same_annotation(b, o) => report.taken += 1, // they deleted it
            Some(_) => {
                report.kept.push(o.id.clone());
                merged.push(o.clone());
            }
        }
    }
    // A link to an annotation one side deleted goes with it.
    let ids: HashSet<String> = merged.iter().map(|a| a.id.clone()).collect();
    for a in &mut merged {
        a.sources.retain(|s| ids.contains(s));
    }
    Annotations::new(merged)
}

/// One annotation changed on both sides: each field takes the side that changed it. `None`
/// when both changed the same field differently.
fn merge_fields(base: &Annotation, ours: &Annotation, theirs: &Annotation) -> Option<Annotation> {
    let mut merged = theirs.clone();
    if !same_span(ours, base) {
        if !same_span(theirs, base) && !same_span(ours, theirs) {
            return None;
        }
        merged.kind = ours.kind;
        merged.anchor = ours.anchor.clone();
        merged.placement = ours.placement.clone();
    }
    merged.entity = pick(&base.entity, &ours.entity, &theirs.entity)?;
    merged.source_kind = pick(&base.source_kind, &ours.source_kind, &theirs.source_kind)?;
    merged.description = pick(&base.description, &ours.description, &theirs.description)?;
    merged.verdict = pick(&base.verdict, &ours.verdict, &theirs.verdict)?;
    merged.note = pick(&base.note, &ours.note, &theirs.note)?;
    // Links are a set: a link either side added stays, one either side removed goes.
    let mut sources: Vec<String> = theirs
        .sources
        .iter()
        .filter(|s| ours.sources.contains(s) || !base.sources.contains(s))
        .cloned()
        .collect();
    for s in &ours.sources {
        if !base.sources.contains(s) && !sources.contains(s) {
            sources.push(s.clone());
        }
    }
    merged.sources = sources;
    merged.modified = ours.modified.clone().max(theirs.modified.clone());
    Some(merged)
}

/// The value of a field after a three-way merge, or `None` for a conflict.
fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> Option<T> {
    if ours == base || ours == theirs {
        Some(theirs.clone())
    } else if theirs == base {
        Some(ours.clone())
    } else {
        None
    }
}

fn merge_corrections(
    base: &[Correction],
    ours: &[Correction],
    theirs: &[Correction],
    report: &mut Merge,
) -> Vec<Correction> {
    let find = |list: &[Correction], id: &str| list.iter().find(|c| c.id == id).cloned();
    let mut merged = Vec::new();
    for t in theirs {
        let (b, o) = (find(base, &t.id), find(ours, &t.id));
        match (b, o) {
            (None, None) => {
                report.taken += 1;
                merged.push(t.clone());
            }
            (Some(b), None) if b == *t => {}
            (Some(_), None) => merged.push(t.clone()),
            (b, Some(o)) => {
                if b.as_ref() == Some(&o) || o == *t {
                    report.taken += usize::from(b.as_ref() != Some(t));
                    merged.push(t.clone());
                } else {
                    if b.as_ref() != Some(t) {
                        report.entities.push(t.id.clone());
                    }
                    merged.push(o);
                }
            }
        }
    }
    for o in ours {
        if find(theirs, &o.id).is_some() {
            continue;
        }
        match find(base, &o.id) {
            Some(b) if b == *o => report.taken += 1,
            _ => merged.push(o.clone()),
        }
    }
    merged
}

/// The next id of a kind that no version uses.
fn fresh_id(kind: Kind, used: &mut HashSet<String>) -> String {
    let prefix = match kind {
        Kind::Claim => 'c',
        Kind::Source => 's',
    };
    let highest = used
        .iter()
        .filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    let id = format!("{prefix}{}", highest + 1);
    used.insert(id.clone());
    id
}
