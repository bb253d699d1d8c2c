"""What a mapping decision is: match types, the :class:`Hit` row, the :class:`Mapper` protocol both
backends follow, and the :class:`Context` (a figure's title and caption) that can break a tie.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from exocargo.mapping.families import NON_GENE_KINDS, Grounding
from exocargo.mapping.words import EXCEL_DATE, MOUSE_STYLE, surface

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

    def map_name(
        self, name: str, *, in_text: bool = False, context: Context | None = None, figure: bool = False
    ) -> list[Hit]: ...

    def map_names(
        self, names: Iterable[str], *, in_text: bool = False, context: Context | None = None, figure: bool = False
    ) -> dict[str, list[Hit]]: ...


def unmapped(reason: str) -> Hit:
    return Hit("", "", "unmapped", reason)


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


def is_not_a_gene(hit: Hit) -> bool:
    """Whether a hit records that the name is not a gene at all (a chemical, a process, a number)."""
    return hit.match_type == "unmapped" and hit.note.startswith(NOT_A_GENE)


def mouse_style(name: str, hits: list[Hit]) -> list[Hit]:
    """A gene-list name written like a mouse symbol (``Ly6a``, ``Mup1``): said so in the note.

    Read as the human symbol of the same letters it stays (``Cd9`` -> CD9, usually the ortholog);
    read only through a human alias or previous symbol it becomes ambiguous, since such an alias is
    often an unrelated human gene (``Mup1`` is an alias of SLC25A19, not mouse Mup1's ortholog).
    """
    genes = [hit for hit in hits if hit.entrez_id]
    if not genes:
        return hits
    if all(hit.match_type in ("alias", "previous") for hit in genes):
        symbols = ", ".join(hit.symbol for hit in genes)
        note = (
            f"written like a mouse symbol ({name}); only a human alias or previous symbol matches ({symbols}), "
            "which may not be its ortholog: give the human symbol"
        )
        return [hit._replace(match_type="ambiguous", note=note) for hit in genes]
    return with_note(hits, f"written like a mouse symbol ({name}); read as the human gene of that name")


def with_note(hits: list[Hit], note: str, *, after: bool = False) -> list[Hit]:
    if not note:
        return hits
    return [h._replace(note="; ".join(filter(None, [h.note, note] if after else [note, h.note]))) for h in hits]


def non_gene_reason(form: str, groundings: Iterable[Grounding]) -> str:
    """The note of a word FamPlex grounds only to chemicals, processes or other non-genes."""
    kinds = list(dict.fromkeys(NON_GENE_KINDS.get(g.namespace, g.namespace) for g in groundings))
    curies = ", ".join(g.curie for g in groundings)
    if kinds == ["chemical"]:
        return f"{NOT_A_GENE[0]} ({curies}; FamPlex grounding map)"
    return f"{NOT_A_GENE[1]} {' or '.join(kinds)} ({curies}; FamPlex grounding map)"


def why_unmapped(text: str, remarks: list[str]) -> str:
    """The note of a name no rule mapped: the remarks of the rules that came close, and shapes to check."""
    reasons = list(dict.fromkeys(remarks))
    if EXCEL_DATE.match(text):
        reasons.append(f"{text} looks like a date Excel made of a gene name, but no such gene was found")
    if MOUSE_STYLE.match(text):
        reasons.append(
            f"written like a mouse symbol ({text}) and no human gene has this name: give the human ortholog's symbol"
        )
    return "; ".join(reasons) or NOTHING_MATCHED
