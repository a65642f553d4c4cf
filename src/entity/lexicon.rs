//! Word lists and gazetteers, embedded from `data/` so a fresh install has them.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::EntityKind;
use super::detect::{JOINERS, PARTICLES};

/// A given name's gender, for matching "he" and "she".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

pub struct Lexicon {
    roles: HashSet<&'static str>,
    qualifiers: HashSet<&'static str>,
    organisation_words: HashSet<&'static str>,
    place_words: HashSet<&'static str>,
    place_words_first: HashSet<&'static str>,
    calendar: HashSet<&'static str>,
    function_words: HashSet<&'static str>,
    other_words: HashSet<&'static str>,
    other_cues: HashSet<&'static str>,
    post_nominals: HashSet<&'static str>,
    team_words: HashSet<&'static str>,
    sports: HashSet<&'static str>,
    portfolio_words: HashSet<&'static str>,
    common_acronyms: HashSet<&'static str>,
    /// Particles and joiners: the lower-case words that may sit inside a name.
    connectors: HashSet<&'static str>,
    demonyms: HashSet<String>,
    /// Lower-case name or alias → canonical name and type.
    gazetteer: HashMap<String, (&'static str, EntityKind)>,
    /// Given name, in lower case without accents → the genders it is listed for ("m",
    /// "f", "mf" or "").
    given_names: HashMap<String, &'static str>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut gazetteer = HashMap::default();
        // The places that demonyms belong to come first: they add continents and regions
        // ("Europe", "Middle East") that the other lists do not have. Later lists win where
        // a name is in two: a country over a city over an organisation.
        for line in lines(include_str!("../../data/gazetteer/demonyms.txt")) {
            if let Some(place) = line.split('|').next() {
                gazetteer.insert(place.to_lowercase(), (place, EntityKind::Place));
            }
        }
        for (data, kind) in [
            (
                include_str!("../../data/gazetteer/news-outlets.txt"),
                EntityKind::Organization,
            ),
            (
                include_str!("../../data/gazetteer/organizations.txt"),
                EntityKind::Organization,
            ),
            (
                include_str!("../../data/gazetteer/legislatures.txt"),
                EntityKind::Organization,
            ),
            (
                include_str!("../../data/gazetteer/regions.txt"),
                EntityKind::Place,
            ),
            (
                include_str!("../../data/gazetteer/cities.txt"),
                EntityKind::Place,
            ),
            (
                include_str!("../../data/gazetteer/countries.txt"),
                EntityKind::Place,
            ),
        ] {
            for line in lines(data) {
                let mut names = line.split('|').map(str::trim).filter(|n| !n.is_empty());
                let Some(canonical) = names.next() else {
                    continue;
                };
                for name in std::iter::once(canonical).chain(names) {
                    gazetteer.insert(name.to_lowercase(), (canonical, kind));
                }
            }
        }
        Lexicon {
            roles: lines(include_str!("../../data/lexicon/roles.txt")).collect(),
            qualifiers: lines(include_str!("../../data/lexicon/role-qualifiers.txt")).collect(),
            organisation_words: lines(include_str!("../../data/lexicon/organisation-words.txt"))
                .collect(),
            place_words: lines(include_str!("../../data/lexicon/place-words.txt")).collect(),
            place_words_first: lines(include_str!("../../data/lexicon/place-words-first.txt"))
                .collect(),
            calendar: lines(include_str!("../../data/lexicon/calendar.txt")).collect(),
            function_words: lines(include_str!("../../data/lexicon/function-words.txt")).collect(),
            other_words: lines(include_str!("../../data/lexicon/other-words.txt")).collect(),
            other_cues: lines(include_str!("../../data/lexicon/other-cues.txt")).collect(),
            post_nominals: lines(include_str!("../../data/lexicon/post-nominals.txt")).collect(),
            team_words: lines(include_str!("../../data/lexicon/team-words.txt")).collect(),
            sports: lines(include_str!("../../data/lexicon/sports.txt")).collect(),
            portfolio_words: lines(include_str!("../../data/lexicon/portfolio-words.txt"))
                .collect(),
            common_acronyms: lines(include_str!("../../data/lexicon/common-acronyms.txt"))
                .collect(),
            connectors: PARTICLES.iter().chain(JOINERS).copied().collect(),
            // Peoples, languages and religious groups are no more entities than demonyms.
            demonyms: lines(include_str!("../../data/gazetteer/demonyms.txt"))
                .flat_map(|line| line.split('|').skip(1))
                .chain(
                    lines(include_str!("../../data/gazetteer/peoples.txt"))
                        .flat_map(|line| line.split('|')),
                )
                .map(|d| d.trim().to_lowercase())
                .collect(),
            gazetteer,
            given_names: lines(include_str!("../../data/gazetteer/given-names.txt"))
                .chain(lines(include_str!(
                    "../../data/gazetteer/given-names-international.txt"
                )))
                .chain(lines(include_str!(
                    "../../data/gazetteer/given-names-world.txt"
                )))
                .fold(HashMap::default(), |mut names, line| {
                    let (name, gender) = line.split_once('|').unwrap_or((line, ""));
                    let known: &mut &'static str = names.entry(fold(name)).or_insert(gender);
                    if *known != gender {
                        // Listed differently by the two sources: both, or whichever says.
                        *known = match (*known, gender) {
                            ("", g) | (g, "") => g,
                            _ => "mf",
                        };
                    }
                    names
                }),
        }
    }

    /// "curling", "athletics": a sport, whose governing bodies it names ("World Curling").
    pub fn is_sport(&self, key: &str) -> bool {
        self.sports.contains(key)
    }

    /// "maritime", "fisheries": a field of government, which names a national agency
    /// before a country ("Maritime New Zealand") and a ministry's portfolio after "Ministry
    /// of" ("the Ministry of Livestock, Agriculture and Fisheries").
    pub fn is_portfolio_word(&self, key: &str) -> bool {
        self.portfolio_words.contains(key)
    }

    /// "van", "de", "of", "&": a particle or joiner, as written (lower case).
    pub fn is_connector(&self, word: &str) -> bool {
        self.connectors.contains(word)
    }

    /// "mayor", "spokesman", "dr": a word that names a person's role.
    pub fn is_role(&self, key: &str) -> bool {
        self.roles.contains(key)
    }

    /// "deputy", "finance", "acting": a word that qualifies a role.
    pub fn is_qualifier(&self, key: &str) -> bool {
        self.qualifiers.contains(key)
    }

    pub fn is_organisation_word(&self, key: &str) -> bool {
        self.organisation_words.contains(key)
    }

    pub fn is_place_word(&self, key: &str) -> bool {
        self.place_words.contains(key)
    }

    /// "rua", "jalan", "sungai": a word that opens a place's name.
    pub fn is_place_word_first(&self, key: &str) -> bool {
        self.place_words_first.contains(key)
    }

    /// Whether a word as written is a day, month or holiday ("Tuesday's", "Sept."). Every
    /// capitalised word is asked, so this lowercases on the stack instead of allocating.
    pub fn is_calendar_word(&self, word: &str) -> bool {
        let word = super::tokens::strip_possessive(word).trim_end_matches('.');
        let mut buffer = [0u8; 16];
        if word.len() > buffer.len() || !word.is_ascii() {
            return false;
        }
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(|key| self.calendar.contains(key))
    }

    /// Words that are capitalised at the start of a sentence but never names on their own:
    /// articles, pronouns, prepositions, conjunctions, common adverbs.
    pub fn is_function_word(&self, key: &str) -> bool {
        self.function_words.contains(key)
    }

    /// Laws, events, prizes, storms: "act", "cup", "cyclone".
    pub fn is_other_word(&self, key: &str) -> bool {
        self.other_words.contains(key)
    }

    /// Vessels and craft before a name: "tanker", "satellite".
    pub fn is_other_cue(&self, key: &str) -> bool {
        self.other_cues.contains(key)
    }

    /// A team's nickname: "rangers", "hawks".
    pub fn is_team_word(&self, key: &str) -> bool {
        self.team_words.contains(key)
    }

    /// An abbreviation that names no one: "GPS", "GDP".
    pub fn is_common_acronym(&self, word: &str) -> bool {
        self.common_acronyms.contains(word)
    }

    /// Letters after a name, as written: "KC", "Jr.".
    pub fn is_post_nominal(&self, word: &str) -> bool {
        self.post_nominals.contains(word)
    }

    /// A nationality or other demonym, any case: "Norwegian", "Sri Lankan".
    pub fn is_demonym(&self, words: &str) -> bool {
        with_lower_case(words, |key| self.demonyms.contains(key))
    }

    /// A common given name, written in title case ("Elena", "Otávio"; not "ELENA"), or
    /// two short syllables joined as Korean and Chinese given names are ("Seo-yeon").
    pub fn is_given_name(&self, word: &str) -> bool {
        self.listed_gender(word).is_some() || is_syllable_pair(word)
    }

    /// The gender a given name is listed for, when it is listed for one only.
    pub fn gender(&self, given_name: &str) -> Option<Gender> {
        match self.listed_gender(given_name)? {
            "m" => Some(Gender::Male),
            "f" => Some(Gender::Female),
            _ => None,
        }
    }

    /// A known place or organisation: its canonical name and type.
    pub fn known(&self, name: &str) -> Option<(&'static str, EntityKind)> {
        with_lower_case(name, |key| self.gazetteer.get(key).copied())
    }
}

/// `f` of `text` in lower case; short ASCII text, most names, is lowered on the stack
/// rather than copied to the heap.
fn with_lower_case<T>(text: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buffer = [0u8; 64];
    if text.len() <= buffer.len() && text.is_ascii() {
        let lower = &mut buffer[..text.len()];
        lower.copy_from_slice(text.as_bytes());
        lower.make_ascii_lowercase();
        f(std::str::from_utf8(lower).expect("ASCII is UTF-8"))
    } else {
        f(&text.to_lowercase())
    }
}

/// "Dr", "Mr", "St": a title written with a full stop.
pub fn is_abbreviated_title(word: &str) -> bool {
    const TITLES: &[&str] = &[
        "Dr", "Mr", "Mrs", "Ms", "Mx", "Prof", "St", "Gen", "Lt", "Col", "Capt", "Sgt", "Maj",
        "Adm", "Brig", "Cpl", "Sen", "Rep", "Gov", "Rev", "Hon", "Insp", "Det", "Supt", "Jr", "Sr",
        "Mt", "Ft", "Inc", "Corp", "Ltd", "Co", "Ltda", "Lda", "Bros", "Cia", "Md", "Mohd", "Cmdr",
        "Cdr", "Sqn", "Wg", "Cpt", "Sto", "Sta",
    ];
    TITLES.contains(&word)
}

/// Data lines: not blank, not a `#` comment.
impl Lexicon {
    /// What the given-name lists say of a word in title case: "m", "f", "mf" or "".
    fn listed_gender(&self, word: &str) -> Option<&'static str> {
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        if !letters.next().is_some_and(char::is_uppercase)
            || !letters.clone().any(char::is_lowercase)
        {
            return None;
        }
        self.given_names.get(&fold(word)).copied()
    }
}

/// "Ji-ho", "Seo-yeon": a capitalised syllable, a hyphen, a lower-case one, each of two to
/// four letters.
fn is_syllable_pair(word: &str) -> bool {
    let Some((first, second)) = word.split_once('-') else {
        return false;
    };
    let letters = |part: &str| {
        (2..=4).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
    };
    letters(first)
        && letters(second)
        && first.chars().next().is_some_and(char::is_uppercase)
        && second.chars().all(char::is_lowercase)
}

/// A word in lower case without accents: "Otávio" → "otavio".
fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}
