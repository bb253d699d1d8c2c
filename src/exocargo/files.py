"""Atomic writers: a file is either complete or absent, never half-written."""

from __future__ import annotations

import glob
import json
import os
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

HOST = socket.gethostname()
PART_FILE = re.compile(r"\.(\d+)@(.+)\.part$")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


def _remove_orphans(path: Path) -> None:
    """Temporary files of ``path`` left by writers on this host that were killed (their process is gone)."""
    for part in path.parent.glob(f"{glob.escape(path.name)}.*.part"):
        match = PART_FILE.search(part.name[len(path.name) :])
        if (
            match
            and match.group(2) == HOST
            and int(match.group(1)) != os.getpid()
            and not _pid_alive(int(match.group(1)))
        ):
            part.unlink(missing_ok=True)


@contextmanager
def atomic_output(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it to ``path`` only when the block succeeds.

    A failed or killed writer leaves no file under the final name (a failure also
    removes the temporary one), so a half-written output is never taken as complete.
    The temporary name carries the writer's process id and host, so two work folders
    that share a resources folder never write into each other's file; the rename is
    atomic, so the last complete copy wins. Orphans of killed writers on this host
    are removed by the next writer of the same file.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_orphans(path)
    tmp = path.with_name(f"{path.name}.{os.getpid()}@{HOST}.part")
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


def as_text(table: pd.DataFrame) -> pd.DataFrame:
    """Every cell as the text :func:`write_table` writes for it (missing values empty)."""
    return table.astype(object).where(table.notna(), "").astype(str)


def write_columnar(table: pd.DataFrame, path: str | Path) -> None:
    """The same table as a compressed Parquet file, every column text as in the TSV.

    The TSV is for people and other tools; this copy is what later steps read:
    about a tenth of the size, and a step reads only the columns it needs
    (:func:`read_columnar`) without parsing text.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    with atomic_output(path) as tmp:
        pq.write_table(pa.Table.from_pandas(as_text(table), preserve_index=False), tmp, compression="zstd")


def read_columnar(path: str | Path, columns: list[str] | None = None) -> pd.DataFrame:
    """A table written by :func:`write_columnar` (only ``columns``, if given), every column as text."""
    import pyarrow.parquet as pq

    return pq.read_table(path, columns=columns).to_pandas()
