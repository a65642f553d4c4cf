//! Selecting a span with the keyboard: `v` starts at the cursor's sentence, and word,
//! character and sentence moves carry the selection's end (its head).

use unicode_segmentation::UnicodeSegmentation;

use super::app::{App, Selection};

/// A word segment holds a letter or digit; spaces and punctuation are between words.
fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// A span around the selection's end that one key selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextObject {
    /// The words inside the quotation marks.
    Quote,
    /// Between commas, semicolons, colons or dashes, within the sentence.
    Clause,
    Sentence,
    Paragraph,
}

impl App {
    /// Select a text object around the selection's end (or the cursor's sentence).
    pub(super) fn select_object(&mut self, object: TextObject) {
        let article = &self.doc.article;
        let text = article.text();
        let at = match self.selection {
            Some(s) if s.head > s.anchor => s.head - 1,
            Some(s) => s.head,
            None => match article.sentences().get(self.cursor) {
                Some(s) => s.range.start,
                None => return,
            },
        };
        let sentence = article.sentences()[article.sentence_at(at)].range.clone();
        let paragraph = article.paragraphs()[article.paragraph_at(at)].range.clone();
        let range = match object {
            TextObject::Sentence => sentence,
            TextObject::Paragraph => paragraph,
            TextObject::Quote => {
                let quotes = crate::suggest::quotations(text, paragraph);
                match quotes.into_iter().find(|q| q.start <= at && at < q.end) {
                    Some(quote) => crate::suggest::inside_quotes(text, quote),
                    None => {
                        self.message = Some("Not inside a quotation".into());
                        return;
                    }
                }
            }
            TextObject::Clause => {
                let is_break = |c: char| matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')');
                let before = &text[sentence.start..at];
                let start = before
                    .rfind(is_break)
                    .map_or(sentence.start, |i| sentence.start + i + 1);
                let after = &text[at..sentence.end];
                let end = after.find(is_break).map_or(sentence.end, |i| at + i);
                // Without the sentence's final stop or a quotation mark at either end.
                let clause = crate::article::trim_range(text, start..end);
                let inner = &text[clause.clone()];
                let marks: &[char] = &['"', '“', '”', '‘', '’', '.', '!', '?'];
                let trimmed_start =
                    clause.start + (inner.len() - inner.trim_start_matches(marks).len());
                let trimmed_end = clause.start + inner.trim_end_matches(marks).len();
                trimmed_start..trimmed_end.max(trimmed_start)
            }
        };
        if range.is_empty() {
            return;
        }
        self.selection = Some(Selection {
            anchor: range.start,
            head: range.end,
        });
        self.cursor = self.doc.article.sentence_at(range.start);
        self.scroll_to(range.start, range.end - 1);
    }

    pub(super) fn select_start(&mut self) {
        let Some(sentence) = self.doc.article.sentences().get(self.cursor) else {
            return;
        };
        let start = sentence.range.start;
        let text = self.doc.article.text();
        let head = text[start..sentence.range.end]
            .split_word_bound_indices()
            .find(|(_, w)| is_word(w))
            .map_or(sentence.range.end, |(i, w)| start + i + w.len());
        self.selection = Some(Selection {
            anchor: start,
            head,
        });
        self.mention = None;
    }

    pub(super) fn select_word_next(&mut self) {
        let target = self.head().and_then(|(text, head)| {
            text[head..]
                .split_word_bound_indices()
                .find(|(i, w)| *i > 0 && is_word(w))
                .map(|(i, _)| head + i)
        });
        self.set_head(target);
    }

    pub(super) fn select_word_end(&mut self) {
        let target = self.head().and_then(|(text, head)| {
            text[head..]
                .split_word_bound_indices()
                .find(|(_, w)| is_word(w))
                .map(|(i, w)| head + i + w.len())
        });
        self.set_head(target);
    }

    pub(super) fn select_word_back(&mut self) {
        let target = self.head().and_then(|(text, head)| {
            text[..head]
                .split_word_bound_indices()
                .rev()
                .find(|(_, w)| is_word(w))
                .map(|(i, _)| i)
        });
        self.set_head(target);
    }

    pub(super) fn select_char(&mut self, right: bool) {
        let target = self.head().and_then(|(text, head)| {
            if right {
                text[head..].graphemes(true).next().map(|g| head + g.len())
            } else {
                text[..head]
                    .graphemes(true)
                    .next_back()
                    .map(|g| head - g.len())
            }
        });
        self.set_head(target);
    }

    pub(super) fn select_sentence(&mut self, forward: bool) {
        let target = self.head().and_then(|(_, head)| {
            let article = &self.doc.article;
            let sentences = article.sentences();
            let index = article.sentence_at(head);
            let here = &sentences[index].range;
            if forward {
                if head < here.end {
                    Some(here.end)
                } else {
                    sentences.get(index + 1).map(|s| s.range.end)
                }
            } else if head > here.start {
                Some(here.start)
            } else {
                index.checked_sub(1).map(|i| sentences[i].range.start)
            }
        });
        self.set_head(target);
    }

    /// The text and the selection's head, when selecting.
    fn head(&self) -> Option<(&str, usize)> {
        self.selection.map(|s| (self.doc.article.text(), s.head))
    }

    /// Move the head (if there is somewhere to go), keep the cursor on the head's
    /// sentence and the head on screen.
    fn set_head(&mut self, head: Option<usize>) {
        let (Some(selection), Some(head)) = (self.selection, head) else {
            return;
        };
        self.selection = Some(Selection { head, ..selection });
        // The head is an end: the character before it is the one selected last.
        let last = if head > selection.anchor {
            head - 1
        } else {
            head
        };
        self.cursor = self.doc.article.sentence_at(last);
        self.scroll_to(last, last);
    }
}
