//! Words that mark checkable content and reported speech.

use std::ops::Range;

use crate::article::short_words::{WordTable, lowered, packed, packed_in};

/// Verbs that report speech or writing: "said", "told", "warned".
#[rustfmt::skip]
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "argued",
    "argues", "explained", "explains", "recalled", "recalls", "noted", "notes", "insisted",
    "insists", "warned", "warns", "stressed", "stresses", "announced", "announces", "accused",
    "accuses", "suggested", "suggests", "contended", "contends", "claimed", "claims", "denied",
    "denies", "confirmed", "confirms", "admitted", "admits", "acknowledged", "acknowledges",
    "estimated", "estimates", "predicted", "predicts", "maintained", "maintains", "alleged",
    "alleges", "asserted", "asserts", "replied", "replies", "responded", "responds",
    "countered", "counters", "agreed", "agrees", "conceded", "concedes", "complained",
    "complains", "testified", "testifies", "reported", "reports", "report", "stated", "states",
    "declared", "declares", "promised", "promises", "pledged", "pledges", "observed",
    "observes", "commented", "comments", "asked", "asks", "urged", "urges", "expect",
    "expects", "expected", "believe", "believes", "believed", "forecast", "forecasts",
    "projected", "projects", "demanded", "demands", "described", "describes", "cautioned",
    "cautions", "disclosed", "discloses", "revealed", "reveals", "indicated", "indicates",
    "signalled", "signaled", "mentioned", "emphasised", "emphasized",
];

/// Verbs by which documents report: "the report shows". They attribute only in an aside,
/// at the end of a sentence, or before "that".
pub const DOCUMENT_VERBS: &[&str] = &[
    "shows",
    "show",
    "showed",
    "found",
    "finds",
    "concluded",
    "concludes",
];

/// Speech in a participle clause: "…, arguing that …".
pub const GERUNDS: &[&str] = &[
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

/// Spelled-out numbers and quantity words.
pub const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "dozen",
    "dozens",
    "thirds",
    "quarters",
    "doubled",
    "tripled",
    "halved",
    "percent",
];

/// Words of money.
pub const MONEY_WORDS: &[&str] = &[
    "dollars",
    "dollar",
    "euros",
    "euro",
    "pounds",
    "crowns",
    "kroner",
    "krone",
    "rupees",
    "yen",
    "yuan",
    "pesos",
    "reais",
    "shillings",
    "naira",
    "rand",
    "francs",
    "dinars",
    "won",
    "budget",
    "cost",
    "costs",
    "spent",
    "paid",
    "fund",
    "funding",
    "revenue",
    "profit",
    "loss",
    "price",
    "prices",
    "fine",
    "fined",
    "salary",
    "wages",
    "tax",
    "taxes",
];

/// Comparisons and superlatives.
pub const COMPARISONS: &[&str] = &[
    "more",
    "less",
    "fewer",
    "higher",
    "lower",
    "larger",
    "smaller",
    "bigger",
    "greater",
    "longer",
    "shorter",
    "older",
    "younger",
    "faster",
    "slower",
    "cheaper",
    "costlier",
    "largest",
    "biggest",
    "highest",
    "lowest",
    "longest",
    "shortest",
    "oldest",
    "newest",
    "worst",
    "best",
    "fastest",
    "slowest",
    "deadliest",
    "busiest",
    "most",
    "least",
    "record",
    "rose",
    "fell",
    "risen",
    "fallen",
    "increased",
    "decreased",
    "grew",
    "dropped",
    "declined",
    "jumped",
    "surged",
    "plunged",
    "climbed",
    "doubled",
    "tripled",
    "halved",
    "outnumbered",
    "exceeded",
    "exceed",
    "exceeds",
    "compared",
    "than",
    "up",
    "down",
];

/// Reported findings, allegations and official acts.
pub const FINDINGS: &[&str] = &[
    "denied",
    "denies",
    "alleged",
    "alleges",
    "allegedly",
    "accused",
    "accuses",
    "found",
    "finds",
    "concluded",
    "concludes",
    "confirmed",
    "confirms",
    "admitted",
    "admits",
    "revealed",
    "reveals",
    "showed",
    "shows",
    "shown",
    "voted",
    "approved",
    "approves",
    "rejected",
    "rejects",
    "charged",
    "sentenced",
    "convicted",
    "acquitted",
    "ruled",
    "rules",
    "fined",
    "resigned",
    "signed",
    "arrested",
    "investigated",
    "audited",
    "awarded",
    "banned",
    "suspended",
    "dismissed",
    "sued",
    "filed",
    "cancelled",
    "canceled",
    "closed",
    "passed",
    "hired",
    "recruited",
    "appointed",
    "elected",
    "won",
    "lost",
    "killed",
    "died",
    "injured",
    "destroyed",
    "flooded",
    "evacuated",
    "recorded",
    "registered",
    "released",
    "published",
    "launched",
    "built",
    "bought",
    "sold",
    "acquired",
    "owns",
    "owned",
    "employs",
    "employed",
];

/// Causal statements.
pub const CAUSES: &[&str] = &[
    "because",
    "caused",
    "causes",
    "due",
    "owing",
    "blamed",
    "blames",
    "resulted",
    "results",
    "consequence",
    "therefore",
];

/// Superlatives, and "record": "the largest", "a record". "most" and "least" are kept
/// apart ([`class::LEAST_MOST`]), since they also bound a number ("at least 40").
pub const SUPERLATIVES: &[&str] = &[
    "largest",
    "furthest",
    "farthest",
    "greatest",
    "smallest",
    "fewest",
    "poorest",
    "richest",
    "heaviest",
    "hottest",
    "coldest",
    "wettest",
    "driest",
    "biggest",
    "highest",
    "lowest",
    "longest",
    "shortest",
    "oldest",
    "newest",
    "worst",
    "best",
    "fastest",
    "slowest",
    "deadliest",
    "busiest",
    "record",
];

/// Which of the word lists a word is in, as bits: one hash look-up per word instead of a
/// scan of every list, which was most of the time suggestions took on a long article.
/// The lists above, and the few words the claim rules look for one by one.
pub mod class {
    pub const SPEECH: u32 = 1;
    pub const DOCUMENT: u32 = 1 << 1;
    pub const GERUND: u32 = 1 << 2;
    pub const NUMBER: u32 = 1 << 3;
    pub const MONEY: u32 = 1 << 4;
    pub const COMPARISON: u32 = 1 << 5;
    pub const FINDING: u32 = 1 << 6;
    pub const CAUSE: u32 = 1 << 7;
    pub const SUPERLATIVE: u32 = 1 << 8;
    /// "least", "most".
    pub const LEAST_MOST: u32 = 1 << 9;
    pub const AT: u32 = 1 << 10;
    pub const PERCENT: u32 = 1 << 11;
    pub const PER: u32 = 1 << 12;
    /// "million", "billion".
    pub const MILLION: u32 = 1 << 13;
    /// The months, in lower case.
    pub const MONTH: u32 = 1 << 14;
    /// Words before a year that date something: "since", "in", "until", "by".
    pub const YEAR_AFTER: u32 = 1 << 15;
    /// "the", "its", "their".
    pub const DETERMINER: u32 = 1 << 16;
    /// "led" (to) and "as" (a): causes in two words.
    pub const LED_OR_AS: u32 = 1 << 17;
    /// Verbs of the future and of what may be: "will", "could", "should".
    pub const MODAL: u32 = 1 << 18;
}

/// The lists the word `text[range]` is in, in any case (see [`class`]); 0 for none.
pub fn class_in(text: &str, range: Range<usize>) -> u32 {
    static TABLE: std::sync::OnceLock<WordTable> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let lists: [(&[&'static str], u32); 19] = [
            (SPEECH_VERBS, class::SPEECH),
            (DOCUMENT_VERBS, class::DOCUMENT),
            (GERUNDS, class::GERUND),
            (NUMBER_WORDS, class::NUMBER),
            (MONEY_WORDS, class::MONEY),
            (COMPARISONS, class::COMPARISON),
            (FINDINGS, class::FINDING),
            (CAUSES, class::CAUSE),
            (SUPERLATIVES, class::SUPERLATIVE),
            (&["least", "most"], class::LEAST_MOST),
            (&["at"], class::AT),
            (&["percent"], class::PERCENT),
            (&["per"], class::PER),
            (&["million", "billion"], class::MILLION),
            (&crate::article::MONTHS, class::MONTH),
            (&["since", "in", "until", "by"], class::YEAR_AFTER),
            (&["the", "its", "their"], class::DETERMINER),
            (&["led", "as"], class::LED_OR_AS),
            (
                &["will", "would", "could", "might", "may", "should"],
                class::MODAL,
            ),
        ];
        WordTable::new(lists.into_iter().flat_map(|(list, bit)| {
            list.iter().map(move |word| {
                let key = packed(word).expect("listed words are short ASCII");
                (lowered(key), bit)
            })
        }))
    });
    packed_in(text, range).map_or(0, |key| table.get(lowered(key)))
}
