//! Quotations and words of the article text, with their byte ranges.

use std::ops::Range;

/// A word of a sentence with its byte range in the article.
#[derive(Debug, Clone)]
pub(super) struct Word<'a> {
    pub(super) text: &'a str,
    pub(super) range: Range<usize>,
    pub(super) lower: String,
}

/// The quotations of a paragraph, as byte ranges covering their marks. A quotation left
/// open runs to the end of the paragraph (it continues in the next one).
pub fn quotations(text: &str, paragraph: Range<usize>) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text[paragraph.clone()].char_indices() {
        let at = paragraph.start + i;
        match c {
            '“' | '«' | '„' => open = open.or(Some(at)),
            '”' | '»' => {
                if let Some(start) = open.take() {
                    spans.push(start..at + c.len_utf8());
                }
            }
            '"' => match open.take() {
                Some(start) => spans.push(start..at + 1),
                None => open = Some(at),
            },
            _ => {}
        }
    }
    if let Some(start) = open {
        spans.push(start..paragraph.end);
    }
    spans
}

/// The words inside a quotation, without the marks and the comma or full stop that ends
/// the quoted sentence.
pub fn inside_quotes(text: &str, quote: Range<usize>) -> Range<usize> {
    let inner = &text[quote.clone()];
    let start = quote.start
        + (inner.len()
            - inner
                .trim_start_matches(['"', '“', '‘', '«', '„', ' '])
                .len());
    let trimmed = inner.trim_end_matches(['"', '”', '’', '»', ' ', ',', '.']);
    let end = quote.start + trimmed.len();
    start.min(end)..end
}

/// A range without surrounding spaces and a final full stop, comma or colon.
pub(super) fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start
        + slice
            .trim_end()
            .trim_end_matches(['.', ',', ':', ';'])
            .len();
    start..end.max(start)
}

/// Where a sentence's words end: before its final punctuation and closing marks.
pub(super) fn trim_end(text: &str, range: Range<usize>) -> usize {
    let slice = &text[range.clone()];
    range.start
        + slice
            .trim_end_matches(['.', '!', '?', '"', '”', '’', ' '])
            .len()
}

pub(super) fn is_title_case(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The words of a range of the text, with byte ranges.
pub(super) fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let slice = &text[range.clone()];
    for (i, c) in slice.char_indices() {
        let inside = c.is_alphanumeric()
            || ((c == '\'' || c == '’' || c == '-' || c == '.') && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push_word(&mut words, text, range.start + s, range.start + i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push_word(&mut words, text, range.start + s, range.end);
    }
    words
}

fn push_word<'a>(words: &mut Vec<Word<'a>>, text: &'a str, start: usize, end: usize) {
    // A word does not end with the full stop or apostrophe after it.
    let word = text[start..end].trim_end_matches(['.', '\'', '’', '-']);
    if word.is_empty() {
        return;
    }
    let end = start + word.len();
    words.push(Word {
        text: word,
        range: start..end,
        lower: word.to_lowercase(),
    });
}
