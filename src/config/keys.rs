//! The config's `[keys.CONTEXT]` tables: `action = "key"` or `action = ["key", …]`, with
//! where each was written, so that the keymap can name the line of a binding it refuses.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;

use super::{At, place};

/// `[keys.CONTEXT]` tables as TOML has them.
pub(super) type RawKeys =
    BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<toml::Value>>>;

/// One `[keys.CONTEXT]` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyContext {
    /// The context as written: `article`, `global`, …
    pub name: String,
    pub at: At,
    pub bindings: Vec<KeyOverride>,
}

/// One `action = keys` line: the action's keys in its context, replacing the defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    /// The action as written: `tag_claim`, …
    pub action: String,
    /// The keys as written; none unbinds the action.
    pub keys: Vec<String>,
    /// Where the action's name is.
    pub at: At,
    /// Where its keys are.
    pub keys_at: At,
}

/// The tables in file order; an error is the span it concerns and a message.
pub(super) fn read(
    raw: RawKeys,
    text: &str,
) -> Result<Vec<KeyContext>, (Option<Range<usize>>, String)> {
    let mut contexts: Vec<(usize, KeyContext)> = Vec::new();
    for (context, actions) in raw {
        let mut bindings: Vec<(usize, KeyOverride)> = Vec::new();
        for (action, value) in actions {
            let keys = match value.get_ref() {
                toml::Value::String(key) => Some(vec![key.clone()]),
                toml::Value::Array(items) => items
                    .iter()
                    .map(|item| item.as_str().map(str::to_string))
                    .collect(),
                _ => None,
            }
            .ok_or_else(|| {
                (
                    Some(value.span()),
                    format!(
                        "`{}` in [keys.{}] takes a key or a list of keys, such as \"c\" or [\"c\", \"ctrl-t\"]",
                        action.get_ref(),
                        context.get_ref()
                    ),
                )
            })?;
            bindings.push((
                action.span().start,
                KeyOverride {
                    action: action.get_ref().clone(),
                    keys,
                    at: place(text, action.span().start),
                    keys_at: place(text, value.span().start),
                },
            ));
        }
        bindings.sort_by_key(|(start, _)| *start);
        contexts.push((
            context.span().start,
            KeyContext {
                name: context.get_ref().clone(),
                at: place(text, context.span().start),
                bindings: bindings.into_iter().map(|(_, b)| b).collect(),
            },
        ));
    }
    contexts.sort_by_key(|(start, _)| *start);
    Ok(contexts.into_iter().map(|(_, c)| c).collect())
}
