//! Bytes → the sidecar parser and its checks, against a fixed article. Whatever the bytes,
//! parsing returns a sidecar or a clean error; a sidecar that parses is written out again
//! and that text parses to the same annotations, and writing it once more changes nothing.

#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use sidenote::Error;
use sidenote::anchor::Placement;
use sidenote::article::Article;
use sidenote::sidecar::{self, Loaded};

/// The export fixture: accents, an emoji with a joiner, curly quotes, a `<3`.
static ARTICLE: LazyLock<Article> = LazyLock::new(|| {
    Article::from_text(
        Path::new("ferry.txt"),
        include_str!("../../tests/fixtures/export/ferry.txt"),
    )
});

fuzz_target!(|bytes: &[u8]| {
    let article = &*ARTICLE;
    let path = Path::new("ferry.txt.sidenote.toml");
    let loaded = match sidecar::parse(path, bytes, article) {
        Ok(loaded) => loaded,
        Err(Error::BadSidecar { line, column, .. }) => {
            assert!(line >= 1 && column >= 1);
            return;
        }
        Err(Error::SidecarVersion { .. }) => return,
        Err(other) => panic!("parsing gave an unexpected error: {other:?}"),
    };
    check_placements(article, &loaded);

    let text = save(article, &loaded);
    let again = match sidecar::parse(path, text.as_bytes(), article) {
        Ok(again) => again,
        Err(err) => panic!("a sidecar sidenote wrote does not parse: {err}\n{text}"),
    };
    assert!(!again.article_changed, "written for this article");
    assert_eq!(placements(&loaded), placements(&again), "{text}");
    assert_eq!(loaded.corrections, again.corrections);
    assert_eq!(
        save(article, &again),
        text,
        "a second write changes nothing"
    );
});

fn save(article: &Article, loaded: &Loaded) -> String {
    sidecar::serialise(
        article,
        &loaded.annotations,
        &loaded.corrections,
        &loaded.rejected,
    )
}

/// Every annotation and rejection, by id, with where it sits.
fn placements(loaded: &Loaded) -> Vec<(String, Placement)> {
    let mut all: Vec<(String, Placement)> = loaded
        .annotations
        .iter()
        .map(|a| (a.id.clone(), a.placement.clone()))
        .collect();
    all.extend(
        loaded
            .rejected
            .iter()
            .map(|r| (format!("{:?}", r.kind), r.placement.clone())),
    );
    all
}

fn check_placements(article: &Article, loaded: &Loaded) {
    let text = article.text();
    let rejected = loaded.rejected.iter().map(|r| (&r.anchor, &r.placement));
    let annotations = loaded.annotations.iter().map(|a| (&a.anchor, &a.placement));
    for (anchor, placement) in annotations.chain(rejected) {
        if let Placement::At(range) = placement {
            let found = text.get(range.clone());
            assert!(found.is_some(), "{range:?} is not a range of the text");
            let fit = anchor.fit(placement, article);
            if fit != sidenote::anchor::Fit::Fuzzy {
                assert_eq!(found, Some(anchor.quote.as_str()));
            }
        }
    }
}
