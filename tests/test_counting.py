"""Counting by named units: a family word is one hit, and with no family the test is gseapy's."""

from __future__ import annotations

from math import comb

import numpy as np
import pytest
from conftest import GENES_TSV, require
from scipy.stats import hypergeom

from exocargo.enrichment.ora import ora_batch


def random_library(rng: np.random.Generator, genes: int = 400, terms: int = 60) -> dict[str, list[str]]:
    universe = [str(g) for g in range(1, genes + 1)]
    return {f"T{t}": list(rng.choice(universe, size=int(rng.integers(5, 60)), replace=False)) for t in range(terms)}


def test_with_no_name_of_several_genes_the_numbers_are_gseapys():
    rng = np.random.default_rng(7)
    library = random_library(rng)
    queries = {f"q{i}": [str(g) for g in rng.choice(np.arange(1, 401), size=40, replace=False)] for i in range(3)}
    # Every name is one gene; two names of one gene ("TP53", "p53") are still one gene.
    units = {q: {f"name{g}": [g] for g in genes} | {"alias": [genes[0]]} for q, genes in queries.items()}
    ours = ora_batch(queries, library, units=units)
    reference = ora_batch(queries, library, engine="gseapy")
    assert ours[["query", "term", "overlap", "entrez_ids"]].equals(
        reference[["query", "term", "overlap", "entrez_ids"]]
    )
    for column in ("p_value", "adjusted_p_value", "odds_ratio", "combined_score"):
        assert np.allclose(ours[column], reference[column], rtol=1e-9, atol=0), column


def test_a_family_word_is_one_hit_and_costs_the_chance_of_its_size():
    background = 300
    family = [str(g) for g in range(1, 17)]  # sixteen paralogs, as HSP70 is
    library = {"refolding": family[:10] + ["100", "101"], "other": ["200", "201", "202", "203", "204"]}
    queries = {"list": [*family, "200", "250"]}
    units = {"list": {"HSP70": family, "ALB": ["200"], "ACTB": ["250"]}}
    by_names = ora_batch(queries, library, background=[str(g) for g in range(1, background + 1)], units=units)
    row = by_names.set_index("term").loc["refolding"]
    assert (row["overlap_size"], row["query_size"], row["names"]) == (1, 3, "HSP70")
    assert row["entrez_ids"].split(";") == family[:10]  # the genes stay listed
    # P(overlap >= 1) = 1 - P(both singles miss) * P(16 random genes all miss the term).
    big_k = len(library["refolding"])
    miss = comb(background - big_k, 2) / comb(background, 2) * comb(background - big_k, 16) / comb(background, 16)
    assert row["p_value"] == pytest.approx(1 - miss, rel=1e-9)
    by_genes = ora_batch(queries, library, background=[str(g) for g in range(1, background + 1)])
    assert by_genes.set_index("term").loc["refolding", "p_value"] < 1e-10 < 0.1 < row["p_value"]


def test_singles_and_families_combine_as_a_hypergeometric_plus_independent_draws():
    background = [str(g) for g in range(1, 201)]
    term = [str(g) for g in range(1, 31)]
    library = {"T": term}
    singles = ["1", "2", "150", "160", "170"]
    families = {"F1": ["3", "4", "5", "180"], "F2": ["190", "191", "6"], "F3": ["195", "196"]}
    units = {"q": {s: [s] for s in singles} | families}
    table = ora_batch(
        {"q": [*singles, *(g for f in families.values() for g in f)]}, library, background=background, units=units
    )
    k = int(table["overlap_size"][0])
    assert k == 4 and table["query_size"][0] == 8  # 1, 2, F1, F2 hit; F3 does not
    # Independent computation: X ~ Hypergeom(200, 30, 5) singles, each family Bernoulli(1 - C(170, m) / C(200, m)).
    chances = [1 - comb(170, len(f)) / comb(200, len(f)) for f in families.values()]
    pmf = np.array([1.0])
    for chance in chances:
        pmf = np.convolve(pmf, [1 - chance, chance])
    expected = sum(pmf[j] * hypergeom.sf(k - j - 1, 200, 30, 5) for j in range(len(pmf)))
    assert table["p_value"][0] == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize("library", ["GO_Biological_Process_2023", "KEGG_2021_Human"])
def test_eight_unrelated_names_give_no_term_resting_on_one_name(library):
    require(GENES_TSV)
    import exocargo

    names = ["HSP70", "ALB", "KRT18", "GAPDH", "CD9", "VEGF", "MKI67", "ACTB"]
    significant = {}
    for counting in ("names", "genes"):
        table = exocargo.enrich(names, library=library, counting=counting)
        significant[counting] = table[table["adjusted_p_value"] < 0.05]
    resting_on_one = significant["names"][~significant["names"]["names"].str.contains(";")]
    assert resting_on_one.empty, resting_on_one[["term", "names"]].head().to_string()
    if library.startswith("GO"):  # counting genes, HSP70's sixteen genes alone make terms significant
        assert (significant["genes"]["names"] == "HSP70").sum() > 50
    assert exocargo.map_names(["VEGF"])["symbol"].tolist() == ["VEGFA"]
