"""Gene-set libraries: GMT reading, translation to Entrez, libraries built from PFOCR figure folders."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import FAMPLEX_DIR, GENES_TSV, HAIRPINS_TSV, REPO, require

from exocargo.enrichment.libraries import build_pfocr_library, library_record, read_gmt_library, translate_library
from exocargo.errors import InputError
from exocargo.gmt import write_gmt
from exocargo.inputs.readers import read_gmt
from exocargo.mapping.table import load_mapper

SEED_RECORD = REPO / "config" / "demo" / "PMC6441234__12943_2019_980_Fig1_HTML.md"
SEED_FIGID = "PMC6441234__12943_2019_980_Fig1_HTML"


@pytest.fixture(scope="module")
def symbol_mapper():
    return load_mapper(require(GENES_TSV), require(HAIRPINS_TSV))


@pytest.fixture(scope="module")
def figure_mapper():
    return load_mapper(require(GENES_TSV), require(HAIRPINS_TSV), require(FAMPLEX_DIR))


def pfocr_record(figid: str, title: str, words: list[str]) -> str:
    genes = "".join(f"- word: {word}\n" for word in words)
    return f"---\nfigid: {figid}\nfigtitle: {json.dumps(title)}\ncaption: A test figure.\ngenes:\n{genes}---\n"


def test_read_gmt_library_drops_weights_and_names_bad_lines(tmp_path):
    path = tmp_path / "lib.gmt"
    path.write_text("first\t\tTP53,1.0\tPTEN\tTP53\n\nsecond\tdescription\tAKT1\n")
    assert read_gmt_library(path) == {"first": ["TP53", "PTEN"], "second": ["AKT1"]}
    path.write_text("first\t\tTP53\nsecond\tno genes\t\n")
    with pytest.raises(
        InputError, match=r"lib.gmt, line 2: a GMT line needs a set name, a description and at least one"
    ):
        read_gmt_library(path)
    path.write_text("first\t\tTP53\nfirst\t\tPTEN\n")
    with pytest.raises(InputError, match=r"line 2: set name 'first' repeats line 1"):
        read_gmt_library(path)


def test_translate_library_reports_what_did_not_map(symbol_mapper):
    library = {
        "signalling": ["PTEN", "AKT1", "MIR21", "NOT_A_GENE_XYZ", "COX1"],  # COX1: alias of two genes
        "nothing": ["NOT_A_GENE_XYZ"],
    }
    translated, summary = translate_library(library, symbol_mapper)
    assert translated == {"signalling": ["5728", "207", "406991"]}
    assert summary["terms_without_genes"] == ["nothing"]
    assert summary["unmapped_symbols"] == 2 and summary["ambiguous_symbols"] == 1
    assert summary["unmapped_examples"] == ["COX1", "NOT_A_GENE_XYZ"]
    assert summary["library_symbols"] == 5 and summary["entrez_genes"] == 3


def test_pfocr_folder_becomes_a_library_of_figures(tmp_path, figure_mapper):
    folder = tmp_path / "figures"
    folder.mkdir()
    shutil.copy(require(SEED_RECORD), folder)
    (folder / "PMC1__fig1.md").write_text(pfocr_record("PMC1__fig1", "EGFR\tsignalling\n  in brief", ["EGFR", "KRAS"]))
    (folder / "PMC2__fig2.md").write_text(pfocr_record("PMC2__fig2", "No genes here", ["ATP", "NOT_A_GENE_XYZ"]))
    library, summary = build_pfocr_library(folder, figure_mapper)
    assert library["PMC1__fig1: EGFR signalling in brief"] == ["1956", "3845"]
    seed = next(genes for term, genes in library.items() if term.startswith(f"{SEED_FIGID}: Illustrative diagram"))
    assert {"5290", "5291", "5293"} <= set(seed)  # PI3K expanded to its catalytic subunits through FamPlex
    assert summary["records"] == 3 and summary["terms"] == 2
    assert summary["figures_without_genes"] == ["PMC2__fig2"]
    assert "PMC2__fig2: NOT_A_GENE_XYZ" in summary["unmapped_examples"]
    write_gmt(library, tmp_path / "figures.entrez.gmt")
    assert read_gmt_library(tmp_path / "figures.entrez.gmt") == library


def test_pfocr_folder_problems_name_the_file(tmp_path, figure_mapper):
    with pytest.raises(InputError, match="not a folder"):
        build_pfocr_library(tmp_path / "missing", figure_mapper)
    (tmp_path / "a.md").write_text(pfocr_record("PMC1__fig1", "One", ["EGFR"]))
    (tmp_path / "b.md").write_text(pfocr_record("PMC1__fig1", "Again", ["KRAS"]))
    with pytest.raises(InputError, match=r"b.md: figure PMC1__fig1 is already in a.md"):
        build_pfocr_library(tmp_path, figure_mapper)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match=r"no PFOCR records \(\*.md\) found"):
        build_pfocr_library(empty, figure_mapper)


def test_library_record_names_version_and_origin(tmp_path):
    provenance = tmp_path / "lib.provenance.json"
    provenance.write_text(json.dumps({"version": "pyenrichr-1.0.2", "licence": "CC BY-NC-SA 4.0", "origin": "pip"}))
    record = library_record("KEGG_2021_Human", "pyenrichr", tmp_path / "lib.gmt", provenance)
    assert (record["version"], record["provenance"]) == ("pyenrichr-1.0.2", str(provenance))
    local = tmp_path / "mine.gmt"
    local.write_text("a\t\tTP53\n")
    assert library_record("mine", "gmt", local)["version"].startswith("sha256:")
    assert library_record("figs", "pfocr_folder", Path(tmp_path))["version"] == "folder of 0 PFOCR records"


def test_a_gmt_list_and_a_gmt_library_read_weighted_genes_alike(tmp_path):
    path = tmp_path / "sets.gmt"
    path.write_text("S1\t\tTP53,1.0\tPTEN\n")
    assert read_gmt_library(path) == {"S1": ["TP53", "PTEN"]}
    assert list(read_gmt(path)["name"]) == ["TP53", "PTEN"]
