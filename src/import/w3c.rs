//! Reading W3C Web Annotations as [`crate::export::w3c`] writes them, and as other
//! annotators write them.
//!
//! The file may hold an `AnnotationCollection` with embedded pages (`first`, then each
//! embedded `next`), one `AnnotationPage`, an array of annotations or one annotation.
//! What each annotation becomes:
//!
//! - Its kind is the `tagging` body "claim" or "source"; without one, a source when its
//!   motivation is `identifying`, else a claim.
//! - It is placed by its `TextQuoteSelector` (with the `TextPositionSelector`, if any, as
//!   a hint), else by its `TextPositionSelector` alone. The target's `source` is not
//!   compared with the article: another tool names the page differently.
//! - A `TextualBody` without a purpose, or with `commenting`, is its note (several are
//!   joined by blank lines); `bodyValue` is a note too. `tagging` values other than
//!   "claim" and "source" are kept as the note's last line (`Tags: …`).
//! - An annotation on the whole article (no selector) is a detached source when it has
//!   a `describing` body, and not imported otherwise.

use std::path::Path;

use serde_json::Value;

use super::{Incoming, Item, Place, read_text, source_kind};
use crate::anchor::Anchor;
use crate::annotation::Kind;
use crate::document::Document;
use crate::error::{Error, Result};
use crate::export::w3c::from_iri_segment;

pub(super) fn read(doc: &Document, path: &Path) -> Result<Incoming> {
    let text = read_text(path)?;
    let value: Value = serde_json::from_str(&text).map_err(|err| Error::BadImport {
        path: path.to_path_buf(),
        line: err.line(),
        column: err.column(),
        message: format!("it is not JSON ({})", json_message(&err)),
    })?;
    let annotations = annotations(&value).ok_or_else(|| Error::NotImportable {
        path: path.to_path_buf(),
        message: "it holds no W3C Web Annotation (an Annotation, or an AnnotationPage or \
                  AnnotationCollection with its items in the file)"
            .to_string(),
    })?;
    let mut incoming = Incoming::default();
    for (index, annotation) in annotations.iter().enumerate() {
        match item(doc, annotation, index) {
            Ok(item) => incoming.items.push(item),
            Err(reason) => incoming.ignored.push(reason),
        }
    }
    Ok(incoming)
}

/// serde_json's message without its " at line 1 column 2" tail, which the error says.
pub(super) fn json_message(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

/// The annotations in the file, or `None` when it is no Web Annotation document.
fn annotations(value: &Value) -> Option<Vec<&Value>> {
    if let Some(list) = value.as_array() {
        return Some(list.iter().collect());
    }
    if is_a(value, "Annotation") {
        return Some(vec![value]);
    }
    if is_a(value, "AnnotationPage") {
        return Some(value.get("items")?.as_array()?.iter().collect());
    }
    if is_a(value, "AnnotationCollection") {
        let mut found = Vec::new();
        let mut page = value.get("first").filter(|p| p.is_object());
        page?;
        while let Some(this) = page {
            found.extend(
                this.get("items")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten(),
            );
            page = this.get("next").filter(|p| p.is_object());
        }
        return Some(found);
    }
    None
}

/// Whether `type` (a string or a list) is `kind`.
fn is_a(value: &Value, kind: &str) -> bool {
    match value.get("type") {
        Some(Value::String(t)) => t == kind,
        Some(Value::Array(list)) => list.iter().any(|t| t.as_str() == Some(kind)),
        _ => false,
    }
}

/// A value that may be one thing or a list of them, as a list.
fn many(value: Option<&Value>) -> Vec<&Value> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
    }
}

fn string<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

/// A `purpose` or `motivation` (the first, when there are several).
fn purpose<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    many(value.get(key)).into_iter().find_map(Value::as_str)
}

/// The sidenote id at the end of an IRI sidenote wrote (`urn:sidenote:ferry.txt:c1`).
fn sidenote_id(iri: &str) -> Option<String> {
    let rest = iri.strip_prefix("urn:sidenote:")?;
    Some(from_iri_segment(rest.rsplit(':').next()?))
}

fn item(doc: &Document, annotation: &Value, index: usize) -> Result<Item, String> {
    let key = string(annotation, "id").map_or_else(|| format!("#{}", index + 1), str::to_string);
    let mut kind = None;
    let mut item = Item {
        id: sidenote_id(&key),
        key,
        kind: Kind::Claim,
        place: Place::Detached,
        sources: Vec::new(),
        entity: None,
        source_kind: None,
        description: None,
        verdict: None,
        note: None,
        created: string(annotation, "created").map(str::to_string),
        modified: string(annotation, "modified").map(str::to_string),
        author: annotation
            .get("creator")
            .and_then(|c| string(c, "name").or_else(|| c.as_str()))
            .map(str::to_string),
    };
    let mut notes: Vec<String> = string(annotation, "bodyValue")
        .map(str::to_string)
        .into_iter()
        .collect();
    let mut tags = Vec::new();
    for body in many(annotation.get("body")) {
        let purpose = purpose(body, "purpose");
        let resource = string(body, "source").or_else(|| string(body, "id"));
        let Some(value) = string(body, "value") else {
            match (purpose, resource) {
                (Some("linking"), Some(to)) => item.sources.push(to.to_string()),
                (Some("identifying"), Some(to)) => {
                    // Only sidenote's own entity ids mean anything here.
                    item.entity = to
                        .strip_prefix("urn:sidenote:")
                        .and_then(|rest| rest.rsplit_once(":entity:"))
                        .map(|(_, id)| from_iri_segment(id));
                }
                _ => {}
            }
            continue;
        };
        match purpose {
            Some("tagging") => match Kind::parse(value) {
                Some(k) if kind.is_none() => kind = Some(k),
                _ => tags.push(value.to_string()),
            },
            Some("assessing") => item.verdict = Some(value.to_string()),
            Some("classifying") => match source_kind(value) {
                Some(k) => item.source_kind = Some(k),
                None => tags.push(value.to_string()),
            },
            Some("describing") => item.description = Some(value.to_string()),
            _ => notes.push(value.to_string()),
        }
    }
    if !tags.is_empty() {
        notes.push(format!("Tags: {}", tags.join(", ")));
    }
    item.note = (!notes.is_empty()).then(|| notes.join("\n\n"));
    item.kind = kind.unwrap_or(match purpose(annotation, "motivation") {
        Some("identifying") => Kind::Source,
        _ => Kind::Claim,
    });

    let name = format!("{} {}", item.kind, item.key);
    let target = many(annotation.get("target")).into_iter().next();
    let selectors: Vec<&Value> = target.map(|t| many(t.get("selector"))).unwrap_or_default();
    let selector = |kind: &str| selectors.iter().copied().find(|s| is_a(s, kind));
    let position = selector("TextPositionSelector").and_then(|s| {
        let at = |key| s.get(key).and_then(Value::as_u64).map(|n| n as usize);
        Some((at("start")?, at("end")?))
    });
    let (start, end) = position.unwrap_or((0, 0));
    item.place = if let Some(quote) = selector("TextQuoteSelector") {
        Place::Text(Anchor {
            start,
            end,
            quote: string(quote, "exact").unwrap_or_default().to_string(),
            prefix: string(quote, "prefix").unwrap_or_default().to_string(),
            suffix: string(quote, "suffix").unwrap_or_default().to_string(),
        })
    } else if position.is_some() {
        let article = &doc.article;
        if start >= end || end > article.len_chars() {
            return Err(format!(
                "{name} was not imported: its position {start}–{end} is not in the article"
            ));
        }
        Place::Text(Anchor::new(
            article,
            article.byte_of(start)..article.byte_of(end),
        ))
    } else if selectors.is_empty() && item.kind == Kind::Source && item.description.is_some() {
        Place::Detached
    } else {
        return Err(format!(
            "{name} was not imported: it selects no text (no TextQuoteSelector or \
             TextPositionSelector)"
        ));
    };
    Ok(item)
}
