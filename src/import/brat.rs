//! Reading brat standoff (`.ann`) as [`crate::export::brat`] writes it, and as brat and
//! other tools write it.
//!
//! `Claim` and `Source` T lines become annotations; entity T lines (`Person`,
//! `Organization`, `Place`, `Other`) only tell which entity a `RefersTo` relation points
//! to. A discontinuous span (`T1 Claim 0 5;8 12`) is read as the whole stretch from its
//! first to its last offset. Offsets count characters of the `.txt` beside the `.ann`,
//! or of the article when there is none; when the text at the offsets is not the T line's
//! text, the T line's text is looked for in the article instead. Events, equivalences and
//! T lines of other types are not imported and are listed in the report.

use std::collections::HashMap;
use std::path::Path;

use super::{Incoming, Item, Place, context, read_text, source_kind};
use crate::anchor::{Anchor, Placement};
use crate::annotation::Kind;
use crate::article::CharIndex;
use crate::document::Document;
use crate::error::{Error, Result};
use crate::export::brat::{ANNOTATION_DB, ENTITY_DB, from_one_line, untoken};

/// A text-bound annotation: a T line.
struct Span {
    kind: String,
    /// Character offsets of each fragment.
    fragments: Vec<(usize, usize)>,
    text: String,
}

/// Everything the `.ann` says, by T id.
#[derive(Default)]
struct Ann {
    /// T ids in file order.
    order: Vec<String>,
    spans: HashMap<String, Span>,
    /// (database, id) of each `Reference`.
    references: HashMap<String, Vec<(String, String)>>,
    /// (name, value) of each attribute.
    attributes: HashMap<String, Vec<(String, Option<String>)>>,
    /// (type, text) of each comment.
    comments: HashMap<String, Vec<(String, String)>>,
    /// (name, Arg1, Arg2) of each relation.
    relations: Vec<(String, String, String)>,
    ignored: Vec<String>,
}

pub(super) fn read(doc: &Document, path: &Path) -> Result<Incoming> {
    let ann = parse(path, &read_text(path)?)?;
    let txt = path.with_extension("txt");
    let beside = match txt != path && txt.is_file() {
        true => Some(read_text(&txt)?),
        false => None,
    };
    let text = beside.as_deref().unwrap_or(doc.article.text());
    let chars = CharIndex::new(text);

    let mut incoming = Incoming {
        ignored: ann.ignored.clone(),
        ..Incoming::default()
    };
    for t in &ann.order {
        let span = &ann.spans[t];
        let kind = match span.kind.as_str() {
            "Claim" => Kind::Claim,
            "Source" => Kind::Source,
            "Person" | "Organization" | "Place" | "Other" => continue,
            other => {
                incoming.ignored.push(format!(
                    "{t} was not imported: sidenote has no type {other}"
                ));
                continue;
            }
        };
        let attributes = ann.attributes.get(t).map(Vec::as_slice).unwrap_or_default();
        let attribute = |name: &str| {
            attributes
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_deref().map(untoken))
        };
        let comments = |kind: &str| {
            let texts: Vec<String> = ann
                .comments
                .get(t)
                .into_iter()
                .flatten()
                .filter(|(k, _)| k == kind)
                .map(|(_, text)| from_one_line(text))
                .collect();
            (!texts.is_empty()).then(|| texts.join("\n"))
        };
        let place = if attribute("Detached").is_some() {
            Place::Detached
        } else if attribute("Orphaned").is_some() {
            Place::Text(Anchor {
                start: 0,
                end: 0,
                quote: comments("Quote").unwrap_or_default(),
                prefix: String::new(),
                suffix: String::new(),
            })
        } else {
            Place::Text(anchor(span, text, &chars))
        };
        let entity = ann
            .relations
            .iter()
            .find(|(name, from, _)| name == "RefersTo" && from == t)
            .and_then(|(_, _, to)| entity_of(doc, &ann, to, text, &chars))
            .or_else(|| reference(&ann, t, ENTITY_DB));
        incoming.items.push(Item {
            key: t.clone(),
            id: reference(&ann, t, ANNOTATION_DB),
            kind,
            place,
            sources: ann
                .relations
                .iter()
                .filter(|(name, from, _)| name == "HasSource" && from == t)
                .map(|(_, _, to)| to.clone())
                .collect(),
            entity,
            source_kind: attribute("SourceKind")
                .flatten()
                .and_then(|k| source_kind(&k)),
            description: comments("Description"),
            verdict: attribute("Verdict").flatten(),
            note: comments("AnnotatorNotes"),
            created: None,
            modified: None,
            author: None,
        });
    }
    Ok(incoming)
}

/// The id a T line has in a `Reference` database.
fn reference(ann: &Ann, t: &str, db: &str) -> Option<String> {
    ann.references
        .get(t)?
        .iter()
        .find(|(d, _)| d == db)
        .map(|(_, id)| untoken(id))
}

/// The entity a mention T line stands for: its `sidenote-entity` reference, else the
/// detected entity with a mention exactly there.
fn entity_of(doc: &Document, ann: &Ann, t: &str, text: &str, chars: &CharIndex) -> Option<String> {
    if let Some(id) = reference(ann, t, ENTITY_DB) {
        return Some(id);
    }
    let span = ann.spans.get(t)?;
    let Placement::At(range) = anchor(span, text, chars).place(&doc.article) else {
        return None;
    };
    doc.entities
        .mentions_in(range.clone())
        .find(|(m, _)| *m == range)
        .and_then(|(_, i)| doc.entities.get(i))
        .map(|e| e.id.clone())
}

/// The anchor of a T line: the text at its offsets when that is its text, else its text
/// with the offsets as a hint.
fn anchor(span: &Span, text: &str, chars: &CharIndex) -> Anchor {
    let start = span.fragments.iter().map(|f| f.0).min().unwrap_or(0);
    let end = span.fragments.iter().map(|f| f.1).max().unwrap_or(0);
    let fits = span
        .fragments
        .iter()
        .all(|&(s, e)| s <= e && e <= chars.len_chars());
    if fits {
        let slice = |s: usize, e: usize| &text[chars.byte_of(text, s)..chars.byte_of(text, e)];
        let said: Vec<&str> = span.fragments.iter().map(|&(s, e)| slice(s, e)).collect();
        // brat joins fragments with a space, and some tools leave the text out.
        if span.text.is_empty() || said.join(" ") == span.text || said.concat() == span.text {
            let (from, to) = (chars.byte_of(text, start), chars.byte_of(text, end));
            let (prefix, suffix) = context(text, from, to);
            return Anchor {
                start,
                end,
                quote: text[from..to].to_string(),
                prefix,
                suffix,
            };
        }
    }
    Anchor {
        start,
        end,
        quote: span.text.clone(),
        prefix: String::new(),
        suffix: String::new(),
    }
}

/// Read the lines of an `.ann`. A line that is not brat standoff is an error naming it.
fn parse(path: &Path, text: &str) -> Result<Ann> {
    let mut ann = Ann::default();
    for (index, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let number = index + 1;
        let bad = |column: usize, message: String| Error::BadImport {
            path: path.to_path_buf(),
            line: number,
            column,
            message,
        };
        let mut fields = line.splitn(3, '\t');
        let id = fields.next().unwrap_or_default();
        let Some(body) = fields.next() else {
            return Err(bad(
                1,
                "a brat line starts with an id and a tab (\"T1\\tClaim 0 5\\ttext\")".into(),
            ));
        };
        let rest = fields.next().unwrap_or_default();
        let column = id.chars().count() + 2;
        let words: Vec<&str> = body.split_whitespace().collect();
        let Some(&name) = words.first() else {
            return Err(bad(column, format!("{id} has no type")));
        };
        match id.chars().next() {
            Some('T') => {
                let fragments = offsets(&body.trim_start()[name.len()..]).ok_or_else(|| {
                    bad(
                        column,
                        format!(
                            "{id} needs offsets as \"START END\", with \";\" between fragments"
                        ),
                    )
                })?;
                ann.order.push(id.to_string());
                ann.spans.insert(
                    id.to_string(),
                    Span {
                        kind: name.to_string(),
                        fragments,
                        text: rest.to_string(),
                    },
                );
            }
            Some('R') => {
                let arg = |role: &str| {
                    words[1..]
                        .iter()
                        .find_map(|w| w.strip_prefix(role)?.strip_prefix(':'))
                        .map(str::to_string)
                };
                let (Some(from), Some(to)) = (arg("Arg1"), arg("Arg2")) else {
                    return Err(bad(column, format!("{id} needs Arg1:T… and Arg2:T…")));
                };
                ann.relations.push((name.to_string(), from, to));
            }
            Some('A' | 'M') => {
                let Some(&target) = words.get(1) else {
                    return Err(bad(column, format!("{id} names no annotation")));
                };
                ann.attributes
                    .entry(target.to_string())
                    .or_default()
                    .push((name.to_string(), words.get(2).map(|v| v.to_string())));
            }
            Some('N') => {
                let (Some(&target), Some(reference)) = (words.get(1), words.get(2)) else {
                    return Err(bad(column, format!("{id} needs an annotation and a DB:ID")));
                };
                let (db, key) = reference.split_once(':').unwrap_or(("", reference));
                ann.references
                    .entry(target.to_string())
                    .or_default()
                    .push((db.to_string(), key.to_string()));
            }
            Some('#') => {
                if let Some(&target) = words.get(1) {
                    ann.comments
                        .entry(target.to_string())
                        .or_default()
                        .push((name.to_string(), rest.to_string()));
                }
            }
            _ => ann.ignored.push(format!(
                "line {number} was not imported: sidenote has nothing like brat's {id} {name}"
            )),
        }
    }
    Ok(ann)
}

/// "0 5;8 12" as character offsets, or `None` when they are not.
fn offsets(text: &str) -> Option<Vec<(usize, usize)>> {
    text.split(';')
        .map(|fragment| {
            let mut numbers = fragment.split_whitespace().map(str::parse::<usize>);
            match (numbers.next(), numbers.next(), numbers.next()) {
                (Some(Ok(start)), Some(Ok(end)), None) => Some((start, end)),
                _ => None,
            }
        })
        .collect()
}
