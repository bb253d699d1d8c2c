"""Reading long texts: the extract step (sentences, mentions, names table) and the stated relations.

Two generated documents per size, written to a temporary folder and read as a sheet's ``text``
row is: short sentences that each name a miRNA and a gene (the worst case for mention finding:
every sentence has mentions), and hard-wrapped lower-case prose without punctuation (once one
"sentence" of the whole file, which made relation reading quadratic). Sizes in MB. The gene
table, hairpins and FamPlex of ``resources/`` are loaded once, timed apart. Wall clock and, in
brackets, CPU time of this process.

Usage::

    .venv/bin/python benchmarks/text_reading.py --sizes 1 10
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from exocargo.inputs.extract import extract
from exocargo.resources.layout import ResourceLayout
from exocargo.text.mentions import MentionFinder
from exocargo.text.relations import find_relations

REPO = Path(__file__).resolve().parents[1]
SHORT = "Exosomal miR-21 targets PTEN in recipient cells. "
WRAPPED = "exosomes carry mir-21 and pten between cells of the tumour microenvironment and so on\n"


def timed(step, *args, **kwargs):
    wall, cpu = time.perf_counter(), time.process_time()
    result = step(*args, **kwargs)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 10], help="document sizes in MB")
    args = parser.parse_args()
    layout = ResourceLayout(str(REPO / "resources"))
    finder, wall, cpu = timed(
        lambda: MentionFinder.from_files(layout.gene_table(), layout.hairpin_table(), Path(layout.famplex_dir))
    )
    print(f"gene tables loaded: {wall:.2f} s ({cpu:.2f} s CPU)")
    print("document | size | sentences | names | extract step | relations | relations found")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            for label, unit in (("short sentences", SHORT), ("hard-wrapped, no punctuation", WRAPPED)):
                path = Path(folder) / f"{label[:5]}_{size}.txt"
                path.write_text(unit * int(size * 1_000_000 / len(unit)))
                extraction, wall, cpu = timed(extract, path, "text", "bench", finder=finder)
                relations, r_wall, r_cpu = timed(find_relations, extraction.sentences)
                print(
                    f"{label} | {path.stat().st_size / 1e6:.1f} MB | {len(extraction.sentences):,} | "
                    f"{len(extraction.names):,} | {wall:.1f} s ({cpu:.1f} s CPU) | {r_wall:.1f} s ({r_cpu:.1f} s CPU) "
                    f"| {len(relations):,}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
