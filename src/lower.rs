//! Words in lower case for list look-ups, without a heap copy for most words.
//!
//! Entity detection looks up the capitalised words of an article in word lists, many
//! times each. Copying each to the heap to lower its case cost more than the look-ups; a
//! word of up to 30 bytes is lowered in place instead.

use std::fmt;
use std::ops::Deref;

use arrayvec::ArrayString;

/// The longest word (in bytes, lowered) kept without the heap.
const INLINE: usize = 30;

/// A word in lower case: borrowed when it already is, held in place when it is short,
/// and copied to the heap otherwise. Reads as a `&str`.
#[derive(Clone)]
pub enum LowerCase<'a> {
    Borrowed(&'a str),
    Inline(ArrayString<INLINE>),
    Owned(String),
}

/// `word` in lower case, as [`str::to_lowercase`] has it.
pub fn lower_case(word: &str) -> LowerCase<'_> {
    if !word.is_ascii() {
        return lower_case_unicode(word);
    }
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return LowerCase::Borrowed(word);
    }
    match ArrayString::from(word) {
        Ok(mut inline) => {
            inline.make_ascii_lowercase();
            LowerCase::Inline(inline)
        }
        Err(_) => LowerCase::Owned(word.to_ascii_lowercase()),
    }
}

fn lower_case_unicode(word: &str) -> LowerCase<'_> {
    // Final sigma depends on what surrounds it: the standard library knows how.
    if word.contains('Σ') {
        return LowerCase::Owned(word.to_lowercase());
    }
    // One character at a time, in place; whether any changed (a character may change
    // without being a capital: "ǅ" is a title-case letter).
    let mut inline = ArrayString::<INLINE>::new();
    let mut changed = false;
    let mut room = true;
    for c in word.chars() {
        let mut lower = c.to_lowercase();
        changed |= lower.len() != 1 || lower.clone().next() != Some(c);
        if room {
            room = lower.all(|l| inline.try_push(l).is_ok());
        } else if changed {
            break;
        }
    }
    match (changed, room) {
        (false, _) => LowerCase::Borrowed(word),
        (true, true) => LowerCase::Inline(inline),
        (true, false) => LowerCase::Owned(word.to_lowercase()),
    }
}

impl LowerCase<'_> {
    pub fn as_str(&self) -> &str {
        self
    }
}

impl Deref for LowerCase<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            LowerCase::Borrowed(word) => word,
            LowerCase::Inline(word) => word,
            LowerCase::Owned(word) => word,
        }
    }
}

impl AsRef<str> for LowerCase<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

impl PartialEq<&str> for LowerCase<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

impl PartialEq<str> for LowerCase<'_> {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl PartialEq for LowerCase<'_> {
    fn eq(&self, other: &LowerCase) -> bool {
        **self == **other
    }
}

impl fmt::Debug for LowerCase<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn lowers_any_text_as_the_standard_library_does(word in "[A-Za-z .'-]{0,40}|\\PC{0,40}") {
            prop_assert_eq!(&*lower_case(&word), word.to_lowercase());
        }
    }

    #[test]
    fn lowers_names_as_the_standard_library_does() {
        let long = "A".repeat(INLINE + 1);
        for word in [
            "oslo",
            "Oslo",
            "NCFU",
            "",
            "Ærø",
            "ærø",
            "ΣΟΦΙΑ",
            "İstanbul",
            "ǅemal",
            &long,
            "Per-Arne",
        ] {
            assert_eq!(&*lower_case(word), word.to_lowercase(), "{word}");
        }
    }

    #[test]
    fn copies_only_long_words_to_the_heap() {
        assert!(matches!(lower_case("said"), LowerCase::Borrowed(_)));
        assert!(matches!(lower_case("Said"), LowerCase::Inline { .. }));
        assert!(matches!(lower_case("Ærø"), LowerCase::Inline(_)));
        assert!(matches!(lower_case("ærø"), LowerCase::Borrowed(_)));
        let long = "Ærø".repeat(INLINE);
        assert!(matches!(lower_case(&long), LowerCase::Owned(_)));
    }
}
