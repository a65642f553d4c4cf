//! The entity panel: choosing entities, stepping through their mentions, and the editor's
//! corrections (rename, retype, merge, dismiss, add, make a source). Corrections are kept
//! in the sidecar and win over detection; each is one undo step.

use super::app::{App, Effect, Overlay};
use super::picker::{Choice, Picker, Purpose as PickerPurpose, Target};
use super::prompt::{Prompt, Purpose as PromptPurpose};
use crate::annotation::Kind;
use crate::entity::{Correction, EntityKind};

/// A row of the entity panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelRow {
    /// The heading of a kind ("People").
    Heading(EntityKind),
    /// An entity, by its index in panel order.
    Entity(usize),
}

impl App {
    /// Indexes (in panel order) of the entities the filter lets through.
    pub fn visible_entities(&self) -> Vec<usize> {
        let filter = self.entity_filter.to_lowercase();
        self.doc
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                filter.is_empty()
                    || std::iter::once(&e.name)
                        .chain(&e.aliases)
                        .any(|n| n.to_lowercase().contains(&filter))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The panel's rows as drawn: a heading before each kind, then its visible entities.
    pub fn panel_rows(&self) -> Vec<PanelRow> {
        let mut rows = Vec::new();
        let mut kind = None;
        for index in self.visible_entities() {
            let Some(entity) = self.doc.entities.get(index) else {
                continue;
            };
            if kind != Some(entity.kind) {
                kind = Some(entity.kind);
                rows.push(PanelRow::Heading(entity.kind));
            }
            rows.push(PanelRow::Entity(index));
        }
        rows
    }

    /// Whether the panel's last line shows the filter (set, or being typed).
    pub fn panel_filtering(&self) -> bool {
        !self.entity_filter.is_empty() || self.context() == super::keymap::Context::Prompt
    }

    /// Rows of entities the panel shows inside its border of `inner` rows.
    pub fn panel_height(&self, inner: u16) -> usize {
        inner as usize - usize::from(self.panel_filtering() && inner > 1)
    }

    /// The first panel row on screen when `height` rows fit: the chosen entity is in view.
    pub fn panel_offset(rows: &[PanelRow], chosen: usize, height: usize) -> usize {
        let chosen_row = rows
            .iter()
            .position(|r| *r == PanelRow::Entity(chosen))
            .unwrap_or(0);
        (chosen_row + 1).saturating_sub(height)
    }

    pub(super) fn move_in_panel(&mut self, down: bool) {
        let visible = self.visible_entities();
        let here = visible.iter().position(|&i| i == self.entity);
        let next = match (here, down) {
            (None, _) => visible.first(),
            (Some(at), true) => visible.get(at + 1).or(visible.last()),
            (Some(at), false) => visible.get(at.saturating_sub(1)),
        };
        if let Some(&next) = next {
            self.entity = next;
            self.mention = None;
        }
    }

    /// After the filter changed, choose the first visible entity if the chosen one is hidden.
    pub(super) fn keep_chosen_entity_visible(&mut self) {
        let visible = self.visible_entities();
        if !visible.contains(&self.entity)
            && let Some(&first) = visible.first()
        {
            self.entity = first;
            self.mention = None;
        }
    }

    /// Choose the entity with this id, if it is there.
    fn choose_entity_id(&mut self, id: &str) {
        if let Some(index) = self.doc.entities.iter().position(|e| e.id == id) {
            self.entity = index;
        }
        self.entity = self.entity.min(self.doc.entities.len().saturating_sub(1));
        self.mention = None;
    }

    /// Jump to the chosen entity's next (or previous) mention after the last one jumped to
    /// (or the cursor), wrapping round at the ends.
    pub(super) fn step_mention(&mut self, forward: bool) {
        let Some(entity) = self.doc.entities.get(self.entity) else {
            return;
        };
        let mentions = &entity.mentions;
        if mentions.is_empty() {
            return;
        }
        let here = match &self.mention {
            Some(m) => m.start,
            None => self
                .doc
                .article
                .sentences()
                .get(self.cursor)
                .map_or(0, |s| s.range.start),
        };
        let index = if forward {
            let first_after = |m: &std::ops::Range<usize>| {
                if self.mention.is_some() {
                    m.start > here
                } else {
                    m.start >= here
                }
            };
            mentions.iter().position(first_after).unwrap_or(0)
        } else {
            mentions
                .iter()
                .rposition(|m| m.start < here)
                .unwrap_or(mentions.len() - 1)
        };
        let mention = mentions[index].clone();
        self.message = Some(format!(
            "{}: mention {} of {}",
            entity.name,
            index + 1,
            mentions.len()
        ));
        self.cursor = self.doc.article.sentence_at(mention.start);
        self.mention = Some(mention);
        self.scroll_to_cursor();
    }

    pub(super) fn open_filter(&mut self) {
        let filter = self.entity_filter.clone();
        self.overlay = Some(Overlay::Prompt(Box::new(Prompt::new(
            PromptPurpose::Filter,
            &filter,
        ))));
    }

    pub(super) fn open_rename(&mut self) {
        if let Some(entity) = self.doc.entities.get(self.entity) {
            let purpose = PromptPurpose::Rename {
                entity: entity.id.clone(),
            };
            self.overlay = Some(Overlay::Prompt(Box::new(Prompt::new(
                purpose,
                &entity.name,
            ))));
        }
    }

    pub(super) fn open_merge(&mut self) {
        let Some(entity) = self.doc.entities.get(self.entity) else {
            return;
        };
        let choices: Vec<Choice> = self
            .doc
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.id != entity.id)
            .map(|(i, e)| Choice {
                label: format!("{}: {}", e.kind, e.name),
                target: Target::Entity(i),
                linked: false,
            })
            .collect();
        if choices.is_empty() {
            self.message = Some("There is no other entity to merge into".into());
            return;
        }
        let purpose = PickerPurpose::Merge {
            entity: entity.id.clone(),
        };
        self.overlay = Some(Overlay::Picker(Picker::new(purpose, choices)));
    }

    /// Change the corrections in one undo step, apply them, and keep `choose` chosen.
    fn correct(
        &mut self,
        label: String,
        choose: &str,
        change: impl FnOnce(&mut Vec<Correction>),
    ) -> Option<Effect> {
        self.remember(label.clone());
        change(&mut self.doc.corrections);
        self.refresh_entities();
        self.choose_entity_id(choose);
        self.message = Some(label);
        Some(Effect::Save)
    }

    pub(super) fn rename_entity(&mut self, id: &str, name: &str) -> Option<Effect> {
        let entity = self.doc.entities.by_id(id)?;
        if name.is_empty() || name == entity.name {
            return None;
        }
        let label = format!("Renamed {} to {name}", entity.name);
        self.correct(label, id, |corrections| {
            correction_for(corrections, id).name = Some(name.to_string());
        })
    }

    pub(super) fn retype_entity(&mut self) -> Option<Effect> {
        let entity = self.doc.entities.get(self.entity)?;
        let kinds = EntityKind::ALL;
        let next = kinds[(kinds.iter().position(|k| *k == entity.kind)? + 1) % kinds.len()];
        let (id, label) = (entity.id.clone(), format!("{} is now: {next}", entity.name));
        self.correct(label, &id.clone(), |corrections| {
            correction_for(corrections, &id).kind = Some(next);
        })
    }

    /// Merge the entity `from` into the entity at `into`: its names become aliases and
    /// sources that stood for it now stand for the other.
    pub(super) fn merge_entity(&mut self, from: &str, into: usize) -> Option<Effect> {
        let source = self.doc.entities.by_id(from)?.clone();
        let target = self.doc.entities.get(into)?.clone();
        let label = format!("Merged {} into {}", source.name, target.name);
        let linked: Vec<String> = self
            .doc
            .annotations
            .iter()
            .filter(|a| a.entity.as_deref() == Some(from))
            .map(|a| a.id.clone())
            .collect();
        let effect = self.correct(label, &target.id, |corrections| {
            let correction = correction_for(corrections, &target.id);
            correction.aliases.push(source.name.clone());
        });
        for id in linked {
            self.doc
                .annotations
                .set_entity(&id, Some(target.id.clone()));
        }
        effect
    }

    pub(super) fn dismiss_entity(&mut self) -> Option<Effect> {
        let entity = self.doc.entities.get(self.entity)?.clone();
        let label = format!("Dismissed {}", entity.name);
        let next = self
            .doc
            .entities
            .get(self.entity + 1)
            .or_else(|| self.doc.entities.get(self.entity.wrapping_sub(1)))
            .map(|e| e.id.clone())
            .unwrap_or_default();
        self.correct(label, &next, |corrections| {
            // An entity the editor added is simply taken back.
            if let Some(at) = corrections
                .iter()
                .position(|c| c.id == entity.id && c.added)
            {
                corrections.remove(at);
            } else {
                correction_for(corrections, &entity.id).dismissed = true;
            }
        })
    }

    /// Make the chosen entity a source: a source annotation on the mention last jumped to,
    /// or the mention nearest the cursor, linked to the entity.
    pub(super) fn entity_source(&mut self) -> Option<Effect> {
        let entity = self.doc.entities.get(self.entity)?.clone();
        let here = self
            .doc
            .article
            .sentences()
            .get(self.cursor)
            .map_or(0, |s| s.range.start);
        let mention = self
            .mention
            .clone()
            .filter(|m| entity.mentions.contains(m))
            .or_else(|| {
                entity
                    .mentions
                    .iter()
                    .min_by_key(|m| m.start.abs_diff(here))
                    .cloned()
            })?;
        if let Some(existing) = self
            .doc
            .annotations
            .overlapping(mention.clone())
            .find(|a| a.kind == Kind::Source && a.range() == Some(mention.clone()))
        {
            self.message = Some(format!("This mention is already source {}", existing.id));
            return None;
        }
        self.remember(format!("make {} a source", entity.name));
        let id = self.new_annotation(Kind::Source, mention.clone());
        self.doc
            .annotations
            .set_entity(&id, Some(entity.id.clone()));
        self.message = Some(format!("Source {id}: {}", entity.name));
        self.mention = Some(mention);
        Some(Effect::Save)
    }

    /// Add the selected text as an entity; every occurrence of it becomes a mention.
    pub(super) fn add_entity(&mut self) -> Option<Effect> {
        let range = self.target_range()?;
        let name = entity_name(&self.doc.article.text()[range]);
        if name.is_empty() {
            self.message = Some("Select a name to add it as an entity".into());
            return None;
        }
        let id = crate::entity::slug(&name);
        self.selection = None;
        if let Some(existing) = self
            .doc
            .entities
            .iter()
            .find(|e| e.id == id || e.name == name)
        {
            self.message = Some(format!("{} is already an entity", existing.name));
            return None;
        }
        let kind = guess_kind(&name);
        let label = format!("Added {name} as {kind}");
        self.correct(label, &id, |corrections| {
            corrections.push(Correction::added(&name, kind, Vec::new()));
        })
    }
}

/// The correction for an entity id, made if there is none yet.
fn correction_for<'c>(corrections: &'c mut Vec<Correction>, id: &str) -> &'c mut Correction {
    match corrections.iter().position(|c| c.id == id) {
        Some(at) => &mut corrections[at],
        None => {
            corrections.push(Correction::of(id));
            corrections.last_mut().expect("just pushed")
        }
    }
}

/// The name in a selection: spaces made single, quotation marks and punctuation around it
/// dropped, but a full stop kept after an abbreviation ("Harcourt Bauer & Co.").
fn entity_name(selected: &str) -> String {
    let flat = selected.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = flat.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
    let trimmed = trimmed.trim_start_matches('.');
    let last_word = trimmed.rsplit(' ').next().unwrap_or("");
    let abbreviation =
        last_word.ends_with('.') && last_word.chars().filter(|c| c.is_alphabetic()).count() <= 3;
    let name = if abbreviation {
        trimmed
    } else {
        trimmed.trim_end_matches('.')
    };
    name.to_string()
}

/// A first guess for an added entity's type; `t` changes it. Several capitalised words
/// are most often a person's name.
fn guess_kind(name: &str) -> EntityKind {
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() > 1
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        EntityKind::Person
    } else {
        EntityKind::Other
    }
}
