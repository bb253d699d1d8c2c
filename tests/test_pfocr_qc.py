"""Agreement of our figure mapping with PFOCR's own genes, and the causes of every difference."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import yaml
from conftest import FAMPLEX_DIR, GENES_TSV, HAIRPINS_TSV, REPO, require

from exocargo.inputs.readers import parse_pfocr_record, pfocr_names
from exocargo.mapping.decisions import Context
from exocargo.mapping.pfocr_qc import compare_files, compare_with_pfocr
from exocargo.mapping.table import load_mapper, map_names_table
from exocargo.tables import PFOCR_AGREEMENT_TABLE

SEED = REPO / "config" / "demo" / "PMC6441234__12943_2019_980_Fig1_HTML.md"


@pytest.fixture(scope="module")
def mapper():
    return load_mapper(require(GENES_TSV), require(HAIRPINS_TSV), require(FAMPLEX_DIR))


def mapped(record, mapper):
    context = Context.of(record.title, record.caption, record.paper_title)
    return map_names_table(pfocr_names(record, record.figid), mapper, kind="pfocr", context=context)


def write_record(path: Path, genes: list[dict], caption: str = "") -> Path:
    """A PFOCR record in the pfocr-database format (YAML front matter, then nothing)."""
    meta = {"figid": path.stem, "figtitle": "test figure", "caption": caption, "genes": genes}
    path.write_text("---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n", encoding="utf-8")
    return path


def entry(word, symbol, source, hgnc_symbol, entrez):
    return {"word": word, "symbol": symbol, "source": source, "hgnc_symbol": hgnc_symbol, "entrez": entrez}


def word_rows(path: Path, genes: list[dict], mapper) -> pd.DataFrame:
    """The agreement table's rows of a record written from ``genes``, indexed by word."""
    record = parse_pfocr_record(write_record(path, genes))
    return compare_with_pfocr(mapped(record, mapper), record.pfocr_genes).table.set_index("word")


@pytest.fixture(scope="module")
def seed(mapper):
    record = parse_pfocr_record(SEED)
    return compare_with_pfocr(mapped(record, mapper), record.pfocr_genes)


def test_seed_figure_agrees_and_every_difference_has_a_cause(seed):
    table = seed.table
    assert list(table.columns) == PFOCR_AGREEMENT_TABLE.columns
    assert table["scope"].tolist()[:2] == ["figure", "figure (adjusted)"]
    words = table[table["scope"] == "word"]
    differing = words[words["cause"] != "agree"]
    assert set(differing["word"]) == {"CaM-", "PI3K"}
    assert (differing["cause"] != "").all() and set(differing["we_are_more_correct"]) == {"yes"}
    assert seed.raw.only_pfocr == 1 and seed.raw.f1 > 0.95  # the one: KRIT1 for "CaM-"
    assert seed.adjusted.f1 == 1.0


def test_cam_is_calmodulin_not_the_krit1_alias(seed):
    row = seed.table.set_index("word").loc["CaM-"]
    assert "CALM1" in row["only_ours"] and "KRIT1 (889)" == row["only_pfocr"]
    assert row["cause"].startswith("family: the word names a FamPlex family")


def test_slash_expansion_and_alias_causes(tmp_path, mapper):
    # Words and PFOCR genes as in PMC2862916 Fig 8 (pfocr-database fa77e5f): PFOCR kept MEK2 of MEK-1/2.
    path = write_record(
        tmp_path / "PMC2862916__fig.md",
        [
            entry("MEK-1/2", "MEK2", "hgnc_alias_symbol", "MAP2K2", "5605"),
            entry("B-Raf", "BRAF", "hgnc_symbol", "BRAF", "673"),
            entry("ADP", "ADP", "hgnc_alias_symbol", "WDTC1", "23038"),
            entry("CD9/63/81", "CD9", "hgnc_symbol", "CD9", "928"),
        ],
    )
    record = parse_pfocr_record(path)
    agreement = compare_with_pfocr(mapped(record, mapper), record.pfocr_genes)
    rows = agreement.table.set_index("word")
    assert rows.loc["B-Raf", "cause"] == "agree"
    assert rows.loc["MEK-1/2", "only_ours"] == "MAP2K1 (5604)" and rows.loc["MEK-1/2", "we_are_more_correct"] == "yes"
    assert rows.loc["ADP", "cause"].startswith("not a gene: chemical (not a gene)")
    assert rows.loc["CD9/63/81", "cause"].startswith("slash expansion")
    assert agreement.adjusted.f1 == 1.0 and agreement.raw.f1 < 1.0


def test_a_difference_without_a_recognised_cause_counts_against_us(tmp_path, mapper):
    path = write_record(tmp_path / "PMC1__fig.md", [entry("MLP", "MLP", "hgnc_alias_symbol", "CSRP3", "8048")])
    record = parse_pfocr_record(path)
    agreement = compare_with_pfocr(mapped(record, mapper), record.pfocr_genes)
    row = agreement.table.set_index("word").loc["MLP"]
    assert row["we_are_more_correct"] == "no" and "previous symbol" in row["cause"]
    assert agreement.adjusted.f1 == agreement.raw.f1 == 0.0


def test_pfocr_errors_found_in_the_words_themselves(tmp_path, mapper):
    # Words and PFOCR genes as in pfocr-database fa77e5f records of the development set.
    g_alpha = [entry("GĀ", "Galpha", "bioentities_symbol", s, e) for s, e in (("GNAQ", "2776"), ("GNAS", "2778"))]
    genes = [
        entry("Me,N-", "Men", "hgnc_alias_symbol", "ELL", "8178"),
        entry("Na*K*", "NAK", "hgnc_alias_symbol", "TBK1", "29110"),
        entry("g/g", "", "bioentities_symbol", "GNG2", "54331"),
        entry("APC/C", "APC", "hgnc_symbol", "APC", "324"),
        entry("Ac", "AC", "bioentities_symbol", "ADCY2", "108"),
        *g_alpha,
    ]
    rows = word_rows(tmp_path / "PMC2__fig.md", genes, mapper)
    assert rows.loc["Me,N-", "cause"].startswith("joined parts: PFOCR matched Men")
    assert rows.loc["Na*K*", "cause"].startswith("joined parts: PFOCR matched NAK")
    assert rows.loc["g/g", "cause"].startswith("not a gene: every part of the word is a single letter or a number")
    assert rows.loc["APC/C", "cause"].startswith("whole name: FamPlex curates 'APC/C' as one name")
    assert "ANAPC1 (64682)" in rows.loc["APC/C", "only_ours"]
    assert rows.loc["Ac", "cause"].startswith("FamPlex version: PFOCR's copy of FamPlex reads the word as ADCY2")
    # Gibberellin (GA) with a stray accent: the chemical, whatever PFOCR's OCR folding made of it.
    assert rows.loc["GĀ", "cause"].startswith("not a gene: accents removed (GA); chemical")
    assert set(rows.loc[["Me,N-", "Na*K*", "g/g", "APC/C", "Ac", "GĀ"], "we_are_more_correct"]) == {"yes"}


def test_a_part_pfocr_read_that_we_did_not_counts_against_us(tmp_path, mapper):
    # PFOCR reads the part P2 through the two-character RPLP2 alias, which we never use for
    # figure words; the name is in the word, so nothing shows PFOCR wrong.
    genes = [entry("P2,Q7", "P2", "hgnc_alias_symbol", "RPLP2", "6181")]
    row = word_rows(tmp_path / "PMC3__fig.md", genes, mapper).loc["P2,Q7"]
    assert row["we_are_more_correct"] == "no" and row["cause"].startswith("we found no gene")


def test_a_family_of_numbers_is_not_letters_and_numbers(tmp_path, mapper):
    genes = [entry("14-3-3", "YWHAZ", "hgnc_alias_symbol", "YWHAZ", "7534")]
    row = word_rows(tmp_path / "PMC4__fig.md", genes, mapper).loc["14-3-3"]
    assert row["cause"].startswith("family: the word names a FamPlex family")


def test_mapping_never_reads_pfocrs_own_genes(tmp_path, mapper):
    """Scrambling PFOCR's symbol, hgnc_symbol and entrez fields leaves our mapping unchanged."""
    record = parse_pfocr_record(SEED)
    text = SEED.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("\n---")[0][4:])
    for gene in front["genes"]:
        gene.update(symbol="ZZZ", hgnc_symbol="ZZZ", entrez="1")
    scrambled = tmp_path / SEED.name
    scrambled.write_text("---\n" + yaml.safe_dump(front, sort_keys=False) + "---\n", encoding="utf-8")
    assert mapped(parse_pfocr_record(scrambled), mapper).equals(mapped(record, mapper))


def test_compare_files_refuses_lists_that_are_not_figures(tmp_path):
    source = tmp_path / "source.json"
    source.write_text(json.dumps({"list_id": "cargo", "kind": "genes"}))
    mapping = tmp_path / "mapping.tsv"
    mapping.write_text("query\tinput_name\tentrez_id\tsymbol\tmatch_type\tnote\n")
    with pytest.raises(ValueError, match="only for pfocr lists"):
        compare_files(mapping, source)


def test_benchmark_scores_us_beside_the_plain_baseline():
    """The figure benchmark prints raw and adjusted scores for both mappers; we stay ahead on the shared figures."""
    import re
    import subprocess
    import sys

    shared = require(REPO.parent / "shared" / "data" / "pfocr")
    script = REPO / "benchmarks" / "map_pfocr_records.py"
    output = subprocess.run(
        [sys.executable, str(script), str(shared)], check=True, capture_output=True, text=True
    ).stdout
    scores = dict(
        re.findall(
            r"^\s+(exocargo raw|plain baseline raw|exocargo adjusted|plain baseline adj\.)\s.*F1 ([\d.]+)", output, re.M
        )
    )
    assert set(scores) == {"exocargo raw", "plain baseline raw", "exocargo adjusted", "plain baseline adj."}
    assert float(scores["exocargo adjusted"]) >= 0.99
    assert float(scores["exocargo adjusted"]) > float(scores["plain baseline adj."])
    assert float(scores["exocargo raw"]) > float(scores["plain baseline raw"])
    assert "distinct words/s" in output
