//! The keymap: the only place that knows keys. The default is `assets/keymap.toml`,
//! embedded in the binary; help and status-bar hints are generated from it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use toml::Table;

use super::action::Action;
use crate::error::Error;

const DEFAULT: &str = include_str!("../../assets/keymap.toml");

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
    /// The keys as written in the keymap file, for display.
    pub key_names: Vec<String>,
    pub description: String,
    /// A short label for the status bar, when the key belongs there.
    pub hint: Option<String>,
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
    fn default() -> Keymap {
        Keymap::parse(DEFAULT, "the built-in keymap").expect("the built-in keymap is valid")
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
            let context: Context = Context::deserialize(toml::Value::String(section.clone()))
                .map_err(|_| bad(format!("[{section}] is not a keymap section")))?;
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
                    key_names: entry.keys,
                    description: entry.description,
                    hint: entry.hint,
                });
            }
            sections.push((context, bindings));
        }
        Ok(Keymap { sections })
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
            .map(String::as_str)
    }
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
