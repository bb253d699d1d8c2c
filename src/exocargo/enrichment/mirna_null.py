"""Pathway enrichment of a miRNA set's targets, against a null that keeps target-count bias.

The plain test pools the validated targets of the miRNAs and runs a one-sided
hypergeometric test per term. It calls random miRNA sets significant: miRNAs
with many known targets hit the well-studied genes, which crowd the same
pathways (Bleazard et al. 2015, doi:10.1093/bioinformatics/btv023; Godard and
van Eyll 2015, doi:10.1093/bioinformatics/btv040). So each term also gets an
empirical p-value: the same statistic for random sets of human miRNAs, each
drawn from the target-count bin of the miRNA it replaces.

Universe: genes that are both in the library and a target of some miRNA in
the miRTarBase table used. ``p_value`` is the plain hypergeometric p; ``empirical_p_value`` is
``(1 + #{random sets scoring at least as high}) / (1 + permutations)``, the
score being the overlap's hypergeometric z (:func:`overlap_z`). Both get
Benjamini-Hochberg adjusted columns.

Example
-------
>>> pairs = pd.DataFrame({"mirna": ["a", "a", "b", "c"], "target_entrez": ["1", "2", "2", "3"]})
>>> table = mirna_set_enrichment({"a": ["a"]}, pairs, {"T": ["1", "2"]}, permutations=10, seed=1, min_size=1)
>>> table[["term", "overlap_size", "target_count"]].values.tolist()
[['T', 2, 2]]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from exocargo.enrichment.stats import benjamini_hochberg, hypergeom_sf
from exocargo.tables import MIRNA_ENRICHMENT_TABLE


def overlap_z(overlap: np.ndarray, term_size: np.ndarray, targets: np.ndarray | int, background: int) -> np.ndarray:
    """Hypergeometric z-score of an overlap: the permutation statistic.

    Any statistic gives a valid permutation p-value when observed and random
    sets are scored alike; this one, unlike the overlap count, allows for sets
    of different sizes, and unlike the exact p-value it is cheap to compute a
    million times.
    """
    fraction = term_size / background
    expected = targets * fraction
    variance = targets * fraction * (1 - fraction) * (background - targets) / max(background - 1, 1)
    return (overlap - expected) / np.sqrt(np.maximum(variance, 1e-12))


def _row(matrix: sparse.csr_matrix, row: int) -> np.ndarray:
    """Column indices of one CSR row (slicing the matrix per row is slow)."""
    return matrix.indices[matrix.indptr[row] : matrix.indptr[row + 1]]


def target_count_bins(counts: np.ndarray, bins: int) -> np.ndarray:
    """Upper edges of ``bins`` quantile bins of target counts (ties share a bin)."""
    return np.unique(np.quantile(counts, np.linspace(0, 1, bins + 1)[1:]))


def _matched_draws(
    unit_counts: np.ndarray,
    pool: np.ndarray,
    pool_counts: np.ndarray,
    *,
    bins: int,
    permutations: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """``permutations x units`` indices into the miRNA matrix, each from its unit's target-count bin."""
    edges = target_count_bins(pool_counts, bins)
    pool_bin = np.minimum(np.searchsorted(edges, pool_counts), len(edges) - 1)
    unit_bin = np.minimum(np.searchsorted(edges, unit_counts), len(edges) - 1)
    draws = np.empty((permutations, len(unit_counts)), dtype=np.int64)
    for bin_index in np.unique(unit_bin):
        units = np.flatnonzero(unit_bin == bin_index)
        members = pool[pool_bin == bin_index]
        replace = len(members) < len(units)
        for b in range(permutations):
            draws[b, units] = rng.choice(members, size=len(units), replace=replace)
    return draws


@dataclass(frozen=True)
class TargetSets:
    """miRTarBase targets and library terms as matrices over one gene universe.

    It depends on the database and the library only, not on the list: a batch job builds it
    once per library (:func:`target_sets`) and tests every list's miRNAs against it.
    """

    universe: list[str]  # Entrez IDs in the library that some miRNA targets
    mirnas: list[str]
    mirna_index: dict[str, int]
    targets: sparse.csr_matrix  # miRNAs x universe
    term_names: list[str]  # terms with min_size..max_size universe genes
    membership: sparse.csr_matrix  # terms x universe

    @property
    def term_sizes(self) -> np.ndarray:
        return np.asarray(self.membership.sum(axis=1)).ravel()


# The last indexes built, with the objects they were built from (held, so their ids stay theirs).
_BUILT: dict[tuple, tuple[object, object, TargetSets]] = {}


def target_sets(pairs: pd.DataFrame, library: dict[str, list[str]], *, min_size: int, max_size: int) -> TargetSets:
    """The :class:`TargetSets` of ``pairs`` and ``library``, built once for the same two objects."""
    key = (id(pairs), id(library), min_size, max_size)
    if key in _BUILT:
        return _BUILT[key][2]
    universe = sorted({g for genes in library.values() for g in genes} & set(pairs["target_entrez"]))
    gene_index = {g: i for i, g in enumerate(universe)}
    kept = pairs[pairs["target_entrez"].isin(gene_index)]
    mirnas = sorted(set(kept["mirna"]))
    mirna_index = {m: i for i, m in enumerate(mirnas)}
    targets = sparse.csr_matrix(
        (np.ones(len(kept), dtype=bool), (kept["mirna"].map(mirna_index), kept["target_entrez"].map(gene_index))),
        shape=(len(mirnas), len(universe)),
    )
    terms = {t: [gene_index[g] for g in genes if g in gene_index] for t, genes in library.items()}
    terms = {t: rows for t, rows in terms.items() if min_size <= len(rows) <= max_size}
    term_names = list(terms)
    membership = sparse.csr_matrix(
        (
            np.ones(sum(len(r) for r in terms.values()), dtype=np.int32),
            (
                np.repeat(np.arange(len(term_names)), [len(terms[t]) for t in term_names]).astype(np.int64),
                np.concatenate([terms[t] for t in term_names]).astype(np.int64) if terms else np.zeros(0, np.int64),
            ),
        ),
        shape=(len(term_names), len(universe)),
    )
    built = TargetSets(universe, mirnas, mirna_index, targets, term_names, membership)
    if len(_BUILT) >= 8:
        _BUILT.clear()
    _BUILT[key] = (pairs, library, built)
    return built


def mirna_set_enrichment(
    cargo: dict[str, list[str]],
    pairs: pd.DataFrame,
    library: dict[str, list[str]],
    *,
    permutations: int = 1000,
    seed: int = 0,
    bins: int = 10,
    min_size: int = 5,
    max_size: int = 2000,
    library_name: str = "",
    symbols: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Plain and target-count-matched permutation p-values per term.

    Parameters
    ----------
    cargo
        Cargo name -> its miRTarBase miRNA names (``hsa-miR-21`` -> both arms).
    pairs
        miRNA-target pairs with columns ``mirna`` and ``target_entrez``.
    library
        Term -> Entrez IDs.
    permutations, seed, bins
        Random sets drawn, the generator seed, and the number of target-count bins.

    Returns a ``MIRNA_ENRICHMENT_TABLE.columns`` table of the terms hit by the
    cargo's targets, most significant (empirical, then plain) first.
    """
    if not cargo:  # most lists carry no miRNA: skip indexing the whole database for nothing
        return MIRNA_ENRICHMENT_TABLE.empty()
    sets = target_sets(pairs, library, min_size=min_size, max_size=max_size)
    universe, mirnas, mirna_index, targets = sets.universe, sets.mirnas, sets.mirna_index, sets.targets
    units = {name: [mirna_index[m] for m in names if m in mirna_index] for name, names in cargo.items()}
    units = {name: rows for name, rows in units.items() if rows}
    if not units or not sets.term_names:
        return MIRNA_ENRICHMENT_TABLE.empty()
    term_names, membership, term_sizes = sets.term_names, sets.membership, sets.term_sizes
    big_n = len(universe)

    observed = np.asarray(targets[sorted({r for rows in units.values() for r in rows})].sum(axis=0)).ravel() > 0
    overlap = membership @ observed.astype(np.int32)
    hit = np.flatnonzero(overlap > 0)
    if hit.size == 0:
        return MIRNA_ENRICHMENT_TABLE.empty()
    target_count = int(observed.sum())
    p_observed = hypergeom_sf(overlap[hit], term_sizes[hit], np.full(hit.size, target_count), big_n)

    # Null: one random miRNA per cargo unit, from the unit's target-count bin; cargo miRNAs are not drawn.
    per_mirna = np.asarray(targets.sum(axis=1)).ravel()
    unit_counts = np.array([len(set(np.concatenate([_row(targets, r) for r in rows]))) for rows in units.values()])
    pool = np.setdiff1d(np.arange(len(mirnas)), [r for rows in units.values() for r in rows])
    rng = np.random.default_rng(seed)
    draws = _matched_draws(unit_counts, pool, per_mirna[pool], bins=bins, permutations=permutations, rng=rng)
    chosen = sparse.csr_matrix(
        (np.ones(draws.size, dtype=np.int32), (np.repeat(np.arange(permutations), draws.shape[1]), draws.ravel())),
        shape=(permutations, len(mirnas)),
    )
    null_union = (chosen @ targets.astype(np.int32)) > 0
    null_counts = np.asarray(null_union.sum(axis=1)).ravel()
    null_overlap = (null_union.astype(np.int32) @ membership[hit].T).toarray()
    z_observed = overlap_z(overlap[hit], term_sizes[hit], target_count, big_n)
    z_null = overlap_z(null_overlap, term_sizes[hit][None, :], null_counts[:, None], big_n)
    as_extreme = (z_null >= z_observed[None, :] - 1e-9).sum(axis=0)
    empirical = (1 + as_extreme) / (1 + permutations)

    gene_names = np.array([(symbols or {}).get(g, g) for g in universe], dtype=object)
    observed_genes = observed.astype(bool)
    rows = []
    for position, term_row in enumerate(hit):
        members = _row(membership, term_row)
        genes = members[observed_genes[members]]
        rows.append(
            {
                "library": library_name,
                "term": term_names[term_row],
                "overlap_size": int(overlap[term_row]),
                "term_size": int(term_sizes[term_row]),
                "target_count": target_count,
                "background_size": big_n,
                "p_value": float(p_observed[position]),
                "empirical_p_value": float(empirical[position]),
                "permutations": permutations,
                "seed": seed,
                "mirnas": ";".join(units),
                "genes": ";".join(sorted(gene_names[genes])),
            }
        )
    table = pd.DataFrame(rows)
    table["adjusted_p_value"] = benjamini_hochberg(table["p_value"].to_numpy())
    table["empirical_adjusted_p_value"] = benjamini_hochberg(table["empirical_p_value"].to_numpy())
    return (
        table[MIRNA_ENRICHMENT_TABLE.columns]
        .sort_values(["empirical_p_value", "p_value", "term"])
        .reset_index(drop=True)
    )
