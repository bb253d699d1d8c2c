"""Tables people open in Excel (one XLSX per list, one sheet per table, never over Excel's row
limit) and the zip of a run's results.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from exocargo.files import atomic_output
from exocargo.report.html import XLSX_MAX_ROWS, is_numeric
from exocargo.report.xlsx import XlsxSheet, write_xlsx, zip_entry

# --------------------------------------------------------------------------- XLSX and zip

LARGE_FILE = 20 * 2**20  # bytes; larger files are deflated at the fastest level


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
        shown = frame.head(max_rows).astype(str)
        numeric = {column for column in shown.columns if is_numeric(shown[column])}
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


def write_results_zip(files: list[str | Path], *, root: str | Path, path: str | Path) -> None:
    """Zip ``files`` under names relative to ``root``, so the relative links keep working.

    Entries are sorted and dated 1980-01-01, so equal files give an equal zip.
    """
    path, root = Path(path), Path(root).resolve()
    with atomic_output(path) as tmp, zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in sorted({Path(f).resolve() for f in files}):
            data = file.read_bytes()
            # Parquet is compressed already; a large TSV is deflated fast (level 1 is several times
            # quicker than the default and costs a few percent of size on tables of numbers).
            stored = file.suffix == ".parquet"
            level = None if stored else (1 if len(data) > LARGE_FILE else 6)
            archive.writestr(zip_entry(file.relative_to(root).as_posix(), stored=stored), data, compresslevel=level)
