//! Rule-based entity detection.
//!
//! 1. Each sentence is split into runs of capitalised words ("Deputy Finance Minister
//!    Tomas Berg", "Bank of England", "Pieter van Loon").
//! 2. A run loses what is not a name: a sentence-initial function word ("The", "After"),
//!    days and months, a title or role before the name ("Mayor", "Dr.", "Finance
//!    Minister"), a possessive ("Vance's").
//! 3. Evidence votes for a type: the gazetteers of countries, cities and regions; words
//!    that make organisations ("Ministry", "Union", "Inc") or places ("River", "Street");
//!    a role word before or an apposition after ("spokesman Jonas Whitfield",
//!    "Whitfield, a spokesman"); "in X", "X-based".
//! 4. Names that are one thing are merged: a surname after a full name, an acronym in
//!    brackets after a name, a shorter form of an organisation's name.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::lexicon::{Lexicon, lexicon};
use super::tokens::{Token, tokenize};
use super::{Entities, Entity, EntityKind};
use crate::article::Article;

/// Lower-case words that may sit inside a name between capitalised words.
const PARTICLES: &[&str] = &[
    "van", "von", "de", "del", "della", "der", "den", "da", "di", "du", "la", "le", "al", "bin",
    "ibn", "y", "ten", "ter",
];
/// Lower-case words that may join the parts of an organisation's or a place's name.
const JOINERS: &[&str] = &["of", "for", "and", "the", "on", "&"];
/// Words before a place: "in Bergen", "near Askøy".
const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "outside", "across", "around", "towards"];
/// Words after a name that say a person or organisation speaks.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "argued",
    "explained",
    "recalled",
    "noted",
    "insisted",
    "warned",
    "asked",
    "replied",
    "admitted",
];

/// Votes for each type, in [`EntityKind::ALL`] order.
type Votes = [u32; 4];

#[derive(Debug)]
struct Candidate {
    /// The name as written, words separated by single spaces, possessive dropped.
    name: String,
    range: Range<usize>,
    votes: Votes,
    /// Its first word starts the sentence, so its capital letter proves nothing.
    sentence_initial: bool,
    /// An acronym written in brackets right after it: "World Food Programme (WFP)".
    acronym: Option<String>,
}

pub fn detect(article: &Article) -> Entities {
    let lex = lexicon();
    let lower_words = lower_case_words(article.text());
    let mut candidates = Vec::new();
    let mut headline_paragraphs = Vec::new();
    for (index, paragraph) in article.paragraphs().iter().enumerate() {
        if Some(index) == article.date_paragraph() {
            continue;
        }
        if Some(index) == article.title_paragraph() || is_headline(article.paragraph_text(index)) {
            headline_paragraphs.push(index);
            continue;
        }
        for sentence in &article.sentences()[paragraph.sentences.clone()] {
            let text = &article.text()[sentence.range.clone()];
            let tokens = tokenize(text, sentence.range.start);
            let context = Sentence {
                text: article.text(),
                tokens: &tokens,
                lower_words: &lower_words,
                lex,
            };
            for run in runs(&tokens, lex) {
                context.classify(run, &mut candidates);
            }
        }
    }
    let mut entities = merge(candidates, lex);
    add_headline_mentions(article, &headline_paragraphs, &mut entities, lex);
    Entities::new(entities)
}

/// Words written in lower case somewhere in the text ("several", "later"): when such a
/// word is capitalised at the start of a sentence, it is not a name.
fn lower_case_words(text: &str) -> HashSet<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect()
}

/// A line in title case or capitals, such as a subheading or a wire dateline, where
/// capital letters prove nothing.
fn is_headline(paragraph: &str) -> bool {
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    if words.len() < 2 || words.len() > 14 || paragraph.ends_with(['.', '?', '!', '"', '”']) {
        return false;
    }
    let capitalised = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        })
        .count();
    capitalised * 10 >= words.len() * 8
}

/// Runs of words that may form a name: capitalised words, with particles ("van") and
/// joiners ("of") allowed between capitalised words. Numbers, punctuation and calendar
/// words end a run.
fn runs<'t, 'a>(tokens: &'t [Token<'a>], lex: &Lexicon) -> Vec<&'t [Token<'a>]> {
    let mut result = Vec::new();
    let mut start: Option<usize> = None;
    let close = |start: &mut Option<usize>, end: usize, result: &mut Vec<&'t [Token<'a>]>| {
        if let Some(s) = start.take() {
            // A run never ends on a joiner or particle.
            let mut e = end;
            while e > s && !tokens[e - 1].is_capitalised() {
                e -= 1;
            }
            if e > s {
                result.push(&tokens[s..e]);
            }
        }
    };
    for (i, token) in tokens.iter().enumerate() {
        let key = token.key();
        let capitalised = token.is_capitalised() && !lex.is_calendar(&key);
        let connector = !token.is_capitalised()
            && (PARTICLES.contains(&key.as_str()) || JOINERS.contains(&key.as_str()));
        let continues = start.is_some() && token.joined;
        if capitalised && continues {
            // keep going
        } else if connector && continues && tokens[i - 1].is_capitalised() || {
            // "of the" inside "Friends of the Byfjord"
            connector && continues && JOINERS.contains(&tokens[i - 1].key().as_str())
        } {
            // keep going; close() drops it if no capitalised word follows
        } else {
            close(&mut start, i, &mut result);
            if capitalised {
                start = Some(i);
            }
        }
    }
    close(&mut start, tokens.len(), &mut result);
    result
}

/// "Vance's" ends a name; "Workers'" in "Workers' Union" does not.
fn ends_with_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// What a sentence's runs are classified against.
struct Sentence<'s> {
    text: &'s str,
    tokens: &'s [Token<'s>],
    lower_words: &'s HashSet<&'s str>,
    lex: &'static Lexicon,
}

impl Sentence<'_> {
    /// Whether the word at `at` starts the sentence or a clause inside it (after a
    /// quotation mark, a bracket, a colon, a semicolon, a dash, or a full stop within a
    /// quotation that the sentence splitter kept whole), where every word is
    /// capitalised whether or not it is a name.
    fn starts_clause(&self, at: usize) -> bool {
        if at == 0 {
            return true;
        }
        let gap = &self.text[self.tokens[at - 1].range.end..self.tokens[at].range.start];
        // An opening mark touches the word it opens; a closing one is followed by a space.
        gap.ends_with(['"', '“', '‘', '\'', '(', '['])
            || gap.contains([':', ';', '—', '–', '.', '!', '?'])
            || gap.contains(" - ")
    }

    /// Index of a run's first token within the sentence.
    fn position(&self, run: &[Token]) -> usize {
        self.tokens
            .iter()
            .position(|t| t.range == run[0].range)
            .unwrap_or(0)
    }

    fn classify(&self, mut run: &[Token], out: &mut Vec<Candidate>) {
        let lex = self.lex;
        let mut at = self.position(run);
        // A function word is not a name even when capitalised ("The", "It", "But I"); at
        // the start of a sentence or clause neither is a word the article also writes in
        // lower case ("Several", "Water").
        let institution = run.last().is_some_and(|t| {
            let key = name_key(t);
            lex.is_organisation_word(&key) || lex.is_place_word(&key)
        });
        while let Some(first) = run.first() {
            let key = name_key(first);
            let ordinary = lex.is_function_word(&key)
                || (self.starts_clause(at)
                    && !institution
                    && self.lower_words.contains(key.as_str())
                    && lex.known(first.text).is_none());
            if !ordinary || lex.known(&join(run)).is_some() {
                break;
            }
            run = &run[1..];
            at += 1;
        }
        // A run never starts with a particle or joiner.
        let Some(first) = run.iter().position(Token::is_capitalised) else {
            return;
        };
        run = &run[first..];
        at += first;
        for (piece, offset) in self.pieces(run) {
            self.name(piece, at + offset, out);
        }
    }

    /// Cut a run into names. A joiner ("of", "for") holds two parts together only after
    /// an organisation or place word ("Bank of England", "Institute for Regional
    /// Economics"), not after a person ("Ingrid Solheim of the Coastal Party"). A
    /// possessive ends a name unless what follows is an institution named after it
    /// ("St. Brendan's Hospital").
    fn pieces<'r, 'a>(&self, run: &'r [Token<'a>]) -> Vec<(&'r [Token<'a>], usize)> {
        let lex = self.lex;
        let institutional = |tokens: &[Token]| {
            tokens.last().is_some_and(|t| {
                let key = name_key(t);
                lex.is_organisation_word(&key) || lex.is_place_word(&key)
            })
        };
        let mut pieces = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < run.len() {
            let token = &run[i];
            let joiner = !token.is_capitalised() && JOINERS.contains(&token.key().as_str());
            if joiner {
                let before = &run[start..i];
                let chained = institutional(before) || lex.known(&join(&run[start..])).is_some();
                if !chained || token.key() == "and" || token.key() == "&" {
                    if start < i {
                        pieces.push((&run[start..i], start));
                    }
                    // Skip the joiners: "of the".
                    while i < run.len() && !run[i].is_capitalised() {
                        i += 1;
                    }
                    start = i;
                    continue;
                }
            } else if ends_with_possessive(token.text) && i + 1 < run.len() {
                let rest_end = run[i + 1..]
                    .iter()
                    .position(|t| !t.is_capitalised())
                    .map_or(run.len(), |p| i + 1 + p);
                if !institutional(&run[i + 1..rest_end]) {
                    pieces.push((&run[start..=i], start));
                    start = i + 1;
                }
            }
            i += 1;
        }
        if start < run.len() {
            pieces.push((&run[start..], start));
        }
        pieces
    }

    /// Separate a title or role from the name, then weigh the evidence for its type.
    fn name(&self, run: &[Token], at: usize, out: &mut Vec<Candidate>) {
        let lex = self.lex;
        let keys: Vec<String> = run.iter().map(name_key).collect();
        let last = keys.len() - 1;
        let mut votes: Votes = [0; 4];
        let mut run = run;
        let mut at = at;
        // "Deputy Finance Minister Tomas Berg", "Port Authority Director Anna Lind".
        if !lex.is_organisation_word(&keys[last])
            && let Some(role) = keys[..last].iter().rposition(|k| lex.is_role(k))
        {
            let prefix = &run[..=role];
            let head = prefix
                .iter()
                .position(|t| lex.is_role(&name_key(t)) || lex.is_qualifier(&name_key(t)))
                .unwrap_or(role);
            if head > 0 && lex.is_organisation_word(&name_key(&prefix[head - 1])) {
                self.name(&prefix[..head], at, out);
            }
            votes[0] += 3;
            at += role + 1;
            run = &run[role + 1..];
        } else if keys.iter().all(|k| lex.is_role(k) || lex.is_qualifier(k)) {
            return; // "Finance Minister", "President"
        }
        let keys: Vec<String> = run.iter().map(name_key).collect();
        let written = &self.text[run[0].range.start..run[run.len() - 1].range.end];
        let (name, end) = match lex.known(written) {
            Some(_) => (written.to_string(), run[run.len() - 1].range.end),
            None => (join(run), name_end(&run[run.len() - 1])),
        };
        let before = at.checked_sub(1).map(|i| &self.tokens[i]);
        let after = self.tokens.get(at + run.len());
        let rest = &self.text[run[run.len() - 1].range.end..];

        if let Some((_, kind)) = lex.known(&name) {
            votes[kind as usize] += 4;
        }
        if keys.iter().any(|k| lex.is_organisation_word(k)) {
            votes[1] += 3;
        }
        let first_names_a_place = keys.len() > 2 && keys[1] == "of" && lex.is_place_word(&keys[0]);
        if lex.is_place_word(&keys[keys.len() - 1]) || first_names_a_place {
            votes[2] += 3;
        }
        if let Some(before) = before {
            let key = before.key();
            if lex.is_role(&key) && !before.is_capitalised() {
                votes[0] += 3;
            }
            if PLACE_PREPOSITIONS.contains(&key.as_str()) {
                votes[2] += 1;
            }
        }
        if rest.starts_with("-based") || rest.starts_with("-born") || rest.starts_with("‐based") {
            votes[2] += 2;
        }
        if self.apposition_names_role(at + run.len()) {
            votes[0] += 2;
        }
        if after.is_some_and(|t| SPEECH_VERBS.contains(&t.key().as_str())) && run.len() > 1 {
            votes[0] += 1;
        }
        let acronym = acronym_after(rest);
        if acronym.is_some() {
            votes[1] += 1;
        }
        if run.len() == 1 && run[0].is_all_caps() && run[0].text.chars().count() <= 6 {
            votes[1] += 1;
        }
        if (2..=4).contains(&run.len())
            && lex.is_given_name(run[0].text)
            && votes[1] + votes[2] == 0
        {
            votes[0] += 2;
        }
        if run.len() == 1 && run[0].text.chars().count() == 1 {
            return; // a lone letter: "Gate B"
        }
        let range = run[0].range.start..end;
        out.push(Candidate {
            name,
            range,
            votes,
            sentence_initial: self.starts_clause(at),
            acronym,
        });
    }

    /// "Whitfield, a spokesman for the authority", "Okafor, the institute's director".
    fn apposition_names_role(&self, after: usize) -> bool {
        let Some(next) = self.tokens.get(after) else {
            return false;
        };
        let gap = &self.text[self.tokens[after - 1].range.end..next.range.start];
        gap.trim() == ","
            && self.tokens[after..]
                .iter()
                .take(5)
                .take_while(|t| !t.is_capitalised() || self.lex.is_organisation_word(&t.key()))
                .any(|t| self.lex.is_role(&t.key()))
    }
}

/// A word as a list key: lower case, without a final stop or a possessive.
fn name_key(token: &Token) -> String {
    strip_possessive(token.text)
        .trim_end_matches('.')
        .to_lowercase()
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix(['\'', '’']))
        .unwrap_or(word)
}

/// Where a name ends: before a possessive "'s".
fn name_end(token: &Token) -> usize {
    token.range.start + strip_possessive(token.text).len()
}

fn join(run: &[Token]) -> String {
    let mut name = String::new();
    for (i, token) in run.iter().enumerate() {
        if i > 0 {
            name.push(' ');
        }
        let word = if i + 1 == run.len() {
            strip_possessive(token.text)
        } else {
            token.text
        };
        name.push_str(word);
    }
    name
}

fn is_title_case_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.any(char::is_lowercase)
        && !word.contains('.')
}

/// "(WFP)" right after a name.
fn acronym_after(rest: &str) -> Option<String> {
    let inner = rest.trim_start().strip_prefix('(')?;
    let end = inner.find(')')?;
    let word = &inner[..end];
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    (letters >= 2 && capitals * 2 > letters && !word.contains(' ') && word.len() <= 12)
        .then(|| word.to_string())
}

/// Group candidates into entities: one per name, then merge surnames, acronyms and
/// short forms into the full names they stand for.
fn merge(candidates: Vec<Candidate>, lex: &Lexicon) -> Vec<Entity> {
    struct Group {
        name: String,
        votes: Votes,
        mentions: Vec<Range<usize>>,
        aliases: Vec<String>,
        /// Seen somewhere other than the start of a sentence, or with real evidence.
        confirmed: bool,
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut acronyms: Vec<(String, usize)> = Vec::new();
    for candidate in candidates {
        let canonical = lex.known(&candidate.name).map(|(c, _)| c.to_string());
        let key = canonical
            .clone()
            .unwrap_or_else(|| candidate.name.clone())
            .to_lowercase();
        let index = *by_key.entry(key).or_insert_with(|| {
            groups.push(Group {
                name: canonical.clone().unwrap_or_else(|| candidate.name.clone()),
                votes: [0; 4],
                mentions: Vec::new(),
                aliases: Vec::new(),
                confirmed: false,
            });
            groups.len() - 1
        });
        let group = &mut groups[index];
        for (total, vote) in group.votes.iter_mut().zip(candidate.votes) {
            *total += vote;
        }
        group.confirmed |= !candidate.sentence_initial
            || candidate.votes.iter().any(|&v| v >= 2)
            || canonical.is_some();
        if candidate.name != group.name && !group.aliases.contains(&candidate.name) {
            group.aliases.push(candidate.name.clone());
        }
        group.mentions.push(candidate.range);
        if let Some(acronym) = candidate.acronym {
            acronyms.push((acronym, index));
        }
    }

    // Each merge moves a group's mentions and names into another and empties it.
    let absorb = |groups: &mut Vec<Group>, from: usize, into: usize| {
        if from == into || groups[from].mentions.is_empty() {
            return;
        }
        let moved = std::mem::take(&mut groups[from].mentions);
        let votes = groups[from].votes;
        let name = std::mem::take(&mut groups[from].name);
        let aliases = std::mem::take(&mut groups[from].aliases);
        let confirmed = groups[from].confirmed;
        let target = &mut groups[into];
        target.mentions.extend(moved);
        for (total, vote) in target.votes.iter_mut().zip(votes) {
            *total += vote;
        }
        target.confirmed |= confirmed;
        for alias in std::iter::once(name).chain(aliases) {
            if alias != target.name && !target.aliases.contains(&alias) {
                target.aliases.push(alias);
            }
        }
    };

    for (acronym, index) in acronyms {
        if let Some(&from) = by_key.get(&acronym.to_lowercase()) {
            absorb(&mut groups, from, index);
        } else if !groups[index].aliases.contains(&acronym) {
            groups[index].aliases.push(acronym);
        }
    }

    // With no evidence at all, two to four words in title case are most often a person.
    for group in &mut groups {
        let words: Vec<&str> = group.name.split(' ').collect();
        if group.votes == [0; 4]
            && (2..=4).contains(&words.len())
            && words.iter().all(|w| is_title_case_word(w))
        {
            group.votes[0] = 1;
        }
    }
    let kind_of = |g: &Group| winner(g.votes);
    // Surnames: "Vance" after "Elena Vance"; "Haugland" after "L. M. Haugland".
    // A single word may also be a first name ("Elena") or, in names written family name
    // first, the family name ("Chen" for "Chen Wei"): those count when only one person
    // has that word and no one has it as a surname.
    let mut surnames: HashMap<String, Vec<usize>> = HashMap::new();
    let mut first_names: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, group) in groups.iter().enumerate() {
        let words: Vec<&str> = group.name.split(' ').collect();
        if words.len() > 1 && kind_of(group) == EntityKind::Person {
            surnames
                .entry(words[words.len() - 1].to_lowercase())
                .or_default()
                .push(i);
            first_names
                .entry(words[0].to_lowercase())
                .or_default()
                .push(i);
        }
    }
    first_names.retain(|name, people| people.len() == 1 && !surnames.contains_key(name));
    surnames.extend(first_names);
    // Shorter forms of organisations: "Port Authority" for "Bergen Port Authority",
    // "Kaaiwerk" for "Kaaiwerk Holdings".
    let organisations: Vec<usize> = (0..groups.len())
        .filter(|&i| {
            kind_of(&groups[i]) == EntityKind::Organization && groups[i].name.contains(' ')
        })
        .collect();
    for i in 0..groups.len() {
        if groups[i].mentions.is_empty()
            || groups[i].name.contains(' ') && kind_of(&groups[i]) == EntityKind::Person
        {
            continue;
        }
        let key = groups[i].name.to_lowercase();
        if let Some(people) = surnames.get(&key) {
            // The nearest full name before its first mention, else the first one.
            let first = groups[i].mentions[0].start;
            let into = people
                .iter()
                .copied()
                .filter(|&p| groups[p].mentions.first().is_some_and(|m| m.start < first))
                .max_by_key(|&p| groups[p].mentions[0].start)
                .unwrap_or(people[0]);
            absorb(&mut groups, i, into);
            continue;
        }
        let short = &groups[i].name;
        let candidates: Vec<usize> = organisations
            .iter()
            .copied()
            .filter(|&o| o != i && is_short_form(short, &groups[o].name, lex))
            .collect();
        if let [into] = candidates[..] {
            absorb(&mut groups, i, into);
        }
    }

    let mut used_ids = HashSet::new();
    groups
        .into_iter()
        .filter(|g| !g.mentions.is_empty() && g.confirmed)
        .map(|mut g| {
            g.mentions.sort_by_key(|r| r.start);
            g.mentions.dedup();
            let id = unique_id(&g.name, &mut used_ids);
            Entity {
                id,
                kind: winner(g.votes),
                name: g.name,
                aliases: g.aliases,
                mentions: g.mentions,
            }
        })
        .collect()
}

/// "Port Authority" is a short form of "Bergen Port Authority" (its last words);
/// "Kaaiwerk" of "Kaaiwerk Holdings" (its first words, the rest organisation words).
fn is_short_form(short: &str, full: &str, lex: &Lexicon) -> bool {
    let short: Vec<&str> = short.split(' ').collect();
    let full: Vec<&str> = full.split(' ').collect();
    if short.len() >= full.len() {
        return false;
    }
    let single_word = short.len() == 1 && lex.is_organisation_word(&short[0].to_lowercase());
    let suffix = full.ends_with(&short) && (short.len() >= 2 || single_word);
    let prefix = full.starts_with(&short)
        && full[short.len()..]
            .iter()
            .all(|w| lex.is_organisation_word(&w.trim_end_matches('.').to_lowercase()));
    suffix || prefix
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
    let base: String = name
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = if base.is_empty() {
        "entity".to_string()
    } else {
        base
    };
    let mut id = base.clone();
    let mut n = 2;
    while !used.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// In the title and other headline lines, count only names already found in the body.
fn add_headline_mentions(
    article: &Article,
    paragraphs: &[usize],
    entities: &mut [Entity],
    lex: &Lexicon,
) {
    let mut names: HashMap<String, usize> = HashMap::new();
    for (i, entity) in entities.iter().enumerate() {
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            names.insert(name.to_lowercase(), i);
        }
    }
    for &index in paragraphs {
        let range = article.paragraphs()[index].range.clone();
        let tokens = tokenize(&article.text()[range.clone()], range.start);
        let mut i = 0;
        while i < tokens.len() {
            // The longest run of words starting here that names a known entity.
            let found = (1..=5.min(tokens.len() - i)).rev().find_map(|len| {
                let run = &tokens[i..i + len];
                if run[1..].iter().any(|t| !t.joined) {
                    return None;
                }
                let name = join(run).to_lowercase();
                let entity = names.get(&name).copied().or_else(|| {
                    let (canonical, _) = lex.known(&name)?;
                    names.get(&canonical.to_lowercase()).copied()
                })?;
                Some((len, entity, run[0].range.start..name_end(&run[len - 1])))
            });
            match found {
                Some((len, entity, mention)) => {
                    entities[entity].mentions.push(mention);
                    i += len;
                }
                None => i += 1,
            }
        }
    }
    for entity in entities {
        entity.mentions.sort_by_key(|r| r.start);
    }
}
