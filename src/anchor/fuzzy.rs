//! Step 3 of placing an anchor: when its exact quote is gone, the nearby text most like
//! it, if it is like it enough.
//!
//! Candidates come from where the stored context still is: right after an occurrence of
//! the prefix's last characters, right before an occurrence of the suffix's first ones,
//! and at the old place itself (and where the neighbouring annotations moved to), all
//! within [`REACH`] bytes of the old place. From each, the quote is aligned against the
//! text by edit distance to find where the changed quote ends (or starts), and the region
//! is scored by [`score`]; a region whose figures differ from the quote's is never taken
//! (see `digits`). Of the regions scoring at least [`FUZZY_THRESHOLD`], one framed by
//! both sides of the context wins, else the best scoring, the nearest the old place on a
//! tie. The work is bounded: a few candidates, each costing
//! about the square of the quote's length, so it does not grow with the article.

use std::cmp::Reverse;
use std::ops::Range;

use super::Anchor;

/// The least [`score`] at which a changed quote is still the annotated text.
///
/// The score weighs the quote's edit similarity by [`QUOTE_WEIGHT`] and its context's by
/// the rest. With the context intact, the quote itself must keep 75% similarity: a fixed
/// typo (one or two characters, 0.9 and up in any quote of ten or more characters) and
/// an inserted or dropped word in a quote of a sentence (0.8–0.95) stay placed, while a
/// rewritten sentence (two different English sentences of one length score 0.3–0.6) is
/// orphaned. Where the context changed too (unrelated text scores about 0.3 on it), the
/// quote must keep about 92%: merely similar text in other surroundings is not taken.
pub const FUZZY_THRESHOLD: f64 = 0.8;

/// How much of the score the quote's similarity makes; the context makes the rest.
pub const QUOTE_WEIGHT: f64 = 0.8;

/// How far from the old place (and from where its neighbours moved) candidates are
/// looked for, in bytes each way.
pub const REACH: usize = 64 * 1024;

/// Quotes longer than this (in characters) are not matched fuzzily: aligning them would
/// cost too much, and a changed paragraph-long quote is better re-attached by hand.
pub const MAX_FUZZY_CHARS: usize = 2_000;

/// Characters of the prefix's end and the suffix's start searched for as landmarks.
const LANDMARK_CHARS: usize = 12;

/// Landmark candidates kept on each side, nearest first.
const MAX_CANDIDATES: usize = 8;

/// The best region like the anchor's quote near any of `centres` (byte offsets; the
/// first is the old place), or `None` when nothing scores [`FUZZY_THRESHOLD`].
pub fn locate(anchor: &Anchor, text: &str, centres: &[usize]) -> Option<Range<usize>> {
    let quote: Vec<char> = anchor.quote.chars().collect();
    if quote.is_empty() || quote.len() > MAX_FUZZY_CHARS {
        return None;
    }
    let old = *centres.first()?;
    let longest = quote.len() + quote.len() / 3 + 4;
    // Each candidate region, and whether the stored context frames it on both sides.
    let mut regions: Vec<(Range<usize>, bool)> = Vec::new();
    for &centre in centres {
        let starts = landmarks(text, centre, &anchor.prefix, true);
        let ends = landmarks(text, centre, &anchor.suffix, false);
        for &start in starts.iter().chain([&centre]) {
            regions.push((align_forward(&quote, text, start, longest), false));
            // Both landmarks: the text between them is a candidate as it stands.
            if let Some(&end) = ends.iter().filter(|&&e| e > start).min()
                && text[start..end].chars().count() <= longest
            {
                regions.push((start..end, true));
            }
        }
        for &end in &ends {
            regions.push((align_backward(&quote, text, end, longest), false));
        }
    }
    let figures = digits(&anchor.quote);
    // The best acceptable region: framed ones first (the words between the two sides of
    // the stored context are the annotated words, however an alignment would cut them),
    // then by score, then nearest the old place.
    let mut best: Option<(bool, f64, usize, Range<usize>)> = None;
    for (region, framed) in regions {
        let region = trim(text, region, &anchor.quote);
        if region.is_empty() || digits(&text[region.clone()]) != figures {
            continue;
        }
        let value = score(anchor, text, &region);
        if value < FUZZY_THRESHOLD {
            continue;
        }
        let distance = region.start.abs_diff(old);
        let better = best
            .as_ref()
            .is_none_or(|(f, v, d, _)| (framed, value, Reverse(distance)) > (*f, *v, Reverse(*d)));
        if better {
            best = Some((framed, value, distance, region));
        }
    }
    best.map(|(_, _, _, region)| region)
}

/// How much `region` of the text is like the anchor: [`QUOTE_WEIGHT`] × the quote's
/// similarity + the rest × the context's. An anchor with no stored context is judged on
/// its quote alone.
pub fn score(anchor: &Anchor, text: &str, region: &Range<usize>) -> f64 {
    let quote: Vec<char> = anchor.quote.chars().collect();
    let found: Vec<char> = text[region.clone()].chars().collect();
    let quote_similarity = similarity(&quote, &found);
    let prefix: Vec<char> = anchor.prefix.chars().collect();
    let suffix: Vec<char> = anchor.suffix.chars().collect();
    if prefix.len() + suffix.len() == 0 {
        return quote_similarity;
    }
    let mut before: Vec<char> = text[..region.start]
        .chars()
        .rev()
        .take(prefix.len())
        .collect();
    before.reverse();
    let after: Vec<char> = text[region.end..].chars().take(suffix.len()).collect();
    let changed = distance(&prefix, &before) + distance(&suffix, &after);
    let context_similarity = 1.0 - changed as f64 / (prefix.len() + suffix.len()) as f64;
    QUOTE_WEIGHT * quote_similarity + (1.0 - QUOTE_WEIGHT) * context_similarity.max(0.0)
}

/// Edit similarity of two texts: 1 − edit distance / the longer length (1 when equal,
/// 0 when nothing is shared).
pub fn similarity(a: &[char], b: &[char]) -> f64 {
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 1.0;
    }
    1.0 - distance(a, b) as f64 / longer as f64
}

/// Levenshtein distance in characters, two rows at a time.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(x != y);
            current[j + 1] = substitute.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// For each length `j` of the text `t`, the edit distance between `q` and `t[..j]`;
/// the length whose similarity is best (the one nearest `q`'s length on a tie).
fn best_length(q: &[char], t: &[char]) -> usize {
    // Rows over the text, columns over the quote: row j ends with distance(q, t[..j]).
    let mut previous: Vec<usize> = (0..=q.len()).collect();
    let mut current = vec![0; q.len() + 1];
    let rate = |d: usize, j: usize| 1.0 - d as f64 / q.len().max(j) as f64;
    let mut best: (f64, usize) = (rate(previous[q.len()], 0), 0);
    for (j, y) in t.iter().enumerate() {
        current[0] = j + 1;
        for (i, x) in q.iter().enumerate() {
            let substitute = previous[i] + usize::from(x != y);
            current[i + 1] = substitute.min(previous[i + 1] + 1).min(current[i] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
        let length = j + 1;
        let value = rate(previous[q.len()], length);
        if value > best.0
            || (value == best.0 && length.abs_diff(q.len()) < best.1.abs_diff(q.len()))
        {
            best = (value, length);
        }
    }
    best.1
}

/// The region starting at `start` whose text is most like the quote.
fn align_forward(quote: &[char], text: &str, start: usize, longest: usize) -> Range<usize> {
    let window: Vec<(usize, char)> = text[start..].char_indices().take(longest).collect();
    let chars: Vec<char> = window.iter().map(|(_, c)| *c).collect();
    let length = best_length(quote, &chars);
    let end = window.get(length).map_or(text.len(), |(i, _)| start + i);
    start..end
}

/// The region ending at `end` whose text is most like the quote.
fn align_backward(quote: &[char], text: &str, end: usize, longest: usize) -> Range<usize> {
    let window: Vec<(usize, char)> = text[..end].char_indices().rev().take(longest).collect();
    let chars: Vec<char> = window.iter().map(|(_, c)| *c).collect();
    let reversed: Vec<char> = quote.iter().rev().copied().collect();
    let length = best_length(&reversed, &chars);
    let start = match length {
        0 => end,
        n => window[n - 1].0,
    };
    start..end
}

/// Byte offsets right after (`after`) or right before the occurrences of the context's
/// inner end within [`REACH`] of `centre`, nearest first. An empty context means the
/// quote was at the start (or end) of the text, which is the landmark then.
fn landmarks(text: &str, centre: usize, context: &str, after: bool) -> Vec<usize> {
    if context.is_empty() {
        return vec![if after { 0 } else { text.len() }];
    }
    let count = context.chars().count();
    let landmark = if after {
        let skip = count.saturating_sub(LANDMARK_CHARS);
        let from = context.char_indices().nth(skip).map_or(0, |(i, _)| i);
        &context[from..]
    } else {
        let to = context
            .char_indices()
            .nth(LANDMARK_CHARS)
            .map_or(context.len(), |(i, _)| i);
        &context[..to]
    };
    let low = floor_boundary(text, centre.saturating_sub(REACH));
    let high = floor_boundary(text, centre.saturating_add(REACH).min(text.len()));
    let mut found: Vec<usize> = text[low..high]
        .match_indices(landmark)
        .map(|(i, _)| {
            if after {
                low + i + landmark.len()
            } else {
                low + i
            }
        })
        .collect();
    found.sort_by_key(|at| at.abs_diff(centre));
    found.truncate(MAX_CANDIDATES);
    found
}

/// The digits of a text, in order. A fuzzy match must keep them: a claim whose figure
/// changed ("1,200 meals" to "900 meals") is another claim, for the editor to re-attach,
/// while "1,200" written "1200" is the same figure.
fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// Drop whitespace at either end of a region where the quote has none.
fn trim(text: &str, region: Range<usize>, quote: &str) -> Range<usize> {
    let found = &text[region.clone()];
    let mut start = region.start;
    let mut end = region.end;
    if !quote.starts_with(char::is_whitespace) {
        start += found.len() - found.trim_start().len();
    }
    if !quote.ends_with(char::is_whitespace) {
        end -= found.len() - found.trim_end().len();
    }
    start..end.max(start)
}

/// The nearest character boundary at or before `at`.
pub(super) fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
