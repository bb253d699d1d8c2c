"""Groups of significant terms that rest on the same hit genes (GO parents and children, KEGG
disease maps sharing one signalling core), so a reader sees ten terms as one finding.

Within each query, significant terms are taken from the best p-value down; a term joins the first
group whose leading term shares at least ``min_jaccard`` of their hit genes (Jaccard index of the
two hit sets), else it leads a new group. This is the greedy form of the term clustering that
Metascape and enrichment maps use (similarity over hit genes, not over whole terms: two large GO
terms may share little, yet rest on the same three genes of this list). Deterministic: ties are
broken by the table's order.

>>> import pandas as pd
>>> table = pd.DataFrame({"query": ["q"] * 3, "term": ["A", "A child", "B"],
...     "adjusted_p_value": [0.001, 0.002, 0.003], "entrez_ids": ["1;2;3", "1;2", "7;8"]})
>>> term_groups(table, fdr_threshold=0.05, min_jaccard=0.5).tolist()
['A', 'A', 'B']
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from exocargo.enrichment.stats import is_significant


def term_groups(table: pd.DataFrame, *, fdr_threshold: float, min_jaccard: float) -> pd.Series:
    """The leading term of each significant row's group; empty for other rows (or when ``min_jaccard`` is 0)."""
    groups = pd.Series("", index=table.index, dtype=object)
    significant = table[is_significant(table["adjusted_p_value"], fdr_threshold)]
    if significant.empty or min_jaccard <= 0:
        return groups
    for _, rows in significant.groupby("query", sort=False):
        rows = rows.sort_values("adjusted_p_value", kind="stable")
        hits = [str(ids).split(";") for ids in rows["entrez_ids"]]
        codes, _ = pd.factorize(np.concatenate([np.asarray(h, dtype=object) for h in hits]))
        owner = np.repeat(np.arange(len(hits)), [len(h) for h in hits])
        matrix = sparse.csr_matrix((np.ones(codes.size), (owner, codes)), shape=(len(hits), codes.max() + 1))
        shared = (matrix @ matrix.T).toarray()
        sizes = np.diag(shared)
        jaccard = shared / (sizes[:, None] + sizes[None, :] - shared)
        leaders: list[int] = []
        leader_of = np.empty(len(hits), dtype=np.int64)
        for i in range(len(hits)):
            joined = [lead for lead in leaders if jaccard[i, lead] >= min_jaccard]
            leader_of[i] = joined[0] if joined else i
            if not joined:
                leaders.append(i)
        groups.loc[rows.index] = rows["term"].to_numpy(dtype=object)[leader_of]
    return groups
