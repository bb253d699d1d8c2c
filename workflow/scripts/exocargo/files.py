"""Atomic writers: a file is either complete or absent, never half-written."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd


def _tmp(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.with_name(path.name + ".part")


def write_table(table: pd.DataFrame, path: str | Path) -> None:
    """Write a TSV with ``\\n`` line ends and no index."""
    path = Path(path)
    tmp = _tmp(path)
    table.to_csv(tmp, sep="\t", index=False, lineterminator="\n")
    tmp.replace(path)


def write_json(record: dict | list, path: str | Path) -> None:
    """Write JSON with sorted keys, so equal content gives equal bytes."""
    path = Path(path)
    tmp = _tmp(path)
    tmp.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(path)


def write_text(text: str, path: str | Path) -> None:
    path = Path(path)
    tmp = _tmp(path)
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def read_tsv(path: str | Path) -> pd.DataFrame:
    """Read a TSV written by :func:`write_table`, every column as text."""
    return pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
