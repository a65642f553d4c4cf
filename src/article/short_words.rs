//! Short ASCII words as numbers. Entity detection and suggestions look every word of an
//! article up in a set or a word list: a word of up to 16 ASCII bytes kept as a `u128` is
//! hashed and compared whole, with no string comparison.
//!
//! A word is read from the article as one 16-byte load and masked to its length, and it is
//! checked for ASCII and lowered with arithmetic on all sixteen bytes at once. A copy of a
//! varying length, or a loop over the letters, costs a mispredicted branch or two for each
//! of the millions of words of a long article.

use std::ops::Range;

/// The top bit of every byte: set only in bytes that are not ASCII.
const HIGH_BITS: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
/// One in every byte.
const ONES: u128 = 0x0101_0101_0101_0101_0101_0101_0101_0101;

/// `text[range]` as a number, its bytes in order (the first in the lowest byte), when it is
/// ASCII and at most 16 bytes long. No word has a zero byte, so words of different lengths
/// never share a number.
pub fn packed_in(text: &str, range: Range<usize>) -> Option<u128> {
    let len = range.len();
    if len > 16 {
        return None;
    }
    if len == 0 {
        return Some(0);
    }
    let bytes = text.as_bytes();
    // Nearly every word has sixteen bytes of text after its start.
    let raw = match bytes.get(range.start..range.start + 16) {
        Some(window) => u128::from_le_bytes(window.try_into().expect("sixteen bytes")),
        None => {
            let mut padded = [0u8; 16];
            padded[..len].copy_from_slice(&bytes[range]);
            u128::from_le_bytes(padded)
        }
    };
    let word = raw & (u128::MAX >> (128 - 8 * len));
    (word & HIGH_BITS == 0).then_some(word)
}

/// `word` as a number (see [`packed_in`]).
pub fn packed(word: &str) -> Option<u128> {
    packed_in(word, 0..word.len())
}

/// A packed word with its capitals A to Z in lower case.
pub fn lowered(word: u128) -> u128 {
    // 0x80 >> 2 is 0x20, the bit that makes a capital small.
    word | (in_range(word, b'A', b'Z') >> 2)
}

/// How many bytes of `bytes` from `at` on are ASCII letters or digits or one of `also`:
/// the ASCII part of a word, read sixteen bytes at a time. Counting one byte at a time
/// costs a mispredicted branch at nearly every word's end.
pub fn word_bytes(bytes: &[u8], at: usize, also: &[u8]) -> usize {
    let mut n = 0;
    while let Some(block) = bytes.get(at + n..at + n + 16) {
        let block = u128::from_le_bytes(block.try_into().expect("sixteen bytes"));
        let stops = !in_words(block, also) & HIGH_BITS;
        if stops != 0 {
            return n + (stops.trailing_zeros() / 8) as usize;
        }
        n += 16;
    }
    n + bytes[at + n..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || also.contains(b))
        .count()
}

/// The top bit set in each byte of `block` that is an ASCII letter or digit or in `also`.
fn in_words(block: u128, also: &[u8]) -> u128 {
    let ascii = !block & HIGH_BITS;
    let low = block & !HIGH_BITS;
    // A letter of either case is a small letter once the 0x20 bit is set.
    let mut words = in_range(low | (ONES * 0x20), b'a', b'z') | in_range(low, b'0', b'9');
    for &byte in also {
        words |= in_range(low, byte, byte);
    }
    words & ascii
}

/// The top bit set in each byte of `block` from `first` to `last`; every byte of `block`
/// must be ASCII. Adding to a byte below 0x80 never carries into the next one: the top
/// bit of `byte + 0x80 - first` is set when the byte is at least `first`, and that of
/// `byte + 0x80 - last - 1` when it is past `last`.
fn in_range(block: u128, first: u8, last: u8) -> u128 {
    let from_first = block + ONES * u128::from(0x80 - first);
    let past_last = block + ONES * u128::from(0x80 - last - 1);
    from_first & !past_last & HIGH_BITS
}

/// A map from packed words to bits, read without a branch on whether the word is in it:
/// each word sits in one of two slots that its hash names, and both are read. A hash map's
/// probe goes one way for a word it holds and another for one it does not, and the
/// processor cannot foresee which; the suggestion rules ask about every word.
pub struct WordTable {
    keys: Vec<u128>,
    values: Vec<u32>,
    /// 64 less the number of bits in a slot's index.
    shift: u32,
    seed: u64,
}

impl WordTable {
    /// A table of these words and their bits; a word given twice has the bits of both.
    pub fn new(entries: impl IntoIterator<Item = (u128, u32)>) -> WordTable {
        let mut merged: Vec<(u128, u32)> = Vec::new();
        for (key, value) in entries {
            match merged.iter_mut().find(|(k, _)| *k == key) {
                Some((_, bits)) => *bits |= value,
                None => merged.push((key, value)),
            }
        }
        // At most half full, where two choices nearly always find room, and small enough
        // to stay in the processor's nearest cache.
        let mut bits = 4;
        while (1usize << bits) < 2 * merged.len() {
            bits += 1;
        }
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        loop {
            if let Some(table) = WordTable::build(&merged, bits, seed) {
                return table;
            }
            // Another hash, and after every few, more room.
            seed = seed.wrapping_mul(0xbf58_476d_1ce4_e5b9).wrapping_add(2) | 1;
            bits += u32::from(seed % 4 == 1);
        }
    }

    /// The bits of `key`; 0 when it is not in the table.
    pub fn get(&self, key: u128) -> u32 {
        let (a, b) = self.slots(key);
        let found =
            |slot: usize| self.values[slot] & u32::from(self.keys[slot] == key).wrapping_neg();
        found(a) | found(b)
    }

    fn slots(&self, key: u128) -> (usize, usize) {
        let hash = ((key as u64) ^ ((key >> 64) as u64).rotate_left(32)).wrapping_mul(self.seed);
        let other = (hash ^ (hash >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        (
            (hash >> self.shift) as usize,
            (other >> self.shift) as usize,
        )
    }

    /// Cuckoo insertion: a word that finds both its slots taken moves another to its other
    /// slot. `None` when that goes round for too long.
    fn build(entries: &[(u128, u32)], bits: u32, seed: u64) -> Option<WordTable> {
        let mut table = WordTable {
            keys: vec![0; 1 << bits],
            values: vec![0; 1 << bits],
            shift: 64 - bits,
            seed,
        };
        'entries: for &(key, value) in entries {
            let (mut key, mut value) = (key, value);
            let mut slot = table.slots(key).0;
            for _ in 0..100 {
                std::mem::swap(&mut table.keys[slot], &mut key);
                std::mem::swap(&mut table.values[slot], &mut value);
                if key == 0 {
                    continue 'entries; // the slot was free
                }
                let (a, b) = table.slots(key);
                slot = if a == slot { b } else { a };
            }
            return None;
        }
        Some(table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The number a word should pack to, one byte at a time.
    fn by_bytes(word: &[u8]) -> u128 {
        word.iter()
            .rev()
            .fold(0, |number, &b| (number << 8) | u128::from(b))
    }

    #[test]
    fn words_in_text_pack_as_their_bytes_and_others_do_not() {
        let text = "Oslo said: internationalisation, Øresund and straße; ok";
        let at = |word: &str| {
            let start = text.find(word).unwrap();
            start..start + word.len()
        };
        assert_eq!(packed_in(text, at("Oslo")), Some(by_bytes(b"Oslo")));
        // At the very end, with fewer than 16 bytes after the start.
        assert_eq!(packed_in(text, at("ok")), Some(by_bytes(b"ok")));
        assert_eq!(packed_in(text, at("said")), packed("said"));
        assert_eq!(packed_in(text, at("internationalisation")), None);
        assert_eq!(packed_in(text, at("Øresund")), None);
        assert_eq!(packed_in(text, at("straße")), None);
        assert_ne!(packed("said"), packed("sai"));
    }

    #[test]
    fn lowering_changes_capitals_only() {
        let all: Vec<u8> = (1..0x80).collect();
        for chunk in all.chunks(16) {
            let word = by_bytes(chunk);
            assert_eq!(
                lowered(word),
                by_bytes(&chunk.to_ascii_lowercase()),
                "{chunk:?}"
            );
        }
    }

    #[test]
    fn word_bytes_stop_at_the_first_other_byte() {
        let text = "counter-intelligence, Øresund's 3.5bn ok".as_bytes();
        assert_eq!(word_bytes(text, 0, b""), "counter".len());
        assert_eq!(word_bytes(text, 0, b"-"), "counter-intelligence".len());
        assert_eq!(word_bytes(text, 0, b"-,"), "counter-intelligence,".len());
        assert_eq!(word_bytes(text, 22, b""), 0); // the Ø
        let three = text.iter().position(|&b| b == b'3').unwrap();
        assert_eq!(word_bytes(text, three, b"."), "3.5bn".len());
        assert_eq!(word_bytes(text, text.len() - 2, b""), 2);
        assert_eq!(word_bytes(text, text.len(), b""), 0);
    }

    proptest! {
        /// The table gives each word's bits, the bits of a word given twice ORed, and 0 for
        /// any word it was not given.
        #[test]
        fn a_word_table_holds_what_it_was_given(
            given in proptest::collection::vec(("[a-z]{1,16}", 1u32..), 0..400),
            asked in proptest::collection::vec("[a-z]{1,16}", 0..50),
        ) {
            let mut expected = std::collections::HashMap::new();
            for (word, bits) in &given {
                *expected.entry(packed(word).unwrap()).or_insert(0) |= bits;
            }
            let table = WordTable::new(given.iter().map(|(w, b)| (packed(w).unwrap(), *b)));
            for (key, bits) in &expected {
                prop_assert_eq!(table.get(*key), *bits);
            }
            for word in &asked {
                let key = packed(word).unwrap();
                prop_assert_eq!(table.get(key), expected.get(&key).copied().unwrap_or(0));
            }
        }

        /// Sixteen bytes at a time, the count is what a byte-by-byte count gives.
        #[test]
        fn word_bytes_count_as_one_byte_at_a_time_would(
            text in proptest::collection::vec(any::<u8>(), 0..80),
            words in "[a-zA-Z0-9]{0,40}",
            at in 0usize..120,
            also in proptest::collection::vec(any::<u8>().prop_filter("ASCII", u8::is_ascii), 0..4),
        ) {
            // Long runs of word bytes, with anything at all between them.
            let mut bytes = words.clone().into_bytes();
            bytes.extend(&text);
            bytes.extend(words.as_bytes());
            let at = at.min(bytes.len());
            let expected = bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || also.contains(b))
                .count();
            prop_assert_eq!(word_bytes(&bytes, at, &also), expected);

        }

        /// Any slice of any text packs as its own bytes, wherever it sits.
        #[test]
        fn a_slice_packs_as_a_copy_of_it_would(
            text in "[ -~éß]{0,40}",
            a in 0usize..48,
            b in 0usize..48,
        ) {
            let (start, end) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
            prop_assume!(text.is_char_boundary(start) && text.is_char_boundary(end));
            let word = &text[start..end];
            let expected = (word.len() <= 16 && word.is_ascii()).then(|| by_bytes(word.as_bytes()));
            prop_assert_eq!(packed_in(&text, start..end), expected);
            prop_assert_eq!(packed(word), expected);
            prop_assert_eq!(
                packed(word).map(lowered),
                (word.len() <= 16 && word.is_ascii())
                    .then(|| by_bytes(word.to_ascii_lowercase().as_bytes()))
            );
        }
    }
}
