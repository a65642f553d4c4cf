//! From a file's bytes to text: refuse what is not text, and say where it stops being
//! UTF-8 (or replace what is not, when the user asked for that).

use std::path::Path;

use crate::error::{Error, Result};

/// How bytes that are not UTF-8 are treated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Decoding {
    /// They are an error naming the byte offset.
    #[default]
    Strict,
    /// They become U+FFFD REPLACEMENT CHARACTER, and the article opens.
    Lossy,
}

/// How far into a file to look for signs of a binary file, as git does.
const SNIFF: usize = 8000;

/// The article's text, or why these bytes are not an article.
pub(super) fn text(path: &Path, bytes: Vec<u8>, decoding: Decoding) -> Result<String> {
    if let Some(kind) = binary(&bytes) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            kind,
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) if decoding == Decoding::Lossy => {
            Ok(String::from_utf8_lossy(err.as_bytes()).into_owned())
        }
        Err(err) => Err(Error::NotUtf8 {
            path: path.to_path_buf(),
            offset: err.utf8_error().valid_up_to(),
        }),
    }
}

/// What kind of non-text file this is, if it is not text: UTF-16 (named, since it is
/// text a user can convert), or binary (a NUL byte, or mostly control bytes, near the
/// start).
fn binary(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Some("UTF-16 text, which sidenote cannot read (convert it to UTF-8)");
    }
    let head = &bytes[..bytes.len().min(SNIFF)];
    if head.contains(&0) {
        return Some("a binary file, not text (it has NUL bytes)");
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    // Text has the odd stray control byte; a file where one byte in ten is one is not text.
    (controls * 10 > head.len()).then_some("a binary file, not text (it is mostly control bytes)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_with_a_stray_escape_is_still_text() {
        assert_eq!(binary(b"The vote \x1b[2J was held on Monday."), None);
    }

    #[test]
    fn nul_bytes_and_control_soup_are_binary() {
        assert!(binary(b"PK\x03\x04\x00\x00").is_some());
        assert!(binary(b"\x01\x02\x03\x04abc").is_some());
    }
}
