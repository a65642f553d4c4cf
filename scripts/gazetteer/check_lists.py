#!/usr/bin/env python3
"""Check the format of every list in data/gazetteer/.

Each file must be UTF-8 text with LF line endings and a final newline. It starts
with one or more header lines that begin with "# ". After the header come entries,
one per line (`Name|alias|alias...`, or just `Name`; in the given-name lists
`Name|gender`, gender being m, f or mf). There are no blank lines, no
comment lines after the header, and no empty fields or fields with surrounding
spaces. Entries are sorted alphabetically, ignoring case and accents, as
extract.py sorts them, and no string (name or alias) appears twice in a file.

The hand-written lists (HAND_WRITTEN) must also have no string twice when case
is ignored, because sidenote looks names up in lower case. Their aliases are
sorted within each line as well. demonyms.txt is also checked against
countries.txt: the script lists its place names that are neither a country nor a
region there, so they can be reviewed.

Run:  python3 scripts/gazetteer/check_lists.py   (exit status 1 if a check fails)
"""

import sys
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data" / "gazetteer"
HAND_WRITTEN = {"demonyms.txt", "organizations.txt", "news-outlets.txt", "peoples.txt"}
# Letters that Unicode decomposition does not reduce to ASCII (the same table and
# sort order as extract.py, which imports packages this script does not need).
ASCII_EXTRA = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "ı": "i", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th",
    "‘": "'", "’": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'", "–": "-",
})


def ascii_fold(name: str) -> str | None:
    decomposed = unicodedata.normalize("NFKD", name.translate(ASCII_EXTRA))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return folded if folded.isascii() else None


def sort_key(name: str) -> tuple[str, str]:
    """Alphabetical, ignoring case and accents ('Réunion' next to 'Reunion')."""
    return ((ascii_fold(name) or name).casefold(), name)


def entries(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").split("\n")[:-1]
    return [line.split("|") for line in lines if not line.startswith("#")]


def check(path: Path) -> list[str]:
    errors = []
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return [f"not UTF-8: {err}"]
    if "\r" in text:
        errors.append("has CR characters (use LF line endings)")
    if not text.endswith("\n"):
        errors.append("no newline at the end")
    lines = text.split("\n")[:-1]
    header = 0
    while header < len(lines) and lines[header].startswith("#"):
        if not (lines[header].startswith("# ") or lines[header] == "#"):
            errors.append(f"line {header + 1}: header line must start with '# '")
        header += 1
    if header == 0:
        errors.append("no '# ' header")
    seen: dict[str, int] = {}
    seen_folded: dict[str, int] = {}
    previous = None
    for number, line in enumerate(lines[header:], start=header + 1):
        if not line.strip():
            errors.append(f"line {number}: blank line")
            continue
        if line.startswith("#"):
            errors.append(f"line {number}: comment line after the header")
            continue
        fields = line.split("|")
        if path.name.startswith("given-names"):
            # `Name|gender`: the second field is m, f or mf, not an alias.
            if len(fields) > 2 or (len(fields) == 2 and fields[1] not in ("m", "f", "mf")):
                errors.append(f"line {number}: not Name|m, Name|f or Name|mf: {line!r}")
            fields = fields[:1]
        for field in fields:
            if not field or field != field.strip():
                errors.append(f"line {number}: empty field or surrounding spaces in {line!r}")
        name = fields[0]
        if previous is not None and sort_key(name) < sort_key(previous):
            errors.append(f"line {number}: {name!r} is out of order (after {previous!r})")
        previous = name
        if path.name in HAND_WRITTEN and fields[1:] != sorted(fields[1:], key=sort_key):
            errors.append(f"line {number}: aliases not sorted in {line!r}")
        for field in fields:
            folded = field.casefold()
            if field in seen:
                errors.append(f"line {number}: {field!r} also on line {seen[field]}")
            elif path.name in HAND_WRITTEN and folded in seen_folded:
                errors.append(f"line {number}: {field!r} also on line {seen_folded[folded]} (ignoring case)")
            seen.setdefault(field, number)
            seen_folded.setdefault(folded, number)
    return errors


def main() -> int:
    failed = False
    for path in sorted(DATA.glob("*.txt")):
        errors = check(path)
        count = len(entries(path))
        status = "ok" if not errors else f"{len(errors)} problem(s)"
        print(f"{path.name}: {count} entries, {status}")
        for error in errors[:50]:
            print(f"  {error}")
        failed |= bool(errors)
    demonyms, countries, regions = (DATA / n for n in ("demonyms.txt", "countries.txt", "regions.txt"))
    if demonyms.exists() and countries.exists():
        country_names = {e[0] for e in entries(countries)}
        region_names = {e[0] for e in entries(regions)} if regions.exists() else set()
        places = [e[0] for e in entries(demonyms)]
        other = [p for p in places if p not in country_names and p not in region_names]
        missing = sorted(country_names - set(places), key=sort_key)
        print(f"demonyms.txt: lines for {len(places) - len(other)} places in countries.txt/regions.txt;")
        print(f"  other (supranational) places: {', '.join(other)}")
        print(f"  countries.txt names with no line: {', '.join(missing)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
