//! Which kind of file an article is, and how Markdown and HTML become sidenote's plain
//! article text: a title paragraph, a dateline when the date or the author is known, then
//! the paragraphs, separated by blank lines. Every offset (sidecar, exports, interface)
//! counts in that extracted text, never in the Markdown or HTML source.

use std::path::Path;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::{html, markdown};

/// The kind of file an article is read from, told by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// Plain text, taken as it is (any extension not listed below).
    Text,
    /// `.md`, `.markdown`: reduced to its text by [`pulldown_cmark`].
    Markdown,
    /// `.html`, `.htm`: the readable article extracted from the page.
    Html,
}

impl FileFormat {
    /// The format of a file, from its extension (case does not matter).
    pub fn of(path: &Path) -> FileFormat {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("md" | "markdown") => FileFormat::Markdown,
            Some("html" | "htm") => FileFormat::Html,
            _ => FileFormat::Text,
        }
    }

    /// The plain article text of a file's contents in this format.
    pub fn extract(self, source: &str) -> String {
        self.extract_article(source).text
    }

    pub(super) fn extract_article(self, source: &str) -> Extracted {
        match self {
            FileFormat::Text => Extracted {
                text: source.to_string(),
                has_title: false,
            },
            FileFormat::Markdown => markdown::extract(source).assemble(),
            FileFormat::Html => html::extract(source).assemble(),
        }
    }
}

/// The text made from a Markdown or HTML file, and whether its first paragraph is the
/// title the file declared (a heading, `<h1>`, `og:title`), whatever it looks like.
pub(super) struct Extracted {
    pub text: String,
    pub has_title: bool,
}

/// What a Markdown or HTML reader found, before it is laid out as article text.
#[derive(Debug, Default)]
pub(super) struct Parts {
    pub title: Option<String>,
    /// A calendar date as YYYY-MM-DD, or a date as the page writes it.
    pub date: Option<String>,
    pub author: Option<String>,
    pub paragraphs: Vec<String>,
}

impl Parts {
    /// End the paragraph being built in `current`, if it has any text.
    pub fn push(&mut self, current: &mut String) {
        let paragraph = clean(current);
        current.clear();
        if !paragraph.is_empty() {
            self.paragraphs.push(paragraph);
        }
    }

    fn assemble(mut self) -> Extracted {
        let title = self
            .title
            .take()
            .map(|t| one_line(&t))
            .filter(|t| !t.is_empty());
        let has_title = title.is_some();
        if let Some(title) = &title {
            // A page repeats its headline in the body; it is already the title.
            if let Some(i) = self.near_top(|p| p == title) {
                self.paragraphs.remove(i);
            }
        }
        let mut author = self
            .author
            .take()
            .map(|a| strip_by(&one_line(&a)).to_string());
        author = author.filter(|a| !a.is_empty());
        // A date sidenote can read, or none: "OSLO (Reuters) -" is no date.
        let date = self
            .date
            .take()
            .map(|d| human_date(&d))
            .filter(|d| super::meta::dateline(d).is_some());
        if date.is_some() && author.is_none() {
            // "By Ingrid Holm" under the headline joins the dateline.
            if let Some(i) = self.near_top(|p| is_byline(p, None)) {
                author = Some(strip_by(&self.paragraphs.remove(i)).to_string());
            }
        }
        if let Some(author) = &author
            && let Some(i) = self.near_top(|p| is_byline(p, Some(author)))
        {
            self.paragraphs.remove(i);
        }
        if let Some(iso) = date
            .as_deref()
            .and_then(super::meta::dateline)
            .map(|d| d.iso)
            && let Some(i) =
                self.near_top(|p| super::meta::dateline(p).is_some_and(|d| d.iso == iso))
        {
            self.paragraphs.remove(i);
        }
        let dateline = match (date, author) {
            (Some(date), Some(author)) => Some(format!("Published {date} · By {author}")),
            (Some(date), None) => Some(format!("Published {date}")),
            (None, Some(author)) => Some(format!("By {author}")),
            (None, None) => None,
        };
        let blocks: Vec<String> = title
            .into_iter()
            .chain(dateline)
            .chain(self.paragraphs)
            .collect();
        let mut text = blocks.join("\n\n");
        if !text.is_empty() {
            text.push('\n');
        }
        Extracted { text, has_title }
    }

    /// The first of the top four paragraphs that `wanted` picks.
    fn near_top(&self, wanted: impl Fn(&str) -> bool) -> Option<usize> {
        self.paragraphs.iter().take(4).position(|p| wanted(p))
    }
}

/// A set of words written as one string separated by white space, read once.
pub(super) struct Words {
    text: &'static str,
    set: OnceLock<FxHashSet<&'static str>>,
}

impl Words {
    pub const fn new(text: &'static str) -> Words {
        Words {
            text,
            set: OnceLock::new(),
        }
    }

    pub fn has(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.text.split_whitespace().collect())
            .contains(word)
    }
}

/// A paragraph's text with runs of spaces and tabs made one space, each line trimmed and
/// blank lines dropped, so that a paragraph never splits in two.
pub(super) fn clean(text: &str) -> String {
    text.lines()
        .map(|line| {
            line.split([' ', '\t'])
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|line| !line.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text on one line with single spaces.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "By Ingrid Holm" → "Ingrid Holm".
fn strip_by(author: &str) -> &str {
    let lower = author.get(..3).map(str::to_ascii_lowercase);
    match lower.as_deref() {
        Some("by ") => author[3..].trim_start(),
        _ => author,
    }
}

/// A short "By Ingrid Holm" paragraph (by `author`, when given).
fn is_byline(paragraph: &str, author: Option<&str>) -> bool {
    let name = strip_by(paragraph);
    name.len() < paragraph.len()
        && paragraph.chars().count() <= 100
        && !paragraph.contains('\n')
        && !paragraph.ends_with(['.', '!', '?'])
        && author.is_none_or(|a| name.starts_with(a))
}

/// "2025-03-03" or "2025-03-03T10:00:00Z" → "March 3, 2025"; any other text as it is.
fn human_date(date: &str) -> String {
    let date = one_line(date);
    let bytes = date.as_bytes();
    let iso = bytes.len() >= 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && (bytes.len() == 10 || matches!(bytes[10], b'T' | b't' | b' '));
    let parsed = iso
        .then(|| {
            let year: u32 = date[0..4].parse().ok()?;
            let month: usize = date[5..7].parse().ok()?;
            let day: u32 = date[8..10].parse().ok()?;
            let name = super::meta::MONTHS.get(month.checked_sub(1)?)?;
            (1..=31).contains(&day).then(|| {
                let mut chars = name.chars();
                let first = chars.next().map(|c| c.to_ascii_uppercase());
                format!("{}{} {day}, {year}", first.unwrap_or(' '), chars.as_str())
            })
        })
        .flatten();
    parsed.unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_the_extension() {
        assert_eq!(FileFormat::of(Path::new("a/b.MD")), FileFormat::Markdown);
        assert_eq!(FileFormat::of(Path::new("page.htm")), FileFormat::Html);
        assert_eq!(FileFormat::of(Path::new("notes.txt")), FileFormat::Text);
        assert_eq!(FileFormat::of(Path::new("README")), FileFormat::Text);
    }

    #[test]
    fn iso_dates_are_written_out() {
        assert_eq!(human_date("2025-03-03T10:00:00+01:00"), "March 3, 2025");
        assert_eq!(human_date("2026-11-30"), "November 30, 2026");
        assert_eq!(human_date("3 March 2025"), "3 March 2025");
        assert_eq!(human_date("2025-13-03"), "2025-13-03");
    }

    #[test]
    fn the_dateline_joins_date_and_author() {
        let parts = Parts {
            title: Some("Harbour  vote\ndelayed".into()),
            date: Some("2025-03-03".into()),
            author: Some("By Ingrid Holm".into()),
            paragraphs: vec!["By Ingrid Holm".into(), "The council met.".into()],
        };
        assert_eq!(
            parts.assemble().text,
            "Harbour vote delayed\n\nPublished March 3, 2025 · By Ingrid Holm\n\nThe council met.\n"
        );
    }
}
