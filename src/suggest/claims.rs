//! Claim suggestions: sentences with checkable content.

use std::borrow::Cow;

use super::ClaimSuggestion;
use super::text::lower_case;
use super::words::class::{CAUSE, COMPARISON, FINDING, MONEY, NUMBER};
use super::words::class_of;
use crate::article::Article;
use crate::article::MONTHS;

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
            if let Some(rule) = checkable(&article.text()[range.clone()], &mut words) {
                found.push(ClaimSuggestion { range, rule });
            }
        }
    }
    found
}

/// Why a sentence is checkable, if it is: the first rule that holds. `words` is a list
/// for the sentence's words, cleared first, so that one serves every sentence.
fn checkable<'a>(sentence: &'a str, words: &mut Vec<Cow<'a, str>>) -> Option<&'static str> {
    if sentence
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with('?')
    {
        return None; // a question asks; it does not claim
    }
    words.clear();
    words.extend(lower_case_words(sentence));
    // "at least 40,000" and "at most" bound a number; they compare nothing.
    let bounds: Vec<usize> = (1..words.len())
        .filter(|&i| words[i - 1] == "at" && matches!(&*words[i], "least" | "most"))
        .collect();
    for i in bounds.into_iter().rev() {
        words.remove(i);
    }
    // The word lists any word of the sentence is in.
    let classes = words.iter().fold(0, |all, w| all | class_of(w));
    let has = |list: u16| classes & list != 0;
    let has_digits = sentence.split_whitespace().any(|w| {
        w.chars().any(|c| c.is_ascii_digit()) && !w.chars().next().is_some_and(char::is_uppercase)
    });
    let percentage = sentence.contains('%')
        || words
            .windows(2)
            .any(|p| p[0] == "percent" || (p[0] == "per" && p[1] == "cent"))
        || words.iter().any(|w| w == "percent");
    let money = sentence.contains(['$', '€', '£', '¥'])
        || (has_digits && has(MONEY))
        || words.iter().any(|w| w == "million" || w == "billion") && has(MONEY);
    let date = words.windows(2).any(|p| {
        (MONTHS.contains(&&*p[0]) && p[1].chars().all(|c| c.is_ascii_digit()))
            || (matches!(&*p[0], "since" | "in" | "until" | "by") && is_year(&p[1]))
    });
    let number = has_digits || has(NUMBER);
    let comparison = has(COMPARISON) && (number || words.iter().any(|w| is_superlative(w)))
        || words
            .iter()
            .any(|w| is_superlative(w) && w != "most" && w != "least")
            && words
                .iter()
                .any(|w| w == "the" || w == "its" || w == "their");
    let finding = has(FINDING);
    let cause = has(CAUSE)
        || words
            .windows(2)
            .any(|p| p == ["led", "to"] || p == ["as", "a"]);
    // Talk of the future is not yet checkable, unless it carries a figure or a finding.
    let future = words.iter().any(|w| {
        matches!(
            &**w,
            "will" | "would" | "could" | "might" | "may" | "should"
        )
    });
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

fn is_superlative(word: &str) -> bool {
    matches!(
        word,
        "largest"
            | "furthest"
            | "farthest"
            | "greatest"
            | "smallest"
            | "fewest"
            | "poorest"
            | "richest"
            | "heaviest"
            | "hottest"
            | "coldest"
            | "wettest"
            | "driest"
            | "biggest"
            | "highest"
            | "lowest"
            | "longest"
            | "shortest"
            | "oldest"
            | "newest"
            | "worst"
            | "best"
            | "fastest"
            | "slowest"
            | "deadliest"
            | "busiest"
            | "record"
    ) || word == "most"
        || word == "least"
}

/// Lower-case words of a sentence, without punctuation.
fn lower_case_words(sentence: &str) -> impl Iterator<Item = Cow<'_, str>> {
    sentence
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '.' && c != ',')
        .map(|w| lower_case(w.trim_matches(['-', '.', ','])))
        .filter(|w| !w.is_empty())
}
