"""FamPlex protein families and complexes: names to member genes.

FamPlex (https://github.com/sorgerlab/famplex, version 0.0.5 as shipped on
PyPI, CC0) gives four tables, read here from ``resources/famplex/famplex-0.0.5/``:

``entities.csv``
    one FamPlex id per line (``PI3K``, ``RAB``, ``NFkappaB``...).
``relations.csv``
    ``HGNC,PIK3CA,isa,FPLX,PI3K_p110`` and ``FPLX,PI3K_p110,partof,FPLX,PI3K``:
    members and sub-families. A family's genes are everything below it
    through ``isa`` *and* ``partof``, transitively (PI3K has no direct ``isa``
    member: its genes sit in the p110 and p85 sub-families).
``grounding_map.csv``
    how names are written in papers, and what they mean: ``Erk1/2 -> FPLX:ERK``,
    ``CaM -> FPLX:CALM``, ``p53 -> UP:P04637``, but also ``ADP -> CHEBI:16761``
    (a chemical) and ``apoptosis -> GO:0006915`` (a process).
``equivalences.csv``
    the same families in other vocabularies; the BEL names (``14-3-3 Family``)
    are used as extra written forms.

Example
-------
>>> famplex = FamPlex.from_dir("resources/famplex/famplex-0.0.5")  # doctest: +SKIP
>>> [m.ident for m in famplex.members("ERK")]  # doctest: +SKIP
['MAPK1', 'MAPK3']
>>> famplex.ground("Erk1/2")[0].ident  # doctest: +SKIP
'ERK'
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

FAMPLEX_FILES = ("entities.csv", "relations.csv", "grounding_map.csv", "equivalences.csv")
# Namespaces of the grounding map that name genes or gene products.
GENE_NAMESPACES = frozenset({"FPLX", "HGNC", "UP", "UPISO"})
# What a grounding to another namespace means, for the "not a gene" notes.
NON_GENE_KINDS = {
    "CHEBI": "chemical",
    "PUBCHEM": "chemical",
    "HMDB": "chemical",
    "MESH": "MeSH term",
    "GO": "biological process or component",
    "NCIT": "NCI thesaurus concept",
    "MIRBASE": "miRNA",
    "IP": "protein domain",
}
# Spaces (any Unicode space), hyphens, underscores, dots and apostrophes; str.translate is
# several times faster than a regular expression on short names, and names are many.
_SQUASHED_OUT = dict.fromkeys(
    map(ord, " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000-_.'’"), None
) | dict.fromkeys(range(0x2000, 0x200B), None)


def squash(text: str) -> str:
    """Upper-case ``text`` without spaces, hyphens, underscores, dots and apostrophes."""
    return text.translate(_SQUASHED_OUT).upper()


@dataclass(frozen=True)
class Grounding:
    """One meaning of a written name: ``FPLX:ERK``, ``UP:P04637``, ``CHEBI:16761``..."""

    namespace: str
    ident: str
    text: str  # the written form in the grounding map (or the FamPlex id) that matched
    how: str  # "grounding map", "FamPlex id" or "BEL name"

    @property
    def is_gene(self) -> bool:
        return self.namespace in GENE_NAMESPACES

    @property
    def curie(self) -> str:
        return f"{self.namespace}:{self.ident}"


@dataclass(frozen=True)
class Member:
    """A gene below a family: ``HGNC:PIK3CA`` reached through ``PI3K_p110 partof PI3K``."""

    namespace: str  # "HGNC" (a symbol) or "UP" (a UniProt accession)
    ident: str
    path: str  # "PIK3CA isa PI3K_p110 partof PI3K"


class FamPlex:
    """FamPlex tables indexed for name lookup and family expansion."""

    def __init__(
        self,
        entities: list[str],
        relations: list[tuple[str, str, str, str, str]],
        groundings: list[tuple[str, str, str]],
        equivalences: list[tuple[str, str, str]],
    ):
        self.entities = frozenset(entities)
        self._children: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for child_ns, child, relation, parent_ns, parent in relations:
            if parent_ns == "FPLX" and relation in ("isa", "partof"):
                self._children[parent].append((child_ns, child, relation))
        # Written form exactly as curated -> its groundings; also read directly by the mapper's fast path.
        self.by_text: dict[str, tuple[Grounding, ...]] = defaultdict(list)
        self._folded: dict[str, list[Grounding]] = defaultdict(list)
        self._squashed: dict[str, list[Grounding]] = defaultdict(list)
        for text, namespace, ident in groundings:
            self._add(Grounding(namespace, ident, text, "grounding map"))
        for entity in sorted(self.entities):
            # FamPlex ids double as names ("PI3K", "NFkappaB"), as in PFOCR's lexicon,
            # also without the "_family"/"_complex" suffix.
            for form in {entity, re.sub(r"_(family|complex)$", "", entity)}:
                self._add(Grounding("FPLX", entity, form, "FamPlex id"), exact=False)
        for namespace, name, entity in equivalences:
            if namespace == "BEL" and entity in self.entities:
                self._add(Grounding("FPLX", entity, name, "BEL name"), exact=False)
        self._members: dict[str, tuple[Member, ...]] = {}
        # Lookups hand out the stored tuples themselves: no copy per name.
        for index in ("by_text", "_folded", "_squashed"):
            setattr(self, index, {key: tuple(values) for key, values in getattr(self, index).items()})

    def _add(self, grounding: Grounding, *, exact: bool = True) -> None:
        for index, key in (
            (self.by_text, grounding.text),
            (self._folded, grounding.text.casefold()),
            (self._squashed, squash(grounding.text)),
        ):
            if (exact or index is not self.by_text) and grounding not in index[key]:
                index[key].append(grounding)

    @classmethod
    def from_dir(cls, folder: str | Path) -> FamPlex:
        """Read the four FamPlex CSVs from ``folder``."""
        folder = Path(folder)
        missing = [name for name in FAMPLEX_FILES if not (folder / name).exists()]
        if missing:
            raise FileNotFoundError(
                f"{folder}: FamPlex file(s) {', '.join(missing)} missing; run `snakemake fetch_famplex` "
                "(or `make resources`) to fetch FamPlex 0.0.5."
            )

        def rows(name: str) -> list[list[str]]:
            with open(folder / name, newline="", encoding="utf-8") as handle:
                return [[cell.strip() for cell in row] for row in csv.reader(handle) if row and row[0].strip()]

        groundings = []
        for row in rows("grounding_map.csv"):
            text, pairs = row[0], row[1:]
            for namespace, ident in zip(pairs[::2], pairs[1::2]):
                if namespace and ident:
                    groundings.append((text, namespace, ident))
        return cls(
            entities=[row[0] for row in rows("entities.csv")],
            relations=[tuple(row[:5]) for row in rows("relations.csv") if len(row) >= 5],
            groundings=groundings,
            equivalences=[tuple(row[:3]) for row in rows("equivalences.csv") if len(row) >= 3],
        )

    def ground(self, text: str, *, exact_case: bool = False, squashed: bool = True) -> tuple[Grounding, ...]:
        """Meanings of a written name: exact spelling first, then any case, then squashed.

        Returns the groundings of the first level that knows the name, so that a
        name written exactly as curated (``cAMP``) is not overruled by another
        spelling. ``exact_case=True`` stops after the exact level,
        ``squashed=False`` after the any-case level.
        """
        found = self.by_text.get(text)
        if found or exact_case:
            return found or ()
        found = self._folded.get(text.casefold())
        if found or not squashed:
            return found or ()
        return self._squashed.get(squash(text), ())

    def members(self, entity: str) -> tuple[Member, ...]:
        """Genes below ``entity`` through ``isa`` and ``partof``, sorted by namespace and id."""
        if entity not in self._members:
            found: dict[tuple[str, str], str] = {}
            self._walk(entity, entity, found, seen={entity})
            self._members[entity] = tuple(Member(ns, ident, path) for (ns, ident), path in sorted(found.items()))
        return self._members[entity]

    def _walk(self, entity: str, path: str, found: dict[tuple[str, str], str], seen: set[str]) -> None:
        for namespace, child, relation in self._children.get(entity, []):
            step = f"{child} {relation} {path}"
            if namespace == "FPLX":
                if child not in seen:  # FamPlex has no cycles, but a bad edit must not hang us
                    self._walk(child, step, found, seen | {child})
            else:
                found.setdefault((namespace, child), step)
