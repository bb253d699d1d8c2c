"""The enrichment step inside the workflow: demo outputs, PFOCR folder libraries, circularity, the gseapy engine."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
import yaml
from conftest import GENES_TSV, REPO, make_workdir, require, run_workflow
from scipy.stats import false_discovery_control

from exocargo.enrichment.run import read_enrichment
from exocargo.files import read_tsv
from exocargo.tables import COMPARISON_TABLE, ENRICHMENT_TABLE

DEMO_LISTS = ("seed_figure", "exosome_cargo", "cargo_relations")
DEMO_LIBRARIES = ("KEGG_2021_Human", "WikiPathway_2023_Human", "GO_Biological_Process_2023")
SEED_RECORD = REPO / "config" / "demo" / "PMC6441234__12943_2019_980_Fig1_HTML.md"
SEED_FIGID = "PMC6441234__12943_2019_980_Fig1_HTML"
SIDECAR_KEYS = {
    "list_id",
    "library",
    "library_translation",
    "engine",
    "background",
    "min_size",
    "max_size",
    "terms_in_library",
    "terms_tested",
    "terms_outside_size_limits",
    "adjustment",
    "fdr_threshold",
    "queries",
    "circularity",
}


def enrichment_targets(lists, libraries) -> list[str]:
    per_list = [
        f"results/enrichment/{list_id}.{library}.{ext}"
        for list_id in lists
        for library in libraries
        for ext in ("tsv", "json", "svg")
    ]
    return per_list + [
        f"results/enrichment/comparison.{library}.{ext}" for library in libraries for ext in ("tsv", "svg")
    ]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    require(GENES_TSV)
    work = make_workdir(tmp_path_factory.mktemp("enrichment_demo"))
    run_workflow(work, *enrichment_targets(DEMO_LISTS, DEMO_LIBRARIES))
    return work


@pytest.mark.slow
def test_demo_tables_sidecars_plots_and_comparisons(demo):
    results = demo / "results" / "enrichment"
    for list_id in DEMO_LISTS:
        for library in DEMO_LIBRARIES:
            table = read_enrichment(results / f"{list_id}.{library}.tsv")
            assert list(table.columns) == ENRICHMENT_TABLE.columns
            assert len(table) > 0 or list_id == "cargo_relations"  # its names are mostly miRNAs and drugs
            for _, rows in table.groupby("query", sort=False):
                assert rows["p_value"].is_monotonic_increasing
            sidecar = json.loads((results / f"{list_id}.{library}.json").read_text())
            assert SIDECAR_KEYS <= set(sidecar)
            assert sidecar["library"]["version"] == "pyenrichr-1.0.2"
            assert sidecar["background"]["choice"] == "library"
            assert set(table["background_size"]) <= {sidecar["background"]["size"]}
            assert sidecar["engine"] == "exocargo" and sidecar["circularity"]["applies"] is False
            query = sidecar["queries"][list_id]
            assert query["in_background"] + len(query["dropped"]) == query["genes"]
            svg = (results / f"{list_id}.{library}.svg").read_text()
            assert f"{list_id}: {library}" in svg
            if table.empty:
                assert "No term shares a gene with the list." in svg
            elif (table["adjusted_p_value"] < 0.05).any():
                assert table["term"].iloc[0].replace("&", "&amp;")[:30] in svg
    for library in DEMO_LIBRARIES:
        comparison = read_tsv(results / f"comparison.{library}.tsv")
        assert list(comparison.columns) == COMPARISON_TABLE.columns
        assert {"seed_figure", "exosome_cargo"} <= set(comparison["list_id"]) <= set(DEMO_LISTS)
        p = comparison["p_value"].astype(float).to_numpy()
        joint = comparison["joint_adjusted_p_value"].astype(float).to_numpy()
        assert np.allclose(joint, false_discovery_control(p), rtol=1e-12)
        assert f"All lists: {library}" in (results / f"comparison.{library}.svg").read_text()


@pytest.mark.slow
def test_seed_figure_top_terms_are_its_signalling_pathways(demo):
    """The figure draws EGFR/Ras/Raf/Mek/Erk and PI3K/AKT/PTEN; the top terms should be made of them.

    Needs the mapper's FamPlex family expansion (PI3K, Ras, Raf, Erk1/2 -> member genes). The smallest
    pathways built from exactly these modules rank first (KEGG's glioma, melanoma and endometrial cancer
    pathways, ErbB = EGFR-family signalling); the large PI3K-Akt (354 genes) and MAPK (294) pathways are
    significant further down. Counting by names, each family word (PI3K, Ras, Raf, Erk1/2, MEK1/2, AKT)
    is one hit that costs its size, so the large pathways are significant at 1e-6 to 1e-2, not below
    1e-6 as when every member gene counted.
    """
    results = demo / "results" / "enrichment"
    kegg = read_enrichment(results / "seed_figure.KEGG_2021_Human.tsv")
    top = kegg.head(15)
    assert "ErbB signaling pathway" in set(top["term"])
    top_genes = set(";".join(top.head(10)["genes"]).split(";"))
    assert {"EGFR", "KRAS", "BRAF", "MAP2K1", "MAPK1", "PIK3CA", "AKT1", "PTEN"} <= top_genes
    assert {"Ras", "Raf", "PI3K", "AKT", "PTEN"} <= set(top["names"].iloc[0].split(";"))
    significant = kegg.set_index("term")["adjusted_p_value"]
    for pathway in ("PI3K-Akt signaling pathway", "Ras signaling pathway", "MAPK signaling pathway"):
        assert significant[pathway] < 0.01, pathway
    wikipathways = read_enrichment(results / "seed_figure.WikiPathway_2023_Human.tsv")
    assert "EGFR Tyrosine Kinase Inhibitor Resistance WP4806" in set(wikipathways["term"].head(5))


def pfocr_record(figid: str, title: str, words: list[str]) -> str:
    genes = "".join(f"- word: {word}\n" for word in words)
    return f"---\nfigid: {figid}\nfigtitle: {json.dumps(title)}\ncaption: A test figure.\ngenes:\n{genes}---\n"


def figure_library_workdir(tmp_path, engine: str):
    """The seed figure and a gene list, against KEGG and a library of five figures (the seed among them)."""
    figures = tmp_path / "figures"
    figures.mkdir(parents=True)
    shutil.copy(require(SEED_RECORD), figures)
    copy = require(SEED_RECORD).read_text().replace(SEED_FIGID, "PMC999__copy_of_the_seed")
    (figures / "PMC999__copy_of_the_seed.md").write_text(copy)
    (figures / "PMC1__fig1.md").write_text(
        pfocr_record("PMC1__fig1", "EGFR to ERK", ["EGFR", "KRAS", "BRAF", "MEK1", "ERK2"])
    )
    (figures / "PMC2__fig2.md").write_text(
        pfocr_record("PMC2__fig2", "PI3K to AKT", ["PIK3CA", "AKT1", "PTEN", "MTOR"])
    )
    (figures / "PMC3__fig3.md").write_text(
        pfocr_record("PMC3__fig3", "Exosome markers", ["CD9", "CD63", "CD81", "TSG101"])
    )
    config = yaml.safe_load((REPO / "config" / "config.yaml").read_text())
    config["libraries"] = [
        {"name": "KEGG_2021_Human", "source": "pyenrichr"},
        {"name": "my_figures", "source": "pfocr_folder", "path": str(figures)},
    ]
    # gseapy counts genes; both engines count genes here, so their numbers must agree.
    config["enrichment"].update(engine=engine, counting="genes", background="protein_coding", min_size=2)
    rows = [
        {"list_id": "seed_figure", "path": str(SEED_RECORD), "kind": "pfocr"},
        {"list_id": "cargo", "path": str(REPO / "config" / "demo" / "exosome_cargo.txt"), "kind": "genes"},
    ]
    return make_workdir(tmp_path, rows, config_text=yaml.safe_dump(config))


@pytest.mark.slow
def test_pfocr_folder_library_guards_circularity_and_engines_agree(tmp_path):
    require(GENES_TSV)
    targets = enrichment_targets(["seed_figure", "cargo"], ["my_figures", "KEGG_2021_Human"])
    tables = {}
    for engine in ("exocargo", "gseapy"):
        work = figure_library_workdir(tmp_path / engine, engine)
        run_workflow(work, *targets)
        results = work / "results" / "enrichment"
        tables[engine] = {
            name: read_enrichment(results / f"{name}.tsv")
            for name in ("seed_figure.my_figures", "cargo.my_figures", "seed_figure.KEGG_2021_Human")
        }
        library = (work / "results" / "libraries" / "my_figures.entrez.gmt").read_text()
        assert library.count("\n") == 5 and f"{SEED_FIGID}: Illustrative diagram" in library
        sidecar = json.loads((results / "seed_figure.my_figures.json").read_text())
        assert sidecar["circularity"]["applies"] is True
        excluded = {e["term"].split(":")[0]: e["reason"] for e in sidecar["circularity"]["excluded"]}
        assert excluded == {
            SEED_FIGID: f"the list's own figure ({SEED_FIGID})",
            "PMC999__copy_of_the_seed": "same gene set as the list",
        }
        assert not tables[engine]["seed_figure.my_figures"]["term"].str.startswith((SEED_FIGID, "PMC999")).any()
        assert sidecar["background"]["choice"] == "protein_coding" and sidecar["library"]["source"] == "pfocr_folder"
        cargo = json.loads((results / "cargo.my_figures.json").read_text())
        assert cargo["circularity"]["applies"] is False  # a gene list is not a figure
        assert "MIR21" in cargo["queries"]["cargo"]["dropped_symbols"]  # miRNA genes are not protein coding
        assert engine in sidecar["engine"]
    for name, ours in tables["exocargo"].items():
        reference = tables["gseapy"][name]
        assert ours[["query", "term", "overlap", "entrez_ids"]].equals(
            reference[["query", "term", "overlap", "entrez_ids"]]
        )
        for column in ("p_value", "adjusted_p_value", "odds_ratio", "combined_score"):
            assert np.allclose(ours[column], reference[column], rtol=1e-9, atol=0), (name, column)
