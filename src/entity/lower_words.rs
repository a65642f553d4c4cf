//! The words an article writes in lower case somewhere ("several", "later"): when such a
//! word is capitalised at the start of a sentence, it is not a name.

use rustc_hash::FxHashSet;

use crate::article::short_words::{packed, packed_in, word_bytes};

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
            // The first letter says whether the word is in lower case.
            let lower = if b < 0x80 {
                i += 1;
                b.is_ascii_lowercase()
            } else {
                let c = text[i..].chars().next().expect("char boundary");
                i += c.len_utf8();
                if !c.is_alphanumeric() {
                    continue; // a non-ASCII character that is not a letter
                }
                c.is_lowercase()
            };
            // The rest of the word: ASCII letters and digits sixteen bytes at a time.
            while i < bytes.len() {
                i += word_bytes(bytes, i, b"");
                if i == bytes.len() || bytes[i] < 0x80 {
                    break;
                } else {
                    let c = text[i..].chars().next().expect("char boundary");
                    if !c.is_alphanumeric() {
                        break;
                    }
                    i += c.len_utf8();
                }
            }
            if lower {
                match packed_in(text, start..i) {
                    Some(key) => words.short.insert(key),
                    None => words.long.insert(&text[start..i]),
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
