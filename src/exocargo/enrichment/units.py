"""Counting by named units: a name that maps to several genes (a family word such as ``HSP70``)
is one hit and one member of the query, not one per gene.

The statistic (``docs/enrichment.md`` derives it). A query's names split its genes into
disjoint units: a named gene is a *single*, a name of several genes is a *family*. For a term of
``K`` genes in a background of ``N``:

- the ``s`` singles hit the term ``X`` times, ``X ~ Hypergeom(N, K, s)``: the gene-level test;
- each family of ``m`` genes hits it (any member in the term) with the chance that ``m`` random
  background genes touch the term, ``pi(m) = 1 - C(N-K, m) / C(N, m)``, independently;
- the overlap is ``k = X + (families hit)``, and ``p = P(X + F >= k)`` with ``F`` the
  Poisson-binomial sum of the families' Bernoulli(``pi``) draws.

A family therefore costs as much chance as its size and counts once: a 16-gene family in a term
is about as surprising as one gene in a term 16 times larger. With no family, ``p`` is exactly
the gene-level hypergeometric tail (gseapy's). The rows show ``k`` and the query size in units;
the sidecar lists each query's families and their sizes, so every p-value can be recomputed.

Units are built per query from the mapping table: a name's genes inside the background; a gene
named on its own leaves any family that also holds it (``HSPA8`` and ``HSP70`` in one list are two
units, ``HSP70`` without HSPA8); several names of one gene (``TP53``, ``p53``) are one single;
family names that share genes are merged into one family (``HSP70/HSPA``). A query gene no name
claims (a plain gene list given to the API) is a single.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from exocargo.enrichment.stats import hypergeom_sf, log_factorials

UNIT_SEPARATOR = "/"  # between the names that form one unit


@dataclass(frozen=True)
class UnitIndex:
    """Every (query, gene) of a design with the unit it belongs to."""

    keys: np.ndarray  # sorted query * genes + gene column
    unit_of_key: np.ndarray  # unit id of each key
    names: np.ndarray  # name of each unit
    units_per_query: np.ndarray  # singles + families
    singles_per_query: np.ndarray
    signature: np.ndarray  # per query: row of signature_sizes holding its family sizes (0: no family)
    signature_sizes: np.ndarray  # signatures x most families, genes per family (0 = none)
    families: dict[str, dict[str, int]]  # {query: {family name: genes}}, for the sidecar


def _partition(named: Mapping[str, Collection[int]], query_columns: set[int]) -> list[tuple[str, set[int]]]:
    """Disjoint units of one query's named genes; see the module docstring for the rules."""
    singles: dict[int, list[str]] = {}
    families: list[tuple[list[str], set[int]]] = []
    for name, columns in named.items():
        inside = set(columns) & query_columns
        if len(inside) == 1:
            singles.setdefault(next(iter(inside)), []).append(name)
        elif inside:
            families.append(([name], inside))
    merged: list[tuple[list[str], set[int]]] = []
    for names, columns in families:
        columns = columns - singles.keys()
        if not columns:
            continue
        for other in [m for m in merged if m[1] & columns]:
            merged.remove(other)
            names, columns = other[0] + names, other[1] | columns
        merged.append((names, columns))
    units = [(UNIT_SEPARATOR.join(dict.fromkeys(names)), {column}) for column, names in singles.items()]
    return units + [(UNIT_SEPARATOR.join(dict.fromkeys(names)), columns) for names, columns in merged]


def index_units(
    genes: np.ndarray,
    query_names: list[str],
    query_matrix,
    units: Mapping[str, Mapping[str, Collection[str]]],
    labels: Mapping[str, str] | None = None,
) -> UnitIndex:
    """The unit of every gene of every query (``genes`` are the design's columns).

    Vectorised for names of one gene; only queries holding a name of several genes go through
    :func:`_partition`.
    """
    width, count = len(genes), len(query_names)
    position = {query: q for q, query in enumerate(query_names)}
    name_list: list[str] = []
    name_query: list[int] = []
    lengths: list[int] = []
    members: list[str] = []
    for query, named in units.items():
        q = position.get(query)
        if q is None:
            continue
        for name, genes_ in named.items():
            name_list.append(name)
            name_query.append(q)
            lengths.append(len(genes_))
            members += map(str, genes_)
    name_of_query = np.asarray(name_query, dtype=np.int64)
    member_name = np.repeat(np.arange(len(name_list), dtype=np.int64), np.asarray(lengths, dtype=np.int64))
    columns = pd.Index(genes, dtype=object).get_indexer(np.asarray(members, dtype=object))
    query_keys = np.sort(
        np.repeat(np.arange(count, dtype=np.int64), np.diff(query_matrix.indptr)) * width + query_matrix.indices
    )
    keys = name_of_query[member_name] * width + columns if member_name.size else np.empty(0, dtype=np.int64)
    inside = (columns >= 0) & np.isin(keys, query_keys)
    pairs = pd.DataFrame({"name": member_name[inside], "key": keys[inside]}).drop_duplicates()
    genes_per_name = np.bincount(pairs["name"].to_numpy(), minlength=len(name_list))
    complex_query = np.zeros(count, dtype=bool)
    complex_query[name_of_query[genes_per_name > 1]] = True

    unit_keys: list[np.ndarray] = []
    unit_ids: list[np.ndarray] = []
    unit_names: list[str] = []
    unit_query: list[int] = []
    unit_size: list[int] = []
    # Queries whose names are all single genes: one unit per gene, several names of it joined.
    simple = pairs[~complex_query[name_of_query[pairs["name"].to_numpy()]]]
    codes, distinct_keys = pd.factorize(simple["key"].to_numpy())
    if distinct_keys.size:
        simple_names = simple["name"].to_numpy()
        first = np.unique(codes, return_index=True)[1]  # codes count up in order of first appearance
        names = [name_list[n] for n in simple_names[first].tolist()]
        shared = np.isin(codes, np.flatnonzero(np.bincount(codes) > 1))
        joined: dict[int, list[str]] = {}
        for code, name in zip(codes[shared].tolist(), simple_names[shared].tolist()):
            joined.setdefault(code, []).append(name_list[name])
        for code, several in joined.items():
            names[code] = UNIT_SEPARATOR.join(dict.fromkeys(several))
        unit_keys.append(np.asarray(distinct_keys, dtype=np.int64))
        unit_ids.append(np.arange(distinct_keys.size, dtype=np.int64))
        unit_names += names
        unit_query += (np.asarray(distinct_keys, dtype=np.int64) // width).tolist()
        unit_size += [1] * distinct_keys.size
    # Queries with a name of several genes: the partition rules, query by query.
    families: dict[str, dict[str, int]] = {}
    complex_pairs = pairs[complex_query[name_of_query[pairs["name"].to_numpy()]]]
    for q, group in complex_pairs.groupby(name_of_query[complex_pairs["name"].to_numpy()], sort=True):
        named: dict[str, list[int]] = {}
        for name, key in zip(group["name"].tolist(), group["key"].tolist()):
            named.setdefault(name_list[name], []).append(key % width)
        query_columns = {column for columns in named.values() for column in columns}
        for name, unit_columns in _partition(named, query_columns):
            unit = len(unit_names)
            unit_keys.append(np.asarray(sorted(q * width + c for c in unit_columns), dtype=np.int64))
            unit_ids.append(np.full(len(unit_columns), unit, dtype=np.int64))
            unit_names.append(name)
            unit_query.append(int(q))
            unit_size.append(len(unit_columns))
            if len(unit_columns) > 1:
                families.setdefault(query_names[int(q)], {})[name] = len(unit_columns)
    # Query genes that no name claims (a plain gene list): each its own unit, named by its label.
    claimed = np.concatenate(unit_keys) if unit_keys else np.empty(0, dtype=np.int64)
    unclaimed = query_keys[~np.isin(query_keys, claimed)]
    if unclaimed.size:
        labels = labels or {}
        first = len(unit_names)
        unit_keys.append(unclaimed)
        unit_ids.append(np.arange(first, first + unclaimed.size, dtype=np.int64))
        unit_names += [labels.get(g, g) for g in genes[unclaimed % width].tolist()]
        unit_query += (unclaimed // width).tolist()
        unit_size += [1] * unclaimed.size
    all_keys = np.concatenate(unit_keys) if unit_keys else np.empty(0, dtype=np.int64)
    all_ids = np.concatenate(unit_ids) if unit_ids else np.empty(0, dtype=np.int64)
    order = np.argsort(all_keys, kind="stable")
    owner, size = np.asarray(unit_query, dtype=np.int64), np.asarray(unit_size, dtype=np.int64)
    most = max([0, *map(len, families.values())])
    sizes_of_query = np.zeros((count, most), dtype=np.int64)
    for query, sizes in families.items():
        sizes_of_query[position[query], : len(sizes)] = sorted(sizes.values())
    signature_sizes, signature = np.unique(sizes_of_query, axis=0, return_inverse=True)
    if not families:
        signature_sizes, signature = np.zeros((1, 0), dtype=np.int64), np.zeros(count, dtype=np.int64)
    return UnitIndex(
        keys=all_keys[order],
        unit_of_key=all_ids[order],
        names=np.asarray(unit_names, dtype=object),
        units_per_query=np.bincount(owner, minlength=count),
        singles_per_query=np.bincount(owner[size == 1], minlength=count),
        signature=signature.reshape(-1),
        signature_sizes=signature_sizes,
        families=families,
    )


def unit_overlaps(
    index: UnitIndex, pair_query: np.ndarray, k_genes: np.ndarray, hit_columns: np.ndarray, width: int
) -> tuple[np.ndarray, np.ndarray]:
    """Units hit per (query, term) pair, and the names of those units, pair after pair.

    ``hit_columns`` are the hit genes of every pair, pair after pair (``k_genes`` per pair); a
    family hit by several of its genes is kept once, at its first gene.
    """
    pair_of_hit = np.repeat(np.arange(pair_query.size, dtype=np.int64), k_genes)
    keys = np.repeat(pair_query.astype(np.int64), k_genes) * width + hit_columns.astype(np.int64)
    units = index.unit_of_key[np.searchsorted(index.keys, keys)]
    if index.families:
        first = ~pd.Index(pair_of_hit * max(1, index.names.size) + units).duplicated()
        pair_of_hit, units = pair_of_hit[first], units[first]
    return np.bincount(pair_of_hit, minlength=pair_query.size), index.names[units]


def _singles_sf(hits: np.ndarray, big_k: np.ndarray, singles: np.ndarray, big_n: int) -> np.ndarray:
    """``P(X >= hits)`` for ``X ~ Hypergeom(N, K, singles)``, 1 for ``hits <= 0``, 0 above the maximum."""
    p = np.where(hits <= 0, 1.0, 0.0)
    rows = np.flatnonzero((hits > 0) & (hits <= np.minimum(big_k, singles)))
    if rows.size:
        p[rows] = hypergeom_sf(hits[rows], big_k[rows], singles[rows], big_n)
    return p


def named_units_sf(
    signature_sizes: np.ndarray,
    signature: np.ndarray,
    k: np.ndarray,
    big_k: np.ndarray,
    singles: np.ndarray,
    big_n: int,
) -> np.ndarray:
    """The p-value of each row under counting by named units (module docstring).

    A row is a query's overlap ``k`` with a term of ``K`` genes; ``singles`` is the query's single
    units and ``signature_sizes[signature]`` the gene counts of its families (0 = none).
    """
    k, big_k, singles = (np.asarray(v, dtype=np.int64) for v in (k, big_k, singles))
    family_count = (signature_sizes > 0).sum(axis=1)[signature]
    p = np.empty(k.size)
    lf = log_factorials(big_n)
    for f in np.unique(family_count).tolist():
        rows = np.flatnonzero(family_count == f)
        if f == 0:
            p[rows] = _singles_sf(k[rows], big_k[rows], singles[rows], big_n)
            continue
        sizes = np.sort(signature_sizes[signature[rows]], axis=1)[:, -f:]
        outside = (big_n - big_k[rows])[:, None]
        # C(N-K, m) / C(N, m): the chance that m random genes all miss the term.
        room = outside - sizes
        log_miss = np.where(
            room >= 0, lf[outside] - lf[np.maximum(room, 0)] - lf[big_n] + lf[big_n - sizes], -np.inf
        ).astype(float)
        chance = -np.expm1(log_miss)
        pmf = np.zeros((rows.size, f + 1))
        pmf[:, 0] = 1.0
        for j in range(f):  # Poisson-binomial distribution of the families hit
            shifted = pmf[:, :-1] * chance[:, j : j + 1]
            pmf *= 1.0 - chance[:, j : j + 1]
            pmf[:, 1:] += shifted
        total = np.zeros(rows.size)
        for j in range(f + 1):
            total += pmf[:, j] * _singles_sf(k[rows] - j, big_k[rows], singles[rows], big_n)
        p[rows] = np.clip(total, 0.0, 1.0)
    return p
