"""The Python API and the command line, on the pinned resources the workflow uses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import GENES_TSV, require

import exocargo
from exocargo.tables import ENRICHMENT_TABLE, MAPPING_TABLE, RELATIONS_TABLE

P53_PATHWAY = ["TP53", "MDM2", "CDKN1A", "BAX", "GADD45A", "SESN1", "RRM2B", "TP53I3", "FAS", "CCNG1", "ZMAT3"]


def test_map_names_gives_entrez_ids_of_a_symbol_a_mirna_and_an_alias():
    require(GENES_TSV)
    table = exocargo.map_names(["TP53", "miR-21", "PD-L1"])
    assert list(table.columns) == MAPPING_TABLE.columns
    assert dict(zip(table["input_name"], table["entrez_id"])) == {"TP53": "7157", "miR-21": "406991", "PD-L1": "29126"}
    assert dict(zip(table["input_name"], table["match_type"])) == {
        "TP53": "symbol",
        "miR-21": "mirna",
        "PD-L1": "alias",
    }


def test_map_names_lists_a_name_that_maps_to_nothing_with_the_reason():
    table = exocargo.map_names(["TP53", "NOTAGENE12345"])
    unmapped = table[table["input_name"] == "NOTAGENE12345"].iloc[0]
    assert unmapped["match_type"] == "unmapped" and unmapped["entrez_id"] == "" and unmapped["note"]


def test_enrich_ranks_the_p53_pathway_first_for_p53_target_genes():
    table = exocargo.enrich(P53_PATHWAY, library="KEGG_2021_Human")
    assert list(table.columns) == ENRICHMENT_TABLE.columns
    assert table.iloc[0]["term"] == "p53 signaling pathway"
    assert table.iloc[0]["adjusted_p_value"] < 1e-10


def test_enrich_takes_named_lists_and_reports_each_as_a_query():
    table = exocargo.enrich({"p53": P53_PATHWAY, "small": ["TP53", "MDM2"]}, library="KEGG_2021_Human")
    assert set(table["query"]) == {"p53", "small"}


def test_find_relations_reads_a_mirna_down_regulating_pten():
    table = exocargo.find_relations("Exosomal miR-21 from macrophages down-regulates PTEN in gastric cancer cells.")
    assert list(table.columns) == RELATIONS_TABLE.columns
    row = table[table["target_symbol"] == "PTEN"].iloc[0]
    assert (row["regulator"], row["effect"], row["target_entrez"]) == ("hsa-miR-21", "down", "5728")
    assert row["ev_context"] and not row["negated"] and row["via"] == ""


def test_the_command_line_maps_a_file(tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("TP53\nPD-L1\n")
    exe = Path(sys.executable).parent / "exocargo"
    done = subprocess.run([str(exe), "map", str(names)], capture_output=True, text=True, check=True)
    lines = done.stdout.splitlines()
    assert lines[0].split("\t") == MAPPING_TABLE.columns
    assert any("\t29126\tCD274\t" in line for line in lines[1:])
