"""Words of prose that look like gene names but are not: sequences, RNA classes, chemicals, glued symbols."""

from __future__ import annotations

import pytest
from conftest import FAMPLEX_DIR, GENES_TSV, HAIRPINS_TSV, require

from exocargo.mapping.table import load_mapper
from exocargo.text.mentions import MentionFinder, mine_text


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    return MentionFinder.from_files(require(GENES_TSV), require(HAIRPINS_TSV), require(FAMPLEX_DIR))


def names(finder: MentionFinder, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.normalized) for s in mine_text(text, finder) for m in s.mentions]


def test_nucleotides_before_a_nucleic_acid_word_are_a_sequence(finder):
    assert names(finder, "The ATC sequences and the CAT box bound SP1.") == [("SP1", "SP1")]


def test_an_rna_class_is_no_gene(finder):
    # HGNC lists tRNA as an alias of MT-TA; in prose it is the class of RNAs.
    assert names(finder, "The tRNA and rRNA pools of MYC-driven cells grew.") == [("MYC", "MYC")]


def test_an_abbreviation_defined_by_one_hyphenated_chemical_name_is_not_a_gene(finder):
    text = "Cholesterol was depleted with methyl-beta-cyclodextrin (MCD). MCD treatment lowered AKT1 activity."
    found = names(finder, text)
    assert ("AKT1", "AKT1") in found
    assert all(name != "MCD" for name, _ in found)  # otherwise ambiguous: an alias of MLYCD and of MUC1


def test_a_word_without_separators_is_not_a_symbol_that_has_them():
    mapper = load_mapper(require(GENES_TSV), require(HAIRPINS_TSV), require(FAMPLEX_DIR))
    # SNAR-E is an RNA gene; "the SNARE complex" names the fusion proteins.
    assert {h.symbol for h in mapper.map_name("SNARE", in_text=True)} != {"SNAR-E"}
    # A written separator is still read past: Nkx2.1 is NKX2-1.
    assert [h.symbol for h in mapper.map_name("Nkx2.1", in_text=True)] == ["NKX2-1"]


def test_a_glossary_line_whose_long_form_names_the_gene_keeps_it_a_gene(finder):
    # "Cell" in the long form would make PDCD4 a cell term; the long form is PDCD4's own name.
    text = "Exosomal miR-21 targets PTEN and PDCD4 in oral cancer.\n\nPDCD4:\n\nProgrammed Cell Death 4\n"
    assert ("PDCD4", "PDCD4") in names(finder, text)
    # A glossary line that defines a cell term still makes the abbreviation no gene (HSC: FUT1's old symbol).
    assert names(finder, "In that study HSC grew in mice.") == [("HSC", "FUT1")]
    assert names(finder, "In that study HSC grew in mice.\n\nHSC: hematopoietic stem cells\n") == []


def test_a_disease_defined_by_its_name_is_no_gene_though_it_ends_like_an_enzyme(finder):
    # COPD is ARCN1's previous symbol; "disease" ends in -ase but names no enzyme.
    assert names(finder, "Smoking raised COPD risk.") == [("COPD", "ARCN1")]
    assert names(finder, "Smoking raised COPD risk.\n\nCOPD: chronic obstructive pulmonary disease\n") == []
