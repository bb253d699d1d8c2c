"""Written forms of a name and their readings: OCR punctuation, dashes, Greek letters, modification
marks, plurals, Excel dates, slash and range forms. Pure string functions; the mapper tries the
readings in order and notes which one answered.
"""

from __future__ import annotations

import re
import unicodedata

from exocargo.greek import LETTER_NAME_PATTERN, LETTER_NAMES, LOOKALIKES

DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"})
GREEK = {**LETTER_NAMES, **{glyph: LETTER_NAMES[letter] for glyph, letter in LOOKALIKES.items()}}
GREEK_WORD = re.compile(rf"({LETTER_NAME_PATTERN})$", re.IGNORECASE)
EDGE_PUNCTUATION = re.compile(r"^[^\w\u0370-\u03ff(]+|[^\w\u0370-\u03ff)]+$")
PREFIX = re.compile(r"^(?:\(p\)-?|p-|pp-|phospho-|P-|c-|v-|GST-|Flag-|FLAG-|HA-|His-|GFP-|EGFP-)(?=\w{2})")
P_PREFIX = re.compile(r"^p(?=[A-Z][A-Z0-9]{2})")  # pERK, pSTAT3: phosphorylated form
SUFFIX = re.compile(
    r"(?<=\w)(?:-P|-p|\(p\)|-GTP|-GDP|-ATP|-ADP|-Ub|-ub|-WT|-wt|-mut|-KO|-/-|\+/-|-dependent|-independent|-mediated)$"
)
TRAILING_WORD = re.compile(
    r"(?<=\w)\s+(?:family|families|proteins?|GTPases?|kinases?|complex(?:es)?|members?|isoforms?|subunits?|channels?)$",
    re.IGNORECASE,
)
PLURAL = re.compile(r"(?<=[A-Za-z0-9]{3})(?<![sS])s$")
# Gene symbols Excel turns into dates, by month; other months are read as written (DEC1, OCT4).
MONTH_PREFIXES = {"MAR": ["MARCH", "MARCHF"], "SEP": ["SEPT", "SEPTIN"]}
MONTH = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
EXCEL_DATE = re.compile(
    rf"^(?:(?P<day>\d{{1,2}})-(?P<month>{MONTH})|(?P<month2>{MONTH})-(?P<day2>\d{{1,2}}))$", re.IGNORECASE
)
ION = re.compile(r"^(?:Ca|Na|K|Mg|Zn|Fe|Cu|Mn|Cl|Li|Co|Ni|Cd|Hg|Pb|H)\s?\d?\s?[+-]$")
MOUSE_STYLE = re.compile(r"^[A-Z][a-z]+[a-z0-9]*\d[a-z0-9]*$")
ENSEMBL_GENE = re.compile(r"^ENSG\d{11}(?:\.\d+)?$", re.IGNORECASE)
ENSEMBL_OTHER = re.compile(r"^ENS[TP]\d{11}(?:\.\d+)?$", re.IGNORECASE)
UNIPROT = re.compile(
    r"^(?:[OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9](?:[A-Z][A-Z0-9]{2}[0-9]){1,2})(?:-\d+)?$", re.IGNORECASE
)
SLASH_PART = re.compile(rf"^(?:\d+[A-Za-z]?|[A-Za-z]|{LETTER_NAME_PATTERN})$", re.IGNORECASE)
RANGE = re.compile(r"^(?P<root>.*[A-Za-z]-?)(?P<start>\d+)-(?P<end>\d+)$")
MAX_READING_STEPS = 3
MAX_RANGE = 20


def surface(name: str) -> str:
    """A name as written, with Unicode compatibility forms and dashes made plain."""
    if name.isascii():
        return name.strip()
    return unicodedata.normalize("NFKC", name).translate(DASHES).strip()


def tidy_word(name: str) -> str:
    """``surface`` without OCR edge punctuation or unbalanced brackets: ``p-CLOCK,`` -> ``p-CLOCK``."""
    text = surface(name)
    for opening, closing in ("()", "[]", "{}"):
        if text.count(opening) != text.count(closing):
            text = text.replace(opening, "").replace(closing, "")
    return EDGE_PUNCTUATION.sub("", text)


def _greek_readings(text: str) -> list[tuple[str, str]]:
    found = [letter for letter in GREEK if letter in text]
    readings = []
    if found:
        spelled, latin = text, text
        for letter in found:
            spelled = spelled.replace(letter, GREEK[letter])
            latin = latin.replace(letter, GREEK[letter][0].upper())
        readings.append((spelled, f"Greek letters spelled out ({spelled})"))
        readings.append((latin, f"Greek letters as Latin letters ({latin})"))
        text = spelled
    match = GREEK_WORD.search(text)
    if match and match.start() > 0:
        short = text[: match.start()] + match.group(1)[0].upper()
        readings.append((short, f"Greek letter as a letter ({short})"))
    return readings


def excel_readings(text: str) -> list[tuple[str, str]]:
    match = EXCEL_DATE.match(text)
    if not match:
        return []
    day = match.group("day") or match.group("day2")
    month = (match.group("month") or match.group("month2")).upper()
    return [
        (f"{prefix}{int(day)}", f"Excel date {text!r} repaired to {prefix}{int(day)}")
        for prefix in MONTH_PREFIXES.get(month, [month])
    ]


def readings(text: str) -> list[tuple[str, str]]:
    """Other ways to read one written form, each with a note saying how."""
    found = []
    tidy = tidy_word(text)
    if tidy and tidy != text:
        found.append((tidy, f"punctuation removed ({tidy})"))
    found += _greek_readings(text)
    for pattern, what in ((PREFIX, "prefix"), (SUFFIX, "suffix"), (P_PREFIX, "phospho prefix")):
        stripped = pattern.sub("", text)
        if stripped != text:
            found.append((stripped, f"{what} {pattern.search(text).group(0)!r} removed ({stripped})"))
    stripped = TRAILING_WORD.sub("", text)
    if stripped != text:
        found.append((stripped, f"generic word removed ({stripped})"))
    singular = PLURAL.sub("", text)
    if singular != text:
        found.append((singular, f"plural read as singular ({singular})"))
    return found


def split_forms(text: str) -> tuple[list[str], str]:
    """Parts of a slash or range form, as a reader would expand them, and what was done.

    ``MEK-1/2`` -> ``MEK-1, MEK-2``; ``CD9/63/81`` -> ``CD9, CD63, CD81``;
    ``KDM6A/B`` -> ``KDM6A, KDM6B``; ``PI3K/AKT`` -> ``PI3K, AKT``;
    ``SMAD1-3`` -> ``SMAD1, SMAD2, SMAD3``. Returns ``([], "")`` otherwise.
    """
    if "/" in text:
        parts = [p.strip() for p in text.split("/")]
        if len(parts) < 2 or not all(parts):
            return [], ""
        first, expanded = parts[0], [parts[0]]
        for part in parts[1:]:
            if SLASH_PART.match(part):
                # Replace the trailing piece of the first part that has the same shape.
                shape = r"[A-Za-z]+$" if part.isalpha() else r"\d+[A-Za-z]?$" if part[0].isdigit() else r"[A-Za-z]$"
                if part.isalpha() and len(part) > 1:
                    shape = r"(?:alpha|beta|gamma|delta|epsilon|kappa)$"
                root = re.sub(shape, "", first, flags=re.IGNORECASE)
                expanded.append(root + part if root != first else part)
            else:
                expanded.append(part)
        return list(dict.fromkeys(expanded)), "slash expansion"
    match = RANGE.match(text)
    if match:
        start, end = int(match.group("start")), int(match.group("end"))
        if start < end <= start + MAX_RANGE:
            return [f"{match.group('root')}{n}" for n in range(start, end + 1)], "range expansion"
    return [], ""
