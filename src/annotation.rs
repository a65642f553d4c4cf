//! Claims and sources the editor tagged, and the store that keeps them in text order.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::anchor::{Anchor, Placement};
use crate::article::Article;

/// What an annotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A checkable assertion.
    Claim,
    /// Who says so, or where the information comes from.
    Source,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Claim => "claim",
            Kind::Source => "source",
        }
    }

    pub fn parse(word: &str) -> Option<Kind> {
        match word {
            "claim" => Some(Kind::Claim),
            "source" => Some(Kind::Source),
            _ => None,
        }
    }

    /// The letter that starts this kind's ids: "c1", "s1".
    fn id_prefix(self) -> char {
        match self {
            Kind::Claim => 'c',
            Kind::Source => 's',
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of source an annotation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A named person.
    Person,
    /// A named organisation.
    Organization,
    /// A document, report, data or records.
    Document,
    /// Someone not named ("a senior official who asked not to be named").
    Anonymous,
    Other,
}

impl SourceKind {
    pub const ALL: [SourceKind; 5] = [
        SourceKind::Person,
        SourceKind::Organization,
        SourceKind::Document,
        SourceKind::Anonymous,
        SourceKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organization => "organization",
            SourceKind::Document => "document",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Other => "other",
        }
    }

    /// The words a reader uses: "named person", "organisation", …
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Person => "named person",
            SourceKind::Organization => "organisation",
            SourceKind::Document => "document",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Other => "other",
        }
    }

    /// A first guess from what the text says about the source.
    pub fn guess(words: &str, entity: Option<crate::entity::EntityKind>) -> SourceKind {
        use crate::entity::EntityKind;
        match entity {
            Some(EntityKind::Person) => return SourceKind::Person,
            Some(EntityKind::Organization) => return SourceKind::Organization,
            _ => {}
        }
        let lower = words.to_lowercase();
        let has = |list: &[&str]| list.iter().any(|w| lower.contains(w));
        if has(&[
            "document",
            "report",
            "figures",
            "data",
            "records",
            "study",
            "survey",
            "letter",
            "memo",
            "briefing",
            "minutes",
            "filing",
            "email",
            "statement",
            "census",
            "audit",
        ]) {
            SourceKind::Document
        } else if has(&[
            "not to be named",
            "anonymity",
            "anonymous",
            "official",
            "source",
            "person familiar",
            "people familiar",
            "diplomat",
            "insider",
            "who declined",
        ]) {
            SourceKind::Anonymous
        } else {
            SourceKind::Other
        }
    }
}

/// A claim or a source, anchored to the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// Stable id, unique in the sidecar: "c1", "c2" for claims, "s1" for sources.
    pub id: String,
    pub kind: Kind,
    pub anchor: Anchor,
    /// Where the anchor sits in the current text (re-anchoring may have moved it).
    pub placement: Placement,
    /// A claim's sources (ids of source annotations).
    pub sources: Vec<String>,
    /// A source's entity id.
    pub entity: Option<String>,
    /// What kind of source it is.
    pub source_kind: Option<SourceKind>,
    /// A source's description when it is not in the text ("a phone call with the ministry").
    pub description: Option<String>,
    /// A claim's verdict.
    pub verdict: Option<String>,
    pub note: Option<String>,
    /// RFC 3339 times, to the second.
    pub created: Option<String>,
    pub modified: Option<String>,
    /// Who made it: the config's `author` when it was made.
    pub author: Option<String>,
}

impl Annotation {
    /// Byte range in the current text, or `None` for an orphan that could not be placed.
    pub fn range(&self) -> Option<Range<usize>> {
        match &self.placement {
            Placement::Orphaned | Placement::Detached => None,
            Placement::At(range) => Some(range.clone()),
        }
    }

    /// Its words: the text where it is placed now (which differs from the stored quote
    /// after a fuzzy match), else the stored quote.
    pub fn quote<'a>(&'a self, article: &'a Article) -> &'a str {
        self.range()
            .and_then(|r| article.text().get(r))
            .unwrap_or(&self.anchor.quote)
    }

    /// How it was found when the sidecar was read: at its offsets, moved, fuzzily
    /// matched, orphaned (or detached by design).
    pub fn fit(&self, article: &Article) -> crate::anchor::Fit {
        self.anchor.fit(&self.placement, article)
    }
}

/// The annotations of one article, sorted by where they start in the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Annotations {
    /// Shared with the store's copies (a sidecar keeps the version it last read or
    /// wrote): copying a store copies no record, and a change copies only the one it
    /// changes.
    items: Vec<Arc<Annotation>>,
    /// Length in bytes of the longest placed annotation, which bounds range queries.
    longest: usize,
}

impl Annotations {
    pub fn new(items: Vec<Annotation>) -> Annotations {
        let items = items.into_iter().map(Arc::new).collect();
        let mut store = Annotations { items, longest: 0 };
        store.reindex();
        store
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &Annotation> {
        self.items.iter().map(|a| &**a)
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn count(&self, kind: Kind) -> usize {
        self.items.iter().filter(|a| a.kind == kind).count()
    }

    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.iter().find(|a| a.id == id)
    }

    /// Tag a byte range of the article; returns the new annotation's id.
    pub fn add(&mut self, article: &Article, kind: Kind, range: Range<usize>) -> String {
        let id = self.next_id(kind);
        let now = now();
        self.items.push(Arc::new(Annotation {
            id: id.clone(),
            kind,
            anchor: Anchor::new(article, range.clone()),
            placement: Placement::At(range),
            sources: Vec::new(),
            entity: None,
            source_kind: None,
            description: None,
            verdict: None,
            note: None,
            created: Some(now.clone()),
            modified: Some(now),
            author: None,
        }));
        self.reindex();
        id
    }

    /// Remove an annotation and every link to it. Returns whether it existed.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.items.len();
        self.items.retain(|a| a.id != id);
        for item in &mut self.items {
            if item.sources.iter().any(|s| s == id) {
                Arc::make_mut(item).sources.retain(|s| s != id);
            }
        }
        self.reindex();
        before != self.items.len()
    }

    /// Link a claim to a source. Returns false when either is missing or the link exists.
    pub fn link(&mut self, claim: &str, source: &str) -> bool {
        if self.get(source).is_none_or(|s| s.kind != Kind::Source) {
            return false;
        }
        let Some(claim) = self
            .items
            .iter_mut()
            .find(|a| a.id == claim && a.kind == Kind::Claim)
        else {
            return false;
        };
        if claim.sources.iter().any(|s| s == source) {
            return false;
        }
        let claim = Arc::make_mut(claim);
        claim.sources.push(source.to_string());
        claim.modified = Some(now());
        true
    }

    /// Stamp who made an annotation (part of making it, so not a modification).
    pub fn set_author(&mut self, id: &str, author: &str) {
        if let Some(item) = self.items.iter_mut().find(|a| a.id == id) {
            Arc::make_mut(item).author = Some(author.to_string());
        }
    }

    /// Set the entity a source stands for.
    pub fn set_entity(&mut self, source: &str, entity: Option<String>) {
        if let Some(item) = self.items.iter_mut().find(|a| a.id == source) {
            let item = Arc::make_mut(item);
            item.entity = entity;
            item.modified = Some(now());
        }
    }

    /// Placed annotations that overlap a byte range, in text order. Costs a binary search
    /// plus the annotations that start within reach of the range, not a pass over all.
    pub fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = &Annotation> {
        let from = range.start.saturating_sub(self.longest);
        let first = self.items.partition_point(|a| sort_key(a).0 < from);
        self.items[first..]
            .iter()
            .map(|a| &**a)
            .take_while(move |a| sort_key(a).0 < range.end.max(range.start + 1))
            .filter(move |a| {
                a.range().is_some_and(|r| {
                    r.start < range.end.max(range.start + 1) && range.start < r.end.max(r.start + 1)
                })
            })
    }

    /// Annotations that could not be placed in the current text.
    pub fn orphans(&self) -> impl Iterator<Item = &Annotation> {
        self.iter().filter(|a| a.placement == Placement::Orphaned)
    }

    /// Add a source that is not in the text, given by its description.
    pub fn add_detached(&mut self, description: &str, kind: SourceKind) -> String {
        let id = self.next_id(Kind::Source);
        let now = now();
        self.items.push(Arc::new(Annotation {
            id: id.clone(),
            kind: Kind::Source,
            anchor: Anchor {
                start: 0,
                end: 0,
                quote: String::new(),
                prefix: String::new(),
                suffix: String::new(),
            },
            placement: Placement::Detached,
            sources: Vec::new(),
            entity: None,
            source_kind: Some(kind),
            description: Some(description.to_string()),
            verdict: None,
            note: None,
            created: Some(now.clone()),
            modified: Some(now),
            author: None,
        }));
        self.reindex();
        id
    }

    /// Change one annotation's fields, stamping it as modified. Returns whether it exists.
    pub fn edit(&mut self, id: &str, change: impl FnOnce(&mut Annotation)) -> bool {
        let Some(item) = self.items.iter_mut().find(|a| a.id == id) else {
            return false;
        };
        let item = Arc::make_mut(item);
        change(item);
        item.modified = Some(now());
        true
    }

    /// Attach an annotation (an orphan, usually) to a byte range of the article: it is
    /// placed there with a fresh anchor. Returns whether it exists.
    pub fn attach(&mut self, article: &Article, id: &str, range: Range<usize>) -> bool {
        let attached = self.edit(id, |a| {
            a.anchor = Anchor::new(article, range.clone());
            a.placement = Placement::At(range);
        });
        self.reindex();
        attached
    }

    fn next_id(&self, kind: Kind) -> String {
        let prefix = kind.id_prefix();
        let highest = self
            .items
            .iter()
            .filter_map(|a| a.id.strip_prefix(prefix)?.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        format!("{prefix}{}", highest + 1)
    }

    fn reindex(&mut self) {
        self.items.sort_by(|a, b| {
            sort_key(a)
                .cmp(&sort_key(b))
                .then_with(|| id_order(&a.id).cmp(&id_order(&b.id)))
        });
        self.longest = self
            .items
            .iter()
            .filter_map(|a| a.range())
            .map(|r| r.len())
            .max()
            .unwrap_or(0);
    }
}

/// Orphans sort last; the rest by start, then longer first so that an enclosing
/// annotation comes before the ones nested in it.
fn sort_key(a: &Annotation) -> (usize, std::cmp::Reverse<usize>) {
    match a.range() {
        Some(r) => (r.start, std::cmp::Reverse(r.end)),
        None => (usize::MAX, std::cmp::Reverse(0)),
    }
}

/// "c10" after "c9": compare by kind letter, then number.
fn id_order(id: &str) -> (String, u64) {
    let digits = id.trim_start_matches(|c: char| !c.is_ascii_digit());
    let letters = &id[..id.len() - digits.len()];
    (letters.to_string(), digits.parse().unwrap_or(u64::MAX))
}

/// The current time, RFC 3339 to the second.
pub fn now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}
