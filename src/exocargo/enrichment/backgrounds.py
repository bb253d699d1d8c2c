"""The background of a test: the library's genes, protein-coding genes or a user's file, and which
terms to leave out (a PFOCR figure tested against the library holding that same figure).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from pathlib import Path

import pandas as pd

from exocargo.enrichment.ora import OraDesign
from exocargo.inputs.readers import InputError, read_gene_list
from exocargo.mapping.decisions import Mapper
from exocargo.mapping.table import map_names_table, used_entrez_ids

BACKGROUNDS = ("library", "protein_coding", "file")
PROTEIN_CODING_LOCUS_TYPE = "gene with protein product"


def protein_coding_genes(genes: pd.DataFrame) -> set[str]:
    """Entrez IDs of the gene table's protein-coding genes."""
    return set(genes.loc[genes["locus_type"] == PROTEIN_CODING_LOCUS_TYPE, "entrez_id"])


def is_pfocr_library(name: str, source: str) -> bool:
    """A library of pathway figures: built from PFOCR records, or an Enrichr PFOCR library."""
    return source == "pfocr_folder" or name.upper().startswith("PFOCR")


def circular_terms(
    figid: str, query_genes: Collection[str], library: Mapping[str, Collection[str]], design: OraDesign
) -> dict[str, str]:
    """Terms a figure's own list must not be tested against: ``{term: reason}``.

    The figure itself (its id appears in the term name as a whole word) and any
    term whose gene set within the background equals the query's exactly.
    """
    own = re.compile(rf"(?<![A-Za-z0-9_.\-]){re.escape(figid)}(?![A-Za-z0-9_.\-])")
    universe = design.background_genes
    query = set(query_genes) if universe is None else set(query_genes) & universe
    reasons = {}
    for term in design.terms:
        members = set(library[term]) if universe is None else set(library[term]) & universe
        if own.search(term):
            reasons[term] = f"the list's own figure ({figid})"
        elif query and members == query:
            reasons[term] = "same gene set as the list"
    return reasons


def background_genes(
    choice: str, *, genes: pd.DataFrame, file_genes: Collection[str] | None = None
) -> tuple[set[str] | None, str]:
    """The universe for a config ``background`` choice, and a sentence saying what it is.

    ``library`` gives ``None`` (the genes annotated in the library, see
    :func:`design_ora`); ``protein_coding`` the gene table's protein-coding
    genes; ``file`` the genes mapped from the background file.
    """
    if choice == "library":
        return None, "genes annotated in the library (any term)"
    if choice == "protein_coding":
        description = f"protein-coding genes of the gene table (locus type '{PROTEIN_CODING_LOCUS_TYPE}')"
        return protein_coding_genes(genes), description
    if choice == "file":
        if not file_genes:
            raise ValueError("background 'file' needs the genes mapped from enrichment: background_file.")
        return set(file_genes), "genes mapped from the background file"
    raise ValueError(f"background must be one of {', '.join(BACKGROUNDS)}, not {choice!r}.")


def read_background_file(
    path: str | Path, mapper: Mapper, *, include_ambiguous: bool = False
) -> tuple[list[str], dict]:
    """Map a background file (one gene per line, any identifier) to Entrez IDs.

    Names that map to no gene are not fatal (a background of all expressed
    genes has some) but are counted and listed, with their line, in the report.
    """
    names = read_gene_list(path, "background")
    if names.empty:
        raise InputError(
            f"{path}: the background file lists no genes. Put one gene per line, or use background: library."
        )
    mapping = map_names_table(names, mapper, kind="genes")
    ids = used_entrez_ids(mapping, include_ambiguous=include_ambiguous)
    if not ids:
        raise InputError(f"{path}: no line of the background file maps to a gene. Use gene symbols or Entrez IDs.")
    line_of = dict(zip(names["name"], names["line"]))
    unused = mapping[~mapping["input_name"].isin(set(mapping.loc[mapping["entrez_id"].isin(ids), "input_name"]))]
    missing = list(dict.fromkeys(unused["input_name"]))
    report = {
        "path": str(path),
        "names": int(len(names)),
        "genes": len(ids),
        "names_not_used": len(missing),
        "names_not_used_examples": [f"line {line_of[n]}: {n}" for n in missing[:50]],
    }
    return ids, report
