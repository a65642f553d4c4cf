//! The small closed lists of words that the classifier reads around a name: prepositions
//! before places, legal suffixes, the nouns of organisations and places, speech verbs.

use std::ops::Deref;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// A list of words, looked up in a hash set made on first use. The classifier asks
/// several lists about nearly every name it weighs: a hash and one comparison cost less
/// than running through a list, whose loop ends at a point the processor cannot foresee.
pub(super) struct Words {
    list: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl Words {
    const fn new(list: &'static [&'static str]) -> Words {
        Words {
            list,
            set: OnceLock::new(),
        }
    }

    /// Whether `word` is in the list (written as a slice's `contains` is, so that a list
    /// reads the same either way).
    pub(super) fn contains(&self, word: &&str) -> bool {
        self.set
            .get_or_init(|| self.list.iter().copied().collect())
            .contains(word)
    }
}

impl Deref for Words {
    type Target = [&'static str];

    fn deref(&self) -> &Self::Target {
        self.list
    }
}

/// Words before a place: "in Bergen", "near Askøy".
pub(super) static STRONG_PLACE_PREPOSITIONS: Words = Words::new(&[
    "in",
    "near",
    "outside",
    "across",
    "around",
    "towards",
    "throughout",
    "inside",
]);
/// Words that often come before a place, and as often before something else.
pub(super) static WEAK_PLACE_PREPOSITIONS: Words =
    Words::new(&["from", "to", "at", "via", "between"]);
/// Legal and ownership suffixes that end a company's name ("Harcourt Bauer & Co"), as
/// keys (lower case, no final full stop).
#[rustfmt::skip]
pub(super) static LEGAL_SUFFIXES: Words = Words::new(&[
    "co", "inc", "ltd", "llc", "llp", "plc", "corp", "sons", "partners", "associates", "gmbh",
    "ag", "sa", "ab", "asa", "nv", "bv", "oy", "oyj", "spa", "srl", "pty", "kk", "limited",
    "s.a", "s.l", "s.r.l", "s.p.a", "b.v", "n.v", "a.s", "ltda", "lda", "cia", "sas", "sarl",
    "filhos", "hijos", "söhne", "bros",
]);
/// The last words of a company's name, after which "of" tells where the company is from
/// ("Hanseong Heavy Industries of Ulsan"), unlike an institution's head ("Bank of England").
pub(super) static COMPANY_ENDS: Words = Words::new(&[
    "industries",
    "holdings",
    "group",
    "systems",
    "minerals",
    "metals",
    "motors",
    "technologies",
    "logistics",
    "shipping",
    "mining",
    "resources",
    "pharmaceuticals",
    "foods",
    "textiles",
    "ventures",
    "investments",
    "enterprises",
    "chemicals",
    "materials",
    "electronics",
    "robotics",
    "therapeutics",
    "construction",
    "engineering",
    "lithium",
]);
/// Possessive words that name a group of people in an institution's name ("Women's Institute").
pub(super) static GROUP_POSSESSIVES: Words = Words::new(&[
    "children",
    "women",
    "men",
    "people",
    "workers",
    "veterans",
    "farmers",
    "teachers",
    "citizens",
    "mothers",
    "seamen",
    "fishermen",
    "nurses",
    "doctors",
]);
/// What an organisation has after a possessive: "Meridian's board".
pub(super) static ORGANISATION_POSSESSIONS: Words = Words::new(&[
    "board",
    "shares",
    "shareholders",
    "headquarters",
    "subsidiary",
    "subsidiaries",
    "staff",
    "employees",
    "customers",
    "clients",
    "stores",
    "warehouses",
    "plants",
    "factory",
    "factories",
    "offices",
    "profits",
    "profit",
    "revenue",
    "revenues",
    "results",
    "stock",
    "chief",
    "ceo",
    "chairman",
    "chairwoman",
    "directors",
    "annual",
    "quarterly",
    "members",
    "branch",
    "branches",
    "fleet",
    "accounts",
    "shareholder",
    "takeover",
    "bid",
    "offer",
]);
/// Words after a name, without a possessive, that make it a company: "Brightwave
/// shareholders", "Cocobod chief executive Kwabena Owusu-Ansah".
pub(super) static COMPANY_POSSESSIONS: Words = Words::new(&[
    "shares",
    "shareholders",
    "shareholder",
    "chief",
    "ceo",
    "chairman",
    "chairwoman",
    "directors",
    "board",
    "staff",
    "employees",
    "revenue",
    "revenues",
    "profits",
    "stock",
]);
/// Roles held in an organisation, before "for", "of" or "at" and its name: "a spokeswoman
/// for Vianergia", "the chief executive of Talvora", "employees at Kestrel".
pub(super) static ORGANISATION_ROLES: Words = Words::new(&[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "executive",
    "executives",
    "ceo",
    "cfo",
    "chairman",
    "chairwoman",
    "founder",
    "co-founder",
    "shareholders",
    "shareholder",
    "employees",
    "employee",
    "staff",
    "analyst",
    "analysts",
    "economist",
    "subsidiary",
    "unit",
    "division",
]);
/// What one owns a part of, before "in": "shares in Brightwave".
pub(super) static STAKES: Words = Words::new(&[
    "shares",
    "stake",
    "stakes",
    "stakeholding",
    "investment",
    "investments",
    "holding",
    "holdings",
    "interest",
]);
/// Place words that are common surnames too: "Helen Marsh", "John Hill".
pub(super) static SURNAME_PLACE_WORDS: Words = Words::new(&[
    "marsh", "hill", "hills", "field", "wood", "woods", "green", "cross", "grove", "ridge",
    "heath", "moor", "park", "row", "dale", "vale", "banks", "brook", "ford", "hall", "gate",
    "lane", "shore", "bay", "beach", "bridge", "croft", "walk",
]);
/// First words of place names: "San Isidro", "Port Moresby", "Lake Mjøsa".
#[rustfmt::skip]
pub(super) static PLACE_PREFIXES: Words = Words::new(&[
    "san", "santa", "santo", "são", "saint", "st", "port", "puerto", "porto", "fort", "mount",
    "lake", "cape", "north", "south", "east", "west", "upper", "lower", "great", "new", "el",
    "la", "los", "las", "al", "rio", "río", "ponte", "puente", "vila", "villa", "ciudad",
    "cidade", "praia", "playa", "monte", "sierra", "serra", "lago", "isla", "ilha", "cabo",
    "bahía", "baía", "bad", "sankt", "les", "île", "ile", "pointe", "sto", "sta",
]);

/// Place words that follow a possessive inside a place's name: "Hawke's Bay".
pub(super) static POSSESSIVE_PLACES: Words = Words::new(&[
    "bay", "vineyard", "wood", "cross", "end", "point", "island", "head", "creek", "cove",
    "landing", "harbour", "harbor", "peak", "rock",
]);

/// Saints' titles that open place names: "San Isidro", "Santa Maria Maior", "São Francisco".
pub(super) static SAINTS: Words = Words::new(&[
    "san", "santa", "santo", "são", "sao", "sankt", "saint", "sto", "sta",
]);

/// Words that end the noun phrase of an apposition.
pub(super) static APPOSITION_ENDS: Words = Words::new(&[
    "of", "for", "at", "in", "on", "with", "who", "which", "that", "and", "or", "to", "from",
    "based", "whose", "where", "since", "by", "near",
]);
/// Nouns in an apposition that make the name an organisation: "Vianergia, the energy company".
pub(super) static ORGANISATION_NOUNS: Words = Words::new(&[
    "company",
    "firm",
    "group",
    "bank",
    "insurer",
    "carrier",
    "operator",
    "maker",
    "producer",
    "developer",
    "retailer",
    "lender",
    "manufacturer",
    "startup",
    "start-up",
    "conglomerate",
    "supplier",
    "contractor",
    "agency",
    "charity",
    "organisation",
    "organization",
    "union",
    "party",
    "association",
    "broadcaster",
    "newspaper",
    "publisher",
    "network",
    "utility",
    "miner",
    "exporter",
    "importer",
    "trader",
    "airline",
    "brewer",
    "chain",
    "subsidiary",
    "consultancy",
    "regulator",
    "watchdog",
    "club",
    "team",
    "side",
    "outlet",
    "insurer",
    "shipowner",
    "exchange",
    "fund",
    "nonprofit",
    "non-profit",
    "cooperative",
    "co-operative",
    "brokerage",
    "broker",
    "daily",
    "weekly",
    "tabloid",
    "magazine",
    "shipbuilder",
    "shipyard",
    "carmaker",
    "automaker",
    "drugmaker",
    "chipmaker",
    "distributor",
    "wholesaler",
    "supermarket",
    "refiner",
    "haulier",
    "consortium",
    "marketplace",
    "provider",
    "railway",
    "railroad",
    "creamery",
    "dairy",
    "foundation",
    "institute",
    "studio",
    "label",
    "ensemble",
    "troupe",
]);
/// Nouns in an apposition that make the name a place: "Båtsfjord, a fishing village".
pub(super) static PLACE_NOUNS: Words = Words::new(&[
    "town",
    "village",
    "city",
    "district",
    "province",
    "region",
    "port",
    "island",
    "islands",
    "municipality",
    "suburb",
    "neighbourhood",
    "neighborhood",
    "county",
    "state",
    "capital",
    "settlement",
    "hamlet",
    "valley",
    "river",
    "lake",
    "peninsula",
    "archipelago",
    "borough",
    "township",
    "parish",
    "oasis",
    "enclave",
    "territory",
    "commune",
    "prefecture",
]);
/// Words after a name that say a person or organisation speaks.
pub(super) static SPEECH_VERBS: Words = Words::new(&[
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
]);
