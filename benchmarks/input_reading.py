"""Input reading speed: a 1,000,000-name gene list, a 10,000-set GMT, a sheet of 1,000 rows.

Files are generated in a temporary folder (names like ``NAME0000001``, every one distinct, so
the names table has one row per line). The script prints, for each, the wall-clock and CPU
time of ``exocargo.extract.extract_names`` (decode, parse, names table) or of
``exocargo.sheet.load_sheet`` (checks, path resolution, kind detection while Snakemake builds
its job graph), and names per second. On a machine shared with other jobs the CPU figure is
the one that repeats.

Usage::

    .venv/bin/python benchmarks/input_reading.py --names 1000000 --sets 10000 --rows 1000
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from exocargo.inputs.extract import extract_names
from exocargo.inputs.sheet import load_sheet

REPO = Path(__file__).resolve().parents[1]

SHEET_SCHEMA = REPO / "workflow" / "schemas" / "genelists.schema.yaml"


def timed(action):
    """(result, wall seconds, CPU seconds) of ``action()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def report(label: str, count: int, unit: str, wall: float, cpu: float) -> None:
    print(
        f"{label:<34} {count:>10,} {unit:<6} wall {wall:7.2f} s  cpu {cpu:7.2f} s  {count / cpu:>12,.0f} {unit}/s (cpu)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--names", type=int, default=1_000_000, help="lines of the gene list")
    parser.add_argument("--sets", type=int, default=10_000, help="sets of the GMT (20 genes each)")
    parser.add_argument("--rows", type=int, default=1_000, help="rows of the sheet (kind left empty: detected)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        genes = folder / "genes.txt"
        genes.write_text("".join(f"NAME{i:07d}\n" for i in range(options.names)))
        (names, source), wall, cpu = timed(lambda: extract_names(genes, "genes", "big"))
        assert source["status"] == "ok" and len(names) == options.names
        report("gene list (kind genes)", len(names), "names", wall, cpu)

        gmt = folder / "sets.gmt"
        gmt.write_text(
            "".join(
                f"SET{s}\tset {s}\t" + "\t".join(f"G{s}_{g}" for g in range(20)) + "\n" for s in range(options.sets)
            )
        )
        (names, source), wall, cpu = timed(lambda: extract_names(gmt, "gmt", "sets"))
        assert source["status"] == "ok" and source["queries"] == options.sets
        report("GMT (kind gmt)", len(names), "names", wall, cpu)

        lines = ["list_id\tpath\tkind\tdescription"]
        for row in range(options.rows):
            (folder / f"list{row}.txt").write_text("PTEN\nmiR-21\nAKT1\n")
            lines.append(f"list{row}\tlist{row}.txt\t\tgenerated list {row}")
        sheet = folder / "sheet.tsv"
        sheet.write_text("\n".join(lines) + "\n")
        table, wall, cpu = timed(lambda: load_sheet(sheet, schema=SHEET_SCHEMA))
        assert len(table) == options.rows
        report("sheet (load_sheet, kinds detected)", len(table), "rows", wall, cpu)


if __name__ == "__main__":
    main()
