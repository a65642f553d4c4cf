//! Attribution suggestions: who says what.
//!
//! Patterns, each a rule name in the output:
//! - `quote-then-speaker`: `"…," Berg said.` / `"…," said Berg.`
//! - `speaker-then-quote`: `Berg said, "…"` / `Berg said: "…"`
//! - `reported`: `Berg said (that) …`, `Berg warned …`, `Berg told reporters (that) …`
//! - `trailing`: `…, Berg said.` after a reported clause
//! - `according-to`: `According to Berg, …` / `…, according to Berg.`
//! - `quote-continues`: a quotation in the next sentence or paragraph, with no speaker of its
//!   own, is the last speaker's.
//!
//! A pronoun speaker ("he said") is the last person who spoke, or else the person named last.

use std::ops::Range;

use super::words::SPEECH_VERBS;
use super::{Attribution, Speaker};
use crate::article::Article;
use crate::entity::{Entities, Entity, EntityKind, Gender, gender_of};

/// A word of a sentence with its byte range in the article.
#[derive(Debug, Clone)]
struct Word<'a> {
    text: &'a str,
    range: Range<usize>,
    lower: String,
}

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
/// Verbs by which documents report: "the report shows". They attribute only in an aside,
/// at the end of a sentence, or before "that".
const DOCUMENT_VERBS: &[&str] = &[
    "shows",
    "show",
    "showed",
    "found",
    "finds",
    "concluded",
    "concludes",
];
/// Speech in a participle clause: "…, arguing that …".
const GERUNDS: &[&str] = &[
    "saying",
    "arguing",
    "claiming",
    "warning",
    "insisting",
    "adding",
    "noting",
    "alleging",
    "stressing",
    "accusing",
    "denying",
    "telling",
    "explaining",
    "complaining",
];

pub fn attributions(article: &Article, entities: &Entities) -> Vec<Attribution> {
    let mut found: Vec<Attribution> = Vec::new();
    // The last speaker, for quotations that continue without one and for pronouns.
    let mut last_speaker: Option<Speaker> = None;
    // Whether the sentence just before (in this paragraph, or ending the last one) had a
    // speaker: a quotation right after it with none of its own continues theirs.
    let mut just_spoke = false;
    let all_quotes: Vec<Range<usize>> = article
        .paragraphs()
        .iter()
        .flat_map(|p| quotations(article.text(), p.range.clone()))
        .collect();
    for (index, paragraph) in article.paragraphs().iter().enumerate() {
        if !super::is_body(article, index) {
            just_spoke = false;
            continue;
        }
        let quotes = quotations(article.text(), paragraph.range.clone());
        for sentence in &article.sentences()[paragraph.sentences.clone()] {
            let words = words(article.text(), sentence.range.clone());
            let context = Context {
                article,
                entities,
                quotes: &quotes,
                sentence: sentence.range.clone(),
                words: &words,
                last_speaker: last_speaker.as_ref(),
                all_quotes: &all_quotes,
            };
            let before = found.len();
            context.find(&mut found);
            if let Some(first) = found.get(before).cloned() {
                context.find_more(&first, &mut found);
            }
            if found.len() > before {
                last_speaker = found.last().map(|a| a.speaker.clone());
                just_spoke = true;
                continue;
            }
            let all_quote = quotes
                .iter()
                .any(|q| q.start <= sentence.range.start + 3 && sentence.range.end <= q.end + 3);
            if all_quote
                && just_spoke
                && let Some(speaker) = &last_speaker
            {
                let statement = inside_quotes(article.text(), sentence.range.clone());
                found.push(Attribution {
                    range: statement,
                    rule: "quote-continues",
                    speaker: speaker.clone(),
                });
                continue;
            }
            just_spoke = false;
        }
    }
    found
}

struct Context<'c, 'a> {
    article: &'c Article,
    entities: &'c Entities,
    quotes: &'c [Range<usize>],
    sentence: Range<usize>,
    words: &'c [Word<'a>],
    last_speaker: Option<&'c Speaker>,
    /// Every quotation of the article, in text order.
    all_quotes: &'c [Range<usize>],
}

impl Context<'_, '_> {
    fn text(&self) -> &str {
        self.article.text()
    }

    /// The quotation a byte is inside, if any.
    fn quote_at(&self, byte: usize) -> Option<Range<usize>> {
        self.quotes
            .iter()
            .find(|q| q.start <= byte && byte < q.end)
            .cloned()
    }

    /// The first pattern in the sentence, reading from its start.
    fn find(&self, out: &mut Vec<Attribution>) {
        for (i, word) in self.words.iter().enumerate() {
            if self.quote_at(word.range.start).is_some() {
                continue;
            }
            let according =
                word.lower == "according" && self.words.get(i + 1).is_some_and(|w| w.lower == "to");
            let found = if according {
                self.according_to(i)
            } else if SPEECH_VERBS.contains(&word.lower.as_str())
                || GERUNDS.contains(&word.lower.as_str())
                || DOCUMENT_VERBS.contains(&word.lower.as_str())
            {
                self.around_verb(i)
            } else {
                None
            };
            if let Some(attribution) = found {
                out.push(attribution);
                return;
            }
        }
    }

    /// Further attributions in a sentence that already has one: "…," Dlamini said, adding
    /// that …". Verbs inside the statement already found are part of what was said.
    fn find_more(&self, first: &Attribution, out: &mut Vec<Attribution>) {
        for (i, word) in self.words.iter().enumerate() {
            let inside = first.range.start <= word.range.start && word.range.end <= first.range.end;
            if inside
                || word.range.end <= first.speaker.range.end
                || !GERUNDS.contains(&word.lower.as_str())
            {
                continue;
            }
            let mut from = i + 1;
            if self.words.get(from).is_some_and(|w| w.lower == "that") {
                from += 1;
            }
            let Some(start) = self.words.get(from) else {
                return;
            };
            let statement = trim_range(
                self.text(),
                start.range.start..trim_end(self.text(), self.sentence.clone()),
            );
            if statement.len() > 12 {
                out.push(Attribution {
                    range: statement,
                    rule: "reported",
                    speaker: first.speaker.clone(),
                });
            }
            return;
        }
    }

    /// `According to X, …` and `…, according to X.`, with "according" at word `at`.
    fn according_to(&self, at: usize) -> Option<Attribution> {
        let after = self.words.get(at + 2)?;
        // The source runs to the next comma: "figures released on Monday by the authority".
        let text = self.text();
        let sentence_end = trim_end(text, self.sentence.clone());
        let source_end = text[after.range.start..sentence_end]
            .find([',', ';', '—', '–'])
            .map_or(sentence_end, |p| after.range.start + p);
        let speaker = self.speaker(trim_range(text, after.range.start..source_end))?;
        let statement = if at == 0 {
            // According to X, STATEMENT.
            source_end + 1..sentence_end
        } else {
            // STATEMENT, according to X.
            self.sentence.start..self.words[at].range.start
        };
        let statement = trim_range(text, statement);
        (statement.start < statement.end).then_some(Attribution {
            range: statement,
            rule: "according-to",
            speaker,
        })
    }

    /// The patterns around a speech verb at word `verb`.
    fn around_verb(&self, verb: usize) -> Option<Attribution> {
        let text = self.text();
        let verb_range = self.words[verb].range.clone();
        let sentence_end = trim_end(text, self.sentence.clone());
        // A quotation that ends just before the speaker and verb: `"…," Berg said.`
        let before_quote = self
            .quotes
            .iter()
            .filter(|q| q.end <= verb_range.start && q.start >= self.sentence.start)
            .max_by_key(|q| q.end)
            .cloned();
        let between = |q: &Range<usize>| text[q.end..verb_range.start].trim();
        if let Some(quote) = before_quote.filter(|q| between(q).split_whitespace().count() <= 8) {
            let speaker = if between(&quote).trim_start_matches([',', ' ']).is_empty() {
                // `"…," said Dr. Helen Marchetti, president of …`; `"…," said the
                // coordinator, Abdullah al-Mamun Sikder.`
                let first = self.words.get(verb + 1)?;
                let end = self.phrase_end(verb + 1);
                let named = self.speaker(first.range.start..self.words[end].range.end)?;
                match self.words.get(end + 1) {
                    Some(next) if named.entity.is_none() => {
                        let apposition =
                            next.range.start..self.words[self.phrase_end(end + 1)].range.end;
                        self.speaker(apposition)
                            .filter(|s| s.entity.is_some())
                            .unwrap_or(named)
                    }
                    _ => named,
                }
            } else {
                let (_, range) = self.subject(verb)?;
                self.speaker(range)?
            };
            return Some(Attribution {
                range: inside_quotes(text, quote),
                rule: "quote-then-speaker",
                speaker,
            });
        }
        // ", arguing that …", ", saying …": the sentence's subject speaks.
        if GERUNDS.contains(&self.words[verb].lower.as_str()) {
            let speaker = self.sentence_subject(verb)?;
            let mut from = verb + 1;
            if self.words.get(from).is_some_and(|w| w.lower == "that") {
                from += 1;
            }
            let statement = trim_range(text, self.words.get(from)?.range.start..sentence_end);
            return (statement.len() > 12).then_some(Attribution {
                range: statement,
                rule: "reported",
                speaker,
            });
        }
        let (start, speaker) = match self
            .subject(verb)
            .and_then(|(start, range)| Some((start, self.speaker(range)?)))
        {
            Some(found) => found,
            // "Petrauskas praised the referee but said …": the sentence's subject speaks.
            None if verb > 0 && matches!(self.words[verb - 1].lower.as_str(), "and" | "but") => {
                (verb, self.sentence_subject(verb)?)
            }
            None => return None,
        };
        // A quotation right after the verb: `Berg said, "…"` / `Berg said: "…"`
        let rest = &text[verb_range.end..sentence_end];
        let opening = rest.trim_start_matches([',', ':', ' ']);
        if opening.starts_with(['"', '“', '‘', '«']) {
            let quote_start = sentence_end - opening.len();
            let quote = self
                .quote_at(quote_start)
                .unwrap_or(quote_start..sentence_end);
            return Some(Attribution {
                range: inside_quotes(text, quote),
                rule: "speaker-then-quote",
                speaker,
            });
        }
        // A reported clause before: `…, Berg said.` (the verb ends the sentence or a clause)
        let gap_before = text[self.sentence.start..self.words[start].range.start].trim_end();
        if gap_before.ends_with(',') {
            let statement = self.sentence.start..self.sentence.start + gap_before.len() - 1;
            let after_verb = text[verb_range.end..sentence_end].trim();
            if statement.start < statement.end && after_verb.is_empty() {
                return Some(Attribution {
                    range: trim_range(text, statement),
                    rule: "trailing",
                    speaker,
                });
            }
            // "In Hope, the report shows, the average wait reached 6.2 hours": the
            // statement is the sentence around the aside.
            if statement.start < statement.end && after_verb.starts_with(',') {
                return Some(Attribution {
                    range: trim_range(text, self.sentence.start..sentence_end),
                    rule: "aside",
                    speaker,
                });
            }
        }
        // A document's verb only reports in those shapes, or with "that".
        if DOCUMENT_VERBS.contains(&self.words[verb].lower.as_str())
            && self.words.get(verb + 1).is_none_or(|w| w.lower != "that")
        {
            return None;
        }
        // A reported clause after: `Berg said (that) …`, `Berg told reporters that …`
        let mut from = verb + 1;
        if matches!(
            self.words[verb].lower.as_str(),
            "told" | "tells" | "asked" | "urged"
        ) {
            // Skip the listener: up to "that", else past the next noun phrase.
            match self.words[from..]
                .iter()
                .take(10)
                .position(|w| w.lower == "that")
            {
                Some(p) => from += p,
                None => from = self.phrase_end(from) + 1,
            }
        }
        // "said in a written response that …": the statement starts after "that".
        if let Some(p) = self.words[from..]
            .iter()
            .take(8)
            .position(|w| w.lower == "that")
            .filter(|&p| {
                !text[verb_range.end..self.words[from + p].range.start].contains(['"', '“', '”'])
            })
        {
            from += p + 1;
        }
        let first = self.words.get(from)?;
        let statement = trim_range(text, first.range.start..sentence_end);
        // A reported clause needs a few words to say anything.
        (statement.len() > 12).then_some(Attribution {
            range: statement,
            rule: "reported",
            speaker,
        })
    }

    /// The speaker before word `verb`: the noun phrase just before it, except when an
    /// apposition or a relative clause stands between commas before the verb — then the
    /// person named in it ("The chief executive, Graham Oduya, said"), or else the noun
    /// phrase before it ("A senior official, who asked not to be named, said"). Returns
    /// the first word of the whole subject and the speaker's byte range.
    fn subject(&self, verb: usize) -> Option<(usize, Range<usize>)> {
        let text = self.text();
        let gap = |i: usize| &text[self.words[i - 1].range.end..self.words[i].range.start];
        // "Rowena Pangilinan, a ticketing clerk, who said": the one "who" stands for.
        let verb = if verb > 1 && matches!(self.words[verb - 1].lower.as_str(), "who" | "which") {
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
            for part in parts.iter().filter(|p| {
                !matches!(
                    self.words[p.start].lower.as_str(),
                    "who" | "which" | "whose"
                )
            }) {
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
                    word.lower.as_str(),
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
    fn sentence_subject(&self, verb: usize) -> Option<Speaker> {
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
    fn phrase_start(&self, verb: usize) -> Option<usize> {
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
            let joins_names = word.lower == "and"
                && start >= 2
                && is_title_case(self.words[start].text)
                && is_title_case(self.words[start - 2].text);
            if punctuated
                || (PHRASE_STOPS.contains(&word.lower.as_str())
                    && !is_title_case(word.text)
                    && !joins_names)
            {
                break;
            }
            start -= 1;
            if PRONOUNS.contains(&word.lower.as_str()) {
                break; // "he", "she": the phrase is the pronoun
            }
        }
        // "On Monday the ministry said": the time is not the speaker.
        while start + 2 < verb && LEADING_ADVERBIALS.contains(&self.words[start].lower.as_str()) {
            start += 2;
        }
        (start < verb).then_some(start)
    }

    /// The last word of the noun phrase that starts at word `first` (before a comma, a
    /// verb-like stop word or the sentence's end).
    fn phrase_end(&self, first: usize) -> usize {
        let text = self.text();
        let mut end = first;
        while end + 1 < self.words.len() && end - first < 8 {
            let next = &self.words[end + 1];
            let gap = &text[self.words[end].range.end..next.range.start];
            if gap.contains([',', ';', ':', '"', '“', '”', '(', ')', '—', '–'])
                || PHRASE_STOPS.contains(&next.lower.as_str())
                || SPEECH_VERBS.contains(&next.lower.as_str())
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
    fn speaker(&self, range: Range<usize>) -> Option<Speaker> {
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
        // A description needs a noun, not a lone adjective or verb.
        let first = words.chars().next()?;
        if !(first.is_uppercase()
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
    fn resolve(&self, pronoun: Range<usize>, word: &str) -> Option<Speaker> {
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
    fn starts_a_sentence(&self, byte: usize) -> bool {
        let article = self.article;
        let sentence = &article.sentences()[article.sentence_at(byte)];
        let before = &article.text()[sentence.range.start..byte];
        before.split_whitespace().count() <= 2 && !before.contains(',')
    }

    /// Whether a mention makes its person the topic: the subject of its sentence, or
    /// followed by "who …" ("a bittersweet afternoon for Havili, who is leaving …").
    fn topical(&self, mention: &Range<usize>) -> bool {
        let after = self.text()[mention.end..].trim_start_matches(['\'', '’', 's']);
        self.starts_a_sentence(mention.start)
            || after.starts_with(", who ")
            || after.starts_with(", whose ")
    }

    /// Whether a byte of the text is inside any quotation of the article.
    fn in_quotation(&self, byte: usize) -> bool {
        let at = self.all_quotes.partition_point(|q| q.end <= byte);
        self.all_quotes.get(at).is_some_and(|q| q.start <= byte)
    }
}

/// The quotations of a paragraph, as byte ranges covering their marks. A quotation left
/// open runs to the end of the paragraph (it continues in the next one).
pub fn quotations(text: &str, paragraph: Range<usize>) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text[paragraph.clone()].char_indices() {
        let at = paragraph.start + i;
        match c {
            '“' | '«' | '„' => open = open.or(Some(at)),
            '”' | '»' => {
                if let Some(start) = open.take() {
                    spans.push(start..at + c.len_utf8());
                }
            }
            '"' => match open.take() {
                Some(start) => spans.push(start..at + 1),
                None => open = Some(at),
            },
            _ => {}
        }
    }
    if let Some(start) = open {
        spans.push(start..paragraph.end);
    }
    spans
}

/// The words inside a quotation, without the marks and the comma or full stop that ends
/// the quoted sentence.
pub fn inside_quotes(text: &str, quote: Range<usize>) -> Range<usize> {
    let inner = &text[quote.clone()];
    let start = quote.start
        + (inner.len()
            - inner
                .trim_start_matches(['"', '“', '‘', '«', '„', ' '])
                .len());
    let trimmed = inner.trim_end_matches(['"', '”', '’', '»', ' ', ',', '.']);
    let end = quote.start + trimmed.len();
    start.min(end)..end
}

/// A range without surrounding spaces and a final full stop, comma or colon.
fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start
        + slice
            .trim_end()
            .trim_end_matches(['.', ',', ':', ';'])
            .len();
    start..end.max(start)
}

/// Where a sentence's words end: before its final punctuation and closing marks.
fn trim_end(text: &str, range: Range<usize>) -> usize {
    let slice = &text[range.clone()];
    range.start
        + slice
            .trim_end_matches(['.', '!', '?', '"', '”', '’', ' '])
            .len()
}

fn is_title_case(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The words of a range of the text, with byte ranges.
fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let slice = &text[range.clone()];
    for (i, c) in slice.char_indices() {
        let inside = c.is_alphanumeric()
            || ((c == '\'' || c == '’' || c == '-' || c == '.') && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push_word(&mut words, text, range.start + s, range.start + i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push_word(&mut words, text, range.start + s, range.end);
    }
    words
}

fn push_word<'a>(words: &mut Vec<Word<'a>>, text: &'a str, start: usize, end: usize) {
    // A word does not end with the full stop or apostrophe after it.
    let word = text[start..end].trim_end_matches(['.', '\'', '’', '-']);
    if word.is_empty() {
        return;
    }
    let end = start + word.len();
    words.push(Word {
        text: word,
        range: start..end,
        lower: word.to_lowercase(),
    });
}
