//! Words in lower case for list look-ups, without a heap copy for most words.
//!
//! Entity detection and suggestions look up every capitalised word of an article in a
//! word list. Copying each one to the heap to lower its case was a tenth of their time on
//! a long article; a short ASCII word is lowered in place instead.

use std::fmt;
use std::ops::Deref;

use arrayvec::ArrayString;

/// The longest word lowered without the heap.
const INLINE: usize = 30;

/// A word in lower case: borrowed when it already is, held in place when it is short
/// ASCII, and copied to the heap otherwise. Reads as a `&str`.
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
    // A character may change without being a capital: "ǅ" is a title-case letter.
    let unchanged = |c: char| {
        let mut lower = c.to_lowercase();
        lower.next() == Some(c) && lower.next().is_none()
    };
    if word.chars().all(unchanged) {
        LowerCase::Borrowed(word)
    } else {
        LowerCase::Owned(word.to_lowercase())
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
    fn copies_only_words_that_are_long_or_not_ascii() {
        assert!(matches!(lower_case("said"), LowerCase::Borrowed(_)));
        assert!(matches!(lower_case("Said"), LowerCase::Inline { .. }));
        assert!(matches!(lower_case("Ærø"), LowerCase::Owned(_)));
    }
}
