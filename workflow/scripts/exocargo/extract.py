"""Extract step: any input kind -> names table + a description of the source."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .inputs import InputError, parse_pfocr_record, read_gene_list, read_gmt, read_pfocr
from .textmine import extract_mentions


def extract_names(path: str | Path, kind: str, list_id: str) -> tuple[pd.DataFrame, dict]:
    """Read one sheet row's file; return its names table and source metadata."""
    source = {"list_id": list_id, "path": str(path), "kind": kind}
    if kind == "genes":
        names = read_gene_list(path, list_id)
    elif kind == "gmt":
        names = read_gmt(path)
    elif kind == "pfocr":
        names = read_pfocr(path, list_id)
        record = parse_pfocr_record(path)
        source["pfocr"] = {
            "figid": record.figid,
            "title": record.title,
            "caption": record.caption,
            "paper_title": record.paper_title,
            "keywords": record.keywords,
            "pfocr_genes": record.pfocr_genes,
        }
    elif kind == "text":
        names = extract_mentions(str(path), list_id)
    else:
        raise InputError(f"{path}: unknown kind {kind!r}.")
    if names.empty:
        raise InputError(
            f"{path}: no names found (kind {kind}). An empty list cannot be analysed; "
            "add names or remove the row from the sheet."
        )
    source["queries"] = int(names["query"].nunique())
    source["names"] = int(len(names))
    return names, source
