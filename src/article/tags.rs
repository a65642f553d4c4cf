//! A quick scan of an HTML page's tags, for pages nested too deep to parse.
//!
//! html5ever checks the stack of open elements at every tag, so a page of 20,000 nested
//! `<div>`s takes minutes to parse. No real article nests anywhere near [`MAX_DEPTH`]
//! deep, so such a page is read without the parser: its text between the tags, with a
//! paragraph break at each block element and entities decoded. It is still read, and
//! still read the same way every time, so its offsets hold.

use scraper::Html;

use super::format::{Parts, Words};

/// Deeper than this, a page is read by [`flat`] instead of the parser.
pub(super) const MAX_DEPTH: usize = 1_000;

/// Elements that have no end tag or whose end tag the parser implies: they do not nest.
static UNNESTED: Words = Words::new(
    "\
    area base br col embed hr img input link meta source track wbr param keygen frame \
    basefont bgsound p li dt dd option optgroup tr td th tbody thead tfoot colgroup \
    caption rb rt rp rtc html head body",
);

/// Elements whose content is text up to their end tag, never tags (and, in the flat
/// reading, never article text).
static RAW_TEXT: Words = Words::new("script style textarea title xmp iframe noembed noframes");

/// A tag: where it is in the source, its lower-case name, and whether it ends an element.
struct Tag {
    range: std::ops::Range<usize>,
    name: String,
    end: bool,
}

/// The tags of a page in order, without comments, doctypes, or tags inside raw text.
///
/// Where this scan and the HTML tokenizer could disagree, the scan errs towards seeing
/// more tags (so a page is never thought shallower than the parser finds it): raw text
/// is not skipped inside `<svg>` or `<math>`, and a quote opens an attribute value only
/// after `=`.
fn tags(source: &str) -> impl Iterator<Item = Tag> + '_ {
    let bytes = source.as_bytes();
    let mut at = 0;
    let mut foreign = 0usize;
    std::iter::from_fn(move || {
        loop {
            let start = at + memchr::memchr(b'<', bytes.get(at..)?)?;
            let rest = &bytes[start..];
            if rest.starts_with(b"<!--") {
                at = comment_end(bytes, start);
                continue;
            }
            let end = rest.get(1) == Some(&b'/');
            let name_start = start + 1 + usize::from(end);
            if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
                at = match rest.get(1) {
                    Some(b'!' | b'?') => find(bytes, start, b">").map_or(bytes.len(), |i| i + 1),
                    _ => start + 1,
                };
                continue;
            }
            let name_end = bytes[name_start..]
                .iter()
                .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
                .map_or(bytes.len(), |i| name_start + i);
            let name = source[name_start..name_end].to_ascii_lowercase();
            let close = tag_end(bytes, name_end);
            at = close;
            if matches!(name.as_str(), "svg" | "math") {
                foreign = if end {
                    foreign.saturating_sub(1)
                } else {
                    foreign + 1
                };
            }
            if !end && foreign == 0 && RAW_TEXT.has(&name) {
                // Skip to the end tag; what comes before it is the element's text.
                let needle = format!("</{name}");
                at = find_ascii_ci(bytes, close, needle.as_bytes()).unwrap_or(bytes.len());
            }
            return Some(Tag {
                range: start..close,
                name,
                end,
            });
        }
    })
}

/// Where a comment that starts at `start` ends: after `-->` or `--!>`, or at once for
/// `<!-->` and `<!--->`.
fn comment_end(bytes: &[u8], start: usize) -> usize {
    let rest = &bytes[start..];
    if rest.starts_with(b"<!-->") {
        return start + 5;
    }
    if rest.starts_with(b"<!--->") {
        return start + 6;
    }
    let plain = find(bytes, start + 4, b"-->").map(|i| i + 3);
    let banged = find(bytes, start + 4, b"--!>").map(|i| i + 4);
    match (plain, banged) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b).unwrap_or(bytes.len()),
    }
}

/// Just past the `>` that ends a tag whose name ends at `from`: the first one outside a
/// quoted attribute value (a quote right after `=` and any spaces).
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(found) = memchr::memchr3(b'>', b'"', b'\'', &bytes[i..]) {
        let found = i + found;
        if bytes[found] == b'>' {
            return found + 1;
        }
        let after_equals = bytes[from..found]
            .iter()
            .rev()
            .find(|b| !b.is_ascii_whitespace())
            == Some(&b'=');
        i = found + 1;
        if after_equals {
            match memchr::memchr(bytes[found], &bytes[i..]) {
                Some(end_quote) => i += end_quote + 1,
                None => return bytes.len(),
            }
        }
    }
    bytes.len()
}

/// How deep the page's elements nest, counting start and end tags as they come.
pub(super) fn depth(source: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for tag in tags(source).filter(|t| !UNNESTED.has(&t.name)) {
        if tag.end {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// The page's text without the parser: the text between tags, a paragraph break at
/// each block element, a line break at `<br>`, entities decoded.
pub(super) fn flat(source: &str) -> Parts {
    let mut raw = String::new();
    let mut at = 0;
    let mut skipping = false;
    for tag in tags(source) {
        if !skipping {
            raw.push_str(&source[at..tag.range.start]);
        }
        at = tag.range.end;
        skipping = !tag.end && RAW_TEXT.has(&tag.name);
        if tag.name == "br" {
            raw.push('\n');
        } else if super::html::BLOCKS.has(&tag.name) {
            raw.push_str("\n\n");
        }
    }
    if !skipping {
        raw.push_str(&source[at..]);
    }
    let mut parts = Parts::default();
    for block in raw.split("\n\n").filter(|b| !b.trim().is_empty()) {
        let mut text = if block.contains('&') {
            // No tags are left, so parsing the block only decodes its entities.
            let decoded = Html::parse_fragment(block);
            let root = decoded.tree.root();
            root.descendants()
                .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
                .collect()
        } else {
            block.to_string()
        };
        parts.push(&mut text);
    }
    parts
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|i| from + i)
}

/// Like [`find`], ignoring ASCII case (`</SCRIPT`).
fn find_ascii_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let haystack = bytes.get(from..)?;
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_elements_that_nest() {
        assert_eq!(depth("<div><p>a<p>b<br><div></div></div>"), 2);
        assert_eq!(depth("<script>'<div><div><div>'</script><div>"), 1);
        assert_eq!(depth("<!-- <div><div> --><a title='>'><b>"), 2);
        // Quotes that open no attribute value, and comments that close at once, hide
        // no tags.
        assert_eq!(depth("<div x'><div><div>'<div>"), 4);
        assert_eq!(depth("<!--><div><div>--><div>"), 3);
        assert_eq!(depth("<svg><style><g><g></style>"), 4);
    }

    #[test]
    fn flat_text_keeps_paragraphs_and_decodes_entities() {
        let parts = flat("<div><p>Caf&eacute; <b>owner</b><script>x()</script><p>Line<br>two");
        assert_eq!(parts.paragraphs, ["Café owner", "Line\ntwo"]);
    }
}
