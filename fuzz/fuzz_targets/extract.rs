//! Bytes → a Markdown or an HTML article (the first byte chooses): the readable text is
//! extracted (HTML parsed, boilerplate dropped, entities decoded; Markdown reduced to its
//! text), then segmented, detected and suggested on like any article.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use sidenote::article::{Article, Decoding};

#[path = "checks.rs"]
mod checks;

fuzz_target!(|bytes: &[u8]| {
    let Some((&choice, rest)) = bytes.split_first() else {
        return;
    };
    let path = Path::new(if choice % 2 == 0 {
        "fuzz.html"
    } else {
        "fuzz.md"
    });
    let Ok(article) = Article::from_bytes(path, rest.to_vec(), Decoding::Lossy) else {
        return; // binary or UTF-16: refused as for any article
    };
    // What was extracted is plain article text with LF line ends, which then holds every
    // property of an article read from a text file.
    assert!(!article.text().contains('\r'), "a CR in the extracted text");
    checks::check(&article);
});
