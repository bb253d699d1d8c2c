"""Figure words as OCR leaves them: several names in one word, stray glyphs, ambiguous
abbreviations the rest of the figure decides, and no word lost on the way."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml
from conftest import ENTREZ_LIBRARIES, FAMPLEX_DIR, GENES_TSV, HAIRPINS_TSV, require

from exocargo.inputs.readers import parse_pfocr_record, pfocr_names
from exocargo.mapping.decisions import USED_MATCH_TYPES, Context
from exocargo.mapping.figure_evidence import PathwayEvidence, decide_by_figure
from exocargo.mapping.pfocr_qc import compare_with_pfocr
from exocargo.mapping.table import load_mapper, map_names_table
from exocargo.mapping.words import multi_name_parts, tidy_word

EVIDENCE_GMTS = [ENTREZ_LIBRARIES / f"{name}.entrez.gmt" for name in ("KEGG_2021_Human", "WikiPathway_2023_Human")]


@pytest.fixture(scope="module")
def mapper():
    return load_mapper(
        require(GENES_TSV),
        require(HAIRPINS_TSV),
        require(FAMPLEX_DIR),
        pathway_gmts=[require(p) for p in EVIDENCE_GMTS],
    )


def used(mapper, word, context=None):
    hits = mapper.map_name(word, in_text=True, figure=True, context=context)
    return sorted(h.symbol for h in hits if h.match_type in USED_MATCH_TYPES)


def write_record(path: Path, words: list[str], title: str = "test figure", caption: str = "") -> Path:
    genes = [{"word": w, "symbol": "", "source": "", "hgnc_symbol": "", "entrez": ""} for w in words]
    meta = {"figid": path.stem, "figtitle": title, "caption": caption, "genes": genes}
    path.write_text("---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("MEK1,2", ["MEK1", "MEK2"]),
        ("fgf3,8,17b", ["fgf3", "fgf8", "fgf17b"]),
        ("IFNa,B", ["IFNa", "IFNB"]),
        ("(e.g.,BAD,BAX)", ["e.g", "BAD", "BAX"]),
        ("ligands):WNT3A,WNT5A/", ["ligands", "WNT3A", "WNT5A"]),
        ("Opioids(K,Oprl1)", ["Opioids", "K", "Oprl1"]),
    ],
)
def test_a_word_carrying_several_names_is_split_as_a_reader_would(word, parts):
    assert multi_name_parts(tidy_word(word)) == parts


def test_unbalanced_brackets_are_noise_not_separators():
    assert multi_name_parts("ZNF)17") == []
    assert tidy_word("(XBP1)") == "XBP1"
    assert tidy_word("(p)-ERK") == "(p)-ERK"


@pytest.mark.parametrize(
    ("word", "symbols"),
    [
        ("MEK1,2", ["MAP2K1", "MAP2K2"]),
        ("TCF4,LEF-1", ["LEF1", "TCF4"]),
        ("spry2,4,", ["SPRY2", "SPRY4"]),
        ("(XBP1)", ["XBP1"]),
        ("ÉRBB3", ["ERBB3"]),
        ("TIĞAR", ["TIGAR"]),
        ("B-catenin", ["CTNNB1"]),
        ("IFNY", ["IFNG"]),
        ("IL-1RII", ["IL1R2"]),
        ("C-Raf-1", ["RAF1"]),
        ("CyclinD1", ["CCND1"]),
        ("AMPKA", ["PRKAA1", "PRKAA2"]),
        ("p21↓", ["CDKN1A"]),
        ("GB", ["GNB1", "GNB2", "GNB3", "GNB4", "GNB5"]),
        ("P13K", ["PIK3CA", "PIK3CB", "PIK3CD", "PIK3CG", "PIK3R1", "PIK3R2", "PIK3R3", "PIK3R4", "PIK3R5", "PIK3R6"]),
        ("MAPKK", ["MAP2K1", "MAP2K2", "MAP2K3", "MAP2K4", "MAP2K5", "MAP2K6", "MAP2K7"]),
    ],
)
def test_ocr_forms_of_figure_words_map(mapper, word, symbols):
    assert used(mapper, word) == symbols


def test_famplex_usage_beats_a_symbol_in_another_case(mapper):
    # FamPlex curates "Rho" as RhoA; RHO (rhodopsin) is only the same letters.
    assert used(mapper, "Rho") == ["RHOA"]
    assert used(mapper, "RHO") == ["RHO"]


def test_a_pseudogene_alias_is_not_a_figure_gene(mapper):
    assert "HSP90AA2P" not in used(mapper, "HSP90alpha")


def test_a_word_famplex_reads_two_ways_stays_open_unless_the_figure_says(mapper):
    hits = mapper.map_name("PDK", in_text=True, figure=True)
    assert {h.match_type for h in hits} == {"ambiguous"}
    assert {"PDK1", "PDK2", "PDK3", "PDK4", "PDPK1"} <= {h.symbol for h in hits}
    caption = Context.of("Pyruvate dehydrogenase kinase in glycolysis")
    assert used(mapper, "PDK", caption) == ["PDK1", "PDK2", "PDK3", "PDK4"]


def test_the_figures_other_genes_decide_an_ambiguous_word(mapper, tmp_path):
    metabolic = ["PDK", "PDHA1", "PDHB", "DLAT", "DLD", "LDHA", "LDHB", "PKM", "HK2", "SLC2A1"]
    record = parse_pfocr_record(write_record(tmp_path / "PMC1__metabolism.md", metabolic))
    mapping = map_names_table(pfocr_names(record, record.figid), mapper, kind="pfocr")
    pdk = mapping[mapping["input_name"] == "PDK"]
    assert sorted(pdk["symbol"]) == ["PDK1", "PDK2", "PDK3", "PDK4"]
    assert pdk["match_type"].eq("family").all()
    assert pdk["note"].str.startswith("decided by the figure").all()
    assert pdk["note"].str.contains("PDPK1").all()  # what was set aside is named


def test_weak_or_unfair_evidence_leaves_the_word_ambiguous(mapper):
    table = map_names_table(_names(["PDK", "TP53", "ALB"]), mapper, kind="pfocr")
    assert table.loc[table["input_name"] == "PDK", "match_type"].eq("ambiguous").all()
    # An alias of genes 1 and 2, with the figure's genes 3-6 in one pathway with gene 1: decided,
    # unless gene 2 is in no pathway at all (it could not have won), then left open.
    note = "X is a previous symbol or alias of 2 genes"
    rows = [["f", "X", "1", "A", "ambiguous", note], ["f", "X", "2", "B", "ambiguous", note]]
    rows += [["f", f"G{g}", g, f"G{g}", "symbol", ""] for g in "3456"]
    mapping = pd.DataFrame(rows, columns=["query", "input_name", "entrez_id", "symbol", "match_type", "note"])
    fair = PathwayEvidence([("p: with A", frozenset("13456")), ("p: B elsewhere", frozenset({"2", "9"}))])
    decided = decide_by_figure(mapping, fair, {})
    assert decided.loc[decided["input_name"] == "X", "symbol"].tolist() == ["A"]
    unfair = PathwayEvidence([("p: with A", frozenset("13456"))])
    kept = decide_by_figure(mapping, unfair, {})
    assert kept.loc[kept["input_name"] == "X", "match_type"].tolist() == ["ambiguous", "ambiguous"]


def _names(words):
    blank = [""] * len(words)
    return pd.DataFrame(
        {
            "query": ["q"] * len(words),
            "name": words,
            "type": blank,
            "normalized": blank,
            "count": [1] * len(words),
            "line": [0] * len(words),
            "first_sentence": blank,
            "section": blank,
        }
    )


def test_every_word_of_a_record_has_a_mapping_row(mapper, tmp_path):
    words = ["TP53", ",;", "spry2,4,", "(e.g.,BAD,BAX)", "Na*K*", "ÉRBB3", "MEK1,2", "xyzzy"]
    record = parse_pfocr_record(write_record(tmp_path / "PMC2__words.md", words))
    names = pfocr_names(record, record.figid)
    mapping = map_names_table(names, mapper, kind="pfocr")
    assert len(names) == len(set(words))
    assert set(mapping["input_name"]) == set(names["name"])
    for name, rows in mapping.groupby("input_name"):
        assert rows["match_type"].ne("unmapped").any() or rows["note"].str.len().gt(0).all(), name


def test_the_qc_table_names_precedence_and_family_scope(mapper, tmp_path):
    genes = [
        {"word": "TAK1", "symbol": "TAK1", "source": "hgnc_alias_symbol", "hgnc_symbol": "NR2C2", "entrez": "7182"},
        {"word": "Fos", "symbol": "FOS", "source": "hgnc_symbol", "hgnc_symbol": "FOS", "entrez": "2353"},
    ]
    path = tmp_path / "PMC3__qc.md"
    path.write_text("---\n" + yaml.safe_dump({"figid": path.stem, "genes": genes}) + "---\n", encoding="utf-8")
    record = parse_pfocr_record(path)
    mapping = map_names_table(pfocr_names(record, record.figid), mapper, kind="pfocr")
    table = compare_with_pfocr(mapping, record.pfocr_genes).table.set_index("word")
    assert table.loc["TAK1", "cause"].startswith("precedence")
    assert table.loc["Fos", "cause"].startswith("family scope")
    assert (table.loc[["TAK1", "Fos"], "we_are_more_correct"] == "yes").all()


def test_a_gene_list_name_with_brackets_is_one_name(mapper):
    # Identifiers are not OCR words: "<img src=x onerror=alert(1)>" must not become Entrez ID 1.
    hits = mapper.map_name("<img src=x onerror=alert(1)>")
    assert [h.match_type for h in hits] == ["unmapped"]
    assert used(mapper, "MEK1,2") == ["MAP2K1", "MAP2K2"]  # a figure word still splits
