#!/usr/bin/env python3
"""Extract international given names for sidenote from the PyPI package `faker`.

given-names.txt holds only the 1990 US Census first names. Faker (MIT licence)
ships first-name lists for several dozen locales in its person providers. This
script reads them from a downloaded Faker wheel, keeps the Latin-script ones and
writes data/gazetteer/given-names-international.txt: each name, and whether Faker
lists it as a male name, a female name, or both (for "he said" / "she said").

Faker's licence is MIT, but some locale modules say in comments that their name
lists were copied from third-party sites: Wikipedia/Wiktionary (CC BY-SA), or
commercial baby-name sites that grant no licence. We leave those locales out
(REJECTED below). We keep locales whose first-name lists name no outside source,
or name only a government statistics office or another MIT-licensed project
(ACCEPTED below). Locales with no Latin-script names (Arabic, Cyrillic, Greek,
Hebrew, Indic, CJK, Thai, Georgian, Armenian scripts) add nothing for English text.
The script stops if a Faker locale is in neither table but has Latin-script names,
so a new Faker version has to be reviewed before its data is used.

Normalisation:
- Surrounding spaces are stripped.
- Names written in capitals only (zh_TW romanizations such as CHIA-HAO) become
  "Chia-hao". This is how English news writes Taiwanese given names ("Tsai Ing-wen").
- Otherwise the name keeps Faker's spelling and accents, because its data is already
  in title case ("José", "Jean-Pierre").

Entries that are dropped, with the reason recorded in the file header:
- the name contains a space or a full stop ("Hans Peter", "H.-Dieter"). sidenote
  looks up one word at a time, so these can never match.
- the name is shorter than 2 letters.
- the name is a very common English word, a role or calendar word, or a particle
  that starts other names (NOT_NAMES: "Will", "Hope", "King", "June", "Al", "Van").

Run:  pip download faker==40.63.0 --no-deps -d /tmp/faker && python3 scripts/gazetteer/international_given_names.py /tmp/faker/faker-40.63.0-py3-none-any.whl
"""

import importlib
import pkgutil
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "data" / "gazetteer" / "given-names-international.txt"
FAKER_VERSION = "40.63.0"

# Locales used: the outside source their first-name lists name, if any.
ACCEPTED = {
    "da_DK": "no source named",
    "de_AT": "data.gv.at (Austrian open government data)",
    "de_CH": "Swiss Federal Statistical Office (BFS)",
    "en": "no source named",
    "en_GB": "UK Office for National Statistics",
    "en_IE": "Northern Ireland Statistics and Research Agency",
    "en_NZ": "New Zealand Department of Internal Affairs",
    "en_TH": "no source named",
    "en_US": "US Social Security Administration",
    "es_AR": "datos.gob.ar (Argentine open government data)",
    "es_CA": "Idescat (Statistical Institute of Catalonia)",
    "es_CL": "Chilean Civil Registry (transparency request)",
    "es_CO": "datos.gov.co (Colombian open government data)",
    "es_ES": "a named Faker contributor",
    "es_MX": "no source named",
    "et_EE": "Statistics Estonia",
    "fi_FI": "avoindata.fi (Finnish open government data)",
    "fr_BE": "Statbel (Belgian statistical office)",
    "fr_CA": "Retraite Québec",
    "fr_CH": "Swiss Federal Statistical Office (BFS)",
    "fr_FR": "no source named",
    "fr_QC": "same lists as fr_CA",
    "ga_IE": "Central Statistics Office Ireland",
    "hr_HR": "no source named",
    "hu_HU": "Hungarian Ministry of Interior",
    "is_IS": "Faker for PHP (fzaninotto/Faker, MIT)",
    "lt_LT": "no source named",
    "lv_LV": "no source named",
    "nl_BE": "Statbel (Belgian statistical office)",
    "nl_NL": "no source named",
    "no_NO": "Statistics Norway (SSB)",
    "pl_PL": "no source named",
    "pt_PT": "no source named",
    "sl_SI": "no source named",
    "sv_SE": "Institute for Language and Folklore (Isof)",
    "tr_TR": "no source named",
    "yo_NG": "faker-js (MIT)",
    "zh_TW": "Taiwan Ministry of the Interior household registration site",
}

# Latin-script locales left out: the source their first-name lists name.
REJECTED = {
    "az_AZ": "azerbaijans.com",
    "cs_CZ": "Czech Wikipedia",
    "de_DE": "German Wiktionary",
    "de_LI": "baby-vornamen.de",
    "de_LU": "the GitHub firstname-database, which states no licence in Faker",
    "en_IN": "pampers.com",
    "en_KE": "forebears.io",
    "en_NG": "Wikipedia and Behind the Name",
    "en_PK": "mummyname.net",
    "fr_DZ": "studentsoftheworld.info",
    "ha_NG": "Wikipedia",
    "id_ID": "nama.web.id and namafb.com",
    "ig_NG": "Wikipedia and Behind the Name",
    "it_IT": "English Wikipedia",
    "ja_JP": "Nico Nico Pedia and a Meiji Yasuda ranking",
    "pt_BR": "exame.com and babycenter",
    "ro_RO": "Romanian Wikipedia",
    "sk_SK": "Slovak Wikipedia",
    "sw": "Behind the Name",
    "tw_GH": "Wikipedia and buzzghana.com",
    "uz_UZ": "ismlar.com",
    "vi_VN": "Wikipedia and vinpearl.com",
    "zh_CN": "English Wikipedia",
    "zu_ZA": "briefly.co.za and Wiktionary",
}

# Words dropped although the lists give them as first names: name -> reason. At the
# start of a sentence or in a headline these are capitalised, and a given-name hit
# there would be wrong. Chosen by hand from the names that are also lower-case words
# in an English dictionary; names whose ordinary-word use is rare in news (Grace, Mark,
# Victor, Frank, Per) are kept.
WORD = "common English word"
ROLE = "role, title or rank word"
CALENDAR = "month, day or holiday"
PARTICLE = "article or particle that starts other names (Al Jazeera, El Salvador, Le Monde, Van Gogh)"
PLACEHOLDER = "placeholder in the source data, not a name"
NOT_NAMES = {
    **dict.fromkeys([
        "Add", "Ah", "An", "Arch", "Art", "Banks", "Beat", "Bill", "Bird", "Brain",
        "Branch", "Brown", "Burns", "Can", "Cannon", "Cap", "Carry", "Case", "Cash",
        "Chance", "Charity", "Chase", "Chip", "Colon", "Con", "Constant",
        "Corona", "Dawn", "Delta", "Dock", "Edit", "Elder", "Else", "Era", "Ever",
        "Faith", "Fate", "Fed", "Fleet", "Floor", "Ford", "Franc", "Friend",
        "Gauge", "Gay", "Gorge", "Green", "Gun", "Hall", "Harm", "Hence", "Hope",
        "Hunt", "Job", "Joke", "Joy", "Justice", "Kick", "Lean", "Less", "Liberty",
        "Lies", "Line", "Link", "Little", "Loan", "Lone", "Long", "Lot", "Love",
        "Made", "Male", "Marine", "Martial", "May", "Minor", "My", "Nil", "North",
        "Odd", "Orange", "Price", "Reason", "Red", "Rich", "Roll", "Royal", "Rush",
        "Said", "Server", "Son", "Spring", "Star", "Sterling", "Storm",
        "Summer", "Ties", "Till", "True", "Us", "Valves", "West", "Will", "Winter",
        "Young",
    ], WORD),
    **dict.fromkeys([
        "Admiral", "Author", "Baron", "Bishop", "Captain", "Colonel", "Commodore",
        "Deacon", "Doctor", "Duke", "General", "Governor", "Judge", "Junior", "King",
        "Lady", "Lawyer", "Maj", "Major", "Marquis", "Marquise", "Marshal", "Pastor",
        "Prince", "Princess", "Queen", "Saint", "Sister", "Squire",
    ], ROLE),
    **dict.fromkeys([
        "April", "August", "Easter", "January", "June", "Mar", "Ramadan", "Sep", "Sunday",
    ], CALENDAR),
    **dict.fromkeys(["Al", "Del", "Della", "El", "Le", "Mac", "Van", "Von"], PARTICLE),
    **dict.fromkeys(["Babe", "Baby", "Infant", "Unknown", "Unnamed"], PLACEHOLDER),
    **dict.fromkeys(["French", "German", "Philippine"], "demonym adjective (demonyms.txt)"),
    "China": "country name",
    # Also words with another meaning for sidenote's lexicon (place/organisation words):
    **dict.fromkeys(["Canal", "Canyon", "Council", "Forest", "Hill", "Lane", "Media",
                     "Park", "Press", "River"], "place or organisation word"),
}

# Besides Latin letters, a name may contain these.
NAME_PUNCTUATION = "-'’"


def is_latin_name(name: str) -> bool:
    return bool(name) and all(
        c in NAME_PUNCTUATION or c == " " or c == "."
        or (c.isalpha() and unicodedata.name(c, "").startswith("LATIN"))
        for c in name
    )


def normalise(name: str) -> str:
    name = name.strip()
    if name.upper() == name:   # CHIA-HAO -> Chia-hao
        name = name[:1] + name[1:].lower()
    return name


def letters(name: str) -> int:
    return sum(c.isalpha() for c in name)


def wheel_version(wheel: Path) -> str:
    with zipfile.ZipFile(wheel) as zf:
        meta = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        for line in zf.read(meta).decode("utf-8").splitlines():
            if line.startswith("Version:"):
                return line.split(":", 1)[1].strip()
    raise SystemExit(f"{wheel}: no version in METADATA")


# Letters that Unicode decomposition does not reduce to ASCII (as in extract.py).
ASCII_EXTRA = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "ı": "i", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th",
    "‘": "'", "’": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'", "–": "-",
})


def sort_key(name: str) -> tuple[str, str]:
    """Alphabetical, ignoring case and accents, the same order as extract.py."""
    decomposed = unicodedata.normalize("NFKD", name.translate(ASCII_EXTRA))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return ((folded if folded.isascii() else name).casefold(), name)


def collect(wheel: Path) -> tuple[dict[str, set[str]], list[str], dict[str, set[str]]]:
    """Names from each accepted locale, the locales that gave Latin-script names, and the
    genders ("m", "f") each name is listed under."""
    sys.path.insert(0, str(wheel))   # a pure-Python wheel imports as a zip
    person = importlib.import_module("faker.providers.person")
    base = person.Provider
    attr = re.compile(r"^first_(romanized_)?names(_\w+)?$")
    names: dict[str, set[str]] = {}
    genders: dict[str, set[str]] = {}
    unknown = []
    used = []
    for module in pkgutil.iter_modules(person.__path__):
        locale = module.name
        cls = importlib.import_module(f"faker.providers.person.{locale}").Provider
        found = set()
        gendered: dict[str, set[str]] = {}
        for klass in cls.__mro__:
            if klass is base or not (isinstance(klass, type) and issubclass(klass, base)):
                continue
            for key, value in vars(klass).items():
                if attr.match(key) and isinstance(value, (list, tuple, dict)):
                    latin = {n for n in value if isinstance(n, str) and is_latin_name(n.strip())}
                    found |= latin
                    gender = "f" if key.endswith("_female") else "m" if key.endswith("_male") else None
                    if gender:
                        for n in latin:
                            gendered.setdefault(n, set()).add(gender)
        if not found:
            continue
        if locale in REJECTED:
            continue
        if locale not in ACCEPTED:
            unknown.append(locale)
            continue
        used.append(locale)
        for n in found:
            names.setdefault(normalise(n), set()).add(locale)
            genders.setdefault(normalise(n), set()).update(gendered.get(n, set()))
    if unknown:
        raise SystemExit(f"review these Faker locales and add them to ACCEPTED or REJECTED: {unknown}")
    missing = sorted(set(ACCEPTED) - set(used))
    if missing:
        raise SystemExit(f"locales in ACCEPTED that gave no names: {missing}")
    return names, used, genders


def wrap(words: list[str], indent: str) -> list[str]:
    """Comma-separated words in header lines of at most 88 characters."""
    out, line = [], ""
    for word in words:
        if line and len(indent) + len(line) + len(word) + 2 > 88:
            out.append(line + ",")
            line = word
        else:
            line = f"{line}, {word}" if line else word
    if line:
        out.append(line)
    return [indent + l for l in out]


def main() -> None:
    wheel = Path(sys.argv[1])
    version = wheel_version(wheel)
    if version != FAKER_VERSION:
        print(f"warning: expected faker {FAKER_VERSION}, got {version}", file=sys.stderr)
    names, used, genders = collect(wheel)

    kept: set[str] = set()
    drops: dict[str, list[str]] = {}
    for name in names:
        if " " in name or "." in name:
            reason = "space or full stop (sidenote matches one word at a time)"
        elif letters(name) < 2:
            reason = "shorter than 2 letters"
        else:
            reason = NOT_NAMES.get(name)
        if reason:
            drops.setdefault(reason, []).append(name)
        else:
            kept.add(name)
    unused = sorted(set(NOT_NAMES) - set(names))
    if unused:
        print(f"note: NOT_NAMES entries not in the data: {unused}", file=sys.stderr)

    header = [
        "Given names from many countries, one per line, for sidenote (a supplement to given-names.txt;",
        "the two lists overlap).",
        "Format: Name|gender  (as written in Latin script, accents kept: José, Jürgen; Taiwanese",
        "romanizations as English news writes them: Chia-hao). gender: m, f, mf (Faker lists it",
        "under both), or nothing when Faker's list does not say. No frequency data.",
        f"Source: the PyPI package faker {version} (licence per package metadata: MIT), the",
        "first-name lists of its person providers for these locales only (with the source each",
        "list names, if any):",
    ]
    header += [f"  {locale}: {ACCEPTED[locale]}" for locale in sorted(used)]
    header += [
        "Latin-script locales left out because their lists name third-party sources (Wikipedia,",
        "Wiktionary or name sites) whose terms are not a permissive licence:",
        *wrap(sorted(REJECTED), "  "),
        "Locales in other scripts (Arabic, Cyrillic, Greek, Hebrew, Indic, CJK, Thai, ...) add nothing.",
        "Kept although ambiguous: Jan (also the abbreviation of January); names that are also",
        "places, as in given-names.txt (Jordan, Georgia, India, Israel, Kenya, Paris, Sydney, Victoria).",
        "Dropped (reason: names):",
    ]
    for reason in sorted(drops):
        header.append(f"  {reason}:")
        header += wrap(sorted(drops[reason], key=sort_key), "    ")
    header.append("generated by scripts/gazetteer/international_given_names.py; do not edit by hand")

    lines = []
    for name in sorted(kept, key=sort_key):
        assert name and "|" not in name and name == name.strip() and not name.startswith("#"), name
        gender = "".join(sorted(genders.get(name, set()), key=lambda g: "mf".index(g)))
        lines.append(f"{name}|{gender}" if gender else name)
    text = "".join(f"# {h}\n" for h in header) + "".join(f"{line}\n" for line in lines)
    OUT.write_text(text, encoding="utf-8", newline="\n")
    print(f"{OUT}: {len(lines)} names from {len(used)} locales")


if __name__ == "__main__":
    main()
