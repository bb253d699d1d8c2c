"""Cargo tables: the seed relations with their evidence, miRTarBase validation, edges for Cytoscape."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import (
    ENTREZ_LIBRARIES,
    FAMPLEX_DIR,
    GENES_TSV,
    HAIRPINS_TSV,
    LAYOUT,
    MIRTARBASE_CSV,
    require,
    seed,
)

from exocargo.cargo.targets import (
    MirtarbaseIndex,
    build_list_cargo,
    cargo_edges,
    merge_cargo_tables,
    mirtarbase_pairs,
    read_mirtarbase,
)
from exocargo.files import read_tsv, write_json, write_table
from exocargo.inputs.extract import extract
from exocargo.mapping.mirna import parse_one
from exocargo.tables import CARGO_EDGES_TABLE, CARGO_TABLE, ENRICHMENT_TABLE, MIRNA_ENRICHMENT_TABLE
from exocargo.text.mentions import MentionFinder

PAIRS_TSV = Path(LAYOUT.mirtarbase_pairs(online=False))
OPTIONS = {
    "min_evidence": "weak",
    "permutations": 100,
    "seed": 1,
    "target_count_bins": 10,
    "fdr_threshold": 0.05,
    "min_size": 5,
    "max_size": 2000,
}
MTI_CSV = """miRTarBase ID,miRNA,Species (miRNA),Target Gene,Target Gene (Entrez Gene ID),Species (Target Gene),Experiments,Support Type,References (PMID)
MIRT1,hsa-miR-21-5p,Homo sapiens,PTEN,5728,Homo sapiens,"Luciferase reporter assay//Western blot",Functional MTI,111
MIRT1,hsa-miR-21-5p,Homo sapiens,PTEN,5728,Homo sapiens,"HITS-CLIP
",Functional MTI (Weak),222
MIRT2,hsa-miR-21-3p,Homo sapiens,PDCD4,27250,Homo sapiens,PAR-CLIP,Functional MTI (Weak),333
MIRT3,hsa-miR-21-5p,Homo sapiens,TP53,7157,Homo sapiens,Luciferase reporter assay,Non-Functional MTI,444
MIRT4,hsa-miR-199a-5p,Homo sapiens,HIF1A,3091,Homo sapiens,qRT-PCR,Functional MTI,555
MIRT5,hsa-miR-199b-5p,Homo sapiens,HES1,3280,Homo sapiens,Microarray,Functional MTI (Weak),666
"""


@pytest.fixture(scope="module")
def pairs_tsv(tmp_path_factory) -> Path:
    """The workflow's pair table if a run built it, else one built here from the miRTarBase CSV."""
    if PAIRS_TSV.exists():
        return PAIRS_TSV
    path = tmp_path_factory.mktemp("mirtarbase") / "hsa_MTI.pairs.tsv"
    write_table(mirtarbase_pairs(read_mirtarbase(require(MIRTARBASE_CSV))), path)
    return path


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    return MentionFinder.from_files(require(GENES_TSV), require(HAIRPINS_TSV), require(FAMPLEX_DIR))


def build(
    tmp_path: Path, path: Path, kind: str, list_id: str, pairs_tsv: Path, finder: MentionFinder
) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """Run the extract and cargo steps of one list the way the rules do, on KEGG only (fast)."""
    extraction = extract(path, kind, list_id, finder=finder)
    write_table(extraction.names, tmp_path / f"{list_id}.names.tsv")
    write_json(extraction.source, tmp_path / f"{list_id}.source.json")
    write_json(extraction.sentence_records(), tmp_path / f"{list_id}.sentences.json")
    write_table(pd.DataFrame(columns=ENRICHMENT_TABLE.columns), tmp_path / f"{list_id}.KEGG.tsv")
    return build_list_cargo(
        list_id=list_id,
        kind=kind,
        names_tsv=tmp_path / f"{list_id}.names.tsv",
        source_json=tmp_path / f"{list_id}.source.json",
        sentences_json=tmp_path / f"{list_id}.sentences.json",
        pairs_tsv=pairs_tsv,
        hairpins_tsv=require(HAIRPINS_TSV),
        libraries={"KEGG_2021_Human": require(ENTREZ_LIBRARIES / "KEGG_2021_Human.entrez.gmt")},
        enrichment={"KEGG_2021_Human": tmp_path / f"{list_id}.KEGG.tsv"},
        options=OPTIONS,
    )


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory, pairs_tsv, finder) -> pd.DataFrame:
    """The cargo tables of the PFOCR figure (its caption) and the three reviews, merged."""
    work = tmp_path_factory.mktemp("seeds")
    tables = [build(work, seed("000_"), "pfocr", "figure", pairs_tsv, finder)[0]]
    tables += [
        build(work, seed(prefix), "text", f"review{prefix[:3]}", pairs_tsv, finder)[0]
        for prefix in ("001_", "002_", "003_")
    ]
    return merge_cargo_tables(tables)


def rows(table: pd.DataFrame, cargo: str, target: str, **where: str) -> pd.DataFrame:
    found = table[(table["cargo"] == cargo) & (table["target_symbol"] == target)]
    for column, value in where.items():
        found = found[found[column] == value]
    assert not found.empty, f"no {cargo} -> {target!r} row with {where}"
    return found


def test_mir21_pten_pi3k_akt_cisplatin_gastric_cancer_with_evidence_and_validation(seed_tables):
    row = rows(seed_tables, "hsa-miR-21", "PTEN", document="figure").iloc[0]
    assert (row["effect"], row["source"], row["evidence_strength"]) == ("down", "text+mirtarbase", "stated in text")
    assert (row["mirtarbase_support"], row["stated_pathway"]) == ("strong", "PI3K/AKT")
    assert (row["drug"], row["cancer"], row["outcome"]) == ("cisplatin", "gastric cancer", "resistance")
    assert (row["donor"], row["recipient"]) == ("polarized macrophages", "gastric cancer cells")
    assert "exosomal transfer of miR-21" in row["evidence"] and row["cargo_entrez"] == "406991"
    assert row["pathways"].startswith("PI3K-Akt signaling pathway [KEGG_2021_Human]")
    assert "16762633" in row["mirtarbase_pmids"].split(";")
    pathway = rows(seed_tables, "hsa-miR-21", "PI3K/AKT", document="figure").iloc[0]
    assert (pathway["effect"], pathway["target_type"]) == ("activates", "pathway")


def test_mir221_222_cdkn1b_is_stated_and_validated(seed_tables):
    for cargo in ("hsa-miR-221", "hsa-miR-222"):
        row = rows(seed_tables, cargo, "CDKN1B", document="review003").iloc[0]
        assert (row["source"], row["mirtarbase_support"], row["effect"]) == ("text+mirtarbase", "strong", "down")
        assert (row["drug"], row["cancer"]) == ("tamoxifen", "breast cancer")


def test_abcb1_p_gp_is_protein_cargo(seed_tables):
    abcb1 = rows(seed_tables, "ABCB1", "", cargo_type="protein")
    assert set(abcb1["document"]) >= {"review001", "review002", "review003"}
    assert set(abcb1["source"]) == {"text"} and set(abcb1["cargo_entrez"]) == {"5243"}
    assert abcb1["evidence"].str.contains("P-gp|P-glycoprotein|ABCB1").all()


def test_mdr_review_mir21_5p_and_mir100_5p_relations_and_their_mirtarbase_targets(seed_tables):
    pdha1 = rows(seed_tables, "hsa-miR-21-5p", "PDHA1", document="review003")
    assert set(pdha1["source"]) == {"text"} and all(
        s.startswith("not in miRTarBase (its newest paper: PMID ") for s in pdha1["mirtarbase_support"]
    )
    assert (pdha1["drug"] == "cisplatin").any() and (pdha1["cancer"] == "ovarian cancer").any()
    mir100 = rows(seed_tables, "hsa-miR-100-5p", "", document="review003").iloc[0]
    assert (mir100["drug"], mir100["cancer"], mir100["outcome"]) == ("cisplatin", "lung cancer", "resistance")
    validated = seed_tables[(seed_tables["cargo"] == "hsa-miR-100-5p") & (seed_tables["source"] == "mirtarbase")]
    assert len(validated) > 50 and set(validated["evidence_strength"]) == {"strong", "weak"}
    assert validated["evidence"].str.contains("PMID:").all()


def test_mirtarbase_csv_with_quoted_newlines_becomes_one_row_per_pair(tmp_path):
    path = tmp_path / "hsa_MTI.csv"
    path.write_text(MTI_CSV)
    pairs = mirtarbase_pairs(read_mirtarbase(path)).set_index(["mirna", "target_symbol"])
    assert len(pairs) == 4  # the non-functional TP53 pair is no target
    pten = pairs.loc[("hsa-miR-21-5p", "PTEN")]
    assert (pten["strength"], pten["pmids"]) == ("strong", "111;222")
    assert pten["experiments"] == "HITS-CLIP;Luciferase reporter assay;Western blot"
    assert pairs.loc[("hsa-miR-21-3p", "PDCD4"), "strength"] == "weak"


def test_mirna_names_reach_the_arms_and_paralogs_miRTarBase_lists(tmp_path):
    path = tmp_path / "hsa_MTI.csv"
    path.write_text(MTI_CSV)
    pairs = mirtarbase_pairs(read_mirtarbase(path))
    index = MirtarbaseIndex(pairs)
    assert index.names_for(parse_one("miR-21")) == ["hsa-miR-21-3p", "hsa-miR-21-5p"]
    assert index.names_for(parse_one("hsa-miR-21-5p")) == ["hsa-miR-21-5p"]
    assert index.names_for(parse_one("miR-199")) == ["hsa-miR-199a-5p", "hsa-miR-199b-5p"]
    strong = MirtarbaseIndex(pairs, min_evidence="strong")
    assert strong.names_for(parse_one("miR-21")) == ["hsa-miR-21-5p"]
    assert list(strong.targets(["hsa-miR-21-5p"])["target_symbol"]) == ["PTEN"]


def test_gene_list_gets_mirtarbase_rows_and_a_mirna_set_test(tmp_path, pairs_tsv, finder):
    listing = tmp_path / "cargo.txt"
    listing.write_text("miR-21\nmiR-221/222\nCD63\n")
    table, tests, why_empty = build(tmp_path, listing, "genes", "cargo", pairs_tsv, finder)
    assert why_empty == "" and set(table["source"]) == {"mirtarbase"}
    assert set(table["cargo"]) == {"hsa-miR-21", "hsa-miR-221", "hsa-miR-222"}
    assert set(table["evidence_strength"]) == {"strong", "weak"}
    strengths = list(table.loc[table["cargo"] == "hsa-miR-21", "evidence_strength"])
    assert strengths == sorted(strengths, key=["strong", "weak"].index)  # strong first
    assert list(tests.columns) == MIRNA_ENRICHMENT_TABLE.columns and set(tests["mirnas"]) == {
        "hsa-miR-21;hsa-miR-221;hsa-miR-222"
    }


def test_gmt_list_gets_header_only_tables_and_the_reason(tmp_path, pairs_tsv, finder):
    gmt = tmp_path / "sets.gmt"
    gmt.write_text("set1\t\tPTEN\tAKT1\n")
    table, tests, why_empty = build(tmp_path, gmt, "gmt", "sets", pairs_tsv, finder)
    assert table.empty and list(table.columns) == CARGO_TABLE.columns and tests.empty
    assert "gmt" in why_empty


def test_edge_list_opens_in_cytoscape_with_cargo_target_and_pathway_edges(seed_tables, tmp_path):
    edges = cargo_edges(seed_tables[seed_tables["document"] == "figure"])
    assert list(edges.columns) == CARGO_EDGES_TABLE.columns and list(edges.columns[:3]) == [
        "source",
        "interaction",
        "target",
    ]
    assert ((edges["source"] == "hsa-miR-21") & (edges["target"] == "PTEN") & (edges["interaction"] == "down")).any()
    assert ((edges["source"] == "PTEN") & (edges["interaction"] == "in_pathway")).any()
    assert not edges.duplicated().any()
    write_table(edges, tmp_path / "edges.tsv")
    assert read_tsv(tmp_path / "edges.tsv").equals(edges)


def test_merging_no_tables_gives_the_header():
    assert list(merge_cargo_tables([]).columns) == CARGO_TABLE.columns
    assert CARGO_TABLE.columns[:16] == [
        "cargo", "cargo_type", "cargo_entrez", "target_symbol", "target_entrez", "effect", "source", "evidence",
        "evidence_strength", "donor", "recipient", "drug", "cancer", "outcome", "pathways", "document",
    ]  # fmt: skip


def test_a_list_naming_mir21_and_mir21_5p_gets_each_mirtarbase_record_once(tmp_path, pairs_tsv, finder):
    listing = tmp_path / "arms.txt"
    listing.write_text("miR-21\nmiR-21-5p\n")
    table, _, _ = build(tmp_path, listing, "genes", "arms", pairs_tsv, finder)
    records = table[["mirtarbase_mirna", "target_entrez"]]
    assert not records.duplicated().any()
    # The arm's records stay under the arm's name; miR-21 keeps only what miR-21-5p does not give (its 3p targets).
    assert set(table.loc[table["cargo"] == "hsa-miR-21", "mirtarbase_mirna"]) <= {"hsa-miR-21-3p"}
    assert set(table.loc[table["mirtarbase_mirna"] == "hsa-miR-21-5p", "cargo"]) == {"hsa-miR-21-5p"}
