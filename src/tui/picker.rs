//! The picker: choices filtered by what the user types, for linking a claim to a source
//! or entity and for merging entities.

use super::action::Action;

/// What a choice links the claim to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An existing source annotation, by id.
    Source(String),
    /// An entity, by index in panel order.
    Entity(usize),
    /// A verdict for the claim, or none.
    Verdict(Option<String>),
    /// A new source given by the words typed in the filter.
    NewSource,
    /// A format to export to.
    Format(crate::export::Format),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub label: String,
    pub target: Target,
    /// Already linked to the claim.
    pub linked: bool,
}

/// What the picker chooses for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// A source or entity for the claim with this id.
    Link { claim: String },
    /// The entity that the entity with this id is merged into.
    Merge { entity: String },
    /// A verdict for the claim with this id.
    Verdict { claim: String },
    /// The format of an export.
    Export,
}

#[derive(Debug, Clone)]
pub struct Picker {
    pub purpose: Purpose,
    choices: Vec<Choice>,
    pub filter: String,
    /// Index into the filtered choices.
    pub chosen: usize,
}

impl Picker {
    pub fn new(purpose: Purpose, choices: Vec<Choice>) -> Picker {
        Picker {
            purpose,
            choices,
            filter: String::new(),
            chosen: 0,
        }
    }

    /// The choices whose label holds every word of the filter, ignoring case; when linking,
    /// also a new source described by the filter's words.
    pub fn visible(&self) -> Vec<Choice> {
        let words: Vec<String> = self
            .filter
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        self.choices
            .iter()
            .filter(|c| {
                let label = c.label.to_lowercase();
                words.iter().all(|w| label.contains(w.as_str()))
            })
            .cloned()
            .chain(self.new_source())
            .collect()
    }

    /// "new source: “a document seen by the newspaper”", while linking with words typed.
    fn new_source(&self) -> Option<Choice> {
        let typed = self.filter.trim();
        (matches!(self.purpose, Purpose::Link { .. }) && !typed.is_empty()).then(|| Choice {
            label: format!("new source: \u{201c}{typed}\u{201d}"),
            target: Target::NewSource,
            linked: false,
        })
    }

    pub fn selected(&self) -> Option<Choice> {
        self.visible().get(self.chosen).cloned()
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::PickerDown => {
                let count = self.visible().len();
                if self.chosen + 1 < count {
                    self.chosen += 1;
                }
            }
            Action::PickerUp => self.chosen = self.chosen.saturating_sub(1),
            Action::PickerType(c) => {
                self.filter.push(c);
                self.chosen = 0;
            }
            Action::PickerErase => {
                self.filter.pop();
                self.chosen = 0;
            }
            _ => {}
        }
    }
}
