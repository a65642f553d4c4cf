//! What TOML and serde cannot see in a sidecar: every id once, every range with both ends
//! and forwards, and every source a claim cites present. A sidecar merged by git or edited by hand can get
//! these wrong; sidenote refuses it, naming the place, rather than guess which of two
//! `c3`s a link meant.

use std::collections::HashMap;
use std::ops::Range;

use super::Stored;

/// The first thing wrong with the annotations' ids, ranges and links: where it is (a
/// byte span of the file's text) and what it is.
pub(super) fn problem(annotations: &[Stored]) -> Option<(Range<usize>, String)> {
    let mut kinds: HashMap<&str, &str> = HashMap::new();
    for record in annotations {
        let id = record.id.get_ref().as_str();
        if kinds.insert(id, record.kind.as_str()).is_some() {
            return Some((
                record.id.span(),
                format!("the annotation id \"{id}\" is used more than once"),
            ));
        }
        // One without the other cannot be placed at its offsets, nor written back.
        match (&record.start, record.end) {
            (Some(start), Some(end)) if end < *start.get_ref() => {
                return Some((
                    start.span(),
                    format!(
                        "annotation {id} ends (at {end}) before it starts (at {})",
                        start.get_ref()
                    ),
                ));
            }
            (Some(start), None) => {
                return Some((
                    start.span(),
                    format!("annotation {id} has a start but no end"),
                ));
            }
            (None, Some(end)) => {
                return Some((
                    record.id.span(),
                    format!("annotation {id} has an end (at {end}) but no start"),
                ));
            }
            _ => {}
        }
    }
    for record in annotations {
        for source in &record.sources {
            let cited = source.get_ref().as_str();
            let id = record.id.get_ref();
            match kinds.get(cited) {
                None => {
                    return Some((
                        source.span(),
                        format!("{id} cites the source \"{cited}\", which is not in the file"),
                    ));
                }
                Some(&kind) if kind != "source" => {
                    return Some((
                        source.span(),
                        format!("{id} cites \"{cited}\" as a source, but it is a {kind}"),
                    ));
                }
                Some(_) => {}
            }
        }
    }
    None
}
