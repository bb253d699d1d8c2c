"""Batch mode: a gmt input with many sets is enriched in chunks of sets.

A ``gmt`` sheet row is one list whose sets are its queries, so the workflow
already runs one mapping job and one enrichment job per library for it, not
one per set. For thousands of sets the enrichment job of a large library is
the one that grows (time and memory scale with sets x terms), so a gmt row
with more sets than ``enrichment: gmt_chunk_size`` is enriched in chunks:
the mapping table is cut into contiguous blocks of queries, each block is
enriched by its own job, and the chunk tables are concatenated in order.

The result is the unchunked output, byte for byte: the background, the term
filter and the Benjamini-Hochberg adjustment are all per query, the engine
orders rows by query in input order (:func:`exocargo.enrichment.ora_batch`),
and the JSON sidecars differ between chunks only in their per-query entries.

Example
-------
>>> chunk_bounds(10, 3)
[(0, 3), (3, 6), (6, 10)]
"""

from __future__ import annotations

import json
import math
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from exocargo.errors import InputError
from exocargo.files import atomic_output, write_json
from exocargo.gmt import parse_gmt
from exocargo.inputs.readers import read_text
from exocargo.kinds import input_kind

COPY_BUFFER = 1 << 20


def plan_gmt_inputs(sheet: pd.DataFrame, chunk_size: int) -> tuple[dict[str, int], dict[str, str]]:
    """``{list_id: chunks}`` of every gmt row with more than ``chunk_size`` sets, and the gmt rows
    that cannot be read at all.

    ``sheet`` is the loaded gene-list sheet (``list_id``, resolved ``path``, ``kind``); rows not in
    the first dict are enriched in one job per library, as usual.

    A GMT with a malformed line fails in its extract job, with the line number;
    read here once at planning time, such a row is never chunked, mapped or
    enriched: ``{list_id: the error}`` names it, so the workflow asks for its
    extract job and its page only.
    """
    chunks, failing = {}, {}
    for list_id, path, kind in sheet[["list_id", "path", "kind"]].itertuples(index=False):
        if not input_kind(kind).holds_gene_sets:
            continue
        try:
            sets = len(parse_gmt(read_text(path), path))
        except (InputError, OSError) as error:
            failing[list_id] = str(error)
            continue
        if sets > chunk_size:
            chunks[list_id] = math.ceil(sets / chunk_size)
    return chunks, failing


def chunk_paths(outputs: Mapping[str, str]) -> dict[str, str]:
    """Output patterns of a chunk job: ``results/enrichment/{list_id}.X`` -> ``results/batch/{list_id}.chunk{chunk}.X``."""
    return {
        name: path.replace("results/enrichment/{list_id}.", "results/batch/{list_id}.chunk{chunk}.")
        for name, path in outputs.items()
    }


def chunk_files(patterns: Mapping[str, str], chunks: int, **wildcards: str) -> dict[str, list[str]]:
    """Each pattern filled in for every chunk, in chunk order: the inputs of a merge job."""
    return {name: [path.format(chunk=chunk, **wildcards) for chunk in range(chunks)] for name, path in patterns.items()}


def chunk_bounds(items: int, chunks: int) -> list[tuple[int, int]]:
    """``chunks`` contiguous, near-equal ``(start, stop)`` ranges covering ``items``."""
    return [(items * i // chunks, items * (i + 1) // chunks) for i in range(chunks)]


def mapping_chunk(mapping: pd.DataFrame, chunk: int, chunks: int, *, source: str = "mapping table") -> pd.DataFrame:
    """Rows of the ``chunk``-th of ``chunks`` blocks of queries (in first-seen order).

    Every query of a gmt input has rows in the mapping table (unmapped names
    keep a row), so the blocks together hold every query exactly once.
    """
    queries = list(dict.fromkeys(mapping["query"]))
    if len(queries) < chunks:
        raise InputError(
            f"{source}: {len(queries)} sets with names, fewer than the {chunks} chunks planned from the "
            "gmt's lines. Raise enrichment: gmt_chunk_size, or remove the sets that have no usable names."
        )
    start, stop = chunk_bounds(len(queries), chunks)[chunk]
    return mapping[mapping["query"].isin(set(queries[start:stop]))]


def concatenate_tables(paths: Sequence[str | Path], output: str | Path) -> None:
    """Write the TSVs ``paths`` one after another under their common header line.

    Bodies are streamed byte for byte (a 10,000-list GO table is 300 MB), so
    values keep the exact text the engine wrote and memory stays small. Tables
    with different headers are refused; the output appears only when complete.
    """
    if not paths:
        raise ValueError(f"no tables to concatenate into {output}.")
    output = Path(output)
    header = None
    with atomic_output(output) as partial, open(partial, "wb") as merged:
        for path in paths:
            with open(path, "rb") as table:
                first = table.readline()
                if header is None:
                    header = first
                    merged.write(first)
                elif first != header:
                    raise ValueError(
                        f"{path}: header {first!r} differs from {paths[0]}'s {header!r}; cannot concatenate."
                    )
                shutil.copyfileobj(table, merged, COPY_BUFFER)


def merge_chunk_records(records: Sequence[Any], *, sources: Sequence[str] | None = None, where: str = "") -> Any:
    """Merge the JSON records of one list's chunks into the record of the whole list.

    Objects are merged key by key (per-query entries are keyed by query, so
    each chunk adds its own); a list the same in every chunk is kept once (it
    describes the list, the library or the options), different lists are
    concatenated in chunk order (per-query items); any other value must be the
    same in every chunk, else the chunks do not belong together.
    """
    if all(isinstance(record, dict) for record in records):
        keys = list(dict.fromkeys(key for record in records for key in record))
        return {
            key: merge_chunk_records(
                [record[key] for record in records if key in record], sources=sources, where=f"{where}/{key}"
            )
            for key in keys
        }
    if all(record == records[0] for record in records):
        return records[0]
    if all(isinstance(record, list) for record in records):
        return [item for record in records for item in record]
    values = ", ".join(dict.fromkeys(map(repr, records)))
    raise ValueError(
        f"chunk records disagree at {where or '/'} ({values}) in {', '.join(map(str, sources or [])) or 'records'}: "
        "they are not chunks of one run. Delete results/batch/ for this list and rerun."
    )


def merge_chunk_files(paths: Sequence[str | Path], output: str | Path) -> None:
    """Merge one output's chunk files by type: TSV and Parquet tables are concatenated, JSON records merged."""
    suffix = Path(output).suffix
    if suffix == ".tsv":
        concatenate_tables(paths, output)
    elif suffix == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        with atomic_output(output) as tmp:
            pq.write_table(pa.concat_tables(pq.read_table(path) for path in paths), tmp, compression="zstd")
    elif suffix == ".json":
        records = [json.loads(Path(path).read_text(encoding="utf-8")) for path in paths]
        write_json(merge_chunk_records(records, sources=[str(path) for path in paths]), output)
    else:
        raise ValueError(
            f"{output}: no rule to merge chunks of {suffix or 'suffix-less'} files; add one to exocargo.batch."
        )
