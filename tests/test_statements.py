"""Stated regulator -> target relations: direction from the grammar, cascades, flags; mentions with offsets."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import FAMPLEX_DIR, GENES_TSV, HAIRPINS_TSV, require

from exocargo.cargo.targets import split_cargo_table
from exocargo.inputs.extract import extract
from exocargo.tables import CARGO_TABLE, MENTIONS_TABLE, RELATIONS_TABLE
from exocargo.text.mentions import MentionFinder, mine_text
from exocargo.text.relations import relations_table


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    return MentionFinder.from_files(require(GENES_TSV), require(HAIRPINS_TSV), require(FAMPLEX_DIR))


def stated(finder: MentionFinder, text: str) -> set[tuple[str, str, str, str]]:
    table = relations_table(mine_text(text, finder))
    assert list(table.columns) == RELATIONS_TABLE.columns
    return {(r.regulator, r.effect, r.target_symbol or r.target_as_written, r.via) for r in table.itertuples()}


def test_a_protein_loading_or_raising_a_mirna_is_not_its_target(finder):
    assert stated(finder, "HNRNPA2B1-dependent loading of miR-21 into exosomes.") == set()
    # Blocking the enzyme raised the miRNA: the enzyme lowers it; the miRNA targets nothing here.
    assert stated(finder, "Blocking nSMase2 raised cellular miR-21.") == {("SMPD3", "down", "hsa-miR-21", "")}


def test_a_later_clause_about_other_cells_gives_the_mirna_no_target(finder):
    text = (
        "Exosomal miR-21 down-regulates PTEN in macrophages, which then secrete IL-6 that activates STAT3 "
        "in tumour cells."
    )
    found = stated(finder, text)
    assert {row for row in found if row[0] == "hsa-miR-21"} == {("hsa-miR-21", "down", "PTEN", "")}
    assert ("IL6", "activates", "STAT3", "") in found


def test_a_target_reached_through_another_gene_names_it_in_via(finder):
    found = stated(finder, "miR-21 down-regulates PTEN, which activates AKT1.")
    assert found == {
        ("hsa-miR-21", "down", "PTEN", ""),
        ("PTEN", "activates", "AKT1", ""),
        ("hsa-miR-21", "activates", "AKT1", "PTEN"),
    }


def test_passive_nominal_and_apposition_forms_keep_the_direction(finder):
    assert stated(finder, "PTEN was suppressed by miR-21 and miR-155.") == {
        ("hsa-miR-21", "down", "PTEN", ""),
        ("hsa-miR-155", "down", "PTEN", ""),
    }
    assert stated(finder, "PTEN is a direct target of miR-21.") == {("hsa-miR-21", "targets", "PTEN", "")}
    assert stated(finder, "p53 induces miR-34a expression.") == {("TP53", "up", "hsa-miR-34a", "")}
    # Removing the regulator states its opposite effect.
    assert stated(finder, "miR-21 knockdown increased PTEN expression.") == {("hsa-miR-21", "down", "PTEN", "")}


def test_a_correlation_is_not_a_relation_and_flags_are_kept(finder):
    assert stated(finder, "miR-21 levels correlated with PTEN in tumours.") == set()
    table = relations_table(mine_text("miR-21 did not affect PTEN. miR-155 may suppress SOCS1.", finder))
    flags = {r.regulator: (r.negated, r.hedged) for r in table.itertuples()}
    assert flags == {"hsa-miR-21": (True, False), "hsa-miR-155": (False, True)}
    # "but not X" negates X, not the clause (SCAI abstract 19351822).
    text = "In CGNPs, N-myc, but not Gli1, induced miR-17 expression. miR-21, but not miR-155, did not affect PTEN."
    table = relations_table(mine_text(text, finder))
    assert {(r.regulator, r.target_symbol, r.negated) for r in table.itertuples()} == {
        ("MYCN", "hsa-miR-17", False),
        ("hsa-miR-21", "PTEN", True),
    }


def test_ev_context_marks_vesicle_cargo_only(finder):
    table = relations_table(
        mine_text(
            "Exosomes deliver miR-155 to macrophages. miR-155 then suppresses SOCS1.\n\nmiR-9 targets CDH1.", finder
        )
    )
    assert dict(zip(table["regulator"], table["ev_context"])) == {"hsa-miR-155": True, "hsa-miR-9": False}


def test_full_gene_names_are_mentions(finder):
    text = "Hepatocyte growth factor and C-C motif chemokine ligand 2 rose, as did transferrin receptor."
    mentions = [(m.text, m.normalized) for s in mine_text(text, finder) for m in s.mentions]
    assert ("Hepatocyte growth factor", "HGF") in mentions
    assert ("C-C motif chemokine ligand 2", "CCL2") in mentions and ("transferrin receptor", "TFRC") in mentions


def test_mentions_table_offsets_point_into_the_file_as_written(tmp_path, finder):
    raw = "# Results\n\nExosomal miR-21 [12] targets PTEN (3, 4).\n\nTSG101 and CD63 mark exosomes.\n"
    path = tmp_path / "paper.md"
    path.write_text(raw, encoding="utf-8")
    mentions = extract(path, "text", "paper", finder=finder).mentions()
    assert list(mentions.columns) == MENTIONS_TABLE.columns
    assert len(mentions) >= 4
    for row in mentions.itertuples():
        assert raw[row.start : row.end] == row.text
    pten = mentions[mentions["text"] == "PTEN"].iloc[0]
    assert (pten["entrez_id"], pten["sentence"]) == ("5728", 2)  # the heading is sentence 1


def test_a_name_written_twice_in_a_sentence_has_two_places_and_slash_parts_the_whole_word(tmp_path, finder):
    raw = "Exosomes carry CD9/63/81; PTEN rose, and PTEN fell in cells lacking PTEN.\n"
    path = tmp_path / "paper.txt"
    path.write_text(raw, encoding="utf-8")
    mentions = extract(path, "text", "paper", finder=finder).mentions()
    assert list(mentions.loc[mentions["normalized"] == "PTEN", "start"]) == [26, 41, 68]
    parts = mentions[mentions["normalized"].isin(["CD9", "CD63", "CD81"])]
    assert set(zip(parts["start"], parts["end"])) == {(15, 24)}  # each part stands at "CD9/63/81"
    # Cleaning rewrote it: LaTeX Greek letters and the space before them, in a markdown file.
    raw = "We saw TGF- $\\beta$ and $\\alpha$ -SMA rise (12), and TGF- $\\beta$ fall in cells lacking PTEN.\n"
    path = tmp_path / "paper.md"
    path.write_text(raw, encoding="utf-8")
    mentions = extract(path, "text", "paper", finder=finder).mentions()
    places = {(row.text, raw[row.start : row.end], row.start) for row in mentions.itertuples()}
    assert places >= {("TGF-β", "TGF- $\\beta$", 7), ("α-SMA", "$\\alpha$ -SMA", 24), ("TGF-β", "TGF- $\\beta$", 53)}


def test_a_texts_cargo_table_holds_what_it_states_and_the_database_rows_go_apart():
    rows = [
        {"source": "text+mirtarbase", "evidence_strength": "stated in text"},
        {"source": "text", "evidence_strength": "stated in text"},
        {"source": "mirtarbase", "evidence_strength": "strong"},
        {"source": "mirtarbase", "evidence_strength": "weak"},
    ]
    table = pd.DataFrame([{**dict.fromkeys(CARGO_TABLE.columns, ""), **row} for row in rows])
    stated_rows, validated = split_cargo_table(table, "text")
    assert set(stated_rows["source"]) == {"text", "text+mirtarbase"}
    assert list(validated["evidence_strength"]) == ["strong"]
    _, with_weak = split_cargo_table(table, "text", validated_min_evidence="weak")
    assert len(with_weak) == 2
    as_list, _ = split_cargo_table(table, "genes")
    assert len(as_list) == 4  # a list states nothing: its cargo table is its validated targets


def test_agent_nouns_joined_verbs_and_nominal_agents_state_who_acts(finder):
    # Sentences written as in SCAI corpus abstracts (PMIDs 19487573, 19308264, 18986979).
    assert stated(finder, "We identified miR-26a as a direct regulator of PTEN expression.") == {
        ("hsa-miR-26a", "unspecified", "PTEN", "")
    }
    assert stated(finder, "The PTEN-regulating microRNA miR-26a is amplified in glioma.") == {
        ("hsa-miR-26a", "unspecified", "PTEN", "")
    }
    found = stated(
        finder, "Down-regulation of HES1 expression by miR-199b-5p negatively regulates the growth of MB cells."
    )
    assert found == {("hsa-miR-199b-5p", "down", "HES1", "")}  # the nominal phrase, not miR-199b-5p, regulates growth
    found = stated(finder, "miR-199b-5p is a regulator of the Notch pathway through its targeting of the factor HES1.")
    assert ("hsa-miR-199b-5p", "targets", "HES1", "") in found
    # "binding sites" is a noun: the verb is "recognize", whose object is BACE1's 3'UTR.
    found = stated(finder, "miR-298 and miR-328 recognize specific binding sites in the 3'-UTR of BACE1 mRNA.")
    assert found == {("hsa-miR-298", "targets", "BACE1", ""), ("hsa-miR-328", "targets", "BACE1", "")}


def test_a_clause_set_off_by_commas_keeps_the_relative_pronoun_on_its_antecedent(finder):
    text = "Exosomes transfer wild-type EGFR, which, upon uptake by EGFR-mutated cells, activates downstream AKT1."
    assert ("EGFR", "activates", "AKT1", "") in stated(finder, text)


def test_a_passive_verb_names_its_agent_only_by_by_or_by_its_means(finder):
    # As in SCAI abstract 19351822: the miRNA is up-regulated in tumours; it does not regulate SHH.
    found = stated(
        finder, "The miR-17/92 polycistron is up-regulated in sonic hedgehog-driven tumours and induced by N-myc."
    )
    assert found == {("MYCN", "up", "hsa-miR-17", ""), ("MYCN", "up", "hsa-miR-92", "")}
    assert stated(finder, "PTEN was reduced in cells transfected with miR-21.") == {("hsa-miR-21", "down", "PTEN", "")}
    assert stated(finder, "PTEN was increased after miR-21 knockdown.") == {("hsa-miR-21", "down", "PTEN", "")}
    assert stated(finder, "PTEN was reduced by miR-21.") == {("hsa-miR-21", "down", "PTEN", "")}


def test_correlation_exclusion_and_described_targets(finder):
    text = "Expression of miR-17 was highest in tumours associated with activation of the SHH pathway."
    assert stated(finder, text) == set()
    assert stated(finder, "In CGNPs, N-myc, but not Gli1, induced miR-17 expression.") == {
        ("MYCN", "up", "hsa-miR-17", "")
    }
    # "a recognized miR-124 target gene" describes PTBP1; "recognized" is no verb with PTBP1 as subject.
    assert ("PTBP1", "targets", "hsa-miR-124", "") not in stated(
        finder, "Depletion of PTBP1 in cells, a recognized miR-124 target gene, gave similar results."
    )
    text = "Antagomir-mediated prevention of miR-145 expression raised its downstream target SOD2."
    assert ("hsa-miR-145", "targets", "SOD2", "") in stated(finder, text)


def test_an_apposition_and_a_precursor_name_point_to_the_real_target(finder):
    # As in SCAI abstracts 21062284 and 20375468.
    text = "Similar results followed depletion of PTBP1 in cells, a recognized miR-124 target gene."
    assert ("hsa-miR-124", "targets", "PTBP1", "") in stated(finder, text)
    text = (
        "Two miRNAs (miR-298 and miR-328) act in the regulation of beta-amyloid (Abeta) precursor protein "
        "(APP)-converting enzyme (BACE) translation."
    )
    assert {row[2] for row in stated(finder, text)} == {"BACE1"}  # not Abeta or APP, which only modify


def test_the_names_of_an_apposition_before_the_verb_are_not_its_subject(finder):
    text = "miR-155, a known regulator of SOCS1 in macrophages, suppresses SHIP1 expression."
    assert ("hsa-miR-155", "down", "INPP5D", "") in stated(finder, text)
    assert not {row for row in stated(finder, text) if row[0] == "SOCS1"}
    text = "miR-21, an oncomiR abundant in serum of patients with EGFR mutations, targets PTEN."
    assert stated(finder, text) == {("hsa-miR-21", "targets", "PTEN", "")}
    # The last names of a list set off by commas stay subjects.
    text = "LPS decreased microRNAs (miRNA)--miR-17-5p, miR-20a, and miR-93--which target MICA."
    assert {row[0] for row in stated(finder, text) if row[2] == "MICA"} == {
        "hsa-miR-17-5p",
        "hsa-miR-20a",
        "hsa-miR-93",
    }


def test_noun_phrases_and_class_definitions_state_no_relation(finder):
    # As in seed review 001: "activation inhibitor" is a compound noun, not TGFb1 activating PD-L1.
    text = "Exosomes contain the cytokine TGFb1 and the lymphocyte activation inhibitor PD-L1."
    assert stated(finder, text) == set()
    text = "As a regulator of ABCG2 localization, suppression of the PI3K-Akt pathway decreases ABCG2 sorting."
    assert ("ABCG2", "down", "PI3K-Akt", "") not in stated(finder, text)
    # "pattern recognition receptor (PRR)" is a class the text defines, not NECTIN1 (HGNC alias PRR).
    text = "RN7SL1 activates the pattern recognition receptor (PRR) RIG-I."
    assert {row[2] for row in stated(finder, text)} == {"RIGI"}


def test_coordinated_verbs_prepositional_phrases_and_marked_cells(finder):
    # Sentences of seed review 001 and SCAI abstract 19703993.
    text = "Resistant cells, through downregulating PTEN and increasing phosphorylation of AKT1, survive."
    assert ("PTEN", "up", "AKT1", "") not in stated(finder, text)  # PTEN is the first verb's object
    text = "Upregulation of miR-200a decreased the expression of transcription factors ZEB1 and ZEB2."
    assert ("hsa-miR-200a", "down", "ZEB1", "") in stated(finder, text)
    text = "LncRNA-SNHG14 in HER2+ breast cancer induces resistance by targeting BCL2."
    assert {row[0] for row in stated(finder, text)} == {"SNHG14"}  # HER2 sits in a phrase of place
    text = "CCL2 secretion elevates IBA1-expressing myeloid cell recruitment."
    assert stated(finder, text) == set()  # cells marked by IBA1, not IBA1
    text = "GSTP1 regulates cell survival by inactivating NF-kB in cervical cancer."
    assert ("GSTP1", "inhibits", "NFkappaB", "") in stated(finder, text)


def test_an_enumeration_after_the_object_and_a_new_clause_after_a_comma(finder):
    # Sentences of SCAI abstract 20145152, shortened.
    text = (
        "Pre-miR-630 modulated steps of apoptosis, including Bax oligomerization, potential dissipation, "
        "and the maturation of caspase-9 and caspase-3."
    )
    assert {row[2] for row in stated(finder, text)} == {"BAX", "CASP9", "CASP3"}
    text = "pre-miR-630 blocked manifestations of the damage response, including the phosphorylation of p53."
    assert stated(finder, text) == {("hsa-miR-630", "inhibits", "TP53", "")}
    # Examples of a place are no objects: "in the hippocampus, including the CA3 layer".
    text = "miR-21 rose in expression throughout the cortex and hippocampus, including the dentate gyrus and CA3."
    assert stated(finder, text) == set()
    # The name after the comma opens a clause of its own: it is no object of "modulate".
    text = "Inhibitors of miR-181a failed to modulate the response, pre-miR-630 reduced apoptosis."
    assert not {row for row in stated(finder, text) if row[2] == "hsa-miR-630"}


def test_a_target_of_a_described_mirna_and_target_candidates_keep_the_direction(finder):
    text = "Pyruvate kinase M2 is a target of the tumor-suppressive microRNA-326."
    assert stated(finder, text) == {("hsa-miR-326", "targets", "PKM", "")}
    text = "BCL2 and PTEN genes are target candidates for miR-64."
    assert stated(finder, text) == {("hsa-miR-64", "targets", "BCL2", ""), ("hsa-miR-64", "targets", "PTEN", "")}


def test_coordinated_nouns_and_verbs_and_participles_that_only_describe(finder):
    # Sentences of seed reviews 001 and 002, shortened.
    text = "miR-494 contributes to reprogramming by downregulation of CDH17 and upregulation of MMP2."
    assert ("CDH17", "up", "MMP2", "") not in stated(finder, text)  # each noun phrase has its own agent
    text = "Exosomal miR-32-5p causes resistance through activating PI3K/AKT pathway and inhibiting PTEN."
    assert ("hsa-miR-32-5p", "inhibits", "PTEN", "") in stated(finder, text)
    text = "The cells exhibit downregulated E-cadherin expression and upregulated expression levels of N-cadherin."
    assert stated(finder, text) == set()
    text = "Loss of miR-200a resulted in increased expression of cyclin D1."
    assert stated(finder, text) == {("hsa-miR-200a", "down", "CCND1", "")}


def test_the_sentences_opening_subject_does_what_a_later_means_phrase_says(finder):
    # Seed review 001, shortened: the subject opens the sentence, the means comes 15 words later.
    text = (
        "Exosomal miR-494 and miR-542-3p taken up by lymph node stromal cells and lung fibroblasts contribute to "
        "target cell reprogramming by downregulation of cadherin-17 (Cdh17) and upregulation of MMP2."
    )
    assert stated(finder, text) == {
        ("hsa-miR-494", "down", "CDH17", ""),
        ("hsa-miR-542-3p", "down", "CDH17", ""),
        ("hsa-miR-494", "up", "MMP2", ""),
        ("hsa-miR-542-3p", "up", "MMP2", ""),
    }
    # A clause turn or a comma between them breaks it: the means belongs to someone else.
    text = "Exosomal miR-494 rose in serum; the cells then migrated by downregulation of CDH17."
    assert not {row for row in stated(finder, text) if row[0] == "hsa-miR-494"}


def test_the_cargo_a_clause_delivers_does_what_a_later_means_phrase_says(finder):
    # Seed review 003: the cells deliver the miRNA; the miRNA regulates ABCB1.
    text = (
        "Paclitaxel-sensitive NPC cells deliver miR-183-5p to paclitaxel-resistant NPC cells via EVs, thereby "
        "suppressing paclitaxel resistance by negatively regulating ABCB1."
    )
    assert stated(finder, text) == {("hsa-miR-183-5p", "down", "ABCB1", "")}
    # A contrast turns to another actor.
    assert stated(finder, "Cells release miR-183-5p, but resistance rose by negatively regulating ABCB1.") == set()
    # A relative pronoun after another noun: that noun acts ("EVs that bind"), unless it is the name's own.
    assert stated(finder, "Cells release miR-183-5p into EVs that bind CD44.") == set()
    assert stated(finder, "miR-21 is a miRNA that targets PTEN.") == {("hsa-miR-21", "targets", "PTEN", "")}
    assert stated(finder, "Exosomes contain Dll-4 protein that activates NOTCH1.") == {
        ("DLL4", "activates", "NOTCH1", "")
    }


def test_verbs_joined_by_and_share_a_subject_and_a_name_that_modifies_is_no_object(finder):
    # Seed review 001, shortened.
    text = "Exosomal miR-155 induces chemoresistance through increasing EMT markers and targeting FOXO-3a mRNA."
    assert stated(finder, text) == {("hsa-miR-155", "targets", "FOXO3", "")}
    text = "miR-105 induces metastasis by downregulating and targeting tight junction protein ZO-1."
    assert {row[:3] for row in stated(finder, text)} == {("hsa-miR-105", "targets", "TJP1")}
    # Seed review 003: the object is the resistance miR-155 induces, not miR-155.
    text = "Inhibition of Rab27a reduces EV release and significantly decreases miR-155-induced gemcitabine resistance."
    assert stated(finder, text) == set()
