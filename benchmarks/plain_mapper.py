"""The plain figure-word mapper the mapping issue compares us with: about 150 lines, no context.

It reads the same pinned tables as exocargo (the HGNC gene table and FamPlex 0.0.5) and does only
what the issue describes, in this order, for each part of a word:

1. fold: Unicode compatibility forms, accents dropped (``ÀKT1`` -> ``AKT1``), Greek letters spelled
   (``NF-κB`` -> ``NF-kappaB``);
2. split on ``, ; : | ( ) [ ] /`` and strip the punctuation around each part;
3. expand a numeric range (``SMAD1-3``) and a part that is only a number or a letter after a slash or
   comma (``MEK1/2``, ``CD9,63``) onto the first part's stem;
4. look each part up: HGNC approved symbol; FamPlex grounding map (genes and families; a chemical
   or process grounding maps to nothing); previous symbol; alias shared by no other gene. Each
   lookup is tried as written (upper-cased) and with hyphens, spaces and dots removed.

It is the benchmark's yardstick, not part of the package: exocargo must beat it on the same figures.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from exocargo.files import read_tsv

SEPARATORS = re.compile(r"[,;:|()\[\]/]")
EDGES = re.compile(r"^[^\w]+|[^\w]+$")
RANGE = re.compile(r"^(.*?[A-Za-z]-?)(\d+)-(\d+)$")
SHORT_PART = re.compile(r"^(?:\d+[A-Za-z]?|[A-Za-z])$")
GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "κ": "kappa", "μ": "mu", "ß": "beta"}
GENE_NAMESPACES = {"HGNC", "FPLX", "UP"}


def fold(text: str) -> str:
    """Compatibility forms made plain, accents dropped, Greek letters spelled out."""
    text = "".join(GREEK.get(c, c) for c in unicodedata.normalize("NFKC", text))
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def squash(text: str) -> str:
    return re.sub(r"[-\s.]", "", text).upper()


class PlainMapper:
    """HGNC symbol, FamPlex grounding, previous symbol, unique alias; nothing else."""

    def __init__(self, genes_tsv: Path, famplex_dir: Path):
        genes = read_tsv(genes_tsv)
        self.symbol: dict[str, str] = {}
        previous: dict[str, set[str]] = defaultdict(set)
        alias: dict[str, set[str]] = defaultdict(set)
        for entrez, symbol, prev, aliases in genes[["entrez_id", "symbol", "previous", "aliases"]].itertuples(
            index=False
        ):
            for key in {symbol.upper(), squash(symbol)}:
                self.symbol.setdefault(key, entrez)
            for field, index in ((prev, previous), (aliases, alias)):
                for value in filter(None, field.split("|")):
                    index[value.upper()].add(entrez)
                    index[squash(value)].add(entrez)
        self.previous = {k: next(iter(v)) for k, v in previous.items() if len(v) == 1}
        self.alias = {k: next(iter(v)) for k, v in alias.items() if len(v) == 1}
        self.members = self._family_members(famplex_dir)
        self.grounding: dict[str, set[str] | None] = {}
        with open(famplex_dir / "grounding_map.csv", newline="", encoding="utf-8") as handle:
            for row in csv.reader(handle):
                if len(row) < 3 or not row[0]:
                    continue
                text, namespace, ident = row[0], row[1], row[2]
                key = squash(fold(text))
                if namespace not in GENE_NAMESPACES:
                    self.grounding.setdefault(key, None)  # chemical or process: not a gene
                    continue
                genes_of = self._ground(namespace, ident)
                if genes_of:
                    current = self.grounding.get(key) or set()
                    self.grounding[key] = current | genes_of
        for family in self.members:
            self.grounding.setdefault(squash(family), self._ground("FPLX", family))

    def _family_members(self, famplex_dir: Path) -> dict[str, set[str]]:
        children: dict[str, set[tuple[str, str]]] = defaultdict(set)
        with open(famplex_dir / "relations.csv", newline="", encoding="utf-8") as handle:
            for row in csv.reader(handle):
                if len(row) == 5 and row[3] == "FPLX":
                    children[row[4]].add((row[0], row[1]))
        members: dict[str, set[str]] = {}

        def expand(family: str, seen: frozenset[str]) -> set[str]:
            found = set()
            for namespace, ident in children.get(family, ()):
                if namespace == "HGNC":
                    found.add(ident.upper())
                elif namespace == "FPLX" and ident not in seen:
                    found |= expand(ident, seen | {ident})
            return found

        for family in children:
            members[family] = expand(family, frozenset({family}))
        return members

    def _ground(self, namespace: str, ident: str) -> set[str]:
        if namespace == "HGNC":
            entrez = self.symbol.get(ident.upper())
            return {entrez} if entrez else set()
        if namespace == "FPLX":
            return {self.symbol[s] for s in self.members.get(ident, ()) if s in self.symbol}
        return set()

    def lookup(self, part: str) -> set[str]:
        for key in dict.fromkeys([part.upper(), squash(part)]):
            if key in self.symbol:
                return {self.symbol[key]}
            if key in self.grounding:
                return self.grounding[key] or set()
            for index in (self.previous, self.alias):
                if key in index:
                    return {index[key]}
        return set()

    def parts(self, word: str) -> list[str]:
        pieces = [EDGES.sub("", p) for p in SEPARATORS.split(fold(word))]
        pieces = [p for p in pieces if p]
        expanded: list[str] = []
        for piece in pieces:
            match = RANGE.match(piece)
            if match and int(match.group(2)) < int(match.group(3)) <= int(match.group(2)) + 20:
                expanded += [f"{match.group(1)}{n}" for n in range(int(match.group(2)), int(match.group(3)) + 1)]
            elif SHORT_PART.match(piece) and expanded:
                stem = re.sub(r"\d+[A-Za-z]?$" if piece[0].isdigit() else r"[A-Za-z]$", "", expanded[0])
                expanded.append(stem + piece)
            else:
                expanded.append(piece)
        return expanded

    def map_word(self, word: str) -> set[str]:
        """Entrez IDs of one figure word: the whole word first, then its parts."""
        whole = EDGES.sub("", fold(word))
        found = self.lookup(whole) if whole else set()
        if found or not whole:
            return found
        return {entrez for part in self.parts(word) for entrez in self.lookup(part)}
