//! An article: its normalised text, paragraphs, sentences, title, date and fingerprint.
//!
//! Offsets inside the library are byte offsets into [`Article::text`]; the sidecar and
//! every output count characters, and [`Article::char_of`] / [`Article::byte_of`]
//! convert between the two.

mod chars;
mod decode;
mod format;
mod html;
mod markdown;
mod meta;
mod segment;
pub(crate) mod short_words;
mod tags;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub use chars::CharIndex;
pub use decode::Decoding;
pub use format::FileFormat;
pub use meta::Dateline;
pub(crate) use meta::MONTHS;
pub use segment::trim_range;

use crate::error::{Error, Result};

/// A block of text between blank lines longer than this is cut into paragraphs of whole
/// sentences, each at most this long (unless one sentence is longer). A text without blank
/// lines (a transcript, a page saved without line ends) would otherwise be one paragraph,
/// wrapped whole to be drawn: 0.4 s for 15 MB, at each new width.
pub const LONGEST_PARAGRAPH: usize = 16 * 1024;

/// How much of an HTML file [`Article::load_head`] reads at most, looking for text to show.
pub const HEAD_MAX: usize = 1024 * 1024;

/// The start of an article file, read as far as asked: asked for more, it reads on from
/// where it stopped rather than from the file's start again.
struct Head<'p> {
    path: &'p Path,
    file: std::fs::File,
    raw: Vec<u8>,
}

impl<'p> Head<'p> {
    fn open(path: &'p Path) -> Result<Head<'p>> {
        let file = std::fs::File::open(path).map_err(|cause| Head::error(path, cause))?;
        Ok(Head {
            path,
            file,
            raw: Vec::new(),
        })
    }

    fn error(path: &Path, cause: std::io::Error) -> Error {
        Error::ReadArticle {
            path: path.to_path_buf(),
            cause,
        }
    }

    /// The first `bytes` as text (a character cut in two at the end left out), and
    /// whether that is the whole file.
    fn text(&mut self, bytes: usize, decoding: Decoding) -> Result<(String, bool)> {
        use std::io::Read;
        // One byte more than asked says whether the file goes on.
        let more = (bytes + 1).saturating_sub(self.raw.len());
        (&mut self.file)
            .take(more as u64)
            .read_to_end(&mut self.raw)
            .map_err(|cause| Head::error(self.path, cause))?;
        let whole = self.raw.len() <= bytes;
        let mut head = self.raw[..self.raw.len().min(bytes)].to_vec();
        if let Err(err) = std::str::from_utf8(&head)
            && err.error_len().is_none()
        {
            head.truncate(err.valid_up_to());
        }
        Ok((decode::text(self.path, head, decoding)?, whole))
    }
}

/// A paragraph: a byte range of the text and the sentences in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub range: Range<usize>,
    /// Indices into [`Article::sentences`].
    pub sentences: Range<usize>,
}

/// A sentence: a byte range of the text and the paragraph it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    pub paragraph: usize,
}

#[derive(Debug, Clone)]
pub struct Article {
    path: PathBuf,
    text: String,
    paragraphs: Vec<Paragraph>,
    sentences: Vec<Sentence>,
    title: Option<usize>,
    date: Option<(usize, Dateline)>,
    /// Hashed when first asked for: the first part of a big article, shown while the whole
    /// loads, never is.
    fingerprint: OnceLock<String>,
    chars: CharIndex,
}

impl Article {
    /// Read an article file. A BOM and CRLF line ends are accepted; an empty file is an
    /// empty article. A binary file, or bytes that are not UTF-8, are an error.
    pub fn load(path: &Path) -> Result<Article> {
        Article::load_with(path, Decoding::Strict)
    }

    /// Read an article file, replacing bytes that are not UTF-8 with U+FFFD when
    /// `decoding` is [`Decoding::Lossy`].
    pub fn load_with(path: &Path, decoding: Decoding) -> Result<Article> {
        let bytes = std::fs::read(path).map_err(|source| Error::ReadArticle {
            path: path.to_path_buf(),
            cause: source,
        })?;
        Article::from_bytes(path, bytes, decoding)
    }

    /// Build an article from a file's bytes already in memory, decoded as
    /// [`Article::load_with`] decodes them; `path` is only used to name it.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>, decoding: Decoding) -> Result<Article> {
        let text = decode::text(path, bytes, decoding)?;
        if FileFormat::of(path) == FileFormat::Text {
            // Plain text is the article as it is: no copy of it is made.
            return Ok(Article::segmented(path, normalise_owned(text)));
        }
        Ok(Article::from_file_text(path, &text))
    }

    /// Build an article from a file's text in memory, read as its extension says
    /// ([`FileFormat`]): Markdown and HTML are reduced to their readable text first, and
    /// that text is the article every offset refers to.
    pub fn from_file_text(path: &Path, raw: &str) -> Article {
        let extracted = FileFormat::of(path).extract_article(raw);
        let mut article = Article::from_text(path, &extracted.text);
        // The file declared its title; it need not look like one.
        if extracted.has_title && article.date_paragraph() != Some(0) {
            article.title = article
                .title
                .or((!article.paragraphs.is_empty()).then_some(0));
        }
        article
    }

    /// The first paragraphs of an article file, about `bytes` of text, to show while the
    /// whole is loading. Plain text is cut after the last blank line (else the last line)
    /// within its first `bytes`. Markdown and HTML take more bytes than the text they hold,
    /// so more of the file is read, cut where a block ends (a blank line, a `</p>`), and
    /// its text extracted as the whole file's is: usually the start of the whole's text,
    /// but not always (a link defined further down, a sidebar that the whole page shows to
    /// be one), which the interface allows for. An HTML page whose first part holds too
    /// little text (a long head of scripts and styles) is read further, up to [`HEAD_MAX`].
    /// Returned with whether it is the whole article (an HTML page read to its end). A
    /// file that cannot be read, a binary one, or bytes that are not UTF-8 in that part are
    /// the same errors as [`Article::load_with`] gives.
    pub fn load_head(path: &Path, decoding: Decoding, bytes: usize) -> Result<(Article, bool)> {
        let format = FileFormat::of(path);
        let mut read = match format {
            FileFormat::Text => bytes,
            FileFormat::Markdown => bytes * 2,
            FileFormat::Html => (bytes * 4).max(64 * 1024),
        };
        let mut head = Head::open(path)?;
        loop {
            let (text, whole) = head.text(read, decoding)?;
            if format == FileFormat::Text {
                let text = normalise_owned(text);
                let cut = match text.rfind("\n\n") {
                    Some(at) if at > 0 => at,
                    _ => text.rfind('\n').unwrap_or(text.len()),
                };
                return Ok((Article::segmented(path, text[..cut].to_string()), false));
            }
            let cut = if whole {
                text.len()
            } else if format == FileFormat::Markdown {
                // The last blank line, with either line end.
                let blank = text.rfind("\n\n").max(text.rfind("\n\r\n"));
                blank.or(text.rfind('\n')).unwrap_or(text.len())
            } else {
                // After the last paragraph's end, else after the last tag.
                let paragraph = text.rfind("</p>").map(|at| at + "</p>".len());
                paragraph
                    .or(text.rfind('>').map(|at| at + 1))
                    .unwrap_or(text.len())
            };
            let article = Article::from_file_text(path, &text[..cut]);
            let enough = article.text.len() >= bytes || format == FileFormat::Markdown;
            if whole || enough || read >= HEAD_MAX {
                return Ok((article, whole));
            }
            read = (read * 2).min(HEAD_MAX);
        }
    }

    /// Build an article from text in memory; `path` is only used to name it.
    pub fn from_text(path: &Path, raw: &str) -> Article {
        Article::segmented(path, normalise(raw))
    }

    /// Split normalised text into paragraphs and sentences, and find the title and date.
    fn segmented(path: &Path, text: String) -> Article {
        let mut paragraphs = Vec::new();
        let mut sentences: Vec<Sentence> = Vec::new();
        for range in segment::paragraphs(&text) {
            let first = sentences.len();
            for sentence in segment::sentences(&text[range.clone()]) {
                let absolute = range.start + sentence.start..range.start + sentence.end;
                sentences.push(Sentence {
                    range: segment::trim_range(&text, absolute),
                    paragraph: paragraphs.len(),
                });
            }
            // A block too long to be one paragraph is cut between sentences.
            let (mut start, mut from) = (first, range.start);
            for next in first + 1..sentences.len() {
                if sentences[next].range.end - from > LONGEST_PARAGRAPH {
                    paragraphs.push(Paragraph {
                        range: from..sentences[next - 1].range.end,
                        sentences: start..next,
                    });
                    (start, from) = (next, sentences[next].range.start);
                }
                sentences[next].paragraph = paragraphs.len();
            }
            paragraphs.push(Paragraph {
                range: from..range.end,
                sentences: start..sentences.len(),
            });
        }
        let title = (paragraphs.len() > 1 && meta::is_title(&text[paragraphs[0].range.clone()]))
            .then_some(0);
        let first_body = title.map_or(0, |t| t + 1);
        let date = paragraphs
            .iter()
            .enumerate()
            .skip(first_body)
            .take(3)
            .find_map(|(i, p)| meta::dateline(&text[p.range.clone()]).map(|d| (i, d)));
        let chars = CharIndex::new(&text);
        Article {
            path: path.to_path_buf(),
            text,
            paragraphs,
            sentences,
            title,
            date,
            fingerprint: OnceLock::new(),
            chars,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The normalised text (no BOM, LF line ends) that every offset refers to.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// The paragraphs cut into up to `parts` runs of about as many bytes each, in order,
    /// for threads to share out: indices into [`Article::paragraphs`].
    pub fn paragraph_runs(&self, parts: usize) -> Vec<Range<usize>> {
        let share = self.text.len() / parts.max(1) + 1;
        let mut runs = Vec::with_capacity(parts);
        let mut start = 0;
        for (index, paragraph) in self.paragraphs.iter().enumerate() {
            if paragraph.range.end >= share * (runs.len() + 1) && runs.len() + 1 < parts {
                runs.push(start..index + 1);
                start = index + 1;
            }
        }
        runs.push(start..self.paragraphs.len());
        runs
    }

    /// How many threads share an article's analysis out when the caller has the machine to
    /// itself: one per processor, up to four. With two on this machine, the status bar said
    /// "Loaded" after 0.68 s instead of 1.08 s (medians of 24 runs), and `sidenote suggest`
    /// went from 2.1 to 1.7 s. Each thread keeps some memory: with eight, the interface's
    /// peak on 15 MB went over the budget of three times the file and 30 MB (74 MiB against
    /// 73; with four, 68 MiB).
    pub fn threads() -> usize {
        std::thread::available_parallelism().map_or(1, |n| usize::from(n).min(4))
    }

    /// `read` of each of up to `parts` runs of paragraphs ([`Article::paragraph_runs`]), in
    /// order: the first on this thread, each other on a thread of its own. `read` is told
    /// whether its run is the first. A panic on another thread goes on on this one.
    pub fn read_in_parts<T: Send>(
        &self,
        parts: usize,
        read: impl Fn(Range<usize>, bool) -> T + Sync,
    ) -> Vec<T> {
        let runs = self.paragraph_runs(parts);
        let read = &read;
        std::thread::scope(|scope| {
            let others: Vec<_> = runs[1..]
                .iter()
                .map(|run| scope.spawn(move || read(run.clone(), false)))
                .collect();
            let first = read(runs[0].clone(), true);
            std::iter::once(first)
                .chain(others.into_iter().map(|other| {
                    other
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                }))
                .collect()
        })
    }

    /// The title, when the first paragraph is short and unpunctuated.
    pub fn title(&self) -> Option<&str> {
        self.title.map(|i| self.paragraph_text(i))
    }

    /// Index of the title paragraph, if there is one.
    pub fn title_paragraph(&self) -> Option<usize> {
        self.title
    }

    /// The date from a dateline near the top, such as "Published March 3, 2025".
    pub fn date(&self) -> Option<&Dateline> {
        self.date.as_ref().map(|(_, d)| d)
    }

    /// Index of the dateline paragraph, if there is one.
    pub fn date_paragraph(&self) -> Option<usize> {
        self.date.as_ref().map(|(i, _)| *i)
    }

    /// "blake3:" and the hash of the normalised text.
    pub fn fingerprint(&self) -> &str {
        self.fingerprint
            .get_or_init(|| format!("blake3:{}", blake3::hash(self.text.as_bytes()).to_hex()))
    }

    pub fn paragraph_text(&self, index: usize) -> &str {
        &self.text[self.paragraphs[index].range.clone()]
    }

    pub fn sentence_text(&self, index: usize) -> &str {
        &self.text[self.sentences[index].range.clone()]
    }

    /// The paragraph containing a byte offset (the nearest one before it, between paragraphs).
    pub fn paragraph_at(&self, byte: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.range.start <= byte)
            .saturating_sub(1)
    }

    /// The sentence containing a byte offset (the nearest one before it, between sentences).
    pub fn sentence_at(&self, byte: usize) -> usize {
        self.sentences
            .partition_point(|s| s.range.start <= byte)
            .saturating_sub(1)
    }

    /// Character offset of a byte offset.
    pub fn char_of(&self, byte: usize) -> usize {
        self.chars.char_of(&self.text, byte)
    }

    /// Byte offset of a character offset (clamped to the end of the text).
    pub fn byte_of(&self, char: usize) -> usize {
        self.chars.byte_of(&self.text, char)
    }

    /// Length of the text in characters.
    pub fn len_chars(&self) -> usize {
        self.chars.len_chars()
    }
}

/// [`normalise`] text already owned: most text needs no change and is not copied.
fn normalise_owned(raw: String) -> String {
    if raw.starts_with('\u{feff}') || raw.contains('\r') {
        normalise(&raw)
    } else {
        raw
    }
}

/// Drop a byte-order mark and turn CRLF and lone CR line ends into LF.
fn normalise(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    if !raw.contains('\r') {
        return raw.to_string();
    }
    raw.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A long text without blank lines is cut into paragraphs of whole sentences, none
    /// longer than [`LONGEST_PARAGRAPH`]: its sentences are those of the text read as one
    /// block, each in the paragraph that holds it.
    #[test]
    fn a_block_too_long_for_a_paragraph_is_cut_between_sentences() {
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let story = std::fs::read_to_string(examples.join("long-feature.txt")).unwrap();
        let block = story.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(block.len() > 2 * LONGEST_PARAGRAPH, "{}", block.len());
        let article = Article::from_text(Path::new("a.txt"), &block);
        let whole: Vec<Range<usize>> = segment::sentences(&block)
            .into_iter()
            .map(|s| segment::trim_range(&block, s))
            .collect();
        let found: Vec<Range<usize>> = article
            .sentences()
            .iter()
            .map(|s| s.range.clone())
            .collect();
        assert_eq!(found, whole);
        assert!(article.paragraphs().len() >= 3);
        assert_eq!(article.paragraphs()[0].range.start, 0);
        assert_eq!(article.paragraphs().last().unwrap().range.end, block.len());
        for (index, paragraph) in article.paragraphs().iter().enumerate() {
            assert!(paragraph.range.len() <= LONGEST_PARAGRAPH, "{index}");
            let held = &article.sentences()[paragraph.sentences.clone()];
            assert_eq!(held.first().unwrap().range.start, paragraph.range.start);
            assert_eq!(held.last().unwrap().range.end, paragraph.range.end);
            assert!(held.iter().all(|s| s.paragraph == index));
        }
    }
}
