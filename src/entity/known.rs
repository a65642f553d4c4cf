//! The newsroom's own list of names: `entities.toml` in the config folder and beside the
//! article. Detection's result is corrected by it before the editor's corrections.
//!
//! ```toml
//! [[entity]]
//! name = "Jonas Whitfield"
//! type = "person"
//! aliases = ["Whitfield"]
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Correction, EntityKind};
use crate::error::{Error, Result};

/// The file name of a list of known names.
pub const FILE_NAME: &str = "entities.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default, rename = "entity")]
    entities: Vec<Known>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Known {
    name: String,
    #[serde(rename = "type")]
    kind: EntityKind,
    #[serde(default)]
    aliases: Vec<String>,
}

/// Where lists of known names are looked for: the config folder, then beside the article.
pub fn known_name_files(article: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = crate::config_dir()
        .map(|d| d.join(FILE_NAME))
        .into_iter()
        .collect();
    let beside = article.with_file_name(FILE_NAME);
    if !files.contains(&beside) {
        files.push(beside);
    }
    files
}

/// Read every list of known names that exists, in order.
pub fn load_known_names(article: &Path) -> Result<Vec<Correction>> {
    let mut known = Vec::new();
    for path in known_name_files(article) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => continue,
            Err(cause) => return Err(Error::ReadEntities { path, cause }),
        };
        known.extend(parse(&path, &text)?);
    }
    Ok(known)
}

/// Read one list of known names; `path` names it in errors.
pub fn parse(path: &Path, text: &str) -> Result<Vec<Correction>> {
    let file: File = toml::from_str(text).map_err(|err| {
        let (line, column) =
            crate::error::line_column(text.as_bytes(), err.span().map_or(0, |s| s.start));
        Error::BadEntities {
            path: path.to_path_buf(),
            line,
            column,
            message: err.message().trim().trim_end_matches('.').to_string(),
        }
    })?;
    Ok(file
        .entities
        .into_iter()
        .map(|k| Correction::added(&k.name, k.kind, k.aliases))
        .collect())
}
