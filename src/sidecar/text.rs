//! The sidecar's text: a head (format and article), one `[[annotation]]` table for each
//! annotation, then the entity corrections and rejected suggestions. Each annotation's
//! table is made on its own, so a save can reuse the tables of every annotation that did
//! not change: with ten thousand annotations, a keystroke writes one table again, not all.

use std::collections::HashMap;

use serde::Serialize;
use toml::Spanned;

use super::{ArticleInfo, FORMAT, File, Stored, StoredRejection};
use crate::anchor::{Anchor, Placement};
use crate::annotation::{Annotation, Annotations};
use crate::article::Article;
use crate::entity::Correction;
use crate::suggest::Rejection;

/// The sidecar's text for these annotations. Placed annotations get fresh anchors, so a
/// sidecar saved after the article changed records where they are now.
pub fn serialise(
    article: &Article,
    annotations: &Annotations,
    corrections: &[Correction],
    rejected: &[Rejection],
) -> String {
    Fragments::default().serialise(article, annotations, corrections, rejected)
}

/// Each annotation's table as last made, with the annotation it was made from.
#[derive(Debug, Default)]
pub(super) struct Fragments {
    /// The article the tables were made for: its text gives their context.
    fingerprint: String,
    tables: HashMap<String, (Annotation, String)>,
}

/// One annotation as a TOML array-of-tables entry.
#[derive(Serialize)]
struct One<'a> {
    annotation: [&'a Stored; 1],
}

/// What follows the annotations.
#[derive(Serialize)]
struct Tail<'a> {
    #[serde(rename = "entity", skip_serializing_if = "<[_]>::is_empty")]
    entities: &'a [Correction],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    rejected: Vec<StoredRejection>,
}

impl Fragments {
    /// [`serialise`], making tables again only for annotations that changed since the last
    /// call (or all of them when the article did).
    pub(super) fn serialise(
        &mut self,
        article: &Article,
        annotations: &Annotations,
        corrections: &[Correction],
        rejected: &[Rejection],
    ) -> String {
        if self.fingerprint != article.fingerprint() {
            self.tables.clear();
            self.fingerprint = article.fingerprint().to_string();
        }
        let head = File {
            format: Spanned::new(0..0, FORMAT.to_string()),
            article: ArticleInfo {
                file: article
                    .path()
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                fingerprint: article.fingerprint().to_string(),
                offsets: Spanned::new(0..0, "chars".to_string()),
            },
            annotations: Vec::new(),
            entities: Vec::new(),
            rejected: Vec::new(),
        };
        let mut out = toml::to_string(&head).expect("a sidecar's head always serialises");
        let mut tables = HashMap::with_capacity(annotations.len());
        for a in annotations.iter() {
            let entry = match self.tables.remove(&a.id) {
                Some((made_from, table)) if made_from == *a => (made_from, table),
                _ => (a.clone(), table(article, a)),
            };
            out.push('\n');
            out.push_str(&entry.1);
            tables.insert(a.id.clone(), entry);
        }
        self.tables = tables;
        let tail = Tail {
            entities: corrections,
            rejected: rejected
                .iter()
                .map(|r| stored_rejection(article, r))
                .collect(),
        };
        let tail = toml::to_string(&tail).expect("corrections always serialise");
        if !tail.is_empty() {
            out.push('\n');
            out.push_str(&tail);
        }
        out
    }
}

/// An annotation's `[[annotation]]` table.
fn table(article: &Article, a: &Annotation) -> String {
    let anchor = match &a.placement {
        Placement::At(range) => Some(Anchor::new(article, range.clone())),
        Placement::Orphaned => Some(a.anchor.clone()),
        Placement::Detached => None,
    };
    let stored = Stored {
        id: Spanned::new(0..0, a.id.clone()),
        kind: a.kind,
        start: anchor.as_ref().map(|x| Spanned::new(0..0, x.start)),
        end: anchor.as_ref().map(|x| x.end),
        quote: anchor.as_ref().map(|x| x.quote.clone()),
        prefix: anchor
            .as_ref()
            .map(|x| x.prefix.clone())
            .unwrap_or_default(),
        suffix: anchor
            .as_ref()
            .map(|x| x.suffix.clone())
            .unwrap_or_default(),
        sources: a
            .sources
            .iter()
            .map(|s| Spanned::new(0..0, s.clone()))
            .collect(),
        entity: a.entity.clone(),
        source_kind: a.source_kind,
        description: a.description.clone(),
        verdict: a.verdict.clone(),
        note: a.note.clone(),
        created: a.created.as_deref().and_then(|t| t.parse().ok()),
        modified: a.modified.as_deref().and_then(|t| t.parse().ok()),
        author: a.author.clone(),
    };
    toml::to_string(&One {
        annotation: [&stored],
    })
    .expect("an annotation always serialises")
}

fn stored_rejection(article: &Article, r: &Rejection) -> StoredRejection {
    let anchor = match &r.placement {
        Placement::At(range) => Anchor::new(article, range.clone()),
        _ => r.anchor.clone(),
    };
    StoredRejection {
        kind: r.kind,
        start: anchor.start,
        end: anchor.end,
        quote: anchor.quote,
        prefix: anchor.prefix,
        suffix: anchor.suffix,
    }
}
