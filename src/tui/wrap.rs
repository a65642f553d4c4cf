//! Wrapping paragraphs to the pane's width, measured in terminal cells (wide CJK and
//! emoji take two), cached per paragraph for the current width.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::str::CharIndices;

use unicode_segmentation::{GraphemeIndices, UnicodeSegmentation};
use unicode_width::UnicodeWidthStr;

use crate::article::Article;

use super::printable::{TAB_STOP, visible};

/// Cells a grapheme takes on screen when it starts `column` cells into its line: a tab
/// reaches the next tab stop, anything else as wide as what [`visible`] shows for it.
pub fn cells(grapheme: &str, column: usize) -> usize {
    if grapheme == "\t" {
        TAB_STOP - column % TAB_STOP
    } else {
        visible(grapheme).width()
    }
}

/// [`cells`], and whether the grapheme is white space. A single ASCII character, most of
/// any text, takes one cell without a look-up (a control character shows as a one-cell
/// picture), a tab up to the next stop.
fn cells_and_space(grapheme: &str, column: usize) -> (usize, bool) {
    match *grapheme.as_bytes() {
        [b'\t'] => (TAB_STOP - column % TAB_STOP, true),
        [b] if b.is_ascii() => (1, char::from(b).is_whitespace()),
        _ => (
            cells(grapheme, column),
            grapheme.chars().all(char::is_whitespace),
        ),
    }
}

/// Break `text` (which starts at byte `base` of the article) into lines at most `width`
/// cells wide. Lines break at spaces, and between wide characters for scripts that do not
/// use spaces; a word longer than the line is cut. The spaces at a break belong to no line.
pub fn wrap(text: &str, base: usize, width: usize) -> Vec<Range<usize>> {
    wrap_graphemes(text, graphemes(text), base, width)
}

/// `text`'s graphemes with their offsets, as `grapheme_indices` gives them, without
/// segmenting text whose every character is a grapheme of its own (most news): ASCII
/// without a CR (which an LF after it would join), and Latin text with the usual
/// punctuation.
pub fn graphemes(text: &str) -> Graphemes<'_> {
    if (text.is_ascii() && !text.contains('\r')) || text.chars().all(stands_alone) {
        Graphemes::Characters(text, text.char_indices())
    } else {
        Graphemes::Segmented(text.grapheme_indices(true))
    }
}

/// See [`graphemes`].
pub enum Graphemes<'a> {
    Characters(&'a str, CharIndices<'a>),
    Segmented(GraphemeIndices<'a>),
}

impl<'a> Iterator for Graphemes<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        match self {
            Graphemes::Characters(text, chars) => {
                chars.next().map(|(i, c)| (i, &text[i..i + c.len_utf8()]))
            }
            Graphemes::Segmented(graphemes) => graphemes.next(),
        }
    }
}

/// Printable ASCII, Latin-1 and Latin Extended letters, general punctuation (curly
/// quotes, dashes, ellipses) and currency signs: characters that are a grapheme each,
/// since nothing in this set joins or extends another.
pub(crate) fn stands_alone(c: char) -> bool {
    matches!(
        c,
        ' '..='~'
            | '\u{a0}'..='\u{24f}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205e}'
            | '\u{20a0}'..='\u{20c0}'
    )
}

/// [`wrap`], given `text`'s graphemes with their offsets.
fn wrap_graphemes<'t>(
    text: &'t str,
    graphemes: impl Iterator<Item = (usize, &'t str)>,
    base: usize,
    width: usize,
) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut used = 0;
    // Where the line could end, where the next one would start, and the width used up to
    // that start.
    let mut last_break: Option<(usize, usize, usize)> = None;
    for (i, g) in graphemes {
        let (w, space) = cells_and_space(g, used);
        if space {
            if used + w > width {
                lines.push(base + start..base + i);
                start = i + g.len();
                used = 0;
                last_break = None;
            } else {
                used += w;
                last_break = Some((i, i + g.len(), used));
            }
            continue;
        }
        if w > 1 && used > 0 {
            last_break = Some((i, i, used));
        }
        if used + w > width && used > 0 {
            match last_break.take() {
                Some((end, next, used_at_next)) if end > start => {
                    lines.push(base + start..base + end);
                    start = next;
                    used -= used_at_next;
                }
                _ => {
                    lines.push(base + start..base + i);
                    start = i;
                    used = 0;
                }
            }
        }
        used += w;
        if w > 1 {
            last_break = Some((i + g.len(), i + g.len(), used));
        }
    }
    if start < text.len() || lines.is_empty() {
        lines.push(base + start..base + text.len());
    }
    lines
}

/// Wrapped lines of each paragraph at one width; only the paragraphs drawn or scrolled
/// through are ever wrapped.
#[derive(Debug, Default)]
pub struct WrapCache {
    width: usize,
    lines: HashMap<usize, Rc<[Range<usize>]>>,
}

impl WrapCache {
    pub fn lines(
        &mut self,
        article: &Article,
        paragraph: usize,
        width: usize,
    ) -> Rc<[Range<usize>]> {
        if width != self.width {
            self.lines.clear();
            self.width = width;
        }
        self.lines
            .entry(paragraph)
            .or_insert_with(|| {
                let range = article.paragraphs()[paragraph].range.clone();
                wrap(&article.text()[range.clone()], range.start, width).into()
            })
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, 0, width).into_iter().map(|r| &text[r]).collect()
    }

    proptest::proptest! {
        #[test]
        fn latin_text_wraps_as_its_graphemes_do(
            text in "[a-zé ,.!'()“”’—…€\t\u{a0}\u{ad}-]{0,200}",
            width in 1usize..40,
        ) {
            let segmented = wrap_graphemes(&text, text.grapheme_indices(true), 7, width);
            proptest::prop_assert_eq!(wrap(&text, 7, width), segmented);
        }
    }

    #[test]
    fn breaks_at_spaces_and_drops_them() {
        assert_eq!(
            lines("the harbour vote was delayed", 12),
            ["the harbour", "vote was", "delayed"]
        );
    }

    #[test]
    fn an_ascii_character_takes_the_cells_its_picture_takes() {
        for b in 0..0x80u8 {
            let g = char::from(b).to_string();
            for column in 0..TAB_STOP + 1 {
                let slow = (cells(&g, column), g.chars().all(char::is_whitespace));
                assert_eq!(cells_and_space(&g, column), slow, "byte {b:#04x}");
            }
        }
    }

    #[test]
    fn wide_characters_take_two_cells_and_may_break_anywhere() {
        assert_eq!(lines("陈伟说水能载舟", 6), ["陈伟说", "水能载", "舟"]);
        assert_eq!(lines("a 👋🏽 b", 4), ["a 👋🏽", "b"]);
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut() {
        assert_eq!(
            lines("Kaaiwerksholdingsselskapet", 10),
            ["Kaaiwerksh", "oldingssel", "skapet"]
        );
    }
}
