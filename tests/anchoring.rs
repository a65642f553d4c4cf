//! Re-anchoring when the article changed: edits around an annotation never lose it, edits
//! inside it keep it on its own (changed) words or make it an orphan, and nothing is ever
//! attached to other text.

mod common;

use std::ops::Range;
use std::path::Path;

use proptest::prelude::*;
use sidenote::anchor::fuzzy::{FUZZY_THRESHOLD, score};
use sidenote::anchor::{self, Anchor, Fit, Placement};
use sidenote::annotation::Kind;
use sidenote::article::Article;
use sidenote::document::Document;

fn article(text: &str) -> Article {
    Article::from_text(Path::new("a.txt"), text)
}

/// Anchor `quote` (its `nth` occurrence) in `before`, then place it in `after`.
fn replace(before: &str, quote: &str, nth: usize, after: &str) -> (Anchor, Article, Placement) {
    let old = article(before);
    let at = before
        .match_indices(quote)
        .nth(nth)
        .expect("quote in text")
        .0;
    let anchor = Anchor::new(&old, at..at + quote.len());
    let new = article(after);
    let placement = anchor.place(&new);
    (anchor, new, placement)
}

/// The text a placement covers, or "ORPHANED".
fn placed_text<'a>(article: &'a Article, placement: &Placement) -> &'a str {
    match placement {
        Placement::At(range) => &article.text()[range.clone()],
        _ => "ORPHANED",
    }
}

const STORY: &str = "Harbour vote delayed\n\nThe council postponed Monday's vote on the harbour plan. Port Authority spokesman Jonas Whitfield called the delay regrettable. The plan is opposed by 12 percent of residents, a survey found.\n\nCouncillors will meet again next week. Whitfield said the authority would wait.\n";

#[test]
fn a_typo_fixed_inside_the_quote_keeps_it_on_the_corrected_words() {
    let before = STORY.replace("regrettable", "regretable");
    let quote = "Jonas Whitfield called the delay regretable";
    let (anchor, new, placement) = replace(&before, quote, 0, STORY);
    assert_eq!(
        placed_text(&new, &placement),
        "Jonas Whitfield called the delay regrettable"
    );
    assert_eq!(anchor.fit(&placement, &new), Fit::Fuzzy);
}

#[test]
fn a_word_inserted_inside_the_quote_keeps_it_placed() {
    let after = STORY.replace("The plan is opposed", "The harbour plan is opposed");
    let quote = "The plan is opposed by 12 percent of residents";
    let (_, new, placement) = replace(STORY, quote, 0, &after);
    assert_eq!(
        placed_text(&new, &placement),
        "The harbour plan is opposed by 12 percent of residents"
    );
}

#[test]
fn a_sentence_inserted_before_moves_the_annotation_with_its_words() {
    let after = STORY.replace("The council", "Tempers ran high. The council");
    let quote = "opposed by 12 percent of residents";
    let (anchor, new, placement) = replace(STORY, quote, 0, &after);
    assert_eq!(placed_text(&new, &placement), quote);
    assert_eq!(anchor.fit(&placement, &new), Fit::Moved);
}

#[test]
fn a_paragraph_moved_takes_its_annotations_along() {
    let paragraphs: Vec<&str> = STORY.split("\n\n").collect();
    let after = [paragraphs[0], paragraphs[2].trim_end(), paragraphs[1]].join("\n\n");
    let quote = "The council postponed Monday's vote on the harbour plan.";
    let (_, _, placement) = replace(STORY, quote, 0, &after);
    let Placement::At(range) = &placement else {
        panic!("orphaned")
    };
    assert_eq!(range.start, after.find(quote).unwrap());
}

#[test]
fn a_quote_repeated_elsewhere_stays_where_its_context_is() {
    // "Whitfield" occurs twice; the annotation is on the second, and a sentence naming him
    // again is inserted before both.
    let after = STORY.replace(
        "Harbour vote delayed\n\n",
        "Harbour vote delayed\n\nWhitfield was unavailable. ",
    );
    let (_, new, placement) = replace(STORY, "Whitfield", 1, &after);
    let Placement::At(range) = placement else {
        panic!("orphaned")
    };
    assert_eq!(range.start, after.find("Whitfield said").unwrap());
    assert_eq!(&new.text()[range], "Whitfield");
}

#[test]
fn a_deleted_sentence_is_orphaned_even_when_its_name_remains_elsewhere() {
    let after = STORY.replace(" Whitfield said the authority would wait.", "");
    let (_, new, placement) = replace(STORY, "Whitfield", 1, &after);
    assert_eq!(placed_text(&new, &placement), "ORPHANED");
    let quote = "Whitfield said the authority would wait.";
    let (_, new, placement) = replace(STORY, quote, 0, &after);
    assert_eq!(placed_text(&new, &placement), "ORPHANED");
}

#[test]
fn a_rewritten_sentence_is_orphaned() {
    let quote = "Councillors will meet again next week.";
    let after = STORY.replace(quote, "A new session is planned for the coming days.");
    let (_, new, placement) = replace(STORY, quote, 0, &after);
    assert_eq!(placed_text(&new, &placement), "ORPHANED");
}

#[test]
fn a_changed_figure_is_another_claim_and_orphaned() {
    let quote = "The plan is opposed by 12 percent of residents";
    let after = STORY.replace("12 percent", "21 percent");
    let (_, new, placement) = replace(STORY, quote, 0, &after);
    assert_eq!(placed_text(&new, &placement), "ORPHANED");
}

#[test]
fn a_fuzzy_match_is_reported_and_its_new_words_are_saved() {
    let (_dir, path) = common::article("story.txt", &STORY.replace("regrettable", "regretable"));
    let mut doc = Document::open(&path, None).unwrap();
    let at = doc
        .article
        .text()
        .find("called the delay regretable")
        .unwrap();
    let range = at..at + "called the delay regretable".len();
    doc.annotations.add(&doc.article, Kind::Claim, range);
    doc.save().unwrap();

    std::fs::write(&path, STORY).unwrap();
    let mut doc = Document::open(&path, None).unwrap();
    let claim = doc.annotations.get("c1").unwrap();
    assert_eq!(claim.fit(&doc.article), Fit::Fuzzy);
    assert_eq!(claim.quote(&doc.article), "called the delay regrettable");
    doc.save().unwrap();
    let sidecar = std::fs::read_to_string(common::sidecar_of(&path)).unwrap();
    assert!(
        sidecar.contains("quote = \"called the delay regrettable\""),
        "{sidecar}"
    );
}

const WORDS: [&str; 40] = [
    "harbour",
    "council",
    "vote",
    "plan",
    "residents",
    "survey",
    "ferry",
    "budget",
    "mayor",
    "port",
    "delay",
    "week",
    "city",
    "tax",
    "school",
    "road",
    "bridge",
    "water",
    "market",
    "report",
    "said",
    "would",
    "could",
    "not",
    "the",
    "a",
    "of",
    "in",
    "on",
    "for",
    "new",
    "old",
    "late",
    "early",
    "many",
    "few",
    "spoke",
    "asked",
    "agreed",
    "left",
];

/// A text of sentences from random words; returns it with each sentence's byte range.
fn sentences() -> impl Strategy<Value = Vec<Vec<usize>>> {
    prop::collection::vec(prop::collection::vec(0..WORDS.len(), 6..12), 6..14)
}

fn build(sentences: &[Vec<usize>]) -> (String, Vec<Range<usize>>) {
    let mut text = String::new();
    let mut ranges = Vec::new();
    for (i, words) in sentences.iter().enumerate() {
        if i > 0 {
            text.push_str(if i % 4 == 0 { "\n\n" } else { " " });
        }
        let start = text.len();
        let sentence: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
        let mut sentence = sentence.join(" ");
        sentence[..1].make_ascii_uppercase();
        text.push_str(&sentence);
        text.push('.');
        ranges.push(start..text.len());
    }
    text.push('\n');
    (text, ranges)
}

/// An edit: at a byte offset, delete `delete` bytes and insert some words.
#[derive(Debug, Clone)]
struct Edit {
    at: usize,
    delete: usize,
    insert: String,
}

fn edits(count: Range<usize>) -> impl Strategy<Value = Vec<(f64, usize, Vec<usize>)>> {
    prop::collection::vec(
        (
            0.0..1.0f64,
            0..12usize,
            prop::collection::vec(0..WORDS.len(), 0..4),
        ),
        count,
    )
}

fn words(indices: &[usize]) -> String {
    let mut out: String = indices.iter().map(|&w| format!("{} ", WORDS[w])).collect();
    if out.is_empty() {
        out.push('x');
    }
    out
}

/// Apply non-overlapping edits (any order) to a text; returns the new text and the edits
/// that were applied (an edit overlapping one after it is dropped).
fn apply(text: &str, mut edits: Vec<Edit>) -> (String, Vec<Edit>) {
    edits.sort_by_key(|e| std::cmp::Reverse(e.at));
    let mut out = text.to_string();
    let mut kept: Vec<Edit> = Vec::new();
    for edit in edits {
        // Later edits (by position) were applied already; skip overlapping ones.
        if kept.iter().any(|k| edit.at + edit.delete > k.at) {
            continue;
        }
        out.replace_range(edit.at..edit.at + edit.delete, &edit.insert);
        kept.push(edit);
    }
    (out, kept)
}

/// Where an old offset is after the edits. Text inserted right at a start goes before the
/// annotation; right at an end (`end` true), after it.
fn shifted(offset: usize, end: bool, edits: &[Edit]) -> usize {
    let mut new = offset as isize;
    for e in edits
        .iter()
        .filter(|e| e.at + e.delete <= offset && !(end && e.at == offset))
    {
        new += e.insert.len() as isize - e.delete as isize;
    }
    new as usize
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn edits_outside_the_annotations_keep_every_one_exactly(
        shape in sentences(),
        chosen in prop::collection::vec(any::<prop::sample::Index>(), 1..5),
        raw in edits(1..6),
    ) {
        let (text, ranges) = build(&shape);
        let mut tagged: Vec<Range<usize>> = chosen.iter().map(|i| ranges[i.index(ranges.len())].clone()).collect();
        tagged.sort_by_key(|r| r.start);
        tagged.dedup();
        for r in &tagged {
            prop_assume!(text.matches(&text[r.clone()]).count() == 1);
        }
        // Edits land anywhere but inside an annotation.
        let gaps: Vec<usize> = (0..=text.len())
            .filter(|&b| !tagged.iter().any(|r| r.start < b && b < r.end))
            .collect();
        let planned: Vec<Edit> = raw.iter().map(|(at, delete, insert)| {
            let at = gaps[((*at * gaps.len() as f64) as usize).min(gaps.len() - 1)];
            let room = tagged.iter().filter(|r| r.start >= at).map(|r| r.start).min().unwrap_or(text.len()) - at;
            Edit { at, delete: (*delete).min(room), insert: words(insert) }
        }).collect();
        let (after, kept) = apply(&text, planned);
        let old = article(&text);
        let anchors: Vec<Anchor> = tagged.iter().map(|r| Anchor::new(&old, r.clone())).collect();
        for a in &anchors {
            prop_assume!(after.matches(&a.quote).count() == 1);
        }
        let new = article(&after);
        let refs: Vec<&Anchor> = anchors.iter().collect();
        for (r, placement) in tagged.iter().zip(anchor::place_all(&refs, &new)) {
            let expected = shifted(r.start, false, &kept)..shifted(r.end, true, &kept);
            prop_assert_eq!(placement, Placement::At(expected));
        }
    }

    #[test]
    fn edits_inside_an_annotation_keep_it_on_its_words_or_orphan_it(
        shape in sentences(),
        chosen in any::<prop::sample::Index>(),
        raw in edits(1..4),
        outside in edits(0..3),
    ) {
        let (text, ranges) = build(&shape);
        let tagged = ranges[chosen.index(ranges.len())].clone();
        prop_assume!(text.matches(&text[tagged.clone()]).count() == 1);
        let inside: Vec<Edit> = raw.iter().map(|(at, delete, insert)| {
            let at = tagged.start + ((*at * tagged.len() as f64) as usize).min(tagged.len() - 1);
            Edit { at, delete: (*delete).min(tagged.end - at), insert: words(insert) }
        }).collect();
        let around: Vec<Edit> = outside.iter().map(|(at, delete, insert)| {
            let before = (*at * tagged.start as f64) as usize;
            Edit { at: before, delete: (*delete).min(tagged.start - before), insert: words(insert) }
        }).collect();
        let (after, kept) = apply(&text, inside.into_iter().chain(around).collect());
        // Where the annotated words are now: from the shifted start to the shifted end.
        let start = shifted(tagged.start, false, &kept);
        let region = start..shifted(tagged.end, true, &kept).max(start);
        let old = article(&text);
        let anchor = Anchor::new(&old, tagged.clone());
        let new = article(&after);
        match anchor.place(&new) {
            Placement::At(r) => {
                prop_assert!(r.start < region.end && region.start < r.end,
                    "placed on {:?} {:?}, the words are at {:?} {:?}", r, &after[r.clone()], region, &after[region.clone()]);
                if after[r.clone()] != anchor.quote {
                    prop_assert!(score(&anchor, &after, &r) >= FUZZY_THRESHOLD);
                }
            }
            other => prop_assert_eq!(other, Placement::Orphaned),
        }
    }
}
