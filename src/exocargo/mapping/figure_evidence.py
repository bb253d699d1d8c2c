"""Which meaning of an ambiguous figure word the rest of the figure supports.

A pathway figure draws genes that work together. When a word has several meanings (an alias of
several genes, ``TAK1``: MAP3K7 or NR2C2; FamPlex's family and single-gene readings, ``PDK``: the
pyruvate dehydrogenase kinases or PDPK1; a gene family or a non-gene, ``AC``: adenylyl cyclases
or adenocarcinoma), the figure's other, unambiguous genes are evidence: a meaning whose genes
share curated pathways (KEGG 2021 and WikiPathways 2023, the pinned Enrichr libraries) with many
of them is the one drawn. The decision is taken only when the evidence is clear; otherwise the
word stays ambiguous, all candidates listed.

Rules, each applied to one word of one figure:

- *support* of a meaning: the most of the figure's other mapped genes that one pathway set (of at
  most ``MAX_SET_SIZE`` genes, so that "Pathways in cancer" is no evidence) holds together with a
  gene of that meaning;
- the best meaning wins when its support is at least ``MIN_SUPPORT`` genes and ``MIN_SHARE`` of the
  figure's other genes, and ``MIN_RATIO`` times the runner-up's;
- a gene meaning wins over a non-gene one (a chemical, a disease term), which no pathway can
  support, only with ``NON_GENE_SHARE`` of the figure's other genes;
- when a candidate gene is in no pathway set at all, the comparison would be unfair to it: the
  word stays ambiguous.

The note of a decided row says which genes decided and what was set aside.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from exocargo.mapping.decisions import USED_MATCH_TYPES

MAX_SET_SIZE = 200
MIN_SUPPORT = 3
MIN_SHARE = 0.25
MIN_RATIO = 1.5
NON_GENE_SHARE = 0.5
ALIAS_AMBIGUITY = "is a previous symbol or alias of"
NON_GENE_AMBIGUITY = "may also mean"
MEANING = re.compile(r"FamPlex meaning (\S+?);")


class PathwayEvidence:
    """Gene -> pathway-set index over curated libraries, for co-membership evidence."""

    def __init__(self, sets: Iterable[tuple[str, frozenset[str]]]):
        self.names: list[str] = []
        sets_of: dict[str, list[int]] = defaultdict(list)
        for name, genes in sets:
            if len(genes) > MAX_SET_SIZE:
                continue
            index = len(self.names)
            self.names.append(name)
            for gene in genes:
                sets_of[gene].append(index)
        # Tuples of numbers are left alone by the garbage collector, lists are not: with GO's thousands
        # of sets, lists would make every collection in the process slower (text mining by a tenth).
        self.sets_of: dict[str, tuple[int, ...]] = {gene: tuple(indexes) for gene, indexes in sets_of.items()}

    @classmethod
    def from_gmts(cls, paths: Iterable[str | Path]) -> PathwayEvidence:
        """Read Entrez GMT files (``term<TAB>description<TAB>entrez...``)."""
        sets = []
        for path in paths:
            library = Path(path).name.split(".")[0]
            for line in Path(path).read_text(encoding="utf-8").splitlines():
                fields = line.split("\t")
                if len(fields) > 2:
                    sets.append((f"{library}: {fields[0]}", frozenset(filter(None, fields[2:]))))
        return cls(sets)

    def support(self, meaning: set[str], figure_genes: set[str]) -> tuple[str, list[str]]:
        """The pathway set with a gene of ``meaning`` that holds most of the figure's other genes.

        One pathway that explains much of the figure is better evidence than many large sets that
        each touch a gene or two. Returns the set's name and those figure genes.
        """
        others = figure_genes - meaning
        counts: dict[int, list[str]] = defaultdict(list)
        for gene in others:
            for index in self.sets_of.get(gene, ()):
                counts[index].append(gene)
        best = max(
            ({i for gene in meaning for i in self.sets_of.get(gene, ())} & counts.keys()),
            key=lambda i: (len(counts[i]), -i),
            default=None,
        )
        return ("", []) if best is None else (self.names[best], sorted(counts[best]))


def _meanings(rows: pd.DataFrame) -> tuple[dict[str, list[int]], bool] | None:
    """The word's gene meanings (key -> row positions), and whether a non-gene meaning competes."""
    notes = rows["note"].tolist()
    if not notes or not (rows["match_type"] == "ambiguous").all():
        return None
    meanings: dict[str, list[int]] = defaultdict(list)
    if all(MEANING.search(n) for n in notes):
        for position, note in enumerate(notes):
            meanings[MEANING.search(note).group(1)].append(position)
        return dict(meanings), False
    if all(NON_GENE_AMBIGUITY in n for n in notes):
        return {"gene": list(range(len(notes)))}, True
    if all(ALIAS_AMBIGUITY in n for n in notes):
        for position, entrez in enumerate(rows["entrez_id"]):
            meanings[entrez].append(position)
        return dict(meanings), False
    return None


def choose_meaning(
    genes_of: dict[str, set[str]],
    context_genes: set[str],
    evidence: PathwayEvidence,
    symbols: dict[str, str],
    *,
    non_gene: bool = False,
    where: str = "the figure",
) -> tuple[str, str] | None:
    """The meaning (a key of ``genes_of``) the other genes of a figure or paragraph support, and why.

    ``None`` unless the evidence is clear by the rules of this module; ``where`` names the context
    in the note ("the figure", "the paragraph").
    """
    found_sets = {key: evidence.support(genes, context_genes) for key, genes in genes_of.items()}
    support = {key: genes for key, (_, genes) in found_sets.items()}
    ranked = sorted(support, key=lambda k: len(support[k]), reverse=True)
    best = ranked[0]
    runner_up = len(support[ranked[1]]) if len(ranked) > 1 else 0
    others = len(context_genes - genes_of[best])
    strong = len(support[best]) >= max(MIN_SUPPORT, (NON_GENE_SHARE if non_gene else MIN_SHARE) * others)
    # A meaning no pathway set knows cannot lose a comparison fairly: then the word stays open.
    unannotated = any(not any(evidence.sets_of.get(g) for g in genes) for genes in genes_of.values())
    if not strong or unannotated or len(support[best]) < MIN_RATIO * runner_up:
        return None
    named = ", ".join(symbols.get(g, g) for g in support[best][:8])
    more = len(support[best]) - 8
    why = (
        f"decided by {where}: {len(support[best])} of its other {others} genes are with this meaning in "
        f"{found_sets[best][0]} ({named}{f' and {more} more' if more > 0 else ''})"
    )
    if ranked[1:]:
        why += "; set aside: " + ", ".join(f"{symbols.get(k, k)} ({len(support[k])} genes)" for k in ranked[1:])
    elif non_gene:
        why += "; set aside: the non-gene meaning"
    return best, why


def decide_by_figure(mapping: pd.DataFrame, evidence: PathwayEvidence, symbols: dict[str, str]) -> pd.DataFrame:
    """The mapping table of one figure with ambiguous words decided where the figure is clear."""
    used = mapping["match_type"].isin(USED_MATCH_TYPES) & (mapping["entrez_id"] != "")
    figure_genes = set(mapping.loc[used, "entrez_id"])
    if len(figure_genes) < MIN_SUPPORT or not (mapping["match_type"] == "ambiguous").any():
        return mapping
    pieces = []
    for _, rows in mapping.groupby("input_name", sort=False):
        found = _meanings(rows)
        if found is None:
            pieces.append(rows)
            continue
        meanings, non_gene = found
        genes_of = {key: set(rows["entrez_id"].iloc[p] for p in positions) for key, positions in meanings.items()}
        decided = choose_meaning(genes_of, figure_genes, evidence, symbols, non_gene=non_gene, where="the figure")
        if decided is None:
            pieces.append(rows)
            continue
        best, why = decided
        chosen = rows.iloc[meanings[best]].copy()
        kind = "family" if len(chosen) > 1 else "alias"
        chosen["match_type"] = kind
        chosen["note"] = [f"{why}; {note}" for note in chosen["note"]]
        pieces.append(chosen)
    return pd.concat(pieces, ignore_index=True) if pieces else mapping
