//! What sidenote writes for other programs and people.

pub mod brat;
pub mod claimreview;
pub mod csv;
pub mod html;
mod json;
pub mod markdown;
mod table;
pub mod view;
pub mod w3c;

use std::path::{Path, PathBuf};

pub use json::{EXPORT_FORMAT, entities_json, export_json, suggestions_json};
pub use table::{entities_table, suggestions_table};

use crate::document::Document;
use crate::error::{Error, Result};

/// Every format `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    Markdown,
    Html,
    Brat,
    W3c,
    ClaimReview,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Json,
        Format::Csv,
        Format::Markdown,
        Format::Html,
        Format::Brat,
        Format::W3c,
        Format::ClaimReview,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Brat => "brat",
            Format::W3c => "w3c",
            Format::ClaimReview => "claimreview",
        }
    }

    /// What the format is for, in a few words.
    pub fn about(self) -> &'static str {
        match self {
            Format::Json => "everything, for other programs",
            Format::Csv => "one row per claim, for spreadsheets",
            Format::Markdown => "a report to read",
            Format::Html => "the article highlighted, one page",
            Format::Brat => "brat standoff (.txt and .ann)",
            Format::W3c => "W3C Web Annotation JSON-LD",
            Format::ClaimReview => "schema.org ClaimReview JSON-LD",
        }
    }

    /// The file an export of `article` goes to by default: beside it, with the format's
    /// extension added ("harbour.txt" → "harbour.txt.md"). For brat, the `.ann` file
    /// ("harbour.txt.brat.ann", with "harbour.txt.brat.txt" beside it).
    pub fn default_path(self, article: &Path) -> PathBuf {
        let extension = match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Brat => "brat.ann",
            Format::W3c => "w3c.jsonld",
            Format::ClaimReview => "claimreview.jsonld",
        };
        let mut name = article.file_name().unwrap_or_default().to_os_string();
        name.push(".");
        name.push(extension);
        article.with_file_name(name)
    }
}

/// What an export needs besides the document.
#[derive(Debug, Clone)]
pub struct Options {
    /// The verdict scale, which orders the report's groups.
    pub verdicts: Vec<String>,
    /// The theme of the HTML page: a built-in name or a theme file's path.
    pub theme: String,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            verdicts: crate::config::Config::default().verdicts,
            theme: "default".to_string(),
        }
    }
}

/// An export's text: one file, or for brat the text and its annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    One(String),
    Brat { txt: String, ann: String },
}

/// The document in a format.
pub fn render(doc: &Document, format: Format, options: &Options) -> Result<Output> {
    Ok(Output::One(match format {
        Format::Json => json_text(&export_json(doc)),
        Format::Csv => csv::export(doc),
        Format::Markdown => markdown::export(doc, &options.verdicts),
        Format::ClaimReview => json_text(&claimreview::export(doc)),
        Format::Html => html::export(doc, &options.theme)?,
        Format::W3c => json_text(&w3c::export(doc)),
        Format::Brat => {
            let brat::Brat { txt, ann } = brat::export(doc);
            return Ok(Output::Brat { txt, ann });
        }
    }))
}

/// Write an export to `path` atomically. Brat writes two files: `path` ending in `.ann`
/// (added when missing) and the text beside it with `.txt` in its place. Nothing is written
/// over the article or its sidecar. Returns the files written.
pub fn write(output: &Output, path: &Path, doc: &Document) -> Result<Vec<PathBuf>> {
    let files: Vec<(PathBuf, &str)> = match output {
        Output::One(text) => vec![(path.to_path_buf(), text.as_str())],
        Output::Brat { txt, ann } => {
            let ann_path = if path.extension().is_some_and(|e| e == "ann") {
                path.to_path_buf()
            } else {
                let mut name = path.as_os_str().to_os_string();
                name.push(".ann");
                PathBuf::from(name)
            };
            vec![
                (ann_path.with_extension("txt"), txt.as_str()),
                (ann_path, ann.as_str()),
            ]
        }
    };
    let protected = [doc.article.path(), doc.sidecar_path()];
    for (file, _) in &files {
        if protected.iter().any(|p| same_file(p, file)) {
            return Err(Error::WriteOutput {
                path: file.clone(),
                cause: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "it is the article or its sidecar, which an export never replaces",
                ),
            });
        }
    }
    for (file, text) in &files {
        crate::sidecar::write_atomically(file, text.as_bytes()).map_err(|cause| {
            Error::WriteOutput {
                path: file.clone(),
                cause,
            }
        })?;
    }
    Ok(files.into_iter().map(|(file, _)| file).collect())
}

/// Whether two paths name one file (the second may not exist yet).
fn same_file(a: &Path, b: &Path) -> bool {
    let resolve = |p: &Path| {
        let parent = p.parent().filter(|d| !d.as_os_str().is_empty());
        let dir = parent.map_or_else(|| Path::new(".").canonicalize(), Path::canonicalize);
        dir.ok().zip(p.file_name()).map(|(d, n)| d.join(n))
    };
    a == b || matches!((resolve(a), resolve(b)), (Some(x), Some(y)) if x == y)
}

/// Pretty JSON with a final newline.
pub fn json_text(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("JSON values always serialise");
    text.push('\n');
    text
}
