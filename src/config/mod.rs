//! The user's config file: `config.toml` in the config folder, or `--config PATH`.
//!
//! ```toml
//! author = "Ingrid Holm"           # stamped on the annotations you make
//! verdicts = ["unverified", "true", "mostly true", "mixed", "mostly false", "false", "unverifiable"]
//! theme = "okabe-ito"              # a built-in theme, one in themes/ beside this file, or a path
//! export_format = "html"           # what `E` offers first and `sidenote export` writes
//!
//! [keys.article]                   # keys over the built-in keymap, by context and action
//! tag_claim = "C"
//! ```
//!
//! `sidenote config --print-default` prints every setting with its default
//! ([`default_text`]). The keys are only read here; the terminal interface checks them
//! against its keymap (`tui::Keymap::with_config`).

mod keys;
mod text;

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Result, line_column};
use crate::export::Format;
use crate::themes::ThemeFolders;

pub use keys::{KeyContext, KeyOverride};
pub use text::default_text;

/// The verdict scale when the config gives none.
pub const DEFAULT_VERDICTS: &[&str] = &[
    "unverified",
    "true",
    "mostly true",
    "mixed",
    "mostly false",
    "false",
    "unverifiable",
];

/// The export format when the config names none.
pub const DEFAULT_EXPORT_FORMAT: Format = Format::Json;

/// A place in the config file, 1-based, the column in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct At {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The verdicts offered for a claim, in order.
    pub verdicts: Vec<String>,
    /// The name stamped as `author` on each new annotation; none when unset.
    pub author: Option<String>,
    /// The theme named in the file (a name or a path, as written), and where.
    pub theme: Option<(String, At)>,
    /// The format the export menu offers first and `sidenote export` writes by default.
    pub export_format: Format,
    /// The `[keys.CONTEXT]` tables, in file order.
    pub keys: Vec<KeyContext>,
    /// The file it was read from; `None` for the defaults.
    pub path: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            verdicts: default_verdicts(),
            author: None,
            theme: None,
            export_format: DEFAULT_EXPORT_FORMAT,
            keys: Vec::new(),
            path: None,
        }
    }
}

fn default_verdicts() -> Vec<String> {
    DEFAULT_VERDICTS.iter().map(|v| v.to_string()).collect()
}

/// The file as TOML has it, with the place of whatever a later check may complain about.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    verdicts: Option<Spanned<Vec<String>>>,
    author: Option<Spanned<String>>,
    theme: Option<Spanned<String>>,
    export_format: Option<Spanned<String>>,
    #[serde(default)]
    keys: keys::RawKeys,
}

impl Config {
    /// The config at `path` (which must exist), or else `config.toml` in the config folder
    /// when there is one, or else the defaults.
    pub fn load(path: Option<&Path>) -> Result<Config> {
        let (path, required) = match path {
            Some(path) => (path.to_path_buf(), true),
            None => match Config::platform_path() {
                Some(path) => (path, false),
                None => return Ok(Config::default()),
            },
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound && !required => {
                return Ok(Config::default());
            }
            Err(cause) => return Err(Error::ReadConfig { path, cause }),
        };
        Config::parse(&path, &text)
    }

    /// `config.toml` in the platform's config folder, read when `--config` is not given.
    pub fn platform_path() -> Option<PathBuf> {
        crate::config_dir().map(|dir| dir.join("config.toml"))
    }

    pub fn parse(path: &Path, text: &str) -> Result<Config> {
        let bad = |span: Option<std::ops::Range<usize>>, message: String| {
            let at = place(text, span.map_or(0, |s| s.start));
            Error::BadConfig {
                path: path.to_path_buf(),
                line: at.line,
                column: at.column,
                message,
            }
        };
        let raw: Raw = toml::from_str(text).map_err(|err| {
            bad(
                err.span(),
                err.message().trim().trim_end_matches('.').to_string(),
            )
        })?;
        let mut config = Config {
            path: Some(path.to_path_buf()),
            ..Config::default()
        };
        if let Some(verdicts) = raw.verdicts {
            if verdicts.get_ref().is_empty() {
                return Err(bad(
                    Some(verdicts.span()),
                    "`verdicts` lists no verdict".to_string(),
                ));
            }
            config.verdicts = verdicts.into_inner();
        }
        if let Some(author) = raw.author {
            if author.get_ref().trim().is_empty() {
                return Err(bad(
                    Some(author.span()),
                    "`author` is empty; leave it out to stamp no author".to_string(),
                ));
            }
            config.author = Some(author.get_ref().trim().to_string());
        }
        if let Some(theme) = raw.theme {
            let at = place(text, theme.span().start);
            config.theme = Some((theme.into_inner(), at));
        }
        if let Some(format) = raw.export_format {
            config.export_format = Format::ALL
                .into_iter()
                .find(|f| f.name() == format.get_ref())
                .ok_or_else(|| {
                    let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                    bad(
                        Some(format.span()),
                        format!(
                            "`export_format` is \"{}\", which is not one of {}",
                            format.get_ref(),
                            names.join(", ")
                        ),
                    )
                })?;
        }
        config.keys = keys::read(raw.keys, text).map_err(|(span, message)| bad(span, message))?;
        Ok(config)
    }

    /// An error about something in this config file, at a place in it.
    pub fn error_at(&self, at: At, message: String) -> Error {
        Error::BadConfig {
            path: self.path.clone().unwrap_or_default(),
            line: at.line,
            column: at.column,
            message,
        }
    }

    /// The theme the file names, as a name or a path a theme can be found by: a relative
    /// path is taken from the config file's folder.
    pub fn theme_name(&self) -> Option<String> {
        let (name, _) = self.theme.as_ref()?;
        let is_path = name.contains(['/', '\\']) || name.ends_with(".toml");
        let folder = self.path.as_deref().and_then(Path::parent);
        Some(match folder {
            Some(folder) if is_path && Path::new(name).is_relative() => {
                folder.join(name).display().to_string()
            }
            _ => name.clone(),
        })
    }

    /// Where the user's own themes are found by name: `themes/` beside this config file,
    /// then `themes/` in the platform's config folder.
    pub fn theme_folders(&self) -> ThemeFolders {
        let beside = self
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(|folder| folder.join("themes"));
        let mut folders: Vec<PathBuf> = beside.into_iter().collect();
        folders.extend(ThemeFolders::platform().folders().iter().cloned());
        ThemeFolders::new(folders)
    }
}

/// The line and column of a byte offset in the file's text.
fn place(text: &str, at: usize) -> At {
    let (line, column) = line_column(text.as_bytes(), at);
    At { line, column }
}
