//! What the words around a name say it is: a vessel noun before it, an apposition after.

use super::Sentence;
use crate::entity::EntityKind;
use crate::entity::cues::{APPOSITION_ENDS, ORGANISATION_NOUNS, PLACE_NOUNS, SPEECH_VERBS};
use crate::entity::detect::{ends_with_possessive, join};
use crate::entity::tokens::Token;

impl Sentence<'_> {
    /// A vessel, craft or mission noun shortly before: "the tanker Halcyon Trader", "the
    /// vessel, the Halcyon Trader", "a vehicle named Skua".
    pub(super) fn cue_before(&self, at: usize) -> bool {
        let mut i = at;
        for _ in 0..4 {
            let Some(previous) = i.checked_sub(1) else {
                return false;
            };
            let token = &self.tokens[previous];
            let key = token.key();
            if self.lex.is_other_cue(&key) {
                return true;
            }
            if !matches!(
                key.as_ref(),
                "the" | "a" | "an" | "named" | "called" | "dubbed"
            ) {
                return false;
            }
            i = previous;
        }
        false
    }

    /// A role shortly before the comma before the name at `at`, in the same clause: "the
    /// state police spokesman, Sunday Abutu", "a spokeswoman for Volta Gateway, Efua Quaye".
    pub(super) fn role_before_comma(&self, at: usize) -> bool {
        let Some(comma) = at.checked_sub(1) else {
            return false;
        };
        let gap = &self.text[self.tokens[comma].range.end..self.tokens[at].range.start];
        if gap != ", " {
            return false;
        }
        for i in (comma.saturating_sub(5)..=comma).rev() {
            let token = &self.tokens[i];
            let key = token.key();
            // "the vessel's owner, Kestrel Bulk Carriers": some roles are held by firms too.
            let firm = ORGANISATION_NOUNS.contains(&key.as_ref())
                || matches!(
                    key.as_ref(),
                    "owner" | "owners" | "buyer" | "seller" | "partner"
                );
            if !token.is_capitalised() && self.lex.is_role(&key) {
                return !firm;
            }
            if !token.joined {
                return false;
            }
        }
        false
    }

    /// "Hambantota, Sri Lanka": a name followed by a comma and a known place.
    pub(super) fn apposition_names_place(&self, after: usize) -> bool {
        let Some(next) = self.tokens.get(after) else {
            return false;
        };
        let gap = &self.text[self.tokens[after - 1].range.end..next.range.start];
        if gap.trim() != "," {
            return false;
        }
        (1..=3).any(|len| {
            let Some(words) = self.tokens.get(after..after + len) else {
                return false;
            };
            words[1..].iter().all(|t| t.joined)
                && words.iter().all(Token::is_capitalised)
                && self
                    .lex
                    .known(&join(words))
                    .is_some_and(|(_, kind)| kind == EntityKind::Place)
        })
    }

    /// What an apposition right after a name says it is: "Whitfield, a spokesman for the
    /// authority" (a person), "Vianergia, the energy company" (an organisation),
    /// "Båtsfjord, a fishing village" (a place). The head of the noun phrase decides: its
    /// last telling word before "of", "who", "in" and the like ("a parish priest in Puerto
    /// Galera" is a priest, not a parish).
    pub(super) fn apposition(&self, after: usize) -> Option<EntityKind> {
        let next = self.tokens.get(after)?;
        let gap = &self.text[self.tokens[after - 1].range.end..next.range.start];
        if gap.trim() != "," {
            return None;
        }
        let mut kind = None;
        for (i, t) in self.tokens[after..].iter().enumerate().take(6) {
            let key = t.key();
            // "the Perth-based battery metals miner": a compound adjective describes.
            let compound = (t.is_capitalised() && self.text[t.range.end..].starts_with('-'))
                || self.text[..t.range.start].ends_with('-');
            if compound {
                continue;
            }
            // "…, the company said": who speaks, not what the name is.
            if i > 0 && SPEECH_VERBS.contains(&key.as_ref()) {
                return None;
            }
            let ends_phrase = i > 0 && !t.joined || APPOSITION_ENDS.contains(&key.as_ref());
            // "a Danish pension fund", "a Singapore cloud provider": a nationality or a
            // known place before the head describes it.
            let describes = t.is_capitalised()
                && (self.lex.is_demonym(t.text)
                    || self
                        .lex
                        .known(t.text)
                        .is_some_and(|(_, kind)| kind == EntityKind::Place));
            if describes && !ends_phrase {
                continue;
            }
            if ends_phrase || (t.is_capitalised() && !self.lex.is_organisation_word(&key)) {
                break;
            }
            // A role right before a name is that name's title: "clinical officer Dennis Kiprop".
            let titles_a_name = self
                .tokens
                .get(after + i + 1)
                .is_some_and(|n| n.is_capitalised() && n.joined);
            if ends_with_possessive(t.text) {
                continue; // "the party's deputy leader": a possessive describes
            }
            if self.lex.is_role(&key) && !titles_a_name {
                kind = Some(EntityKind::Person);
            } else if ORGANISATION_NOUNS.contains(&key.as_ref()) {
                kind = Some(EntityKind::Organization);
            } else if PLACE_NOUNS.contains(&key.as_ref()) {
                kind = Some(EntityKind::Place);
            }
        }
        kind
    }
}
