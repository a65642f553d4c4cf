//! The sidecar: a TOML file beside the article that keeps the editor's work.
//!
//! It is written atomically after every change (a temporary file in the same folder,
//! flushed, renamed over the old one), and the version it replaces is kept as
//! `<sidecar>.bak`. It is never overwritten when it could not be read. When another
//! program changed it since sidenote last read or wrote it, the two are merged ([`merge`])
//! against that last version; a sidecar changed into something unreadable is left alone.

pub mod merge;
pub mod work;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::value::Datetime;

use crate::annotation::{Annotations, Kind, SourceKind};
use crate::article::Article;
use crate::entity::Correction;
use crate::error::{Error, Result};
use crate::suggest::{Rejection, SuggestionKind};

mod check;
mod datetime;
mod read;
mod text;
pub use merge::Merge;
pub use read::{Unplaced, parse};
use text::Fragments;
pub use text::serialise;
pub use work::{Delta, Work};

/// The format this version reads and writes.
pub const FORMAT: &str = "sidenote/1";

/// The sidecar of an article and what sidenote knows about the file on disk.
#[derive(Debug)]
pub struct Sidecar {
    path: PathBuf,
    /// Hash of the bytes last read from or written to `path`; `None` if there was no file.
    on_disk: Option<blake3::Hash>,
    /// What those bytes hold: the version a change by another program is merged against.
    base: Work,
    /// Once someone else changed the sidecar, our saves go here instead.
    diverted: Option<PathBuf>,
    /// Each annotation's table as last written, so that a save writes again only what
    /// changed.
    fragments: Fragments,
    /// Not read yet ([`Sidecar::unread`]): never written.
    unread: bool,
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
        Ok(Sidecar::read(path)?.place(article))
    }

    /// A sidecar not read yet, for an article still loading: it is never written, and
    /// nothing another program does to it counts as a change, so that the editor's
    /// annotations on disk cannot be overwritten before they are read.
    pub fn unread(path: &Path) -> Sidecar {
        Sidecar {
            path: path.to_path_buf(),
            on_disk: None,
            base: Work::default(),
            diverted: None,
            fragments: Fragments::default(),
            unread: true,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where saves go now: the sidecar, or the file they were diverted to.
    pub fn save_path(&self) -> &Path {
        self.diverted.as_deref().unwrap_or(&self.path)
    }

    /// Where the version a save replaces is kept: `<sidecar>.bak`.
    pub fn backup_path(&self) -> PathBuf {
        let mut name = self.path.file_name().unwrap_or_default().to_os_string();
        name.push(".bak");
        self.path.with_file_name(name)
    }

    /// The BLAKE3 hash (hex) of the sidecar as last read or written, `None` if there was none.
    pub fn content_hash(&self) -> Option<String> {
        self.on_disk.map(|h| h.to_hex().to_string())
    }

    /// Write the work. If another program changed the sidecar since we last read or wrote
    /// it, merge with its version first and return the merged work and what the merge did;
    /// if its version cannot be read, leave it alone and save ours to
    /// `<sidecar>.conflict-<time>` (an error says where). The version replaced is kept as
    /// `<sidecar>.bak`.
    pub fn save(
        &mut self,
        article: &Article,
        annotations: &Annotations,
        corrections: &[Correction],
        rejected: &[Rejection],
    ) -> Result<Option<(Work, Merge)>> {
        if self.unread {
            return Err(Error::SidecarUnread {
                path: self.path.clone(),
            });
        }
        let ours = Work {
            annotations: annotations.clone(),
            corrections: corrections.to_vec(),
            rejected: rejected.to_vec(),
        };
        // A file we cannot read now is treated as unchanged: the write will say what is wrong.
        let disk = fs::read(&self.path).ok();
        let changed = disk
            .as_ref()
            .is_some_and(|bytes| Some(blake3::hash(bytes)) != self.on_disk);
        let mut merged = None;
        if let (true, Some(bytes)) = (changed, &disk) {
            match parse(&self.path, bytes, article) {
                Ok(loaded) => {
                    let theirs = Work {
                        annotations: loaded.annotations,
                        corrections: loaded.corrections,
                        rejected: loaded.rejected,
                    };
                    merged = Some(merge::merge(&self.base, &ours, &theirs));
                    self.diverted = None;
                }
                Err(err) => return self.divert(article, &ours, &err),
            }
        }
        let work = merged.as_ref().map_or(&ours, |(work, _)| work);
        let text = self.fragments.serialise(
            article,
            &work.annotations,
            &work.corrections,
            &work.rejected,
        );
        if disk.as_deref() != Some(text.as_bytes()) {
            if let Some(old) = &disk {
                self.keep_backup(old);
            }
            write_atomically(&self.path, text.as_bytes()).map_err(|source| {
                Error::WriteSidecar {
                    path: self.path.clone(),
                    cause: source,
                }
            })?;
        }
        self.on_disk = Some(blake3::hash(text.as_bytes()));
        self.base = work.clone();
        Ok(merged)
    }

    /// Keep the file about to be replaced as `<sidecar>.bak`: a hard link to it renamed
    /// into place (no copy; the save flushes the folder), or a copy where links are not
    /// supported. A backup is a convenience, so failing to make one does not stop the save.
    fn keep_backup(&self, old: &[u8]) {
        let backup = self.backup_path();
        let name = backup.file_name().unwrap_or_default().to_string_lossy();
        let link = backup.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
        let _ = fs::remove_file(&link);
        let linked = fs::hard_link(&self.path, &link).and_then(|()| fs::rename(&link, &backup));
        if linked.is_err() {
            let _ = fs::remove_file(&link);
            let _ = write_atomically(&backup, old);
        }
    }

    /// The sidecar was changed into something we cannot read: keep our work beside it.
    fn divert(
        &mut self,
        article: &Article,
        ours: &Work,
        why: &Error,
    ) -> Result<Option<(Work, Merge)>> {
        let saved_to = match &self.diverted {
            Some(path) => path.clone(),
            None => {
                let stamp = crate::annotation::now().replace(':', "");
                let mut name = self.path.file_name().unwrap_or_default().to_os_string();
                name.push(format!(".conflict-{stamp}"));
                let path = self.path.with_file_name(name);
                self.diverted = Some(path.clone());
                path
            }
        };
        let text = serialise(
            article,
            &ours.annotations,
            &ours.corrections,
            &ours.rejected,
        );
        write_atomically(&saved_to, text.as_bytes()).map_err(|source| Error::WriteSidecar {
            path: saved_to.clone(),
            cause: source,
        })?;
        let reason = match why {
            Error::BadSidecar {
                line,
                column,
                message,
                ..
            } => format!("is now broken at line {line}, column {column}: {message}"),
            Error::SidecarVersion { found, .. } => {
                format!("now has format \"{found}\", which this version cannot read")
            }
            other => format!("cannot be read ({other})"),
        };
        Err(Error::SidecarChanged {
            path: self.path.clone(),
            reason,
            saved_to,
        })
    }

    /// Whether the file on disk differs from what sidenote last read or wrote.
    pub fn changed_on_disk(&self) -> bool {
        if self.unread {
            return false;
        }
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

/// How old a temporary file of [`write_atomically`] must be before it is taken for one
/// left by a program killed while saving: a save takes milliseconds.
const STALE_TEMPORARY: std::time::Duration = std::time::Duration::from_secs(60);

/// Remove the temporary files that saves of `path` killed halfway left beside it
/// (`.NAME.XXXXXX.tmp`), so that a kill leaves no litter for long. Best effort: a file
/// that cannot be read or removed is left alone.
fn remove_stale_temporaries(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let Some(middle) = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
        else {
            continue;
        };
        // tempfile's random part: letters and digits only, so ".NAME.history.tmp" and
        // the like are not taken for one.
        if middle.is_empty() || !middle.bytes().all(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age >= STALE_TEMPORARY);
        if stale && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
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
    format: Spanned<String>,
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
    // Spans are kept where the checks may need to say where a problem is.
    id: Spanned<String>,
    kind: Kind,
    // A source given only by its description has no place in the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    start: Option<Spanned<usize>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    quote: Option<String>,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    suffix: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sources: Vec<Spanned<String>>,
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
    /// Who made it (the config's `author`); sidecars from before it was kept have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    author: Option<String>,
}
