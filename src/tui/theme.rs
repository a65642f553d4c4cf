//! Themes in the terminal: the styles of a theme file ([`crate::themes`]) as ratatui
//! styles, looked up by dotted scopes that fall back along the dots (`entity.person` →
//! `entity`).

use rustc_hash::FxHashMap as HashMap;

use ratatui::style::{Color, Modifier, Style};

use crate::config::Config;
use crate::error::Error;
use crate::themes::{self, Colour, ThemeFile, ThemeFolders};

/// Built-in themes, embedded so a fresh install has them.
pub use crate::themes::BUILT_IN;

#[derive(Debug, Clone)]
pub struct Theme {
    pub name: String,
    styles: HashMap<String, Style>,
}

impl Theme {
    /// A built-in theme by name, one of the user's in the platform config folder, or a
    /// theme file by path.
    pub fn load(name_or_path: &str) -> Result<Theme, Error> {
        ThemeFile::load(name_or_path).map(Theme::from_file)
    }

    /// A theme by name or path, the user's own found in `folders`.
    pub fn find(name_or_path: &str, folders: &ThemeFolders) -> Result<Theme, Error> {
        ThemeFile::find(name_or_path, folders).map(Theme::from_file)
    }

    /// The theme `--theme` asked for, else the config's, else mono when NO_COLOR is set
    /// (a setting the user made wins over NO_COLOR, as no-color.org asks), else the
    /// default. The user's own themes are found beside the config file and in the
    /// platform config folder.
    pub fn choose(requested: Option<&str>, config: &Config) -> Result<Theme, Error> {
        let folders = config.theme_folders();
        if let Some(name) = requested {
            return Theme::find(name, &folders);
        }
        if let (Some(name), Some((written, at))) = (config.theme_name(), &config.theme) {
            return Theme::find(&name, &folders).map_err(|err| match err {
                Error::Theme { message, .. } => {
                    config.error_at(*at, format!("theme \"{written}\": {message}"))
                }
                other => other,
            });
        }
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::find(if no_color { "mono" } else { "default" }, &folders)
    }

    pub fn parse(name: &str, text: &str) -> Result<Theme, Error> {
        ThemeFile::parse(name, text).map(Theme::from_file)
    }

    fn from_file(file: ThemeFile) -> Theme {
        let styles = file
            .styles()
            .map(|(scope, spec)| {
                let mut style = Style::default();
                if let Some(fg) = spec.fg {
                    style = style.fg(colour(fg));
                }
                if let Some(bg) = spec.bg {
                    style = style.bg(colour(bg));
                }
                for m in &spec.modifiers {
                    style = style.add_modifier(modifier(*m));
                }
                (scope.to_string(), style)
            })
            .collect();
        Theme {
            name: file.name,
            styles,
        }
    }

    /// The style of a scope, falling back along the dots: `entity.person` → `entity`.
    pub fn style(&self, scope: &str) -> Style {
        let mut scope = scope;
        loop {
            if let Some(style) = self.styles.get(scope) {
                return *style;
            }
            match scope.rfind('.') {
                Some(dot) => scope = &scope[..dot],
                None => return Style::default(),
            }
        }
    }
}

fn colour(colour: Colour) -> Color {
    const TERMINAL: [Color; 16] = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    match colour {
        Colour::Reset => Color::Reset,
        Colour::Terminal(i) => TERMINAL[usize::from(i) % TERMINAL.len()],
        Colour::Indexed(i) => Color::Indexed(i),
        Colour::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

fn modifier(modifier: themes::Modifier) -> Modifier {
    match modifier {
        themes::Modifier::Bold => Modifier::BOLD,
        themes::Modifier::Dim => Modifier::DIM,
        themes::Modifier::Italic => Modifier::ITALIC,
        themes::Modifier::Underlined => Modifier::UNDERLINED,
        themes::Modifier::Reversed => Modifier::REVERSED,
        themes::Modifier::CrossedOut => Modifier::CROSSED_OUT,
        themes::Modifier::SlowBlink => Modifier::SLOW_BLINK,
        themes::Modifier::RapidBlink => Modifier::RAPID_BLINK,
        themes::Modifier::Hidden => Modifier::HIDDEN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_theme_loads_and_styles_claims_and_sources_differently() {
        for (name, _) in BUILT_IN {
            let theme = Theme::load(name).unwrap();
            assert_ne!(theme.style("claim"), theme.style("source"), "{name}");
            assert_ne!(theme.style("cursor"), Style::default(), "{name}");
        }
    }

    #[test]
    fn scopes_fall_back_along_the_dots() {
        let theme = Theme::parse(
            "t",
            "[palette]\nred = \"#ff0000\"\n[styles]\nentity = { fg = \"red\" }\n\"entity.place\" = { fg = \"blue\" }\n",
        )
        .unwrap();
        assert_eq!(theme.style("entity.person").fg, Some(Color::Rgb(255, 0, 0)));
        assert_eq!(theme.style("entity.place").fg, Some(Color::Blue));
        assert_eq!(theme.style("nothing.here"), Style::default());
    }

    #[test]
    fn a_broken_theme_names_the_problem() {
        let err =
            Theme::parse("mine.toml", "[styles]\nclaim = { fg = \"nocolour\" }\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "theme mine.toml is broken at line 2, column 16: style `claim` has an unknown colour `nocolour`"
        );
        let err = Theme::parse("mine.toml", "[styles]\nclaim = { fg = \n").unwrap_err();
        assert!(
            err.to_string()
                .contains("mine.toml is broken at line 2, column"),
            "{err}"
        );
    }
}
