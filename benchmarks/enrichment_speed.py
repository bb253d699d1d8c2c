"""Enrichment speed: the exocargo batch engine against gseapy.enrich on the same lists, in one run.

Random lists sized like PFOCR figure lists (5-80 genes; half drawn from one
KEGG pathway so that terms are really enriched, half from all annotated
genes) are tested against Entrez-translated Enrichr libraries with the
workflow's default background (the genes of the library). gseapy gets the
same background as an explicit gene list (``background=None`` gives the same
numbers but is ten times slower in gseapy 1.3.1), runs on a subsample when
asked (its lists/s is then measured on that subsample and labelled so) and
its p-values are compared with ours. Both engines are single-threaded; speeds
are given in CPU time of this process (what the work costs, whatever else runs
on the machine) and, in brackets, in wall-clock time.

Run from the repository root after ``make resources``::

    .venv/bin/python benchmarks/enrichment_speed.py --lists 1000 --gseapy-lists 100 --batch-lists 10000
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import numpy as np

from exocargo.enrichment.libraries import read_gmt_library
from exocargo.enrichment.ora import ora_batch

REPO = Path(__file__).resolve().parents[1]

LIBRARIES = REPO / "resources" / "libraries" / "hgnc_indra"
DEFAULT_LIBRARIES = ["GO_Biological_Process_2023", "KEGG_2021_Human"]
BATCH_LIBRARIES = ["GO_Biological_Process_2023", "KEGG_2021_Human", "WikiPathway_2023_Human"]


def figure_like_lists(count: int, pathways: dict[str, list[str]], genes: list[str], seed: int) -> dict[str, list[str]]:
    """``count`` lists of 5-80 genes: half from one random pathway, half from ``genes``."""
    rng = np.random.default_rng(seed)
    terms = list(pathways)
    lists = {}
    for i in range(count):
        size = int(rng.integers(5, 81))
        pathway = pathways[terms[rng.integers(len(terms))]]
        core = rng.choice(pathway, min(size // 2, len(pathway)), replace=False).tolist()
        lists[f"list{i:05d}"] = list(dict.fromkeys(core + rng.choice(genes, size - len(core), replace=False).tolist()))
    return lists


class Timer:
    """CPU and wall-clock seconds of a ``with`` block."""

    def __enter__(self) -> Timer:
        self.cpu, self.wall = time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *_) -> None:
        self.cpu, self.wall = time.process_time() - self.cpu, time.perf_counter() - self.wall


def named(lists: dict[str, list[str]], family_size: int = 0) -> dict[str, dict[str, list[str]]]:
    """The workflow's units: every gene its own name, or the first ``family_size`` genes one family word."""
    units = {}
    for query, genes in lists.items():
        family = genes[:family_size] if family_size > 1 else []
        units[query] = ({"FAMILY": family} if family else {}) | {g: [g] for g in genes[len(family) :]}
    return units


def time_exocargo(
    lists: dict[str, list[str]], library: dict[str, list[str]], family_size: int = 0
) -> tuple[Timer, object]:
    """The engine as the workflow runs it: counting by names, units built from the lists."""
    units = named(lists, family_size)
    with Timer() as timer:
        table = ora_batch(lists, library, units=units, counting="names")
    return timer, table


def time_gseapy(lists: dict[str, list[str]], library: dict[str, list[str]]) -> tuple[Timer, dict]:
    import gseapy

    background = sorted({int(g) for members in library.values() for g in members})
    with Timer() as timer:
        results = {
            name: gseapy.enrich(genes, library, background=background, no_plot=True).res2d
            for name, genes in lists.items()
        }
    return timer, results


def largest_difference(table, results: dict) -> float:
    """Largest relative difference of p-values between the engines, over every tested term."""
    worst = 0.0
    for name, reference in results.items():
        ours = table[table["query"] == name].set_index("term")["p_value"]
        theirs = reference.set_index("Term")["P-value"]
        if sorted(ours.index) != sorted(theirs.index):
            raise AssertionError(f"{name}: the engines tested different terms")
        worst = max(worst, float(np.max(np.abs(ours[theirs.index].to_numpy() - theirs.to_numpy()) / theirs.to_numpy())))
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lists", type=int, default=1000, help="lists for the engine comparison (default 1000)")
    parser.add_argument("--libraries", nargs="+", default=DEFAULT_LIBRARIES, help="libraries for the comparison")
    parser.add_argument(
        "--gseapy-lists", type=int, default=None, help="run gseapy on this many of the lists (default: all of them)"
    )
    parser.add_argument(
        "--batch-lists", type=int, default=10000, help="lists for the exocargo-only timing over --batch-libraries"
    )
    parser.add_argument("--batch-libraries", nargs="+", default=BATCH_LIBRARIES)
    parser.add_argument("--seed", type=int, default=20261122)
    args = parser.parse_args()

    names = sorted(set(args.libraries) | set(args.batch_libraries) | {"KEGG_2021_Human"})
    libraries = {name: read_gmt_library(LIBRARIES / f"{name}.entrez.gmt") for name in names}
    genes = sorted({g for library in libraries.values() for members in library.values() for g in members})
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; one process")

    lists = figure_like_lists(args.lists, libraries["KEGG_2021_Human"], genes, args.seed)
    subsample = dict(list(lists.items())[: args.gseapy_lists or args.lists])
    label = "measured" if len(subsample) == len(lists) else f"measured on {len(subsample)} lists, extrapolated"
    print(
        f"\n{args.lists} lists of 5-80 genes, background = genes of the library, counting by names (each name "
        "one gene, so the numbers are gseapy's); lists/s in CPU (wall) time"
    )
    print(f"{'library':28} {'exocargo lists/s':>22} {'gseapy lists/s':>18} {'ratio':>7}  {'max rel. diff p':>15}")
    for name in args.libraries:
        ours, table = time_exocargo(lists, libraries[name])
        theirs, results = time_gseapy(subsample, libraries[name])
        rates = {
            what: (len(lists) / getattr(ours, what), len(subsample) / getattr(theirs, what)) for what in ("cpu", "wall")
        }
        difference = largest_difference(table, results)
        print(
            f"{name:28} {rates['cpu'][0]:10,.0f} ({rates['wall'][0]:7,.0f}) {rates['cpu'][1]:8,.1f} ({rates['wall'][1]:6,.1f})"
            f" {rates['cpu'][0] / rates['cpu'][1]:6,.0f}x  {difference:15.1e}"
        )
        print(
            f"{'':28} exocargo {ours.cpu:.2f} s CPU for {len(lists)} lists ({len(table):,} rows); "
            f"gseapy {theirs.cpu:.1f} s CPU for {len(subsample)} lists ({label})"
        )

    batch = figure_like_lists(args.batch_lists, libraries["KEGG_2021_Human"], genes, args.seed + 1)
    print(f"\nexocargo only: {args.batch_lists} lists x {len(args.batch_libraries)} libraries")
    cpu = wall = 0.0
    for name in args.batch_libraries:
        timer, table = time_exocargo(batch, libraries[name])
        cpu, wall = cpu + timer.cpu, wall + timer.wall
        print(
            f"{name:28} {timer.cpu:6.2f} s CPU ({timer.wall:6.2f} s wall)  {len(table):>10,} rows  "
            f"{args.batch_lists / timer.cpu:7,.0f} lists/s"
        )
    print(f"{'total':28} {cpu:6.2f} s CPU ({wall:6.2f} s wall)")
    timer, table = time_exocargo(batch, libraries["GO_Biological_Process_2023"], family_size=5)
    print(
        f"{'GO BP, one 5-gene family word':28} {timer.cpu:6.2f} s CPU ({timer.wall:6.2f} s wall)  "
        f"{len(table):>10,} rows  {args.batch_lists / timer.cpu:7,.0f} lists/s"
    )


if __name__ == "__main__":
    main()
