//! The keymap: the only place that knows keys. The default is `assets/keymap.toml`,
//! embedded in the binary; the config's `[keys.CONTEXT]` tables are laid over it
//! ([`Keymap::with_config`]); help and status-bar hints are generated from the result.

use std::borrow::Cow;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use toml::Table;

use super::action::Action;
use crate::config::{At, Config};
use crate::error::Error;

/// The built-in keymap (`assets/keymap.toml`) as `build.rs` wrote it, one entry per action:
/// context, action, keys, description and hint (empty for none), in the file's order.
type BuiltIn = (
    Context,
    Action,
    &'static [&'static str],
    &'static str,
    &'static str,
);
const BUILT_IN: &[BuiltIn] = &include!(concat!(env!("OUT_DIR"), "/keymap.rs"));

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Context {
    Global,
    Article,
    Selection,
    Entities,
    Annotations,
    Picker,
    Prompt,
    Note,
    Help,
    /// The list of orphans (annotations not found in the text).
    Orphans,
}

impl Context {
    /// Every context, in the order of the built-in keymap.
    pub const ALL: [Context; 10] = [
        Context::Global,
        Context::Article,
        Context::Selection,
        Context::Entities,
        Context::Annotations,
        Context::Note,
        Context::Orphans,
        Context::Prompt,
        Context::Picker,
        Context::Help,
    ];

    /// The context's name in a keymap or config file: `article`, `global`, …
    pub fn parse(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The name a keymap or config file uses for it.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Article => "article",
            Context::Selection => "selection",
            Context::Entities => "entities",
            Context::Annotations => "annotations",
            Context::Picker => "picker",
            Context::Prompt => "prompt",
            Context::Note => "note",
            Context::Help => "help",
            Context::Orphans => "orphans",
        }
    }

    /// Whether a key this context does not bind falls back to the `global` keys. The
    /// overlays keep every key: in a note, a prompt or a picker an unbound key types.
    pub fn uses_global_keys(self) -> bool {
        matches!(
            self,
            Context::Article | Context::Selection | Context::Entities | Context::Annotations
        )
    }

    /// The heading of this context in the help.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Anywhere",
            Context::Article => "Article",
            Context::Selection => "Selection (after v)",
            Context::Entities => "Entity panel",
            Context::Annotations => "Annotation list",
            Context::Note => "Writing a note",
            Context::Picker => "Picker",
            Context::Prompt => "Typing a name or a filter",
            Context::Help => "Help",
            Context::Orphans => "Orphans (after O)",
        }
    }
}

/// One action's keys in one context.
#[derive(Debug, Clone)]
pub struct Binding {
    pub action: Action,
    pub keys: Vec<KeyEvent>,
    /// The keys as written in the keymap file, for display. The texts are borrowed from
    /// the built-in keymap, and owned where the config or a keymap file gave them.
    pub key_names: Vec<Cow<'static, str>>,
    pub description: Cow<'static, str>,
    /// A short label for the status bar, when the key belongs there.
    pub hint: Option<Cow<'static, str>>,
    /// Where the config file set these keys, when it did.
    pub set_at: Option<At>,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    sections: Vec<(Context, Vec<Binding>)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    keys: Vec<String>,
    description: String,
    hint: Option<String>,
}

impl Default for Keymap {
    /// The built-in keymap.
    fn default() -> Keymap {
        let mut sections: Vec<(Context, Vec<Binding>)> = Vec::new();
        for &(context, action, keys, description, hint) in BUILT_IN {
            let binding = Binding {
                action,
                keys: keys.iter().map(|k| parse_key(k).expect("a key")).collect(),
                key_names: keys.iter().map(|&k| Cow::Borrowed(k)).collect(),
                description: Cow::Borrowed(description),
                hint: (!hint.is_empty()).then_some(Cow::Borrowed(hint)),
                set_at: None,
            };
            match sections.last_mut() {
                Some((last, bindings)) if *last == context => bindings.push(binding),
                _ => sections.push((context, vec![binding])),
            }
        }
        Keymap { sections }
    }
}

impl Keymap {
    /// Read a keymap file's text; `name` says which file in errors.
    pub fn parse(text: &str, name: &str) -> Result<Keymap, Error> {
        let bad = |message: String| Error::Keymap {
            name: name.to_string(),
            message,
        };
        let table: Table = toml::from_str(text).map_err(|e| bad(e.message().trim().to_string()))?;
        let mut sections = Vec::new();
        for (section, entries) in table {
            let context = Context::parse(&section)
                .ok_or_else(|| bad(format!("[{section}] is not a keymap section")))?;
            let toml::Value::Table(entries) = entries else {
                return Err(bad(format!("[{section}] must be a table of actions")));
            };
            let mut bindings = Vec::new();
            for (action_name, entry) in entries {
                let action = Action::deserialize(toml::Value::String(action_name.clone()))
                    .map_err(|_| bad(format!("`{action_name}` in [{section}] is not an action")))?;
                let entry = Entry::deserialize(entry)
                    .map_err(|e| bad(format!("`{action_name}` in [{section}]: {}", e.message())))?;
                let keys = entry
                    .keys
                    .iter()
                    .map(|k| parse_key(k).ok_or_else(|| bad(format!("`{k}` is not a key"))))
                    .collect::<Result<_, _>>()?;
                bindings.push(Binding {
                    action,
                    keys,
                    key_names: entry.keys.into_iter().map(Cow::Owned).collect(),
                    description: Cow::Owned(entry.description),
                    hint: entry.hint.map(Cow::Owned),
                    set_at: None,
                });
            }
            sections.push((context, bindings));
        }
        Ok(Keymap { sections })
    }

    /// The built-in keymap with the config's `[keys.CONTEXT]` tables over it: each action
    /// named there gets exactly the keys given, so its old keys are free. An unknown
    /// context, action or key, or a key left doing two things in one context, is an error
    /// naming the config's line.
    pub fn with_config(config: &Config) -> Result<Keymap, Error> {
        let mut keymap = Keymap::default();
        for table in &config.keys {
            let context = Context::parse(&table.name).ok_or_else(|| {
                let names: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
                config.error_at(
                    table.at,
                    format!(
                        "[keys.{}] is not a keymap context; the contexts are {}",
                        table.name,
                        names.join(", ")
                    ),
                )
            })?;
            for setting in &table.bindings {
                let action = Action::deserialize(toml::Value::String(setting.action.clone()))
                    .map_err(|_| {
                        config.error_at(
                            setting.at,
                            format!(
                                "`{}` is not an action (`sidenote config --print-default` lists them all)",
                                setting.action
                            ),
                        )
                    })?;
                let places: Vec<String> = keymap
                    .sections
                    .iter()
                    .filter(|(_, bindings)| bindings.iter().any(|b| b.action == action))
                    .map(|(c, _)| format!("[keys.{}]", c.name()))
                    .collect();
                let Some(binding) = keymap.binding_mut(context, action) else {
                    return Err(config.error_at(
                        setting.at,
                        format!(
                            "`{}` does nothing in [keys.{}]; it is bound in {}",
                            setting.action,
                            table.name,
                            places.join(" and ")
                        ),
                    ));
                };
                binding.keys = setting
                    .keys
                    .iter()
                    .map(|k| {
                        parse_key(k).ok_or_else(|| {
                            config.error_at(
                                setting.keys_at,
                                format!(
                                    "`{k}` (for {}) is not a key; keys are written like `c`, `C`, `ctrl-d`, `shift-tab`, `enter`",
                                    setting.action
                                ),
                            )
                        })
                    })
                    .collect::<Result<_, _>>()?;
                binding.key_names = setting.keys.iter().cloned().map(Cow::Owned).collect();
                binding.set_at = Some(setting.keys_at);
            }
        }
        match keymap.conflicts().into_iter().next() {
            None => Ok(keymap),
            Some(conflict) => Err(conflict.error(config)),
        }
    }

    fn binding_mut(&mut self, context: Context, action: Action) -> Option<&mut Binding> {
        self.sections
            .iter_mut()
            .find(|(c, _)| *c == context)?
            .1
            .iter_mut()
            .find(|b| b.action == action)
    }

    /// Keys bound to two actions in one context (which would do only the first).
    pub fn conflicts(&self) -> Vec<Conflict<'_>> {
        let mut found = Vec::new();
        for (context, bindings) in &self.sections {
            for (i, first) in bindings.iter().enumerate() {
                for second in &bindings[i + 1..] {
                    let shared = first.keys.iter().position(|k| second.keys.contains(k));
                    if let Some(at) = shared {
                        found.push(Conflict {
                            context: *context,
                            key: &first.key_names[at],
                            first,
                            second,
                        });
                    }
                }
            }
        }
        found
    }

    /// The action a key triggers in a context, if any.
    pub fn action(&self, context: Context, key: KeyEvent) -> Option<Action> {
        let key = normalise(key);
        self.bindings(context)
            .iter()
            .find(|b| b.keys.contains(&key))
            .map(|b| b.action)
    }

    pub fn bindings(&self, context: Context) -> &[Binding] {
        self.sections
            .iter()
            .find(|(c, _)| *c == context)
            .map_or(&[], |(_, b)| b.as_slice())
    }

    /// Every context with its bindings, in file order.
    pub fn sections(&self) -> impl Iterator<Item = (Context, &[Binding])> {
        self.sections.iter().map(|(c, b)| (*c, b.as_slice()))
    }

    /// The first key of an action in a context, as written ("c", "ctrl-r").
    pub fn key_for(&self, context: Context, action: Action) -> Option<&str> {
        self.bindings(context)
            .iter()
            .find(|b| b.action == action)
            .and_then(|b| b.key_names.first())
            .map(|name| name.as_ref())
    }
}

/// One key bound to two actions in one context.
#[derive(Debug, Clone, Copy)]
pub struct Conflict<'a> {
    pub context: Context,
    /// The key as the first binding writes it.
    pub key: &'a str,
    pub first: &'a Binding,
    pub second: &'a Binding,
}

impl Conflict<'_> {
    /// The error for the config line that made the conflict: the later of the two when
    /// the config set both, saying where the other one is.
    fn error(&self, config: &Config) -> Error {
        let (first, second) = (snake(self.first.action), snake(self.second.action));
        let context = self.context.name();
        let key = self.key;
        match (self.first.set_at, self.second.set_at) {
            (Some(a), Some(b)) => {
                let (later, earlier) = if (b.line, b.column) > (a.line, a.column) {
                    (b, a)
                } else {
                    (a, b)
                };
                config.error_at(
                    later,
                    format!(
                        "`{key}` is bound to both {first} and {second} in [keys.{context}] (the other is at line {}); a key does one thing per context",
                        earlier.line
                    ),
                )
            }
            (Some(at), None) | (None, Some(at)) => {
                let (mine, theirs) = if self.first.set_at.is_some() {
                    (first, second)
                } else {
                    (second, first)
                };
                config.error_at(
                    at,
                    format!(
                        "`{key}` for {mine} is already the key of {theirs} in [keys.{context}]; give {theirs} another key there too, or none with `{theirs} = []`"
                    ),
                )
            }
            (None, None) => config.error_at(
                At::default(),
                format!(
                    "the built-in keymap binds `{key}` to both {first} and {second} in [{context}]"
                ),
            ),
        }
    }
}

/// An action's name as the keymap writes it: `tag_claim`.
pub fn snake(action: Action) -> String {
    let mut out = String::new();
    for (i, c) in format!("{action:?}").chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Read a key as the keymap writes it: `j`, `J`, `?`, `ctrl-d`, `shift-tab`, `enter`.
pub fn parse_key(text: &str) -> Option<KeyEvent> {
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = text;
    loop {
        if let Some(r) = rest.strip_prefix("ctrl-") {
            modifiers |= KeyModifiers::CONTROL;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("alt-") {
            modifiers |= KeyModifiers::ALT;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("shift-") {
            modifiers |= KeyModifiers::SHIFT;
            rest = r;
        } else {
            break;
        }
    }
    let code = match rest {
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "tab" if modifiers.contains(KeyModifiers::SHIFT) => {
            modifiers.remove(KeyModifiers::SHIFT);
            KeyCode::BackTab
        }
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "delete" => KeyCode::Delete,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pageup" => KeyCode::PageUp,
        "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "space" => KeyCode::Char(' '),
        _ => {
            let mut chars = rest.chars();
            let c = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            KeyCode::Char(c)
        }
    };
    Some(normalise(KeyEvent::new(code, modifiers)))
}

/// Terminals differ in whether "J" arrives with SHIFT; the character already says it.
fn normalise(key: KeyEvent) -> KeyEvent {
    let mut modifiers =
        key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if matches!(key.code, KeyCode::Char(_) | KeyCode::BackTab) {
        modifiers.remove(KeyModifiers::SHIFT);
    }
    KeyEvent::new(key.code, modifiers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_keymap_binds_the_documented_keys() {
        let keymap = Keymap::default();
        let key = |k| parse_key(k).unwrap();
        assert_eq!(
            keymap.action(Context::Article, key("j")),
            Some(Action::CursorDown)
        );
        assert_eq!(
            keymap.action(Context::Article, key("ctrl-r")),
            Some(Action::Redo)
        );
        assert_eq!(
            keymap.action(Context::Global, key("shift-tab")),
            Some(Action::FocusPrevious)
        );
        let shifted = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            keymap.action(Context::Article, shifted),
            Some(Action::CursorBottom)
        );
    }

    #[test]
    fn the_built_in_keymap_is_its_toml_file() {
        let from_file = Keymap::parse(include_str!("../../assets/keymap.toml"), "keymap.toml");
        // Every context, action, key, description and hint, in the file's order.
        assert_eq!(
            format!("{:?}", Keymap::default()),
            format!("{:?}", from_file.unwrap())
        );
    }

    #[test]
    fn unknown_actions_and_keys_are_named_in_the_error() {
        let err = Keymap::parse(
            "[article]\nfly = { keys = [\"f\"], description = \"\" }",
            "k.toml",
        );
        assert!(
            err.unwrap_err()
                .to_string()
                .contains("`fly` in [article] is not an action")
        );
        let err = Keymap::parse(
            "[article]\nundo = { keys = [\"hyper-x\"], description = \"\" }",
            "k.toml",
        );
        assert!(
            err.unwrap_err()
                .to_string()
                .contains("`hyper-x` is not a key")
        );
    }
}
