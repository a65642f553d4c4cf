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

use super::text::{Word, inside_quotes, quotations, trim_end, trim_range, words_into};
use super::words::class::{DOCUMENT, GERUND, SPEECH};
use super::{Attribution, Speaker};
use crate::article::Article;
use crate::entity::Entities;

/// Words that open what may follow a trailing "X said" without being said: when, where,
/// how ("…, the ministry said on Tuesday", "…, she said in a statement").
const TAIL_STARTS: &[&str] = &[
    "on",
    "in",
    "at",
    "late",
    "early",
    "yesterday",
    "today",
    "tonight",
    "last",
    "this",
    "during",
    "after",
    "before",
    "following",
    "when",
    "while",
    "as",
    "via",
    "through",
    "by",
    "earlier",
    "later",
    "recently",
    "again",
    "afterwards",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Every statement the article attributes to someone, with its speaker, in text order.
pub fn attributions(article: &Article, entities: &Entities) -> Vec<Attribution> {
    attributions_in_parts(article, entities, 1)
}

/// What [`attributions`] finds, the same, with the paragraphs read in parts by up to
/// `threads` threads at once. A part after the first is read without knowing who spoke
/// last; once the part before it is done, its first paragraphs are read again knowing, up
/// to the first where both readings agree on who spoke last (usually the first with a
/// speaker of its own), and from there on the two readings are the same.
pub fn attributions_in_parts(
    article: &Article,
    entities: &Entities,
    threads: usize,
) -> Vec<Attribution> {
    let reader = Reader::new(article, entities);
    // The state before the first paragraphs of the later parts is noted.
    let read = article.read_in_parts(threads, |paragraphs, first| reader.part(paragraphs, !first));
    let mut read = read.into_iter();
    let Part {
        mut found,
        mut state,
        ..
    } = read.next().expect("one part at least");
    let mut words = Vec::new();
    for part in read {
        // Read again, knowing who spoke last, up to the first paragraph where both agree.
        let mut agreed = None;
        for (at, index) in part.paragraphs.clone().enumerate() {
            if let Some((before, found_before)) = part.before.get(at)
                && *before == state
            {
                agreed = Some(*found_before);
                break;
            }
            reader.paragraph(index, &mut state, &mut found, &mut words);
        }
        if let Some(found_before) = agreed {
            found.reserve_exact(part.found.len() - found_before);
            found.extend(part.found.into_iter().skip(found_before));
            state = part.state;
        }
    }
    found
}

/// What the reading of a sentence needs to know of the sentences before it.
#[derive(Debug, Clone, Default, PartialEq)]
struct State {
    /// The last speaker, for quotations that continue without one and for pronouns.
    last_speaker: Option<Speaker>,
    /// Whether the sentence just before (in this paragraph, or ending the last one) had a
    /// speaker: a quotation right after it with none of its own continues theirs.
    just_spoke: bool,
}

/// How many of a part's first paragraphs have their state noted. Past them, a part whose
/// reading has not agreed with the reading again is read again to its end, as it is when
/// no one in it speaks (the reading that knows who spoke last never forgets).
const NOTED: usize = 64;

/// A run of paragraphs read.
struct Part {
    paragraphs: Range<usize>,
    found: Vec<Attribution>,
    /// The state after the last paragraph.
    state: State,
    /// The state before each of its first [`NOTED`] paragraphs, and how many attributions
    /// were found before it.
    before: Vec<(State, usize)>,
}

/// What every sentence's reading shares.
struct Reader<'a> {
    article: &'a Article,
    entities: &'a Entities,
    /// Every quotation of the article, and where each paragraph's begin among them.
    all_quotes: Vec<Range<usize>>,
    first_quote: Vec<usize>,
}

impl<'a> Reader<'a> {
    fn new(article: &'a Article, entities: &'a Entities) -> Reader<'a> {
        let mut all_quotes: Vec<Range<usize>> = Vec::new();
        let mut first_quote = Vec::with_capacity(article.paragraphs().len() + 1);
        for p in article.paragraphs() {
            first_quote.push(all_quotes.len());
            all_quotes.extend(quotations(article.text(), p.range.clone()));
        }
        first_quote.push(all_quotes.len());
        Reader {
            article,
            entities,
            all_quotes,
            first_quote,
        }
    }

    /// The paragraphs `paragraphs` read as if the article began with them (no one has
    /// spoken yet), noting the state before the first ones when `note` says so.
    fn part(&self, paragraphs: Range<usize>, note: bool) -> Part {
        let mut found = Vec::new();
        let mut state = State::default();
        let mut before = Vec::with_capacity(if note { NOTED } else { 0 });
        // One list of words serves every sentence.
        let mut words = Vec::new();
        for index in paragraphs.clone() {
            if note && before.len() < NOTED {
                before.push((state.clone(), found.len()));
            }
            self.paragraph(index, &mut state, &mut found, &mut words);
        }
        Part {
            paragraphs,
            found,
            state,
            before,
        }
    }

    /// The attributions in paragraph `index`, after the sentences that left `state`.
    fn paragraph(
        &self,
        index: usize,
        state: &mut State,
        found: &mut Vec<Attribution>,
        words: &mut Vec<Word<'a>>,
    ) {
        let article = self.article;
        if !super::is_body(article, index) {
            state.just_spoke = false;
            return;
        }
        let paragraph = &article.paragraphs()[index];
        let in_paragraph = &self.all_quotes[self.first_quote[index]..self.first_quote[index + 1]];
        for sentence in &article.sentences()[paragraph.sentences.clone()] {
            // The quotations that reach within a few bytes of the sentence: the rules look at
            // no others, and a paragraph may hold thousands (a long text without blank lines).
            let (start, end) = (sentence.range.start, sentence.range.end);
            let first = in_paragraph.partition_point(|q| q.end + 3 < start);
            let last = in_paragraph.partition_point(|q| q.start <= end + 3);
            let quotes = &in_paragraph[first..last.max(first)];
            let range = super::without_dateline(article.text(), sentence.range.clone());
            words_into(article.text(), range.clone(), words);
            let context = Context {
                article,
                entities: self.entities,
                quotes,
                sentence: range.clone(),
                words,
                last_speaker: state.last_speaker.as_ref(),
                all_quotes: &self.all_quotes,
            };
            let before = found.len();
            context.find(found);
            if let Some(first) = found.get(before).cloned() {
                context.find_more(&first, found);
            }
            if found.len() > before {
                state.last_speaker = found.last().map(|a| a.speaker.clone());
                state.just_spoke = true;
                continue;
            }
            let all_quote = quotes
                .iter()
                .any(|q| q.start <= sentence.range.start + 3 && sentence.range.end <= q.end + 3);
            if all_quote
                && state.just_spoke
                && let Some(speaker) = &state.last_speaker
            {
                let statement = inside_quotes(article.text(), range.clone());
                found.push(Attribution {
                    range: statement,
                    rule: "quote-continues",
                    speaker: speaker.clone(),
                });
                continue;
            }
            state.just_spoke = false;
        }
    }
}

pub(super) struct Context<'c, 'a> {
    pub(super) article: &'c Article,
    pub(super) entities: &'c Entities,
    pub(super) quotes: &'c [Range<usize>],
    pub(super) sentence: Range<usize>,
    pub(super) words: &'c [Word<'a>],
    pub(super) last_speaker: Option<&'c Speaker>,
    /// Every quotation of the article, in text order.
    pub(super) all_quotes: &'c [Range<usize>],
}

impl Context<'_, '_> {
    pub(super) fn text(&self) -> &str {
        self.article.text()
    }

    /// The quotation a byte is inside, if any.
    pub(super) fn quote_at(&self, byte: usize) -> Option<Range<usize>> {
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
                word.is_word("according") && self.words.get(i + 1).is_some_and(|w| w.is_word("to"));
            // "the report shows", "the statement says": a noun before the verb that speaks.
            let is_verb = |w: &Word| w.is(SPEECH | DOCUMENT);
            let noun = self.words.get(i + 1).is_some_and(is_verb);
            let found = if according {
                self.according_to(i)
            } else if noun {
                None
            } else if word.is(SPEECH | GERUND | DOCUMENT) {
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
            if inside || word.range.end <= first.speaker.range.end || !word.is(GERUND) {
                continue;
            }
            let mut from = i + 1;
            if self.words.get(from).is_some_and(|w| w.is_word("that")) {
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
            // According to X, STATEMENT: after the comma or dash (which may be wide), if
            // anything ends the source before the sentence does.
            let separator = text[source_end..sentence_end]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
            source_end + separator..sentence_end
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
        if self.words[verb].is(GERUND) {
            let speaker = self.sentence_subject(verb)?;
            let mut from = verb + 1;
            if self.words.get(from).is_some_and(|w| w.is_word("that")) {
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
            None if verb > 0 && matches!(&*self.words[verb - 1].lower(), "and" | "but") => {
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
            // "…, Cocobod said on Tuesday, in an effort to …", "…, he told a news
            // conference": when and where it was said, not what.
            let first_after = after_verb
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            let told = matches!(&*self.words[verb].lower(), "told" | "tells");
            let tail = told || TAIL_STARTS.contains(&first_after.as_str());
            if statement.start < statement.end && (after_verb.is_empty() || tail) {
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
        if self.words[verb].is(DOCUMENT)
            && self.words.get(verb + 1).is_none_or(|w| !w.is_word("that"))
        {
            return None;
        }
        // A reported clause after: `Berg said (that) …`, `Berg told reporters that …`
        let mut from = verb + 1;
        if matches!(
            &*self.words[verb].lower(),
            "told" | "tells" | "asked" | "urged"
        ) {
            // "Berg told.": no listener, and nothing said.
            if from == self.words.len() {
                return None;
            }
            // Skip the listener: up to "that", else past the next noun phrase.
            match self.words[from..]
                .iter()
                .take(10)
                .position(|w| w.is_word("that"))
            {
                Some(p) => from += p,
                None => from = self.phrase_end(from) + 1,
            }
        }
        // "said in a written response that …": the statement starts after "that".
        if let Some(p) = self.words[from..]
            .iter()
            .take(8)
            .position(|w| w.is_word("that"))
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

    /// Whether a byte of the text is inside any quotation of the article.
    pub(super) fn in_quotation(&self, byte: usize) -> bool {
        let at = self.all_quotes.partition_point(|q| q.end <= byte);
        self.all_quotes.get(at).is_some_and(|q| q.start <= byte)
    }
}
