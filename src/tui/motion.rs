//! Moving the cursor and scrolling the article. Rows are counted from the wrapped lines
//! of the paragraphs passed over, so a move costs the same on any article size.

use super::app::{App, Row};

impl App {
    /// Put the cursor on a sentence (clamped to the article) and scroll it into view.
    pub(super) fn move_cursor_to(&mut self, sentence: usize) {
        let count = self.doc.article.sentences().len();
        if count == 0 {
            return;
        }
        self.cursor = sentence.min(count - 1);
        self.mention = None;
        self.scroll_to_cursor();
    }

    pub(super) fn paragraph_down(&mut self) {
        let article = &self.doc.article;
        let Some(sentence) = article.sentences().get(self.cursor) else {
            return;
        };
        let next = article.paragraphs()[sentence.paragraph + 1..]
            .iter()
            .find(|p| !p.sentences.is_empty())
            .map_or(article.sentences().len() - 1, |p| p.sentences.start);
        self.move_cursor_to(next);
    }

    pub(super) fn paragraph_up(&mut self) {
        let article = &self.doc.article;
        let Some(sentence) = article.sentences().get(self.cursor) else {
            return;
        };
        let first = article.paragraphs()[sentence.paragraph].sentences.start;
        let target = if self.cursor > first || sentence.paragraph == 0 {
            first
        } else {
            article.paragraphs()[sentence.paragraph - 1].sentences.start
        };
        self.move_cursor_to(target);
    }

    /// Half a page down or up: the view and the cursor move by the same number of rows.
    pub(super) fn page(&mut self, down: bool) {
        let Some(sentence) = self.doc.article.sentences().get(self.cursor) else {
            return;
        };
        let rows = (self.text_area().height as usize / 2).max(1);
        let here = self.row_of(sentence.range.start);
        let (there, top) = if down {
            let bottom_limit = self.retreat(
                self.last_row(),
                self.text_area().height.saturating_sub(1) as usize,
            );
            let top = self.advance(self.top, rows).min(bottom_limit.max(self.top));
            (self.advance(here, rows), top)
        } else {
            (self.retreat(here, rows), self.retreat(self.top, rows))
        };
        self.top = top;
        self.cursor = self.sentence_at_row(there);
        self.mention = None;
        self.scroll_to_cursor();
    }

    /// Scroll as little as possible so that the cursor's sentence is on screen (its
    /// beginning, if it is taller than the pane).
    pub(super) fn scroll_to_cursor(&mut self) {
        let Some(sentence) = self.doc.article.sentences().get(self.cursor) else {
            return;
        };
        let range = sentence.range.clone();
        self.scroll_to(range.start, range.end.saturating_sub(1).max(range.start));
    }

    /// Scroll so that the rows from byte `first` to byte `last` are on screen.
    pub(super) fn scroll_to(&mut self, first: usize, last: usize) {
        let height = self.text_area().height as usize;
        if height == 0 {
            return;
        }
        let start = self.row_of(first);
        let end = self.row_of(last);
        if start < self.top {
            self.top = start;
        } else if self.distance(self.top, end, height) >= height {
            self.top = self.retreat(end, height - 1).min(start);
        }
    }

    /// The row showing a byte of the text.
    pub fn row_of(&self, byte: usize) -> Row {
        let paragraph = self.doc.article.paragraph_at(byte);
        let lines = self.lines(paragraph);
        let line = lines.partition_point(|l| l.start <= byte).saturating_sub(1);
        Row { paragraph, line }
    }

    /// Rows a paragraph takes: its lines and a blank row after it.
    pub fn rows_in(&self, paragraph: usize) -> usize {
        self.lines(paragraph).len() + 1
    }

    fn last_row(&self) -> Row {
        let paragraph = self.doc.article.paragraphs().len().saturating_sub(1);
        Row {
            paragraph,
            line: self.lines(paragraph).len().saturating_sub(1),
        }
    }

    /// The row `n` rows below, stopping at the last one.
    pub fn advance(&self, mut row: Row, mut n: usize) -> Row {
        let count = self.doc.article.paragraphs().len();
        while n > 0 {
            let left = self.rows_in(row.paragraph) - 1 - row.line;
            if n <= left {
                row.line += n;
                break;
            }
            if row.paragraph + 1 >= count {
                row.line += left;
                break;
            }
            n -= left + 1;
            row = Row {
                paragraph: row.paragraph + 1,
                line: 0,
            };
        }
        row
    }

    /// The row `n` rows above, stopping at the first one.
    pub fn retreat(&self, mut row: Row, mut n: usize) -> Row {
        while n > 0 {
            if n <= row.line {
                row.line -= n;
                break;
            }
            if row.paragraph == 0 {
                row.line = 0;
                break;
            }
            n -= row.line + 1;
            row.paragraph -= 1;
            row.line = self.rows_in(row.paragraph) - 1;
        }
        row
    }

    /// Rows from `from` down to `to`, counting at most `limit`.
    fn distance(&self, from: Row, to: Row, limit: usize) -> usize {
        if to <= from {
            return 0;
        }
        let mut rows = 0;
        let mut row = from;
        while row.paragraph < to.paragraph && rows < limit {
            rows += self.rows_in(row.paragraph) - row.line;
            row = Row {
                paragraph: row.paragraph + 1,
                line: 0,
            };
        }
        rows + to.line.saturating_sub(row.line)
    }

    /// The sentence shown on a row (on a blank row, the next paragraph's first).
    /// Scroll the article `n` rows without moving the text under the cursor, unless it
    /// would leave the screen: then the cursor goes to the sentence at the edge.
    pub(super) fn scroll_rows(&mut self, down: bool, n: usize) {
        let height = self.text_area().height as usize;
        let Some(sentence) = self.doc.article.sentences().get(self.cursor) else {
            return;
        };
        if height == 0 {
            return;
        }
        let here = self.row_of(sentence.range.start);
        self.top = if down {
            let bottom_limit = self.retreat(self.last_row(), height - 1);
            self.advance(self.top, n).min(bottom_limit.max(self.top))
        } else {
            self.retreat(self.top, n)
        };
        if here < self.top {
            // The first sentence that starts on screen (one begun above stays unmarked).
            let sentences = self.doc.article.sentences();
            let at_top = self.sentence_at_row(self.top);
            let starts_above = sentences
                .get(at_top)
                .is_some_and(|s| self.row_of(s.range.start) < self.top);
            self.cursor = if starts_above && at_top + 1 < sentences.len() {
                at_top + 1
            } else {
                at_top
            };
        } else if self.distance(self.top, here, height) >= height {
            self.cursor = self.sentence_at_row(self.advance(self.top, height - 1));
        }
        self.mention = None;
    }

    pub(super) fn sentence_at_row(&self, row: Row) -> usize {
        let lines = self.lines(row.paragraph);
        let article = &self.doc.article;
        match lines.get(row.line) {
            Some(line) => article.sentence_at(line.start),
            None => article
                .paragraphs()
                .get(row.paragraph + 1)
                .map_or(article.sentences().len().saturating_sub(1), |p| {
                    p.sentences.start
                }),
        }
    }
}
