//! The sidecar: a TOML file beside the article that keeps the editor's work.
//!
//! It is written atomically after every change (a temporary file in the same folder,
//! flushed, renamed over the old one), never overwritten when it could not be read,
//! and never overwritten when another program changed it since sidenote last read it.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::value::Datetime;

use crate::anchor::{Anchor, Placement};
use crate::annotation::{Annotation, Annotations, Kind, SourceKind};
use crate::article::Article;
use crate::entity::Correction;
use crate::error::{Error, Result, line_column};
use crate::suggest::{Rejection, SuggestionKind};

/// The format this version reads and writes.
pub const FORMAT: &str = "sidenote/1";

/// The sidecar of an article and what sidenote knows about the file on disk.
#[derive(Debug)]
pub struct Sidecar {
    path: PathBuf,
    /// Hash of the bytes last read from or written to `path`; `None` if there was no file.
    on_disk: Option<blake3::Hash>,
    /// Once someone else changed the sidecar, our saves go here instead.
    diverted: Option<PathBuf>,
}

/// What loading found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub annotations: Annotations,
    pub corrections: Vec<Correction>,
    pub rejected: Vec<Rejection>,
    /// True when the sidecar was written for a different version of the article text.
    pub article_changed: bool,
}

impl Sidecar {
    /// What a sidecar's name adds to its article's.
    pub const SUFFIX: &str = ".sidenote.toml";

    /// The default sidecar path: `<article file name>.sidenote.toml` beside the article.
    pub fn default_path(article: &Path) -> PathBuf {
        let mut name = article.file_name().unwrap_or_default().to_os_string();
        name.push(Sidecar::SUFFIX);
        article.with_file_name(name)
    }

    /// Read the sidecar at `path` (an absent file is an empty sidecar) and place its
    /// annotations in the article.
    pub fn open(path: &Path, article: &Article) -> Result<(Sidecar, Loaded)> {
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                let sidecar = Sidecar {
                    path: path.to_path_buf(),
                    on_disk: None,
                    diverted: None,
                };
                return Ok((sidecar, Loaded::default()));
            }
            Err(source) => {
                return Err(Error::ReadSidecar {
                    path: path.to_path_buf(),
                    cause: source,
                });
            }
        };
        let loaded = parse(path, &bytes, article)?;
        let sidecar = Sidecar {
            path: path.to_path_buf(),
            on_disk: Some(blake3::hash(&bytes)),
            diverted: None,
        };
        Ok((sidecar, loaded))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where saves go now: the sidecar, or the file they were diverted to.
    pub fn save_path(&self) -> &Path {
        self.diverted.as_deref().unwrap_or(&self.path)
    }

    /// Write the annotations. If another program changed the sidecar since we read it,
    /// it is left alone and ours go to `<sidecar>.conflict-<time>` (an error says where).
    pub fn save(
        &mut self,
        article: &Article,
        annotations: &Annotations,
        corrections: &[Correction],
        rejected: &[Rejection],
    ) -> Result<()> {
        let text = serialise(article, annotations, corrections, rejected);
        if self.diverted.is_none() && self.changed_on_disk() {
            let stamp = crate::annotation::now().replace(':', "");
            let mut name = self.path.file_name().unwrap_or_default().to_os_string();
            name.push(format!(".conflict-{stamp}"));
            self.diverted = Some(self.path.with_file_name(name));
        }
        let target = self.save_path().to_path_buf();
        write_atomically(&target, text.as_bytes()).map_err(|source| Error::WriteSidecar {
            path: target.clone(),
            cause: source,
        })?;
        match &self.diverted {
            None => {
                self.on_disk = Some(blake3::hash(text.as_bytes()));
                Ok(())
            }
            Some(saved_to) => Err(Error::SidecarChanged {
                path: self.path.clone(),
                saved_to: saved_to.clone(),
            }),
        }
    }

    fn changed_on_disk(&self) -> bool {
        let now = match fs::read(&self.path) {
            Ok(bytes) => Some(blake3::hash(&bytes)),
            Err(_) => None,
        };
        now.is_some() && now != self.on_disk
    }
}

/// Write a file so that a crash at any instant leaves either the old or the new content:
/// a temporary file in the same folder, flushed to disk, renamed over the target.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_with(path, |file| file.write_all(bytes))
}

/// [`write_atomically`] with the writing done by `write`; if it fails, the target is
/// untouched and the temporary file removed.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut fs::File) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A file replaced keeps its permissions; a new one is readable by others, as files
    // made by an editor are (the temporary file alone would be private to its owner).
    match fs::metadata(path) {
        Ok(existing) => {
            builder.permissions(existing.permissions());
        }
        #[cfg(unix)]
        Err(_) => {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o644));
        }
        #[cfg(not(unix))]
        Err(_) => {}
    }
    let mut temp = builder.tempfile_in(dir)?;
    write(temp.as_file_mut())?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|err| err.error)?;
    // The rename itself is durable only once the folder is flushed.
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    Ok(())
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: String,
    article: ArticleInfo,
    #[serde(default, rename = "annotation", skip_serializing_if = "Vec::is_empty")]
    annotations: Vec<Stored>,
    /// The editor's entity corrections; detection fills in the rest.
    #[serde(default, rename = "entity", skip_serializing_if = "Vec::is_empty")]
    entities: Vec<Correction>,
    /// Suggestions the editor rejected, so that they do not come back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    rejected: Vec<StoredRejection>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredRejection {
    kind: SuggestionKind,
    start: usize,
    end: usize,
    quote: String,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    suffix: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleInfo {
    file: String,
    fingerprint: String,
    /// How offsets count; only "chars" (Unicode scalar values, end exclusive) exists.
    offsets: Spanned<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    id: String,
    kind: Kind,
    // A source given only by its description has no place in the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    quote: Option<String>,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    suffix: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    entity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source_kind: Option<SourceKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    verdict: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    created: Option<Datetime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    modified: Option<Datetime>,
}

/// Only the format line, read first so that a newer file is refused with the right reason.
#[derive(Deserialize)]
struct Header {
    format: Option<Spanned<String>>,
}

fn parse(path: &Path, bytes: &[u8], article: &Article) -> Result<Loaded> {
    let text = std::str::from_utf8(bytes).map_err(|err| {
        let (line, column) = line_column(&bytes[..err.valid_up_to()], err.valid_up_to());
        Error::BadSidecar {
            path: path.to_path_buf(),
            line,
            column,
            message: "it is not UTF-8 text".to_string(),
        }
    })?;
    let bad = |span: Option<std::ops::Range<usize>>, message: String| {
        let at = span.map_or(0, |s| s.start);
        let (line, column) = line_column(text.as_bytes(), at);
        Error::BadSidecar {
            path: path.to_path_buf(),
            line,
            column,
            message,
        }
    };
    let header: Header = toml::from_str(text).map_err(|err| bad(err.span(), toml_message(&err)))?;
    let Some(format) = header.format else {
        return Err(bad(None, "it has no `format` line".to_string()));
    };
    if format.get_ref() != FORMAT {
        let (line, column) = line_column(text.as_bytes(), format.span().start);
        return Err(Error::SidecarVersion {
            path: path.to_path_buf(),
            found: format.into_inner(),
            expected: FORMAT,
            line,
            column,
        });
    }
    let file: File = toml::from_str(text).map_err(|err| bad(err.span(), toml_message(&err)))?;
    if file.article.offsets.get_ref() != "chars" {
        return Err(bad(
            Some(file.article.offsets.span()),
            format!(
                "offsets are counted in \"{}\", but only \"chars\" is known",
                file.article.offsets.get_ref()
            ),
        ));
    }
    let items = file
        .annotations
        .into_iter()
        .map(|stored| {
            let detached = stored.quote.is_none();
            let anchor = Anchor {
                start: stored.start.unwrap_or(0),
                end: stored.end.unwrap_or(0),
                quote: stored.quote.unwrap_or_default(),
                prefix: stored.prefix,
                suffix: stored.suffix,
            };
            Annotation {
                // Placed below, all together.
                placement: if detached {
                    Placement::Detached
                } else {
                    Placement::Orphaned
                },
                anchor,
                id: stored.id,
                kind: stored.kind,
                sources: stored.sources,
                entity: stored.entity,
                source_kind: stored.source_kind,
                description: stored.description,
                verdict: stored.verdict,
                note: stored.note,
                created: stored.created.map(|d| d.to_string()),
                modified: stored.modified.map(|d| d.to_string()),
            }
        })
        .collect();
    let items = place_annotations(items, article);
    let rejected = file
        .rejected
        .into_iter()
        .map(|r| {
            let anchor = Anchor {
                start: r.start,
                end: r.end,
                quote: r.quote,
                prefix: r.prefix,
                suffix: r.suffix,
            };
            Rejection {
                kind: r.kind,
                placement: anchor.place(article),
                anchor,
            }
        })
        .collect();
    Ok(Loaded {
        annotations: Annotations::new(items),
        corrections: file.entities,
        rejected,
        article_changed: file.article.fingerprint != article.fingerprint(),
    })
}

/// Place every annotation that is in the text, in one pass (see [`crate::anchor`]).
fn place_annotations(mut items: Vec<Annotation>, article: &Article) -> Vec<Annotation> {
    let anchored: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].placement != Placement::Detached)
        .collect();
    let anchors: Vec<&Anchor> = anchored.iter().map(|&i| &items[i].anchor).collect();
    let placements = crate::anchor::place_all(&anchors, article);
    for (i, placement) in anchored.into_iter().zip(placements) {
        items[i].placement = placement;
    }
    items
}

/// The sidecar's text for these annotations. Placed annotations get fresh anchors, so a
/// sidecar saved after the article changed records where they are now.
pub fn serialise(
    article: &Article,
    annotations: &Annotations,
    corrections: &[Correction],
    rejected: &[Rejection],
) -> String {
    let file = File {
        format: FORMAT.to_string(),
        article: ArticleInfo {
            file: article
                .path()
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            fingerprint: article.fingerprint().to_string(),
            offsets: Spanned::new(0..0, "chars".to_string()),
        },
        annotations: annotations
            .iter()
            .map(|a| {
                let anchor = match &a.placement {
                    Placement::At(range) => Some(Anchor::new(article, range.clone())),
                    Placement::Orphaned => Some(a.anchor.clone()),
                    Placement::Detached => None,
                };
                Stored {
                    id: a.id.clone(),
                    kind: a.kind,
                    start: anchor.as_ref().map(|x| x.start),
                    end: anchor.as_ref().map(|x| x.end),
                    quote: anchor.as_ref().map(|x| x.quote.clone()),
                    prefix: anchor
                        .as_ref()
                        .map(|x| x.prefix.clone())
                        .unwrap_or_default(),
                    suffix: anchor
                        .as_ref()
                        .map(|x| x.suffix.clone())
                        .unwrap_or_default(),
                    sources: a.sources.clone(),
                    entity: a.entity.clone(),
                    source_kind: a.source_kind,
                    description: a.description.clone(),
                    verdict: a.verdict.clone(),
                    note: a.note.clone(),
                    created: a.created.as_deref().and_then(|t| t.parse().ok()),
                    modified: a.modified.as_deref().and_then(|t| t.parse().ok()),
                }
            })
            .collect(),
        entities: corrections.to_vec(),
        rejected: rejected
            .iter()
            .map(|r| {
                let anchor = match &r.placement {
                    Placement::At(range) => Anchor::new(article, range.clone()),
                    _ => r.anchor.clone(),
                };
                StoredRejection {
                    kind: r.kind,
                    start: anchor.start,
                    end: anchor.end,
                    quote: anchor.quote,
                    prefix: anchor.prefix,
                    suffix: anchor.suffix,
                }
            })
            .collect(),
    };
    toml::to_string(&file).expect("a sidecar always serialises")
}

/// toml's messages carry a rendered excerpt after the first line; keep the sentence.
fn toml_message(err: &toml::de::Error) -> String {
    err.message().trim().trim_end_matches('.').to_string()
}
