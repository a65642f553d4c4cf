//! brat standoff export: the article as `.txt` and the annotations as `.ann`.
//!
//! Offsets count characters (Unicode code points) of the `.txt`, end exclusive, as brat
//! does; the `.txt` is the article's normalised text, so every offset slices it exactly.
//! A span that crosses line breaks is written as fragments split at each `\n`
//! (`T1\tClaim 0 12;13 20\tfirst line second line`), the way brat writes one itself.
//!
//! The types, in brat's `annotation.conf` terms:
//!
//! ```text
//! [entities]
//! Claim
//! Source
//! Person
//! Organization
//! Place
//! Other
//!
//! [relations]
//! HasSource  Arg1:Claim, Arg2:Source
//! RefersTo   Arg1:Source, Arg2:Person|Organization|Place|Other
//!
//! [attributes]
//! Verdict     Arg:Claim, Value:unverified|true|mostly_true|mixed|mostly_false|false|unverifiable
//! SourceKind  Arg:Source, Value:person|organization|document|anonymous|other
//! Detached    Arg:Source
//! Orphaned    Arg:Claim|Source
//! ```
//!
//! - Each claim and source is a `T` line; each entity mention is one too (`Person` …).
//! - `N` lines (brat's normalisation) keep sidenote's ids: `Reference T1 sidenote:c1` on an
//!   annotation, `Reference T12 sidenote-entity:elena-vance` on an entity mention (or on a
//!   source whose entity has no mention in the text).
//! - `HasSource` relations link a claim to its sources, in the claim's order; `RefersTo`
//!   links a source to a mention of its entity (the one it overlaps, else the first).
//! - Attribute values are single tokens: a space is written `_`, and `_`, `%` and other
//!   white space as `%XX` (UTF-8 bytes), so "mostly true" is `mostly_true` and comes back.
//! - Comments carry free text on one line, with `\` written `\\`, a line break `\n`, a tab
//!   `\t` and a carriage return `\r`: `AnnotatorNotes` is the note, `Description` a
//!   source's description and `Quote` the text an orphaned annotation was attached to.
//! - A source that is not in the text (detached) has no span to give, so it is a
//!   zero-width `T` line at offset 0 with the `Detached` attribute and its `Description`.
//!   An annotation whose text is no longer in the article (orphaned) is a zero-width `T`
//!   line at 0 with the `Orphaned` attribute and its old text as a `Quote`.
//!
//! brat has no place for created and modified times; they are not exported.

use std::collections::HashMap;
use std::fmt::Write;
use std::ops::Range;

use crate::anchor::Placement;
use crate::annotation::{Annotation, Kind};
use crate::article::Article;
use crate::document::Document;
use crate::entity::EntityKind;

/// The two files of a brat document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brat {
    /// Exactly the article's text, which every offset in `ann` counts into.
    pub txt: String,
    pub ann: String,
}

/// The `Reference` database of annotation ids.
pub(crate) const ANNOTATION_DB: &str = "sidenote";
/// The `Reference` database of entity ids.
pub(crate) const ENTITY_DB: &str = "sidenote-entity";

/// The article and its annotations and entity mentions as brat standoff.
pub fn export(doc: &Document) -> Brat {
    let article = &doc.article;
    let mut out = Ann::default();
    let mut t_of: HashMap<&str, usize> = HashMap::new();
    for a in doc.annotations.iter() {
        let t = annotation(&mut out, article, a);
        t_of.insert(&a.id, t);
    }

    // Entity mentions, in text order, remembering each entity's T numbers.
    let mut mentions: Vec<(Range<usize>, usize)> = doc
        .entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.clone(), i)))
        .collect();
    mentions.sort_by_key(|(r, i)| (r.start, r.end, *i));
    let mut mention_ts: HashMap<&str, Vec<(Range<usize>, usize)>> = HashMap::new();
    for (range, index) in mentions {
        let entity = &doc.entities.as_slice()[index];
        let t = out.span(entity_type(entity.kind), article, range.clone());
        out.reference(t, ENTITY_DB, &entity.id, &entity.name);
        mention_ts.entry(&entity.id).or_default().push((range, t));
    }

    for a in doc.annotations.iter() {
        let t = t_of[a.id.as_str()];
        for source in &a.sources {
            if let Some(&s) = t_of.get(source.as_str()) {
                out.relation("HasSource", t, s);
            }
        }
        let Some(entity) = &a.entity else { continue };
        let mention = mention_ts.get(entity.as_str()).and_then(|list| {
            let here = a.range();
            list.iter()
                .find(|(m, _)| {
                    here.as_ref()
                        .is_some_and(|r| m.start < r.end && r.start < m.end)
                })
                .or(list.first())
        });
        match mention {
            Some((_, m)) => out.relation("RefersTo", t, *m),
            None => out.reference(t, ENTITY_DB, entity, entity),
        }
    }

    Brat {
        txt: article.text().to_string(),
        ann: out.text,
    }
}

/// Write one annotation's lines; returns its T number.
fn annotation(out: &mut Ann, article: &Article, a: &Annotation) -> usize {
    let kind = match a.kind {
        Kind::Claim => "Claim",
        Kind::Source => "Source",
    };
    let t = match &a.placement {
        Placement::At(range) => out.span(kind, article, range.clone()),
        Placement::Detached | Placement::Orphaned => out.empty(kind),
    };
    out.reference(t, ANNOTATION_DB, &a.id, &a.id);
    match a.placement {
        Placement::Detached => out.attribute("Detached", t, None),
        Placement::Orphaned => out.attribute("Orphaned", t, None),
        Placement::At(_) => {}
    }
    if let Some(verdict) = &a.verdict {
        out.attribute("Verdict", t, Some(verdict));
    }
    if let Some(kind) = a.source_kind {
        out.attribute("SourceKind", t, Some(kind.as_str()));
    }
    if let Some(note) = &a.note {
        out.comment("AnnotatorNotes", t, note);
    }
    if let Some(description) = &a.description {
        out.comment("Description", t, description);
    }
    if a.placement == Placement::Orphaned {
        out.comment("Quote", t, &a.anchor.quote);
    }
    t
}

fn entity_type(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Organization => "Organization",
        EntityKind::Place => "Place",
        EntityKind::Other => "Other",
    }
}

/// The `.ann` being written, with a counter per line type.
#[derive(Default)]
struct Ann {
    text: String,
    t: usize,
    r: usize,
    a: usize,
    n: usize,
    comments: usize,
}

impl Ann {
    /// A text-bound annotation over a byte range, split into fragments at line breaks.
    fn span(&mut self, kind: &str, article: &Article, range: Range<usize>) -> usize {
        let text = article.text();
        let mut fragments = Vec::new();
        let mut start = range.start;
        for line in text[range.clone()].split('\n') {
            if !line.is_empty() {
                fragments.push(start..start + line.len());
            }
            start += line.len() + 1;
        }
        if fragments.is_empty() {
            fragments.push(range);
        }
        let offsets: Vec<String> = fragments
            .iter()
            .map(|f| format!("{} {}", article.char_of(f.start), article.char_of(f.end)))
            .collect();
        let words: Vec<&str> = fragments.iter().map(|f| &text[f.clone()]).collect();
        self.t += 1;
        let _ = writeln!(
            self.text,
            "T{}\t{kind} {}\t{}",
            self.t,
            offsets.join(";"),
            words.join(" ")
        );
        self.t
    }

    /// A zero-width text-bound annotation at offset 0.
    fn empty(&mut self, kind: &str) -> usize {
        self.t += 1;
        let _ = writeln!(self.text, "T{}\t{kind} 0 0\t", self.t);
        self.t
    }

    fn reference(&mut self, t: usize, db: &str, id: &str, label: &str) {
        self.n += 1;
        let _ = writeln!(
            self.text,
            "N{}\tReference T{t} {db}:{}\t{}",
            self.n,
            token(id),
            one_line(label)
        );
    }

    fn attribute(&mut self, name: &str, t: usize, value: Option<&str>) {
        self.a += 1;
        let _ = match value {
            Some(value) => writeln!(self.text, "A{}\t{name} T{t} {}", self.a, token(value)),
            None => writeln!(self.text, "A{}\t{name} T{t}", self.a),
        };
    }

    fn comment(&mut self, kind: &str, t: usize, text: &str) {
        self.comments += 1;
        let _ = writeln!(
            self.text,
            "#{}\t{kind} T{t}\t{}",
            self.comments,
            one_line(text)
        );
    }

    fn relation(&mut self, name: &str, from: usize, to: usize) {
        self.r += 1;
        let _ = writeln!(self.text, "R{}\t{name} Arg1:T{from} Arg2:T{to}", self.r);
    }
}

/// A value as one brat token: a space becomes `_`; `_`, `%` and other white space
/// become `%XX` for each UTF-8 byte. [`untoken`] reverses it.
pub(crate) fn token(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if c == ' ' {
            out.push('_');
        } else if c == '_' || c == '%' || c.is_whitespace() || c.is_control() {
            let mut bytes = [0; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The value a [`token`] stands for. A `%` not followed by two hex digits stays as it is.
pub(crate) fn untoken(token: &str) -> String {
    let bytes = token.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'_', _) => out.push(b' '),
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 2;
            }
            (b, _) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Free text on one line: `\` as `\\`, line break `\n`, tab `\t`, carriage return `\r`.
pub(crate) fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// The text a [`one_line`] stands for; an unknown escape stays as it is.
pub(crate) fn from_one_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_have_no_white_space_and_come_back() {
        for value in [
            "mostly true",
            "a_b 50% off",
            "tab\there\nline",
            "naïve — ok",
            "",
        ] {
            let t = token(value);
            assert!(!t.contains(char::is_whitespace), "{t:?}");
            assert_eq!(untoken(&t), value);
        }
        assert_eq!(token("mostly true"), "mostly_true");
    }

    #[test]
    fn notes_fit_on_one_line_and_come_back() {
        for note in ["two\nlines", "back\\slash \\n literal", "tab\tand\r\n", ""] {
            let line = one_line(note);
            assert!(!line.contains(['\n', '\t', '\r']), "{line:?}");
            assert_eq!(from_one_line(&line), note);
        }
    }
}
