//! Anchors tie an annotation to text: character offsets plus the quoted text and some
//! context on either side (as the W3C TextPositionSelector and TextQuoteSelector do), so
//! that an annotation can be found again when the article changes.
//!
//! Placing an anchor in the current text takes three steps, each tried only when the one
//! before it failed:
//!
//! 1. **At its offsets**, when the quote is still there.
//! 2. **The exact quote elsewhere**: of its occurrences, the one whose surrounding text
//!    matches the stored context best, the nearest to the old place on a tie. It must
//!    share at least [`MIN_CONTEXT_CHARS`] characters of context with the stored anchor,
//!    unless it is the only occurrence of a quote at least [`DISTINCTIVE_CHARS`] long:
//!    a short quote ("Whitfield") whose sentence was deleted is not moved to another
//!    mention with different words around it.
//! 3. **A fuzzy match** of quote and context near the old place, accepted only when it
//!    scores at least [`fuzzy::FUZZY_THRESHOLD`] (see there for the reasoning).
//!
//! What none of the steps places is orphaned: kept with its stored quote, never dropped
//! and never attached to other text. All anchors of a sidecar are placed together
//! ([`place_all`]): one pass over the text finds every quote, so a 15 MB article with
//! a thousand annotations is re-anchored in a fraction of a second.

pub mod fuzzy;

use std::cmp::Reverse;
use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::AhoCorasick;

use crate::article::Article;

/// How many characters of context an anchor keeps on each side of its quote.
pub const CONTEXT_CHARS: usize = 32;

/// Characters of stored context (prefix and suffix together) that an occurrence of the
/// quote away from its offsets must still have around it. Six is more than the space
/// and punctuation any two places share by chance, and fewer than any real neighbour
/// keeps after an edit on one side.
pub const MIN_CONTEXT_CHARS: usize = 6;

/// A quote at least this long, found exactly once, is the annotated text even when all
/// context around it changed: a sentence rarely recurs word for word, a name often does.
pub const DISTINCTIVE_CHARS: usize = 24;

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

/// How an anchor's placement relates to what the sidecar stored: what `sidenote check`
/// and the status bar report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fit {
    /// At its stored offsets, with its stored quote.
    Placed,
    /// Its exact quote, at other offsets (the text before it changed).
    Moved,
    /// Text like its quote but not equal to it (a typo fixed, a word inserted): the
    /// stored quote is replaced by the new text when the sidecar is next saved.
    Fuzzy,
    /// Not found; kept with its stored quote.
    Orphaned,
    /// Not in the text by design.
    Detached,
}

impl Fit {
    /// The word reports use: "placed", "moved", "fuzzy", "orphaned", "detached".
    pub fn as_str(self) -> &'static str {
        match self {
            Fit::Placed => "placed",
            Fit::Moved => "moved",
            Fit::Fuzzy => "fuzzy",
            Fit::Orphaned => "orphaned",
            Fit::Detached => "detached",
        }
    }
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

    /// Find this anchor in the article (see the module documentation for the steps).
    /// To place many anchors, [`place_all`] is much faster.
    pub fn place(&self, article: &Article) -> Placement {
        place_all(&[self], article)
            .pop()
            .unwrap_or(Placement::Orphaned)
    }

    /// How a placement of this anchor relates to what it stored.
    pub fn fit(&self, placement: &Placement, article: &Article) -> Fit {
        match placement {
            Placement::Orphaned => Fit::Orphaned,
            Placement::Detached => Fit::Detached,
            Placement::At(range) if article.text().get(range.clone()) != Some(&self.quote) => {
                Fit::Fuzzy
            }
            Placement::At(range) if article.char_of(range.start) == self.start => Fit::Placed,
            Placement::At(_) => Fit::Moved,
        }
    }

    /// Byte offset of the stored start in the current text, on a character boundary.
    fn old_place(&self, article: &Article) -> usize {
        article.byte_of(self.start)
    }

    /// Characters of stored context shared by the text around `range`.
    fn context_at(&self, text: &str, range: &Range<usize>) -> usize {
        common_suffix(&text[..range.start], &self.prefix)
            + common_prefix(&text[range.end..], &self.suffix)
    }

    /// Whether an occurrence sharing `context` characters of context may be taken.
    fn enough_context(&self, context: usize, unique: bool) -> bool {
        let stored = self.prefix.chars().count() + self.suffix.chars().count();
        context >= MIN_CONTEXT_CHARS.min(stored)
            || (unique && self.quote.chars().count() >= DISTINCTIVE_CHARS)
    }
}

/// Place every anchor in the article; the result is in the order given.
pub fn place_all(anchors: &[&Anchor], article: &Article) -> Vec<Placement> {
    let text = article.text();
    let mut placements: Vec<Option<Placement>> = anchors
        .iter()
        .map(|anchor| at_offsets(anchor, article))
        .collect();
    place_exact(anchors, article, &mut placements);
    // What was placed tells how far the text around the rest moved.
    let mut shifts: Vec<(usize, isize)> = anchors
        .iter()
        .zip(&placements)
        .filter_map(|(anchor, placement)| match placement {
            Some(Placement::At(range)) => Some((
                anchor.start,
                article.char_of(range.start) as isize - anchor.start as isize,
            )),
            _ => None,
        })
        .collect();
    shifts.sort_unstable();
    anchors
        .iter()
        .zip(placements)
        .map(|(anchor, placement)| {
            placement.unwrap_or_else(|| {
                let old = anchor.old_place(article);
                let mut centres = vec![old];
                for shift in neighbour_shifts(&shifts, anchor.start) {
                    let moved = anchor.start.saturating_add_signed(shift);
                    centres.push(article.byte_of(moved));
                }
                fuzzy::locate(anchor, text, &centres).map_or(Placement::Orphaned, Placement::At)
            })
        })
        .collect()
}

/// Step 1: the anchor's own offsets, when the quote is still there.
fn at_offsets(anchor: &Anchor, article: &Article) -> Option<Placement> {
    if anchor.quote.is_empty() {
        return Some(Placement::Orphaned);
    }
    let start = article.byte_of(anchor.start);
    let end = start + anchor.quote.len();
    if article.text().get(start..end) != Some(anchor.quote.as_str()) {
        return None;
    }
    // The quote is there; it is the anchor's range if the stored end is where it ends.
    // When the stored offsets span the quote's characters they are, without looking
    // the end up in the text.
    let spans_quote = anchor.end.checked_sub(anchor.start) == Some(anchor.quote.chars().count());
    (spans_quote || article.byte_of(anchor.end) == end).then_some(Placement::At(start..end))
}

/// Step 2 for every anchor still unplaced: one pass over the text finds all their quotes.
fn place_exact(anchors: &[&Anchor], article: &Article, placements: &mut [Option<Placement>]) {
    let text = article.text();
    // Anchors sharing a quote share a pattern.
    let mut patterns: Vec<&str> = Vec::new();
    let mut users: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, anchor) in anchors.iter().enumerate() {
        if placements[i].is_some() {
            continue;
        }
        let pattern = *index.entry(anchor.quote.as_str()).or_insert_with(|| {
            patterns.push(anchor.quote.as_str());
            users.push(Vec::new());
            patterns.len() - 1
        });
        users[pattern].push(i);
    }
    if patterns.is_empty() {
        return;
    }
    // The best occurrence so far of each anchor's quote, and how many there are.
    let mut best: Vec<Option<Occurrence>> = vec![None; anchors.len()];
    let mut seen = vec![0usize; patterns.len()];
    let olds: Vec<usize> = anchors.iter().map(|a| a.old_place(article)).collect();
    let mut consider = |pattern: usize, range: Range<usize>| {
        seen[pattern] += 1;
        for &i in &users[pattern] {
            let key = (
                anchors[i].context_at(text, &range),
                Reverse(range.start.abs_diff(olds[i])),
            );
            if best[i]
                .as_ref()
                .is_none_or(|(c, near, _)| key > (*c, *near))
            {
                best[i] = Some((key.0, key.1, range.clone()));
            }
        }
    };
    match AhoCorasick::new(&patterns) {
        Ok(automaton) => {
            for found in automaton.find_overlapping_iter(text) {
                consider(found.pattern().as_usize(), found.range());
            }
        }
        // Too many or too long patterns for the automaton: one search each.
        Err(_) => {
            for (pattern, quote) in patterns.iter().enumerate() {
                for (at, _) in text.match_indices(quote) {
                    consider(pattern, at..at + quote.len());
                }
            }
        }
    }
    for (pattern, users) in users.iter().enumerate() {
        for &i in users {
            if let Some((context, _, range)) = best[i].take()
                && anchors[i].enough_context(context, seen[pattern] == 1)
            {
                placements[i] = Some(Placement::At(range));
            }
        }
    }
}

/// An occurrence of a quote: shared context characters, nearness to the old place (the
/// two rank occurrences, in that order) and where it is.
type Occurrence = (usize, Reverse<usize>, Range<usize>);

/// How far the placed anchors just before and after `start` (old offsets) moved.
fn neighbour_shifts(shifts: &[(usize, isize)], start: usize) -> Vec<isize> {
    let at = shifts.partition_point(|(old, _)| *old < start);
    let mut out: Vec<isize> = [at.checked_sub(1), Some(at)]
        .into_iter()
        .flatten()
        .filter_map(|i| shifts.get(i).map(|(_, shift)| *shift))
        .filter(|shift| *shift != 0)
        .collect();
    out.dedup();
    out
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
