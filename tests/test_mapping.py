"""Names to Entrez IDs: every match type with real names, and the traps of real lists."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import FAMPLEX_DIR, GENES_TSV, HAIRPINS_TSV, require

from exocargo.errors import InputError
from exocargo.inputs.readers import read_gene_list
from exocargo.mapping.decisions import MATCH_TYPES, Context
from exocargo.mapping.table import load_mapper, map_list, map_names_table, summarise, used_entrez_ids
from exocargo.mapping.words import split_forms
from exocargo.tables import MAPPING_TABLE


@pytest.fixture(scope="module")
def mapper():
    return load_mapper(require(GENES_TSV), require(HAIRPINS_TSV), require(FAMPLEX_DIR))


def genes(mapper, name, **options):
    """``{entrez: (symbol, match_type)}`` of one name."""
    return {h.entrez_id: (h.symbol, h.match_type) for h in mapper.map_name(name, **options)}


def only(mapper, name, **options):
    hits = mapper.map_name(name, **options)
    assert len(hits) == 1, hits
    return hits[0]


# --------------------------------------------------------------------------- match types


@pytest.mark.parametrize(
    ("name", "entrez", "symbol", "match_type"),
    [
        ("TP53", "7157", "TP53", "symbol"),
        ("tp53", "7157", "TP53", "symbol"),
        ("7157", "7157", "TP53", "entrez"),
        ("ENSG00000141510", "7157", "TP53", "ensembl"),
        ("ENSG00000141510.17", "7157", "TP53", "ensembl"),
        ("P04637", "7157", "TP53", "uniprot"),
        ("PD-L1", "29126", "CD274", "alias"),
        ("P-gp", "5243", "ABCB1", "alias"),
        ("p27kip1", "1027", "CDKN1B", "alias"),
        ("SEPT9", "10801", "SEPTIN9", "previous"),
        ("miR-21", "406991", "MIR21", "mirna"),
        ("hsa-miR-21-5p", "406991", "MIR21", "mirna"),
        ("microRNA-21", "406991", "MIR21", "mirna"),
    ],
)
def test_one_gene_per_name(mapper, name, entrez, symbol, match_type):
    hit = only(mapper, name)
    assert (hit.entrez_id, hit.symbol, hit.match_type) == (entrez, symbol, match_type)


def test_erk1_2_is_the_erk_family_mapk3_and_mapk1(mapper):
    assert genes(mapper, "Erk1/2") == {"5595": ("MAPK3", "family"), "5594": ("MAPK1", "family")}
    note = mapper.map_name("Erk1/2")[0].note
    assert "FamPlex ERK" in note and "isa ERK" in note  # which entity, which relation path


def test_families_expand_through_isa_and_partof(mapper):
    pi3k = genes(mapper, "PI3K")
    assert {s for s, _ in pi3k.values()} >= {"PIK3CA", "PIK3CB", "PIK3CD", "PIK3R1"} and len(pi3k) == 10
    assert {s for s, _ in genes(mapper, "AKT").values()} == {"AKT1", "AKT2", "AKT3"}
    assert {s for s, _ in genes(mapper, "Ras").values()} == {"HRAS", "KRAS", "NRAS"}
    assert {s for s, _ in genes(mapper, "NF-kB").values()} == {"NFKB1", "NFKB2", "REL", "RELA", "RELB"}
    assert {t for _, t in genes(mapper, "Rab").values()} == {"family"}


def test_family_wins_over_one_gene_reached_only_through_an_alias(mapper):
    # "AKT" is also an alias of AKT1, "CAM" of KRIT1: the word names the family.
    assert len(genes(mapper, "AKT")) == 3
    assert {s for s, _ in genes(mapper, "CaM-", in_text=True).values()} == {"CALM1", "CALM2", "CALM3"}


def test_a_unique_previous_symbol_in_a_gene_list_or_prose_comes_before_a_family(mapper):
    """VEGF in a gene list or a paper is VEGFA (HGNC's previous symbol), not the five-gene VEGF family."""
    for in_text in (False, True):
        hits = mapper.map_name("VEGF", in_text=in_text)
        assert [(h.symbol, h.match_type) for h in hits] == [("VEGFA", "previous")]
    assert len(mapper.map_name("VEGF", in_text=True, figure=True)) > 1  # figure words keep the FamPlex reading


def test_a_previous_symbol_of_a_gene_outside_the_family_does_not_beat_the_family(mapper):
    """ERK was EPHB2's symbol, but ERK names the MAPK1/MAPK3 family, which EPHB2 is not in."""
    for in_text in (False, True):
        assert {h.symbol for h in mapper.map_name("ERK", in_text=in_text)} == {"MAPK1", "MAPK3"}


def test_pseudogene_members_of_a_family_are_left_out_and_named(mapper):
    rab = mapper.map_name("Rab")
    assert "RAB1C" not in {h.symbol for h in rab}
    assert "pseudogene RAB1C left out" in rab[0].note


def test_let7a_comes_from_three_loci(mapper):
    assert genes(mapper, "let-7a") == {
        "406881": ("MIRLET7A1", "mirna"),
        "406882": ("MIRLET7A2", "mirna"),
        "406883": ("MIRLET7A3", "mirna"),
    }


def test_mirna_slash_lists_and_families(mapper):
    assert {s for s, _ in genes(mapper, "miR-221/222").values()} == {"MIR221", "MIR222"}
    family = {s for s, _ in genes(mapper, "miR-200 family").values()}
    assert family == {"MIR200A", "MIR200B", "MIR200C", "MIR141", "MIR429"}


def test_ambiguous_alias_lists_every_candidate_and_picks_none(mapper):
    hits = mapper.map_name("ALK1")
    assert {h.match_type for h in hits} == {"ambiguous"}
    assert {h.symbol for h in hits} == {"ACVRL1", "ALK", "SLPI"}
    assert "ACVRL1 (alias), ALK (alias), SLPI (alias)" in hits[0].note


def test_a_previous_symbol_wins_over_another_genes_alias_and_says_so(mapper):
    hit = only(mapper, "DEC1")
    assert (hit.symbol, hit.match_type) == ("DELEC1", "previous")
    assert "also an alias of BHLHE40" in hit.note


def test_ambiguous_genes_enter_the_gene_set_only_when_asked(mapper):
    mapping = map_names_table(pd.DataFrame({"query": "q", "name": ["ALK1", "TP53"]}), mapper)
    assert used_entrez_ids(mapping) == ["7157"]
    assert set(used_entrez_ids(mapping, include_ambiguous=True)) == {"7157", "94", "238", "6590"}


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("ADP", "chemical (not a gene)"),
        ("cAMP", "chemical (not a gene)"),
        ("Ca2+", "chemical (not a gene)"),
        ("XQZ12345", "no symbol, alias, previous symbol, ID, family or miRNA matched"),
        ("Trp53", "written like a mouse symbol (Trp53)"),
        ("mmu-miR-21a-5p", "mmu is not a human miRBase prefix"),
        ("ENST00000269305", "Ensembl transcript or protein ID"),
        ("99999999", "not a current human gene"),
    ],
)
def test_unmapped_names_say_why(mapper, name, reason):
    hit = only(mapper, name)
    assert hit.match_type == "unmapped" and hit.entrez_id == ""
    assert reason in hit.note


# --------------------------------------------------------------------------- written forms


@pytest.mark.parametrize(
    ("written", "parts"),
    [
        ("MEK-1/2", ["MEK-1", "MEK-2"]),
        ("CD9/63/81", ["CD9", "CD63", "CD81"]),
        ("KDM6A/B", ["KDM6A", "KDM6B"]),
        ("5-HT2A/2B", ["5-HT2A", "5-HT2B"]),
        ("PI3K/AKT", ["PI3K", "AKT"]),
        ("SMAD1-3", ["SMAD1", "SMAD2", "SMAD3"]),
        ("IL-6", []),
        ("KRTAP2-3", ["KRTAP2", "KRTAP3"]),  # a range shape; the symbol itself is looked up first
    ],
)
def test_slash_and_range_forms_expand_as_a_reader_would(written, parts):
    assert split_forms(written)[0] == parts


def test_slash_forms_map_each_part(mapper):
    assert {s for s, _ in genes(mapper, "CD9/63/81").values()} == {"CD9", "CD63", "CD81"}
    assert {s for s, _ in genes(mapper, "MEK-1/2").values()} == {"MAP2K1", "MAP2K2"}
    assert only(mapper, "KRTAP2-3").symbol == "KRTAP2-3"
    partial = genes(mapper, "EGFR/EGFRvlll")
    assert list(partial.values()) == [("EGFR", "symbol")]
    assert "other parts unmapped: EGFRvlll" in mapper.map_name("EGFR/EGFRvlll")[0].note


@pytest.mark.parametrize(
    ("written", "symbol", "repaired"),
    [("1-Mar", "MARCHF1", "MARCH1"), ("2-Sep", "SEPTIN2", "SEPT2"), ("Sep-9", "SEPTIN9", "SEPT9")],
)
def test_excel_dates_are_repaired_and_flagged(mapper, written, symbol, repaired):
    hit = only(mapper, written)
    assert hit.symbol == symbol
    assert f"Excel date {written!r} repaired to {repaired}" in hit.note


@pytest.mark.parametrize(
    ("written", "symbol"),
    [("p-CLOCK,", "CLOCK"), ("ZNF)17", "ZNF17"), ("(MYOD1", "MYOD1"), ("TNF-α", "TNF"), ("Hif-1a", "HIF1A")],
)
def test_figure_ocr_forms(mapper, written, symbol):
    assert only(mapper, written, in_text=True).symbol == symbol


def test_a_spelled_greek_letter_read_as_a_letter_keeps_a_name_of_three_characters(mapper):
    assert only(mapper, "TNFalpha", in_text=True).symbol == "TNF"
    assert only(mapper, "IL1beta", in_text=True).symbol == "IL1B"
    # "Ikappa" of "Ikappa B kinase" is a name cut short, not the gene IK.
    assert only(mapper, "Ikappa", in_text=True).match_type == "unmapped"


def test_phospho_marks_are_not_glued_to_the_name(mapper):
    # p-ERK is phosphorylated ERK, not the kinase PERK (EIF2AK3).
    for written in ("p-ERK", "pERK"):
        assert {s for s, _ in genes(mapper, written, in_text=True).values()} == {"MAPK1", "MAPK3"}


def test_case_carries_meaning(mapper):
    assert only(mapper, "CAMP").symbol == "CAMP"  # cathelicidin, the gene
    assert only(mapper, "cAMP").match_type == "unmapped"  # cyclic AMP, the chemical
    assert only(mapper, "Cdkn1a").symbol == "CDKN1A"


def test_words_from_figures_are_not_identifiers(mapper):
    assert only(mapper, "12").symbol == "SERPINA3"  # a gene list may hold Entrez IDs
    assert only(mapper, "12", in_text=True).match_type == "unmapped"  # a figure's 12 is a number
    assert only(mapper, "HR").symbol == "HR"
    assert only(mapper, "HR", in_text=True).match_type == "unmapped"  # homologous recombination


# --------------------------------------------------------------------------- context


def test_context_tells_trp_channels_from_the_tyrp1_alias(mapper):
    channels = Context.of("Exercise signalling", "ion channels (TRP), scaffolding proteins (Homer)")
    melanin = Context.of("Melanogenesis", "tyrosinase and tyrosinase-related protein 1 (TRP) make melanin")
    trp = {s for s, _ in genes(mapper, "TRP", in_text=True, context=channels).values()}
    assert {"TRPC1", "TRPV1", "TRPM8", "TRPA1"} <= trp and "TYRP1" not in trp
    assert len(trp) == 27  # FamPlex TRP without the human pseudogene TRPC2
    hit = only(mapper, "TRP", in_text=True, context=melanin)
    assert hit.symbol == "TYRP1" and "caption names this gene" in hit.note


def test_context_picks_the_candidate_the_caption_names(mapper):
    hit = only(mapper, "ALK1", in_text=True, context=Context.of("BMP9 signals through ACVRL1 in endothelium"))
    assert (hit.symbol, hit.match_type) == ("ACVRL1", "alias")
    assert "chosen because the title or caption names ACVRL1" in hit.note


def test_apc_c_is_the_complex_and_apc_the_gene(mapper):
    assert "ANAPC1" in {s for s, _ in genes(mapper, "APC/C", in_text=True).values()}
    assert only(mapper, "APC", in_text=True).symbol == "APC"


# --------------------------------------------------------------------------- tables


def test_a_real_list_with_mixed_ids_cases_quotes_bom_and_crlf(tmp_path, mapper):
    path = tmp_path / "mixed.txt"
    lines = ['"TP53"', "  egfr ", "7157", "ENSG00000146648", "P00533", "PD-L1", "miR-21", "1-Mar", "Rab", "XQZ12345"]
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode() + b"\r\n")
    mapping = map_names_table(read_gene_list(path, "mixed"), mapper)
    assert list(mapping.columns) == MAPPING_TABLE.columns
    first = mapping.drop_duplicates("input_name").set_index("input_name")
    assert first.loc["TP53", "match_type"] == "symbol" and first.loc["egfr", "symbol"] == "EGFR"
    assert first.loc["7157", "match_type"] == "entrez"
    assert first.loc["ENSG00000146648", ["symbol", "match_type"]].tolist() == ["EGFR", "ensembl"]
    assert first.loc["P00533", ["symbol", "match_type"]].tolist() == ["EGFR", "uniprot"]
    assert first.loc["1-Mar", "symbol"] == "MARCHF1"
    assert first.loc["XQZ12345", "entrez_id"] == ""
    assert used_entrez_ids(mapping)[:2] == ["7157", "1956"]  # first-seen order, each once


def test_one_row_per_name_gene_pair_in_input_order(mapper):
    names = pd.DataFrame({"query": ["a", "a", "b"], "name": ["Erk1/2", "XQZ12345", "Erk1/2"]})
    mapping = map_names_table(names, mapper)
    assert mapping[["query", "input_name", "symbol"]].values.tolist() == [
        ["a", "Erk1/2", "MAPK1"],
        ["a", "Erk1/2", "MAPK3"],
        ["a", "XQZ12345", ""],
        ["b", "Erk1/2", "MAPK1"],
        ["b", "Erk1/2", "MAPK3"],
    ]


def test_summary_counts_names_and_genes_by_match_type(mapper):
    names = pd.DataFrame({"query": "q", "name": ["TP53", "EGFR", "Erk1/2", "ALK1", "ADP"]})
    summary = summarise(map_names_table(names, mapper)).set_index("match_type")
    assert list(summary.index) == list(MATCH_TYPES)
    assert summary.loc["symbol"].tolist() == [2, 2]
    assert summary.loc["family"].tolist() == [1, 2]
    assert summary.loc["ambiguous"].tolist() == [1, 3]
    assert summary.loc["unmapped"].tolist() == [1, 0]


def test_family_expansion_can_be_switched_off(mapper):
    off = load_mapper(GENES_TSV, HAIRPINS_TSV, FAMPLEX_DIR, expand_families=False)
    hit = only(off, "PI3K")
    assert hit.match_type == "unmapped" and "names the FamPlex family PI3K (10 genes)" in hit.note
    assert only(off, "TP53").symbol == "TP53"


def test_without_famplex_there_are_no_families_for_library_translation():
    plain = load_mapper(GENES_TSV, HAIRPINS_TSV)
    assert {h.match_type for h in plain.map_name("AKT")} == {"alias"}  # AKT1's alias, as a library symbol means
    assert only(plain, "MAPK1").match_type == "symbol"


def test_empty_list_gives_a_header_only_table_and_no_genes(tmp_path, mapper):
    names = tmp_path / "names.tsv"
    names.write_text("\t".join(["query", "name", "type", "normalized", "count", "line", "first_sentence"]) + "\n")
    source = tmp_path / "source.json"
    source.write_text(json.dumps({"list_id": "empty", "kind": "genes", "status": "failed"}))
    mapping, entrez, summary = map_list(names, source, GENES_TSV, HAIRPINS_TSV, FAMPLEX_DIR)
    assert mapping.empty and list(mapping.columns) == MAPPING_TABLE.columns
    assert entrez == [] and summary["names"].sum() == 0


def test_a_binary_file_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "figure.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(InputError, match="figure.png"):
        read_gene_list(path, "png")


def test_map_list_reads_kind_and_caption_from_the_source(tmp_path):
    names = tmp_path / "names.tsv"
    pd.DataFrame({"query": "fig", "name": ["TRP", "12"]}).to_csv(names, sep="\t", index=False)
    source = tmp_path / "source.json"
    caption = "Melanogenesis: tyrosinase-related protein 1 (TRP) and tyrosinase"
    source.write_text(json.dumps({"list_id": "fig", "kind": "pfocr", "pfocr": {"title": "", "caption": caption}}))
    mapping, entrez, _ = map_list(names, source, GENES_TSV, HAIRPINS_TSV, FAMPLEX_DIR)
    assert entrez == ["7306"]  # TYRP1 by context; "12" is a number on a figure, not SERPINA3


def test_text_mentions_keep_the_extract_steps_reading(mapper):
    names = pd.DataFrame(
        {
            "query": "doc",
            "name": ["cisplatin", "AML", "programmed death-ligand 1", "TP53", "miR-221/222"],
            "type": ["drug", "cancer", "protein", "", "mirna"],
            "normalized": ["cisplatin", "AML", "CD274", "", "hsa-miR-221;hsa-miR-222"],
        }
    )
    mapping = map_names_table(names, mapper, kind="text").set_index("input_name")
    assert set(mapping.loc["miR-221/222", "symbol"]) == {"MIR221", "MIR222"}
    assert mapping.loc["cisplatin", "note"] == "not a gene: a drug named in the text"
    assert mapping.loc["AML", "match_type"] == "unmapped"  # not RUNX1, whose alias AML is
    assert mapping.loc["programmed death-ligand 1", "symbol"] == "CD274"
    assert mapping.loc["TP53", "match_type"] == "symbol"


def test_only_real_month_names_count_as_excel_dates(mapper):
    assert "Excel" not in only(mapper, "MMP-2").note
    assert "looks like a date Excel made" in only(mapper, "1-Jan").note


def test_the_default_local_backend_never_opens_a_connection(tmp_path, monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the local backend tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    names = tmp_path / "names.tsv"
    pd.DataFrame({"query": "l", "name": ["TP53", "PD-L1", "miR-21", "PI3K", "XQZ12345"]}).to_csv(
        names, sep="\t", index=False
    )
    source = tmp_path / "source.json"
    source.write_text(json.dumps({"list_id": "l", "kind": "genes"}))
    _, entrez, _ = map_list(names, source, GENES_TSV, HAIRPINS_TSV, FAMPLEX_DIR)
    assert entrez[:3] == ["7157", "29126", "406991"]


def test_mouse_style_names_in_a_gene_list_are_flagged_and_not_taken_through_a_human_alias(mapper):
    # Mup1 is an alias of the unrelated human SLC25A19: kept as a candidate, not used.
    mup1 = mapper.map_name("Mup1")
    assert [(h.symbol, h.match_type) for h in mup1] == [("SLC25A19", "ambiguous")]
    assert "written like a mouse symbol (Mup1)" in mup1[0].note
    # The same letters as a human symbol: read as that gene, with the note.
    cd9 = only(mapper, "Cd9")
    assert (cd9.symbol, cd9.match_type) == ("CD9", "symbol") and "mouse symbol" in cd9.note
    # In figures and prose, Title-case protein names are the usual human style: no flag.
    assert "mouse" not in only(mapper, "Smad3", in_text=True).note


def test_a_stem_that_hgnc_names_paralogs_by_is_their_family(mapper):
    # No gene or alias is RAB11: RAB11A and RAB11B are, named by a letter after the stem.
    hits = mapper.map_name("Rab11", in_text=True)
    assert {(h.symbol, h.match_type) for h in hits} == {("RAB11A", "family"), ("RAB11B", "family")}
    assert "paralogs RAB11A, RAB11B" in hits[0].note
    # A stem that is itself a name keeps that reading: Rab27 is RAB27A's alias.
    assert only(mapper, "Rab27", in_text=True).symbol == "RAB27A"


def test_the_built_mapper_is_cached_beside_its_tables_and_rebuilt_when_a_table_changes(tmp_path):
    import shutil

    genes = tmp_path / "genes.tsv"
    shutil.copy(require(GENES_TSV), genes)
    first = load_mapper(genes, require(HAIRPINS_TSV), require(FAMPLEX_DIR))
    cached = list((tmp_path / ".mapper-cache").glob("*.pickle"))
    assert len(cached) == 1
    again = load_mapper(genes, require(HAIRPINS_TSV), require(FAMPLEX_DIR), expand_families=False)
    assert again is not first and not again.expand_families
    assert again.map_name("TP53") == first.map_name("TP53")
    # A changed table is a new key: the old mapper is not taken for it.
    text = genes.read_text().replace("\tTP53\t", "\tTP53X\t", 1)
    genes.write_text(text)
    changed = load_mapper(genes, require(HAIRPINS_TSV), require(FAMPLEX_DIR))
    assert len(list((tmp_path / ".mapper-cache").glob("*.pickle"))) == 2
    assert changed.map_name("TP53X")[0].symbol == "TP53X"
