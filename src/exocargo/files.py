"""Atomic writers: a file is either complete or absent, never half-written."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd


@contextmanager
def atomic_output(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it to ``path`` only when the block succeeds.

    A failed or killed writer leaves no file under the final name (a failure also
    removes the temporary one), so a half-written output is never taken as complete.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    try:
        yield tmp
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(path)


def write_table(table: pd.DataFrame, path: str | Path) -> None:
    """Write a TSV with ``\\n`` line ends and no index."""
    with atomic_output(path) as tmp:
        table.to_csv(tmp, sep="\t", index=False, lineterminator="\n")


def write_json(record: dict | list, path: str | Path) -> None:
    """Write JSON with sorted keys, so equal content gives equal bytes."""
    with atomic_output(path) as tmp:
        tmp.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def write_text(text: str, path: str | Path) -> None:
    with atomic_output(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def read_tsv(path: str | Path) -> pd.DataFrame:
    """Read a TSV written by :func:`write_table`, every column as text."""
    return pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
