//! `export --format html`: one self-contained page with the article marked up, a legend,
//! the claims with their sources, verdicts and notes, and nothing fetched from outside.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::{ElementRef, Html, Selector};
use sidenote::annotation::Kind;
use sidenote::article::Article;
use sidenote::document::Document;
use sidenote::export::html;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export/ferry.txt")
}

/// The ferry article with its sidecar, without the user's own known names.
fn ferry() -> Document {
    let article = Article::load(&fixture()).unwrap();
    Document::from_article(article, None, Vec::new()).unwrap()
}

fn parse(page: &str) -> Html {
    let html = Html::parse_document(page);
    assert!(
        html.errors.is_empty(),
        "the page is not valid HTML: {:?}",
        html.errors
    );
    html
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn text(element: &ElementRef) -> String {
    element.text().collect()
}

/// Characters `start..end` of a text, counting Unicode scalar values as the sidecar does.
fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn the_ferry_page_matches_its_golden_file() {
    let page = html::export(&ferry(), "default").unwrap();
    insta::assert_snapshot!("ferry_page", page);
}

#[test]
fn the_page_is_valid_html_and_refers_to_nothing_outside_itself() {
    let page = html::export(&ferry(), "default").unwrap();
    let html = parse(&page);
    assert_eq!(select(&html, "meta[charset='utf-8']").len(), 1);
    assert_eq!(select(&html, "style").len(), 1, "one style sheet");
    for tag in [
        "script", "link", "img", "iframe", "object", "embed", "base", "form",
    ] {
        assert!(select(&html, tag).is_empty(), "the page has a <{tag}>");
    }
    let ids: HashSet<&str> = select(&html, "[id]")
        .iter()
        .map(|e| e.value().id().unwrap())
        .collect();
    let mut fragments = 0;
    for element in select(&html, "*") {
        for (name, value) in element.value().attrs() {
            assert!(!name.starts_with("on"), "event handler {name}={value:?}");
            assert!(
                !value.to_lowercase().contains("url("),
                "{name}={value:?} loads something"
            );
            if ["href", "src", "srcset", "action", "poster", "data", "cite"].contains(&name) {
                let target = value.strip_prefix('#');
                assert!(target.is_some(), "{name}={value:?} points outside the page");
                assert!(ids.contains(target.unwrap()), "no element has id {value}");
                fragments += 1;
            }
        }
    }
    assert!(fragments >= 10, "claims and sources are linked");
    let style = text(&select(&html, "style")[0]).to_lowercase();
    assert!(!style.contains("url(") && !style.contains("@import"));
}

#[test]
fn every_marked_span_holds_the_text_at_its_offsets() {
    let doc = ferry();
    let raw = std::fs::read_to_string(fixture()).unwrap();
    let page = html::export(&doc, "default").unwrap();
    let html = parse(&page);
    for annotation in doc.annotations.iter() {
        let pieces = select(&html, &format!("article [data-id='{}']", annotation.id));
        if annotation.range().is_none() {
            assert!(pieces.is_empty(), "{} is not in the text", annotation.id);
            continue;
        }
        let anchor = &annotation.anchor;
        let expected = chars(&raw, anchor.start, anchor.end);
        assert_eq!(expected, anchor.quote, "the fixture's offsets");
        let shown: String = pieces.iter().map(text).collect();
        assert_eq!(shown, expected, "{}", annotation.id);
        assert_eq!(pieces[0].value().id(), Some(annotation.id.as_str()));
        for piece in &pieces {
            let at = |name| piece.value().attr(name).unwrap().parse::<usize>().unwrap();
            assert_eq!(
                (at("data-start"), at("data-end")),
                (anchor.start, anchor.end)
            );
        }
    }
    // The ones with accents, `&`, and an emoji joined by a zero-width joiner.
    let s1 = select(&html, "#s1");
    assert_eq!(text(&s1[0]), "Navegação Atlântica & Filhos");
    let s3 = select(&html, "#s3");
    assert_eq!(text(&s3[0]), "👩\u{200d}🔬 Dr. Kofi Mensah-Lindqvist");

    let mut mentions: BTreeMap<(usize, usize), String> = BTreeMap::new();
    for piece in select(&html, "article [data-entity]") {
        let at = |name| piece.value().attr(name).unwrap().parse::<usize>().unwrap();
        mentions
            .entry((at("data-start"), at("data-end")))
            .or_default()
            .push_str(&text(&piece));
    }
    let detected: usize = doc.entities.iter().map(|e| e.mentions.len()).sum();
    assert_eq!(mentions.len(), detected, "every mention is marked");
    for ((start, end), shown) in &mentions {
        assert_eq!(shown, &chars(&raw, *start, *end));
    }
    assert!(mentions.values().any(|m| m == "Príncipe"), "{mentions:?}");
}

#[test]
fn article_and_note_text_is_escaped_not_read_as_markup() {
    let page = html::export(&ferry(), "default").unwrap();
    assert!(page.contains("caption “&lt;3 our port, not these prices”"));
    let html = parse(&page);
    let paragraphs = select(&html, "article p");
    assert!(
        paragraphs
            .iter()
            .any(|p| text(p).contains("the caption “<3 our port, not these prices”."))
    );
    let c3 = select(&html, "#claim-c3 .note");
    assert_eq!(
        text(&c3[0]),
        "=HYPERLINK(\"http://example.com\",\"survey\") — household survey 2025, table 4"
    );
    let hover = select(&html, "#c3")[0].value().attr("title").unwrap();
    assert!(
        hover.starts_with("Claim c3: true\n=HYPERLINK(\"http://"),
        "{hover}"
    );
}

#[test]
fn the_claim_list_links_each_claim_with_its_sources_verdict_and_note() {
    let doc = ferry();
    let html = parse(&html::export(&doc, "default").unwrap());
    let items = select(&html, ".claim-list > ol > li");
    let ids: Vec<&str> = items.iter().map(|li| li.value().id().unwrap()).collect();
    assert_eq!(
        ids,
        ["claim-c1", "claim-c2", "claim-c5", "claim-c3", "claim-c4"],
        "in text order"
    );
    let c1 = items[0];
    let link = c1
        .select(&Selector::parse(".quote a").unwrap())
        .next()
        .unwrap();
    assert_eq!(link.value().attr("href"), Some("#c1"));
    assert_eq!(
        text(&link),
        "“blaming a 38% rise in fuel costs since January”"
    );
    let c1_text = text(&c1);
    assert!(c1_text.contains("Verdict: misleading"), "{c1_text}");
    assert!(c1_text.contains("Navegação Atlântica & Filhos (s1, organisation)"));
    assert!(c1_text.contains("Inês Carvalho-Müller (s2, named person)"));
    assert!(
        c1_text.contains(
            "Government figures say 22%, not 38%.\nAsk the company for its fuel invoices."
        ),
        "the note keeps its line break: {c1_text}"
    );
    let sources: Vec<&str> = c1
        .select(&Selector::parse("ul a").unwrap())
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert_eq!(sources, ["#s1", "#s2"]);

    let c4 = text(&items[4]);
    assert!(c4.contains("No verdict yet."), "{c4}");
    assert!(
        c4.contains(
            "a phone call with the port captain, March 4 (s5, named person, not in the text)"
        ),
        "a detached source shows its description: {c4}"
    );
    let c5 = text(&items[2]);
    assert!(c5.contains("No sources linked."), "{c5}");
}

/// A claim holding a source, a claim overlapping it, an entity mention inside the source.
#[test]
fn nested_and_overlapping_marks_are_split_into_valid_markup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("port.txt");
    let article_text = "Minister Ana Lopes said the port “will reopen in May” after repairs.\n";
    std::fs::write(&path, article_text).unwrap();
    let article = Article::load(&path).unwrap();
    let mut doc = Document::from_article(article, None, Vec::new()).unwrap();
    let byte = |s: &str| article_text.find(s).unwrap();
    let claim = byte("Minister")..byte(" after");
    let source = byte("Minister")..byte(" said");
    let overlapping = byte("port")..byte(" repairs") + " repairs".len();
    let c1 = doc
        .annotations
        .add(&doc.article, Kind::Claim, claim.clone());
    let s1 = doc
        .annotations
        .add(&doc.article, Kind::Source, source.clone());
    let c2 = doc
        .annotations
        .add(&doc.article, Kind::Claim, overlapping.clone());
    assert!(doc.entities.iter().any(|e| e.name == "Ana Lopes"));

    let page = html::export(&doc, "mono").unwrap();
    let html = parse(&page);
    for (id, range) in [(&c1, claim), (&s1, source), (&c2, overlapping)] {
        let shown: String = select(&html, &format!("article [data-id='{id}']"))
            .iter()
            .map(|e| text(e))
            .collect();
        assert_eq!(shown, article_text[range], "{id}");
        assert_eq!(select(&html, &format!("#{id}")).len(), 1, "{id} has one id");
    }
    let nested = select(&html, "#c1 #s1 .entity.person");
    assert_eq!(text(&nested[0]), "Ana Lopes");
    assert_eq!(
        text(&select(&html, "#c1 #c2")[0]),
        "port “will reopen in May”"
    );
    assert_eq!(
        text(&select(&html, "[data-id='c2'].continued")[0]),
        " after repairs"
    );
}

#[test]
fn a_theme_is_named_or_read_from_a_file_and_an_unknown_one_is_an_error() {
    let doc = ferry();
    let err = html::export(&doc, "sepia").unwrap_err().to_string();
    assert!(
        err.starts_with("theme sepia: no built-in theme has that name"),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    let theme = dir.path().join("red.toml");
    std::fs::write(&theme, "[styles]\nclaim = { fg = \"#ff0000\" }\n").unwrap();
    let page = html::export(&doc, theme.to_str().unwrap()).unwrap();
    assert!(page.contains(".claim { color: #ff0000;"), "{page}");
    std::fs::write(&theme, "[styles]\nclaim = { fg = \"rouge\" }\n").unwrap();
    let err = html::export(&doc, theme.to_str().unwrap()).unwrap_err();
    assert!(
        err.to_string().ends_with(
            "red.toml is broken at line 2, column 16: style `claim` has an unknown colour `rouge`"
        ),
        "{err}"
    );
    // Without colour, claims are still underlined and sources boxed.
    let mono = html::export(&doc, "mono").unwrap();
    assert!(
        mono.contains(".claim { text-decoration-line: underline;"),
        "{mono}"
    );
    assert!(
        mono.contains(".source { font-weight: bold; border: 1px solid;"),
        "{mono}"
    );
    let style = &mono[mono.find("<style>").unwrap()..mono.find("</style>").unwrap()];
    assert!(!style.contains('#'), "mono names no colour: {style}");
}

#[test]
fn the_page_renders_in_chromium() {
    if !Path::new("/usr/bin/chromium").exists() {
        println!("skipped: /usr/bin/chromium is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("ferry.html");
    std::fs::write(&page, html::export(&ferry(), "default").unwrap()).unwrap();
    let png = dir.path().join("ferry.png");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/render-html");
    let output = Command::new(script)
        .args([&page, &png])
        .arg("900")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let picture = std::fs::read(&png).unwrap();
    assert!(picture.len() > 10_000, "{} bytes", picture.len());
    assert_eq!(&picture[..8], b"\x89PNG\r\n\x1a\n");
}
