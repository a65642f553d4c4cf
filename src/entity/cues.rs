//! The small closed lists of words that the classifier reads around a name: prepositions
//! before places, legal suffixes, the nouns of organisations and places, speech verbs.

/// Words before a place: "in Bergen", "near Askøy".
pub(super) const STRONG_PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "near",
    "outside",
    "across",
    "around",
    "towards",
    "throughout",
    "inside",
];
/// Words that often come before a place, and as often before something else.
pub(super) const WEAK_PLACE_PREPOSITIONS: &[&str] = &["from", "to", "at", "via", "between"];
/// Legal and ownership suffixes that end a company's name ("Harcourt Bauer & Co"), as
/// keys (lower case, no final full stop).
#[rustfmt::skip]
pub(super) const LEGAL_SUFFIXES: &[&str] = &[
    "co", "inc", "ltd", "llc", "llp", "plc", "corp", "sons", "partners", "associates", "gmbh",
    "ag", "sa", "ab", "asa", "nv", "bv", "oy", "oyj", "spa", "srl", "pty", "kk", "limited",
    "s.a", "s.l", "s.r.l", "s.p.a", "b.v", "n.v", "a.s", "ltda", "lda", "cia", "sas", "sarl",
    "filhos", "hijos", "söhne", "bros",
];
/// Possessive words that name a group of people in an institution's name ("Women's Institute").
pub(super) const GROUP_POSSESSIVES: &[&str] = &[
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
];
/// What an organisation has after a possessive: "Meridian's board".
pub(super) const ORGANISATION_POSSESSIONS: &[&str] = &[
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
];
/// Words after a name, without a possessive, that make it a company: "Brightwave
/// shareholders", "Cocobod chief executive Kwabena Owusu-Ansah".
pub(super) const COMPANY_POSSESSIONS: &[&str] = &[
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
];
/// Roles held in an organisation, before "for", "of" or "at" and its name: "a spokeswoman
/// for Vianergia", "the chief executive of Talvora", "employees at Kestrel".
pub(super) const ORGANISATION_ROLES: &[&str] = &[
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
];
/// What one owns a part of, before "in": "shares in Brightwave".
pub(super) const STAKES: &[&str] = &[
    "shares",
    "stake",
    "stakes",
    "stakeholding",
    "investment",
    "investments",
    "holding",
    "holdings",
    "interest",
];
/// Place words that are common surnames too: "Helen Marsh", "John Hill".
pub(super) const SURNAME_PLACE_WORDS: &[&str] = &[
    "marsh", "hill", "hills", "field", "wood", "woods", "green", "cross", "grove", "ridge",
    "heath", "moor", "park", "row", "dale", "vale", "banks", "brook", "ford", "hall", "gate",
    "lane", "shore", "bay", "beach", "bridge", "croft", "walk",
];
/// First words of place names: "San Isidro", "Port Moresby", "Lake Mjøsa".
#[rustfmt::skip]
pub(super) const PLACE_PREFIXES: &[&str] = &[
    "san", "santa", "santo", "são", "saint", "st", "port", "puerto", "porto", "fort", "mount",
    "lake", "cape", "north", "south", "east", "west", "upper", "lower", "great", "new", "el",
    "la", "los", "las", "al", "rio", "río", "ponte", "puente", "vila", "villa", "ciudad",
    "cidade", "praia", "playa", "monte", "sierra", "serra", "lago", "isla", "ilha", "cabo",
    "bahía", "baía", "bad", "sankt", "les", "île", "ile", "pointe",
];

/// Place words that follow a possessive inside a place's name: "Hawke's Bay".
pub(super) const POSSESSIVE_PLACES: &[&str] = &[
    "bay", "vineyard", "wood", "cross", "end", "point", "island", "head", "creek", "cove",
    "landing", "harbour", "harbor", "peak", "rock",
];

/// Saints' titles that open place names: "San Isidro", "Santa Maria Maior", "São Francisco".
pub(super) const SAINTS: &[&str] = &["san", "santa", "santo", "são", "sao", "sankt", "saint"];

/// Words that end the noun phrase of an apposition.
pub(super) const APPOSITION_ENDS: &[&str] = &[
    "of", "for", "at", "in", "on", "with", "who", "which", "that", "and", "or", "to", "from",
    "based", "whose", "where", "since", "by", "near",
];
/// Nouns in an apposition that make the name an organisation: "Vianergia, the energy company".
pub(super) const ORGANISATION_NOUNS: &[&str] = &[
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
];
/// Nouns in an apposition that make the name a place: "Båtsfjord, a fishing village".
pub(super) const PLACE_NOUNS: &[&str] = &[
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
];
/// Words after a name that say a person or organisation speaks.
pub(super) const SPEECH_VERBS: &[&str] = &[
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
];
