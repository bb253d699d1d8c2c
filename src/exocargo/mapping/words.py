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
GREEK_WORD = re.compile(rf"({LETTER_NAME_PATTERN})(\d{{0,2}})$", re.IGNORECASE)  # TGF-beta, TGF-beta3
# A letter name after the start of a name, in lower case and not inside a longer word ("IkappaB-beta",
# "I kappa B alpha"); a capital or non-letter on each side, so "mutant" and "Betacellulin" are no
# letters. Not a leading one: "alpha1A" is a subunit's name, and its initials are another gene's alias.
GREEK_LETTER_INSIDE = re.compile(rf"(?<=[^a-z])({LETTER_NAME_PATTERN})(?![a-z])")
EDGE_PUNCTUATION = re.compile(r"^[^\w\u0370-\u03ff(]+|[^\w\u0370-\u03ff)]+$")
PREFIX = re.compile(r"^(?:\(p\)-?|p-|pp-|phospho-|P-|c-|C-|v-|GST-|Flag-|FLAG-|HA-|His-|GFP-|EGFP-)(?=\w{2})")
# "p57KIP2", "p19Arf": a protein's mass name joined to another of its names.
MASS_NAME_COMPOUND = re.compile(r"^(p\d{2,3})[-/]?([A-Za-z][A-Za-z0-9]+)$")
P_PREFIX = re.compile(r"^p(?=[A-Z][A-Z0-9]{2})")  # pERK, pSTAT3: phosphorylated form
HUMAN_PREFIX = re.compile(r"^h(?=[A-Z][A-Za-z0-9-]{2})")  # hXPC, hMAD-3: the human protein
SUFFIX = re.compile(
    r"(?<=\w)(?:-P|-p|\(p\)|-GTP|-GDP|-ATP|-ADP|-Ub|-ub|-WT|-wt|-mut|-KO|-/-|\+/-|-dependent|-independent|-mediated)$"
)
TRAILING_WORD = re.compile(
    r"(?<=\w)\s+(?:family|families|proteins?|GTPases?|kinases?|complex(?:es)?|members?|isoforms?|subunits?|channels?)$",
    re.IGNORECASE,
)
# "LDL receptor", and numbered: "VEGF receptor 2", "TGF-beta receptor type II", "IL-1 receptor 1".
RECEPTOR_OF = re.compile(
    r"^(?P<ligand>[A-Za-z][A-Za-z0-9-]{1,11})[\s-]receptor(?:[\s-](?:type[\s-])?(?P<number>[1-4]|I{1,3}|IV))?$",
    re.IGNORECASE,
)
# "IL-4Rα": HGNC names a receptor's ligand-binding alpha chain by the bare R when no RA symbol exists (IL4R).
RECEPTOR_ALPHA_CHAIN = re.compile(r"^(?P<receptor>[A-Za-z][\w-]*\dR)(?:α|alpha)$")
PLURAL = re.compile(r"(?<=[A-Za-z0-9]{3})(?<![sS])s$")
# "NPHP1-9", "SMAD1-3": a hyphen between two numbers separates them; squashing would make another name.
NUMBERS_JOINED = re.compile(r"\d-\d")
# "MHC class I", "MHC-II", "HLA class I": the human MHC is the HLA complex; FamPlex groups its classes.
MHC_CLASS = re.compile(
    r"^(?:MHC|HLA)[\s-]?(?:class[\s-]?)?(?P<cls>I{1,2}|[12])(?:\s+(?:molecules?|antigens?|Ags?))?$", re.I
)
MHC_FAMILIES = {"1": "HLA1", "2": "HLA2_alpha/HLA2_beta"}
# In prose: "MHC class I", "HLA class II"; "MHC class I, II" and "MHC class I and II" name both classes.
MHC_CLASS_IN_TEXT = re.compile(
    r"(?<![\w-])(?:MHC|HLA)(?:[\s-]?class)?[\s-]?(?:I{1,2}|[12])(?![\w-])(?:(?P<also>\s*(?:,|/|and|or)\s*)II(?![\w-]))?"
)
# FamPlex curates "Mhc" (myosin heavy chain); "MHC" in capitals is the major histocompatibility complex.
MHC_NOT_MYOSIN = (
    "MHC: the major histocompatibility complex (HLA class I and II genes), not FamPlex's 'Mhc' (myosin heavy "
    "chain); name the class (MHC class I, MHC-II)"
)
# Gene symbols Excel turns into dates, by month; other months are read as written (DEC1, OCT4).
MONTH_PREFIXES = {"MAR": ["MARCH", "MARCHF"], "SEP": ["SEPT", "SEPTIN"]}
MONTH = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
EXCEL_DATE = re.compile(
    rf"^(?:(?P<day>\d{{1,2}})-(?P<month>{MONTH})|(?P<month2>{MONTH})-(?P<day2>\d{{1,2}}))$", re.IGNORECASE
)
ION = re.compile(r"^(?:Ca|Na|K|Mg|Zn|Fe|Cu|Mn|Cl|Li|Co|Ni|Cd|Hg|Pb|H)\s?\d?\s?[+-]$")
MOUSE_STYLE = re.compile(r"^[A-Z][a-z]+[a-z0-9]*\d[a-z0-9]*$")
PARALOG = re.compile(r"^[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*\d[A-Z]$")  # RAB11A, CDKN2B: a letter after a stem's digit
ENSEMBL_GENE = re.compile(r"^ENSG\d{11}(?:\.\d+)?$", re.IGNORECASE)
ENSEMBL_OTHER = re.compile(r"^ENS[TP]\d{11}(?:\.\d+)?$", re.IGNORECASE)
UNIPROT = re.compile(
    r"^(?:[OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9](?:[A-Z][A-Z0-9]{2}[0-9]){1,2})(?:-\d+)?$", re.IGNORECASE
)
# Separators OCR leaves inside one figure word that carries several names: "JAK1,STAT3", "(NF-kB);".
NAME_SEPARATORS = re.compile(r"[,;:|]|(?<=\w)[(\[{]|[)\]}](?=\w)|\s+(?:and|or|&)\s+")
# An unbalanced bracket is OCR noise ("ZNF)17"), not a separator.
PLAIN_SEPARATORS = re.compile(r"[,;:|]|\s+(?:and|or|&)\s+")
# OCR glyph confusions, each a reading tried only when the word as written maps to nothing:
BETA_B = re.compile(r"^B-(?=[a-z]{3})")  # "B-catenin", "B-arrestin": beta read as B
GAMMA_Y = re.compile(r"^[A-Z][A-Z0-9]{0,4}Y$")  # "IFNY", "PLCY", "GY": gamma read as Y
# "AMPKA", "PKCB", "GB": a Greek letter written as its Latin capital after an upper-case name.
LATIN_GREEK_END = re.compile(r"^[A-Z][A-Z0-9]{0,4}[ABG]$")
# "P13K": OCR's digit 1 for a capital I between a capital letter and a digit (PI3K).
ONE_FOR_I = re.compile(r"(?<=^[A-Z])1(?=\d[A-Z])")
# "MAPKK": the last K is "kinase" of the kinase the stem names (MAPK kinase), as in MAPKKK.
KINASE_K = re.compile(r"^(?P<stem>[A-Z][A-Z0-9]{1,}K)K$")
LATIN_GREEK = {"A": "α", "B": "β", "G": "γ"}
# "Ga", "PKCa", "HIF1a", "TGFb": a lower-case Latin letter for a Greek one after a capital or digit.
LOWER_GREEK_END = re.compile(r"(?<=[A-Z0-9])[abgdk]$")
LOWER_GREEK = {"a": "α", "b": "β", "g": "γ", "d": "δ", "k": "κ"}
ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4"}  # a lone I only after "receptor": ROMAN_END reads II-IV
ROMAN_END = re.compile(r"(?<=[A-Za-z])-?(III|II|IV)$")  # "IL-1RII", "TGFBRII"
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
    """``surface`` without OCR edge punctuation, unbalanced or enclosing brackets.

    ``p-CLOCK,`` -> ``p-CLOCK``; ``(XBP1)`` -> ``XBP1``; ``(p)-ERK`` is kept.
    """
    text = surface(name)
    for opening, closing in ("()", "[]", "{}"):
        if text.count(opening) != text.count(closing):
            text = text.replace(opening, "").replace(closing, "")
    text = EDGE_PUNCTUATION.sub("", text)
    while len(text) > 2 and (text[0], text[-1]) in (("(", ")"), ("[", "]"), ("{", "}")) and _balanced(text[1:-1]):
        text = EDGE_PUNCTUATION.sub("", text[1:-1])
    return text


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += char in "([{"
        depth -= char in ")]}"
        if depth < 0:
            return False
    return depth == 0


def fold_accents(text: str) -> str:
    """Latin letters without the stray diacritics OCR adds (``ÉRBB3`` -> ``ERBB3``); Greek kept."""
    if text.isascii():
        return text
    out = []
    for char in text:
        if "\u00c0" <= char <= "\u024f" or "\u1e00" <= char <= "\u1eff":
            base = unicodedata.normalize("NFKD", char)[0]
            out.append(base if base.isascii() else char)
        else:
            out.append(char)
    return "".join(out)


def glyph_readings(text: str) -> list[tuple[str, str]]:
    """OCR glyph confusions: accents, ``|`` for ``I``, ``B`` for beta, ``Y`` for gamma, Roman numerals."""
    found = []
    folded = fold_accents(text)
    if folded != text:
        found.append((folded, f"accents removed ({folded})"))
    if "|" in text:
        letter = text.replace("|", "I")
        found.append((letter, f"'|' read as I ({letter})"))
    if "1" in text and ONE_FOR_I.search(text):
        letter = ONE_FOR_I.sub("I", text)
        found.append((letter, f"1 read as I ({letter})"))
    if text.startswith("B-") and BETA_B.match(text):
        beta = "β-" + text[2:]
        found.append((beta, f"B read as beta ({beta})"))
    if text.endswith("Y") and GAMMA_Y.match(text):
        gamma = text[:-1] + "γ"
        found.append((gamma, f"Y read as gamma ({gamma})"))
    if len(text) > 1 and LOWER_GREEK_END.search(text):
        greek = text[:-1] + LOWER_GREEK[text[-1]]
        found.append((greek, f"last letter read as Greek ({greek})"))
    if LATIN_GREEK_END.match(text):
        greek = text[:-1] + LATIN_GREEK[text[-1]]
        found.append((greek, f"last letter read as Greek ({greek})"))
    match = KINASE_K.match(text)
    if match:
        kinase = f"{match.group('stem')} kinase"
        found.append((kinase, f"last K read as kinase ({kinase})"))
    match = ROMAN_END.search(text)
    if match:
        arabic = text[: match.start()] + ROMAN[match.group(1)]
        found.append((arabic, f"Roman numeral read as a number ({arabic})"))
    return found


def multi_name_parts(text: str) -> list[str]:
    """The names of one OCR word that carries several: ``MEK1,2`` -> ``MEK1, MEK2``.

    Splits on ``, ; : |``, on brackets inside the word and on a spelled-out ``and``/``or``;
    a part that is only a number or a letter takes the stem of the part before it
    (``fgf3,8,17b`` -> ``fgf3, fgf8, fgf17b``; ``IFNa,B`` -> ``IFNa, IFNB``). Returns ``[]``
    for a word without separators.
    """
    separators = NAME_SEPARATORS if _balanced(text) else PLAIN_SEPARATORS
    if not separators.search(text):
        return []
    parts = [tidy_word(p) for p in separators.split(text)]
    expanded: list[str] = []
    for part in filter(None, parts):
        if expanded and SLASH_PART.match(part) and not GREEK_WORD.match(part):
            expanded.append(_with_stem(expanded[-1], part))
        else:
            expanded.append(part)
    return list(dict.fromkeys(expanded)) if len(expanded) > 1 or expanded[0] != text else []


def _with_stem(first: str, part: str) -> str:
    """``part`` (a number or a letter) put in place of the same-shaped end of ``first``."""
    if part[0].isdigit():
        root = re.sub(r"\d+[A-Za-z]?$", "", first)
    elif len(first) > 2 and (first[-2].isdigit() or first[-2].isupper() != first[-1].isupper()):
        root = first[:-1]  # a one-letter end set off by case or a digit: IFNa, KDM6A
    else:
        return part
    return root + part if root != first and root else part


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
    # A two-character reading is a name cut short ("Ikappa" of "Ikappa B" is not IK).
    short = text[: match.start()] + match.group(1)[0].upper() + match.group(2) if match and match.start() else ""
    if len(short) > 2:
        readings.append((short, f"Greek letter as a letter ({short})"))
    # HGNC writes every Greek letter of a symbol as its Latin initial (NFKBIB's alias IKBB).
    folded = GREEK_LETTER_INSIDE.sub(lambda letter: letter.group(1)[0].upper(), text)
    if folded != text and len(folded) > 2 and all(folded != reading for reading, _ in readings):
        readings.append((folded, f"Greek letters as letters ({folded})"))
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


def mhc_families(text: str) -> str:
    """``MHC class II`` -> ``HLA2_alpha/HLA2_beta``: the FamPlex families of an MHC class ("" if none)."""
    mhc = MHC_CLASS.match(text)
    if not mhc:
        return ""
    number = mhc.group("cls").upper()
    return MHC_FAMILIES[str(len(number)) if "I" in number else number]


def readings(text: str) -> list[tuple[str, str]]:
    """Other ways to read one written form, each with a note saying how."""
    found = []
    tidy = tidy_word(text)
    if tidy and tidy != text:
        found.append((tidy, f"punctuation removed ({tidy})"))
    found += _greek_readings(text)
    found += glyph_readings(text)
    for pattern, what in (
        (PREFIX, "prefix"),
        (SUFFIX, "suffix"),
        (P_PREFIX, "phospho prefix"),
        (HUMAN_PREFIX, "human prefix"),
    ):
        stripped = pattern.sub("", text)
        if stripped != text:
            found.append((stripped, f"{what} {pattern.search(text).group(0)!r} removed ({stripped})"))
    stripped = TRAILING_WORD.sub("", text)
    if stripped != text:
        found.append((stripped, f"generic word removed ({stripped})"))
    receptor = RECEPTOR_OF.match(text)
    if receptor:  # "LDL receptor" is LDLR, "Ah receptor" AhR: a receptor's symbol is its ligand's with R
        number = receptor.group("number") or ""
        symbol = receptor.group("ligand").replace("-", "") + "R" + ROMAN.get(number.upper(), number)
        found.append((symbol, f"receptor read as R ({symbol})"))
    chain = RECEPTOR_ALPHA_CHAIN.match(text)
    if chain:  # after the Greek readings: "IL-2Rα" is IL2RA as written
        found.append(
            (chain.group("receptor"), f"the receptor's alpha chain read as the receptor ({chain['receptor']})")
        )
    families = mhc_families(text)
    if families:
        found.append((families, f"{text} read as an HLA class ({families} in FamPlex)"))
    singular = PLURAL.sub("", text)
    if singular != text:
        found.append((singular, f"plural read as singular ({singular})"))
    return found


def split_forms(text: str, *, several: bool = True) -> tuple[list[str], str]:
    """Parts of a slash or range form, as a reader would expand them, and what was done.

    ``MEK-1/2`` -> ``MEK-1, MEK-2``; ``CD9/63/81`` -> ``CD9, CD63, CD81``;
    ``KDM6A/B`` -> ``KDM6A, KDM6B``; ``PI3K/AKT`` -> ``PI3K, AKT``;
    ``SMAD1-3`` -> ``SMAD1, SMAD2, SMAD3``; several names in one OCR word
    (``JAK1,STAT3``, ``MKK4,7``: :func:`multi_name_parts`; only with ``several``, for words
    of figures and prose: a gene list's reader splits its own separators, and an identifier
    with brackets is one name). Returns ``([], "")`` otherwise.
    """
    parts = multi_name_parts(text) if several else []
    if parts:
        return parts, "several names in one word"
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
