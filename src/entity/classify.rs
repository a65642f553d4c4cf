//! Classifying a run of capitalised words: cutting it into names and separating titles
//! and roles; `evidence` weighs each name's type, `context` reads the words around it.

use super::lower_words::LowerCaseWords;

use super::cues::{
    COMPANY_ENDS, GROUP_POSSESSIVES, LEGAL_SUFFIXES, ORGANISATION_NOUNS, POSSESSIVE_PLACES,
};
use super::detect::{JOINERS, PARTICLES, ends_with_possessive, join, name_key};
use super::lexicon::Lexicon;
use super::merge::Candidate;
use super::tokens::Token;

mod context;
mod evidence;

pub(super) use evidence::is_camel_case;

/// What a sentence's runs are classified against.
pub(super) struct Sentence<'s> {
    pub(super) text: &'s str,
    pub(super) tokens: &'s [Token<'s>],
    pub(super) lower_words: &'s LowerCaseWords<'s>,
    pub(super) lex: &'static Lexicon,
}

impl Sentence<'_> {
    /// Whether the word at `at` starts the sentence or a clause inside it (after a
    /// quotation mark, a colon, a semicolon, a dash, or a full stop within a
    /// quotation that the sentence splitter kept whole), where every word is
    /// capitalised whether or not it is a name.
    fn starts_clause(&self, at: usize) -> bool {
        if at == 0 {
            return true;
        }
        let gap = &self.text[self.tokens[at - 1].range.end..self.tokens[at].range.start];
        // An opening mark touches the word it opens; a closing one is followed by a space.
        gap.ends_with(['"', '“', '‘', '\''])
            || gap.contains([':', ';', '—', '–', '.', '!', '?'])
            || gap.contains(" - ")
    }

    /// `run` starts at token `at` of the sentence.
    pub(super) fn classify(&self, mut at: usize, mut run: &[Token], out: &mut Vec<Candidate>) {
        let lex = self.lex;
        // A function word is not a name even when capitalised ("The", "It", "But I"); at
        // the start of a sentence or clause neither is a word the article also writes in
        // lower case ("Several", "Water").
        let institution = run.last().is_some_and(|t| {
            let key = name_key(t);
            lex.is_organisation_word(&key) || lex.is_place_word(&key)
        });
        while let Some(first) = run.first() {
            let key = name_key(first);
            // "Van der Heijden said": a particle that starts a surname is part of it.
            let particle = run.len() > 1 && PARTICLES.contains(&key.as_str());
            let ordinary = lex.is_function_word(&key)
                || (self.starts_clause(at)
                    && !institution
                    && !particle
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
        // "the campaign group Friends of the Byfjord": named as an organisation, it holds
        // together across "of the".
        let named_organisation = at > 0
            && run[0].joined
            && ORGANISATION_NOUNS.contains(&self.tokens[at - 1].key().as_ref());
        for (piece, offset) in self.pieces(run, named_organisation) {
            self.name(piece, at + offset, out);
        }
    }

    /// Cut a run into names. A joiner ("of", "for") holds two parts together after an
    /// organisation or place word ("Bank of England", "Institute for Regional Economics"),
    /// not after a person ("Ingrid Solheim of the Coastal Party") or a company's legal suffix
    /// ("Tallow Ridge Capital Inc of Boston"). Once such a name is open, "and" continues it
    /// ("Ministry of Fisheries and Coastal Affairs"); otherwise "and" joins only parts that
    /// end in an organisation word ("Competition and Markets Authority"), and "&" a legal
    /// suffix ("Harcourt Bauer & Co"). A possessive ends a name unless a saint's name or a
    /// group of people names an institution ("St. Brendan's Hospital", "Women's Institute").
    fn pieces<'r, 'a>(
        &self,
        run: &'r [Token<'a>],
        organisation: bool,
    ) -> Vec<(&'r [Token<'a>], usize)> {
        let lex = self.lex;
        let institutional = |tokens: &[Token]| {
            tokens.last().is_some_and(|t| {
                let key = name_key(t);
                lex.is_organisation_word(&key) || lex.is_place_word(&key)
            })
        };
        let mut pieces = Vec::new();
        let mut start = 0;
        let mut open = organisation;
        let mut i = 0;
        while i < run.len() {
            let token = &run[i];
            if !token.is_capitalised() && JOINERS.contains(&token.text) {
                let mut next = i;
                while next < run.len() && !run[next].is_capitalised() {
                    next += 1;
                }
                let after_end = run[next..]
                    .iter()
                    .position(|t| !t.is_capitalised())
                    .map_or(run.len(), |p| next + p);
                let before = &run[start..i];
                let after = &run[next..after_end];
                let legal_end = before.last().is_some_and(|t| {
                    let key = name_key(t);
                    LEGAL_SUFFIXES.contains(&key.as_str())
                        || (before.len() >= 2 && COMPANY_ENDS.contains(&key.as_str()))
                });
                // "Fisheries and Oceans Canada": fields of government, then a country.
                let agency = before.iter().all(|t| lex.is_portfolio_word(&name_key(t)))
                    && self.agency_name(after);
                // "member of Parliament for Dunmarnock": a parliament's name has no "for".
                let seat = token.text == "for"
                    && before.last().is_some_and(|t| name_key(t) == "parliament");
                let chained = match token.text {
                    // "&" between names makes a firm: "Halvard & Stein", "Bocage & Filhos Lda."
                    "&" if next - i == 1 => true,
                    "and" if next - i == 1 => {
                        open || agency
                            || (institutional(after)
                                && !institutional(before)
                                && !self.agency_name(before)
                                && !lex.is_given_name(before[0].text)
                                && lex.known(&join(before)).is_none())
                    }
                    "and" | "&" => false,
                    _ if seat => false,
                    // "Grand Slam of Curling", "Convention on the Law of the Sea".
                    _ => {
                        ((institutional(before)
                            || before
                                .last()
                                .is_some_and(|t| lex.is_other_word(&name_key(t))))
                            && !legal_end)
                            || open
                            || lex.known(&join(&run[start..after_end])).is_some()
                    }
                };
                if chained {
                    open |= matches!(token.text, "of" | "for" | "on");
                } else {
                    if start < i {
                        pieces.push((&run[start..i], start));
                    }
                    start = next;
                    open = false;
                }
                i = next;
                continue;
            }
            if ends_with_possessive(token.text) && i + 1 < run.len() {
                let saint = matches!(run[start].text, "St." | "St" | "Saint");
                let group = GROUP_POSSESSIVES.contains(&name_key(token).as_str())
                    || lex.is_role(&name_key(token)); // "the Prosecutor's Office"
                let rest_end = run[i + 1..]
                    .iter()
                    .position(|t| !t.is_capitalised())
                    .map_or(run.len(), |p| i + 1 + p);
                // "Hawke's Bay", "Martha's Vineyard", "King's Cross": a possessive that is
                // part of a place's name (but "Norway's Bay" is Norway's).
                let place = POSSESSIVE_PLACES.contains(&name_key(&run[i + 1]).as_str())
                    && lex.known(&join(&run[start..=i])).is_none();
                if !((saint || group) && institutional(&run[i + 1..rest_end]) || place) {
                    pieces.push((&run[start..=i], start));
                    start = i + 1;
                    open = false;
                }
            }
            i += 1;
        }
        if start < run.len() {
            pieces.push((&run[start..], start));
        }
        pieces
    }
}
