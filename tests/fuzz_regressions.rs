//! Inputs the fuzz targets (`fuzz/`) found to break sidenote, each kept here with what it
//! must do now. The inputs are written out, so these run with a plain `cargo test`.

use std::path::Path;

use sidenote::anchor::Placement;
use sidenote::article::{Article, Decoding};
use sidenote::sidecar;
use sidenote::{Error, entity, suggest};

fn article(text: &str) -> Article {
    Article::from_text(Path::new("fuzz.txt"), text)
}

/// Suggestions for a text, checking that every range is one of the text's.
fn suggestions(text: &str) -> suggest::Suggestions {
    let article = article(text);
    let entities = entity::detect(&article);
    let found = suggest::suggest(&article, &entities);
    for a in &found.attributions {
        assert!(article.text().get(a.range.clone()).is_some());
        assert!(article.text().get(a.speaker.range.clone()).is_some());
    }
    for c in found.claims.iter() {
        assert!(article.text().get(c.range.clone()).is_some());
    }
    found
}

#[test]
fn a_sentence_ending_with_told_suggests_nothing_about_it() {
    // "told" as the last word has no listener after it: looking past one went out of the
    // sentence's words.
    for text in [
        "Berg told.",
        "Berg told",
        "\"It was regrettable,\" said Berg. Berg told.",
        "The minister later told.\n\nShe tells.",
        "Asked about the fares, Carvalho-Müller urged.",
    ] {
        let found = suggestions(text);
        assert!(
            found.attributions.iter().all(|a| a.rule != "reported"),
            "{text}: {:?}",
            found.attributions
        );
    }
    // With a listener and a clause, it is still a reported statement.
    let found = suggestions("Berg told reporters that the vote on the harbour was delayed.");
    assert!(found.attributions.iter().any(|a| a.rule == "reported"));
}

/// A sidecar for `article.txt` with one annotation whose table ends with `range`.
fn sidecar_with(range: &str) -> String {
    format!(
        "format = \"sidenote/1\"\n\n[article]\nfile = \"fuzz.txt\"\nfingerprint = \"blake3:00\"\n\
         offsets = \"chars\"\n\n[[annotation]]\nid = \"c2\"\nkind = \"claim\"\n\
         quote = \"two keepers would live on the island\"\n{range}\n"
    )
}

#[test]
fn an_annotation_with_only_one_end_is_refused_naming_the_place() {
    // It loaded, but was orphaned with `end = 0` and written back as a range that ends
    // before it starts, which the next load refused.
    let article = article(
        "The county council said on Tuesday that two keepers would live on the island again.",
    );
    let path = Path::new("fuzz.txt.sidenote.toml");
    for (range, line, expected) in [
        ("start = 331", 12, "annotation c2 has a start but no end"),
        (
            "end = 131",
            9,
            "annotation c2 has an end (at 131) but no start",
        ),
    ] {
        let text = sidecar_with(range);
        match sidecar::parse(path, text.as_bytes(), &article) {
            Err(Error::BadSidecar {
                line: at, message, ..
            }) => {
                assert_eq!((at, message.as_str()), (line, expected), "{text}");
            }
            other => panic!("{range}: {other:?}"),
        }
    }
    // Both ends, or neither (placed by its quote alone), still load and write back.
    for range in ["start = 40\nend = 76", ""] {
        let text = sidecar_with(range);
        let loaded = sidecar::parse(path, text.as_bytes(), &article).expect("loads");
        let [claim] = loaded.annotations.iter().collect::<Vec<_>>()[..] else {
            panic!("one annotation");
        };
        assert_eq!(claim.placement, Placement::At(40..76));
        let written = sidecar::serialise(&article, &loaded.annotations, &[], &[]);
        sidecar::parse(path, written.as_bytes(), &article).expect("what it wrote loads");
    }
}

#[test]
fn loading_bytes_that_are_not_utf8_names_the_offset_or_replaces_them() {
    let bytes = b"Caf\xe9 opened.".to_vec();
    let strict = Article::from_bytes(Path::new("a.txt"), bytes.clone(), Decoding::Strict);
    assert!(matches!(strict, Err(Error::NotUtf8 { offset: 3, .. })));
    let lossy = Article::from_bytes(Path::new("a.txt"), bytes, Decoding::Lossy).unwrap();
    assert_eq!(lossy.text(), "Caf\u{fffd} opened.");
}

#[test]
fn according_to_with_no_statement_or_a_dash_after_the_source() {
    // The statement was taken to start one byte after the source's end: past the end of
    // the sentence when nothing followed the source, inside a dash when one did.
    for text in [
        "According to the ministry.",
        "According to the ministry fficiing.\"",
        "\"It was regrettable,\" said Berg.\n\nAccording to the ministry.\"",
    ] {
        let found = suggestions(text);
        assert!(
            found.attributions.iter().all(|a| a.rule != "according-to"),
            "{text}: {:?}",
            found.attributions
        );
    }
    for (text, statement) in [
        (
            "According to the ministry — 1,200 meals were served.",
            "1,200 meals were served",
        ),
        (
            "According to the ministry–1,200 meals were served.",
            "1,200 meals were served",
        ),
        (
            "According to the ministry, 1,200 meals were served.",
            "1,200 meals were served",
        ),
    ] {
        let found = suggestions(text);
        let according = found
            .attributions
            .iter()
            .find(|a| a.rule == "according-to")
            .unwrap_or_else(|| panic!("{text}: {:?}", found.attributions));
        assert_eq!(&text[according.range.clone()], statement);
    }
}

#[test]
fn a_dateline_with_a_wide_character_inside_an_iso_date_is_no_date() {
    // A ten-byte word with a hyphen fifth was sliced as "YYYY-MM-DD" by bytes, cutting
    // the wide character in two.
    for line in [
        "2025-€03",
        "Published 2025-1€3",
        "Updated: 2025-03-€",
        "2025-0ü-03",
    ] {
        let article = article(&format!(
            "Harbour vote delayed\n\n{line}\n\nThe council met."
        ));
        assert_eq!(article.date(), None, "{line}");
        assert_eq!(article.paragraphs().len(), 3);
    }
    let article =
        article("Harbour vote delayed\n\nPublished 2025-03-04 · By Zoë\n\nThe council met.");
    assert_eq!(article.date().map(|d| d.iso.as_str()), Some("2025-03-04"));
}
