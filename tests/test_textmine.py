"""Mentions in documents: miRNA forms, protein names, false gene hits, reference lists."""

from __future__ import annotations

import pytest
from conftest import FAMPLEX_DIR, GENES_TSV, HAIRPINS_TSV, require, seed

from exocargo.inputs.extract import extract_mentions
from exocargo.inputs.readers import read_text
from exocargo.tables import NAMES_TABLE
from exocargo.text.definitions import DEFINED_AFTER, defined_after
from exocargo.text.mentions import MentionFinder, mine_text
from exocargo.text.model import MENTION_TYPES
from exocargo.text.sentences import body_text, clean_markup, paragraphs, split_sentences, strip_references

REVIEWS = ("001_", "002_", "003_")
# Every miRNA the three reviews name in their text (not in their reference lists), as miRBase names.
EXPECTED_MIRNAS = {
    "001_": {
        "hsa-miR-105", "hsa-miR-25-3p", "hsa-miR-146a", "hsa-miR-221", "hsa-miR-301a-3p", "hsa-miR-21-5p",
        "hsa-miR-100-5p", "hsa-miR-139-5p", "hsa-miR-494", "hsa-miR-542-3p", "hsa-miR-222-3p", "hsa-miR-222",
        "hsa-miR-155", "hsa-miR-155-5p", "hsa-miR-21", "hsa-miR-32-5p", "hsa-miR-365", "hsa-let-7a", "hsa-miR-122",
    },
    "002_": {
        "hsa-miR-202-3p", "hsa-miR-9", "hsa-miR-34a-5p", "hsa-miR-106b-5p", "hsa-miR-106b", "hsa-miR-19b-3p",
        "hsa-miR-335-5p",
    },
    "003_": {
        "hsa-miR-100-5p", "hsa-miR-155", "hsa-miR-222-3p", "hsa-miR-934", "hsa-miR-100", "hsa-miR-222", "hsa-miR-30a",
        "hsa-miR-21-5p", "hsa-miR-301b-3p", "hsa-miR-221", "hsa-miR-183-5p", "hsa-miR-9",
    },
}  # fmt: skip
# miRNAs written this way only in the reviews' reference lists.
ONLY_IN_REFERENCES = {"001_": {"miRNA-222-3p", "microRNA-32-5p"}, "002_": {"microRNA-106b-5p", "miRNA-335-5p"}}


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    return MentionFinder.from_files(require(GENES_TSV), require(HAIRPINS_TSV), require(FAMPLEX_DIR))


@pytest.fixture(scope="module")
def reviews(finder) -> dict:
    return {prefix: extract_mentions(str(seed(prefix)), prefix, finder) for prefix in REVIEWS}


def found_mentions(finder: MentionFinder, text: str) -> list:
    return [m for s in mine_text(text, finder) for m in s.mentions]


def found(finder: MentionFinder, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.type, m.normalized) for s in mine_text(text, finder) for m in s.mentions]


def test_mirna_recall_in_the_three_reviews_is_at_least_095(reviews):
    expected = sum(len(names) for names in EXPECTED_MIRNAS.values())
    hits = 0
    for prefix, names in reviews.items():
        normalized = {n for value in names.loc[names["type"] == "mirna", "normalized"] for n in value.split("/")}
        missed = EXPECTED_MIRNAS[prefix] - normalized
        hits += len(EXPECTED_MIRNAS[prefix]) - len(missed)
        assert len(missed) <= 1, f"{prefix}: missed {sorted(missed)}"
    assert hits / expected >= 0.95


def test_no_mention_comes_from_a_reference_list(reviews):
    for prefix, names in reviews.items():
        body = body_text(read_text(seed(prefix)))
        assert set(names["name"]).isdisjoint(ONLY_IN_REFERENCES.get(prefix, set()))
        for sentence in names["first_sentence"]:
            assert sentence in body, f"{prefix}: {sentence[:80]!r} is not in the body text"


def test_names_table_has_the_extract_columns_and_sentence_positions(reviews):
    names = reviews["003_"]
    assert list(names.columns) == NAMES_TABLE.columns
    assert set(names["type"]) <= set(MENTION_TYPES)
    row = names[names["name"] == "miR-221/222"].iloc[0]
    assert row["normalized"] == "hsa-miR-221/hsa-miR-222" and row["count"] == 3
    assert "miR-221/222" in row["first_sentence"] and int(row["line"]) > 1


def test_every_written_form_of_a_mirna_is_normalised(finder):
    text = (
        "Exosomes carried miR-21, miR-21-5p, hsa-miR-21, microRNA-21 and miR-221/222. "
        "They also carried let-7a and the miR-200 family."
    )
    mirnas = {name: normalized for name, kind, normalized in found(finder, text) if kind == "mirna"}
    assert mirnas["miR-21"] == "hsa-miR-21"
    assert mirnas["miR-21-5p"] == "hsa-miR-21-5p"
    assert mirnas["hsa-miR-21"] == "hsa-miR-21"
    assert mirnas["microRNA-21"] == "hsa-miR-21"
    assert mirnas["miR-221/222"] == "hsa-miR-221/hsa-miR-222"
    assert mirnas["let-7a"] == "hsa-let-7a"
    assert "hsa-miR-141" in mirnas["miR-200 family"].split("/")


def test_protein_names_map_to_their_genes(finder):
    text = (
        "Vesicles from resistant cells held P-gp, BCRP, MRP1, PD-L1, p27kip1, syntenin-1, Alix and "
        "P-glycoprotein, with the lncRNA H19, UCA1 and circUHRF1."
    )
    normalized = {name: (kind, value) for name, kind, value in found(finder, text)}
    for name, symbol in {
        "P-gp": "ABCB1",
        "BCRP": "ABCG2",
        "MRP1": "ABCC1",
        "PD-L1": "CD274",
        "p27kip1": "CDKN1B",
        "syntenin-1": "SDCBP",
        "Alix": "PDCD6IP",
        "P-glycoprotein": "ABCB1",
    }.items():
        assert normalized[name] == ("protein", symbol), name
    assert normalized["H19"] == ("lncrna", "H19")
    assert normalized["UCA1"] == ("lncrna", "UCA1")
    assert normalized["circUHRF1"][0] == "circrna"


def test_english_words_and_defined_abbreviations_are_not_genes(finder):
    text = (
        "We can set up a new assay and met the criteria. The Cell paper grew cells with CAFs and MSCs. "
        "The tumour microenvironment (TME) drives epithelial-mesenchymal transition (EMT). "
        "The TME and EMT were studied. The receptor tyrosine kinase MET and the SET gene were mutated."
    )
    genes = {name: value for name, kind, value in found(finder, text) if kind in ("gene", "protein", "family")}
    assert genes == {"MET": "MET", "SET": "SET"}


def test_drugs_cancers_and_their_abbreviations(finder):
    text = (
        "Cisplatin (DDP) and adriamycin were given with 5-FU to hepatocellular carcinoma (HCC) cells. "
        "DDP-resistant HCC cells and gastric cancer cells were compared."
    )
    terms = found(finder, text)
    drugs = {name: value for name, kind, value in terms if kind == "drug"}
    cancers = {name: value for name, kind, value in terms if kind == "cancer"}
    assert drugs == {
        "Cisplatin": "cisplatin",
        "DDP": "cisplatin",
        "adriamycin": "doxorubicin",
        "5-FU": "5-fluorouracil",
    }
    assert cancers["HCC"] == "hepatocellular carcinoma" and cancers["gastric cancer"] == "gastric cancer"


def test_citation_markers_and_markup_are_removed():
    text = (
        "exosomes^{[[109]](#page-14-3)} carry miR-9 [12] and TGF- $\\beta$ (26) via *in vivo* [\\[82\\]](#page-13-15) EVs"
        " (doi:10.1186/s12943-019-0980-8, [PubMed](https://pubmed.ncbi.nlm.nih.gov/123))"
    )
    assert clean_markup(text) == "exosomes carry miR-9 and TGF-β via in vivo EVs (, PubMed)"


def test_sentences_split_at_full_stops_but_not_after_et_al_or_figure():
    paragraph = "Zhang et al. showed this (Fig. 2). miR-21 was high. p27 fell."
    assert split_sentences(paragraph) == ["Zhang et al. showed this (Fig. 2).", "miR-21 was high.", "p27 fell."]


def test_reference_list_and_citation_shaped_paragraphs_are_dropped():
    text = (
        "Intro text. " * 20
        + "\n\nmiR-21 is exosomal.\n\n## References\n\n1. Smith AB, Lee C. miR-155 paper. J Biol 2014;7:1327.\n"
    )
    assert "miR-155" not in strip_references(text)
    citation_only = (
        "Intro.\n\nSmith AB, Lee C: miR-155 in exosomes. J Biol Chem 262: 9412-9420, 1987.\n\nmiR-21 is exosomal."
    )
    assert paragraphs(citation_only) == ["Intro.", "miR-21 is exosomal."]


def test_without_a_gene_table_symbol_shaped_names_are_kept_for_the_mapping_step(tmp_path):
    document = tmp_path / "note.md"
    document.write_text(
        "# Note\n\nExosomal miR-21 and P-glycoprotein lower PTEN and raise cisplatin resistance in gastric cancer.\n"
    )
    names = extract_mentions(str(document), "note")
    assert set(zip(names["name"], names["type"], names["normalized"])) == {
        ("miR-21", "mirna", "hsa-miR-21"),
        ("P-glycoprotein", "protein", "ABCB1"),
        ("PTEN", "gene", ""),
        ("cisplatin", "drug", "cisplatin"),
        ("gastric cancer", "cancer", "gastric cancer"),
    }


def test_an_unpunctuated_block_is_cut_into_sentence_sized_pieces():
    # Hard-wrapped prose without full stops used to become one "sentence" of the whole file, and
    # reading relations from it took minutes (300 KB: 99 s); pieces keep every word, in order.
    block = " ".join(["exosomes carry mir-21 and pten between cells, of the tumour microenvironment"] * 400)
    pieces = split_sentences(block)
    assert len(pieces) > 1 and max(map(len, pieces)) <= 2000
    assert " ".join(pieces).split() == block.split()
    assert all(piece.endswith(",") for piece in pieces[:-1])  # cut at a clause mark where there is one
    assert split_sentences("Exosomal miR-21 targets PTEN. It is short.") == [
        "Exosomal miR-21 targets PTEN.",
        "It is short.",
    ]


def genes_in(finder: MentionFinder, text: str) -> dict[str, str]:
    return {name: value for name, kind, value in found(finder, text) if kind in ("gene", "protein", "lncrna")}


def test_a_greek_letter_number_or_receptor_written_as_the_next_word_continues_the_name(finder):
    text = "IL-1 beta, PKC alpha and TGF-beta 1 rose; EGF receptor and CA VII fell; TGF-beta3 was flat."
    assert genes_in(finder, text) == {
        "IL-1 beta": "IL1B", "PKC alpha": "PRKCA", "TGF-beta 1": "TGFB1", "EGF receptor": "EGFR", "CA VII": "CA7",
        "TGF-beta3": "TGFB3",
    }  # fmt: skip


def test_a_name_that_only_modifies_another_proteins_name_is_not_that_gene(finder):
    text = (
        "TNF receptor signalling, NKG2D ligands, the CRF-binding protein and insulin-like growth factor "
        "were studied; the Notch3 receptor and TNF itself were not."
    )
    # "Notch3 receptor" is also NOTCH3's MeSH name ("Receptor, Notch3"): found as one name
    assert genes_in(finder, text) == {"Notch3 receptor": "NOTCH3", "TNF": "TNF"}


def test_ions_residues_and_plural_marks_are_not_genes(finder):
    text = "Ca2+ and Mg2+ influx rose, Tyr and Ser residues were phosphorylated, and the protein(s) bound."
    assert genes_in(finder, text) == {}


def test_symbols_inside_hyphen_chains_of_codes_are_found_but_one_word_is_not_split(finder):
    text = "Markers D21S1912-PFKL-D21S171 were typed on ICAM-1-coated dishes and run on SDS-PAGE."
    assert genes_in(finder, text) == {"PFKL": "PFKL", "ICAM-1": "ICAM1"}


def test_an_alias_the_document_defines_as_something_else_is_not_that_gene(finder):
    defined = "Metals raise reactive oxygen species (ROS) in cells. ROS then damage DNA."
    undefined = "The ROS fusion was found in two tumours."
    assert "ROS" not in genes_in(finder, defined)
    assert "ROS" in genes_in(finder, undefined)


def test_human_prefix_greek_letter_first_and_an_ambiguous_alias_the_document_explains(finder):
    text = "hXPC and beta-arrestin 2 were bound by the Src-like adaptor protein (SLAP)."
    assert genes_in(finder, text) == {
        "hXPC": "XPC",
        "beta-arrestin 2": "ARRB2",
        "Src-like adaptor": "SLA",
        "SLAP": "SLA",
    }
    unexplained = {
        m.text: (m.normalized, len(m.entrez)) for s in mine_text("SLAP was bound.", finder) for m in s.mentions
    }
    assert unexplained == {"SLAP": ("", 2)}  # stays ambiguous, with its candidates


def test_cell_populations_domains_citations_and_codes_are_not_gene_mentions(finder):
    # Forms as GNormPlus abstracts write them (PMIDs 10903743, 7512734, 7649249, 8679694, 18262054).
    genes = {m[2] for m in found(finder, "CXCR3 was found on CD4+ and CD8+ T cells and on CD34(+) progenitors.")}
    assert genes == {"CXCR3"}
    assert "SRC" not in {m[2] for m in found(finder, "SLAP binds the Src homology 3 domains of CRK.")}
    assert "PROC" not in {m[2] for m in found(finder, "as shown by Margolin et al. (1994) Proc Natl Acad Sci USA.")}
    assert "CP" not in {m[2] for m in found(finder, "the agonists CP 55,940 and anandamide bound the receptor.")}
    assert "TG" not in {m[2] for m in found(finder, "two substitutions (735-6 TG>AT) cause nonsense mutations.")}
    assert found(finder, "CD4 expression rose.") == [("CD4", "gene", "CD4")]  # the gene itself still counts


def test_channel_names_with_a_dot_are_one_name(finder):
    assert found(finder, "Kv1.5 and Cav1.2 channels were blocked.") == [
        ("Kv1.5", "protein", "KCNA5"), ("Cav1.2", "protein", "CACNA1C")
    ]  # fmt: skip
    assert found(finder, "The values rose 1.5-fold in Fig. 2.") == []


def test_a_long_form_may_start_after_a_hyphen(finder):
    # GNormPlus abstract 19207031: SDS is defined as a score, not the serine dehydratase gene.
    text = "The IGF-1-standard deviation score (SDS) rose; SDS was higher in boys."
    assert "SDS" not in {m[2] for m in found(finder, text)}


def test_a_lower_case_word_is_a_family_only_as_famplex_curates_it_in_text(finder):
    # "BEST" is a FamPlex id (bestrophins), not a written form its grounding map lists.
    assert found(finder, "miR-200b had the best neuroprotective effect.") == [("miR-200b", "mirna", "hsa-miR-200b")]


def test_approved_names_as_prose_shortens_them_and_mesh_protein_records(finder):
    genes = {
        m[2] for m in found(finder, "Cytochrome c was released; DNA polymerase epsilon 1 and sonic hedgehog rose.")
    }
    assert {"CYCS", "POLE", "SHH"} <= genes
    # British spellings meet HGNC's American ones.
    assert {"NAV3", "ESR1"} <= {m[2] for m in found(finder, "Neurone navigator 3 and oestrogen receptor 1 rose.")}
    # A short form that no longer ends in the gene's own mark names nothing.
    assert found(finder, "Leucine and growth factor levels rose.") == []


def test_a_reading_that_leaves_an_english_word_is_no_alias_in_prose(finder):
    # "C-type" without its "C-" is "type", an HGNC alias of SGCG; "c-fos" stays FOS (FamPlex curates it).
    assert "SGCG" not in {m[2] for m in found(finder, "A C-type lectin and P-type ATPases were found.")}
    assert ("c-fos", "protein", "FOS") in found(finder, "Stimulation induced c-fos in neurons.")


def test_integrin_heterodimers_name_both_chains_and_common_synonyms_resolve(finder):
    assert found(finder, "Integrin αvβ5 and integrin α6β4 mark lung and liver tropism.") == [
        ("Integrin αvβ5", "gene", "ITGAV"), ("Integrin αvβ5", "gene", "ITGB5"),
        ("integrin α6β4", "gene", "ITGA6"), ("integrin α6β4", "gene", "ITGB4"),
    ]  # fmt: skip
    assert found(finder, "Nicotinic α4β2 receptors bind nicotine.") == []  # numbered chains of another receptor
    names = {m[2] for m in found(finder, "Exosomal c-kit and CD25 were detected.")}
    assert names == {"KIT", "IL2RA"}  # c- + symbol; CD25 is the gene MeSH names "CD25 antigen"


def test_a_short_alias_with_gene_evidence_anywhere_in_its_paragraph_counts_throughout(finder):
    # GNormPlus abstract 9230439: "HERG, a human homologue ..." names KCNH2, as "HERG channels" shows.
    text = "HERG, a human homologue of the ether-a-go-go gene, was studied. Expressed HERG channels were normal."
    assert [m[2] for m in found(finder, text)] == ["KCNH2", "KCNH2"]
    assert found(finder, "HERG, a human homologue of the ether-a-go-go gene, was studied.") == []


def test_an_isoform_number_written_without_its_greek_letter(finder):
    assert found(finder, "Actinin-4 moved to the nucleus; actinin-1 stayed.") == [
        ("Actinin-4", "protein", "ACTN4"), ("actinin-1", "protein", "ACTN1")
    ]  # fmt: skip


def test_a_family_word_makes_a_family_or_no_gene_and_cell_lines_are_not_genes(finder):
    names = found(finder, "It represses Src family kinases and Bcl-2 family members.")
    assert names == [("Src family", "family", "SRC")]  # FamPlex's family; "Bcl-2 family" is no one gene
    assert found(finder, "Bcl-2 was high.") == [("Bcl-2", "gene", "BCL2")]
    # "THP-1" is a GLI2 alias; written before "cells" in the paragraph, it is the cell line throughout.
    assert found(finder, "THP-1 cells were used; THP-1 responded, as did PTEN-null cells.") == [
        ("PTEN", "gene", "PTEN")
    ]


def test_a_receptor_named_by_its_ligand_and_an_isoform_written_out(finder):
    found_names = found(finder, "The LDL receptor and the Ah receptor bound; PKC isoform epsilon rose.")
    assert found_names == [
        ("LDL receptor", "protein", "LDLR"), ("Ah receptor", "protein", "AHR"), ("PKC isoform epsilon", "protein", "PRKCE")
    ]  # fmt: skip


def test_a_long_form_that_starts_a_genes_other_name_keeps_its_abbreviation_a_gene(finder):
    # ATM's MeSH name is "ataxia telangiectasia mutated protein"; HGNC's approved name shares none of its words.
    text = "We saw phosphorylation of the ataxia-telangiectasia mutated (ATM) kinase and of ATM substrates."
    assert [m.normalized for m in found_mentions(finder, text) if m.type in ("gene", "protein")] == ["ATM", "ATM"]


def test_isoform_names_precursors_and_a_family_word_before_its_member(finder):
    assert genes_in(finder, "Pyruvate kinase M2 rose in glioma.") == {"Pyruvate kinase M2": "PKM"}
    # "pre-" is the precursor, not a species prefix.
    mirnas = [m.normalized for m in found_mentions(finder, "pre-miR-181a and Pri-miR-630 rose.") if m.type == "mirna"]
    assert mirnas == ["hsa-miR-181a", "hsa-miR-630"]
    # "histone H2AX": the family word only says what the member is.
    assert [m.text for m in found_mentions(finder, "The histone H2AX was phosphorylated.")] == ["H2AX"]


def test_an_english_word_symbol_is_a_gene_in_the_whole_document_once_written_beside_a_gene_word(finder):
    text = "The transcription factor REST silences genes. Here miR-9 targets REST in neurons."
    assert [m.normalized for m in found_mentions(finder, text) if m.type == "gene"] == ["REST", "REST"]
    assert "REST" not in genes_in(finder, "After a REST period the cells were lysed.")


def test_a_family_and_a_greek_letter_name_the_member_whose_approved_name_ends_so(finder):
    # FamPlex's PKC, PI3K p110 and CK1 families; HGNC's "protein kinase C zeta", "... catalytic subunit gamma".
    text = "PKC zeta, the PKC isoform zeta, p110 gamma and CK1 epsilon rose."
    assert genes_in(finder, text) == {
        "PKC zeta": "PRKCZ",
        "PKC isoform zeta": "PRKCZ",
        "p110 gamma": "PIK3CG",
        "CK1 epsilon": "CSNK1E",
    }
    assert genes_in(finder, "PKC rose.") == {}  # the family alone names no gene


def test_an_ambiguous_abbreviation_is_the_gene_its_own_long_form_names_unless_it_names_a_kind(finder):
    # PSA: KLK3, NPEPPS or PSAT1; CRF: CRH or C1QL1. The document's definition decides.
    text = "Serum prostate-specific antigen (PSA) rose. The corticotropin-releasing factor (CRF) fell. PSA and CRF."
    assert [(m.text, m.normalized) for m in found_mentions(finder, text) if m.text in ("PSA", "CRF")] == [
        ("PSA", "KLK3"), ("CRF", "CRH"), ("PSA", "KLK3"), ("CRF", "CRH")
    ]  # fmt: skip
    # "a protein tyrosine phosphatase (PTP)" defines a kind of gene: PTP stays ambiguous.
    text = "PEP, a protein tyrosine phosphatase (PTP), binds Csk. PTP activity rose."
    assert {m.normalized for m in found_mentions(finder, text) if m.text == "PTP"} <= {""}


def test_values_units_chromosome_bands_and_bracketed_disease_names_are_not_genes(finder):
    # Sentences of GNormPlus abstracts 7499366, 9792917, 9215677 and 19370769, shortened.
    text = (
        "Deactivation slowed (tau = 13 ms); kcat/Km was 1,000 min-1.mM-1. OX22 maps to chromosome 20 on band p13. "
        "Friedreich's ataxia [FRDA] and dentatorubral-pallidoluysian atrophy [DRPLA] differ; FRDA is rare."
    )
    assert genes_in(finder, text) == {}
    assert genes_in(finder, "CD59 and tau were measured.") == {"CD59": "CD59", "tau": "MAPT"}
    # A long form that starts one of the gene's names keeps it a gene, disease word or not.
    assert genes_in(finder, "The ataxia-telangiectasia mutated (ATM) kinase rose.") == {"ATM": "ATM"}


def test_a_name_inside_a_hyphenated_compound_or_modifying_a_longer_name_is_not_that_gene(finder):
    # GNormPlus abstract 10942362: GM-CSF, not M-CSF; CXCL10, not IFNG.
    text = "Cells induced by granulocyte-macrophage colony-stimulating factor migrated to interferon gamma (IFN-gamma)-inducible protein 10."
    assert genes_in(finder, text) == {}
    assert genes_in(finder, "Interferon gamma and macrophage colony-stimulating factor rose.") == {
        "Interferon gamma": "IFNG",
        "macrophage colony-stimulating factor": "CSF1",
    }


def test_a_viruss_protein_a_sugar_in_a_glycan_and_a_compound_code_are_not_human_genes(finder):
    # GNormPlus abstracts 7824954, 1329093 and 8755601, shortened.
    text = (
        "Factors including YY1, viral IL-10 and human immunodeficiency virus-type 1 Tat proteins bound. "
        "UDP-GlcNAc:Gal beta 1-3-GalNAc-R is the acceptor. U50,488 or U69,593 acted on microglia."
    )
    assert genes_in(finder, text) == {"YY1": "YY1"}
    # A vector delivers the human gene.
    assert genes_in(finder, "Cells infected with adenovirus PTEN or lentiviral PTEN died.") == {"PTEN": "PTEN"}


def test_definitions_found_from_each_bracket_back_are_those_of_the_long_form_pattern():
    long_run = "x" * 130
    text = (
        "Reactive oxygen species (ROS) and the  tumour microenvironment  (TME) rose; hepatocyte growth factor [HGF], "
        f"(a) (bc) no (TGF-β1) and {long_run} (LONG) and ab (AB) and α-smooth muscle actin (α-SMA).\nNew line (NL)"
    )
    assert defined_after(text) == [(m.group(1), m.group(2), m.end()) for m in DEFINED_AFTER.finditer(text)]
    assert [abbreviation for _, abbreviation, _ in defined_after(text)][:3] == ["ROS", "TME", "HGF"]


def test_a_lower_case_word_is_a_gene_when_a_symbol_names_the_protein_or_famplex_curates_it(finder):
    text = "Furin and loricrin rose; survivin fell; the impact of timeless nodal disease was low."
    assert genes_in(finder, text) == {"Furin": "FURIN", "loricrin": "LORICRIN", "survivin": "BIRC5"}


def test_a_spelled_greek_letter_inside_a_name_reads_as_its_latin_initial(finder):
    # HGNC writes the letters as initials (NFKBIB's alias IKBB), whatever their place in the name.
    text = "I kappa B-beta, IkappaB-beta and IkappaB beta were degraded in mutant cells."
    assert genes_in(finder, text) == {"I kappa B-beta": "NFKBIB", "IkappaB-beta": "NFKBIB", "IkappaB beta": "NFKBIB"}
    # A leading letter is a subunit's name: "alpha1A" is no A1A (SERPINA1's alias).
    assert "SERPINA1" not in genes_in(finder, "The alpha1A channel was expressed.").values()


def test_a_name_the_document_defines_by_another_genes_whole_name_is_that_gene(finder):
    # GNormPlus abstract 1385987; HGNC lists IL-1Ra as an alias of IL6R (for IL-6R alpha).
    text = "An interleukin-1 receptor antagonist (IL-1ra) cDNA probe found the IL-1ra gene."
    assert genes_in(finder, text)["IL-1ra"] == "IL1RN"
    # Defined as a kind of gene ("another ..."): no one gene's alias (GNRP is RASGRF1's), the member named is.
    text = "Another guanine nucleotide-releasing protein (GNRP), C3G, binds CRK. GNRP activity rose."
    genes = {m.text: m.normalized for m in found_mentions(finder, text) if m.type != "drug"}
    assert genes["GNRP"] == "" and genes["C3G"] == "RAPGEF1"
    # A long form that is no single gene's whole name leaves the abbreviation as the tables read it.
    assert genes_in(finder, "The nuclear factor kappa B (NF-kappaB) and PTEN rose.").get("PTEN") == "PTEN"
    assert "NF-kappaB" not in genes_in(finder, "The nuclear factor kappa B (NF-kappaB) and PTEN rose.")


def test_an_isoform_code_written_as_the_next_word_continues_the_name(finder):
    assert genes_in(finder, "CYP 2e1 and CYP 1A2 rose.") == {"CYP 2e1": "CYP2E1", "CYP 1A2": "CYP1A2"}


def test_a_greek_letter_written_as_a_word_inside_a_name(finder):
    # GNormPlus abstracts 8423996 and 9135156: "NF-kappa Bp50" is NFKB1, not the CD40 alias Bp50.
    text = "c-rel, NF-kappa Bp50, NF-kappa Bp65 and NF-kappa B bound I kappa B-alpha and I kappa B epsilon."
    assert genes_in(finder, text) == {
        "c-rel": "REL",
        "NF-kappa Bp50": "NFKB1",
        "NF-kappa Bp65": "RELA",
        "I kappa B-alpha": "NFKBIA",
        "I kappa B epsilon": "NFKBIE",
    }
