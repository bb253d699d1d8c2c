"""Cargo relations read from sentences: cargo, target, effect, cells, drug, cancer, outcome."""

from __future__ import annotations

import pytest
from conftest import FAMPLEX_DIR, GENES_TSV, HAIRPINS_TSV, require, seed

from exocargo.inputs.readers import parse_pfocr_record, read_text
from exocargo.text.mentions import MentionFinder, mine_text
from exocargo.text.relations import Relation, cell_phrases, find_relations


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    return MentionFinder.from_files(require(GENES_TSV), require(HAIRPINS_TSV), require(FAMPLEX_DIR))


def relations(finder: MentionFinder, text: str) -> list[Relation]:
    return find_relations(mine_text(text, finder))


def one(found: list[Relation], cargo: str, target: str) -> Relation:
    matches = [r for r in found if r.cargo == cargo and r.target == target]
    assert matches, f"no {cargo} -> {target!r} in {[(r.cargo, r.target) for r in found]}"
    return matches[0]


def test_pfocr_caption_gives_mir21_pten_pi3k_akt_in_gastric_cancer(finder):
    caption = parse_pfocr_record(seed("000_")).caption
    found = relations(finder, caption)
    pten = one(found, "hsa-miR-21", "PTEN")
    assert (pten.effect, pten.target_type, pten.pathway) == ("down", "gene", "PI3K/AKT")
    assert (pten.drug, pten.cancer, pten.outcome) == ("cisplatin", "gastric cancer", "resistance")
    assert pten.donor == "polarized macrophages" and pten.recipient == "gastric cancer cells"
    assert "exosomal transfer of miR-21" in pten.sentence
    pathway = one(found, "hsa-miR-21", "PI3K/AKT")
    assert (pathway.effect, pathway.target_type) == ("activates", "pathway")
    # The markers the caption lists as what exosomes express are protein cargo without a target.
    assert {r.cargo for r in found if r.cargo_type == "protein"} >= {"CD9", "CD63", "CD81", "TSG101", "SDCBP"}


def test_mdr_review_gives_mir221_222_cdkn1b_mir21_5p_pdha1_and_mir100_5p(finder):
    found = relations(finder, read_text(seed("003_")))
    for cargo in ("hsa-miR-221", "hsa-miR-222"):
        p27 = one(found, cargo, "CDKN1B")
        assert (p27.effect, p27.drug, p27.cancer, p27.outcome) == ("down", "tamoxifen", "breast cancer", "resistance")
        assert "p27" in p27.sentence
    pdha1 = [r for r in found if r.cargo == "hsa-miR-21-5p" and r.target == "PDHA1"]
    assert {r.effect for r in pdha1} == {
        "targets"
    }  # "by targeting PDHA1"; the "while ... decreased" sentence is a correlation
    assert any(r.drug == "cisplatin" and r.cancer == "ovarian cancer" and r.outcome == "resistance" for r in pdha1)
    mir100 = one(found, "hsa-miR-100-5p", "")
    assert (mir100.drug, mir100.cancer, mir100.recipient) == ("cisplatin", "lung cancer", "recipient lung cancer cells")
    abcb1 = [r for r in found if r.cargo == "ABCB1"]
    assert len(abcb1) >= 5 and {r.cargo_type for r in abcb1} == {"protein"}


def test_protein_is_cargo_only_when_bound_to_the_vesicle(finder):
    found = relations(
        finder,
        "Exosomes carrying ABCB1 raised doxorubicin resistance in breast cancer cells. "
        "Exosomal miR-9 lowered ABCB1 in glioblastoma cells.",
    )
    assert {(r.cargo, r.target, r.effect) for r in found} == {("ABCB1", "", ""), ("hsa-miR-9", "ABCB1", "down")}
    carried = one(found, "ABCB1", "")
    assert (carried.drug, carried.cancer, carried.outcome) == ("doxorubicin", "breast cancer", "resistance")


def test_cargo_named_in_a_vesicle_sentence_stays_cargo_in_its_paragraph(finder):
    found = relations(finder, "Exosomes deliver miR-155 to macrophages. miR-155 then suppresses SOCS1.")
    relation = one(found, "hsa-miR-155", "SOCS1")
    assert relation.effect == "down" and relation.sentence_index == 2


def test_without_vesicle_words_there_is_no_cargo(finder):
    assert relations(finder, "miR-21 targets PTEN in gastric cancer cells.") == []


def test_effect_words_govern_what_follows_them(finder):
    found = relations(
        finder,
        "EVs carrying miR-25-3p downregulate KLF2, upregulate VEGFA and activate the MAPK signaling pathway.",
    )
    assert one(found, "hsa-miR-25-3p", "KLF2").effect == "down"
    assert one(found, "hsa-miR-25-3p", "VEGFA").effect == "up"
    mapk = one(found, "hsa-miR-25-3p", "MAPK")
    assert (mapk.effect, mapk.target_type) == ("activates", "pathway")


def test_donor_and_recipient_cells():
    assert [
        p[2] for p in cell_phrases("Exosomes from cisplatin-resistant ovarian cancer cells reach recipient cells")
    ] == [
        "cisplatin-resistant ovarian cancer cells",
        "recipient cells",
    ]
    assert cell_phrases("massive cell death") == []
