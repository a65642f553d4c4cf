//! People, organisations and places an article names.

mod classify;
mod corrections;
mod cues;
mod detect;
pub mod known;
mod lexicon;
mod lower_words;

pub use lexicon::Gender;
mod merge;
mod tokens;

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use corrections::{Correction, apply, slug};
pub(crate) use corrections::{added_names, correct, with_added};
pub use detect::{detect, detect_in_parts};

/// The gender of a person's first name, when the given-name lists say one.
pub fn gender_of(entity: &Entity) -> Option<Gender> {
    if entity.kind != EntityKind::Person {
        return None;
    }
    let first = entity.name.split(' ').next()?;
    lexicon::lexicon().gender(first)
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Other,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Other,
    ];

    /// The word used in files and JSON: "person", "organization", "place", "other".
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }

    /// The heading of this kind's group in the entity panel.
    pub fn plural(self) -> &'static str {
        match self {
            EntityKind::Person => "People",
            EntityKind::Organization => "Organisations",
            EntityKind::Place => "Places",
            EntityKind::Other => "Other",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A person, organisation or place, with every place the article mentions it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable within an article: the name in lower case with hyphens ("elena-vance").
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    /// Other ways the article writes it ("Vance", "WFP").
    pub aliases: Vec<String>,
    /// Byte ranges of the mentions, in text order.
    pub mentions: Vec<Range<usize>>,
}

/// The entities of an article, with an index of mentions by position.
#[derive(Debug, Clone, Default)]
pub struct Entities {
    list: Vec<Entity>,
    /// (mention, index into `list`), sorted by start.
    by_position: Vec<(Range<usize>, usize)>,
}

/// By kind, then most mentioned first, then by name.
fn in_panel_order(list: &mut [Entity]) {
    list.sort_by(|a, b| {
        (a.kind, std::cmp::Reverse(a.mentions.len()), &a.name).cmp(&(
            b.kind,
            std::cmp::Reverse(b.mentions.len()),
            &b.name,
        ))
    });
}

impl Entities {
    /// Entities in panel order: by kind, then most mentioned first, then by name.
    pub fn new(mut list: Vec<Entity>) -> Entities {
        in_panel_order(&mut list);
        Entities::in_order(list)
    }

    /// The entities in the order given, with their mentions indexed by position.
    fn in_order(list: Vec<Entity>) -> Entities {
        let mut by_position: Vec<(Range<usize>, usize)> = list
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.clone(), i)))
            .collect();
        by_position.sort_by_key(|(r, _)| (r.start, r.end));
        Entities { list, by_position }
    }

    /// What [`Entities::new`] makes of `list`, whose mentions are all `before`'s: each
    /// entity of `before` kept under its id, or merged into another (`merges` holds the
    /// ids from and into), or gone with its mentions. The index of mentions by position is
    /// `before`'s, renumbered, not sorted again: a correction on a 15 MB article took 5 to
    /// 7 ms with the sort.
    pub(crate) fn moved(
        mut list: Vec<Entity>,
        before: &Entities,
        merges: &[(String, String)],
    ) -> Entities {
        in_panel_order(&mut list);
        Entities::renumbered(list, before, merges, &[])
    }

    /// `list` in the order given, with its mentions indexed: `before`'s, each with the
    /// entity that kept it (as in [`Entities::moved`]), except those that overlap one of
    /// `added`, and `added` (sorted, never overlapping), each with its entity's index in
    /// `list`. Made by merging two sorted lists, where a sort of every mention took 5 ms
    /// on a 15 MB article.
    pub(crate) fn renumbered(
        list: Vec<Entity>,
        before: &Entities,
        merges: &[(String, String)],
        added: &[(Range<usize>, usize)],
    ) -> Entities {
        let index: HashMap<&str, usize> = list
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let now: Vec<Option<usize>> = before
            .list
            .iter()
            .map(|entity| {
                let mut id = entity.id.as_str();
                // A merged entity's own entity may have been merged in turn.
                for _ in 0..=merges.len() {
                    if let Some(&i) = index.get(id) {
                        return Some(i);
                    }
                    id = &merges.iter().find(|(from, _)| from == id)?.1;
                }
                None
            })
            .collect();
        // Both in text order: each added mention goes in before the first of `before`'s
        // that it precedes, and those of `before`'s that it overlaps are left out.
        // Mentions never overlap, so no two of them become one when their entities do.
        let mut by_position = Vec::with_capacity(before.by_position.len() + added.len());
        let mut next = 0;
        for (mention, i) in &before.by_position {
            while let Some(first) = added.get(next)
                && first.0.end <= mention.start
            {
                by_position.push(first.clone());
                next += 1;
            }
            let overlapped = added.get(next).is_some_and(|(a, _)| a.start < mention.end);
            if let (false, Some(now)) = (overlapped, now[*i]) {
                by_position.push((mention.clone(), now));
            }
        }
        by_position.extend_from_slice(&added[next..]);
        Entities { list, by_position }
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &Entity> {
        self.list.iter()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The entities in panel order.
    pub fn as_slice(&self) -> &[Entity] {
        &self.list
    }

    pub fn get(&self, index: usize) -> Option<&Entity> {
        self.list.get(index)
    }

    pub fn by_id(&self, id: &str) -> Option<&Entity> {
        self.list.iter().find(|e| e.id == id)
    }

    /// Mentions overlapping a byte range, in text order, with their entity's index.
    pub fn mentions_in(&self, range: Range<usize>) -> impl Iterator<Item = (Range<usize>, usize)> {
        // Mentions are short and never overlap one another, so the first candidate is
        // the last one starting before the range.
        let first = self
            .by_position
            .partition_point(|(r, _)| r.end <= range.start);
        self.by_position[first..]
            .iter()
            .take_while(move |(r, _)| r.start < range.end)
            .cloned()
    }
}
