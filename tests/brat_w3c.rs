//! brat standoff and W3C Web Annotation exports: golden files of an article with curly
//! quotes, accents, emoji and markup-like text, and every offset checked against it.

use std::path::{Path, PathBuf};

use serde_json::Value;
use sidenote::document::Document;
use sidenote::export::{brat, w3c};
use tempfile::TempDir;

/// A copy of the export fixture (article and sidecar) in a fresh temporary folder.
fn ferry() -> (TempDir, PathBuf) {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export");
    let dir = tempfile::tempdir().expect("temporary folder");
    for name in ["ferry.txt", "ferry.txt.sidenote.toml"] {
        std::fs::copy(fixtures.join(name), dir.path().join(name)).expect("copy fixture");
    }
    let path = dir.path().join("ferry.txt");
    (dir, path)
}

/// The characters `start..end` of `text`, counted without the library's help.
fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// The annotations of the collection's first page.
fn items(collection: &Value) -> &Vec<Value> {
    collection["first"]["items"].as_array().expect("items")
}

fn selector<'a>(annotation: &'a Value, kind: &str) -> Option<&'a Value> {
    annotation["target"]["selector"]
        .as_array()?
        .iter()
        .find(|s| s["type"] == kind)
}

#[test]
fn brat_export_of_the_fixture() {
    let (_dir, path) = ferry();
    let doc = Document::open(&path, None).unwrap();
    let exported = brat::export(&doc);
    assert_eq!(exported.txt, doc.article.text());
    insta::assert_snapshot!(exported.ann);
}

#[test]
fn w3c_export_of_the_fixture() {
    let (_dir, path) = ferry();
    let doc = Document::open(&path, None).unwrap();
    let exported = w3c::export(&doc);
    insta::assert_snapshot!(serde_json::to_string_pretty(&exported).unwrap());
}

#[test]
fn every_brat_offset_slices_the_text_exactly() {
    let (_dir, path) = ferry();
    let doc = Document::open(&path, None).unwrap();
    let exported = brat::export(&doc);
    let mut spans = 0;
    let mut wide = 0;
    for line in exported.ann.lines().filter(|l| l.starts_with('T')) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "{line}");
        let offsets = fields[1].split_once(' ').unwrap().1;
        let pieces: Vec<String> = offsets
            .split(';')
            .map(|fragment| {
                let (start, end) = fragment.split_once(' ').unwrap();
                chars(&exported.txt, start.parse().unwrap(), end.parse().unwrap())
            })
            .collect();
        assert_eq!(pieces.join(" "), fields[2], "{line}");
        spans += 1;
        wide += usize::from(fields[2].chars().count() != fields[2].len());
    }
    // Claims, sources and entity mentions, many of them after accents and emoji.
    assert!(spans > 15, "{spans} T lines");
    assert!(wide >= 4, "{wide} spans with characters wider than a byte");
    for quote in [
        "👩‍🔬 Dr. Kofi Mensah-Lindqvist",
        "Navegação Atlântica & Filhos",
    ] {
        assert!(
            exported.ann.contains(&format!("\t{quote}\n")),
            "{quote} is a span"
        );
    }
}

#[test]
fn every_w3c_position_slices_the_text_to_its_quote() {
    let (_dir, path) = ferry();
    let doc = Document::open(&path, None).unwrap();
    let exported = w3c::export(&doc);
    let text = doc.article.text();
    let mut positioned = 0;
    for annotation in items(&exported) {
        let Some(position) = selector(annotation, "TextPositionSelector") else {
            continue;
        };
        let quote = selector(annotation, "TextQuoteSelector").expect("both selectors");
        let (start, end) = (
            position["start"].as_u64().unwrap() as usize,
            position["end"].as_u64().unwrap() as usize,
        );
        let exact = quote["exact"].as_str().unwrap();
        assert_eq!(chars(text, start, end), exact);
        let prefix = quote["prefix"].as_str().unwrap();
        let suffix = quote["suffix"].as_str().unwrap();
        assert!(chars(text, 0, start).ends_with(prefix), "{prefix:?}");
        assert!(
            chars(text, end, text.chars().count()).starts_with(suffix),
            "{suffix:?}"
        );
        positioned += 1;
    }
    assert_eq!(positioned, 9, "every annotation but the detached source");
    assert_eq!(items(&exported).len(), 10);
}

#[test]
fn a_detached_source_is_kept_in_both_formats() {
    let (_dir, path) = ferry();
    let doc = Document::open(&path, None).unwrap();
    let ann = brat::export(&doc).ann;
    let t = ann
        .lines()
        .find(|l| l.ends_with("sidenote:s5\ts5"))
        .and_then(|l| l.split_whitespace().nth(2))
        .expect("s5 has a reference");
    assert!(ann.contains("\tSource 0 0\t\n"));
    assert!(ann.contains(&format!("\tDetached {t}\n")));
    assert!(ann.contains(&format!(
        "\tDescription {t}\ta phone call with the port captain, March 4\n"
    )));

    let exported = w3c::export(&doc);
    let s5 = items(&exported)
        .iter()
        .find(|a| a["id"] == "urn:sidenote:ferry.txt:s5")
        .unwrap();
    assert_eq!(s5["target"], "ferry.txt", "it targets the whole article");
    assert!(
        s5["body"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["purpose"] == "describing"
                && b["value"] == "a phone call with the port captain, March 4")
    );
}

#[test]
fn brat_verdicts_and_notes_stay_on_one_line() {
    let (_dir, path) = ferry();
    let mut doc = Document::open(&path, None).unwrap();
    doc.annotations
        .edit("c2", |a| a.verdict = Some("mostly true".into()));
    let ann = brat::export(&doc).ann;
    assert!(ann.contains("\tVerdict T4 mostly_true\n"), "{ann}");
    assert!(ann.contains(
        "\tAnnotatorNotes T2\tGovernment figures say 22%, not 38%.\\nAsk the company for its fuel invoices.\n"
    ));
    // No line of the .ann is anything but a brat annotation.
    for line in ann.lines() {
        assert!(
            line.split('\t').count() >= 2 && "TRAN#".contains(&line[..1]),
            "{line}"
        );
    }
}

#[test]
fn every_json_offset_slices_the_text_to_its_quote() {
    let (_dir, path) = ferry();
    let doc = Document::open(&path, None).unwrap();
    let exported = sidenote::export::export_json(&doc);
    let text = doc.article.text();
    let annotations = exported["annotations"].as_array().unwrap();
    let placed: Vec<&Value> = annotations
        .iter()
        .filter(|a| a["text"].is_string())
        .collect();
    assert_eq!(placed.len(), 9);
    for a in placed {
        let (start, end) = (a["start"].as_u64().unwrap(), a["end"].as_u64().unwrap());
        assert_eq!(
            chars(text, start as usize, end as usize),
            a["text"].as_str().unwrap()
        );
    }
}
