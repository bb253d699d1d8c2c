"""Tables people open in Excel (one XLSX per list, one sheet per table, never over Excel's row
limit) and the zip of a run's results.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from exocargo.files import atomic_output
from exocargo.report.html import XLSX_MAX_ROWS, ZIP_EPOCH, is_numeric

# --------------------------------------------------------------------------- XLSX and zip


def sheet_title(name: str, taken: set[str]) -> str:
    """Excel's sheet-name rules: at most 31 characters, no []:*?/\\, unique."""
    base = re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "sheet"
    title, number = base, 1
    while title.lower() in taken:
        number += 1
        title = f"{base[: 31 - len(str(number)) - 1]}_{number}"
    taken.add(title.lower())
    return title


def write_workbook(sheets: dict[str, pd.DataFrame], path: str | Path) -> None:
    """Write text tables as XLSX: numbers as numbers, every other cell as plain text.

    A value such as ``=HYPERLINK(...)`` stays text (never a formula); characters
    XLSX cannot hold are removed. A table longer than Excel's row limit is
    cut there, and an ``about`` sheet says so.
    """
    path = Path(path)
    workbook = Workbook(write_only=True)
    about = workbook.create_sheet("about")
    about.append(["sheet", "rows", "note"])
    taken = {"about"}
    for name, frame in sheets.items():
        sheet = workbook.create_sheet(sheet_title(name, taken))
        frame = frame.astype(str)
        numeric = {column for column in frame.columns if is_numeric(frame[column])}
        sheet.append(list(frame.columns))
        for row in frame.head(XLSX_MAX_ROWS).itertuples(index=False):
            sheet.append(
                [xlsx_cell(sheet, value, number=column in numeric) for column, value in zip(frame.columns, row)]
            )
        note = f"cut at Excel's limit of {XLSX_MAX_ROWS} rows; the TSV has all" if len(frame) > XLSX_MAX_ROWS else ""
        about.append([sheet.title, len(frame), note])
    with atomic_output(path) as tmp:
        workbook.save(tmp)


def xlsx_cell(sheet, value: str, *, number: bool):
    """A cell value for openpyxl's write-only sheet (text is never read as a formula)."""
    if number and value.strip():
        parsed = float(value)
        if parsed == parsed and parsed not in (float("inf"), float("-inf")):
            return int(parsed) if re.fullmatch(r"[+-]?\d+", value.strip()) else parsed
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"
    return cell


def write_results_zip(files: list[str | Path], *, root: str | Path, path: str | Path) -> None:
    """Zip ``files`` under names relative to ``root``, so the relative links keep working.

    Entries are sorted and dated 1980-01-01, so equal files give an equal zip.
    """
    path, root = Path(path), Path(root).resolve()
    with atomic_output(path) as tmp, zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in sorted({Path(f).resolve() for f in files}):
            info = zipfile.ZipInfo(file.relative_to(root).as_posix(), date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, file.read_bytes())
