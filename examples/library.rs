//! sidenote as a library: open an article, tag a claim and the source it comes from,
//! link the two, and print the lossless JSON export.
//!
//!     cargo run --example library [ARTICLE]
//!
//! ARTICLE may be text, Markdown or HTML; without one, `examples/demo.txt` is used. The
//! claim is the first statement the article attributes to someone ("…," said X), and the
//! source is X. Nothing is written to disk: call `doc.save()` to keep the annotations in
//! the article's sidecar.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sidenote::annotation::Kind;
use sidenote::document::Document;
use sidenote::export::{self, Format, Options, Output};

/// The article with its first attributed statement tagged as a claim, linked to its
/// speaker tagged as a source, as `export --format json` writes it.
fn claim_with_its_source(article: &Path) -> Result<String, Box<dyn std::error::Error>> {
    // The article, its entities and whatever its sidecar already holds.
    let mut doc = Document::open(article, None)?;

    // The suggestions find "X said" and the like; take the first one.
    let suggestions = sidenote::suggest::suggest(&doc.article, &doc.entities);
    let attribution = suggestions
        .attributions
        .first()
        .ok_or_else(|| format!("{} attributes nothing to anyone", article.display()))?;

    // Annotations are placed by byte ranges of the article's text.
    let claim = doc
        .annotations
        .add(&doc.article, Kind::Claim, attribution.range.clone());
    let source = doc.annotations.add(
        &doc.article,
        Kind::Source,
        attribution.speaker.range.clone(),
    );
    doc.annotations.link(&claim, &source);
    doc.annotations
        .set_entity(&source, attribution.speaker.entity.clone());
    doc.annotations.edit(&claim, |c| {
        c.verdict = Some("unverified".to_string());
        c.note = Some("Ask the desk for the underlying figures.".to_string());
    });

    match export::render(&doc, Format::Json, &Options::default())? {
        Output::One(json) => Ok(json),
        Output::Brat { .. } => unreachable!("only brat has two files"),
    }
}

fn main() -> ExitCode {
    let article = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo.txt"));
    match claim_with_its_source(&article) {
        Ok(json) => {
            print!("{json}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("library example: {err}");
            ExitCode::FAILURE
        }
    }
}

// `cargo test` runs these (the example has `test = true` in Cargo.toml).
#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn example(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(name)
    }

    /// The export has one claim linked to one source, and each quote is the article's
    /// text at the exported character offsets.
    fn check(article: &Path) {
        let json: Value = serde_json::from_str(&claim_with_its_source(article).unwrap()).unwrap();
        let text = sidenote::article::Article::load(article)
            .unwrap()
            .text()
            .to_string();
        let annotations = json["annotations"].as_array().unwrap();
        let claim = annotations.iter().find(|a| a["kind"] == "claim").unwrap();
        let source = annotations.iter().find(|a| a["kind"] == "source").unwrap();
        assert_eq!(claim["sources"], serde_json::json!([source["id"]]));
        assert_eq!(claim["verdict"], "unverified");
        for a in [claim, source] {
            let (start, end) = (a["start"].as_u64().unwrap(), a["end"].as_u64().unwrap());
            let quote: String = text
                .chars()
                .skip(start as usize)
                .take((end - start) as usize)
                .collect();
            assert_eq!(a["text"], quote);
        }
    }

    #[test]
    fn the_demo_gets_a_claim_linked_to_its_source() {
        check(&example("demo.txt"));
    }

    #[test]
    fn a_markdown_article_works_the_same() {
        check(&example("ferry-fares.md"));
    }
}
