"""One list against one library: mapping table to queries, background, the test, and the enrichment
table (``exocargo.tables.ENRICHMENT_TABLE``) the workflow writes and reads back.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from exocargo.enrichment.backgrounds import background_genes, circular_terms, is_pfocr_library
from exocargo.enrichment.ora import design_ora, run_batch_engine, run_gseapy_engine
from exocargo.enrichment.redundancy import term_groups
from exocargo.enrichment.stats import is_significant
from exocargo.enrichment.units import index_units
from exocargo.files import read_columnar, read_tsv
from exocargo.kinds import input_kind
from exocargo.mapping.table import used_rows
from exocargo.tables import ENRICHMENT_TABLE

ADJUSTMENT = (
    "Benjamini-Hochberg within each query and library, over the terms that share at least one gene "
    "with the query (as Enrichr and gseapy.enrich do)"
)


# --------------------------------------------------------------------------- workflow helpers


def queries_from_mapping(mapping: pd.DataFrame, *, include_ambiguous: bool = False) -> dict[str, list[str]]:
    """``{query: Entrez IDs}`` from a mapping table, every query kept (even with no gene)."""
    # One pass over plain lists: a pandas group per query cost 1.5 s per 2,000 queries.
    queries: dict[str, dict[str, None]] = {query: {} for query in mapping["query"].drop_duplicates()}
    rows = used_rows(mapping, include_ambiguous=include_ambiguous)
    for query, entrez in zip(rows["query"].tolist(), rows["entrez_id"].tolist()):
        queries[query][entrez] = None
    return {query: list(genes) for query, genes in queries.items()}


def units_from_mapping(mapping: pd.DataFrame, *, include_ambiguous: bool = False) -> dict[str, dict[str, list[str]]]:
    """``{query: {input name: Entrez IDs}}``: the named units that counting by names tests."""
    rows = used_rows(mapping, include_ambiguous=include_ambiguous)
    units: dict[str, dict[str, dict[str, None]]] = {}
    for query, name, entrez in zip(rows["query"].tolist(), rows["input_name"].tolist(), rows["entrez_id"].tolist()):
        units.setdefault(query, {}).setdefault(name, {})[entrez] = None
    return {query: {name: list(genes) for name, genes in names.items()} for query, names in units.items()}


COUNTING = {
    "names": "by named units: a name that maps to several genes (a family word) is one hit and one query "
    "member, drawn with the chance that as many random genes touch the term (docs/enrichment.md); equal "
    "to gene counting when no name expands",
    "genes": "by genes: every gene a name maps to is a separate hit (gseapy, Enrichr, clusterProfiler)",
}


@dataclass(frozen=True)
class EnrichmentOptions:
    """The keys of the config's ``enrichment:`` section that change the test (the rest are for plots and jobs)."""

    engine: str = "exocargo"
    counting: str = "names"
    background: str = "library"
    min_size: int = 5
    max_size: int | None = 2000
    fdr_threshold: float = 0.05
    group_min_jaccard: float = 0.5

    def __post_init__(self) -> None:
        if self.counting not in COUNTING:
            raise ValueError(f"counting must be one of {', '.join(COUNTING)}, not {self.counting!r}.")

    def record(self) -> dict:
        return asdict(self)

    @classmethod
    def from_config(cls, section: Mapping) -> EnrichmentOptions:
        return cls(**{key: section[key] for key in cls.__dataclass_fields__ if key in section})


def enrich_list(
    *,
    list_id: str,
    queries: Mapping[str, Sequence[str]],
    source: Mapping,
    library: Mapping[str, Sequence[str]],
    library_summary: Mapping,
    genes: pd.DataFrame,
    options: EnrichmentOptions,
    file_genes: Collection[str] | None = None,
    file_report: Mapping | None = None,
    units: Mapping[str, Mapping[str, Collection[str]]] | None = None,
) -> tuple[pd.DataFrame, dict]:
    """ORA of one list's queries against one library: the result table and its sidecar record.

    ``source`` is the list's ``.source.json`` (``kind``, ``pfocr.figid``),
    ``library_summary`` the library's ``.translation.json`` (its ``library``
    record gives name, source and version). The sidecar holds everything
    needed to read the table: background and its size, query genes dropped
    because they are not in the background, library version, terms tested,
    size limits, engine and circularity exclusions. ``units``
    (:func:`units_from_mapping`) are used when ``options.counting`` is ``names``.
    """
    universe, description = background_genes(options.background, genes=genes, file_genes=file_genes)
    design = design_ora(queries, library, background=universe, min_size=options.min_size, max_size=options.max_size)
    record = library_summary["library"]
    circular = (
        is_pfocr_library(record["name"], record["source"]) and input_kind(source.get("kind", "genes")).is_pfocr_figure
    )
    exclusions: dict[str, dict[str, str]] = {}
    if circular:
        figid = source["pfocr"]["figid"]
        exclusions = {name: circular_terms(figid, genes_, library, design) for name, genes_ in queries.items()}
    symbols = dict(zip(genes["entrez_id"], genes["symbol"]))
    exclude = {q: list(t) for q, t in exclusions.items()}
    by_names = options.counting == "names" and options.engine == "exocargo"
    families: dict[str, dict[str, int]] = {}
    if options.engine == "gseapy":
        table = run_gseapy_engine(design, exclude=exclude, symbols=symbols)
    else:
        index = index_units(design.genes, design.query_names, design.query_matrix, units or {}, symbols)
        table = run_batch_engine(design, exclude=exclude, symbols=symbols, units=index, count_units=by_names)
        families = index.families if by_names else {}
    table["term_group"] = term_groups(
        table, fdr_threshold=options.fdr_threshold, min_jaccard=options.group_min_jaccard
    ).to_numpy(dtype=object)
    rows = table.groupby("query", sort=False).size()
    hits = table[is_significant(table["adjusted_p_value"], options.fdr_threshold)].groupby("query", sort=False).size()
    engine = options.engine
    if engine == "gseapy":
        import gseapy

        engine = f"gseapy {gseapy.__version__}"
    sidecar = {
        "list_id": list_id,
        "library": dict(record),
        "library_translation": {key: value for key, value in library_summary.items() if key != "library"},
        "engine": engine,
        "counting": {"choice": "names" if by_names else "genes", "rule": COUNTING["names" if by_names else "genes"]},
        "background": {
            "choice": options.background,
            "description": description,
            "size": design.background_size,
            **({"file": dict(file_report)} if file_report else {}),
        },
        "min_size": options.min_size,
        "max_size": options.max_size,
        "terms_in_library": design.library_terms,
        "terms_tested": len(design.terms),
        "terms_outside_size_limits": design.library_terms - len(design.terms),
        "adjustment": ADJUSTMENT,
        "fdr_threshold": options.fdr_threshold,
        "term_groups": {
            "min_jaccard": options.group_min_jaccard,
            "rule": "significant terms from the best p down; a term joins the first group whose best term shares "
            "at least min_jaccard of their hit genes (Jaccard), else starts a group; 0 = no grouping",
        },
        "queries": {
            name: {
                "genes": len(set(queries[name])),
                "in_background": int(design.query_sizes[i]),
                "dropped": design.dropped[name],
                "dropped_symbols": [symbols.get(g, g) for g in design.dropped[name]],
                "families": families.get(name, {}),
                "terms_with_overlap": int(rows.get(name, 0)),
                "significant_terms": int(hits.get(name, 0)),
            }
            for i, name in enumerate(design.query_names)
        },
        "circularity": {
            "applies": circular,
            "rule": "a pfocr list tested against a PFOCR library: its own figure and terms with exactly its "
            "gene set are not tested",
            "figid": source.get("pfocr", {}).get("figid", "") if circular else "",
            "excluded": [
                {"query": name, "term": term, "reason": reason}
                for name, terms in exclusions.items()
                for term, reason in terms.items()
            ],
        },
    }
    return table, sidecar


def read_enrichment(path: str | Path) -> pd.DataFrame:
    """An enrichment table written by the workflow (its TSV or its Parquet copy), numbers as numbers."""
    if Path(path).suffix == ".parquet":
        return read_columnar(path, schema=ENRICHMENT_TABLE)
    return ENRICHMENT_TABLE.typed(read_tsv(path))
