"""Names to Entrez Gene IDs, with every decision written down.

A :class:`LocalMapper` is built once from the gene table and answers
``map_name(name)`` with zero, one or several :class:`Hit` rows, each with a
match type. ``map_names_table`` applies it to a names table and returns the
mapping table (``MAPPING_COLUMNS``): one row per name-gene pair, one row with
an empty ``entrez_id`` for a name that did not map.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

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


@dataclass(frozen=True)
class Hit:
    entrez_id: str
    symbol: str
    match_type: str
    note: str = ""


def _key(name: str) -> str:
    return name.strip().upper()


class LocalMapper:
    """Offline mapper over the gene table (see :mod:`exocargo.genes`)."""

    def __init__(self, genes: pd.DataFrame, hairpins: pd.DataFrame | None = None):
        self.symbol_of = dict(zip(genes["entrez_id"], genes["symbol"]))
        self.by_symbol: dict[str, list[str]] = defaultdict(list)
        self.by_previous: dict[str, list[str]] = defaultdict(list)
        self.by_alias: dict[str, list[str]] = defaultdict(list)
        self.by_ensembl: dict[str, list[str]] = defaultdict(list)
        self.by_uniprot: dict[str, list[str]] = defaultdict(list)
        self.by_hairpin: dict[str, list[str]] = defaultdict(list)
        for entrez, symbol, aliases, previous, ensembl, uniprot in genes[
            ["entrez_id", "symbol", "aliases", "previous", "ensembl", "uniprot"]
        ].itertuples(index=False):
            self.by_symbol[_key(symbol)].append(entrez)
            for field, index in (
                (previous, self.by_previous),
                (aliases, self.by_alias),
                (ensembl, self.by_ensembl),
                (uniprot, self.by_uniprot),
            ):
                for value in filter(None, field.split("|")):
                    if entrez not in index[_key(value)]:
                        index[_key(value)].append(entrez)
        if hairpins is not None:
            for hairpin, entrez in zip(hairpins["hairpin"], hairpins["entrez_id"]):
                self.by_hairpin[_key(hairpin)].append(entrez)

    def _hits(self, entrez_ids: list[str], match_type: str, note: str = "") -> list[Hit]:
        if len(entrez_ids) > 1 and match_type in ("alias", "previous"):
            symbols = ", ".join(self.symbol_of[e] for e in entrez_ids)
            return [
                Hit(e, self.symbol_of[e], "ambiguous", f"{match_type} shared by {len(entrez_ids)} genes: {symbols}")
                for e in entrez_ids
            ]
        return [Hit(e, self.symbol_of[e], match_type, note) for e in entrez_ids]

    def map_mirna(self, name: str) -> list[Hit]:
        """``miR-21``, ``hsa-miR-21-5p``, ``microRNA-21``, ``let-7a`` -> MIR genes."""
        match = re.match(r"^(?:hsa-)?(?:micro[- ]?rna|mir|let)-?(\d+[a-z]?|7[a-z])(?:-[35]p)?$", name, re.IGNORECASE)
        if not match:
            return []
        stem = "let" if name.lower().lstrip("hsa-").startswith("let") else "mir"
        core = match.group(1).lower()
        hairpins = [
            k for k in self.by_hairpin if re.fullmatch(rf"HSA-{stem.upper()}-{re.escape(core.upper())}(-\d+)?", k)
        ]
        entrez = sorted({e for k in hairpins for e in self.by_hairpin[k]}, key=int)
        return [Hit(e, self.symbol_of.get(e, ""), "mirna", f"hairpin locus of {name}") for e in entrez]

    def map_name(self, name: str) -> list[Hit]:
        key = _key(name)
        if not key:
            return []
        if key.isdigit() and key in self.symbol_of:
            return [Hit(key, self.symbol_of[key], "entrez")]
        mirna = self.map_mirna(name)
        if mirna:
            return mirna
        for index, match_type in (
            (self.by_symbol, "symbol"),
            (self.by_ensembl, "ensembl"),
            (self.by_uniprot, "uniprot"),
            (self.by_previous, "previous"),
            (self.by_alias, "alias"),
        ):
            if key.split(".")[0] in index and match_type == "ensembl":
                return self._hits(index[key.split(".")[0]], match_type)
            if key in index:
                return self._hits(index[key], match_type)
        return []


def map_names_table(names: pd.DataFrame, mapper: LocalMapper) -> pd.DataFrame:
    """Map every name of a names table; unmapped names keep one row."""
    rows = []
    for query, name in names[["query", "name"]].itertuples(index=False):
        hits = mapper.map_name(name)
        if not hits:
            rows.append((query, name, "", "", "unmapped", "no symbol, alias, previous symbol, ID or miRNA matched"))
        rows.extend((query, name, h.entrez_id, h.symbol, h.match_type, h.note) for h in hits)
    return pd.DataFrame(rows, columns=MAPPING_COLUMNS)


def used_entrez_ids(mapping: pd.DataFrame, *, include_ambiguous: bool = False) -> list[str]:
    """The unique Entrez IDs that enter the gene set, in first-seen order."""
    used = set(USED_MATCH_TYPES) | ({"ambiguous"} if include_ambiguous else set())
    chosen = mapping[mapping["match_type"].isin(used) & (mapping["entrez_id"] != "")]
    return list(dict.fromkeys(chosen["entrez_id"]))


def summarise(mapping: pd.DataFrame) -> pd.DataFrame:
    """Counts of input names by match type (a name counts once per type)."""
    per_name = mapping.drop_duplicates(["query", "input_name", "match_type"])
    counts = per_name.groupby("match_type").size().reindex(MATCH_TYPES, fill_value=0)
    return counts.rename("names").rename_axis("match_type").reset_index()
