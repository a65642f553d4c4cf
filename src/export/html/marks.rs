//! The article's text as HTML, with claims, sources and entity mentions marked by `<span>`
//! elements. Marks may nest or overlap in any way; the markup stays valid because a mark
//! that an inner one outlives is closed and reopened around it (a continuation piece
//! carries the same `data-id` but not the `id`).

use std::collections::HashSet;
use std::fmt::Write;
use std::ops::Range;

/// One marked stretch of text.
pub(super) struct Mark {
    /// Byte range in the article's text.
    pub range: Range<usize>,
    /// Which mark is the outer one when two cover the same text: claims (0), then
    /// sources (1), then entity mentions (2).
    pub layer: u8,
    /// The element id of the first piece ("c1"), when the mark is an annotation.
    pub id: Option<String>,
    /// The `class` attribute ("claim", "entity person").
    pub class: String,
    /// Further attributes, already escaped, written on every piece.
    pub attributes: String,
}

/// Sort marks so that an enclosing mark comes before the ones inside it.
pub(super) fn sort(marks: &mut [Mark]) {
    marks.sort_by(|a, b| {
        (
            a.range.start,
            std::cmp::Reverse(a.range.end),
            a.layer,
            &a.id,
        )
            .cmp(&(
                b.range.start,
                std::cmp::Reverse(b.range.end),
                b.layer,
                &b.id,
            ))
    });
}

/// Write `text[block]` with the marks (sorted by [`sort`]) that fall in it. `emitted`
/// holds the ids already written, so that a mark continuing from an earlier block gets
/// its id only once.
pub(super) fn write_marked(
    out: &mut String,
    text: &str,
    block: Range<usize>,
    marks: &[Mark],
    emitted: &mut HashSet<String>,
) {
    let clipped: Vec<Range<usize>> = marks
        .iter()
        .map(|m| m.range.start.max(block.start)..m.range.end.min(block.end))
        .collect();
    let mut points = vec![block.start, block.end];
    for r in &clipped {
        if r.start <= r.end {
            points.extend([r.start, r.end]);
        }
    }
    points.sort_unstable();
    points.dedup();

    let mut open: Vec<usize> = Vec::new();
    for pair in points.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let wanted: Vec<usize> = (0..marks.len())
            .filter(|&i| clipped[i].start <= from && to <= clipped[i].end)
            .collect();
        let kept = open.iter().zip(&wanted).take_while(|(a, b)| a == b).count();
        for _ in kept..open.len() {
            out.push_str("</span>");
        }
        open.truncate(kept);
        for &i in &wanted[kept..] {
            open_tag(out, &marks[i], emitted);
            open.push(i);
        }
        write_empty_marks(out, from, marks, &clipped, emitted);
        escape_into(out, &text[from..to]);
    }
    for _ in 0..open.len() {
        out.push_str("</span>");
    }
    write_empty_marks(out, block.end, marks, &clipped, emitted);
}

/// Marks of no length (an anchor whose quote became empty) still get their element, so
/// that links to them land in the right place.
fn write_empty_marks(
    out: &mut String,
    at: usize,
    marks: &[Mark],
    clipped: &[Range<usize>],
    emitted: &mut HashSet<String>,
) {
    for (mark, r) in marks.iter().zip(clipped) {
        if mark.range.is_empty()
            && r.start == at
            && !mark.id.as_ref().is_some_and(|id| emitted.contains(id))
        {
            open_tag(out, mark, emitted);
            out.push_str("</span>");
        }
    }
}

fn open_tag(out: &mut String, mark: &Mark, emitted: &mut HashSet<String>) {
    let _ = write!(out, "<span class=\"{}", mark.class);
    match &mark.id {
        Some(id) if emitted.insert(id.clone()) => {
            let _ = write!(out, "\" id=\"{}\"", escape(id));
        }
        Some(_) => out.push_str(" continued\""),
        None => out.push('"'),
    }
    out.push_str(&mark.attributes);
    out.push('>');
}

/// Text made safe for HTML content and quoted attribute values. Control characters that
/// HTML forbids become U+FFFD, the replacement character.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(range: Range<usize>, layer: u8, id: Option<&str>) -> Mark {
        Mark {
            range,
            layer,
            id: id.map(str::to_string),
            class: ["claim", "source", "entity"][usize::from(layer)].to_string(),
            attributes: String::new(),
        }
    }

    fn render(text: &str, mut marks: Vec<Mark>) -> String {
        sort(&mut marks);
        let mut out = String::new();
        write_marked(&mut out, text, 0..text.len(), &marks, &mut HashSet::new());
        out
    }

    #[test]
    fn a_source_inside_a_claim_nests() {
        let html = render(
            "ab cd ef",
            vec![mark(3..5, 1, Some("s1")), mark(0..8, 0, Some("c1"))],
        );
        assert_eq!(
            html,
            "<span class=\"claim\" id=\"c1\">ab <span class=\"source\" id=\"s1\">cd</span> ef</span>"
        );
    }

    #[test]
    fn overlapping_claims_are_split_and_reopened_without_a_second_id() {
        let html = render(
            "abcdef",
            vec![mark(0..4, 0, Some("c1")), mark(2..6, 0, Some("c2"))],
        );
        assert_eq!(
            html,
            "<span class=\"claim\" id=\"c1\">ab<span class=\"claim\" id=\"c2\">cd</span></span>\
             <span class=\"claim continued\">ef</span>"
        );
    }

    #[test]
    fn a_mention_as_long_as_its_source_sits_inside_it() {
        let html = render("Ana", vec![mark(0..3, 2, None), mark(0..3, 1, Some("s1"))]);
        assert_eq!(
            html,
            "<span class=\"source\" id=\"s1\"><span class=\"entity\">Ana</span></span>"
        );
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape("<3 & \"x\" 'y'\u{0}"),
            "&lt;3 &amp; &quot;x&quot; &#39;y&#39;\u{fffd}"
        );
    }
}
