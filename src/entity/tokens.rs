//! Words of a sentence, with what detection needs to know about each.

use std::borrow::Cow;
use std::ops::Range;

use crate::article::short_words::word_bytes;

/// One word. Apostrophes, hyphens and full stops inside a word belong to it
/// ("O'Brien", "Per-Arne", "U.S"), except a lower-case suffix after a capitalised word
/// ("Oslo-based" is "Oslo" and "based"); a full stop after an initial or an abbreviation
/// ("J.", "Dr.", "U.S.") is included in the word.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub text: &'a str,
    pub range: Range<usize>,
    /// Only spaces (at most one line break) separate it from the previous word.
    pub joined: bool,
    /// See [`Token::is_capitalised`]: decided once, as the word is found, for it is asked
    /// of every word, and of many more than once.
    capitalised: bool,
}

impl<'a> Token<'a> {
    /// Starts with an upper-case letter ("Vance", "NCFU", "Ærø").
    /// An elided particle before a capital counts too: "d'Ivoire", "l'Aquila", and so
    /// does the Arabic article: "al-Harthy", "el-Sayed", "ash-Shami", and a Gaelic
    /// mutation: "t-Saoir".
    pub fn is_capitalised(&self) -> bool {
        self.capitalised
    }

    fn decide_capitalised(text: &str) -> bool {
        // Most words are decided by their first bytes: a capital A to Z, or a small letter
        // other than d and l with no hyphen after it within three bytes.
        let bytes = text.as_bytes();
        match bytes.first() {
            Some(b) if b.is_ascii_uppercase() => return true,
            Some(&b)
                if b.is_ascii_lowercase()
                    && b != b'd'
                    && b != b'l'
                    // Not short-circuited: three compares cost less than a loop's
                    // mispredicted exit.
                    && !((bytes.get(1) == Some(&b'-'))
                        | (bytes.get(2) == Some(&b'-'))
                        | (bytes.get(3) == Some(&b'-'))) =>
            {
                return false;
            }
            _ => {}
        }
        let mut chars = text.chars();
        match chars.next() {
            Some(c) if c.is_uppercase() => true,
            Some('d' | 'l') if matches!(chars.clone().next(), Some('\'' | '’')) => {
                chars.nth(1).is_some_and(char::is_uppercase)
            }
            // Cheap test first: most words are lower case with no hyphen near the start.
            Some(_) if !text.as_bytes()[1..text.len().min(4)].contains(&b'-') => false,
            Some(_) => ARABIC_ARTICLES.iter().any(|article| {
                text.strip_prefix(article)
                    .and_then(|rest| rest.strip_prefix(['-', '‐']))
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(char::is_uppercase)
            }),
            None => false,
        }
    }

    /// At least two capital letters and no small ones ("NCFU", "OSLO", "NUKUʻALOFA": a
    /// modifier letter such as the ʻokina is neither).
    pub fn is_all_caps(&self) -> bool {
        self.text.chars().filter(|c| c.is_uppercase()).count() >= 2
            && !self.text.chars().any(char::is_lowercase)
    }

    /// The word in lower case without a final full stop, for list lookups. Most words
    /// are already lower case and are borrowed, not copied.
    pub fn key(&self) -> Cow<'a, str> {
        let word = self.text.trim_end_matches('.');
        if word.chars().any(char::is_uppercase) {
            Cow::Owned(word.to_lowercase())
        } else {
            Cow::Borrowed(word)
        }
    }
}

/// The Arabic article as English news writes it before a name, assimilated or not.
const ARABIC_ARTICLES: &[&str] = &[
    "al", "el", "ad", "adh", "ar", "as", "ash", "at", "ath", "az", "an",
    // Gaelic's mutated initials: "Nic an t-Saoir", "na h-Alba".
    "t", "h", "n",
];

/// The words of `text` (a sentence starting at byte `base` of the article).
pub fn tokenize(text: &str, base: usize) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    tokenize_into(text, base, &mut tokens);
    tokens
}

/// [`tokenize`] into a vector that is cleared first, so one allocation serves many sentences.
pub fn tokenize_into<'a>(text: &'a str, base: usize, tokens: &mut Vec<Token<'a>>) {
    tokens.clear();
    let bytes = text.as_bytes();
    let mut gap_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Spaces and punctuation between words, skipped without decoding.
        let b = bytes[i];
        if b < 0x80 && !b.is_ascii_alphanumeric() && b != b'&' {
            i += 1;
            continue;
        }
        let (first, len) = char_at(text, i);
        if first == '&' {
            // "Harcourt Bauer & Co": the ampersand joins names like "and".
            push(tokens, text, base, gap_start, i, i + 1);
            gap_start = i + 1;
            i += 1;
            continue;
        }
        if !first.is_alphanumeric() {
            i += len;
            continue;
        }
        let start = i;
        let mut end = i + len;
        loop {
            // Plain ASCII letters and digits, the bulk of any word, sixteen bytes at a time.
            end += word_bytes(bytes, end, b"");
            if end == bytes.len() {
                break;
            }
            let (next, len) = char_at(text, end);
            if next.is_alphanumeric() || is_mark(next) {
                end += len;
            } else if matches!(next, '\'' | '’' | '-' | '‐' | '.') {
                // Inside a word only when a letter or digit follows; "Oslo-based" is two
                // words so that "Oslo" can be a name on its own.
                let Some(after) = text[end + len..].chars().next() else {
                    break;
                };
                // ... but "Trás-os-Montes" and "Pointe-des-Monts" go on to a capital.
                let lower_suffix = matches!(next, '-' | '‐')
                    && first.is_uppercase()
                    && after.is_lowercase()
                    && !lower_part_then_capital(&text[end + len..])
                    && !hyphenated_given_name(text, start, end + len);
                if after.is_alphanumeric() && !lower_suffix {
                    end += len;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let word = &text[start..end];
        if bytes.get(end) == Some(&b'.') && takes_full_stop(word) {
            end += 1;
        } else if word.ends_with(['s', 'S']) && plural_possessive(&text[end..]) {
            // "Workers' Union": the apostrophe belongs to the word.
            end += char_at(text, end).1;
        }
        push(tokens, text, base, gap_start, start, end);
        gap_start = end;
        i = end;
    }
}

/// A given name whose second part is in lower case: "Chia-hao", "Yu-ting", or two short
/// syllables as Korean and Chinese names are written ("Ji-ho", "Seo-yeon"), but not a
/// place with an English suffix ("Kyiv-led", "Bonn-born"); `second` is the byte where the
/// second part starts.
fn hyphenated_given_name(text: &str, start: usize, second: usize) -> bool {
    let rest = &text[second..];
    let part = rest.len() - rest.trim_start_matches(char::is_alphabetic).len();
    let first_len = text[start..second - 1].chars().count();
    let second_part = &rest[..part];
    let syllables = (2..=4).contains(&first_len)
        && (2..=4).contains(&second_part.chars().count())
        && !ENGLISH_SUFFIXES.contains(&second_part);
    syllables || super::lexicon::lexicon().is_given_name(&text[start..second + part])
}

/// Short English words written after a hyphen to make an adjective of a name.
const ENGLISH_SUFFIXES: &[&str] = &[
    "led", "run", "born", "made", "held", "free", "wide", "like", "type", "size", "long", "era",
    "area", "only", "less", "bred", "year", "old", "day", "week", "term", "time", "mile", "foot",
    "page", "hour", "base", "fed", "tied", "up", "in", "out", "off", "on", "bond", "rich", "poor",
    "hit", "ship", "side", "town", "city", "zone", "wise", "ward", "set", "bid", "deal", "plan",
    "act", "law", "tax", "cap", "war", "men", "man",
];

/// A lower-case part of a hyphenated name followed by a capitalised one: "os-Montes".
fn lower_part_then_capital(rest: &str) -> bool {
    let part = rest.len() - rest.trim_start_matches(|c: char| c.is_lowercase()).len();
    let mut after = rest[part..].chars();
    matches!(after.next(), Some('-' | '‐')) && after.next().is_some_and(char::is_uppercase)
}

/// Add the word `start..end`, joined to the previous one if only spaces (and at most one
/// line break) lie between.
fn push<'a>(
    tokens: &mut Vec<Token<'a>>,
    text: &'a str,
    base: usize,
    gap_start: usize,
    start: usize,
    end: usize,
) {
    let gap = &text[gap_start..start];
    let joined = !tokens.is_empty()
        && match gap.as_bytes() {
            b" " => true,
            bytes if bytes.is_ascii() => {
                bytes.iter().all(u8::is_ascii_whitespace)
                    && bytes.iter().filter(|&&b| b == b'\n').count() <= 1
            }
            _ => gap.chars().all(char::is_whitespace) && gap.matches('\n').count() <= 1,
        };
    let word = &text[start..end];
    tokens.push(Token {
        text: word,
        range: base + start..base + end,
        joined,
        capitalised: Token::decide_capitalised(word),
    });
}

/// The character at a byte offset and its length; ASCII without decoding.
fn char_at(text: &str, at: usize) -> (char, usize) {
    let b = text.as_bytes()[at];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = text[at..].chars().next().expect("at a char boundary");
    (c, c.len_utf8())
}

/// A word without a possessive ending: "Vance's" → "Vance", "Workers'" → "Workers".
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix(['\'', '’']))
        .unwrap_or(word)
}

/// An apostrophe followed by a space, as in "the Workers' Union".
fn plural_possessive(rest: &str) -> bool {
    let mut chars = rest.chars();
    matches!(chars.next(), Some('\'' | '’')) && chars.next().is_some_and(|c| c == ' ')
}

/// Combining marks continue a word (a decomposed "é").
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{20d0}'..='\u{20ff}')
}

/// An initial ("J"), a dotted abbreviation ("U.S") or a short title ("Dr", "Mr", "St").
fn takes_full_stop(word: &str) -> bool {
    let mut letters = word.chars();
    let first = letters.next();
    let single = first.is_some_and(char::is_uppercase) && letters.next().is_none();
    let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() == 1);
    single || dotted || super::lexicon::is_abbreviated_title(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_marks_and_abbreviation_stops() {
        let words: Vec<&str> = tokenize(
            "Dr. J. O'Brien, U.S.-based Oslo-based Per-Arne's 3.5 ok.",
            0,
        )
        .into_iter()
        .map(|t| t.text)
        .collect();
        assert_eq!(
            words,
            [
                "Dr.",
                "J.",
                "O'Brien",
                "U.S.",
                "based",
                "Oslo",
                "based",
                "Per-Arne's",
                "3.5",
                "ok"
            ]
        );
    }
}
