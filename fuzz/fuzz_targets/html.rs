//! The HTML export of any article text with any annotations: claims and sources on any
//! ranges (nested, overlapping, empty, across paragraphs), orphans, detached sources, and
//! any verdicts, notes and descriptions. (Articles are plain text today, so there is no
//! HTML to extract; what sidenote writes as HTML is the export.)
//!
//! The page must be well formed with only the elements and attributes the export uses, no
//! script and no reference outside the page, each id once, and the text of `<article>`
//! must be exactly the article's paragraphs: nothing in the text became markup.

#![no_main]

use std::collections::HashSet;
use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use sidenote::anchor::{Anchor, Placement};
use sidenote::annotation::{Annotation, Annotations, Kind, SourceKind};
use sidenote::article::Article;
use sidenote::document::Document;
use sidenote::export::html;
use sidenote::themes::ThemeFile;

static THEME: LazyLock<ThemeFile> =
    LazyLock::new(|| ThemeFile::load("default").expect("the default theme loads"));

#[derive(Arbitrary, Debug)]
struct Input {
    marks: Vec<MarkInput>,
    /// Last, so that it takes the rest of the input: a plain article is a seed.
    text: String,
}

#[derive(Arbitrary, Debug)]
struct MarkInput {
    claim: bool,
    start: u16,
    end: u16,
    /// 0 or more: placed; 1: orphaned; 2: detached.
    place: u8,
    sources: Vec<u8>,
    verdict: Option<String>,
    note: Option<String>,
    description: Option<String>,
    entity: Option<String>,
    source_kind: Option<u8>,
}

fuzz_target!(|input: Input| {
    let article = Article::from_text(Path::new("fuzz.txt"), &input.text);
    let items = input
        .marks
        .iter()
        .enumerate()
        .map(|(i, m)| annotation(&article, i, m))
        .collect();
    let nowhere = Path::new("/nonexistent-sidenote-fuzz/fuzz.txt.sidenote.toml");
    let Ok(mut doc) = Document::from_article(article, Some(nowhere), Vec::new()) else {
        panic!("an absent sidecar is an empty one");
    };
    doc.annotations = Annotations::new(items);
    let page = html::page(&doc, &THEME);
    check_page(&page, &doc.article);
});

fn annotation(article: &Article, i: usize, m: &MarkInput) -> Annotation {
    let text = article.text();
    let boundary = |at: u16| {
        let mut at = usize::from(at) % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let (a, b) = (boundary(m.start), boundary(m.end));
    let range = a.min(b)..a.max(b);
    let (anchor, placement) = match m.place % 4 {
        1 => (Anchor::new(article, range), Placement::Orphaned),
        2 => (
            Anchor {
                start: 0,
                end: 0,
                quote: String::new(),
                prefix: String::new(),
                suffix: String::new(),
            },
            Placement::Detached,
        ),
        _ => (Anchor::new(article, range.clone()), Placement::At(range)),
    };
    let kind = if m.claim { Kind::Claim } else { Kind::Source };
    Annotation {
        id: format!("{}{}", if m.claim { 'c' } else { 's' }, i + 1),
        kind,
        anchor,
        placement,
        sources: m.sources.iter().map(|n| format!("s{n}")).collect(),
        entity: m.entity.clone(),
        source_kind: m
            .source_kind
            .map(|k| SourceKind::ALL[usize::from(k) % SourceKind::ALL.len()]),
        description: m.description.clone(),
        verdict: m.verdict.clone(),
        note: m.note.clone(),
        author: m.note.as_ref().map(|_| "Zoë <fuzz>".to_string()),
        created: None,
        modified: None,
    }
}

const ELEMENTS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "header", "p", "section", "ul", "li", "span",
    "h1", "h2", "article", "ol", "a", "time", "div",
];
const ATTRIBUTES: &[&str] = &[
    "lang",
    "charset",
    "name",
    "content",
    "class",
    "id",
    "data-n",
    "data-id",
    "data-start",
    "data-end",
    "data-entity",
    "title",
    "href",
    "datetime",
    "aria-label",
];
const ENTITIES: &[(&str, char)] = &[
    ("&amp;", '&'),
    ("&lt;", '<'),
    ("&gt;", '>'),
    ("&quot;", '"'),
    ("&#39;", '\''),
];

/// Read the page as a tiny HTML parser would, asserting as it goes.
fn check_page(page: &str, article: &Article) {
    let page = page
        .strip_prefix("<!DOCTYPE html>\n")
        .expect("the page starts with its doctype");
    let mut open: Vec<&str> = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    let mut article_text: Option<String> = None;
    let mut rest = page;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            text_node(rest, &open, &mut article_text);
            break;
        };
        text_node(&rest[..lt], &open, &mut article_text);
        rest = &rest[lt + 1..];
        if let Some(after) = rest.strip_prefix('/') {
            let gt = after.find('>').expect("a closing tag ends");
            let name = &after[..gt];
            assert_eq!(open.pop(), Some(name), "tags nest: </{name}>");
            rest = &after[gt + 1..];
            continue;
        }
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .expect("a tag ends");
        let name = &rest[..name_len];
        assert!(ELEMENTS.contains(&name), "element <{name}> in the page");
        rest = &rest[name_len..];
        loop {
            rest = rest.trim_start_matches(' ');
            if let Some(after) = rest.strip_prefix('>') {
                rest = after;
                break;
            }
            let eq = rest.find("=\"").expect("an attribute has a quoted value");
            let attribute = &rest[..eq];
            assert!(ATTRIBUTES.contains(&attribute), "attribute {attribute:?}");
            rest = &rest[eq + 2..];
            let quote = rest.find('"').expect("an attribute value ends");
            let value = decode(&rest[..quote]);
            rest = &rest[quote + 1..];
            match attribute {
                "href" => assert!(value.starts_with('#'), "a link out of the page: {value}"),
                "id" => assert!(ids.insert(value.clone()), "the id {value:?} twice"),
                _ => {}
            }
        }
        if name == "article" {
            article_text = Some(String::new());
        }
        if name != "meta" {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "unclosed: {open:?}");

    let mut expected = String::from("\n");
    if article.paragraphs().is_empty() {
        expected.push_str("The article is empty.\n");
    }
    for i in 0..article.paragraphs().len() {
        let visible = article.paragraph_text(i).chars().map(|c| match c {
            '\t' | '\n' => c,
            c if c.is_control() => '\u{fffd}',
            c => c,
        });
        expected.extend(visible);
        expected.push('\n');
    }
    assert_eq!(article_text.as_deref(), Some(expected.as_str()));
}

/// Text between tags: no markup character, only known character references; inside
/// `<article>`, collected. The style sheet is the theme's, with no reference out.
fn text_node(text: &str, open: &[&str], article_text: &mut Option<String>) {
    if open.last() == Some(&"style") {
        assert!(!text.contains("url(") && !text.contains("@import"));
        return;
    }
    assert!(
        !text.contains('>') && !text.contains('"'),
        "raw markup in {text:?}"
    );
    let decoded = decode(text);
    if open.contains(&"article") {
        article_text
            .as_mut()
            .expect("inside the article")
            .push_str(&decoded);
    }
}

/// Text with its character references replaced; any other `&` is a bug.
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let (entity, c) = ENTITIES
            .iter()
            .find(|(e, _)| rest.starts_with(e))
            .unwrap_or_else(|| panic!("a bare & in {text:?}"));
        out.push(*c);
        rest = &rest[entity.len()..];
    }
    out.push_str(rest);
    out
}
