//! Theme files, read without any terminal crate: a `[palette]` of named colours and
//! `[styles]` keyed by dotted scopes that fall back along the dots (`entity.person` →
//! `entity`). The terminal turns them into its own styles and the HTML export into CSS.
//! The built-in themes are embedded from `themes/`; a theme is named by a built-in name
//! or by a file's path, as `--theme` takes it.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};

/// Built-in themes, embedded so a fresh install has them.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("default", include_str!("../themes/default.toml")),
    ("light", include_str!("../themes/light.toml")),
    ("mono", include_str!("../themes/mono.toml")),
];

/// A colour as a theme writes it, after palette names are resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Colour {
    /// The terminal's own default colour.
    Reset,
    /// One of the sixteen terminal colours, 0–15 in terminal order (black, red, …,
    /// then the light variants).
    Terminal(u8),
    /// One of the 256 indexed terminal colours.
    Indexed(u8),
    Rgb(u8, u8, u8),
}

/// The sixteen terminal colour names, in terminal order.
const TERMINAL_NAMES: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "darkgray",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
    "white",
];

impl Colour {
    /// Parse a colour name ("red", "light-blue", "bright white", "grey"), an index
    /// ("208") or "#rrggbb". Accepts the same spellings terminal themes commonly use.
    pub fn parse(text: &str) -> Option<Colour> {
        let name = text
            .to_lowercase()
            .replace([' ', '-', '_'], "")
            .replace("bright", "light")
            .replace("grey", "gray")
            .replace("silver", "gray")
            .replace("lightblack", "darkgray")
            .replace("lightwhite", "white")
            .replace("lightgray", "white");
        if name == "reset" {
            return Some(Colour::Reset);
        }
        if let Some(i) = TERMINAL_NAMES.iter().position(|n| *n == name) {
            return Some(Colour::Terminal(i as u8));
        }
        if let Ok(index) = text.parse::<u8>() {
            return Some(Colour::Indexed(index));
        }
        let hex = text.strip_prefix('#').filter(|h| h.len() == 6)?;
        let channel = |at: usize| u8::from_str_radix(hex.get(at..at + 2)?, 16).ok();
        Some(Colour::Rgb(channel(0)?, channel(2)?, channel(4)?))
    }
}

/// A text attribute a style can add.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Modifier {
    Bold,
    Dim,
    Italic,
    Underlined,
    Reversed,
    CrossedOut,
    SlowBlink,
    RapidBlink,
    Hidden,
}

impl Modifier {
    /// The word a theme file uses: "bold", "crossed_out", …
    pub fn parse(word: &str) -> Option<Modifier> {
        Some(match word {
            "bold" => Modifier::Bold,
            "dim" => Modifier::Dim,
            "italic" => Modifier::Italic,
            "underlined" => Modifier::Underlined,
            "reversed" => Modifier::Reversed,
            "crossed_out" => Modifier::CrossedOut,
            "slow_blink" => Modifier::SlowBlink,
            "rapid_blink" => Modifier::RapidBlink,
            "hidden" => Modifier::Hidden,
            _ => return None,
        })
    }
}

/// What one scope looks like: colours and attributes, each optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThemeStyle {
    pub fg: Option<Colour>,
    pub bg: Option<Colour>,
    pub modifiers: Vec<Modifier>,
}

impl ThemeStyle {
    pub fn has(&self, modifier: Modifier) -> bool {
        self.modifiers.contains(&modifier)
    }
}

/// A theme read from its file: its name (or path) and the style of each scope.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    pub name: String,
    styles: HashMap<String, ThemeStyle>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    palette: HashMap<String, String>,
    #[serde(default)]
    styles: HashMap<String, RawStyle>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStyle {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    modifiers: Vec<String>,
}

impl ThemeFile {
    /// A built-in theme by name, or a theme file by path.
    pub fn load(name_or_path: &str) -> Result<ThemeFile> {
        if let Some((name, text)) = BUILT_IN.iter().find(|(n, _)| *n == name_or_path) {
            return ThemeFile::parse(name, text);
        }
        let path = Path::new(name_or_path);
        if !path.exists() {
            let names: Vec<&str> = BUILT_IN.iter().map(|(n, _)| *n).collect();
            return Err(Error::Theme {
                name: name_or_path.to_string(),
                message: format!(
                    "no built-in theme has that name and no such file exists (built in: {})",
                    names.join(", ")
                ),
            });
        }
        let text = std::fs::read_to_string(path).map_err(|e| Error::Theme {
            name: path.display().to_string(),
            message: crate::error::io_reason(&e),
        })?;
        ThemeFile::parse(&path.display().to_string(), &text)
    }

    /// Read a theme from its TOML text; `name` names it in errors.
    pub fn parse(name: &str, text: &str) -> Result<ThemeFile> {
        let bad = |message: String| Error::Theme {
            name: name.to_string(),
            message,
        };
        let raw: Raw = toml::from_str(text).map_err(|err| {
            let at = err.span().map_or(0, |s| s.start);
            let line = text[..at].matches('\n').count() + 1;
            let column = text[..at]
                .rsplit('\n')
                .next()
                .map_or(0, |l| l.chars().count())
                + 1;
            bad(format!(
                "line {line}, column {column}: {}",
                err.message().trim()
            ))
        })?;
        let colour = |scope: &str, value: &str| -> Result<Colour> {
            let resolved = raw.palette.get(value).map_or(value, String::as_str);
            Colour::parse(resolved).ok_or_else(|| {
                bad(if resolved == value {
                    format!("style `{scope}` has an unknown colour `{value}`")
                } else {
                    format!("the palette's colour `{value}` (`{resolved}`, used by `{scope}`) is not a colour")
                })
            })
        };
        let mut styles = HashMap::new();
        for (scope, spec) in &raw.styles {
            let mut style = ThemeStyle {
                fg: spec.fg.as_deref().map(|c| colour(scope, c)).transpose()?,
                bg: spec.bg.as_deref().map(|c| colour(scope, c)).transpose()?,
                modifiers: Vec::new(),
            };
            for word in &spec.modifiers {
                let modifier = Modifier::parse(word).ok_or_else(|| {
                    bad(format!("style `{scope}` has an unknown modifier `{word}`"))
                })?;
                style.modifiers.push(modifier);
            }
            styles.insert(scope.clone(), style);
        }
        Ok(ThemeFile {
            name: name.to_string(),
            styles,
        })
    }

    /// The style a scope was given, falling back along the dots: `entity.person` →
    /// `entity`; `None` when neither it nor any parent has one.
    pub fn style(&self, scope: &str) -> Option<&ThemeStyle> {
        let mut scope = scope;
        loop {
            if let Some(style) = self.styles.get(scope) {
                return Some(style);
            }
            scope = &scope[..scope.rfind('.')?];
        }
    }

    /// Every scope the file gives a style, with that style.
    pub fn styles(&self) -> impl Iterator<Item = (&str, &ThemeStyle)> {
        self.styles.iter().map(|(k, v)| (k.as_str(), v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_read_in_the_usual_spellings() {
        assert_eq!(Colour::parse("Light-Blue"), Some(Colour::Terminal(12)));
        assert_eq!(Colour::parse("bright white"), Some(Colour::Terminal(15)));
        assert_eq!(Colour::parse("grey"), Some(Colour::Terminal(7)));
        assert_eq!(Colour::parse("208"), Some(Colour::Indexed(208)));
        assert_eq!(Colour::parse("#ff8000"), Some(Colour::Rgb(255, 128, 0)));
        assert_eq!(Colour::parse("#ff80"), None);
        assert_eq!(Colour::parse("#gg0000"), None);
        assert_eq!(Colour::parse("nocolour"), None);
    }

    #[test]
    fn scopes_fall_back_along_the_dots_through_the_palette() {
        let theme = ThemeFile::parse(
            "t",
            "[palette]\nred = \"#ff0000\"\n[styles]\nentity = { fg = \"red\", modifiers = [\"bold\"] }\n",
        )
        .unwrap();
        let style = theme.style("entity.person").unwrap();
        assert_eq!(style.fg, Some(Colour::Rgb(255, 0, 0)));
        assert!(style.has(Modifier::Bold));
        assert!(theme.style("claim").is_none());
    }

    #[test]
    fn an_unknown_theme_lists_the_built_in_ones() {
        let err = ThemeFile::load("no-such-theme").unwrap_err().to_string();
        assert!(
            err.starts_with("theme no-such-theme: no built-in theme"),
            "{err}"
        );
        assert!(err.contains("default, light, mono"), "{err}");
    }
}
