//! What the report formats share: a claim's sources as a reader names them, the verdict
//! groups in the scale's order, and paragraph numbers as the screen shows them.

use crate::annotation::{Annotation, Kind};
use crate::document::Document;

/// One of a claim's sources, as a report names it.
pub struct SourceView<'a> {
    pub id: &'a str,
    /// The source's words in the text, or its description when it is not in the text.
    pub label: &'a str,
    /// "named person", "organisation", …, when the editor or detection said.
    pub kind: Option<&'static str>,
    /// The name of the entity the source stands for.
    pub entity: Option<&'a str>,
}

/// A claim's sources in the order the editor linked them.
pub fn sources_of<'a>(doc: &'a Document, claim: &'a Annotation) -> Vec<SourceView<'a>> {
    claim
        .sources
        .iter()
        .filter_map(|id| doc.annotations.get(id))
        .map(|source| source_view(doc, source))
        .collect()
}

pub fn source_view<'a>(doc: &'a Document, source: &'a Annotation) -> SourceView<'a> {
    let label = match &source.description {
        Some(description) if source.anchor.quote.is_empty() => description.as_str(),
        _ => source.quote(&doc.article),
    };
    let entity = source
        .entity
        .as_deref()
        .map(|id| doc.entities.by_id(id).map_or(id, |e| e.name.as_str()));
    SourceView {
        id: &source.id,
        label,
        kind: source.source_kind.map(|k| k.label()),
        entity,
    }
}

/// The claims in text order.
pub fn claims(doc: &Document) -> impl Iterator<Item = &Annotation> {
    doc.annotations.iter().filter(|a| a.kind == Kind::Claim)
}

/// The claims grouped by verdict: the scale's verdicts in its order, then verdicts the
/// scale does not know (in the order first met), then claims with no verdict. Empty
/// groups are left out.
pub fn by_verdict<'a>(
    doc: &'a Document,
    scale: &[String],
) -> Vec<(Option<String>, Vec<&'a Annotation>)> {
    let mut order: Vec<Option<String>> = scale.iter().cloned().map(Some).collect();
    for claim in claims(doc) {
        if !order.contains(&claim.verdict) && claim.verdict.is_some() {
            order.push(claim.verdict.clone());
        }
    }
    order.push(None);
    order
        .into_iter()
        .map(|verdict| {
            let members = claims(doc).filter(|c| c.verdict == verdict).collect();
            (verdict, members)
        })
        .filter(|(_, members): &(_, Vec<_>)| !members.is_empty())
        .collect()
}

/// The paragraph a claim starts in, counted from 1 as the screen's gutter counts, or
/// `None` for an annotation that could not be placed.
pub fn paragraph_number(doc: &Document, a: &Annotation) -> Option<usize> {
    a.range().map(|r| doc.article.paragraph_at(r.start) + 1)
}

/// A placed annotation's character offsets, else the ones stored when it was last placed.
pub fn char_span(doc: &Document, a: &Annotation) -> (usize, usize) {
    match a.range() {
        Some(r) => (doc.article.char_of(r.start), doc.article.char_of(r.end)),
        None => (a.anchor.start, a.anchor.end),
    }
}
