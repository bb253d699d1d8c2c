"""Table cells as text, column by column, as pandas' ``to_csv`` writes them.

Formatting every cell through pandas costs about 1 s per 100,000 rows of an
enrichment table; for the million-row tables of a large gmt input that was most
of a job's time. Here each column is formatted once, by type: floats by
``repr`` (the shortest text that reads back to the same number, what pandas
writes), integers and booleans by ``str``, missing values as the empty string.
The text columns then go to the TSV and to the Parquet copy alike, so both hold
the same text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from pandas.api import types

if TYPE_CHECKING:
    import pyarrow as pa

# A cell holding one of these needs quoting in a TSV; such tables go through pandas' own writer.
SPECIAL = ("\t", "\n", "\r", '"')


def _by_distinct_values(column: pd.Series, text_of) -> pa.Array:
    """Format each distinct value once: enrichment columns repeat (3% of p-values are distinct)."""
    import pyarrow as pa

    codes, distinct = pd.factorize(column, use_na_sentinel=True)
    texts = [text_of(value) for value in distinct.tolist()] + [""]  # the last one for missing cells
    codes = np.where(codes < 0, len(texts) - 1, codes)
    return pa.array(texts, pa.string()).take(pa.array(codes, pa.int64()))


def column_text(column: pd.Series) -> pa.Array:
    """Each cell of ``column`` as text, what ``DataFrame.to_csv`` writes for it, as an Arrow string array."""
    import pyarrow as pa

    dtype = column.dtype
    if isinstance(dtype, np.dtype) and types.is_bool_dtype(dtype):
        return _by_distinct_values(column, str)
    if isinstance(dtype, np.dtype) and types.is_integer_dtype(dtype):
        return _by_distinct_values(column, str)
    if dtype == np.float64:
        # by bit pattern, so that -0.0 and 0.0 stay apart; missing (NaN) cells are empty
        values = column.to_numpy()
        codes, distinct = pd.factorize(values.view(np.int64))
        texts = ["" if text == "nan" else text for text in map(float.__repr__, distinct.view(np.float64).tolist())]
        return pa.array(texts, pa.string()).take(pa.array(codes, pa.int64()))
    if isinstance(dtype, np.dtype) and types.is_float_dtype(dtype):  # float32 and the like: numpy's own text
        return pa.array(column.astype(str).where(column.notna(), "").to_numpy(dtype=object), pa.string())
    values = column.to_numpy(dtype=object)
    if types.infer_dtype(values, skipna=False) == "string":
        return pa.array(values, pa.string())
    missing = pd.isna(values)
    return pa.array(
        ["" if gap else value if type(value) is str else str(value) for value, gap in zip(values, missing)],
        pa.string(),
    )


def text_columns(table: pd.DataFrame) -> dict[str, pa.Array]:
    """``{column: cells as text}`` for every column of ``table``, in order."""
    return {str(name): column_text(table.iloc[:, i]) for i, name in enumerate(table.columns)}


def needs_quoting(cell: str) -> bool:
    """True when ``cell`` holds a tab, line break or quote (pandas would quote it)."""
    return any(mark in cell for mark in SPECIAL)
