"""The numbers of one over-representation test, vectorised: the hypergeometric upper tail (exact to
the last bits, also far in the tail where SciPy underflows), Benjamini-Hochberg within groups,
gseapy's odds ratio and Enrichr's combined score.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

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
    adjusted[order] = adjust_sorted_groups(p[order], group[order])
    return adjusted


def adjust_sorted_groups(p: np.ndarray, group: np.ndarray) -> np.ndarray:
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


def is_significant(adjusted_p_values, fdr_threshold: float):
    """The one significance rule of every table, plot and report: adjusted p strictly below the threshold.

    Strict, as in gseapy's and clusterProfiler's cut-offs. Works on a number, an array or a Series.

    >>> bool(is_significant(0.05, 0.05)), bool(is_significant(0.049, 0.05))
    (False, True)
    """
    return np.asarray(adjusted_p_values, dtype=float) < fdr_threshold
