//! The default config as a commented file, which `sidenote config --print-default`
//! prints. Its keys come from the built-in keymap, so it cannot drift from them; it parses
//! back to the defaults (a test keeps it so).

use std::fmt::Write;

use super::{DEFAULT_EXPORT_FORMAT, DEFAULT_VERDICTS};
use crate::export::Format;
use crate::themes::BUILT_IN;

/// The built-in keymap, whose actions, keys and descriptions the default config lists.
pub(crate) const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// Every setting at its default, each with a comment saying what it does.
pub fn default_text() -> String {
    let quoted = |s: &str| toml::Value::String(s.to_string()).to_string();
    let list = |items: &mut dyn Iterator<Item = &str>| {
        let items: Vec<String> = items.map(quoted).collect();
        format!("[{}]", items.join(", "))
    };
    let themes: Vec<&str> = BUILT_IN.iter().map(|(name, _)| *name).collect();
    let formats: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
    let mut out = String::new();
    let _ = write!(
        out,
        r#"# sidenote's settings, every one at its default (`sidenote config --print-default`).
# Save this as config.toml in sidenote's config folder (~/.config/sidenote/ on Linux), or
# pass its path with --config, and change what you like; a setting left out keeps its
# default. A misspelt setting is an error naming the line.

# Your name, stamped as `author` on each annotation you make (kept in the sidecar, and in
# the JSON and W3C exports). Unset: annotations carry no author.
# author = "Your Name"

# The verdicts `V` offers for a claim, in order.
verdicts = {verdicts}

# The theme: one built in ({themes}),
# one of your own (themes/NAME.toml beside this file or in the config folder), or a theme
# file's path (relative to this file). --theme wins over it. Unset: default, or mono when
# NO_COLOR is set.
# theme = "default"

# The format the export menu (`E`) offers first, and the one `sidenote export` writes
# when --format is not given: {formats}.
export_format = {format}

# Keys, by context, over the built-in keymap: `action = "key"` or `action = ["key", …]`.
# The keys given replace the action's keys in that context, so its old keys are free;
# `action = []` leaves it without a key. A key does one thing per context: binding a key
# that another action there still has is an error, so move that action too. Context keys
# win over `global` ones. Keys are written `j`, `J`, `?`, `ctrl-d`, `alt-x`, `shift-tab`,
# `enter`, `esc`, `tab`, `backspace`, `delete`, `up`, `down`, `left`, `right`, `pageup`,
# `pagedown`, `home`, `end`, `space`. Leave out the actions you do not change.
"#,
        verdicts = list(&mut DEFAULT_VERDICTS.iter().copied()),
        themes = themes.join(", "),
        formats = formats.join(", "),
        format = quoted(DEFAULT_EXPORT_FORMAT.name()),
    );
    let keymap: toml::Table = toml::from_str(DEFAULT_KEYMAP).expect("the built-in keymap is TOML");
    for (context, actions) in &keymap {
        let _ = write!(out, "\n[keys.{context}]\n");
        let Some(actions) = actions.as_table() else {
            continue;
        };
        let lines: Vec<(String, &str)> = actions
            .iter()
            .map(|(action, entry)| {
                let keys = entry
                    .get("keys")
                    .and_then(toml::Value::as_array)
                    .map_or_else(Vec::new, |keys| {
                        keys.iter().filter_map(toml::Value::as_str).collect()
                    });
                let description = entry
                    .get("description")
                    .and_then(toml::Value::as_str)
                    .unwrap_or("");
                (
                    format!("{action} = {}", list(&mut keys.into_iter())),
                    description,
                )
            })
            .collect();
        let width = lines
            .iter()
            .map(|(l, _)| l.chars().count())
            .max()
            .unwrap_or(0);
        for (line, description) in lines {
            let _ = writeln!(out, "{line:width$}  # {description}");
        }
    }
    out
}
