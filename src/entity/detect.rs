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

use std::collections::HashMap;
use std::ops::Range;

use super::classify::Sentence;
use super::lexicon::{Lexicon, lexicon};
use super::lower_words::LowerCaseWords;
use super::merge::{Candidate, merge};
use super::tokens::{Token, strip_possessive, tokenize, tokenize_into};
use super::{Entities, Entity, EntityKind};
use crate::article::Article;

/// Lower-case words that may sit inside a name between capitalised words.
pub(super) const PARTICLES: &[&str] = &[
    "van", "von", "de", "del", "della", "der", "den", "da", "di", "du", "la", "le", "al", "bin",
    "ibn", "y", "ten", "ter", "do", "dos", "das", "des", "e", "el", "los", "las", "por", "para",
    "und", "für", "et", "af", "av", "og", "zu", "zum", "zur", "lo", "binti", "aux", "les", "dela",
    "ap", "ab", "bint", "ben", "dei", "degli", "vom",
];
/// "Mac", "Nic": Gaelic patronymics, which may be followed by the article "an".
pub(super) const GAELIC_PATRONYMICS: &[&str] = &["Mac", "Nic", "Mhic", "Ní", "Uí", "Ó"];
/// Lower-case words that may join the parts of an organisation's or a place's name.
pub(super) const JOINERS: &[&str] = &["of", "for", "and", "the", "on", "&"];
/// Legal suffixes that are written in lower case after a capitalised name.
pub(super) const LOWER_CASE_SUFFIXES: &[&str] = &["plc", "ltd", "inc", "llc", "gmbh"];

/// The people, organisations and places an article names, read by one thread.
pub fn detect(article: &Article) -> Entities {
    detect_in_parts(article, 1)
}

/// What [`detect`] finds, the same, with the paragraphs read by up to `threads` threads at
/// once: on a machine with a processor to spare, a long article's entities come sooner.
/// Each part is a run of whole paragraphs (no name crosses a paragraph), and the names
/// found are merged in the article's order, as one thread would.
pub fn detect_in_parts(article: &Article, threads: usize) -> Entities {
    let lex = lexicon();
    let lower_words = LowerCaseWords::of(article.text());
    let found = article.read_in_parts(threads, |paragraphs, _| {
        find(article, paragraphs, &lower_words, lex)
    });
    let mut candidates = Vec::with_capacity(found.iter().map(|f| f.candidates.len()).sum());
    let mut headline_paragraphs = Vec::new();
    for part in found {
        // A part's lists link its candidates by their index in the part.
        let offset = candidates.len();
        candidates.extend(part.candidates.into_iter().map(|mut c| {
            if let Some(before) = &mut c.coordinated {
                *before += offset;
            }
            c
        }));
        headline_paragraphs.extend(part.headline_paragraphs);
    }
    let mut entities = merge(candidates, lex, &lower_words);
    attach_particles(article.text(), &mut entities);
    add_headline_mentions(article, &headline_paragraphs, &mut entities, lex);
    Entities::new(entities)
}

/// The names in a run of paragraphs, before they are merged.
struct Found {
    candidates: Vec<Candidate>,
    /// The title and the headlines, whose capitals prove nothing: read after the rest.
    headline_paragraphs: Vec<usize>,
}

/// The candidate names in the paragraphs `paragraphs`, each list's items linked.
fn find(
    article: &Article,
    paragraphs: Range<usize>,
    lower_words: &LowerCaseWords,
    lex: &'static Lexicon,
) -> Found {
    let mut candidates = Vec::new();
    let mut headline_paragraphs = Vec::new();
    let mut tokens = Vec::new();
    for index in paragraphs {
        let paragraph = &article.paragraphs()[index];
        if Some(index) == article.date_paragraph() {
            byline(article, paragraph.range.clone(), &mut candidates);
            continue;
        }
        if Some(index) == article.title_paragraph() || is_headline(article.paragraph_text(index)) {
            headline_paragraphs.push(index);
            continue;
        }
        for sentence in &article.sentences()[paragraph.sentences.clone()] {
            let text = &article.text()[sentence.range.clone()];
            tokenize_into(text, sentence.range.start, &mut tokens);
            let context = Sentence {
                text: article.text(),
                tokens: &tokens,
                lower_words,
                lex,
            };
            let first = candidates.len();
            for (at, run) in runs(&tokens, lex) {
                context.classify(at, run, &mut candidates);
            }
            join_portfolios(article.text(), &tokens, &mut candidates, first, lex);
            join_nicknames(article.text(), &mut candidates, first, lex);
            link_lists(article.text(), &mut candidates[first..], first);
        }
    }
    Found {
        candidates,
        headline_paragraphs,
    }
}

/// "ap Gwilym said", "du Toit's try": a surname that the full name writes after a particle
/// ("Rhodri ap Gwilym") carries the particle where the article writes it there too.
fn attach_particles(text: &str, entities: &mut [Entity]) {
    for entity in entities.iter_mut().filter(|e| e.kind == EntityKind::Person) {
        let words: Vec<&str> = entity.name.split(' ').collect();
        let Some(p) = words.iter().skip(1).position(|w| PARTICLES.contains(w)) else {
            continue;
        };
        let p = p + 1;
        let q = p + words[p..]
            .iter()
            .take_while(|w| PARTICLES.contains(w))
            .count();
        if q == words.len() {
            continue;
        }
        let particles = format!("{} ", words[p..q].join(" "));
        let surname = words[q..].join(" ");
        for mention in &mut entity.mentions {
            if text[mention.clone()] != surname || mention.start < particles.len() {
                continue;
            }
            let start = mention.start - particles.len();
            if text
                .get(start..mention.start)
                .is_some_and(|before| before.eq_ignore_ascii_case(&particles))
                && !text[..start].ends_with(|c: char| c.is_alphanumeric())
            {
                mention.start = start;
            }
        }
    }
}

/// "the Ministry of Livestock, Agriculture and Fisheries": a ministry named by its
/// portfolios is one name across the commas, to the "and" that closes the list, when every
/// listed word is a field of government (so "the Ministry of Finance, Equinor and Aker"
/// stays three names). The listed words need not be candidates: "Agriculture" alone is
/// taken for a role's qualifier.
fn join_portfolios(
    text: &str,
    tokens: &[Token],
    candidates: &mut Vec<Candidate>,
    first: usize,
    lex: &Lexicon,
) {
    let portfolio = |t: &Token| t.is_capitalised() && lex.is_portfolio_word(&name_key(t));
    let mut k = first;
    while k < candidates.len() {
        let head = &candidates[k];
        let ministry = [
            "Ministry of ",
            "Ministry for ",
            "Department of ",
            "Department for ",
        ]
        .iter()
        .any(|opening| head.name.starts_with(opening));
        let after = ministry
            .then(|| {
                tokens
                    .iter()
                    .position(|tok| tok.range.start >= head.range.end)
            })
            .flatten();
        let Some(mut t) = after else {
            k += 1;
            continue;
        };
        let mut end = None;
        let mut listed = false;
        let mut previous_end = head.range.end;
        while t < tokens.len() {
            let gap = &text[previous_end..tokens[t].range.start];
            let closing = tokens[t].text == "and" && matches!(gap, " " | ", ");
            if !closing && (gap != ", " || !portfolio(&tokens[t])) {
                break;
            }
            // The item's words: "Social Security".
            let from = if closing { t + 1 } else { t };
            let words = tokens[from..]
                .iter()
                .enumerate()
                .take_while(|(i, w)| (*i == 0 || w.joined) && portfolio(w))
                .count();
            if words == 0 {
                break;
            }
            t = from + words;
            previous_end = tokens[t - 1].range.end;
            if closing {
                end = listed.then_some(previous_end);
                break;
            }
            listed = true;
        }
        if let Some(end) = end {
            let range = candidates[k].range.start..end;
            candidates[k].name = text[range.clone()].to_string();
            candidates[k].range = range;
            candidates[k].votes[1] += 3;
            let inside = candidates[k + 1..]
                .iter()
                .take_while(|c| c.range.start < end)
                .count();
            candidates.drain(k + 1..k + 1 + inside);
        }
        k += 1;
    }
}

/// `Reynaldo "Nonoy" Dizon`: a nickname in quotation marks between a given name and a
/// surname is part of one person's name.
fn join_nicknames(text: &str, candidates: &mut Vec<Candidate>, first: usize, lex: &Lexicon) {
    let mut k = first;
    while k + 2 < candidates.len() {
        let [given, nickname, surname] = &candidates[k..k + 3] else {
            unreachable!("three candidates");
        };
        let open = &text[given.range.end..nickname.range.start];
        let close = &text[nickname.range.end..surname.range.start];
        let quoted = matches!((open, close), (" \"", "\" ") | (" “", "” ") | (" ‘", "’ "));
        if quoted
            && lex.is_given_name(&given.name)
            && !nickname.name.contains(' ')
            && surname.votes[1..] == [0; 3]
        {
            let range = given.range.start..surname.range.end;
            candidates[k].name = text[range.clone()].to_string();
            candidates[k].range = range;
            candidates[k].votes[0] += 3;
            candidates.drain(k + 1..k + 3);
        }
        k += 1;
    }
}

/// Mark each candidate that follows another in a list: "A, B and C", "A or B", "A & B".
/// Names between commas with no "and" or "or" to close them are no list: in "a spokeswoman
/// for Volta Gateway, Efua Quaye, said" the second names the speaker.
fn link_lists(text: &str, candidates: &mut [Candidate], offset: usize) {
    let mut chain_start = 0;
    let mut closed = false;
    for k in 1..=candidates.len() {
        let gap = candidates
            .get(k)
            .map(|c| text[candidates[k - 1].range.end..c.range.start].trim());
        match gap {
            Some("," | "and" | ", and" | "or" | ", or" | "&") => {
                candidates[k].coordinated = Some(offset + k - 1);
                closed |= gap != Some(",");
            }
            _ => {
                if !closed {
                    for c in &mut candidates[chain_start + 1..k] {
                        c.coordinated = None;
                    }
                }
                chain_start = k;
                closed = false;
            }
        }
    }
}

/// The author in a dateline: "Published March 3, 2025 · By Ingrid Holm".
fn byline(article: &Article, range: Range<usize>, out: &mut Vec<Candidate>) {
    let text = &article.text()[range.clone()];
    let Some(at) = text.find("By ").or_else(|| text.find("by ")) else {
        return;
    };
    let start = range.start + at + 3;
    let tokens = tokenize(&article.text()[start..range.end], start);
    let name: Vec<Token> = tokens
        .into_iter()
        .enumerate()
        .take_while(|(i, t)| t.is_capitalised() && (*i == 0 || t.joined))
        .map(|(_, t)| t)
        .collect();
    if name.len() >= 2 {
        out.push(Candidate {
            name: join(&name),
            range: name[0].range.start..name_end(&name[name.len() - 1]),
            votes: [4, 0, 0, 0],
            prior: [0; 4],
            sentence_initial: false,
            acronym: None,
            coordinated: None,
        });
    }
}

/// A line in title case or capitals, such as a subheading or a wire dateline, where
/// capital letters prove nothing.
fn is_headline(paragraph: &str) -> bool {
    if paragraph.len() > 200 {
        return false;
    }
    let words: Vec<&str> = paragraph.split_whitespace().take(15).collect();
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
fn runs<'t, 'a>(tokens: &'t [Token<'a>], lex: &Lexicon) -> Vec<(usize, &'t [Token<'a>])> {
    let mut result = Vec::new();
    let mut start: Option<usize> = None;
    let close =
        |start: &mut Option<usize>, end: usize, result: &mut Vec<(usize, &'t [Token<'a>])>| {
            if let Some(s) = start.take() {
                // A run never ends on a joiner or particle (but may on "plc").
                let mut e = end;
                while e > s
                    && !tokens[e - 1].is_capitalised()
                    && !LOWER_CASE_SUFFIXES.contains(&tokens[e - 1].text)
                {
                    e -= 1;
                }
                if e > s {
                    result.push((s, &tokens[s..e]));
                }
            }
        };
    for (i, token) in tokens.iter().enumerate() {
        if !token.is_capitalised() {
            if start.is_none() {
                continue; // most words: nothing is open
            }
            // "van der" in "Joost van der Heijden"; "of the" in "Friends of the Byfjord";
            // a legal suffix written in lower case ends a company's name ("Pellworth plc").
            let previous = &tokens[i - 1];
            // "Mhairi Nic an t-Saoir", "Seán Mac an Bhaird": the Gaelic article after a
            // patronymic.
            let gaelic = token.text == "an" && GAELIC_PATRONYMICS.contains(&previous.text);
            let inside = token.joined
                && (lex.is_connector(token.text)
                    || LOWER_CASE_SUFFIXES.contains(&token.text)
                    || gaelic)
                && (previous.is_capitalised() || lex.is_connector(previous.text));
            if !inside {
                close(&mut start, i, &mut result);
            }
            continue;
        }
        if lex.is_calendar_word(token.text) {
            close(&mut start, i, &mut result);
        } else if !(start.is_some() && token.joined) {
            close(&mut start, i, &mut result);
            start = Some(i);
        }
    }
    close(&mut start, tokens.len(), &mut result);
    result
}

/// "Vance's" ends a name; "Workers'" in "Workers' Union" does not.
pub(super) fn ends_with_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// A word as a list key: lower case, without a final stop or a possessive.
pub(super) fn name_key(token: &Token) -> String {
    strip_possessive(token.text)
        .trim_end_matches('.')
        .to_lowercase()
}

/// Where a name ends: before a possessive "'s".
pub(super) fn name_end(token: &Token) -> usize {
    token.range.start + strip_possessive(token.text).len()
}

pub(super) fn join(run: &[Token]) -> String {
    let mut name = String::with_capacity(run.iter().map(|t| t.text.len() + 1).sum());
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

/// In the title and other headline lines, count only names already found in the body, and
/// the places the gazetteers know ("Mali" in a headline is Mali).
fn add_headline_mentions(
    article: &Article,
    paragraphs: &[usize],
    entities: &mut Vec<Entity>,
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
                let mention = run[0].range.start..name_end(&run[len - 1]);
                if let Some(&entity) = names.get(&name) {
                    return Some((len, Ok(entity), mention));
                }
                let (canonical, kind) = lex.known(&name)?;
                match names.get(&canonical.to_lowercase()) {
                    Some(&entity) => Some((len, Ok(entity), mention)),
                    None if kind == EntityKind::Place && run.iter().all(Token::is_capitalised) => {
                        Some((len, Err(canonical), mention))
                    }
                    None => None,
                }
            });
            let Some((len, entity, mention)) = found else {
                i += 1;
                continue;
            };
            i += len;
            match entity {
                Ok(entity) => entities[entity].mentions.push(mention),
                // A place the body does not name.
                Err(canonical) => {
                    let id = super::slug(canonical);
                    if !entities.iter().any(|e| e.id == id) {
                        names.insert(canonical.to_lowercase(), entities.len());
                        entities.push(Entity {
                            id,
                            name: canonical.to_string(),
                            kind: EntityKind::Place,
                            aliases: Vec::new(),
                            mentions: vec![mention],
                        });
                    }
                }
            }
        }
    }
    for entity in entities {
        entity.mentions.sort_by_key(|r| r.start);
    }
}
