//! Paragraphs and sentences.
//!
//! A paragraph is a block of lines between blank lines; a file without any blank line
//! has one paragraph per line. Sentences end at `.`, `!`, `?` or `…` followed by space
//! and something that can start a sentence, except after an abbreviation or title
//! ("Mr.", "U.S.", an initial) and inside a quotation that closes later in the paragraph.

use std::ops::Range;

/// Byte ranges of the paragraphs of `text`, trimmed of surrounding whitespace.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let lines = line_ranges(text);
    let has_blank_line = lines.iter().any(|r| text[r.clone()].trim().is_empty())
        && lines.iter().any(|r| !text[r.clone()].trim().is_empty());
    let mut paragraphs = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for line in lines {
        let blank = text[line.clone()].trim().is_empty();
        if (blank || !has_blank_line)
            && let Some(block) = current.take()
        {
            paragraphs.push(block);
        }
        if !blank {
            let block = current.get_or_insert(line.start..line.end);
            block.end = line.end;
        }
    }
    paragraphs.extend(current);
    paragraphs
        .into_iter()
        .map(|r| trim_range(text, r))
        .filter(|r| !r.is_empty())
        .collect()
}

fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            lines.push(start..i);
            start = i + 1;
        }
    }
    if start < text.len() {
        lines.push(start..text.len());
    }
    lines
}

/// Shrink a range so it neither starts nor ends with whitespace.
pub fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    start..end.max(start)
}

/// Titles and abbreviations that are followed by a name or a number, never a new sentence.
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "lt", "col",
    "capt", "cpt", "sgt", "cmdr", "adm", "maj", "sen", "rep", "gov", "pres", "rev", "hon", "fr",
    "insp", "det", "supt", "cpl", "pvt", "approx", "vs", "v", "ca", "cf", "al", "ave", "blvd",
    "md", "mohd", "brig", "cllr", "e.g", "i.e", "sto", "sta",
];

/// Abbreviations that are followed by a number: "No. 10", "Jan. 5", "Vol. 2".
const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "vol", "pp", "art", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

const OPENING_QUOTES: &[char] = &['"', '“', '„', '«'];
const CLOSERS: &[char] = &['"', '”', '»', '\'', '’', ')', ']'];

/// Byte ranges of the sentences of one paragraph, relative to the paragraph.
pub fn sentences(paragraph: &str) -> Vec<Range<usize>> {
    let quoted = quoted_spans(paragraph);
    // The spans are found in the order they close. The earliest start among those closing
    // after a point, for each span onwards: whether a stop is inside one is then a look-up,
    // not a search of every quotation of the paragraph (thousands in a text without blank
    // lines).
    let mut earliest_start = vec![usize::MAX; quoted.len() + 1];
    for (k, q) in quoted.iter().enumerate().rev() {
        earliest_start[k] = earliest_start[k + 1].min(q.start);
    }
    let mut closing_after = 0;
    let bytes = paragraph.as_bytes();
    let mut result = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Only `.`, `!`, `?` and `…` can end a sentence; memchr skips to the next one.
    let mut next_ellipsis = memchr::memmem::find(bytes, "…".as_bytes());
    while i < bytes.len() {
        if next_ellipsis.is_some_and(|e| e < i) {
            next_ellipsis = memchr::memmem::find(&bytes[i..], "…".as_bytes()).map(|e| e + i);
        }
        let stop = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map(|p| p + i);
        i = match (stop, next_ellipsis) {
            (Some(s), Some(e)) => s.min(e),
            (Some(s), None) => s,
            (None, Some(e)) => e,
            (None, None) => break,
        };
        let terminator_len = if bytes[i] == 0xE2 { 3 } else { 1 };
        let full_stop = bytes[i] == b'.';
        let at = i;
        // The sentence runs on through further terminators and closing marks: `?!`, `."`, `.)`.
        let mut end = i + terminator_len;
        for c in paragraph[end..].chars() {
            if matches!(c, '.' | '!' | '?' | '…') || CLOSERS.contains(&c) {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        i = end;
        let rest = &paragraph[end..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() || after_space.is_empty() {
            continue; // no space after it ("3.5", "U.S.-led"), or the paragraph ends anyway
        }
        if !can_start_sentence(after_space) {
            continue;
        }
        if full_stop && is_abbreviation(&paragraph[start..at], after_space) {
            continue;
        }
        // Inside a quotation that closes further on, a full stop does not end the sentence.
        while quoted.get(closing_after).is_some_and(|q| q.end <= end) {
            closing_after += 1;
        }
        if earliest_start[closing_after] < at {
            continue;
        }
        result.push(start..end);
        start = paragraph.len() - after_space.len();
    }
    if start < paragraph.len() {
        result.push(start..paragraph.len());
    }
    result
}

fn can_start_sentence(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => false,
        Some(c) if OPENING_QUOTES.contains(&c) || matches!(c, '(' | '[' | '‘' | '\'') => {
            chars.next().is_some_and(|c| !c.is_lowercase())
        }
        Some(_) => true,
        None => false,
    }
}

/// Whether the word just before a full stop makes the stop part of an abbreviation.
fn is_abbreviation(before: &str, after: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if NEVER_FINAL.contains(&lower.as_str()) {
        return true;
    }
    if BEFORE_NUMBER.contains(&lower.as_str()) && after.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let letters: Vec<char> = word.chars().collect();
    // An initial: "J. R. Okafor".
    if letters.len() == 1 && letters[0].is_uppercase() {
        return true;
    }
    // A dotted abbreviation such as "U.S" or "U.N" (its last stop is the one we are at):
    // in news copy it is followed by a name far more often than it ends a sentence.
    let dotted = word.contains('.')
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic));
    if dotted {
        let upper = word.chars().any(char::is_uppercase);
        return upper && !after.starts_with(|c: char| OPENING_QUOTES.contains(&c));
    }
    false
}

/// Quotations that open and close within the paragraph, as byte ranges covering both marks.
/// A quotation left open (it continues in the next paragraph, as news style has it) is not
/// included, so it cannot swallow the rest of the paragraph.
fn quoted_spans(paragraph: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut open_curly: Option<usize> = None;
    let mut open_straight: Option<usize> = None;
    let bytes = paragraph.as_bytes();
    // `"`; `“` `”` `„` are E2 80 9C/9D/9E; `«` `»` are C2 AB/BB: memchr skips the rest.
    for i in memchr::memchr3_iter(b'"', 0xE2, 0xC2, bytes) {
        let (opens, closes, len) = match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'"', _, _) => {
                match open_straight.take() {
                    Some(start) => spans.push(start..i + 1),
                    None => open_straight = Some(i),
                }
                continue;
            }
            (0xE2, Some(0x80), Some(0x9C | 0x9E)) => (true, false, 3),
            (0xE2, Some(0x80), Some(0x9D)) => (false, true, 3),
            (0xC2, Some(0xAB), _) => (true, false, 2),
            (0xC2, Some(0xBB), _) => (false, true, 2),
            _ => continue,
        };
        if opens {
            open_curly = Some(i);
        } else if closes && let Some(start) = open_curly.take() {
            spans.push(start..i + len);
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("The vote was delayed. Nobody knew why! Was it the rain?"),
            [
                "The vote was delayed.",
                "Nobody knew why!",
                "Was it the rain?"
            ]
        );
    }

    #[test]
    fn closing_quote_belongs_to_the_sentence() {
        assert_eq!(
            split("He said the plan was \"regrettable.\" Then he left."),
            ["He said the plan was \"regrettable.\"", "Then he left."]
        );
    }
}
