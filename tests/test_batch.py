"""Batch mode: a large gmt input enriched in chunks gives the same tables as in one job or set by set."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import GENES_TSV, REPO, make_workdir, require, run_workflow

from exocargo.enrichment.batch import (
    chunk_bounds,
    chunk_files,
    chunk_paths,
    concatenate_tables,
    mapping_chunk,
    merge_chunk_files,
    merge_chunk_records,
    plan_gmt_inputs,
)
from exocargo.errors import InputError
from exocargo.files import read_columnar, read_tsv

LIBRARIES = ["KEGG_2021_Human", "WikiPathway_2023_Human"]


# --------------------------------------------------------------------------- units


@pytest.mark.parametrize(("items", "chunks"), [(10, 3), (7, 7), (10_000, 5), (2001, 2)])
def test_chunk_bounds_cover_every_item_once(items, chunks):
    bounds = chunk_bounds(items, chunks)
    assert len(bounds) == chunks
    assert [i for start, stop in bounds for i in range(start, stop)] == list(range(items))
    sizes = [stop - start for start, stop in bounds]
    assert max(sizes) - min(sizes) <= 1


def test_chunk_jobs_write_beside_the_list_outputs_and_merge_reads_them_in_order():
    patterns = chunk_paths({"table": "results/enrichment/{list_id}.{library}.tsv"})
    assert patterns == {"table": "results/batch/{list_id}.chunk{chunk}.{library}.tsv"}
    assert chunk_files(patterns, 3, list_id="figs", library="KEGG") == {
        "table": [f"results/batch/figs.chunk{i}.KEGG.tsv" for i in range(3)]
    }


def test_mapping_chunks_partition_the_queries_in_order():
    mapping = pd.DataFrame(
        {"query": ["z", "z", "a", "m", "m", "m", "b", "q"], "input_name": list("abcdefgh")},
    )
    chunks = [mapping_chunk(mapping, chunk, 3) for chunk in range(3)]
    assert [list(dict.fromkeys(c["query"])) for c in chunks] == [["z"], ["a", "m"], ["b", "q"]]
    assert pd.concat(chunks).equals(mapping)


def test_more_chunks_than_sets_is_refused_with_the_fix():
    mapping = pd.DataFrame({"query": ["a", "b"], "input_name": ["x", "y"]})
    with pytest.raises(
        InputError, match=r"figures.mapping.tsv: 2 sets with names, fewer than the 3 chunks.*gmt_chunk_size"
    ):
        mapping_chunk(mapping, 0, 3, source="figures.mapping.tsv")


def test_only_gmt_rows_above_the_chunk_size_are_batched(tmp_path: Path):
    big = tmp_path / "big.gmt"
    big.write_text("".join(f"s{i}\t\tTP53\n" for i in range(11)) + "\n\n")
    small = tmp_path / "small.gmt"
    small.write_text("s1\t\tTP53\ns2\t\tEGFR\n")
    genes = tmp_path / "genes.txt"
    genes.write_text("".join(f"G{i}\n" for i in range(50)))
    sheet = pd.DataFrame(
        {
            "list_id": ["big", "small", "genes"],
            "path": [str(big), str(small), str(genes)],
            "kind": ["gmt", "gmt", "genes"],
        }
    )
    assert plan_gmt_inputs(sheet, 5)[0] == {"big": 3}
    assert plan_gmt_inputs(sheet, 11)[0] == {}
    big.write_text("".join(f"s{i}\t\tTP53\r\n" for i in range(11)), encoding="utf-16")
    assert plan_gmt_inputs(sheet, 5)[0] == {"big": 3}


def test_concatenated_tables_keep_the_text_of_every_value(tmp_path: Path):
    first, second = tmp_path / "1.tsv", tmp_path / "2.tsv"
    first.write_text("query\tp_value\na\t1.2345678901234567e-300\n")
    second.write_text('query\tp_value\nb\t0.1\n"c\td"\t1\n')
    concatenate_tables([first, second], tmp_path / "all.tsv")
    assert (tmp_path / "all.tsv").read_text() == 'query\tp_value\na\t1.2345678901234567e-300\nb\t0.1\n"c\td"\t1\n'
    (tmp_path / "other.tsv").write_text("query\tterm\nx\ty\n")
    with pytest.raises(ValueError, match="other.tsv: header"):
        concatenate_tables([first, tmp_path / "other.tsv"], tmp_path / "bad.tsv")


def test_chunk_records_merge_per_query_entries_and_keep_shared_ones():
    first = {"library": {"name": "KEGG", "terms": 320}, "queries": {"b": {"genes": 3}}, "excluded": [], "notes": ["x"]}
    second = {"library": {"name": "KEGG", "terms": 320}, "queries": {"a": {"genes": 5}}, "excluded": [], "notes": ["y"]}
    assert merge_chunk_records([first, second]) == {
        "library": {"name": "KEGG", "terms": 320},
        "queries": {"b": {"genes": 3}, "a": {"genes": 5}},
        "excluded": [],
        "notes": ["x", "y"],
    }


def test_chunk_records_from_different_runs_are_refused():
    with pytest.raises(ValueError, match=r"disagree at /background/size \(100, 200\) in c0.json, c1.json"):
        merge_chunk_records(
            [{"background": {"size": 100}}, {"background": {"size": 200}}], sources=["c0.json", "c1.json"]
        )


def test_chunk_files_merge_by_type(tmp_path: Path):
    for chunk, query in enumerate("ba"):
        (tmp_path / f"c{chunk}.json").write_text(f'{{"queries": {{"{query}": 1}}, "terms_tested": 7}}')
    merge_chunk_files([tmp_path / "c0.json", tmp_path / "c1.json"], tmp_path / "all.json")
    assert (
        tmp_path / "all.json"
    ).read_text() == '{\n  "queries": {\n    "a": 1,\n    "b": 1\n  },\n  "terms_tested": 7\n}\n'
    with pytest.raises(ValueError, match=r"all.svg: no rule to merge chunks of .svg files"):
        merge_chunk_files([tmp_path / "c0.svg"], tmp_path / "all.svg")


# --------------------------------------------------------------------------- workflow


def figure_like_sets(count: int) -> dict[str, list[str]]:
    """Sets of 3..40 gene symbols (plus a miRNA and an unmappable word), names not in sorted order."""
    genes = read_tsv(require(GENES_TSV))
    symbols = sorted(genes.loc[genes["locus_type"] == "gene with protein product", "symbol"])
    pathway_genes = ["TP53", "EGFR", "KRAS", "PIK3CA", "AKT1", "MTOR", "MAPK1", "MAPK3", "STAT3", "JAK2"]
    rng = random.Random(20261122)
    sets = {}
    for index in rng.sample(range(count), count):
        size = rng.randint(3, 40)
        names = rng.sample(pathway_genes, rng.randint(0, 6)) + rng.sample(symbols, size)
        sets[f"fig_{index:02d}"] = [*dict.fromkeys(names), "miR-21", "XYZQQ9"]
    return sets


def config_with_chunk_size(size: int) -> str:
    text = (REPO / "config" / "config.yaml").read_text()
    changed, replaced = re.subn(r"(?m)^(\s+gmt_chunk_size:) \d+$", rf"\g<1> {size}", text)
    assert replaced == 1, "config/config.yaml has no enrichment: gmt_chunk_size line"
    return changed


def enrichment_targets(list_ids: list[str], libraries: list[str]) -> list[str]:
    return [f"results/enrichment/{list_id}.{library}.tsv" for list_id in list_ids for library in libraries]


@pytest.mark.slow
def test_chunked_gmt_equals_one_job_and_set_by_set_runs(tmp_path: Path):
    sets = figure_like_sets(9)
    gmt = tmp_path / "figures.gmt"
    gmt.write_text("".join("\t".join([name, "a figure", *genes]) + "\n" for name, genes in sets.items()))
    for name, genes in sets.items():
        (tmp_path / f"{name}.txt").write_text("\n".join(genes) + "\n")
    sheet = [{"list_id": "figures", "path": gmt, "kind": "gmt"}]
    one_by_one = [{"list_id": name, "path": tmp_path / f"{name}.txt", "kind": "genes"} for name in sets]

    chunked = make_workdir(tmp_path / "chunked", sheet + one_by_one, config_with_chunk_size(4))
    run_workflow(chunked, *enrichment_targets(["figures"], LIBRARIES), *enrichment_targets(list(sets), LIBRARIES[:1]))
    whole = make_workdir(tmp_path / "whole", sheet, config_with_chunk_size(100))
    run_workflow(whole, *enrichment_targets(["figures"], LIBRARIES))

    chunk_files = sorted(p.name for p in (chunked / "results" / "batch").glob("figures.chunk*.*.tsv"))
    assert len([f for f in chunk_files if not f.endswith(".mapping.tsv")]) == 3 * len(LIBRARIES)
    assert len(list((chunked / "results" / "batch").glob("figures.chunk*.json"))) == 3 * len(LIBRARIES)
    assert not (whole / "results" / "batch").exists()
    for library in LIBRARIES:
        for suffix in ("tsv", "json"):
            name = f"figures.{library}.{suffix}"
            assert (chunked / "results" / "enrichment" / name).read_bytes() == (
                whole / "results" / "enrichment" / name
            ).read_bytes(), name
        # The Parquet copy later steps read holds exactly the TSV's text, chunked or not.
        for work in (chunked, whole):
            tsv = read_tsv(work / "results" / "enrichment" / f"figures.{library}.tsv")
            columnar = read_columnar(work / "results" / "enrichment" / f"figures.{library}.parquet")
            pd.testing.assert_frame_equal(columnar, tsv, obj=f"{work.name} {library} parquet")
        batched_path = chunked / "results" / "enrichment" / f"figures.{library}.tsv"
        batched = read_tsv(batched_path)
        assert list(dict.fromkeys(batched["query"])) == [s for s in sets if s in set(batched["query"])]
        assert batched["query"].nunique() >= 7
    batched = read_tsv(chunked / "results" / "enrichment" / f"figures.{LIBRARIES[0]}.tsv")
    for name in sets:
        alone = read_tsv(chunked / "results" / "enrichment" / f"{name}.{LIBRARIES[0]}.tsv")
        rows = batched[batched["query"] == name].reset_index(drop=True)
        pd.testing.assert_frame_equal(rows, alone, obj=name)


@pytest.mark.slow
def test_a_large_gmt_stays_a_few_jobs(tmp_path: Path):
    gmt = tmp_path / "figures.gmt"
    gmt.write_text("".join(f"fig{i}\tfigure {i}\tTP53\tEGFR\n" for i in range(10_000)))
    work = make_workdir(tmp_path, [{"list_id": "figures", "path": gmt, "kind": "gmt"}], config_with_chunk_size(2000))
    dry_run = run_workflow(work, "--dry-run", "--quiet", "rules")
    counts = dict(re.findall(r"^(\w+)\s+(\d+)$", dry_run.stdout, re.MULTILINE))
    assert counts["split_mapping_chunk"] == "5"
    assert counts["run_enrichment_chunk"] == str(5 * 3)
    assert counts["merge_enrichment_chunks"] == "3"
    assert "run_enrichment" not in counts
    assert counts["map_gene_names"] == "1"


def test_a_gmt_with_a_malformed_line_is_planned_as_failed_not_chunked(tmp_path: Path):
    good = tmp_path / "good.gmt"
    good.write_text("".join(f"s{i}\t\tTP53\n" for i in range(12)))
    bad = tmp_path / "bad.gmt"
    bad.write_text("s1\t\tTP53\ns2 TP53 EGFR\ns3\t\tEGFR\n" * 4)
    sheet = pd.DataFrame({"list_id": ["good", "bad"], "path": [str(good), str(bad)], "kind": ["gmt", "gmt"]})
    chunks, failing = plan_gmt_inputs(sheet, 5)
    assert chunks == {"good": 3}
    assert list(failing) == ["bad"] and "line 2" in failing["bad"]


@pytest.mark.slow
def test_a_malformed_gmt_fails_once_and_no_later_job_of_it_runs(tmp_path: Path):
    bad = tmp_path / "bad.gmt"
    bad.write_text("".join(f"fig{i}\tfigure\tTP53\tEGFR\n" for i in range(30)) + "broken line without tabs\n")
    genes = tmp_path / "genes.txt"
    genes.write_text("TP53\nEGFR\nKRAS\n")
    sheet = [{"list_id": "bad", "path": bad, "kind": "gmt"}, {"list_id": "genes", "path": genes, "kind": "genes"}]
    work = make_workdir(tmp_path, sheet, config_with_chunk_size(10))
    dry_run = run_workflow(work, "--dry-run", "--quiet", "rules")
    counts = dict(re.findall(r"^(\w+)\s+(\d+)$", dry_run.stdout, re.MULTILINE))
    assert "split_mapping_chunk" not in counts and "run_enrichment_chunk" not in counts
    assert counts["extract_names"] == "2" and counts["map_gene_names"] == "1"
    run_workflow(work)
    results = work / "results"
    assert not list(results.glob("mapping/bad.*")) and not list(results.glob("enrichment/bad.*"))
    assert not list(results.glob("cargo/bad.*")) and not (results / "batch").exists()
    page = (results / "report" / "bad.html").read_text()
    assert "line 31" in page and "Not run" in page
    index = (results / "report" / "index.html").read_text()
    assert "line 31" in index
    assert (results / "enrichment" / "genes.KEGG_2021_Human.tsv").exists()
