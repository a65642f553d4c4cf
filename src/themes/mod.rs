//! Theme files, read without any terminal crate: a `[palette]` of named colours and
//! `[styles]` keyed by dotted scopes that fall back along the dots (`entity.person` →
//! `entity`). The terminal turns them into its own styles and the HTML export into CSS.
//! The built-in themes are embedded from `themes/`; a theme is named by a built-in name,
//! the name of one of the user's own themes (`themes/NAME.toml` in the config folder) or
//! a file's path, as `--theme` takes it. A theme may `inherits = "other"`: it starts
//! from the other theme's palette and styles, and its own entries replace theirs.

mod load;

use rustc_hash::FxHashMap as HashMap;
use std::path::PathBuf;

use crate::error::Result;

/// Built-in themes, embedded so a fresh install has them.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("default", include_str!("../../themes/default.toml")),
    ("light", include_str!("../../themes/light.toml")),
    ("mono", include_str!("../../themes/mono.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
    ("okabe-ito", include_str!("../../themes/okabe-ito.toml")),
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
        // Most colours are written "#rrggbb", which no name spelling can be.
        if let Some(hex) = text.strip_prefix('#') {
            let channel = |at: usize| u8::from_str_radix(hex.get(at..at + 2)?, 16).ok();
            return match hex.len() {
                6 => Some(Colour::Rgb(channel(0)?, channel(2)?, channel(4)?)),
                _ => None,
            };
        }
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
        text.parse::<u8>().ok().map(Colour::Indexed)
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

/// A theme read from its file (and the files it inherits from): its name (or path) and
/// the style of each scope.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// A built-in theme's name, or the path of the file it was read from.
    pub name: String,
    styles: HashMap<String, ThemeStyle>,
}

impl ThemeFile {
    /// A theme named as `--theme` names it: a theme file's path, else a theme of the
    /// user's (`themes/NAME.toml` in the platform config folder), else a built-in one.
    pub fn load(name_or_path: &str) -> Result<ThemeFile> {
        ThemeFile::find(name_or_path, &ThemeFolders::platform())
    }

    /// A theme by name or path, looking for the user's themes in `folders` (in order)
    /// before the built-in ones. A relative path is taken from the current folder.
    pub fn find(name_or_path: &str, folders: &ThemeFolders) -> Result<ThemeFile> {
        load::find(name_or_path, folders)
    }

    /// Read a theme from its TOML text; `name` names it in errors. A parent it
    /// `inherits` is looked up as [`ThemeFile::load`] does.
    pub fn parse(name: &str, text: &str) -> Result<ThemeFile> {
        load::parse(name, text, &ThemeFolders::platform())
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

    /// Every scope the theme gives a style (its own or inherited), with that style.
    pub fn styles(&self) -> impl Iterator<Item = (&str, &ThemeStyle)> {
        self.styles.iter().map(|(k, v)| (k.as_str(), v))
    }
}

/// The folders where a user's own themes are found by name (`NAME.toml`), in the order
/// they are searched; the built-in themes come after them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThemeFolders(Vec<PathBuf>);

impl ThemeFolders {
    pub fn new(folders: Vec<PathBuf>) -> ThemeFolders {
        let mut unique: Vec<PathBuf> = Vec::new();
        for folder in folders {
            if !unique.contains(&folder) {
                unique.push(folder);
            }
        }
        ThemeFolders(unique)
    }

    /// `themes/` in sidenote's platform config folder (`~/.config/sidenote/themes`).
    pub fn platform() -> ThemeFolders {
        ThemeFolders::new(
            crate::config_dir()
                .map(|d| d.join("themes"))
                .into_iter()
                .collect(),
        )
    }

    pub fn folders(&self) -> &[PathBuf] {
        &self.0
    }

    /// The names of the user's themes in these folders, sorted, without repeats.
    pub fn user_themes(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .0
            .iter()
            .filter_map(|folder| std::fs::read_dir(folder).ok())
            .flatten()
            .filter_map(|entry| {
                let path = entry.ok()?.path();
                (path.extension()? == "toml").then_some(())?;
                Some(path.file_stem()?.to_string_lossy().into_owned())
            })
            .collect();
        names.sort();
        names.dedup();
        names
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
