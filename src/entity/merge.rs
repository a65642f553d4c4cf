//! Turning candidate names into entities: one per name, then the merges that make one
//! entity of one real thing.

use std::collections::{HashMap, HashSet};

use super::lower_words::LowerCaseWords;
use std::ops::Range;

use super::detect::{GAELIC_PATRONYMICS, JOINERS, PARTICLES};
use super::lexicon::Lexicon;
use super::{Entity, EntityKind};

/// Words that start the name of a storm or an operation: "Cyclone Parisa".
pub(super) const STARTS_OTHER: &[&str] = &[
    "cyclone",
    "hurricane",
    "typhoon",
    "storm",
    "operation",
    "copa",
    "torneo",
    "taça",
    "coupe",
];

/// Organisation words that name one institution on their own when capitalised.
const STANDALONE: &[&str] = &["parliament", "senate", "congress", "cabinet"];

/// Votes for each type, in [`EntityKind::ALL`] order.
pub(super) type Votes = [u32; 4];

#[derive(Debug)]
pub(super) struct Candidate {
    /// The name as written, words separated by single spaces, possessive dropped.
    pub(super) name: String,
    pub(super) range: Range<usize>,
    pub(super) votes: Votes,
    /// Votes from the shape of the name alone ("Maré" is a given name), which say the same
    /// at every mention and so count once per entity, not once per mention.
    pub(super) prior: Votes,
    /// Its first word starts the sentence, so its capital letter proves nothing.
    pub(super) sentence_initial: bool,
    /// An acronym written in brackets right after it: "World Food Programme (WFP)".
    pub(super) acronym: Option<String>,
    /// The candidate just before it in a list with it ("Hammerfest, Vardø and Båtsfjord"),
    /// by index; things listed together are usually of one kind.
    pub(super) coordinated: Option<usize>,
}

/// Group candidates into entities: one per name, then merge surnames, acronyms and
/// short forms into the full names they stand for.
pub(super) fn merge(
    candidates: Vec<Candidate>,
    lex: &Lexicon,
    lower_words: &LowerCaseWords,
) -> Vec<Entity> {
    let mut groups = Groups::default();
    let mut acronyms = Vec::new();
    let mut group_of = Vec::with_capacity(candidates.len());
    for candidate in &candidates {
        let index = groups.add(candidate, lex);
        group_of.push(index);
        if let Some(acronym) = &candidate.acronym {
            acronyms.push((acronym.clone(), index));
        }
    }
    let lists: Vec<(usize, usize)> = candidates
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((group_of[i], group_of[c.coordinated?])))
        .collect();
    for (acronym, index) in acronyms {
        groups.add_acronym(&acronym, index);
    }
    groups.follow_lists(&lists);
    groups.default_kinds(lower_words, lex);
    groups.merge_short_names(lex);
    groups.into_entities(lex)
}

/// The mentions found under one name, and the evidence for its type.
struct Group {
    name: String,
    /// Every mention's votes, with the strongest prior of any mention counted once.
    votes: Votes,
    prior: Votes,
    mentions: Vec<Range<usize>>,
    aliases: Vec<String>,
    /// Seen somewhere other than the start of a sentence, or with real evidence.
    confirmed: bool,
}

impl Group {
    fn kind(&self) -> EntityKind {
        winner(self.votes)
    }

    fn words(&self) -> Vec<&str> {
        self.name.split(' ').collect()
    }

    fn add_alias(&mut self, alias: String) {
        if alias != self.name && !alias.is_empty() && !self.aliases.contains(&alias) {
            self.aliases.push(alias);
        }
    }
}

#[derive(Default)]
struct Groups {
    list: Vec<Group>,
    /// Lower-case name → index.
    by_key: HashMap<String, usize>,
}

impl Groups {
    /// File a candidate under its name (a gazetteer's canonical name when it has one).
    fn add(&mut self, candidate: &Candidate, lex: &Lexicon) -> usize {
        let canonical = lex.known(&candidate.name).map(|(c, _)| c.to_string());
        let name = canonical.clone().unwrap_or_else(|| candidate.name.clone());
        let list = &mut self.list;
        let index = *self.by_key.entry(name.to_lowercase()).or_insert_with(|| {
            list.push(Group {
                name,
                votes: [0; 4],
                prior: [0; 4],
                mentions: Vec::new(),
                aliases: Vec::new(),
                confirmed: false,
            });
            list.len() - 1
        });
        let group = &mut self.list[index];
        for k in 0..4 {
            let stronger = candidate.prior[k].saturating_sub(group.prior[k]);
            group.prior[k] += stronger;
            group.votes[k] += candidate.votes[k] + stronger;
        }
        group.confirmed |= !candidate.sentence_initial
            || (0..4).any(|k| candidate.votes[k] + candidate.prior[k] >= 2)
            || canonical.is_some();
        group.add_alias(candidate.name.clone());
        group.mentions.push(candidate.range.clone());
        index
    }

    /// Move one group's mentions, votes and names into another, leaving it empty.
    fn absorb(&mut self, from: usize, into: usize) {
        if from == into || self.list[from].mentions.is_empty() {
            return;
        }
        let Group {
            name,
            votes,
            prior,
            mentions,
            aliases,
            confirmed,
        } = std::mem::replace(
            &mut self.list[from],
            Group {
                name: String::new(),
                votes: [0; 4],
                prior: [0; 4],
                mentions: Vec::new(),
                aliases: Vec::new(),
                confirmed: false,
            },
        );
        let target = &mut self.list[into];
        target.mentions.extend(mentions);
        for (total, vote) in target.votes.iter_mut().zip(votes) {
            *total += vote;
        }
        for (strongest, vote) in target.prior.iter_mut().zip(prior) {
            *strongest = (*strongest).max(vote);
        }
        target.confirmed |= confirmed;
        for alias in std::iter::once(name).chain(aliases) {
            target.add_alias(alias);
        }
    }

    /// "NCFU" after "Norwegian Coastal Freight Workers' Union (NCFU)" is that union.
    fn add_acronym(&mut self, acronym: &str, index: usize) {
        match self.by_key.get(&acronym.to_lowercase()) {
            Some(&from) => self.absorb(from, index),
            None => self.list[index].add_alias(acronym.to_string()),
        }
    }

    /// A name with no evidence of its own takes the kind of the names listed with it:
    /// in "Hammerfest, Vardø and Båtsfjord" one known town makes towns of the others.
    fn follow_lists(&mut self, lists: &[(usize, usize)]) {
        for _ in 0..2 {
            let kinds: Vec<Option<EntityKind>> = self
                .list
                .iter()
                .map(|g| {
                    (g.votes != [0; 4])
                        .then(|| g.kind())
                        .filter(|k| *k != EntityKind::Other)
                })
                .collect();
            for &(a, b) in lists {
                for (this, other) in [(a, b), (b, a)] {
                    if self.list[this].votes == [0; 4]
                        && let Some(kind) = kinds[other]
                    {
                        self.list[this].votes[kind as usize] += 1;
                    }
                }
            }
        }
    }

    /// With no evidence at all: two to four words in title case are a person when they start
    /// with a given name or end in a name that speaks elsewhere, else most often an
    /// organisation ("Banyan Arc Capital"); a single camel-case word is a product
    /// ("DengueWatch"); a single unknown name is most often a place (a town, a district, a
    /// region). But a name with a word the article also writes in lower case is made of
    /// ordinary words, like the title of a film or a prize ("Golden Heron"), and is other.
    fn default_kinds(&mut self, lower_words: &LowerCaseWords, lex: &Lexicon) {
        // Single names with evidence of a person and of nothing else ("Ribeiro said"), which
        // make a person of a full name ending in them ("Ednaldo Ribeiro").
        let speakers: HashSet<String> = self
            .list
            .iter()
            .filter(|g| !g.name.contains(' ') && g.votes[0] > 0 && g.votes[1..] == [0; 3])
            .map(|g| g.name.clone())
            .collect();
        for group in &mut self.list {
            // Particles ("do" in "Serra do Cebolal") count neither way.
            let words: Vec<&str> = group
                .words()
                .into_iter()
                .filter(|w| !PARTICLES.contains(w) && !JOINERS.contains(w))
                .collect();
            if group.votes != [0; 4]
                || words.is_empty()
                || !words.iter().all(|w| is_title_case_word(w))
            {
                continue;
            }
            let ordinary = words
                .iter()
                .any(|w| lower_words.contains(w.to_lowercase().as_str()));
            let surname_spoke = words.len() > 1 && speakers.contains(words[words.len() - 1]);
            // "DengueWatch", "RotaVault": a capital inside a word names a product.
            if let [word] = words[..]
                && super::classify::is_camel_case(word)
            {
                group.votes[3] = 1;
                continue;
            }
            match (words.len(), ordinary) {
                (2..=4, _) if surname_spoke => group.votes[0] = 1,
                (1..=4, true) => group.votes[3] = 1,
                (1, false) => group.votes[2] = 1,
                (2..=4, false) if lex.is_given_name(words[0]) => group.votes[0] = 1,
                (2..=4, false) => group.votes[1] = 1,
                _ => {}
            }
        }
    }

    /// Merge short names into the full names they stand for: a surname ("Vance" after
    /// "Elena Vance"), a first name or a family name written first ("Chen" for "Chen Wei")
    /// when only one person has it and no one has it as a surname, and shorter forms of an
    /// organisation ("Port Authority" for "Bergen Port Authority").
    fn merge_short_names(&mut self, lex: &Lexicon) {
        // Each person's names that may stand alone: every word after the first that is not
        // itself a given name ("Condori" in "Rosa Elvira Condori de Huanca"), the last two
        // words together ("Sá Pereira"), and the first name when no one else has it.
        let mut surnames: HashMap<String, Vec<usize>> = HashMap::new();
        let mut first_names: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, group) in self.list.iter().enumerate() {
            let words = group.words();
            if words.len() < 2 || group.kind() != EntityKind::Person {
                continue;
            }
            let mut short: Vec<String> = words[1..]
                .iter()
                .filter(|w| {
                    // "d'Entremont", "al-Mamun" are surnames as much as "Sikder"
                    let bare = w.trim_start_matches(|c: char| {
                        c.is_lowercase() || c == '\'' || c == '’' || c == '-'
                    });
                    bare.chars().next().is_some_and(char::is_uppercase)
                })
                .filter(|w| !lex.is_given_name(w) || **w == words[words.len() - 1])
                .map(|w| w.to_lowercase())
                .collect();
            if words.len() > 2 {
                short.push(words[words.len() - 2..].join(" ").to_lowercase());
            }
            // "van der Heijden" for "Joost van der Heijden"
            // ... and "Nic an t-Saoir" for "Mhairi Nic an t-Saoir"
            if let Some(p) = words[1..]
                .iter()
                .position(|w| PARTICLES.contains(w) || GAELIC_PATRONYMICS.contains(w))
            {
                short.push(words[p + 1..].join(" ").to_lowercase());
            }
            short.sort();
            short.dedup();
            for name in short {
                surnames.entry(name).or_default().push(i);
            }
            first_names
                .entry(words[0].to_lowercase())
                .or_default()
                .push(i);
        }
        first_names.retain(|name, people| people.len() == 1 && !surnames.contains_key(name));
        surnames.extend(first_names);
        let organisations: Vec<usize> = (0..self.list.len())
            .filter(|&i| {
                self.list[i].kind() == EntityKind::Organization && self.list[i].name.contains(' ')
            })
            .collect();
        let short_forms = self.short_forms(&organisations, lex);
        let after_kinds = self.named_after_kinds();

        for i in 0..self.list.len() {
            let group = &self.list[i];
            let words = group.words();
            // A full name with real evidence that it is a person is not short for anything
            // (but a surname that starts with a particle is: "Nic an t-Saoir said").
            let particle = PARTICLES.contains(&words[0]) || GAELIC_PATRONYMICS.contains(&words[0]);
            if group.mentions.is_empty() || words.len() > 1 && group.votes[0] >= 2 && !particle {
                continue;
            }
            // "in Braga": a town, even when someone is called Braga.
            let placed =
                group.votes[2] >= 5 || group.votes[2] >= 2 && lex.known(&group.name).is_none();
            if let Some(people) = surnames.get(&group.name.to_lowercase())
                && !placed
            {
                // The nearest full name before its first mention, else the first one.
                let first = group.mentions[0].start;
                let into = people
                    .iter()
                    .copied()
                    .filter(|&p| {
                        self.list[p]
                            .mentions
                            .first()
                            .is_some_and(|m| m.start < first)
                    })
                    .max_by_key(|&p| self.list[p].mentions[0].start)
                    .unwrap_or(people[0]);
                self.absorb(i, into);
                continue;
            }
            if lex.known(&group.name).is_some() {
                continue; // "Kaunas" is the city, not short for "Kaunas Rangers"
            }
            let mut longer: Vec<usize> = short_forms
                .get(group.name.as_str())
                .into_iter()
                .chain(after_kinds.get(group.name.as_str()))
                .flatten()
                .copied()
                .filter(|&o| o != i)
                .collect();
            longer.sort_unstable();
            longer.dedup();
            if let [into] = longer[..] {
                self.absorb(i, into);
            }
        }
    }

    /// The names that stand for a group named by a kind word and then them: "Parisa" for
    /// "Cyclone Parisa".
    fn named_after_kinds(&self) -> HashMap<String, Vec<usize>> {
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (g, group) in self.list.iter().enumerate() {
            let words = group.words();
            if words.len() > 1 && STARTS_OTHER.contains(&words[0].to_lowercase().as_str()) {
                index.entry(words[1..].join(" ")).or_default().push(g);
            }
        }
        index
    }

    /// Every short form of each organisation → the organisations it may stand for. Built
    /// once, so that matching short names stays linear in the number of names.
    fn short_forms(&self, organisations: &[usize], lex: &Lexicon) -> HashMap<String, Vec<usize>> {
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for &o in organisations {
            let full = self.list[o].words();
            let mut forms: Vec<String> = Vec::new();
            for k in 1..full.len() {
                // Its last words: "Port Authority" for "Bergen Port Authority".
                if full.len() - k >= 2 {
                    forms.push(full[k..].join(" "));
                }
                // Its first words, the rest organisation words: "Kaaiwerk" for "Kaaiwerk
                // Holdings".
                if full[k..]
                    .iter()
                    .all(|w| lex.is_organisation_word(&w.trim_end_matches('.').to_lowercase()))
                {
                    forms.push(full[..k].join(" "));
                }
            }
            // "the Commission" for "Batangas Ferry Safety Commission of Inquiry".
            for word in &full {
                let key = word.to_lowercase();
                if lex.is_organisation_word(&key) || lex.is_team_word(&key) {
                    forms.push(word.to_string());
                }
            }
            forms.sort();
            forms.dedup();
            for form in forms {
                index.entry(form).or_default().push(o);
            }
        }
        index
    }

    /// The confirmed groups as entities, with unique ids and sorted mentions.
    fn into_entities(self, lex: &Lexicon) -> Vec<Entity> {
        let mut used_ids = HashSet::new();
        self.list
            .into_iter()
            .filter(|g| !g.mentions.is_empty() && g.confirmed)
            // "the Club", "Trading": an organisation word on its own names nothing, unless
            // it is the country's own institution ("Parliament", "Senate").
            .filter(|g| {
                let lower = g.name.to_lowercase();
                g.name.contains(' ')
                    || !lex.is_organisation_word(&lower)
                    || STANDALONE.contains(&lower.as_str())
            })
            .map(|mut g| {
                g.mentions.sort_by_key(|r| r.start);
                g.mentions.dedup();
                Entity {
                    id: unique_id(&g.name, &mut used_ids),
                    kind: g.kind(),
                    name: g.name,
                    aliases: g.aliases,
                    mentions: g.mentions,
                }
            })
            .collect()
    }
}

/// The type with the most votes; on a tie the earlier in person, organisation, place.
fn winner(votes: Votes) -> EntityKind {
    let best = votes.iter().copied().max().unwrap_or(0);
    if best == 0 {
        return EntityKind::Other;
    }
    let index = votes.iter().position(|&v| v == best).unwrap_or(3);
    EntityKind::ALL[index]
}

/// Lower-case words joined by hyphens, made unique with a number.
fn unique_id(name: &str, used: &mut HashSet<String>) -> String {
    let base = super::slug(name);
    let mut id = base.clone();
    let mut n = 2;
    while !used.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn is_title_case_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.any(char::is_lowercase)
        && !word.contains('.')
}
