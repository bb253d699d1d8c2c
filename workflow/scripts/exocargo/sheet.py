"""Loading and checking the gene-list sheet before any job runs."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml
from jsonschema import Draft202012Validator

from .inputs import PFOCR_FIGID_PATTERN, InputError, check_sheet, detect_kind, read_sheet

SNIFF_BYTES = 1 << 16


class SheetError(ValueError):
    """The sheet cannot be used; the message lists every problem found."""


def _sniff(path: Path) -> str:
    """The first 64 KiB as text, enough to recognise a kind."""
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
    return head.decode("utf-8-sig", errors="replace").replace("\r\n", "\n")


def resolve_path(raw: str, sheet_path: Path) -> Path | None:
    """A sheet path is relative to the working directory, else to the sheet's folder."""
    candidate = Path(raw)
    if candidate.is_absolute():
        return candidate if candidate.exists() else None
    for base in (Path.cwd(), sheet_path.parent):
        if (base / candidate).exists():
            return base / candidate
    return None


def load_sheet(
    sheet_path: str | Path,
    *,
    schema: str | Path,
    pfocr_records_dir: str | Path | None = None,
    online_figure_dir: str | Path | None = None,
) -> pd.DataFrame:
    """Read, validate and resolve the sheet; raise :class:`SheetError` listing every problem.

    Returns a frame indexed by ``list_id`` with ``path`` (resolved), ``kind``
    (detected when empty) and ``description``. A ``pfocr`` row may give a
    figure id instead of a path: it is looked up in ``pfocr_records_dir``,
    or, when ``online_figure_dir`` is set, left for the download rule there.
    """
    sheet_path = Path(sheet_path)
    if not sheet_path.exists():
        raise SheetError(f"{sheet_path}: gene-list sheet not found. Set the config key 'genelists' to a TSV file.")
    sheet = read_sheet(sheet_path)
    problems = check_sheet(sheet, sheet_path)
    validator = Draft202012Validator(yaml.safe_load(Path(schema).read_text()))
    for index, row in enumerate(sheet.to_dict("records")):
        for error in validator.iter_errors(row):
            problems.append(f"{sheet_path}, line {index + 2}: {error.message}")
    if problems:
        raise SheetError("\n".join(dict.fromkeys(problems)))
    resolved, kinds = [], []
    for index, row in enumerate(sheet.to_dict("records")):
        where = f"{sheet_path}, line {index + 2}"
        raw = row["path"].strip()
        path = resolve_path(raw, sheet_path)
        if path is None and PFOCR_FIGID_PATTERN.match(raw) and row["kind"] in ("", "pfocr"):
            if pfocr_records_dir and (Path(pfocr_records_dir) / f"{raw}.md").exists():
                path = Path(pfocr_records_dir) / f"{raw}.md"
            elif online_figure_dir:
                resolved.append(str(Path(online_figure_dir) / f"{raw}.md"))
                kinds.append("pfocr")
                continue
            else:
                problems.append(
                    f"{where}: PFOCR figure {raw!r} is not in the folder set by config key "
                    "'mapping: pfocr_records_dir' and online sources are off (config key 'online')."
                )
                continue
        if path is None:
            problems.append(
                f"{where}: file {raw!r} not found (looked in the working directory and in {sheet_path.parent})."
            )
            continue
        if path.is_dir():
            problems.append(f"{where}: {raw!r} is a folder; give one file per row.")
            continue
        resolved.append(str(path))
        try:
            kinds.append(row["kind"] or detect_kind(path, _sniff(path)))
        except InputError as error:
            problems.append(f"{where}: {error}")
    if problems:
        raise SheetError("\n".join(problems))
    sheet["path"] = resolved
    sheet["kind"] = kinds
    return sheet.set_index("list_id", drop=False)
