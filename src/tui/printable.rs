//! What a piece of text shows as on screen. An article, a note or a file name may hold
//! control characters, among them escape sequences that would clear the screen, set the
//! window title or write to the clipboard (OSC 52) if they reached the terminal. They are
//! drawn as visible placeholders instead; the text itself, and every offset into it, stay
//! as they are.
//!
//! - C0 controls (U+0000–U+001F) show as their Unicode Control Picture: ESC as `␛`,
//!   BEL as `␇`, NUL as `␀`; DEL (U+007F) as `␡`.
//! - C1 controls (U+0080–U+009F), which have no picture, show as `�`.
//! - The bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
//!   could reorder what the terminal shows, show as `⇆`.
//! - Tabs advance to the next multiple of [`TAB_STOP`] cells in the article pane, and are
//!   one space elsewhere; line breaks inside a paragraph or a one-line label are a space.

use std::borrow::Cow;

use ratatui::buffer::Buffer;

/// Tab stops in the article pane are this many cells apart.
pub const TAB_STOP: usize = 4;

/// The placeholder drawn for a character that must not reach the terminal, if it is one.
pub fn placeholder(c: char) -> Option<char> {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('␡'),
        '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some('⇆'),
        _ => None,
    }
}

fn needs_care(c: char) -> bool {
    placeholder(c).is_some()
}

/// A one-line label as it may be drawn: line breaks and tabs are spaces, other controls
/// placeholders.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_care) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\n' | '\t' | '\r' => ' ',
                _ => placeholder(c).unwrap_or(c),
            })
            .collect(),
    )
}

/// One grapheme of an article as drawn (tabs aside, which the article pane expands by
/// column): a line break is a space, a control character its placeholder.
pub fn visible(grapheme: &str) -> Cow<'_, str> {
    if grapheme == "\n" || grapheme == "\r\n" || grapheme == "\r" || grapheme == "\t" {
        Cow::Borrowed(" ")
    } else {
        printable(grapheme)
    }
}

/// The last line of defence, run on every finished frame: any cell whose symbol still
/// holds a control character (from a widget that does not go through [`printable`]) gets
/// placeholders instead.
pub fn guard(buf: &mut Buffer) {
    for cell in &mut buf.content {
        let symbol = cell.symbol().as_bytes();
        // Most cells hold one printable ASCII character; a character that needs care is
        // below the space, DEL, or starts with one of these bytes.
        let plain = match symbol {
            [b] => (b' '..b'\x7f').contains(b),
            _ => !symbol
                .iter()
                .any(|&b| b < b' ' || matches!(b, 0x7f | 0xc2 | 0xe2)),
        };
        if !plain && cell.symbol().chars().any(needs_care) {
            let shown: String = cell
                .symbol()
                .chars()
                .map(|c| placeholder(c).unwrap_or(c))
                .take(1)
                .collect();
            cell.set_symbol(&shown);
        }
    }
}

#[cfg(test)]
mod tests {
    use unicode_width::UnicodeWidthStr;

    use super::*;

    #[test]
    fn escape_sequences_become_visible_pictures() {
        assert_eq!(printable("a\x1b]0;t\x07b"), "a␛]0;t␇b");
        assert_eq!(printable("\u{9b}2J\u{7f}"), "\u{fffd}2J␡");
        assert_eq!(printable("x\u{202e}y\u{2066}"), "x⇆y⇆");
    }

    #[test]
    fn every_placeholder_takes_one_cell() {
        for c in (0..0xa0).chain(0x202a..0x202f).chain(0x2066..0x206a) {
            let Some(shown) = char::from_u32(c).and_then(placeholder) else {
                continue;
            };
            assert_eq!(shown.to_string().width(), 1, "placeholder of U+{c:04X}");
        }
    }

    #[test]
    fn ordinary_text_is_not_copied() {
        assert!(matches!(printable("Vance said 陈伟 👋🏽"), Cow::Borrowed(_)));
    }
}
