//! Changes to the annotations: tag, delete, link. Each is one undo step and is saved.

use std::ops::Range;

use super::app::{App, Effect, Overlay};
use super::picker::{Choice, Picker, Purpose, Target};
use crate::annotation::{Annotation, Kind, SourceKind};
use crate::article::trim_range;

impl App {
    /// A new annotation on a range of the article, stamped with the config's author.
    pub(super) fn new_annotation(&mut self, kind: Kind, range: Range<usize>) -> String {
        let id = self.doc.annotations.add(&self.doc.article, kind, range);
        self.stamp_author(&id);
        id
    }

    /// A new source not in the text, stamped with the config's author.
    pub(super) fn new_detached_source(&mut self, description: &str, kind: SourceKind) -> String {
        let id = self.doc.annotations.add_detached(description, kind);
        self.stamp_author(&id);
        id
    }

    fn stamp_author(&mut self, id: &str) {
        if let Some(author) = &self.config.author {
            self.doc.annotations.set_author(id, author);
        }
    }

    /// What the keys act on: the selection, else the cursor's sentence.
    pub fn target_range(&self) -> Option<Range<usize>> {
        match self.selection {
            Some(selection) => {
                let range = trim_range(self.doc.article.text(), selection.range());
                (!range.is_empty()).then_some(range)
            }
            None => self
                .doc
                .article
                .sentences()
                .get(self.cursor)
                .map(|s| s.range.clone()),
        }
    }

    pub(super) fn tag(&mut self, kind: Kind) -> Option<Effect> {
        let Some(range) = self.target_range() else {
            self.message = Some("Nothing selected to tag".into());
            return None;
        };
        if let Some(existing) = self
            .doc
            .annotations
            .overlapping(range.clone())
            .find(|a| a.kind == kind && a.range() == Some(range.clone()))
        {
            self.message = Some(format!("This is already {} {}", kind, existing.id));
            self.selection = None;
            return None;
        }
        // A source that is exactly one entity's mention(s) stands for that entity.
        let entity = (kind == Kind::Source)
            .then(|| self.sole_entity_in(range.clone()))
            .flatten();
        let id_preview = self.describe(&range);
        self.remember(format!("tag {kind} {id_preview}"));
        let id = self.new_annotation(kind, range);
        if let Some(entity) = entity {
            self.doc.annotations.set_entity(&id, Some(entity));
        }
        self.selection = None;
        self.message = Some(format!("Tagged {kind} {id}"));
        Some(Effect::Save)
    }

    pub(super) fn delete_here(&mut self) -> Option<Effect> {
        let range = self.target_range()?;
        let Some(innermost) = self
            .doc
            .annotations
            .overlapping(range)
            .min_by_key(|a| a.range().map_or(usize::MAX, |r| r.len()))
        else {
            self.message = Some("No annotation here to delete".into());
            return None;
        };
        let (id, kind) = (innermost.id.clone(), innermost.kind);
        self.remember(format!("delete {kind} {id}"));
        self.doc.annotations.remove(&id);
        self.selection = None;
        self.message = Some(format!("Deleted {kind} {id}"));
        Some(Effect::Save)
    }

    /// The claim the cursor is on: of the claims overlapping it, the one overlapping most.
    pub fn claim_here(&self) -> Option<&Annotation> {
        let range = self.target_range()?;
        self.doc
            .annotations
            .overlapping(range.clone())
            .filter(|a| a.kind == Kind::Claim)
            .max_by_key(|a| {
                let r = a.range().unwrap_or(0..0);
                (
                    r.end
                        .min(range.end)
                        .saturating_sub(r.start.max(range.start)),
                    std::cmp::Reverse(r.len()),
                )
            })
    }

    pub(super) fn open_picker(&mut self) {
        let Some(claim) = self.claim_here() else {
            self.message = Some("No claim here to link: tag one with c first".into());
            return;
        };
        let claim_id = claim.id.clone();
        let linked = claim.sources.clone();
        let mut choices: Vec<Choice> = self
            .doc
            .annotations
            .iter()
            .filter(|a| a.kind == Kind::Source)
            .map(|a| {
                let entity = a
                    .entity
                    .as_deref()
                    .and_then(|id| self.doc.entities.by_id(id))
                    .map(|e| format!(" ({})", e.name))
                    .unwrap_or_default();
                Choice {
                    label: format!(
                        "source {}: \u{201c}{}\u{201d}{entity}",
                        a.id,
                        one_line(&a.anchor.quote, 60)
                    ),
                    target: Target::Source(a.id.clone()),
                    linked: linked.contains(&a.id),
                }
            })
            .collect();
        choices.extend(self.doc.entities.iter().enumerate().map(|(i, e)| Choice {
            label: format!("{}: {}", e.kind, e.name),
            target: Target::Entity(i),
            linked: false,
        }));
        if choices.is_empty() {
            self.message = Some("There are no sources or entities to link to".into());
            return;
        }
        self.selection = None;
        self.overlay = Some(Overlay::Picker(Picker::new(
            Purpose::Link { claim: claim_id },
            choices,
        )));
    }

    pub(super) fn confirm_picker(&mut self) -> Option<Effect> {
        let Some(Overlay::Picker(picker)) = self.overlay.take() else {
            return None;
        };
        let Some(choice) = picker.selected() else {
            self.message = Some("Nothing matches the filter".into());
            return None;
        };
        let claim = match picker.purpose {
            Purpose::Link { claim } => claim,
            Purpose::Verdict { claim } => {
                let Target::Verdict(verdict) = choice.target else {
                    return None;
                };
                return self.set_verdict(&claim, verdict);
            }
            Purpose::Merge { entity } => {
                let Target::Entity(into) = choice.target else {
                    return None;
                };
                return self.merge_entity(&entity, into);
            }
            Purpose::Export => {
                if let Target::Format(format) = choice.target {
                    self.ask_export_path(format);
                }
                return None;
            }
        };
        let claim_range = self
            .doc
            .annotations
            .get(&claim)
            .and_then(Annotation::range)?;
        match choice.target {
            Target::Source(source) => {
                if choice.linked {
                    self.message = Some(format!("{claim} is already linked to {source}"));
                    return None;
                }
                self.remember(format!("link {claim} to {source}"));
                self.doc.annotations.link(&claim, &source);
                self.message = Some(format!("Linked {claim} to {source}"));
            }
            Target::NewSource => {
                let description = picker.filter.trim().to_string();
                self.remember(format!("link {claim} to a new source"));
                let kind = SourceKind::guess(&description, None);
                let source = self.new_detached_source(&description, kind);
                self.doc.annotations.link(&claim, &source);
                self.message = Some(format!(
                    "Linked {claim} to new source {source}: {description}"
                ));
            }
            Target::Verdict(_) | Target::Format(_) => return None,
            Target::Entity(index) => {
                let entity = self.doc.entities.get(index)?.clone();
                self.remember(format!("link {claim} to {}", entity.name));
                // Reuse a source that already stands for the entity, nearest the claim;
                // else make one of its mention nearest the claim.
                let near = |r: &Range<usize>| r.start.abs_diff(claim_range.start);
                let existing = self
                    .doc
                    .annotations
                    .iter()
                    .filter(|a| {
                        a.kind == Kind::Source && a.entity.as_deref() == Some(entity.id.as_str())
                    })
                    .min_by_key(|a| a.range().map_or(usize::MAX, |r| near(&r)))
                    .map(|a| a.id.clone());
                let source = match existing {
                    Some(id) => id,
                    None => {
                        let mention = entity.mentions.iter().min_by_key(|m| near(m))?.clone();
                        let id = self.new_annotation(Kind::Source, mention);
                        self.doc
                            .annotations
                            .set_entity(&id, Some(entity.id.clone()));
                        id
                    }
                };
                if !self.doc.annotations.link(&claim, &source) {
                    self.forget_last();
                    self.message = Some(format!("{claim} is already linked to {source}"));
                    return None;
                }
                self.message = Some(format!("Linked {claim} to {source} ({})", entity.name));
            }
        }
        Some(Effect::Save)
    }

    /// The entity a source span stands for: the only entity mentioned in it, or else
    /// the only person ("Port Authority spokesman Jonas Whitfield" is Whitfield).
    fn sole_entity_in(&self, range: Range<usize>) -> Option<String> {
        let mut entities: Vec<usize> = self
            .doc
            .entities
            .mentions_in(range.clone())
            .filter(|(m, _)| range.start <= m.start && m.end <= range.end)
            .map(|(_, e)| e)
            .collect();
        entities.sort_unstable();
        entities.dedup();
        let people: Vec<usize> = entities
            .iter()
            .copied()
            .filter(|&e| {
                self.doc
                    .entities
                    .get(e)
                    .is_some_and(|e| e.kind == crate::entity::EntityKind::Person)
            })
            .collect();
        let sole = match (entities.as_slice(), people.as_slice()) {
            ([only], _) | (_, [only]) => *only,
            _ => return None,
        };
        self.doc.entities.get(sole).map(|e| e.id.clone())
    }

    /// A few words of a range, for undo labels.
    fn describe(&self, range: &Range<usize>) -> String {
        format!(
            "\u{201c}{}\u{201d}",
            one_line(&self.doc.article.text()[range.clone()], 30)
        )
    }
}

/// Text on one line, shortened to `max` characters with an ellipsis.
pub fn one_line(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}
