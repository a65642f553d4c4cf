//! The article's title and date, read from its first paragraphs.

/// The months in English, in lower case, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Words that may introduce a dateline: "Published March 3, 2025", "Updated: 3 March 2025".
const DATE_LEADS: &[&str] = &["published", "updated", "posted", "first published", "date"];

/// A title is a short first paragraph that does not end like a sentence.
pub fn is_title(paragraph: &str) -> bool {
    let text = paragraph.trim();
    !text.is_empty()
        && text.chars().count() <= 120
        && !text.contains('\n')
        && !text.ends_with(['.', '!', '?', ',', ';', ':', '…'])
}

/// A calendar date as written in a dateline, with its ISO form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The date as the article writes it, e.g. "March 3, 2025".
    pub text: String,
    /// The same date as YYYY-MM-DD.
    pub iso: String,
}

/// Recognise a short paragraph that gives the article's date, such as
/// "Published March 3, 2025 · By Ingrid Holm", "3 March 2025" or "2025-03-03".
pub fn dateline(paragraph: &str) -> Option<Dateline> {
    let text = paragraph.trim();
    if text.chars().count() > 120 || text.contains('\n') {
        return None;
    }
    let lower = text.to_lowercase();
    let mut rest = lower.as_str();
    let mut offset = 0;
    for lead in DATE_LEADS {
        if let Some(after) = rest.strip_prefix(lead) {
            let trimmed = after.trim_start_matches([':', ' ', '\t']);
            offset += rest.len() - trimmed.len();
            rest = trimmed;
            break;
        }
    }
    let (len, iso) = parse_date(rest)?;
    Some(Dateline {
        text: text
            .get(offset..offset + len)
            .unwrap_or(&lower[offset..offset + len])
            .to_string(),
        iso,
    })
}

/// Parse a date at the start of `text` (lowercase). Returns its length in bytes and ISO form.
fn parse_date(text: &str) -> Option<(usize, String)> {
    let words: Vec<(usize, &str)> = word_spans(text).take(3).collect();
    let month_of = |word: &str| {
        MONTHS
            .iter()
            .position(|m| *m == word || (word.len() >= 3 && m.starts_with(word)))
            .map(|m| m + 1)
    };
    let number = |word: &str| word.parse::<u32>().ok();
    let iso = |y: u32, m: usize, d: u32| {
        (1..=31)
            .contains(&d)
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
            .filter(|_| (1000..=9999).contains(&y))
    };
    match words.as_slice() {
        // March 3, 2025
        [(_, m), (_, d), (end, y), ..] if month_of(m).is_some() => {
            let out = iso(number(y)?, month_of(m)?, number(d)?)?;
            Some((end + y.len(), out))
        }
        // 3 March 2025
        [(_, d), (_, m), (end, y), ..] if month_of(m).is_some() => {
            let out = iso(number(y)?, month_of(m)?, number(d)?)?;
            Some((end + y.len(), out))
        }
        // 2025-03-03 (ASCII, so that the byte slices below cut no character in two)
        [(start, w), ..]
            if *start == 0 && w.len() == 10 && w.is_ascii() && w.as_bytes()[4] == b'-' =>
        {
            let (y, m, d) = (number(&w[0..4])?, number(&w[5..7])?, number(&w[8..10])?);
            let out = iso(
                y,
                usize::try_from(m).ok().filter(|m| (1..=12).contains(m))?,
                d,
            )?;
            Some((10, out))
        }
        _ => None,
    }
}

/// Words of a date line with their byte offsets; commas and full stops separate words.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive([' ', ',', '.'])
        .scan(0, |pos, piece| {
            let start = *pos;
            *pos += piece.len();
            Some((start, piece.trim_end_matches([' ', ',', '.'])))
        })
        .filter(|(_, w)| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_in_common_shapes() {
        let d = dateline("Published March 3, 2025 · By Ingrid Holm").unwrap();
        assert_eq!(
            (d.text.as_str(), d.iso.as_str()),
            ("March 3, 2025", "2025-03-03")
        );
        assert_eq!(dateline("3 Sept. 2024").unwrap().iso, "2024-09-03");
        assert_eq!(dateline("Updated: 2026-11-02").unwrap().iso, "2026-11-02");
        assert_eq!(dateline("The vote was held on March 3, 2025."), None);
    }

    #[test]
    fn titles_are_short_and_unpunctuated() {
        assert!(is_title("Harbour vote delayed as council splits"));
        assert!(!is_title("The council delayed the vote."));
    }
}
