//! Reading a sidecar: its bytes checked (every way a sidecar can be broken is found
//! here, before any article is needed), then its anchors placed in the article.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};
use toml::value::Datetime;

use super::{FORMAT, File, Loaded, Sidecar, Work, check, datetime, text::Fragments};
use crate::anchor::{Anchor, Placement};
use crate::annotation::{Annotation, Annotations};
use crate::article::Article;
use crate::entity::Correction;
use crate::error::{Error, Result, line_column};
use crate::suggest::{Rejection, SuggestionKind};

/// A sidecar read and checked, its annotations not yet placed in an article.
#[derive(Debug)]
pub struct Unplaced {
    path: PathBuf,
    on_disk: Option<blake3::Hash>,
    contents: Contents,
}

/// What a sidecar holds, before its anchors are placed.
#[derive(Debug, Default)]
struct Contents {
    annotations: Vec<Annotation>,
    rejected: Vec<(SuggestionKind, Anchor)>,
    corrections: Vec<Correction>,
    fingerprint: Option<String>,
}

impl Unplaced {
    /// Place the annotations and rejections in the article, and clear away what saves
    /// killed halfway left beside the sidecar (here rather than in [`Sidecar::read`], which
    /// a big article's first screen waits for: listing a folder is not quick).
    pub fn place(self, article: &Article) -> (Sidecar, Loaded) {
        super::remove_stale_temporaries(&self.path);
        let loaded = self.contents.place(article);
        let sidecar = Sidecar {
            path: self.path,
            on_disk: self.on_disk,
            base: Work {
                annotations: loaded.annotations.clone(),
                corrections: loaded.corrections.clone(),
                rejected: loaded.rejected.clone(),
            },
            diverted: None,
            fragments: Fragments::default(),
            unread: false,
        };
        (sidecar, loaded)
    }
}

impl Sidecar {
    /// Read and check the sidecar at `path` (an absent file is an empty sidecar), without
    /// an article yet: every way a sidecar can be broken is found here; placing its
    /// annotations ([`Unplaced::place`]) cannot fail.
    pub fn read(path: &Path) -> Result<Unplaced> {
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                return Ok(Unplaced {
                    path: path.to_path_buf(),
                    on_disk: None,
                    contents: Contents::default(),
                });
            }
            Err(source) => {
                return Err(Error::ReadSidecar {
                    path: path.to_path_buf(),
                    cause: source,
                });
            }
        };
        Ok(Unplaced {
            path: path.to_path_buf(),
            on_disk: Some(blake3::hash(&bytes)),
            contents: read_contents(path, &bytes)?,
        })
    }
}

/// Only the format line, read when a file does not parse, so that a newer file is refused
/// for the right reason.
#[derive(Deserialize)]
struct Header {
    format: Option<Spanned<String>>,
}

/// Read a sidecar's bytes (`path` is named in errors) and place its records in `article`.
pub fn parse(path: &Path, bytes: &[u8], article: &Article) -> Result<Loaded> {
    Ok(read_contents(path, bytes)?.place(article))
}

/// Read and check a sidecar's bytes (`path` is named in errors).
fn read_contents(path: &Path, bytes: &[u8]) -> Result<Contents> {
    let text = std::str::from_utf8(bytes).map_err(|err| {
        let (line, column) = line_column(&bytes[..err.valid_up_to()], err.valid_up_to());
        Error::BadSidecar {
            path: path.to_path_buf(),
            line,
            column,
            message: "it is not UTF-8 text".to_string(),
        }
    })?;
    let bad = |span: Option<std::ops::Range<usize>>, message: String| {
        let at = span.map_or(0, |s| s.start);
        let (line, column) = line_column(text.as_bytes(), at);
        Error::BadSidecar {
            path: path.to_path_buf(),
            line,
            column,
            message,
        }
    };
    // One parse for the whole file: a big sidecar takes most of its loading time there.
    // When it fails, the format line alone says whether a newer version wrote it.
    let parsed = DeTable::parse(text).and_then(|mut document| {
        let times = take_times(document.get_mut());
        let file = File::deserialize(toml::de::Deserializer::from(document))?;
        Ok((file, times))
    });
    let (file, times) = match parsed {
        Ok(parsed) => parsed,
        Err(err) => {
            let header: Option<Header> = toml::from_str(text).ok();
            return Err(match header.map(|h| h.format) {
                Some(None) => bad(None, "it has no `format` line".to_string()),
                Some(Some(format)) if format.get_ref() != FORMAT => {
                    version_error(path, text, format)
                }
                _ => bad(err.span(), toml_message(&err)),
            });
        }
    };
    if file.format.get_ref() != FORMAT {
        return Err(version_error(path, text, file.format));
    }
    if let Some((span, message)) = check::problem(&file.annotations) {
        return Err(bad(Some(span), message));
    }
    if file.article.offsets.get_ref() != "chars" {
        return Err(bad(
            Some(file.article.offsets.span()),
            format!(
                "offsets are counted in \"{}\", but only \"chars\" is known",
                file.article.offsets.get_ref()
            ),
        ));
    }
    let items = file
        .annotations
        .into_iter()
        .zip(
            times
                .into_iter()
                .chain(std::iter::repeat_with(Times::default)),
        )
        .map(|(stored, times)| {
            let detached = stored.quote.is_none();
            let anchor = Anchor {
                start: stored.start.map_or(0, Spanned::into_inner),
                end: stored.end.unwrap_or(0),
                quote: stored.quote.unwrap_or_default(),
                prefix: stored.prefix,
                suffix: stored.suffix,
            };
            Annotation {
                // Placed below, all together.
                placement: if detached {
                    Placement::Detached
                } else {
                    Placement::Orphaned
                },
                anchor,
                id: stored.id.into_inner(),
                kind: stored.kind,
                sources: stored
                    .sources
                    .into_iter()
                    .map(Spanned::into_inner)
                    .collect(),
                entity: stored.entity,
                source_kind: stored.source_kind,
                description: stored.description,
                verdict: stored.verdict,
                note: stored.note,
                created: times
                    .created
                    .or(stored.created)
                    .as_ref()
                    .map(datetime::text),
                modified: times
                    .modified
                    .or(stored.modified)
                    .as_ref()
                    .map(datetime::text),
                author: stored.author,
            }
        })
        .collect();
    let rejected = file
        .rejected
        .into_iter()
        .map(|r| {
            let anchor = Anchor {
                start: r.start,
                end: r.end,
                quote: r.quote,
                prefix: r.prefix,
                suffix: r.suffix,
            };
            (r.kind, anchor)
        })
        .collect();
    Ok(Contents {
        annotations: items,
        rejected,
        corrections: file.entities,
        fingerprint: Some(file.article.fingerprint),
    })
}

impl Contents {
    fn place(self, article: &Article) -> Loaded {
        let rejected = self
            .rejected
            .into_iter()
            .map(|(kind, anchor)| Rejection {
                kind,
                placement: anchor.place(article),
                anchor,
            })
            .collect();
        Loaded {
            annotations: Annotations::new(place_annotations(self.annotations, article)),
            corrections: self.corrections,
            rejected,
            article_changed: self.fingerprint.is_some_and(|f| f != article.fingerprint()),
        }
    }
}

/// An annotation's times, taken out of its table before serde reads it.
#[derive(Default)]
struct Times {
    created: Option<Datetime>,
    modified: Option<Datetime>,
}

/// Take the `created` and `modified` date-times out of every `[[annotation]]` table of a
/// parsed sidecar, one entry per table, in order. toml hands serde a date-time as its
/// text, which `Datetime` then parses back: for a big sidecar that round trip took a
/// seventh of its loading time. A value that is not a date-time stays in its table, so
/// that serde refuses it as it always did.
fn take_times(document: &mut DeTable) -> Vec<Times> {
    let Some(DeValue::Array(tables)) = document.get_mut("annotation").map(|a| a.get_mut()) else {
        return Vec::new();
    };
    let take = |table: &mut DeTable, key: &str| match table.get(key).map(|v| v.get_ref()) {
        Some(&DeValue::Datetime(time)) => {
            table.remove(key);
            Some(time)
        }
        _ => None,
    };
    tables
        .iter_mut()
        .map(|table| match table.get_mut() {
            DeValue::Table(table) => Times {
                created: take(table, "created"),
                modified: take(table, "modified"),
            },
            _ => Times::default(),
        })
        .collect()
}

/// A sidecar written by a version of sidenote that knows another format.
fn version_error(path: &Path, text: &str, format: Spanned<String>) -> Error {
    let (line, column) = line_column(text.as_bytes(), format.span().start);
    Error::SidecarVersion {
        path: path.to_path_buf(),
        found: format.into_inner(),
        expected: FORMAT,
        line,
        column,
    }
}

/// Place every annotation that is in the text, in one pass (see [`crate::anchor`]).
fn place_annotations(mut items: Vec<Annotation>, article: &Article) -> Vec<Annotation> {
    let anchored: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].placement != Placement::Detached)
        .collect();
    let anchors: Vec<&Anchor> = anchored.iter().map(|&i| &items[i].anchor).collect();
    let placements = crate::anchor::place_all(&anchors, article);
    for (i, placement) in anchored.into_iter().zip(placements) {
        items[i].placement = placement;
    }
    items
}

/// toml's messages carry a rendered excerpt after the first line; keep the sentence.
fn toml_message(err: &toml::de::Error) -> String {
    err.message().trim().trim_end_matches('.').to_string()
}
