#!/usr/bin/env python3
"""Extract given names from many countries for sidenote from the PyPI package `nomquamgender`.

given-names.txt (US Census) and given-names-international.txt (Faker) cover names common in
Europe and the Americas well and others poorly: Neema, Kwabena, Babatunde, Oleksandr,
Ravindran and Huda are in neither. nomquamgender 0.1.4 (MIT licence, Ian Van Buskirk) ships
name_data.json: for each given name, lower case and without accents, the number of name
sources it was found in, how many people carried it in them, and the share of them who were
women. This script keeps the names found in at least MIN_SOURCES sources and carried by at
least MIN_COUNT people, so that one-off spellings and noise stay out, and writes
data/gazetteer/given-names-world.txt: each name in title case with m, f or mf (p(female) at
least 0.9 is f, at most 0.1 is m, anything between is mf), as the other lists do.

Entries are dropped, with the count of each reason in the file header, when the name:
- is not plain letters (a hyphen between two parts is allowed: "yu-ting");
- is shorter than 3 letters (two-letter names collide with words and particles);
- is already in given-names.txt or given-names-international.txt (this list is a supplement);
- is a word of sidenote's lexicon (data/lexicon/*.txt: function words, roles, calendar words,
  organisation and place words, ...), or is the name or alias of a country, city, region,
  organisation or news outlet, a demonym or a people (peoples.txt: "Muslim", "Cherokee"),
  in data/gazetteer/ (a place or a people is not a person);
- is in NOT_NAMES of international_given_names.py (common English words, roles, particles).

sidenote compares names without accents when it looks them up in this list (Otávio finds
otavio), since nomquamgender writes them so.

Run:  pip download nomquamgender==0.1.4 --no-deps -d /tmp/nqg &&
      python3 scripts/gazetteer/world_given_names.py /tmp/nqg/nomquamgender-0.1.4-py3-none-any.whl
"""

import json
import pathlib
import re
import sys
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DATA = ROOT / "data"
sys.path.insert(0, str(HERE))
from international_given_names import NOT_NAMES  # noqa: E402

MIN_SOURCES = 8
MIN_COUNT = 50
NAME = re.compile(r"[a-z]+(-[a-z]+)?")


def entries(path):
    """The non-comment lines of a data file."""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def fold(word):
    """Lower case without accents, as nomquamgender writes names."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def main(wheel):
    with zipfile.ZipFile(wheel) as archive:
        data = json.loads(archive.read("nomquamgender/name_data.json"))

    listed = set()
    for name in ("given-names.txt", "given-names-international.txt"):
        for line in entries(DATA / "gazetteer" / name):
            listed.add(fold(line.split("|")[0]))
    lexicon = set()
    for path in sorted((DATA / "lexicon").glob("*.txt")):
        for line in entries(path):
            lexicon.add(fold(line.rstrip(".")))
    places = set()
    for name in ("countries.txt", "cities.txt", "regions.txt", "demonyms.txt",
                 "peoples.txt", "organizations.txt", "news-outlets.txt"):
        for line in entries(DATA / "gazetteer" / name):
            for part in line.split("|"):
                places.add(fold(part.strip()))
    not_names = {fold(n) for n in NOT_NAMES}

    dropped = {
        "fewer sources or people than the thresholds": 0,
        "not plain letters": 0,
        "shorter than 3 letters": 0,
        "already in given-names.txt or given-names-international.txt": 0,
        "a word of sidenote's lexicon": 0,
        "a place, organisation, outlet, demonym or people in the gazetteers": 0,
        "in NOT_NAMES": 0,
    }
    kept = []
    for key, info in data.items():
        sources, count, p_female = info[0], info[1], info[2]
        if sources < MIN_SOURCES or count < MIN_COUNT:
            reason = "fewer sources or people than the thresholds"
        elif not NAME.fullmatch(key):
            reason = "not plain letters"
        elif len(key.replace("-", "")) < 3:
            reason = "shorter than 3 letters"
        elif key in listed:
            reason = "already in given-names.txt or given-names-international.txt"
        elif key in lexicon:
            reason = "a word of sidenote's lexicon"
        elif key in places:
            reason = "a place, organisation, outlet, demonym or people in the gazetteers"
        elif key in not_names:
            reason = "in NOT_NAMES"
        else:
            reason = None
        if reason:
            dropped[reason] += 1
            continue
        gender = "f" if p_female >= 0.9 else "m" if p_female <= 0.1 else "mf"
        name = "-".join(part.capitalize() if i == 0 else part
                        for i, part in enumerate(key.split("-")))
        kept.append((name, gender))
    kept.sort()

    header = [
        "# Given names from many countries, one per line, for sidenote (a supplement to",
        "# given-names.txt and given-names-international.txt; no name is in those).",
        "# Format: Name|gender  (title case, without accents: sidenote compares without them;",
        "# gender: m or f when nomquamgender finds at least 90 percent of its bearers are men or",
        "# women, else mf).",
        "# Source: the PyPI package nomquamgender 0.1.4 (MIT licence, Ian Van Buskirk),",
        "# name_data.json, which gathers given-name counts from many national and",
        f"# international name sources. Kept: names found in at least {MIN_SOURCES} sources and",
        f"# carried by at least {MIN_COUNT} people in them.",
        "# Extracted by scripts/gazetteer/world_given_names.py. Dropped:",
    ]
    for reason, count in dropped.items():
        header.append(f"#   {count} {reason}")
    lines = header + [f"{name}|{gender}" for name, gender in kept]
    out = DATA / "gazetteer" / "given-names-world.txt"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(kept)} names to {out}")


if __name__ == "__main__":
    main(sys.argv[1])
