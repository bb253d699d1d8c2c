"""Several lists against one library in one table, with one FDR over all their tests."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from exocargo.enrichment.stats import benjamini_hochberg
from exocargo.tables import COMPARISON_TABLE

if TYPE_CHECKING:
    import pyarrow as pa


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
    check_one_background(joined["background_size"].astype(int))
    p_values = joined["p_value"].to_numpy(dtype=float)
    joined["joint_adjusted_p_value"] = benjamini_hochberg(p_values)
    list_rank = joined["list_id"].map({list_id: i for i, list_id in enumerate(tables)}).to_numpy()
    term_codes, distinct_terms = pd.factorize(joined["term"])
    order = comparison_order(p_values, list_rank, term_codes, distinct_terms.to_numpy(dtype=object))
    return joined.iloc[order][COMPARISON_TABLE.columns].reset_index(drop=True)


def check_one_background(sizes) -> None:
    """A comparison needs one background for every list (the workflow guarantees it)."""
    sizes = sorted({int(size) for size in sizes})
    if len(sizes) > 1:
        raise ValueError(f"lists were tested against different backgrounds ({sizes}); a comparison needs one.")


def comparison_order(
    p_values: np.ndarray, list_rank: np.ndarray, term_codes: np.ndarray, distinct_terms: np.ndarray
) -> np.ndarray:
    """Row order of a comparison: by p-value, then list (sheet order), then term (sorted).

    Terms are ranked through their distinct values (``term_codes`` index ``distinct_terms``):
    sorting a million strings took 4 s, a few thousand distinct ones none.
    """
    rank_of_distinct = np.empty(len(distinct_terms), dtype=np.int64)
    rank_of_distinct[np.argsort(distinct_terms, kind="stable")] = np.arange(len(distinct_terms))
    return np.lexsort((rank_of_distinct[term_codes], list_rank, p_values))


def column_order(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """Column labels of the comparison plot in sheet order: ``list_id``, or ``list_id/query`` for a
    list of several queries (a gmt input), its queries in their own order. The same for every library."""
    labels = []
    for list_id, table in tables.items():
        for query in table["query"].drop_duplicates():
            labels.append(list_id if query == list_id else f"{list_id}/{query}")
    return labels


def list_columns(sources: Mapping[str, str | Path]) -> list[str]:
    """:func:`column_order` of the lists whose enrichment tables' Parquet copies are ``sources``."""
    import pyarrow.parquet as pq

    tables = {list_id: pq.read_table(path, columns=["query"]).to_pandas() for list_id, path in sources.items()}
    return column_order(tables)


def compare_columnar(sources: Mapping[str, str | Path]) -> pa.Table:
    """:func:`compare_lists` of the enrichment tables' Parquet copies, in Arrow, every cell as text.

    The cells are the text :func:`exocargo.files.write_table` writes for
    ``compare_lists`` of the same tables (tested): the enrichment columns keep
    their stored text, and only the joint FDR is formatted. For a GMT input of
    10,000 sets (1.8 million rows) this takes a quarter of the time the pandas
    path takes, most of which went to reordering Python strings.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from exocargo.cells import column_text

    parts, list_ranks = [], []
    for rank, (list_id, path) in enumerate(sources.items()):
        table = pq.read_table(path)
        if table.num_rows:
            parts.append(table.append_column("list_id", pa.repeat(pa.scalar(list_id, pa.string()), table.num_rows)))
            list_ranks.append(np.full(table.num_rows, rank))
    if not parts:
        return pa.table({column: pa.array([], pa.string()) for column in COMPARISON_TABLE.columns})
    joined = pa.concat_tables(parts, promote_options="default")
    check_one_background(pc.unique(joined["background_size"]).to_pylist())
    p_values = joined["p_value"].cast(pa.float64()).to_numpy()
    joint = column_text(pd.Series(benjamini_hochberg(p_values)))
    terms = pc.dictionary_encode(joined["term"]).combine_chunks()
    distinct_terms = np.array(terms.dictionary.to_pylist(), dtype=object)
    order = comparison_order(p_values, np.concatenate(list_ranks), terms.indices.to_numpy(), distinct_terms)
    joined = joined.append_column("joint_adjusted_p_value", joint)
    return joined.select(COMPARISON_TABLE.columns).take(pa.array(order))
