//! The library's one error type. Every message is a sentence a user can act on:
//! it names the file and says what is wrong with it.

use std::io;
use std::path::PathBuf;

use thiserror::Error;

/// What can go wrong when sidenote reads or writes a user's files.
///
/// The I/O cause is kept as a field, not as a `source`, because the message already says
/// it in words; a chain would print it twice.
#[derive(Debug, Error)]
pub enum Error {
    /// The article could not be read at all (missing, a folder, no permission).
    #[error("cannot read article {path}: {reason}", path = .path.display(), reason = io_reason(.cause))]
    ReadArticle { path: PathBuf, cause: io::Error },

    /// The article's bytes are not UTF-8 text.
    #[error("cannot read article {path}: it is not UTF-8 text (invalid byte at offset {offset}); run with --lossy to open it with such bytes shown as �", path = .path.display())]
    NotUtf8 { path: PathBuf, offset: usize },

    /// The article is not text at all; `kind` says what it looks like instead.
    #[error("article {path} looks like {kind}", path = .path.display())]
    Binary { path: PathBuf, kind: &'static str },

    /// The sidecar exists but could not be read.
    #[error("cannot read sidecar {path}: {reason}", path = .path.display(), reason = io_reason(.cause))]
    ReadSidecar { path: PathBuf, cause: io::Error },

    /// The sidecar is not valid TOML or does not have the expected fields.
    #[error("sidecar {path} is broken at line {line}, column {column}: {message}; it was left untouched", path = .path.display())]
    BadSidecar {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    /// The sidecar was written in a format this version does not know.
    #[error("sidecar {path} has format \"{found}\" at line {line}, column {column}, which this version of sidenote cannot read (it reads \"{expected}\"); it was left untouched", path = .path.display())]
    SidecarVersion {
        path: PathBuf,
        found: String,
        expected: &'static str,
        line: usize,
        column: usize,
    },

    /// The sidecar could not be written; the annotations are still in memory.
    #[error("cannot save sidecar {path}: {reason}", path = .path.display(), reason = io_reason(.cause))]
    WriteSidecar { path: PathBuf, cause: io::Error },

    /// A save asked for while the sidecar was not read yet (its article still loading).
    #[error("sidecar {path} is not read yet, so nothing was saved to it; wait until the article is loaded", path = .path.display())]
    SidecarUnread { path: PathBuf },

    /// Someone else changed the sidecar into something sidenote cannot read (so it cannot
    /// be merged); ours went to another file.
    #[error("sidecar {path} was changed by another program and {reason}; it was left untouched and your annotations were saved to {saved_to} instead", path = .path.display(), saved_to = .saved_to.display())]
    SidecarChanged {
        path: PathBuf,
        /// What is wrong with it now, e.g. "is now broken at line 3, column 1: …".
        reason: String,
        saved_to: PathBuf,
    },

    /// A list of known names could not be read.
    #[error("cannot read known names {path}: {reason}", path = .path.display(), reason = io_reason(.cause))]
    ReadEntities { path: PathBuf, cause: io::Error },

    /// A list of known names is not valid TOML or lacks a field.
    #[error("known names {path} are broken at line {line}, column {column}: {message}", path = .path.display())]
    BadEntities {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    /// The config file could not be read.
    #[error("cannot read config {path}: {reason}", path = .path.display(), reason = io_reason(.cause))]
    ReadConfig { path: PathBuf, cause: io::Error },

    /// The config file is not valid TOML or has an unknown setting.
    #[error("config {path} is broken at line {line}, column {column}: {message}", path = .path.display())]
    BadConfig {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    /// A theme is missing or its file cannot be read.
    #[error("theme {name}: {message}")]
    Theme { name: String, message: String },

    /// A theme file is not valid TOML, or has an unknown setting, colour or modifier.
    #[error("theme {name} is broken at line {line}, column {column}: {message}")]
    BadTheme {
        /// The file's path (or a built-in theme's name).
        name: String,
        line: usize,
        column: usize,
        message: String,
    },

    /// A keymap file is broken.
    #[error("keymap {name}: {message}")]
    Keymap { name: String, message: String },

    /// The terminal could not be set up or drawn to.
    #[error("terminal error: {reason}", reason = io_reason(.0))]
    Terminal(#[source] io::Error),

    /// A file to import could not be read.
    #[error("cannot read import file {path}: {reason}", path = .path.display(), reason = io_reason(.cause))]
    ReadImport { path: PathBuf, cause: io::Error },

    /// A file to import is broken at a place in it; nothing was imported.
    #[error("cannot import {path}: it is broken at line {line}, column {column}: {message}; nothing was imported", path = .path.display())]
    BadImport {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    /// A file to import is not what its format says it should be; nothing was imported.
    #[error("cannot import {path}: {message}; nothing was imported", path = .path.display())]
    NotImportable { path: PathBuf, message: String },

    /// Writing an export or other output failed.
    #[error("cannot write {path}: {reason}", path = .path.display(), reason = io_reason(.cause))]
    WriteOutput { path: PathBuf, cause: io::Error },
}

/// The cause of an I/O error in plain words, without Rust's "(os error 2)" tail.
pub fn io_reason(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file or folder".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "it is a folder, not a file".to_string(),
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_string(),
        io::ErrorKind::StorageFull => "the disk is full".to_string(),
        _ => {
            let text = err.to_string();
            match text.find(" (os error") {
                Some(cut) => text[..cut].to_lowercase(),
                None => text,
            }
        }
    }
}

/// 1-based line and column (in characters) of a byte offset in a file's text.
pub fn line_column(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
