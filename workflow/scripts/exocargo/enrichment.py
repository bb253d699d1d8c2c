"""Over-representation analysis (one-sided hypergeometric test).

For each query and term: ``k`` genes of the query are in the term, the term
has ``K`` genes, the query has ``n`` genes in the background of ``N`` genes.
``p = P(X >= k)`` for ``X ~ Hypergeom(N, K, n)``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import false_discovery_control, hypergeom

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


def run_ora(
    queries: dict[str, list[str]],
    library: dict[str, list[str]],
    *,
    background: set[str] | None = None,
    symbols: dict[str, str] | None = None,
    min_size: int = 1,
    max_size: int = 100000,
) -> pd.DataFrame:
    """Test every query against every term of ``library`` (Entrez IDs)."""
    universe = background if background is not None else {g for genes in library.values() for g in genes}
    terms = {t: set(g) & universe for t, g in library.items()}
    terms = {t: g for t, g in terms.items() if min_size <= len(g) <= max_size}
    big_n = len(universe)
    rows = []
    for query, genes in queries.items():
        q = set(genes) & universe
        n = len(q)
        for term, term_genes in terms.items():
            hits = sorted(q & term_genes, key=int)
            k = len(hits)
            if k == 0:
                continue
            big_k = len(term_genes)
            p = float(hypergeom.sf(k - 1, big_n, big_k, n))
            a, b, c = k, n - k, big_k - k
            d = big_n - big_k - n + k
            odds = (a * d) / max(b * c, 1e-300) if b * c else float("inf")
            rows.append(
                {
                    "query": query,
                    "term": term,
                    "overlap": f"{k}/{big_k}",
                    "overlap_size": k,
                    "term_size": big_k,
                    "query_size": n,
                    "background_size": big_n,
                    "p_value": p,
                    "odds_ratio": odds,
                    "combined_score": -np.log(max(p, 1e-300)) * odds if np.isfinite(odds) else np.inf,
                    "genes": ";".join((symbols or {}).get(h, h) for h in hits),
                    "entrez_ids": ";".join(hits),
                }
            )
    table = pd.DataFrame(rows, columns=[c for c in ENRICHMENT_COLUMNS if c != "adjusted_p_value"])
    table["adjusted_p_value"] = np.nan
    for index in table.groupby("query").groups.values():
        table.loc[index, "adjusted_p_value"] = false_discovery_control(table.loc[index, "p_value"].to_numpy())
    return table[ENRICHMENT_COLUMNS].sort_values(["query", "p_value", "term"]).reset_index(drop=True)
