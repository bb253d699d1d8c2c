"""Over-representation analysis (ORA): one-sided hypergeometric test, many lists at once.

For a query and a term: ``k`` query genes are in the term, the term has ``K``
genes, the query has ``n`` genes, the background has ``N`` genes, and
``p = P(X >= k)`` for ``X ~ Hypergeom(N, K, n)`` (Fisher's exact test for
over-representation). The four numbers are in every output row, so anyone can
recompute the p-value.

The numbers follow ``gseapy.enrich`` 1.3.1 (``gseapy/stats.py``), the
reference engine, so that both engines agree to 1e-9 relative:

- background ``None``: the genes of the library; a gene collection: query and
  terms are intersected with it; an integer ``N``: nothing is intersected and
  ``n`` counts every query gene.
- Only terms sharing at least one gene with the query are reported, and the
  Benjamini-Hochberg adjustment runs over those terms (as Enrichr does).
- ``odds_ratio`` is gseapy's, with the Haldane-Anscombe correction:
  ``(k+.5)(N-K-n+k+.5) / ((K-k+.5)(n-k+.5))``; ``combined_score`` is Enrichr's
  ``-ln(p) * odds_ratio``.

The batch engine encodes queries and terms as sparse 0/1 matrices (genes as
columns), gets every overlap count from one matrix product and evaluates the
hypergeometric tail once per distinct ``(k, K, n)``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from itertools import chain

import numpy as np
import pandas as pd
from scipy import sparse

from exocargo.enrichment.stats import adjust_sorted_groups, combined_scores, hypergeom_sf, odds_ratios
from exocargo.enrichment.units import UnitIndex, index_units, named_units_sf, unit_overlaps
from exocargo.tables import ENRICHMENT_TABLE

ENGINES = ("exocargo", "gseapy")


# --------------------------------------------------------------------------- design


def _gene_order(gene: str) -> tuple[int, int, str]:
    """Entrez IDs in numeric order, anything else after them alphabetically."""
    return (0, int(gene), "") if gene.isdigit() else (1, 0, gene)


@dataclass(frozen=True)
class OraDesign:
    """Queries and library terms encoded on one gene index, ready to test.

    ``genes`` names the matrix columns; ``query_matrix`` (queries x genes) holds
    each query's genes within the background, ``term_matrix`` (terms x genes)
    each tested term's genes. ``dropped`` lists, per query, the genes outside
    the background (always empty for an integer background).
    """

    genes: np.ndarray
    query_names: list[str]
    query_matrix: sparse.csr_matrix
    query_sizes: np.ndarray
    terms: np.ndarray
    term_matrix: sparse.csr_matrix
    term_sizes: np.ndarray
    background_size: int
    background_genes: frozenset[str] | None
    dropped: dict[str, list[str]]
    library_terms: int
    min_size: int
    max_size: int | None


def _flatten(sets: Mapping[str, Collection[str]]) -> tuple[np.ndarray, np.ndarray]:
    """All members of all sets as one text array, and the index of the set each came from."""
    lengths = np.fromiter((len(members) for members in sets.values()), dtype=np.int64, count=len(sets))
    members = np.array([str(g) for g in chain.from_iterable(sets.values())], dtype=object)
    return members, np.repeat(np.arange(len(sets)), lengths)


def _incidence(owner: np.ndarray, column: np.ndarray, shape: tuple[int, int]) -> sparse.csr_matrix:
    """0/1 sets x genes matrix; repeated genes within a set count once."""
    matrix = sparse.csr_matrix((np.ones(owner.size, dtype=np.int32), (owner, column)), shape=shape)
    matrix.sum_duplicates()
    matrix.data[:] = 1
    return matrix


def design_ora(
    queries: Mapping[str, Collection[str]],
    library: Mapping[str, Collection[str]],
    *,
    background: int | Collection[str] | None = None,
    min_size: int = 1,
    max_size: int | None = None,
) -> OraDesign:
    """Intersect queries and terms with the background and encode them (see :func:`ora_batch`)."""
    if isinstance(background, bool) or (isinstance(background, int) and background < 1):
        raise ValueError(f"background must be a positive integer, a gene collection or None, not {background!r}.")
    term_genes, term_owner = _flatten(library)
    query_genes, query_owner = _flatten(queries)
    if isinstance(background, int):
        universe = None
        big_n = background
        genes = pd.unique(np.concatenate([term_genes, query_genes]))
    else:
        genes = (
            pd.unique(term_genes)
            if background is None
            else pd.unique(np.array([str(g) for g in background], dtype=object))
        )
        universe = frozenset(genes)
        big_n = len(genes)
    index = pd.Index(sorted(genes, key=_gene_order), dtype=object)
    term_column = index.get_indexer(term_genes)
    query_column = index.get_indexer(query_genes)
    query_names = [str(name) for name in queries]
    dropped: dict[str, list[str]] = {name: [] for name in query_names}
    for owner, gene in zip(query_owner[query_column < 0].tolist(), query_genes[query_column < 0].tolist()):
        dropped[query_names[owner]].append(gene)
    dropped = {name: sorted(set(genes_), key=_gene_order) for name, genes_ in dropped.items()}
    inside = term_column >= 0
    all_terms = _incidence(term_owner[inside], term_column[inside], (len(library), len(index)))
    inside = query_column >= 0
    query_matrix = _incidence(query_owner[inside], query_column[inside], (len(query_names), len(index)))
    sizes = np.diff(all_terms.indptr)
    upper = max_size if max_size is not None else big_n
    tested = np.flatnonzero((sizes > 0) & (sizes >= min_size) & (sizes <= upper))
    term_matrix = all_terms[tested]
    query_sizes = np.diff(query_matrix.indptr)
    largest = max([0, *sizes[tested].tolist(), *query_sizes.tolist()])
    if largest > big_n:
        raise ValueError(
            f"background of {big_n} genes is smaller than a term or query ({largest} genes); "
            "give a larger background or a gene collection."
        )
    return OraDesign(
        genes=index.to_numpy(dtype=object),
        query_names=query_names,
        query_matrix=query_matrix,
        query_sizes=query_sizes,
        terms=np.array(list(library), dtype=object)[tested],
        term_matrix=term_matrix,
        term_sizes=np.diff(term_matrix.indptr),
        background_size=big_n,
        background_genes=universe,
        dropped=dropped,
        library_terms=len(library),
        min_size=min_size,
        max_size=max_size,
    )


# --------------------------------------------------------------------------- engines


def _excluded_pairs(design: OraDesign, exclude: Mapping[str, Collection[str]] | None) -> sparse.csr_matrix | None:
    if not exclude:
        return None
    query_index = {name: i for i, name in enumerate(design.query_names)}
    term_index = {term: i for i, term in enumerate(design.terms)}
    rows, cols = [], []
    for name, terms in exclude.items():
        for term in terms:
            if name in query_index and term in term_index:
                rows.append(query_index[name])
                cols.append(term_index[term])
    if not rows:
        return None
    shape = (len(design.query_names), len(design.terms))
    return sparse.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=shape)


def _distinct_rows(*columns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct rows of equal-length non-negative integer columns, and the inverse index.

    Rows are packed into one int64 key and hashed (``pandas.factorize``), which
    is much faster than ``numpy.unique(axis=0)`` on millions of rows.
    """
    spans = [int(c.max()) + 1 if c.size else 1 for c in columns]
    if np.prod(spans, dtype=float) >= 2.0**62:
        distinct, inverse = np.unique(np.stack(columns, axis=1), axis=0, return_inverse=True)
        return distinct, inverse.reshape(-1)
    key = np.zeros(columns[0].size, dtype=np.int64)
    for column, span in zip(columns, spans):
        key = key * span + column
    codes, keys = pd.factorize(key)
    distinct = np.empty((keys.size, len(columns)), dtype=np.int64)
    for j in range(len(columns) - 1, -1, -1):
        keys, distinct[:, j] = np.divmod(keys, spans[j])
    return distinct, codes


def _hit_genes(design: OraDesign, overlaps: sparse.csr_matrix) -> np.ndarray:
    """Gene columns shared by each (query, term) pair of ``overlaps``, grouped in its row order.

    Every query gene is paired with every tested term containing it; keeping the
    pairs present in ``overlaps`` (it lacks excluded ones) and sorting them by
    (query, term) lists each pair's genes contiguously, in gene order.
    """
    terms = len(design.terms)
    by_gene = design.term_matrix.T.tocsr()
    query_genes = design.query_matrix.indices.astype(np.int64)
    gene_query = np.repeat(np.arange(design.query_matrix.shape[0]), np.diff(design.query_matrix.indptr))
    degree = np.diff(by_gene.indptr)[query_genes]
    first = np.repeat(by_gene.indptr[query_genes], degree)
    offsets = np.arange(first.size) - np.repeat(np.cumsum(degree) - degree, degree)
    pair = np.repeat(gene_query, degree) * terms + by_gene.indices[first + offsets]
    hit_gene = np.repeat(query_genes, degree)
    if pair.size != overlaps.data.sum():
        tested = np.repeat(np.arange(overlaps.shape[0]), np.diff(overlaps.indptr)) * terms + overlaps.indices
        kept = tested[np.minimum(np.searchsorted(tested, pair), tested.size - 1)] == pair
        pair, hit_gene = pair[kept], hit_gene[kept]
    return hit_gene[np.argsort(pair, kind="stable")]


def _joined(labels: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """``";".join`` of consecutive runs of ``labels`` with the given sizes (runs of one are copied, not joined)."""
    ends = np.cumsum(sizes)
    starts = ends - sizes
    out = labels[starts]
    several = np.flatnonzero(sizes > 1)
    if several.size:
        words = labels.tolist()
        out[several] = [";".join(words[a:b]) for a, b in zip(starts[several].tolist(), ends[several].tolist())]
    return out


def _overlap_table(
    design: OraDesign,
    overlaps: sparse.csr_matrix,
    symbols: Mapping[str, str] | None,
    units: UnitIndex | None = None,
    count_units: bool = True,
) -> pd.DataFrame:
    """One row per (query, term) with k >= 1: statistics, BH per query, sorted.

    ``units`` (:func:`~exocargo.enrichment.units.index_units` of the design) names the hits
    (``names`` column) and, with ``count_units``, counts by named units; without units every gene
    is its own unit, which is the gene-level test.
    """
    query_index = np.repeat(np.arange(overlaps.shape[0]), np.diff(overlaps.indptr))
    term_index = overlaps.indices.astype(np.int64)
    k = overlaps.data.astype(np.int64)
    big_k = design.term_sizes[term_index]
    n = design.query_sizes[query_index]
    big_n = design.background_size
    hits = _hit_genes(design, overlaps)
    labels = None if not symbols else np.array([symbols.get(g, g) for g in design.genes], dtype=object)
    hit_names = None
    if units is not None:
        k_units, unit_names = unit_overlaps(units, query_index, k, hits, len(design.genes))
        hit_names = _joined(unit_names, k_units)
    if units is None or not count_units:
        # Distinct (k, K, n) are few: evaluate the tail once per distinct triple.
        distinct, inverse = _distinct_rows(k, big_k, n)
        p = hypergeom_sf(distinct[:, 0], distinct[:, 1], distinct[:, 2], big_n)[inverse]
    else:
        k, n = k_units, units.units_per_query[query_index]
        singles, signature = units.singles_per_query[query_index], units.signature[query_index]
        distinct, inverse = _distinct_rows(signature, k, big_k, singles)
        p = named_units_sf(units.signature_sizes, *distinct.T, big_n)[inverse]
    odds = odds_ratios(k, big_k, n, big_n)
    distinct_overlap, overlap_inverse = _distinct_rows(k, big_k)
    overlap_text = np.array([f"{a}/{b}" for a, b in distinct_overlap], dtype=object)[overlap_inverse]

    # Output order: query (input order), p-value, term name.
    term_rank = np.empty(len(design.terms), dtype=np.int64)
    term_rank[np.argsort(design.terms.astype(str), kind="stable")] = np.arange(len(design.terms))
    distinct_p, p_rank = np.unique(p, return_inverse=True)
    order = np.argsort((query_index * distinct_p.size + p_rank) * len(design.terms) + term_rank[term_index])
    query_index, term_index, k, big_k, n, p, odds = (
        column[order] for column in (query_index, term_index, k, big_k, n, p, odds)
    )
    k_in_pair_order = overlaps.data.astype(np.int64)
    entrez = _joined(design.genes[hits], k_in_pair_order)[order]
    names = entrez if labels is None else _joined(labels[hits], k_in_pair_order)[order]
    hit_names = names if hit_names is None else hit_names[order]
    return pd.DataFrame(
        {
            "query": np.array(design.query_names, dtype=object)[query_index],
            "term": design.terms[term_index],
            "overlap": overlap_text[order],
            "overlap_size": k,
            "term_size": big_k,
            "query_size": n,
            "background_size": np.full(k.size, big_n, dtype=np.int64),
            "p_value": p,
            "adjusted_p_value": adjust_sorted_groups(p, query_index),
            "odds_ratio": odds,
            "combined_score": combined_scores(p, odds),
            "genes": names,
            "entrez_ids": entrez,
            "names": hit_names,
            "term_group": np.full(k.size, "", dtype=object),
        },
        columns=ENRICHMENT_TABLE.columns,
        copy=False,  # the arrays are fresh; consolidating them would copy millions of rows
    )


def run_batch_engine(
    design: OraDesign,
    *,
    exclude: Mapping[str, Collection[str]] | None = None,
    symbols: Mapping[str, str] | None = None,
    units: UnitIndex | None = None,
    count_units: bool = True,
) -> pd.DataFrame:
    """The batch engine on an encoded design (see :func:`ora_batch`); ``units`` as in :func:`_overlap_table`."""
    overlaps = (design.query_matrix @ design.term_matrix.T).tocsr()
    excluded = _excluded_pairs(design, exclude)
    if excluded is not None:
        overlaps = overlaps - overlaps.multiply(excluded)
        overlaps.eliminate_zeros()
    overlaps.sort_indices()
    return _overlap_table(design, overlaps, symbols, units, count_units)


def run_gseapy_engine(
    design: OraDesign,
    *,
    exclude: Mapping[str, Collection[str]] | None = None,
    symbols: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """The reference engine: ``gseapy.enrich`` once per query on the same design.

    gseapy gets the tested terms as a dict (never a path: a path without
    ``.gmt`` is taken for an Enrichr library name) and the background as an
    integer or an explicit gene list, so both engines see the same universe.
    Entrez IDs become integers inside gseapy; the background is passed as
    integers too, or it would not intersect the query.
    """
    import gseapy

    numeric = all(g.isdigit() for g in design.genes)
    convert = int if numeric else str
    terms = {t: [convert(design.genes[j]) for j in design.term_matrix[i].indices] for i, t in enumerate(design.terms)}
    if design.background_genes is None:
        background: int | list = design.background_size
    else:
        background = [convert(g) for g in sorted(design.background_genes, key=_gene_order)]
    frames = []
    for i, name in enumerate(design.query_names):
        query = [str(design.genes[j]) for j in design.query_matrix[i].indices]
        left_out = set((exclude or {}).get(name, ()))
        gene_sets = {t: g for t, g in terms.items() if t not in left_out}
        if not query or not gene_sets:
            continue
        result = getattr(gseapy.enrich(query, gene_sets, background=background, no_plot=True), "res2d", None)
        if result is None or result.empty:
            continue
        size = result["Overlap"].str.split("/", expand=True).astype(np.int64)
        hits = [sorted(str(g).split(";"), key=_gene_order) for g in result["Genes"]]
        labels = [";".join((symbols or {}).get(g, g) for g in h) for h in hits]
        frames.append(
            pd.DataFrame(
                {
                    "query": name,
                    "term": result["Term"].to_numpy(dtype=object),
                    "overlap": result["Overlap"].to_numpy(dtype=object),
                    "overlap_size": size[0].to_numpy(),
                    "term_size": size[1].to_numpy(),
                    "query_size": len(query),
                    "background_size": design.background_size,
                    "p_value": result["P-value"].to_numpy(dtype=float),
                    "adjusted_p_value": result["Adjusted P-value"].to_numpy(dtype=float),
                    "odds_ratio": result["Odds Ratio"].to_numpy(dtype=float),
                    "combined_score": result["Combined Score"].to_numpy(dtype=float),
                    "genes": labels,
                    "entrez_ids": [";".join(h) for h in hits],
                    "names": labels,  # gseapy knows genes, not the names behind them
                    "term_group": "",
                },
                columns=ENRICHMENT_TABLE.columns,
            )
        )
    if not frames:
        return ENRICHMENT_TABLE.empty()
    table = pd.concat(frames, ignore_index=True)
    query_rank = table["query"].map({name: i for i, name in enumerate(design.query_names)})
    order = np.lexsort((table["term"].to_numpy(dtype=str), table["p_value"].to_numpy(), query_rank.to_numpy()))
    return table.iloc[order].reset_index(drop=True)


def ora_batch(
    queries: Mapping[str, Collection[str]],
    library: Mapping[str, Collection[str]],
    *,
    background: int | Collection[str] | None = None,
    min_size: int = 1,
    max_size: int | None = None,
    exclude: Mapping[str, Collection[str]] | None = None,
    symbols: Mapping[str, str] | None = None,
    engine: str = "exocargo",
    units: Mapping[str, Mapping[str, Collection[str]]] | None = None,
    counting: str = "names",
) -> pd.DataFrame:
    """Over-representation of every query in every library term, in one batch.

    Parameters
    ----------
    queries
        ``{query name: genes}``; duplicates within a query count once.
    library
        ``{term: genes}`` with the same identifiers as the queries.
    background
        ``None``: the genes of the library. A gene collection: the universe;
        queries and terms are intersected with it. An integer: the number of
        genes in the universe; nothing is intersected (gseapy's meaning).
    min_size, max_size
        Terms with fewer or more genes (after the background) are not tested
        and do not count in the adjustment.
    exclude
        ``{query name: terms}`` not tested for that query (circularity guard).
    symbols
        ``{gene: label}`` for the ``genes`` column; ``entrez_ids`` keeps the IDs.
    engine
        ``"exocargo"`` (batch) or ``"gseapy"`` (``gseapy.enrich`` per query,
        the reference; same numbers, much slower).
    units
        ``{query name: {input name: genes}}``: the names behind the genes, shown
        in the ``names`` column. ``None``: every gene is its own name.
    counting
        ``"names"``: a name that maps to several genes is one hit
        (:mod:`exocargo.enrichment.units`); ``"genes"``: every gene is a hit
        (the only counting of the gseapy engine). Equal when no name expands.

    Returns
    -------
    pandas.DataFrame
        :data:`ENRICHMENT_TABLE.columns`, one row per query and term sharing at least
        one gene, sorted by query (input order), p-value, term.

    Examples
    --------
    >>> library = {"A": ["1", "2", "3", "4"], "B": ["5", "6", "7", "8", "9", "10"]}
    >>> table = ora_batch({"q": ["1", "2", "3", "11"]}, library, background=100)
    >>> table[["term", "overlap", "query_size"]].to_records(index=False).tolist()
    [('A', '3/4', 4)]
    >>> round(float(table["p_value"][0]), 8)
    9.818e-05
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}.")
    if engine == "gseapy" and units is not None and counting == "names":
        raise ValueError("the gseapy engine counts genes; pass counting='genes' or use the exocargo engine.")
    design = design_ora(queries, library, background=background, min_size=min_size, max_size=max_size)
    if engine == "gseapy":
        return run_gseapy_engine(design, exclude=exclude, symbols=symbols)
    index = (
        None if units is None else index_units(design.genes, design.query_names, design.query_matrix, units, symbols)
    )
    return run_batch_engine(design, exclude=exclude, symbols=symbols, units=index, count_units=counting == "names")
