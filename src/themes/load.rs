//! Finding a theme by name or path, reading it with the place of each entry (so that a
//! broken one is reported at its line), and laying it over the themes it inherits from.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::{BUILT_IN, Colour, Modifier, ThemeFile, ThemeFolders, ThemeStyle};
use crate::error::{Error, Result, io_reason, line_column};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    /// The theme this one starts from.
    inherits: Option<Spanned<String>>,
    #[serde(default)]
    palette: HashMap<String, Spanned<String>>,
    #[serde(default)]
    styles: HashMap<String, Spanned<RawStyle>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStyle {
    fg: Option<Spanned<String>>,
    bg: Option<Spanned<String>>,
    #[serde(default)]
    modifiers: Vec<Spanned<String>>,
}

/// Where a theme's text comes from.
#[derive(Debug, Clone)]
enum Origin {
    BuiltIn(&'static str),
    File(PathBuf),
    /// Text given directly, under this name.
    Text(String),
}

impl Origin {
    /// How errors name it: a built-in name or the file's path.
    fn name(&self) -> String {
        match self {
            Origin::BuiltIn(name) => name.to_string(),
            Origin::File(path) => path.display().to_string(),
            Origin::Text(name) => name.clone(),
        }
    }

    fn same_as(&self, other: &Origin) -> bool {
        match (self, other) {
            (Origin::BuiltIn(a), Origin::BuiltIn(b)) => a == b,
            (Origin::File(a), Origin::File(b)) => same_file(a, b),
            _ => false,
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// One theme of an inheritance chain, read.
struct Layer {
    origin: Origin,
    text: String,
    raw: Raw,
}

impl Layer {
    fn read(origin: Origin, text: Option<&str>) -> Result<Layer> {
        let text = match (&origin, text) {
            (_, Some(text)) => text.to_string(),
            (Origin::BuiltIn(name), None) => {
                let (_, text) = BUILT_IN.iter().find(|(n, _)| n == name).expect("built in");
                text.to_string()
            }
            (Origin::File(path), None) => {
                std::fs::read_to_string(path).map_err(|e| Error::Theme {
                    name: path.display().to_string(),
                    message: io_reason(&e),
                })?
            }
            (Origin::Text(_), None) => String::new(),
        };
        let raw = toml::from_str(&text).map_err(|err| {
            let message = err.message().trim().trim_end_matches('.').to_string();
            bad(&origin.name(), &text, err.span(), message)
        })?;
        Ok(Layer { origin, text, raw })
    }

    fn error(&self, span: Range<usize>, message: String) -> Error {
        bad(&self.origin.name(), &self.text, Some(span), message)
    }

    /// The file this theme is in, whose folder its parent is first looked for in.
    fn file(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(path) => Some(path),
            _ => None,
        }
    }
}

fn bad(name: &str, text: &str, span: Option<Range<usize>>, message: String) -> Error {
    let (line, column) = line_column(text.as_bytes(), span.map_or(0, |s| s.start));
    Error::BadTheme {
        name: name.to_string(),
        line,
        column,
        message,
    }
}

pub(super) fn find(name: &str, folders: &ThemeFolders) -> Result<ThemeFile> {
    let origin = locate(name, folders, None).ok_or_else(|| Error::Theme {
        name: name.to_string(),
        message: not_found(folders),
    })?;
    if let Origin::BuiltIn(name) = origin {
        return Ok(built_in(name));
    }
    build(chain(Layer::read(origin, None)?, folders)?)
}

/// The built-in themes as `build.rs` resolved them: `= name` lines, each followed by one
/// line per scope, `scope TAB fg TAB bg TAB modifiers`, read without a TOML parser.
const RESOLVED: &str = include_str!(concat!(env!("OUT_DIR"), "/themes.tsv"));

/// A built-in theme, from [`RESOLVED`]. A test checks that every one is what its TOML
/// file gives, so its colours and modifiers are known to be good.
fn built_in(name: &'static str) -> ThemeFile {
    let mut lines = RESOLVED.lines();
    lines
        .by_ref()
        .find(|line| line.strip_prefix("= ") == Some(name))
        .expect("build.rs wrote every built-in theme");
    let styles = lines
        .take_while(|line| !line.starts_with("= "))
        .map(|line| {
            let mut fields = line.split('\t');
            let mut next = || fields.next().unwrap_or("");
            let (scope, fg, bg, modifiers) = (next(), next(), next(), next());
            let colour = |text: &str| {
                (!text.is_empty()).then(|| Colour::parse(text).expect("a built-in colour"))
            };
            let style = ThemeStyle {
                fg: colour(fg),
                bg: colour(bg),
                modifiers: modifiers
                    .split_whitespace()
                    .map(|m| Modifier::parse(m).expect("a built-in modifier"))
                    .collect(),
            };
            (scope.to_string(), style)
        })
        .collect();
    ThemeFile {
        name: name.to_string(),
        styles,
    }
}

pub(super) fn parse(name: &str, text: &str, folders: &ThemeFolders) -> Result<ThemeFile> {
    let layer = Layer::read(Origin::Text(name.to_string()), Some(text))?;
    build(chain(layer, folders)?)
}

fn not_found(folders: &ThemeFolders) -> String {
    let built_in: Vec<&str> = BUILT_IN.iter().map(|(n, _)| *n).collect();
    let yours = folders.user_themes();
    let yours = if yours.is_empty() {
        String::new()
    } else {
        format!("; yours: {}", yours.join(", "))
    };
    format!(
        "no built-in theme has that name and no such file exists (built in: {}{yours})",
        built_in.join(", ")
    )
}

/// Where the theme `name` is. A name with a slash or ending in `.toml` is a path
/// (relative to the folder of the theme inheriting it, if any); any other name is a theme
/// beside the inheriting theme, then one in the user's folders, then a built-in one, then
/// a file of that name in the current folder. A theme never finds itself by name, so a
/// user's `default.toml` can inherit the built-in `default`.
fn locate(name: &str, folders: &ThemeFolders, from: Option<&Layer>) -> Option<Origin> {
    let near = from.and_then(Layer::file);
    if name.contains(['/', '\\']) || name.ends_with(".toml") {
        let path = Path::new(name);
        let path = match near.and_then(Path::parent) {
            Some(folder) if path.is_relative() => folder.join(path),
            _ => path.to_path_buf(),
        };
        return Some(Origin::File(path));
    }
    let built_in = BUILT_IN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(n, _)| Origin::BuiltIn(n));
    // A built-in theme inherits only built-in themes, whatever the user's folders hold.
    if matches!(from.map(|l| &l.origin), Some(Origin::BuiltIn(_))) {
        return built_in;
    }
    let beside = near.and_then(Path::parent).map(Path::to_path_buf);
    for folder in beside.iter().chain(folders.folders()) {
        let path = folder.join(format!("{name}.toml"));
        if path.is_file() && !near.is_some_and(|n| same_file(n, &path)) {
            return Some(Origin::File(path));
        }
    }
    if built_in.is_some() {
        return built_in;
    }
    let path = PathBuf::from(name);
    (from.is_none() && path.is_file()).then_some(Origin::File(path))
}

/// The theme and the themes it inherits from, itself first.
fn chain(first: Layer, folders: &ThemeFolders) -> Result<Vec<Layer>> {
    let mut layers = vec![first];
    loop {
        let last = layers.last().expect("one layer at least");
        let Some(parent) = &last.raw.inherits else {
            return Ok(layers);
        };
        let origin = locate(parent.get_ref(), folders, Some(last)).ok_or_else(|| {
            last.error(
                parent.span(),
                format!(
                    "it inherits `{}`, which is not a built-in theme, one of yours or a file",
                    parent.get_ref()
                ),
            )
        })?;
        if layers.iter().any(|l| l.origin.same_as(&origin)) {
            let names: Vec<String> = layers
                .iter()
                .map(|l| l.origin.name())
                .chain([origin.name()])
                .collect();
            return Err(last.error(
                parent.span(),
                format!("`inherits` goes round in a circle: {}", names.join(" → ")),
            ));
        }
        layers.push(Layer::read(origin, None)?);
    }
}

/// Lay each theme over its parent: a palette name or a style scope in the child replaces
/// the parent's, and the parent's styles use the child's palette.
fn build(layers: Vec<Layer>) -> Result<ThemeFile> {
    let mut palette: HashMap<&str, Colour> = HashMap::new();
    let mut scopes: HashMap<&str, (usize, &Spanned<RawStyle>)> = HashMap::new();
    for (depth, layer) in layers.iter().enumerate().rev() {
        let mut entries: Vec<_> = layer.raw.palette.iter().collect();
        entries.sort_by_key(|(_, value)| value.span().start);
        for (name, value) in entries {
            let colour = Colour::parse(value.get_ref()).ok_or_else(|| {
                layer.error(
                    value.span(),
                    format!(
                        "the palette's colour `{name}` (`{}`) is not a colour",
                        value.get_ref()
                    ),
                )
            })?;
            palette.insert(name, colour);
        }
        for (scope, style) in &layer.raw.styles {
            scopes.insert(scope, (depth, style));
        }
    }
    // In file order, so that the first mistake in a file is the one reported.
    let mut scopes: Vec<_> = scopes.into_iter().collect();
    scopes.sort_by_key(|(_, (depth, style))| (*depth, style.span().start));
    let mut styles = rustc_hash::FxHashMap::default();
    for (scope, (depth, spec)) in scopes {
        let layer = &layers[depth];
        let colour = |value: &Spanned<String>| -> Result<Colour> {
            let word = value.get_ref();
            palette
                .get(word.as_str())
                .copied()
                .or_else(|| Colour::parse(word))
                .ok_or_else(|| {
                    layer.error(
                        value.span(),
                        format!("style `{scope}` has an unknown colour `{word}`"),
                    )
                })
        };
        let spec = spec.get_ref();
        let mut style = ThemeStyle {
            fg: spec.fg.as_ref().map(&colour).transpose()?,
            bg: spec.bg.as_ref().map(&colour).transpose()?,
            modifiers: Vec::new(),
        };
        for word in &spec.modifiers {
            let modifier = Modifier::parse(word.get_ref()).ok_or_else(|| {
                layer.error(
                    word.span(),
                    format!(
                        "style `{scope}` has an unknown modifier `{}`",
                        word.get_ref()
                    ),
                )
            })?;
            style.modifiers.push(modifier);
        }
        styles.insert(scope.to_string(), style);
    }
    Ok(ThemeFile {
        name: layers[0].origin.name(),
        styles,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_themes_build_rs_resolved_are_what_their_toml_files_give() {
        let none = ThemeFolders::default();
        for (name, _) in BUILT_IN {
            let from_toml =
                build(chain(Layer::read(Origin::BuiltIn(name), None).unwrap(), &none).unwrap())
                    .unwrap();
            let resolved = built_in(name);
            assert_eq!(resolved.name, from_toml.name);
            assert_eq!(resolved.styles, from_toml.styles, "{name}");
            assert!(
                resolved.styles.len() > 20,
                "{name}: {}",
                resolved.styles.len()
            );
        }
    }
}
