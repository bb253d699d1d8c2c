"""Atomic writers: a file is either complete or absent, never half-written."""

from __future__ import annotations

import json
import os
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from exocargo.cells import column_text, needs_quoting, text_columns

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
    # os.scandir with a prefix test, not Path.glob: a results folder of thousands of files is listed
    # at every write, and glob's pattern matching made that a tenth of a batch job's time.
    prefix = path.name + "."
    with os.scandir(path.parent) as entries:
        candidates = [entry.name for entry in entries if entry.name.startswith(prefix) and entry.name.endswith(".part")]
    for name in candidates:
        match = PART_FILE.fullmatch(name[len(path.name) :])
        if (
            match
            and match.group(2) == HOST
            and int(match.group(1)) != os.getpid()
            and not _pid_alive(int(match.group(1)))
        ):
            (path.parent / name).unlink(missing_ok=True)


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
    """Write a TSV with ``\\n`` line ends and no index, byte for byte what ``to_csv`` writes.

    Cells are formatted column by column (:mod:`exocargo.cells`) and written by
    Arrow's CSV writer, about three times faster than ``to_csv``; a table with a
    cell that needs quoting (a tab, line break or quote) goes through ``to_csv``.
    """
    with atomic_output(path) as tmp:
        _write_text_table(list(map(str, table.columns)), list(text_columns(table).values()), tmp, table)


def _write_text_table(names: list[str], columns: list, tmp: Path, table: pd.DataFrame | None = None) -> None:
    """Header and text ``columns`` (Arrow arrays) by Arrow's CSV writer; through pandas' quoting
    (of ``table``, or of the text columns themselves) when a header or a cell needs it."""
    import pyarrow as pa
    import pyarrow.csv as csv

    def with_pandas() -> None:
        frame = table
        if frame is None:
            frame = pd.DataFrame({i: cells.to_pandas() for i, cells in enumerate(columns)})
            frame.columns = names
        frame.to_csv(tmp, sep="\t", index=False, lineterminator="\n")

    if not names or len(set(names)) < len(names) or any(needs_quoting(name) for name in names):
        with_pandas()
        return
    with open(tmp, "wb") as out:
        out.write(("\t".join(names) + "\n").encode("utf-8"))
        if len(columns[0]):
            arrow = pa.table({f"c{i}": cells for i, cells in enumerate(columns)})
            try:
                csv.write_csv(arrow, out, csv.WriteOptions(include_header=False, delimiter="\t", quoting_style="none"))
                return
            except pa.ArrowInvalid:  # a cell needs quoting
                pass
    with_pandas()


def stat_key(path: str | Path) -> str:
    """A file's identity without reading it: resolved path, size and modification time.

    For caches of large reference tables, where hashing the content on every use would cost
    more than the cache saves.
    """
    path = Path(path)
    stat = path.stat()
    return f"{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}"


def read_json(path: str | Path):
    """A JSON file this workflow wrote (UTF-8)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


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
    text = pd.DataFrame(
        {i: column_text(table.iloc[:, i]).to_numpy(zero_copy_only=False) for i in range(table.shape[1])},
        index=table.index,
        dtype=object,
    )
    text.columns = table.columns
    return text


def write_columnar(table: pd.DataFrame, path: str | Path) -> None:
    """The same table as a compressed Parquet file, every column text as in the TSV.

    The TSV is for people and other tools; this copy is what later steps read:
    about a tenth of the size, and a step reads only the columns it needs
    (:func:`read_columnar`) without parsing text.
    """
    import pyarrow.parquet as pq

    with atomic_output(path) as tmp:
        pq.write_table(_arrow_text(table), tmp, compression="zstd")


def _arrow_text(table: pd.DataFrame, columns: dict | None = None):
    import pyarrow as pa

    columns = text_columns(table) if columns is None else columns
    return pa.table(columns)


def write_table_and_columnar(table: pd.DataFrame, path: str | Path, columnar: str | Path) -> None:
    """:func:`write_table` and :func:`write_columnar` of one table, its cells formatted once."""
    import pyarrow.parquet as pq

    columns = text_columns(table)
    with atomic_output(path) as tmp:
        _write_text_table(list(map(str, table.columns)), list(columns.values()), tmp, table)
    with atomic_output(columnar) as tmp:
        pq.write_table(_arrow_text(table, columns), tmp, compression="zstd")


def write_text_arrow(table, path: str | Path, columnar: str | Path | None = None) -> None:
    """An Arrow table of text columns as a TSV (what :func:`write_table` writes for the same cells)
    and, with ``columnar``, as its Parquet copy."""
    import pyarrow.parquet as pq

    with atomic_output(path) as tmp:
        _write_text_table(table.column_names, [column.combine_chunks() for column in table.columns], tmp)
    if columnar is not None:
        with atomic_output(columnar) as tmp:
            pq.write_table(table, tmp, compression="zstd")


def read_columnar(path: str | Path, columns: list[str] | None = None, *, schema=None) -> pd.DataFrame:
    """A table written by :func:`write_columnar` (only ``columns``, if given), every column as text.

    With ``schema`` (an :class:`exocargo.tables.Table`), its integer and number columns come back as
    numbers, parsed by Arrow (correctly rounded, so each number is the one the text was written from):
    five times faster than ``Table.typed`` on a million rows.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=columns)
    if schema is not None:
        kinds = {"integer": pa.int64(), "number": pa.float64()}
        for field in schema.fields:
            if field.type in kinds and field.name in table.column_names:
                i = table.column_names.index(field.name)
                cells = table.column(i)
                cells = pc.if_else(pc.equal(cells, ""), pa.scalar(None, pa.string()), cells)  # empty is missing
                table = table.set_column(i, field.name, cells.cast(kinds[field.type]))
    return table.to_pandas()
