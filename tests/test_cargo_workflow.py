"""The cargo step in a workflow run: per-list tables, figure and miRNA test, merged table, edge list."""

from __future__ import annotations

import pytest
from conftest import REPO, make_workdir, run_workflow, seed

from exocargo.files import read_tsv
from exocargo.tables import CARGO_EDGES_TABLE, CARGO_TABLE, MIRNA_ENRICHMENT_TABLE


@pytest.mark.slow
def test_cargo_outputs_of_a_text_a_gene_list_a_figure_and_a_gmt(tmp_path):
    review = [seed("003_")]
    gmt = tmp_path / "sets.gmt"
    gmt.write_text("akt_set\t\tPTEN\tAKT1\tPIK3CA\tMTOR\tTSC2\n")
    sheet = [
        {"list_id": "figure", "path": REPO / "config/demo/PMC6441234__12943_2019_980_Fig1_HTML.md", "kind": "pfocr"},
        {"list_id": "cargo_list", "path": REPO / "config/demo/exosome_cargo.txt", "kind": "genes"},
        {"list_id": "mdr_review", "path": review[0], "kind": "text"},
        {"list_id": "sets", "path": gmt, "kind": "gmt"},
    ]
    work = make_workdir(tmp_path, sheet)
    run_workflow(
        work, "results/cargo/cargo_targets.tsv", *(f"results/cargo/{i}.network.svg" for i in ("figure", "sets"))
    )
    cargo = work / "results" / "cargo"

    merged = read_tsv(cargo / "cargo_targets.tsv")
    assert list(merged.columns) == CARGO_TABLE.columns
    assert set(merged["document"]) == {"figure", "cargo_list", "mdr_review"}
    stated = merged[(merged["document"] == "mdr_review") & (merged["source"] == "text+mirtarbase")]
    assert {("hsa-miR-221", "CDKN1B"), ("hsa-miR-222", "CDKN1B")} <= set(zip(stated["cargo"], stated["target_symbol"]))
    assert (stated["section"] != "").all(), "a stated row records the section it was stated in"
    figure_text = merged[(merged["document"] == "figure") & merged["source"].str.startswith("text")]
    assert set(figure_text["section"]) <= {"title", "figure legend"} and len(figure_text) > 0

    edges = read_tsv(cargo / "cargo_edges.tsv")
    assert list(edges.columns) == CARGO_EDGES_TABLE.columns and len(edges) > 100

    figure = (cargo / "figure.network.svg").read_text()
    assert figure.startswith("<?xml") and "PTEN" in figure and "hsa-miR-21" in figure
    assert "gmt input holds gene sets" in (cargo / "sets.network.svg").read_text()
    assert read_tsv(cargo / "sets.cargo_targets.tsv").empty

    tests = read_tsv(cargo / "cargo_list.mirna_enrichment.tsv")
    assert list(tests.columns) == MIRNA_ENRICHMENT_TABLE.columns
    assert set(tests["permutations"]) == {"1000"} and set(tests["library"]) == {
        "KEGG_2021_Human",
        "WikiPathway_2023_Human",
        "GO_Biological_Process_2023",
    }
