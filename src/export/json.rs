//! JSON documents: the `entities` command's output and the lossless `export --format json`.
//! Offsets count characters (Unicode scalar values), end exclusive; paragraphs count from 0.

use serde_json::{Value, json};

use crate::anchor::{Anchor, Placement};
use crate::annotation::{Annotation, Kind};
use crate::article::Article;
use crate::document::Document;
use crate::entity::Entity;
use crate::suggest::{Rejection, Suggestions};

/// Version of the `export --format json` schema.
pub const EXPORT_FORMAT: &str = "sidenote-export/1";

/// `{"article": PATH, "entities": [...]}`.
pub fn entities_json(doc: &Document) -> Value {
    json!({
        "article": doc.article.path().display().to_string(),
        "entities": doc.entities.iter().map(|e| entity(&doc.article, e)).collect::<Vec<_>>(),
    })
}

/// The article's metadata, its entities and every annotation with its anchor and links.
pub fn export_json(doc: &Document) -> Value {
    let article = &doc.article;
    json!({
        "format": EXPORT_FORMAT,
        "article": {
            "path": article.path().display().to_string(),
            "title": article.title(),
            "date": article.date().map(|d| d.iso.clone()),
            "fingerprint": article.fingerprint(),
            "characters": article.len_chars(),
            "paragraphs": article.paragraphs().len(),
            "sidecar": doc.sidecar_path().display().to_string(),
        },
        "entities": doc.entities.iter().map(|e| entity(article, e)).collect::<Vec<_>>(),
        "annotations": doc.annotations.iter().map(|a| annotation(article, a)).collect::<Vec<_>>(),
        "corrections": doc.corrections,
        "rejected": doc.rejected.iter().map(|r| rejection(article, r)).collect::<Vec<_>>(),
    })
}

/// A suggestion the editor rejected, placed like an annotation.
fn rejection(article: &Article, r: &Rejection) -> Value {
    let (start, end) = match &r.placement {
        Placement::At(range) => (article.char_of(range.start), article.char_of(range.end)),
        _ => (r.anchor.start, r.anchor.end),
    };
    json!({
        "kind": r.kind,
        "start": start,
        "end": end,
        "text": r.anchor.quote,
        "prefix": r.anchor.prefix,
        "suffix": r.anchor.suffix,
    })
}

/// `{"article": PATH, "claims": [...], "attributions": [...]}`, each with its rule.
pub fn suggestions_json(doc: &Document, suggestions: &Suggestions) -> Value {
    let article = &doc.article;
    let span = |range: &std::ops::Range<usize>| {
        json!({
            "start": article.char_of(range.start),
            "end": article.char_of(range.end),
            "text": &article.text()[range.clone()],
            "paragraph": article.paragraph_at(range.start),
        })
    };
    let claims: Vec<Value> = suggestions
        .claims
        .iter()
        .map(|c| {
            let mut value = span(&c.range);
            value["rule"] = json!(c.rule);
            value
        })
        .collect();
    let attributions: Vec<Value> = suggestions
        .attributions
        .iter()
        .map(|a| {
            let mut value = span(&a.range);
            value["rule"] = json!(a.rule);
            value["speaker"] = json!({
                "name": a.speaker.name,
                "start": article.char_of(a.speaker.range.start),
                "end": article.char_of(a.speaker.range.end),
                "entity": a.speaker.entity,
            });
            value
        })
        .collect();
    json!({
        "article": article.path().display().to_string(),
        "claims": claims,
        "attributions": attributions,
    })
}

fn entity(article: &Article, entity: &Entity) -> Value {
    let mentions: Vec<Value> = entity
        .mentions
        .iter()
        .map(|m| {
            json!({
                "start": article.char_of(m.start),
                "end": article.char_of(m.end),
                "text": &article.text()[m.clone()],
                "paragraph": article.paragraph_at(m.start),
            })
        })
        .collect();
    json!({
        "id": entity.id,
        "name": entity.name,
        "type": entity.kind.as_str(),
        "aliases": entity.aliases,
        "mentions": mentions,
    })
}

fn annotation(article: &Article, a: &Annotation) -> Value {
    let detached = a.placement == Placement::Detached;
    let (start, end, paragraph) = match a.range() {
        Some(r) => (
            Some(article.char_of(r.start)),
            Some(article.char_of(r.end)),
            Some(article.paragraph_at(r.start)),
        ),
        None if detached => (None, None, None),
        None => (Some(a.anchor.start), Some(a.anchor.end), None),
    };
    // Placed annotations are described where they are now, as the sidecar saves them.
    let anchor = match a.range() {
        Some(range) => Anchor::new(article, range),
        None => a.anchor.clone(),
    };
    let mut value = json!({
        "id": a.id,
        "kind": a.kind.as_str(),
        "start": start,
        "end": end,
        "text": (!detached).then_some(&anchor.quote),
        "prefix": (!detached).then_some(&anchor.prefix),
        "suffix": (!detached).then_some(&anchor.suffix),
        "paragraph": paragraph,
        "orphaned": a.placement == Placement::Orphaned,
        "created": a.created,
        "modified": a.modified,
    });
    let fields = value.as_object_mut().expect("built as an object");
    // Only when known, so that exports of annotations made without one keep their shape.
    if let Some(author) = &a.author {
        fields.insert("author".into(), json!(author));
    }
    match a.kind {
        Kind::Claim => {
            fields.insert("sources".into(), json!(a.sources));
            fields.insert("verdict".into(), json!(a.verdict));
        }
        Kind::Source => {
            fields.insert("entity".into(), json!(a.entity));
            fields.insert(
                "source_kind".into(),
                json!(a.source_kind.map(|k| k.as_str())),
            );
            fields.insert("description".into(), json!(a.description));
        }
    }
    fields.insert("note".into(), json!(a.note));
    value
}
