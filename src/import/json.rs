//! Reading sidenote's own `export --format json` (`sidenote-export/1`), every field of
//! every annotation: ids, anchors, links, verdicts, notes, sources' kinds, entities and
//! descriptions, and created and modified times; and the editor's entity corrections and
//! rejected suggestions, which the sidecar keeps too. Its detected entities are not read
//! (detection makes them again), nor its article metadata.

use std::path::Path;

use serde::Deserialize;

use super::{Incoming, Item, Place, read_text};
use crate::anchor::Anchor;
use crate::annotation::{Kind, SourceKind};
use crate::entity::Correction;
use crate::error::{Error, Result};
use crate::export::EXPORT_FORMAT;
use crate::suggest::SuggestionKind;

/// Only the format, read first so that another file is refused for the right reason.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
}

#[derive(Deserialize)]
struct Export {
    annotations: Vec<Entry>,
    #[serde(default)]
    corrections: Vec<Correction>,
    #[serde(default)]
    rejected: Vec<Rejected>,
}

#[derive(Deserialize)]
struct Rejected {
    kind: SuggestionKind,
    start: usize,
    end: usize,
    text: String,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    suffix: String,
}

#[derive(Deserialize)]
struct Entry {
    id: String,
    kind: Kind,
    start: Option<usize>,
    end: Option<usize>,
    /// The quote; absent for a source that is not in the text.
    text: Option<String>,
    #[serde(default)]
    prefix: Option<String>,
    #[serde(default)]
    suffix: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    verdict: Option<String>,
    entity: Option<String>,
    source_kind: Option<SourceKind>,
    description: Option<String>,
    note: Option<String>,
    created: Option<String>,
    modified: Option<String>,
    #[serde(default)]
    author: Option<String>,
}

pub(super) fn read(path: &Path) -> Result<Incoming> {
    let text = read_text(path)?;
    let broken = |err: serde_json::Error| Error::BadImport {
        path: path.to_path_buf(),
        line: err.line(),
        column: err.column(),
        message: super::w3c::json_message(&err),
    };
    let header: Header = serde_json::from_str(&text).map_err(broken)?;
    if header.format.as_deref() != Some(EXPORT_FORMAT) {
        let found = match header.format {
            Some(format) => format!("its format is \"{format}\""),
            None => "it has no \"format\"".to_string(),
        };
        return Err(Error::NotImportable {
            path: path.to_path_buf(),
            message: format!(
                "it is not a sidenote JSON export: {found}, where \"{EXPORT_FORMAT}\" was expected"
            ),
        });
    }
    let export: Export = serde_json::from_str(&text).map_err(broken)?;
    let items = export
        .annotations
        .into_iter()
        .map(|entry| Item {
            key: entry.id.clone(),
            place: match entry.text {
                None => Place::Detached,
                Some(quote) => Place::Text(Anchor {
                    start: entry.start.unwrap_or(0),
                    end: entry.end.unwrap_or(0),
                    quote,
                    prefix: entry.prefix.unwrap_or_default(),
                    suffix: entry.suffix.unwrap_or_default(),
                }),
            },
            id: Some(entry.id),
            kind: entry.kind,
            sources: entry.sources,
            entity: entry.entity,
            source_kind: entry.source_kind,
            description: entry.description,
            verdict: entry.verdict,
            note: entry.note,
            created: entry.created,
            modified: entry.modified,
            author: entry.author,
        })
        .collect();
    let rejected = export
        .rejected
        .into_iter()
        .map(|r| {
            let anchor = Anchor {
                start: r.start,
                end: r.end,
                quote: r.text,
                prefix: r.prefix,
                suffix: r.suffix,
            };
            (r.kind, anchor)
        })
        .collect();
    Ok(Incoming {
        items,
        corrections: export.corrections,
        rejected,
        ..Incoming::default()
    })
}
