//! Who the speaker is: the subject of a speech verb, an entity named there, or a pronoun
//! resolved to the person it stands for.

use std::ops::Range;

use super::Speaker;
use super::attributions::Context;
use super::text::is_title_case;
use super::words::class::SPEECH;
use crate::entity::{Entity, EntityKind, Gender, gender_of};

/// Words that end a speaker's noun phrase when reading back from the verb.
const PHRASE_STOPS: &[&str] = &[
    "that", "which", "who", "when", "while", "as", "but", "because", "if", "and", "or", "so",
    "where", "after", "before", "since", "although", "though", "then", "also", "has", "have",
    "had", "is", "was", "were", "are", "be", "been", "it", "this", "not", "never", "did", "does",
    "do", "would", "will", "could", "should", "may", "might", "can", "later",
];
/// Words that open a time or place phrase before a speaker: "On Monday the ministry said".
const LEADING_ADVERBIALS: &[&str] = &[
    "on", "in", "at", "last", "this", "next", "during", "earlier",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i"];

impl Context<'_, '_> {
    /// The speaker before word `verb`: the noun phrase just before it, except when an
    /// apposition or a relative clause stands between commas before the verb — then the
    /// person named in it ("The chief executive, Graham Oduya, said"), or else the noun
    /// phrase before it ("A senior official, who asked not to be named, said"). Returns
    /// the first word of the whole subject and the speaker's byte range.
    pub(super) fn subject(&self, verb: usize) -> Option<(usize, Range<usize>)> {
        let text = self.text();
        let gap = |i: usize| &text[self.words[i - 1].range.end..self.words[i].range.start];
        // "Rowena Pangilinan, a ticketing clerk, who said": the one "who" stands for.
        let verb = if verb > 1 && matches!(&*self.words[verb - 1].lower(), "who" | "which") {
            verb - 1
        } else {
            verb
        };
        if verb > 1 && gap(verb).trim() == "," {
            // The comma-separated parts before the verb, nearest first: "Mulvaney, 58, of
            // Portishead, denies".
            let mut parts: Vec<Range<usize>> = Vec::new();
            let mut end = verb;
            let mut i = verb - 1;
            while i > 0 && parts.len() < 4 {
                let g = gap(i);
                if g.contains(['"', '“', '”', ';', ':', '—', '–']) || g.contains(" - ") {
                    break;
                }
                if g.contains(',') {
                    parts.push(i..end);
                    end = i;
                }
                i -= 1;
            }
            let first = self.phrase_start(end).unwrap_or(end);
            if first < end {
                parts.push(first..end);
            }
            let span =
                |p: &Range<usize>| self.words[p.start].range.start..self.words[p.end - 1].range.end;
            let subject_start = parts.last().map_or(verb, |p| p.start);
            // A person named in any part speaks; else the first part that names someone.
            for part in parts
                .iter()
                .filter(|p| !matches!(&*self.words[p.start].lower(), "who" | "which" | "whose"))
            {
                let range = span(part);
                let person = self.entities.mentions_in(range.clone()).find(|(m, e)| {
                    range.start <= m.start
                        && self
                            .entities
                            .get(*e)
                            .is_some_and(|e| e.kind == EntityKind::Person)
                });
                if let Some((mention, _)) = person {
                    return Some((subject_start, mention));
                }
            }
            if let Some(part) = parts.iter().rev().find(|p| {
                let word = &self.words[p.start];
                !matches!(
                    &*word.lower(),
                    "who" | "which" | "whose" | "of" | "in" | "at" | "from"
                ) && !word.text.starts_with(|c: char| c.is_ascii_digit())
            }) {
                return Some((subject_start, span(part)));
            }
        }
        let start = self.phrase_start(verb)?;
        Some((
            start,
            self.words[start].range.start..self.words[verb - 1].range.end,
        ))
    }

    /// The first person (else the first entity) the sentence names before word `verb`.
    pub(super) fn sentence_subject(&self, verb: usize) -> Option<Speaker> {
        let range = self.sentence.start..self.words[verb].range.start;
        let mentions: Vec<(Range<usize>, usize)> = self.entities.mentions_in(range).collect();
        let (mention, index) = mentions
            .iter()
            .find(|(m, e)| {
                !self.in_quotation(m.start)
                    && self
                        .entities
                        .get(*e)
                        .is_some_and(|e| e.kind == EntityKind::Person)
            })
            .or(mentions.first())?;
        let entity = self.entities.get(*index)?;
        Some(Speaker {
            name: entity.name.clone(),
            range: mention.clone(),
            entity: Some(entity.id.clone()),
        })
    }

    /// The first word of the speaker's noun phrase that ends just before word `verb`.
    pub(super) fn phrase_start(&self, verb: usize) -> Option<usize> {
        let text = self.text();
        let mut start = verb;
        while start > 0 && verb - start < 9 {
            let word = &self.words[start - 1];
            let gap = &text[word.range.end..self.words[start].range.start];
            // "The chief executive, Graham Oduya, said": the comma closing an apposition
            // before the verb does not end the speaker's name.
            let closing_apposition = start == verb && gap.trim() == ",";
            let punctuated = !closing_apposition
                && gap.contains([',', ';', ':', '"', '“', '”', '(', ')', '—', '–']);
            // "Woodend and Clarkville": "and" between names stays inside the phrase.
            let joins_names = word.is_word("and")
                && start >= 2
                && is_title_case(self.words[start].text)
                && is_title_case(self.words[start - 2].text);
            if punctuated
                || (PHRASE_STOPS.contains(&&*word.lower())
                    && !is_title_case(word.text)
                    && !joins_names)
            {
                break;
            }
            start -= 1;
            if PRONOUNS.contains(&&*word.lower()) {
                break; // "he", "she": the phrase is the pronoun
            }
        }
        // "On Monday the ministry said": the time is not the speaker.
        while start + 2 < verb && LEADING_ADVERBIALS.contains(&&*self.words[start].lower()) {
            start += 2;
        }
        (start < verb).then_some(start)
    }

    /// The last word of the noun phrase that starts at word `first` (before a comma, a
    /// verb-like stop word or the sentence's end).
    pub(super) fn phrase_end(&self, first: usize) -> usize {
        let text = self.text();
        let mut end = first;
        while end + 1 < self.words.len() && end - first < 8 {
            let next = &self.words[end + 1];
            let gap = &text[self.words[end].range.end..next.range.start];
            if gap.contains([',', ';', ':', '"', '“', '”', '(', ')', '—', '–'])
                || PHRASE_STOPS.contains(&&*next.lower())
                || next.is(SPEECH)
            {
                break;
            }
            end += 1;
        }
        end
    }

    /// The speaker named by the words in `range`: an entity mentioned there (a person
    /// first), a pronoun resolved to a person, or the words themselves ("a Port Authority
    /// spokesman").
    pub(super) fn speaker(&self, range: Range<usize>) -> Option<Speaker> {
        let text = self.text();
        let words = text[range.clone()].trim();
        if words.is_empty() {
            return None;
        }
        let lower = words.to_lowercase();
        if PRONOUNS.contains(&lower.as_str()) {
            return self.resolve(range, &lower);
        }
        if lower == "it" || lower == "this" || lower == "that" {
            return None;
        }
        // A person named in the phrase speaks; an organisation does when it ends the phrase
        // ("the Port Authority said"), not when it only describes someone ("a U.S. clinic
        // manager", "a Port Authority spokesman").
        let mentions: Vec<(Range<usize>, usize)> =
            self.entities.mentions_in(range.clone()).collect();
        // An organisation or place speaks when it is (nearly) the whole phrase: "the Port
        // Authority said", not "Vice-chancellors of 11 universities in Punjab said".
        let phrase_end = range.start + text[range.clone()].trim_end().len();
        let bare = words.trim_start_matches("the ").trim_start_matches("The ");
        let best = mentions
            .iter()
            .rev()
            .find(|(_, e)| {
                self.entities
                    .get(*e)
                    .is_some_and(|e| e.kind == EntityKind::Person)
            })
            .or(mentions.last().filter(|(m, _)| {
                m.end >= phrase_end.saturating_sub(1) && m.len() * 10 >= bare.len() * 6
            }));
        if let Some((mention, index)) = best {
            let entity = self.entities.get(*index)?;
            return Some(Speaker {
                name: entity.name.clone(),
                range: mention.clone(),
                entity: Some(entity.id.clone()),
            });
        }
        // A description needs a noun, not a lone adjective or verb: one word will do when it
        // names people in the plural ("villagers", "prosecutors", "police").
        let first = words.chars().next()?;
        let plural = !lower.contains(' ')
            && lower.chars().all(char::is_alphabetic)
            && ((lower.len() >= 5 && lower.ends_with('s') && !lower.ends_with("ss"))
                || matches!(lower.as_str(), "police" | "staff" | "people" | "officials"));
        if !(first.is_uppercase()
            || plural
            || lower.starts_with("a ")
            || lower.starts_with("an ")
            || lower.starts_with("the ")
            || lower.split_whitespace().count() >= 2)
        {
            return None;
        }
        Some(Speaker {
            name: words.to_string(),
            range,
            entity: None,
        })
    }

    /// "he said": the last person who spoke, else the person mentioned last before.
    pub(super) fn resolve(&self, pronoun: Range<usize>, word: &str) -> Option<Speaker> {
        let wanted = match word {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        };
        let fits = |entity: &Entity| {
            entity.kind == EntityKind::Person
                && (wanted.is_none() || gender_of(entity).is_none_or(|g| Some(g) == wanted))
        };
        let speaker = |entity: &Entity| Speaker {
            name: entity.name.clone(),
            range: pronoun.clone(),
            entity: Some(entity.id.clone()),
        };
        if wanted.is_none() {
            // "they said", "we said": whoever spoke last.
            return self.last_speaker.map(|last| Speaker {
                range: pronoun.clone(),
                ..last.clone()
            });
        }
        // The person named last, outside quotations, since the last speaker spoke ("Dr.
        // Samuel Achterberg works nights. He estimated that …"); else the last speaker, if a
        // person who fits; else the person named last before.
        let last_spoke = self.last_speaker.map_or(0, |s| s.range.end);
        let named_since = |from: usize| {
            self.entities
                .mentions_in(from..pronoun.start)
                .filter(|(m, e)| {
                    m.end <= pronoun.start
                        && !self.in_quotation(m.start)
                        && self.entities.get(*e).is_some_and(fits)
                })
                .last()
                .and_then(|(m, e)| Some((self.entities.get(e)?, self.topical(&m))))
        };
        let last = self
            .last_speaker
            .and_then(|s| s.entity.as_deref())
            .and_then(|id| self.entities.by_id(id))
            .filter(|e| fits(e));
        if pronoun.start - last_spoke < 1500
            && let Some((entity, subject)) = named_since(last_spoke)
            && (subject || last.is_none())
        {
            return Some(speaker(entity));
        }
        if let Some(entity) = last {
            return Some(speaker(entity));
        }
        named_since(pronoun.start.saturating_sub(600)).map(|(entity, _)| speaker(entity))
    }

    /// Whether a mention is the subject of its sentence: among its first few words.
    pub(super) fn starts_a_sentence(&self, byte: usize) -> bool {
        let article = self.article;
        let sentence = &article.sentences()[article.sentence_at(byte)];
        let before = &article.text()[sentence.range.start..byte];
        before.split_whitespace().count() <= 2 && !before.contains(',')
    }

    /// Whether a mention makes its person the topic: the subject of its sentence, or
    /// followed by "who …" ("a bittersweet afternoon for Havili, who is leaving …").
    pub(super) fn topical(&self, mention: &Range<usize>) -> bool {
        let after = self.text()[mention.end..].trim_start_matches(['\'', '’', 's']);
        self.starts_a_sentence(mention.start)
            || after.starts_with(", who ")
            || after.starts_with(", whose ")
    }
}
