"""Several lists against one library in one table, with one FDR over all their tests."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from exocargo.enrichment.stats import benjamini_hochberg
from exocargo.tables import COMPARISON_TABLE


def compare_lists(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """All lists' results against one library in one table, with a joint FDR.

    ``joint_adjusted_p_value`` is Benjamini-Hochberg over every test of every
    list (each row of each table). The lists must share one background,
    which the workflow guarantees (the background depends on the library and
    the config, never on the list); a mismatch is an error.
    """
    frames = [table.assign(list_id=list_id) for list_id, table in tables.items() if not table.empty]
    if not frames:
        return COMPARISON_TABLE.empty()
    joined = pd.concat(frames, ignore_index=True)
    sizes = sorted(set(joined["background_size"].astype(int)))
    if len(sizes) > 1:
        raise ValueError(f"lists were tested against different backgrounds ({sizes}); a comparison needs one.")
    joined["joint_adjusted_p_value"] = benjamini_hochberg(joined["p_value"].to_numpy(dtype=float))
    list_rank = joined["list_id"].map({list_id: i for i, list_id in enumerate(tables)})
    order = np.lexsort(
        (joined["term"].to_numpy(dtype=str), list_rank.to_numpy(), joined["p_value"].to_numpy(dtype=float))
    )
    return joined.iloc[order][COMPARISON_TABLE.columns].reset_index(drop=True)


def column_order(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """Column labels of the comparison plot in sheet order: ``list_id``, or ``list_id/query`` for a
    list of several queries (a gmt input), its queries in their own order. The same for every library."""
    labels = []
    for list_id, table in tables.items():
        for query in table["query"].drop_duplicates():
            labels.append(list_id if query == list_id else f"{list_id}/{query}")
    return labels
