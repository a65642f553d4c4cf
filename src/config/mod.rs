//! The user's config file: `config.toml` in the config folder, or `--config PATH`.
//!
//! ```toml
//! # The verdicts offered for a claim (V), in order.
//! verdicts = ["unverified", "true", "mostly true", "mixed", "mostly false", "false", "unverifiable"]
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result, line_column};

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

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The verdicts offered for a claim, in order.
    #[serde(default = "default_verdicts")]
    pub verdicts: Vec<String>,
}

fn default_verdicts() -> Vec<String> {
    DEFAULT_VERDICTS.iter().map(|v| v.to_string()).collect()
}

impl Default for Config {
    fn default() -> Config {
        Config {
            verdicts: default_verdicts(),
        }
    }
}

impl Config {
    /// The config at `path` (which must exist), or else `config.toml` in the config folder
    /// when there is one, or else the defaults.
    pub fn load(path: Option<&Path>) -> Result<Config> {
        let (path, required): (PathBuf, bool) = match path {
            Some(path) => (path.to_path_buf(), true),
            None => match crate::config_dir() {
                Some(dir) => (dir.join("config.toml"), false),
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

    pub fn parse(path: &Path, text: &str) -> Result<Config> {
        let config: Config = toml::from_str(text).map_err(|err| {
            let (line, column) = line_column(text.as_bytes(), err.span().map_or(0, |s| s.start));
            Error::BadConfig {
                path: path.to_path_buf(),
                line,
                column,
                message: err.message().trim().trim_end_matches('.').to_string(),
            }
        })?;
        if config.verdicts.is_empty() {
            return Err(Error::BadConfig {
                path: path.to_path_buf(),
                line: 1,
                column: 1,
                message: "`verdicts` lists no verdict".to_string(),
            });
        }
        Ok(config)
    }
}
