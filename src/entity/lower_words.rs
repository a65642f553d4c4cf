//! The words an article writes in lower case somewhere ("several", "later"): when such a
//! word is capitalised at the start of a sentence, it is not a name.

use rustc_hash::FxHashSet;

/// Every lower-case word of a text, as written. A 15 MB article has millions of words and
/// each is looked up as it is added, so short ASCII words, nearly all of them, are kept as
/// numbers: hashed and compared whole, with no string comparison.
pub(super) struct LowerCaseWords<'a> {
    short: FxHashSet<u128>,
    long: FxHashSet<&'a str>,
}

impl<'a> LowerCaseWords<'a> {
    /// The words of `text` that start with a lower-case letter.
    pub(super) fn of(text: &'a str) -> LowerCaseWords<'a> {
        let mut words = LowerCaseWords {
            short: FxHashSet::default(),
            long: FxHashSet::default(),
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Skip to the start of a word, then take the word whole.
            let b = bytes[i];
            if b < 0x80 && !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let start = i;
            let mut lower = None;
            while i < bytes.len() {
                let b = bytes[i];
                if b < 0x80 {
                    if !b.is_ascii_alphanumeric() {
                        break;
                    }
                    lower.get_or_insert(b.is_ascii_lowercase());
                    i += 1;
                } else {
                    let c = text[i..].chars().next().expect("char boundary");
                    if !c.is_alphanumeric() {
                        break;
                    }
                    lower.get_or_insert(c.is_lowercase());
                    i += c.len_utf8();
                }
            }
            if i == start {
                // A non-ASCII character that is not a letter.
                i += text[i..].chars().next().map_or(1, char::len_utf8);
            } else if lower == Some(true) {
                let word = &text[start..i];
                match packed(word) {
                    Some(key) => words.short.insert(key),
                    None => words.long.insert(word),
                };
            }
        }
        words
    }

    /// Whether the text writes `word` (as given: lower case) somewhere.
    pub(super) fn contains(&self, word: &str) -> bool {
        match packed(word) {
            Some(key) => self.short.contains(&key),
            None => self.long.contains(word),
        }
    }
}

/// An ASCII word of up to 16 bytes as a number, its bytes in order. No word has a zero
/// byte, so words of different lengths never share a number.
fn packed(word: &str) -> Option<u128> {
    if word.len() > 16 || !word.is_ascii() {
        return None;
    }
    let mut bytes = [0u8; 16];
    bytes[..word.len()].copy_from_slice(word.as_bytes());
    Some(u128::from_le_bytes(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_written_in_lower_case_of_any_length_and_script() {
        let words = LowerCaseWords::of(
            "Several ministers said later that the counter-intelligence services, \
             Øresund's ferries and the straße were Unchanged; internationalisation too.",
        );
        for word in [
            "later",
            "ministers",
            "straße",
            "internationalisation",
            "counter",
        ] {
            assert!(words.contains(word), "{word}");
        }
        // Capitalised here, so no evidence that they are ordinary words.
        for word in ["several", "unchanged", "øresund", "late", ""] {
            assert!(!words.contains(word), "{word}");
        }
    }
}
