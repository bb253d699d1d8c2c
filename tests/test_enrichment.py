"""The ORA engine: its statistics against SciPy, its results against gseapy.enrich, its workflow helpers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import ENTREZ_LIBRARIES, GENES_TSV, HAIRPINS_TSV, require
from scipy.stats import false_discovery_control, fisher_exact, hypergeom

from exocargo.enrichment.backgrounds import circular_terms, read_background_file
from exocargo.enrichment.compare import column_order, compare_columnar, compare_lists, list_columns
from exocargo.enrichment.libraries import read_gmt_library
from exocargo.enrichment.ora import design_ora, ora_batch
from exocargo.enrichment.run import EnrichmentOptions, enrich_list, read_enrichment
from exocargo.enrichment.stats import benjamini_hochberg, hypergeom_sf
from exocargo.errors import InputError
from exocargo.files import read_tsv, write_table, write_table_and_columnar, write_text_arrow
from exocargo.mapping.table import load_mapper
from exocargo.tables import COMPARISON_TABLE, ENRICHMENT_TABLE

TOY_LIBRARY = {
    "alpha": ["1", "2", "3", "4", "5"],
    "beta": ["4", "5", "6", "7", "8", "9", "10"],
    "gamma": ["11", "12"],
    "delta": [str(i) for i in range(20, 60)],
}


def relative_difference(a, b) -> float:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / np.abs(b))) if a.size else 0.0


@pytest.fixture(scope="module")
def gene_table() -> pd.DataFrame:
    return read_tsv(require(GENES_TSV))


@pytest.fixture(scope="module")
def libraries() -> dict[str, dict[str, list[str]]]:
    names = ("KEGG_2021_Human", "WikiPathway_2023_Human", "GO_Biological_Process_2023")
    return {name: read_gmt_library(require(ENTREZ_LIBRARIES / f"{name}.entrez.gmt")) for name in names}


def random_lists(library: dict[str, list[str]], count: int, seed: int) -> dict[str, list[str]]:
    """Figure-sized lists: part drawn from one term (so some terms are enriched), part random, one unknown gene."""
    rng = np.random.default_rng(seed)
    genes = sorted({g for members in library.values() for g in members})
    terms = list(library)
    lists = {}
    for i in range(count):
        size = int(rng.integers(5, 60))
        core = list(rng.choice(library[terms[rng.integers(len(terms))]], size // 2))
        lists[f"list{i}"] = list(dict.fromkeys(core + list(rng.choice(genes, size - len(core))) + ["999999999"]))
    return lists


# --------------------------------------------------------------------------- statistics


def test_hypergeometric_tail_matches_scipy_across_regimes():
    rng = np.random.default_rng(7)
    cases = []
    for big_n in (40, 300, 8_068, 14_684, 20_000):
        big_k = rng.integers(1, min(big_n, 2500), 3000)
        n = rng.integers(1, min(big_n, 2500), 3000)
        low, high = np.maximum(1, n + big_k - big_n), np.minimum(big_k, n)
        ok = low <= high
        k = low[ok] + (rng.random(ok.sum()) * (high[ok] - low[ok] + 1)).astype(np.int64)
        cases.append((k, big_k[ok], n[ok], big_n))
    for k, big_k, n, big_n in cases:
        ours = hypergeom_sf(k, big_k, n, big_n)
        reference = hypergeom.sf(k - 1, big_n, big_k, n)
        normal = reference > 1e-300  # below that SciPy's own values are subnormal
        assert relative_difference(ours[normal], reference[normal]) < 1e-12, big_n
        assert np.all(ours[~normal] < 1e-290)


def test_hypergeometric_tail_edges():
    # k at its lowest possible value is certain; k above every other gene count is impossible to beat.
    assert hypergeom_sf(np.array([3]), np.array([8]), np.array([5]), 10)[0] == pytest.approx(1.0)
    assert hypergeom_sf(np.array([5]), np.array([5]), np.array([5]), 10)[0] == pytest.approx(1 / 252)
    with pytest.raises(ValueError, match="must not exceed the background"):
        hypergeom_sf(np.array([1]), np.array([30]), np.array([5]), 20)


def test_p_value_is_fishers_exact_test_for_over_representation():
    library = {"term": [str(i) for i in range(1, 41)]}
    query = [str(i) for i in range(1, 7)] + [str(i) for i in range(100, 114)]
    table = ora_batch({"q": query}, library, background=[str(i) for i in range(1, 501)])
    row = table.iloc[0]
    assert (row["overlap_size"], row["term_size"], row["query_size"], row["background_size"]) == (6, 40, 20, 500)
    _, fisher = fisher_exact([[6, 34], [14, 446]], alternative="greater")
    assert row["p_value"] == pytest.approx(fisher, rel=1e-12)
    assert row["overlap"] == "6/40"


def test_benjamini_hochberg_matches_scipy_within_groups():
    rng = np.random.default_rng(3)
    p = np.concatenate([rng.random(500) ** 4, [0.01, 0.01, 0.01, 1.0, 1e-80]])
    groups = rng.integers(0, 4, p.size)
    ours = benjamini_hochberg(p, groups)
    for group in range(4):
        chosen = groups == group
        assert relative_difference(ours[chosen], false_discovery_control(p[chosen])) < 1e-15
    assert relative_difference(benjamini_hochberg(p), false_discovery_control(p)) < 1e-15


# --------------------------------------------------------------------------- the engine


def test_background_forms_follow_gseapy_meaning():
    query = ["1", "2", "3", "70"]  # 70 is in no term
    unset = ora_batch({"q": query}, TOY_LIBRARY)
    assert set(unset["query_size"]) == {3} and set(unset["background_size"]) == {52}
    number = ora_batch({"q": query}, TOY_LIBRARY, background=1000)
    assert set(number["query_size"]) == {4} and set(number["background_size"]) == {1000}
    genes = ora_batch({"q": query}, TOY_LIBRARY, background=[str(i) for i in range(1, 11)] + ["70"])
    assert set(genes["query_size"]) == {4} and set(genes["background_size"]) == {11}
    assert genes.set_index("term").loc["alpha", "term_size"] == 5
    design = design_ora({"q": query}, TOY_LIBRARY, background=[str(i) for i in range(1, 11)])
    assert design.dropped == {"q": ["70"]}


def test_rows_sorted_with_genes_and_size_filter():
    queries = {"second": ["4", "5", "6", "7", "1"], "first": ["11", "12", "20"]}
    table = ora_batch(queries, TOY_LIBRARY, min_size=3, max_size=10, symbols={"4": "FOUR"})
    assert list(table.columns) == ENRICHMENT_TABLE.columns
    assert table["query"].tolist() == ["second", "second"]  # gamma (2 genes) and delta (40) are not tested
    assert table["term"].tolist() == ["beta", "alpha"]
    assert table["entrez_ids"].tolist() == ["4;5;6;7", "1;4;5"]
    assert table["genes"].tolist() == ["FOUR;5;6;7", "1;FOUR;5"]
    assert table["p_value"].is_monotonic_increasing


def test_excluded_terms_leave_the_test_and_the_adjustment():
    query = {"q": ["1", "2", "4", "5", "6", "7", "8", "9"]}  # beta 6/7, alpha 4/5
    everything = ora_batch(query, TOY_LIBRARY)
    without = ora_batch(query, TOY_LIBRARY, exclude={"q": ["alpha"]})
    assert "alpha" in set(everything["term"]) and "alpha" not in set(without["term"])
    beta = without.set_index("term").loc["beta"]
    assert beta["adjusted_p_value"] == pytest.approx(beta["p_value"])  # one test left
    assert everything.set_index("term").loc["beta", "adjusted_p_value"] > beta["adjusted_p_value"]


def test_query_without_genes_gives_no_rows():
    table = ora_batch({"empty": [], "q": ["1", "2"]}, TOY_LIBRARY)
    assert set(table["query"]) == {"q"}


# --------------------------------------------------------------------------- gseapy, the reference


def gseapy_table(query: list[str], library: dict[str, list[str]], background) -> pd.DataFrame:
    import gseapy

    if isinstance(background, list):
        background = [int(g) for g in background]  # gseapy turns Entrez queries into integers
    result = gseapy.enrich(query, library, background=background, no_plot=True).res2d
    return result.set_index("Term")


@pytest.mark.parametrize(
    ("library_name", "background", "count"),
    [
        ("KEGG_2021_Human", None, 12),
        ("KEGG_2021_Human", 20_000, 12),
        ("KEGG_2021_Human", "protein_coding", 12),
        ("WikiPathway_2023_Human", None, 8),
        ("WikiPathway_2023_Human", 25_000, 8),
        ("GO_Biological_Process_2023", 20_000, 6),
        ("GO_Biological_Process_2023", "protein_coding", 6),
    ],
)
def test_same_numbers_as_gseapy_enrich(libraries, gene_table, library_name, background, count):
    library = libraries[library_name]
    if background == "protein_coding":
        background = sorted(gene_table.loc[gene_table["locus_type"] == "gene with protein product", "entrez_id"])
    queries = random_lists(library, count, seed=len(library_name) + count)
    ours = ora_batch(queries, library, background=background)
    compared = 0
    for name, genes in queries.items():
        reference = gseapy_table(genes, library, background)
        mine = ours[ours["query"] == name].set_index("term")
        assert sorted(mine.index) == sorted(reference.index)
        mine = mine.loc[reference.index]
        assert mine["overlap"].tolist() == reference["Overlap"].tolist()
        assert relative_difference(mine["p_value"], reference["P-value"]) < 1e-9
        assert relative_difference(mine["adjusted_p_value"], reference["Adjusted P-value"]) < 1e-9
        assert relative_difference(mine["odds_ratio"], reference["Odds Ratio"]) < 1e-9
        assert relative_difference(mine["combined_score"], reference["Combined Score"]) < 1e-9
        assert [set(g.split(";")) for g in mine["entrez_ids"]] == [set(g.split(";")) for g in reference["Genes"]]
        compared += len(mine)
    assert compared > 20 * count  # the lists really overlap the library


def test_gseapy_engine_gives_the_batch_engine_table(libraries):
    library = libraries["KEGG_2021_Human"]
    queries = random_lists(library, 4, seed=11)
    first = next(iter(queries))
    options = {"background": None, "min_size": 10, "max_size": 150, "exclude": {first: ["Pathways in cancer"]}}
    batch = ora_batch(queries, library, **options)
    reference = ora_batch(queries, library, engine="gseapy", **options)
    assert batch[["query", "term", "overlap", "entrez_ids"]].equals(
        reference[["query", "term", "overlap", "entrez_ids"]]
    )
    for column in ("p_value", "adjusted_p_value", "odds_ratio", "combined_score"):
        assert relative_difference(batch[column], reference[column]) < 1e-9
    assert not ((batch["query"] == first) & (batch["term"] == "Pathways in cancer")).any()


# --------------------------------------------------------------------------- workflow helpers


def pfocr_source(figid: str) -> dict:
    return {"kind": "pfocr", "pfocr": {"figid": figid}}


def summary_of(name: str, source: str) -> dict:
    return {"library": {"name": name, "source": source, "version": "test"}, "terms": 3}


FIGURES = {
    "PMC1__fig1: Own figure": ["1", "2", "3", "4", "5"],
    "PMC2__fig2: Same genes, other figure": ["1", "2", "3", "4", "5"],
    "PMC3__fig3: Partly shared": ["1", "2", "3", "30", "31", "32"],
    "PMC1__fig10: Id that starts like the own one": ["1", "2", "40", "41", "42"],
}


def test_circular_terms_are_own_figure_and_identical_sets():
    design = design_ora({"PMC1__fig1": FIGURES["PMC1__fig1: Own figure"]}, FIGURES)
    reasons = circular_terms("PMC1__fig1", FIGURES["PMC1__fig1: Own figure"], FIGURES, design)
    assert reasons == {
        "PMC1__fig1: Own figure": "the list's own figure (PMC1__fig1)",
        "PMC2__fig2: Same genes, other figure": "same gene set as the list",
    }


def test_enrich_list_guards_circularity_and_reports_it(gene_table):
    options = EnrichmentOptions(min_size=1)
    queries = {"fig": FIGURES["PMC1__fig1: Own figure"]}
    table, sidecar = enrich_list(
        list_id="fig",
        queries=queries,
        source=pfocr_source("PMC1__fig1"),
        library=FIGURES,
        library_summary=summary_of("my_figures", "pfocr_folder"),
        genes=gene_table,
        options=options,
    )
    assert set(table["term"]) == {"PMC3__fig3: Partly shared", "PMC1__fig10: Id that starts like the own one"}
    assert sidecar["circularity"]["applies"] is True
    assert {e["term"] for e in sidecar["circularity"]["excluded"]} == {
        "PMC1__fig1: Own figure",
        "PMC2__fig2: Same genes, other figure",
    }
    # The same list against a library that is not made of figures is not guarded.
    table, sidecar = enrich_list(
        list_id="fig",
        queries=queries,
        source=pfocr_source("PMC1__fig1"),
        library=FIGURES,
        library_summary=summary_of("KEGG_2021_Human", "pyenrichr"),
        genes=gene_table,
        options=options,
    )
    assert len(table) == 4 and sidecar["circularity"] == {**sidecar["circularity"], "applies": False, "excluded": []}


def test_enrich_list_sidecar_reports_background_and_dropped_genes(libraries, gene_table):
    mir21, pten, akt1, pik3ca, egfr = "406991", "5728", "207", "5290", "1956"
    options = EnrichmentOptions(background="protein_coding")
    table, sidecar = enrich_list(
        list_id="cargo",
        queries={"cargo": [mir21, pten, akt1, pik3ca, egfr]},
        source={"kind": "genes"},
        library=libraries["KEGG_2021_Human"],
        library_summary=summary_of("KEGG_2021_Human", "pyenrichr"),
        genes=gene_table,
        options=options,
    )
    coding = int((gene_table["locus_type"] == "gene with protein product").sum())
    assert sidecar["background"]["size"] == coding and set(table["background_size"]) == {coding}
    assert sidecar["queries"]["cargo"]["dropped_symbols"] == ["MIR21"]  # a miRNA gene is not protein coding
    assert sidecar["queries"]["cargo"]["in_background"] == 4
    assert sidecar["terms_tested"] + sidecar["terms_outside_size_limits"] == sidecar["terms_in_library"]
    symbol = dict(zip(gene_table["entrez_id"], gene_table["symbol"]))
    for names, ids in zip(table["genes"], table["entrez_ids"]):
        assert names.split(";") == [symbol[i] for i in ids.split(";")]
    assert "PI3K-Akt signaling pathway" in set(table["term"])


def test_background_file_reports_unused_lines(tmp_path):
    path = tmp_path / "background.txt"
    path.write_text("# expressed genes\nTP53\nPTEN\nNOT_A_GENE_XYZ\n7157\n")
    mapper = load_mapper(require(GENES_TSV), require(HAIRPINS_TSV))
    ids, report = read_background_file(path, mapper)
    assert sorted(ids) == ["5728", "7157"]
    assert report["names_not_used"] == 1
    assert report["names_not_used_examples"] == ["line 4: NOT_A_GENE_XYZ"]
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing\n")
    with pytest.raises(InputError, match=r"empty.txt: the background file lists no genes"):
        read_background_file(empty, mapper)


def test_comparison_has_joint_fdr_over_all_lists():
    first = ora_batch({"a": ["1", "2", "3", "4"]}, TOY_LIBRARY)
    second = ora_batch({"b": ["5", "6", "7", "8", "20"]}, TOY_LIBRARY)
    comparison = compare_lists({"a": first, "b": second})
    assert list(comparison.columns) == COMPARISON_TABLE.columns
    assert len(comparison) == len(first) + len(second)
    expected = false_discovery_control(comparison["p_value"].to_numpy())
    assert relative_difference(comparison["joint_adjusted_p_value"], expected) < 1e-15
    assert comparison["p_value"].is_monotonic_increasing
    other_background = ora_batch({"c": ["1", "2"]}, TOY_LIBRARY, background=1000)
    with pytest.raises(ValueError, match="different backgrounds"):
        compare_lists({"a": first, "c": other_background})


def test_comparison_from_parquet_copies_writes_the_same_bytes_as_from_tables(tmp_path):
    rng = np.random.default_rng(3)
    a = ora_batch({f"a{i}": [str(g) for g in rng.choice(40, 6, replace=False) + 1] for i in range(3)}, TOY_LIBRARY)
    assert len(a) > 2
    b = pd.concat([a.assign(query="b-copy"), a.iloc[:2]], ignore_index=True)  # ties with a: list order decides
    tables = {"a": a, "empty": a.iloc[0:0], "b": b}
    sources = {}
    for name, table in tables.items():
        write_table_and_columnar(table, tmp_path / f"{name}.tsv", tmp_path / f"{name}.parquet")
        sources[name] = tmp_path / f"{name}.parquet"
    typed = {name: read_enrichment(path) for name, path in sources.items()}
    write_table(compare_lists(typed), tmp_path / "pandas.tsv")
    write_text_arrow(compare_columnar(sources), tmp_path / "arrow.tsv", tmp_path / "arrow.parquet")
    assert (tmp_path / "arrow.tsv").read_bytes() == (tmp_path / "pandas.tsv").read_bytes()
    assert len(read_tsv(tmp_path / "arrow.tsv")) == len(a) + len(b)
    assert list_columns(sources) == column_order(typed)
    write_text_arrow(compare_columnar({"empty": sources["empty"]}), tmp_path / "none.tsv")
    assert (tmp_path / "none.tsv").read_text() == "\t".join(COMPARISON_TABLE.columns) + "\n"


def test_docstring_examples_hold():
    import doctest

    import exocargo.enrichment.ora
    import exocargo.enrichment.stats

    assert doctest.testmod(exocargo.enrichment.ora).failed == 0
    assert doctest.testmod(exocargo.enrichment.stats).failed == 0
