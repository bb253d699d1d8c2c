"""miRNA target-set enrichment: plain hypergeometric p beside a target-count-matched permutation p."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import ENTREZ_LIBRARIES, LAYOUT, MIRTARBASE_CSV, require
from scipy.stats import false_discovery_control, hypergeom

from exocargo.cargo.targets import mirtarbase_pairs, read_mirtarbase
from exocargo.enrichment.libraries import read_gmt_library
from exocargo.enrichment.mirna_null import _matched_draws, mirna_set_enrichment, target_count_bins
from exocargo.files import read_tsv
from exocargo.tables import MIRNA_ENRICHMENT_TABLE

PAIRS_TSV = Path(LAYOUT.mirtarbase_pairs(online=False))


@pytest.fixture(scope="module")
def pairs() -> pd.DataFrame:
    """miRTarBase pairs: the workflow's table if a run built it, else built here from the CSV."""
    if PAIRS_TSV.exists():
        return read_tsv(PAIRS_TSV)
    return mirtarbase_pairs(read_mirtarbase(require(MIRTARBASE_CSV)))


def toy() -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """Ten miRNAs with 1..10 targets among genes 1..40; three terms."""
    rows = [(f"m{i}", str(g)) for i in range(1, 11) for g in range(i, 2 * i + 1)]
    pairs = pd.DataFrame(rows, columns=["mirna", "target_entrez"])
    library = {
        "low": [str(g) for g in range(1, 8)],
        "mid": [str(g) for g in range(5, 15)],
        "high": [str(g) for g in range(12, 30)],
    }
    return pairs, library


def test_plain_p_values_are_the_hypergeometric_tail_and_bh_adjusted():
    pairs, library = toy()
    table = mirna_set_enrichment({"m3": ["m3"], "m4": ["m4"]}, pairs, library, permutations=50, seed=3, min_size=1)
    assert list(table.columns) == MIRNA_ENRICHMENT_TABLE.columns
    universe = {g for genes in library.values() for g in genes} & set(pairs["target_entrez"])
    targets = set(pairs.loc[pairs["mirna"].isin(["m3", "m4"]), "target_entrez"]) & universe
    for row in table.itertuples(index=False):
        term = set(library[row.term]) & universe
        expected = hypergeom.sf(len(term & targets) - 1, len(universe), len(term), len(targets))
        assert row.p_value == pytest.approx(expected, rel=1e-12)
        assert (row.overlap_size, row.term_size, row.target_count) == (len(term & targets), len(term), len(targets))
    assert np.allclose(table["adjusted_p_value"], false_discovery_control(table["p_value"].to_numpy()))


def test_empirical_p_values_are_bounded_and_reproducible_with_the_seed():
    pairs, library = toy()

    def run(seed: int) -> pd.DataFrame:
        return mirna_set_enrichment({"m5": ["m5"]}, pairs, library, permutations=99, seed=seed, bins=3, min_size=1)

    first, again, other = run(7), run(7), run(8)
    assert first.equals(again)
    assert ((first["empirical_p_value"] >= 1 / 100) & (first["empirical_p_value"] <= 1)).all()
    assert not first["empirical_p_value"].equals(other["empirical_p_value"]) or first["empirical_p_value"].eq(1).all()


def test_random_mirnas_come_from_the_target_count_bin_of_the_mirna_they_replace():
    counts = np.array([1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144])
    pool = np.arange(2, 12)  # the first two miRNAs are the cargo
    draws = _matched_draws(
        np.array([3, 100]), pool, counts[pool], bins=4, permutations=200, rng=np.random.default_rng(1)
    )
    edges = target_count_bins(counts[pool], 4)

    def bin_of(count: int) -> int:
        return min(np.searchsorted(edges, count), len(edges) - 1)

    assert draws.shape == (200, 2)
    assert set(np.unique(draws)) <= set(pool)
    assert {bin_of(counts[d]) for d in draws[:, 0]} == {bin_of(3)}
    assert {bin_of(counts[d]) for d in draws[:, 1]} == {bin_of(100)}


def test_random_mirnas_look_enriched_to_the_plain_test_but_not_to_the_matched_null(pairs):
    """The known pitfall: miRNAs with many validated targets hit the well-studied pathways."""
    kegg = read_gmt_library(require(ENTREZ_LIBRARIES / "KEGG_2021_Human.entrez.gmt"))
    names = sorted(set(pairs["mirna"]))
    rng = np.random.default_rng(5)
    plain_hits, matched_hits = [], []
    for _ in range(3):
        random_set = rng.choice(names, 20, replace=False)
        table = mirna_set_enrichment({m: [m] for m in random_set}, pairs, kegg, permutations=1000, seed=20261122)
        plain_hits.append(int((table["adjusted_p_value"] < 0.05).sum()))
        matched_hits.append(int((table["empirical_adjusted_p_value"] < 0.05).sum()))
    assert min(plain_hits) >= 5, plain_hits  # the plain test calls random miRNAs significant
    assert matched_hits == [0, 0, 0]
