//! Quotations and words of the article text, with their byte ranges.

use std::borrow::Cow;
use std::ops::Range;

use super::words::class_in;
use crate::article::short_words::word_bytes;

/// A word of a sentence with its byte range in the article.
#[derive(Debug, Clone)]
pub(super) struct Word<'a> {
    pub(super) text: &'a str,
    pub(super) range: Range<usize>,
    /// The word lists it is in (see [`super::words::class`]).
    class: u32,
}

impl<'a> Word<'a> {
    /// The word in lower case: most words already are, and are not copied.
    pub(super) fn lower(&self) -> Cow<'a, str> {
        if self
            .text
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            Cow::Borrowed(self.text)
        } else {
            Cow::Owned(self.text.to_lowercase())
        }
    }

    /// Whether the word is `lower` (an ASCII word in lower case) in any case.
    pub(super) fn is_word(&self, lower: &str) -> bool {
        self.text.eq_ignore_ascii_case(lower)
    }

    /// Whether the word is in any of these lists ([`super::words::class`] bits).
    pub(super) fn is(&self, lists: u32) -> bool {
        self.class & lists != 0
    }
}

/// The quotations of a paragraph, as byte ranges covering their marks. A quotation left
/// open runs to the end of the paragraph (it continues in the next one).
pub fn quotations(text: &str, paragraph: Range<usize>) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    let slice = &text[paragraph.clone()];
    // Every mark below is '"' or starts with one of these bytes, which start a character:
    // memchr skips the rest.
    for i in memchr::memchr3_iter(b'"', 0xc2, 0xe2, slice.as_bytes()) {
        let c = slice[i..].chars().next().expect("at a character's start");
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

/// The words of a range of the text, with byte ranges, into `words` (cleared first, so
/// that one list serves every sentence).
pub(super) fn words_into<'a>(text: &'a str, range: Range<usize>, words: &mut Vec<Word<'a>>) {
    words.clear();
    let slice = &text[range.clone()];
    let mut start: Option<usize> = None;
    let bytes = slice.as_bytes();
    let mut next = 0;
    while next < bytes.len() {
        if start.is_some() {
            // The rest of a word's ASCII letters, digits and inner marks, sixteen bytes at a
            // time.
            next += word_bytes(bytes, next, b"'-.");
            if next == bytes.len() {
                break;
            }
        }
        let i = next;
        // ASCII, most of any text, without decoding.
        let inside = if bytes[i] < 0x80 {
            next += 1;
            bytes[i].is_ascii_alphanumeric()
                || (matches!(bytes[i], b'\'' | b'-' | b'.') && start.is_some())
        } else {
            let c = slice[i..].chars().next().expect("at a character's start");
            next += c.len_utf8();
            c.is_alphanumeric() || (c == '’' && start.is_some())
        };
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push_word(words, text, range.start + s, range.start + i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push_word(words, text, range.start + s, range.end);
    }
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
        class: class_in(text, start..end),
    });
}
