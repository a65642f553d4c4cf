//! What the editor says about entities wins over detection: names the newsroom knows
//! (`entities.toml`), and corrections kept in the sidecar (rename, retype, merge, dismiss,
//! add). Detection runs unchanged; corrections are applied to its result each time, so
//! they hold on every later open and in every command.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};

use super::{Entities, Entity, EntityKind};
use crate::article::Article;

/// One entity as the editor (or the newsroom's list) says it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The entity it is about: a detected entity's id, or the id of an added one.
    pub id: String,
    /// The name to show (a rename), or an added entity's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EntityKind>,
    /// Other names of the same thing; entities detected under these names are merged in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Not an entity at all.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub dismissed: bool,
    /// Added by the editor: every occurrence of the name and aliases is a mention.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub added: bool,
}

impl Correction {
    /// A correction of the entity `id` that changes nothing yet: set what it changes.
    pub fn of(id: &str) -> Correction {
        Correction {
            id: id.to_string(),
            name: None,
            kind: None,
            aliases: Vec::new(),
            dismissed: false,
            added: false,
        }
    }

    /// An entity added by name, as the newsroom's list or the editor's selection gives it.
    pub fn added(name: &str, kind: EntityKind, aliases: Vec<String>) -> Correction {
        Correction {
            id: slug(name),
            name: Some(name.to_string()),
            kind: Some(kind),
            aliases,
            dismissed: false,
            added: true,
        }
    }

    fn names(&self) -> impl Iterator<Item = &str> {
        self.name
            .as_deref()
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
    }
}

/// Apply known names, then corrections, to what detection found.
pub fn apply(
    article: &Article,
    detected: &Entities,
    known: &[Correction],
    corrections: &[Correction],
) -> Entities {
    let added = added_names(known, corrections);
    if added.is_empty() {
        return correct(detected, corrections);
    }
    correct(&with_added(article, detected, &added), corrections)
}

/// The names that become entities of their own: the newsroom's list, then the editor's.
pub(crate) fn added_names<'a>(
    known: &'a [Correction],
    corrections: &'a [Correction],
) -> Vec<&'a Correction> {
    known
        .iter()
        .chain(corrections.iter().filter(|c| c.added))
        .filter(|c| c.name.is_some())
        .collect()
}

/// What detection found with the `added` names made entities, the first step of [`apply`],
/// which the other corrections are made on. Its entities are not yet in the panel's
/// order.
pub(crate) fn with_added(
    article: &Article,
    detected: &Entities,
    added: &[&Correction],
) -> Entities {
    let mut list: Vec<Entity> = detected.as_slice().to_vec();
    let mut merges = Vec::new();
    let taken = add_by_name(article, detected, &mut list, added, &mut merges);
    // Each added name's mentions, with the index of its entity.
    let at: Vec<Option<usize>> = added
        .iter()
        .map(|c| list.iter().position(|e| e.id == c.id))
        .collect();
    let taken: Vec<(Range<usize>, usize)> = taken
        .into_iter()
        .filter_map(|(mention, name)| Some((mention, at[name]?)))
        .collect();
    Entities::renumbered(list, detected, &merges, &taken)
}

/// The renames, new types, merges and dismissals among `corrections` made on `before`,
/// the second step of [`apply`]. The mentions are `before`'s, each kept by its entity or
/// by the one it went into, so their index by position is `before`'s, renumbered.
pub(crate) fn correct(before: &Entities, corrections: &[Correction]) -> Entities {
    let mut list: Vec<Entity> = before.as_slice().to_vec();
    // Which entity went into which, by id.
    let mut merges = Vec::new();
    for correction in corrections.iter().filter(|c| !c.added) {
        let Some(index) = list.iter().position(|e| e.id == correction.id) else {
            continue;
        };
        if correction.dismissed {
            list.remove(index);
            continue;
        }
        for alias in &correction.aliases {
            merge_named(&mut list, index, alias, &mut merges);
        }
        let index = list
            .iter()
            .position(|e| e.id == correction.id)
            .expect("still there");
        let entity = &mut list[index];
        if let Some(name) = &correction.name {
            entity.aliases.retain(|a| a != name);
            entity.name = name.clone();
        }
        if let Some(kind) = correction.kind {
            entity.kind = kind;
        }
    }
    Entities::moved(list, before, &merges)
}

/// Make an entity of each added name: every whole-word occurrence of its names is a
/// mention, taking the place of any detected mention it overlaps, and a detected entity
/// under one of its names is merged into it. Returns the mentions found, in text order,
/// each with the index in `added` of its name. `list` is `detected`'s entities, in its
/// order.
fn add_by_name(
    article: &Article,
    detected: &Entities,
    list: &mut Vec<Entity>,
    added: &[&Correction],
    merges: &mut Vec<(String, String)>,
) -> Vec<(Range<usize>, usize)> {
    if added.is_empty() {
        return Vec::new();
    }
    let patterns: Vec<(&str, usize)> = added
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.names().filter(|n| !n.is_empty()).map(move |n| (n, i)))
        .collect();
    let matcher = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns.iter().map(|(p, _)| p))
        .expect("plain names always build");
    let text = article.text();
    let mut found: Vec<Vec<Range<usize>>> = vec![Vec::new(); added.len()];
    for m in matcher.find_iter(text) {
        if is_whole_word(text, m.range()) {
            found[patterns[m.pattern().as_usize()].1].push(m.range());
        }
    }
    // The matches never overlap one another: sorted by start, they are sorted by end too.
    let mut taken: Vec<(Range<usize>, usize)> = found
        .iter()
        .enumerate()
        .flat_map(|(i, mentions)| mentions.iter().map(move |m| (m.clone(), i)))
        .collect();
    taken.sort_unstable_by_key(|(t, _)| t.start);
    // The detected mentions a match overlaps, by entity: found in one walk of the index by
    // position beside the matches, both in text order.
    let mut overlapped: Vec<Vec<Range<usize>>> = vec![Vec::new(); list.len()];
    let mut next = 0;
    for (mention, i) in &detected.by_position {
        while taken.get(next).is_some_and(|(t, _)| t.end <= mention.start) {
            next += 1;
        }
        if taken.get(next).is_some_and(|(t, _)| t.start < mention.end) {
            overlapped[*i].push(mention.clone());
        }
    }
    for (entity, gone) in list.iter_mut().zip(overlapped) {
        if !gone.is_empty() {
            let mut gone = gone.into_iter().peekable();
            entity.mentions.retain(|m| gone.next_if_eq(m).is_none());
        }
    }
    for (correction, mentions) in added.iter().zip(found) {
        let name = correction.name.clone().expect("filtered");
        let index = match list.iter().position(|e| e.id == correction.id) {
            Some(index) => index,
            None => {
                list.push(Entity {
                    id: correction.id.clone(),
                    name: name.clone(),
                    kind: correction.kind.unwrap_or(EntityKind::Other),
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                });
                list.len() - 1
            }
        };
        for alias in correction.names() {
            merge_named(list, index, alias, merges);
        }
        let index = list
            .iter()
            .position(|e| e.id == correction.id)
            .expect("still there");
        let entity = &mut list[index];
        entity.name = name;
        entity.kind = correction.kind.unwrap_or(entity.kind);
        for alias in &correction.aliases {
            if !entity.aliases.contains(alias) {
                entity.aliases.push(alias.clone());
            }
        }
        entity.mentions.extend(mentions);
        entity.mentions.sort_by_key(|m| (m.start, m.end));
        entity.mentions.dedup();
    }
    list.retain(|e| !e.mentions.is_empty());
    taken
}

/// Merge every other entity whose name or alias is `name` (ignoring case) into the one at
/// `into`; their names become its aliases. Each merge is noted in `merges` as the two ids.
fn merge_named(
    list: &mut Vec<Entity>,
    into: usize,
    name: &str,
    merges: &mut Vec<(String, String)>,
) {
    let target_id = list[into].id.clone();
    let lower = name.to_lowercase();
    let (merged, kept): (Vec<Entity>, Vec<Entity>) =
        std::mem::take(list).into_iter().partition(|e| {
            e.id != target_id
                && (e.name.to_lowercase() == lower
                    || e.aliases.iter().any(|a| a.to_lowercase() == lower))
        });
    *list = kept;
    let target = list
        .iter_mut()
        .find(|e| e.id == target_id)
        .expect("the target is kept");
    for entity in merged {
        merges.push((entity.id.clone(), target_id.clone()));
        for alias in std::iter::once(entity.name).chain(entity.aliases) {
            if alias != target.name && !target.aliases.contains(&alias) {
                target.aliases.push(alias);
            }
        }
        target.mentions.extend(entity.mentions);
    }
    target.mentions.sort_by_key(|m| (m.start, m.end));
    target.mentions.dedup();
}

/// Neither end of the range is inside a word.
fn is_whole_word(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Lower-case words joined by hyphens: the id of an entity named `name`.
pub fn slug(name: &str) -> String {
    let slug: Vec<String> = name
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if slug.is_empty() {
        "entity".to_string()
    } else {
        slug.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The index of mentions by position that adding names makes from detection's, by
    /// merging, is the one a sort of every mention gives: on each example article, with
    /// names that overlap detected mentions (a person's surname), that merge a detected
    /// entity (one's whole name, given another kind) and that are nowhere in the text.
    #[test]
    fn added_names_index_their_mentions_as_a_fresh_sort_would() {
        let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        for name in [
            "harbour-wire.txt",
            "clinic-waiting-times.txt",
            "long-feature.txt",
        ] {
            let article = Article::load(&examples.join(name)).unwrap();
            let detected = crate::entity::detect(&article);
            let surnames = detected
                .iter()
                .filter(|e| e.kind == EntityKind::Person)
                .filter_map(|e| e.name.rsplit_once(' ').map(|(_, last)| last))
                .take(3);
            let whole = detected.iter().find(|e| e.kind != EntityKind::Place);
            let mut added: Vec<Correction> = surnames
                .map(|n| Correction::added(n, EntityKind::Other, Vec::new()))
                .collect();
            added.extend(whole.map(|e| Correction::added(&e.name, EntityKind::Place, Vec::new())));
            added.push(Correction::added(
                "Nowhere Written",
                EntityKind::Other,
                Vec::new(),
            ));
            assert!(added.len() >= 4, "{name}: too few names to add");
            let added: Vec<&Correction> = added.iter().collect();
            let entities = with_added(&article, &detected, &added);
            let sorted = Entities::in_order(entities.as_slice().to_vec());
            assert_eq!(entities.by_position, sorted.by_position, "{name}");
            assert!(entities.by_position.len() > 10, "{name}");
        }
    }

    /// A name from the newsroom's list takes every place it is written, and a detected
    /// mention it overlaps gives way: here the whole of "Hilde Sandvik", whose entity goes
    /// with its last mention.
    #[test]
    fn an_added_name_takes_the_place_of_the_detected_mentions_it_overlaps() {
        let text = "Hilde Sandvik spoke first at the hearing in Bergen.\n\n\
                    Later Hilde Sandvik said the plan would work, and Sandvik repeated it.\n";
        let article = Article::from_text(Path::new("a.txt"), text);
        let detected = crate::entity::detect(&article);
        assert!(detected.iter().any(|e| e.name == "Hilde Sandvik"));
        let known = [Correction::added(
            "Sandvik",
            EntityKind::Organization,
            Vec::new(),
        )];
        let entities = apply(&article, &detected, &known, &[]);
        let sandvik = entities.by_id("sandvik").expect("the listed name");
        let written: Vec<&str> = sandvik.mentions.iter().map(|m| &text[m.clone()]).collect();
        assert_eq!(written, ["Sandvik"; 3]);
        assert!(entities.iter().all(|e| e.name != "Hilde Sandvik"));
        let everything = entities.mentions_in(0..text.len()).collect::<Vec<_>>();
        assert!(everything.windows(2).all(|w| w[0].0.end <= w[1].0.start));
        assert!(
            entities.iter().any(|e| e.name == "Bergen"),
            "the others stay"
        );
    }
}
