//! Conversion between byte offsets (how Rust slices text) and character offsets
//! (Unicode scalar values, how the sidecar, brat and the W3C selectors count).

/// Checkpoints every `STEP` bytes make either conversion cost at most one short
/// scan, so a lookup is as cheap on a 15 MB article as on a 4 KB one.
const STEP: usize = 1024;

#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    /// (byte offset, char offset) pairs at char boundaries, ascending.
    checkpoints: Vec<(usize, usize)>,
    /// True when every char is one byte: both conversions are the identity.
    ascii: bool,
    chars: usize,
    bytes: usize,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        let mut chars = text.len();
        if !ascii {
            // Count characters a block at a time: every byte that is not a UTF-8
            // continuation byte starts one.
            let bytes = text.as_bytes();
            checkpoints.reserve(text.len() / STEP + 1);
            chars = 0;
            let mut at = 0;
            while at < bytes.len() {
                checkpoints.push((at, chars));
                let mut end = (at + STEP).min(bytes.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                chars += bytes[at..end].iter().filter(|&&b| starts_char(b)).count();
                at = end;
            }
        }
        CharIndex {
            checkpoints,
            ascii,
            chars,
            bytes: text.len(),
        }
    }

    /// Number of characters in the text.
    pub fn len_chars(&self) -> usize {
        self.chars
    }

    /// The character offset of a byte offset (which must be a char boundary).
    pub fn char_of(&self, text: &str, byte: usize) -> usize {
        if self.ascii || byte == 0 {
            return byte;
        }
        if byte >= self.bytes {
            return self.chars;
        }
        let at = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (b, c) = self.checkpoints[at];
        c + text[b..byte].chars().count()
    }

    /// The byte offset of a character offset; offsets past the end give the text's length.
    pub fn byte_of(&self, text: &str, char: usize) -> usize {
        if self.ascii {
            return char.min(self.bytes);
        }
        if char >= self.chars {
            return self.bytes;
        }
        let at = self.checkpoints.partition_point(|&(_, c)| c <= char) - 1;
        let (b, c) = self.checkpoints[at];
        b + char_start(&text.as_bytes()[b..], char - c)
    }
}

/// Whether a byte of UTF-8 text starts a character (is not a continuation byte).
fn starts_char(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

/// Byte offset of character `n` of UTF-8 `bytes` (their length if they have no more).
fn char_start(bytes: &[u8], mut n: usize) -> usize {
    // Whole blocks are skipped by counting their character starts, which the compiler
    // vectorises (a block's count fits a byte); decoding character by character costs
    // many times as much.
    const BLOCK: usize = 64;
    let mut at = 0;
    for block in bytes.chunks_exact(BLOCK) {
        let starts = block
            .iter()
            .fold(0u8, |sum, &b| sum + u8::from(starts_char(b)));
        let starts = usize::from(starts);
        if starts > n {
            break;
        }
        n -= starts;
        at += BLOCK;
    }
    for (i, &byte) in bytes[at..].iter().enumerate() {
        if starts_char(byte) {
            if n == 0 {
                return at + i;
            }
            n -= 1;
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_scalar_values_not_bytes() {
        let text = "Zoë met 陈伟 👋🏽 at café";
        let index = CharIndex::new(text);
        assert_eq!(index.len_chars(), text.chars().count());
        for (char_at, (byte_at, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_of(text, byte_at), char_at);
            assert_eq!(index.byte_of(text, char_at), byte_at);
        }
        assert_eq!(index.byte_of(text, index.len_chars()), text.len());
    }

    #[test]
    fn char_start_crosses_blocks() {
        let text = "aé陈👋".repeat(40);
        for (char_at, (byte_at, _)) in text.char_indices().enumerate() {
            assert_eq!(char_start(text.as_bytes(), char_at), byte_at);
        }
        assert_eq!(char_start(text.as_bytes(), 160), text.len());
        assert_eq!(char_start(text.as_bytes(), 1000), text.len());
    }

    #[test]
    fn long_text_crosses_checkpoints() {
        let text = "é".repeat(5000) + "x";
        let index = CharIndex::new(&text);
        assert_eq!(index.char_of(&text, 10000), 5000);
        assert_eq!(index.byte_of(&text, 4321), 8642);
    }
}
