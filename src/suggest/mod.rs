//! Suggestions: claims worth checking and who says what, found by rules so that the editor
//! can accept or reject them with one key. Each suggestion says which rule found it.

mod attributions;
mod claims;
mod speakers;
mod text;
mod words;

use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::anchor::{Anchor, Placement};
use crate::article::Article;
use crate::entity::Entities;

pub use attributions::{attributions, attributions_in_parts};
pub use claims::claims;
pub use text::{inside_quotes, quotations};

/// A sentence or clause with checkable content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimSuggestion {
    /// Byte range in the article text.
    pub range: Range<usize>,
    /// The rule that found it: "percentage", "money", "comparison", …
    pub rule: &'static str,
}

/// Who is named as saying something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The entity's name when the speaker is a known entity, else the words in the text.
    pub name: String,
    /// Where the speaker is named in the text ("Berg", "a Port Authority spokesman"); for
    /// "he said", the pronoun.
    pub range: Range<usize>,
    /// The entity's id, when the speaker is one.
    pub entity: Option<String>,
}

/// A statement and its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The statement: the quoted words, or the reported clause.
    pub range: Range<usize>,
    pub rule: &'static str,
    pub speaker: Speaker,
}

/// What a suggestion is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SuggestionKind {
    Claim,
    Attribution,
}

/// A suggestion the editor rejected, kept in the sidecar so that it does not come back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub kind: SuggestionKind,
    /// The rejected span: the claim, or the attributed statement.
    pub anchor: Anchor,
    /// Where that span is in the current text.
    pub placement: Placement,
}

impl Rejection {
    pub fn new(article: &Article, kind: SuggestionKind, range: Range<usize>) -> Rejection {
        Rejection {
            kind,
            anchor: Anchor::new(article, range.clone()),
            placement: Placement::At(range),
        }
    }

    /// Whether this rejects a suggestion of this kind at this range.
    pub fn covers(&self, kind: SuggestionKind, range: &Range<usize>) -> bool {
        self.kind == kind && self.placement == Placement::At(range.clone())
    }
}

/// Everything suggested for an article, in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suggestions {
    /// Shared: they do not change with the entities, so the suggestions found again after
    /// an entity correction keep them.
    pub claims: Arc<Vec<ClaimSuggestion>>,
    pub attributions: Vec<Attribution>,
}

impl Suggestions {
    /// Drop the suggestions the editor rejected.
    pub fn without(mut self, rejected: &[Rejection]) -> Suggestions {
        let gone = |kind: SuggestionKind, range: &Range<usize>| {
            rejected.iter().any(|r| r.covers(kind, range))
        };
        Arc::make_mut(&mut self.claims).retain(|c| !gone(SuggestionKind::Claim, &c.range));
        self.attributions
            .retain(|a| !gone(SuggestionKind::Attribution, &a.range));
        self
    }
}

/// Suggest the claims and attributions of an article.
pub fn suggest(article: &Article, entities: &Entities) -> Suggestions {
    suggest_in_parts(article, entities, 1)
}

/// What [`suggest`] finds, the same, on up to `threads` threads at once: with more than
/// one, the claims are found on a thread of their own beside the attributions, which are
/// read in parts ([`attributions_in_parts`]).
pub fn suggest_in_parts(article: &Article, entities: &Entities, threads: usize) -> Suggestions {
    if threads <= 1 {
        return Suggestions {
            claims: Arc::new(claims(article)),
            attributions: attributions(article, entities),
        };
    }
    std::thread::scope(|scope| {
        let claims = scope.spawn(|| claims(article));
        let attributions = attributions_in_parts(article, entities, threads);
        // Joined here so that a panic goes on with its own message.
        let claims = claims
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Suggestions {
            claims: Arc::new(claims),
            attributions,
        }
    })
}

/// Paragraphs that are not body text: the title, the dateline, subheadings.
pub(crate) fn is_body(article: &Article, paragraph: usize) -> bool {
    if Some(paragraph) == article.title_paragraph() || Some(paragraph) == article.date_paragraph() {
        return false;
    }
    let text = article.paragraph_text(paragraph);
    // A subheading: short, one sentence, no final punctuation.
    let heading = text.len() < 80
        && !text.ends_with(['.', '!', '?', '"', '”', '’', ':'])
        && article.paragraphs()[paragraph].sentences.len() == 1;
    !heading
}

/// A sentence's range without the wire dateline that may open it ("OSLO, March 3
/// (Nordwire) - "): the place in capitals, then up to the dash.
pub(crate) fn without_dateline(text: &str, sentence: Range<usize>) -> Range<usize> {
    let head = &text[sentence.clone()];
    // The first separator that starts within 80 bytes (no two start at the same space);
    // one further on opens no dateline, so a long sentence is not read to its end.
    let bytes = head.as_bytes();
    // Every separator is a space, then '-' or a dash's first byte.
    let Some((dash, sep)) = memchr::memchr2_iter(b'-', 0xe2, &bytes[..bytes.len().min(82)])
        .filter(|&after| after > 0 && bytes[after - 1] == b' ')
        .map(|after| after - 1)
        .find_map(|at| {
            [" - ", " – ", " — ", " -- "]
                .iter()
                .find(|sep| bytes[at..].starts_with(sep.as_bytes()))
                .map(|sep| (at, sep.len()))
        })
    else {
        return sentence;
    };
    let place = head[..dash].split(',').next().unwrap_or("");
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = place
        .chars()
        .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\'' | '’'));
    if letters >= 2 && capitals {
        sentence.start + dash + sep..sentence.end
    } else {
        sentence
    }
}
