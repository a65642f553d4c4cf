//! W3C Web Annotation export (JSON-LD, <https://www.w3.org/TR/annotation-model/>).
//!
//! The document is one `AnnotationCollection` with its only page embedded as `first`
//! (an `AnnotationPage` whose `items` are the annotations, in sidecar order), so that a
//! single file carries everything and still follows the model's paging.
//!
//! Each claim and each source is one `Annotation`:
//!
//! - `id`: `urn:sidenote:<article file name>:<sidenote id>`, e.g. `urn:sidenote:ferry.txt:c1`.
//! - `motivation`: `assessing` for a claim (it is there to be checked), `identifying`
//!   for a source (it says who or what the information comes from).
//! - `target`: `{"source": <article file name>, "selector": [TextQuoteSelector,
//!   TextPositionSelector]}`. The quote selector has `exact` and up to 32 characters of
//!   `prefix` and `suffix`; the position selector counts characters (Unicode code points)
//!   of the article's normalised text, end exclusive, as the model says. A source that is
//!   not in the text (detached) targets the whole article: `target` is the article IRI.
//!   An annotation whose text is no longer in the article (orphaned) keeps only its
//!   quote selector.
//! - `body`: `TextualBody`s with a `purpose`: `tagging` with "claim" or "source",
//!   `assessing` with the verdict, `commenting` with the note, `classifying` with the
//!   source kind, `describing` with a source's description; and `SpecificResource`s:
//!   `linking` to each of a claim's sources (`urn:sidenote:…:s1`) and `identifying` the
//!   source's entity (`urn:sidenote:<file>:entity:<entity id>`).
//! - `created` and `modified`, when known; `creator` (a Person) when the annotation has an
//!   author.

use serde_json::{Value, json};

use crate::anchor::{Anchor, Placement};
use crate::annotation::{Annotation, Kind};
use crate::document::Document;

/// The JSON-LD context of the Web Annotation model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Every annotation of the document as one W3C `AnnotationCollection`.
pub fn export(doc: &Document) -> Value {
    let article = &doc.article;
    let source = article_iri(doc);
    let base = format!("urn:sidenote:{source}");
    let items: Vec<Value> = doc
        .annotations
        .iter()
        .map(|a| annotation(doc, &base, &source, a))
        .collect();
    let label = article
        .title()
        .map_or_else(|| source.clone(), str::to_string);
    json!({
        "@context": CONTEXT,
        "id": base,
        "type": "AnnotationCollection",
        "label": format!("sidenote annotations of {label}"),
        "total": items.len(),
        "first": {
            "id": format!("{base}:page1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    })
}

/// The article's IRI: its file name, with the characters an IRI cannot hold escaped.
pub(crate) fn article_iri(doc: &Document) -> String {
    let name = doc.article.path().file_name().unwrap_or_default();
    iri_segment(&name.to_string_lossy())
}

/// The IRI of an annotation id or an entity id under `base`.
pub(crate) fn annotation_iri(base: &str, id: &str) -> String {
    format!("{base}:{}", iri_segment(id))
}

pub(crate) fn entity_iri(base: &str, id: &str) -> String {
    format!("{base}:entity:{}", iri_segment(id))
}

fn annotation(doc: &Document, base: &str, article: &str, a: &Annotation) -> Value {
    let mut body = vec![textual("tagging", a.kind.as_str())];
    if let Some(verdict) = &a.verdict {
        body.push(textual("assessing", verdict));
    }
    if let Some(kind) = a.source_kind {
        body.push(textual("classifying", kind.as_str()));
    }
    if let Some(description) = &a.description {
        body.push(textual("describing", description));
    }
    if let Some(note) = &a.note {
        body.push(textual("commenting", note));
    }
    for source in &a.sources {
        body.push(json!({
            "type": "SpecificResource",
            "purpose": "linking",
            "source": annotation_iri(base, source),
        }));
    }
    if let Some(entity) = &a.entity {
        body.push(json!({
            "type": "SpecificResource",
            "purpose": "identifying",
            "source": entity_iri(base, entity),
        }));
    }
    let target = match &a.placement {
        Placement::Detached => json!(article),
        Placement::At(range) => {
            let anchor = Anchor::new(&doc.article, range.clone());
            json!({
                "source": article,
                "selector": [quote_selector(&anchor), {
                    "type": "TextPositionSelector",
                    "start": anchor.start,
                    "end": anchor.end,
                }],
            })
        }
        Placement::Orphaned => json!({
            "source": article,
            "selector": [quote_selector(&a.anchor)],
        }),
    };
    let mut value = json!({
        "id": annotation_iri(base, &a.id),
        "type": "Annotation",
        "motivation": match a.kind {
            Kind::Claim => "assessing",
            Kind::Source => "identifying",
        },
        "body": body,
        "target": target,
    });
    let fields = value.as_object_mut().expect("built as an object");
    if let Some(created) = &a.created {
        fields.insert("created".into(), json!(created));
    }
    if let Some(modified) = &a.modified {
        fields.insert("modified".into(), json!(modified));
    }
    if let Some(author) = &a.author {
        fields.insert(
            "creator".into(),
            json!({ "type": "Person", "name": author }),
        );
    }
    value
}

fn textual(purpose: &str, value: &str) -> Value {
    json!({
        "type": "TextualBody",
        "purpose": purpose,
        "value": value,
        "format": "text/plain",
    })
}

fn quote_selector(anchor: &Anchor) -> Value {
    json!({
        "type": "TextQuoteSelector",
        "exact": anchor.quote,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
    })
}

/// A file name or id as one IRI path segment: letters of any script stay, and ASCII
/// that is not allowed, or would end the segment (`:` `/` `?` `#`), is percent-encoded.
pub(crate) fn iri_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let plain = (!c.is_ascii() && !c.is_whitespace() && !c.is_control())
            || c.is_ascii_alphanumeric()
            || "-._~!$&'()*+,;=@".contains(c);
        if plain {
            out.push(c);
        } else {
            let mut bytes = [0; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// The text an [`iri_segment`] stands for.
pub(crate) fn from_iri_segment(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match hex {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
