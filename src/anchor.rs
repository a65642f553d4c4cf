//! Anchors tie an annotation to text: character offsets plus the quoted text and some
//! context on either side (as the W3C TextPositionSelector and TextQuoteSelector do), so
//! that an annotation can be found again when the article changes.

use std::ops::Range;

use crate::article::Article;

/// How many characters of context an anchor keeps on each side of its quote.
pub const CONTEXT_CHARS: usize = 32;

/// Where an annotation sits, as stored in the sidecar. Offsets count characters
/// (Unicode scalar values); `end` is exclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
}

/// Where an anchor was found in the current text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    /// A byte range of the current text.
    At(Range<usize>),
    /// The quote is no longer in the text; the annotation is kept but not shown in it.
    Orphaned,
    /// Not in the text at all, by design: a source given only by its description ("a
    /// document seen by the newspaper").
    Detached,
}

impl Anchor {
    /// The anchor of a byte range of the article.
    pub fn new(article: &Article, range: Range<usize>) -> Anchor {
        let text = article.text();
        let prefix_start = back_chars(text, range.start, CONTEXT_CHARS);
        let suffix_end = forward_chars(text, range.end, CONTEXT_CHARS);
        Anchor {
            start: article.char_of(range.start),
            end: article.char_of(range.end),
            quote: text[range.clone()].to_string(),
            prefix: text[prefix_start..range.start].to_string(),
            suffix: text[range.end..suffix_end].to_string(),
        }
    }

    /// Find this anchor in the article: at its offsets when the quote is still there,
    /// else at the occurrence of the quote whose context matches best (nearest to the old
    /// place on a tie), else nowhere. It is never attached to text other than its quote.
    pub fn place(&self, article: &Article) -> Placement {
        let text = article.text();
        let start = article.byte_of(self.start);
        let end = article.byte_of(self.end);
        if text.get(start..end) == Some(self.quote.as_str()) {
            return Placement::At(start..end);
        }
        if self.quote.is_empty() {
            return Placement::Orphaned;
        }
        let best = text
            .match_indices(self.quote.as_str())
            .map(|(at, _)| at..at + self.quote.len())
            .max_by_key(|r| {
                let context = common_suffix(&text[..r.start], &self.prefix)
                    + common_prefix(&text[r.end..], &self.suffix);
                (context, std::cmp::Reverse(r.start.abs_diff(start)))
            });
        best.map_or(Placement::Orphaned, Placement::At)
    }
}

/// Byte offset `n` characters before `at` (or 0).
fn back_chars(text: &str, at: usize, n: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// Byte offset `n` characters after `at` (or the end).
fn forward_chars(text: &str, at: usize, n: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| at + i)
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}
