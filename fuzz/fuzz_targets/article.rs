//! Bytes → the article loader: decoding (strict and lossy), normalisation, paragraphs,
//! sentences, title and date, the character index; then entity detection and the
//! suggestions that read the segmented text.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use sidenote::Error;
use sidenote::article::{Article, Decoding};

#[path = "checks.rs"]
mod checks;
use checks::check;

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("fuzz.txt");
    let strict = Article::from_bytes(path, bytes.to_vec(), Decoding::Strict);
    let lossy = Article::from_bytes(path, bytes.to_vec(), Decoding::Lossy);
    match (&strict, &lossy) {
        (Ok(strict), Ok(lossy)) => {
            assert!(std::str::from_utf8(bytes).is_ok());
            assert_eq!(strict.text(), lossy.text());
        }
        // Bytes that are not UTF-8: strict names where they stop being text, lossy opens.
        (Err(Error::NotUtf8 { offset, .. }), Ok(_)) => {
            let err = std::str::from_utf8(bytes).expect_err("strict refused valid UTF-8");
            assert_eq!(*offset, err.valid_up_to());
        }
        // Binary and UTF-16 files are refused however they are decoded.
        (Err(Error::Binary { .. }), Err(Error::Binary { .. })) => {}
        (strict, lossy) => panic!("strict {strict:?} but lossy {lossy:?}"),
    }
    if let Ok(article) = lossy {
        // One byte-order mark is dropped (a second one is text), and line ends become LF.
        let decoded = String::from_utf8_lossy(bytes);
        let body = decoded.strip_prefix('\u{feff}').unwrap_or(&decoded);
        assert_eq!(
            article.text(),
            body.replace("\r\n", "\n").replace('\r', "\n")
        );
        // A plain text's title is a first paragraph with more after it.
        assert!(
            article
                .title_paragraph()
                .is_none_or(|_| article.paragraphs().len() > 1)
        );
        check(&article);
    }
});
