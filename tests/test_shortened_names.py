"""Names written short in prose: coordinations (MMP-2 and -9), compounds (p57KIP2), MHC classes, ranges,
and ambiguous names a paragraph's other genes decide."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FAMPLEX_DIR, GENES_TSV, HAIRPINS_TSV, LAYOUT, require

from exocargo.api import PARAGRAPH_EVIDENCE_LIBRARIES
from exocargo.mapping.table import load_mapper
from exocargo.text.elision import elided_names
from exocargo.text.mentions import MentionFinder, mine_text
from exocargo.text.offsets import mentions_table
from exocargo.text.relations import relations_table

PARAGRAPH_LIBRARIES = tuple(Path(LAYOUT.library_entrez_gmt(name)) for name in PARAGRAPH_EVIDENCE_LIBRARIES)


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    return MentionFinder.from_files(require(GENES_TSV), require(HAIRPINS_TSV), require(FAMPLEX_DIR))


@pytest.fixture(scope="module")
def finder_with_evidence() -> MentionFinder:
    gmts = tuple(require(path) for path in PARAGRAPH_LIBRARIES)
    return MentionFinder.from_files(require(GENES_TSV), require(HAIRPINS_TSV), require(FAMPLEX_DIR), gmts)


@pytest.fixture(scope="module")
def mapper():
    return load_mapper(require(GENES_TSV), require(HAIRPINS_TSV), require(FAMPLEX_DIR))


def genes(finder: MentionFinder, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.normalized) for s in mine_text(text, finder) for m in s.mentions if m.type != "mirna"]


def test_a_coordination_that_writes_the_stem_once_names_every_member(finder):
    text = (
        "Serum MMP-2 and -9 were raised, IL-6 and -8 were secreted, blocking CDK4 and 6 slowed growth, "
        "SMAD2, 3 and 4 were bound and TGF-beta1 and -beta2 were measured."
    )
    assert genes(finder, text) == [
        ("MMP-2", "MMP2"), ("-9", "MMP9"), ("IL-6", "IL6"), ("-8", "CXCL8"), ("CDK4", "CDK4"), ("6", "CDK6"),
        ("SMAD2", "SMAD2"), ("3", "SMAD3"), ("4", "SMAD4"), ("TGF-beta1", "TGFB1"), ("-beta2", "TGFB2"),
    ]  # fmt: skip


def test_roman_numerals_in_a_coordination_name_every_member(finder):
    text = "TGF-β receptor I and II rose. We studied synapsin I and II. CA I and II were high. Stage I and II grew."
    assert genes(finder, text) == [
        ("TGF-β receptor I", "TGFBR1"), ("II", "TGFBR2"), ("synapsin I", "SYN1"), ("II", "SYN2"), ("CA I", "CA1"),
        ("II", "CA2"),
    ]  # fmt: skip


def test_a_number_after_a_name_that_counts_or_measures_is_no_member(finder):
    assert genes(finder, "After IL-6 and 8 h of exposure, CD44 and 3 other markers rose.") == [
        ("IL-6", "IL6"), ("CD44", "CD44"),
    ]  # fmt: skip
    # A series member far in number from the first is no elision either (a count, a year).
    assert elided_names("IL-6 and 1990 levels") == []


def test_each_member_of_a_coordination_is_a_target_of_the_stated_relation(finder):
    table = relations_table(mine_text("Exosomal miR-29b directly targets MMP-2 and -9 in tumour cells.", finder))
    assert sorted(table["target_symbol"]) == ["MMP2", "MMP9"]


def test_a_mass_name_joined_to_another_name_is_the_one_gene_both_name(mapper):
    hits = mapper.map_name("p57KIP2", in_text=True)
    assert [(h.symbol, h.match_type) for h in hits] == [("CDKN1C", "alias")]
    assert "p57 and KIP2 both name CDKN1C" in hits[0].note
    # Alone, each part names several genes and stays ambiguous.
    assert {h.match_type for h in mapper.map_name("KIP2", in_text=True)} == {"ambiguous"}


def test_a_range_is_expanded_not_squashed_into_another_genes_alias(mapper):
    symbols = {h.symbol for h in mapper.map_name("NPHP1-9", in_text=True)}
    assert {"NPHP1", "NPHP3", "NPHP4"} <= symbols
    assert "DCDC2" not in symbols  # DCDC2's alias NPHP19 is what "NPHP1-9" squashes to


def test_mhc_classes_are_the_hla_genes_and_mhc_is_not_myosin(finder):
    found = [
        (m.text, m.type, m.normalized)
        for s in mine_text("Exosomes carry MHC class I, II and HLA class I; MHC molecules present antigen.", finder)
        for m in s.mentions
    ]
    assert found == [
        ("MHC class I", "family", "HLA1"), ("II", "family", "HLA2_alpha/HLA2_beta"), ("HLA class I", "family", "HLA1"),
    ]  # fmt: skip
    class_two = [m for s in mine_text("Dendritic cells load MHC-II.", finder) for m in s.mentions]
    assert [m.normalized for m in class_two] == ["HLA2_alpha/HLA2_beta"]
    assert {"3122", "3123"} <= set(class_two[0].entrez)  # HLA-DRA and HLA-DRB1: both chains


def test_an_ambiguous_name_is_decided_by_the_genes_of_its_paragraph(finder, finder_with_evidence):
    text = "KIP2 inhibits cyclin-dependent kinases, like CDKN1A, CDKN1B and TP53 in the cell cycle."
    plain = [m for s in mine_text(text, finder) for m in s.mentions if m.text == "KIP2"]
    assert plain[0].normalized == "" and set(plain[0].entrez) == {"1028", "10518"}  # CDKN1C or CIB2
    sentences = mine_text(text, finder_with_evidence)
    decided = [m for s in sentences for m in s.mentions if m.text == "KIP2"][0]
    assert (decided.normalized, decided.entrez) == ("CDKN1C", ("1028",))
    row = mentions_table(text, sentences).set_index("text").loc["KIP2"]
    assert row["entrez_id"] == "1028"
    assert row["note"].startswith("decided by the paragraph: 3 of its other 3 genes")
    assert "set aside: CIB2" in row["note"]


def test_an_ambiguous_name_with_too_few_genes_beside_it_stays_ambiguous(finder_with_evidence):
    mention = [m for s in mine_text("KIP2 and CDKN1A were measured.", finder_with_evidence) for m in s.mentions][0]
    assert (mention.normalized, len(mention.entrez)) == ("", 2)


def test_a_protein_name_hgnc_writes_in_lower_case_is_that_gene_even_opening_a_sentence(finder):
    text = "Periostin and gremlin rose, adhalin fell. Endoglycan is a sialomucin."
    assert genes(finder, text) == [
        ("Periostin", "POSTN"), ("gremlin", "GREM1"), ("adhalin", "SGCA"), ("Endoglycan", "PODXL2"),
    ]  # fmt: skip
    # HGNC gives SDC1 the alias "syndecan", but syndecan 1 to 4 share that name: a family word, no one gene.
    assert genes(finder, "Syntenin is a syndecan adaptor.") == [("Syntenin", "SDCBP")]


def test_a_previous_symbol_that_is_another_genes_alias_is_decided_by_the_paragraph(finder, finder_with_evidence):
    text = "miR-200a decreased ZEB1 and SIP1, so E-cadherin rose and beta-catenin signalling to cyclin D1 fell."
    assert dict(genes(finder, text))["SIP1"] == "GEMIN2"  # HGNC: GEMIN2's previous symbol, ZEB2's alias
    sip1 = [m for s in mine_text(text, finder_with_evidence) for m in s.mentions if m.text == "SIP1"][0]
    assert (sip1.normalized, sip1.entrez) == ("ZEB2", ("9839",))
    assert "Epithelial To Mesenchymal Transition" in sip1.note and "set aside: GEMIN2" in sip1.note


def test_an_abbreviation_no_table_knows_is_the_gene_its_definition_names(finder):
    text = "Reticulocytes carry transferrin receptors (TfR). TfR levels rose as iron fell."
    assert genes(finder, text) == [("transferrin receptors", "TFRC"), ("TfR", "TFRC"), ("TfR", "TFRC")]
    # Not when the long form names a gene only in part: the receptor for TNF is not TNF.
    text = "The type 1 receptor for tumor necrosis factor (TNFR-1IC) binds. TNFR-1IC is short."
    assert [name for name, _ in genes(finder, text)] == ["tumor necrosis factor"]
    assert genes(finder, "TfR levels rose as iron fell.") == []  # undefined, TfR is no HGNC name


def test_a_numbered_receptor_is_its_ligands_symbol_with_r_and_the_number(mapper):
    found = {
        name: [h.symbol for h in mapper.map_name(name, in_text=True)]
        for name in (
            "TGF-β receptor II",
            "TGF-beta receptor type I",
            "BMP receptor 2",
            "IL-1 receptor 1",
            "IL-4Rα",
            "IL-2Rα",
        )
    }
    assert found == {
        "TGF-β receptor II": ["TGFBR2"], "TGF-beta receptor type I": ["TGFBR1"], "BMP receptor 2": ["BMPR2"],
        "IL-1 receptor 1": ["IL1R1"],
        # HGNC names a ligand-binding alpha chain by the bare R unless an RA symbol exists.
        "IL-4Rα": ["IL4R"], "IL-2Rα": ["IL2RA"],
    }  # fmt: skip
