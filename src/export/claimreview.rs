//! `export --format claimreview`: schema.org ClaimReview JSON-LD, one review for every
//! claim that has a verdict, as fact-checkers publish them for search engines.
//!
//! Each review's `itemReviewed` is a `Claim` whose `author` is the people and
//! organisations the claim is sourced to (a source's kind, else its entity's type, says
//! which), and whose `appearance` is the article (and any document the claim is sourced
//! to). `reviewRating.alternateName` is the verdict's words; no number is given, because
//! a verdict scale is not a numeric scale. The note becomes `reviewBody`.

use serde_json::{Value, json};

use crate::annotation::{Annotation, SourceKind};
use crate::document::Document;
use crate::entity::EntityKind;

use super::view;

/// A JSON array of ClaimReview objects, each with its own `@context` so that each can
/// be embedded in a page as it is.
pub fn export(doc: &Document) -> Value {
    let article = &doc.article;
    let mut appearance = json!({ "@type": "NewsArticle" });
    if let Some(title) = article.title() {
        appearance["headline"] = json!(title);
    }
    if let Some(date) = article.date() {
        appearance["datePublished"] = json!(date.iso);
    }
    let reviews: Vec<Value> = view::claims(doc)
        .filter(|claim| claim.verdict.is_some())
        .map(|claim| review(doc, claim, &appearance))
        .collect();
    Value::Array(reviews)
}

fn review(doc: &Document, claim: &Annotation, article: &Value) -> Value {
    let mut authors = Vec::new();
    let mut appearances = vec![article.clone()];
    for source in claim
        .sources
        .iter()
        .filter_map(|id| doc.annotations.get(id))
    {
        let shown = view::source_view(doc, source);
        let entity = source
            .entity
            .as_deref()
            .and_then(|id| doc.entities.by_id(id));
        let kind = source
            .source_kind
            .unwrap_or_else(|| SourceKind::guess(shown.label, entity.map(|e| e.kind)));
        let name = shown.entity.unwrap_or(shown.label);
        match (kind, entity.map(|e| e.kind)) {
            (SourceKind::Person | SourceKind::Anonymous, _) | (_, Some(EntityKind::Person)) => {
                authors.push(json!({ "@type": "Person", "name": name }));
            }
            (SourceKind::Organization, _) | (_, Some(EntityKind::Organization)) => {
                authors.push(json!({ "@type": "Organization", "name": name }));
            }
            _ => appearances.push(json!({ "@type": "CreativeWork", "name": shown.label })),
        }
    }
    let mut item = json!({ "@type": "Claim", "appearance": appearances });
    match authors.len() {
        0 => {}
        1 => item["author"] = authors.remove(0),
        _ => item["author"] = Value::Array(authors),
    }
    if let Some(date) = doc.article.date() {
        item["datePublished"] = json!(date.iso);
    }
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": claim.id,
        "claimReviewed": claim.quote(&doc.article),
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "alternateName": claim.verdict,
        },
    });
    if let Some(day) = claim.modified.as_deref().and_then(|t| t.get(..10)) {
        value["datePublished"] = json!(day);
    }
    if let Some(note) = &claim.note {
        value["reviewBody"] = json!(note);
    }
    value
}
