//! Import annotations made elsewhere into an article's sidecar: from brat standoff, from
//! W3C Web Annotations, and from sidenote's own `export --format json`.
//!
//! Each reader turns its file into a list of claims and sources; [`import`] then places
//! them in the article and adds them to the document (the caller saves):
//!
//! - An annotation is placed at its offsets when its text is still there, else at the
//!   occurrence of its text whose context matches best (as the sidecar re-anchors). One
//!   whose text is not in the article is added as an orphan and counted as unplaced,
//!   never attached to other text; one with no text at all is not imported.
//! - An annotation identical to one already in the sidecar (same kind and span; for a
//!   detached source, same description) is skipped, and links to it point to the one
//!   already there. Importing the same file twice adds nothing the second time.
//! - sidenote's ids ("c1", "s2") are kept when the file carries them and they are free;
//!   otherwise the next free id is taken, and links follow the new ids. A link to an
//!   annotation that is not in the file is dropped and said so in [`Report::details`].
//! - Entities are not imported: detection and the editor's corrections make them. A
//!   source keeps the entity id the file gives it.

mod brat;
mod json;
mod w3c;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use crate::anchor::{Anchor, Placement};
use crate::annotation::{Annotation, Annotations, Kind, SourceKind, now};
use crate::document::Document;
use crate::entity::Correction;
use crate::error::{Error, Result};
use crate::suggest::{Rejection, SuggestionKind};

/// The formats [`import`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// brat standoff: the `.ann` file, with the `.txt` beside it when there is one.
    Brat,
    /// W3C Web Annotation JSON-LD: a collection, a page, an array or one annotation.
    W3c,
    /// sidenote's `export --format json` (`sidenote-export/1`).
    Json,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Brat => "brat",
            Format::W3c => "w3c",
            Format::Json => "json",
        }
    }

    pub fn parse(word: &str) -> Option<Format> {
        match word {
            "brat" => Some(Format::Brat),
            "w3c" => Some(Format::W3c),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Annotations added and placed in the text (or detached sources, which have no place).
    pub added: usize,
    /// Annotations added as orphans because their text is not in the article.
    pub unplaced: usize,
    /// Annotations skipped because the sidecar already has them.
    pub duplicates: usize,
    /// Entries of the file that were not imported (no text to place, a type sidenote does
    /// not know).
    pub ignored: usize,
    /// Entity corrections added to the sidecar.
    pub corrections: usize,
    /// Rejected suggestions added to the sidecar.
    pub rejections: usize,
    /// One sentence for each unplaced or ignored entry and each dropped link.
    pub details: Vec<String>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}",
            plural(self.added, "annotation added", "annotations added")
        )?;
        if self.unplaced > 0 {
            write!(
                f,
                ", {} (text not in the article)",
                plural(self.unplaced, "kept as an orphan", "kept as orphans")
            )?;
        }
        if self.duplicates > 0 {
            write!(f, ", {} already present", self.duplicates)?;
        }
        if self.corrections > 0 {
            write!(
                f,
                ", {}",
                plural(self.corrections, "entity correction", "entity corrections")
            )?;
        }
        if self.rejections > 0 {
            write!(
                f,
                ", {}",
                plural(
                    self.rejections,
                    "rejected suggestion",
                    "rejected suggestions"
                )
            )?;
        }
        if self.ignored > 0 {
            write!(
                f,
                ", {}",
                plural(self.ignored, "entry not imported", "entries not imported")
            )?;
        }
        Ok(())
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Add the annotations of `input`, written in `from`, to `doc.annotations`.
///
/// For brat, `input` is the `.ann` file; the `.txt` beside it, if there is one, is the
/// text its offsets count into. A file that cannot be read or is not in the format is an
/// error, and then nothing is added.
pub fn import(doc: &mut Document, from: Format, input: &Path) -> Result<Report> {
    let mut incoming = match from {
        Format::Brat => brat::read(doc, input)?,
        Format::W3c => w3c::read(doc, input)?,
        Format::Json => json::read(input)?,
    };
    let (corrections, rejected) = (
        std::mem::take(&mut incoming.corrections),
        std::mem::take(&mut incoming.rejected),
    );
    let mut report = merge(doc, incoming);
    merge_corrections(doc, corrections, &mut report);
    merge_rejections(doc, rejected, &mut report);
    Ok(report)
}

/// Entity corrections the sidecar does not have yet. Where both correct the same entity
/// differently, the sidecar's correction is kept and the file's is reported.
fn merge_corrections(doc: &mut Document, corrections: Vec<Correction>, report: &mut Report) {
    let before = doc.corrections.len();
    for correction in corrections {
        match doc.corrections.iter().find(|c| c.id == correction.id) {
            Some(mine) if *mine == correction => {}
            Some(_) => report.details.push(format!(
                "the sidecar already corrects entity {}; its correction was kept",
                correction.id
            )),
            None => doc.corrections.push(correction),
        }
    }
    report.corrections = doc.corrections.len() - before;
    if report.corrections > 0 {
        doc.refresh_entities();
    }
}

/// Rejected suggestions the sidecar does not have yet, placed like annotations; one whose
/// text is gone is dropped, as there is nothing left to suggest there.
fn merge_rejections(
    doc: &mut Document,
    rejected: Vec<(SuggestionKind, Anchor)>,
    report: &mut Report,
) {
    for (kind, anchor) in rejected {
        let Placement::At(range) = anchor.place(&doc.article) else {
            let kind = match kind {
                SuggestionKind::Claim => "claim",
                SuggestionKind::Attribution => "attribution",
            };
            report.details.push(format!(
                "a rejected {kind} suggestion was dropped: “{}” is not in the article",
                anchor.quote
            ));
            continue;
        };
        if !doc.rejected.iter().any(|r| r.covers(kind, &range)) {
            doc.rejected.push(Rejection::new(&doc.article, kind, range));
            report.rejections += 1;
        }
    }
}

/// What a reader found in its file.
#[derive(Debug, Default)]
struct Incoming {
    items: Vec<Item>,
    /// Entries not imported, one sentence each.
    ignored: Vec<String>,
    /// The editor's entity corrections (sidenote's own JSON only).
    corrections: Vec<Correction>,
    /// Suggestions the editor rejected (sidenote's own JSON only).
    rejected: Vec<(SuggestionKind, Anchor)>,
}

/// A claim or source as a file gives it.
#[derive(Debug)]
struct Item {
    /// How the file refers to it in links ("T3", an IRI, "c1").
    key: String,
    /// The sidenote id it had, when the file says.
    id: Option<String>,
    kind: Kind,
    place: Place,
    /// Keys of its sources, in order.
    sources: Vec<String>,
    entity: Option<String>,
    source_kind: Option<SourceKind>,
    description: Option<String>,
    verdict: Option<String>,
    note: Option<String>,
    created: Option<String>,
    modified: Option<String>,
    author: Option<String>,
}

#[derive(Debug)]
enum Place {
    /// Find this anchor in the article.
    Text(Anchor),
    /// A source not in the text.
    Detached,
}

/// Where a key of the file ended up.
#[derive(Debug, Clone)]
enum Landing {
    /// An annotation that was already in the sidecar.
    Existing(String),
    /// The n-th annotation added.
    Added(usize),
}

fn merge(doc: &mut Document, incoming: Incoming) -> Report {
    let article = &doc.article;
    let mut report = Report {
        ignored: incoming.ignored.len(),
        details: incoming.ignored,
        ..Report::default()
    };
    let existing: Vec<Annotation> = doc.annotations.iter().cloned().collect();
    let mut taken: HashSet<String> = existing.iter().map(|a| a.id.clone()).collect();
    let mut added: Vec<Annotation> = Vec::new();
    let mut links: Vec<(String, Vec<String>)> = Vec::new();
    let mut landing: HashMap<String, Landing> = HashMap::new();
    let mut needs_id: Vec<usize> = Vec::new();
    let stamp = now();

    for item in incoming.items {
        let name = format!("{} {}", item.kind, item.key);
        let (anchor, placement) = match item.place {
            Place::Detached if item.kind == Kind::Source => (empty_anchor(), Placement::Detached),
            Place::Detached => {
                report.ignored += 1;
                report.details.push(format!(
                    "{name} was not imported: a claim needs text in the article"
                ));
                continue;
            }
            Place::Text(anchor) if anchor.quote.is_empty() => {
                report.ignored += 1;
                report
                    .details
                    .push(format!("{name} was not imported: it has no text to place"));
                continue;
            }
            Place::Text(anchor) => match anchor.place(article) {
                Placement::At(range) => (Anchor::new(article, range.clone()), Placement::At(range)),
                other => (anchor, other),
            },
        };
        let same = |a: &Annotation| {
            a.kind == item.kind
                && match (&a.placement, &placement) {
                    (Placement::At(x), Placement::At(y)) => x == y,
                    (Placement::Detached, Placement::Detached) => a.description == item.description,
                    (Placement::Orphaned, Placement::Orphaned) => a.anchor.quote == anchor.quote,
                    _ => false,
                }
        };
        if let Some(there) = existing.iter().find(|a| same(a)) {
            report.duplicates += 1;
            landing
                .entry(item.key)
                .or_insert(Landing::Existing(there.id.clone()));
            continue;
        }
        if let Some(index) = added.iter().position(same) {
            report.duplicates += 1;
            landing.entry(item.key).or_insert(Landing::Added(index));
            continue;
        }
        if placement == Placement::Orphaned {
            report.unplaced += 1;
            report.details.push(format!(
                "{name} is kept as an orphan: “{}” is not in the article",
                anchor.quote
            ));
        } else {
            report.added += 1;
        }
        let id = match item
            .id
            .filter(|id| fits(id, item.kind) && !taken.contains(id))
        {
            Some(id) => {
                taken.insert(id.clone());
                id
            }
            None => {
                needs_id.push(added.len());
                String::new()
            }
        };
        landing
            .entry(item.key.clone())
            .or_insert(Landing::Added(added.len()));
        links.push((name, item.sources));
        added.push(Annotation {
            id,
            kind: item.kind,
            anchor,
            placement,
            sources: Vec::new(),
            entity: item.entity,
            source_kind: item.source_kind,
            description: item.description,
            verdict: item.verdict,
            note: item.note,
            created: Some(item.created.unwrap_or_else(|| stamp.clone())),
            modified: Some(item.modified.unwrap_or_else(|| stamp.clone())),
            author: item.author,
        });
    }

    for index in needs_id {
        let id = next_id(&taken, added[index].kind);
        taken.insert(id.clone());
        added[index].id = id;
    }
    for (index, (name, keys)) in links.into_iter().enumerate() {
        for key in keys {
            let target = match landing.get(&key) {
                Some(Landing::Existing(id)) => existing.iter().find(|a| &a.id == id),
                Some(Landing::Added(i)) => added.get(*i),
                None => None,
            };
            match target {
                Some(source) if source.kind == Kind::Source => {
                    let id = source.id.clone();
                    if !added[index].sources.contains(&id) {
                        added[index].sources.push(id);
                    }
                }
                _ => report.details.push(format!(
                    "{name}: its link to {key} was dropped, as {key} is not a source in the file"
                )),
            }
        }
    }

    let mut all = existing;
    all.extend(added);
    doc.annotations = Annotations::new(all);
    report
}

fn empty_anchor() -> Anchor {
    Anchor {
        start: 0,
        end: 0,
        quote: String::new(),
        prefix: String::new(),
        suffix: String::new(),
    }
}

/// The letter that starts sidenote's ids of a kind.
fn id_letter(kind: Kind) -> char {
    match kind {
        Kind::Claim => 'c',
        Kind::Source => 's',
    }
}

/// Whether an id looks like one sidenote gives this kind: "c12", "s3".
fn fits(id: &str, kind: Kind) -> bool {
    id.strip_prefix(id_letter(kind))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn next_id(taken: &HashSet<String>, kind: Kind) -> String {
    let letter = id_letter(kind);
    let highest = taken
        .iter()
        .filter_map(|id| id.strip_prefix(letter)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    format!("{letter}{}", highest + 1)
}

/// A file's text, or an error naming it.
fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|cause| Error::ReadImport {
        path: path.to_path_buf(),
        cause,
    })?;
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        let (line, column) = crate::error::line_column(err.as_bytes(), at);
        Error::BadImport {
            path: path.to_path_buf(),
            line,
            column,
            message: "it is not UTF-8 text".to_string(),
        }
    })
}

/// A source kind from its word ("organization").
fn source_kind(word: &str) -> Option<SourceKind> {
    SourceKind::ALL.into_iter().find(|k| k.as_str() == word)
}

/// `n` characters of context before and after a byte range of `text`, as anchors keep.
fn context(text: &str, start: usize, end: usize) -> (String, String) {
    let n = crate::anchor::CONTEXT_CHARS;
    let mut prefix: Vec<char> = text[..start].chars().rev().take(n).collect();
    prefix.reverse();
    let suffix = text[end..].chars().take(n).collect();
    (prefix.into_iter().collect(), suffix)
}
