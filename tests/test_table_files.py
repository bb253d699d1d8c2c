"""Tables written fast are the same bytes pandas writes, and the Parquet copy reads back to the same numbers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from exocargo.files import as_text, read_columnar, read_tsv, write_columnar, write_table, write_table_and_columnar
from exocargo.tables import ENRICHMENT_TABLE


def _pandas_bytes(table: pd.DataFrame, path) -> bytes:
    table.to_csv(path, sep="\t", index=False, lineterminator="\n")
    return path.read_bytes()


def _mixed_table(rows: int = 2_000) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    p_values = rng.random(rows) ** 8
    p_values[:6] = [0.0, -0.0, np.inf, -np.inf, np.nan, 1e-300]
    return pd.DataFrame(
        {
            "term": [f"term {i % 97}" for i in range(rows)],
            "p_value": p_values,
            "ratio": rng.random(rows).astype(np.float32),
            "overlap": rng.integers(0, 500, rows),
            "significant": rng.random(rows) < 0.1,
            "nullable": pd.array([None if i % 5 == 0 else i for i in range(rows)], dtype="Int64"),
            "mixed": [None if i % 7 == 0 else (i if i % 2 else f"x{i}") for i in range(rows)],
            "genes": ["TP53;PTEN" if i % 3 else "" for i in range(rows)],
        }
    )


def test_a_written_table_is_byte_for_byte_what_pandas_writes(tmp_path):
    table = _mixed_table()
    write_table(table, tmp_path / "fast.tsv")
    assert (tmp_path / "fast.tsv").read_bytes() == _pandas_bytes(table, tmp_path / "pandas.tsv")


@pytest.mark.parametrize(
    "table",
    [
        pd.DataFrame({"note": ['said "no"', "tab\there", "two\nlines", "plain"]}),
        pd.DataFrame({"a\tb": [1, 2]}),
        pd.DataFrame({"a": pd.Series([], dtype=float), "b": pd.Series([], dtype=object)}),
        pd.DataFrame(),
    ],
    ids=["cells needing quotes", "header needing quotes", "no rows", "no columns"],
)
def test_cells_that_need_quoting_and_empty_tables_are_written_as_pandas_writes_them(tmp_path, table):
    write_table(table, tmp_path / "fast.tsv")
    assert (tmp_path / "fast.tsv").read_bytes() == _pandas_bytes(table, tmp_path / "pandas.tsv")


def test_the_parquet_copy_holds_the_text_of_the_tsv(tmp_path):
    table = _mixed_table()
    write_table_and_columnar(table, tmp_path / "t.tsv", tmp_path / "t.parquet")
    pd.testing.assert_frame_equal(read_columnar(tmp_path / "t.parquet"), read_tsv(tmp_path / "t.tsv"))
    write_columnar(table, tmp_path / "alone.parquet")
    pd.testing.assert_frame_equal(read_columnar(tmp_path / "alone.parquet"), as_text(table))


def test_numbers_read_back_from_parquet_are_the_numbers_written(tmp_path):
    rng = np.random.default_rng(11)
    columns = [field.name for field in ENRICHMENT_TABLE.fields]
    table = pd.DataFrame({name: [f"{name} {i}" for i in range(500)] for name in columns})
    for field in ENRICHMENT_TABLE.fields:
        if field.type == "integer":
            table[field.name] = rng.integers(0, 10**9, 500)
        elif field.type == "number":
            table[field.name] = rng.random(500) ** 12
    write_columnar(table, tmp_path / "e.parquet")
    back = read_columnar(tmp_path / "e.parquet", schema=ENRICHMENT_TABLE)
    typed = ENRICHMENT_TABLE.typed(as_text(table))  # the slow path it replaces
    for field in ENRICHMENT_TABLE.fields:
        if field.type in ("integer", "number"):
            assert back[field.name].tolist() == table[field.name].tolist() == typed[field.name].tolist()
