//! Claim suggestions: sentences with checkable content.

use std::ops::Range;

use super::ClaimSuggestion;
use super::words::class::{
    AT, CAUSE, COMPARISON, DETERMINER, FINDING, LEAST_MOST, LED_OR_AS, MILLION, MODAL, MONEY,
    MONTH, NUMBER, PER, PERCENT, SUPERLATIVE, YEAR_AFTER,
};
use super::words::class_in;
use crate::article::Article;
use crate::article::short_words::word_bytes;

/// Every body sentence that carries something checkable, with the rule that says so.
pub fn claims(article: &Article) -> Vec<ClaimSuggestion> {
    let mut found = Vec::new();
    // One list of words serves every sentence.
    let mut words = Vec::new();
    for (index, paragraph) in article.paragraphs().iter().enumerate() {
        if !super::is_body(article, index) {
            continue;
        }
        for sentence in &article.sentences()[paragraph.sentences.clone()] {
            let range = super::without_dateline(article.text(), sentence.range.clone());
            if let Some(rule) = checkable(article.text(), range.clone(), &mut words) {
                found.push(ClaimSuggestion { range, rule });
            }
        }
    }
    found
}

/// Why the sentence `text[range]` is checkable, if it is: the first rule that holds.
/// `words` is a list for the sentence's words and the word lists each is in, cleared
/// first, so that one serves every sentence. Words are compared in any case.
fn checkable<'a>(
    text: &'a str,
    range: Range<usize>,
    words: &mut Vec<(&'a str, u32)>,
) -> Option<&'static str> {
    let sentence = &text[range.clone()];
    if sentence
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with('?')
    {
        return None; // a question asks; it does not claim
    }
    words.clear();
    words.extend(
        sentence_words(sentence)
            .map(|w| w.start + range.start..w.end + range.start)
            .map(|w| (&text[w.clone()], class_in(text, w))),
    );
    // The word lists any word of the sentence is in.
    let mut classes = words.iter().fold(0, |all, (_, c)| all | c);
    // "at least 40,000" and "at most" bound a number; they compare nothing.
    if classes & AT != 0 {
        let bounds: Vec<usize> = (1..words.len())
            .filter(|&i| words[i - 1].0.eq_ignore_ascii_case("at") && words[i].1 & LEAST_MOST != 0)
            .collect();
        for i in bounds.into_iter().rev() {
            words.remove(i);
        }
        classes = words.iter().fold(0, |all, (_, c)| all | c);
    }
    let has = |lists: u32| classes & lists != 0;
    // Two words in a row: the first in `lists`, the pair as `holds` says.
    let pair = |lists: u32, holds: &dyn Fn(&str, &str) -> bool| {
        has(lists)
            && words
                .windows(2)
                .any(|p| p[0].1 & lists != 0 && holds(p[0].0, p[1].0))
    };
    // Most sentences have no digit at all.
    let has_digits = sentence.bytes().any(|b| b.is_ascii_digit())
        && sentence.split_whitespace().any(|w| {
            w.chars().any(|c| c.is_ascii_digit())
                && !w.chars().next().is_some_and(char::is_uppercase)
        });
    let percentage = sentence.contains('%')
        || has(PERCENT)
        || pair(PER, &|_, second| second.eq_ignore_ascii_case("cent"));
    let currency = memchr::memchr3(b'$', 0xc2, 0xe2, sentence.as_bytes()).is_some()
        && sentence.contains(['$', '€', '£', '¥']);
    let money = currency || (has_digits && has(MONEY)) || has(MILLION) && has(MONEY);
    let date = pair(MONTH, &|_, second| {
        second.chars().all(|c| c.is_ascii_digit())
    }) || pair(YEAR_AFTER, &|_, second| is_year(second));
    let number = has_digits || has(NUMBER);
    let comparison = has(COMPARISON) && (number || has(SUPERLATIVE | LEAST_MOST))
        || has(SUPERLATIVE) && has(DETERMINER);
    let finding = has(FINDING);
    let cause = has(CAUSE)
        || pair(LED_OR_AS, &|first, second| {
            let is = |word: &str, lower: &str| word.eq_ignore_ascii_case(lower);
            (is(first, "led") && is(second, "to")) || (is(first, "as") && is(second, "a"))
        });
    // Talk of the future is not yet checkable, unless it carries a figure or a finding.
    let future = has(MODAL);
    if percentage {
        Some("percentage")
    } else if money {
        Some("money")
    } else if comparison && !future {
        Some("comparison")
    } else if date && !future {
        Some("date")
    } else if number && !future {
        Some("number")
    } else if finding && !future {
        Some("finding")
    } else if cause && !future {
        Some("cause")
    } else if number {
        Some("number")
    } else {
        None
    }
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.chars().all(|c| c.is_ascii_digit())
        && matches!(&word[..2], "18" | "19" | "20")
}

/// The words of a sentence, as byte ranges of it, without punctuation: the parts between
/// characters that are neither letters, digits, '-', '.' nor ',', trimmed of those three.
fn sentence_words(sentence: &str) -> impl Iterator<Item = Range<usize>> {
    let bytes = sentence.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        if at > bytes.len() {
            return None;
        }
        let start = at;
        // To the next separator; ASCII, most of any text, sixteen bytes at a time.
        while at < bytes.len() {
            at += word_bytes(bytes, at, b"-.,");
            if at == bytes.len() || bytes[at] < 0x80 {
                break;
            } else {
                let c = sentence[at..]
                    .chars()
                    .next()
                    .expect("at a character's start");
                if !c.is_alphanumeric() {
                    break;
                }
                at += c.len_utf8();
            }
        }
        let part = start..at;
        // Past the separator (or the end).
        at += sentence[at..].chars().next().map_or(1, char::len_utf8);
        Some(part)
    })
    .map(|part| {
        let word = &sentence[part.clone()];
        let trimmed = word.trim_start_matches(['-', '.', ',']);
        let start = part.start + (word.len() - trimmed.len());
        start..start + trimmed.trim_end_matches(['-', '.', ',']).len()
    })
    .filter(|w| !w.is_empty())
}
