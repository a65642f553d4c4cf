//! Re-anchoring: anchors made on ranges of one text, placed again in that text and in an
//! edited one (insertions, deletions, replacements).
//!
//! What `sidenote::anchor` promises and is checked here: in the unchanged text every
//! anchor is placed where it was made; in any text a placement is a range on character
//! boundaries; an anchor placed at its offsets or moved has exactly its stored quote, and
//! a moved one has the context the exact step requires (or is a distinctive quote found
//! once), or else scores as a fuzzy match must; a fuzzy placement scores at least the threshold and keeps the quote's figures;
//! an anchor whose quote and context an edit did not touch is found exactly, with all its
//! context; placing anchors together agrees with placing each alone wherever the first
//! two steps place it either way.

#![no_main]

use std::ops::Range;
use std::path::Path;

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use sidenote::anchor::fuzzy::{self, FUZZY_THRESHOLD, MAX_FUZZY_CHARS};
use sidenote::anchor::{Anchor, DISTINCTIVE_CHARS, Fit, MIN_CONTEXT_CHARS, Placement, place_all};
use sidenote::article::Article;

/// The fuzzy step costs the square of a quote's length for each anchor it looks for:
/// with a few anchors quoting up to a long sentence, a run stays in milliseconds.
const MAX_ANCHORS: usize = 8;
const MAX_QUOTE_BYTES: usize = 300;

#[derive(Arbitrary, Debug)]
struct Input {
    /// Where each anchor starts, and its length (at most [`MAX_QUOTE_BYTES`]).
    ranges: Vec<(u16, u16)>,
    edits: Vec<Edit>,
    /// Last, so that it takes the rest of the input: a plain article is a seed.
    text: String,
}

#[derive(Arbitrary, Debug)]
struct Edit {
    at: u16,
    delete: u8,
    insert: String,
}

fuzz_target!(|input: Input| {
    // Line ends and a byte-order mark are normalised away on loading; without them the
    // article's text is the text given, so edits can be made on it directly.
    let plain = |s: &str| s.replace(['\r', '\u{feff}'], "");
    let old = Article::from_text(Path::new("old.txt"), &plain(&input.text));
    assert_eq!(old.text(), plain(&input.text));
    let made: Vec<(Anchor, Range<usize>)> = input
        .ranges
        .iter()
        .take(MAX_ANCHORS)
        .map(|&(start, length)| {
            let start = boundary(old.text(), start);
            let end = start + usize::from(length) % (MAX_QUOTE_BYTES + 1);
            let range = start..floor(old.text(), end.min(old.text().len()));
            (Anchor::new(&old, range.clone()), range)
        })
        .collect();
    let anchors: Vec<&Anchor> = made.iter().map(|(anchor, _)| anchor).collect();

    // Unchanged text: every anchor with a quote is where it was made.
    for ((anchor, range), placement) in made.iter().zip(place_all(&anchors, &old)) {
        if !anchor.quote.is_empty() {
            assert_eq!(placement, Placement::At(range.clone()));
            assert_eq!(anchor.fit(&placement, &old), Fit::Placed);
        }
    }

    let mut text = old.text().to_string();
    // Bytes of the old text an edit touched (only followed for a single edit).
    let mut touched: Option<Range<usize>> = None;
    for edit in input.edits.iter().take(4) {
        let at = boundary(&text, edit.at);
        let mut end = (at + usize::from(edit.delete)).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        text.replace_range(at..end, &plain(&edit.insert));
        touched = Some(at..end);
    }
    if input.edits.len() != 1 {
        touched = None;
    }
    let new = Article::from_text(Path::new("new.txt"), &text);
    assert_eq!(new.text(), text);

    let together = place_all(&anchors, &new);
    for (i, ((anchor, range), placement)) in made.iter().zip(&together).enumerate() {
        check(anchor, placement, &new);
        // The first two steps place each anchor on its own; only the fuzzy step looks
        // where the others moved. Placed alone, an anchor may cost a fuzzy search, so
        // that is done for the first anchor, and for those placed exactly together (which
        // alone must be placed the same way, cheaply).
        let exactly = |p: &Placement| match (p, anchor.fit(p, &new)) {
            (_, Fit::Placed) => true,
            (Placement::At(range), Fit::Moved) => exact_step(anchor, new.text(), range),
            _ => false,
        };
        if i == 0 || exactly(placement) {
            let alone = anchor.place(&new);
            if exactly(&alone) || exactly(placement) {
                assert_eq!(&alone, placement, "alone and together differ");
            }
        }
        // Quote and context untouched: found exactly, with all of its context.
        let context = range.start - anchor.prefix.len()..range.end + anchor.suffix.len();
        let untouched = touched
            .as_ref()
            .is_some_and(|t| t.end <= context.start || context.end <= t.start);
        if untouched && !anchor.quote.is_empty() {
            let fit = anchor.fit(placement, &new);
            assert!(
                matches!(fit, Fit::Placed | Fit::Moved),
                "{fit:?} for an untouched quote"
            );
            if fit == Fit::Moved {
                let Placement::At(found) = placement else {
                    unreachable!()
                };
                let full = anchor.prefix.chars().count() + anchor.suffix.chars().count();
                assert_eq!(context_at(anchor, new.text(), found), full);
            }
        }
    }
});

/// The promises that hold for any placement in any text.
fn check(anchor: &Anchor, placement: &Placement, article: &Article) {
    let text = article.text();
    let Placement::At(range) = placement else {
        assert_eq!(
            placement,
            &Placement::Orphaned,
            "anchors here are never detached"
        );
        return;
    };
    let found = text
        .get(range.clone())
        .unwrap_or_else(|| panic!("{range:?} is not a range of the text"));
    match anchor.fit(placement, article) {
        Fit::Placed => assert_eq!(article.char_of(range.start), anchor.start),
        Fit::Moved => {
            assert_eq!(found, anchor.quote);
            // Taken by the exact step, or else by the fuzzy one (which may find the
            // exact quote where the context changed a little).
            let score = fuzzy::score(anchor, text, range);
            assert!(
                exact_step(anchor, text, range) || score >= FUZZY_THRESHOLD,
                "moved with {} characters of context, scoring {score}",
                context_at(anchor, text, range)
            );
        }
        Fit::Fuzzy => {
            assert!(anchor.quote.chars().count() <= MAX_FUZZY_CHARS);
            assert!(!found.is_empty());
            let score = fuzzy::score(anchor, text, range);
            assert!(score >= FUZZY_THRESHOLD, "a fuzzy match scoring {score}");
            assert_eq!(digits(found), digits(&anchor.quote), "figures changed");
        }
        fit => panic!("placed but {fit:?}"),
    }
}

/// Whether the exact step may take this occurrence of the quote: it shares enough
/// context, or it is the only occurrence of a distinctive quote.
fn exact_step(anchor: &Anchor, text: &str, range: &Range<usize>) -> bool {
    let stored = anchor.prefix.chars().count() + anchor.suffix.chars().count();
    let occurrences = (0..text.len())
        .filter(|&i| text.is_char_boundary(i) && text[i..].starts_with(&anchor.quote))
        .count();
    context_at(anchor, text, range) >= MIN_CONTEXT_CHARS.min(stored)
        || (occurrences == 1 && anchor.quote.chars().count() >= DISTINCTIVE_CHARS)
}

/// Characters of the anchor's context that the text around `range` shares.
fn context_at(anchor: &Anchor, text: &str, range: &Range<usize>) -> usize {
    let before = text[..range.start]
        .chars()
        .rev()
        .zip(anchor.prefix.chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let after = text[range.end..]
        .chars()
        .zip(anchor.suffix.chars())
        .take_while(|(a, b)| a == b)
        .count();
    before + after
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// A byte offset into the text from a fuzzed number, on a character boundary.
fn boundary(text: &str, at: u16) -> usize {
    floor(text, usize::from(at) % (text.len() + 1))
}

/// The character boundary at or before `at`.
fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
