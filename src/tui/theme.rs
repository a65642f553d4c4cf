//! Themes: TOML files with a `[palette]` of named colours and `[styles]` keyed by dotted
//! scopes that fall back along the dots (`entity.person` → `entity`). The built-in ones
//! are embedded from `themes/`; `--theme` takes a name or a file's path.

use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::error::Error;

/// Built-in themes, embedded so a fresh install has them.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("default", include_str!("../../themes/default.toml")),
    ("light", include_str!("../../themes/light.toml")),
    ("mono", include_str!("../../themes/mono.toml")),
];

#[derive(Debug, Clone)]
pub struct Theme {
    pub name: String,
    styles: HashMap<String, Style>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    palette: HashMap<String, String>,
    #[serde(default)]
    styles: HashMap<String, StyleSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    modifiers: Vec<String>,
}

impl Theme {
    /// A built-in theme by name, or a theme file by path.
    pub fn load(name_or_path: &str) -> Result<Theme, Error> {
        if let Some((name, text)) = BUILT_IN.iter().find(|(n, _)| *n == name_or_path) {
            return Theme::parse(name, text);
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
        Theme::parse(&path.display().to_string(), &text)
    }

    /// The theme `--theme` asked for, else mono when NO_COLOR is set, else the default.
    pub fn choose(requested: Option<&str>) -> Result<Theme, Error> {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let name = requested.unwrap_or(if no_color { "mono" } else { "default" });
        Theme::load(name)
    }

    pub fn parse(name: &str, text: &str) -> Result<Theme, Error> {
        let bad = |message: String| Error::Theme {
            name: name.to_string(),
            message,
        };
        let file: File = toml::from_str(text).map_err(|err| {
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
        let colour = |scope: &str, value: &str| -> Result<Color, Error> {
            let resolved = file.palette.get(value).map_or(value, String::as_str);
            Color::from_str(resolved)
                .map_err(|_| bad(format!("style `{scope}` has an unknown colour `{value}`")))
        };
        let mut styles = HashMap::new();
        for (scope, spec) in &file.styles {
            let mut style = Style::default();
            if let Some(fg) = &spec.fg {
                style = style.fg(colour(scope, fg)?);
            }
            if let Some(bg) = &spec.bg {
                style = style.bg(colour(scope, bg)?);
            }
            for name in &spec.modifiers {
                let modifier = modifier(name).ok_or_else(|| {
                    bad(format!("style `{scope}` has an unknown modifier `{name}`"))
                })?;
                style = style.add_modifier(modifier);
            }
            styles.insert(scope.clone(), style);
        }
        Ok(Theme {
            name: name.to_string(),
            styles,
        })
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

fn modifier(name: &str) -> Option<Modifier> {
    Some(match name {
        "bold" => Modifier::BOLD,
        "dim" => Modifier::DIM,
        "italic" => Modifier::ITALIC,
        "underlined" => Modifier::UNDERLINED,
        "reversed" => Modifier::REVERSED,
        "crossed_out" => Modifier::CROSSED_OUT,
        "slow_blink" => Modifier::SLOW_BLINK,
        "rapid_blink" => Modifier::RAPID_BLINK,
        "hidden" => Modifier::HIDDEN,
        _ => return None,
    })
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
        assert!(
            err.to_string()
                .contains("mine.toml: style `claim` has an unknown colour `nocolour`"),
            "{err}"
        );
        let err = Theme::parse("mine.toml", "[styles]\nclaim = { fg = \n").unwrap_err();
        assert!(
            err.to_string().contains("mine.toml: line 2, column"),
            "{err}"
        );
    }
}
