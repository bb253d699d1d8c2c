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

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse

from .files import read_tsv
from .inputs import InputError, read_gene_list
from .mapping import Mapper, map_names_table, used_entrez_ids

ENRICHMENT_COLUMNS = [
    "query",
    "term",
    "overlap",
    "overlap_size",
    "term_size",
    "query_size",
    "background_size",
    "p_value",
    "adjusted_p_value",
    "odds_ratio",
    "combined_score",
    "genes",
    "entrez_ids",
]
COMPARISON_COLUMNS = ["list_id", *ENRICHMENT_COLUMNS, "joint_adjusted_p_value"]
ENGINES = ("exocargo", "gseapy")
BACKGROUNDS = ("library", "protein_coding", "file")
PROTEIN_CODING_LOCUS_TYPE = "gene with protein product"
ADJUSTMENT = (
    "Benjamini-Hochberg within each query and library, over the terms that share at least one gene "
    "with the query (as Enrichr and gseapy.enrich do)"
)

# Below this (relative to the running sum) further tail terms cannot change a double.
_TAIL_TOLERANCE = 1e-17
# Up to this n, log(n!) is summed exactly; above it Stirling's series (error < 1e-16) is used.
_STIRLING_FROM = 30


# --------------------------------------------------------------------------- statistics


def log_factorials(n_max: int) -> np.ndarray:
    """``log(i!)`` for ``i = 0..n_max`` in extended precision.

    ``gammaln`` in double precision loses about 1e-11 absolute at 20,000!,
    which shows up as 1e-10 relative error in p-values; summing in long double
    keeps the hypergeometric tail within about 1e-13 of SciPy's.
    """
    n = np.arange(n_max + 1, dtype=np.longdouble)
    table = np.empty(n_max + 1, dtype=np.longdouble)
    small = min(n_max + 1, _STIRLING_FROM)
    table[:small] = np.concatenate([[0.0], np.cumsum(np.log(n[1:small]))])[:small]
    big = n[small:]
    if big.size:
        inverse = 1 / big
        inverse2 = inverse * inverse
        series = inverse * (
            np.longdouble(1) / 12
            - inverse2 * (np.longdouble(1) / 360 - inverse2 * (np.longdouble(1) / 1260 - inverse2 / 1680))
        )
        table[small:] = big * np.log(big) - big + 0.5 * np.log(2 * np.pi * big) + series
    return table


def _relative_tail(
    start: np.ndarray, big_k: np.ndarray, n: np.ndarray, big_n: int, stop: np.ndarray, direction: int
) -> np.ndarray:
    """``sum(pmf(i) / pmf(start))`` for ``i`` from ``start`` towards ``stop`` (``direction`` +1 or -1).

    Terms shrink away from the mode, so each row stops once a term no longer
    changes its double-precision sum; rows that stopped leave the arrays.
    """
    total = np.ones(start.size)
    rows = np.flatnonzero(start != stop)
    i = start[rows].astype(float)
    big_kf, nf = big_k[rows].astype(float), n[rows].astype(float)
    rest = float(big_n) - big_kf - nf
    last = stop[rows].astype(float)
    term, running = np.ones(rows.size), np.ones(rows.size)
    while rows.size:
        if direction == 1:
            term *= (big_kf - i) * (nf - i) / ((i + 1) * (rest + i + 1))
        else:
            term *= i * (rest + i) / ((big_kf - i + 1) * (nf - i + 1))
        running += term
        i += direction
        going = (i != last) & (term > running * _TAIL_TOLERANCE)
        total[rows[~going]] = running[~going]
        rows, i, big_kf, nf, rest, last, term, running = (
            a[going] for a in (rows, i, big_kf, nf, rest, last, term, running)
        )
    return total


def hypergeom_sf(
    overlap: np.ndarray, term_size: np.ndarray, query_size: np.ndarray, background_size: int
) -> np.ndarray:
    """``P(X >= overlap)`` for ``X ~ Hypergeom(background_size, term_size, query_size)``, vectorised.

    Equal to ``scipy.stats.hypergeom.sf(overlap - 1, background_size, term_size,
    query_size)`` within about 1e-13 relative (checked in the tests), and about
    1,000 times faster for backgrounds of 10,000-20,000 genes: the point
    probability comes from a table of ``log(i!)`` and the tail is summed from the
    side that does not cancel (upper tail above the mode, one minus the lower
    tail below it), one vectorised step per term.

    Examples
    --------
    >>> float(hypergeom_sf(np.array([2]), np.array([10]), np.array([5]), 100)[0])  # doctest: +ELLIPSIS
    0.0768...
    """
    k = np.asarray(overlap, dtype=np.int64)
    big_k = np.asarray(term_size, dtype=np.int64)
    n = np.asarray(query_size, dtype=np.int64)
    big_n = int(background_size)
    if k.size == 0:
        return np.empty(0)
    if np.any(big_k > big_n) or np.any(n > big_n):
        raise ValueError(f"term and query sizes must not exceed the background size ({big_n}).")
    lf = log_factorials(big_n)
    lowest = np.maximum(0, n + big_k - big_n)
    highest = np.minimum(big_k, n)
    mode = ((n + 1) * (big_k + 1)) // (big_n + 2)
    upper = k > mode
    start = np.where(upper, k, np.maximum(k - 1, lowest))
    start = np.minimum(start, highest)
    log_start = (
        lf[big_k]
        - lf[start]
        - lf[big_k - start]
        + lf[big_n - big_k]
        - lf[n - start]
        - lf[big_n - big_k - n + start]
        - (lf[big_n] - lf[n] - lf[big_n - n])
    )
    total = np.ones(k.shape)
    for direction in (1, -1):
        chosen = np.flatnonzero(upper if direction == 1 else ~upper)
        total[chosen] = _relative_tail(
            start[chosen],
            big_k[chosen],
            n[chosen],
            big_n,
            highest[chosen] if direction == 1 else lowest[chosen],
            direction,
        )
    tail = (np.exp(log_start) * total).astype(float)
    lower_tail = np.where(k <= lowest, 0.0, tail)
    return np.where(upper, tail, np.clip(1.0 - lower_tail, 0.0, 1.0))


def benjamini_hochberg(p_values: Sequence[float] | np.ndarray, groups: np.ndarray | None = None) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values, separately within each group.

    The arithmetic is gseapy's (``p / (rank / m)``, then the running minimum
    from the largest p, capped at 1); it equals
    ``scipy.stats.false_discovery_control(p)`` up to rounding (checked in the tests).

    Examples
    --------
    >>> benjamini_hochberg([0.01, 0.04, 0.03]).round(3).tolist()
    [0.03, 0.04, 0.04]
    """
    p = np.asarray(p_values, dtype=float)
    group = np.zeros(p.size, dtype=np.int64) if groups is None else np.asarray(groups)
    order = np.lexsort((p, group))
    adjusted = np.empty(p.size)
    adjusted[order] = _adjust_sorted(p[order], group[order])
    return adjusted


def _adjust_sorted(p: np.ndarray, group: np.ndarray) -> np.ndarray:
    """BH of p-values already sorted ascending within contiguous groups."""
    if p.size == 0:
        return np.empty(0)
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    sizes = np.diff(np.r_[starts, p.size])
    rank = np.arange(p.size) - np.repeat(starts, sizes) + 1
    raw = np.minimum(p / (rank / np.repeat(sizes, sizes)), 1.0)
    if starts.size == 1:
        return np.minimum.accumulate(raw[::-1])[::-1]
    return pd.Series(raw[::-1]).groupby(group[::-1], sort=False).cummin().to_numpy()[::-1]


def odds_ratios(overlap, term_size, query_size, background_size) -> np.ndarray:
    """gseapy's odds ratio with the Haldane-Anscombe correction (+0.5 in every cell)."""
    k, big_k, n = (np.asarray(v, dtype=np.int64) for v in (overlap, term_size, query_size))
    return ((k + 0.5) * (background_size - big_k - n + k + 0.5)) / ((big_k - k + 0.5) * (n - k + 0.5))


def combined_scores(p_values, odds) -> np.ndarray:
    """Enrichr's combined score ``-ln(p) * odds_ratio``."""
    with np.errstate(divide="ignore"):
        return -1 * np.log(np.asarray(p_values, dtype=float)) * np.asarray(odds, dtype=float)


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


def _overlap_table(design: OraDesign, overlaps: sparse.csr_matrix, symbols: Mapping[str, str] | None) -> pd.DataFrame:
    """One row per (query, term) with k >= 1: statistics, BH per query, sorted."""
    query_index = np.repeat(np.arange(overlaps.shape[0]), np.diff(overlaps.indptr))
    term_index = overlaps.indices.astype(np.int64)
    k = overlaps.data.astype(np.int64)
    big_k = design.term_sizes[term_index]
    n = design.query_sizes[query_index]
    big_n = design.background_size
    # Distinct (k, K, n) are few: evaluate the tail once per distinct triple.
    distinct, inverse = _distinct_rows(k, big_k, n)
    p = hypergeom_sf(distinct[:, 0], distinct[:, 1], distinct[:, 2], big_n)[inverse]
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
    hits = _hit_genes(design, overlaps)
    k_in_pair_order = overlaps.data.astype(np.int64)
    entrez = _joined(design.genes[hits], k_in_pair_order)[order]
    if symbols:
        labels = np.array([symbols.get(g, g) for g in design.genes], dtype=object)
        names = _joined(labels[hits], k_in_pair_order)[order]
    else:
        names = entrez
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
            "adjusted_p_value": _adjust_sorted(p, query_index),
            "odds_ratio": odds,
            "combined_score": combined_scores(p, odds),
            "genes": names,
            "entrez_ids": entrez,
        },
        columns=ENRICHMENT_COLUMNS,
        copy=False,  # the arrays are fresh; consolidating them would copy millions of rows
    )


def run_batch_engine(
    design: OraDesign,
    *,
    exclude: Mapping[str, Collection[str]] | None = None,
    symbols: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """The batch engine on an encoded design (see :func:`ora_batch`)."""
    overlaps = (design.query_matrix @ design.term_matrix.T).tocsr()
    excluded = _excluded_pairs(design, exclude)
    if excluded is not None:
        overlaps = overlaps - overlaps.multiply(excluded)
        overlaps.eliminate_zeros()
    overlaps.sort_indices()
    return _overlap_table(design, overlaps, symbols)


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
                    "genes": [";".join((symbols or {}).get(g, g) for g in h) for h in hits],
                    "entrez_ids": [";".join(h) for h in hits],
                },
                columns=ENRICHMENT_COLUMNS,
            )
        )
    if not frames:
        return pd.DataFrame(columns=ENRICHMENT_COLUMNS)
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

    Returns
    -------
    pandas.DataFrame
        :data:`ENRICHMENT_COLUMNS`, one row per query and term sharing at least
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
    design = design_ora(queries, library, background=background, min_size=min_size, max_size=max_size)
    run = run_batch_engine if engine == "exocargo" else run_gseapy_engine
    return run(design, exclude=exclude, symbols=symbols)


# --------------------------------------------------------------------------- workflow helpers


def queries_from_mapping(mapping: pd.DataFrame, *, include_ambiguous: bool = False) -> dict[str, list[str]]:
    """``{query: Entrez IDs}`` from a mapping table, every query kept (even with no gene)."""
    return {
        query: used_entrez_ids(rows, include_ambiguous=include_ambiguous)
        for query, rows in mapping.groupby("query", sort=False)
    }


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


@dataclass(frozen=True)
class EnrichmentOptions:
    """The keys of the config's ``enrichment:`` section that change the test (the rest are for plots and jobs)."""

    engine: str = "exocargo"
    background: str = "library"
    min_size: int = 5
    max_size: int | None = 2000
    fdr_threshold: float = 0.05

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
) -> tuple[pd.DataFrame, dict]:
    """ORA of one list's queries against one library: the result table and its sidecar record.

    ``source`` is the list's ``.source.json`` (``kind``, ``pfocr.figid``),
    ``library_summary`` the library's ``.translation.json`` (its ``library``
    record gives name, source and version). The sidecar holds everything
    needed to read the table: background and its size, query genes dropped
    because they are not in the background, library version, terms tested,
    size limits, engine and circularity exclusions.
    """
    universe, description = background_genes(options.background, genes=genes, file_genes=file_genes)
    design = design_ora(queries, library, background=universe, min_size=options.min_size, max_size=options.max_size)
    record = library_summary["library"]
    circular = is_pfocr_library(record["name"], record["source"]) and source.get("kind") == "pfocr"
    exclusions: dict[str, dict[str, str]] = {}
    if circular:
        figid = source["pfocr"]["figid"]
        exclusions = {name: circular_terms(figid, genes_, library, design) for name, genes_ in queries.items()}
    symbols = dict(zip(genes["entrez_id"], genes["symbol"]))
    run = run_batch_engine if options.engine == "exocargo" else run_gseapy_engine
    table = run(design, exclude={q: list(t) for q, t in exclusions.items()}, symbols=symbols)
    rows = table.groupby("query", sort=False).size()
    hits = table[table["adjusted_p_value"] < options.fdr_threshold].groupby("query", sort=False).size()
    engine = options.engine
    if engine == "gseapy":
        import gseapy

        engine = f"gseapy {gseapy.__version__}"
    sidecar = {
        "list_id": list_id,
        "library": dict(record),
        "library_translation": {key: value for key, value in library_summary.items() if key != "library"},
        "engine": engine,
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
        "queries": {
            name: {
                "genes": len(set(queries[name])),
                "in_background": int(design.query_sizes[i]),
                "dropped": design.dropped[name],
                "dropped_symbols": [symbols.get(g, g) for g in design.dropped[name]],
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


ENRICHMENT_TYPES = {
    "overlap_size": int,
    "term_size": int,
    "query_size": int,
    "background_size": int,
    "p_value": float,
    "adjusted_p_value": float,
    "odds_ratio": float,
    "combined_score": float,
}


def read_enrichment(path: str | Path) -> pd.DataFrame:
    """An enrichment table written by the workflow, numbers as numbers."""
    return read_tsv(path).astype(ENRICHMENT_TYPES)


def compare_lists(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """All lists' results against one library in one table, with a joint FDR.

    ``joint_adjusted_p_value`` is Benjamini-Hochberg over every test of every
    list (each row of each table). The lists must share one background,
    which the workflow guarantees (the background depends on the library and
    the config, never on the list); a mismatch is an error.
    """
    frames = [table.assign(list_id=list_id) for list_id, table in tables.items() if not table.empty]
    if not frames:
        return pd.DataFrame(columns=COMPARISON_COLUMNS)
    joined = pd.concat(frames, ignore_index=True)
    sizes = sorted(set(joined["background_size"].astype(int)))
    if len(sizes) > 1:
        raise ValueError(f"lists were tested against different backgrounds ({sizes}); a comparison needs one.")
    joined["joint_adjusted_p_value"] = benjamini_hochberg(joined["p_value"].to_numpy(dtype=float))
    list_rank = joined["list_id"].map({list_id: i for i, list_id in enumerate(tables)})
    order = np.lexsort(
        (joined["term"].to_numpy(dtype=str), list_rank.to_numpy(), joined["p_value"].to_numpy(dtype=float))
    )
    return joined.iloc[order][COMPARISON_COLUMNS].reset_index(drop=True)
