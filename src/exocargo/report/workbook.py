"""Tables people open in Excel (one XLSX per list, one sheet per table, never over Excel's row
limit) and the zip of a run's results.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from exocargo.files import as_text, atomic_output
from exocargo.report.html import XLSX_MAX_ROWS, is_numeric
from exocargo.report.xlsx import XlsxSheet, write_xlsx, zip_entry

# --------------------------------------------------------------------------- XLSX and zip

LARGE_FILE = 20 * 2**20  # bytes; larger files are deflated at the fastest level, in parts on every core
ZIP_PART = 8 * 2**20  # bytes deflated by one thread at a time
ZIP64_SIZE = 2**31 - 1  # zipfile's own limit before it needs zip64 headers


def number_dtype(column: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(column.dtype) and not pd.api.types.is_bool_dtype(column.dtype)


def sheet_title(name: str, taken: set[str]) -> str:
    """Excel's sheet-name rules: at most 31 characters, no []:*?/\\, unique."""
    base = re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "sheet"
    title, number = base, 1
    while title.lower() in taken:
        number += 1
        title = f"{base[: 31 - len(str(number)) - 1]}_{number}"
    taken.add(title.lower())
    return title


@dataclass
class Sheet:
    """One sheet of a workbook: the rows a person reads, and where the whole table is."""

    table: pd.DataFrame
    full_rows: int | None = None  # rows of the whole table when ``table`` is already a selection
    selection: str = ""  # which rows ``table`` holds, when it is a selection
    full_table: str = ""  # the file with every row


def write_workbook(sheets: dict[str, pd.DataFrame | Sheet], path: str | Path, *, max_rows: int = XLSX_MAX_ROWS) -> None:
    """Write text tables as XLSX: numbers as numbers, every other cell as plain text.

    A value such as ``=HYPERLINK(...)`` stays text (never a formula); characters
    XLSX cannot hold are removed. A sheet holds at most ``max_rows`` rows (never
    more than Excel's limit); where rows were left out, its last row says how
    many and where the full table is, and the ``about`` sheet lists every sheet
    with its rows shown, rows in all, and that note.
    """
    max_rows = min(max_rows, XLSX_MAX_ROWS - 1)  # one row kept for the note
    about = XlsxSheet("about", pd.DataFrame(columns=["sheet", "rows shown", "rows in all", "note"]), set(), [])
    written = [about]
    taken = {"about"}
    for name, entry in sheets.items():
        entry = entry if isinstance(entry, Sheet) else Sheet(entry)
        frame = entry.table
        total = len(frame) if entry.full_rows is None else entry.full_rows
        head = frame.head(max_rows)
        shown = as_text(head)  # numbers as the TSV writes them
        # a column held as numbers is numeric; one held as text is when every cell reads as a number
        numeric = {
            column
            for i, column in enumerate(shown.columns)
            if number_dtype(head.iloc[:, i]) or is_numeric(shown.iloc[:, i])
        }
        notes = [entry.selection] if entry.selection and len(shown) < total else []
        if len(frame) > max_rows:
            notes.append(f"the first {max_rows:,} rows of {len(frame):,} (a workbook sheet holds at most {max_rows:,})")
        note = ""
        if notes:
            where = f"; every row: {entry.full_table}" if entry.full_table else ""
            note = f"{len(shown):,} of {total:,} rows: " + "; ".join(notes) + where
        sheet = XlsxSheet(sheet_title(name, taken), shown, numeric, [[note]] if note else [])
        written.append(sheet)
        about.notes.append([sheet.title, len(shown), total, note])
    write_xlsx(written, path)


def write_results_zip(files: list[str | Path], *, root: str | Path, path: str | Path, threads: int = 1) -> None:
    """Zip ``files`` under names relative to ``root``, so the relative links keep working.

    Entries are sorted and dated 1980-01-01, so equal files give an equal zip
    (whatever ``threads``: large files are deflated in parts on that many threads).
    """
    path, root = Path(path), Path(root).resolve()
    with (
        atomic_output(path) as tmp,
        zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ThreadPoolExecutor(max(1, threads)) as pool,
    ):
        for file in sorted({Path(f).resolve() for f in files}):
            data = file.read_bytes()
            entry = zip_entry(file.relative_to(root).as_posix(), stored=file.suffix == ".parquet")
            if file.suffix == ".parquet":  # compressed already
                archive.writestr(entry, data)
            elif len(data) <= LARGE_FILE:
                archive.writestr(entry, data, compresslevel=6)
            else:
                write_deflated(archive, entry, data, deflate_in_parts(data, pool))


def deflate_in_parts(data: bytes, pool: ThreadPoolExecutor) -> bytes:
    """``data`` as one raw deflate stream, its parts compressed on every core at the fastest level.

    Each part but the last ends with a full flush (on a byte boundary, no final
    block), so the parts joined are one valid stream, as pigz makes them; level 1
    is several times quicker than the default and costs a few percent of size on
    tables of numbers. zlib releases the GIL, so threads run in parallel.
    """
    view = memoryview(data)  # parts without copies
    parts = [view[start : start + ZIP_PART] for start in range(0, len(data), ZIP_PART)]

    def deflate(index: int) -> bytes:
        compressor = zlib.compressobj(1, zlib.DEFLATED, -zlib.MAX_WBITS)
        last = index == len(parts) - 1
        return compressor.compress(parts[index]) + compressor.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH)

    return b"".join(pool.map(deflate, range(len(parts))))


class _Deflated:
    """A compressor that gives out data deflated beforehand: the zip member's CRC and sizes are
    still worked out by :mod:`zipfile` from the plain data written through it."""

    def __init__(self, deflated: bytes) -> None:
        self.deflated = deflated

    def compress(self, data: bytes) -> bytes:
        return b""

    def flush(self) -> bytes:
        return self.deflated


def write_deflated(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, data: bytes, deflated: bytes) -> None:
    """Add ``data`` to ``archive`` as ``entry``, with ``deflated`` (its raw deflate stream) as the stored bytes."""
    with archive.open(entry, "w", force_zip64=len(data) > ZIP64_SIZE) as member:
        member._compressor = _Deflated(deflated)  # zipfile's writer has no public way to take deflated data
        member.write(data)
