//! Selecting a span with the keyboard: `v` starts at the cursor's sentence, and word,
//! character and sentence moves carry the selection's end (its head).

use unicode_segmentation::UnicodeSegmentation;

use super::app::{App, Selection};

/// A word segment holds a letter or digit; spaces and punctuation are between words.
fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

impl App {
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
