//! Words of a sentence, with what detection needs to know about each.

use std::ops::Range;

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
}

impl<'a> Token<'a> {
    /// Starts with an upper-case letter ("Vance", "NCFU", "Ærø").
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// At least two letters, all upper case ("NCFU", "OSLO").
    pub fn is_all_caps(&self) -> bool {
        let letters = self.text.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2
            && self
                .text
                .chars()
                .all(|c| !c.is_alphabetic() || c.is_uppercase())
    }

    /// The word in lower case without a final full stop, for list lookups.
    pub fn key(&self) -> String {
        self.text.trim_end_matches('.').to_lowercase()
    }
}

/// The words of `text` (a sentence starting at byte `base` of the article).
pub fn tokenize(text: &str, base: usize) -> Vec<Token<'_>> {
    let mut tokens: Vec<Token> = Vec::new();
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    let mut gap_start = 0;
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, next)) = chars.peek() {
            if next.is_alphanumeric() || is_mark(next) {
                chars.next();
                end = i + next.len_utf8();
            } else if matches!(next, '\'' | '’' | '-' | '‐' | '.') {
                // Inside a word only when a letter or digit follows; "Oslo-based" is two
                // words so that "Oslo" can be a name on its own.
                let after = text[i + next.len_utf8()..].chars().next();
                let lower_suffix = matches!(next, '-' | '‐')
                    && c.is_uppercase()
                    && after.is_some_and(char::is_lowercase);
                if after.is_some_and(char::is_alphanumeric) && !lower_suffix {
                    chars.next();
                    end = i + next.len_utf8();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let word = &text[start..end];
        if bytes.get(end) == Some(&b'.') && takes_full_stop(word) {
            chars.next();
            end += 1;
        } else if word.ends_with(['s', 'S']) && plural_possessive(&text[end..]) {
            // "Workers' Union": the apostrophe belongs to the word.
            let (_, mark) = chars.next().expect("checked by plural_possessive");
            end += mark.len_utf8();
        }
        let gap = &text[gap_start..start];
        let joined = !tokens.is_empty()
            && gap.chars().all(char::is_whitespace)
            && gap.matches('\n').count() <= 1;
        tokens.push(Token {
            text: &text[start..end],
            range: base + start..base + end,
            joined,
        });
        gap_start = end;
    }
    tokens
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
