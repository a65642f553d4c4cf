//! Weighing the evidence for a name's type: the gazetteers, the words of the name, and
//! the words around it.

use super::Sentence;
use crate::entity::EntityKind;
use crate::entity::cues::{
    COMPANY_POSSESSIONS, LEGAL_SUFFIXES, ORGANISATION_NOUNS, ORGANISATION_POSSESSIONS,
    ORGANISATION_ROLES, PLACE_NOUNS, PLACE_PREFIXES, SAINTS, SPEECH_VERBS, STAKES,
    STRONG_PLACE_PREPOSITIONS, SURNAME_PLACE_WORDS, WEAK_PLACE_PREPOSITIONS,
};
use crate::entity::detect::{ends_with_possessive, join, name_end, name_key};
use crate::entity::merge::{Candidate, STARTS_OTHER, Votes};
use crate::entity::tokens::Token;

impl Sentence<'_> {
    /// Separate a title or role from the name, then weigh the evidence for its type.
    pub(super) fn name(&self, run: &[Token], at: usize, out: &mut Vec<Candidate>) {
        let lex = self.lex;
        let mut run = run;
        let mut at = at;
        let mut votes: Votes = [0; 4];
        let mut prior: Votes = [0; 4];
        // Letters after a name are not part of it: "Helena Marchetti KC".
        while run.len() > 1 && lex.is_post_nominal(run[run.len() - 1].text) {
            run = &run[..run.len() - 1];
            votes[0] += 2;
        }
        let all_keys: Vec<String> = run.iter().map(name_key).collect();
        let keys = &all_keys[..];
        let last = keys.len() - 1;
        // "Deputy Finance Minister Tomas Berg", "Port Authority Director Anna Lind".
        // "Ms Park", "Dr Hill": after a courtesy title a place word is a surname.
        let titled_surname = keys.len() == 2
            && matches!(keys[0].as_str(), "mr" | "mrs" | "ms" | "miss" | "mx" | "dr")
            && SURNAME_PLACE_WORDS.contains(&keys[1].as_str());
        let institution_last = !titled_surname
            && (lex.is_organisation_word(&keys[last])
                || lex.is_other_word(&keys[last])
                || lex.is_place_word(&keys[last]));
        // "General Authority for State Registration": a role word before an organisation
        // word is part of the organisation's name.
        let role = keys[..last]
            .iter()
            .rposition(|k| lex.is_role(k))
            .filter(|&role| !keys[role + 1..].iter().any(|k| lex.is_organisation_word(k)));
        if !institution_last && let Some(role) = role {
            let prefix = &run[..=role];
            let head = prefix
                .iter()
                .position(|t| lex.is_role(&name_key(t)) || lex.is_qualifier(&name_key(t)))
                .unwrap_or(role);
            // What comes before the role names where it is held: "Harbour Authority
            // Director Anna Lind", "Christchurch Mayor Phil Mauger".
            let holder = &prefix[..head];
            if !holder.is_empty()
                && (lex.is_organisation_word(&name_key(&holder[head - 1]))
                    || lex.known(&join(holder)).is_some()
                    || holder.len() == 1)
            {
                self.name(holder, at, out);
            }
            votes[0] += 3;
            at += role + 1;
            run = &run[role + 1..];
        } else if keys.iter().all(|k| lex.is_role(k) || lex.is_qualifier(k)) {
            return; // "Finance Minister", "President"
        }
        // A nationality is not a name ("Norwegian", "Sri Lankan"), though it may start one
        // ("Norwegian Coastal Freight Workers' Union").
        let keys = &all_keys[all_keys.len() - run.len()..];
        let last = keys.len() - 1;
        let demonyms = |word: &str| word.split(['-', '‐']).all(|part| lex.is_demonym(part));
        if lex.is_demonym(&join(run)) || (run.len() == 1 && demonyms(run[0].text)) {
            return; // "Sri Lankan", "Chilean-Dutch"
        }
        if run.len() == 1 && (is_plural_acronym(run[0].text) || lex.is_common_acronym(run[0].text))
        {
            return; // "MPs", "CEOs", "GPS", "GDP"
        }
        let rest = &self.text[run[run.len() - 1].range.end..];
        if run.len() == 1 && run[0].is_all_caps() && rest.starts_with(['$', '€', '£', '¥']) {
            return; // "NZ$410 million": a currency
        }
        let written = &self.text[run[0].range.start..run[last].range.end];
        let (name, end, known) = match lex.known(written) {
            Some(known) => (written.to_string(), run[last].range.end, Some(known)),
            None => {
                let name = join(run);
                let known = lex.known(&name);
                (name, name_end(&run[last]), known)
            }
        };
        let before = at.checked_sub(1).map(|i| &self.tokens[i]);
        let after = self.tokens.get(at + run.len());
        let rest = &self.text[run[last].range.end..];

        if let Some((_, kind)) = known {
            votes[kind as usize] += 4;
        }
        if keys.iter().any(|k| lex.is_organisation_word(k)) {
            votes[1] += 3;
        }
        if known.is_none() && self.national_body(run, keys) {
            votes[1] += 4;
        }
        if LEGAL_SUFFIXES.contains(&keys[last].as_str()) && run.len() > 1 {
            votes[1] += 2;
        }
        // "Halvard & Stein", "Marks & Spencer": an ampersand names a firm.
        if run.iter().any(|t| t.text == "&") {
            votes[1] += 2;
        }
        let first_names_a_place = keys.len() > 2 && keys[1] == "of" && lex.is_place_word(&keys[0]);
        // "Helen Marsh" and "John Hill" are people: a given name outweighs a place word.
        // A place word that is also a surname after a given name is a person's name.
        let given_first = run.len() == 2
            && lex.is_given_name(run[0].text)
            && SURNAME_PLACE_WORDS.contains(&keys[last].as_str());
        if (lex.is_place_word(&keys[last]) && !given_first) || first_names_a_place {
            votes[2] += 3;
        }
        // "Rua da Graça", "Jalan Ampang", "Sungai Lenggor".
        if run.len() > 1 && lex.is_place_word_first(&keys[0]) {
            votes[2] += 3;
        }
        // "Convention on the Law of the Sea": the word before the first joiner is the head.
        let other_head = keys
            .iter()
            .position(|k| matches!(k.as_str(), "of" | "on" | "for"))
            .is_some_and(|p| p > 0 && lex.is_other_word(&keys[p - 1]));
        if lex.is_other_word(&keys[last])
            || other_head
            || (run.len() > 1
                && lex.is_other_word(&keys[0])
                && STARTS_OTHER.contains(&keys[0].as_str()))
        {
            votes[3] += 4;
        }
        // ... and outweighs an organisation word before it ("United Nations Convention").
        if other_head {
            votes[3] += 1;
        }
        if self.cue_before(at) {
            votes[3] += 3;
        }
        if let Some(before) = before {
            let key = before.key();
            // "operator", "producer" name a role and a kind of firm: a given name decides.
            let firm =
                ORGANISATION_NOUNS.contains(&key.as_ref()) && !lex.is_given_name(run[0].text);
            if lex.is_role(&key) && !before.is_capitalised() && !firm {
                votes[0] += 3;
            }
            // "Shares in Brightwave", "a stake in Hanul": what is owned is a company.
            let owned =
                at >= 2 && key == "in" && STAKES.contains(&self.tokens[at - 2].key().as_ref());
            // "a spokeswoman for Vianergia", "the chief executive of Talvora": whom such a
            // role serves is an organisation.
            let served = at >= 2
                && matches!(key.as_ref(), "for" | "of" | "at")
                && ORGANISATION_ROLES.contains(&self.tokens[at - 2].key().as_ref());
            // "In Char Kukri Mukri": a preposition starting the sentence counts too.
            if owned || served {
                votes[1] += 2;
            } else if STRONG_PLACE_PREPOSITIONS.contains(&key.as_ref()) {
                votes[2] += 2;
            } else if WEAK_PLACE_PREPOSITIONS.contains(&key.as_ref()) {
                votes[2] += 1;
            }
            // "(Reporting by Otieno Barasa; Editing by Clare Dobson)": a wire credit line.
            let credited = key == "by"
                && at >= 2
                && matches!(
                    self.tokens[at - 2].key().as_ref(),
                    "reporting" | "editing" | "writing" | "compiled" | "photographs" | "photos"
                );
            if credited {
                votes[0] += 3;
            }
            if key == "said" && run.len() > 1 {
                votes[0] += 1;
            }
            // "the airport operator Avinor", "the fishing village Imbali": a common noun
            // right before a name says what it names.
            if run[0].joined && !before.is_capitalised() {
                if ORGANISATION_NOUNS.contains(&key.as_ref()) {
                    votes[1] += 3;
                } else if PLACE_NOUNS.contains(&key.as_ref()) {
                    votes[2] += 3;
                }
            }
        }
        if rest.starts_with("-based") || rest.starts_with("-born") || rest.starts_with("‐based") {
            votes[2] += 2;
        }
        if let Some(kind) = self.apposition(at + run.len()) {
            votes[kind as usize] += 2;
        }
        if self.apposition_names_place(at + run.len()) {
            votes[2] += 3;
        }
        // "A spokeswoman for Volta Gateway, Efua Quaye, said": a name set off by commas
        // after a role names who holds it.
        if known.is_none() && rest.starts_with(',') && self.role_before_comma(at) {
            votes[0] += 2;
        }
        if age_follows(rest) {
            votes[0] += 3;
        }
        // "Berg said": people speak. A single name that speaks as the subject (at the start of
        // the sentence or after a comma or quotation) is a person too, unless the gazetteers
        // know it ("Norway said"); not in "Friends of the Byfjord said".
        let speaks = after.is_some_and(|t| t.joined && SPEECH_VERBS.contains(&t.key().as_ref()));
        let subject = before.is_none() || !run[0].joined;
        let camel = run.len() == 1 && is_camel_case(run[0].text);
        // "Liffey said it would", "Amrani said he had": the pronoun that takes up the
        // speaker says whether it is a person or an organisation.
        let speaker = self
            .tokens
            .get(at + run.len() + 1)
            .filter(|t| speaks && t.joined);
        let taken_up_as = speaker.map(|t| t.key());
        match taken_up_as.as_deref() {
            Some("he" | "she") => votes[0] += 2,
            Some("it") if known.is_none() => votes[1] += 2,
            _ => {}
        }
        if speaks
            && taken_up_as.as_deref() != Some("it")
            && (run.len() > 1 || (subject && known.is_none() && !camel))
        {
            votes[0] += 1;
        }
        // "Hendra Kusumawardhana, who remains its chairman": only people are "who" (but in
        // "the university in Sheikhupura, who opened", "who" is someone named before).
        let placed = before.is_some_and(|b| STRONG_PLACE_PREPOSITIONS.contains(&b.key().as_ref()));
        if rest.starts_with(", who ") && known.is_none() && !placed {
            votes[0] += 2;
        }
        // "Brightwave's chief executive", "Brightwave shareholders", "Cocobod chief
        // executive Kwabena Owusu-Ansah".
        let possession = after.is_some_and(|t| {
            t.joined
                && !t.is_capitalised()
                && if ends_with_possessive(run[last].text) {
                    ORGANISATION_POSSESSIONS.contains(&t.key().as_ref())
                } else {
                    COMPANY_POSSESSIONS.contains(&t.key().as_ref()) && known.is_none()
                }
        });
        if possession {
            votes[1] += 2;
        }
        // "Golnar Ebadi has built her career", "Ebadi and her co-writer": only people are
        // "his" or "hers" - when the name is the subject, not in "the capital of Chucuito,
        // for his first rally".
        let opens_clause = before.is_none_or(|b| {
            !run[0].joined
                || matches!(
                    b.key().as_ref(),
                    "that"
                        | "and"
                        | "but"
                        | "when"
                        | "while"
                        | "because"
                        | "although"
                        | "though"
                        | "after"
                        | "before"
                        | "since"
                        | "if"
                        | "as"
                )
        });
        let subject_of_clause = opens_clause && !(run.len() == 1 && at == 0);
        let pronoun = subject_of_clause
            && self.tokens[at + run.len()..]
                .iter()
                .take(4)
                .take_while(|t| !t.is_capitalised() && t.joined)
                .any(|t| matches!(t.text, "his" | "her" | "himself" | "herself"));
        if pronoun {
            votes[0] += 2;
        }
        // "OSLO, March 3 (Nordwire) -": the name in brackets after a dateline's date is the
        // news agency.
        let bracketed = self.text[..run[0].range.start].ends_with('(') && rest.starts_with(')');
        if bracketed && before.is_some_and(|b| b.text.bytes().all(|c| c.is_ascii_digit())) {
            votes[1] += 3;
        }
        // "Ardent (ASX: ARD)": a name with a stock ticker is a listed company.
        if ticker_after(rest) {
            votes[1] += 3;
        }
        // ... and the ticker itself: "(ASX: ARD)" (the bracket is looked for in the sentence).
        let sentence_start = self.tokens.first().map_or(0, |t| t.range.start);
        let opened = &self.text[sentence_start..run[0].range.start];
        if run.len() == 1
            && rest.starts_with(')')
            && opened
                .rfind('(')
                .is_some_and(|open| ticker_after(&format!("{}{})", &opened[open..], run[0].text)))
        {
            votes[1] += 3;
        }
        let acronym = acronym_after(rest);
        if acronym.is_some() {
            votes[1] += 1;
        }
        if run.len() == 1 && run[0].is_all_caps() && run[0].text.chars().count() <= 6 {
            votes[1] += 1;
        }
        let named_thing = votes[1] + votes[2] + votes[3] >= 3;
        // "San Román", "Santa Maria Maior", "São Francisco": a saint's name makes a place,
        // though "Santa" and "Francisco" are given names.
        let saint = run.len() > 1 && SAINTS.contains(&keys[0].as_str());
        if (2..=4).contains(&run.len()) && lex.is_given_name(run[0].text) && !named_thing && !saint
        {
            prior[0] += 2;
        }
        if run.len() > 1 && PLACE_PREFIXES.contains(&keys[0].as_str()) {
            prior[2] += if saint { 2 } else { 1 };
        }
        // "McAllister", "MacDonald", "O'Brien" are surnames.
        if run.iter().any(|t| is_gaelic_surname(t.text)) && !named_thing {
            prior[0] += 2;
        }
        // "AeroVistula said": a capital inside a word that speaks names a company (one
        // that does not is most often a product: see `merge::default_kinds`).
        if camel && speaks {
            votes[1] += 2;
        }
        // "Kaunas Rangers", "Āpiti Hawks": a team's nickname ends its name.
        if run.len() > 1 && lex.is_team_word(&keys[last]) {
            votes[1] += 3;
        }
        // "PALMERSTON NORTH, June 2 -": a capitalised name opening a paragraph before a
        // comma is a wire dateline's place.
        // "PUTRAJAYA — Malaysia's highest court": or before a dash.
        let dateline_end = rest.starts_with(',')
            || [" — ", " – ", " - ", " -- "]
                .iter()
                .any(|d| rest.starts_with(d));
        let dateline = at == 0
            && run.iter().all(Token::is_all_caps)
            && (run[0].range.start == 0 || self.text[..run[0].range.start].ends_with(['\n']))
            && dateline_end;
        if dateline {
            votes[2] += 4;
        }
        if run.len() == 1 && run[0].text.chars().count() == 1 {
            return; // a lone letter: "Gate B"
        }
        // "the Criminal Justice Act 1984", "the Seeschwalbe II": a law's year or a
        // vessel's or model's number is part of its name.
        let (name, end) = match number_after(rest) {
            Some(number)
                if votes[3] > 0 && votes[3] >= votes.iter().copied().max().unwrap_or(0) =>
            {
                (format!("{name} {number}"), end + 1 + number.len())
            }
            _ => (name, end),
        };
        let range = run[0].range.start..end;
        out.push(Candidate {
            name,
            range,
            votes,
            prior,
            sentence_initial: self.starts_clause(at),
            acronym,
            coordinated: None,
        });
    }
}

impl Sentence<'_> {
    /// "World Curling", "Scottish Curling", "Swimming Australia": a sport with the world or
    /// a nation names its governing body. "Maritime New Zealand", "Fisheries and Oceans
    /// Canada": fields of government before a country name a national agency. "WWF
    /// Finland", "BBC Alba": a known organisation opening a longer name names a branch.
    fn national_body(&self, run: &[Token], keys: &[String]) -> bool {
        let lex = self.lex;
        if run.len() < 2 {
            return false;
        }
        let place = |tokens: &[Token]| {
            lex.known(&join(tokens))
                .is_some_and(|(_, kind)| kind == EntityKind::Place)
        };
        let nation =
            |i: usize| keys[i] == "world" || lex.is_demonym(run[i].text) || place(&run[i..=i]);
        let sport = run.len() == 2
            && ((lex.is_sport(&keys[1]) && nation(0)) || (lex.is_sport(&keys[0]) && nation(1)));
        let branch = lex
            .known(run[0].text)
            .is_some_and(|(_, kind)| kind == EntityKind::Organization);
        sport || self.agency_name(run) || branch
    }

    /// "Maritime New Zealand", "Fisheries and Oceans Canada": fields of government, then a
    /// country.
    pub(super) fn agency_name(&self, tokens: &[Token]) -> bool {
        let lex = self.lex;
        (1..tokens.len()).any(|split| {
            tokens[..split].iter().all(|t| {
                let key = name_key(t);
                lex.is_portfolio_word(&key) || key == "and"
            }) && lex
                .known(&join(&tokens[split..]))
                .is_some_and(|(_, kind)| kind == EntityKind::Place)
        })
    }
}

/// "DengueWatch": lower case then upper case inside one word.
pub(in crate::entity) fn is_camel_case(word: &str) -> bool {
    // A small letter then a capital, after the first letter, in a word of four or more.
    let mut chars = word.chars();
    let mut previous = chars.next();
    let mut count = usize::from(previous.is_some());
    let mut camel = false;
    for c in chars {
        camel |= count >= 2 && previous.is_some_and(char::is_lowercase) && c.is_uppercase();
        previous = Some(c);
        count += 1;
    }
    count > 3 && camel
}

/// "McAllister", "MacDonald", "O'Brien".
fn is_gaelic_surname(word: &str) -> bool {
    let after = |prefix: &str| {
        word.strip_prefix(prefix)
            .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
    };
    after("Mc") || after("Mac") || after("O'") || after("O’")
}

/// "MPs", "CEOs": a plural of an abbreviation, not a name.
fn is_plural_acronym(word: &str) -> bool {
    word.strip_suffix('s')
        .is_some_and(|stem| stem.chars().count() >= 2 && stem.chars().all(|c| c.is_uppercase()))
}

/// ", 45," after a name gives a person's age.
fn age_follows(rest: &str) -> bool {
    let Some(rest) = rest.strip_prefix(", ") else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && rest[digits..].starts_with([',', ')'])
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

/// "(ASX: ARD)", "(NYSE: BRK.B)" right after a name: an exchange and a ticker.
fn ticker_after(rest: &str) -> bool {
    let Some(inner) = rest.trim_start().strip_prefix('(') else {
        return false;
    };
    let Some((exchange, ticker)) = inner.split_once(')').and_then(|(i, _)| i.split_once(':'))
    else {
        return false;
    };
    let code = |s: &str, max: usize| {
        let s = s.trim();
        (2..=max).contains(&s.len())
            && s.bytes()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'.')
    };
    code(exchange, 8) && code(ticker, 10)
}

/// " 1984", " 12", " II" right after a name, ending there: a number that may belong to it.
fn number_after(rest: &str) -> Option<&str> {
    let rest = rest.strip_prefix(' ')?;
    let len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let word = &rest[..len];
    let digits = !word.is_empty() && word.len() <= 4 && word.bytes().all(|c| c.is_ascii_digit());
    let roman = (2..=4).contains(&word.len()) && word.bytes().all(|c| b"IVX".contains(&c));
    let next = rest[len..].chars().next();
    // Not "Act 2024's" nor "Cup 3-1" nor "the Act 40 percent"
    let ends = next
        .is_none_or(|c| matches!(c, ',' | '.' | ';' | ':' | ')' | ' ' | '"' | '”' | '’'))
        && !rest[len..].starts_with(" percent")
        && !rest[len..].starts_with(" per ");
    ((digits || roman) && ends).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::is_camel_case;

    #[test]
    fn a_capital_inside_a_word_makes_a_product_name_but_not_a_capital_second() {
        for word in ["DengueWatch", "RotaVault", "McDonald", "ŁódźTech"] {
            assert!(is_camel_case(word), "{word}");
        }
        // "iPhone", "eBay": the capital comes second; "AbC" is too short.
        for word in ["iPhone", "eBay", "AbC", "Harbour", "NCFU", ""] {
            assert!(!is_camel_case(word), "{word}");
        }
    }
}
